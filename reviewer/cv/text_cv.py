"""Read a Word or plain-text CV best-effort: headings, dated entry lines, applicant and exam lines."""
from __future__ import annotations

import re

from ..errors import CVError
from .applicant_lines import APPLICANT_KEYS, EXAM_LINE, applicant_from_lines, exam_items
from .dates import split_range
from .model import CV
from .schema import MAX_ENTRIES, experience_from_dict
from .text_places import split_heading_fields, split_location

_MON = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?"
_YEAR = r"(?:19|20)\d\d"
_DATE = (rf"(?:{_MON}\s+(?:\d{{1,2}},?\s+)?{_YEAR}|(?:spring|summer|fall|autumn|winter)\s+{_YEAR}"
         rf"|\d{{1,2}}[/.-](?:\d{{1,2}}[/.-])?{_YEAR}|{_YEAR}[/-]\d{{1,2}}(?!\d)|{_YEAR})")
_RANGE = re.compile(rf"(?:since\s+)?{_DATE}(?:\s*(?:–|—|−|-+|to|until|through|thru)\s*"
                    rf"(?:{_DATE}|present|current|now|ongoing))?", re.I)
_HOURS = re.compile(r"\(?\b(?:hours(?: per |/)\s*week|hours/wk|hrs/wk)\s*:?\s*(\d+(?:\.\d+)?)\)?"
                    r"|\(?\b(\d+(?:\.\d+)?)\s*(?:hours|hrs|h)\s*(?:per|/|a)\s*(?:week|wk)\b\)?", re.I)
_BULLETS = ("•", "- ", "* ", "– ")
_FIELD = re.compile(r"^(description|meaningful|most meaningful|reflection)\s*:\s*(.*)$", re.I)
_HEADINGS = [(r"education|medical education|training", "education"),
             (r"(u\.?s\.?\s+)?clinical( experience)?s?|observerships?|externships?|usce|rotations", "clinical"),
             (r"research( experience)?s?|publications", "research"),
             (r"(work|employment|professional)( experience| history)?s?", "work"),
             (r"volunteer(ing)?( experience| work| service)?s?|community service|service", "volunteer"),
             (r"teaching( and mentoring)?( experience)?s?|mentoring", "teaching"),
             (r"(other )?(activities|experience|experiences|leadership)", "other"),
             (r"(usmle|licensing|board)?\s*(exams?|examinations?|scores?)|usmle", "exams"),
             (r"personal( information| details)?|contact|applicant", "applicant")]


def cv_from_lines(lines: list[str]) -> CV:
    """Build a CV from the lines of a Word or text CV; lines it cannot place are kept in ``unplaced``."""
    applicant, exams, entries, unplaced = {}, [], [], []
    section, current, last_field = "other", None, None
    for raw in lines:
        line = " ".join(raw.replace("\t", " | ").split()).strip(" |")
        if not line:
            last_field = None
            continue
        heading = _heading(line)
        if heading:
            section, current, last_field = heading, None, None
            continue
        key, _, value = line.partition(":")
        if key.strip().lower() in APPLICANT_KEYS and value.strip():
            applicant[APPLICANT_KEYS[key.strip().lower()]] = value.strip()
            continue
        if exam := EXAM_LINE.match(line):
            exams.extend(exam_items(exam.group(1), exam.group(2), line))
            continue
        if current is not None and (_FIELD.match(line) or line.startswith(_BULLETS)):
            last_field = _add_detail(current, line, last_field, unplaced)
            continue
        dated = _dated_entry(line, section)
        if dated is not None:
            entries.append(dated)
            current, last_field = dated, None
            continue
        if current is None:
            unplaced.append(line)
            continue
        last_field = _add_detail(current, line, last_field, unplaced)
    if len(entries) > MAX_ENTRIES:
        raise CVError(f"the CV has more than {MAX_ENTRIES} dated entries; at most {MAX_ENTRIES} are read")
    for entry in entries:
        entry.pop("guessed_organization", None)
    unplaced += [e["line"] for e in entries if not (e.get("title") or e.get("organization"))]
    entries = [{k: v for k, v in e.items() if k != "line"} for e in entries if e.get("title") or e.get("organization")]
    experiences = [experience_from_dict(entry, n) for n, entry in enumerate(entries, 1)]
    return CV(applicant_from_lines(applicant, exams), experiences, has_timeline=bool(experiences), unplaced=unplaced)


def _heading(line: str) -> str | None:
    text = line.strip("#*: ").lower()
    if len(text.split()) > 5:
        return None
    for pattern, kind in _HEADINGS:
        if re.fullmatch(pattern, text):
            return kind
    return None


def _dated_entry(line: str, section: str) -> dict | None:
    line, hours = _take_hours(line)
    for match in _RANGE.finditer(line):
        before, after = line[:match.start()].strip(" |,–—-:("), line[match.end():].strip(" |,–—-:)")
        if before and after:
            continue
        try:
            start, end = split_range(match.group(0))
        except CVError:
            return None  # a date we cannot read: the line is reported as unplaced
        entry = split_heading_fields(after or before)
        entry["line"] = line
        entry.update(type=section if section not in ("exams", "applicant") else "other", start=start, end=end)
        if hours is not None:
            entry["hours_per_week"] = hours
        return entry
    return None


def _take_hours(text: str) -> tuple[str, float | None]:
    match = _HOURS.search(text)
    if not match:
        return text, None
    value = float(match.group(1) or match.group(2))
    rest = (text[:match.start()] + text[match.end():]).strip(" |,;")
    return rest, int(value) if value.is_integer() else value


def _add_detail(entry: dict, line: str, last_field: str | None, unplaced: list) -> str | None:
    rest, hours = _take_hours(line)
    if hours is not None and not rest:
        entry["hours_per_week"] = hours
        return None
    field = _FIELD.match(line)
    if field:
        key = "description" if field.group(1).lower() == "description" else "meaningful"
        entry[key] = field.group(2).strip()
        return key
    if line.startswith(_BULLETS):
        text = line.lstrip("•-*– ").strip()
        entry["description"] = f"{entry['description']} {text}" if entry.get("description") else text
        return "description"
    place = split_location(line, organization_first=True)
    if not entry.get("organization") or (entry.pop("guessed_organization", False) and len(place) > 1):
        if entry.get("organization"):
            entry["title"] = f"{entry['title']}, {entry['organization']}"
        entry.update(place)
        return None
    if last_field in ("description", "meaningful"):
        entry[last_field] = f"{entry[last_field]} {line}"
        return last_field
    unplaced.append(line)
    return None
