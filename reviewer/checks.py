"""The document-level checks of DESIGN.md, one function per rule id, thresholds from rules/."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .profile import Profile

CHECKS = {}


def check(rule_id):
    def register(fn):
        CHECKS[rule_id] = fn
        return fn
    return register


@dataclass
class Context:
    """What the checks read: the sentences with labels, the passage, the profile and the metrics."""

    text: str
    sentences: list  # Sentence records
    passage: list  # sentence indexes
    passage_words: int
    words: int
    profile: Profile | None
    metrics: dict
    region_mentions: list  # sentence indexes that name Atlanta, Georgia or a Georgia place
    closed_mentions: list  # (sentence index, place name, closed date)

    def labelled(self, label: str) -> list:
        return [s for s in self.sentences if label in s.labels]

    def span(self, indexes) -> dict:
        chosen = [self.sentences[i] for i in indexes]
        if not chosen:
            return {}
        return {"start": chosen[0].start, "end": chosen[-1].end, "sentences": [s.index for s in chosen]}


def quote(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@check("score.not_addressed")
def not_addressed(ctx, rule):
    if ctx.profile and ctx.profile.flagged and not ctx.passage:
        return [rule.finding(reasons="; ".join(ctx.profile.reasons))]
    return []


@check("score.unnecessary")
def unnecessary(ctx, rule):
    if ctx.profile and ctx.profile.exams and not ctx.profile.flagged and ctx.passage:
        return [rule.finding(**ctx.span(ctx.passage), n=len(ctx.passage))]
    return []


@check("score.too_short")
def too_short(ctx, rule):
    if len(ctx.passage) == rule.params.get("min_sentences", 2) - 1:
        s = ctx.sentences[ctx.passage[0]]
        return [rule.finding(**ctx.span(ctx.passage), sentence=quote(s.text))]
    return []


@check("score.too_long")
def too_long(ctx, rule):
    limit = rule.params.get("max_sentences", 4)
    if len(ctx.passage) > limit:
        return [rule.finding(**ctx.span(ctx.passage), n=len(ctx.passage), limit=limit)]
    return []


@check("score.no_growth")
def no_growth(ctx, rule):
    if ctx.passage and not any("growth" in ctx.sentences[i].labels for i in ctx.passage):
        return [rule.finding(**ctx.span(ctx.passage), n=len(ctx.passage))]
    return []


@check("score.blame")
def blame(ctx, rule):
    return [rule.finding(start=s.start, end=s.end, sentences=[s.index], sentence=quote(s.text))
            for s in ctx.labelled("blame")]


@check("score.dominates")
def dominates(ctx, rule):
    if not ctx.passage:
        return []
    limit = rule.params.get("max_share", 0.20)
    share = ctx.passage_words / ctx.words if ctx.words else 0.0
    if share > limit:
        return [rule.finding(**ctx.span(ctx.passage), share=f"{share:.0%}", limit=f"{limit:.0%}",
                             where=f"{ctx.passage_words} of {ctx.words} words")]
    if ctx.passage[0] == 0:
        return [rule.finding(**ctx.span(ctx.passage), share=f"{share:.0%}", limit=f"{limit:.0%}",
                             where="it opens the statement")]
    return []


@check("region.missing")
def region_missing(ctx, rule):
    return [] if ctx.region_mentions else [rule.finding()]


@check("region.generic")
def region_generic(ctx, rule):
    if ctx.region_mentions and not ctx.labelled("regional_tie"):
        return [rule.finding(**ctx.span(ctx.region_mentions))]
    return []


@check("statement.eras_limit")
def eras_limit(ctx, rule):
    limit = rule.params.get("max_characters", 28000)
    if len(ctx.text) > limit:
        return [rule.finding(characters=f"{len(ctx.text):,}", limit=f"{limit:,}")]
    return []


@check("statement.word_count")
def word_count(ctx, rule):
    low, high = rule.params.get("min_words", 450), rule.params.get("max_words", 850)
    if ctx.words > high:
        return [rule.finding(words=ctx.words, range=f"{low}–{high}", verdict="longer than one page")]
    if ctx.words < low:
        return [rule.finding(words=ctx.words, range=f"{low}–{high}", verdict="short for a personal statement")]
    return []


@check("statement.readability")
def readability(ctx, rule):
    score = ctx.metrics.get("flesch_reading_ease")
    floor = rule.params.get("min_flesch", 30)
    if score is not None and score < floor:
        return [rule.finding(score=score, floor=floor)]
    return []


_PAST = re.compile(r"\b(closed|closure|closing|former(ly)?|no longer|shut|used to|observed|rotated|worked|spent|"
                   r"completed|did|shadowed|volunteered|was|were|19\d\d|20[01]\d|202[0-2])\b", re.I)


@check("statement.stale_fact")
def stale_fact(ctx, rule):
    out = []
    for index, place, closed in ctx.closed_mentions:
        s = ctx.sentences[index]
        if not _PAST.search(s.text):
            out.append(rule.finding(start=s.start, end=s.end, sentences=[index], place=place, closed=closed))
    return out


def run_checks(ctx, rulebook, disabled=frozenset()) -> list:
    """Every enabled check rule's findings, in rule-id order."""
    findings = []
    for rule_id in sorted(CHECKS):
        if rule_id in disabled or rule_id not in rulebook.rules:
            continue
        findings.extend(CHECKS[rule_id](ctx, rulebook.rules[rule_id]))
    return findings
