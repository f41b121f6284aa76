"""reviewer/compare/similar.py: the fast search for similar sentences gives exactly the plain search's pairs."""
from __future__ import annotations

import random

import pytest

from reviewer.compare.align import IN_PLACE, ELSEWHERE, words
from reviewer.compare.similar import similar_pairs, similar_pairs_plain
from tests.compare.pairs import pairs

VOCABULARY = "i the a step exam failed passed atlanta grady clinic patients learned study plan every week and of".split()


def floor_of(seed: int):
    """A floor per pair as the aligner gives them: lower for pairs in place, higher for the rest."""
    chosen = random.Random(seed)
    floors = {}

    def floor(i: int, j: int) -> float:
        return floors.setdefault((i, j), chosen.choice((IN_PLACE, ELSEWHERE)))
    return floor


def check(olds, news, seed):
    floor = floor_of(seed)
    expected = sorted(similar_pairs_plain(olds, news, floor))
    assert sorted(similar_pairs(olds, news, floor, IN_PLACE)) == expected


@pytest.mark.parametrize("seed", range(200))
def test_random_sentences_give_the_plain_pairs(seed):
    rng = random.Random(seed)
    def sentence():
        return [rng.choice(VOCABULARY) for _ in range(rng.randint(0, 14))]
    olds = {i: sentence() for i in range(rng.randint(0, 12))}
    news = {j: sentence() for j in range(rng.randint(0, 12))}
    check(olds, news, seed)


@pytest.mark.parametrize("pair", pairs(), ids=lambda p: p.name)
def test_the_draft_pairs_give_the_plain_pairs(pair):
    split = {side: [s for paragraph in pair.paragraphs(side) for s in paragraph] for side in ("old", "new")}
    olds = {i: words(text) for i, text in enumerate(split["old"])}
    news = {j: words(text) for j, text in enumerate(split["new"])}
    check(olds, news, 0)


def test_many_new_sentences_are_taken_in_blocks():
    """More pairs than one block holds: the result is still the plain one."""
    rng = random.Random(7)
    long_words = [f"w{k}" for k in range(3000)]
    olds = {i: rng.sample(long_words, 40) for i in range(60)}
    news = {j: (olds[j % 60][:30] + rng.sample(long_words, 10)) for j in range(60)}
    check(olds, news, 1)
