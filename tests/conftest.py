"""Costly shared objects (the pipeline, the rulebook, the web app) built once per test session."""
import pytest

from tests.helpers.corpus import CORPUS
from tests.helpers.web import blame_docx, client, csrf_app, cv_json, web_app  # noqa: F401  (fixtures)


@pytest.fixture(scope="session")
def nlp():
    from reviewer.nlp import get_nlp
    return get_nlp()


@pytest.fixture(scope="session")
def lemmatized_blank():
    """Our tokenizer and sentence splitter with spaCy's lookup lemmatizer: the reference for our lookup
    lemmas, and the tokens on which spaCy's Matcher can test "~lemma" entries."""
    from reviewer.nlp import make_blank
    nlp = make_blank()
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


@pytest.fixture(scope="session")
def rulebook():
    from reviewer.rulebook import default_rulebook
    return default_rulebook()


@pytest.fixture(scope="session")
def corpus_files():
    return sorted(p for p in CORPUS.glob("*.json") if not p.name.endswith(".cv.json"))
