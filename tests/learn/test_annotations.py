"""samples/annotations: every gold label of a statement is what both annotators gave or what the adjudicator
decided, for the training statements and for each test set (docs/corpus-guidelines.md 'Annotation and
adjudication')."""
import json

import pytest

from reviewer.sentences import LABELS
from tests.helpers.corpus import SAMPLES

ANNOTATIONS = SAMPLES / "annotations"
SETS = [("labels.json", "adjudication.json", {"corpus", "heldout", "blind", "blind2", "train"}, 572),
        ("fresh.json", "fresh_adjudication.json", {"fresh"}, 48),
        ("fresh2.json", "fresh2_adjudication.json", {"fresh2"}, 48),
        ("fresh3.json", "fresh3_adjudication.json", {"fresh3"}, 48),
        ("fresh4.json", "fresh4_adjudication.json", {"fresh4"}, 72)]


def adjudicated(annotations: str, decisions: str, folders: set):
    """(disputed pairs, pairs with a decision, gold pairs that differ from the decision or the agreement)."""
    both = json.loads((ANNOTATIONS / annotations).read_text(encoding="utf-8"))
    settled = json.loads((ANNOTATIONS / decisions).read_text(encoding="utf-8"))
    disputed, decided, wrong, statements = 0, 0, [], 0
    for key, pair in both.items():
        folder, name = key.split("/")
        if folder not in folders:
            continue
        statements += 1
        gold = json.loads((SAMPLES / folder / f"{name}.json").read_text(encoding="utf-8"))["paragraphs"]
        decisions = settled.get(name.split("_")[0], settled.get(name, {}))
        assert [len(p) for p in pair["first"]] == [len(p) for p in pair["second"]] == [len(p) for p in gold], key
        for p, (first, second, paragraph) in enumerate(zip(pair["first"], pair["second"], gold)):
            for s, (a, b, sentence) in enumerate(zip(first, second, paragraph)):
                for label in LABELS:
                    given = label in sentence["labels"]
                    if (label in a) == (label in b):
                        if given != (label in a):
                            wrong.append(f"{key} {p + 1}.{s + 1}:{label} (agreed)")
                        continue
                    disputed += 1
                    question = f"{p + 1}.{s + 1}:{label}"
                    if question in decisions:
                        decided += 1
                        if decisions[question] != given:
                            wrong.append(f"{key} {question} (decided)")
    return statements, disputed, decided, wrong


@pytest.mark.parametrize("annotations, decisions, folders, count", SETS, ids=[s[0] for s in SETS])
def test_gold_labels_are_the_agreed_pairs_and_the_decisions(annotations, decisions, folders, count):
    statements, disputed, decided, wrong = adjudicated(annotations, decisions, folders)
    assert statements >= count
    assert disputed and decided == disputed  # every disagreement went to the adjudicator
    assert wrong == []
