"""Two versions of the reviewer on the same texts in one run: the median review of each, and their ratio.

    git worktree add /tmp/reviewer-old <commit>        # (or any checkout of the older version)
    .venv/bin/python benchmarks/versus.py /tmp/reviewer-old [--texts 200] [--rounds 3] [--no-cv] [--core 1]

Each version runs in a worker process of its own (both are the package ``reviewer``). The parent hands both
workers the same texts (run.py's statements recombined from the corpus, each with a CV) one at a time, the
order of the two alternating from text to text, so that load on the machine touches both alike; each worker
times one full review (statement + CV) per text, after the start-up the web server and the bulk workers
run (``reviewer.review.prepare``, which both versions have). A bare spaCy pass (blank English and the
sentencizer) is timed in the new worker too, as the floor. Figures are medians over all texts and rounds.
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-09"


def worker(checkout: str, connection) -> None:
    """Review the texts the parent sends, answering each with the seconds it took."""
    sys.path.insert(0, checkout)
    import spacy

    from reviewer import review
    from reviewer.review import prepare
    prepare()  # (as the web server and the bulk workers start)
    floor = spacy.blank("en")
    floor.add_pipe("sentencizer")
    connection.send("ready")
    while True:
        message = connection.recv()
        if message is None:
            return
        kind, text, cv = message
        start = time.perf_counter()
        if kind == "floor":
            floor(text)
        else:
            review(text, cv, as_of=AS_OF)
        connection.send(time.perf_counter() - start)


def start(checkout: Path):
    parent, child = multiprocessing.Pipe()
    process = multiprocessing.get_context("spawn").Process(target=worker, args=(str(checkout), child), daemon=True)
    process.start()
    assert parent.recv() == "ready"
    return process, parent


def timed(connection, kind: str, text: str, cv: dict) -> float:
    connection.send((kind, text, cv))
    return connection.recv()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old", help="a checkout of the older version")
    parser.add_argument("--texts", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-cv", action="store_true", help="review the statements alone (no CV)")
    parser.add_argument("--core", type=int, default=None,
                        help="run both workers and this process on one CPU core (steadier ratios on a busy machine)")
    args = parser.parse_args(argv)
    if args.core is not None:
        os.sched_setaffinity(0, {args.core})  # (the workers, started after this, inherit it)
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from run import make_texts
    texts = make_texts(args.texts)
    if args.no_cv:
        texts = [(text, None) for text, _ in texts]
    (old_process, old), (new_process, new) = start(Path(args.old)), start(ROOT)
    for text, cv in texts[:10]:  # warm-up: lazy tables and first calls, not part of the figures
        timed(old, "review", text, cv), timed(new, "review", text, cv), timed(new, "floor", text, cv)
    times = {"old": [], "new": [], "floor": []}
    for r in range(args.rounds):
        for k, (text, cv) in enumerate(texts):
            pairs = [("old", old, "review"), ("new", new, "review"), ("floor", new, "floor")]
            for name, connection, kind in (pairs if (k + r) % 2 == 0 else pairs[::-1]):
                times[name].append(timed(connection, kind, text, cv))
    for connection in (old, new):
        connection.send(None)
    old_process.join(), new_process.join()
    median = {name: statistics.median(values) * 1e3 for name, values in times.items()}
    print(f"texts {len(texts)} x {args.rounds} rounds, {'statements alone' if args.no_cv else 'each with a CV'}"
          + (f", on core {args.core}" if args.core is not None else ""))
    print(f"old review  median {median['old']:.2f} ms")
    print(f"new review  median {median['new']:.2f} ms")
    print(f"floor       median {median['floor']:.2f} ms (bare spaCy pass, new worker)")
    print(f"new / old   {median['new'] / median['old']:.2f}")
    print(f"new / floor {median['new'] / median['floor']:.2f}   old / floor {median['old'] / median['floor']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
