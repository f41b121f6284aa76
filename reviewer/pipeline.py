"""Build the spaCy pipeline once per process: tokenizer, sentencizer, fix-ups, lemmas, cues, labels."""
from __future__ import annotations

from functools import lru_cache

import spacy
import numpy
from spacy.attrs import IS_SPACE, LEMMA, LOWER, ORTH, SENT_START
from spacy.language import Language

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


@Language.component("reviewer_sentence_fixups")
def sentence_fixups(doc):
    """Mend the sentencizer: paragraphs always start a sentence; no sentence starts lowercase or at a digit.

    It reads and writes token arrays: setting ``Token.is_sent_start`` one token at a time re-scans the
    whole document on each assignment (quadratic on long texts), and Token objects are costly to make.
    """
    if len(doc) < 2:
        return doc
    strings = doc.vocab.strings
    array = doc.to_array([SENT_START, IS_SPACE, ORTH, LOWER]).astype("int64")  # -1 is stored unsigned
    starts = array[:, 0].tolist()
    is_space = array[:, 1].tolist()
    texts = [strings[o] for o in doc.to_array(ORTH).tolist()]
    lowers = doc.to_array(LOWER).tolist()
    changed = False
    for i in range(1, len(doc)):
        if is_space[i]:
            continue
        prev_text, text, value = texts[i - 1], texts[i], starts[i]
        if is_space[i - 1] and prev_text.count("\n") >= 2:
            value = 1
        elif prev_text in SENTENCE_FINAL_ABBREVIATIONS and text[:1].isupper() and strings[lowers[i]] in SENTENCE_OPENERS:
            value = 1
        elif value == 1:
            first = text[:1]
            if first.islower() or first.isdigit() or prev_text in _NO_START_AFTER:
                value = -1
        if value != starts[i]:
            starts[i] = value
            changed = True
    if changed:
        doc.from_array([SENT_START], numpy.array(starts, dtype="int64").astype("uint64"))
    return doc


@Language.factory("reviewer_lemmas")
def make_lemmas(nlp, name):
    return LookupLemmas(nlp.vocab)


class LookupLemmas:
    """spaCy's lookup lemmas (the same spacy-lookups-data table as ``lemmatizer`` in lookup mode), cached
    per token text and written in one ``from_array`` call instead of one Token at a time."""

    def __init__(self, vocab):
        from spacy.lookups import load_lookups
        self.table = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")
        self.strings = vocab.strings
        self.cache: dict[int, int] = {}

    def lemma_of(self, orth: int) -> int:
        lemma = self.cache.get(orth)
        if lemma is None:
            text = self.strings[orth]
            found = self.table.get(text, text)
            lemma = self.cache[orth] = self.strings.add(found if isinstance(found, str) else found[0])
        return lemma

    def __call__(self, doc):
        if len(doc):
            lemmas = [self.lemma_of(o) for o in doc.to_array(ORTH).tolist()]
            doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64"))
        return doc


def make_blank() -> Language:
    """Blank English with our tokenizer exceptions and sentence rules (no cues or labels)."""
    nlp = spacy.blank("en")
    for abbreviation in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("reviewer_sentence_fixups")
    return nlp


def build_nlp(rules_dir: str = str(RULES_DIR)) -> Language:
    """The full pipeline; costly (lookup tables, matchers), so use ``get_nlp`` for the shared one."""
    from . import cues, labelling  # noqa: F401  (register the factories)

    nlp = make_blank()
    # Lookup lemmas let a lexicon entry name a verb once ("~rebuild") for all its forms ("rebuilt").
    nlp.add_pipe("reviewer_lemmas")
    nlp.add_pipe("reviewer_cues", config={"rules_dir": rules_dir})
    nlp.add_pipe("reviewer_labels", config={"rules_dir": rules_dir})
    nlp.initialize()
    return nlp


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The process-wide pipeline, built on first use."""
    return build_nlp()
