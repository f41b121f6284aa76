"""Month arithmetic on "YYYY-MM" strings: months are counted as integers so runs and overlaps are simple."""
from __future__ import annotations


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
