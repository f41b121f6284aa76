"""Build the spaCy pipeline once per process: tokenizer, sentences (sentencizer rule + fix-ups), cues, labels."""
from __future__ import annotations

from functools import lru_cache

import spacy
import numpy
from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer

from . import extensions  # noqa: F401  (declares the Doc extensions)
from .rulebook import RULES_DIR

# Abbreviations applicants write that must stay one token, so the sentencizer never splits at their dot.
ABBREVIATIONS = ["approx.", "Approx.", "y.o.", "Univ.", "univ.", "etc.", "vs.", "Ph.D.", "i.e.", "e.g.",
                 "M.D.", "MD.", "Dept.", "dept.", "Hosp.", "Jr.", "Sr.", "Mt.", "Ave.", "Rd.",
                 "Inc.", "Prof.", "Dr.", "Drs.", "St.", "Ste.", "U.S.", "U.K.", "U.S.A.", "Mr.", "Mrs.", "Ms.",
                 "Fig.", "approx", "Gen.", "Co.", "Corp."]
# After these, a capitalised word that usually opens a sentence starts a new one ("... in the U.S. My ...").
SENTENCE_FINAL_ABBREVIATIONS = {"U.S.", "U.K.", "U.S.A.", "etc.", "Inc.", "Jr.", "Sr.", "Co.", "Corp."}
SENTENCE_OPENERS = {"i", "my", "the", "this", "that", "these", "those", "it", "we", "our", "in", "at", "after",
                    "during", "when", "while", "there", "since", "as", "he", "she", "they", "his", "her", "their",
                    "one", "each", "every", "although", "because", "today", "now", "then", "later", "before",
                    "for", "with", "what", "working", "by", "through", "over", "on", "if", "but", "and", "so"}


_NO_START_AFTER = frozenset({",", ";", ":", "(", "-", "–"})
PUNCT_CHARS = frozenset(Sentencizer.default_punct_chars)  # the marks after which spaCy's sentencizer splits


# Word facts the sentence rules read, one bit each, computed once per distinct token text.
MARK, NOT_WORD, SPACE, PARAGRAPH, LOWER_OR_DIGIT, NO_START_AFTER, FINAL_ABBREVIATION, OPENER = (
    1 << bit for bit in range(8))


def word_facts(text: str, is_punct: bool) -> int:
    """The bits of ``text``: MARK (a sentence-final mark for spaCy's sentencizer), NOT_WORD (a mark or
    punctuation), SPACE, PARAGRAPH (whitespace holding a blank line), LOWER_OR_DIGIT (first character),
    NO_START_AFTER, FINAL_ABBREVIATION ("U.S.") and OPENER (a capitalised word that usually opens a sentence)."""
    first = text[:1]
    space = text.isspace()
    return ((MARK if text in PUNCT_CHARS else 0)
            | (NOT_WORD if text in PUNCT_CHARS or is_punct else 0)
            | (SPACE if space else 0)
            | (PARAGRAPH if space and text.count("\n") >= 2 else 0)
            | (LOWER_OR_DIGIT if first.islower() or first.isdigit() else 0)
            | (NO_START_AFTER if text in _NO_START_AFTER else 0)
            | (FINAL_ABBREVIATION if text in SENTENCE_FINAL_ABBREVIATIONS else 0)
            | (OPENER if first.isupper() and text.lower() in SENTENCE_OPENERS else 0))


@Language.factory("reviewer_sentences")
def make_sentences(nlp, name):
    return SentenceSplitter()


class SentenceSplitter:
    """spaCy's sentencizer rule and our fix-ups in one pass over per-word bits (no Token objects).

    The sentencizer rule: a word (neither punctuation nor a sentence-final mark) starts a sentence when a
    sentence-final mark (".", "!", "?", ...) came after the previous word. The fix-ups: a blank line always
    starts a sentence, and so does a capitalised opener after a sentence-final abbreviation ("... in the
    U.S. My ..."); otherwise no sentence starts at a lowercase word, a digit, or after ",", ";", ":", "(",
    "-", "–". Whitespace tokens keep the sentencizer's decision. ``tests/test_sentences.py`` checks this
    against spaCy's ``Sentencizer`` followed by the fix-ups written token by token.
    """

    CACHE_LIMIT = 200_000  # distinct token texts remembered before the cache starts afresh

    def __init__(self):
        self.facts: dict[int, int] = {}

    def facts_of(self, doc, i: int) -> int:
        token = doc[i]
        if len(self.facts) > self.CACHE_LIMIT:
            self.facts.clear()
        found = self.facts[token.orth] = word_facts(token.text, token.is_punct)
        return found

    def __call__(self, doc):
        n = len(doc)
        if not n:
            return doc
        get = self.facts.get
        facts = [get(o) for o in doc.to_array(ORTH).tolist()]
        if None in facts:
            facts = [f if f is not None else self.facts_of(doc, i) for i, f in enumerate(facts)]
        value = [-1] * n
        value[0] = 1
        seen_mark, before = False, 0
        for i, here in enumerate(facts):
            start = False
            # the sentencizer: the first word after a sentence-final mark starts a sentence
            if not here & NOT_WORD:
                start, seen_mark = seen_mark, False
            elif here & MARK:
                seen_mark = True
            # the fix-ups (whitespace keeps the sentencizer's decision)
            if i and not here & SPACE:
                if before & PARAGRAPH or (before & FINAL_ABBREVIATION and here & OPENER):
                    start = True
                elif start and (here & LOWER_OR_DIGIT or before & NO_START_AFTER):
                    start = False
            if start:
                value[i] = 1
            before = here
        doc.from_array([SENT_START], numpy.array(value, dtype="int64").astype("uint64"))  # -1 as spaCy stores it
        return doc


def make_blank() -> Language:
    """Blank English with our tokenizer exceptions and sentence rules (no cues or labels)."""
    nlp = spacy.blank("en")
    for abbreviation in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    nlp.add_pipe("reviewer_sentences")
    return nlp


def build_nlp(rules_dir: str = str(RULES_DIR)) -> Language:
    """The full pipeline; costly (lookup tables, matchers), so use ``get_nlp`` for the shared one."""
    from . import cues, labelling  # noqa: F401  (register the factories)

    nlp = make_blank()
    nlp.add_pipe("reviewer_cues", config={"rules_dir": rules_dir})
    nlp.add_pipe("reviewer_labels", config={"rules_dir": rules_dir})
    nlp.initialize()
    return nlp


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The process-wide pipeline, built on first use."""
    return build_nlp()
