"""Read what a statement claims about the applicant's record: first-attempt passes, scores, graduation year."""
from __future__ import annotations

import re

from ..inputs.profile import normalize_exam_name
from .literals import may_match

_EXAM_NAME = re.compile(r"\b(?:usmle\s+)?step\s*(?:1|one|2\s*ck|2|two|3|three)\b(?:\s*ck\b)?|\b2\s*ck\b", re.I)
_GENERIC_EXAMS = re.compile(r"\b(?:usmle|board exam|boards|licensing exam|steps|exams|examinations)\b", re.I)
_FIRST_ATTEMPT = re.compile(r"\bfirst[\s-](?:attempt|try|sitting)\b|\bnever (?:failed|retook|repeated|had to retake)\b",
                            re.I)
_FAIL_WORDS = re.compile(r"\bfail|\bdid not pass|\bdidn't pass|\bunsuccessful|\bnot pass|\bsecond attempt|\bretake|"
                         r"\bretook|\bre-?sat\b", re.I)
_SCORE_WORDS = re.compile(r"\bscor|\bpoints?\b|\bachiev|\bearn|\breceived\b|\bgot\b|\bpass|\ba\s+\d{3}\s+on\b", re.I)
_COMPARED = re.compile(r"\b(?:below|under|above|over|than|nearly|almost|around|about|approximately|roughly|cutoff|"
                       r"threshold|minimum|target|goal|aim\w*|predicted|practice|from)\b[^.\d]{0,20}$", re.I)
_PASS_WORDS = re.compile(r"\bpass(?:ed|es|ing)?\b|\bcleared\b|\bsucceeded\b", re.I)
_NEGATED = re.compile(r"\b(?:not|never|n't|no)\s+(?:\w+\s+)?(?:pass|successful|succeed|clear)", re.I)
SCORE_REACH = 45  # characters between a score and the exam it belongs to
_SCORE = re.compile(r"(?<![\d.])(1\d\d|2\d\d|300)(?![\d%])(?!\s*(?:%|percent|hours|patients|questions|beds|days|"
                    r"weeks|months|miles|people|cases|members|students|residents))", re.I)
_GRADUATION = re.compile(r"\b(?:I\s+graduated|after graduating|since graduating|upon graduating|my graduation|"
                         r"graduated|graduating)\b(?:[^.;]{0,80}?)\b(?:in|class of)\s+(?:[A-Z][a-z]+\s+)?"
                         r"((?:19|20)\d\d)\b")
_NOT_MINE = re.compile(r"\b(?:will graduate|my (?:sister|brother|mother|father|son|daughter|wife|husband|cousin|"
                       r"friend))",
                       re.I)
_USMLE = re.compile(r"^usmle\s+", re.I)
_BREAK_BEFORE = re.compile(r"\band\b|\bbut\b|,|\d")  # between an exam and a score that is not its own
_ON_EXAM = re.compile(r"\s*(?:on|in|for)\b[^,\d]*$")  # "224 on Step 2 CK"
# What a match needs, to rule most sentences out before the slower patterns: a first-attempt claim a word of each
# group ("first try", "never retook"); a stated score the first digit of _SCORE and an exam ("step", or the "ck"
# of "2 CK"); a stated graduation year the stem of _GRADUATION, a case-sensitive pattern.
FIRST_ATTEMPT_NEEDS = (("first", "never"), ("attempt", "try", "sitting", "failed", "retook", "repeated", "retake"))
SCORE_NEEDS = (("1", "2", "3"), ("step", "ck"))
GRADUATION_NEEDS = "graduat"


def first_attempt_claim(sentence: str) -> list[str] | None:
    """Exams claimed as passed on the first attempt: the one named nearest before the claim, [] for all USMLE
    exams when none is named, None when the sentence makes no such claim (an admitted failure is not one)."""
    claim = _FIRST_ATTEMPT.search(sentence) if may_match(sentence, *FIRST_ATTEMPT_NEEDS) else None
    if not claim or _FAIL_WORDS.search(sentence.replace("never failed", "")) or _NEGATED.search(sentence):
        return None
    if not claim.group(0).lower().startswith("never") and not _PASS_WORDS.search(sentence):
        return None
    mentions = [(m.start(), m.group(0)) for m in _EXAM_NAME.finditer(sentence)]
    before = [text for start, text in mentions if start < claim.start()]
    chosen = before[-1:] or [text for _, text in mentions][:1]
    if not chosen:
        return [] if _GENERIC_EXAMS.search(sentence) else None
    return [_exam(chosen[0])]


def stated_scores(sentence: str) -> list[tuple[str, int]]:
    """(exam, score) pairs: "Step 2 CK score of 221", "scored 238 on Step 2 CK"; comparisons are skipped."""
    if not may_match(sentence, *SCORE_NEEDS) or not _SCORE_WORDS.search(sentence):
        return []
    exams = list(_EXAM_NAME.finditer(sentence))
    pairs = []
    for number in _SCORE.finditer(sentence):
        if _COMPARED.search(sentence[:number.start()]):
            continue
        exam = _score_owner(sentence, number, exams)
        if exam:
            pairs.append((_exam(exam.group(0)), int(number.group(1))))
    return pairs


def _exam(mention: str) -> str:
    """The exam a mention names: "USMLE Step 2 CK" and "step 2ck" alike."""
    return normalize_exam_name(_USMLE.sub("", mention))


def _score_owner(sentence: str, number, exams):
    """The exam named just before the score ("Step 1 score of 205"), else just after it ("224 on Step 2 CK")."""
    before = [m for m in exams if 0 <= number.start() - m.end() <= SCORE_REACH
              and not _BREAK_BEFORE.search(sentence[m.end():number.start()])]
    if before:
        return before[-1]
    after = [m for m in exams if 0 <= m.start() - number.end() <= SCORE_REACH
             and _ON_EXAM.match(sentence[number.end():m.start()])]
    return after[0] if after else None


def stated_graduation_year(sentence: str) -> str | None:
    """The year the applicant says they graduated, when the sentence says it plainly."""
    match = _GRADUATION.search(sentence) if GRADUATION_NEEDS in sentence else None
    return match.group(1) if match and not _NOT_MINE.search(sentence) else None
