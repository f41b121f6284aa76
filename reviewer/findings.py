"""The finding record every renderer, the web app and the tests share."""
from __future__ import annotations

from dataclasses import dataclass, field

LEVELS = ("suggestion", "warning", "error")


@dataclass(frozen=True)
class Finding:
    """One thing the reviewer found: which rule, how serious, what to do, and where."""

    rule: str
    level: str
    message: str
    why: str
    fix: str
    source: str
    start: int | None = None
    end: int | None = None
    sentences: tuple[int, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "level": self.level,
            "message": self.message,
            "why": self.why,
            "fix": self.fix,
            "source": self.source,
            "start": self.start,
            "end": self.end,
            "sentences": list(self.sentences),
        }

    @property
    def serious(self) -> bool:
        """Warnings and errors count for the exit code; suggestions do not."""
        return self.level in ("warning", "error")
