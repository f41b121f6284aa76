"""Compare what a statement says with the CV: durations at named places, exam attempts, scores, graduation year."""
from __future__ import annotations

import re

from .durations import durations
from .months import span_months
from .names import mentions
from .record_claims import first_attempt_claim, stated_graduation_year, stated_scores
from .report import entry_name
from .unlisted import unlisted_places

_FIRST_PERSON = re.compile(r"\b(?:I|my|we|our)\b", re.I)


def crosscheck(text: str, sentences: list, cv, rulebook) -> list:
    """Findings for sentences the CV contradicts (cv.ps_conflict) or that name places it lacks (cv.ps_unlisted)."""
    if cv is None:
        return []
    conflict, unlisted = rulebook.rules["cv.ps_conflict"], rulebook.rules["cv.ps_unlisted"]
    tolerance = conflict.params.get("tolerance_months", 1)
    organizations = [e.organization for e in cv.experiences if e.organization]
    findings = []
    for sentence in sentences:
        where = {"start": sentence.start, "end": sentence.end, "sentences": (sentence.index,)}
        words = sentence.text
        for claim, record, entry in _conflicts(words, cv, tolerance):
            findings.append(conflict.finding(**where, claim=claim, record=record, entry=entry))
        if cv.has_timeline:
            for place in unlisted_places(words, organizations, unlisted.params):
                findings.append(unlisted.finding(**where, place=place))
    return findings


def _conflicts(sentence: str, cv, tolerance: float):
    """(what the sentence claims, what the CV records, which CV entry) for each contradiction."""
    yield from _duration_conflicts(sentence, cv, tolerance)
    yield from _exam_conflicts(sentence, cv)
    graduation = cv.applicant.graduation if cv.applicant else None
    year = stated_graduation_year(sentence)
    if graduation and year and year != graduation[:4]:
        yield f"you graduated in {year}", f"graduation in {graduation}", "the applicant block"


def _duration_conflicts(sentence: str, cv, tolerance: float):
    if not cv.has_timeline:
        return
    stated = durations(sentence)
    matched = [(n, e) for n, e in enumerate(cv.experiences, 1)
               if e.organization and mentions(sentence, e.organization, e.city)]
    if len(stated) != 1 or len(matched) != 1 or not _FIRST_PERSON.search(sentence):
        return
    number, entry = matched[0]
    if entry.end is None or entry.imprecise or entry.end < entry.start:
        return
    months = span_months(entry.start, entry.end)
    if abs(stated[0].months - months) > tolerance:
        name = entry_name(cv, number)
        yield (f"\"{stated[0].words}\" (about {round(stated[0].months, 1):g} months) at {entry.organization}",
               f"{months} month{'s' if months != 1 else ''} ({entry.start} to {entry.end}) in {name}", name)


def _exam_conflicts(sentence: str, cv):
    profile = cv.profile
    if not profile.exams:
        return
    claimed = first_attempt_claim(sentence)
    if claimed is not None:
        pool = [a for name in claimed for a in profile.attempts(name)] if claimed else \
            [a for a in profile.exams if a.exam.startswith("USMLE")]
        for failed in (a for a in pool if a.failed):
            yield ("you passed on the first attempt", failed.describe(), failed.exam)
            break
    for exam, score in stated_scores(sentence):
        scores = {a.score for a in profile.attempts(exam) if a.score is not None}
        if scores and score not in scores:
            recorded = ", ".join(str(s) for s in sorted(scores))
            yield (f"a {exam} score of {score}", f"{exam} score {recorded}", exam)
