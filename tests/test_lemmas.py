"""Our cached lookup lemmas equal spaCy's own lookup lemmatizer on the same tokens."""
import pytest

from reviewer.pipeline import make_blank
from tests.conftest import CORPUS, corpus_text


@pytest.fixture(scope="module")
def reference():
    nlp = make_blank()
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


EXTRA = ["I rebuilt my plan, sought help, began again and was taught to ask.",
         "Children's Healthcare of Atlanta saw 3 children; they're better.", "", "x", "I said no."]


def test_lemmas_match_spacy_lookup_lemmatizer(nlp, reference):
    texts = [corpus_text(p) for p in sorted(CORPUS.glob("*.json")) if not p.name.endswith(".cv.json")] + EXTRA
    for text in texts:
        assert [t.lemma_ for t in nlp(text)] == [t.lemma_ for t in reference(text)]


def test_irregular_forms_reach_their_lemma(nlp):
    assert [t.lemma_ for t in nlp("rebuilt sought began taught")] == ["rebuild", "seek", "begin", "teach"]
