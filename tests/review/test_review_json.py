"""The review JSON against DESIGN.md: every field, and offsets that slice the text back."""
import json

import pytest

from reviewer import review
from reviewer.inputs.profile import parse_exam_flag
from tests.helpers.corpus import CORPUS, ROOT, corpus_text

FINDING_KEYS = {"rule", "level", "message", "why", "fix", "source", "start", "end", "sentences"}
REVIEW_KEYS = {"schema", "source", "text", "profile", "sentences", "passage", "findings", "metrics", "cv"}
# The optional additions of docs/review-json.md: other tools may ignore them, and nothing else may appear.
OPTIONAL_REVIEW_KEYS = {"as_of", "region", "disabled", "notices"}
OPTIONAL_FINDING_KEYS = {"unsure", "rule_level"}
LEVELS = ["suggestion", "warning", "error"]


def check_contract(data):
    assert REVIEW_KEYS <= set(data) <= REVIEW_KEYS | OPTIONAL_REVIEW_KEYS
    assert data["schema"] == "reviewer.review/1"
    assert set(data["source"]) == {"name", "kind", "characters", "words", "paragraphs"}
    assert data["source"]["characters"] == len(data["text"])
    assert data["source"]["words"] == len(data["text"].split())
    text = data["text"]
    for i, s in enumerate(data["sentences"]):
        required = {"index", "paragraph", "start", "end", "text", "labels"}
        assert required <= set(s) <= required | {"number", "evidence"}  # the optional fields DESIGN.md allows
        assert s["index"] == i and s["number"] == i + 1
        assert set(s.get("evidence", {})) == set(s["labels"])  # every label explains itself
        for evidence in s.get("evidence", {}).values():
            assert 0 <= evidence["confidence"] <= 1 and isinstance(evidence["decided_by_neighbours"], bool)
        assert text[s["start"]:s["end"]] == s["text"]
        assert set(s["labels"]) <= {"score_disclosure", "blame", "growth", "regional_tie", "specialty_motivation"}
    paragraphs = [s["paragraph"] for s in data["sentences"]]
    assert paragraphs == sorted(paragraphs)
    assert set(data["passage"]) == {"sentences", "words", "share"}
    assert data["passage"]["sentences"] == [s["index"] for s in data["sentences"] if "score_disclosure" in s["labels"]]
    for f in data["findings"]:
        assert FINDING_KEYS <= set(f) <= FINDING_KEYS | OPTIONAL_FINDING_KEYS
        if f.get("unsure"):  # shown below its rule's level, which it names
            assert LEVELS.index(f["level"]) < LEVELS.index(f["rule_level"])
        assert f["level"] in ("suggestion", "warning", "error")
        if f["start"] is not None:
            assert 0 <= f["start"] < f["end"] <= len(text)
        for i in f["sentences"]:
            assert 0 <= i < len(data["sentences"])
    assert {"words", "characters", "flesch_reading_ease"} <= set(data["metrics"])
    if data["profile"] is not None:
        assert set(data["profile"]) == {"flagged", "reasons"}
    json.dumps(data)


@pytest.mark.parametrize("path", [p for p in sorted(CORPUS.glob("[abcd][0-9][0-9]_*.json")) if not p.name.endswith(".cv.json")][:12], ids=lambda p: p.stem)
def test_corpus_reviews_follow_the_contract(path):
    check_contract(review(corpus_text(path)).to_dict())


def test_plain_text_is_the_input_as_read(tmp_path):
    raw = "  I chose pediatrics.\r\n\r\nMy family lives in Decatur, Georgia.  \n"
    path = tmp_path / "draft.txt"
    path.write_bytes(raw.encode("utf-8"))
    data = review(path).to_dict()
    check_contract(data)
    assert data["text"] == raw
    assert data["source"] == {"name": "draft.txt", "kind": "txt", "characters": len(raw), "words": 9, "paragraphs": 2}


def test_docx_review_follows_the_contract():
    data = review(ROOT / "samples" / "docx" / "tracked_changes.docx").to_dict()
    check_contract(data)
    assert data["source"]["kind"] == "docx"


def test_profile_is_null_without_exam_facts_and_filled_with_them():
    text = "I chose family medicine because I love continuity. I volunteer in Clarkston."
    assert review(text).to_dict()["profile"] is None
    flagged = review(text, exams=parse_exam_flag("USMLE Step 1=fail,pass")).to_dict()
    assert flagged["profile"]["flagged"] is True
    assert any("Step 1" in r for r in flagged["profile"]["reasons"])
    assert "score.not_addressed" in {f["rule"] for f in flagged["findings"]}


def test_passage_share_and_words():
    text = ("I chose internal medicine because I love careful reasoning.\n\n"
            "I failed Step 1 on my first attempt. I rebuilt my study plan and passed on my second attempt.\n\n"
            "My family lives in Decatur and I hope to practice in Georgia.")
    data = review(text).to_dict()
    assert data["passage"]["sentences"] == [1, 2]
    words = len("I failed Step 1 on my first attempt. I rebuilt my study plan and passed on my second attempt.".split())
    assert data["passage"]["words"] == words
    assert data["passage"]["share"] == round(words / len(text.split()), 3)


def test_disabled_rule_is_silent_and_unknown_rule_is_an_error():
    text = "I chose pediatrics because children are honest. Atlanta is a vibrant city."
    assert "region.generic" in review(text).fired()
    assert "region.generic" not in review(text, disabled=["region.generic"]).fired()
    with pytest.raises(Exception, match="unknown rule id"):
        review(text, disabled=["region.nonexistent"])


def test_the_optional_additions_say_what_the_review_was_made_with():
    data = review("I failed Step 1 once. I chose family medicine in Macon, Georgia.", as_of="2025-11",
                  disabled=["region.generic"]).to_dict()
    check_contract(data)
    assert (data["as_of"], data["region"], data["disabled"]) == ("2025-11", "georgia", ["region.generic"])


def test_the_corpus_reviews_use_the_optional_finding_fields_within_the_contract():
    """Some corpus review lowers a finding it is unsure of (the contract test then checks its fields)."""
    from tests.helpers.corpus import statement_files
    unsure = []
    for path in statement_files("corpus", "fresh"):
        data = review(corpus_text(path), as_of="2026-09").to_dict()
        unsure += [f for f in data["findings"] if f.get("unsure")]
        check_contract(data)
    assert unsure, "no corpus review has a finding worth a second look"
