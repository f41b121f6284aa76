"""Sentence alignment: every draft pair against its writers' annotation, and the method's parts on small cases."""
import pytest

from reviewer import review
from reviewer.compare.align import align, in_order, normalised
from reviewer.compare.word_diff import inline, side, word_diff
from tests.compare.pairs import pairs, pieces

PAIR_NAMES = [p.name for p in pairs()]


def test_there_are_at_least_twelve_pairs_covering_the_cases():
    assert len(PAIR_NAMES) >= 12
    covers = " ".join(PAIR_NAMES)
    for case in ("blame_sentence_fixed", "cut_7_to_3", "growth_added", "praise_made_concrete", "paragraphs_reordered",
                 "worse", "identical"):
        assert case in covers


@pytest.mark.parametrize("name", PAIR_NAMES)
def test_alignment_matches_the_annotation_exactly(reviewed_pairs, name):
    pair, old, new = reviewed_pairs[name]
    rows = align(old.sentences, new.sentences)
    assert sorted(r.new for r in rows if r.new is not None) == list(range(len(new.sentences)))
    assert sorted(r.old for r in rows if r.old is not None) == list(range(len(old.sentences)))
    by_new = {r.new: r for r in rows if r.new is not None}
    old_pieces, new_pieces = pieces(pair, "old", old), pieces(pair, "new", new)
    came_from = set()
    for key, note in pair.annotations().items():
        got = [by_new[j] for j in new_pieces[key]]
        if note["from"] is None:
            assert {r.change for r in got} == {"added"}, (key, got)
            continue
        came_from.add(note["from"])
        assert {r.old for r in got} == set(old_pieces[note["from"]]), (key, note, got)
        changes = {r.change for r in got}
        assert changes <= {"unchanged", "edited"}, (key, got)
        assert ("edited" in changes) == (note["change"] == "edited"), (key, note, got)
    removed = {r.old for r in rows if r.change == "removed"}
    for key, indexes in old_pieces.items():
        assert (key not in came_from) == (set(indexes) <= removed), key


def test_identical_drafts_are_unchanged_throughout(reviewed_pairs):
    _pair, old, _new = reviewed_pairs["08_identical_drafts"]
    rows = align(old.sentences, old.sentences)
    assert [(r.old, r.new, r.change, r.moved) for r in rows] == [(i, i, "unchanged", False) for i in range(len(old.sentences))]


def test_a_reordered_paragraph_is_unchanged_and_moved(reviewed_pairs):
    pair, old, new = reviewed_pairs["05_paragraphs_reordered_words_same"]
    rows = align(old.sentences, new.sentences)
    assert {r.change for r in rows} == {"unchanged"}
    moved = [r for r in rows if r.moved]
    assert len(moved) == len(pair.data["old"][3]), "the three sentences of the research paragraph moved"
    assert all(old.sentences[r.old].paragraph == 3 for r in moved)


def test_removed_sentences_stand_after_their_old_predecessor():
    old = review("I like Atlanta. My aunt lives in Decatur. I chose pediatrics. Children heal fast.", as_of="2026-09")
    new = review("I like Atlanta. I chose pediatrics. Children heal fast.", as_of="2026-09")
    rows = align(old.sentences, new.sentences)
    assert [(r.old, r.new, r.change) for r in rows] == [(0, 0, "unchanged"), (1, None, "removed"),
                                                        (2, 1, "unchanged"), (3, 2, "unchanged")]


def test_typography_and_spacing_do_not_count_as_edits():
    assert normalised("I\u2019m  here \u2014 now.") == normalised("I'm here \u2014 now.")
    old = review("I\u2019m applying to family medicine in Macon, Georgia.", as_of="2026-09")
    new = review("I'm  applying to family medicine in Macon, Georgia.", as_of="2026-09")
    assert [r.change for r in align(old.sentences, new.sentences)] == ["unchanged"]


@pytest.mark.parametrize("old, new, cut, added", [
    ("I failed Step 1 because the exam was unfair.", "I failed Step 1 because I prepared alone.",
     ["the exam was unfair"], ["I prepared alone"]),
    ("My aunt lives in Decatur.", "My aunt lives in Decatur, Georgia.", [], [", Georgia"]),
    ("Same words here.", "Same words here.", [], []),
])
def test_word_diff_marks_only_the_changed_words(old, new, cut, added):
    runs = word_diff(old, new)
    assert "".join(text for text, _ in side(runs, "old")) == old
    assert "".join(text for text, _ in side(runs, "new")) == new
    assert [t.strip() for t, changed in side(runs, "old") if changed] == cut
    assert [t.strip() for t, changed in side(runs, "new") if changed] == added
    merged = inline(runs)
    assert "".join(t for op, t in merged if op != "insert") == old
    assert "".join(t for op, t in merged if op != "delete") == new


def test_in_order_keeps_the_longest_run_of_pairs():
    pairs = [(0, 0), (1, 1), (5, 2), (2, 3), (3, 4), (4, 5)]
    assert in_order(pairs) == {(0, 0), (1, 1), (2, 3), (3, 4), (4, 5)}
