"""Find every match of the compiled lexicons in a Doc: the same matches as spaCy's ``Matcher``.

Each optional token is spelled out (a pattern with "word?" becomes one pattern with the word and one
without), so every pattern is a fixed run of token specs. Patterns of exact words only (most of them) go to
spaCy's ``PhraseMatcher``; the rest (prefixes, lemmas, numbers) to ``RunMatcher``, where memos keyed by the
words (spaCy's IDs of their texts) say which patterns a word may begin, and which of those a run of words
matches in full or so far, so that matching reads a document word by word only while a pattern is in
progress. ``tests/nlp/test_matcher.py`` compares both, and ``RunMatcher`` alone, with spaCy's ``Matcher``.
"""
from __future__ import annotations

import itertools
import re

import numpy
from spacy.attrs import ORTH
from spacy.lang.en.lex_attrs import like_num

from .lexicon import SCORE_REGEX, _prefix_regex
from .memo import Column, Memo, WordTable

_KINDS = ("lower", "in", "prefix", "lemma", "num", "score", "title")


def spelled_out(pattern: list[tuple]) -> list[tuple]:
    """Every way a pattern's optional tokens can be left out or kept, as runs of (kind, value) specs."""
    choices = [[(kind, value), None] if optional else [(kind, value)] for kind, value, optional in pattern]
    return [tuple(spec for spec in run if spec is not None) for run in itertools.product(*choices)]


class CueMatcher:
    """(start, end, cue name) of every match of every pattern, overlapping ones too, each once."""

    MAX_PHRASES = 64  # a words-only pattern spelling out to more phrases than this stays with RunMatcher

    def __init__(self, compiled, vocab, lemma_of=None):
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc

        self.phrases = PhraseMatcher(vocab, attr="LOWER")
        self._names: dict[int, str] = {}  # PhraseMatcher's match id -> cue name
        rest = []
        for name, patterns in compiled:
            kept, docs = [], []
            for pattern in patterns:
                alternatives = [([value] if kind == "lower" else list(value)) + ([None] if optional else [])
                                for kind, value, optional in pattern if kind in ("lower", "in")]
                combinations = 1
                for options in alternatives:
                    combinations *= len(options)
                if len(alternatives) < len(pattern) or combinations > self.MAX_PHRASES:
                    kept.append(pattern)
                    continue
                for words in itertools.product(*alternatives):
                    words = [w for w in words if w is not None]
                    if words:
                        docs.append(Doc(vocab, words=words))
            if docs:
                self.phrases.add(name, docs)
                self._names[vocab.strings[name]] = name
            rest.append((name, kept))
        self.runs = RunMatcher(rest, vocab.strings, lemma_of)

    def positions(self, doc) -> set[tuple[int, int, str]]:
        """Every match as (start, end, cue name)."""
        names = self._names
        found = self.runs.positions(doc)
        found.update((start, end, names[key]) for key, start, end in self.phrases(doc))
        return found

    def __call__(self, doc) -> list[tuple[str, int, int]]:
        """(cue name, start, end) of every match, sorted by position."""
        return [(name, start, end) for start, end, name in sorted(self.positions(doc))]


class RunMatcher:
    """(start, end, cue name) of every match of every pattern, overlapping ones too, each once, found word by
    word with memos (the patterns spaCy's PhraseMatcher cannot take)."""

    def __init__(self, compiled, strings, lemma_of=None):
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
        # one search of all the prefix specs together rules most new words out before each is tested
        self._prefix_specs = [(i, js) for i, js in self._by_spec.items() if self._specs[i][0] == "prefix"]
        self._other_specs = [(i, js) for i, js in self._by_spec.items() if self._specs[i][0] != "prefix"]
        prefixes = [self._regex[i].pattern for i, _ in self._prefix_specs]
        self._any_prefix = re.compile("|".join(prefixes)) if prefixes else None
        self.strings = strings  # the vocabulary's StringStore: a word's text from its ID
        # word -> (one-token matches, goes on?), or None
        self._starts = Column(lambda orth: self._starts_of(strings[orth]), object)
        self._words = WordTable()  # (for a Doc the sentence splitter has not read: doc._.word_rows)
        self._runs = Memo(self._run_at)  # (word, next word, ...) -> patterns matched in full, and begun
        self._fits = Memo(lambda key: self.test(key[0], strings[key[1]]))  # (spec, word) -> does it fit?

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

    def _begun_by(self, text: str) -> set[int]:
        """The patterns whose first spec a word with this text meets."""
        lower = text.lower()
        found = set(self._by_word.get(lower, ()))
        specs = self._other_specs
        if self._any_prefix is not None and self._any_prefix.search(lower) is not None:
            specs = specs + self._prefix_specs
        for spec_id, js in specs:
            if self.test(spec_id, text):
                found.update(js)
        return found

    def _starts_of(self, text: str) -> tuple[tuple, bool] | None:
        """The one-token patterns a word with this text matches, and whether it may begin a longer one; None
        when it begins no pattern."""
        found = self._begun_by(text)
        if not found:
            return None  # (most words)
        singles = tuple(sorted(j for j in found if len(self._patterns[j][1]) == 1))
        return singles, len(singles) < len(found)

    def _run_at(self, words: tuple[int, ...]) -> tuple[tuple, tuple]:
        """For a run of two or more words: the patterns of that length they match in full, and the longer
        patterns they match so far (each worked out from the run one word shorter)."""
        *head, last = words
        if len(head) == 1:
            found = self._begun_by(self.strings[head[0]])
            candidates = sorted(j for j in found if len(self._patterns[j][1]) > 1)
        else:
            candidates = self._runs(tuple(head))[1]
        k = len(words) - 1  # the position of ``last`` in the patterns
        fitting = [j for j in candidates if self._fits((self._patterns[j][1][k], last))]
        return (tuple(j for j in fitting if len(self._patterns[j][1]) == k + 1),
                tuple(j for j in fitting if len(self._patterns[j][1]) > k + 1))

    def positions(self, doc) -> set[tuple[int, int, str]]:
        """Every match as (start, end, cue name)."""
        array = doc._.orth_array if doc._.orth_array is not None else doc.to_array(ORTH)
        orths = doc._.orths if doc._.orths is not None else array.tolist()
        n, names, patterns = len(orths), self.names, self._patterns
        rows = doc._.word_rows if doc._.word_rows is not None else self._words.rows(array)
        starts = rows.values(self._starts)
        begins = numpy.flatnonzero(starts != None).tolist()  # noqa: E711 (each element compared with None)
        starts = starts.tolist()
        found = {(i, i + 1, names[patterns[j][0]]) for i in begins for j in starts[i][0]}
        # runs of two words and longer, all runs of one length at a time, while a pattern is in progress
        active, length = [i for i in begins if starts[i][1] and i + 1 < n], 2
        while active:
            results = self._runs.many([tuple(orths[i:i + length]) for i in active])
            found.update((i, i + length, names[patterns[j][0]]) for i, (matched, _) in zip(active, results)
                         for j in matched)
            active = [i for i, (_, longer) in zip(active, results) if longer and i + length < n]
            length += 1
        return found

    def __call__(self, doc) -> list[tuple[str, int, int]]:
        """(cue name, start, end) of every match, sorted by position."""
        return [(name, start, end) for start, end, name in sorted(self.positions(doc))]
