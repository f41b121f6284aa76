"""The labeller: each sentence's labels (DESIGN.md 'Sentence labels'), with the region's places it names."""
from __future__ import annotations

from spacy.language import Language

from ...rulebook import RULES_DIR, rulebook_at
from .rules import SentenceView, rule_labels


@Language.factory("reviewer_labels", default_config={"rules_dir": ""})
def make_labeller(nlp, name, rules_dir):
    return Labeller(rulebook_at(rules_dir or str(RULES_DIR)))


class Labeller:
    """Sets ``doc._.labels`` (a set per sentence), ``doc._.places`` (the region's places each names) and
    ``doc._.region_named`` (whether each names the region at all)."""

    def __init__(self, rulebook):
        params = rulebook.labels["specialty_motivation"].params
        self.program_words = frozenset(w.lower() for w in params.get("program_words", []))
        self.practitioners = frozenset(w.lower() for w in params.get("practitioners", []))
        self.low_score = rulebook.param("score.not_addressed", "low_score", 215)

    def __call__(self, doc):
        ext = doc._
        views = [SentenceView(doc, cues, self.low_score) for cues in ext.cues]
        labels, places, named = rule_labels(views, ext.sentence_paragraphs, self.program_words, self.practitioners)
        ext.labels, ext.places, ext.region_named = labels, places, named
        return doc
