"""CVs written as labelled fields, the way the ERAS application lists an experience:

    1. Experience Type: Clinical
       Position Title: Observer
       Organization: Piedmont Atlanta Hospital
       City: Atlanta   State/Province: Georgia   Country: United States
       Start Date: 02/2023   End Date: 04/2023
       Average Hours/Week: 40

``as_entry_lines`` rewrites each such block as the lines of an ordinary entry (the type as a heading; title;
organization; city; dates and hours), which the text CV reader then reads like any other. Lines that are not
part of such a block pass through unchanged, and every line keeps its number for notices.
"""
from __future__ import annotations

import re

FIELD_NAMES = {
    "type": ("experience type", "type of experience", "type"),
    "title": ("position title", "position", "title", "role", "degree"),
    "organization": ("organization", "organisation", "institution", "employer", "hospital", "medical school"),
    "city": ("city", "location"),
    "start": ("start date", "start", "from", "date started"),
    "end": ("end date", "end", "to", "date ended"),
    "dates": ("dates of attendance", "dates"),
    "hours": ("average hours/week", "average hours per week", "hours/week", "hours per week", "hours"),
    "ignored": ("state/province", "state", "province", "country", "degree date", "graduation date"),
}
_NAME_OF = {label: name for name, labels in FIELD_NAMES.items() for label in labels}
_LABELS = "|".join(sorted((re.escape(label) for label in _NAME_OF), key=len, reverse=True))
# "Label: value", several on one line when two or more spaces or a tab separate them
_PAIR = re.compile(rf"(?:^|(?<=\s\s)|(?<=\t))(?P<label>{_LABELS})\s*:\s*(?P<value>.*?)(?=\s{{2,}}(?:{_LABELS})\s*:|\t|$)",
                   re.I)
_NUMBERED = re.compile(r"^\s*(?:\d{1,2}[.)]\s+)?")


def _fields(text: str) -> dict[str, str]:
    """The labelled fields of one line ({} when the line is not made only of such fields)."""
    body = _NUMBERED.sub("", text, count=1).strip()
    found, covered = {}, 0
    for match in _PAIR.finditer(body):
        found[_NAME_OF[match["label"].lower()]] = match["value"].strip()
        covered += len(match.group(0))
    return found if found and covered >= len(body.replace("\t", " ").strip()) * 0.6 else {}


def _entry_lines(block: dict[str, str], number: int) -> list[tuple[str, int, str]]:
    """The entry as the reader's usual lines: its type as a heading (when given), the title, the organization,
    the city, then the dates with the hours."""
    start, end = block.get("start", ""), block.get("end", "")
    dates = block.get("dates") or (f"{start} - {end}" if start and end else start)
    hours = f" ({block['hours']} hours per week)" if block.get("hours") and re.match(r"\d", block["hours"]) else ""
    heading = [(block["type"], number, "heading")] if block.get("type") else []
    lines = [block.get("title", ""), block.get("organization", ""), block.get("city", ""), (dates + hours).strip()]
    return heading + [(line, number, "") for line in lines if line]


def as_entry_lines(lines: list[tuple[str, int]]) -> list[tuple[str, int, str]]:
    """(text, number, kind) lines: each block of labelled entry fields rewritten as an entry's lines (its type a
    "heading"), the other lines as they were (kind ""). A block is a run of lines holding such fields that names
    an organization or a title, and its dates."""
    out: list[tuple[str, int, str]] = []
    i = 0
    while i < len(lines):
        block, j = {}, i
        while j < len(lines) and (fields := _fields(lines[j][0])):
            block.update(fields)
            j += 1
        if j > i and (block.get("start") or block.get("dates")) and (block.get("organization") or block.get("title")):
            out += _entry_lines(block, lines[i][1])
            i = j
        else:
            out.append((*lines[i], ""))
            i += 1
    return out
