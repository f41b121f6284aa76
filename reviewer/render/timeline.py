"""Geometry of the CV timeline picture: one bar per entry on a month axis, gaps and overlaps marked."""
from __future__ import annotations

from ..months import from_index, to_index

WIDTH = 760
LABEL_WIDTH = 250
TOP = 34
ROW = 26
BAR = 16


def _short(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _entry_months(entry: dict, as_of: int) -> tuple[int, int, bool]:
    start = to_index(entry["start"])
    end = to_index(entry["end"]) if entry.get("end") else as_of
    return start, end, end < start


def timeline(cv: dict) -> dict | None:
    """Everything the SVG template draws, in pixels; None when the CV has no dated entries."""
    entries = cv.get("entries") or []
    if not entries:
        return None
    as_of = to_index(cv["as_of"]) if cv.get("as_of") else max(to_index(e["start"]) for e in entries)
    spans = [_entry_months(e, as_of) for e in entries]
    months = [m for s, e, _ in spans for m in (s, e)] + [as_of]
    months += [to_index(g[k]) for g in cv.get("gaps", []) for k in ("start", "end")]
    first, last = min(months), max(months) + 1  # bars cover whole months: the last ends a month later
    scale = (WIDTH - LABEL_WIDTH - 10) / max(last - first, 1)

    def x(month: int) -> float:
        return round(LABEL_WIDTH + (month - first) * scale, 1)

    def y(number: int) -> int:
        return TOP + (number - 1) * ROW

    rows = []
    for entry, (start, end, reversed_) in zip(entries, spans):
        label = entry.get("title") or entry.get("organization") or "untitled entry"
        left, right = (x(end), x(start + 1)) if reversed_ else (x(start), x(end + 1))
        rows.append({"number": entry["number"], "label": _short(f"{entry['number']}. {label}"), "type": entry.get("type") or "other",
                     "x": left, "width": max(round(right - left, 1), 2), "y": y(entry["number"]) + (ROW - BAR) // 2,
                     "text_y": y(entry["number"]) + ROW // 2 + 4, "reversed": reversed_, "ongoing": not entry.get("end"),
                     "title": f"{label}: {entry['start']} to {entry.get('end') or 'now'}"})
    height = TOP + ROW * len(entries) + 24
    gaps = [{"x": x(to_index(g["start"])), "width": round(x(to_index(g["end"]) + 1) - x(to_index(g["start"])), 1),
             "label": f"gap {g['months']} mo", "title": f"Gap of {g['months']} months, {g['start']} to {g['end']}"}
            for g in cv.get("gaps", [])]
    overlaps = []
    for o in cv.get("overlaps", []):
        a, b = sorted(o["entries"])
        overlaps.append({"x": x(to_index(o["start"])), "width": round(x(to_index(o["end"]) + 1) - x(to_index(o["start"])), 1),
                         "y": y(a) + 2, "height": y(b) - y(a) + ROW - 4,
                         "title": f"Entries {a} and {b} overlap {o['start']} to {o['end']}: {o.get('reason', '')}"})
    years = [{"x": x(m), "label": from_index(m)[:4]} for m in range(first, last + 1) if m % 12 == 0]
    return {"width": WIDTH, "height": height, "rows": rows, "gaps": gaps, "overlaps": overlaps, "years": years,
            "as_of": {"x": x(as_of + 1), "label": f"as of {from_index(as_of)}"}, "bottom": height - 20,
            "label_width": LABEL_WIDTH}
