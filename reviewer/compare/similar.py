"""The pairs of sentences that share enough words: difflib's ratio over their words, each pair's own floor.

``similar_pairs`` gives exactly what ``similar_pairs_plain`` gives (the reference tests/compare/test_similar.py
holds it to), faster: the words two sentences share as bags (counted with numpy for all pairs at once) bound
difflib's ratio from above, so only the pairs that can reach their floor are measured.
"""
from __future__ import annotations

from collections.abc import Callable
from difflib import SequenceMatcher

import numpy as np


def ratio(a: list[str], b: list[str]) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio() if a or b else 1.0


def similar_pairs_plain(olds: dict[int, list[str]], news: dict[int, list[str]],
                        floor: Callable[[int, int], float]) -> list[tuple[float, int, int]]:
    """(similarity, old index, new index) of every pair at or above its floor: each pair measured."""
    out = []
    for j, b in news.items():
        for i, a in olds.items():
            score = ratio(a, b)
            if score >= floor(i, j):
                out.append((score, i, j))
    return out


def _bags(sentences: list[list[str]], vocabulary: dict) -> np.ndarray:
    """One row per sentence: how many times it holds each word of ``vocabulary``."""
    width = len(vocabulary)
    ids = np.array([vocabulary[w] for words in sentences for w in words], dtype=np.intp)
    rows = np.repeat(np.arange(len(sentences), dtype=np.intp), [len(words) for words in sentences])
    return np.bincount(rows * width + ids, minlength=len(sentences) * width).reshape(len(sentences), width)


def similar_pairs(olds: dict[int, list[str]], news: dict[int, list[str]], floor: Callable[[int, int], float],
                  lowest: float) -> list[tuple[float, int, int]]:
    """The same pairs as ``similar_pairs_plain``, skipping those whose shared words cannot reach their floor
    (``lowest``: the lowest floor any pair has)."""
    if not olds or not news:
        return []
    every = (w for words in (*olds.values(), *news.values()) for w in words)
    vocabulary = {w: k for k, w in enumerate(dict.fromkeys(every))}
    old_ids, new_ids = list(olds), list(news)
    old_bags, new_bags = _bags(list(olds.values()), vocabulary), _bags(list(news.values()), vocabulary)
    old_lengths, new_lengths = old_bags.sum(axis=1), new_bags.sum(axis=1)
    out = []
    # the shared words of every (old, new) pair, a block of new sentences at a time (memory stays bounded)
    block = max(1, 4_000_000 // max(1, old_bags.size))
    for first in range(0, len(new_ids), block):
        bags = new_bags[first:first + block]
        shared = np.minimum(old_bags[:, None, :], bags[None, :, :]).sum(axis=2)
        total = old_lengths[:, None] + new_lengths[None, first:first + block]
        bound = np.where(total > 0, 2.0 * shared / np.maximum(total, 1), 1.0)  # difflib's quick_ratio
        for column in range(bound.shape[1]):
            j = new_ids[first + column]
            b = news[j]
            matcher = None
            for row in np.flatnonzero(bound[:, column] >= lowest):
                i = old_ids[row]
                limit = floor(i, j)
                if bound[row, column] >= limit:
                    if matcher is None:
                        matcher = SequenceMatcher(None, autojunk=False)
                        matcher.set_seq2(b)  # difflib keeps what it learns of the second sequence between pairs
                    matcher.set_seq1(olds[i])
                    score = matcher.ratio() if olds[i] or b else 1.0
                    if score >= limit:
                        out.append((score, i, j))
    return out
