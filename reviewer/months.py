"""Months written "YYYY-MM": checking them, and counting them as integers so runs and overlaps are simple."""
from __future__ import annotations

import re


def to_index(month: str) -> int:
    """'2023-06' -> a count of months since year 0, so consecutive months differ by one."""
    year, mon = month.split("-")
    return int(year) * 12 + int(mon) - 1


def from_index(index: int) -> str:
    """The inverse of to_index."""
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def shift(month: str, months: int) -> str:
    """The month ``months`` after (or before, when negative) ``month``."""
    return from_index(to_index(month) + months)


def span_months(start: str, end: str) -> int:
    """Inclusive count of months from start to end; 0 when end is before start."""
    return max(0, to_index(end) - to_index(start) + 1)


_MONTH = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")
FIRST_YEAR, LAST_YEAR = 1900, 2100  # months outside these years are typing mistakes, not dates


def is_month(value) -> bool:
    """Whether ``value`` is a month written YYYY-MM, with a plausible year (nothing before or after it)."""
    if not isinstance(value, str):
        return False
    m = _MONTH.fullmatch(value)
    return bool(m) and FIRST_YEAR <= int(m.group(1)) <= LAST_YEAR
