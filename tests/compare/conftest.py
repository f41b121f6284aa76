"""The draft pairs of samples/drafts, each draft reviewed once per session."""
import pytest

from reviewer import review
from tests.compare.pairs import AS_OF, pairs


@pytest.fixture(scope="session")
def reviewed_pairs() -> dict:
    """pair name -> (DraftPair, old Review, new Review)."""
    out = {}
    for pair in pairs():
        out[pair.name] = (pair, review(pair.text("old"), exams=pair.exams, as_of=AS_OF),
                          review(pair.text("new"), exams=pair.exams, as_of=AS_OF))
    return out
