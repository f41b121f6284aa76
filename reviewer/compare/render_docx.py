"""The later draft as .docx with a Word comment on each finding still there, saying whether it is new or carried
over from the earlier draft (the comments are anchored as the review's own .docx anchors them)."""
from __future__ import annotations

from collections import defaultdict

from ..render.docx import commented_docx
from .match import NEW, OPEN
from .versions import article


def finding_comment(comparison, change) -> str:
    """One finding's comment: new or carried over (and from which sentence), the message, the fix, the rule id."""
    finding = change.new
    if change.status == NEW:
        origin = "New since the earlier draft"
    else:
        old, _ = comparison.partner_sentences(change)
        there = f" (sentence {', '.join(str(i + 1) for i in old)} there)" if old else ""
        was = f", then {article(change.old.level)}" if change.old.level != finding.level else ""
        origin = f"Carried over from the earlier draft{there}{was}"
    return f"{origin}: {' '.join(finding.message.split())} Fix: {finding.fix} ({finding.rule})"


def comments(comparison) -> list[tuple[int | None, str]]:
    """(first sentence of the findings, or None for the whole statement, comment text), in document order."""
    by_sentence, general = defaultdict(list), []
    for change in comparison.findings:
        if change.status not in (NEW, OPEN):
            continue
        text = finding_comment(comparison, change)
        if change.new.sentences:
            by_sentence[change.new.sentences[0]].append(text)
        else:
            general.append(text)
    out = [(None, "\n".join(general))] if general else []
    return out + [(index, "\n".join(texts)) for index, texts in sorted(by_sentence.items())]


def render_docx(comparison) -> bytes:
    """The later draft (the user's own Word file when it was one) with the comments."""
    return commented_docx(comparison.new, comments(comparison))
