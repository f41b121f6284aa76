"""The CV timeline checks of DESIGN.md: gaps, overlaps, reversed dates, future starts and description lengths."""
from __future__ import annotations

from itertools import combinations

from .model import CV, Experience
from ..months import from_index, to_index


def is_reversed(entry: Experience) -> bool:
    """An entry that ends before it starts covers no months."""
    return entry.end is not None and to_index(entry.end) < to_index(entry.start)


def covered_months(entry: Experience, as_of: str) -> range:
    """Month indexes an entry covers on its widest reading, an ongoing entry running to as_of."""
    if is_reversed(entry):
        return range(0)
    return range(to_index(entry.start), to_index(entry.end or as_of) + 1)


def certain_months(entry: Experience, as_of: str) -> range:
    """Month indexes an entry covers on every reading of its dates (narrower when they are year-only)."""
    if is_reversed(entry):
        return range(0)
    first = to_index(entry.latest_start or entry.start)
    last = to_index(entry.earliest_end or entry.end or as_of)
    return range(first, last + 1)


def gap_window(cv: CV) -> int | None:
    """First month checked for gaps: the month after graduation, else the first entry's start."""
    if cv.applicant and cv.applicant.graduation:
        return to_index(cv.applicant.graduation) + 1
    starts = [to_index(e.start) for e in cv.experiences if not is_reversed(e)]
    return min(starts) if starts else None


def find_gaps(cv: CV, as_of: str, min_months: int = 3) -> list[dict]:
    """Runs of at least ``min_months`` uncovered months from graduation+1 to as_of, inclusive."""
    first = gap_window(cv)
    if first is None:
        return []
    covered = set()
    for entry in cv.experiences:
        covered.update(covered_months(entry, as_of))
    gaps, run = [], []
    for month in range(first, to_index(as_of) + 2):
        if month <= to_index(as_of) and month not in covered:
            run.append(month)
            continue
        if len(run) >= min_months:
            gaps.append({"start": from_index(run[0]), "end": from_index(run[-1]), "months": len(run)})
        run = []
    return gaps


def find_overlaps(cv: CV, as_of: str, max_hours: float = 80, full_time: float = 35) -> list[dict]:
    """Entry pairs overlapping on every reading of their dates that exceed max_hours together or are both
    full-time in different cities; the month one ends and the other starts does not count."""
    found = []
    for (i, a), (j, b) in combinations(enumerate(cv.experiences, 1), 2):
        shared = sorted(set(certain_months(a, as_of)) & set(certain_months(b, as_of)) - handover(a, b))
        if not shared or a.hours_per_week is None or b.hours_per_week is None:
            continue
        total = a.hours_per_week + b.hours_per_week
        if total > max_hours:
            reason = f"together {total:g} hours a week"
        elif (min(a.hours_per_week, b.hours_per_week) >= full_time and a.city and b.city
              and a.city.strip().lower() != b.city.strip().lower()):
            reason = f"both full-time, one in {a.city} and one in {b.city}"
        else:
            continue
        found.append({"entries": [i, j], "start": from_index(shared[0]), "end": from_index(shared[-1]),
                      "months": len(shared), "reason": reason})
    return found


def handover(a: Experience, b: Experience) -> set[int]:
    """The month one entry ends and the other starts: a change of post, not time spent in both."""
    return {to_index(x.end) for x, y in ((a, b), (b, a)) if x.end is not None and x.end == y.start}


def find_reversed(cv: CV) -> list[dict]:
    """Entries whose end month comes before their start month."""
    return [{"entry": n, "start": e.start, "end": e.end}
            for n, e in enumerate(cv.experiences, 1) if is_reversed(e)]


def find_future(cv: CV, as_of: str) -> list[dict]:
    """Entries that start after the as-of month."""
    return [{"entry": n, "start": e.start}
            for n, e in enumerate(cv.experiences, 1) if to_index(e.start) > to_index(as_of)]


def find_long_texts(cv: CV, max_description: int = 750, max_meaningful: int = 300) -> list[dict]:
    """Descriptions over the ERAS limit, and "most meaningful" reflections over theirs."""
    found = []
    for n, e in enumerate(cv.experiences, 1):
        for field, text, limit in (("description", e.description, max_description),
                                   ("meaningful", e.meaningful, max_meaningful)):
            if text and len(text) > limit:
                found.append({"entry": n, "field": field, "length": len(text), "limit": limit})
    return found
