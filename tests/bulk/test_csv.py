"""summary.csv parses as CSV, has one 0/1 column per rule, and neutralises spreadsheet formulas."""
import csv
import io

import pytest

from reviewer.bulk.summary_csv import header, neutralise, summary_csv
from reviewer.bulk.worker import Outcome


@pytest.mark.parametrize("cell, shown", [
    ("=1+1", "'=1+1"), ("+SUM(A1)", "'+SUM(A1)"), ("-2+3", "'-2+3"), ("@cmd", "'@cmd"),
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"),
    ("ana.docx", "ana.docx"), ("a=b", "a=b"), ("", ""), (None, ""), (0, "0"), (612, "612"),
])
def test_neutralise(cell, shown):
    assert neutralise(cell) == shown


def parse(data: bytes) -> list[dict]:
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte-order mark, for Excel
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_rows_columns_and_injection():
    rules = ["region.missing", "score.blame"]
    good = Outcome(0, "=cmd|' /C calc'!A0.docx", "x", words=600, passage_sentences=3, share=0.1234,
                   fired={"score.blame": "error"}, counts={"error": 1, "suggestion": 2})
    bad = Outcome(1, "@notes.pdf", "y", error="-notes.pdf: .pdf is not a format we read")
    rows = parse(summary_csv([good, bad], {0: "+ana.cv.json"}, rules))
    assert list(rows[0]) == header(rules)
    assert rows[0] == {"file": "'=cmd|' /C calc'!A0.docx", "cv": "'+ana.cv.json", "words": "600",
                       "passage_sentences": "3", "share": "0.123", "region.missing": "0", "score.blame": "1",
                       "errors": "1", "warnings": "0", "suggestions": "2", "error": ""}
    assert rows[1]["file"] == "'@notes.pdf" and rows[1]["error"].startswith("'-notes.pdf")
    assert rows[1]["words"] == rows[1]["score.blame"] == rows[1]["errors"] == ""
