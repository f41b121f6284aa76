"""Benchmark `reviewer bulk`: 1,000 varied statements made from the corpus, reviewed with 1 and 2 jobs.

Prints statements per second, total time and peak memory (the summed RSS of the bulk process and its
workers, sampled from /proc every 20 ms; also PSS, which counts shared library pages once), and writes
the figures to benchmarks/results/.

    .venv/bin/python benchmarks/bulk_bench.py [--count 1000] [--jobs 1 2] [--docx-every 5] [--cv-every 4]
"""
from __future__ import annotations

import argparse
import io
import json
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "samples" / "corpus"
RESULTS = ROOT / "benchmarks" / "results"
PAGE = os.sysconf("SC_PAGE_SIZE")


def corpus_paragraphs() -> list[str]:
    paragraphs = []
    for path in sorted(CORPUS.glob("*.json")):
        if path.name.endswith(".cv.json"):
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        paragraphs += [" ".join(s["text"] for s in p) for p in data["paragraphs"]]
    return paragraphs


def make_statements(folder: Path, count: int, docx_every: int, cv_every: int, seed: int = 2026) -> None:
    """``count`` statements of 4 to 7 corpus paragraphs in a random order, some as .docx, some with a CV."""
    import docx

    rng = random.Random(seed)
    paragraphs = corpus_paragraphs()
    cvs = sorted(CORPUS.glob("*.cv.json"))
    for i in range(count):
        chosen = rng.sample(paragraphs, rng.randint(4, 7))
        name = f"applicant-{i:04d}"
        if docx_every and i % docx_every == 0:
            document = docx.Document()
            for paragraph in chosen:
                document.add_paragraph(paragraph)
            buffer = io.BytesIO()
            document.save(buffer)
            (folder / f"{name}.docx").write_bytes(buffer.getvalue())
        else:
            (folder / f"{name}.txt").write_text("\n\n".join(chosen), encoding="utf-8")
        if cv_every and i % cv_every == 0:
            shutil.copy(rng.choice(cvs), folder / f"{name}.cv.json")


def pss(pid: int) -> int:
    """Proportional set size in bytes: shared pages split between the processes that share them."""
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) * 1024
    return 0


def tree_memory(root_pid: int) -> tuple[int, int]:
    """Summed resident memory (RSS) and proportional memory (PSS), in bytes, of ``root_pid`` and its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            fields = stat[stat.rindex(")") + 2:].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            rss[int(entry)] = int(Path(f"/proc/{entry}/statm").read_text().split()[1]) * PAGE
        except (OSError, ValueError, IndexError):
            continue  # the process ended while we looked
    total, proportional, stack = 0, 0, [root_pid]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        try:
            proportional += pss(pid)
        except OSError:
            pass
        stack += children.get(pid, [])
    return total, proportional


def run(folder: Path, out: Path, jobs: int) -> dict:
    command = [sys.executable, "-m", "reviewer", "bulk", str(folder), "--out", str(out), "--jobs", str(jobs),
               "--as-of", "2026-09", "--quiet"]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT)
    peak, peak_pss, done = 0, 0, threading.Event()

    def sample():
        nonlocal peak, peak_pss
        while not done.is_set():
            rss, proportional = tree_memory(process.pid)
            peak, peak_pss = max(peak, rss), max(peak_pss, proportional)
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = process.wait()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    return {"jobs": jobs, "exit_code": code, "seconds": round(seconds, 2), "peak_rss_mb": round(peak / 2**20, 1),
            "peak_pss_mb": round(peak_pss / 2**20, 1)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--docx-every", type=int, default=5, help="every Nth statement is a .docx (0: none)")
    parser.add_argument("--cv-every", type=int, default=4, help="every Nth statement has a CV (0: none)")
    args = parser.parse_args(argv)
    RESULTS.mkdir(parents=True, exist_ok=True)
    runs = []
    with tempfile.TemporaryDirectory(prefix="bulk-bench-") as tmp:
        folder = Path(tmp) / "drafts"
        folder.mkdir()
        make_statements(folder, args.count, args.docx_every, args.cv_every)
        for jobs in args.jobs:
            result = run(folder, Path(tmp) / f"out-{jobs}", jobs)
            result["statements_per_second"] = round(args.count / result["seconds"], 1)
            runs.append(result)
            print(f"--jobs {jobs}: {args.count} statements in {result['seconds']:.1f} s "
                  f"({result['statements_per_second']:.1f}/s), peak memory {result['peak_rss_mb']:.0f} MB RSS, "
                  f"{result['peak_pss_mb']:.0f} MB PSS (bulk process + workers), exit code {result['exit_code']}")
        same = len({(Path(tmp) / f"out-{j}" / "summary.csv").read_bytes() for j in args.jobs}) == 1
        print(f"summary.csv identical across --jobs: {same}")
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    report = {"count": args.count, "docx_every": args.docx_every, "cv_every": args.cv_every, "runs": runs,
              "largest_single_process_mb": round(largest, 1), "summary_identical": same,
              "cpus": len(os.sched_getaffinity(0)), "python": platform.python_version(),
              "when": time.strftime("%Y-%m-%dT%H:%M:%S")}
    path = RESULTS / f"bulk-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"largest single process: {largest:.0f} MB; figures written to {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
