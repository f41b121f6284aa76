"""A quick test before a slow case-insensitive pattern: do the literals that every match needs occur at all?"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate


def may_match(sentence: str, *needs: tuple[str, ...]) -> bool:
    """False only when, for one of ``needs``, none of its literals (lower-case ASCII) occurs in the sentence,
    compared as re.IGNORECASE compares: a pattern that needs one literal of each cannot match the sentence then."""
    return may_match_any(sentence, needs)


def may_match_any(sentence: str, *alternatives: tuple[tuple[str, ...], ...]) -> bool:
    """``may_match(sentence, *needs)`` for some ``needs`` of ``alternatives``, the sentence lower-cased once."""
    holds = sentence.lower().__contains__
    for needs in alternatives:
        if all(any(map(holds, literals)) for literals in needs):  # a literal of every group
            return True
    # re.IGNORECASE also matches "İ" and "ı" to "i" and "ſ" to "s", which str.lower() does not ("İ" lowers
    # to "i" + a combining dot): a sentence holding one is left to the pattern itself
    return not sentence.isascii() and ("İ" in sentence or "ı" in sentence or "ſ" in sentence)


class Literals:
    """Which of a statement's sentences hold which literals, worked out for the whole statement at once: each
    literal is looked for once, in the sentences lower-cased and joined by newlines (which no literal holds),
    rather than once in every sentence; ``matching`` then answers ``may_match_any`` for every sentence
    (tests/cv/test_quick_tests.py holds it to the sentence-by-sentence test)."""

    def __init__(self, sentences: list[str]):
        lowered = [sentence.lower() for sentence in sentences]
        self._count = len(sentences)
        self._text = "\n".join(lowered)
        self._ends = list(accumulate(len(s) + 1 for s in lowered))  # where each sentence's separator ends
        self._holding: dict[str, set[int]] = {}
        # (the letters re.IGNORECASE matches that str.lower() does not: see may_match_any)
        self._odd = {i for i, s in enumerate(sentences) if not s.isascii() and ("İ" in s or "ı" in s or "ſ" in s)}

    def holding(self, literal: str) -> set[int]:
        """The sentences that hold ``literal`` (lower-case)."""
        found = self._holding.get(literal)
        if found is None:
            text, ends = self._text, self._ends
            found, at = set(), text.find(literal) if self._count else -1
            while at >= 0:
                i = bisect_right(ends, at)  # the sentence the literal was found in; then on to the next one
                found.add(i)
                at = text.find(literal, ends[i]) if i + 1 < len(ends) else -1
            self._holding[literal] = found
        return found

    def matching(self, *alternatives: tuple[tuple[str, ...], ...]) -> set[int]:
        """The indices of the sentences for which ``may_match_any(sentence, *alternatives)`` holds."""
        matched: set[int] = set()
        for needs in alternatives:  # a literal of every group
            groups = [set().union(*map(self.holding, literals)) for literals in needs]
            matched |= set.intersection(*groups) if groups else set(range(self._count))
        return matched | self._odd


class Folded:
    """A case-insensitive pattern, tried the quick way: on ASCII text, the same pattern without re.IGNORECASE,
    searched in the lower-cased text, matches where the pattern matches (lower-casing ASCII keeps every offset,
    and the pattern's own letters are lower-case), and that search runs several times faster. Where the quick
    search finds a match, the pattern itself is tried at that one place (``match``), which gives the match the
    pattern's own search gives, groups and all, in the original text; text that is not ASCII meets the pattern
    alone. tests/cv/test_quick_tests.py holds every method to the pattern's own answers."""

    def __init__(self, pattern: re.Pattern):
        if not pattern.flags & re.IGNORECASE:
            raise ValueError(f"not a case-insensitive pattern: {pattern.pattern!r}")
        # (escapes such as \b, \s, \S and the P of named groups are not letters to match)
        letters = re.sub(r"\\[A-Za-z]|\(\?P[<=]", "", pattern.pattern)
        if any("A" <= c <= "Z" for c in letters):
            raise ValueError(f"write the pattern's letters in lower case: {pattern.pattern!r}")
        self.pattern = pattern
        self.quick = re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)

    def search(self, text: str, *span):
        if not text.isascii():
            return self.pattern.search(text, *span)
        found = self.quick.search(text.lower(), *span)
        return None if found is None else self.pattern.match(text, found.start(), *span[1:])

    def match(self, text: str, *span):
        if text.isascii() and self.quick.match(text.lower(), *span) is None:
            return None
        return self.pattern.match(text, *span)

    def finditer(self, text: str, *span):
        if not text.isascii():
            return self.pattern.finditer(text, *span)
        # (after a non-empty match both searches go on from its end; a pattern that can match nothing would
        # also need the rule for empty matches, and these never match nothing: test_quick_tests.py)
        starts = [found.start() for found in self.quick.finditer(text.lower(), *span)]
        return (self.pattern.match(text, start, *span[1:]) for start in starts)

    def sub(self, repl, text: str, count: int = 0) -> str:
        if text.isascii() and self.quick.search(text.lower()) is None:
            return text
        return self.pattern.sub(repl, text, count)


def folded(source: str) -> Folded:
    """A case-insensitive pattern (re.IGNORECASE) that is tried the quick way first (``Folded``)."""
    return Folded(re.compile(source, re.IGNORECASE))
