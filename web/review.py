"""The review area: the form, the annotated result page and the downloads, all produced in memory."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from flask import Blueprint, Response, current_app, render_template, request, url_for
from werkzeug.utils import secure_filename

from reviewer.errors import InputError
from reviewer.render.docx import render_docx
from reviewer.render.html import render_html, report_context, stylesheet
from reviewer.rulebook import default_rulebook

from .capacity import holds_slot, review_slot
from .inputs import STEP1_CHOICES, Submission, chosen_files, format_advice, read_fields, run_review, submission_from

bp = Blueprint("review", __name__)
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def render_form(error: str | None = None, status: int = 200, sub: Submission | None = None,
                advice: list[str] | None = None):
    """The review form, keeping what the user typed when it comes back with an error; ``advice``: plain
    sentences on what to do next (choose a file again, save it as .docx)."""
    sub = sub or Submission(as_of=dt.date.today().strftime("%Y-%m"))
    book = default_rulebook()
    return render_template("index.html", error=error, advice=advice or [], sub=sub, rules=book.findable(),
                           regions=[book.regions[name] for name in sorted(book.regions)],
                           default_region=book.region(), step1_choices=STEP1_CHOICES,
                           limit=book.param("statement.eras_limit", "max", 28000)), status


def _submission() -> Submission:
    return submission_from(request, current_app.config)


def _again(chosen: list[tuple[str, str]]) -> list[str]:
    """What to do after an error: a better file for a format we do not read, and which files to choose again."""
    advice, again = [], []
    for field, name in chosen:
        better = format_advice(name) if field == "statement" else ""
        if better:
            advice.append(better)
        else:
            again.append(f"{name} ({'statement' if field == 'statement' else 'CV'})")
    if again:
        advice.append("Everything you typed is kept below, but browsers clear a chosen file after an error: "
                      f"choose {' and '.join(again)} again.")
    elif chosen:
        advice.append("Everything you typed is kept below.")
    return advice


@bp.get("/")
def index():
    return render_form()


@bp.post("/review")
def submit():
    sub = read_fields(request.form)
    chosen = chosen_files(request.files)
    try:
        with review_slot():  # inside the try: a busy answer keeps what the user typed (web/capacity.py)
            submission_from(request, current_app.config, sub)
            result = run_review(sub)
            return render_template("result.html", report=report_context(result, guide_url=url_for("guide.page")),
                                   hidden=sub.hidden_fields(), uploaded=sub.statement is not None)
    except InputError as exc:
        sub.statement = sub.cv = None  # a file must be chosen again; never echo it back
        return render_form(error=str(exc), status=exc.status, sub=sub, advice=_again(chosen))


def _filename(result, suffix: str) -> str:
    stem = secure_filename(Path(result.document.name).stem) if result.document.kind != "text" else ""
    return f"{stem or 'statement'}{suffix}"


def _download(body, mimetype: str, filename: str) -> Response:
    response = Response(body, mimetype=mimetype)
    response.headers.set("Content-Disposition", "attachment", filename=filename)
    return response


@bp.post("/download/docx")
@holds_slot
def download_docx():
    result = run_review(_submission())
    return _download(render_docx(result), DOCX_TYPE, _filename(result, ".reviewed.docx"))


@bp.post("/download/json")
@holds_slot
def download_json():
    result = run_review(_submission())
    body = json.dumps(result.to_dict(), ensure_ascii=False, indent=2)
    return _download(body, "application/json", _filename(result, ".review.json"))


@bp.post("/download/html")
@holds_slot
def download_html():
    result = run_review(_submission())
    return _download(render_html(result, standalone=True), "text/html", _filename(result, ".review.html"))


@bp.get("/report.css")
def report_css():
    return Response(stylesheet(), mimetype="text/css")
