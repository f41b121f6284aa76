"""Compare what a statement says with the CV: durations at named places, exam attempts, scores, graduation year."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .durations import durations
from ..months import span_months
from .names import Organization, SentenceText
from .literals import may_match_any
from .record_claims import (FIRST_ATTEMPT_NEEDS, GRADUATION_NEEDS, SCORE_NEEDS, first_attempt_claim,
                            stated_graduation_year, stated_scores)
from .report import entry_name
from .unlisted import PlaceLists, unlisted_places

_FIRST_PERSON = re.compile(r"\b(?:I|my|we|our)\b", re.I)


@dataclass(frozen=True)
class _Record:
    """The CV as each sentence is compared with it, prepared once per statement."""

    cv: object
    tolerance: float
    entries: tuple  # (entry number, entry, Organization) for each entry that names an organization
    cv_exams: tuple  # the recorded exam attempts
    graduation: str | None

    @classmethod
    def of(cls, cv, tolerance: float) -> _Record:
        entries = tuple((n, e, Organization.of(e.organization, e.city))
                        for n, e in enumerate(cv.experiences, 1) if e.organization)
        return cls(cv, tolerance, entries, tuple(cv.exams), cv.applicant.graduation if cv.applicant else None)


def conflicts(sentences: list, cv, tolerance: float) -> list[tuple]:
    """(sentence, claim, record, entry) for each statement sentence the CV contradicts (cv.ps_conflict)."""
    record = _Record.of(cv, tolerance)
    exams = bool(record.cv_exams)
    found = []
    for sentence in sentences:
        # most sentences lack the words any claim about exams or graduation needs: rule them out at once
        text = sentence.plain or sentence.text  # (the typography made plain)
        exam_claim = exams and may_match_any(text, FIRST_ATTEMPT_NEEDS, SCORE_NEEDS)
        graduation_claim = bool(record.graduation) and GRADUATION_NEEDS in text
        if not (exam_claim or graduation_claim or cv.has_timeline):
            continue
        words = SentenceText(text)
        for claim, entry_record, entry in _conflicts(words, record, exam_claim, graduation_claim):
            found.append((sentence, claim, entry_record, entry))
    return found


def unlisted(sentences: list, cv, lists: PlaceLists) -> list[tuple]:
    """(sentence, place) for each U.S. place the statement says the applicant served at that no CV entry names."""
    if not cv.has_timeline:
        return []
    organizations = [Organization.of(e.organization, e.city).place for e in cv.experiences if e.organization]
    return [(sentence, place) for sentence in sentences
            for place in unlisted_places(SentenceText(sentence.plain or sentence.text), organizations, lists)]


def _conflicts(sentence: SentenceText, record: _Record, exam_claim: bool, graduation_claim: bool):
    """(what the sentence claims, what the CV records, which CV entry) for each contradiction; ``exam_claim``
    and ``graduation_claim`` (the CV records exams, a graduation, and the sentence has the words a claim
    about it needs) say which claims to look for."""
    if record.cv.has_timeline:
        yield from _duration_conflicts(sentence, record)
    if exam_claim:
        yield from _exam_conflicts(sentence.text, record.cv)
    graduation = record.graduation
    year = stated_graduation_year(sentence.text) if graduation_claim else None
    if year and year != graduation[:4]:
        yield f"you graduated in {year}", f"graduation in {graduation}", "the applicant block"


def _duration_conflicts(sentence: SentenceText, record: _Record):
    stated = durations(sentence.text)
    if len(stated) != 1:
        return
    matched = [(n, e) for n, e, organization in record.entries if organization.named_in(sentence)]
    if len(matched) != 1 or not _FIRST_PERSON.search(sentence.text):
        return
    number, entry = matched[0]
    if entry.end is None or entry.imprecise or entry.end < entry.start:
        return
    months = span_months(entry.start, entry.end)
    if abs(stated[0].months - months) > record.tolerance:
        name = entry_name(record.cv, number)
        yield (f"\"{stated[0].words}\" (about {round(stated[0].months, 1):g} months) at {entry.organization}",
               f"{months} month{'s' if months != 1 else ''} ({entry.start} to {entry.end}) in {name}", name)


def _exam_conflicts(sentence: str, cv):
    claimed = first_attempt_claim(sentence)
    if claimed is not None:
        pool = [a for name in claimed for a in cv.attempts(name)] if claimed else \
            [a for a in cv.exams if a.exam.startswith("USMLE")]
        for failed in (a for a in pool if a.failed):
            yield ("you passed on the first attempt", failed.describe(), failed.exam)
            break
    for exam, score in stated_scores(sentence):
        scores = {a.score for a in cv.attempts(exam) if a.score is not None}
        if scores and score not in scores:
            recorded = ", ".join(str(s) for s in sorted(scores))
            yield (f"a {exam} score of {score}", f"{exam} score {recorded}", exam)
