"""One benchmark run: the reviewer beside the spaCy floor and a peer linter, on the same texts, plus start-up,
memory, the web API and bulk throughput. Prints a table and writes the figures as JSON to benchmarks/results/.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python benchmarks/run.py                    # 200 texts, bulk of 200; about a minute
    .venv/bin/python benchmarks/run.py --full             # bulk of 1,000 statements (the goal's size)
    .venv/bin/python benchmarks/run.py --compare benchmarks/results/run-OLD.json

Texts: the corpus statements (samples/corpus/*.json, sentences joined by " ", paragraphs by a blank line),
recombined into statements of 4 to 7 paragraphs, each sentence given a different opener now and then so that
no cache keyed on a whole sentence makes a repeated text look cheap; each is paired with a corpus CV
(*.cv.json). For every text, in turn: the bare spaCy pass (blank English + sentencizer, the floor), one full
review (statement + CV, the pipeline already built) and proselint's lint of the same text, in an order that
rotates from text to text, so that load on the machine and cold caches touch all three alike and the ratios
come from one run.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import bulk_bench  # noqa: E402  (the bulk engineer's benchmark: statements, run with --jobs, memory sampling)

CORPUS = ROOT / "samples" / "corpus"
RESULTS = ROOT / "benchmarks" / "results"
BIN = Path(sys.executable).parent
AS_OF = "2026-09"
OPENERS = ["Indeed,", "Later,", "Since then,", "In truth,", "Looking back,", "Even so,", "At the time,",
           "Over time,", "Still,", "Today,", "Back then,", "In the end,", "Above all,", "Honestly,", "Again,",
           "Meanwhile,", "For me,", "Even now,", "By then,", "In short,", "Once more,", "Slowly,", "Quietly,"]
LOWER_AFTER_OPENER = {"My", "The", "This", "That", "These", "When", "After", "During", "In", "At", "It", "We",
                      "Our", "As", "While", "There", "Since", "Before", "With", "For", "Each", "Every"}


# ---------------------------------------------------------------------------------------------- texts

def corpus() -> tuple[list[list[str]], list[dict]]:
    """Paragraphs (as lists of sentences) of every corpus statement, and every corpus CV."""
    paragraphs, cvs = [], []
    for path in sorted(CORPUS.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if path.name.endswith(".cv.json"):
            cvs.append(data)
        else:
            paragraphs += [[s["text"] for s in p] for p in data["paragraphs"]]
    return paragraphs, cvs


def make_texts(count: int, seed: int = 2026) -> list[tuple[str, dict]]:
    """``count`` (statement text, CV) pairs, recombined from the corpus and varied."""
    rng = random.Random(seed)
    paragraphs, cvs = corpus()
    out = []
    for i in range(count):
        chosen = []
        for sentences in rng.sample(paragraphs, rng.randint(4, 7)):
            varied = []
            for s in sentences:
                if rng.random() < 0.4:
                    first, _, rest = s.partition(" ")
                    first = first.lower() if first in LOWER_AFTER_OPENER else first
                    s = f"{rng.choice(OPENERS)} {first} {rest}".rstrip()
                varied.append(s)
            chosen.append(" ".join(varied))
        out.append(("\n\n".join(chosen), cvs[i % len(cvs)]))
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def ms(values: list[float]) -> dict:
    return {"median_ms": round(statistics.median(values) * 1e3, 2), "p95_ms": round(percentile(values, 0.95) * 1e3, 2),
            "mean_ms": round(statistics.mean(values) * 1e3, 2)}


# ---------------------------------------------------------------------------------------------- in process

def in_process(texts) -> dict:
    """Build time, then per text: floor pass, full review, proselint lint (interleaved)."""
    import spacy

    t0 = time.perf_counter()
    from reviewer import review
    from reviewer.nlp import get_nlp
    from reviewer.rulebook import default_rulebook
    imported = time.perf_counter() - t0
    t0 = time.perf_counter()
    default_rulebook()
    get_nlp()
    build = time.perf_counter() - t0

    floor_nlp = spacy.blank("en")
    floor_nlp.add_pipe("sentencizer")

    from proselint.checks import __register__
    from proselint.config import load_from
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile
    CheckRegistry().register_many(__register__)
    proselint_config = load_from()

    def run_review(text, cv):
        return review(text, cv, as_of=AS_OF)

    def run_floor(text, cv):
        return floor_nlp(text)

    def run_proselint(text, cv):
        return LintFile("statement.txt", text).lint(proselint_config)

    runners = {"review": run_review, "floor": run_floor, "proselint": run_proselint}
    for text, cv in texts[:5]:  # warm-up: first-call imports and lazy tables, not part of the figures
        for fn in runners.values():
            fn(text, cv)
    times = {name: [] for name in runners}
    findings = 0
    gc.collect()
    order = list(runners.items())
    for k, (text, cv) in enumerate(texts):
        # each runner goes first, second and third in turn: whichever runs first meets colder caches
        for name, fn in order[k % 3:] + order[:k % 3]:
            t0 = time.perf_counter()
            result = fn(text, cv)
            times[name].append(time.perf_counter() - t0)
            if name == "review":
                findings += len(result.findings)
    words = [len(text.split()) for text, _ in texts]
    out = {name: ms(values) for name, values in times.items()}
    out["review"]["findings"] = findings
    out["texts"] = {"count": len(texts), "median_words": statistics.median(words), "min_words": min(words),
                    "max_words": max(words), "with_cv": sum(1 for _, cv in texts if cv)}
    out["import_s"] = round(imported, 3)
    out["build_s"] = round(build, 3)
    out["ratio_review_floor"] = round(statistics.median(times["review"]) / statistics.median(times["floor"]), 1)
    out["ratio_review_proselint"] = round(statistics.median(times["review"]) / statistics.median(times["proselint"]), 2)
    return out


# ---------------------------------------------------------------------------------------------- CLI

def cli(texts, repeat: int) -> dict:
    """`reviewer review FILE --cv CV --format json` from process start to its output, and its peak RSS."""
    text, cv = min(texts, key=lambda tc: abs(len(tc[0].split()) - 650))  # a one-page statement
    seconds, peaks = [], []
    with tempfile.TemporaryDirectory(prefix="run-bench-") as tmp:
        statement, cv_file = Path(tmp) / "draft.txt", Path(tmp) / "cv.json"
        statement.write_text(text, encoding="utf-8")
        cv_file.write_text(json.dumps(cv), encoding="utf-8")
        command = [str(BIN / "reviewer"), "review", str(statement), "--cv", str(cv_file), "--as-of", AS_OF,
                   "--format", "json"]
        for _ in range(repeat):
            t0 = time.perf_counter()
            process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            stdout = process.stdout.read()
            process.stderr.read()
            _, status, usage = os.wait4(process.pid, 0)
            seconds.append(time.perf_counter() - t0)
            peaks.append(usage.ru_maxrss / 1024)
            process.returncode = os.waitstatus_to_exitcode(status)
            if process.returncode not in (0, 1) or json.loads(stdout)["schema"] != "reviewer.review/1":
                raise SystemExit(f"reviewer review failed with exit code {process.returncode}")
    return {"median_s": round(statistics.median(seconds), 3), "max_s": round(max(seconds), 3), "runs": repeat,
            "peak_rss_mb": round(max(peaks), 1), "words": len(text.split())}


# ---------------------------------------------------------------------------------------------- web

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def web(texts, requests: int) -> dict:
    """POST /api/review (JSON with text and cv) against waitress serving web:create_app on 127.0.0.1."""
    port = free_port()
    env = dict(os.environ, REVIEWER_RATE_LIMIT="1000000 per minute")  # web/ reads it; the default is 60/minute
    t0 = time.perf_counter()
    server = subprocess.Popen([str(BIN / "waitress-serve"), "--host", "127.0.0.1", "--port", str(port),
                               "--threads", "4", "--call", "web:create_app"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        while True:
            try:
                urllib.request.urlopen(base + "/api/openapi.json", timeout=1).read()
                break
            except OSError:
                if server.poll() is not None or time.perf_counter() - t0 > 60:
                    raise SystemExit("the web server did not start")
                time.sleep(0.05)
        ready = time.perf_counter() - t0
        one_page = [tc for tc in texts if 450 <= len(tc[0].split()) <= 850] or texts
        bodies = [json.dumps({"text": text, "cv": cv, "as_of": AS_OF}).encode() for text, cv in one_page]
        times, statuses = [], set()
        for i in range(requests + 5):
            request = urllib.request.Request(base + "/api/review", data=bodies[i % len(bodies)], method="POST",
                                             headers={"Content-Type": "application/json"})
            t1 = time.perf_counter()
            with urllib.request.urlopen(request, timeout=30) as response:
                response.read()
                statuses.add(response.status)
            if i >= 5:  # the first few warm the server's threads
                times.append(time.perf_counter() - t1)
        rss = int(Path(f"/proc/{server.pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    finally:
        server.terminate()
        server.wait(10)
    return {**ms(times), "requests": requests, "statuses": sorted(statuses), "server_ready_s": round(ready, 2),
            "server_rss_mb": round(rss, 1),
            "median_words": statistics.median(len(tc[0].split()) for tc in one_page)}


# ---------------------------------------------------------------------------------------------- bulk

def bulk(count: int, jobs: list[int]) -> dict:
    """benchmarks/bulk_bench.py's statements and runs (`reviewer bulk` in a subprocess, memory sampled)."""
    runs = []
    with tempfile.TemporaryDirectory(prefix="run-bulk-") as tmp:
        folder = Path(tmp) / "drafts"
        folder.mkdir()
        bulk_bench.make_statements(folder, count, docx_every=5, cv_every=4)
        for n in jobs:
            result = bulk_bench.run(folder, Path(tmp) / f"out-{n}", n)
            result["statements_per_second"] = round(count / result["seconds"], 1)
            runs.append(result)
    return {"count": count, "runs": runs}


# ---------------------------------------------------------------------------------------------- report

GOALS = {  # figure key -> (goal, how it is compared)
    "ratio_review_floor": (3.0, "<="),
    "ratio_review_proselint": (1.0, "<"),
    "web_p50_ms": (150, "<="),
    "cli_s": (2.0, "<="),
    "bulk_2_jobs_s_per_1000": (30, "<="),
    "peak_rss_mb": (500, "<="),
}


def rows(report: dict) -> list[tuple[str, str, float | None]]:
    """(key, label, value) of the table."""
    p, c, w, b = report["in_process"], report.get("cli"), report.get("web"), report.get("bulk")
    out = [
        ("texts", "texts (each with a CV)", p["texts"]["count"]),
        ("median_words", "words per text, median", p["texts"]["median_words"]),
        ("review_median_ms", "full review, median ms", p["review"]["median_ms"]),
        ("review_p95_ms", "full review, p95 ms", p["review"]["p95_ms"]),
        ("floor_median_ms", "floor: blank en + sentencizer, median ms", p["floor"]["median_ms"]),
        ("ratio_review_floor", "ratio review / floor (a small multiple)", p["ratio_review_floor"]),
        ("proselint_median_ms", "proselint lint, median ms", p["proselint"]["median_ms"]),
        ("ratio_review_proselint", "ratio review / proselint (goal < 1)", p["ratio_review_proselint"]),
        ("build_s", "pipeline build (rules + spaCy), s", p["build_s"]),
        ("import_s", "import reviewer (spaCy already imported), s", p["import_s"]),
    ]
    if c:
        out += [("cli_s", "CLI start to first result, median s (goal <= 2)", c["median_s"]),
                ("cli_rss_mb", "single review process, peak RSS MB", c["peak_rss_mb"])]
    if w:
        out += [("web_p50_ms", "POST /api/review, median ms (goal <= 150)", w["median_ms"]),
                ("web_p95_ms", "POST /api/review, p95 ms", w["p95_ms"]),
                ("web_server_rss_mb", "web server RSS after the run, MB", w["server_rss_mb"])]
    if b:
        for r in b["runs"]:
            out += [(f"bulk_{r['jobs']}_s", f"bulk {b['count']} statements, {r['jobs']} job(s), s", r["seconds"]),
                    (f"bulk_{r['jobs']}_per_s", f"bulk, {r['jobs']} job(s), statements/s", r["statements_per_second"]),
                    (f"bulk_{r['jobs']}_rss_mb", f"bulk, {r['jobs']} job(s), peak RSS MB (all processes)",
                     r["peak_rss_mb"])]
        two = [r for r in b["runs"] if r["jobs"] == 2]
        if two:
            out.append(("bulk_2_jobs_s_per_1000", "bulk 2 jobs, s per 1,000 (goal <= 30)",
                        round(two[0]["seconds"] * 1000 / b["count"], 1)))
    return out


def print_table(report: dict, old: dict | None) -> None:
    old_values = {key: value for key, _, value in rows(old)} if old else {}
    header = f"{'figure':<55}{'this run':>12}" + (f"{'compared':>12}{'change':>9}" if old else "")
    print(header)
    print("-" * len(header))
    for key, label, value in rows(report):
        line = f"{label:<55}{value:>12}"
        if old:
            before = old_values.get(key)
            change = f"{(value - before) / before:+.0%}" if isinstance(before, (int, float)) and before else ""
            line += f"{'' if before is None else before:>12}{change:>9}"
        print(line)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=int, default=200, help="texts timed in process (default 200)")
    parser.add_argument("--cli-runs", type=int, default=5, help="CLI runs, the median is reported (default 5)")
    parser.add_argument("--requests", type=int, default=100, help="POST /api/review requests (default 100)")
    parser.add_argument("--bulk", type=int, default=200, help="statements in the bulk run (default 200)")
    parser.add_argument("--full", action="store_true", help="bulk of 1,000 statements")
    parser.add_argument("--skip", nargs="*", default=[], choices=["cli", "web", "bulk"], help="parts to leave out")
    parser.add_argument("--compare", type=Path, help="an earlier JSON of this benchmark to set beside this run")
    parser.add_argument("--label", default="", help="a note stored with the figures (e.g. 'before fixes')")
    args = parser.parse_args(argv)
    if args.full:
        args.bulk = 1000
    texts = make_texts(args.texts)
    report = {"schema": "reviewer.bench/1", "label": args.label, "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
              "cpus": len(os.sched_getaffinity(0)), "python": platform.python_version(),
              "command": " ".join(["benchmarks/run.py", *(argv if argv is not None else sys.argv[1:])])}
    print(f"{len(texts)} texts; timing review, floor and proselint in process ...", flush=True)
    report["in_process"] = in_process(texts)
    if "cli" not in args.skip:
        print("CLI ...", flush=True)
        report["cli"] = cli(texts, args.cli_runs)
    if "web" not in args.skip:
        print("web API ...", flush=True)
        report["web"] = web(texts, args.requests)
    if "bulk" not in args.skip:
        print(f"bulk of {args.bulk} ...", flush=True)
        report["bulk"] = bulk(args.bulk, [1, 2])
    old = json.loads(args.compare.read_text(encoding="utf-8")) if args.compare else None
    print()
    print_table(report, old)
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"run-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nfigures written to {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
