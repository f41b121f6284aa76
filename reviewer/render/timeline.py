"""Geometry of the CV timeline picture: one bar per entry on a month axis (its name above it), gaps and overlaps
marked, and the legend of the kinds of entry it shows."""
from __future__ import annotations

from ..months import from_index, to_index

WIDTH = 640
LEFT = 8
RIGHT = 12
TOP = 28  # room for the year labels
ROW = 40  # an entry's name, then its bar
BAR = 14
LABEL_CHARS = 78
YEAR_LABEL = 32  # about the width of "2026" in pixels
KIND_NAMES = {"clinical": "Clinical", "research": "Research", "work": "Work", "volunteer": "Volunteer",
              "teaching": "Teaching", "education": "Education", "other": "Other"}


def _short(text: str, limit: int = LABEL_CHARS) -> str:
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
    scale = (WIDTH - LEFT - RIGHT) / max(last - first, 1)

    def x(month: int) -> float:
        return round(LEFT + (month - first) * scale, 1)

    def bar_y(number: int) -> int:
        return TOP + (number - 1) * ROW + 18

    rows = []
    for entry, (start, end, reversed_) in zip(entries, spans):
        label = entry.get("title") or entry.get("organization") or "untitled entry"
        if entry.get("title") and entry.get("organization"):
            label = f"{entry['title']}, {entry['organization']}"
        when = f"{entry['start']} to {entry.get('end') or 'now'}"
        left, right = (x(end), x(start + 1)) if reversed_ else (x(start), x(end + 1))
        kind = entry.get("type") if entry.get("type") in KIND_NAMES else "other"
        rows.append({"number": entry["number"], "label": _short(f"{entry['number']}. {label} ({when})"), "type": kind,
                     "x": left, "width": max(round(right - left, 1), 2), "y": bar_y(entry["number"]),
                     "text_y": bar_y(entry["number"]) - 5, "reversed": reversed_, "ongoing": not entry.get("end"),
                     "title": f"{label}: {when}"})
    bottom = TOP + ROW * len(entries) + 4
    gaps = [{"x": x(to_index(g["start"])), "width": round(x(to_index(g["end"]) + 1) - x(to_index(g["start"])), 1),
             "label": f"gap {g['months']} mo", "title": f"Gap of {g['months']} months, {g['start']} to {g['end']}"}
            for g in cv.get("gaps", [])]
    for gap in gaps:  # a label near the right edge ends at its gap instead of running off the picture
        gap["anchor"], gap["label_x"] = ("end", round(gap["x"] + gap["width"], 1)) if gap["x"] + 70 > WIDTH else ("start", gap["x"] + 2)
    overlaps = []
    for o in cv.get("overlaps", []):
        a, b = sorted(o["entries"])
        overlaps.append({"x": x(to_index(o["start"])), "width": round(x(to_index(o["end"]) + 1) - x(to_index(o["start"])), 1),
                         "y": bar_y(a) - 3, "height": bar_y(b) - bar_y(a) + BAR + 6,
                         "title": f"Entries {a} and {b} overlap {o['start']} to {o['end']}: {o.get('reason', '')}"})
    years = []
    for m in range(first, last + 1):
        if m % 12 == 0:
            at = x(m)
            end_anchored = at + 3 + YEAR_LABEL > WIDTH  # the last year would be cut off at the right edge
            years.append({"x": at, "label": from_index(m)[:4], "label_x": at - 3 if end_anchored else at + 3,
                          "anchor": "end" if end_anchored else "start"})
    kinds = sorted({r["type"] for r in rows}, key=list(KIND_NAMES).index)
    return {"width": WIDTH, "height": bottom + 36, "rows": rows, "gaps": gaps, "overlaps": overlaps, "years": years,
            "as_of": {"x": x(as_of + 1), "label": f"as of {from_index(as_of)}"}, "bottom": bottom,
            "legend": [{"type": k, "name": KIND_NAMES[k]} for k in kinds],
            "ongoing": any(r["ongoing"] for r in rows), "reversed": any(r["reversed"] for r in rows)}
