"""`reviewer bulk` end to end: a mixed cohort in, every report out, the same bytes whatever --jobs."""
import csv
import io
import json
from html.parser import HTMLParser

import docx
import pytest

from tests.helpers.cohort import BLAME, CLEAN, CORPUS, DOCX_MARKER, make_cohort, statement
from tests.helpers.web import comment_anchors
from reviewer.bulk.progress import Progress
from reviewer.cli import main

AS_OF = "2026-09"
REVIEWED = {"=1+1.txt": "1_1", "group1/ana.docx": "ana", "group1/ben.txt": "ben", "group2/ana.txt": "ana-2"}
FAILED = {"group1/corrupt.docx": "damaged", "group1/notes.pdf": "not a format we read"}
OUTPUTS = ("review.json", "review.html", "commented.docx")


@pytest.fixture(scope="module")
def cohort(tmp_path_factory):
    root = tmp_path_factory.mktemp("bulk")
    drafts, cvs = make_cohort(root)
    codes = {}
    for jobs in (1, 2):
        codes[jobs] = main(["bulk", str(drafts), "--cv-dir", str(cvs), "--out", str(root / f"out{jobs}"),
                            "--jobs", str(jobs), "--as-of", AS_OF, "--quiet"])
    return root, codes


@pytest.fixture(scope="module")
def out(cohort):
    return cohort[0] / "out1"


@pytest.fixture(scope="module")
def rows(out):
    text = (out / "summary.csv").read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def by_file(rows):
    return {r["file"].lstrip("'"): r for r in rows}


def test_one_bad_file_never_stops_the_batch_and_the_exit_code_says_so(cohort):
    assert cohort[1] == {1: 2, 2: 2}


def test_summary_rows_columns_and_order(out, rows, rulebook):
    assert [r["file"] for r in rows] == ["'=1+1.txt", "group1/ana.docx", "group1/ben.txt", "group1/corrupt.docx",
                                         "group1/notes.pdf", "group2/ana.txt"]
    rule_ids = [r.id for r in rulebook.findable()]
    assert list(rows[0]) == ["file", "cv", "words", "passage_sentences", "share", *rule_ids,
                             "errors", "warnings", "suggestions", "error"]
    for row in rows:
        assert all(row[rule] in ("0", "1") for rule in rule_ids) or row["error"]


def test_rows_match_each_review_json(out, rows, rulebook):
    rule_ids = [r.id for r in rulebook.findable()]
    for path, stem in REVIEWED.items():
        row = by_file(rows)[path]
        review = json.loads((out / f"{stem}.review.json").read_text(encoding="utf-8"))
        fired = {f["rule"] for f in review["findings"]}
        assert {rule for rule in rule_ids if row[rule] == "1"} == fired
        assert int(row["words"]) == review["metrics"]["words"]
        assert int(row["passage_sentences"]) == len(review["passage"]["sentences"])
        assert float(row["share"]) == pytest.approx(review["passage"]["share"], abs=0.0005)
        levels = [f["level"] for f in review["findings"]]
        assert (int(row["errors"]), int(row["warnings"])) == (levels.count("error"), levels.count("warning"))
        assert row["error"] == ""


def test_cvs_pair_beside_and_from_cv_dir(rows):
    rows = by_file(rows)
    assert rows["group1/ana.docx"]["cv"] == "group1/ana.cv.json"
    assert rows["group1/ben.txt"]["cv"] == "ben.cv.json"
    assert rows["group2/ana.txt"]["cv"] == ""
    assert rows["group1/ben.txt"]["score.blame"] == "1"
    assert rows["group1/ana.docx"]["errors"] == rows["group1/ana.docx"]["warnings"] == "0"


def test_failed_rows_say_why_and_write_no_reports(out, rows):
    rows = by_file(rows)
    for path, reason in FAILED.items():
        assert reason in rows[path]["error"]
        assert rows[path]["words"] == ""
    assert not list(out.glob("corrupt.*")) and not list(out.glob("notes.*"))


def test_every_applicant_gets_every_file_and_nothing_else(out):
    expected = {f"{stem}.{suffix}" for stem in REVIEWED.values() for suffix in OUTPUTS}
    assert {p.name for p in out.iterdir()} == expected | {"summary.csv", "index.html"}


def test_json_is_the_single_review_json(out, tmp_path):
    single = tmp_path / "ben.json"
    source = tmp_path / "ben.txt"
    source.write_text(statement(BLAME), encoding="utf-8")
    main(["review", str(source), "--format", "json", "--as-of", AS_OF, "-o", str(single),
          "--cv", str(out.parent / "cvs" / "ben.cv.json")])
    assert (out / "ben.review.json").read_bytes() == single.read_bytes()


def test_word_files_carry_comments_on_the_flagged_sentences(out):
    review = json.loads((out / "ben.review.json").read_text(encoding="utf-8"))
    data = (out / "ben.commented.docx").read_bytes()
    comments = list(docx.Document(io.BytesIO(data)).comments)
    assert comments, "a statement with findings gets comments"
    text = "\n".join(c.text for c in comments)
    for finding in review["findings"]:
        assert finding["rule"] in text
    flagged = {review["sentences"][i]["text"] for f in review["findings"] for i in f["sentences"]}
    anchored = [t for t in comment_anchors(docx.Document(io.BytesIO(data))).values() if t]
    assert anchored and all(any(a in s or s in a for s in flagged) for a in anchored)


def test_a_docx_statement_comes_back_as_the_applicants_own_document(out):
    document = docx.Document(io.BytesIO((out / "ana.commented.docx").read_bytes()))
    assert document.paragraphs[0].text == DOCX_MARKER  # the heading the reviewer does not produce itself
    body = "\n\n".join(p.text for p in document.paragraphs[1:])
    assert body == statement(CLEAN)


def test_html_reports_are_self_contained_pages(out):
    page = (out / "ben.review.html").read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html")
    assert "http://" not in page.split("<body", 1)[0] and "src=\"http" not in page


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.rows = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            self.links.append(attrs["href"])
        if tag == "tr" and "data-file" in attrs:
            self.rows.append((attrs["data-file"], attrs.get("data-rules", ""), attrs.get("class")))


def test_index_links_every_report_and_marks_every_rule(out, rows):
    parser = Links()
    parser.feed((out / "index.html").read_text(encoding="utf-8"))
    assert sorted(parser.links) == sorted(f"{stem}.{s}" for stem in REVIEWED.values() for s in OUTPUTS)
    assert all((out / link).is_file() for link in parser.links)
    assert [r[0] for r in parser.rows] == [r["file"].lstrip("'") for r in rows]
    csv_rows = by_file(rows)
    for file, fired, cls in parser.rows:
        row = csv_rows[file]
        assert set(fired.split()) == {k for k, v in row.items() if v == "1" and "." in k}
        assert (cls == "failed") == (file in FAILED)


def test_the_unused_cv_is_reported(out):
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "CVs not used" in page and "zed.cv.json: no statement named zed.docx" in page


def test_jobs_do_not_change_a_byte(cohort):
    root = cohort[0]
    one, two = root / "out1", root / "out2"
    assert (one / "summary.csv").read_bytes() == (two / "summary.csv").read_bytes()
    assert (one / "index.html").read_bytes() == (two / "index.html").read_bytes()
    for path in one.glob("*.review.json"):
        assert path.read_bytes() == (two / path.name).read_bytes()


def test_exit_codes_for_clean_and_flagged_batches(tmp_path):
    (tmp_path / "clean").mkdir()
    (tmp_path / "clean" / "ana.txt").write_text(statement(CLEAN), encoding="utf-8")
    (tmp_path / "clean" / "ana.cv.json").write_bytes((CORPUS / f"{CLEAN}.cv.json").read_bytes())
    assert main(["bulk", str(tmp_path / "clean"), "--out", str(tmp_path / "o1"), "--jobs", "1", "-q",
                 "--as-of", AS_OF]) == 0
    (tmp_path / "clean" / "ben.txt").write_text(statement(BLAME), encoding="utf-8")
    assert main(["bulk", str(tmp_path / "clean"), "--out", str(tmp_path / "o2"), "--jobs", "1", "-q",
                 "--as-of", AS_OF]) == 1


@pytest.mark.parametrize("argv, message", [
    (["--as-of", "2026-13"], "is not a month"),
    (["--disable", "no.such.rule"], "unknown rule id"),
    (["--jobs", "0"], "--jobs must be 1 or more"),
])
def test_bad_options_fail_once_with_a_plain_sentence(tmp_path, capsys, argv, message):
    (tmp_path / "a.txt").write_text("I train in Atlanta.", encoding="utf-8")
    assert main(["bulk", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"), *argv]) == 2
    assert message in capsys.readouterr().err


def test_an_empty_folder_is_an_error(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["bulk", str(tmp_path / "empty"), "--out", str(tmp_path / "o")]) == 2
    assert "no statements" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_a_missing_input_or_only_cvs_is_refused_without_output(tmp_path, capsys):
    assert main(["bulk", str(tmp_path / "missing"), "--out", str(tmp_path / "o1")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    cvs = tmp_path / "cvs"
    cvs.mkdir()
    (cvs / "ana.cv.json").write_text('{"experiences": []}', encoding="utf-8")
    assert main(["bulk", str(cvs), "--out", str(tmp_path / "o2")]) == 2
    assert "no statements" in capsys.readouterr().err
    assert not (tmp_path / "o1").exists() and not (tmp_path / "o2").exists()


def test_not_quiet_reports_unpaired_cvs_and_failures(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("I train in Atlanta.", encoding="utf-8")
    (tmp_path / "b.cv.json").write_text("{}", encoding="utf-8")
    (tmp_path / "c.pdf").write_bytes(b"%PDF")
    main(["bulk", str(tmp_path), "--out", str(tmp_path / "o"), "--jobs", "1"])
    err = capsys.readouterr().err
    assert "CV not used: b.cv.json" in err and "c.pdf: .pdf is not a format we read" in err
    assert "[" not in err  # no progress bar when standard error is not a terminal


def test_progress_line_counts_and_time_left():
    stream = io.StringIO()
    progress = Progress(4, stream=stream, enabled=True)
    progress.advance()
    progress.advance(failed=True)
    line = progress.line(10.0)
    assert line.startswith("[##############--------------] 2/4 reviewed, 1 failed, 0:10 left")
    progress.advance()
    progress.advance()
    progress.close()
    assert "4/4 reviewed, 1 failed, done in" in stream.getvalue() and stream.getvalue().endswith("\n")
    assert Progress(3, stream=io.StringIO()).enabled is False  # not a terminal


def test_an_output_folder_inside_the_input_is_not_read_back(tmp_path):
    (tmp_path / "a.txt").write_text(statement(CLEAN), encoding="utf-8")
    for _ in range(2):
        main(["bulk", str(tmp_path), "--out", str(tmp_path / "reports"), "--jobs", "1", "-q", "--as-of", AS_OF])
    text = (tmp_path / "reports" / "summary.csv").read_bytes().decode("utf-8-sig")
    assert [r["file"] for r in csv.DictReader(io.StringIO(text))] == ["a.txt"]
