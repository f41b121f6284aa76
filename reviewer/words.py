"""Facts about the words of a spaCy vocabulary, kept in a table with one row per word.

The pipeline's steps each need a few facts about every token's text: where a sentence may end, whether a
cue pattern may begin there, how many syllables the word has. Worked out once per distinct word, they sit
in the columns of a ``WordTable``; each lexeme's rank (spaCy: the "sequential ID of the lexeme's lexical
type, used to index into tables") is its row. A document's rows come from one ``to_array`` call, shared by
the steps (``token_rows``), and a step's facts for all tokens from one gather of its column: no Python work
per token, and no look-up in a table of strings, which costs most when a review comes after other work.

spaCy gives a lexeme's rank to word vectors when a vocabulary has them, so a table is only made for a
vocabulary without vectors (the reviewer's blank English pipeline has none).
"""
from __future__ import annotations

import threading

import numpy
from spacy.attrs import ID, SPACY

_ROWS = ("reviewer", "rows")  # doc.user_data key of the (row, trailing whitespace) array
_MAKING = threading.Lock()  # one table per vocabulary, even when two threads ask at once


class WordTable:
    """Columns of per-word facts (integers) for one vocabulary; see the module docstring."""

    def __init__(self) -> None:
        # The web server reviews on several threads: a new word's row is written under this lock (a getter
        # may give the interpreter to another thread half-way), and readers only ever see whole rows,
        # because a lexeme gets its rank after its row is written.
        self._lock = threading.RLock()
        self.size = 0
        self._capacity = 4096
        self._names: dict[str, int] = {}
        self._getters: list = []
        self._columns: list[numpy.ndarray] = []

    @classmethod
    def of(cls, vocab) -> WordTable:
        """The vocabulary's table, made the first time it is asked for: every word the vocabulary has gets a
        row now, and spaCy gives each word it meets later a row through ``row``, the getter of its ID."""
        table = getattr(vocab.lex_attr_getters.get(ID), "__self__", None)
        if isinstance(table, WordTable):
            return table
        if vocab.vectors.shape[0]:
            raise ValueError("this vocabulary has word vectors, which number the lexemes' ranks themselves")
        with _MAKING:
            table = getattr(vocab.lex_attr_getters.get(ID), "__self__", None)
            if not isinstance(table, WordTable):
                table = cls()
                for lexeme in vocab:
                    lexeme.rank = table.row(lexeme.orth_)
                vocab.lex_attr_getters[ID] = table.row
        return table

    def row(self, text: str) -> int:
        """Add the row of a word (every column's fact about ``text``) and return its number."""
        with self._lock:
            if self.size == self._capacity:
                self._capacity *= 2
                self._columns = [numpy.resize(column, self._capacity) for column in self._columns]
            for getter, column in zip(self._getters, self._columns):
                column[self.size] = getter(text)
            self.size += 1
            return self.size - 1

    def column_of(self, name: str, getter, vocab) -> int:
        """The index of column ``name`` (``getter``: word text -> int), filled in for every word of ``vocab``
        the first time it is asked for."""
        index = self._names.get(name)
        if index is None:
            with self._lock:
                index = self._names.get(name)
                if index is None:
                    column = numpy.zeros(self._capacity, dtype="int64")
                    for lexeme in vocab:
                        column[lexeme.rank] = getter(lexeme.orth_)
                    self._getters.append(getter)
                    self._columns = self._columns + [column]
                    index = self._names[name] = len(self._columns) - 1
        return index

    def column(self, index: int) -> numpy.ndarray:
        """Column ``index``, one value per row (look it up per document: the table grows)."""
        return self._columns[index][:self.size]


def token_rows(doc) -> numpy.ndarray:
    """(row in the vocabulary's word table, 1 if whitespace follows) of every token, an (n, 2) array read from
    the document once and kept in its user data for the next step (the tokens never change after the
    tokenizer)."""
    found = doc.user_data.get(_ROWS)
    if found is None or len(found) != len(doc):
        table = WordTable.of(doc.vocab)
        found = doc.to_array([ID, SPACY])
        stray = numpy.flatnonzero(found[:, 0] >= table.size)
        for i in stray.tolist():  # a rank set by someone else: give the word its row back
            lexeme = doc.vocab[doc[i].orth]
            lexeme.rank = found[i, 0] = table.row(lexeme.orth_)
        doc.user_data[_ROWS] = found
    return found
