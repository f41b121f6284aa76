"""The annotated report page: checklist, highlighted statement, finding cards and the CV timeline."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from .text import checklist, headline, reasons, second_look, tidy
from .timeline import timeline

TEMPLATES = Path(__file__).resolve().parent / "templates"
# label: (name shown in the legend, short tag after each sentence); the order is the legend's. The region's
# tie takes its name from the active region pack (``label_names``).
LABEL_NAMES = {
    "score_disclosure": ("Score passage", "score"),
    "blame": ("Blame", "blame"),
    "growth": ("Growth", "growth"),
    "regional_tie": ("Regional tie", "tie"),
    "specialty_motivation": ("Why this specialty", "specialty"),
}
MARKS = {"met": ("✓", "Met"), "attention": ("!", "Attention"), "na": ("–", "Not applicable")}
LEVEL_NAMES = {"error": "Error", "warning": "Warning", "suggestion": "Suggestion"}
SOURCE_NAMES = {"cv": "Your CV", "statement": "Your statement"}


def label_names(review) -> dict:
    """LABEL_NAMES with the regional tie named as the review's region pack names it."""
    names = dict(LABEL_NAMES)
    if review.region is not None:
        names["regional_tie"] = (review.region.names["tie"], "tie")
    return names


def guide_anchor(rule_id: str) -> str:
    """The id of a rule's section on the guide page and in docs/guide.md ("score.blame" -> "score-blame")."""
    return rule_id.replace(".", "-").replace("_", "-")


def source_text(source: str) -> str:
    """A rule's source as a reader reads it: "guide: Step 4.1 (avoid blaming)" -> "Step 4.1 (avoid blaming)"."""
    parts = []
    for part in (p.strip() for p in source.split(";")):
        kind, _, rest = part.partition(":")
        if kind.strip() == "guide" and rest:
            parts.append(rest.strip())
        elif kind.strip() == "facts" and rest:
            parts.append(f"fact: {rest.strip()}")
        elif part:
            parts.append(part)
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The Jinja environment for the report templates, autoescaping everything."""
    return Environment(loader=PackageLoader("reviewer.render", "templates"), autoescape=select_autoescape(default=True),
                       trim_blocks=True, lstrip_blocks=True)


@lru_cache(maxsize=1)
def stylesheet() -> str:
    """The report's CSS, linked by the web app and inlined in standalone files."""
    return (TEMPLATES / "report" / "report.css").read_text(encoding="utf-8")


def _cards(review, guide_url: str | None) -> list[dict]:
    cards, first_of_rule = [], {}
    for number, f in enumerate(review.findings, 1):
        title, quoted = headline(f, review)
        same_as = first_of_rule.setdefault((f.rule, f.fix), number)
        cards.append({
            "number": number, "rule": f.rule, "level": f.level, "level_name": LEVEL_NAMES.get(f.level, f.level),
            "message": tidy(f.message), "title": title,
            "quote": " ".join(review.sentences[f.sentences[0]].text.split()) if quoted is not None else None,
            "unsure": f.unsure, "rule_level_name": LEVEL_NAMES.get(f.rule_level, f.rule_level), "second_look": second_look(f),
            "reasons": reasons(f, review), "why": f.why, "fix": f.fix, "same_as": same_as if same_as != number else None,
            "source": source_text(f.source), "guide_href": f"{guide_url}#{guide_anchor(f.rule)}" if guide_url else None,
            "sentences": [i + 1 for i in f.sentences], "cv": f.rule.startswith("cv.") and not f.sentences,
        })
    return cards


def _segments(review, cards, names) -> list[dict]:
    """The statement as pieces: the text between sentences, and each sentence with its labels and findings."""
    refs = {}
    for card in cards:
        for number in card["sentences"]:
            refs.setdefault(number - 1, []).append(card["number"])
    out, pos, text = [], 0, review.text
    for s in review.sentences:
        if s.start > pos:
            out.append({"text": text[pos:s.start]})
        out.append({"text": text[s.start:s.end], "number": s.index + 1, "labels": list(s.labels),
                    "tags": [names[label][1] for label in s.labels if label in names],
                    "findings": refs.get(s.index, [])})
        pos = s.end
    if pos < len(text):
        out.append({"text": text[pos:]})
    return out


def _checklist(review, guide_url: str | None) -> list[dict]:
    rows = []
    for row in checklist(review):
        mark, word = MARKS[row.state]
        href = f"{guide_url}#{guide_anchor(row.rules[0])}" if guide_url and row.rules else None
        rows.append({"state": row.state, "mark": mark, "word": word, "topic": row.topic, "detail": row.detail,
                     "line": row.line, "guide_href": href})
    return rows


def report_context(review, guide_url: str | None = None) -> dict:
    """Everything the report templates show, computed once from a Review; ``guide_url`` (the web app's guide
    page) makes each card's source a link to its section there."""
    cards = _cards(review, guide_url)
    metrics = review.metrics
    cv = review.cv
    names = label_names(review)
    book = review.rulebook
    limit = book.param("statement.eras_limit", "max", 28000)
    named = review.document.kind != "text"
    return {
        "name": review.document.name,
        "title": f"Review of {review.document.name}" if named else "Review of your statement",
        "kind": review.document.kind,
        "as_of": review.as_of,
        "checklist": _checklist(review, guide_url),
        "legend": [{"label": label, "name": name, "tag": tag} for label, (name, tag) in names.items()],
        "segments": _segments(review, cards, names),
        "findings": [c for c in cards if not c["cv"]],
        "cv_findings": [c for c in cards if c["cv"]],
        "notices": [{"source": SOURCE_NAMES.get(n.source, n.source.capitalize()), "where": n.where, "text": n.text,
                     "reason": n.reason} for n in review.notices],
        "metrics": metrics,
        "limit": limit,
        "share": round(100 * metrics["characters"] / limit, 1) if limit else None,
        "words_range": (book.param("statement.word_count", "min", 450), book.param("statement.word_count", "max", 850)),
        "flesch_floor": book.param("statement.readability", "min_flesch", 30),
        "profile": review.profile.to_dict() if review.profile and review.profile.exams else None,
        "disabled": list(review.disabled),
        "cv": cv,
        "timeline": timeline(cv) if cv else None,
        "guide_url": guide_url,
    }


def render_html(review, *, standalone: bool = True, guide_url: str | None = None) -> str:
    """The report as HTML: a whole page with its CSS inlined, or the body alone for the web app's page."""
    env = environment()
    context = report_context(review, guide_url)
    if standalone:
        return env.get_template("report/standalone.html").render(report=context, css=Markup(stylesheet()))  # our own file
    return env.get_template("report/body.html").render(report=context)
