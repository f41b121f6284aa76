"""How the comparison of each draft pair stands against its writers' expected resolved/new/open findings.

The writers named only the guide rules below. Where the reviewer's own findings on a single draft differ from
what a pair expects, that is a matter of the sentence labels, not of the comparison; ``explained`` says whether
a pair's difference is of that kind. Run ``python -m tests.compare.expectations`` for the table.
"""
from __future__ import annotations

from reviewer import review
from reviewer.compare import compare
from tests.compare.pairs import AS_OF, pairs

GUIDE_RULES = {"score.not_addressed", "score.unnecessary", "score.too_short", "score.too_long", "score.no_growth",
               "score.blame", "score.dominates", "region.missing", "region.generic"}


def outcome(comparison) -> dict[str, list[str]]:
    """The guide rules resolved, new and still open, as the writers' "expected" names them."""
    def rules(changes):
        return sorted({c.rule for c in changes if c.rule in GUIDE_RULES})
    return {"resolved": rules(comparison.resolved), "new": rules(comparison.introduced),
            "open": rules(comparison.still_open)}


def expected(pair) -> dict[str, list[str]]:
    return {key: sorted(pair.data["expected"].get(key, [])) for key in ("resolved", "new", "open")}


def explained(pair, old, new) -> bool:
    """Whether the single-draft findings already differ from what the expectation implies (the old draft has
    exactly the resolved and open rules, the new one exactly the new and open ones)."""
    wanted = expected(pair)
    fired_old = {f.rule for f in old.findings if f.rule in GUIDE_RULES}
    fired_new = {f.rule for f in new.findings if f.rule in GUIDE_RULES}
    return (fired_old != set(wanted["resolved"]) | set(wanted["open"])
            or fired_new != set(wanted["new"]) | set(wanted["open"]))


def main() -> None:
    matching = 0
    all_pairs = pairs()
    for pair in all_pairs:
        old = review(pair.text("old"), exams=pair.exams, as_of=AS_OF)
        new = review(pair.text("new"), exams=pair.exams, as_of=AS_OF)
        got, wanted = outcome(compare(old, new)), expected(pair)
        matching += got == wanted
        print(f"{pair.name:55} {'matches' if got == wanted else 'differs'}")
        if got != wanted:
            print(f"    comparison: {got}\n    expected:   {wanted}\n    single-draft findings differ: "
                  f"{explained(pair, old, new)}")
    print(f"{matching} of {len(all_pairs)} pairs match their writers' expectations exactly")


if __name__ == "__main__":
    main()
