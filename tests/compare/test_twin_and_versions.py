"""A .docx and its .txt twin compare as the same draft; a review JSON saved with other rules says so."""
import json

import pytest

from reviewer import review
from reviewer.compare import compare, draft_from_bytes, from_review_json
from reviewer.errors import InputError
from tests.compare.pairs import AS_OF, pairs
from tests.helpers.web import make_docx

PAIR = next(p for p in pairs() if p.name.startswith("16_"))


def twin_docx(paragraphs: list[list[str]]) -> bytes:
    """A Word file of the same paragraphs, one run per sentence (the second one italic)."""
    return make_docx(paragraphs, bold_first=False)


@pytest.mark.parametrize("side", ["old", "new"])
def test_a_docx_and_its_txt_twin_are_the_same_draft(side):
    options = {"exams": PAIR.exams, "as_of": AS_OF}
    as_text = draft_from_bytes(PAIR.text(side).encode("utf-8"), "draft.txt", **options)
    as_word = draft_from_bytes(twin_docx(PAIR.paragraphs(side)), "draft.docx", **options)
    assert as_word.document.kind == "docx" and as_text.document.kind == "txt"
    comparison = compare(as_text, as_word)
    assert {p.change for p in comparison.pairs} == {"unchanged"} and not any(p.moved for p in comparison.pairs)
    assert len(comparison.pairs) == len(as_text.sentences)
    assert as_text.findings, "the twin test needs findings to follow"
    assert not comparison.resolved and not comparison.introduced
    assert len(comparison.still_open) == len(as_text.findings)
    assert comparison.exit_code == 0


def saved(side: str = "old") -> dict:
    return json.loads(json.dumps(review(PAIR.text(side), exams=PAIR.exams, as_of=AS_OF).to_dict()))


def test_a_saved_review_compares_as_the_review_it_was():
    new = review(PAIR.text("new"), exams=PAIR.exams, as_of=AS_OF)
    fresh = compare(review(PAIR.text("old"), exams=PAIR.exams, as_of=AS_OF), new)
    from_json = compare(from_review_json(saved(), "old.review.json"), new)
    assert [(c.status, c.rule) for c in from_json.findings] == [(c.status, c.rule) for c in fresh.findings]
    assert [(p.old, p.new, p.change) for p in from_json.pairs] == [(p.old, p.new, p.change) for p in fresh.pairs]
    assert not from_json.rules_differ
    assert any("saved in its review JSON" in n for n in from_json.notices)
    assert from_json.to_dict()["old"]["from"] == "review JSON"
    tie = {m.key: m for m in from_json.measures}
    assert tie["tie_places"].old == {m.key: m for m in fresh.measures}["tie_places"].old


def test_an_earlier_rule_version_is_named_and_its_retired_rules_are_not_compared():
    data = saved()
    blame = next(f for f in data["findings"] if f["rule"] == "score.blame")
    blame["rule"] = "score.excuses"  # a rule id of an earlier version, no longer in rules/
    too_long = next(f for f in data["findings"] if f["rule"] == "score.too_long")
    too_long["level"] = "error"  # the rule was an error then; it is a warning now
    new = review(PAIR.text("new"), exams=PAIR.exams, as_of=AS_OF)
    comparison = compare(from_review_json(data, "round1.review.json"), new)
    assert comparison.rules_differ
    [retired] = comparison.retired
    assert retired.rule == "score.excuses" and retired.new is None
    assert "score.excuses" not in {c.rule for c in comparison.resolved + comparison.still_open + comparison.introduced}
    notes = " ".join(comparison.notices)
    assert "made with other rules" in notes and "score.excuses" in notes
    assert "score.too_long was an error then and is a warning now" in notes
    summary = comparison.to_dict()["summary"]
    assert summary["retired"] == 1 and summary["rules_differ"] is True
    from reviewer.compare.render_text import render_text
    assert "Not compared (a rule retired or turned off) (1)" in render_text(comparison)


@pytest.mark.parametrize("body, words", [
    (b'{"schema": "reviewer.compare/1"}', "a comparison of two drafts"),
    (b'{"schema": "reviewer.review/2", "text": "x"}', "does not read (reviewer.review/2"),
    (b'{"findings": []}', 'no "schema"'),
    (b'[1, 2]', "not a review"),
    (b'{"schema": "reviewer.review/1"', "not valid JSON (line 1"),
    (b'\xff\xfe{}', "not UTF-8"),
    (b'{"schema": "reviewer.review/1", "text": "Hi.", "sentences": [{"start": 0, "end": 99, "labels": []}], '
     b'"findings": []}', "sentence 1: its offsets 0-99 fall outside the text"),
    (b'{"schema": "reviewer.review/1", "text": "Hi.", "sentences": [], "findings": [{"rule": "a.b", '
     b'"level": "fatal"}]}', "level 'fatal' is not one of"),
])
def test_a_json_that_is_not_a_review_says_why(body, words):
    with pytest.raises(InputError) as caught:
        draft_from_bytes(body, "old.json")
    assert words in str(caught.value) and "old.json" in str(caught.value)


def test_a_rule_turned_off_now_is_not_compared_and_a_notice_says_so():
    """A saved review keeps its score.blame findings; with the rule turned off for the side reviewed now they
    would otherwise read as resolved."""
    data = saved()
    assert any(f["rule"] == "score.blame" for f in data["findings"])
    old = from_review_json(data, "round1.review.json")
    new = review(PAIR.text("old"), exams=PAIR.exams, as_of=AS_OF, disabled={"score.blame"})
    comparison = compare(old, new, disabled={"score.blame"})
    assert "score.blame" not in {c.rule for c in comparison.resolved}
    assert {c.rule for c in comparison.retired} == {"score.blame"}
    assert any("score.blame is turned off" in n for n in comparison.notices)
