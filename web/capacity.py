"""How many reviews the server runs at once.

A review is CPU work; Python runs one thread's work at a time, so eight reviews on eight server threads
finish no sooner than one after another, and meanwhile they hold every thread: a visitor's GET / waits in
waitress's queue behind them. Reviews therefore take one of a few slots (one per core by default, the
REVIEWER_REVIEW_SLOTS setting); a request waiting for a slot holds its thread, so the server runs more
threads than slots and the rest stay free for pages; when every thread is taken, a page waits in
waitress's queue only until the next review ends (slots free every few milliseconds under load). When more
requests wait than REVIEWER_REVIEW_QUEUE (default 32), the newest is told the server is busy (503) instead
of waiting without bound. With scripts/start's 16 threads no more than 14 requests can wait, so the default
only bounds servers run with more threads; a smaller queue refuses sooner, and under a steady load of 20
clients a queue of 8 answered most requests with 503 while the clients' instant retries cost the server
more than the reviews. The form pages take their slot inside their own error handling, so a busy answer
keeps what the user typed; the other heavy routes take it around the whole view (``holds_slot``).
"""
from __future__ import annotations

import functools
import os
import threading
from contextlib import contextmanager

from flask import current_app

from reviewer.errors import InputError

BUSY = "The reviewer is busy with other reviews right now. Nothing you sent was kept; try again in a minute."


class Slots:
    """A counted semaphore with a bounded queue: ``take()`` runs at once when a slot is free, otherwise waits
    for one, or refuses when ``queue`` requests are already waiting."""

    def __init__(self, slots: int, queue: int):
        self._free = threading.Semaphore(slots)
        self._lock = threading.Lock()
        self._waiting = 0
        self.queue = queue

    @contextmanager
    def take(self):
        """Hold a slot for the enclosed work: at once when one is free, else after waiting for one."""
        if not self._free.acquire(blocking=False):
            with self._lock:
                if self._waiting >= self.queue:
                    raise InputError(BUSY, status=503)
                self._waiting += 1
            try:
                self._free.acquire()
            finally:
                with self._lock:
                    self._waiting -= 1
        try:
            yield
        finally:
            self._free.release()


def _setting(config, name: str, default: int) -> int:
    value = config.get(name)
    return default if value is None or value == "" else int(value)


def make_slots(config) -> Slots:
    slots = _setting(config, "REVIEWER_REVIEW_SLOTS", os.cpu_count() or 1)
    return Slots(max(slots, 1), max(_setting(config, "REVIEWER_REVIEW_QUEUE", 32), 0))


@contextmanager
def review_slot():
    """Run the enclosed review in one of the app's slots (app.extensions['reviewer_slots'])."""
    with current_app.extensions["reviewer_slots"].take():
        yield


def holds_slot(view):
    """A view that reads, reviews and renders inside one slot: reading a large .docx and writing a commented one
    are CPU work too, and left outside they would compete with every other request for the interpreter."""
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        with review_slot():
            return view(*args, **kwargs)
    return wrapped
