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


ODD_TEXTS = [
    "I worked at Grady Memorial Hospital in Atlanta.  Then   I moved to Emory University Hospital Midtown.",
    "Grady Grady Grady.\n\n\nAtlanta, Georgia,  Decatur and DeKalb County were home.\n \n",
    "   Leading spaces. Clarkston\n\nClarkston  Clarkston. I scored 209 in 2019 on Step 2 CK.",
    "\n\n",
    "A single sentence without a stop",
]


def test_the_labeller_reads_word_codes_as_the_spelled_out_words_give_them():
    """The labeller's one-pass word codes (Labeller.codes) give the columns and both stages' probabilities
    that the spelled-out words of ``features`` give, on the corpus statements and on odd texts."""
    nlp = get_nlp()
    labeller = dict(nlp.pipeline)["reviewer_labels"]
    model = labeller.model
    texts = statement_texts("corpus", "fresh") + ODD_TEXTS
    for text in texts:
        doc = run_pipeline(nlp, text)
        f = labeller.features(doc)
        views, _, _, masks = labeller.views(doc)
        codes, rows = labeller.codes(doc, masks)
        assert rows.tolist() == f.rows.tolist()
        assert codes.tolist() == [model.code(w) for w in f.words]
        cues = [v.cues.keys() for v in views]
        by_words = model.predict(f.words, f.rows, cues, f.paragraphs)
        by_codes = model.predict_codes(codes, rows, cues, f.paragraphs)
        assert numpy.array_equal(by_words.first, by_codes.first) and numpy.array_equal(by_words.second, by_codes.second)
