"""Every rule's own examples: 'flag' examples must fire it, 'pass' examples must not (one generic test)."""
import re

import pytest

from reviewer import review
from reviewer.inputs.profile import parse_exam_flag
from reviewer.rulebook import default_rulebook

MARK = re.compile(r"\[\[(.+?)\]\]", re.S)
BOOK = default_rulebook()


def strip_marks(text):
    """Text without [[ ]] markers, and the (start, end) of each marked part."""
    spans, out, pos = [], [], 0
    for m in MARK.finditer(text):
        out.append(text[pos:m.start()])
        start = sum(len(p) for p in out)
        out.append(m.group(1))
        spans.append((start, start + len(m.group(1))))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), spans


def cases(kinds):
    for rule in sorted(BOOK.rules.values(), key=lambda r: r.id):
        if rule.kind in kinds:
            for group in ("flag", "pass"):
                for n, example in enumerate(rule.examples[group]):
                    yield pytest.param(rule, group, example, id=f"{rule.id}-{group}-{n}")


def run_example(example):
    text, spans = strip_marks(example.get("text") or "I chose internal medicine because I enjoy careful reasoning.")
    text = text * example.get("repeat", 1)
    exams = [e for flag in example.get("exams", []) for e in parse_exam_flag(flag)]
    return review(text, cv=example.get("cv"), exams=exams, as_of=example.get("as_of", "2026-09")), spans


@pytest.mark.parametrize("rule, group, example", list(cases({"check", "cv"})))
def test_check_rule_examples(rule, group, example):
    result, spans = run_example(example)
    fired = [f for f in result.findings if f.rule == rule.id]
    if group == "pass":
        assert not fired, f"{rule.id} fired on a pass example: {[f.message for f in fired]}"
        return
    assert fired, f"{rule.id} did not fire on its flag example"
    for start, end in spans:
        assert any(f.start is not None and f.start < end and start < f.end for f in fired), \
            f"{rule.id} fired but not on the marked text {result.text[start:end]!r}"


def label_cases():
    for name, rule in sorted(BOOK.labels.items()):
        for group in ("flag", "pass"):
            for n, example in enumerate(rule.examples[group]):
                yield pytest.param(name, group, example["text"], id=f"{name}-{group}-{n}")


@pytest.mark.parametrize("label, group, text", list(label_cases()))
def test_label_examples(label, group, text):
    plain, spans = strip_marks(text)
    result = review(plain)
    if spans:
        chosen = [s for s in result.sentences if any(s.start < e and b < s.end for b, e in spans)]
    else:
        chosen = result.sentences
    has = [label in s.labels for s in chosen]
    if group == "flag":
        assert all(has) if spans else any(has), f"{label} missing on: {plain!r}"
    else:
        assert not any(has), f"{label} wrongly on: {[s.text for s in chosen if label in s.labels]}"


def test_every_rule_has_flag_and_pass_examples():
    for rule in list(BOOK.rules.values()) + list(BOOK.labels.values()):
        assert rule.examples.get("flag") and rule.examples.get("pass"), rule.id


def test_every_finding_rule_cites_the_guide_or_facts():
    for rule in BOOK.rules.values():
        assert rule.source.startswith(("guide:", "facts:")), rule.id
        assert rule.message and rule.why and rule.fix and rule.level in ("suggestion", "warning", "error")
