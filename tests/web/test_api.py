"""POST /api/review answers exactly the review JSON of DESIGN.md; /api/openapi.json describes it."""
import io
import json

import pytest

from reviewer import review
from reviewer.inputs import from_text

from tests.helpers.web import MODEL_SAMPLE, TEST_CV, sample_text

TOP_KEYS = ["schema", "source", "text", "profile", "sentences", "passage", "findings", "metrics", "cv"]
SENTENCE_KEYS = {"index", "paragraph", "start", "end", "text", "labels"}  # and the optional number, evidence
FINDING_KEYS = {"rule", "level", "message", "why", "fix", "source", "start", "end", "sentences"}
LABELS = {"score_disclosure", "blame", "growth", "regional_tie", "specialty_motivation"}


def check_contract(body: dict, text: str) -> None:
    made_with = ["as_of", "region", "disabled"]  # optional additions (docs/review-json.md)
    assert list(body) in (TOP_KEYS + made_with, TOP_KEYS + made_with + ["notices"]), \
        "the contract's keys in order, then the additions; notices only when there are some"
    for notice in body.get("notices", []):
        assert set(notice) == {"source", "where", "text", "reason"} and notice["reason"]
    assert body["schema"] == "reviewer.review/1"
    assert body["text"] == text
    assert set(body["source"]) == {"name", "kind", "characters", "words", "paragraphs"}
    assert body["source"]["characters"] == len(text)
    assert body["source"]["words"] == len(text.split()) == body["metrics"]["words"]
    assert body["metrics"]["characters"] == len(text)
    assert "flesch_reading_ease" in body["metrics"]
    assert set(body["passage"]) == {"sentences", "words", "share"}
    for i, s in enumerate(body["sentences"]):
        assert SENTENCE_KEYS <= set(s) <= SENTENCE_KEYS | {"number", "evidence"}
        assert s["number"] == s["index"] + 1
        assert s["index"] == i
        assert text[s["start"]:s["end"]] == s["text"], "offsets slice text back to the sentence"
        assert set(s["labels"]) <= LABELS
    for f in body["findings"]:
        assert FINDING_KEYS <= set(f) <= FINDING_KEYS | {"unsure", "rule_level"}
        assert f["level"] in ("suggestion", "warning", "error")
        assert all(0 <= i < len(body["sentences"]) for i in f["sentences"])
        if f["start"] is not None:
            assert 0 <= f["start"] < f["end"] <= len(text)


def test_json_body_gives_the_review_json(client):
    text = sample_text(MODEL_SAMPLE)
    response = client.post("/api/review", json={"text": text, "as_of": "2026-09"})
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    body = response.get_json()
    check_contract(body, text)
    assert body == json.loads(json.dumps(review(from_text(text, "text"), as_of="2026-09").to_dict()))
    assert body["profile"] is None and body["cv"] is None
    assert any(s["labels"] for s in body["sentences"])


def test_json_body_with_cv_object_exams_and_disabled_rules(client):
    text = sample_text(MODEL_SAMPLE)
    response = client.post("/api/review", json={"text": text, "cv": TEST_CV, "as_of": "2026-09",
                                                "exams": ["Step 2 CK=209"], "disable": ["region.generic"]})
    assert response.status_code == 200
    body = response.get_json()
    check_contract(body, text)
    assert body["profile"]["flagged"] is True
    assert any("209" in reason for reason in body["profile"]["reasons"])
    assert [g["months"] for g in body["cv"]["gaps"]] == [8]
    assert body["cv"]["overlaps"] and body["cv"]["overlaps"][0]["entries"] == [1, 2]
    assert {"cv.gap", "cv.overlap"} <= {f["rule"] for f in body["findings"]}
    assert "region.generic" not in {f["rule"] for f in body["findings"]}


def test_multipart_upload(client, blame_docx, cv_json):
    response = client.post("/api/review", data={
        "statement": (io.BytesIO(blame_docx), "draft.docx"), "cv": (io.BytesIO(cv_json), "cv.json"),
        "as_of": "2026-09", "exams": "Step 2 CK=230"}, content_type="multipart/form-data")
    assert response.status_code == 200
    body = response.get_json()
    check_contract(body, body["text"])
    assert body["source"]["name"] == "draft.docx" and body["source"]["kind"] == "docx"
    assert "score.blame" in {f["rule"] for f in body["findings"]}
    assert body["cv"]["gaps"]


def test_multipart_pasted_text(client):
    text = "I chose family medicine in Decatur, Georgia.\n\nMy aunt lives in Clarkston."
    response = client.post("/api/review", data={"text": text}, content_type="multipart/form-data")
    assert response.status_code == 200
    check_contract(response.get_json(), text)


@pytest.mark.parametrize("payload, status, words", [
    ({}, 400, "text"),
    ({"text": "   "}, 400, "text"),
    ({"text": "A statement.", "as_of": "September"}, 400, "YYYY-MM"),
    ({"text": "A statement.", "disable": ["no.such_rule"]}, 400, "no.such_rule"),
    ({"text": "A statement.", "exams": ["Step 1=maybe"]}, 400, "maybe"),
    ({"text": "x" * 200_001}, 413, "characters"),
])
def test_json_errors_are_plain_sentences(client, payload, status, words):
    response = client.post("/api/review", json=payload)
    assert response.status_code == status
    body = response.get_json()
    assert body["status"] == status
    assert words.lower() in body["error"].lower()
    assert "Traceback" not in body["error"]


@pytest.mark.parametrize("cv, where, words", [
    ("not an object", "the CV", "not an object"),
    ({"experiences": [{"type": "clinical"}]}, "experience 1", "left out"),
    ({"experiences": [{"title": "Observer", "organization": "Grady", "start": "2023-13"}]}, "experience 1", "month"),
])
def test_a_cv_problem_is_a_notice_not_a_refusal(client, cv, where, words):
    text = "I chose family medicine in Decatur, Georgia.\n\nMy aunt lives in Clarkston."
    response = client.post("/api/review", json={"text": text, "cv": cv})
    assert response.status_code == 200
    body = response.get_json()
    check_contract(body, text)
    assert body["sentences"], "the statement was reviewed in full"
    notices = [n for n in body["notices"] if n["source"] == "cv"]
    assert notices and notices[0]["where"].startswith(where)
    assert words in notices[0]["reason"]


def test_wrong_content_type_is_415(client):
    response = client.post("/api/review", data="text=hello", content_type="text/plain")
    assert response.status_code == 415
    assert response.get_json()["status"] == 415


def test_broken_json_is_400(client):
    response = client.post("/api/review", data="{not json", content_type="application/json")
    assert response.status_code == 400
    assert "JSON" in response.get_json()["error"]


def test_api_needs_no_csrf_token(csrf_app):
    response = csrf_app.test_client().post("/api/review", json={"text": "I chose pediatrics in Atlanta."})
    assert response.status_code == 200


def test_api_unknown_address_and_method_are_json(client):
    assert client.get("/api/nothing").get_json()["status"] == 404
    response = client.get("/api/review")
    assert response.status_code == 405 and response.get_json()["status"] == 405


def test_openapi_describes_the_endpoint(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    spec = response.get_json()
    assert spec["openapi"].startswith("3.")
    operation = spec["paths"]["/api/review"]["post"]
    assert {"application/json", "multipart/form-data"} <= set(operation["requestBody"]["content"])
    assert {"200", "400", "413", "415"} <= set(operation["responses"])
    review_schema = spec["components"]["schemas"]["Review"]
    assert review_schema["required"] == TOP_KEYS


def test_openapi_names_every_field_the_answer_has(client):
    """The description lists the optional additions too: every key of a real answer is described."""
    spec = client.get("/api/openapi.json").get_json()["components"]["schemas"]["Review"]
    answer = client.post("/api/review", json={"text": "I failed Step 1 once and I blamed nobody. I chose Atlanta.",
                                              "cv": {"applicant": {"name": "A"}, "experiences": [
                                                  {"title": "Observer", "start": "2023-13", "end": "2024-01"}]}})
    data = answer.get_json()
    assert set(data) <= set(spec["properties"]), set(data) - set(spec["properties"])
    for sentence in data["sentences"]:
        assert set(sentence) <= set(spec["properties"]["sentences"]["items"]["properties"])
