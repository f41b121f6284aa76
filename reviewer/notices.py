"""Notices: parts of an input the reviewer could not use, said plainly (the statement is reviewed anyway)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Notice:
    """Something left out of the review, where it was, and why (a CV line the reader could not place, say)."""

    source: str  # which input: "cv"
    where: str  # "line 12", "experience 3, field 'start'", "the file"
    text: str  # the line or value as written (shortened), or ""
    reason: str  # one plain sentence

    def to_dict(self) -> dict:
        return {"source": self.source, "where": self.where, "text": self.text, "reason": self.reason}

    def line(self) -> str:
        """The notice as one line for a terminal or a table cell."""
        shown = f' "{self.text}"' if self.text else ""
        return f"{self.where}{shown}: {self.reason}"


def unreadable_cv(reason: str) -> Notice:
    """The notice for a CV that could not be read at all: the statement is reviewed without it."""
    return Notice("cv", "the CV", "", f"{reason.rstrip('.')}. The statement was reviewed without the CV.")
