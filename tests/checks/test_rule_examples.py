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


# Rules decided by the trained label model's labels: their examples are measured together (below), as the
# label examples are; every other rule's examples must each hold.
LEARNED = ("score.", "region.")


def example_holds(rule, group, example) -> tuple[bool, str]:
    result, spans = run_example(example)
    fired = [f for f in result.findings if f.rule == rule.id]
    if group == "pass":
        return not fired, f"{rule.id} fired on a pass example: {[f.message for f in fired]}"
    if not fired:
        return False, f"{rule.id} did not fire on its flag example"
    for start, end in spans:
        if not any(f.start is not None and f.start < end and start < f.end for f in fired):
            return False, f"{rule.id} fired but not on the marked text {result.text[start:end]!r}"
    return True, ""


@pytest.mark.parametrize("rule, group, example", [c for c in cases({"check", "cv", "phrase", "count"})
                                                  if not c.values[0].id.startswith(LEARNED)])
def test_finding_rule_examples(rule, group, example):
    holds, why = example_holds(rule, group, example)
    assert holds, why


def test_examples_of_rules_decided_by_learned_labels():
    examples = [c.values for c in cases({"check"}) if c.values[0].id.startswith(LEARNED)]
    misses = [why for rule, group, example in examples for holds, why in [example_holds(rule, group, example)]
              if not holds]
    assert len(examples) >= 25
    assert len(misses) <= 0.10 * len(examples), misses


def label_examples():
    for name, rule in sorted(BOOK.labels.items()):
        for group in ("flag", "pass"):
            for example in rule.examples[group]:
                yield name, group, example["text"]


def label_example_holds(label, group, text) -> bool:
    """A flag example's marked sentences (or some sentence) carry the label; a pass example's do not."""
    plain, spans = strip_marks(text)
    result = review(plain)
    chosen = [s for s in result.sentences if any(s.start < e and b < s.end for b, e in spans)] if spans else result.sentences
    has = [label in s.labels for s in chosen]
    return (all(has) if spans else any(has)) if group == "flag" else not any(has)


def test_label_examples():
    """The label rules' examples, labelled by the trained model. The model is measured, not fitted to them
    (they never train it), so a few may miss; most must hold, and the misses are named."""
    examples = list(label_examples())
    misses = [(label, group, text) for label, group, text in examples if not label_example_holds(label, group, text)]
    assert len(examples) >= 40
    assert len(misses) <= 0.15 * len(examples), misses
