"""The "Compare two drafts" page: the form, the result, the downloads and the errors, all in memory."""
import base64
import io
import json

import docx
import pytest
from markupsafe import escape

from tests.compare.pairs import pairs
from tests.compare.test_twin_and_versions import twin_docx
from tests.helpers.web import comment_anchors, csrf_token, multipart

PAIR = next(p for p in pairs() if p.name.startswith("01_"))
FIELDS = {"old_text": PAIR.text("old"), "new_text": PAIR.text("new"), "step1": "fail_pass", "as_of": "2026-09"}


def test_the_form_is_in_the_menu_and_asks_for_both_drafts(client):
    page = client.get("/compare").get_data(as_text=True)
    assert '<a href="/compare" aria-current="page">Compare two drafts</a>' in page
    for field in ('name="old_text"', 'name="new_text"', 'name="old"', 'name="new"', 'name="cv"', 'name="view"'):
        assert field in page
    assert '<a href="/compare">Compare two drafts</a>' in client.get("/").get_data(as_text=True)


def test_pasted_drafts_show_the_finding_changes_first(client):
    response = client.post("/compare", data=FIELDS)
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    page = response.get_data(as_text=True)
    assert page.index("What the revision changed in the findings") < page.index("Measures before and after") \
        < page.index("The drafts sentence by sentence")
    assert "Resolved (1)" in page and "score.blame" in page
    assert '<link rel="stylesheet" href="/compare/compare.css">' in page and 'src="/compare/compare.js"' in page
    assert "<style>" not in page, "the page's CSP allows no inline style"
    assert f'value="{FIELDS["old_text"][:40]}' in page, "the download buttons post the drafts back"


def test_the_inline_view_can_be_chosen_without_javascript(client):
    page = client.post("/compare", data={**FIELDS, "view": "inline"}).get_data(as_text=True)
    assert 'class="aligned view-inline" data-view="inline"' in page


@pytest.mark.parametrize("fields, status, words", [
    ({"new_text": "I train in Atlanta."}, 400, "Paste the earlier draft or choose its file."),
    ({"old_text": "I train in Atlanta."}, 400, "Paste the later draft or choose its file."),
    ({**FIELDS, "as_of": "soon"}, 400, "The application month must be written as YYYY-MM"),
    ({**FIELDS, "step2_score": "999"}, 400, "The Step 2 CK score must be a number from 1 to 300."),
])
def test_errors_are_plain_sentences_and_keep_what_was_typed(client, fields, status, words):
    response = client.post("/compare", data=fields)
    assert response.status_code == status
    page = response.get_data(as_text=True)
    assert words in page and 'role="alert"' in page
    for name in ("old_text", "new_text"):
        if fields.get(name):
            assert str(escape(fields[name])) in page


def test_a_file_and_pasted_text_for_one_draft_are_refused(client):
    data = {**FIELDS, "old": (io.BytesIO(PAIR.text("old").encode()), "old.txt")}
    response = client.post("/compare", data=data, content_type="multipart/form-data")
    assert response.status_code == 400
    assert "For the earlier draft you pasted text and also chose a file" in response.get_data(as_text=True)
    assert "choose old.txt again" in response.get_data(as_text=True)


def test_uploads_a_saved_review_json_and_a_word_draft(client):
    saved = client.post("/api/review", json={"text": PAIR.text("old"), "as_of": "2026-09",
                                             "exams": ["USMLE Step 1=fail,pass"]}).get_data()
    data = {"old": (io.BytesIO(saved), "old.review.json"),
            "new": (io.BytesIO(twin_docx(PAIR.paragraphs("new"))), "draft.docx"),
            "step1": "fail_pass", "as_of": "2026-09"}
    page = client.post("/compare", data=data, content_type="multipart/form-data").get_data(as_text=True)
    assert "Comparison of old.review.json with draft.docx" in page
    assert "saved in its review JSON" in page and "Resolved (1)" in page
    assert 'name="new_b64"' in page and "Download your later .docx with Word comments" in page


def test_downloads_rebuild_the_comparison_from_the_posted_inputs(client):
    word = twin_docx(PAIR.paragraphs("new"))
    posted = {"old_text": PAIR.text("old"), "new_b64": base64.b64encode(word).decode(), "new_name": "draft.docx",
              "step1": "fail_pass", "as_of": "2026-09"}
    as_json = client.post("/compare/download/json", data=posted)
    assert as_json.status_code == 200 and "filename=draft.compare.json" in as_json.headers["Content-Disposition"]
    assert json.loads(as_json.data)["summary"]["resolved"] == 1
    as_html = client.post("/compare/download/html", data=posted)
    assert as_html.mimetype == "text/html" and as_html.get_data(as_text=True).startswith("<!DOCTYPE html>")
    as_docx = client.post("/compare/download/docx", data=posted)
    assert "filename=draft.compared.docx" in as_docx.headers["Content-Disposition"]
    document = docx.Document(io.BytesIO(as_docx.data))
    assert not list(document.comments), "nothing is still flagged in the revised draft of this pair"
    assert any(r.italic for r in document.paragraphs[0].runs)


def test_the_docx_download_comments_what_is_still_flagged(client):
    worse = next(p for p in pairs() if p.name.startswith("06_"))
    posted = {"old_text": worse.text("old"), "new_text": worse.text("new"), "step2_score": "212", "as_of": "2026-09"}
    document = docx.Document(io.BytesIO(client.post("/compare/download/docx", data=posted).data))
    anchors = comment_anchors(document)
    added = next(s for p in worse.data["new"] for s in p if s["from"] is None)["text"]
    texts = {anchors[c.comment_id]: c.text for c in document.comments}
    assert texts[added].startswith("New since the earlier draft:") and "(score.blame)" in texts[added]


def test_a_damaged_posted_back_file_is_a_plain_error(client):
    response = client.post("/compare/download/json", data={"old_text": "x", "new_b64": "%%%", "new_name": "a.docx"})
    assert response.status_code == 400
    assert "The file sent back with the download request was damaged" in response.get_data(as_text=True)


def test_the_form_needs_its_csrf_token(csrf_app):
    client = csrf_app.test_client()
    assert client.post("/compare", data=FIELDS).status_code == 400
    token = csrf_token(client.get("/compare").get_data(as_text=True))
    assert client.post("/compare", data={**FIELDS, "csrf_token": token}).status_code == 200


def test_the_bulk_page_takes_an_earlier_round_zip(client):
    from tests.helpers.cohort import BLAME, CLEAN, statement
    first = client.post("/bulk", data={"files": [(io.BytesIO(statement(BLAME).encode()), "ana.txt"),
                                                 (io.BytesIO(statement(CLEAN).encode()), "ben.txt")],
                                       "as_of": "2026-09", "action": "zip"}, content_type="multipart/form-data")
    assert first.status_code == 200
    second = client.post("/bulk", data={"files": [(io.BytesIO(statement(CLEAN).encode()), "ana.txt"),
                                                  (io.BytesIO(statement(CLEAN).encode()), "cara.txt")],
                                        "earlier": (io.BytesIO(first.data), "cohort-reports.zip"),
                                        "as_of": "2026-09", "action": "table"}, content_type="multipart/form-data")
    page = second.get_data(as_text=True)
    assert second.status_code == 200
    assert "New this round (1): cara.txt" in page and "Missing this round (1): ben" in page
    assert 'data-since="compared" data-worse' not in page and 'data-since="compared"' in page
    assert "resolved" in page and "Since the earlier round</th>" in page
    archive = base64.b64decode(page.split("data:application/zip;base64,")[1].split('"')[0])
    import zipfile
    assert "reports/ana.compare.html" in zipfile.ZipFile(io.BytesIO(archive)).namelist()


@pytest.mark.parametrize("earlier, words", [
    ((b"not a zip", "r1.txt"), "the earlier round must be the .zip this page returned"),
    ((b"PK\x03\x04 broken", "r1.zip"), "r1.zip is damaged"),
])
def test_an_earlier_round_that_is_not_the_zip_is_refused(client, earlier, words):
    data = {"files": [(io.BytesIO(b"I train in Atlanta, Georgia."), "ana.txt")],
            "earlier": (io.BytesIO(earlier[0]), earlier[1])}
    response = client.post("/bulk", data=data, content_type="multipart/form-data")
    assert response.status_code in (400, 415) and words in response.get_data(as_text=True)


def test_an_unknown_region_is_refused_plainly_even_when_both_sides_are_saved_reviews(client):
    from reviewer import review
    saved = json.dumps(review("I failed Step 1 once. I grew.", as_of="2026-09").to_dict()).encode()
    response = client.post("/compare", **multipart({"old": (saved, "a.review.json"), "new": (saved, "b.review.json"),
                                                   "region": "atlantis"}))
    assert response.status_code == 400 and "atlantis" in response.get_data(as_text=True)


def test_a_cv_larger_than_a_statement_does_not_block_the_comparison(client):
    """The statement limit bounds the drafts only; the CV is read within the request's limit, as on /review."""
    from web.inputs import STATEMENT_LIMIT
    cv = json.dumps({"applicant": {"name": "A"}, "experiences": [], "note": "x" * (STATEMENT_LIMIT + 10)}).encode()
    response = client.post("/compare", **multipart({"old_text": "I failed Step 1 once. I grew.",
                                                   "new_text": "I failed Step 1 once. I grew a lot.",
                                                   "cv": (cv, "cv.json")}))
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
