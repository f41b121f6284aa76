"""The region rules: is the active region named at all, and does any sentence make a concrete tie to it."""
from __future__ import annotations

from .registry import check


@check("region.missing")
def region_missing(ctx, rule):
    return [] if ctx.region_mentions else [ctx.finding(rule)]


@check("region.generic")
def region_generic(ctx, rule):
    if ctx.region_mentions and not ctx.labelled("regional_tie"):
        return [ctx.finding(rule, **ctx.span(ctx.region_mentions))]
    return []
