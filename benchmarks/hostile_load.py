"""The worst inputs within the stated limits, against the real server: how long each request takes and how much
it adds to the server's RSS, one at a time and 8 at once, while another client keeps asking for the home page.

A benchmark, not a test (issue 13: no request within the limits may take more than 10 s or add more than
300 MB to the server's RSS; GET / must keep answering in under 1 s meanwhile). The server is started as
scripts/start starts it (``python -m web.serve``, waitress) in a child process on 127.0.0.1, with the rate
limit raised so the benchmark's own requests are not refused. The inputs, each built here:

- ``docx_one_paragraph``: a .docx whose one paragraph holds 190,000 characters in many runs, every sentence
  of it a finding (the quadratic Word download of point 3), sent to /download/docx, /api/review and /bulk;
- ``pasted_100k``: 100,000 characters pasted as one paragraph, to /download/docx;
- ``cv_one_line_2mb``: a statement with a 2 MB one-line text CV of repeated dates (point 4), to /api/review;
- ``docx_many_paragraphs``: a .docx of 19,000 paragraphs (under the 20,000 limit), every fourth a sentence
  (point 5), to /api/review and /download/docx;
- ``pasted_5000_sentences``: 4,990 short sentences pasted (under the 5,000-sentence limit), to /api/review.

    .venv/bin/python benchmarks/hostile_load.py [--at-once 8]

Prints a table and writes benchmarks/results/hostile_load.json.
"""
from __future__ import annotations

import argparse
import http.cookiejar
import io
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
HOST = "127.0.0.1"
SENTENCE = "I failed Step 1 because the proctors were rude and the room was cold. "  # blame: a finding each


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def status_mb(pid: int, key: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def docx_bytes(paragraphs: list[list[str]]) -> bytes:
    """A Word file made with python-docx: each paragraph's runs as given."""
    import docx
    document = docx.Document()
    for runs in paragraphs:
        paragraph = document.add_paragraph()
        for text in runs:
            paragraph.add_run(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def inputs() -> dict:
    one = (SENTENCE * (190_000 // len(SENTENCE)))[:190_000]
    runs = [one[i:i + 40] for i in range(0, len(one), 40)]  # 4,750 runs, as Word splits a long edited paragraph
    # Under the 20,000-paragraph, 5,000-sentence and 200,000-character limits, and small enough unzipped that
    # the compression-ratio guard does not refuse it: 19,000 paragraphs, every fourth a sentence of ~35 letters.
    many = [[f"This is sentence {i} of a long list."] if i % 4 == 0 else [] for i in range(19_000)]
    sentences = " ".join(f"This is sentence {i} of a long list." for i in range(4_990))[:199_000]
    pasted = (SENTENCE * (100_000 // len(SENTENCE)))[:100_000]
    cv = ("2020 " * (2 * 1024 * 1024 // 5 - 10)).encode()
    statement = "I chose family medicine in Macon, Georgia. I failed Step 1 once and passed it on my second attempt."
    return {
        "docx_one_paragraph": docx_bytes([runs]),
        "docx_many_paragraphs": docx_bytes(many),
        "pasted_100k": pasted,
        "pasted_5000_sentences": sentences,
        "cv_one_line_2mb": (statement, cv),
    }


def multipart(fields: list) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    out = io.BytesIO()
    for name, value in fields:
        out.write(f"--{boundary}\r\n".encode())
        if isinstance(value, tuple):
            filename, data = value
            out.write(f'Content-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                      "Content-Type: application/octet-stream\r\n\r\n".encode())
            out.write(data)
        else:
            out.write(f'Content-Disposition: form-data; name="{name}"\r\n\r\n{value}'.encode())
        out.write(b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


class Client:
    """One browser-like client: its own cookie jar and CSRF token."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        page = self.opener.open(base + "/", timeout=60).read().decode()
        self.token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    def post(self, path: str, fields: list) -> tuple[int, float]:
        body, ctype = multipart([("csrf_token", self.token), *fields])
        request = urllib.request.Request(self.base + path, data=body, headers={"Content-Type": ctype})
        start = time.perf_counter()
        try:
            with self.opener.open(request, timeout=120) as response:
                response.read()
                status = response.status
        except urllib.error.HTTPError as exc:
            exc.read()
            status = exc.code
        return status, time.perf_counter() - start


def requests_for(material: dict) -> list[tuple[str, str, list]]:
    """(label, path, form fields) for each worst case."""
    one, many = material["docx_one_paragraph"], material["docx_many_paragraphs"]
    statement, cv = material["cv_one_line_2mb"]
    return [
        ("190k-character paragraph .docx -> /download/docx", "/download/docx", [("statement", ("one.docx", one))]),
        ("190k-character paragraph .docx -> /api/review", "/api/review", [("statement", ("one.docx", one))]),
        ("190k-character paragraph .docx -> /bulk", "/bulk", [("files", ("one.docx", one))]),
        ("100k characters pasted in one paragraph -> /download/docx", "/download/docx", [("text", material["pasted_100k"])]),
        ("2 MB one-line text CV -> /api/review", "/api/review", [("text", statement), ("cv", ("cv.txt", cv))]),
        ("19,000-paragraph .docx (4,750 sentences) -> /api/review", "/api/review", [("statement", ("many.docx", many))]),
        ("19,000-paragraph .docx (4,750 sentences) -> /download/docx", "/download/docx",
         [("statement", ("many.docx", many))]),
        ("4,990 sentences pasted (184k characters) -> /api/review", "/api/review",
         [("text", material["pasted_5000_sentences"])]),
    ]


class HomePageWatcher(threading.Thread):
    """Another client asking for GET / every 0.2 s; keeps the slowest answer."""

    def __init__(self, base: str):
        super().__init__(daemon=True)
        self.base, self.stop, self.times = base, threading.Event(), []

    def run(self):
        while not self.stop.is_set():
            start = time.perf_counter()
            with urllib.request.urlopen(self.base + "/", timeout=60) as response:
                response.read()
            self.times.append(time.perf_counter() - start)
            time.sleep(0.2)


def measure(base: str, pid: int, label: str, path: str, fields: list, at_once: int) -> dict:
    clients = [Client(base) for _ in range(at_once)]
    watcher = HomePageWatcher(base)
    rss_before = status_mb(pid, "VmRSS")
    peak = [rss_before]
    results = [None] * at_once

    def send(i):
        results[i] = clients[i].post(path, fields)

    threads = [threading.Thread(target=send, args=(i,)) for i in range(at_once)]
    watcher.start()
    for thread in threads:
        thread.start()
    while any(t.is_alive() for t in threads):
        peak.append(status_mb(pid, "VmRSS"))
        time.sleep(0.05)
    watcher.stop.set()
    watcher.join()
    seconds = [s for _, s in results]
    return {"input": label, "at_once": at_once, "statuses": sorted({s for s, _ in results}),
            "max_seconds": round(max(seconds), 2), "median_seconds": round(statistics.median(seconds), 2),
            "rss_before_mb": round(rss_before), "rss_added_mb": round(max(peak) - rss_before),
            "home_page_max_seconds": round(max(watcher.times), 3) if watcher.times else None}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--at-once", type=int, default=8)
    args = parser.parse_args()
    material = inputs()
    port = free_port()
    base = f"http://{HOST}:{port}"
    env = {**os.environ, "REVIEWER_RATE_LIMIT": "1000000 per minute"}
    log = tempfile.TemporaryFile()
    server = subprocess.Popen([sys.executable, "-m", "web.serve", "--host", HOST, "--port", str(port)],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log)
    rows = []
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        for label, path, fields in requests_for(material):
            for at_once in (1, args.at_once):
                row = measure(base, server.pid, label, path, fields, at_once)
                rows.append(row)
                print(f"{row['input']:58} x{at_once}: statuses {row['statuses']}, slowest {row['max_seconds']:6.2f} s, "
                      f"RSS +{row['rss_added_mb']:4d} MB (from {row['rss_before_mb']}), "
                      f"GET / slowest {row['home_page_max_seconds']} s", flush=True)
        rows.append({"server_peak_rss_mb": round(status_mb(server.pid, "VmHWM"))})
    finally:
        server.terminate()
        server.wait(timeout=10)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "hostile_load.json").write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    worst = [r for r in rows if "input" in r]
    print(f"slowest request {max(r['max_seconds'] for r in worst)} s; most RSS added {max(r['rss_added_mb'] for r in worst)} MB; "
          f"slowest GET / {max(r['home_page_max_seconds'] or 0 for r in worst)} s; server peak RSS {rows[-1]['server_peak_rss_mb']} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
