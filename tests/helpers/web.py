"""Fixtures for the web app's tests (imported by conftest.py): the app, its client, and test files made in memory."""
from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "samples" / "corpus"
BLAME_SAMPLE = CORPUS / "a04_pakistan_fm_excuses_blame.json"
MODEL_SAMPLE = CORPUS / "a01_nigeria_im_model_disclosure.json"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

TEST_CV = {
    "applicant": {"name": "Test Applicant", "graduation": "2019-06",
                  "exams": [{"exam": "USMLE Step 1", "result": "fail", "date": "2020-01"},
                            {"exam": "USMLE Step 1", "result": "pass", "date": "2020-08"}]},
    "experiences": [
        {"type": "clinical", "title": "House officer", "organization": "Lagos University Teaching Hospital",
         "city": "Lagos", "country": "Nigeria", "start": "2019-07", "end": "2020-12", "hours_per_week": 60},
        {"type": "research", "title": "Research assistant", "organization": "Emory University",
         "city": "Atlanta", "state": "GA", "country": "USA", "start": "2020-10", "end": "2021-06", "hours_per_week": 40},
        {"type": "clinical", "title": "Observer", "organization": "Grady Memorial Hospital",
         "city": "Atlanta", "state": "GA", "country": "USA", "start": "2022-03", "end": None, "hours_per_week": 20},
    ],
}


def sample_paragraphs(path: Path = BLAME_SAMPLE) -> list[list[str]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [[s["text"] for s in p] for p in data["paragraphs"]]


def sample_text(path: Path = BLAME_SAMPLE) -> str:
    """A corpus statement as DESIGN.md defines it: sentences joined by a space, paragraphs by a blank line."""
    return "\n\n".join(" ".join(p) for p in sample_paragraphs(path))


def make_docx(paragraphs: list[list[str]], bold_first: bool = True) -> bytes:
    """A Word file, one run per sentence; each paragraph's first sentence bold, the second italic."""
    import docx
    document = docx.Document()
    for sentences in paragraphs:
        paragraph = document.add_paragraph()
        for i, sentence in enumerate(sentences):
            run = paragraph.add_run(sentence + (" " if i < len(sentences) - 1 else ""))
            run.bold = bold_first and i == 0
            run.italic = i == 1
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def zip_bomb_docx() -> bytes:
    """A real .docx with one extra member that expands a thousandfold when unzipped."""
    source = zipfile.ZipFile(io.BytesIO(make_docx([["A short statement."]])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr("word/media/padding.bin", b"\0" * (8 * 1024 * 1024))
    return out.getvalue()


def comment_anchors(document) -> dict[int, str]:
    """comment id -> the document text between its commentRangeStart and commentRangeEnd (deletions left out)."""
    open_ids, texts = set(), {}
    for node in document.element.body.iter():
        tag = node.tag
        if tag == W + "commentRangeStart":
            cid = int(node.get(W + "id"))
            open_ids.add(cid)
            texts[cid] = ""
        elif tag == W + "commentRangeEnd":
            open_ids.discard(int(node.get(W + "id")))
        elif tag in (W + "t", W + "tab", W + "br") and open_ids:
            if any(a.tag == W + "del" for a in node.iterancestors()):
                continue
            piece = node.text or "" if tag == W + "t" else ("\t" if tag == W + "tab" else "\n")
            for cid in open_ids:
                texts[cid] += piece
    return texts


def multipart(fields: dict) -> dict:
    """Keyword arguments for a test-client post of a large multipart body built in memory.

    (werkzeug's test client spools big bodies to a temporary file it never closes.)
    """
    boundary = "----reviewer-test-boundary"
    body = b""
    for field, value in fields.items():
        if isinstance(value, str):  # a plain field
            body += f"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"\r\n\r\n{value}\r\n".encode()
            continue
        data, name = value
        body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\n"
                 "Content-Type: application/octet-stream\r\n\r\n").encode() + data + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    return {"data": body, "content_type": f"multipart/form-data; boundary={boundary}"}


def csrf_token(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


WEB_TEST_CONFIG = {"TESTING": True, "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False}


@pytest.fixture(scope="session")
def web_app():
    from web import create_app
    return create_app(dict(WEB_TEST_CONFIG))


@pytest.fixture()
def client(web_app):
    return web_app.test_client()


@pytest.fixture(scope="session")
def csrf_app():
    """The app as served: CSRF protection on (rate limit still off so tests do not interfere)."""
    from web import create_app
    return create_app({"TESTING": True, "RATELIMIT_ENABLED": False})


@pytest.fixture(scope="session")
def blame_docx() -> bytes:
    return make_docx(sample_paragraphs(BLAME_SAMPLE))


@pytest.fixture(scope="session")
def cv_json() -> bytes:
    return json.dumps(TEST_CV).encode("utf-8")
