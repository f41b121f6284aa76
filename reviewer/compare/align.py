"""Align the sentences of two drafts: which are unchanged, edited, added or removed, and which moved.

The method, in the order it runs (each step only pairs sentences no earlier step paired):
1. the same text (spacing and typography aside), in order: difflib's longest matching runs;
2. the same text elsewhere: a sentence that moved;
3. similar words: pairs of sentences sharing at least ``IN_PLACE`` of their words (difflib's ratio over the
   words) when the new sentence stands where the old one stood (between the same paired neighbours), or
   ``ELSEWHERE`` when it also moved; the most similar pairs first;
4. in place: one old and one new sentence left alone between the same paired neighbours, in the same
   paragraph, are the old one rewritten; so are the first (or last) sentences of two paragraphs that pair
   with each other, when neither was paired.
Whatever is left was removed (old) or added (new). A pair is "moved" when it breaks the reading order the
other pairs keep (the longest run of pairs in the same order in both drafts).
"""
from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..nlp.typography import plain
from .similar import ratio, similar_pairs

IN_PLACE = 0.3
ELSEWHERE = 0.5
WORD = re.compile(r"\w+(?:'\w+)*")

SAME_TEXT, SAME_TEXT_MOVED, SIMILAR, ALONE_IN_PLACE, PARAGRAPH_EDGE = (
    "same text", "same text, moved", "similar words", "replaced in place", "paragraph edge rewritten")


@dataclass(frozen=True)
class Pair:
    """One row of the alignment: an old sentence, a new one, or both; indexes are the drafts' sentence indexes."""

    old: int | None
    new: int | None
    change: str  # unchanged | edited | added | removed
    moved: bool = False
    similarity: float = 0.0  # the share of words in common (1.0 for the same text)
    how: str = ""  # which step paired them (see the module docstring)


def normalised(text: str) -> str:
    """A sentence as compared for "the same text": typography made plain, runs of spaces made one."""
    return " ".join(plain(text).text.split())


def words(text: str) -> list[str]:
    """The words of a sentence, in lower case, as compared for similarity."""
    return WORD.findall(plain(text).text.lower())


def in_order(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The longest run of pairs whose old indexes rise with their new ones (the rest moved)."""
    ordered = sorted(pairs, key=lambda p: p[1])
    tails, tail_at, back = [], [], {}
    for k, (i, _j) in enumerate(ordered):
        at = bisect.bisect_left(tails, i)
        back[k] = tail_at[at - 1] if at else None
        if at == len(tails):
            tails.append(i)
            tail_at.append(k)
        else:
            tails[at], tail_at[at] = i, k
    kept, k = set(), tail_at[-1] if tail_at else None
    while k is not None:
        kept.add(ordered[k])
        k = back[k]
    return kept


class _Aligner:
    """The state of one alignment: who is paired with whom, and how."""

    def __init__(self, old, new):
        self.old, self.new = old, new
        self.to_new: dict[int, int] = {}
        self.to_old: dict[int, int] = {}
        self.how: dict[int, tuple[str, float]] = {}  # new index -> (step, similarity)
        self._words = {}

    def pair(self, i: int, j: int, how: str, score: float) -> None:
        self.to_new[i], self.to_old[j], self.how[j] = j, i, (how, score)

    def words(self, side: str, k: int) -> list[str]:
        key = (side, k)
        if key not in self._words:
            self._words[key] = words((self.old if side == "old" else self.new)[k].text)
        return self._words[key]

    def free(self, side: str) -> list[int]:
        taken, count = (self.to_new, len(self.old)) if side == "old" else (self.to_old, len(self.new))
        return [k for k in range(count) if k not in taken]

    def anchors(self) -> list[tuple[int, int]]:
        """The pairs in reading order, as (old, new), with the moved ones left out."""
        return sorted(in_order(list(self.to_new.items())), key=lambda p: p[1])

    def gaps(self) -> list[tuple[list[int], list[int]]]:
        """For each stretch between two neighbouring in-order pairs: the unpaired old and new sentences in it."""
        anchors = [(-1, -1)] + self.anchors() + [(len(self.old), len(self.new))]
        out = []
        for (i0, j0), (i1, j1) in zip(anchors, anchors[1:]):
            olds = [i for i in range(i0 + 1, i1) if i not in self.to_new]
            news = [j for j in range(j0 + 1, j1) if j not in self.to_old]
            out.append((olds, news))
        return out

    def same_text(self) -> None:
        old_keys = [normalised(s.text) for s in self.old]
        new_keys = [normalised(s.text) for s in self.new]
        for block in SequenceMatcher(None, old_keys, new_keys, autojunk=False).get_matching_blocks():
            for k in range(block.size):
                self.pair(block.a + k, block.b + k, SAME_TEXT, 1.0)
        waiting = defaultdict(list)
        for i in self.free("old"):
            waiting[old_keys[i]].append(i)
        for j in self.free("new"):
            if waiting.get(new_keys[j]):
                self.pair(waiting[new_keys[j]].pop(0), j, SAME_TEXT_MOVED, 1.0)

    def similar_words(self) -> None:
        place = {}
        for olds, news in self.gaps():
            for j in news:
                place[j] = set(olds)
        def floor(i: int, j: int) -> float:
            return IN_PLACE if i in place.get(j, ()) else ELSEWHERE

        olds = {i: self.words("old", i) for i in self.free("old")}
        news = {j: self.words("new", j) for j in self.free("new")}
        candidates = [(-score, abs(i - j), i, j) for score, i, j in similar_pairs(olds, news, floor, IN_PLACE)]
        for negative, _, i, j in sorted(candidates):
            if i not in self.to_new and j not in self.to_old:
                self.pair(i, j, SIMILAR, -negative)

    def alone_in_place(self) -> None:
        for olds, news in self.gaps():
            if len(olds) == len(news) == 1 and self._same_paragraph(olds[0], news[0]):
                self._pair_scored(olds[0], news[0], ALONE_IN_PLACE)

    def paragraph_edges(self) -> None:
        for old_para, new_para in self._paragraph_partners():
            for pick in (min, max):
                i, j = pick(old_para), pick(new_para)
                if i not in self.to_new and j not in self.to_old:
                    self._pair_scored(i, j, PARAGRAPH_EDGE)

    def _pair_scored(self, i: int, j: int, how: str) -> None:
        self.pair(i, j, how, ratio(self.words("old", i), self.words("new", j)))

    def _paragraphs(self, side: str) -> dict[int, list[int]]:
        out = defaultdict(list)
        for s in (self.old if side == "old" else self.new):
            out[s.paragraph].append(s.index)
        return out

    def _paragraph_of_old(self) -> dict[int, int]:
        """Each new paragraph's partner: the old paragraph most of its paired sentences come from."""
        votes = defaultdict(Counter)
        for j, i in self.to_old.items():
            votes[self.new[j].paragraph][self.old[i].paragraph] += 1
        return {q: min(c.items(), key=lambda item: (-item[1], item[0]))[0] for q, c in votes.items()}

    def _paragraph_partners(self) -> list[tuple[list[int], list[int]]]:
        old_paras, new_paras = self._paragraphs("old"), self._paragraphs("new")
        return [(old_paras[p], new_paras[q]) for q, p in sorted(self._paragraph_of_old().items())]

    def _same_paragraph(self, i: int, j: int) -> bool:
        return self._paragraph_of_old().get(self.new[j].paragraph) == self.old[i].paragraph


def align(old, new) -> list[Pair]:
    """The alignment of two drafts' sentences (sequences of reviewer.sentences.Sentence), in reading order: the
    new draft's order, each removed sentence placed after the sentence that came before it in the old draft."""
    state = _Aligner(old, new)
    state.same_text()
    state.similar_words()
    state.alone_in_place()
    state.paragraph_edges()
    kept = in_order(list(state.to_new.items()))
    rows = []
    for j in range(len(new)):
        i = state.to_old.get(j)
        if i is None:
            rows.append(Pair(None, j, "added"))
            continue
        how, score = state.how[j]
        change = "unchanged" if how in (SAME_TEXT, SAME_TEXT_MOVED) else "edited"
        rows.append(Pair(i, j, change, (i, j) not in kept, round(score, 3), how))
    for i in state.free("old"):  # after the sentence that came before it in the old draft, wherever that went
        after = next((k for k, row in enumerate(rows) if row.old == i - 1), -1)
        rows.insert(after + 1, Pair(i, None, "removed"))
    return rows
