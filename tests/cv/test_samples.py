"""The sample CVs in samples/cv: pinned gap lists and findings, the timeline view, and the `reviewer cv` command."""
import argparse
import json
from pathlib import Path

import pytest

from reviewer.checks import cv_findings
from reviewer.cv import check_cv, load_cv
from reviewer.render.cv_text import render_cv_text
from reviewer.cv import cli
from reviewer.rulebook import default_rulebook

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "cv"
AS_OF = "2026-09"

# file -> (gaps as (start, end, months), the cv.* rules that fire)
PINNED = {
    "okafor.json": ([], []),
    "okafor.docx": ([], []),
    "silva.json": ([], ["cv.description_length", "cv.future_date"]),
    "silva.docx": ([], ["cv.description_length", "cv.future_date"]),
    "kovacs.json": ([("2021-01", "2021-08", 8)], ["cv.gap"]),
    "kovacs.docx": ([("2021-01", "2021-08", 8)], ["cv.gap"]),
    "rahman.json": ([("2021-10", "2022-01", 4)], ["cv.gap", "cv.overlap"]),
    "rahman.txt": ([("2021-10", "2022-01", 4)], ["cv.gap", "cv.overlap"]),
    "patel.txt": ([], []),
    "haddad.yaml": ([("2019-07", "2020-01", 7), ("2022-01", "2022-07", 7), ("2022-11", "2026-09", 47)], ["cv.gap"]),
    "nguyen.yml": ([], []),
    "mensah.csv": ([], ["cv.date_order"]),
    "osei.csv": ([], []),
    "ali.csv": ([("2019-03", "2019-12", 10), ("2020-04", "2021-01", 10), ("2023-01", "2026-09", 45)],
                ["cv.gap", "cv.overlap"]),
    "ibrahim.json": ([], []),
}


def test_every_sample_is_pinned_and_there_are_at_least_fifteen():
    files = sorted(p.name for p in SAMPLES.iterdir() if p.suffix in (".json", ".yaml", ".yml", ".csv", ".docx", ".txt"))
    assert files == sorted(PINNED) and len(files) >= 15


@pytest.mark.parametrize("name", sorted(PINNED))
def test_sample_gaps_and_rules(name):
    gaps, rules = PINNED[name]
    cv = load_cv(SAMPLES / name)
    report = check_cv(cv, AS_OF, default_rulebook())
    assert [(g["start"], g["end"], g["months"]) for g in report.gaps] == gaps
    assert sorted({f.rule for f in cv_findings(cv, report, default_rulebook())}) == rules


def test_overlap_in_two_cities_is_named():
    report = check_cv(load_cv(SAMPLES / "rahman.json"), AS_OF, default_rulebook())
    (overlap,) = report.overlaps
    assert overlap == {"entries": [1, 2], "start": "2021-03", "end": "2021-05", "months": 3,
                       "reason": "together 88 hours a week"}


def test_timeline_marks_gaps_and_overlaps():
    cv = load_cv(SAMPLES / "rahman.txt")
    text = render_cv_text(cv, check_cv(cv, AS_OF, default_rulebook()))
    lines = text.splitlines()
    assert lines[0] == "CV timeline as of 2026-09"
    assert any(line.startswith("  2021-10–2022-01") and "← GAP" in line for line in lines)
    assert any(line.startswith("  2021-03–2021-05") and "← OVERLAP" in line for line in lines)
    assert "  GAP      2021-10 to 2022-01 (4 months)" in lines
    assert "  UNPLACED MOHAMMAD RAHMAN, MBBS" in lines


def test_timeline_without_experiences():
    cv = load_cv(SAMPLES / "ibrahim.json")
    assert "no experiences listed" in render_cv_text(cv, check_cv(cv, AS_OF, default_rulebook()))


def run_cli(*argv):
    parser = argparse.ArgumentParser(prog="reviewer")
    cli.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["cv", *argv])
    return args.func(args)


def test_cli_clean_cv_exits_0(capsys):
    assert run_cli(str(SAMPLES / "osei.csv"), "--as-of", AS_OF) == 0
    assert "no gaps, overlaps or reversed dates" in capsys.readouterr().out


def test_cli_findings_exit_1_and_json_has_the_cv_block(capsys):
    assert run_cli(str(SAMPLES / "haddad.yaml"), "--as-of", AS_OF, "--format", "json") == 1
    out = json.loads(capsys.readouterr().out)
    assert {"entries", "gaps", "overlaps", "date_order"} <= set(out["cv"])
    assert [f["rule"] for f in out["findings"]] == ["cv.gap"] * 3


def test_cli_unreadable_input_exits_2_with_one_line(tmp_path, capsys):
    path = tmp_path / "cv.pdf"
    path.write_text("%PDF-1.4")
    assert run_cli(str(path), "--as-of", AS_OF) == 2
    err = capsys.readouterr().err
    assert "is not a CV format we read" in err and err.count("\n") == 1 and "Traceback" not in err


def test_cli_bad_entry_is_left_out_with_a_notice(tmp_path, capsys):
    path = tmp_path / "bad.json"
    path.write_text('{"experiences": [{"title": "x", "organization": "Tift Regional Medical Center", '
                    '"start": "2023-01", "end": "2023-13"}, {"title": "Extern", "organization": "Mercy Care", '
                    '"start": "2023-02", "end": "2023-04"}]}')
    assert run_cli(str(path), "--as-of", "2023-04") == 0
    captured = capsys.readouterr()
    assert ("notice: experience 1 (Tift Regional Medical Center): 'end' 2023-13 is not a month; this entry was left "
            "out") in captured.out
    assert "Mercy Care" in captured.out and captured.err == ""


def test_cli_bad_as_of_exits_2(capsys):
    assert run_cli(str(SAMPLES / "osei.csv"), "--as-of", "Sept") == 2
    assert "as-of 'Sept' is not a month" in capsys.readouterr().err
