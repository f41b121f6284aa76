"""Match the findings of two drafts by rule and sentence: resolved, new, still open, or of a retired rule.

Two findings are the same finding when they have the same rule and either both are about the whole statement
(no sentences), or some sentence of the old one is aligned with a sentence of the new one (unchanged or edited).
Among whole-statement findings of one rule (a CV's gaps, say), those with the same message pair first, so that
the gap that was filled is the one resolved; the rest pair in order.
A finding whose sentences were all removed or rewritten beyond recognition is resolved in the old draft and,
if the rule fires on the new sentences, new in the new one. Findings of a rule outside ``known_rules`` (one
today's rules no longer have, in a review saved with other rules, or one turned off) are "retired": listed,
not compared.
"""
from __future__ import annotations

from dataclasses import dataclass

RESOLVED, NEW, OPEN, RETIRED = "resolved", "new", "open", "retired"
SERIOUS = ("warning", "error")


@dataclass(frozen=True)
class FindingChange:
    """One finding followed across the drafts: its old version, its new version, or both."""

    status: str  # resolved | new | open | retired
    rule: str
    old: object = None  # reviewer.findings.Finding in the old draft
    new: object = None  # ... in the new draft

    @property
    def level(self) -> str:
        return (self.new or self.old).level

    @property
    def worse(self) -> bool:
        """New at warning or error level, or still open and raised to warning or error from a suggestion."""
        if self.status == NEW:
            return self.new.level in SERIOUS
        if self.status == OPEN:
            return self.new.level in SERIOUS and self.old.level not in SERIOUS
        return False


def _mapped(finding, to_new: dict[int, int]) -> set[int]:
    return {to_new[i] for i in finding.sentences if i in to_new}


def match_findings(old_findings, new_findings, pairs, known_rules) -> list[FindingChange]:
    """The findings of both drafts followed across them, in the new draft's order, then the resolved and retired
    ones in the old draft's order; ``pairs`` is the sentence alignment, ``known_rules`` today's rule ids."""
    to_new = {p.old: p.new for p in pairs if p.old is not None and p.new is not None}
    retired = [FindingChange(RETIRED, f.rule, old=f) for f in old_findings if f.rule not in known_rules]
    retired += [FindingChange(RETIRED, f.rule, new=f) for f in new_findings if f.rule not in known_rules]
    olds = [f for f in old_findings if f.rule in known_rules]
    news = [f for f in new_findings if f.rule in known_rules]
    partner: dict[int, int] = {}  # new finding's position -> old finding's position
    candidates = []
    for a, old in enumerate(olds):
        mapped = _mapped(old, to_new)
        for b, new in enumerate(news):
            if old.rule != new.rule:
                continue
            if not old.sentences and not new.sentences:
                candidates.append((-1 if old.message == new.message else 0, a, b))
            elif mapped & set(new.sentences):
                candidates.append((-len(mapped & set(new.sentences)), a, b))
    taken = set()
    for _, a, b in sorted(candidates):
        if a not in taken and b not in partner:
            taken.add(a)
            partner[b] = a
    out = [FindingChange(OPEN, f.rule, olds[partner[b]], f) if b in partner else FindingChange(NEW, f.rule, new=f)
           for b, f in enumerate(news)]
    out += [FindingChange(RESOLVED, f.rule, old=f) for a, f in enumerate(olds) if a not in taken]
    return out + retired
