"""The /bulk page: review many statements (or one .zip) at once, show the cohort table, return every report.

Everything is built in memory and dropped when the response is sent; nothing is written to disk.
"""
from __future__ import annotations

import base64
import io

from flask import Blueprint, Response, current_app, render_template, request, send_file, url_for
from markupsafe import Markup

from reviewer.bulk import BulkOptions, InputFile, run_bulk
from reviewer.bulk.cohort_html import SCRIPT, STYLE, cohort_table, rounds_list, unpaired_list
from reviewer.bulk.pairing import review_stem
from reviewer.bulk.safezip import ZipRefused, read_zip
from reviewer.bulk.sinks import ZipSink
from reviewer.errors import InputError
from reviewer.rulebook import default_rulebook

from .capacity import holds_slot

bp = Blueprint("bulk", __name__)

DEFAULT_MAX_FILES = 100
DEFAULT_MAX_CHARACTERS = 1_000_000  # statements' characters in one batch: a cohort of 100 runs to about 500,000
ACCEPT = ".docx,.txt,.md,.json,.yaml,.yml,.csv,.zip"
DOWNLOAD_NAME = "cohort-reports.zip"


class LimitError(InputError):
    """The upload is beyond the page's stated limits."""

    def __init__(self, message: str):
        super().__init__(message, status=413)


def limits() -> dict:
    """The limits the page states and enforces: files per batch and total upload size."""
    config = current_app.config
    max_bytes = config.get("BULK_MAX_BYTES") or config.get("MAX_CONTENT_LENGTH") or 8 * 1024 * 1024
    return {"files": config.get("BULK_MAX_FILES", DEFAULT_MAX_FILES), "bytes": max_bytes, "size": size_text(max_bytes),
            "characters": config.get("BULK_MAX_CHARACTERS", DEFAULT_MAX_CHARACTERS)}


def size_text(size: int) -> str:
    return f"{size / (1024 * 1024):.3g} MB" if size >= 1024 * 1024 else f"{size // 1024} KB"


def render_bulk_form(error: str | None = None):
    book = default_rulebook()
    return render_template("bulk.html", limits=limits(), accept=ACCEPT, error=error, default_region=book.region(),
                           regions=[book.regions[name] for name in sorted(book.regions)])


@bp.get("/bulk")
def form():
    return render_bulk_form()


@bp.post("/bulk")
@holds_slot
def submit():
    try:
        limit = limits()
        files = uploaded_files(limit)
        earlier = earlier_upload(limit)
        options = BulkOptions(as_of=request.form.get("as_of") or None, region=request.form.get("region") or None,
                              jobs=current_app.config.get("BULK_JOBS", 1), max_characters=limit["characters"])
        sink = ZipSink()
        result = run_bulk(files, sink, options, earlier=earlier)
        archive = sink.close()
    except InputError as exc:
        return refuse(str(exc), exc.status)
    if request.form.get("action") == "zip":
        return send_file(io.BytesIO(archive), mimetype="application/zip", as_attachment=True,
                         download_name=DOWNLOAD_NAME)
    download = "data:application/zip;base64," + base64.b64encode(archive).decode("ascii")
    table = Markup(cohort_table(result.outcomes, result.cv_paths, result.rules, links=False,
                                details=result.details,
                                guide_url=url_for("guide.page"), since=result.rounds is not None))
    unpaired = Markup(unpaired_list(result.unpaired_cvs))
    rounds = Markup(rounds_list(result.outcomes, result.rounds))
    return render_template("bulk_result.html", result=result, table=table, unpaired=unpaired, rounds=rounds,
                           download=download, download_name=DOWNLOAD_NAME, size=len(archive))


def earlier_upload(limit: dict) -> list[InputFile] | None:
    """The NAME.review.json files of the earlier round's .zip (the one this page returned), if one was chosen."""
    upload = request.files.get("earlier")
    if upload is None or not upload.filename:
        return None
    name = upload.filename.replace("\\", "/").rsplit("/", 1)[-1] or "earlier.zip"
    if not name.lower().endswith(".zip"):
        raise InputError(f"{name}: the earlier round must be the .zip this page returned for it "
                         f"({DOWNLOAD_NAME}), which holds each applicant's NAME.review.json.", status=415)
    data = upload.read(limit["bytes"] + 1)
    if len(data) > limit["bytes"]:
        raise LimitError(f"{name} is larger than {limit['size']}, the limit for one upload.")
    try:
        members = read_zip(data, name, max_total=4 * limit["bytes"])
    except ZipRefused as exc:
        raise (LimitError(str(exc)) if exc.status == 413 else InputError(str(exc))) from None
    found = [InputFile(m.path, m.data, m.problem) for m in members if review_stem(m.path.rsplit("/", 1)[-1])]
    if not found:
        raise InputError(f"{name} holds no NAME.review.json files: choose the .zip this page returned for the "
                         "earlier round.")
    return found


def uploaded_files(limit: dict) -> list[InputFile]:
    """The chosen files (a .zip opened in memory), checked against the stated limits."""
    chosen = [f for f in request.files.getlist("files") if f.filename]
    if not chosen:
        raise InputError("Choose the statements to review, or one .zip that holds them.")
    if len(chosen) > limit["files"]:
        raise LimitError(f"You chose {len(chosen)} files; the limit is {limit['files']} at once. "
                         "Split the cohort into smaller batches.")
    files, total = [], 0
    for upload in chosen:
        name = upload.filename.replace("\\", "/").rsplit("/", 1)[-1] or "file"
        data = upload.read(limit["bytes"] + 1)
        total += len(data)
        if total > limit["bytes"]:
            raise LimitError(too_large(limit))
        if name.lower().endswith(".zip"):
            files += zip_files(data, name, limit)
        else:
            files.append(InputFile(name, data))
    if len(files) > limit["files"]:
        raise LimitError(f"The upload holds {len(files)} files; the limit is {limit['files']} at once. "
                         "Split the cohort into smaller batches.")
    return sorted(files, key=lambda f: f.path)


def zip_files(data: bytes, name: str, limit: dict) -> list[InputFile]:
    try:
        members = read_zip(data, name, max_members=limit["files"], max_total=4 * limit["bytes"])
    except ZipRefused as exc:
        raise (LimitError(str(exc)) if exc.status == 413 else InputError(str(exc))) from None
    return [InputFile(m.path, m.data, m.problem) for m in members]


def too_large(limit: dict) -> str:
    return (f"The files come to more than {limit['size']}, the limit for one batch. "
            "Split the cohort into smaller batches.")


def refuse(message: str, status: int):
    return render_bulk_form(message), status


@bp.errorhandler(413)
def request_too_large(_exc):
    """The whole request was over the app's upload limit, before the view could look at it."""
    return refuse(too_large(limits()), 413)


@bp.get("/bulk/cohort.css")
def cohort_css():
    return Response(STYLE, mimetype="text/css")


@bp.get("/bulk/cohort.js")
def cohort_js():
    return Response(SCRIPT, mimetype="text/javascript")
