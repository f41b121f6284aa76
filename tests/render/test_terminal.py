"""What the terminal shows: the bulk progress bar's estimate, scripts/setup run again, one character count."""
import io
import json
import subprocess
import time
from pathlib import Path

import pytest

from reviewer.bulk.progress import Progress
from reviewer.cli import main

ROOT = Path(__file__).resolve().parents[2]


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_first_estimate_leaves_out_the_workers_start(monkeypatch):
    """60 statements, 2 workers that take 1.6 s to start and then 0.05 s a statement: about 3 s in all."""
    clock = Clock()
    monkeypatch.setattr(time, "monotonic", clock)
    progress = Progress(60, stream=io.StringIO(), enabled=True)
    clock.now += 1.6
    progress.advance()
    assert progress.line(1.6).endswith("1/60 reviewed, estimating time left")  # was "1:34 left"
    for _ in range(4):
        clock.now += 0.025
        progress.advance()
    left = progress.per_applicant(1.7) * (60 - 5)
    assert left < 5, f"{left:.1f} s left for about 1.4 s of work"
    assert "0:01 left" in progress.line(1.7) or "0:02 left" in progress.line(1.7)


def test_the_estimate_is_the_plain_average_when_there_was_no_start_up(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(time, "monotonic", clock)
    progress = Progress(10, stream=io.StringIO(), enabled=True)
    for _ in range(5):
        clock.now += 2.0
        progress.advance()
    assert progress.line(10.0).endswith("5/10 reviewed, 0:10 left")


def test_setup_run_again_installs_nothing_and_prints_nothing():
    """scripts/start runs scripts/setup on every start: once set up, it must not reinstall the package (nor show
    the build backend's banner)."""
    first = subprocess.run(["bash", "scripts/setup"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr
    stamp = ROOT / ".venv" / ".installed"  # scripts/setup rewrites it only when pip runs
    before = stamp.stat().st_mtime_ns
    again = subprocess.run(["bash", "scripts/setup"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0 and again.stdout == "" and again.stderr == ""
    assert stamp.stat().st_mtime_ns == before, "pip ran again"


def test_the_start_script_sets_up_then_serves():
    start = (ROOT / "scripts" / "start").read_text(encoding="utf-8")
    assert "scripts/setup\n" in start and "pip install" not in start


def test_the_same_character_count_in_the_terminal_and_the_json(tmp_path, capsys):
    text = "I chose pediatrics in Decatur, Georgia.\n\nMy aunt lives in Clarkston.\n"
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    main(["review", str(path), "--format", "json", "--as-of", "2026-09"])
    data = json.loads(capsys.readouterr().out)
    main(["review", str(path), "--as-of", "2026-09"])
    terminal = capsys.readouterr().out
    assert data["source"]["characters"] == data["metrics"]["characters"] == len(text)
    assert f"Length: {len(text):,} of" in terminal


@pytest.mark.parametrize("script", ["setup", "start", "test"])
def test_scripts_are_executable(script):
    assert (ROOT / "scripts" / script).stat().st_mode & 0o111


def test_a_cv_with_no_dated_entries_is_not_called_a_clean_timeline():
    from reviewer import review
    from reviewer.render.text import render
    result = review("I failed Step 1 once. I grew from it.", cv={"applicant": {"name": "A"}, "experiences": []},
                    as_of="2026-09")
    rows = [line for line in render(result).splitlines() if "CV timeline:" in line]
    assert rows and rows[0].split()[0] == "n/a" and "no dated entries" in rows[0]
