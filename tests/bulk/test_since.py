"""`reviewer bulk ROUND2 --since ROUND1`: each applicant compared with the earlier round, on the 30-applicant
cohort of samples/cohort (round 1 reviewed into a temporary folder first)."""
import csv
import io
import json
import re
import shutil
import zipfile

import pytest

from reviewer.cli import main
from reviewer.compare import compare, draft_from_path
from tests.helpers.corpus import SAMPLES

COHORT = SAMPLES / "cohort"
AS_OF = "2026-09"
UNCHANGED = ("adebayo", "santos", "tran", "yilmaz")  # sent back byte for byte (round2-changes.md)
NEW = ("haddad", "reyes")
MISSING = ("barua", "okoro", "uche", "wanjiru")
WORSE = ("amoah", "danso", "dlamini", "eze")  # blame added, ties cut (round2-changes.md)


@pytest.fixture(scope="module")
def rounds(tmp_path_factory):
    root = tmp_path_factory.mktemp("rounds")
    assert main(["bulk", str(COHORT / "round1"), "--out", str(root / "r1"), "--as-of", AS_OF, "--jobs", "2", "-q"]) == 1
    codes = {jobs: main(["bulk", str(COHORT / "round2"), "--out", str(root / f"r2-{jobs}"), "--since", str(root / "r1"),
                         "--as-of", AS_OF, "--jobs", str(jobs), "-q"]) for jobs in (1, 2)}
    return root, codes


@pytest.fixture(scope="module")
def rows(rounds):
    text = (rounds[0] / "r2-1" / "summary.csv").read_bytes().decode("utf-8-sig")
    return {r["file"]: r for r in csv.DictReader(io.StringIO(text, newline=""))}


def test_the_cohort_has_thirty_applicants_in_two_rounds():
    first = {p.stem for p in (COHORT / "round1").glob("*.txt")}
    second = {p.stem for p in (COHORT / "round2").glob("*.txt")}
    assert len(first) == 30 and len(second) == 28
    assert second - first == set(NEW) and first - second == set(MISSING)


def test_jobs_1_and_2_write_byte_identical_trees(rounds):
    root, codes = rounds
    assert codes == {1: 1, 2: 1}
    one, two = root / "r2-1", root / "r2-2"
    names = sorted(p.name for p in one.iterdir())
    assert names == sorted(p.name for p in two.iterdir())
    assert len([n for n in names if n.endswith(".compare.html")]) == 26
    for name in names:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name


def test_summary_gains_the_since_columns_and_a_row_per_missing_applicant(rows):
    columns = list(next(iter(rows.values())))
    assert columns[-6:] == ["since", "findings_resolved", "findings_new", "findings_still_open", "words_change",
                            "compare_report"]
    assert {f for f, r in rows.items() if r["since"] == "new this round"} == {f"{n}.txt" for n in NEW}
    assert {f for f, r in rows.items() if r["since"] == "missing this round"} == {f"{n}.review.json" for n in MISSING}
    compared = {f: r for f, r in rows.items() if r["since"] == "compared"}
    assert len(compared) == 26
    for file, row in compared.items():
        assert row["compare_report"] == file.replace(".txt", ".compare.html")
        assert re.fullmatch(r"-?\d+", row["words_change"]), row["words_change"]


def test_each_row_is_the_comparison_of_that_applicants_two_reviews(rounds, rows):
    root, _ = rounds
    for file, row in rows.items():
        if row["since"] != "compared":
            continue
        stem = file[:-4]
        comparison = compare(draft_from_path(root / "r1" / f"{stem}.review.json"),
                             draft_from_path(root / "r2-1" / f"{stem}.review.json"))
        assert (int(row["findings_resolved"]), int(row["findings_new"]), int(row["findings_still_open"])) == (
            len(comparison.resolved), len(comparison.introduced), len(comparison.still_open)), stem
        assert int(row["words_change"]) == int(row["words"]) - comparison.old.metrics["words"]


def test_drafts_sent_back_unchanged_change_nothing(rounds, rows):
    root, _ = rounds
    for stem in UNCHANGED:
        row = rows[f"{stem}.txt"]
        assert (row["findings_resolved"], row["findings_new"], row["words_change"]) == ("0", "0", "0"), stem
        page = (root / "r2-1" / f"{stem}.compare.html").read_text(encoding="utf-8")
        assert "0 edited, 0 added, 0 removed" in page


def test_drafts_that_got_worse_have_new_findings(rows):
    for stem in WORSE:
        assert int(rows[f"{stem}.txt"]["findings_new"]) >= 1, stem


def test_index_lists_new_and_missing_applicants_and_links_each_comparison(rounds):
    page = (rounds[0] / "r2-1" / "index.html").read_text(encoding="utf-8")
    assert "New this round (2): haddad.txt, reyes.txt" in page
    assert "Missing this round (4): barua, okoro, uche, wanjiru" in page
    assert "Since the earlier round</th>" in page
    assert len(re.findall(r'<a href="[a-z]+\.compare\.html">what changed', page)) == 26
    assert page.count('data-since="new"') == 2 and 'value="__worse"' in page


def test_the_zip_the_bulk_page_returns_serves_as_the_earlier_round(rounds, tmp_path):
    root, _ = rounds
    archive = tmp_path / "cohort-reports.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for path in sorted((root / "r1").iterdir()):
            out.write(path, f"reports/{path.name}")
    assert main(["bulk", str(COHORT / "round2"), "--out", str(tmp_path / "out"), "--since", str(archive),
                 "--as-of", AS_OF, "--jobs", "1", "-q"]) == 1
    assert (tmp_path / "out" / "summary.csv").read_bytes() == (root / "r2-1" / "summary.csv").read_bytes()


def test_an_unreadable_earlier_review_costs_only_that_comparison(rounds, tmp_path, capsys):
    root, _ = rounds
    earlier = tmp_path / "r1"
    shutil.copytree(root / "r1", earlier)
    (earlier / "bose.review.json").write_text("{not json", encoding="utf-8")
    data = json.loads((earlier / "castro.review.json").read_text(encoding="utf-8"))
    data["findings"][0]["rule"] = "score.old_rule"
    (earlier / "castro.review.json").write_text(json.dumps(data), encoding="utf-8")
    assert main(["bulk", str(COHORT / "round2"), "--out", str(tmp_path / "out"), "--since", str(earlier),
                 "--as-of", AS_OF, "--jobs", "1"]) == 1
    err = capsys.readouterr().err
    assert "bose.txt: not compared: bose.review.json is not valid JSON" in err
    text = (tmp_path / "out" / "summary.csv").read_bytes().decode("utf-8-sig")
    found = {r["file"]: r for r in csv.DictReader(io.StringIO(text, newline=""))}
    assert found["bose.txt"]["since"].startswith("not compared: bose.review.json is not valid JSON")
    assert found["amoah.txt"]["since"] == "compared"
    castro = (tmp_path / "out" / "castro.compare.html").read_text(encoding="utf-8")
    assert "made with other rules" in castro and "Not compared (a rule retired or turned off) (1)" in castro


@pytest.mark.parametrize("make, words", [
    (lambda tmp: tmp / "nowhere", "no such folder or .zip"),
    (lambda tmp: (tmp / "empty").mkdir() or tmp / "empty", "no NAME.review.json files there"),
    (lambda tmp: (tmp / "bad.zip").write_bytes(b"PK\x03\x04 broken") and tmp / "bad.zip", "bad.zip is damaged"),
])
def test_a_since_that_is_not_an_earlier_round_exits_2(tmp_path, capsys, make, words):
    since = make(tmp_path)
    assert main(["bulk", str(COHORT / "round2"), "--out", str(tmp_path / "out"), "--since", str(since), "-q"]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err


def test_rounds_pair_names_in_one_unicode_form_and_any_case():
    from reviewer.bulk.pairing import pair_rounds
    from reviewer.bulk.sources import InputFile
    earlier = [InputFile("r1/Jose\u0301.review.json", b"{}"), InputFile("r1/ana.review.json", b"{}"),
               InputFile("r1/summary.csv", b""), InputFile("r1/ben.review.json", b"{}")]
    rounds = pair_rounds(["jos\u00e9", "ANA", "cara"], earlier)
    assert {i: f.path for i, f in rounds.earlier.items()} == {0: "r1/Jose\u0301.review.json", 1: "r1/ana.review.json"}
    assert rounds.missing == [("ben", "ben.review.json")]
