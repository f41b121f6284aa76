"""A bounded memo of a function of one word, safe to share between the web server's threads."""
from __future__ import annotations

import threading


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
