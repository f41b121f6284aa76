"""reviewer/nlp/labels/model.py: the model's TF-IDF columns, found word by word for a whole statement at once,
are exactly ``tfidf`` of the spelled-out n-grams (reviewer/learn/features.py), the reference training uses."""
from __future__ import annotations

import random

import numpy
import pytest

from reviewer.learn.features import grams, tfidf
from reviewer.nlp import get_nlp, run_pipeline
from reviewer.nlp.labels.model import LabelModel
from tests.helpers.corpus import statement_texts


@pytest.fixture(scope="module")
def model() -> LabelModel:
    return LabelModel.load()


def check(model: LabelModel, sentence_keys: list[list[str]]) -> None:
    rows, cols, values = model.columns(sentence_keys)
    ref_rows, ref_cols, ref_values = tfidf([grams(k) for k in sentence_keys], model.vocabulary, model.idf)
    got = sorted(zip(rows.tolist(), cols.tolist(), values.tolist()))
    expected = sorted(zip(ref_rows.tolist(), ref_cols.tolist(), ref_values.tolist()))
    assert [(r, c) for r, c, _ in got] == [(r, c) for r, c, _ in expected]
    assert numpy.allclose([v for *_, v in got], [v for *_, v in expected], rtol=1e-6, atol=1e-7)


def test_the_corpus_statements_give_the_reference_columns(model):
    nlp = get_nlp()
    labeller = dict(nlp.pipeline)["reviewer_labels"]
    texts = statement_texts("corpus", "fresh")
    assert len(texts) > 90
    for text in texts:
        doc = run_pipeline(nlp, text)
        check(model, labeller.features(doc).keys())


@pytest.mark.parametrize("seed", range(50))
def test_random_word_lists_give_the_reference_columns(model, seed):
    """Known words, unknown ones, words that only some bigram holds, repeats, empty sentences."""
    rng = random.Random(seed)
    known = [g for g in model.grams if " " not in g and not g.startswith("p:")]
    paired = [w for g in model.grams if " " in g for w in g.split(" ")]
    pool = rng.sample(known, 40) + rng.sample(paired, 40) + ["zzqx", "restructuring", "Atlanta", "step", "1"]
    sentences = [[rng.choice(pool) for _ in range(rng.randint(0, 25))] for _ in range(rng.randint(1, 12))]
    check(model, sentences)
