"""The applicant's exam record and whether it is a red flag the statement should address."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import CVError
from ..months import is_month

SCORED_EXAMS = ("USMLE Step 1", "USMLE Step 2 CK")
RESULTS = ("pass", "fail")
# What people type for a result: "Step 1=failed" as well as "fail", in any case.
RESULT_WORDS = {"pass": "pass", "passed": "pass", "fail": "fail", "failed": "fail"}


def is_score(value: str) -> bool:
    """A score written with the digits 0-9 (not "²" or "①", which str.isdigit also accepts) from 1 to 300."""
    return value.isascii() and value.isdigit() and len(value) <= 3 and 1 <= int(value) <= 300

_ALIASES = [
    (re.compile(r"^(usmle\s*)?step\s*(1|one|i)$", re.I), "USMLE Step 1"),
    (re.compile(r"^(usmle\s*)?step\s*(2|two|ii)\s*(ck)?$|^(usmle\s*)?2\s*ck$|^ck$", re.I), "USMLE Step 2 CK"),
    (re.compile(r"^(usmle\s*)?step\s*(3|three|iii)$", re.I), "USMLE Step 3"),
]


def normalize_exam_name(name: str) -> str:
    """Spell common exam names one way ("step 2ck" -> "USMLE Step 2 CK"); others are kept as written."""
    cleaned = " ".join(str(name).split())
    for pattern, canonical in _ALIASES:
        if pattern.match(cleaned):
            return canonical
    return cleaned


@dataclass(frozen=True)
class Exam:
    """One attempt at a licensing exam."""

    exam: str
    result: str | None = None  # "pass" | "fail" | None when only a score is known
    score: int | None = None
    date: str | None = None  # YYYY-MM

    @property
    def failed(self) -> bool:
        return self.result == "fail"

    def low(self, below: int) -> bool:
        """A USMLE Step 1 / Step 2 CK score under ``below`` (rules/score/not_addressed.yml: low_score)."""
        return self.exam in SCORED_EXAMS and self.score is not None and self.score < below

    def describe(self) -> str:
        what = f"{self.exam}: "
        if self.failed:
            what += "failed attempt"
        elif self.score is not None:
            what += f"score {self.score}"
        else:
            what += self.result or "result unknown"
        return what + (f" {self.date}" if self.date else "")

    def to_dict(self) -> dict:
        out = {"exam": self.exam, "result": self.result}
        if self.score is not None:
            out["score"] = self.score
        if self.date:
            out["date"] = self.date
        return out


@dataclass(frozen=True)
class Profile:
    """The exams we know of; ``flagged`` when the guide says the statement should address them: a failed
    attempt, or a scored USMLE exam under ``low_score`` (the param of rules/score/not_addressed.yml)."""

    exams: tuple[Exam, ...]
    low_score: int

    @property
    def reasons(self) -> list[str]:
        return [exam.describe() for exam in self.exams if exam.failed or exam.low(self.low_score)]

    @property
    def flagged(self) -> bool:
        return bool(self.reasons)

    def attempts(self, exam_name: str) -> list[Exam]:
        return [exam for exam in self.exams if exam.exam == exam_name]

    def to_dict(self) -> dict:
        return {"flagged": self.flagged, "reasons": self.reasons}


def exam_from_dict(data: dict, where: str) -> Exam:
    """Validate one exam record of the applicant file; ``where`` names it in messages."""
    if not isinstance(data, dict):
        raise CVError(f"{where}: must be an object with 'exam' and 'result' or 'score'")
    name = data.get("exam")
    if not isinstance(name, str) or not name.strip():
        raise CVError(f"{where}: 'exam' must name the exam, e.g. \"USMLE Step 1\"")
    result = data.get("result")
    if result is not None:
        if not isinstance(result, str) or result.strip().lower() not in RESULT_WORDS:
            raise CVError(f"{where} ({name}): 'result' {result!r} must be one of pass, fail")
        result = RESULT_WORDS[result.strip().lower()]
    score = data.get("score")
    if score is not None:
        if isinstance(score, bool) or not isinstance(score, (int, float)) or not 1 <= score <= 300:
            raise CVError(f"{where} ({name}): 'score' {score!r} must be a number from 1 to 300")
        score = int(score)
    if result is None and score is None:
        raise CVError(f"{where} ({name}): give a 'result' (pass or fail) or a 'score'")
    date = data.get("date")
    if date is not None and (not isinstance(date, str) or not is_month(date)):
        raise CVError(f"{where} ({name}): 'date' {date!r} is not a month (YYYY-MM)")
    return Exam(normalize_exam_name(name), result, score, date)


def parse_exam_flag(flag: str, where: str = "--exam") -> list[Exam]:
    """Read ``--exam "USMLE Step 1=fail,pass"`` or ``--exam "Step 2 CK=221"`` into exam attempts;
    ``where`` names the input in messages (the API's "exams[0]", say)."""
    name, sep, values = flag.partition("=")
    if not sep or not name.strip() or not values.strip():
        raise CVError(f"{where} {flag!r}: write it as NAME=RESULT or NAME=SCORE, e.g. \"USMLE Step 1=fail\"")
    exams = []
    for value in values.split(","):
        value = value.strip().lower()
        result = RESULT_WORDS.get(value)
        if result:
            exams.append(Exam(normalize_exam_name(name), result))
        elif is_score(value):
            exams.append(Exam(normalize_exam_name(name), "pass", int(value)))
        else:
            raise CVError(f"{where} {flag!r}: {value!r} is neither pass, fail nor a score from 1 to 300")
    return exams
