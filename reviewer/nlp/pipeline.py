"""The spaCy pipeline, built once per rulebook: tokenizer, sentence splitter, cue finder, labeller."""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language

from ..rulebook import DEFAULT_REGION, RULES_DIR
from . import extensions  # noqa: F401  (declares the Doc extensions)
from .tokenizer import blank_english


def make_blank() -> Language:
    """The tokenizer and the sentence splitter alone (no cues or labels)."""
    from . import sentences  # noqa: F401  (registers the factory)
    nlp = blank_english()
    nlp.add_pipe("reviewer_sentences")
    return nlp


def build_nlp(rules_dir: str = str(RULES_DIR)) -> Language:
    """The full pipeline for the rules in ``rules_dir``; costly (lookup tables, matchers): use ``get_nlp``."""
    from . import cues, labels  # noqa: F401  (register the factories)
    nlp = make_blank()
    nlp.add_pipe("reviewer_cues", config={"rules_dir": rules_dir})
    nlp.add_pipe("reviewer_labels", config={"rules_dir": rules_dir})
    nlp.initialize()
    return nlp


@lru_cache(maxsize=4)
def get_nlp(rules_dir: str = str(RULES_DIR)) -> Language:
    """The process-wide pipeline of a rules folder, built on first use."""
    return build_nlp(rules_dir)


def run_pipeline(nlp: Language, text: str, region: str = DEFAULT_REGION):
    """``nlp(text)`` for one region pack: the tokenizer, then each component in turn, with ``doc._.region``
    set first (and without ``Language.__call__``'s per-component bookkeeping, which this pipeline does not use)."""
    doc = nlp.make_doc(text)
    doc._.region = region
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return doc
