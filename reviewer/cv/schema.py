"""Validate an applicant file given as a dict (from JSON, YAML or CSV) into a CV, naming entry and field in errors."""
from __future__ import annotations

from ..errors import CVError
from ..inputs.profile import exam_from_dict
from .dates import is_ongoing, parse_period, parse_range
from .model import CV, TYPES, Applicant, Experience

MAX_ENTRIES = 500
TEXT_FIELDS = ("title", "organization", "city", "state", "country", "description", "meaningful")
ENTRY_FIELDS = ("type", *TEXT_FIELDS[:5], "start", "end", "hours_per_week", "description", "meaningful")
APPLICANT_FIELDS = ("name", "medical_school", "country", "graduation", "exams")


def cv_from_dict(data) -> CV:
    """Check a dict in the DESIGN.md schema and build the CV; raise CVError on the first problem."""
    if not isinstance(data, dict):
        raise CVError("a CV file must hold an object with 'applicant' and/or 'experiences'")
    unknown = sorted(set(data) - {"applicant", "experiences"})
    if unknown:
        raise CVError(f"unknown top-level key '{unknown[0]}'; a CV file has 'applicant' and 'experiences'")
    applicant = applicant_from_dict(data["applicant"]) if data.get("applicant") is not None else None
    if "experiences" not in data:
        return CV(applicant, [], has_timeline=False)
    entries = data["experiences"]
    if not isinstance(entries, list):
        raise CVError("'experiences' must be a list of entries")
    if len(entries) > MAX_ENTRIES:
        raise CVError(f"'experiences' has {len(entries)} entries; at most {MAX_ENTRIES} are read")
    experiences = [experience_from_dict(entry, number) for number, entry in enumerate(entries, 1)]
    return CV(applicant, experiences, has_timeline=True)


def applicant_from_dict(data) -> Applicant:
    """Validate the applicant block: name, medical_school, country, graduation (YYYY-MM) and exams."""
    if not isinstance(data, dict):
        raise CVError("'applicant' must be an object with name, medical_school, country, graduation, exams")
    unknown = sorted(set(data) - set(APPLICANT_FIELDS))
    if unknown:
        raise CVError(f"applicant: unknown field '{unknown[0]}'; allowed: {', '.join(APPLICANT_FIELDS)}")
    values = {}
    for key in ("name", "medical_school", "country"):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise CVError(f"applicant: '{key}' must be text")
        values[key] = value.strip() if value else None
    graduation = data.get("graduation")
    if graduation is not None:
        graduation = _month_field(graduation, "applicant", "graduation", end=True)
    exams = data.get("exams") or []
    if not isinstance(exams, list):
        raise CVError("applicant: 'exams' must be a list of exam attempts")
    exams = [exam_from_dict(exam, f"applicant exam {i}") for i, exam in enumerate(exams, 1)]
    return Applicant(values["name"], values["medical_school"], values["country"], graduation, exams)


def _month_field(value, where: str, key: str, end: bool = False) -> str:
    try:
        period = parse_period(str(value))
    except CVError:
        raise CVError(f"{where}: '{key}' {value} is not a month") from None
    return period.last if end else period.first


def experience_from_dict(data, number: int) -> Experience:
    """Validate one entry; messages read "experience 3 (Tift Regional Medical Center): ..."."""
    if not isinstance(data, dict):
        raise CVError(f"experience {number}: must be an object with start, end, title, organization")
    name = data.get("organization") or data.get("title")
    where = f"experience {number}" + (f" ({name})" if isinstance(name, str) and name.strip() else "")
    unknown = sorted(set(data) - set(ENTRY_FIELDS))
    if unknown:
        raise CVError(f"{where}: unknown field '{unknown[0]}'; allowed: {', '.join(ENTRY_FIELDS)}")
    texts = {}
    for key in TEXT_FIELDS:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise CVError(f"{where}: '{key}' must be text, not {value!r}")
        texts[key] = value.strip() if isinstance(value, str) and value.strip() else None
    if not texts["title"] and not texts["organization"]:
        raise CVError(f"{where}: give a 'title' or an 'organization'")
    kind = str(data.get("type") or "other").strip().lower()
    if kind not in TYPES:
        raise CVError(f"{where}: 'type' {data.get('type')!r} must be one of {', '.join(TYPES)}")
    dates = _dates(data, where)
    hours = data.get("hours_per_week")
    if hours is not None and (isinstance(hours, bool) or not isinstance(hours, (int, float)) or not 0 < hours <= 168):
        raise CVError(f"{where}: 'hours_per_week' {hours!r} must be a number of hours from 1 to 168")
    return Experience(kind, texts["title"], texts["organization"], texts["city"], texts["state"], texts["country"],
                      dates.start, dates.end, hours, texts["description"], texts["meaningful"], dates.imprecise,
                      dates.latest_start, dates.earliest_end)


def _dates(data: dict, where: str):
    start, end = data.get("start"), data.get("end")
    if start is None or str(start).strip() == "":
        raise CVError(f"{where}: 'start' is missing; write the first month as YYYY-MM")
    for key, value in (("start", start), ("end", end)):
        if value is not None and not isinstance(value, str):
            raise CVError(f"{where}: '{key}' {value} is not a month (write it as text, e.g. \"2023-06\")")
        if value is not None and not (key == "end" and (is_ongoing(value) or not value.strip())):
            try:
                parse_period(value)
            except CVError:
                raise CVError(f"{where}: '{key}' {value} is not a month") from None
    if is_ongoing(start):
        raise CVError(f"{where}: 'start' {start} is not a month")
    ongoing = end is None or not end.strip() or is_ongoing(end)
    return parse_range(f"{start} to present" if ongoing else f"{start} to {end}")
