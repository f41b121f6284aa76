"""The checks: each rule's findings from one review's Context, thresholds from the rule files.

Rules of kind ``check`` and ``cv`` have a Python function registered for their id (``@check``) in the
modules below; rules of kind ``phrase`` and ``count`` are YAML alone and run through one function each.
"""
from __future__ import annotations

from . import cv, region, score, statement  # noqa: F401  (each registers its checks)
from .context import Context, quote
from .count import count_findings
from .phrase import cue_name, phrase_findings
from .registry import CHECKS, check

_BY_KIND = {"phrase": phrase_findings, "count": count_findings}


def run_checks(ctx: Context, rulebook, disabled=frozenset(), kinds=None) -> list:
    """Every enabled rule's findings (only the rules of ``kinds``, when given), in rule-id order."""
    findings = []
    for rule in rulebook.findable():
        if rule.id in disabled or (kinds is not None and rule.kind not in kinds):
            continue
        run = _BY_KIND.get(rule.kind) or CHECKS[rule.id]
        findings.extend(run(ctx, rule))
    return findings


def cv_findings(cv, report, rulebook, sentences=(), region=None) -> list:
    """The findings of the cv rules alone: the CV's timeline, and the ``sentences`` (Sentence records of a
    statement, if any) checked against it."""
    ctx = Context(sentences=list(sentences), cv=cv, cv_report=report, region=rulebook.region(region))
    return run_checks(ctx, rulebook, kinds=("cv",))


__all__ = ["CHECKS", "Context", "check", "cue_name", "cv_findings", "quote", "run_checks"]
