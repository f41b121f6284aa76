"""Read the applicant lines of a Word or text CV: "Name: …", the graduation, and the exam lines in the forms
people write ("USMLE Step 1 – Fail (Jan 2020); Pass (Aug 2020)", "Step 2 CK — 221 (June 2021)", "Step 1: 2 attempts,
passed 08/2020", "Step 3 – Pass, 224", a table row "USMLE Step 1 | Pass | 219 | 07/2018", or a sentence such as
"I passed Step 1 on my first attempt in April 2019 and scored 229 on Step 2 CK")."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import CVError
from ..inputs.profile import Exam, normalize_exam_name
from .dates import LINE_DATE, LINE_RANGE, parse_graduation, parse_period, split_range
from .model import Applicant

APPLICANT_KEYS = {"name": "name", "full name": "name", "medical school": "medical_school", "school": "medical_school",
                  "country": "country", "graduation": "graduation", "graduated": "graduation",
                  "graduation date": "graduation", "date of graduation": "graduation",
                  "year of graduation": "graduation"}

EXAM_NAME = re.compile(r"\b(?:usmle\s*)?step\s*(?:1|2|3|one|two|three|iii|ii|i)\b(?:\s*(?:ck|cs)\b)?"
                       r"|\bcomlex(?:-usa)?\s*level\s*(?:1|2|3)\b(?:\s*-?\s*(?:ce|pe)\b)?|\boet\b|\btoefl\b", re.I)
# A line that is about an exam from its first word: "USMLE Step 1: …", "Step 2 CK — …", "USMLE: Step 1 …".
_LEADING_EXAM = re.compile(rf"^\s*(?:usmle\s*[:–—-]\s*)?(?:{EXAM_NAME.pattern})", re.I)
_RESULT = re.compile(r"\b(?:(?P<failed>did\s+not\s+pass|not\s+passed|fail(?:ed|ing|ure)?|unsuccessful)"
                     r"|(?P<passed>pass(?:ed|ing)?|cleared))\b", re.I)
_SCORE = re.compile(r"(?<![\w/.-])([12]\d\d|300)(?![\w/]|[.-]\d)")
_COUNT = re.compile(r"\b(?:(\d|two|three|four|five)\s+attempts\b|(twice)\b|(three|four)\s+times\b)", re.I)
_ORDINAL = re.compile(r"\b(1st|2nd|3rd|4th|first|second|third|fourth)\s+attempt\b", re.I)
_CLAUSE = re.compile(r";|,|\.(?=\s|$)|\band\b|\bthen\b", re.I)
_LINE_DATE = re.compile(rf"(?<![\w/.-]){LINE_DATE}", re.I)
_NUMBERS = {"1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1,
            "2nd": 2, "3rd": 3, "4th": 4, "two": 2, "three": 3, "four": 4, "five": 5, "twice": 2}
# Words an exam line may hold besides results, scores and dates; any other word makes a structured line unreadable.
_FILLER = {"usmle", "on", "the", "my", "in", "at", "with", "a", "an", "of", "score", "scored", "scoring", "attempt",
           "attempts", "and", "then", "i", "took", "sat", "taken", "result", "results", "exam", "date", "was", "first",
           "second", "third", "fourth", "st", "nd", "rd", "th", "twice", "times", "three", "two", "four", "five",
           "time", "overall", "total", "points", "pts", "ck", "cs", "step", "level", "comlex", "usa"}
# The USMLE minimum passing scores by the month each took effect (earlier, lower standards are read as the first
# listed, so an old score is never called a pass it was not): a score written without a result reads as a pass
# only when it passed under the standard of its date, or of today when it has no date; otherwise the result is
# left unknown.
PASSING = {"USMLE Step 1": (("1900-01", 192), ("2018-01", 194), ("2022-01", 196)),
           "USMLE Step 2 CK": (("1900-01", 209), ("2022-07", 214)),
           "USMLE Step 3": (("1900-01", 196), ("2020-01", 198), ("2024-01", 200))}
_DEGREE = re.compile(r"\b(?:mbbs|mbbch|mbchb|mb\s*chb|mb\s*bs|bmbs|doctor of medicine|medical doctor|m[ée]dic[oa]"
                     r"|lekarz|licenciatura|graduat\w*|degree)\b|\b(?:MD|M\.D\.|DO)\b", re.I)


class ExamLineError(CVError):
    """An exam line that names an exam but cannot be read; ``detail`` says why without quoting the whole line."""

    def __init__(self, line: str, detail: str):
        super().__init__(f"exam line {line.strip()!r}: {detail}")
        self.detail = detail


@dataclass
class _Attempt:
    result: str | None = None
    score: int | None = None
    date: str | None = None
    ordinal: int | None = None

    def empty(self) -> bool:
        return self.result is None and self.score is None


def leads_with_exam(line: str) -> bool:
    """Whether the line starts with an exam's name ("Step 2 CK: 221", "USMLE: Step 1 passed ...")."""
    return bool(_LEADING_EXAM.match(line))


def is_exam_line(line: str) -> bool:
    """Whether a line outside an exam section is about an exam: it starts with the exam's name, followed by a
    colon, a dash or a bar ("Step 1: …", "Step 2 CK — …") or holding a result or a score ("Step 3 Pass 2021")."""
    match = _LEADING_EXAM.match(line)
    if not match:
        return False
    return bool(re.match(r"\s*[:–—|-]", line[match.end():])) or has_exam_result(line)


def has_exam_result(line: str) -> bool:
    """Whether the line holds a result word or a three-digit score besides dates."""
    blanked = _blank_dates(line)
    return bool(_RESULT.search(blanked) or _SCORE.search(blanked))


def _blank_dates(text: str) -> str:
    return _LINE_DATE.sub(lambda m: " " * len(m.group(0)), text)


def read_exam_line(line: str, strict: bool) -> list[Exam]:
    """The attempts on a line that names exams. ``strict`` (a line that starts with the exam's name) refuses
    words that are neither results, scores, dates nor attempt counts with an ExamLineError."""
    mentions = list(EXAM_NAME.finditer(line))
    if not mentions:
        return []
    if strict:
        _check_words(line, mentions)
    events = _events(line, mentions)
    exams = []
    for name, items in events:
        exams += _attempts(name, items)
    if strict and not exams:
        raise ExamLineError(line, "it names an exam but gives no result or score (write e.g. 'Step 1: Fail "
                                  "(08/2019), Pass (02/2020)')")
    return exams


def _check_words(line: str, mentions: list) -> None:
    """Raise ExamLineError naming the first comma- or semicolon-separated part holding an unknown word."""
    rest = line[mentions[0].end():]
    for item in re.split(r"[;,](?![^()]*\))", rest):
        blanked = _blank_dates(EXAM_NAME.sub(" ", item))
        blanked = _RESULT.sub(" ", _SCORE.sub(" ", blanked))
        words = [w.lower() for w in re.findall(r"[^\W\d_]+", blanked)]
        if any(w not in _FILLER for w in words):
            shown = item.strip(" :–—-|")
            raise ExamLineError(line, f"{shown!r} is not pass, fail or a score (write e.g. 'Step 1: Fail "
                                      "(08/2019), Pass (02/2020)')")


_NAMED_OR_DATED = re.compile(rf"(?P<exam>{EXAM_NAME.pattern})|(?P<date>{_LINE_DATE.pattern})", re.I)
_TOKENS = re.compile(rf"(?P<result>{_RESULT.pattern})|(?P<score>{_SCORE.pattern})|(?P<count>{_COUNT.pattern})"
                     rf"|(?P<ordinal>{_ORDINAL.pattern})|(?P<clause>{_CLAUSE.pattern})", re.I)


def _events(line: str, mentions: list) -> list[tuple[str, list]]:
    """Each exam named on the line with the results, scores, dates and attempt counts that belong to it: those of
    its own clause, and of the clauses that follow until another exam is named."""
    found = []  # (position, kind, value)
    pieces, last = [], 0
    for m in _NAMED_OR_DATED.finditer(line):
        if m.group("exam"):
            found.append((m.start(), "exam", normalize_exam_name(m.group("exam"))))
        else:
            try:
                found.append((m.start(), "date", parse_period(m.group("date")).first))
            except CVError:
                continue
        pieces += [line[last:m.start()], " " * (m.end() - m.start())]
        last = m.end()
    text = "".join(pieces) + line[last:]
    for m in _TOKENS.finditer(text):
        kind = m.lastgroup
        if kind == "result":
            found.append((m.start(), "result", "fail" if m.group("failed") else "pass"))
        elif kind == "score":
            found.append((m.start(), "score", int(m.group(0))))
        elif kind == "count":
            found.append((m.start(), "count", _NUMBERS[m.group(0).split()[0].lower()]))
        elif kind == "ordinal":
            found.append((m.start(), "ordinal", _NUMBERS[m.group(0).split()[0].lower()]))
        else:
            found.append((m.start(), ";" if m.group(0) == ";" else "clause", None))
    found.sort(key=lambda item: item[0])
    # Group into clauses; a clause naming an exam belongs to it, a clause naming none to the exam before.
    out: list[tuple[str, list]] = []
    clause: list = []

    def close():
        names = [value for _, kind, value in clause if kind == "exam"]
        items = [(kind, value) for _, kind, value in clause if kind != "exam"]
        if names:
            for name in names[:-1]:
                out.append((name, []))
            out.append((names[-1], items))
        elif out:
            out[-1][1].extend(items)
        clause.clear()

    for item in found:
        if item[1] in ("clause", ";"):
            close()
            if item[1] == ";" and out:
                out[-1][1].append((";", None))
            continue
        clause.append(item)
    close()
    return out


def _attempts(name: str, items: list) -> list[Exam]:
    attempts: list[_Attempt] = []
    current = _Attempt()
    count = None

    def close():
        nonlocal current
        if not current.empty():
            attempts.append(current)
        current = _Attempt()

    for kind, value in items:
        if kind == ";":
            close()
        elif kind == "result":
            if current.result is not None or current.date is not None:
                close()
            current.result = value
        elif kind == "score":
            if current.score is not None or current.date is not None:
                close()
            current.score = value
        elif kind == "date":
            if current.date is not None:
                close()
            current.date = value
        elif kind == "count":
            count = value
        elif kind == "ordinal":
            current.ordinal = value
    close()
    if not attempts:
        return []
    for attempt in attempts:
        if attempt.result is None and attempt.score is not None and _passed(name, attempt.score, attempt.date):
            attempt.result = "pass"
    # "2 attempts, passed 08/2020" or "passed on my second attempt": the attempts not written out were failed.
    last = attempts[-1]
    total = max(count or 0, last.ordinal or 0)
    missing = total - len(attempts) if last.result == "pass" else 0
    attempts = [_Attempt("fail") for _ in range(max(0, missing))] + attempts
    return [Exam(name, a.result, a.score, a.date) for a in attempts]


def _passed(name: str, score: int, date: str | None) -> bool:
    standards = PASSING.get(name)
    if not standards:
        return False
    needed = standards[-1][1]
    if date:
        needed = [minimum for since, minimum in standards if since <= date][-1]
    return score >= needed


def graduation_in(line: str) -> str | None:
    """The graduation month of a line that names a medical degree or a graduation together with one date
    ("… — MBBS, March 2017", "MD (2013)", "graduated July 2016"); None otherwise."""
    if not _DEGREE.search(line):
        return None
    dates = list(LINE_RANGE.finditer(line))
    if not dates:
        return None
    try:
        _, end = split_range(dates[-1].group(0))
        if end is None:
            return None
        return parse_graduation(end)
    except CVError:
        return None


def applicant_from_lines(values: dict, exams: list, graduation: str | None = None) -> Applicant | None:
    """The applicant block from "Key: value" lines, the graduation month and the exam attempts; None without any."""
    if not values and not exams and not graduation:
        return None
    return Applicant(values.get("name"), values.get("medical_school"), values.get("country"), graduation, exams)
