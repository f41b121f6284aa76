"""The words that changed between an old sentence and its edited version."""
from __future__ import annotations

import re
from difflib import SequenceMatcher

from ..nlp.typography import plain

TOKEN = re.compile(r"\w+(?:['\u2019]\w+)*|[^\w\s]")


def _pieces(text: str) -> tuple[list[str], list[str]]:
    """The sentence cut before each word or punctuation mark (each piece keeps the spaces after it), and each
    piece's token as compared (typography made plain)."""
    starts = [m.start() for m in TOKEN.finditer(text)]
    if not starts:
        return [text] if text else [], [text.strip()] if text else []
    starts[0] = 0  # leading spaces go with the first piece
    pieces = [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)])]
    if plain(text).text == text:  # most sentences: nothing to make plain, piece by piece
        return pieces, [p.strip() for p in pieces]
    return pieces, [plain(p).text.strip() for p in pieces]


def word_diff(old: str, new: str) -> list[tuple[str, str, str]]:
    """(op, old text, new text) runs, op "equal", "delete" (old text only) or "insert" (new text only): the old
    texts joined give the old sentence, the new texts the new one."""
    old_pieces, old_keys = _pieces(old)
    new_pieces, new_keys = _pieces(new)
    out: list[tuple[str, str, str]] = []
    for op, a0, a1, b0, b1 in SequenceMatcher(None, old_keys, new_keys, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("equal", "".join(old_pieces[a0:a1]), "".join(new_pieces[b0:b1])))
            continue
        if a1 > a0:
            out.append(("delete", "".join(old_pieces[a0:a1]), ""))
        if b1 > b0:
            out.append(("insert", "", "".join(new_pieces[b0:b1])))
    return out


def side(runs: list[tuple[str, str, str]], which: str) -> list[tuple[str, bool]]:
    """One side's text as (text, changed) runs: ``which`` is "old" or "new"."""
    at = 1 if which == "old" else 2
    return [(run[at], run[0] != "equal") for run in runs if run[at]]


def inline(runs: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """(op, text) runs that read as one text: equal words as the new draft has them, deleted and inserted words
    where they were."""
    return [(op, new if op != "delete" else old) for op, old, new in runs]
