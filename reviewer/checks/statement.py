"""Statement rules that need code: readability, and closed hospitals presented as current."""
from __future__ import annotations

import re

from .registry import check


@check("statement.readability")
def readability(ctx, rule):
    score = ctx.metrics.get("flesch_reading_ease")
    floor = rule.param("min_flesch", 30)
    if score is not None and score < floor:
        return [ctx.finding(rule, score=score, floor=floor)]
    return []


# A sentence that names a closed place in the past tense or with a year before the closure is not stale.
_PAST = re.compile(r"\b(closed|closure|closing|former(ly)?|no longer|shut|used to|observed|rotated|worked|spent|"
                   r"completed|did|shadowed|volunteered|was|were|19\d\d|20[01]\d|202[0-2])\b", re.I)


@check("statement.stale_fact")
def stale_fact(ctx, rule):
    out = []
    for index, place, closed in ctx.closed_mentions:
        s = ctx.sentences[index]
        if not _PAST.search(s.plain):
            out.append(ctx.finding(rule, start=s.start, end=s.end, sentences=[index], place=place, closed=closed))
    return out
