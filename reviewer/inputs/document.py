"""The statement as the reviewer reads it: its text, where it came from, and its paragraphs."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from ..errors import InputError

MAX_CHARACTERS = 200_000


@dataclass
class Document:
    """A statement's text as reviewed and where it came from."""

    text: str
    name: str = "text"
    kind: str = "text"  # text | txt | md | docx
    paragraphs: list = field(default_factory=list)  # (start, end) offsets
    docx_bytes: bytes | None = None  # the original upload, for returning it with comments
    notices: list = field(default_factory=list)  # notices.Notice: what of the file was left out, and why


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs of plain text: runs of non-blank lines, as (start, end) offsets."""
    spans, start, pos = [], None, 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            if start is None:
                start = pos
            end = pos + len(line.rstrip("\r\n"))
        elif start is not None:
            spans.append((start, end))
            start = None
        pos += len(line)
    if start is not None:
        spans.append((start, end))
    return spans


def display_name(name: str) -> str:
    """A file name safe to quote in a one-line message: control characters replaced, very long names shortened."""
    name = "".join(c if c.isprintable() else "\ufffd" for c in name)
    return name if len(name) <= 200 else name[:150] + "…" + name[-40:]


def has_visible_text(text: str) -> bool:
    """Whether ``text`` holds a character that shows: not only whitespace and invisible format characters
    (zero-width spaces and joiners, byte-order marks, soft hyphens)."""
    return any(not c.isspace() and unicodedata.category(c) != "Cf" for c in text)


def from_text(text: str, name: str = "text", kind: str = "text") -> Document:
    if "\x00" in text:
        raise InputError(f"{name} contains NUL bytes, so it is not a text file; paste the statement as plain text")
    if len(text) > MAX_CHARACTERS:
        raise InputError(f"{name} has {len(text):,} characters, over the {MAX_CHARACTERS:,} this tool reads "
                         "(ERAS allows 28,000)", status=413)
    if not has_visible_text(text):
        raise InputError(f"{name} is empty: there is no statement text to review")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:  # lone surrogates, e.g. "\ud800" escaped in a JSON body
        raise InputError(f"{name} contains a character that is not valid Unicode text "
                         f"(position {exc.start}); paste the statement as plain text") from None
    return Document(text, name, kind, paragraph_spans(text))
