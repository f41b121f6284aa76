"""Read what a statement claims about the applicant's record: exam attempts (a first-attempt pass, a pass on the
second attempt, failing twice), scores (exact, approximate or a range) and the graduation year.

Each reader returns claims, not verdicts: crosscheck.py compares them with the CV. A claim says how exactly it
was put (``exact``), so that only a plain claim can become an error and a hedged one at most a warning."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..inputs.profile import normalize_exam_name
from .literals import Folded, folded, may_match

# "I did not need a second attempt": a first-attempt pass, said through the attempt that was not needed
_NO_SECOND = r"\b(?:did not|didn't|never|without)\s+(?:need(?:ing|ed)?|requir(?:e|ed|ing))\s+(?:a|any|another)\s+" \
             r"(?:second|another|further)?\s*(?:attempt|try|sitting|retake)\b"
_EXAM_NAME = folded(r"\b(?:usmle\s+)?step\s*(?:1|one|2\s*ck|2|two|3|three)\b(?:\s*ck\b)?|\b2\s*ck\b")
_GENERIC_EXAMS = folded(r"\b(?:usmle|boards|steps|exam|exams|examination|examinations)\b")
_EVERY_EXAM = folded(r"\b(?:every|all|each|both)\b(?:\s+\w+){0,3}?\s+(?:exams?|examinations|steps|boards)\b")
_FIRST_ATTEMPT = folded(r"\bfirst[\s-](?:attempts?|tries|try|sittings?|time|opportunity|chance|go|shot)\b|"
                        r"\bnever (?:failed|retook|repeated|re-?sat|had to (?:retake|repeat|resit|re-sit|sit))\b|"
                        r"\b(?:took|sat|wrote|attempted)\b[^.;,]{0,25}?\bonce\b|"
                        r"\b(?:in|on|at)\s+(?:one|a single)\s+(?:attempt|try|sitting|go)\b|" + _NO_SECOND)
_FAIL_WORDS = folded(r"\bfail|\bdid not pass|\bdidn't pass|\bunsuccessful|\bnot pass|\bsecond attempt|\bretake|"
                     r"\bretook|\bre-?sat\b|\bfell short\b|\bbelow the pass|\bmissed the pass")
_PASS_WORDS = folded(r"\bpass(?:ed|es|ing|er)?\b|\bcleared\b|\bsucceeded\b|\b(?:got|made it|came) through\b")
_GRADING = folded(r"\bpass[/-]fail\b|\bpass or fail\b")  # how an exam is graded, not a result
_NEGATED = folded(r"\b(?:not|never|n't|no|unable)\s+(?:\w+\s+){0,3}?(?:pass|successful|succeed|clear)")
_OTHERS_ATTEMPT = folded(r"\b(?:their|his|her|your)\s+first[\s-](?:attempt|try|sitting)\b")

# --- attempts other than the first: "passed on my second attempt", "failed it twice", "after two attempts" ----
_ORDINALS = {"second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5, "5th": 5}
_COUNTS = {"once": 1, "one time": 1, "twice": 2, "two times": 2, "2 times": 2, "three times": 3, "3 times": 3,
           "thrice": 3, "four times": 4}
_ORDINAL = r"(?P<ordinal>second|2nd|third|3rd|fourth|4th|fifth|5th)"
_PASSED_ON_NTH = folded(
    rf"\b(?:pass\w*|clear\w*|succeed\w*|success\w*|got through)\b[^.;]{{0,50}}?\b(?:(?:on|at|in|with)\s+)?"
    rf"(?:my|the|our|a)\s*{_ORDINAL}[\s-](?:attempt|try|sitting|time|go|opportunity|chance)\b"
    rf"|\b(?:(?:on|at|in|with|after)\s+)?(?:my|the|our|a)\s*{_ORDINAL.replace('ordinal', 'ordinal2')}[\s-]"
    r"(?:attempt|try|sitting|time|go|opportunity|chance)\b[^.;]{0,50}?\b(?:pass\w*|clear\w*|succeed\w*|success\w*|"
    r"got through)\b")
_FAILED_N = folded(r"\b(?:fail\w*|did not pass|didn't pass|was unsuccessful)\b[^.;,]{0,30}?\b(?P<count>once|one time|"
                   r"twice|two times|2 times|three times|3 times|thrice|four times)\b")
_SOME_FAIL = folded(r"\b(?:fail\w*|did not pass|didn't pass|not pass\w*|unsuccessful|retook|retake|re-?sat|"
                    r"repeat\w*|more than one (?:attempt|try|sitting)|multiple (?:attempts|tries|sittings)|"
                    r"several (?:attempts|tries|sittings)|second (?:attempt|try|sitting))\b")
_NO_FAIL = folded(r"\b(?:never|not|n't|without)\s+(?:\w+\s+)?(?:fail\w*|retak\w*|retook|repeat\w*)\b")

# --- scores ---------------------------------------------------------------------------------------------------
_SCORE_WORDS = folded(r"\bscor|\bpoints?\b|\bachiev|\bearn|\breceived\b|\bgot\b|\bpass|\ba\s+\d{3}\s+on\b|"
                      r"\b\d{3}\s+(?:on|in)\b|\bresult|\bobtain|\battain|\bsecured\b|\bmade\b|\bmark|"
                      r"\b(?:was|were|is|of|with)\s+(?:a\s+)?\d{3}\b")
# A number that is not the applicant's score: a target, a cut-off, a practice test, someone else's
_NOT_MY_SCORE = folded(r"\b(?:cutoff|cut-off|threshold|minimum|passing score|target|goal|aim\w*|predict\w*|"
                       r"practice|self-assessment|nbme|uwsa|from|average|mean|median|needed|required|hoped|"
                       r"wanted|expected)\b[^.\d]{0,25}$")
_SCORE_HEDGES = [
    ("about", r"about|around|approximately|roughly|circa|close to|near|more or less|~"),
    ("under", r"almost|nearly|just under|just below|a little under|slightly under|slightly below"),
    ("above", r"above|over|more than|higher than|greater than|at least|in excess of|beyond"),
    ("below", r"below|under|less than|lower than|beneath|short of"),
]
_SCORE_HEDGE = folded(r"\b(?:" + "|".join(f"(?P<{k}>{w})" for k, w in _SCORE_HEDGES) + r")\s*(?:a\s+)?$")
_DECADE = folded(r"\b(?:the\s+)?(?:(?P<part>low|lower|mid|middle|high|upper)[\s-]*)?(?P<tens>1[5-9]|2[0-9])0'?s\b")
_RANGE = folded(r"\b(?:between\s+)?(?P<a>1\d\d|2\d\d|300)\s*(?:-|–|to|and)\s*(?P<b>1\d\d|2\d\d|300)\b")
SCORE_REACH = 45  # characters between a score and the exam it belongs to
_SCORE = folded(r"(?<![\d.])(1\d\d|2\d\d|300)(?![\d%])(?!\s*(?:%|percent|hours|patients|questions|beds|days|"
                r"weeks|months|miles|people|cases|members|students|residents))")
_BREAK_BEFORE = re.compile(r"\band\b|\bbut\b|,|\d")  # between an exam and a score that is not its own
_ON_EXAM = re.compile(r"\s*(?:I\s+(?:earned|got|scored|received|obtained|achieved|made)\s+)?(?:on|in|for)\b[^,\d]*$")
# "224 on Step 2 CK", "238 in Step 2 CK", "the 251 I earned on Step 2 CK"
_USMLE = folded(r"^usmle\s+")

# --- graduation -----------------------------------------------------------------------------------------------
_YEAR = r"((?:19|20)\d\d)"
_MED_DEGREE = r"(?:medical school|med school|medical college|medical university|my medical (?:degree|studies|training)|" \
              r"my (?:MD|M\.D\.|MBBS|MBChB|MBBCh|degree in medicine)|the MD|the MBBS|MD|MBBS)"
_GRADUATION = re.compile(
    rf"\b(?:graduated|graduating|graduate|my graduation|(?:finished|completed|received|earned|obtained|got|took)\s+"
    rf"{_MED_DEGREE})\b(?:[^.;]{{0,80}}?)\b(?:in|class of)\s+(?P<hedge>(?:sometime\s+)?(?:about|around|"
    rf"approximately|circa|roughly|more or less)\s+)?(?:(?:the\s+)?year\s+|[A-Z][a-z]+\s+|(?:spring|summer|fall|autumn|"
    rf"winter)\s+(?:of\s+)?)?{_YEAR}\b"
    rf"|\b[Ii]n\s+(?:[A-Z][a-z]+\s+)?{_YEAR},?\s+I\s+(?:graduated|finished\s+{_MED_DEGREE}|completed\s+{_MED_DEGREE})"
    rf"|\bmy\s+{_YEAR}\s+graduation\b"
    rf"|\bgraduated\s+(?P<hedge2>(?:sometime\s+)?(?:about|around|approximately|circa|roughly))\s+{_YEAR}")
# "before 2016", "in the early 2010s": when, roughly (a hedged claim)
_GRADUATION_SPAN = re.compile(
    rf"\b(?:graduated|graduating|(?:finished|completed|received|earned|obtained)\s+{_MED_DEGREE})\b[^.;]{{0,60}}?"
    r"\b(?:(?P<side>before|after|by)\s+(?P<year>(?:19|20)\d\d)|in\s+the\s+(?P<part>early|mid|late)[\s-]*"
    r"(?P<decade>(?:19|20)\d)0'?s)\b")
_NOT_MINE = folded(r"\b(?:my|our|his|her|their)\s+(?:sister|brother|mother|father|son|daughter|wife|husband|"
                   r"cousin|friend|classmates?|colleagues?)\b")
_OTHER_DEGREE = folded(r"\b(?:high school|secondary school|(?<!medical )college|undergraduate|bachelor\w*|"
                       r"master\w*|mph|msc|ms\b|phd|residency|fellowship|nursing school|pharmacy)\b")

# What a match needs, to rule most sentences out before the slower patterns: a first-attempt claim a word of each
# group ("first try", "never retook"); a stated score the first digit of _SCORE and an exam ("step", or the "ck"
# of "2 CK"); a stated graduation year the stem of _GRADUATION, a case-sensitive pattern.
FIRST_ATTEMPT_NEEDS = (("first", "never", "once", "one", "single", "need", "requir"),
                       ("attempt", "tries", "try", "sitting", "time", "opportunity", "chance", "go", "shot", "failed",
                        "retook", "repeated", "re-sat", "resat", "had to", "once", "retake"))
ATTEMPT_NEEDS = (("fail", "pass", "attempt", "try", "sitting", "retook", "retake", "re-sat", "resat", "repeat",
                  "unsuccessful", "clear", "succe"),)
SCORE_NEEDS = (("1", "2", "3"), ("step", "ck"))
GRADUATION_NEEDS = "graduat"  # (or a verb of finishing: see graduation_claim)
YEAR_NEEDS = (("19", "20"),)  # every graduation claim gives a year ("2018") or a decade ("the early 2010s")
# The same kind of test for the attempt patterns, each a word every match of it holds: an ordinal for
# _PASSED_ON_NTH, a failing word and a count for _FAILED_N, a failing or retaking word for _SOME_FAIL, both halves of
# "pass/fail" for _GRADING, an exam for _EXAM_NAME, a relative for _NOT_MINE (tests/cv/test_quick_tests.py).
NTH_NEEDS = (tuple(_ORDINALS),)
FAILED_N_NEEDS = (("fail", "pass", "unsuccessful"), ("once", "one time", "twice", "times", "thrice"))
SOME_FAIL_NEEDS = (("fail", "not pass", "n't pass", "unsuccessful", "retook", "retake", "resat", "re-sat", "repeat",
                    "more than one", "multiple", "several", "second"),)
GRADING_NEEDS = (("pass",), ("fail",))
EXAM_NEEDS = SCORE_NEEDS[1:]
# every score a claim gives is three digits, the first 1, 2 or 3 ("221", "the low 220s", "between 215 and 220")
SCORE_NUMBER = re.compile(r"[123]\d\d")
# attempt_claims finds a claim only where one of its four patterns matches (on top of ATTEMPT_NEEDS)
ATTEMPT_CLAIM_NEEDS = (FIRST_ATTEMPT_NEEDS, NTH_NEEDS, FAILED_N_NEEDS, SOME_FAIL_NEEDS)
NOT_MINE_NEEDS = (("sister", "brother", "mother", "father", "son", "daughter", "wife", "husband", "cousin", "friend",
                   "classmate", "colleague"),)


def _search(pattern: Folded, needs: tuple, sentence: str):
    """``pattern.search(sentence)``, skipped when the sentence lacks a literal every match needs."""
    return pattern.search(sentence) if may_match(sentence, *needs) else None


def _exam_names(sentence: str) -> list:
    """The exams the sentence names ("Step 1", "USMLE Step 2 CK", "2 CK"), as matches."""
    return list(_EXAM_NAME.finditer(sentence)) if may_match(sentence, *EXAM_NEEDS) else []


@dataclass(frozen=True)
class AttemptClaim:
    """What a sentence says about the attempts at one exam (``exam`` None: no exam named; ``every``: all of
    them): ``fails`` the exact number of failed attempts it implies (0 for a first-attempt pass), or None with
    ``some_fail`` when it only says there was at least one."""

    exam: str | None
    fails: int | None
    some_fail: bool
    words: str
    start: int
    end: int
    every: bool = False

    @property
    def first_pass(self) -> bool:
        return self.fails == 0


@dataclass(frozen=True)
class ScoreClaim:
    """A score the applicant says they got: ``low``-``high`` (equal for an exact score)."""

    exam: str
    low: int
    high: int
    words: str
    start: int
    end: int

    @property
    def exact(self) -> bool:
        return self.low == self.high


def first_attempt_claim(sentence: str) -> list[str] | None:
    """Exams claimed as passed on the first attempt: the one named nearest before the claim, [] for all USMLE
    exams when none is named, None when the sentence makes no such claim (an admitted failure is not one)."""
    claim = _FIRST_ATTEMPT.search(sentence) if may_match(sentence, *FIRST_ATTEMPT_NEEDS) else None
    if not claim:
        return None
    rest = sentence
    if re.match(r"never|did|didn't|without", claim.group(0), re.I):
        rest = rest.replace(claim.group(0), "")  # its own "failed" or "second attempt" admits no failure
    if _FAIL_WORDS.search(rest) or _NEGATED.search(sentence):
        return None
    if _OTHERS_ATTEMPT.search(sentence):
        return None
    if not re.match(r"never|did|without", claim.group(0), re.I) and not _PASS_WORDS.search(sentence):
        return None
    mentions = [(m.start(), m.group(0)) for m in _exam_names(sentence)]
    before = [text for start, text in mentions if start < claim.start()]
    chosen = before[-1:] or [text for _, text in mentions]  # "a first-time pass on Step 1 and Step 2 CK": both
    if not chosen:
        return [] if _GENERIC_EXAMS.search(sentence) else None
    return list(dict.fromkeys(_exam(text) for text in chosen))


def attempt_claims(sentence: str) -> list[AttemptClaim]:
    """What the sentence says about exam attempts: a first-attempt pass, a pass on the second (third...)
    attempt, failing once or twice, or only that there was a failure ("after more than one attempt")."""
    if not may_match(sentence, *ATTEMPT_NEEDS):
        return []
    if may_match(sentence, *GRADING_NEEDS):  # "Step 1 is now pass/fail": how it is graded (offsets kept)
        sentence = _GRADING.sub(lambda m: " " * len(m.group(0)), sentence)
    first = first_attempt_claim(sentence)
    if first is not None:
        match = _FIRST_ATTEMPT.search(sentence)
        if not first or _EVERY_EXAM.search(sentence):
            return [AttemptClaim(None, 0, False, match.group(0), match.start(), match.end(), every=True)]
        return [AttemptClaim(exam, 0, False, match.group(0), match.start(), match.end()) for exam in first]
    nth = _search(_PASSED_ON_NTH, NTH_NEEDS, sentence)
    if nth:
        ordinal = (nth.group("ordinal") or nth.group("ordinal2")).lower()
        return [AttemptClaim(_owner_exam(sentence, nth.start(), nth.end()), _ORDINALS[ordinal] - 1, True,
                             nth.group(0), nth.start(), nth.end())]
    counted = _search(_FAILED_N, FAILED_N_NEEDS, sentence)
    if counted and not _NO_FAIL.search(sentence):
        return [AttemptClaim(_owner_exam(sentence, counted.start(), counted.end()), _COUNTS[counted.group("count").lower()],
                             True, counted.group(0), counted.start(), counted.end())]
    some = _search(_SOME_FAIL, SOME_FAIL_NEEDS, sentence)
    if some and not _NO_FAIL.search(sentence):
        return [AttemptClaim(_owner_exam(sentence, some.start(), some.end()), None, True, some.group(0),
                             some.start(), some.end())]
    return []


def _owner_exam(sentence: str, start: int, end: int) -> str | None:
    """The exam a claim at sentence[start:end] is about: the one named inside it, else the nearest one named
    before it, else one named right after it ("failed twice on Step 1", not "...and a 221 on Step 2 CK");
    None when the sentence names none that way."""
    mentions = _exam_names(sentence)
    inside = [m for m in mentions if start <= m.start() < end]
    before = [m for m in mentions if m.end() <= start]
    after = [m for m in mentions if m.start() >= end and not _BREAK_BEFORE.search(sentence[end:m.start()])]
    chosen = (inside or before[-1:] or after[:1])
    return _exam(chosen[0].group(0)) if chosen else None


def stated_scores(sentence: str) -> list[tuple[str, int]]:
    """(exam, score) pairs stated exactly: "Step 2 CK score of 221", "scored 238 on Step 2 CK"."""
    return [(c.exam, c.low) for c in score_claims(sentence) if c.exact]


def score_claims(sentence: str) -> list[ScoreClaim]:
    """Scores the applicant states, exact ("221"), approximate ("around 220", "in the low 220s") or as a range
    ("between 215 and 220", "above 230"); targets, cut-offs and practice scores are left out."""
    if not (may_match(sentence, *SCORE_NEEDS) and SCORE_NUMBER.search(sentence) and _SCORE_WORDS.search(sentence)):
        return []
    exams = _exam_names(sentence)
    claims, taken = [], []
    for match in _RANGE.finditer(sentence):
        low, high = sorted((int(match.group("a")), int(match.group("b"))))
        exam = _score_owner(sentence, match, exams)
        if exam and low < high and not _not_mine(sentence[:match.start()]):
            claims.append(ScoreClaim(_exam(exam.group(0)), low, high, match.group(0), match.start(), match.end()))
            taken.append((match.start(), match.end()))
    for match in _DECADE.finditer(sentence):
        base = int(match.group("tens")) * 10
        part = (match.group("part") or "").lower()
        low, high = {"low": (0, 3), "lower": (0, 4), "mid": (3, 6), "middle": (3, 6), "high": (6, 9),
                     "upper": (5, 9)}.get(part, (0, 9))
        exam = _score_owner(sentence, match, exams)
        if exam and not _not_mine(sentence[:match.start()]):
            claims.append(ScoreClaim(_exam(exam.group(0)), base + low, base + high, match.group(0), match.start(),
                                     match.end()))
            taken.append((match.start(), match.end()))
    for number in _SCORE.finditer(sentence):
        if any(start <= number.start() < end for start, end in taken):
            continue
        lead = sentence[:number.start()]
        if _not_mine(lead):
            continue
        exam = _score_owner(sentence, number, exams)
        if not exam:
            continue
        value = int(number.group(1))
        hedge = _SCORE_HEDGE.search(lead)
        kind = next(k for k, _ in _SCORE_HEDGES if hedge.group(k)) if hedge else None
        low, high = {None: (value, value), "about": (value - 3, value + 3), "under": (value - 3, value),
                     "above": (value + 1, 300), "below": (1, value - 1)}[kind]
        start = hedge.start() if hedge else number.start()
        claims.append(ScoreClaim(_exam(exam.group(0)), low, high, sentence[start:number.end()], start, number.end()))
    return claims


def _not_mine(lead: str) -> bool:
    """Whether the words right before a number make it a target, a cut-off or someone else's score (the exam
    names among them, "Step 2 CK", do not count as numbers)."""
    return bool(_NOT_MY_SCORE.search(_EXAM_NAME.sub(lambda m: "x" * len(m.group(0)), lead)))


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
    claim = graduation_claim(sentence)
    return str(claim[0]) if claim and claim[0] == claim[1] and not claim[2] else None


def graduation_claim(sentence: str) -> tuple[int, int, bool] | None:
    """(first year, last year, hedged) of when the applicant says they graduated from medical school: "in
    2018" (2018, 2018, False), "around 2018" (2018, 2018, True), "before 2016", "in the early 2010s"."""
    if GRADUATION_NEEDS not in sentence.lower() and not may_match(sentence, ("finished", "completed", "received",
                                                                            "earned", "obtained", "got", "took")):
        return None
    if not may_match(sentence, *YEAR_NEEDS):
        return None
    if _search(_NOT_MINE, NOT_MINE_NEEDS, sentence):
        return None
    match = _GRADUATION.search(sentence)
    if match and not _OTHER_DEGREE.search(sentence[:match.end()]):
        year = int(next(g for g in match.groups()[1:] if g and g.isdigit()))
        return year, year, bool(match.group("hedge") or match.group("hedge2"))
    span = _GRADUATION_SPAN.search(sentence)
    if span and not _OTHER_DEGREE.search(sentence[:span.end()]):
        if span.group("year"):
            year = int(span.group("year"))
            return {"before": (year - 15, year - 1), "after": (year + 1, year + 15), "by": (year - 15, year)}[
                span.group("side")] + (True,)
        decade = int(span.group("decade")) * 10
        low, high = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}[span.group("part")]
        return decade + low, decade + high, True
    return None
