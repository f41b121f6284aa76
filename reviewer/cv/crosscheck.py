"""Compare what a statement says with the CV: stays at named places, exam attempts, scores, graduation year.

Each claim the statement makes (record_claims.py, durations.py) is compared with what the CV records. A
contradiction is ``certain`` only when both sides are plain: an exact claim, the applicant's own, about one
place or exam the CV records precisely. A hedged claim the record does not fit, or a plain one with some doubt
about whose or which it is, is a contradiction to check, not an error (cv.ps_conflict lowers it to a warning)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from ..months import to_index
from .durations import STAY_NEEDS, durations
from .literals import Literals, may_match_any
from .names import Organization, SentenceText
from .owner import MINE, OTHER, clause, whose
from .record_claims import (ATTEMPT_CLAIM_NEEDS, ATTEMPT_NEEDS, GRADUATION_NEEDS, SCORE_NEEDS, SCORE_NUMBER,
                            YEAR_NEEDS, AttemptClaim, attempt_claims, graduation_claim, score_claims)
from .report import entry_name
from .unlisted import PlaceLists, unlisted_places


@dataclass(frozen=True)
class Conflict:
    """A statement sentence the CV contradicts: what it claims, what the CV records, which entry or exam, and
    whether the contradiction is certain (an error) or one to check (a warning)."""

    sentence: object
    claim: str
    record: str
    entry: str
    certain: bool


@dataclass(frozen=True)
class Tolerances:
    """How far a claim may be from the record: ``months`` for a stay stated exactly; ``share`` of the stated
    length for "about" and "almost"; ``graduation_years`` for "around 2018"."""

    months: float = 1
    share: float = 0.25
    graduation_years: int = 1


@dataclass(frozen=True)
class _Record:
    """The CV as each sentence is compared with it, prepared once per statement."""

    cv: object
    as_of: str | None
    entries: tuple  # (entry number, entry, Organization) for each entry that names an organization
    graduation: str | None

    @classmethod
    def of(cls, cv, as_of: str | None, common: frozenset) -> _Record:
        entries = tuple((n, e, Organization.of(e.organization, e.city, common))
                        for n, e in enumerate(cv.experiences, 1) if e.organization)
        return cls(cv, as_of, entries, cv.applicant.graduation if cv.applicant else None)


def conflicts(sentences: list, cv, tolerances: Tolerances = Tolerances(), as_of: str | None = None,
              common: frozenset = frozenset()) -> list[Conflict]:
    """Each contradiction between the statement's ``sentences`` and ``cv`` (cv.ps_conflict); ``as_of`` ends the
    ongoing entries (None: they are not compared); ``common``, words that name no organization on their own
    (the region pack's place names)."""
    record = _Record.of(cv, as_of, common)
    texts = [sentence.plain or sentence.text for sentence in sentences]  # (the typography made plain)
    # Each kind of claim is read only in the sentences that hold the words every such claim needs (most
    # sentences hold none), and only when the CV records something to compare it with.
    none, literals = set(), Literals(texts)
    attempts = {i for i in literals.matching(ATTEMPT_NEEDS) if may_match_any(texts[i], *ATTEMPT_CLAIM_NEEDS)} \
        if cv.exams else none  # (the second test, of many words, only where the first holds)
    scores = {i for i in literals.matching(SCORE_NEEDS) if SCORE_NUMBER.search(texts[i])} \
        if any(exam.score is not None for exam in cv.exams) else none  # (no score recorded: none to contradict)
    graduations = literals.matching(((GRADUATION_NEEDS, "finished", "completed", "received", "earned", "obtained"),
                                     *YEAR_NEEDS)) if record.graduation else none
    stays = literals.matching(STAY_NEEDS) if cv.has_timeline else none
    found = []
    for i, (sentence, text) in enumerate(zip(sentences, texts)):
        reads = _Reads(i in stays, i in attempts, i in scores, i in graduations)
        if not any(reads):
            continue
        for claim, recorded, entry, certain in _conflicts(SentenceText(text, common), record, tolerances, reads):
            found.append(Conflict(sentence, claim, recorded, entry, certain))
    return found


def unlisted(sentences: list, cv, lists: PlaceLists, common: frozenset = frozenset()) -> list[tuple]:
    """(sentence, place) for each U.S. place the statement says the applicant served at that no CV entry names."""
    if not cv.has_timeline:
        return []
    organizations = [Organization.of(e.organization, e.city, common).place for e in cv.experiences if e.organization]
    return [(sentence, place) for sentence in sentences
            for place in unlisted_places(SentenceText(sentence.plain or sentence.text, common), organizations, lists)]


class _Reads(NamedTuple):
    """Which kinds of claim to read in a sentence."""

    stay: bool
    attempt: bool
    score: bool
    graduation: bool


def _conflicts(sentence: SentenceText, record: _Record, tolerances: Tolerances, reads: _Reads):
    if reads.stay:
        yield from _stay_conflicts(sentence, record, tolerances)
    if reads.attempt:
        yield from _attempt_conflicts(sentence.text, record.cv)
    if reads.score:
        yield from _score_conflicts(sentence.text, record.cv)
    if reads.graduation:
        yield from _graduation_conflicts(sentence.text, record.graduation, tolerances)


# --- stays ----------------------------------------------------------------------------------------------------

def _stay_conflicts(sentence: SentenceText, record: _Record, tolerances: Tolerances):
    stated = durations(sentence.text)
    if len(stated) != 1:
        return  # two lengths in one sentence ("six weeks at Grady and a year at Emory"): which is which is a guess
    duration = stated[0]
    owner = whose(sentence.text, duration.start, duration.end)
    if owner == OTHER:
        return
    place = _named_place(SentenceText(clause(sentence.text, duration.start, duration.end), sentence.common), record)
    if place is None:
        return  # no place named in the stay's own clause ("I lived with my aunt for two years, who works at Grady")
    entries, same_name = place
    span = _months_at(entries, record.as_of)
    if span is None:
        return
    low, high, precise = span
    nearest = min(max(duration.months, low), high)  # the recorded length nearest the claim (year-only dates vary)
    if duration.allows(nearest, tolerances.months, tolerances.share):
        return
    certain = duration.hedge == "exact" and owner == MINE and precise and same_name
    names = [entry_name(record.cv, n) for n, _ in entries]
    spans = "; ".join(f"{e.start} to {e.end or record.as_of}" for _, e in entries)
    hedge = {"over": "more than ", "under": "under ", "about": "about "}.get(duration.hedge, "")
    what = f"in {names[0]}" if len(names) == 1 else "in " + " and ".join(names) + " together"
    months = f"{low}" if low == high else f"{low} to {high}"
    yield (f"\"{duration.words}\" ({hedge}{round(duration.months, 1):g} months) at {entries[0][1].organization}",
           f"{months} month{'s' if high != 1 else ''} ({spans}) {what}", names[0], certain)


def _named_place(sentence: SentenceText, record: _Record) -> tuple[list, bool] | None:
    """The CV entries at the one organization the sentence names, and whether they all give it the same name;
    None when it names none or several. A name inside a longer one also named ("Emory University Hospital" in
    "Emory University Hospital Midtown") is the longer one."""
    matched = [(n, e, org) for n, e, org in record.entries if org.named_in(sentence)]
    names = {org.lower for _, _, org in matched}
    kept = {name for name in names if not any(name != other and name in other and other in sentence.lower
                                              for other in names)}
    matched = [(n, e, org) for n, e, org in matched if org.lower in kept]
    if not matched:
        return None
    first = matched[0][2]
    if not all(org.lower == first.lower or org.place.same(first.place) for _, _, org in matched):
        return None  # two different organizations
    return [(n, e) for n, e, _ in matched], len(kept) == 1


def _months_at(entries: list, as_of: str | None) -> tuple[int, int, bool] | None:
    """The fewest and most months the entries can cover together (each month once; an entry dated by years
    alone may start late in its first year and end early in its last), and whether all their dates are exact;
    None when an entry has no end to compare (ongoing, without ``as_of``) or ends before it starts."""
    widest, narrowest, precise = set(), set(), True
    for _, entry in entries:
        end = entry.end or as_of
        if end is None or end < entry.start:
            return None
        widest.update(range(to_index(entry.start), to_index(end) + 1))
        first = to_index(entry.latest_start or entry.start)
        last = to_index(entry.earliest_end or end) if entry.end else to_index(end)
        narrowest.update(range(first, last + 1))
        precise = precise and not entry.imprecise
    return len(narrowest), len(widest), precise


# --- exams ----------------------------------------------------------------------------------------------------

def _attempt_conflicts(sentence: str, cv):
    for claim in attempt_claims(sentence):
        conflict = _attempt_conflict(claim, cv)
        if conflict is None:
            continue
        owner = whose(sentence, claim.start, claim.end)  # (asked only of a claim the CV contradicts)
        if owner == OTHER:
            continue
        stated, recorded, exam, could_be_certain = conflict
        yield stated, recorded, exam, could_be_certain and owner == MINE


def _attempt_conflict(claim: AttemptClaim, cv) -> tuple | None:
    """How the CV contradicts an attempt claim, whoever the claim is about: (what the statement says, what the
    CV records, the exam, whether the claim names its exam); None when it does not."""
    named = claim.exam is not None or claim.every
    for exam in _claimed_exams(claim, cv):
        attempts = cv.attempts(exam)
        fails = [a for a in attempts if a.failed]
        if claim.fails is not None and len(fails) != claim.fails:
            if claim.first_pass:
                return "you passed on the first attempt", fails[0].describe(), exam, named
            return f"{_attempt_words(claim)} ({claim.words})", _recorded_attempts(exam, attempts), exam, named
        if claim.fails is None and claim.some_fail and not fails:
            return f"an attempt at {exam} did not pass ({claim.words})", _recorded_attempts(exam, attempts), exam, False
    return None


def _claimed_exams(claim: AttemptClaim, cv) -> list[str]:
    """The recorded exams a claim is about: the one it names, every USMLE exam for "every exam", or, when it
    names none, the one exam the CV records a failure of (the claim is then not certain)."""
    recorded = list(dict.fromkeys(a.exam for a in cv.exams))
    if claim.every:
        return [e for e in recorded if e.startswith("USMLE")]
    if claim.exam is not None:
        return [claim.exam] if claim.exam in recorded else []
    failed = list(dict.fromkeys(a.exam for a in cv.exams if a.failed))
    return failed if len(failed) == 1 else []


def _attempt_words(claim: AttemptClaim) -> str:
    if claim.fails == 1:
        return "one failed attempt before the pass" if "pass" in claim.words.lower() else "one failed attempt"
    return f"{claim.fails} failed attempts"


def _recorded_attempts(exam: str, attempts: list) -> str:
    fails = sum(a.failed for a in attempts)
    passes = sum(a.result == "pass" for a in attempts)
    parts = [f"{fails} failed attempt{'s' if fails != 1 else ''}"] + ([f"{passes} pass"] if passes else [])
    return f"{exam}: " + " and ".join(parts)


def _score_conflicts(sentence: str, cv):
    for claim in score_claims(sentence):
        scores = sorted({a.score for a in cv.attempts(claim.exam) if a.score is not None})
        if not scores or any(claim.low <= s <= claim.high for s in scores):
            continue
        owner = whose(sentence, claim.start, claim.end)
        if owner == OTHER:
            continue
        recorded = ", ".join(str(s) for s in scores)
        stated = f"a {claim.exam} score of {claim.low}" if claim.exact else f"a {claim.exam} score {claim.words}"
        yield (stated, f"{claim.exam} score {recorded}", claim.exam, claim.exact and owner == MINE)


def _graduation_conflicts(sentence: str, graduation: str, tolerances: Tolerances):
    claim = graduation_claim(sentence)
    if claim is None:
        return
    first, last, hedged = claim
    recorded = int(graduation[:4])
    slack = tolerances.graduation_years if hedged else 0
    if first - slack <= recorded <= last + slack:
        return
    if first == last:
        said = f"you graduated around {first}" if hedged else f"you graduated in {first}"
    else:
        said = f"you graduated between {first} and {last}"
    yield said, f"graduation in {graduation}", "the applicant block", not hedged and first == last
