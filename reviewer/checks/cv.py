"""The CV rules: timeline problems (gaps, overlaps, reversed or future dates, long texts) and the statement
checked against the CV (contradictions, places the CV lacks)."""
from __future__ import annotations

from ..cv.crosscheck import conflicts, unlisted
from ..cv.report import entry_name
from ..cv.unlisted import PlaceLists
from .registry import check

_FIELD_NAMES = {"description": "description", "meaningful": "most meaningful reflection"}


def _where(sentence) -> dict:
    """Where a finding on one sentence points: its offsets and index."""
    return {"start": sentence.start, "end": sentence.end, "sentences": (sentence.index,)}


@check("cv.gap")
def gap(ctx, rule):
    report = ctx.cv_report
    return [ctx.finding(rule, first=g["start"], last=g["end"], months=g["months"]) for g in report.gaps] if report else []


@check("cv.overlap")
def overlap(ctx, rule):
    if not ctx.cv_report:
        return []
    cv = ctx.cv_report.cv
    return [ctx.finding(rule, entry_a=entry_name(cv, o["entries"][0]), entry_b=entry_name(cv, o["entries"][1]),
                        first=o["start"], last=o["end"], months=o["months"], reason=o["reason"])
            for o in ctx.cv_report.overlaps]


@check("cv.date_order")
def date_order(ctx, rule):
    if not ctx.cv_report:
        return []
    cv = ctx.cv_report.cv
    return [ctx.finding(rule, entry=entry_name(cv, d["entry"]), first=d["start"], last=d["end"])
            for d in ctx.cv_report.date_order]


@check("cv.future_date")
def future_date(ctx, rule):
    if not ctx.cv_report:
        return []
    cv = ctx.cv_report.cv
    return [ctx.finding(rule, entry=entry_name(cv, f["entry"]), first=f["start"], as_of=ctx.cv_report.as_of)
            for f in ctx.cv_report.future_date]


@check("cv.description_length")
def description_length(ctx, rule):
    if not ctx.cv_report:
        return []
    cv = ctx.cv_report.cv
    return [ctx.finding(rule, entry=entry_name(cv, t["entry"]), field=_FIELD_NAMES[t["field"]], length=t["length"],
                        limit=t["limit"]) for t in ctx.cv_report.long_texts]


@check("cv.ps_conflict")
def ps_conflict(ctx, rule):
    if ctx.cv is None or not ctx.sentences:
        return []
    return [ctx.finding(rule, **_where(sentence), claim=claim, record=record, entry=entry)
            for sentence, claim, record, entry in conflicts(ctx.sentences, ctx.cv, rule.param("tolerance_months", 1))]


@check("cv.ps_unlisted")
def ps_unlisted(ctx, rule):
    if ctx.cv is None or not ctx.sentences:
        return []
    lists = PlaceLists.of(rule.params, ctx.region)
    return [ctx.finding(rule, **_where(sentence), place=place) for sentence, place in unlisted(ctx.sentences, ctx.cv, lists)]
