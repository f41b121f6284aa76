"""Read what a statement claims about time spent, exam attempts, scores and graduation year."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..profile import normalize_exam_name

_UNITS = {"day": 1 / 30.44, "week": 1 / 4.345, "month": 1.0, "year": 12.0}
_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
NUMBER_WORDS = {w: n for n, w in enumerate(_ONES)} | _TENS | {"a": 1, "an": 1, "a couple of": 2, "half a": 0.5}
_NUM = (r"\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
        r"|a couple of|half a|" + "|".join(sorted(_ONES, key=len, reverse=True)) + r"|an|a")
DURATION = re.compile(rf"\b(?P<num>{_NUM})(?P<half>\s+and\s+a\s+half)?[\s-]+(?P<unit>day|week|month|year)s?"
                      rf"(?:[\s-]long)?(?P<half2>\s+and\s+a\s+half)?\b", re.I)
_NOT_A_STAY = re.compile(r"^[\s-]*(?:ago|later|earlier|before|after|prior|old|of age|into|in advance|"
                         r"(?:a|an|per|each|every)\s+(?:day|week|month|year))\b", re.I)
# A stay is introduced by one of these words ("spent nine weeks", "my ten-week", "for two years");
# "in two years" or "eleven times in two years" usually counts something else.
_STAY_BEFORE = {"for", "spent", "my", "a", "an", "the", "during", "over", "after", "completed", "almost", "nearly",
                "about", "approximately", "roughly", "than", "whole", "entire", "full", "those", "these", "that",
                "this", "our", "just", "only", "another", "first", "last", "final", "past", ""}
_STAY_WORDS = re.compile(r"\b(?:spent|spend|rotat|observ|extern|clerk|elective|work|volunteer|train|research|serv|"
                         r"shadow|coordinat|assist|scrib|fellow|resident|residency|house|intern|taught|stay)", re.I)
_BARE_ARTICLE_OK = {"for", "spent", "nearly", "almost", "about", "over", "than", "full", "whole", "entire",
                    "roughly", "approximately", "just", "only", "within", "after"}
_FREQUENCY_BEFORE = {"per", "every", "each", "once", "twice", "times", "hours", "days", "shifts"}


@dataclass(frozen=True)
class Duration:
    """A stated length of time in months, with its words and offsets in the sentence."""

    months: float
    words: str
    start: int
    end: int


def number_value(text: str) -> float:
    text = text.lower().replace("-", " ")
    if text[0].isdigit():
        return float(text)
    if text in NUMBER_WORDS:
        return float(NUMBER_WORDS[text])
    tens, _, ones = text.partition(" ")
    return float(_TENS[tens] + _ONES.index(ones))


def durations(sentence: str) -> list[Duration]:
    """Lengths of stay such as "nine weeks", "two and a half years", "a ten-week", "18 months"."""
    found = []
    if not _STAY_WORDS.search(sentence):
        return found
    for match in DURATION.finditer(sentence):
        num = match.group("num").lower()
        before = sentence[:match.start()].split()
        previous = before[-1].lower().strip(",") if before else ""
        if _NOT_A_STAY.match(sentence[match.end():]) or previous in _FREQUENCY_BEFORE:
            continue
        if num in ("a", "an") and previous not in _BARE_ARTICLE_OK:
            continue
        if previous not in _STAY_BEFORE and num not in ("a", "an"):
            continue
        value = number_value(num) + (0.5 if match.group("half") or match.group("half2") else 0)
        months = value * _UNITS[match.group("unit").lower()]
        found.append(Duration(months, match.group(0), match.start(), match.end()))
    return found


_EXAM_NAME = re.compile(r"\b(?:usmle\s+)?step\s*(?:1|one|2\s*ck|2|two|3|three)\b(?:\s*ck\b)?|\b2\s*ck\b", re.I)
_GENERIC_EXAMS = re.compile(r"\b(?:usmle|board exam|boards|licensing exam|steps|exams|examinations)\b", re.I)
_FIRST_ATTEMPT = re.compile(r"\bfirst[\s-](?:attempt|try|sitting)\b|\bnever (?:failed|retook|repeated|had to retake)\b",
                            re.I)
_FAIL_WORDS = re.compile(r"\bfail|\bdid not pass|\bdidn't pass|\bunsuccessful|\bnot pass|\bsecond attempt|\bretake|"
                         r"\bretook|\bre-?sat\b", re.I)
_SCORE_WORDS = re.compile(r"\bscor|\bpoints?\b|\bachiev|\bearn|\breceived\b|\bgot\b", re.I)
_SCORE = re.compile(r"(?<![\d.])(1\d\d|2\d\d|300)(?![\d%])(?!\s*(?:%|percent|hours|patients|questions|beds|days|"
                    r"weeks|months|miles|people|cases|members|students|residents))", re.I)
_GRADUATION = re.compile(r"\b(?:I\s+graduated|after graduating|since graduating|upon graduating|my graduation|"
                         r"graduated|graduating)\b(?:[^.;]{0,80}?)\b(?:in|class of)\s+(?:[A-Z][a-z]+\s+)?"
                         r"((?:19|20)\d\d)\b")
_NOT_MINE = re.compile(r"\b(?:will graduate|my (?:sister|brother|mother|father|son|daughter|wife|husband|cousin|friend))",
                       re.I)


def exams_named(sentence: str) -> list[str]:
    """Canonical names of the exams a sentence names ("Step 2" -> "USMLE Step 2 CK")."""
    names = []
    for match in _EXAM_NAME.finditer(sentence):
        name = normalize_exam_name(re.sub(r"(?i)^usmle\s+", "", match.group(0)))
        if name not in names:
            names.append(name)
    return names


def first_attempt_claim(sentence: str) -> list[str] | None:
    """Exams claimed as passed on the first attempt: the one named nearest before the claim, [] for all USMLE
    exams when none is named, None when the sentence makes no such claim (an admitted failure is not one)."""
    claim = _FIRST_ATTEMPT.search(sentence)
    if not claim or _FAIL_WORDS.search(sentence.replace("never failed", "")):
        return None
    mentions = [(m.start(), m.group(0)) for m in _EXAM_NAME.finditer(sentence)]
    before = [text for start, text in mentions if start < claim.start()]
    chosen = before[-1:] or [text for _, text in mentions][:1]
    if not chosen:
        return [] if _GENERIC_EXAMS.search(sentence) else None
    return [normalize_exam_name(re.sub(r"(?i)^usmle\s+", "", chosen[0]))]


def stated_scores(sentence: str) -> list[int]:
    """Three-digit scores in a sentence that talks about a score."""
    if not _SCORE_WORDS.search(sentence):
        return []
    return [int(m.group(1)) for m in _SCORE.finditer(sentence)]


def stated_graduation_year(sentence: str) -> str | None:
    """The year the applicant says they graduated, when the sentence says it plainly."""
    if _NOT_MINE.search(sentence):
        return None
    match = _GRADUATION.search(sentence)
    return match.group(1) if match else None
