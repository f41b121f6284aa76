"""Findings followed across drafts: each pair's comparison against the reviewer's own single-draft findings,
matched by rule and sentence through the writers' alignment, and against the writers' expectations."""
import pytest

from reviewer import review
from reviewer.compare import compare
from reviewer.compare.match import match_findings
from reviewer.findings import Finding
from tests.compare.expectations import expected, explained, outcome
from tests.compare.pairs import annotated_partners, pairs

PAIR_NAMES = [p.name for p in pairs()]


def oracle(pair, old, new) -> list[tuple]:
    """(status, rule, old sentences, new sentences) of every finding, matched here by rule and sentence with the
    writers' annotation standing for the alignment."""
    partners = annotated_partners(pair, old, new)
    left = list(new.findings)
    out = []
    for f in old.findings:
        mapped = set().union(*(partners[i] for i in f.sentences)) if f.sentences else set()
        same = [g for g in left if g.rule == f.rule and
                ((not f.sentences and not g.sentences) or mapped & set(g.sentences))]
        if same:
            best = max(same, key=lambda g: len(mapped & set(g.sentences)))
            left.remove(best)
            out.append(("open", f.rule, f.sentences, best.sentences))
        else:
            out.append(("resolved", f.rule, f.sentences, ()))
    out += [("new", g.rule, (), g.sentences) for g in left]
    return sorted(out)


def followed(comparison) -> list[tuple]:
    return sorted((c.status, c.rule, c.old.sentences if c.old else (), c.new.sentences if c.new else ())
                  for c in comparison.findings)


@pytest.mark.parametrize("name", PAIR_NAMES)
def test_findings_match_the_single_draft_reviews_by_rule_and_sentence(reviewed_pairs, name):
    pair, old, new = reviewed_pairs[name]
    comparison = compare(old, new)
    assert followed(comparison) == oracle(pair, old, new)
    assert comparison.exit_code == (1 if any(c.status == "new" and c.new.serious for c in comparison.findings) else 0)


@pytest.mark.parametrize("name", PAIR_NAMES)
def test_a_pair_differs_from_its_writers_only_where_a_single_draft_review_does(reviewed_pairs, name):
    pair, old, new = reviewed_pairs[name]
    if outcome(compare(old, new)) != expected(pair):
        assert explained(pair, old, new), "the single drafts' findings agree with the writers, the comparison does not"


@pytest.mark.parametrize("name, status, rule", [
    ("01_blame_sentence_fixed", "resolved", "score.blame"),
    ("06_worse_downplaying_sentence_added", "new", "score.blame"),
    ("16_passage_trimmed_deblamed_but_moved_to_opening", "new", "score.dominates"),
    ("02_score_passage_cut_7_to_3", "resolved", "score.too_long"),
])
def test_the_headline_changes_of_the_pairs(reviewed_pairs, name, status, rule):
    _pair, old, new = reviewed_pairs[name]
    assert rule in {c.rule for c in compare(old, new).of_status(status)}


def test_a_worse_draft_exits_1_and_a_better_one_0(reviewed_pairs):
    assert compare(*reviewed_pairs["06_worse_downplaying_sentence_added"][1:]).exit_code == 1
    assert compare(*reviewed_pairs["01_blame_sentence_fixed"][1:]).exit_code == 0
    assert compare(*reviewed_pairs["01_blame_sentence_fixed"][1:][::-1]).exit_code == 1, "the same pair backwards"


def test_the_comparison_leaves_both_reviews_as_they_were(reviewed_pairs):
    _pair, old, new = reviewed_pairs["16_passage_trimmed_deblamed_but_moved_to_opening"]
    before = (old.to_dict(), new.to_dict())
    compare(old, new).to_dict()
    assert (old.to_dict(), new.to_dict()) == before


def finding(rule, sentences=(), level="warning"):
    return Finding(rule, level, "m", "w", "f", "s", sentences=tuple(sentences))


def test_matching_by_rule_and_sentence_on_small_cases():
    from reviewer.compare.align import Pair
    pairs = [Pair(0, 0, "unchanged"), Pair(1, None, "removed"), Pair(2, 1, "edited"), Pair(None, 2, "added")]
    old = [finding("score.blame", [1]), finding("score.blame", [2]), finding("region.missing"),
           finding("score.too_long", [0, 1, 2])]
    new = [finding("score.blame", [1]), finding("score.blame", [2]), finding("region.missing"),
           finding("score.too_long", [0, 1, 2])]
    got = [(c.status, c.rule, c.old.sentences if c.old else None, c.new.sentences if c.new else None)
           for c in match_findings(old, new, pairs, {"score.blame", "region.missing", "score.too_long"})]
    assert got == [("open", "score.blame", (2,), (1,)), ("new", "score.blame", None, (2,)),
                   ("open", "region.missing", (), ()), ("open", "score.too_long", (0, 1, 2), (0, 1, 2)),
                   ("resolved", "score.blame", (1,), None)]


def test_a_finding_raised_to_a_warning_counts_as_worse():
    from reviewer.compare.align import Pair
    [change] = match_findings([finding("score.too_long", [0], "suggestion")], [finding("score.too_long", [0])],
                              [Pair(0, 0, "unchanged")], {"score.too_long"})
    assert change.status == "open" and change.worse


def test_unchanged_draft_with_findings_is_not_worse():
    text = "I failed Step 1. The exam was unfair and the proctors made me fail. I love Atlanta."
    old = review(text, as_of="2026-09")
    comparison = compare(old, review(text, as_of="2026-09"))
    assert comparison.findings and all(c.status == "open" for c in comparison.findings)
    assert comparison.exit_code == 0


def test_whole_statement_findings_of_one_rule_pair_by_message_first():
    """Two CV gaps, the earlier one filled in the new draft's CV: that one is resolved, the other still open
    (paired by order, the first old gap would have been matched with the remaining one)."""
    def gap(message):
        return Finding("cv.gap", "warning", message, "why", "fix", "source")
    filled, left = gap("No entry covers 2019-07 to 2020-01."), gap("No entry covers 2022-11 to 2026-09.")
    changes = match_findings([filled, left], [left], [], {"cv.gap"})
    assert [(c.status, (c.old or c.new).message) for c in changes] == [
        ("open", left.message), ("resolved", filled.message)]
