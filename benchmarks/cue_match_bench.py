"""Benchmark cue matching: the spaCy Matcher the reviewer used to run against reviewer.cues.CueMatcher.

Both are built from the same compiled lexicons and run, in this one process, on every corpus statement
(samples/corpus/*.json, not *.cv.json), tokenized once by the blank pipeline. Prints the median and
total time per statement of each, and checks they found the same matches.

    .venv/bin/python benchmarks/cue_match_bench.py [--repeat 5]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reviewer.cues import CueMatcher, compile_lexicons, spacy_matcher  # noqa: E402
from reviewer.pipeline import make_blank  # noqa: E402
from reviewer.rulebook import load_rulebook  # noqa: E402
from tests.conftest import corpus_text  # noqa: E402

CORPUS = ROOT / "samples" / "corpus"


def statements() -> list[str]:
    return [corpus_text(p) for p in sorted(CORPUS.glob("*.json")) if not p.name.endswith(".cv.json")]


def timed(fn, docs, repeat):
    """Per statement, the best of ``repeat`` runs (seconds), and the last run's results."""
    times, results = [], []
    for doc in docs:
        best = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            result = fn(doc)
            best = min(best, time.perf_counter() - t0)
        times.append(best)
        results.append(result)
    return times, results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs per statement, keeping the fastest (default 1: the first, cold-cache run)")
    args = parser.parse_args()

    nlp = make_blank()  # with spaCy's lookup lemmatizer, which the Matcher needs for "~lemma" entries
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    t0 = time.perf_counter()
    compiled = compile_lexicons(load_rulebook(), nlp.tokenizer)
    reference = spacy_matcher(nlp.vocab, compiled)
    t_ref_build = time.perf_counter() - t0
    t0 = time.perf_counter()
    fast = CueMatcher(compiled)
    t_fast_build = time.perf_counter() - t0
    texts = statements()
    docs = [nlp(text) for text in texts]
    words = [len(text.split()) for text in texts]
    strings = nlp.vocab.strings

    def run_reference(doc):
        return [(strings[key], start, end) for key, start, end in reference(doc)]

    ref_times, ref_results = timed(run_reference, docs, args.repeat)
    fast_times, fast_results = timed(fast, docs, args.repeat)
    same = [sorted(set(r)) for r in ref_results] == [sorted(f) for f in fast_results]  # same matches, as sets
    patterns = sum(len(p) for _name, p in compiled)

    print(f"{len(docs)} statements, median {statistics.median(words):.0f} words; "
          f"{patterns} patterns in {len(compiled)} cue names; best of {args.repeat} run(s) per statement")
    print(f"{'matcher':<22}{'median ms':>10}{'mean ms':>10}{'total ms':>10}")
    for label, times in (("spaCy Matcher", ref_times), ("CueMatcher", fast_times)):
        print(f"{label:<22}{statistics.median(times) * 1e3:>10.2f}{statistics.mean(times) * 1e3:>10.2f}"
              f"{sum(times) * 1e3:>10.1f}")
    print(f"speed-up (median)     {statistics.median(ref_times) / statistics.median(fast_times):.0f}x")
    print(f"matches identical     {same} ({sum(map(len, fast_results))} matches)")
    print(f"construction ms       spaCy {t_ref_build * 1e3:.0f} (with compiling), CueMatcher {t_fast_build * 1e3:.0f}")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
