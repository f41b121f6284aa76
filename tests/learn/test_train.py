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
