"""Read the applicant lines of a Word or text CV: "Name: …", "Graduation: June 2019", "Step 1: Fail (08/2019), Pass"."""
from __future__ import annotations

import re

from ..errors import CVError
from ..inputs.profile import Exam, normalize_exam_name
from .dates import parse_period
from .model import Applicant

APPLICANT_KEYS = {"name": "name", "medical school": "medical_school", "school": "medical_school",
                  "country": "country", "graduation": "graduation", "graduated": "graduation",
                  "graduation date": "graduation"}
EXAM_LINE = re.compile(r"^((?:usmle\s*)?step\s*(?:1|2\s*ck|2|3|one|two|three)|oet|toefl)\s*:\s*(.+)$", re.I)


def exam_items(name: str, items: str, line: str) -> list[Exam]:
    """The attempts on one exam line: "Fail (08/2019), Pass (02/2020)" or a score such as "221"."""
    exams = []
    for item in re.split(r",\s*(?![^()]*\))", items):
        match = re.fullmatch(r"\s*(pass(?:ed)?|fail(?:ed)?|\d{2,3})\s*(?:\(([^)]*)\))?\s*", item, re.I)
        if not match:
            raise CVError(f"exam line {line!r}: {item.strip()!r} is not pass, fail or a score "
                          "(write e.g. 'Step 1: Fail (08/2019), Pass (02/2020)')")
        value, date = match.group(1).lower(), match.group(2)
        month = parse_period(date).first if date else None
        if value.isdigit():
            exams.append(Exam(normalize_exam_name(name), None, int(value), month))
        else:
            exams.append(Exam(normalize_exam_name(name), "fail" if value.startswith("fail") else "pass", None, month))
    return exams


def applicant_from_lines(values: dict, exams: list) -> Applicant | None:
    """The applicant block from "Key: value" lines and exam lines, or None when the CV has neither."""
    if not values and not exams:
        return None
    graduation = values.get("graduation")
    if graduation:
        try:
            graduation = parse_period(graduation).last
        except CVError:
            raise CVError(f"applicant: 'graduation' {graduation} is not a month") from None
    return Applicant(values.get("name"), values.get("medical_school"), values.get("country"), graduation, exams)
