"""reviewer/learn/features.py: ``SentenceWords.flat``, which reads the whole statement's tokens in one list, gives
the words of a plain sentence-by-sentence reading, on the corpus statements and on texts with odd whitespace and
places."""
from __future__ import annotations

import pytest

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

