"""Memory over many requests in one thread: is the web app's RSS flat when nothing runs concurrently?

Runs N mixed requests (JSON text, JSON text + CV, .docx upload) through the Flask test client in this
process and prints the process RSS every 200 requests. Usage: .venv/bin/python benchmarks/memory_steady.py [N]
"""
import io
import json
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("REVIEWER_RATE_LIMIT", "1000000 per minute")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_test import docx_of  # noqa: E402  (the load test's .docx maker)
from tests.conftest import corpus_text  # noqa: E402
from web import create_app  # noqa: E402


def rss_mb() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) // 1024
    return -1


def main(count: int) -> int:
    client = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False}).test_client()
    texts = [corpus_text(p) for p in sorted((ROOT / "samples" / "corpus").glob("*.json"))
             if not p.name.endswith(".cv.json")]
    cvs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "samples" / "cv").glob("*.json"))]
    uploads = [docx_of(t) for t in texts[:10]]
    rng = random.Random(0)
    for i in range(count + 1):
        kind = i % 3
        if kind == 0:
            response = client.post("/api/review", json={"text": rng.choice(texts)})
        elif kind == 1:
            response = client.post("/api/review", json={"text": rng.choice(texts), "cv": rng.choice(cvs)})
        else:
            response = client.post("/api/review", data={"statement": (io.BytesIO(rng.choice(uploads)), "draft.docx")},
                                   content_type="multipart/form-data")
        if response.status_code != 200:
            print(f"request {i}: status {response.status_code}", file=sys.stderr)
            return 1
        if i % 200 == 0:
            print(f"{i:6d} requests  RSS {rss_mb()} MB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1600))
