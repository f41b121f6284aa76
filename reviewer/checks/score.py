"""The score rules: is a flagged result addressed, briefly, with growth, without blame, not dominating."""
from __future__ import annotations

from .context import counted, quote
from .registry import check


@check("score.not_addressed")
def not_addressed(ctx, rule):
    if ctx.profile and ctx.profile.flagged and not ctx.passage:
        return [ctx.finding(rule, ctx.surely_absent("score_disclosure"), reasons="; ".join(ctx.profile.reasons))]
    return []


def _record_is_fine(ctx) -> bool:
    """Whether the exam record is known and holds no red flag: the passage should go (score.unnecessary), so
    advice on its length, growth or place would contradict that."""
    return bool(ctx.profile and ctx.profile.exams and not ctx.profile.flagged)


@check("score.unnecessary")
def unnecessary(ctx, rule):
    if _record_is_fine(ctx) and ctx.passage:
        return [ctx.finding(rule, **ctx.span(ctx.passage), n=len(ctx.passage),
                            size=counted(len(ctx.passage), "sentence"))]
    return []


@check("score.too_short")
def too_short(ctx, rule):
    if len(ctx.passage) == rule.param("min_sentences", 2) - 1 and not _record_is_fine(ctx):
        s = ctx.sentences[ctx.passage[0]]
        return [ctx.finding(rule, **ctx.span(ctx.passage), sentence=quote(s.text))]
    return []


@check("score.too_long")
def too_long(ctx, rule):
    limit = rule.param("max_sentences", 4)
    if len(ctx.passage) > limit and not _record_is_fine(ctx):
        sure = sum(ctx.sure(i, "score_disclosure") for i in ctx.passage) > limit
        return [ctx.finding(rule, sure, **ctx.span(ctx.passage), n=len(ctx.passage), limit=limit)]
    return []


@check("score.no_growth")
def no_growth(ctx, rule):
    if ctx.passage and not _record_is_fine(ctx) and not any("growth" in ctx.sentences[i].labels for i in ctx.passage):
        return [ctx.finding(rule, ctx.surely_absent("growth", ctx.passage), **ctx.span(ctx.passage),
                            n=len(ctx.passage), size=counted(len(ctx.passage), "sentence"))]
    return []


@check("score.blame")
def blame(ctx, rule):
    return [ctx.finding(rule, ctx.sure(s.index, "blame"), start=s.start, end=s.end, sentences=[s.index],
                        sentence=quote(s.text)) for s in ctx.labelled("blame")]


@check("score.dominates")
def dominates(ctx, rule):
    if not ctx.passage or _record_is_fine(ctx):
        return []
    limit = rule.param("max_share", 0.20)
    share = ctx.passage_words / ctx.words if ctx.words else 0.0
    if share > limit:
        sure_words = sum(len(ctx.sentences[i].plain.split()) for i in ctx.passage if ctx.sure(i, "score_disclosure"))
        return [ctx.finding(rule, sure_words / ctx.words > limit, **ctx.span(ctx.passage), share=f"{share:.0%}",
                            limit=f"{limit:.0%}", where=f"{ctx.passage_words} of {ctx.words} words")]
    if ctx.passage[0] == 0:
        return [ctx.finding(rule, ctx.sure(0, "score_disclosure"), **ctx.span(ctx.passage), share=f"{share:.0%}",
                            limit=f"{limit:.0%}", where="it opens the statement")]
    return []
