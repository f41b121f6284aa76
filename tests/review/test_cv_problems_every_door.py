"""A CV with a line the reader cannot use (an exam line it does not understand, a month that does not exist)
never blocks the statement: at every door (CLI, API, web form, bulk on the command line and on the web) the
statement gets its full review, the CV's readable entries are used, and a notice names the lines left out."""
import io
import json
import subprocess
import sys
import zipfile

import docx
import pytest

from tests.helpers.cohort import BLAME, statement
from tests.helpers.corpus import ROOT
from tests.helpers.web import multipart

TEXT = statement(BLAME)  # a statement with an error-level finding: the exit code must stay 1

CV_LINES = [
    "Amina Bello, MBBS",
    "Medical School: University of Lagos, Nigeria (MBBS, June 2017)",
    "",
    "USMLE",
    "USMLE Step 1: maybe (08/2019)",  # no result the reader can name
    "USMLE Step 2 CK: Pass (Jan 2021)",
    "",
    "EXPERIENCE",
    "Clinical Observer, Grady Memorial Hospital",
    "Atlanta, GA | Jan 2022 – Mar 2022 | 40 hrs/week",
    "",
    "Research Assistant, Emory University",
    "Atlanta, GA | 2023-13 – 2024-05 | 20 hrs/week",  # month 13
]
CV_TEXT = "\n".join(CV_LINES) + "\n"


def cv_docx() -> bytes:
    document = docx.Document()
    for line in CV_LINES:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


CVS = [("cv.txt", CV_TEXT.encode("utf-8")), ("cv.docx", cv_docx())]


def check_review(body: dict) -> None:
    """The statement was reviewed in full, the readable CV entry was used, and the notices name what was not."""
    assert body["sentences"] and body["findings"]
    assert "score.blame" in {f["rule"] for f in body["findings"]}
    assert body["cv"] is not None, "the CV's readable part is used"
    assert any(e["organization"] == "Grady Memorial Hospital" for e in body["cv"]["entries"])
    reasons = " | ".join(f'{n["where"]}: {n["reason"]}' for n in body["notices"])
    assert "not pass, fail or a score" in reasons, reasons
    assert "not a month" in reasons, reasons
    assert all(n["where"].startswith(("line ", "paragraph ")) for n in body["notices"]), "each notice names its line"


@pytest.mark.parametrize("name, data", CVS)
def test_cli_review(tmp_path, name, data):
    (tmp_path / "statement.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / name).write_bytes(data)
    result = subprocess.run([sys.executable, "-m", "reviewer", "review", str(tmp_path / "statement.txt"),
                             "--cv", str(tmp_path / name), "--format", "json"],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 1, "the exit code is that of the findings"
    check_review(json.loads(result.stdout))
    text = subprocess.run([sys.executable, "-m", "reviewer", "review", str(tmp_path / "statement.txt"),
                           "--cv", str(tmp_path / name)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert text.returncode == 1
    assert "could not be read" in text.stdout.lower() and "2023-13" in text.stdout


@pytest.mark.parametrize("name, data", CVS)
def test_api(client, name, data):
    response = client.post("/api/review", **multipart({"text": TEXT, "cv": (data, name)}))
    assert response.status_code == 200
    check_review(response.get_json())


@pytest.mark.parametrize("name, data", CVS)
def test_web_form(client, name, data):
    response = client.post("/review", **multipart({"text": TEXT, "cv": (data, name)}))
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "What could not be read" in page
    assert "2023-13" in page and "Grady Memorial Hospital" in page


@pytest.mark.parametrize("name, data", CVS)
def test_bulk_cli(tmp_path, name, data):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "amina.txt").write_text(TEXT, encoding="utf-8")
    (drafts / f"amina.{name}").write_bytes(data)
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "reviewer", "bulk", str(drafts), "--out", str(out), "--jobs", "1"],
                            capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 1, result.stdout + result.stderr  # findings, and no failed row
    check_review(json.loads((out / "amina.review.json").read_text(encoding="utf-8")))
    summary = (out / "summary.csv").read_text(encoding="utf-8")
    assert "notices" in summary.splitlines()[0] and "2023-13" in summary
    assert "2023-13" in (out / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("name, data", CVS)
def test_bulk_web(client, name, data):
    from werkzeug.datastructures import FileStorage, MultiDict
    from werkzeug.test import encode_multipart
    values = MultiDict([("files", FileStorage(io.BytesIO(TEXT.encode("utf-8")), "amina.txt")),
                        ("files", FileStorage(io.BytesIO(data), f"amina.{name}"))])
    boundary, body = encode_multipart(values)
    response = client.post("/bulk", data=body, content_type=f"multipart/form-data; boundary={boundary}")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Not reviewed" not in page
    assert "2023-13" in page, "the cohort row shows the notice"
