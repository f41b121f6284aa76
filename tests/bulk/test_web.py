"""The /bulk page: many files or one .zip in, the cohort table and one .zip of every report out, limits stated."""
import base64
import csv
import io
import re
import zipfile

import pytest
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from tests.helpers.cohort import BLAME, CLEAN, CORPUS, docx_bytes, statement

LIMITS = {"BULK_MAX_FILES": 5, "BULK_MAX_BYTES": 200_000}


@pytest.fixture(scope="module")
def bulk_client():
    from web import create_app
    app = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False,
                      "MAX_CONTENT_LENGTH": 400_000, **LIMITS})
    return app.test_client()


def upload(client, files, **form):
    """Post the form; the body is encoded in memory (the test client would spool a large one to a file it never closes)."""
    values = MultiDict([*((k, v) for k, v in form.items()),
                        *(("files", FileStorage(io.BytesIO(content), name)) for name, content in files)])
    boundary, body = encode_multipart(values)
    return client.post("/bulk", data=body, content_type=f"multipart/form-data; boundary={boundary}")


def cohort_files():
    return [("ana.docx", docx_bytes(statement(CLEAN))), ("ana.cv.json", (CORPUS / f"{CLEAN}.cv.json").read_bytes()),
            ("ben.txt", statement(BLAME).encode("utf-8")), ("notes.pdf", b"%PDF-1.4")]


def zip_of(files) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files:
            archive.writestr(name, content)
    return buffer.getvalue()


def test_the_page_states_its_limits_and_carries_the_csrf_field(csrf_app):
    page = csrf_app.test_client().get("/bulk").get_data(as_text=True)
    assert re.search(r'<input type="hidden" name="csrf_token" value="[^"]+">', page)
    assert 'name="files" multiple' in page and 'enctype="multipart/form-data"' in page
    assert "up to 100 files in one batch, 8 MB in all" in page


def test_the_page_states_configured_limits(bulk_client):
    page = bulk_client.get("/bulk").get_data(as_text=True)
    assert "up to 5 files in one batch, 195 KB in all" in page


def test_many_files_give_the_cohort_table_and_the_zip(bulk_client):
    response = upload(bulk_client, cohort_files(), as_of="2026-09")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert response.headers["Cache-Control"] == "no-store"
    assert 'data-file="ana.docx"' in page and 'data-file="ben.txt"' in page
    assert re.search(r'<tr class="failed" data-file="notes.pdf"', page)
    assert "2 of 3 statements reviewed fully" in page
    assert "<script src=\"/bulk/cohort.js\">" in page and "<script>" not in page  # the CSP allows no inline code
    match = re.search(r'href="data:application/zip;base64,([^"]+)" download="cohort-reports.zip"', page)
    archive = zipfile.ZipFile(io.BytesIO(base64.b64decode(match.group(1))))
    names = set(archive.namelist())
    assert {"reports/summary.csv", "reports/index.html", "reports/ana.review.json", "reports/ana.review.html",
            "reports/ana.commented.docx", "reports/ben.commented.docx"} <= names
    rows = list(csv.DictReader(io.StringIO(archive.read("reports/summary.csv").decode("utf-8-sig"))))
    assert [(r["file"], r["cv"]) for r in rows] == [("ana.docx", "ana.cv.json"), ("ben.txt", ""), ("notes.pdf", "")]
    assert rows[1]["score.blame"] == "1" and "not a format we read" in rows[2]["error"]


def test_the_zip_button_returns_the_archive_itself(bulk_client):
    response = upload(bulk_client, cohort_files(), action="zip", as_of="2026-09")
    assert response.status_code == 200 and response.mimetype == "application/zip"
    assert "cohort-reports.zip" in response.headers["Content-Disposition"]
    names = zipfile.ZipFile(io.BytesIO(response.data)).namelist()
    assert all(n.startswith("reports/") and ".." not in n for n in names)


def test_one_zip_holding_the_cohort(bulk_client):
    data = zip_of([("cohort/" + name, content) for name, content in cohort_files()] +
                  [("../escape.txt", b"I train in Atlanta.")])
    response = upload(bulk_client, [("cohort.zip", data)], action="zip", as_of="2026-09")
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    rows = list(csv.DictReader(io.StringIO(archive.read("reports/summary.csv").decode("utf-8-sig"))))
    assert [r["file"] for r in rows] == ["../escape.txt", "cohort/ana.docx", "cohort/ben.txt", "cohort/notes.pdf"]
    assert "outside the folder" in rows[0]["error"]
    assert not any("escape" in n for n in archive.namelist())


def test_uploaded_names_with_folders_are_reduced_to_the_file_name(bulk_client):
    response = upload(bulk_client, [("..\\..\\evil.txt", b"I train in Atlanta, Georgia.")], action="zip")
    names = zipfile.ZipFile(io.BytesIO(response.data)).namelist()
    assert "reports/evil.review.json" in names


@pytest.mark.parametrize("files, status, sentence", [
    ([], 400, "Choose the statements to review, or one .zip that holds them."),
    ([(f"{i}.txt", b"I train in Atlanta.") for i in range(6)], 413, "You chose 6 files; the limit is 5 at once."),
    ([("a.txt", b"x" * 150_000), ("b.txt", b"x" * 60_000)], 413, "the limit for one batch"),
    ([("many.zip", zip_of([(f"{i}.txt", b"x") for i in range(6)]))], 413, "holds 6 files, over the limit of 5"),
    ([("bad.zip", b"PK\x03\x04 broken")], 400, "bad.zip is damaged"),
])
def test_limits_answer_with_a_plain_sentence(bulk_client, files, status, sentence):
    response = upload(bulk_client, files)
    assert response.status_code == status
    page = response.get_data(as_text=True)
    assert sentence in page and 'name="files"' in page  # the form again, with the reason


def test_a_request_over_the_app_limit_is_413_on_the_bulk_page(bulk_client):
    response = upload(bulk_client, [("a.txt", b"x" * 500_000)])
    assert response.status_code == 413
    assert "the limit for one batch" in response.get_data(as_text=True)


def test_over_the_app_limit_with_csrf_on_is_still_the_bulk_sentence(csrf_app):
    response = upload(csrf_app.test_client(), [("a.txt", b"x" * (9 * 1024 * 1024))])
    assert response.status_code == 413
    assert "The files come to more than 8 MB, the limit for one batch." in response.get_data(as_text=True)


def test_a_bad_month_is_400(bulk_client):
    response = upload(bulk_client, [("a.txt", b"I train in Atlanta.")], as_of="2026-13")
    assert response.status_code == 400 and "is not a month" in response.get_data(as_text=True)


def test_the_cohort_script_and_style_are_served(bulk_client):
    assert bulk_client.get("/bulk/cohort.js").mimetype == "text/javascript"
    assert bulk_client.get("/bulk/cohort.css").mimetype == "text/css"


def test_a_batch_past_its_character_budget_says_which_statements_were_left_out():
    """The page's budget of statements' characters: those read within it are reviewed, the rest get rows
    that say why; the command line has no budget."""
    from tests.helpers.web import WEB_TEST_CONFIG
    from web import create_app
    text = statement(BLAME)
    app = create_app({**WEB_TEST_CONFIG, "BULK_MAX_CHARACTERS": 2 * len(text)})
    files = [(f"{name}.txt", text.encode("utf-8")) for name in ("ana", "ben", "cara")]
    response = upload(app.test_client(), files, as_of="2026-09")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "2 of 3 statements reviewed fully" in page
    archive = zipfile.ZipFile(io.BytesIO(base64.b64decode(
        re.search(r'href="data:application/zip;base64,([^"]+)"', page).group(1))))
    rows = list(csv.DictReader(io.StringIO(archive.read("reports/summary.csv").decode("utf-8-sig"))))
    assert [bool(r["error"]) for r in rows] == [False, False, True]
    assert f"more than {2 * len(text):,} characters" in rows[2]["error"]
    assert "reports/cara.review.json" not in archive.namelist()


def test_the_command_line_has_no_character_budget():
    from reviewer.bulk.batch import within_budget
    from reviewer.bulk.worker import Job
    jobs = [Job(0, "a.txt", "a", b"x" * 10, None)]
    assert within_budget(jobs, None) == jobs
    assert within_budget(jobs, 5)[0].problem.startswith("not reviewed")
