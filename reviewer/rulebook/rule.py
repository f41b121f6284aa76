"""One rule read from rules/: what it finds, how serious it is, how to fix it, and its examples."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import RuleFileError
from ..findings import Finding


@dataclass(frozen=True)
class Rule:
    """A rule file: its id is its path under rules/ ("rules/score/blame.yml" is ``score.blame``)."""

    id: str
    kind: str
    path: Path
    summary: str = ""
    level: str = ""
    message: str = ""
    why: str = ""
    fix: str = ""
    source: str = ""
    params: dict = field(default_factory=dict)
    lexicons: dict = field(default_factory=dict)
    examples: dict = field(default_factory=dict)
    data: dict = field(default_factory=dict)

    def param(self, key: str, default=None):
        """A threshold or list from the rule's ``params``."""
        return self.params.get(key, default)

    def finding(self, start=None, end=None, sentences=(), **values) -> Finding:
        """This rule's finding; ``values`` fill the {placeholders} of message, why and fix."""
        try:
            message = self.message.format_map(values)
            why = self.why.format_map(values)
            fix = self.fix.format_map(values)
        except (KeyError, IndexError, ValueError) as exc:
            raise RuleFileError(f"{self.path}: 'message', 'why' or 'fix' uses a placeholder the check does not "
                                f"give: {exc}") from exc
        message = message[:1].upper() + message[1:]  # "experience 2 (...) and ..." opens a sentence
        return Finding(self.id, self.level, message, why.strip(), fix.strip(), self.source,
                       start, end, tuple(sentences))
