"""Draw a CV as a month-by-month timeline in plain text, with gaps and overlaps marked."""
from __future__ import annotations

from ..months import from_index, to_index
from ..cv.timeline import covered_months, gap_window


def render_cv_text(cv, report) -> str:
    """One column per entry, one row per run of months in which the same entries are active."""
    as_of = report.as_of
    lines = [f"CV timeline as of {as_of}"]
    if not cv.has_timeline:
        return "\n".join(lines + ["  (no experiences listed, so there is no timeline to check)"])
    for number, entry in enumerate(cv.experiences, 1):
        end = entry.end or "present"
        hours = f", {entry.hours_per_week:g} h/week" if entry.hours_per_week else ""
        note = " (year only)" if entry.imprecise else ""
        lines.append(f"  {number:>2}  {entry.label} — {entry.start} to {end}{hours}{note}")
    rows = _rows(cv, report)
    if rows:
        header = " ".join(f"{n:>2}" for n in range(1, len(cv.experiences) + 1))
        lines += ["", f"  {'months':<19} {header}"]
        lines += [f"  {label:<19} {cells}  {note}".rstrip() for label, cells, note in rows]
    lines.append("")
    lines += [f"  GAP      {g['start']} to {g['end']} ({g['months']} months)" for g in report.gaps]
    lines += [f"  OVERLAP  entries {o['entries'][0]} and {o['entries'][1]}, {o['start']} to {o['end']}: {o['reason']}"
              for o in report.overlaps]
    lines += [f"  REVERSED entry {d['entry']} ends {d['end']} before it starts {d['start']}" for d in report.date_order]
    lines += [f"  FUTURE   entry {f['entry']} starts {f['start']}, after {as_of}" for f in report.future_date]
    lines += [f"  UNPLACED {line}" for line in cv.unplaced]
    if not (report.gaps or report.overlaps or report.date_order or report.future_date):
        lines.append("  no gaps, overlaps or reversed dates")
    return "\n".join(lines)


def _rows(cv, report) -> list[tuple[str, str, str]]:
    spans = [set(covered_months(e, report.as_of)) for e in cv.experiences]
    starts = [min(s) for s in spans if s]
    window = gap_window(cv)
    first = min([*starts, window] if window is not None else starts, default=None)
    last = max([to_index(report.as_of), *(max(s) for s in spans if s)], default=None)
    if first is None:
        return []
    gap_months = {m for g in report.gaps for m in range(to_index(g["start"]), to_index(g["end"]) + 1)}
    overlap_months = {m for o in report.overlaps for m in range(to_index(o["start"]), to_index(o["end"]) + 1)}
    rows, previous, run_start = [], None, first
    for month in range(first, last + 2):
        key = None if month > last else (tuple(month in s for s in spans), month in gap_months, month in overlap_months)
        if key != previous and previous is not None:
            rows.append(_row(run_start, month - 1, previous))
            run_start = month
        elif previous is None:
            run_start = month
        previous = key
    return rows


def _row(first: int, last: int, key) -> tuple[str, str, str]:
    active, gap, overlap = key
    label = from_index(first) if first == last else f"{from_index(first)}–{from_index(last)}"
    cells = " ".join(" █" if on else " ·" for on in active)
    count = last - first + 1
    note = f"{count} month{'s' if count != 1 else ''}" + ("  ← GAP" if gap else "") + ("  ← OVERLAP" if overlap else "")
    return label, cells, note
