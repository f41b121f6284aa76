"""The annotated report page: checklist, highlighted statement, finding cards and the CV timeline."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from .text import checklist
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


def label_names(review) -> dict:
    """LABEL_NAMES with the regional tie named as the review's region pack names it."""
    names = dict(LABEL_NAMES)
    if review.region is not None:
        names["regional_tie"] = (review.region.names["tie"], "tie")
    return names
MARKS = {True: ("pass", "✓", "OK"), False: ("attention", "!", "Attention"), None: ("na", "–", "Not applicable")}
LEVEL_NAMES = {"error": "Error", "warning": "Warning", "suggestion": "Suggestion"}


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The Jinja environment for the report templates, autoescaping everything."""
    return Environment(loader=PackageLoader("reviewer.render", "templates"), autoescape=select_autoescape(default=True),
                       trim_blocks=True, lstrip_blocks=True)


@lru_cache(maxsize=1)
def stylesheet() -> str:
    """The report's CSS, linked by the web app and inlined in standalone files."""
    return (TEMPLATES / "report" / "report.css").read_text(encoding="utf-8")


def _cards(review) -> list[dict]:
    cards = []
    for number, f in enumerate(review.findings, 1):
        cards.append({"number": number, "rule": f.rule, "level": f.level, "level_name": LEVEL_NAMES.get(f.level, f.level),
                      "message": f.message, "why": f.why, "fix": f.fix, "source": f.source,
                      "sentences": [i + 1 for i in f.sentences], "cv": f.rule.startswith("cv.") and not f.sentences})
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


def report_context(review) -> dict:
    """Everything the report templates show, computed once from a Review."""
    cards = _cards(review)
    metrics = review.metrics
    cv = review.cv
    names = label_names(review)
    limit = review.rulebook.param("statement.eras_limit", "max")
    return {
        "name": review.document.name,
        "kind": review.document.kind,
        "as_of": review.as_of,
        "checklist": [dict(zip(("state", "mark", "word"), MARKS[passed if passed in (True, False) else None]), line=line)
                      for passed, line in checklist(review)],
        "legend": [{"label": label, "name": name, "tag": tag} for label, (name, tag) in names.items()],
        "segments": _segments(review, cards, names),
        "findings": [c for c in cards if not c["cv"]],
        "cv_findings": [c for c in cards if c["cv"]],
        "metrics": metrics,
        "limit": limit,
        "share": round(100 * metrics["characters"] / limit, 1) if limit else None,
        "profile": review.profile.to_dict() if review.profile and review.profile.exams else None,
        "disabled": list(review.disabled),
        "cv": cv,
        "timeline": timeline(cv) if cv else None,
    }


def render_html(review, *, standalone: bool = True) -> str:
    """The report as HTML: a whole page with its CSS inlined, or the body alone for the web app's page."""
    env = environment()
    context = report_context(review)
    if standalone:
        return env.get_template("report/standalone.html").render(report=context, css=Markup(stylesheet()))  # our own file
    return env.get_template("report/body.html").render(report=context)
