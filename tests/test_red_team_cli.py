"""Red-team round 2, at the command line: no escape sequences reach the terminal, exam words people type."""
import json
import subprocess
import sys

from tests.helpers.corpus import ROOT

ESCAPES = "\x1b]0;owned\x07 I chose pediatrics\x1b[8m hidden\x1b[0m in Atlanta. \u202eevil"


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "reviewer", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, timeout=120)


def test_statement_text_cannot_steer_the_terminal(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(ESCAPES + "\n", encoding="utf-8")
    text = run("review", str(path))
    assert text.returncode in (0, 1)
    assert "\x1b" not in text.stdout and "\x07" not in text.stdout and "\u202e" not in text.stdout
    data = json.loads(run("review", str(path), "--format", "json").stdout)
    assert data["text"] == ESCAPES + "\n"  # JSON is data: the text exactly as given


def test_cv_fields_cannot_steer_the_terminal(tmp_path):
    cv = tmp_path / "cv.json"
    cv.write_text(json.dumps({"experiences": [{"type": "clinical", "title": "Observer\x1b]0;owned\x07",
                                                "organization": "Grady\x1b[8m", "start": "2023-01", "end": "2023-03"}]}))
    for args in (["cv", str(cv), "--as-of", "2026-09"], ["review", "-", "--cv", str(cv)]):
        result = run(*args, stdin="I chose pediatrics in Atlanta.")
        assert "\x1b" not in result.stdout + result.stderr and "\x07" not in result.stdout + result.stderr


def test_exam_results_as_people_type_them(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text("I chose internal medicine in Atlanta because of my grandmother.\n", encoding="utf-8")
    for flag in ("Step 1=failed,passed", "USMLE Step 1=FAIL,Pass", "Step 1=Failed, PASSED"):
        data = json.loads(run("review", str(path), "--exam", flag, "--format", "json").stdout)
        assert data["profile"]["flagged"] is True, flag
    refused = run("review", str(path), "--exam", "Step 2 CK=\u00b2\u2074\u2070")  # superscript digits
    assert refused.returncode == 2 and "Traceback" not in refused.stderr and "neither pass, fail nor a score" in refused.stderr
