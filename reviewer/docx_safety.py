"""Refuse zip bombs and hostile XML before python-docx opens a Word file (it has no guard of its own)."""
from __future__ import annotations

import io
import zipfile

from .errors import InputError, UnsupportedFormat

MAX_MEMBERS = 1000
MAX_TOTAL_UNCOMPRESSED = 60 * 1024 * 1024
MAX_DOCUMENT_XML = 15 * 1024 * 1024
MAX_RATIO = 150  # uncompressed / compressed, for members large enough to matter
RATIO_FLOOR = 1024 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SIGNATURES = [(b"%PDF", "a PDF"), (OLE_MAGIC, "an old Word .doc"), (b"\x89PNG", "a PNG image"),
               (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"), (b"{\\rtf", "an RTF file")]


def sniff(data: bytes) -> str | None:
    """Name the kind of a binary file we refuse, from its first bytes, or None."""
    for magic, name in _SIGNATURES:
        if data.startswith(magic):
            return name
    return None


def check_docx(data: bytes, name: str = "the file") -> None:
    """Raise InputError unless ``data`` is a Word file safe to open."""
    kind = sniff(data)
    if kind:
        raise UnsupportedFormat(f"{name} is {kind}, not a .docx; save it from Word as .docx or paste the text")
    if not data.startswith(b"PK"):
        raise UnsupportedFormat(f"{name} is not a Word .docx file (its content is not a .docx package)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise InputError(f"{name} is damaged: it is not a readable .docx ({exc})") from exc
    with archive:
        if len(members) > MAX_MEMBERS:
            raise InputError(f"{name} has {len(members)} parts inside; a Word file has far fewer, so it was not opened")
        total = 0
        for info in members:
            total += info.file_size
            if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise InputError(f"{name} expands far beyond its size when unzipped (a zip bomb?), so it was not opened")
        if total > MAX_TOTAL_UNCOMPRESSED:
            raise InputError(f"{name} would take {total // (1024 * 1024)} MB unzipped, over the {MAX_TOTAL_UNCOMPRESSED // (1024 * 1024)} MB limit")
        try:
            document = archive.getinfo("word/document.xml")
        except KeyError:
            raise UnsupportedFormat(f"{name} is a zip file but not a Word .docx (no word/document.xml)") from None
        if document.file_size > MAX_DOCUMENT_XML:
            raise InputError(f"{name} has a document body of {document.file_size // (1024 * 1024)} MB, over the limit")
        try:
            with archive.open(document) as stream:
                head = stream.read(4096)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
            raise InputError(f"{name} is damaged: its document body cannot be read ({exc})") from exc
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise InputError(f"{name} declares XML entities, which Word never writes, so it was not opened")
