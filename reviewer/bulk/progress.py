"""A one-line progress bar on a terminal: counts, failures and time left; silent anywhere else."""
from __future__ import annotations

import sys
import time

WIDTH = 28


class Progress:
    """Call ``advance`` once per finished applicant and ``close`` at the end."""

    def __init__(self, total: int, stream=None, enabled: bool | None = None):
        self.total, self.done, self.failed = total, 0, 0
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.started = time.monotonic()
        self._shown = 0.0
        self._first = None  # seconds from the start to the first finished applicant

    def advance(self, failed: bool = False) -> None:
        self.done += 1
        self.failed += failed
        now = time.monotonic()
        if self._first is None:
            self._first = now - self.started
        if self.enabled and (now - self._shown > 0.1 or self.done == self.total):
            self._shown = now
            self.stream.write("\r" + self.line(now - self.started) + "\x1b[K")
            self.stream.flush()

    def line(self, elapsed: float) -> str:
        filled = int(WIDTH * self.done / self.total) if self.total else WIDTH
        bar = "#" * filled + "-" * (WIDTH - filled)
        failed = f", {self.failed} failed" if self.failed else ""
        if self.done >= self.total:
            tail = f"done in {_clock(elapsed)}"
        elif self.done >= 2:
            tail = f"{_clock(self.per_applicant(elapsed) * (self.total - self.done))} left"
        elif self.done:
            tail = "estimating time left"
        else:
            tail = "starting"
        return f"[{bar}] {self.done}/{self.total} reviewed{failed}, {tail}"

    def per_applicant(self, elapsed: float) -> float:
        """Seconds per applicant for the estimate. The first applicant also pays for starting the workers (each
        builds its pipeline), which made the first estimates many times too long; the pace since then is the
        better guide, and the average over all is kept when it is lower."""
        overall = elapsed / self.done
        since_first = (elapsed - (self._first or 0.0)) / (self.done - 1)
        return min(overall, max(since_first, 0.0))

    def close(self) -> None:
        if self.enabled and self.total:
            self.stream.write("\n")
            self.stream.flush()


def _clock(seconds: float) -> str:
    seconds = int(round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"
