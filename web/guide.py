"""The /guide page: docs/guide.md (our summary of the guide's rules) with its numbers read live from the rule files.

docs/guide.md writes each threshold as ``<!--param RULE KEY [percent|thousands]-->4<!--/param-->`` and each
region name as ``<!--region KEY-->the name<!--/region-->``: a reader of the file sees the number,
and this page puts the rule file's current value in its place. The file uses a small part of Markdown
(headings, paragraphs, lists, bold, code, links), which ``markdown_html`` turns into HTML.
"""
from __future__ import annotations

import re
from functools import lru_cache
from html import escape
from pathlib import Path

from flask import Blueprint, render_template
from markupsafe import Markup

from reviewer.render.html import guide_anchor, source_text
from reviewer.rulebook import default_rulebook

bp = Blueprint("guide", __name__)
GUIDE_FILE = Path(__file__).resolve().parents[1] / "docs" / "guide.md"
PARAM = re.compile(r"<!--param (?P<rule>[\w.]+) (?P<key>\w+)(?: (?P<format>percent|thousands))?-->(?P<shown>.*?)<!--/param-->")
REGION = re.compile(r"<!--region (?P<key>\w+)-->(?P<shown>.*?)<!--/region-->")
RULE_HEADING = re.compile(r"\(`(?P<rule>[a-z_]+\.[a-z_]+)`\)\s*$")
INLINE = [
    (re.compile(r"`([^`]+)`"), r"<code>\1</code>"),
    (re.compile(r"\*\*(.+?)\*\*"), r"<strong>\1</strong>"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"<em>\1</em>"),
    (re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)"), r'<a href="\2">\1</a>'),
]


def formatted(value, style: str | None) -> str:
    """A rule's parameter as the guide writes it: 0.2 as "20%" (percent), 28000 as "28,000" (thousands)."""
    if style == "percent":
        return f"{value:.0%}"
    if style == "thousands":
        return f"{value:,}"
    return str(value)


def fill_values(text: str, book, region) -> str:
    """docs/guide.md with each marked number and region name replaced by the rule files' current value."""
    def param(match) -> str:
        value = book.param(match["rule"], match["key"])
        return match["shown"] if value is None else formatted(value, match["format"])

    text = PARAM.sub(param, text)
    return REGION.sub(lambda m: region.names.get(m["key"], m["shown"]), text)


def _inline(text: str) -> str:
    out = escape(text, quote=False)
    for pattern, replacement in INLINE:
        out = pattern.sub(replacement, out)
    return out


def markdown_html(text: str, rule_facts=None) -> str:
    """The Markdown of docs/guide.md as HTML: a rule's heading ("... (`score.blame`)") gets the rule's anchor
    as its id, followed by ``rule_facts(rule_id)`` (HTML) when given."""
    html, paragraph, items = [], [], []

    def flush() -> None:
        if paragraph:
            html.append(f"<p>{_inline(' '.join(paragraph))}</p>")
            paragraph.clear()
        if items:
            html.append("<ul>" + "".join(f"<li>{_inline(' '.join(item))}</li>" for item in items) + "</ul>")
            items.clear()

    for line in text.splitlines():
        stripped = line.strip()
        heading = re.match(r"(#{1,4}) (.+)", stripped)
        if not stripped:
            flush()
        elif heading:
            flush()
            level, title = len(heading.group(1)), heading.group(2)
            rule = RULE_HEADING.search(title)
            anchor = guide_anchor(rule["rule"]) if rule else re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
            html.append(f'<h{level} id="{anchor}">{_inline(title)}</h{level}>')
            if rule and rule_facts:
                html.append(rule_facts(rule["rule"]))
        elif stripped.startswith("- "):
            if paragraph:
                flush()
            items.append([stripped[2:]])
        elif items and line.startswith("  "):
            items[-1].append(stripped)
        else:
            if items:
                flush()
            paragraph.append(stripped)
    flush()
    return "\n".join(html)


@lru_cache(maxsize=1)
def guide_text() -> str:
    return GUIDE_FILE.read_text(encoding="utf-8")


def page_html(book=None) -> str:
    """The guide as HTML for the page, with the rule files' numbers, levels and sources."""
    book = book or default_rulebook()

    def facts(rule_id: str) -> str:
        rule = book.rules.get(rule_id)
        if rule is None:
            return ""
        return (f'<p class="rule-facts">Rule <code>{escape(rule.id)}</code>, level <strong>{escape(rule.level)}</strong>; '
                f'source: {escape(source_text(rule.source))}.</p>')

    body = markdown_html(fill_values(guide_text(), book, book.region()), facts)
    return body.split("\n", 1)[1] if body.startswith("<h1") else body  # the page template holds the <h1>


@bp.get("/guide")
def page():
    return render_template("guide.html", body=Markup(page_html()))  # built from our own file, its text escaped
