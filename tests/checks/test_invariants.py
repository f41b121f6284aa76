"""Findings never contradict each other: every corpus statement, reviewed with no record, with its CV, with a
flagged record and with a fine one, breaks none of the invariants of reviewer/checks/invariants.py before the
review's guard could drop anything; the checklist never calls a topic met beside a finding about it; a
finding lowered as unsure names a higher level of its own."""
import importlib

import pytest

from reviewer import review
from reviewer.checks.invariants import EXCLUSIVE, violations, without_contradictions
from reviewer.findings import Finding
from reviewer.inputs.profile import Exam
from reviewer.learn.corpus import load_case
from reviewer.render.text import checklist
from tests.helpers.corpus import statement_files

CASES = [load_case(p) for p in statement_files("corpus", "heldout", "blind", "blind2", "train", "fresh")]
review_module = importlib.import_module("reviewer.review")  # (the package's name "review" is the function)
RECORDS = {
    "no record": None,
    "failed once": [Exam("USMLE Step 1", "fail"), Exam("USMLE Step 1", "pass"), Exam("USMLE Step 2 CK", "pass", 231)],
    "fine": [Exam("USMLE Step 1", "pass"), Exam("USMLE Step 2 CK", "pass", 246)],
}


@pytest.fixture
def unguarded(monkeypatch):
    """Reviews as the checks produce them, without the guard that drops one finding of a contradicting pair."""
    monkeypatch.setattr(review_module, "without_contradictions", lambda findings: findings)


def test_the_corpus_is_all_here():
    assert len(CASES) >= 400


@pytest.mark.parametrize("record", list(RECORDS))
def test_no_statement_breaks_an_invariant(unguarded, record):
    broken = []
    for case in CASES:
        result = review(case.text, as_of=case.as_of or "2026-09", exams=RECORDS[record])
        broken += [f"{case.name}: {problem}" for problem in violations(result.findings)]
        broken += [f"{case.name}: checklist says '{row.topic}' is met beside {f.rule}"
                   for row in checklist(result) if row.state == "met"
                   for f in result.findings if f.rule in row.rules and f.level != "suggestion"]
    assert broken == []


def test_no_statement_breaks_an_invariant_with_its_cv(unguarded):
    with_cv = [case for case in CASES if case.cv is not None]
    assert len(with_cv) >= 30
    broken = []
    for case in with_cv:
        result = review(case.text, case.cv, as_of=case.as_of or "2026-09")
        broken += [f"{case.name}: {problem}" for problem in violations(result.findings)]
    assert broken == []


def finding(rule: str, level: str = "warning", **extra) -> Finding:
    return Finding(rule, level, "m", "w", "f", "s", **extra)


def test_the_guard_keeps_the_finding_each_pair_puts_first():
    for kept, dropped, _ in EXCLUSIVE:
        both = [finding(kept), finding(dropped)]
        assert violations(both), (kept, dropped)
        assert [f.rule for f in without_contradictions(both)] == [kept]


def test_a_finding_lowered_as_unsure_must_name_a_higher_level():
    assert violations([finding("score.blame", "suggestion", unsure=True, rule_level="error")]) == []
    assert violations([finding("score.blame", "suggestion", unsure=True, rule_level="suggestion")])


def test_blame_about_the_exam_counts_as_addressing_it():
    text = ("I failed Step 1 because the proctors kept interrupting and the room was far too cold. "
            "I chose internal medicine after years of caring for my grandfather in Macon, Georgia.")
    result = review(text, as_of="2026-09", exams=RECORDS["failed once"])
    rules = {f.rule for f in result.findings}
    assert "score.not_addressed" not in rules
