"""The compare area: two drafts in (pasted or uploaded, with an optional CV), what changed out; all in memory."""
from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from flask import Blueprint, Response, current_app, render_template, request
from markupsafe import Markup
from werkzeug.utils import secure_filename

from reviewer.compare import compare
from reviewer.compare.assets import SCRIPT, STYLE
from reviewer.compare.load import draft_from_json_bytes, is_review_json
from reviewer.compare.render_docx import render_docx
from reviewer.compare.render_html import comparison_body, render_html, title
from reviewer.errors import InputError
from reviewer.inputs import display_name
from reviewer.rulebook import default_rulebook

from .capacity import holds_slot, review_slot
from .inputs import STATEMENT_LIMIT, STEP1_CHOICES, Submission, line_endings, read_upload, run_review

bp = Blueprint("compare", __name__)
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SIDES = (("old", "earlier draft"), ("new", "later draft"))
FIELDS = ("old_text", "new_text", "as_of", "step1", "step1_attempts", "step2_score", "step2_attempts", "region", "view")
VIEWS = ("side", "inline")


@dataclass
class CompareForm:
    """What the user sent: each draft pasted or uploaded (a statement or its saved review JSON), a CV, exam facts."""

    old_text: str = ""
    new_text: str = ""
    as_of: str = ""
    step1: str = ""
    step1_attempts: str = ""
    step2_score: str = ""
    step2_attempts: str = ""
    region: str = ""
    view: str = "side"
    old: tuple[bytes, str] | None = None
    new: tuple[bytes, str] | None = None
    cv: tuple[bytes, str] | None = None

    def hidden_fields(self) -> list[tuple[str, str]]:
        """(name, value) pairs that post these inputs again, for the download buttons."""
        out = [(name, getattr(self, name)) for name in FIELDS if getattr(self, name)]
        for prefix in ("old", "new", "cv"):
            upload = getattr(self, prefix)
            if upload:
                out += [(f"{prefix}_b64", base64.b64encode(upload[0]).decode("ascii")), (f"{prefix}_name", upload[1])]
        return out


def read_fields(form) -> CompareForm:
    """The typed fields, which never fail to read (they are shown again with an error)."""
    values = {name: (form.get(name) or "").strip() for name in FIELDS}
    for name in ("old_text", "new_text"):
        values[name] = line_endings(form.get(name) or "")
    if values["view"] not in VIEWS:
        values["view"] = "side"
    return CompareForm(**values)


def read_form(sub: CompareForm) -> CompareForm:
    """The uploads of the request added to ``sub``; InputError with a plain sentence when a draft is missing."""
    limit = current_app.config.get("REVIEWER_MAX_STATEMENT_BYTES", STATEMENT_LIMIT)
    for prefix, what in SIDES:
        setattr(sub, prefix, read_upload(request.files, request.form, prefix, limit, f"the {what}",
                                         again="compare the drafts again"))
        pasted = getattr(sub, f"{prefix}_text").strip()
        if not pasted and getattr(sub, prefix) is None:
            raise InputError(f"Paste the {what} or choose its file.")
        if pasted and getattr(sub, prefix) is not None:
            raise InputError(f"For the {what} you pasted text and also chose a file; keep one of them.")
    sub.cv = read_upload(request.files, request.form, "cv", None, "the CV", again="compare the drafts again")
    return sub


def _draft(sub: CompareForm, prefix: str, what: str):
    from reviewer.compare import from_review
    upload = getattr(sub, prefix)
    if upload is not None and is_review_json(upload[1]):
        return draft_from_json_bytes(*upload)
    fields = {name: getattr(sub, name) for name in ("as_of", "step1", "step1_attempts", "step2_score",
                                                    "step2_attempts", "region")}
    review = run_review(Submission(text=getattr(sub, f"{prefix}_text"), statement=upload, cv=sub.cv, **fields))
    draft = from_review(review)
    return draft if upload is not None else dataclasses.replace(draft, name=f"your {what}")


def run_comparison(sub: CompareForm):
    """Both drafts reviewed (or read from their saved review JSON) and compared."""
    if sub.region:
        default_rulebook().region(sub.region)  # an unknown pack is refused as a review refuses it, saved sides too
    old, new = (_draft(sub, prefix, what) for prefix, what in SIDES)
    return compare(old, new, region=sub.region or None)


def render_form(error: str | None = None, status: int = 200, sub: CompareForm | None = None, again: list[str] = ()):
    book = default_rulebook()
    sub = sub or CompareForm(as_of=dt.date.today().strftime("%Y-%m"))
    return render_template("compare.html", error=error, again=list(again), sub=sub, step1_choices=STEP1_CHOICES,
                           regions=[book.regions[name] for name in sorted(book.regions)],
                           default_region=book.region()), status


@bp.get("/compare")
def form():
    return render_form()


@bp.post("/compare")
def submit():
    sub = read_fields(request.form)
    chosen = [display_name(f.filename) for key in ("old", "new", "cv") for f in request.files.getlist(key) if f.filename]
    try:
        with review_slot():  # inside the try: a busy answer keeps what the user typed (web/capacity.py)
            comparison = run_comparison(read_form(sub))
            return render_template("compare_result.html", title=title(comparison), hidden=sub.hidden_fields(),
                                   body=Markup(comparison_body(comparison, view=sub.view)),  # our own escaped HTML
                                   new_is_docx=comparison.new.document.docx_bytes is not None)
    except InputError as exc:
        return render_form(str(exc), exc.status, sub, chosen)


def _filename(comparison, suffix: str) -> str:
    stem = secure_filename(Path(comparison.new.document.name).stem) if comparison.new.document.kind != "text" else ""
    return f"{stem or 'drafts'}{suffix}"


def _download(body, mimetype: str, filename: str) -> Response:
    response = Response(body, mimetype=mimetype)
    response.headers.set("Content-Disposition", "attachment", filename=filename)
    return response


def _posted_comparison():
    return run_comparison(read_form(read_fields(request.form)))


@bp.post("/compare/download/docx")
@holds_slot
def download_docx():
    comparison = _posted_comparison()
    return _download(render_docx(comparison), DOCX_TYPE, _filename(comparison, ".compared.docx"))


@bp.post("/compare/download/json")
@holds_slot
def download_json():
    comparison = _posted_comparison()
    body = json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2) + "\n"
    return _download(body, "application/json", _filename(comparison, ".compare.json"))


@bp.post("/compare/download/html")
@holds_slot
def download_html():
    comparison = _posted_comparison()
    view = request.form.get("view") if request.form.get("view") in VIEWS else "side"
    return _download(render_html(comparison, view=view), "text/html", _filename(comparison, ".compare.html"))


@bp.get("/compare/compare.css")
def compare_css():
    return Response(STYLE, mimetype="text/css")


@bp.get("/compare/compare.js")
def compare_js():
    return Response(SCRIPT, mimetype="text/javascript")
