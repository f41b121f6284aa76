"""The JSON API: POST /api/review returns exactly the review JSON of DESIGN.md; its OpenAPI description."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request

from reviewer import review
from reviewer.errors import InputError
from reviewer.notices import unreadable_cv
from reviewer.inputs.profile import exam_from_dict, parse_exam_flag
from reviewer.inputs import from_text

from .capacity import holds_slot
from .inputs import run_review, submission_from
from .openapi import spec

bp = Blueprint("api", __name__, url_prefix="/api")


def _exam_list(values) -> list:
    """Exams given as "NAME=RESULT" strings or as objects of the CV schema."""
    if values is None:
        return []
    if not isinstance(values, list):
        raise InputError("'exams' must be a list, e.g. [\"USMLE Step 1=fail,pass\"]")
    out = []
    for i, value in enumerate(values):
        out += parse_exam_flag(value, f"exams[{i}]") if isinstance(value, str) else [exam_from_dict(value, f"exams[{i}]")]
    return out


def _strings(value, key: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",") if part.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"'{key}' must be a list of rule ids")
    return value


def _from_json():
    try:
        body = request.get_json(silent=True)
    except RecursionError:  # arrays or objects nested thousands deep
        body = None
    if not isinstance(body, dict):
        raise InputError("The body is not a JSON object; send {\"text\": \"...\"} with Content-Type application/json.")
    text = body.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("Give the statement as a non-empty string in 'text'.")
    cv, notices = body.get("cv"), []
    if cv is not None and not isinstance(cv, dict):  # never a path: the server reads no file it was not sent
        cv, notices = None, [unreadable_cv("'cv' is not an object in the CV schema of DESIGN.md")]
    as_of = body.get("as_of")
    if as_of is not None and not isinstance(as_of, str):
        raise InputError("'as_of' must be a month written as YYYY-MM.")
    name = body.get("name") if isinstance(body.get("name"), str) else "text"
    region = body.get("region")
    if region is not None and not isinstance(region, str):
        raise InputError("'region' must be the name of a region pack, e.g. \"georgia\".")
    exams, disabled = _exam_list(body.get("exams")), _strings(body.get("disable"), "disable")
    return review(from_text(text, name), cv, as_of=as_of, exams=exams, disabled=disabled, region=region,
                  notices=notices)


def _from_form():
    sub = submission_from(request, current_app.config)
    sub.disabled = [rule for value in sub.disabled for rule in _strings(value, "disable")]
    return run_review(sub, extra_exams=_exam_list(request.form.getlist("exams")))


@bp.post("/review")
@holds_slot
def review_endpoint():
    if request.is_json:
        result = _from_json()
    elif request.mimetype in ("multipart/form-data", "application/x-www-form-urlencoded"):
        result = _from_form()
    else:
        raise InputError("Send the statement as JSON (application/json) or as a multipart form upload.", status=415)
    response = jsonify(result.to_dict())
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/openapi.json")
def openapi():
    return jsonify(spec())
