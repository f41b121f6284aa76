"""The CV rules: timeline problems (gaps, overlaps, reversed or future dates, long texts) and the statement
checked against the CV (contradictions, places the CV lacks)."""
from __future__ import annotations

from ..cv.crosscheck import Tolerances, conflicts, unlisted
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


def _common(ctx) -> frozenset:
    """The region pack's place words, which name no organization on their own."""
    return ctx.region.place_words() if ctx.region is not None else frozenset()


@check("cv.ps_conflict")
def ps_conflict(ctx, rule):
    """A certain contradiction is an error; one to check (a hedged claim, a claim that may not be the
    applicant's own or may be about another exam) a warning that asks the applicant to check."""
    if ctx.cv is None or not ctx.sentences:
        return []
    tolerances = Tolerances(rule.param("tolerance_months", 1), rule.param("hedge_share", 0.25),
                            rule.param("graduation_years", 1))
    as_of = ctx.cv_report.as_of if ctx.cv_report else None
    found = []
    for c in conflicts(ctx.sentences, ctx.cv, tolerances, as_of, _common(ctx)):
        finding = ctx.finding(rule, **_where(c.sentence), claim=c.claim, record=c.record, entry=c.entry)
        if not c.certain:
            finding = finding.to_check(rule.param("check_level", "warning"), rule.param("check_message").format(
                claim=c.claim, record=c.record))
        found.append(finding)
    return found


@check("cv.ps_unlisted")
def ps_unlisted(ctx, rule):
    if ctx.cv is None or not ctx.sentences:
        return []
    lists = PlaceLists.of(rule.params, ctx.region)
    return [ctx.finding(rule, **_where(sentence), place=place)
            for sentence, place in unlisted(ctx.sentences, ctx.cv, lists, _common(ctx))]
