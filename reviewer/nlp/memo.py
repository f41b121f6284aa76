"""A bounded memo of a function of one word, safe to share between the web server's threads."""
from __future__ import annotations

import threading
from itertools import repeat
from operator import is_

_MISSING = object()


class Memo:
    """``memo(key)`` is ``fn(key)``, worked out once per key and kept until ``limit`` keys are held.

    Reads take no lock: a reader either finds a finished value or works it out itself. Writes take the lock,
    and a full memo starts afresh by replacing its dict (never clearing the one a reader may be holding)."""

    def __init__(self, fn, limit: int = 100_000):
        self.fn, self.limit = fn, limit
        self._values: dict = {}
        self._lock = threading.Lock()

    def __call__(self, key):
        value = self._values.get(key, _MISSING)
        if value is _MISSING:
            value = self.fn(key)
            with self._lock:
                if len(self._values) >= self.limit:
                    self._values = {}
                self._values[key] = value
        return value

    def many(self, keys) -> list:
        """``[memo(key) for key in keys]``, with one dict look-up per key that is already known."""
        values = list(map(self._values.get, keys, repeat(_MISSING)))
        # (most calls find every key; ``_MISSING in values`` would compare every value with == first)
        if True in map(is_, values, repeat(_MISSING)):
            for i, value in enumerate(values):
                if value is _MISSING:
                    values[i] = self(keys[i])
        return values

    def __len__(self) -> int:
        return len(self._values)
