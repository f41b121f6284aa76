"""Find every match of the compiled lexicons in a Doc: the same matches as spaCy's ``Matcher``, found simply.

Each optional token is spelled out (a pattern with "word?" becomes one pattern with the word and one
without), so every pattern is a fixed run of token specs. For each token, a memo keyed by the token's text
gives the patterns whose first spec it meets; each of those is checked token by token, every spec test kept
in a memo keyed by (spec, text). ``tests/nlp/test_matcher.py`` compares the matches with spaCy's ``Matcher``.
"""
from __future__ import annotations

import itertools
import re

from spacy.lang.en.lex_attrs import like_num

from .lexicon import SCORE_REGEX, _prefix_regex
from .memo import Memo

_KINDS = ("lower", "in", "prefix", "lemma", "num", "score", "title")


def spelled_out(pattern: list[tuple]) -> list[tuple]:
    """Every way a pattern's optional tokens can be left out or kept, as runs of (kind, value) specs."""
    choices = [[(kind, value), None] if optional else [(kind, value)] for kind, value, optional in pattern]
    return [tuple(spec for spec in run if spec is not None) for run in itertools.product(*choices)]


class CueMatcher:
    """(start, end, cue name) of every match of every pattern, overlapping ones too, each once."""

    def __init__(self, compiled, lemma_of=None):
        self.names: list[str] = []
        specs: dict[tuple, int] = {}
        patterns: dict[tuple, None] = {}  # (name index, spec ids), in order, each once
        for name, pattern_list in compiled:
            self.names.append(name)
            for pattern in pattern_list:
                for run in spelled_out(pattern):
                    if run:
                        ids = tuple(specs.setdefault(spec, len(specs)) for spec in run)
                        patterns[(len(self.names) - 1, ids)] = None
        self._specs = list(specs)  # spec id -> (kind, value)
        for kind, _value in self._specs:
            if kind not in _KINDS:
                raise ValueError(f"unknown token spec {kind!r}")
        self._patterns = list(patterns)
        if lemma_of is None and any(kind == "lemma" for kind, _ in self._specs):
            from .lemmas import LookupLemmas
            lemma_of = LookupLemmas()
        self.lemma_of = lemma_of
        self._regex = {i: re.compile(_prefix_regex(value) if kind == "prefix" else SCORE_REGEX)
                       for i, (kind, value) in enumerate(self._specs) if kind in ("prefix", "score")}
        # First tokens: exact words are looked up; other first specs are tested on each new word.
        self._by_word: dict[str, list[int]] = {}
        self._by_spec: dict[int, list[int]] = {}
        for j, (_name, ids) in enumerate(self._patterns):
            kind, value = self._specs[ids[0]]
            if kind in ("lower", "in"):
                for word in ([value] if kind == "lower" else value):
                    self._by_word.setdefault(word, []).append(j)
            else:
                self._by_spec.setdefault(ids[0], []).append(j)
        self._starts = Memo(self._starts_of)
        self._fits = Memo(lambda key: self.test(*key))

    def test(self, spec_id: int, text: str) -> bool:
        """Whether a token with this text meets one spec, as spaCy's Matcher decides it (the attributes tested
        are lexical: spaCy computes them from the text alone)."""
        kind, value = self._specs[spec_id]
        if kind == "lower":
            return text.lower() == value
        if kind == "in":
            return text.lower() in value
        if kind in ("prefix", "score"):
            return self._regex[spec_id].search(text.lower() if kind == "prefix" else text) is not None
        if kind == "lemma":
            return self.lemma_of(text) in value
        if kind == "num":
            return bool(like_num(text))
        return text.istitle()

    def _starts_of(self, text: str) -> tuple[int, ...]:
        """The patterns whose first spec a token with this text meets, in the order they were added."""
        found = set(self._by_word.get(text.lower(), ()))
        for spec_id, js in self._by_spec.items():
            if self.test(spec_id, text):
                found.update(js)
        return tuple(sorted(found))

    def positions(self, doc) -> set[tuple[int, int, str]]:
        """Every match as (start, end, cue name)."""
        texts = [token.text for token in doc]
        n, found = len(texts), set()
        starts, fits, patterns, names = self._starts, self._fits, self._patterns, self.names
        for i, text in enumerate(texts):
            for j in starts(text):
                name, ids = patterns[j]
                end = i + len(ids)
                if end <= n and all(fits((ids[k], texts[i + k])) for k in range(1, len(ids))):
                    found.add((i, end, names[name]))
        return found

    def __call__(self, doc) -> list[tuple[str, int, int]]:
        """(cue name, start, end) of every match, sorted by position."""
        return [(name, start, end) for start, end, name in sorted(self.positions(doc))]
