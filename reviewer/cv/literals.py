"""A quick test before a slow case-insensitive pattern: do the literals that every match needs occur at all?"""
from __future__ import annotations


def may_match(sentence: str, *needs: tuple[str, ...]) -> bool:
    """False only when, for one of ``needs``, none of its literals (lower-case ASCII) occurs in the sentence,
    compared as re.IGNORECASE compares: a pattern that needs one literal of each cannot match the sentence then."""
    lower = sentence.lower()
    for literals in needs:
        for literal in literals:
            if literal in lower:
                break
        else:
            # re.IGNORECASE also matches "İ" and "ı" to "i" and "ſ" to "s", which str.lower() does not ("İ"
            # lowers to "i" + a combining dot): a sentence holding one is left to the pattern itself
            return not sentence.isascii() and ("İ" in sentence or "ı" in sentence or "ſ" in sentence)
    return True
