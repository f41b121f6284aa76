"""Read a statement from text, a .txt/.md file, standard input, or a .docx into one Document."""
from __future__ import annotations

import io
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .docx_safety import check_docx, sniff
from .errors import ACCEPTED_STATEMENTS, InputError, UnsupportedFormat

MAX_CHARACTERS = 200_000
TEXT_SUFFIXES = (".txt", ".md", ".text", ".markdown")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SKIP = {W + "del", W + "moveFrom"}


@dataclass
class Document:
    """A statement's text as reviewed and where it came from."""

    text: str
    name: str = "text"
    kind: str = "text"  # text | txt | md | docx
    paragraphs: list = field(default_factory=list)  # (start, end) offsets
    docx_bytes: bytes | None = None  # the original upload, for returning it with comments


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


def from_text(text: str, name: str = "text", kind: str = "text") -> Document:
    if "\x00" in text:
        raise InputError(f"{name} contains NUL bytes, so it is not a text file; paste the statement as plain text")
    if len(text) > MAX_CHARACTERS:
        raise InputError(f"{name} has {len(text):,} characters, over the {MAX_CHARACTERS:,} this tool reads "
                         "(ERAS allows 28,000)", status=413)
    if not text.strip():
        raise InputError(f"{name} is empty: there is no statement text to review")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:  # lone surrogates, e.g. "\ud800" escaped in a JSON body
        raise InputError(f"{name} contains a character that is not valid Unicode text "
                         f"(position {exc.start}); paste the statement as plain text") from None
    return Document(text, name, kind, paragraph_spans(text))


def decode_text(data: bytes, name: str) -> str:
    kind = sniff(data)
    if kind or data.startswith(b"PK\x03\x04"):
        raise UnsupportedFormat(f"{name} is {kind or 'a zip or .docx package'}, not plain text")
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise InputError(f"{name} is UTF-32 text; save it as UTF-8 and try again")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{name} is UTF-16 text; save it as UTF-8 and try again")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name} is not UTF-8 text (undecodable byte at position {exc.start}); "
                         "save it as UTF-8 and try again") from exc


def iter_block_paragraphs(document):
    """Body paragraphs and table-cell paragraphs of a python-docx Document, in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    def walk(parent, element):
        for child in element.iterchildren():
            if child.tag == W + "p":
                yield Paragraph(child, parent)
            elif child.tag == W + "tbl":
                table = Table(child, parent)
                seen = set()
                for row in table.rows:
                    for cell in row.cells:
                        if id(cell._tc) in seen:  # merged cells repeat
                            continue
                        seen.add(id(cell._tc))
                        yield from walk(cell, cell._tc)
            elif child.tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    yield from walk(parent, content)

    body = document.element.body
    if body is not None:  # a document.xml without <w:body> has nothing to read
        yield from walk(document, body)


def paragraph_runs(paragraph) -> list:
    """(run element, text) pairs of a paragraph as the draft reads: tracked insertions in, deletions out."""
    runs = []
    for run in paragraph._p.iter(W + "r"):
        if any(a.tag in _SKIP for a in run.iterancestors()):
            continue
        parts = []
        for node in run:
            if node.tag == W + "t":
                parts.append(node.text or "")
            elif node.tag == W + "tab":
                parts.append("\t")
            elif node.tag in (W + "br", W + "cr"):
                parts.append("\n")
        if parts:
            runs.append((run, "".join(parts)))
    return runs


def docx_paragraphs(document) -> list:
    """(python-docx paragraph, text) for each non-empty paragraph, in document order."""
    out = []
    for paragraph in iter_block_paragraphs(document):
        text = "".join(t for _, t in paragraph_runs(paragraph))
        if text.strip():
            out.append((paragraph, text))
    return out


def open_docx(data: bytes, name: str):
    """Open checked bytes with python-docx, turning its errors into one plain sentence."""
    import docx
    check_docx(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise InputError(f"{name} is damaged and cannot be opened as a Word file ({exc.__class__.__name__})") from exc
    if document.element.tag != W + "document":  # python-docx accepts any root element in word/document.xml
        raise InputError(f"{name} is damaged: its main part is not a Word document body")
    return document


def from_docx(data: bytes, name: str) -> Document:
    document = open_docx(data, name)
    texts = [text for _, text in docx_paragraphs(document)]
    if not texts:
        raise InputError(f"{name} has no text in its body to review")
    text = "\n\n".join(texts)
    spans, pos = [], 0
    for t in texts:
        spans.append((pos, pos + len(t)))
        pos += len(t) + 2
    doc = from_text(text, name, "docx")
    doc.paragraphs = spans
    doc.docx_bytes = data
    return doc


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
