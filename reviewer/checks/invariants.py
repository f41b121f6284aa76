"""What no review may say at once: pairs of findings that would contradict each other, and what a finding
implies about the labels it rests on.

The checks are written so that none of these can happen (tests/checks/test_invariants.py runs every corpus
statement, with and without its CV, through them). ``violations`` names any that do; the review calls it
and, should new text ever break one, keeps the finding each pair puts first, so a reader never gets both.
"""
from __future__ import annotations

# (kept, dropped, why they cannot both stand)
EXCLUSIVE = (
    ("score.not_addressed", "score.too_short", "an unaddressed result has no passage to be too short"),
    ("score.not_addressed", "score.too_long", "an unaddressed result has no passage to be too long"),
    ("score.not_addressed", "score.no_growth", "an unaddressed result has no passage to lack growth"),
    ("score.not_addressed", "score.dominates", "an unaddressed result has no passage to dominate"),
    ("score.not_addressed", "score.unnecessary", "a record cannot be both flagged and fine"),
    ("score.blame", "score.not_addressed", "a sentence that blames the result addresses it"),
    ("score.unnecessary", "score.too_short", "a passage that should go needs no more sentences"),
    ("score.unnecessary", "score.too_long", "a passage that should go is not trimmed to 2-4 sentences"),
    ("score.unnecessary", "score.no_growth", "a passage that should go needs no growth added"),
    ("score.unnecessary", "score.dominates", "a passage that should go is not moved or shortened"),
    ("score.too_short", "score.too_long", "a passage is not both too short and too long"),
    ("region.missing", "region.generic", "a region never named is not named generically"),
)


def violations(findings) -> list[str]:
    """Each contradiction among ``findings``, said in a sentence (an empty list when they agree)."""
    fired = {f.rule for f in findings}
    problems = [f"{kept} and {dropped}: {why}" for kept, dropped, why in EXCLUSIVE if kept in fired and dropped in fired]
    for f in findings:
        if f.unsure and (not f.rule_level or f.rule_level == f.level):
            problems.append(f"{f.rule}: lowered as unsure, but its own level is not above {f.level}")
    return problems


def without_contradictions(findings) -> list:
    """The findings with, for each contradicting pair, the one the pair drops left out."""
    fired = {f.rule for f in findings}
    dropped = {d for kept, d, _ in EXCLUSIVE if kept in fired and d in fired}
    return [f for f in findings if f.rule not in dropped]
