"""Paths inside a .zip are never trusted: no ../, absolute paths or links escape, and junk is skipped."""
import io
import stat
import zipfile

import pytest

from reviewer.bulk.safezip import ZipRefused, clean_member_path, read_zip
from reviewer.bulk.sources import collect
from reviewer.cli import main


def make_zip(members: dict, links: dict = ()) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        for name, target in dict(links).items():
            info = zipfile.ZipInfo(name)
            info.create_system = 3
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, target)
    return buffer.getvalue()


@pytest.mark.parametrize("raw, cleaned", [
    ("a.docx", "a.docx"), ("cohort/a.docx", "cohort/a.docx"), ("./cohort//a.docx", "cohort/a.docx"),
    ("cohort\\a.docx", "cohort/a.docx"), ("../a.docx", None), ("cohort/../../a.docx", None),
    ("/etc/passwd", None), ("\\evil.txt", None), ("C:/Windows/evil.txt", None), ("C:evil.txt", None),
    ("..\\..\\evil.txt", None), ("a\x00.txt", None), ("./", None),
])
def test_member_paths(raw, cleaned):
    assert clean_member_path(raw) == cleaned


def test_traversal_absolute_and_link_members_are_refused_with_a_reason():
    data = make_zip({"good.txt": "I train in Atlanta.", "../up.txt": "x", "/abs.txt": "x"},
                    links={"link.txt": "/etc/passwd"})
    members = {m.path: m for m in read_zip(data, "cohort.zip")}
    assert members["good.txt"].data == b"I train in Atlanta."
    assert "outside the folder" in members["../up.txt"].problem
    assert "outside the folder" in members["/abs.txt"].problem
    assert "is a link" in members["link.txt"].problem
    assert all(m.data is None for name, m in members.items() if name != "good.txt")


def test_finder_leftovers_are_skipped():
    data = make_zip({"a.txt": "x", "__MACOSX/._a.txt": "x", ".DS_Store": "x", "sub/.hidden.txt": "x"})
    assert [m.path for m in read_zip(data, "c.zip")] == ["a.txt"]


def test_limits_and_damage_refuse_the_whole_archive():
    with pytest.raises(ZipRefused) as too_many:
        read_zip(make_zip({f"{i}.txt": "x" for i in range(5)}), "c.zip", max_members=4)
    assert too_many.value.status == 413 and "over the limit of 4" in str(too_many.value)
    with pytest.raises(ZipRefused) as too_big:
        read_zip(make_zip({"a.txt": "x" * 5000}), "c.zip", max_total=4000)
    assert too_big.value.status == 413
    with pytest.raises(ZipRefused) as damaged:
        read_zip(b"PK\x03\x04 broken", "c.zip")
    assert damaged.value.status == 400 and "damaged" in str(damaged.value)


def test_a_damaged_zip_is_one_row_not_a_crash(tmp_path):
    (tmp_path / "c.zip").write_bytes(b"PK\x03\x04 broken")
    [item] = collect([tmp_path / "c.zip"])
    assert item.data is None and "damaged" in item.problem


def test_nothing_escapes_the_output_folder_end_to_end(tmp_path):
    statement = "I want to train in Atlanta, Georgia, where my family lives."
    data = make_zip({"cohort/ana.txt": statement, "cohort/../../../escape.txt": statement,
                     "/tmp/absolute.txt": statement, "cohort/sub/ana.txt": statement},
                    links={"cohort/link.txt": "../../../../etc/passwd"})
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "drafts.zip").write_bytes(data)
    out = tmp_path / "work" / "out"
    code = main(["bulk", str(tmp_path / "in" / "drafts.zip"), "--out", str(out), "--jobs", "1", "--quiet",
                 "--as-of", "2026-09"])
    assert code == 2  # the refused members are rows that could not be reviewed
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert all(p.startswith("work/out/") or p == "in/drafts.zip" for p in written)
    assert all("/" not in p[len("work/out/"):] for p in written if p.startswith("work/out/"))
    names = {p.rsplit("/", 1)[-1] for p in written}
    assert {"ana.review.json", "ana-2.review.json"} <= names  # the two ana.txt kept apart
    assert not any(n.startswith(("escape", "absolute", "link", "passwd")) for n in names)
