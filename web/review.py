"""The review area: the form, the annotated result page and the downloads, all produced in memory."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from flask import Blueprint, Response, current_app, render_template, request
from werkzeug.utils import secure_filename

from reviewer.errors import InputError
from reviewer.render.docx import render_docx
from reviewer.render.html import render_html, report_context, stylesheet
from reviewer.rulebook import default_rulebook

from .inputs import STEP1_CHOICES, Submission, run_review, submission_from

bp = Blueprint("review", __name__)
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def render_form(error: str | None = None, status: int = 200, sub: Submission | None = None):
    """The review form, keeping what the user typed when it comes back with an error."""
    sub = sub or Submission(as_of=dt.date.today().strftime("%Y-%m"))
    book = default_rulebook()
    return render_template("index.html", error=error, sub=sub, rules=book.findable(),
                           regions=[book.regions[name] for name in sorted(book.regions)],
                           step1_choices=STEP1_CHOICES), status


def _submission() -> Submission:
    return submission_from(request, current_app.config)


@bp.get("/")
def index():
    return render_form()


@bp.post("/review")
def submit():
    sub = None
    try:
        sub = _submission()
        result = run_review(sub)
    except InputError as exc:
        if sub is not None:
            sub.statement = sub.cv = None  # a file must be chosen again; never echo it back
        return render_form(error=str(exc), status=exc.status, sub=sub)
    return render_template("result.html", report=report_context(result), hidden=sub.hidden_fields(),
                           uploaded=sub.statement is not None)


def _filename(result, suffix: str) -> str:
    stem = secure_filename(Path(result.document.name).stem) if result.document.kind != "text" else ""
    return f"{stem or 'statement'}{suffix}"


def _download(body, mimetype: str, filename: str) -> Response:
    response = Response(body, mimetype=mimetype)
    response.headers.set("Content-Disposition", "attachment", filename=filename)
    return response


@bp.post("/download/docx")
def download_docx():
    result = run_review(_submission())
    return _download(render_docx(result), DOCX_TYPE, _filename(result, ".reviewed.docx"))


@bp.post("/download/json")
def download_json():
    result = run_review(_submission())
    body = json.dumps(result.to_dict(), ensure_ascii=False, indent=2)
    return _download(body, "application/json", _filename(result, ".review.json"))


@bp.post("/download/html")
def download_html():
    result = run_review(_submission())
    return _download(render_html(result, standalone=True), "text/html", _filename(result, ".review.html"))


@bp.get("/report.css")
def report_css():
    return Response(stylesheet(), mimetype="text/css")
