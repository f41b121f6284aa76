"""Every bad input gets a plain sentence and the right status, on the form page and from the API; never a traceback."""
import html
import io

import pytest

from web import create_app

from tests.helpers.web import WEB_TEST_CONFIG, make_docx, multipart, zip_bomb_docx

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"
OLD_DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32

# (upload name, bytes, status, words the sentence must contain)
BAD_STATEMENTS = [
    ("draft.pdf", PDF, 415, ".pdf"),
    ("draft.doc", OLD_DOC, 415, ".doc"),
    ("photo.png", PNG, 415, ".png"),
    ("draft.docx", PDF, 415, "PDF"),
    ("draft.docx", b"Just some text saved with the wrong name.", 415, "not a Word .docx"),
    ("draft.txt", PDF, 415, "PDF"),
    ("draft.txt", make_docx([["A statement."]]), 415, "not plain text"),
    ("draft.docx", b"PK\x03\x04" + b"\x00garbage" * 20, 400, "damaged"),
    ("draft.docx", zip_bomb_docx(), 400, "zip bomb"),
    ("draft.txt", "A statement in UTF-16.".encode("utf-16"), 400, "UTF-16"),
    ("draft.txt", b"", 400, "empty"),
]


def assert_plain(page: str) -> None:
    assert "Traceback" not in page and "File \"" not in page


def test_nothing_submitted_is_400(client):
    response = client.post("/review", data={"text": "   "}, content_type="multipart/form-data")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Paste your statement or choose a .docx file." in page
    assert 'role="alert"' in page and 'name="text"' in page, "the sentence is shown on the form page"


def test_text_and_file_together_is_400(client):
    response = client.post("/review", data={"text": "A statement.", "statement": (io.BytesIO(b"Another."), "a.txt")},
                           content_type="multipart/form-data")
    assert response.status_code == 400
    assert "keep one of them" in response.get_data(as_text=True)


@pytest.mark.parametrize("name, data, status, words", BAD_STATEMENTS)
def test_bad_statement_files_on_the_form(client, name, data, status, words):
    response = client.post("/review", data={"statement": (io.BytesIO(data), name)}, content_type="multipart/form-data")
    assert response.status_code == status
    page = response.get_data(as_text=True)
    assert words.lower() in page.lower()
    assert 'class="error" role="alert"' in page and 'id="text"' in page
    assert_plain(page)


@pytest.mark.parametrize("name, data, status, words", BAD_STATEMENTS)
def test_bad_statement_files_on_the_api(client, name, data, status, words):
    response = client.post("/api/review", data={"statement": (io.BytesIO(data), name)}, content_type="multipart/form-data")
    assert response.status_code == status
    body = response.get_json()
    assert body["status"] == status and words.lower() in body["error"].lower()


@pytest.mark.parametrize("name, data, words", [
    ("cv.pdf", PDF, ".pdf"),
    ("cv.json", b"{not json", "not valid JSON"),
    ("cv.json", b'{"experiences": [{"type": "clinical", "start": "2023-13"}]}', "experience 1"),
    ("cv.docx", PDF, "PDF"),
    ("cv.json", b" " * (2 * 1024 * 1024 + 1), "larger than 2 MB"),
])
def test_bad_cv_files_still_give_the_review(client, name, data, words):
    """A CV problem never blocks the statement: the page is the review, with a notice saying what was left out."""
    response = client.post("/review", **multipart({"text": "I chose pediatrics in Atlanta.", "cv": (data, name)}))
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert words.lower() in html.unescape(page).lower()
    assert "What could not be read" in page
    assert "I chose pediatrics in Atlanta." in page, "the statement is reviewed and shown"
    assert_plain(page)


@pytest.mark.parametrize("field, value, words", [
    ("as_of", "Sept 2026", "YYYY-MM"),
    ("step1", "maybe", "Step 1"),
    ("step1_attempts", "twice", "Step 1 attempts"),
    ("step2_score", "999", "Step 2 CK score"),
    ("step2_score", "²¹⁰", "Step 2 CK score"),  # str.isdigit accepts superscripts; int() does not
    ("step1_attempts", "²", "Step 1 attempts"),
    ("disable", "no.such_rule", "no.such_rule"),
])
def test_bad_fields_are_400(client, field, value, words):
    response = client.post("/review", data={"text": "I chose pediatrics in Atlanta.", field: value},
                           content_type="multipart/form-data")
    assert response.status_code == 400
    assert words in response.get_data(as_text=True)


def test_a_bad_graduation_month_is_a_notice(client):
    response = client.post("/review", data={"text": "I chose pediatrics in Atlanta.", "graduation": "June 2019"},
                           content_type="multipart/form-data")
    assert response.status_code == 200
    page = html.unescape(response.get_data(as_text=True))
    assert "What could not be read" in page and "YYYY-MM" in page


def test_statement_over_its_own_limit_is_413(client):
    response = client.post("/review", **multipart({"statement": (b"a" * (5 * 1024 * 1024 + 1), "big.txt")}))
    assert response.status_code == 413
    assert "larger than 5 MB" in response.get_data(as_text=True)


def test_pasted_text_over_the_reading_limit_is_413(client):
    response = client.post("/review", data={"text": "word " * 50_000})
    assert response.status_code == 413
    assert "characters" in response.get_data(as_text=True)


@pytest.fixture(scope="module")
def small_app():
    return create_app({**WEB_TEST_CONFIG, "MAX_CONTENT_LENGTH": 64 * 1024})


def test_request_over_max_content_length_is_413_on_the_form(small_app):
    response = small_app.test_client().post("/review", **multipart({"statement": (b"a" * 100_000, "big.txt")}))
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "larger than the 64 KB limit" in page and 'id="text"' in page
    assert_plain(page)


def test_request_over_max_content_length_is_413_on_the_api(small_app):
    response = small_app.test_client().post("/api/review", json={"text": "a " * 60_000})
    assert response.status_code == 413
    assert response.get_json()["status"] == 413


def test_404_and_405_are_plain_pages(client):
    missing = client.get("/no/such/page")
    assert missing.status_code == 404 and "There is no page at this address." in missing.get_data(as_text=True)
    wrong = client.get("/review")
    assert wrong.status_code == 405 and "does not accept" in wrong.get_data(as_text=True)
    assert client.get("/download/docx").status_code == 405


def test_rate_limit_gives_429():
    app = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "RATELIMIT_APPLICATION": "2 per minute"})
    client = app.test_client()
    statuses = [client.post("/api/review", json={"text": "I chose pediatrics."}).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert "Wait a minute" in client.post("/api/review", json={"text": "x"}).get_json()["error"]
    page = client.get("/")
    assert page.status_code == 429 and "Too many reviews" in page.get_data(as_text=True)


def test_unexpected_error_is_a_plain_500_without_the_text_in_logs(caplog):
    app = create_app(dict(WEB_TEST_CONFIG))
    app.config["TESTING"] = False  # let the error handler answer instead of re-raising

    @app.post("/boom")
    def boom():
        from flask import request
        raise RuntimeError(request.form["text"])

    with caplog.at_level("ERROR"):
        response = app.test_client().post("/boom", data={"text": "secret statement text"})
    assert response.status_code == 500
    page = response.get_data(as_text=True)
    assert "Something went wrong on our side" in page
    assert_plain(page)
    assert "secret statement text" not in page
    assert "secret statement text" not in caplog.text and "RuntimeError" in caplog.text


def test_large_uploads_stay_in_memory():
    app = create_app(dict(WEB_TEST_CONFIG))

    @app.post("/probe")
    def probe():
        from flask import request
        return type(request.files["statement"].stream).__name__

    response = app.test_client().post("/probe", **multipart({"statement": (b"a" * 3_000_000, "long.txt")}))
    assert response.get_data(as_text=True) == "BytesIO", "werkzeug would spool this upload to a temporary file"
