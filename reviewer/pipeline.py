"""Build the spaCy pipeline once per process: tokenizer, sentencizer, fix-ups, lemmas, cues, labels."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language

from . import extensions  # noqa: F401  (declares the Doc extensions)
from .rulebook import RULES_DIR

# Abbreviations applicants write that must stay one token, so the sentencizer never splits at their dot.
ABBREVIATIONS = ["approx.", "Approx.", "y.o.", "Univ.", "univ.", "etc.", "vs.", "Ph.D.", "i.e.", "e.g.",
                 "M.D.", "MD.", "Dept.", "dept.", "Hosp.", "No.", "no.", "Jr.", "Sr.", "Mt.", "Ave.", "Rd.",
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

    The new boundaries are written back in one ``from_array`` call: setting ``Token.is_sent_start``
    one token at a time re-scans the whole document on each assignment (quadratic on long texts).
    """
    starts = doc.to_array([SENT_START]).astype("int64")  # -1 "not a start" is stored unsigned
    changed = False
    prev = None
    for i, token in enumerate(doc):
        if prev is None or token.is_space:
            prev = token
            continue
        prev_text = prev.text
        value = starts[i]
        if prev.is_space and prev_text.count("\n") >= 2:
            value = 1
        elif prev_text in SENTENCE_FINAL_ABBREVIATIONS and token.text[:1].isupper() and token.lower_ in SENTENCE_OPENERS:
            value = 1
        elif value == 1:
            first = token.text[:1]
            if first.islower() or first.isdigit() or prev_text in _NO_START_AFTER:
                value = -1
        if value != starts[i]:
            starts[i] = value
            changed = True
        prev = token
    if changed:
        doc.from_array([SENT_START], starts.astype("uint64"))
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
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe("reviewer_cues", config={"rules_dir": rules_dir})
    nlp.add_pipe("reviewer_labels", config={"rules_dir": rules_dir})
    nlp.initialize()
    return nlp


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The process-wide pipeline, built on first use."""
    return build_nlp()
