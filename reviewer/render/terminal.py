"""Text safe to print on a terminal: no escape sequences from a statement, a CV or a file name.

A statement or CV can hold control characters ("\\x1b]0;...\\x07" retitles a terminal, "\\x1b[8m" hides text)
and bidirectional overrides that reorder what is shown. Everything printed for people passes through
``for_terminal``; JSON output is data and keeps the text exactly (its control characters are escaped).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from ..errors import ReviewerError

# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional embeddings, overrides and isolates
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def for_terminal(text: str) -> str:
    """``text`` with every character that could steer a terminal replaced by U+FFFD."""
    return _UNSAFE.sub("\ufffd", text)


def write_output(output: str | bytes, path: str | None, fmt: str) -> None:
    """A command's rendered output: into the file at ``path`` when given, else to standard output (the text
    format made safe for a terminal). A file that cannot be written is a ReviewerError naming it."""
    if path:
        try:
            Path(path).write_bytes(output if isinstance(output, bytes) else output.encode("utf-8"))
        except OSError as exc:
            raise ReviewerError(f"{path}: cannot be written ({exc.strerror or exc})") from None
    else:
        sys.stdout.write(output if fmt != "text" else for_terminal(output))
