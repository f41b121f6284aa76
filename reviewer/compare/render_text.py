"""The comparison as terminal text: finding changes first, then the measures, then the sentences that changed."""
from __future__ import annotations

import textwrap

from ..render.html import LABEL_NAMES
from .match import NEW, OPEN, RESOLVED, RETIRED
from .word_diff import inline

HEADINGS = ((NEW, "New"), (RESOLVED, "Resolved"), (OPEN, "Still open"), (RETIRED, "Not compared (a rule retired or turned off)"))
WIDTH = 88


def label_tags(labels) -> str:
    return ", ".join(LABEL_NAMES[x][1] if x in LABEL_NAMES else x for x in labels) or "no label"


def numbers(indexes) -> str:
    shown = [str(i + 1) for i in indexes]
    return f"sentence{'s' if len(shown) != 1 else ''} {', '.join(shown)}" if shown else ""


def _quote(draft, indexes, limit: int = 160) -> str:
    if not indexes:
        return ""
    text = " ".join(draft.sentences[indexes[0]].text.split())
    return f' "{text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"}"'


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent) or [indent]


def _where(comparison, change) -> list[str]:
    old, new = comparison.partner_sentences(change)
    lines = []
    if change.old is not None or old:
        where = numbers(old) if old else ("the whole statement" if change.old is not None else "")
        lines.append(f"earlier ({comparison.old.name}): {where}{_quote(comparison.old, old)}")
    if change.new is not None or new:
        where = numbers(new) if new else "the whole statement"
        lines.append(f"now ({comparison.new.name}): {where}{_quote(comparison.new, new)}")
    if change.status == RESOLVED and change.old.sentences and not new:
        lines.append("those sentences were removed or rewritten")
    return lines


def _findings(comparison) -> list[str]:
    lines = [f"Findings: {len(comparison.resolved)} resolved, {len(comparison.introduced)} new, "
             f"{len(comparison.still_open)} still open" + (f", {len(comparison.retired)} not compared"
                                                           if comparison.retired else "")]
    for status, heading in HEADINGS:
        changes = comparison.of_status(status)
        if not changes:
            continue
        lines += ["", f"  {heading} ({len(changes)})"]
        for change in changes:
            finding = change.new or change.old
            level = finding.level
            if change.status == OPEN and change.old.level != change.new.level:
                level = f"{change.old.level} -> {change.new.level}"
            lines += _wrap(f"[{level}] {change.rule}: {' '.join(finding.message.split())}", "    ")
            for line in _where(comparison, change):
                lines += _wrap(line, "        ")
    return lines


def _measures(comparison) -> list[str]:
    lines = ["", "Measures", f"  {'':38} {'before':>10} {'after':>10}  change"]
    for m in comparison.measures:
        if m.unit == "names":
            lines += _wrap(f"{m.label}: before {m.shown(m.old)}; after {m.shown(m.new)} ({m.shown_change()})", "  ")
            continue
        direction = f" ({m.direction()})" if m.direction() else ""
        lines.append(f"  {m.label:38} {m.shown(m.old):>10} {m.shown(m.new):>10}  {m.shown_change()}{direction}")
    return lines


def _diff_text(comparison, pair) -> str:
    marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
    return "".join(marks[op].format(text) for op, text in inline(comparison.word_runs(pair)))


def _sentences(comparison) -> list[str]:
    counts = comparison.counts()
    lines = ["", "Sentences: " + ", ".join(f"{counts[k]} {k}" for k in ("unchanged", "edited", "added", "removed"))
             + (f"; {counts['moved']} moved" if counts["moved"] else ""),
             "  (only the sentences that changed are listed; [-words-] were cut and {+words+} added)"]
    old, new = comparison.old, comparison.new
    for pair in comparison.pairs:
        if pair.change == "unchanged" and not pair.moved:
            continue
        kind = pair.change + (", moved" if pair.moved else "")
        if pair.change == "removed":
            s = old.sentences[pair.old]
            lines += _wrap(f"[{kind}] earlier {pair.old + 1} ({label_tags(s.labels)}): {' '.join(s.text.split())}", "  ")
            continue
        s = new.sentences[pair.new]
        body = _diff_text(comparison, pair) if pair.change == "edited" else s.text
        where = f"now {pair.new + 1}" + (f", earlier {pair.old + 1}" if pair.old is not None else "")
        labels = label_tags(s.labels)
        if pair.old is not None and old.sentences[pair.old].labels != s.labels:
            labels = f"{label_tags(old.sentences[pair.old].labels)} -> {labels}"
        lines += _wrap(f"[{kind}] {where} ({labels}): {' '.join(body.split())}", "  ")
    return lines


def render_text(comparison) -> str:
    """The whole comparison for a terminal (pass it through render.terminal.for_terminal before printing)."""
    old, new = comparison.old, comparison.new
    verdict = ("worse: a warning or error is new, or a finding was raised to one" if comparison.worse
               else "nothing got worse" if comparison.findings else "no findings in either draft")
    lines = [f"Comparison of {old.name} (earlier) with {new.name} (later): {verdict}", ""]
    for notice in comparison.notices:
        lines += _wrap(f"note: {notice}", "")
    if comparison.notices:
        lines.append("")
    lines += _findings(comparison) + _measures(comparison) + _sentences(comparison)
    return "\n".join(lines) + "\n"
