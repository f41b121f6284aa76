"""Statements pair with CVs by name, beside them or in --cv-dir; unpaired CVs are reported; names kept apart."""
import pytest

from reviewer.bulk.pairing import cv_stem, output_stems, pair, safe_stem
from reviewer.bulk.sources import InputFile


def files(*paths):
    return [InputFile(p, b"x") for p in sorted(paths)]


def cv_of(result):
    return {a.statement.path: (a.cv.path if a.cv else None) for a in result.applicants}


@pytest.mark.parametrize("name, stem", [
    ("ana.cv.json", "ana"), ("ana.cv.yaml", "ana"), ("ana.cv.yml", "ana"), ("ana.cv.csv", "ana"),
    ("ana.cv.docx", "ana"), ("ana.cv.txt", "ana"), ("Ana Maria.CV.JSON", "Ana Maria"),
    ("ana.docx", None), ("ana.cv.pdf", None), ("cv.json", None), ("ana.json", None),
])
def test_cv_names(name, stem):
    assert cv_stem(name) == stem


def test_pairs_beside_the_statement_for_every_statement_kind():
    result = pair(files("a.docx", "a.cv.json", "b.txt", "b.cv.yaml", "c.md", "c.cv.csv", "d.docx", "d.cv.txt"))
    assert cv_of(result) == {"a.docx": "a.cv.json", "b.txt": "b.cv.yaml", "c.md": "c.cv.csv", "d.docx": "d.cv.txt"}
    assert result.unpaired_cvs == []


def test_only_the_same_folder_counts_as_beside():
    result = pair(files("x/a.docx", "y/a.cv.json"))
    assert cv_of(result) == {"x/a.docx": None}
    assert [path for path, _ in result.unpaired_cvs] == ["y/a.cv.json"]


def test_cv_dir_pairs_by_name_and_beside_wins():
    result = pair(files("a.docx", "b.docx", "a.cv.json"), files("cvs/a.cv.yaml", "cvs/b.cv.csv", "cvs/z.cv.json"))
    assert cv_of(result) == {"a.docx": "a.cv.json", "b.docx": "cvs/b.cv.csv"}
    unpaired = dict(result.unpaired_cvs)
    assert set(unpaired) == {"cvs/a.cv.yaml", "cvs/z.cv.json"}
    assert "no statement named z.docx" in unpaired["cvs/z.cv.json"]


def test_names_pair_whatever_their_case():
    assert cv_of(pair(files("Ana.docx", "ana.CV.json"))) == {"Ana.docx": "ana.CV.json"}


def test_two_cvs_for_one_name_use_the_json_and_report_the_other():
    result = pair(files("a.docx", "a.cv.txt", "a.cv.json"))
    assert cv_of(result) == {"a.docx": "a.cv.json"}
    assert result.unpaired_cvs == [("a.cv.txt", "another CV for the same name was used (a.cv.json)")]


def test_every_file_that_is_not_a_cv_is_an_applicant_row():
    result = pair(files("a.docx", "notes.pdf", "b.cv.pdf"))
    assert [a.statement.path for a in result.applicants] == ["a.docx", "b.cv.pdf", "notes.pdf"]


def test_duplicate_names_are_kept_apart():
    result = pair(files("x/ana.docx", "y/ana.docx", "y/ANA.txt", "ana-2.md", "x/ana.cv.json", "y/ana.cv.json"))
    stems = {a.statement.path: a.stem for a in result.applicants}
    assert len(set(s.casefold() for s in stems.values())) == 4
    assert stems["ana-2.md"] == "ana-2"
    assert cv_of(result)["x/ana.docx"] == "x/ana.cv.json"
    assert cv_of(result)["y/ana.docx"] == "y/ana.cv.json"


@pytest.mark.parametrize("text, expected", [
    ("ana", "ana"), ("José Pérez", "José_Pérez"), ("../../etc/passwd", "etc_passwd"), ("..", "statement"),
    (".hidden", "hidden"), ("a/b\\c", "a_b_c"), ("=1+1", "1_1"), ("x" * 200, "x" * 80),
])
def test_safe_stems(text, expected):
    assert safe_stem(text) == expected


def test_stems_never_take_the_cohort_file_names():
    assert output_stems(["summary.txt", "index.docx"]) == ["summary-2", "index-2"]
