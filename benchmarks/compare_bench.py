"""Benchmark `reviewer compare`: one comparison of two drafts of about 850 words against one single review.

Both are timed in the same run, interleaved, after a warm-up: a single review is ``review(draft).to_dict()`` of
each draft in turn (the drafts differ in length, so the single review's median is taken over both); a
comparison is ``compare(review(old), review(new)).to_dict()`` (both drafts reviewed, as the CLI does for two
statement files). Prints the medians and their ratio (the goal: at most 3x), and writes them to
benchmarks/results/compare.json.

    .venv/bin/python benchmarks/compare_bench.py [--repeat 15] [--applicant chaudhry] [--render html]
"""
from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
COHORT = ROOT / "samples" / "cohort"
RESULTS = ROOT / "benchmarks" / "results"
AS_OF = "2026-09"


def drafts(applicant: str) -> tuple[str, str]:
    """An applicant's two rounds from samples/cohort (chaudhry: 875 and 789 words)."""
    return ((COHORT / "round1" / f"{applicant}.txt").read_text(encoding="utf-8"),
            (COHORT / "round2" / f"{applicant}.txt").read_text(encoding="utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--applicant", default="chaudhry")
    parser.add_argument("--render", choices=("none", "text", "json", "html", "docx"), default="none",
                        help="also render the comparison (and the review) in this format")
    args = parser.parse_args()

    from reviewer import review
    from reviewer.compare import compare
    from reviewer.compare.cli import render as render_comparison
    from reviewer.render import render as render_review
    from reviewer.review import prepare

    old, new = drafts(args.applicant)
    prepare()

    def one_review(text):
        result = review(text, as_of=AS_OF)
        result.to_dict()
        if args.render != "none":
            render_review(result, args.render)

    def one_comparison():
        comparison = compare(review(old, as_of=AS_OF), review(new, as_of=AS_OF))
        comparison.to_dict()
        if args.render != "none":
            render_comparison(comparison, args.render)

    one_review(old), one_review(new), one_comparison()  # warm-up: lookup tables, caches, the model
    times = {"review": [], "compare": []}
    for _ in range(args.repeat):
        for name, run in (("review", lambda: one_review(old)), ("compare", one_comparison),
                          ("review", lambda: one_review(new))):
            start = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - start)
    medians = {name: statistics.median(values) for name, values in times.items()}
    ratio = medians["compare"] / medians["review"]
    words = (len(old.split()), len(new.split()))
    print(f"drafts: {args.applicant}, {words[0]} and {words[1]} words; {args.repeat} runs each; render: {args.render}")
    print(f"single review   median {medians['review'] * 1000:7.1f} ms")
    print(f"comparison      median {medians['compare'] * 1000:7.1f} ms")
    print(f"ratio           {ratio:.2f}x (goal: at most 3x)")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "compare.json").write_text(json.dumps({
        "applicant": args.applicant, "words": words, "repeat": args.repeat, "render": args.render,
        "review_median_s": round(medians["review"], 4), "compare_median_s": round(medians["compare"], 4),
        "ratio": round(ratio, 2), "python": platform.python_version(), "machine": platform.machine(),
    }, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
