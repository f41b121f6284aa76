"""ERAS Narrative Reviewer: checks a residency personal statement and CV against the IMG guide."""
from .review import LABELS, Review, Sentence, review

__all__ = ["review", "Review", "Sentence", "LABELS"]
__version__ = "0.1.0"
