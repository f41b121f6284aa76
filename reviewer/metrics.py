"""Counts and readability of a statement (textstat 0.7.8 works offline with its bundled dictionary)."""
from __future__ import annotations

import textstat


def word_count(text: str) -> int:
    """Words are whitespace-separated tokens (DESIGN.md)."""
    return len(text.split())


def flesch_reading_ease(sentences: list[str]) -> float | None:
    """Flesch reading ease from our own sentence split (textstat's sentence counter over-counts)."""
    words = sum(word_count(s) for s in sentences)
    if not sentences or not words:
        return None
    syllables = sum(textstat.syllable_count(s) for s in sentences)
    score = 206.835 - 1.015 * (words / len(sentences)) - 84.6 * (syllables / words)
    return round(score, 1)


def measure(text: str, sentences: list[str], paragraphs: int) -> dict:
    return {
        "words": word_count(text),
        "characters": len(text),
        "sentences": len(sentences),
        "paragraphs": paragraphs,
        "flesch_reading_ease": flesch_reading_ease(sentences),
    }
