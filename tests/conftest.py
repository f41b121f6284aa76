"""Costly shared objects (the pipeline, the rulebook) built once per test session."""
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "samples" / "corpus"


def corpus_text(path: Path) -> str:
    """A corpus statement as DESIGN.md defines it: sentences joined by a space, paragraphs by a blank line."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return "\n\n".join(" ".join(s["text"] for s in p) for p in data["paragraphs"])


def statement_texts(*sets: str) -> list[str]:
    """The texts of the labelled statements in samples/<set> for each set named; all four sets when none is."""
    folders = [ROOT / "samples" / name for name in sets or ("corpus", "heldout", "blind", "blind2")]
    return [corpus_text(p) for folder in folders for p in sorted(folder.glob("*.json"))
            if not p.name.endswith(".cv.json")]


@pytest.fixture(scope="session")
def nlp():
    from reviewer.pipeline import get_nlp
    return get_nlp()


@pytest.fixture(scope="session")
def lemmatized_blank():
    """Our tokenizer and sentence splitter with spaCy's lookup lemmatizer: the reference for our lookup
    lemmas, and the tokens on which spaCy's Matcher can test "~lemma" entries."""
    from reviewer.pipeline import make_blank
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


# --- web app fixtures (owner: web app, issue 4) ---------------------------------------------
from .web_fixtures import blame_docx, client, csrf_app, cv_json, web_app  # noqa: E402,F401
# --- end of web app fixtures -------------------------------------------------------------------
