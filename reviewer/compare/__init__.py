"""Compare two drafts of a statement: sentences aligned, findings followed across them, measures before and after.

Both sides are read as Drafts (a Review made now, or a review JSON saved earlier); nothing here changes a Review.
"""
from __future__ import annotations

from .align import Pair, align
from .draft import Draft, from_review, from_review_json
from .load import draft_from_bytes, draft_from_path
from .match import FindingChange, match_findings
from .measures import measures
from .model import SCHEMA, Comparison
from .versions import rule_differences, saved_notice


def as_draft(side) -> Draft:
    return side if isinstance(side, Draft) else from_review(side)


def _profile_notice(old: Draft, new: Draft) -> list[str]:
    if old.profile is None or new.profile is None or old.profile.get("flagged") == new.profile.get("flagged"):
        return []
    said = {True: "a red flag to address", False: "not a red flag"}
    return [f"The exam record differs between the drafts: {said[bool(old.profile.get('flagged'))]} for "
            f"{old.name}, {said[bool(new.profile.get('flagged'))]} for {new.name}; the score findings follow it."]


def _review_notices(old: Draft, new: Draft) -> list[str]:
    """What the reviews of the drafts could not read (a CV line, hidden text), once each."""
    lines = [f"{d.name}: {n.line()}" for d in (old, new) if d.review is not None for n in d.review.notices]
    return list(dict.fromkeys(lines))


def _disabled_notice(old: Draft, new: Draft, disabled: set) -> list[str]:
    """A saved review keeps the findings of a rule turned off now: say they are listed, not compared."""
    kept = sorted({f.rule for d in (old, new) if d.saved for f in d.findings if f.rule in disabled})
    return [f"{rule} is turned off for this comparison; its findings in the saved review are listed, not compared."
            for rule in kept]


def compare(old, new, *, rulebook=None, region: str | None = None, disabled=()) -> Comparison:
    """The comparison of an earlier draft with a later one; each a reviewer Review or a compare Draft.
    Findings of the ``disabled`` rules (turned off for a side reviewed now) are not compared on either side."""
    from ..rulebook import default_rulebook
    book = rulebook or default_rulebook()
    old, new = as_draft(old), as_draft(new)
    region = region or next((d.review.region.name for d in (new, old) if d.review is not None and d.review.region), None)
    pairs = align(old.sentences, new.sentences)
    changes = match_findings(old.findings, new.findings, pairs, set(book.rules) - set(disabled))
    notices = [saved_notice(d) for d in (old, new) if d.saved]
    differences = rule_differences(old, book) + rule_differences(new, book)
    notices += differences + _disabled_notice(old, new, set(disabled)) + _profile_notice(old, new)
    notices += _review_notices(old, new)
    return Comparison(old, new, pairs, changes, measures(old, new, region), notices, bool(differences))


__all__ = ["SCHEMA", "Comparison", "Draft", "FindingChange", "Pair", "align", "compare", "draft_from_bytes",
           "draft_from_path", "from_review", "from_review_json", "match_findings", "measures"]
