"""The web app: paste or upload a statement, see it annotated, download it back with Word comments."""
from __future__ import annotations

import os

import importlib.util

from flask import Flask, url_for
from jinja2 import ChoiceLoader, PackageLoader
from werkzeug.routing import BuildError

from .privacy import ReviewerFlask

MEGABYTE = 1024 * 1024


def _navigation() -> dict:
    """The bulk area's address for the menu, when that area is installed."""
    for endpoint in ("bulk.index", "bulk.form"):
        try:
            return {"bulk_url": url_for(endpoint)}
        except BuildError:
            continue
    return {"bulk_url": None}


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app; ``test_config`` overrides the defaults and the REVIEWER_* environment."""
    app = ReviewerFlask(__name__)
    app.config.from_mapping(
        SECRET_KEY=os.environ.get("REVIEWER_SECRET_KEY") or os.urandom(32),
        # A statement .docx posted back for a download travels base64-encoded, so leave room for it.
        MAX_CONTENT_LENGTH=int(os.environ.get("REVIEWER_MAX_UPLOAD_MB", "8")) * MEGABYTE,
        RATELIMIT_APPLICATION=os.environ.get("REVIEWER_RATE_LIMIT", "60 per minute"),
        RATELIMIT_STORAGE_URI="memory://",
        RATELIMIT_HEADERS_ENABLED=True,
        REVIEWER_REVIEW_SLOTS=os.environ.get("REVIEWER_REVIEW_SLOTS"),  # reviews at once (default: one per core)
        REVIEWER_REVIEW_QUEUE=os.environ.get("REVIEWER_REVIEW_QUEUE"),  # requests waiting for one (default 32)
        WTF_CSRF_TIME_LIMIT=None,  # the token lives as long as the session cookie (the browser session)
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
    )
    if test_config:
        app.config.update(test_config)
    if "MAX_FORM_MEMORY_SIZE" not in (test_config or {}):  # hidden fields carry a posted-back upload
        app.config["MAX_FORM_MEMORY_SIZE"] = app.config["MAX_CONTENT_LENGTH"]
    app.json.sort_keys = False
    app.jinja_loader = ChoiceLoader([app.jinja_loader, PackageLoader("reviewer.render", "templates")])

    from reviewer.review import prepare
    prepare()  # rules, spaCy pipeline and syllable tables now, once per process, not on the first request

    from . import api, errors, review, security
    from .capacity import make_slots
    from .extensions import csrf, make_limiter
    limiter = make_limiter(app)  # first: a request over the limit is refused before its body is parsed,
    csrf.init_app(app)           # and a request that fails the CSRF check still counts towards the limit
    security.init_app(app)
    errors.init_app(app)
    app.register_blueprint(review.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(importlib.import_module(".guide", __name__).bp)  # /guide: the guide's rules summarised
    compare = importlib.import_module(".compare", __name__)  # /compare: two drafts of one statement
    app.register_blueprint(compare.bp)
    csrf.exempt(api.bp)
    limiter.exempt(app.view_functions["review.report_css"])  # a stylesheet, like /static
    for asset in ("compare.compare_css", "compare.compare_js"):
        limiter.exempt(app.view_functions[asset])
    if importlib.util.find_spec(f"{__name__}.bulk") is not None:  # the bulk review area, when installed
        from . import bulk
        app.register_blueprint(bulk.bp)
    app.extensions["reviewer_limiter"] = limiter
    app.extensions["reviewer_slots"] = make_slots(app.config)  # reviews take a slot (web/capacity.py)
    app.context_processor(_navigation)
    return app
