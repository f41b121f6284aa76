"""A quick test before a slow case-insensitive pattern: do the literals that every match needs occur at all?"""
from __future__ import annotations

import re


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


class Folded:
    """A case-insensitive pattern, tried first the quick way: on ASCII text, the same pattern without
    re.IGNORECASE, searched in the lower-cased text, matches where the pattern matches (lower-casing ASCII keeps
    every offset, and the pattern's own letters are lower-case), and that search runs several times faster. Only
    text that the quick search matches, or that is not ASCII, meets the pattern itself, so every answer is the
    pattern's own (tests/cv/test_quick_tests.py holds the two to the same answers)."""

    def __init__(self, pattern: re.Pattern):
        if not pattern.flags & re.IGNORECASE:
            raise ValueError(f"not a case-insensitive pattern: {pattern.pattern!r}")
        # (escapes such as \b, \s, \S and the P of named groups are not letters to match)
        letters = re.sub(r"\\[A-Za-z]|\(\?P[<=]", "", pattern.pattern)
        if any("A" <= c <= "Z" for c in letters):
            raise ValueError(f"write the pattern's letters in lower case: {pattern.pattern!r}")
        self.pattern = pattern
        self.quick = re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)

    def _ruled_out(self, text: str, *span) -> bool:
        return text.isascii() and self.quick.search(text.lower(), *span) is None

    def search(self, text: str, *span):
        return None if self._ruled_out(text, *span) else self.pattern.search(text, *span)

    def match(self, text: str, *span):
        return None if self._ruled_out(text, *span) else self.pattern.match(text, *span)

    def finditer(self, text: str, *span):
        return iter(()) if self._ruled_out(text, *span) else self.pattern.finditer(text, *span)

    def sub(self, repl, text: str, count: int = 0) -> str:
        return text if self._ruled_out(text) else self.pattern.sub(repl, text, count)


def folded(source: str) -> Folded:
    """A case-insensitive pattern (re.IGNORECASE) that is tried the quick way first (``Folded``)."""
    return Folded(re.compile(source, re.IGNORECASE))
