"""Per-step timing of one checkout's pipeline: the tokenizer and each component, medians over the same texts
run.py makes (statements recombined from the corpus). Run it on two checkouts to see where time moved:

    .venv/bin/python benchmarks/stages.py .                    # this checkout
    .venv/bin/python benchmarks/stages.py /tmp/reviewer-old    # an older one (git worktree add ...)

Each run is its own process; compare the two runs' figures with the machine's load in mind (versus.py gives
the whole review's ratio in one run).
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    checkout = str(Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve())
    sys.path.insert(0, checkout)
    import reviewer  # the checkout's (before run.py puts this one on the path)
    try:
        from reviewer.nlp import get_nlp  # this layout
    except ImportError:
        from reviewer.pipeline import get_nlp  # the layout before the restructuring
    from reviewer.review import prepare
    prepare()
    sys.path.append(str(HERE))
    from run import make_texts

    nlp = get_nlp()
    texts = make_texts(200)
    for text, _ in texts[:5]:
        nlp(text)
    times: dict[str, list[float]] = {}
    for text, _ in texts:
        start = time.perf_counter()
        doc = nlp.make_doc(text)
        if doc.has_extension("region"):
            doc._.region = "georgia"
        times.setdefault("tokenizer", []).append(time.perf_counter() - start)
        for name, component in nlp.pipeline:
            start = time.perf_counter()
            doc = component(doc)
            times.setdefault(name, []).append(time.perf_counter() - start)
    print(f"{reviewer.__file__}: medians over {len(texts)} texts")
    for name, values in times.items():
        print(f"  {name:20s} {statistics.median(values) * 1000:.3f} ms")


if __name__ == "__main__":
    main()
