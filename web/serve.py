"""Serve the web app with waitress, keeping every request and response body in memory (never on disk).

waitress writes a request body over 512 KB, and a response over 1 MB, to a temporary file by default; an
uploaded statement or a result page holding one would then touch the disk. Both limits are raised here above
the largest upload the app accepts (and the largest page or download it returns), so bodies stay in memory.

    python -m web.serve [--host 127.0.0.1] [--port 8080] [--threads 16]
"""
from __future__ import annotations

import argparse
import os
import sys

from . import MEGABYTE, create_app


def settings(app) -> dict:
    """waitress's options for this app: bodies in memory up to well past the upload limit."""
    limit = app.config["MAX_CONTENT_LENGTH"]
    in_memory = max(4 * limit, 64 * MEGABYTE)  # a download (.zip of a cohort, a .docx) can be larger than an upload
    return {"inbuf_overflow": in_memory, "outbuf_overflow": in_memory,
            "max_request_body_size": limit + MEGABYTE}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Serve the ERAS Narrative Reviewer with waitress.")
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8080")))
    # more threads than review slots (web/capacity.py): while a few reviews run, the other threads serve pages
    parser.add_argument("--threads", type=int, default=int(os.environ.get("THREADS", "16")))
    args = parser.parse_args(argv)
    from waitress import serve
    app = create_app()
    print(f"ERAS Narrative Reviewer: open http://{args.host}:{args.port}/", flush=True)
    serve(app, host=args.host, port=args.port, threads=args.threads, **settings(app))
    return 0


if __name__ == "__main__":
    sys.exit(main())
