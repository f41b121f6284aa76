"""Reading a statement: pasted text, a .txt/.md file, standard input or a .docx, into one Document."""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import ACCEPTED_STATEMENTS, InputError, UnsupportedFormat
from .document import MAX_CHARACTERS, Document, display_name, from_text, paragraph_spans
from .docx import from_docx
from .text import TEXT_SUFFIXES, decode_text


def from_bytes(data: bytes, name: str) -> Document:
    """Read an uploaded or opened file by its name's suffix, checking the content matches."""
    name = display_name(name)
    suffix = Path(name).suffix.lower()
    if suffix == ".docx":
        return from_docx(data, name)
    if suffix in TEXT_SUFFIXES:
        return from_text(decode_text(data, name), name, suffix.lstrip(".").replace("markdown", "md").replace("text", "txt"))
    raise UnsupportedFormat(f"{name}: {suffix or 'a file without a suffix'} is not a format we read; "
                            f"use {ACCEPTED_STATEMENTS}")


def read_path(path: str | Path) -> Document:
    """Read a statement file, or standard input for '-'."""
    if str(path) == "-":
        return from_text(decode_text(sys.stdin.buffer.read(), "standard input"), "stdin", "text")
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix != ".docx" and suffix not in TEXT_SUFFIXES:
        raise UnsupportedFormat(f"{display_name(path.name)}: {suffix or 'a file without a suffix'} is not a format we read; "
                                f"use {ACCEPTED_STATEMENTS}")
    try:
        if path.stat().st_size > 20 * 1024 * 1024:
            raise InputError(f"{display_name(path.name)} is larger than 20 MB; a statement is far smaller", status=413)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{display_name(str(path))}: cannot be read ({exc.strerror or exc})") from exc
    return from_bytes(data, path.name)


__all__ = ["Document", "MAX_CHARACTERS", "TEXT_SUFFIXES", "decode_text", "display_name", "from_bytes", "from_docx",
           "from_text", "paragraph_spans", "read_path"]
