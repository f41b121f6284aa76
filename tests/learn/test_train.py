"""reviewer train: the same corpus gives the shipped model byte for byte, and --check can tell a different one."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.nlp.labels.model import MODEL_FILE, LabelModel

pytest.importorskip("sklearn")  # the train extra (the test command installs it)


def train(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reviewer", "train", *arguments],
                          capture_output=True, text=True, timeout=1200)


@pytest.fixture(scope="module")
def retrained(tmp_path_factory) -> bytes:
    """The model trained now from samples/, written to a scratch file (one training run for the module)."""
    target = tmp_path_factory.mktemp("model") / "labels.npz"
    done = train("-o", str(target))
    assert done.returncode == 0, done.stderr
    assert f"wrote {target}" in done.stdout
    return target.read_bytes()


def test_training_reproduces_the_shipped_model_byte_for_byte(retrained):
    assert retrained == MODEL_FILE.read_bytes()


def test_the_check_fails_on_a_model_that_differs_by_one_bit(retrained, tmp_path):
    other = tmp_path / "other.npz"
    other.write_bytes(retrained[:-1] + bytes([retrained[-1] ^ 1]))
    differs = train("--check", "-o", str(other))
    assert differs.returncode == 1 and "differs from" in differs.stdout
    assert other.read_bytes() != retrained, "--check writes nothing"


def test_the_retrained_model_loads_and_keeps_its_thresholds_within_probabilities(retrained, tmp_path):
    path = tmp_path / "labels.npz"
    path.write_bytes(retrained)
    model = LabelModel.load(Path(path))
    assert len(model.thresholds) == len(model.confident) == 5
    assert all(0 < t <= c < 1 for t, c in zip(model.thresholds, model.confident))


def predictions(first, second):
    """Out-of-fold Predictions of one statement from its two stages' probabilities (only what training reads)."""
    from types import SimpleNamespace

    import numpy
    return [SimpleNamespace(first=numpy.array(first, dtype=float), second=numpy.array(second, dtype=float))]


def statements(gold):
    from types import SimpleNamespace

    import numpy
    return [SimpleNamespace(gold=numpy.array(gold))]


CONFIG = {"threshold_grid": [0.2, 0.8, 0.05], "threshold_tolerance": 0.005, "favour_precision": ["blame"],
          "confident_precision": {"score_disclosure": 0.95, "blame": 0.97, "growth": 0.95, "regional_tie": 0.95,
                                  "specialty_motivation": 0.95}}


def test_a_label_whose_findings_are_errors_takes_the_highest_threshold_of_a_flat_f1_range():
    from reviewer.learn.train import thresholds_from
    # probabilities such that every threshold from 0.2 to 0.6 gives the same F1 for every label
    scores = [[p] * 5 for p in (0.9, 0.9, 0.65, 0.1, 0.1)]
    gold = [[1] * 5, [1] * 5, [1] * 5, [0] * 5, [0] * 5]
    thresholds, _ = thresholds_from(predictions(scores, scores), statements(gold), CONFIG)
    assert thresholds[1] == pytest.approx(0.65)  # blame: the highest of the equal-F1 thresholds
    assert thresholds[0] == pytest.approx(0.4)  # the others: the middle one


def test_confidence_needs_own_words_only_where_the_neighbours_made_it_less_precise():
    import numpy

    from reviewer.learn.train import needing_own_words
    thresholds, confident = numpy.full(5, 0.5), numpy.full(5, 0.8)
    # sentence 0: both stages sure, right; sentence 1: only the neighbours made it sure, wrong (every label)
    first = [[0.9] * 5, [0.2] * 5]
    second = [[0.95] * 5, [0.9] * 5]
    gold = [[1] * 5, [0] * 5]
    assert needing_own_words(predictions(first, second), statements(gold), thresholds, confident, CONFIG) == ["blame"]
    gold_right = [[1] * 5, [1] * 5]  # the neighbours were right: no need
    assert needing_own_words(predictions(first, second), statements(gold_right), thresholds, confident, CONFIG) == []


def test_a_confident_blame_needs_the_sentences_own_words():
    """The shipped model lists blame, and a blame sentence whose own words do not come near the label (under
    half its threshold) is never confident."""
    from reviewer import review
    model = LabelModel.load()
    assert model.settings["confident_needs_own_words"] == ["blame"]
    text = ("I failed Step 1 in 2021. The testing center was loud and the proctor ignored my complaints. "
            "Construction noise went on all morning. The questions were unfair. I passed on my second attempt.")
    result = review(text, as_of="2026-09")
    k = 1  # blame
    seen = 0
    for i in range(len(result.sentences)):
        if "blame" in result.sentences[i].labels:
            seen += 1
            own = result.evidence.prediction.first[i, k] >= model.thresholds[k] / 2  # its own words come near
            assert result.evidence.confident(i, "blame") == (own and result.evidence.confidence(i, "blame")
                                                             >= float(model.confident[k]))
    assert seen
