"""See through typography: the text the pipeline reads, with Word's curly quotes, no-break spaces, dashes,
full-width digits, zero-width characters and look-alike Cyrillic letters made plain; offsets map back.

A review's offsets index the text as the user gave it, so ``Plain.original(i)`` maps an offset of the plain
text back. Most statements need nothing; most of the rest only one-for-one replacements (the offsets do not
move); only zero-width characters and the few characters that widen (the "ﬁ" ligature) need the offset map.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

# One-for-one replacements: the offsets of the plain text are the original's.
ONE_FOR_ONE = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ", "\u2003": " ",
    "\u2004": " ", "\u2005": " ", "\u2006": " ", "\u2008": " ", "\u205f": " ", "\u3000": " ",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-", "\ufe63": "-", "\uff0d": "-",
    **{chr(0xFF10 + d): str(d) for d in range(10)},  # full-width digits
}
DROPPED = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}  # zero-width characters, soft hyphen
# Cyrillic letters that look like Latin ones; replaced only inside a word that also has Latin letters.
LOOK_ALIKES = {"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "і": "i", "ј": "j", "ѕ": "s",
               "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
               "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S"}
_TABLE = str.maketrans(ONE_FOR_ONE)
_NEEDS = re.compile("[" + re.escape("".join(ONE_FOR_ONE) + "".join(DROPPED) + "".join(LOOK_ALIKES)) + "\ufb00-\ufb06]")
_MIXED = re.compile(r"\w*[A-Za-z]\w*")
_WIDE = re.compile("[\ufb00-\ufb06]")  # Latin ligatures, which NFKC spells as two or three letters


@dataclass(frozen=True)
class Plain:
    """The plain text and, when characters were dropped or widened, where each of its characters came from."""

    text: str
    starts: tuple = ()  # plain offsets at which the shift to the original changes
    shifts: tuple = ()  # original offset minus plain offset, from each of ``starts`` on

    def original(self, offset: int) -> int:
        """The original offset of a plain-text offset (a start or an end)."""
        if not self.starts:
            return offset
        k = bisect_right(self.starts, offset) - 1
        return offset + (self.shifts[k] if k >= 0 else 0)


def _look_alikes(text: str) -> str:
    def fix(m: re.Match) -> str:
        word = m.group(0)
        return "".join(LOOK_ALIKES.get(c, c) for c in word)
    return _MIXED.sub(lambda m: fix(m) if any(c in LOOK_ALIKES for c in m.group(0)) else m.group(0), text)


def plain(text: str) -> Plain:
    """``text`` with its typography made plain (see the module docstring)."""
    if not _NEEDS.search(text):
        return Plain(text)
    if not any(c in DROPPED for c in text) and not _WIDE.search(text):
        return Plain(_look_alikes(text.translate(_TABLE)))  # one for one: the offsets stay
    pieces, starts, shifts, shift, at = [], [], [], 0, 0
    for i, c in enumerate(text):
        out = "" if c in DROPPED else unicodedata.normalize("NFKC", c) if _WIDE.match(c) else c.translate(_TABLE)
        pieces.append(out)
        at += len(out)
        if len(out) != 1:
            shift += 1 - len(out)
            starts.append(at)
            shifts.append(shift)
    return Plain(_look_alikes("".join(pieces)), tuple(starts), tuple(shifts))
