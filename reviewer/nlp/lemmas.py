"""spaCy's lookup lemma of a word ("rebuilt" -> "rebuild"), for the ``~word`` entries of the lexicons."""
from __future__ import annotations

from spacy.lookups import load_lookups

from .memo import Memo


class LookupLemmas:
    """The lemma spaCy's lookup lemmatizer gives a word (the spacy-lookups-data table), kept per word."""

    def __init__(self):
        table = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")

        def lemma(text: str) -> str:
            found = table.get(text, text)
            return found if isinstance(found, str) else found[0]

        self._memo = Memo(lemma)

    def __call__(self, text: str) -> str:
        return self._memo(text)
