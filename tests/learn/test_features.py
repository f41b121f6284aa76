"""reviewer/learn/features.py: ``SentenceWords.flat``, which reads the whole statement's tokens in one list, gives
the words of a plain sentence-by-sentence reading, on the corpus statements and on texts with odd whitespace and
places; ``context``, which reads all paragraphs at once, gives the paragraph-by-paragraph figures to the last bit."""
from __future__ import annotations

import numpy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.learn.features import context
from reviewer.nlp import get_nlp, run_pipeline
from tests.helpers.corpus import statement_texts

ODD_TEXTS = [
    "I worked at Grady Memorial Hospital in Atlanta.  Then   I moved to Emory University Hospital Midtown.",
    "Grady Grady Grady.\n\n\nAtlanta, Georgia,  Decatur and DeKalb County were home.\n \n",
    "   Leading spaces. Clarkston\n\nClarkston  Clarkston.",
    "No place at all here. Just words and 3 numbers: 212, 2019, 7.",
    "\n\n",
    "A single sentence without a stop",
]


def flat_reference(words_of, doc, masks):
    """Each sentence's tokens that are not whitespace, a run of tokens masked as the same place read as one word."""
    words, rows = [], []
    for i, (sentence, spans) in enumerate(zip(doc._.sentences, masks)):
        masked = {k: w for a, b, w in spans for k in range(a, b)}
        previous = None  # the place word of the last word kept, if it was masked
        for token in sentence:
            if token.is_space:
                continue
            place = masked.get(token.i)
            if place is not None and place == previous:
                continue
            words.append(place if place is not None else words_of._word(token.orth))
            rows.append(i)
            previous = place
    return words, rows


@pytest.fixture(scope="module")
def pipeline():
    nlp = get_nlp()
    return nlp, dict(nlp.pipeline)["reviewer_labels"]


def check(pipeline, text: str) -> int:
    nlp, labeller = pipeline
    doc = run_pipeline(nlp, text)
    f = labeller.features(doc)
    from reviewer.nlp.labels.places import region_places
    from reviewer.nlp.labels.views import SentenceView
    views = [SentenceView(doc, cues) for cues in doc._.cues]
    _, _, masks = region_places(views)
    words, rows = labeller.words.flat(doc, masks)
    ref_words, ref_rows = flat_reference(labeller.words, doc, masks)
    assert words == ref_words
    assert rows.tolist() == ref_rows
    assert f.words == words
    return sum(len(m) for m in masks)


def test_flat_reads_the_corpus_as_the_reference_does(pipeline):
    texts = statement_texts("corpus", "train")
    masked = sum(check(pipeline, text) for text in texts)
    assert len(texts) > 300 and masked > 1000  # the statements name many places


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_flat_reads_odd_texts_as_the_reference_does(pipeline, text):
    check(pipeline, text)



def context_reference(first, paragraphs):
    """``context`` worked out paragraph by paragraph, as the shipped model was first trained with it."""
    n, k = first.shape
    para = numpy.array(paragraphs, dtype=numpy.int64)
    out = numpy.zeros((n, 4 * (k + 1) + 5 * k))
    at = 0
    for offset in (-2, -1, 1, 2):
        out[:, at:at + k] = first
        out[:, at + k] = 1.0
        lo, hi = max(0, -offset), min(n, n - offset)
        if lo < hi:
            out[lo:hi, at:at + k] = first[lo + offset:hi + offset]
            out[lo:hi, at + k] = para[lo + offset:hi + offset] == para[lo:hi]
        at += k + 1
    if n:
        bounds = numpy.flatnonzero(numpy.diff(para, prepend=-1, append=-1))
        for a, b in zip(bounds[:-1], bounds[1:]):
            if b - a < 2:
                out[a, at:at + 2 * k] = numpy.concatenate([first[a], first[a]])
                continue
            block = first[a:b]
            out[a:b, at + k:at + 2 * k] = (block.sum(0) - block) / (b - a - 1)
            order = numpy.sort(block, axis=0)
            out[a:b, at:at + k] = numpy.where(block == order[-1], order[-2], order[-1])
        out[:, at + 2 * k:at + 3 * k] = first.max(0)
    out[:, at + 3 * k:at + 4 * k] = first
    clipped = numpy.clip(first, 1e-4, 1 - 1e-4)
    out[:, at + 4 * k:] = numpy.log(clipped / (1 - clipped)) / 4
    return out


# A statement's first-stage probabilities: many sentences, few distinct values (so that ties are common), and
# paragraph numbers that rise in runs
STATEMENTS = st.integers(0, 45).flatmap(lambda n: st.tuples(
    st.lists(st.lists(st.sampled_from([0.0, 0.1, 0.25, 0.5, 0.9, 1.0]) | st.floats(0, 1), min_size=5, max_size=5),
             min_size=n, max_size=n),
    st.lists(st.booleans(), min_size=n, max_size=n)))


@settings(max_examples=800, deadline=None)
@given(STATEMENTS)
def test_context_is_the_paragraph_by_paragraph_reading_to_the_bit(statement):
    rows, breaks = statement
    first = numpy.array(rows, dtype=float).reshape(len(rows), 5)
    paragraphs = numpy.cumsum(breaks).tolist()
    assert numpy.array_equal(context(first, paragraphs), context_reference(first, paragraphs))


def test_context_is_the_reference_on_the_corpus(pipeline):
    nlp, labeller = pipeline
    seen = 0
    for text in statement_texts("corpus", "train")[:150]:
        doc = run_pipeline(nlp, text)
        first = labeller.model.predict_codes(*labeller.codes(doc, labeller.views(doc)[3]),
                                             [v.cues.keys() for v in labeller.views(doc)[0]],
                                             doc._.sentence_paragraphs).first
        assert numpy.array_equal(context(first, doc._.sentence_paragraphs),
                                 context_reference(first, doc._.sentence_paragraphs))
        seen += len(first)
    assert seen > 3000
