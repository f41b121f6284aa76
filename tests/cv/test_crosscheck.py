"""Statement against CV: paraphrased durations, exam claims, scores, graduation year, unlisted places."""
import re

import pytest

from reviewer.checks import cv_findings
from reviewer.cv import load_cv
from reviewer.cv.durations import durations
from reviewer.rulebook import default_rulebook
from tests.helpers.sentence_record import Sentence


def split(text):
    return [Sentence(i, m.start(), m.end(), m.group(0)) for i, m in enumerate(re.finditer(r"[^\s.!?][^.!?]*[.!?]", text))]


def entry(org, start, end, city="Atlanta", **extra):
    return {"type": "clinical", "title": "Observer", "organization": org, "city": city, "state": "GA",
            "start": start, "end": end, "hours_per_week": 40, **extra}


CV = load_cv({
    "applicant": {"graduation": "2018-06", "exams": [
        {"exam": "USMLE Step 1", "result": "fail", "date": "2019-02"},
        {"exam": "USMLE Step 1", "result": "pass", "date": "2019-08"},
        {"exam": "USMLE Step 2 CK", "result": "pass", "score": 221, "date": "2020-03"}]},
    "experiences": [
        entry("Grady Memorial Hospital", "2023-06", "2023-08"),                 # 3 months
        entry("Morehouse School of Medicine", "2020-01", "2022-06"),           # 30 months
        entry("Tift Regional Medical Center", "2022-07", "2022-07", city="Tifton"),  # 1 month
        entry("Mercy Care", "2022-08", None),
        entry("Colentina Clinical Hospital", "2014", "2017", city="Bucharest")]})


def crosscheck(text, sentences, cv, rulebook):
    """The statement checked against the CV: the findings of cv.ps_conflict and cv.ps_unlisted."""
    return cv_findings(cv, None, rulebook, sentences) if cv is not None else []


def findings(text, cv=CV):
    return crosscheck(text, split(text), cv, default_rulebook())


CONSISTENT = [
    "I spent nine weeks at Grady Memorial Hospital on the inpatient service.",
    "I spent three months at Grady, presenting patients every morning.",
    "During my twelve-week observership at Grady I learned to write a discharge summary.",
    "For two and a half years I worked as a research assistant at Morehouse School of Medicine.",
    "I spent thirty months on a research team at Morehouse School of Medicine.",
    "My four-week elective at Tift Regional Medical Center showed me rural medicine.",
    "I rotated at Tift Regional Medical Center for a month.",
    "I have worked at Mercy Care for two years.",
    "I completed three years of training at Colentina Clinical Hospital.",
    "At Grady I met a man who had been admitted eleven times in two years.",
    "A six-year-old at Grady taught me more than any lecture.",
    "I volunteered at Grady three days a week.",
    "Two years later I returned to Grady Memorial Hospital as an observer.",
    "I failed Step 1 on my first attempt and passed it on the second.",
    "I passed Step 2 CK on the first attempt with a score of 221.",
    "After failing Step 1, I passed Step 2 CK on my first attempt.",
    "My Step 2 CK score of 221 reflects that work.",
    "My first attempt at Step 1 was not successful.",
    "That sitting was below 200, and I later earned a pass on the second attempt and a 221 on Step 2 CK.",
    "I aimed for 240 on Step 2 CK and scored 221.",
    "I improved from a practice score of 190 to 221 on Step 2 CK.",
    "Step 1 on the first attempt was a disappointment.",
    "I graduated from medical school in 2018.",
    "I graduated in June 2018 and began working that summer.",
    "My sister graduated in 2015.",
    "I observed on the wards at Grady, where residents taught me to triage.",
    "My aunt has worked at Northside Hospital for twenty years.",
    "My cousin lives near Piedmont Atlanta Hospital, and I stayed with her.",
    "I hope to train at Emory University Hospital in Atlanta.",
    "Before coming to the United States, I worked at Lagos University Teaching Hospital.",
    "I volunteered with Mercy Care in Atlanta on weekends.",
    "I cut back my evening work, joined a study group, and asked a psychiatry resident at Emory to check my progress.",
    "I worked as a research assistant on a study of depression among women delivering at Northside Hospital.",
]


@pytest.mark.parametrize("text", CONSISTENT)
def test_consistent_statements_give_no_finding(text):
    assert findings(text) == []


CONFLICTS = [
    ("I spent six months at Grady, presenting patients daily.", "cv.ps_conflict", "3 months (2023-06 to 2023-08)"),
    ("For two years I was a research assistant at Morehouse School of Medicine.", "cv.ps_conflict", "30 months"),
    ("I spent three and a half years at Morehouse School of Medicine.", "cv.ps_conflict", "three and a half years"),
    ("My ten-week elective at Tift Regional Medical Center showed me rural medicine.", "cv.ps_conflict",
     "experience 3 (Observer, Tift Regional Medical Center)"),
    ("I passed all of my USMLE exams on the first attempt.", "cv.ps_conflict", "USMLE Step 1: failed attempt 2019-02"),
    ("I passed Step 1 on my first attempt.", "cv.ps_conflict", "failed attempt"),
    ("I have never failed a board exam.", "cv.ps_conflict", "failed attempt"),
    ("I scored 238 on Step 2 CK.", "cv.ps_conflict", "score 221"),
    ("My Step 1 score of 205 was low, but my Step 2 CK score of 231 shows my growth.", "cv.ps_conflict",
     "a USMLE Step 2 CK score of 231"),
    ("I graduated from the University of Ibadan in 2017.", "cv.ps_conflict", "graduation in 2018-06"),
    ("I volunteered at the Good Samaritan Health Center in Atlanta.", "cv.ps_unlisted", "Good Samaritan Health Center"),
    ("I rotated through internal medicine at Piedmont Macon Medical Center.", "cv.ps_unlisted", "Piedmont Macon"),
    ("Last year I shadowed a hospitalist at Northside Hospital in Atlanta.", "cv.ps_unlisted", "Northside Hospital"),
]

@pytest.mark.parametrize("text,rule,words", CONFLICTS)
def test_contradictions_are_found_and_point_at_the_sentence(text, rule, words):
    text = "I care about continuity. " + text
    (finding,) = findings(text)
    assert finding.rule == rule
    assert words in finding.message
    assert (finding.start, finding.end, finding.sentences) == (25, len(text), (1,))


def test_nine_weeks_against_a_four_month_entry():
    cv = load_cv({"experiences": [entry("Piedmont Athens Regional", "2021-01", "2021-04", city="Athens")]})
    (finding,) = findings("I spent nine weeks at Piedmont Athens Regional.", cv)
    assert finding.rule == "cv.ps_conflict" and "4 months (2021-01 to 2021-04)" in finding.message


def test_applicant_only_cv_checks_exams_but_not_places():
    cv = load_cv({"applicant": {"exams": [{"exam": "Step 1", "result": "fail"}]}})
    text = "I passed every USMLE exam on the first attempt. I volunteered at the Good Samaritan Health Center in Atlanta."
    assert [f.rule for f in findings(text, cv)] == ["cv.ps_conflict"]


def test_no_cv_no_findings():
    assert crosscheck("I spent nine weeks at Grady.", split("I spent nine weeks at Grady."), None,
                      default_rulebook()) == []


@pytest.mark.parametrize("text,months", [
    ("I spent nine weeks there", 9 / 4.345), ("I spent two and a half years in research", 30),
    ("my ten-week rotation", 10 / 4.345), ("I worked for a year", 12), ("I worked for a year and a half", 18),
    ("I spent 18 months as a scribe", 18), ("my twenty-one-month research post", 21),
    ("I spent half a year observing", 6), ("I spent 45 days as an extern", 45 / 30.44),
])
def test_number_words(text, months):
    (duration,) = durations(text)
    assert duration.months == pytest.approx(months)


@pytest.mark.parametrize("text", ["I worked three days a week", "two years later I trained", "a six-year-old I served",
                                  "I volunteered once a month", "I worked 40 hours a week",
                                  "eleven times in two years I observed"])
def test_frequencies_ages_and_intervals_are_not_stays(text):
    assert durations(text) == []
