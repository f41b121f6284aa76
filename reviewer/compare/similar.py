"""The pairs of sentences that share enough words: difflib's ratio over their words, each pair's own floor.

``similar_pairs`` gives exactly what ``similar_pairs_plain`` gives (the reference the tests hold it to), faster:
the words two sentences share as bags (counted with numpy for all old sentences at once) bound difflib's ratio
from above, so only the pairs that can reach their floor are measured.
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


def similar_pairs(olds: dict[int, list[str]], news: dict[int, list[str]], floor: Callable[[int, int], float],
                  lowest: float) -> list[tuple[float, int, int]]:
    """The same pairs as ``similar_pairs_plain``, skipping those whose shared words cannot reach their floor
    (``lowest``: the lowest floor any pair has)."""
    if not olds or not news:
        return []
    every = (w for words in (*olds.values(), *news.values()) for w in words)
    vocabulary = {w: k for k, w in enumerate(dict.fromkeys(every))}
    old_ids = list(olds)
    counts = np.zeros((len(old_ids), len(vocabulary)), dtype=np.int32)
    for row, i in enumerate(old_ids):
        counts[row] = np.bincount(np.array([vocabulary[w] for w in olds[i]], dtype=np.intp), minlength=len(vocabulary))
    old_lengths = counts.sum(axis=1)
    out = []
    for j, b in news.items():
        bag = np.bincount(np.array([vocabulary[w] for w in b], dtype=np.intp), minlength=len(vocabulary)).astype(np.int32)
        shared = np.minimum(counts, bag).sum(axis=1)
        total = old_lengths + len(b)
        bound = np.where(total > 0, 2.0 * shared / np.maximum(total, 1), 1.0)  # difflib's quick_ratio
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(b)  # difflib keeps what it learns of the second sequence between pairs
        for row in np.flatnonzero(bound >= lowest):
            i = old_ids[row]
            limit = floor(i, j)
            if bound[row] >= limit:
                matcher.set_seq1(olds[i])
                score = matcher.ratio() if olds[i] or b else 1.0
                if score >= limit:
                    out.append((score, i, j))
    return out

