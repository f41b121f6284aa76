"""Text safe to print on a terminal: no escape sequences from a statement, a CV or a file name.

A statement or CV can hold control characters ("\\x1b]0;...\\x07" retitles a terminal, "\\x1b[8m" hides text)
and bidirectional overrides that reorder what is shown. Everything printed for people passes through
``for_terminal``; JSON output is data and keeps the text exactly (its control characters are escaped).
"""
from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional embeddings, overrides and isolates
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def for_terminal(text: str) -> str:
    """``text`` with every character that could steer a terminal replaced by U+FFFD."""
    return _UNSAFE.sub("\ufffd", text)
