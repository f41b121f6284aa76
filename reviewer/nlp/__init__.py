"""The NLP step: text in, a spaCy Doc out with its sentences, cues and labels (reviewer.nlp.extensions)."""
from .pipeline import build_nlp, get_nlp, make_blank, run_pipeline

__all__ = ["build_nlp", "get_nlp", "make_blank", "run_pipeline"]
