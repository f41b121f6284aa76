"""Every hostile input of tests/hostile/make_inputs.py, through its door, gives the outcome recorded in expected.csv.

Bounds (issue 6): each input answers within BOUND_SECONDS of wall time and raises the process's peak RSS by at
most BOUND_RSS_MB; in a real ``python -m reviewer`` process (the sampled cases) within SUBPROCESS_SECONDS,
start-up included, and with a peak RSS at most BOUND_RSS_MB above a plain review's. Every outcome is an exit code
or HTTP status with one plain line (never a traceback), and a refused input produces no output that looks
like success (empty stdout, no -o file).

To re-record after a deliberate change: ``HOSTILE_RECORD=/tmp/observed.csv pytest tests/test_hostile_inputs.py``
writes what each case did; review it, then copy the rows you agree with into tests/hostile/expected.csv.
"""
from __future__ import annotations

import contextlib
import csv
import html
import io
import json
import os
import re
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from tests.hostile.make_inputs import Case, all_cases, write_case_files

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = Path(__file__).resolve().parent / "expected.csv"
BOUND_SECONDS = 10.0
BOUND_RSS_MB = 300
SUBPROCESS_SECONDS = 30.0
PATHS = {"form": "/review", "api-json": "/api/review", "api-multipart": "/api/review", "bulk-web": "/bulk"}

CASES = all_cases()


@dataclass
class Outcome:
    """What one case did: the exit code or status, the one-line message (or "reviewed"), and everything printed."""

    status: int
    message: str
    output: str  # stdout / response body
    errors: str  # stderr ("" for web doors)
    seconds: float
    rss_mb: float
    extra: str = ""  # a note the invariants check (e.g. an -o file written on refusal)


def load_expected() -> dict:
    with EXPECTED.open(newline="", encoding="utf-8") as f:
        return {row["id"]: row for row in csv.DictReader(f)}


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@pytest.fixture(scope="module")
def hostile_app():
    """The app with its real limits (8 MB requests, 5 MB statements, 100 files a batch); CSRF and rate limit off."""
    from web import create_app
    return create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False})


@pytest.fixture(scope="module")
def case_root(tmp_path_factory):
    return tmp_path_factory.mktemp("hostile")


# --- the doors --------------------------------------------------------------------------------------------------

def _argv(case: Case, folder: Path) -> list[str]:
    return [a.replace("{dir}", str(folder)) for a in case.args]


def run_cli(case: Case, folder: Path) -> tuple[int, str, str]:
    """``reviewer.cli.main`` in this process, with standard streams captured."""
    from reviewer.cli import main
    stdout, stderr = io.StringIO(), io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(case.stdin or b""), encoding="utf-8")
    saved = sys.stdin
    sys.stdin = stdin
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            try:
                code = main(_argv(case, folder))
            except SystemExit as exc:  # argparse's usage errors
                code = exc.code if isinstance(exc.code, int) else 2
    finally:
        sys.stdin = saved
    return code, stdout.getvalue(), stderr.getvalue()


def run_web(case: Case, client) -> tuple[int, str]:
    path = PATHS[case.door]
    if case.body is not None or case.content_type is not None and not case.fields:
        headers = {"Content-Type": case.content_type} if case.content_type else {}
        response = client.post(path, data=case.body or b"", headers=headers)
    else:
        values = MultiDict()
        for name, value in case.fields:
            values.add(name, FileStorage(io.BytesIO(value[1]), value[0]) if isinstance(value, tuple) else value)
        boundary, body = encode_multipart(values)
        response = client.post(path, data=body, content_type=f"multipart/form-data; boundary={boundary}")
    return response.status_code, response.get_data(as_text=True)


def _alert(page: str) -> str:
    match = re.search(r'role="alert"[^>]*>(.*?)</(?:div|p)>', page, re.S)
    if not match:
        return ""
    text = re.sub(r"<[^>]+>", "", match.group(1)).replace("Could not review:", "")
    return " ".join(html.unescape(text).split())


def web_message(case: Case, status: int, body: str) -> str:
    if status == 200:
        return "reviewed"
    if case.door.startswith("api"):
        return json.loads(body)["error"]
    return _alert(body) or re.sub(r"<[^>]+>", " ", body).strip()


def _docx_check(path: Path) -> str:
    """'valid Word file' when python-docx opens the file and every XML part parses, else what is wrong."""
    import zipfile

    import docx
    from lxml import etree
    try:
        docx.Document(str(path))
        with zipfile.ZipFile(path) as package:
            for name in package.namelist():
                if name.endswith(".xml") or name.endswith(".rels"):
                    etree.fromstring(package.read(name))
    except Exception as exc:  # any failure to open is the finding
        return f"not a valid Word file ({exc.__class__.__name__})"
    return "valid Word file"


def run_case(case: Case, client, root: Path) -> Outcome:
    folder = write_case_files(case, root)
    rss, start = peak_rss_mb(), time.perf_counter()
    extra = ""
    if case.door.startswith("cli"):
        status, output, errors = run_cli(case, folder)
        lines = [line for line in errors.splitlines() if line.strip()]
        message = "reviewed" if status in (0, 1) else (lines[-1] if lines else "")
        escaped = [folder.parent / "evil.txt", folder / "evil.txt", Path("/etc/evil2.txt"), folder / "out" / ".." / "evil.txt"]
        if any(path.exists() for path in escaped):
            extra = "a zip member was written outside the output folder"
        if "-o" in case.args and not extra:
            target = Path(_argv(case, folder)[case.args.index("-o") + 1])
            extra = "output written" if target.is_file() else ""
            if extra and status != 2 and target.suffix == ".docx":
                extra = "output written: " + _docx_check(target)
    else:
        status, output = run_web(case, client)
        errors = ""
        message = web_message(case, status, output)
    return Outcome(status, message, output, errors, time.perf_counter() - start, peak_rss_mb() - rss, extra)


# --- the checks -------------------------------------------------------------------------------------------------

def check_invariants(case: Case, outcome: Outcome) -> None:
    everything = outcome.output + outcome.errors
    assert "Traceback" not in everything, f"{case.id}: a traceback was shown"
    assert outcome.message.strip(), f"{case.id}: no message at all"
    assert "\n" not in outcome.message, f"{case.id}: the message is not one line"
    assert outcome.extra != "a zip member was written outside the output folder", case.id
    if case.door == "cli-review":
        if outcome.status == 2:
            assert outcome.output == "", f"{case.id}: refused, yet something was printed to stdout"
            assert not outcome.extra, f"{case.id}: refused, yet the -o file was written"
            assert outcome.message.startswith(("reviewer: ", "usage:")) or "error:" in outcome.message
        elif outcome.extra.startswith("output written"):
            assert outcome.extra == "output written: valid Word file", f"{case.id}: {outcome.extra}"
        else:
            assert outcome.output.strip(), f"{case.id}: reviewed, yet nothing on stdout"
            if "json" in case.args:
                assert json.loads(outcome.output)["schema"] == "reviewer.review/1"
    elif case.door.startswith("api") and outcome.status != 200:
        body = json.loads(outcome.output)
        assert body["status"] == outcome.status
    elif case.door.startswith("api"):
        assert json.loads(outcome.output)["schema"] == "reviewer.review/1"
    elif case.door == "form" and outcome.status == 200:
        assert "checklist" in outcome.output.lower()


def check_expected(case: Case, outcome: Outcome, row: dict) -> None:
    assert row["door"] == case.door
    assert outcome.status == int(row["expected"]), f"{case.id}: {outcome.status} {outcome.message!r}"
    if row["message"] == "reviewed":
        assert outcome.message == "reviewed", f"{case.id}: {outcome.message!r}"
    else:
        assert row["message"].lower() in outcome.message.lower(), f"{case.id}: {outcome.message!r}"


def record(case: Case, outcome: Outcome) -> None:
    path = Path(os.environ["HOSTILE_RECORD"])
    new = not path.exists()
    with path.open("a", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        if new:
            writer.writerow(["id", "door", "expected", "message", "what", "seconds", "rss_mb"])
        writer.writerow([case.id, case.door, outcome.status, outcome.message[:300], case.what,
                         f"{outcome.seconds:.2f}", f"{outcome.rss_mb:.0f}"])


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_input(case, hostile_app, case_root):
    outcome = run_case(case, hostile_app.test_client(), case_root)
    if os.environ.get("HOSTILE_RECORD"):
        record(case, outcome)
    check_invariants(case, outcome)
    if not os.environ.get("HOSTILE_RECORD"):
        check_expected(case, outcome, load_expected()[case.id])
    assert outcome.rss_mb <= BOUND_RSS_MB, f"{case.id}: peak RSS rose {outcome.rss_mb:.0f} MB"
    assert outcome.seconds <= BOUND_SECONDS, f"{case.id}: took {outcome.seconds:.1f} s"


def test_the_table_covers_every_case_and_every_door():
    expected = load_expected()
    assert set(expected) == {c.id for c in CASES}
    assert len({c.id.split("@")[0] for c in CASES}) >= 200, "at least 200 distinct inputs"
    assert {c.door for c in CASES} == {"cli-review", "cli-bulk", "form", "api-json", "api-multipart", "bulk-web"}
    suffixes = {Path(name).suffix for c in CASES for name in c.files} | {
        Path(v[0]).suffix for c in CASES for _, v in c.fields if isinstance(v, tuple)}
    assert {".json", ".yaml", ".csv", ".docx", ".txt"} <= suffixes


# --- a sample through real processes ----------------------------------------------------------------------------

SAMPLE = [c for c in CASES if c.subprocess]


@pytest.fixture(scope="module")
def baseline_rss(case_root):
    """The peak RSS of a plain review in a fresh process, which the hostile samples are measured against."""
    good = case_root / "baseline.txt"
    good.write_text("I chose internal medicine in Atlanta, Georgia.", encoding="utf-8")
    return measured_run(["review", str(good)], None)[4]


def measured_run(args: list[str], stdin: bytes | None) -> tuple[int, str, str, float, float]:
    """Run ``python -m reviewer`` in a child process: exit code, stdout, stderr, wall time and its peak RSS in MB."""
    import tempfile
    with tempfile.TemporaryFile() as i, tempfile.TemporaryFile() as o, tempfile.TemporaryFile() as e:
        i.write(stdin or b"")
        i.seek(0)
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "reviewer", *args], cwd=ROOT, stdin=i, stdout=o, stderr=e)
        while True:  # os.wait4 gives this child's own rusage, which Popen.wait would throw away
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > SUBPROCESS_SECONDS:
                process.kill()
                os.wait4(process.pid, 0)
                pytest.fail(f"reviewer {' '.join(args)[:80]} ran over {SUBPROCESS_SECONDS} s")
            time.sleep(0.02)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        o.seek(0)
        e.seek(0)
        return (process.returncode, o.read().decode("utf-8", "replace"), e.read().decode("utf-8", "replace"),
                seconds, usage.ru_maxrss / 1024)


@pytest.mark.parametrize("case", SAMPLE, ids=[c.id for c in SAMPLE])
def test_hostile_sample_in_a_real_process(case, case_root, baseline_rss):
    folder = write_case_files(case, case_root / "process")
    code, out, err, seconds, rss = measured_run(_argv(case, folder), case.stdin)
    row = load_expected()[case.id]
    assert "Traceback" not in out + err
    assert code == int(row["expected"]), err
    if row["message"] != "reviewed":
        assert row["message"].lower() in err.lower()
    if case.door == "cli-review" and code == 2:
        assert out == "" and len(err.strip().splitlines()) == 1
    assert seconds <= SUBPROCESS_SECONDS
    assert rss <= baseline_rss + BOUND_RSS_MB, f"peak RSS {rss:.0f} MB against {baseline_rss:.0f} MB for a plain review"
