"""Security review of the web app (issue 6), adding what test_web_pages/test_web_errors/test_bulk_web do not cover."""
import base64
import io
import logging
import re
import zipfile
from pathlib import Path

import pytest
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from web import create_app
from web.security import HEADERS

from tests.helpers.web import TEST_CV, WEB_TEST_CONFIG, csrf_token, make_docx, multipart

ROOT = Path(__file__).resolve().parents[2]
TEXT = "I chose pediatrics because of my work at Grady Memorial Hospital in Atlanta, Georgia."
HOSTILE = '<script>alert("x")</script>\'"'
NAME = "<script>alert(1)</script>'&"  # a file name (a double quote would end the multipart header's filename)
BULK_NAME = "<img src=x onerror=alert(1)>'&"  # the bulk page keeps only what follows the last slash of a name


def form_posts(app) -> list[str]:
    """Every address that takes a browser form post (the API is exempt by design and tested for it elsewhere)."""
    return sorted({rule.rule for rule in app.url_map.iter_rules()
                   if "POST" in rule.methods and not rule.rule.startswith("/api/")})


def upload(client, path, files, **form):
    values = MultiDict([*form.items(), *(("files", FileStorage(io.BytesIO(data), name)) for name, data in files)])
    boundary, body = encode_multipart(values)
    return client.post(path, data=body, content_type=f"multipart/form-data; boundary={boundary}")


# --- CSRF -------------------------------------------------------------------------------------------------------

def test_every_form_is_csrf_protected(csrf_app):
    posts = form_posts(csrf_app)
    assert {"/review", "/download/docx", "/download/json", "/download/html", "/bulk"} <= set(posts)
    client = csrf_app.test_client()
    for path in posts:
        forged = client.post(path, data={"text": TEXT}, content_type="multipart/form-data")
        assert forged.status_code == 400, path
        page = forged.get_data(as_text=True)
        assert "did not come from this site" in page or "expired" in page, path
        assert "Traceback" not in page
        wrong = client.post(path, data={"text": TEXT, "csrf_token": "forged-token"}, content_type="multipart/form-data")
        assert wrong.status_code == 400, path


def test_every_form_page_carries_the_token(csrf_app):
    client = csrf_app.test_client()
    for path in ("/", "/bulk"):
        assert csrf_token(client.get(path).get_data(as_text=True))


def test_bulk_accepts_a_real_token(csrf_app):
    client = csrf_app.test_client()
    token = csrf_token(client.get("/bulk").get_data(as_text=True))
    response = upload(client, "/bulk", [("ana.txt", TEXT.encode())], csrf_token=token, as_of="2026-09")
    assert response.status_code == 200


# --- headers on every response ----------------------------------------------------------------------------------

def _responses(client):
    """One response of every kind the app gives: each GET route, each POST route (ok and refused), every error."""
    yield "GET /", client.get("/")
    yield "GET /bulk", client.get("/bulk")
    yield "GET /report.css", client.get("/report.css")
    yield "GET /bulk/cohort.css", client.get("/bulk/cohort.css")
    yield "GET /bulk/cohort.js", client.get("/bulk/cohort.js")
    yield "GET /static/site.css", client.get("/static/site.css")
    yield "GET /api/openapi.json", client.get("/api/openapi.json")
    yield "POST /review", client.post("/review", data={"text": TEXT})
    yield "POST /review 400", client.post("/review", data={"text": " "})
    for kind in ("docx", "json", "html"):
        yield f"POST /download/{kind}", client.post(f"/download/{kind}", data={"text": TEXT})
    yield "POST /api/review", client.post("/api/review", json={"text": TEXT})
    yield "POST /api/review 415", client.post("/api/review", data="x", content_type="text/plain")
    yield "POST /bulk", upload(client, "/bulk", [("ana.txt", TEXT.encode())], as_of="2026-09")
    yield "POST /bulk 400", upload(client, "/bulk", [])
    yield "GET 404", client.get("/no/such/page")
    yield "GET 405", client.get("/review")
    yield "POST 413", client.post("/api/review", **multipart({"statement": (b"a" * (9 * 1024 * 1024), "s.txt")}))


@pytest.fixture(scope="module")
def header_app():
    return create_app(dict(WEB_TEST_CONFIG))


def test_security_headers_on_every_response(header_app):
    client = header_app.test_client()
    seen = 0
    for what, response in _responses(client):
        with response:
            for name, value in HEADERS.items():
                assert response.headers.get(name) == value, f"{what}: {name}"
            if response.mimetype not in ("text/css", "text/javascript"):
                assert response.headers["Cache-Control"] == "no-store", what
        seen += 1
    assert seen >= 18


def test_headers_on_429_and_500():
    app = create_app({"TESTING": False, "WTF_CSRF_ENABLED": False, "RATELIMIT_APPLICATION": "1 per minute"})

    @app.get("/boom")
    def boom():
        raise RuntimeError("boom")

    client = app.test_client()
    client.get("/")
    limited = client.get("/")
    assert limited.status_code == 429
    app.extensions["reviewer_limiter"].enabled = False
    broken = client.get("/boom")
    assert broken.status_code == 500
    for response in (limited, broken):
        for name, value in HEADERS.items():
            assert response.headers.get(name) == value


# --- served mode: no debug, no tracebacks ----------------------------------------------------------------------

def test_served_mode_has_no_debug_and_answers_500_plainly(monkeypatch):
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    app = create_app()  # exactly as waitress builds it (web:create_app)
    assert not app.debug and not app.testing and not app.config["PROPAGATE_EXCEPTIONS"]
    app.extensions["reviewer_limiter"].enabled = False
    import web.inputs

    def explode(*args, **kwargs):
        raise RuntimeError("internal detail /srv/secret/path")

    monkeypatch.setattr(web.inputs, "review", explode)
    import web.api
    monkeypatch.setattr(web.api, "review", explode)
    client = app.test_client()
    form = client.post("/review", data={"text": TEXT, "csrf_token": csrf_token(client.get("/").get_data(as_text=True))})
    api = client.post("/api/review", json={"text": TEXT})
    for response in (form, api):
        body = response.get_data(as_text=True)
        assert response.status_code == 500
        assert "Something went wrong on our side" in body
        assert "Traceback" not in body and "RuntimeError" not in body and "/srv/secret" not in body
        assert "Werkzeug Debugger" not in body


def test_start_script_serves_with_waitress_and_no_debug():
    script = (ROOT / "scripts" / "start").read_text()
    assert "python -m web.serve" in script  # waitress, with bodies kept in memory (tests/web/test_server.py)
    assert "debug" not in script.lower()
    serve = (ROOT / "web" / "serve.py").read_text()
    assert "from waitress import serve" in serve and "debug" not in serve.lower()


# --- secret key -------------------------------------------------------------------------------------------------

def test_no_secret_key_literal_in_the_code():
    assignment = re.compile(r"""(SECRET_KEY|secret_key)\s*[=:]\s*(b?["'])""")
    offenders = [f"{path}:{n}" for path in (ROOT / "web").rglob("*.py")
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if assignment.search(line)]
    assert offenders == []


def test_secret_key_comes_from_the_environment_when_set(monkeypatch):
    monkeypatch.setenv("REVIEWER_SECRET_KEY", "from-the-environment")
    assert create_app(dict(WEB_TEST_CONFIG)).secret_key == "from-the-environment"
    monkeypatch.delenv("REVIEWER_SECRET_KEY")
    first, second = create_app(dict(WEB_TEST_CONFIG)), create_app(dict(WEB_TEST_CONFIG))
    assert first.secret_key != second.secret_key


# --- rate limit and upload limits -------------------------------------------------------------------------------

def test_rate_limit_has_a_default_and_counts_per_client(monkeypatch):
    monkeypatch.delenv("REVIEWER_RATE_LIMIT", raising=False)
    default = create_app({"TESTING": True})
    assert default.config["RATELIMIT_APPLICATION"] == "60 per minute"
    app = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "RATELIMIT_APPLICATION": "2 per minute"})
    client = app.test_client()
    one = {"REMOTE_ADDR": "10.0.0.1"}
    two = {"REMOTE_ADDR": "10.0.0.2"}
    statuses = [client.post("/api/review", json={"text": TEXT}, environ_base=one).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert client.post("/api/review", json={"text": TEXT}, environ_base=two).status_code == 200, "another client is not limited"
    page = client.get("/bulk", environ_base=one)
    assert page.status_code == 429
    message = re.search(r'role="alert">([^<]+)<', page.get_data(as_text=True)).group(1)
    assert message.startswith("Too many reviews") and message.endswith(".") and "\n" not in message


def test_rate_limit_can_be_set_from_the_environment(monkeypatch):
    monkeypatch.setenv("REVIEWER_RATE_LIMIT", "5 per second")
    assert create_app({"TESTING": True}).config["RATELIMIT_APPLICATION"] == "5 per second"


def test_upload_limits_have_defaults(monkeypatch):
    monkeypatch.delenv("REVIEWER_MAX_UPLOAD_MB", raising=False)
    app = create_app({"TESTING": True})
    assert app.config["MAX_CONTENT_LENGTH"] == 8 * 1024 * 1024
    assert app.config["MAX_FORM_MEMORY_SIZE"] == app.config["MAX_CONTENT_LENGTH"]
    from web.inputs import STATEMENT_LIMIT
    assert STATEMENT_LIMIT == 5 * 1024 * 1024


# --- nothing the user sent reaches the logs ---------------------------------------------------------------------

MARKER = "zq-unique-marker-7d1e"


@pytest.fixture()
def every_log(caplog):
    caplog.set_level(logging.DEBUG)  # the root logger, so every library's records arrive
    for name in ("web", "werkzeug", "waitress", "flask_limiter", "reviewer"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    return caplog


def test_statement_text_is_never_logged(every_log, monkeypatch):
    app = create_app({"TESTING": False, "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False})
    client = app.test_client()
    statement = f"{TEXT} {MARKER} I failed Step 1 once."
    assert client.post("/review", data={"text": statement}).status_code == 200
    assert client.post("/api/review", json={"text": statement, "name": MARKER + ".txt"}).status_code == 200
    # error paths: a refused statement, a refused file whose name holds the marker, an unreadable CV (a notice)
    assert client.post("/review", data={"text": statement + "\x00"}).status_code == 400
    assert client.post("/api/review", **multipart({"statement": (b"%PDF" + MARKER.encode(), MARKER + ".docx")})).status_code == 415
    assert client.post("/api/review", **multipart({"text": statement, "cv": (b"{" + MARKER.encode(), "cv.json")})).status_code == 200
    assert upload(client, "/bulk", [(MARKER + ".txt", statement.encode()), ("bad.txt", MARKER.encode() + b"\x00")],
                  as_of="2026-09").status_code == 200
    # an unexpected failure whose exception message quotes the statement
    import web.inputs

    def explode(document, *args, **kwargs):
        raise RuntimeError(f"could not handle {document.text}")

    monkeypatch.setattr(web.inputs, "review", explode)
    assert client.post("/review", data={"text": statement}).status_code == 500
    assert client.post("/api/review", **multipart({"text": statement})).status_code == 500
    assert "RuntimeError" in every_log.text, "the failure itself is logged"
    assert MARKER not in every_log.text
    assert all(MARKER not in str(record.args) for record in every_log.records)


# --- escaping in every page and report --------------------------------------------------------------------------

def _hostile_cv() -> bytes:
    import json
    cv = json.loads(json.dumps(TEST_CV))
    cv["applicant"]["name"] = HOSTILE
    cv["experiences"][0].update(title=HOSTILE, organization=f"Hospital {HOSTILE}", city=HOSTILE, description=HOSTILE)
    return json.dumps(cv).encode()


def _assert_escaped(page: str, where: str) -> None:
    assert '<script>alert("x")</script>' not in page and "<script>alert(1)</script>" not in page, where
    assert "&lt;script&gt;" in page, f"{where}: the hostile text is shown, escaped"


def post_files(client, path, fields: dict):
    values = MultiDict([(k, FileStorage(io.BytesIO(v[0]), v[1]) if isinstance(v, tuple) else v) for k, v in fields.items()])
    boundary, body = encode_multipart(values)
    return client.post(path, data=body, content_type=f"multipart/form-data; boundary={boundary}")


def test_result_page_escapes_statement_file_name_and_cv(client):
    statement = make_docx([[f"I chose pediatrics in Atlanta. {HOSTILE}"]])
    response = post_files(client, "/review", {"statement": (statement, f"{NAME}.docx"), "cv": (_hostile_cv(), "cv.json"),
                                              "as_of": "2026-09"})
    assert response.status_code == 200
    _assert_escaped(response.get_data(as_text=True), "result page")


def test_refusal_pages_escape_the_file_name(client):
    response = post_files(client, "/review", {"statement": (b"%PDF", f"{NAME}.docx")})
    assert response.status_code == 415
    _assert_escaped(response.get_data(as_text=True), "form error")
    api = post_files(client, "/api/review", {"statement": (b"%PDF", f"{NAME}.docx")})
    assert api.status_code == 415 and api.is_json, "JSON, not HTML: the client escapes"
    bulk = upload(client, "/bulk", [(f"{BULK_NAME}.pdf", b"%PDF"), ("ok.txt", TEXT.encode())], as_of="2026-09")
    assert bulk.status_code == 200
    page = bulk.get_data(as_text=True)
    assert BULK_NAME not in page and "&lt;img src=x" in page


def test_standalone_html_report_escapes_everything(tmp_path):
    from reviewer import review
    from reviewer.inputs import from_text
    from reviewer.render.html import render_html
    cv = tmp_path / "cv.json"
    cv.write_bytes(_hostile_cv())
    result = review(from_text(f"I chose pediatrics in Atlanta. {HOSTILE}", f"{HOSTILE}.txt"), cv=cv, as_of="2026-09")
    _assert_escaped(render_html(result, standalone=True), "standalone report")
    _assert_escaped(render_html(result, standalone=False), "report body")


def test_downloaded_html_report_escapes_everything(client):
    response = client.post("/download/html", data={"text": f"I chose pediatrics in Atlanta. {HOSTILE}",
                                                   "cv_b64": base64.b64encode(_hostile_cv()).decode(), "cv_name": "cv.json",
                                                   "as_of": "2026-09"})
    assert response.status_code == 200
    _assert_escaped(response.get_data(as_text=True), "downloaded report")


def test_bulk_page_and_archive_escape_names_statements_and_cvs(client):
    name = "ana<b>&'x"
    response = upload(client, "/bulk", [(f"{name}.txt", f"I chose pediatrics in Atlanta. {HOSTILE}".encode()),
                                        (f"{name}.cv.json", _hostile_cv())], as_of="2026-09", action="zip")
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    pages = [n for n in archive.namelist() if n.endswith(".html")]
    assert any(n.endswith("index.html") for n in pages) and len(pages) >= 2
    for page in pages:
        html = archive.read(page).decode("utf-8")
        assert '<script>alert("x")</script>' not in html and "<b>&'x" not in html, page
    shown = upload(client, "/bulk", [(f"{BULK_NAME}.txt", f"I chose pediatrics in Atlanta. {HOSTILE}".encode())], as_of="2026-09")
    assert shown.status_code == 200
    page = shown.get_data(as_text=True)
    assert BULK_NAME not in page and "&lt;img src=x" in page
