"""The command line: exit codes 0/1/2, formats, standard input, --exam, --disable, rules and eval."""
import json
import subprocess
import sys

import pytest

from tests.helpers.corpus import ROOT

CLEAN = ("I chose family medicine because I want to care for whole families across many years.\n\n"
         "On Saturdays I volunteer at a free clinic in Clarkston, and my sister lives in Decatur.\n")


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "reviewer", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, timeout=120)


def test_exit_0_when_nothing_serious(tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN, encoding="utf-8")
    result = run("review", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Atlanta/Georgia ties: 1 sentence - Clarkston, Decatur" in result.stdout


def test_exit_1_with_findings_and_json_output(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text("I failed Step 1 because my school never taught the material the exam tested.\n", encoding="utf-8")
    result = run("review", str(path), "--format", "json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert "score.blame" in {f["rule"] for f in data["findings"]}


@pytest.mark.parametrize("name, content", [("draft.pdf", b"%PDF-1.4"), ("draft.doc", b"\xd0\xcf\x11\xe0"),
                                           ("draft.txt", b"\xff\xfe\x00bad"), ("missing.txt", None)])
def test_exit_2_with_one_line_reason(tmp_path, name, content):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = run("review", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_stdin_with_exam_flags():
    result = run("review", "-", "--exam", "USMLE Step 1=fail", "--exam", "USMLE Step 2 CK=221", "--format", "json",
                 stdin=CLEAN)
    data = json.loads(result.stdout)
    assert data["profile"]["flagged"] is True
    assert "score.not_addressed" in {f["rule"] for f in data["findings"]}
    assert result.returncode == 1


def test_bad_exam_flag_is_exit_2():
    result = run("review", "-", "--exam", "Step 1", stdin=CLEAN)
    assert result.returncode == 2 and "NAME=RESULT" in result.stderr


def test_disable_turns_a_rule_off(tmp_path):
    path = tmp_path / "generic.txt"
    path.write_text("I chose pediatrics because children are honest. Atlanta is a vibrant city.\n", encoding="utf-8")
    on = json.loads(run("review", str(path), "--format", "json").stdout)
    off = json.loads(run("review", str(path), "--format", "json", "--disable", "region.generic").stdout)
    assert "region.generic" in {f["rule"] for f in on["findings"]}
    assert "region.generic" not in {f["rule"] for f in off["findings"]}


def test_docx_sample_and_output_file(tmp_path):
    out = tmp_path / "review.json"
    result = run("review", str(ROOT / "samples" / "docx" / "model_disclosure.docx"), "--format", "json", "-o", str(out))
    assert result.returncode in (0, 1)
    assert json.loads(out.read_text(encoding="utf-8"))["source"]["kind"] == "docx"


def test_rules_lists_every_rule_with_its_source():
    result = run("rules")
    assert result.returncode == 0
    for rule_id in ("score.not_addressed", "score.blame", "score.dominates", "region.missing", "region.generic",
                    "statement.stale_fact", "statement.eras_limit"):
        assert rule_id in result.stdout
    assert "guide: Step 4.1" in result.stdout


def test_eval_reports_scores():
    result = run("eval", str(ROOT / "samples" / "corpus"))
    assert result.returncode == 0
    assert "macro-F1" in result.stdout and "rule accuracy" in result.stdout


def test_eval_on_a_missing_folder_is_exit_2(tmp_path):
    result = run("eval", str(tmp_path / "nope"))
    assert result.returncode == 2 and "not a folder" in result.stderr
