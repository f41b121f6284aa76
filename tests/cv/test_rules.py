"""Each cv.* rule's own flag and pass examples, run through check_cv and crosscheck directly."""
import re

import pytest

from reviewer.checks import cv_findings
from reviewer.cv import check_cv, load_cv
from reviewer.rulebook import default_rulebook
from tests.helpers.sentence_record import Sentence

CV_RULES = ("gap", "overlap", "date_order", "ps_conflict", "ps_unlisted", "future_date", "description_length")


def examples():
    rules = default_rulebook().rules
    for name in CV_RULES:
        rule = rules[f"cv.{name}"]
        for group in ("flag", "pass"):
            for number, example in enumerate(rule.examples[group], 1):
                yield pytest.param(rule.id, group, example, id=f"{rule.id}-{group}-{number}")


@pytest.mark.parametrize("rule_id,group,example", list(examples()))
def test_rule_examples(rule_id, group, example):
    rulebook = default_rulebook()
    cv = load_cv(example["cv"])
    text = example.get("text", "")
    sentences = [Sentence(i, m.start(), m.end(), m.group(0))
                 for i, m in enumerate(re.finditer(r"[^\s.!?][^.!?]*[.!?]", text))]
    found = cv_findings(cv, check_cv(cv, example.get("as_of", "2026-09"), rulebook), rulebook, sentences)
    fired = [f for f in found if f.rule == rule_id]
    assert bool(fired) is (group == "flag"), [f.message for f in found]


@pytest.mark.parametrize("name", CV_RULES)
def test_rule_files_are_cv_kind_with_guide_source_and_examples(name):
    rule = default_rulebook().rules[f"cv.{name}"]
    assert rule.kind == "cv" and rule.source.startswith("guide: Step 4.2")
    assert rule.examples["flag"] and rule.examples["pass"]
    assert "{" not in rule.why
