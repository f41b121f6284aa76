"""The comparison of two drafts: aligned sentences, findings followed across them, measures; its JSON and exit code."""
from __future__ import annotations

from dataclasses import dataclass, field

from .align import IN_PLACE, Pair
from .match import NEW, OPEN, RESOLVED, RETIRED, FindingChange
from .word_diff import inline, word_diff

SCHEMA = "reviewer.compare/1"
CHANGES = ("unchanged", "edited", "added", "removed")


@dataclass
class Comparison:
    """Everything ``reviewer compare`` says about two drafts; ``old`` and ``new`` are compare.draft.Draft."""

    old: object
    new: object
    pairs: list[Pair]
    findings: list[FindingChange]
    measures: list
    notices: list[str] = field(default_factory=list)
    rules_differ: bool = False  # a saved review was made with rules other than today's
    _runs: dict = field(default_factory=dict, repr=False)  # the word runs of each edited pair, once worked out

    def of_status(self, status: str) -> list[FindingChange]:
        return [c for c in self.findings if c.status == status]

    @property
    def resolved(self) -> list[FindingChange]:
        return self.of_status(RESOLVED)

    @property
    def introduced(self) -> list[FindingChange]:
        return self.of_status(NEW)

    @property
    def still_open(self) -> list[FindingChange]:
        return self.of_status(OPEN)

    @property
    def retired(self) -> list[FindingChange]:
        return self.of_status(RETIRED)

    @property
    def worse(self) -> bool:
        return any(c.worse for c in self.findings)

    @property
    def exit_code(self) -> int:
        """1 when a finding at warning or error level is new (or was raised to one), else 0."""
        return 1 if self.worse else 0

    def counts(self) -> dict:
        changes = {name: sum(1 for p in self.pairs if p.change == name) for name in CHANGES}
        return {**changes, "moved": sum(1 for p in self.pairs if p.moved)}

    def partner_sentences(self, change: FindingChange) -> tuple[list[int], list[int]]:
        """The finding's sentences in the old and the new draft: its own, and where it has none in a draft, the
        sentences aligned with the other draft's ones (an edited or unchanged sentence)."""
        to_new = {p.old: p.new for p in self.pairs if p.old is not None and p.new is not None}
        to_old = {n: o for o, n in to_new.items()}
        old = list(change.old.sentences) if change.old else [to_old[j] for j in change.new.sentences if j in to_old]
        new = list(change.new.sentences) if change.new else [to_new[i] for i in change.old.sentences if i in to_new]
        return old, new

    def word_runs(self, pair: Pair) -> list[tuple[str, str, str]]:
        """The (op, old text, new text) runs of an edited pair; a sentence rewritten with few words in common (one
        paired by its place alone) reads better whole, the old text cut and the new one added."""
        key = (pair.old, pair.new)
        if key not in self._runs:
            old, new = self.old.sentences[pair.old].text, self.new.sentences[pair.new].text
            whole = pair.similarity < IN_PLACE
            self._runs[key] = [("delete", old + " ", ""), ("insert", "", new)] if whole else word_diff(old, new)
        return self._runs[key]

    def to_dict(self) -> dict:
        return {
            "schema": SCHEMA,
            "old": _side(self.old),
            "new": _side(self.new),
            "summary": {"resolved": len(self.resolved), "new": len(self.introduced), "open": len(self.still_open),
                        "retired": len(self.retired), "worse": self.worse, "exit_code": self.exit_code,
                        "rules_differ": self.rules_differ, "sentences": self.counts()},
            "findings": [self._finding_dict(c) for c in self.findings],
            "sentences": [self._pair_dict(p) for p in self.pairs],
            "measures": [m.to_dict() for m in self.measures],
            "notices": list(self.notices),
        }

    def _finding_dict(self, change: FindingChange) -> dict:
        old, new = self.partner_sentences(change)
        return {"status": change.status, "rule": change.rule, "level": change.level,
                "old": change.old.to_dict() if change.old else None,
                "new": change.new.to_dict() if change.new else None,
                "sentences": {"old": old, "new": new}}

    def _pair_dict(self, pair: Pair) -> dict:
        old = self.old.sentences[pair.old] if pair.old is not None else None
        new = self.new.sentences[pair.new] if pair.new is not None else None
        out = {"change": pair.change, "moved": pair.moved, "old": _sentence(old), "new": _sentence(new)}
        if old is not None and new is not None:
            out["how"] = pair.how
            out["similarity"] = pair.similarity
            out["labels"] = {"added": [x for x in new.labels if x not in old.labels],
                             "removed": [x for x in old.labels if x not in new.labels]}
        if pair.change == "edited":
            out["words"] = [list(run) for run in inline(self.word_runs(pair))]
        return out


def _sentence(s) -> dict | None:
    if s is None:
        return None
    return {"index": s.index, "number": s.index + 1, "paragraph": s.paragraph, "text": s.text, "labels": list(s.labels)}


def _side(draft) -> dict:
    return {"name": draft.name, "source": draft.document.name, "kind": draft.document.kind, "from": draft.origin,
            "sentences": len(draft.sentences), "paragraphs": len(draft.document.paragraphs),
            "words": draft.metrics.get("words"), "findings": len(draft.findings), "profile": draft.profile}
