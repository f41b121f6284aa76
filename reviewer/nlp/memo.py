"""Bounded memos of functions of one word, safe to share between the web server's threads: ``Memo`` looks up one
key at a time, ``WordTable`` a whole statement's word IDs at once, for every fact (``Column``) read of them."""
from __future__ import annotations

import threading
import weakref

import numpy


class _Table(dict):
    """A memo's values: a key it does not hold yet gets the function's value, kept (``dict.__missing__``),
    so that looking up a whole statement's words is one pass in C that calls Python only for new words."""

    __slots__ = ("fn",)

    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def __missing__(self, key):
        value = self[key] = self.fn(key)
        return value


class Memo:
    """``memo(key)`` is ``fn(key)``, worked out once per key and kept; past ``limit`` keys it starts afresh.

    Reads take no lock: a reader finds a value or works it out and keeps it (two threads may both work out a
    new key; both keep the same value). Starting afresh takes the lock and replaces the table (never clearing
    the one a reader may be holding); a table may pass the limit by the new words of one call before that."""

    def __init__(self, fn, limit: int = 100_000):
        self.fn, self.limit = fn, limit
        self._values = _Table(fn)
        self._lock = threading.Lock()

    def __call__(self, key):
        values = self._values
        value = values[key]
        if len(values) > self.limit:
            self._start_afresh(values)
        return value

    def many(self, keys) -> list:
        """``[memo(key) for key in keys]``."""
        values = self._values
        found = list(map(values.__getitem__, keys))
        if len(values) > self.limit:
            self._start_afresh(values)
        return found

    def _start_afresh(self, full: _Table) -> None:
        with self._lock:
            if self._values is full:
                self._values = _Table(self.fn)

    def __len__(self) -> int:
        return len(self._values)


class Column:
    """A fact about a word, ``fn(word ID)``, kept in a ``WordTable`` as an array of ``dtype`` (object for
    tuples and None). Each step of the pipeline makes the columns it reads; the object itself is the column's key."""

    def __init__(self, fn, dtype):
        self.fn, self.dtype = fn, numpy.dtype(dtype)

    def of(self, keys: numpy.ndarray) -> numpy.ndarray:
        """The fact for each of ``keys`` (one by one: a list of tuples would become a 2-D array)."""
        out = numpy.empty(len(keys), dtype=self.dtype)
        for k, key in enumerate(keys.tolist()):
            out[k] = self.fn(key)
        return out


class _Known:
    """The word IDs met so far, sorted, and the columns worked out for them (each array aligned with ``keys``;
    a column first read after words were added is worked out then, for all of them). A column is held weakly:
    one its step no longer holds (the labeller's, after ``Labeller.use`` of another model) is let go."""

    def __init__(self, keys: numpy.ndarray, columns: dict):
        self.keys, self.columns = keys, weakref.WeakKeyDictionary(columns)

    def column(self, column: Column) -> numpy.ndarray:
        values = self.columns.get(column)
        if values is None:  # (two threads may both work it out: the same values)
            values = self.columns[column] = column.of(self.keys)
        return values


class Rows:
    """Where a statement's words sit in a ``WordTable``: ``values(column)`` is each word's fact, in token order."""

    def __init__(self, known: _Known, at: numpy.ndarray):
        self._known, self._at = known, at

    def values(self, column: Column) -> numpy.ndarray:
        return self._known.column(column)[self._at]


class WordTable:
    """Facts about words kept for every step of the pipeline at once: ``table.rows(keys)`` finds a statement's
    word IDs (spaCy's hash of each token's text, unsigned 64-bit) among those met so far, and ``values(column)``
    of the result gives a column's fact for each, worked out once per word and kept; past ``limit`` words the
    table starts afresh.

    The words met are kept sorted, so a statement's words are found by one binary search in C, shared by the
    steps that read facts of words (a ``Memo`` takes a Python step per word and per step, which costs most when a
    review comes after other work and the dictionary has left the processor's caches). New words are added
    under a lock, as a new set of arrays: a statement holding the old ones reads on, unchanged.
    ``tests/nlp/test_memo.py`` holds it to the plain functions, alone and across threads."""

    def __init__(self, limit: int = 100_000):
        self.limit = limit
        self._known = _Known(numpy.zeros(0, dtype=numpy.uint64), {})
        self._lock = threading.Lock()

    def rows(self, keys: numpy.ndarray) -> Rows:
        keys = numpy.asarray(keys, dtype=numpy.uint64)
        known = self._known
        at = self._find(known.keys, keys)
        if at is None:
            known = self._learn(keys)
            at = self._find(known.keys, keys)
        return Rows(known, at)

    @staticmethod
    def _find(known: numpy.ndarray, keys: numpy.ndarray) -> numpy.ndarray | None:
        """Where each key sits in ``known`` (sorted); None when one is missing."""
        if not len(keys):
            return numpy.zeros(0, dtype=numpy.intp)
        if not len(known):
            return None
        order = numpy.argsort(keys)  # (a binary search of sorted keys runs about twice as fast)
        at = numpy.empty(len(keys), dtype=numpy.intp)
        at[order] = numpy.minimum(numpy.searchsorted(known, keys[order]), len(known) - 1)
        return at if (known[at] == keys).all() else None

    def _learn(self, keys: numpy.ndarray) -> _Known:
        """The words known, with every one of ``keys`` among them."""
        with self._lock:
            known = self._known
            if len(known.keys) + len(keys) > self.limit:
                known = _Known(known.keys[:0], {})  # start afresh
            at = numpy.minimum(numpy.searchsorted(known.keys, keys), max(len(known.keys) - 1, 0))
            new = numpy.unique(keys[known.keys[at] != keys] if len(known.keys) else keys)
            places = numpy.searchsorted(known.keys, new)
            columns = {column: numpy.insert(values, places, column.of(new))
                       for column, values in list(known.columns.items())}
            self._known = _Known(numpy.insert(known.keys, places, new), columns)
            return self._known

    def __len__(self) -> int:
        return len(self._known.keys)
