"""`reviewer compare` end to end: the formats, the exit codes, the messages for inputs it cannot read."""
import io
import json
import re

import docx
import pytest

from reviewer.cli import main
from tests.compare.pairs import AS_OF, pairs
from tests.compare.test_twin_and_versions import twin_docx
from tests.helpers.web import comment_anchors

BY_NAME = {p.name: p for p in pairs()}


def write_pair(folder, name: str) -> tuple[str, str, list[str]]:
    pair = BY_NAME[name]
    old, new = folder / "old.txt", folder / "new.txt"
    old.write_text(pair.text("old"), encoding="utf-8")
    new.write_text(pair.text("new"), encoding="utf-8")
    exams = [arg for flag in pair.data["exams"] for arg in ("--exam", flag)]
    return str(old), str(new), exams + ["--as-of", AS_OF]


@pytest.mark.parametrize("name, code", [("06_worse_downplaying_sentence_added", 1), ("01_blame_sentence_fixed", 0),
                                        ("08_identical_drafts", 0), ("07_worse_georgia_ties_removed", 0)])
def test_exit_code_says_whether_a_warning_or_error_is_new(tmp_path, capsys, name, code):
    old, new, options = write_pair(tmp_path, name)
    assert main(["compare", old, new, *options]) == code
    out = capsys.readouterr().out
    assert out.startswith("Comparison of old.txt (earlier) with new.txt (later)")
    assert ("worse: a warning or error is new" in out) == (code == 1)


def test_text_output_lists_the_changes_measures_and_edited_words(tmp_path, capsys):
    old, new, options = write_pair(tmp_path, "01_blame_sentence_fixed")
    main(["compare", old, new, *options])
    out = capsys.readouterr().out
    assert "Findings: 1 resolved, 0 new, 0 still open" in out
    assert "[error] score.blame" in out and "those sentences were removed or rewritten" not in out
    assert re.search(r"Sentences that blame\s+1\s+0\s+-1 \(better\)", out)
    assert "[edited] now 10, earlier 10 (score, blame -> score" in out
    flat = " ".join(out.split())  # lines are wrapped for the terminal
    assert "[-The exam fell during a national fuel shortage," in flat and "-]{+I had prepared alone," in flat


def test_json_output_follows_the_documented_schema(tmp_path, capsys):
    old, new, options = write_pair(tmp_path, "16_passage_trimmed_deblamed_but_moved_to_opening")
    assert main(["compare", old, new, *options, "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "reviewer.compare/1"
    assert list(data) == ["schema", "old", "new", "summary", "findings", "sentences", "measures", "notices"]
    assert data["summary"] == {"resolved": 3, "new": 1, "open": 1, "retired": 0, "worse": True, "exit_code": 1,
                               "rules_differ": False,
                               "sentences": {"unchanged": 25, "edited": 2, "added": 0, "removed": 1, "moved": 4}}
    new_finding = next(f for f in data["findings"] if f["status"] == "new")
    assert new_finding["rule"] == "score.dominates" and new_finding["old"] is None
    assert new_finding["sentences"] == {"old": [14, 16, 17, 18], "new": [0, 1, 2, 3]}
    first = data["sentences"][0]
    assert first["change"] == "edited" and first["moved"] and first["old"]["number"] == 15
    assert ["insert", "want "] in first["words"] and first["how"] == "similar words"
    assert {m["measure"] for m in data["measures"]} >= {"passage_sentences", "passage_share", "blame",
                                                        "growth_in_passage", "ties", "tie_places",
                                                        "specialty_motivation", "words", "characters",
                                                        "flesch_reading_ease"}


def test_a_saved_review_json_can_stand_for_either_side(tmp_path, capsys):
    old, new, options = write_pair(tmp_path, "01_blame_sentence_fixed")
    saved = tmp_path / "old.review.json"
    main(["review", old, *options, "--format", "json", "-o", str(saved)])
    assert main(["compare", str(saved), new, *options, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["old"]["from"] == "review JSON" and data["old"]["name"] == "old.review.json"
    assert data["summary"]["resolved"] == 1


def test_html_is_one_self_contained_page(tmp_path):
    old, new, options = write_pair(tmp_path, "04_atlanta_praise_made_concrete")
    out = tmp_path / "c.html"
    main(["compare", old, new, *options, "--format", "html", "-o", str(out)])
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page and "<script>" in page
    assert not re.search(r'(src|href)="(https?:)?//', page), "nothing is fetched from elsewhere"
    assert "<ins>" in page and "<del>" in page and "Resolved (1)" in page


def test_docx_comments_sit_on_the_still_flagged_sentences_of_the_new_draft(tmp_path):
    old, new, options = write_pair(tmp_path, "16_passage_trimmed_deblamed_but_moved_to_opening")
    out = tmp_path / "c.docx"
    assert main(["compare", old, new, *options, "--format", "docx", "-o", str(out)]) == 1
    document = docx.Document(io.BytesIO(out.read_bytes()))
    anchors = comment_anchors(document)
    by_anchor = {anchors[c.comment_id]: c.text for c in document.comments}
    pair = BY_NAME["16_passage_trimmed_deblamed_but_moved_to_opening"]
    opening = pair.paragraphs("new")[0][0]
    praise = next(s for p in pair.paragraphs("new") for s in p if "exciting, diverse city" in s)
    assert set(by_anchor) == {opening, praise}
    assert by_anchor[opening].startswith("New since the earlier draft: The score passage takes")
    assert "(score.dominates)" in by_anchor[opening]
    assert by_anchor[praise].startswith("Carried over from the earlier draft (sentence 23 there):")
    assert [p.text for p in document.paragraphs] == [" ".join(p) for p in pair.paragraphs("new")]


def test_a_word_draft_comes_back_as_itself_with_comments(tmp_path):
    pair = BY_NAME["06_worse_downplaying_sentence_added"]
    old = tmp_path / "old.txt"
    old.write_text(pair.text("old"), encoding="utf-8")
    new = tmp_path / "new.docx"
    new.write_bytes(twin_docx(pair.paragraphs("new")))
    out = tmp_path / "c.docx"
    assert main(["compare", str(old), str(new), "--exam", "USMLE Step 2 CK=212", "--as-of", AS_OF,
                 "--format", "docx", "-o", str(out)]) == 1
    document = docx.Document(io.BytesIO(out.read_bytes()))
    assert any(r.italic for r in document.paragraphs[0].runs), "the Word file's own formatting is kept"
    texts = [c.text for c in document.comments]
    assert any(t.startswith("New since the earlier draft:") and "(score.blame)" in t for t in texts)
    blamed = next(s for p in pair.data["new"] for s in p if s["from"] is None)["text"]
    assert blamed in set(comment_anchors(document).values())


@pytest.mark.parametrize("args, words", [
    (["missing.txt", "{new}"], "missing.txt: cannot be read"),
    (["{old}", "{new}", "--format", "docx"], "--format docx writes a Word file: give -o OUT.docx"),
    (["{old}", "{pdf}"], ".pdf is not a side we compare"),
    (["{old}", "{bad}"], "not valid JSON"),
    (["{old}", "{new}", "--as-of", "soon"], "as-of 'soon' is not a month"),
    (["{old}", "{new}", "--exam", "Step 1=maybe"], "'maybe' is neither pass, fail nor a score"),
])
def test_inputs_that_cannot_be_read_exit_2_with_one_line(tmp_path, capsys, args, words):
    old, new, _ = write_pair(tmp_path, "01_blame_sentence_fixed")
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    paths = {"old": old, "new": new, "pdf": str(tmp_path / "x.pdf"), "bad": str(tmp_path / "bad.json")}
    assert main(["compare", *[a.format(**paths) for a in args]]) == 2
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1 and "Traceback" not in err
