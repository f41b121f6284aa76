"""The comparison as HTML: the finding changes first, the measures, then the drafts aligned sentence by sentence
(side by side or inline); a whole self-contained page, or the fragment the web page embeds."""
from __future__ import annotations

from html import escape

from ..render.html import LABEL_NAMES
from ..render.text import tidy
from .assets import SCRIPT, STYLE
from .match import NEW, OPEN, RESOLVED, RETIRED
from .word_diff import inline, side

GROUPS = ((NEW, "New in the later draft"), (RESOLVED, "Resolved"), (OPEN, "Still open"),
          (RETIRED, "Not compared (a rule retired or turned off)"))
CHANGE_WORDS = {"unchanged": "Unchanged", "edited": "Edited", "added": "Added", "removed": "Removed"}


def _cut(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def _verdict(comparison) -> str:
    resolved, new, still = len(comparison.resolved), len(comparison.introduced), len(comparison.still_open)
    if comparison.worse:
        kind, words = "worse", "Something got worse: a warning or error is new in the later draft, or a finding was raised to one."
    elif resolved and not new:
        kind, words = "better", "Nothing got worse, and the revision resolved findings."
    else:
        kind, words = "same", "Nothing got worse."
    counts = f"{resolved} resolved, {new} new, {still} still open."
    return f'<p class="verdict verdict-{kind}">{escape(words)} {escape(counts)}</p>'


def _notes(comparison) -> str:
    if not comparison.notices:
        return ""
    items = "".join(f"<li>{escape(n)}</li>" for n in comparison.notices)
    return (f'<section class="notes" aria-labelledby="compare-notes"><h2 id="compare-notes">Before you read</h2>'
            f"<ul>{items}</ul></section>")


class _Rows:
    """Where each sentence of either draft sits among the aligned rows (for links from the findings)."""

    def __init__(self, pairs):
        self.old = {p.old: k for k, p in enumerate(pairs) if p.old is not None}
        self.new = {p.new: k for k, p in enumerate(pairs) if p.new is not None}


def _where(comparison, rows: _Rows, which: str, indexes: list[int], whole: bool) -> str:
    draft = comparison.old if which == "old" else comparison.new
    title = "Earlier draft" if which == "old" else "Later draft"
    if not indexes:
        return f'<p class="where">{title}: the whole statement</p>' if whole else ""
    where = rows.old if which == "old" else rows.new
    links = ", ".join(f'<a href="#row-{where[i]}">{i + 1}</a>' for i in indexes)
    label = "sentence" if len(indexes) == 1 else "sentences"
    quote = escape(_cut(draft.sentences[indexes[0]].text))
    return f'<p class="where">{title}, {label} {links}: <q>{quote}</q></p>'


def _change_item(comparison, rows: _Rows, change) -> str:
    finding = change.new or change.old
    level = f'<span class="level level-{finding.level}">{escape(finding.level)}</span>'
    if change.status == OPEN and change.old.level != change.new.level:
        level += f'<span class="where">(was {escape(change.old.level)})</span> '
    old, new = comparison.partner_sentences(change)
    parts = [f'<p>{level}<strong>{escape(tidy(finding.message))}</strong> <span class="rule-id">{escape(change.rule)}</span></p>',
             _where(comparison, rows, "old", old, change.old is not None),
             _where(comparison, rows, "new", new, change.new is not None)]
    if change.status == RESOLVED and change.old.sentences and not new:
        parts.append('<p class="where">Those sentences were removed or rewritten.</p>')
    return f'<li class="change change-{change.status}">{"".join(parts)}</li>'


def _findings(comparison, rows: _Rows) -> str:
    counts = (f'<ul class="counts" aria-label="Finding changes">'
              f'<li><strong>{len(comparison.resolved)}</strong> resolved</li>'
              f'<li><strong>{len(comparison.introduced)}</strong> new</li>'
              f'<li><strong>{len(comparison.still_open)}</strong> still open</li></ul>')
    groups = []
    for status, heading in GROUPS:
        changes = comparison.of_status(status)
        if changes or status != RETIRED:
            items = "".join(_change_item(comparison, rows, c) for c in changes) or "<li>None.</li>"
            groups.append(f'<h3 id="changes-{status}">{escape(heading)} ({len(changes)})</h3>'
                          f'<ul class="changes" aria-labelledby="changes-{status}">{items}</ul>')
    return (f'<section aria-labelledby="compare-findings"><h2 id="compare-findings">What the revision changed in '
            f'the findings</h2>{counts}{"".join(groups)}</section>')


def _measures(comparison) -> str:
    rows = []
    for m in comparison.measures:
        direction = m.direction()
        change = escape(m.shown_change()) + (f' <span class="{direction}">({direction})</span>' if direction else "")
        cls = "" if m.unit == "names" else ' class="num"'
        rows.append(f'<tr><th scope="row">{escape(m.label)}</th><td{cls}>{escape(m.shown(m.old))}</td>'
                    f'<td{cls}>{escape(m.shown(m.new))}</td><td>{change}</td></tr>')
    return (f'<section aria-labelledby="compare-measures"><h2 id="compare-measures">Measures before and after</h2>'
            f'<div class="table-frame" role="region" aria-label="Measures table" tabindex="0"><table class="measures">'
            f'<caption class="vh">The measures of the earlier and the later draft</caption>'
            f'<thead><tr><th scope="col">Measure</th><th scope="col">Earlier</th><th scope="col">Later</th>'
            f'<th scope="col">Change</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div></section>')


def _tags(labels, other=None, mark: str = "") -> str:
    out = []
    for label in labels:
        tag = LABEL_NAMES[label][1] if label in LABEL_NAMES else label
        if other is not None and label not in other:
            words = "label added" if mark == "added" else "label dropped"
            out.append(f'<span class="tag tag-{mark}"><span class="vh">{words}: </span>{escape(tag)}</span>')
        else:
            out.append(f'<span class="tag">{escape(tag)}</span>')
    return "".join(out)


def _mark(text: str, tag: str) -> str:
    """``text`` inside <del> or <ins>, the spaces around it left outside (so no bare space is struck through)."""
    core = text.strip()
    if not core:
        return escape(text)
    lead, tail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    return f"{escape(lead)}<{tag}>{escape(core)}</{tag}>{escape(tail)}"


def _marked(runs: list[tuple[str, bool]], tag: str) -> str:
    return "".join(_mark(text, tag) if changed else escape(text) for text, changed in runs)


def _cell(which: str, sentence, body: str, tags: str) -> str:
    title = "Earlier draft" if which == "old" else "Later draft"
    return (f'<div class="side {which}"><span class="vh">{title}, sentence </span><span class="n">{sentence.index + 1}'
            f'</span> {body}{tags}</div>')


def _row(comparison, k: int, pair, new_paragraph: bool) -> str:
    old = comparison.old.sentences[pair.old] if pair.old is not None else None
    new = comparison.new.sentences[pair.new] if pair.new is not None else None
    what = CHANGE_WORDS[pair.change] + (", moved" if pair.moved else "")
    if pair.change == "edited":
        runs = comparison.word_runs(pair)
        old_body, new_body = _marked(side(runs, "old"), "del"), _marked(side(runs, "new"), "ins")
        merged = "".join(_mark(t, "del") if op == "delete" else _mark(t, "ins") if op == "insert" else escape(t)
                         for op, t in inline(runs))
    else:
        old_body = escape(old.text) if old else ""
        new_body = escape(new.text) if new else ""
        merged = (_mark(old.text, "del") if pair.change == "removed" else _mark(new.text, "ins")
                  if pair.change == "added" else new_body)
    old_tags = _tags(old.labels, new.labels if new else None, "removed") if old else ""
    new_tags = _tags(new.labels, old.labels if old else None, "added") if new else ""
    cells = [_cell("old", old, old_body, old_tags) if old else
             '<div class="side old empty">not in the earlier draft</div>',
             _cell("new", new, new_body, new_tags) if new else '<div class="side new empty">removed</div>']
    numbers = " ".join(x for x in (f"earlier {old.index + 1}" if old else "", f"later {new.index + 1}" if new else "") if x)
    tags = new_tags if new else old_tags
    shown = new.index + 1 if new else old.index + 1
    cells.append(f'<div class="inline"><span class="n" aria-hidden="true">{shown}</span><span class="vh">'
                 f'{escape(numbers)}: </span>{merged}{tags}</div>')
    classes = f"pair pair-{pair.change}" + (" pair-moved" if pair.moved else "") + (" para-start" if new_paragraph else "")
    return (f'<div class="{classes}" id="row-{k}" tabindex="-1"><div class="what">{escape(what)}'
            f'<span class="vh">: </span></div>{"".join(cells)}</div>')


def _aligned(comparison, view: str) -> str:
    counts = comparison.counts()
    summary = ", ".join(f"{counts[k]} {k}" for k in ("unchanged", "edited", "added", "removed"))
    if counts["moved"]:
        summary += f"; {counts['moved']} moved"
    rows, last = [], None
    for k, pair in enumerate(comparison.pairs):
        sentence = comparison.new.sentences[pair.new] if pair.new is not None else comparison.old.sentences[pair.old]
        where = ("new" if pair.new is not None else "old", sentence.paragraph)
        rows.append(_row(comparison, k, pair, last is not None and where != last))
        last = where
    legend = ('<p class="compare-legend">In an edited sentence, <del>cut words</del> are struck through and '
              '<ins>added words</ins> underlined. Tags name each sentence\'s labels: score (the score passage), blame, '
              'growth, tie (a regional tie), specialty; a struck-through tag was dropped.</p>')
    head = ('<div class="aligned-head" aria-hidden="true"><div>Change</div><div class="head-old">Earlier draft</div>'
            '<div class="head-new">Later draft</div><div class="head-inline">Both drafts in one text</div></div>')
    inline_class = " view-inline" if view == "inline" else ""
    return (f'<section aria-labelledby="compare-sentences"><h2 id="compare-sentences">The drafts sentence by sentence'
            f'</h2><p>{escape(summary)}. Sentences are numbered as in each draft.</p>{legend}'
            f'<div class="view-tools"></div>'
            f'<div class="aligned{inline_class}" data-view="{"inline" if view == "inline" else "side"}">{head}'
            f'{"".join(rows)}</div></section>')


def comparison_body(comparison, *, view: str = "side") -> str:
    """The comparison as an HTML fragment inside ``<div class="compare">`` (headings from h2)."""
    rows = _Rows(comparison.pairs)
    return (f'<div class="compare">{_verdict(comparison)}{_notes(comparison)}{_findings(comparison, rows)}'
            f'{_measures(comparison)}{_aligned(comparison, view)}</div>')


def title(comparison) -> str:
    return f"Comparison of {comparison.old.name} with {comparison.new.name}"


def render_html(comparison, *, view: str = "side") -> str:
    """A whole self-contained page: its style and script inlined, nothing fetched."""
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{escape(title(comparison))}</title><style>{STYLE}</style></head>'
            f'<body class="compare-page"><main>\n<h1>{escape(title(comparison))}</h1>\n'
            f'{comparison_body(comparison, view=view)}\n</main><script>{SCRIPT}</script>\n</body></html>\n')
