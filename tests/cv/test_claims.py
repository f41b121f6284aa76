"""Reading claims the way people word them, and the cross-check's levels: an error only for a plain claim of the
applicant's own that the record contradicts, a warning to check for a hedged or uncertain one, silence when
the two agree. The labelled tables in samples/claims hold the cross-check to its targets."""
from pathlib import Path

import pytest

from reviewer import review
from reviewer.cv.durations import durations
from reviewer.cv.owner import MINE, OTHER, UNSURE, whose
from reviewer.cv.record_claims import attempt_claims, graduation_claim, score_claims
from reviewer.learn.claims import evaluate_claims

CLAIMS = Path(__file__).resolve().parents[2] / "samples" / "claims"


def entry(org, start, end):
    return {"type": "clinical", "title": "Observer", "organization": org, "city": "Macon", "state": "GA",
            "start": start, "end": end, "hours_per_week": 40}


def level(sentence: str, cv: dict) -> str:
    """The cross-check's verdict on one sentence: silent, warning or error."""
    found = [f for f in review(sentence, cv, as_of="2026-09").findings if f.rule == "cv.ps_conflict"]
    return found[0].level if found else "silent"


@pytest.mark.parametrize("text, months, hedge", [
    ("I spent more than six months at the clinic", 6, "over"),
    ("I worked there for well over a year", 12, "over"),
    ("I trained at the hospital for almost three years", 36, "under"),
    ("I rotated there for a little under a year", 12, "under"),
    ("I observed at the clinic for roughly nine months", 9, "about"),
    ("I volunteered at the shelter for two years or so", 24, "about"),
    ("I worked there for two full years", 24, "exact"),
    ("my rotation there lasted twelve weeks", 12 / 4.345, "exact"),
])
def test_hedges_are_read_with_the_length(text, months, hedge):
    (duration,) = durations(text)
    assert duration.months == pytest.approx(months) and duration.hedge == hedge


@pytest.mark.parametrize("text", ["Two months before the exam I changed how I study at the library.",
                                  "I saw her again three weeks later at the clinic.",
                                  "She has worked there every day for a year.".replace("She has", "A nurse has")])
def test_lengths_that_are_not_stays(text):
    assert [d for d in durations(text) if whose(text, d.start, d.end) == MINE] == []


@pytest.mark.parametrize("text, phrase, owner", [
    ("My uncle practised at Navicent for thirty years, and I admired him.", "thirty years", OTHER),
    ("I spent nine weeks at Navicent.", "nine weeks", MINE),
    ("My roommate and I spent a summer and six weeks at Navicent.", "six weeks", UNSURE),
    ("If I had spent six weeks at Navicent, I would know more.", "six weeks", OTHER),
    ("I shadowed the residents at Navicent for six weeks.", "six weeks", MINE),
])
def test_whose_claim_it_is(text, phrase, owner):
    start = text.index(phrase)
    assert whose(text, start, start + len(phrase)) == owner


STAY = {"experiences": [entry("Navicent Health", "2023-01", "2023-03")]}  # 3 months
SPLIT = {"experiences": [entry("Navicent Health", "2022-01", "2022-03"), entry("Navicent Health", "2022-07", "2022-09")]}


@pytest.mark.parametrize("sentence, cv, expected", [
    ("I spent three months at Navicent Health learning to round.", STAY, "silent"),
    ("I spent six months at Navicent Health learning to round.", STAY, "error"),
    ("I spent more than two months at Navicent Health.", STAY, "silent"),          # the hedge fits
    ("I spent more than a year at Navicent Health.", STAY, "warning"),             # hedged, does not fit
    ("I spent almost a year at Navicent Health.", STAY, "warning"),
    ("In all I spent six months at Navicent Health over two visits.", SPLIT, "silent"),  # stays add up
    ("I spent three months at Navicent Health.", SPLIT, "error"),
    ("My father worked at Navicent Health for twenty years before he retired.", STAY, "silent"),
])
def test_stays(sentence, cv, expected):
    assert level(sentence, cv) == expected


FAILED_ONCE = {"applicant": {"exams": [{"exam": "USMLE Step 1", "result": "fail", "date": "2021-01"},
                                       {"exam": "USMLE Step 1", "result": "pass", "date": "2021-07"}]}}
FAILED_TWICE = {"applicant": {"exams": [{"exam": "USMLE Step 1", "result": "fail", "date": "2021-01"},
                                        {"exam": "USMLE Step 1", "result": "fail", "date": "2021-06"},
                                        {"exam": "USMLE Step 1", "result": "pass", "date": "2021-12"}]}}


@pytest.mark.parametrize("sentence, cv, expected", [
    ("My first attempt at Step 1 did not go the way I had planned.", FAILED_ONCE, "silent"),
    ("I did not pass Step 1 on my first attempt.", FAILED_ONCE, "silent"),
    ("I passed Step 1 on my second attempt.", FAILED_ONCE, "silent"),
    ("I passed Step 1 on my second attempt.", FAILED_TWICE, "error"),
    ("I failed Step 1 twice before I passed it.", FAILED_TWICE, "silent"),
    ("I failed Step 1 twice before I passed it.", FAILED_ONCE, "error"),
    ("I passed Step 1 after more than one attempt.", FAILED_TWICE, "silent"),
    ("I cleared Step 1 on the first try.", FAILED_ONCE, "error"),
    ("I never had to retake a USMLE exam.", FAILED_ONCE, "error"),
    ("Many of my friends passed Step 1 on their first attempt.", FAILED_ONCE, "silent"),
    ("If I had passed Step 1 on my first attempt, my path would have been shorter.", FAILED_ONCE, "silent"),
    ("Although Step 1 is now pass/fail, I passed it on my second attempt.", FAILED_ONCE, "silent"),
])
def test_attempts(sentence, cv, expected):
    assert level(sentence, cv) == expected


SCORED = {"applicant": {"exams": [{"exam": "USMLE Step 2 CK", "result": "pass", "score": 224, "date": "2022-05"}]}}


@pytest.mark.parametrize("sentence, expected", [
    ("I scored 224 on Step 2 CK.", "silent"),
    ("My Step 2 CK score of 242 shows how far I came.", "error"),
    ("My Step 2 CK score was in the mid 220s.", "silent"),
    ("My Step 2 CK score was in the low 230s.", "warning"),
    ("My Step 2 CK score was in the high 230s.", "warning"),
    ("I scored around 225 on Step 2 CK.", "silent"),
    ("I scored above 240 on Step 2 CK.", "warning"),
    ("My Step 2 CK score landed between 220 and 226.", "silent"),
    ("My goal for Step 2 CK was 250, and I worked toward it every day.", "silent"),
])
def test_scores(sentence, expected):
    assert level(sentence, SCORED) == expected


@pytest.mark.parametrize("sentence, claim", [
    ("I graduated from medical school in 2018.", (2018, 2018, False)),
    ("I finished medical school in 2018 and began working at once.", (2018, 2018, False)),
    ("In 2018 I graduated and moved home.", (2018, 2018, False)),
    ("I graduated around 2018.", (2018, 2018, True)),
    ("I completed medical school in the late 2010s.", (2016, 2019, True)),
    ("I graduated from high school in 2008.", None),
    ("My sister graduated in 2015.", None),
])
def test_graduation_claims(sentence, claim):
    assert graduation_claim(sentence) == claim


def test_readers_give_claims_not_verdicts():
    (claim,) = attempt_claims("I passed Step 1 on my third attempt.")
    assert claim.exam == "USMLE Step 1" and claim.fails == 2
    (score,) = score_claims("My Step 2 CK score was in the mid 230s.")
    assert (score.exam, score.low, score.high, score.exact) == ("USMLE Step 2 CK", 233, 236, False)


@pytest.mark.parametrize("table", ["claims.jsonl", "fresh.jsonl"])
def test_the_labelled_tables_meet_the_targets(table):
    """Issue 14's targets on each labelled table: error-level precision at least 0.98, recall at least 0.90."""
    report = evaluate_claims([CLAIMS / table])
    assert report.rows >= 130
    assert report.precision("error") >= 0.98, report.misses
    assert report.recall("error") >= 0.90, report.misses


@pytest.mark.parametrize("sentence", [
    "On my first attempt in November 2020, I was unable to pass the exam due to circumstances beyond my control.",
    "At my first sitting I was not able to pass Step 1.",
    "On the first try I could not pass it.",
])
def test_a_first_attempt_that_did_not_pass_is_not_a_first_attempt_pass(sentence):
    """A negated pass ("unable to pass", "not able to pass") beside "first attempt" admits a failure."""
    assert not any(claim.fails == 0 for claim in attempt_claims(sentence))
