"""Bounded memos of a function of one word, safe to share between the web server's threads: ``Memo`` looks up one
key at a time, ``ArrayMemo`` a whole statement's word IDs at once."""
from __future__ import annotations

import threading

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


class ArrayMemo:
    """``memo.array(keys)`` is ``numpy.array([fn(key) for key in keys])`` for a statement's word IDs (unsigned
    64-bit integers), each key's value worked out once and kept; past ``limit`` keys it starts afresh.

    The keys met so far are kept sorted, with their values alongside, so that a statement's words are all found
    by one binary search in C: a ``Memo`` takes a Python step per word, which costs most when a review comes
    after other work and its dictionary has left the processor's caches. Only new keys meet ``fn``; they are
    merged in under a lock, as a new pair of arrays (a reader holding the old pair reads on, unchanged).
    ``tests/nlp/test_memo.py`` holds it to the plain function, alone and across threads."""

    def __init__(self, fn, dtype, limit: int = 100_000):
        self.fn, self.dtype, self.limit = fn, numpy.dtype(dtype), limit
        self._known = (numpy.zeros(0, dtype=numpy.uint64), numpy.zeros(0, dtype=self.dtype))
        self._lock = threading.Lock()

    def array(self, keys: numpy.ndarray) -> numpy.ndarray:
        """The value of each of ``keys`` (an array of word IDs), as an array of ``dtype``."""
        keys = numpy.asarray(keys, dtype=numpy.uint64)
        known, values = self._known
        at = self._find(known, keys)
        if at is None:
            known, values = self._learn(keys)
            at = self._find(known, keys)
        return values[at]

    @staticmethod
    def _find(known: numpy.ndarray, keys: numpy.ndarray) -> numpy.ndarray | None:
        """Where each key sits in ``known``; None when one is missing."""
        if not len(keys):
            return numpy.zeros(0, dtype=numpy.intp)
        if not len(known):
            return None
        at = numpy.minimum(numpy.searchsorted(known, keys), len(known) - 1)
        return at if (known[at] == keys).all() else None

    def _learn(self, keys: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
        """The known keys and values with every one of ``keys`` among them."""
        with self._lock:
            known, values = self._known
            if len(known) + len(keys) > self.limit:
                known, values = known[:0], values[:0]  # start afresh
            at = numpy.minimum(numpy.searchsorted(known, keys), max(len(known) - 1, 0))
            new = numpy.unique(keys[known[at] != keys] if len(known) else keys)
            found = numpy.empty(len(new), dtype=self.dtype)
            for k, key in enumerate(new.tolist()):  # (one by one: a list of tuples would become a 2-D array)
                found[k] = self.fn(key)
            places = numpy.searchsorted(known, new)
            self._known = (numpy.insert(known, places, new), numpy.insert(values, places, found))
            return self._known

    def __len__(self) -> int:
        return len(self._known[0])
