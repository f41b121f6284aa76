"""A quick test before a slow case-insensitive pattern: do the literals that every match needs occur at all?"""
from __future__ import annotations


def may_match(sentence: str, *needs: tuple[str, ...]) -> bool:
    """False only when, for one of ``needs``, none of its literals (lower-case ASCII) occurs in the sentence,
    compared as re.IGNORECASE compares: a pattern that needs one literal of each cannot match the sentence then."""
    return may_match_any(sentence, needs)


def may_match_any(sentence: str, *alternatives: tuple[tuple[str, ...], ...]) -> bool:
    """``may_match(sentence, *needs)`` for some ``needs`` of ``alternatives``, the sentence lower-cased once."""
    lower = sentence.lower()
    for needs in alternatives:
        for literals in needs:
            for literal in literals:
                if literal in lower:
                    break
            else:
                break  # this group has none of its literals: these needs are not met
        else:
            return True
    # re.IGNORECASE also matches "İ" and "ı" to "i" and "ſ" to "s", which str.lower() does not ("İ" lowers
    # to "i" + a combining dot): a sentence holding one is left to the pattern itself
    return not sentence.isascii() and ("İ" in sentence or "ı" in sentence or "ſ" in sentence)
