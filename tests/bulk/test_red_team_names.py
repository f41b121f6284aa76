"""Red-team round 2, in bulk: a file name that is not UTF-8 loses no summary; names pair in any Unicode form;
only CVs is refused at every door."""
import csv
import io
import os

import pytest

from reviewer.bulk.pairing import pair
from reviewer.bulk.sources import InputFile
from reviewer.cli import main
from tests.helpers.cohort import CLEAN

STATEMENT = CLEAN.encode() if isinstance(CLEAN, str) else CLEAN


def test_a_file_name_that_is_not_utf8_keeps_the_cohort_summary(tmp_path):
    folder = tmp_path / "cohort"
    folder.mkdir()
    (folder / "alice.txt").write_bytes(STATEMENT)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(os.fsencode(folder), b"b\xe9atrice.txt"), "wb") as f:  # Latin-1 bytes in the name
        f.write(STATEMENT)
    out = tmp_path / "out"
    assert main(["bulk", str(folder), "--out", str(out), "--as-of", "2026-09", "--quiet"]) in (0, 1)
    rows = list(csv.DictReader(io.StringIO((out / "summary.csv").read_text(encoding="utf-8-sig"))))
    assert sorted(r["file"] for r in rows) == ["alice.txt", "b\ufffdatrice.txt"]
    assert (out / "index.html").exists()


def test_names_pair_whether_typed_composed_or_decomposed():
    composed, decomposed = "Jos\u00e9.txt", "Jose\u0301.cv.json"
    pairing = pair([InputFile(composed, b"x"), InputFile(decomposed, b"{}")])
    assert pairing.applicants[0].cv is not None and pairing.unpaired_cvs == []


def test_only_cvs_are_refused_at_the_command_line(tmp_path):
    (tmp_path / "a.cv.json").write_text("{}")
    assert main(["bulk", str(tmp_path), "--out", str(tmp_path / "out"), "--quiet"]) == 2


def test_only_cvs_are_refused_on_the_web(client):
    import zipfile
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("a.cv.json", "{}")
    response = client.post("/bulk", data={"files": (io.BytesIO(data.getvalue()), "cvs.zip")},
                           content_type="multipart/form-data")
    assert response.status_code == 400 and b"no statements" in response.data
