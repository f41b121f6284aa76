"""Every error as a plain sentence with its status: on the form page for the form, as JSON for the API."""
from __future__ import annotations

from flask import current_app, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError, MethodNotAllowed

from reviewer.errors import InputError

MESSAGES = {
    400: "The request could not be read. Go back to the form and try again.",
    404: "There is no page at this address.",
    405: "This address does not accept that kind of request; start from the review form.",
    413: "The upload is larger than the {size} limit. A statement or CV is far smaller: save it without images, or paste the text.",
    415: "That is not a kind of file we read. Use .docx, .txt or .md for the statement; .json, .yaml, .csv, .docx or .txt for a CV.",
    429: "Too many reviews from your address in a short time. Wait a minute and try again.",
    500: "Something went wrong on our side while reviewing. Nothing you sent was kept; try again, or paste the text instead of uploading.",
}
CSRF_MESSAGE = "The form had expired or did not come from this site. Reload the review form and send it again."


def wants_json() -> bool:
    return request.path.startswith("/api/") or request.blueprint == "api"


def error_response(status: int, message: str):
    """The error as JSON for the API, else the form page (for form posts) or a plain error page."""
    if wants_json():
        return jsonify({"error": message, "status": status}), status
    if request.method == "POST" and request.blueprint == "review":
        from .review import render_form
        return render_form(error=message, status=status)
    return render_template("error.html", status=status, message=message), status


def _size(limit: int) -> str:
    return f"{limit / (1024 * 1024):g} MB" if limit >= 1024 * 1024 else f"{limit // 1024} KB"


def _message(status: int) -> str:
    return MESSAGES.get(status, MESSAGES[400]).format(size=_size(current_app.config.get("MAX_CONTENT_LENGTH") or 0))


def handle_http(exc: HTTPException):
    status = exc.code or 500
    if isinstance(exc, CSRFError):
        return error_response(400, CSRF_MESSAGE)
    body, code = error_response(status, _message(status))
    response = current_app.make_response((body, code))
    if isinstance(exc, MethodNotAllowed) and exc.valid_methods:  # 405 names the methods the address takes
        response.headers["Allow"] = ", ".join(sorted(exc.valid_methods))
    return response


def handle_input(exc: InputError):
    return error_response(exc.status, str(exc))


def handle_unexpected(exc: InternalServerError):
    """Flask has already logged the exception (see privacy.ReviewerFlask.log_exception); answer plainly."""
    return error_response(500, _message(500))


def init_app(app) -> None:
    app.register_error_handler(HTTPException, handle_http)
    app.register_error_handler(InputError, handle_input)
    app.register_error_handler(InternalServerError, handle_unexpected)
