"""Load test: serve the app with waitress through web.serve (as scripts/start does) and drive it with concurrent clients on 127.0.0.1.

A benchmark, not a unit test. The server runs in a child process; this process is the second one, running N
client threads for a fixed time (each loop stops by itself at the deadline). The mix: JSON API reviews without
and with a CV, API multipart .docx uploads with CVs from samples/cv, and the browser form's multipart .docx
upload (with its CSRF token and session cookie). Prints requests/s, p50/p99 latency, errors and the server's
RSS (VmRSS from /proc/PID/status) after warm-up and at the end, and writes them to benchmarks/results/.

    .venv/bin/python benchmarks/load_test.py [--seconds 60] [--clients 20] [--threads 16]
"""
from __future__ import annotations

import argparse
import http.cookiejar
import io
import json
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "samples" / "corpus"
CVS = ROOT / "samples" / "cv"
RESULTS = ROOT / "benchmarks" / "results"
HOST = "127.0.0.1"  # never anything else


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def statements() -> list[tuple[str, dict | None]]:
    """(text, cv dict or None) for each corpus statement, text as DESIGN.md defines it."""
    out = []
    for path in sorted(CORPUS.glob("*.json")):
        if path.name.endswith(".cv.json"):
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        text = "\n\n".join(" ".join(s["text"] for s in p) for p in data["paragraphs"])
        cv = path.with_name(path.stem + ".cv.json")
        out.append((text, json.loads(cv.read_text(encoding="utf-8")) if cv.exists() else None))
    return out


def docx_of(text: str) -> bytes:
    import docx
    document = docx.Document()
    for paragraph in text.split("\n\n"):
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def multipart(fields: list[tuple[str, object]]) -> tuple[bytes, str]:
    boundary = f"----load{random.getrandbits(64):x}"
    body = b""
    for name, value in fields:
        if isinstance(value, tuple):
            filename, data = value
            body += (f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                     "Content-Type: application/octet-stream\r\n\r\n").encode() + data + b"\r\n"
        else:
            body += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
    return body + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


class Client(threading.Thread):
    """One user: picks a request kind at random, sends it, records (kind, seconds, status) until the deadline."""

    def __init__(self, base: str, deadline: float, material: dict, seed: int):
        super().__init__(daemon=True)
        self.base, self.deadline, self.material = base, deadline, material
        self.random = random.Random(seed)
        self.samples: list[tuple[str, float, int]] = []
        self.errors: list[str] = []
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.token = None

    def send(self, path: str, body: bytes, content_type: str) -> int:
        request = urllib.request.Request(self.base + path, data=body, headers={"Content-Type": content_type})
        try:
            with self.opener.open(request, timeout=30) as response:
                response.read()
                return response.status
        except urllib.error.HTTPError as exc:
            exc.read()
            return exc.code

    def form_token(self) -> str:
        if self.token is None:
            with self.opener.open(self.base + "/", timeout=30) as response:
                page = response.read().decode("utf-8")
            self.token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        return self.token

    def one(self) -> tuple[str, int]:
        m, pick = self.material, self.random.random()
        self.kind = "?"
        text, cv = self.random.choice(m["statements"])
        if pick < 0.35:
            self.kind = "api-json"
            return "api-json", self.send("/api/review", json.dumps({"text": text, "as_of": "2026-09"}).encode(), "application/json")
        if pick < 0.6:
            cv = cv or m["default_cv"]
            self.kind = "api-json+cv"
            return "api-json+cv", self.send("/api/review", json.dumps({"text": text, "cv": cv, "as_of": "2026-09"}).encode(),
                                            "application/json")
        if pick < 0.8:
            name, data = self.random.choice(m["cv_files"])
            self.kind = f"api-docx+cv ({name})"
            body, ctype = multipart([("statement", ("statement.docx", self.random.choice(m["docx"]))), ("cv", (name, data)),
                                     ("as_of", "2026-09")])
            return "api-docx+cv", self.send("/api/review", body, ctype)
        self.kind = "form-docx"
        body, ctype = multipart([("csrf_token", self.form_token()), ("statement", ("statement.docx", self.random.choice(m["docx"]))),
                                 ("as_of", "2026-09")])
        return "form-docx", self.send("/review", body, ctype)

    def run(self) -> None:
        while time.monotonic() < self.deadline:
            start = time.perf_counter()
            try:
                kind, status = self.one()
            except Exception as exc:  # a refused connection or a timeout is an error of the run, not of this script
                self.errors.append(f"{type(exc).__name__} on {self.kind} after {time.perf_counter() - start:.1f} s: {exc}")
                continue
            self.samples.append((kind, time.perf_counter() - start, status))


def wait_until_up(base: str, process: subprocess.Popen, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(base + "/", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not answer within 60 s")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--threads", type=int, default=16, help="waitress threads (scripts/start's default is 16)")
    parser.add_argument("--warmup", type=float, default=45,
                        help="seconds of the same load before measuring memory (RSS climbs for ~40 s, then holds)")
    args = parser.parse_args()

    pairs = statements()
    material = {
        "statements": pairs,
        "default_cv": next(cv for _, cv in pairs if cv),
        "docx": [docx_of(text) for text, _ in pairs[:12]],
        "cv_files": [(p.name, p.read_bytes()) for p in sorted(CVS.iterdir()) if p.suffix in (".json", ".yaml", ".yml", ".csv", ".docx", ".txt")],
    }
    port = free_port()
    base = f"http://{HOST}:{port}"
    env = {**os.environ, "REVIEWER_RATE_LIMIT": "1000000 per minute"}  # the default 60/min per client would refuse a load test
    log = tempfile.TemporaryFile()  # not a pipe: waitress logs "Task queue depth" under load and would block on a full pipe
    server = subprocess.Popen([sys.executable, "-m", "web.serve", "--host", HOST, "--port", str(port),
                               "--threads", str(args.threads)],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log)
    try:
        wait_until_up(base, server)
        # the same load first, so every waitress thread has run (and its allocator arena grown) before "before"
        warm_deadline = time.monotonic() + args.warmup
        warm = [Client(base, warm_deadline, material, seed=1000 + i) for i in range(args.clients)]
        for client in warm:
            client.start()
        for client in warm:
            client.join()
        rss_before = rss_mb(server.pid)
        series, next_sample = [], time.monotonic()
        peak = [rss_before]
        deadline = time.monotonic() + args.seconds
        clients = [Client(base, deadline, material, seed=i + 1) for i in range(args.clients)]
        started = time.perf_counter()
        for client in clients:
            client.start()
        while any(c.is_alive() for c in clients):
            peak.append(rss_mb(server.pid))
            if time.monotonic() >= next_sample:
                series.append(round(peak[-1]))
                next_sample += 10
            time.sleep(0.5)
        for client in clients:
            client.join(timeout=60)
        elapsed = time.perf_counter() - started
        rss_after = rss_mb(server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.seek(0)
        server_log = log.read().decode("utf-8", "replace")
        log.close()

    samples = [s for c in clients for s in c.samples]
    failures = [c for c in clients for c in c.errors] + [f"HTTP {status} on {kind}" for kind, _, status in samples if status != 200]
    latencies = [seconds for _, seconds, _ in samples]
    by_kind = {}
    for kind, seconds, _ in samples:
        by_kind.setdefault(kind, []).append(seconds)
    result = {
        "seconds": round(elapsed, 1), "clients": args.clients, "waitress_threads": args.threads,
        "requests": len(samples), "requests_per_second": round(len(samples) / elapsed, 1),
        "p50_ms": round(percentile(latencies, 50) * 1000, 1), "p99_ms": round(percentile(latencies, 99) * 1000, 1),
        "max_ms": round(max(latencies, default=0) * 1000, 1), "mean_ms": round(statistics.fmean(latencies) * 1000, 1) if latencies else 0,
        "errors": len(failures), "error_examples": sorted(set(failures))[:8],
        "by_kind": {k: {"n": len(v), "p50_ms": round(percentile(v, 50) * 1000, 1), "p99_ms": round(percentile(v, 99) * 1000, 1)}
                    for k, v in sorted(by_kind.items())},
        "server_rss_mb": {"after_warmup": round(rss_before, 1), "peak": round(max(peak), 1), "after": round(rss_after, 1),
                          "every_10_s": series, "warmup_seconds": args.warmup},
        "cpus": os.cpu_count(), "python": sys.version.split()[0],
        "server_log_tracebacks": server_log.count("Traceback"),
        "server_log_queue_warnings": server_log.count("Task queue depth"),
    }
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"load-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    print(f"written to {out.relative_to(ROOT)}")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
