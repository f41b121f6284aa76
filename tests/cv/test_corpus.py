"""Every corpus case with a full CV: each cv.* rule and the gap list come out exactly as labelled."""
import json
from pathlib import Path

import pytest

from reviewer.checks import cv_findings
from reviewer.cv import check_cv, load_cv
from reviewer.rulebook import default_rulebook
from tests.helpers.sentence_record import Sentence

CORPUS = Path(__file__).resolve().parents[2] / "samples" / "corpus"
CASES = sorted(p for p in CORPUS.glob("cv[0-9][0-9]_*.json") if not p.name.endswith(".cv.json"))
CV_RULES = ("cv.gap", "cv.overlap", "cv.date_order", "cv.ps_conflict", "cv.ps_unlisted", "cv.future_date",
            "cv.description_length")


def statement(case: dict) -> tuple[str, list[Sentence]]:
    """The statement text as the corpus format defines it, with each gold sentence's offsets."""
    text, sentences = "", []
    for p, paragraph in enumerate(case["paragraphs"]):
        if p:
            text += "\n\n"
        for s, item in enumerate(paragraph):
            if s:
                text += " "
            sentences.append(Sentence(len(sentences), len(text), len(text) + len(item["text"]), item["text"]))
            text += item["text"]
    return text, sentences


def test_there_are_at_least_eight_cv_cases():
    assert len(CASES) >= 8


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_cv_rules_and_gaps_match_the_labels(path):
    case = json.loads(path.read_text(encoding="utf-8"))
    cv = load_cv(path.with_name(path.stem + ".cv.json"))
    text, sentences = statement(case)
    assert all(text[s.start:s.end] == s.text for s in sentences)
    report = check_cv(cv, case["as_of"], default_rulebook())
    findings = cv_findings(cv, report, default_rulebook(), sentences)
    fired = {rule: any(f.rule == rule for f in findings) for rule in CV_RULES}
    assert fired == {rule: case["expected"][rule] for rule in CV_RULES}
    assert report.gaps == case["expected"]["cv.gaps"]
    for finding in findings:
        if finding.rule.startswith("cv.ps_"):
            assert text[finding.start:finding.end] == sentences[finding.sentences[0]].text


def test_every_cv_rule_fires_in_some_case_and_stays_silent_in_another():
    expected = [json.loads(p.read_text(encoding="utf-8"))["expected"] for p in CASES]
    for rule in CV_RULES:
        assert {e[rule] for e in expected} == {True, False}, rule
