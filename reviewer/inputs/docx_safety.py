"""Refuse zip bombs and hostile XML before python-docx opens a Word file (it has no guard of its own)."""
from __future__ import annotations

import io
import zipfile

from ..errors import InputError, UnsupportedFormat

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
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError) as exc:
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
        for info in members:
            if info.filename.lower().endswith((".xml", ".rels")) and _declares_entities(archive, info, name):
                raise InputError(f"{name} declares XML entities, which Word never writes, so it was not opened")


# "<!DOCTYPE" / "<!ENTITY" as they appear in a part written in UTF-8, UTF-16 LE or UTF-16 BE.
_DTD_MARKERS = tuple(marker.encode(codec) for marker in ("<!DOCTYPE", "<!ENTITY")
                     for codec in ("utf-8", "utf-16-le", "utf-16-be"))
_CHUNK = 1024 * 1024


def _declares_entities(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bool:
    """True when an XML part declares a DTD anywhere (not just in its first bytes), read in bounded chunks."""
    overlap, tail = max(len(m) for m in _DTD_MARKERS) - 1, b""
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                window = tail + chunk
                if any(marker in window for marker in _DTD_MARKERS):
                    return True
                tail = window[-overlap:]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as exc:
        # RuntimeError: an encrypted member, which needs a password Word files never have
        raise InputError(f"{name} is damaged: its part {info.filename} cannot be read ({exc})") from exc
    return False
