"""The finding record every renderer, the web app and the tests share."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

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
    unsure: bool = False  # lowered to a suggestion: the labels behind it are not confident (worth a second look)
    rule_level: str = ""  # the rule's own level, when ``unsure`` lowered it

    def to_dict(self) -> dict:
        extra = {"unsure": True, "rule_level": self.rule_level} if self.unsure else {}
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
            **extra,
        }

    def second_look(self) -> Finding:
        """This finding at suggestion level, saying it is worth a second look (its labels are borderline)."""
        if self.level == "suggestion":
            return self
        return replace(self, level="suggestion", message=f"Worth a second look: {self.message[:1].lower()}{self.message[1:]}",
                       unsure=True, rule_level=self.level)

    def to_check(self, level: str, message: str) -> Finding:
        """This finding at a lower ``level`` with ``message``: the reviewer is not sure of it and asks the
        applicant to check (a contradiction with the CV that rests on a hedged claim, say)."""
        if LEVELS.index(level) >= LEVELS.index(self.level):
            return self
        return replace(self, level=level, message=message, unsure=True, rule_level=self.level)

    @property
    def serious(self) -> bool:
        """Warnings and errors count for the exit code; suggestions do not."""
        return self.level in ("warning", "error")
