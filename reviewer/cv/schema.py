"""Validate an applicant file given as a dict (from JSON, YAML or CSV) into a CV, naming entry and field.

A problem inside the file never stops the reading: an entry with a bad field is left out with a notice that names
the entry and the field ("experience 3 (Tift Regional Medical Center): 'end' 2023-13 is not a month"), and so is an
exam attempt, an applicant field or an unknown key; the rest is used. Only a file that is not an object, or holds
more entries than are read, raises CVError.
"""
from __future__ import annotations

from ..errors import CVError
from ..inputs.profile import exam_from_dict
from ..notices import Notice
from .dates import is_ongoing, parse_period, parse_range
from .model import CV, TYPES, Applicant, Experience

MAX_ENTRIES = 500
MAX_DEPTH = 8  # a CV nests four levels deep; deeper values are left as they are for validation to refuse
TEXT_FIELDS = ("title", "organization", "city", "state", "country", "description", "meaningful")
ENTRY_FIELDS = ("type", *TEXT_FIELDS[:5], "start", "end", "hours_per_week", "description", "meaningful")
APPLICANT_FIELDS = ("name", "medical_school", "country", "graduation", "exams")
LEFT_OUT = "this entry was left out"
MAX_NOTICES = 50  # notices listed for one CV; a CV with more problems says how many more there were


class EntryError(CVError):
    """One entry, exam or field that does not fit: ``where`` names it ("experience 3 (Grady)"), ``detail`` says
    what is wrong ("'end' 2023-13 is not a month"); the message is both, as "where: detail"."""

    def __init__(self, where: str, detail: str):
        super().__init__(f"{where}: {detail}")
        self.where = where
        self.detail = detail


def shown(value, limit: int = 60) -> str:
    """A value as quoted in a message, shortened when long (a 5,000-digit number, a pasted essay)."""
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _quoted(value) -> str:
    return repr(shown(value)) if isinstance(value, str) else shown(value)


def cv_from_dict(data) -> CV:
    """Check a dict in the DESIGN.md schema and build the CV; what does not fit is left out with a notice."""
    if not isinstance(data, dict):
        raise CVError("a CV file must hold an object with 'applicant' and/or 'experiences'")
    notices: list[Notice] = []
    data, replaced = clean_strings(data)
    if replaced:
        many = replaced != 1
        notices.append(Notice("cv", "the file", "", f"{replaced} character{'s' if many else ''} that "
                              f"{'are' if many else 'is'} not valid Unicode (a lone surrogate, such as the escape "
                              f"\\ud800) {'were' if many else 'was'} replaced with \ufffd"))
    for key in sorted(set(data) - {"applicant", "experiences"}, key=str):
        notices.append(Notice("cv", "the file", "", f"unknown top-level key '{shown(str(key))}'; a CV file has "
                                                    "'applicant' and 'experiences', so it was ignored"))
    applicant = None
    if data.get("applicant") is not None:
        applicant = applicant_from_dict(data["applicant"], notices)
    if "experiences" not in data:
        return CV(applicant, [], has_timeline=False, notices=capped(notices))
    entries = data["experiences"]
    if not isinstance(entries, list):
        notices.append(Notice("cv", "experiences", "", "'experiences' must be a list of entries, so no entry "
                                                       "was read"))
        return CV(applicant, [], has_timeline=False, notices=notices)
    if len(entries) > MAX_ENTRIES:
        raise CVError(f"'experiences' has {len(entries)} entries; at most {MAX_ENTRIES} are read")
    experiences, entry_notices = experiences_from_list(entries)
    notices += entry_notices
    return CV(applicant, experiences, has_timeline=bool(experiences) or not entry_notices, notices=capped(notices))


def capped(notices: list) -> list:
    """The first MAX_NOTICES notices, and one more saying how many were not listed."""
    if len(notices) <= MAX_NOTICES:
        return notices
    more = len(notices) - MAX_NOTICES
    return notices[:MAX_NOTICES] + [Notice("cv", "the file", "", f"{more:,} more problems like these were found; "
                                                                  f"only the first {MAX_NOTICES} are listed")]


def experiences_from_list(entries: list, problems: dict | None = None) -> tuple[list, list]:
    """The entries that fit, and a notice for each one left out. ``problems`` maps an entry's index to an
    EntryError found before validation (a CSV cell that is not a number)."""
    experiences, notices = [], []
    for number, entry in enumerate(entries, 1):
        try:
            if problems and number in problems:
                raise problems[number]
            experiences.append(experience_from_dict(entry, number))
        except EntryError as exc:
            notices.append(Notice("cv", exc.where, "", f"{exc.detail}; {LEFT_OUT}"))
    return experiences, notices


def clean_strings(value, depth: int = 0) -> tuple[object, int]:
    """The value with every lone surrogate in its strings (keys too) replaced by U+FFFD, and how many were."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            count = sum(1 for ch in value if "\ud800" <= ch <= "\udfff")
            return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in value), count
        return value, 0
    if depth >= MAX_DEPTH:
        return value, 0
    if isinstance(value, dict):
        out, total = {}, 0
        for key, item in value.items():
            key, a = clean_strings(key, depth + 1)
            item, b = clean_strings(item, depth + 1)
            out[key] = item
            total += a + b
        return out, total
    if isinstance(value, list):
        out, total = [], 0
        for item in value:
            item, count = clean_strings(item, depth + 1)
            out.append(item)
            total += count
        return out, total
    return value, 0


def applicant_from_dict(data, notices: list | None = None) -> Applicant | None:
    """Validate the applicant block: name, medical_school, country, graduation (YYYY-MM) and exams. A field or
    an exam that does not fit is left out with a notice (or raises CVError when ``notices`` is None)."""
    def problem(where: str, detail: str) -> None:
        if notices is None:
            raise CVError(f"{where}: {detail}")
        notices.append(Notice("cv", where, "", detail))

    if not isinstance(data, dict):
        if notices is None:
            raise CVError("'applicant' must be an object with name, medical_school, country, graduation, exams")
        notices.append(Notice("cv", "applicant", "", "'applicant' must be an object with name, medical_school, "
                                                     "country, graduation, exams, so it was left out"))
        return None
    for key in sorted(set(data) - set(APPLICANT_FIELDS), key=str):
        problem("applicant", f"unknown field '{shown(str(key))}'; allowed: {', '.join(APPLICANT_FIELDS)}; "
                             "it was ignored")
    values = {}
    for key in ("name", "medical_school", "country"):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            problem("applicant", f"'{key}' must be text; it was left out")
            value = None
        values[key] = value.strip() if value else None
    graduation = data.get("graduation")
    if graduation is not None:
        try:
            graduation = _month_field(graduation, "applicant", "graduation", end=True)
        except CVError as exc:
            problem("applicant", f"{str(exc).split(': ', 1)[-1]}; it was left out")
            graduation = None
    exams = data.get("exams") or []
    if not isinstance(exams, list):
        problem("applicant", "'exams' must be a list of exam attempts; they were left out")
        exams = []
    attempts = []
    for i, exam in enumerate(exams, 1):
        where = f"applicant exam {i}"
        try:
            attempts.append(exam_from_dict(exam, where))
        except CVError as exc:
            if notices is None:
                raise
            where, detail = _split_message(str(exc), where)
            notices.append(Notice("cv", shown(where, 120), "", f"{shown(detail, 200)}; this attempt was left out"))
    return Applicant(values["name"], values["medical_school"], values["country"], graduation, attempts)


def _split_message(message: str, where: str) -> tuple[str, str]:
    """("applicant exam 1 (USMLE Step 1)", "'result' 'maybe' must be one of pass, fail") from a message."""
    rest = message[len(where):] if message.startswith(where) else ""
    if rest.startswith(" ("):
        close = rest.find("): ")
        if close > 0:
            return where + rest[:close + 1], rest[close + 3:]
    if rest.startswith(": "):
        return where, rest[2:]
    return where, message


def _month_field(value, where: str, key: str, end: bool = False) -> str:
    try:
        period = parse_period(str(value))
    except CVError:
        raise CVError(f"{where}: '{key}' {shown(str(value))} is not a month") from None
    return period.last if end else period.first


def experience_from_dict(data, number: int) -> Experience:
    """Validate one entry; raise EntryError reading "experience 3 (Tift Regional Medical Center): ..."."""
    if not isinstance(data, dict):
        raise EntryError(f"experience {number}", "must be an object with start, end, title, organization")
    name = data.get("organization") or data.get("title")
    where = f"experience {number}" + (f" ({shown(name.strip())})" if isinstance(name, str) and name.strip() else "")
    unknown = sorted(set(data) - set(ENTRY_FIELDS), key=str)
    if unknown:
        raise EntryError(where, f"unknown field '{shown(str(unknown[0]))}'; allowed: {', '.join(ENTRY_FIELDS)}")
    texts = {}
    for key in TEXT_FIELDS:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise EntryError(where, f"'{key}' must be text, not {_quoted(value)}")
        texts[key] = value.strip() if isinstance(value, str) and value.strip() else None
    if not texts["title"] and not texts["organization"]:
        raise EntryError(where, "give a 'title' or an 'organization'")
    kind = str(data.get("type") or "other").strip().lower()
    if kind not in TYPES:
        raise EntryError(where, f"'type' {_quoted(data.get('type'))} must be one of {', '.join(TYPES)}")
    dates = _dates(data, where)
    hours = data.get("hours_per_week")
    if hours is not None and (isinstance(hours, bool) or not isinstance(hours, (int, float)) or not 0 < hours <= 168):
        raise EntryError(where, f"'hours_per_week' {_quoted(hours)} must be a number of hours from 1 to 168")
    return Experience(kind, texts["title"], texts["organization"], texts["city"], texts["state"], texts["country"],
                      dates.start, dates.end, hours, texts["description"], texts["meaningful"], dates.imprecise,
                      dates.latest_start, dates.earliest_end)


def _dates(data: dict, where: str):
    start, end = data.get("start"), data.get("end")
    if start is None or str(start).strip() == "":
        raise EntryError(where, "'start' is missing; write the first month as YYYY-MM")
    for key, value in (("start", start), ("end", end)):
        if value is not None and not isinstance(value, str):
            raise EntryError(where, f"'{key}' {shown(value)} is not a month (write it as text, e.g. \"2023-06\")")
        if value is not None and not (key == "end" and (is_ongoing(value) or not value.strip())):
            try:
                parse_period(value)
            except CVError:
                raise EntryError(where, f"'{key}' {shown(value)} is not a month") from None
    if is_ongoing(start):
        raise EntryError(where, f"'start' {shown(start)} is not a month")
    ongoing = end is None or not end.strip() or is_ongoing(end)
    return parse_range(f"{start} to present" if ongoing else f"{start} to {end}")
