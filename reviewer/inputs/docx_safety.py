"""Refuse zip bombs and hostile XML before python-docx opens a Word file (it has no guard of its own)."""
from __future__ import annotations

import io
import re
import zipfile

from ..errors import InputError, UnsupportedFormat

MAX_MEMBERS = 1000
MAX_TOTAL_UNCOMPRESSED = 60 * 1024 * 1024
MAX_DOCUMENT_XML = 15 * 1024 * 1024
MAX_RATIO = 150  # uncompressed / compressed, for members large enough to matter
RATIO_FLOOR = 1024 * 1024
# The work of reading a body grows with its paragraphs and runs, not only its bytes: a 2 MB file of 690,000
# empty paragraphs is small, yet python-docx would build objects for each. A statement has a few dozen.
MAX_PARAGRAPHS = 20_000
MAX_RUNS = 200_000
MAIN_PART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
STRICT = b"purl.oclc.org/ooxml"

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
        document = _main_part(archive, name)
        if document.file_size > MAX_DOCUMENT_XML:
            raise InputError(f"{name} has a document body of {document.file_size // (1024 * 1024)} MB, over the limit")
        for info in members:
            if info.filename.lower().endswith((".xml", ".rels")) and _declares_entities(archive, info, name):
                raise InputError(f"{name} declares XML entities, which Word never writes, so it was not opened")
        paragraphs, runs = _count_blocks(archive, document, name)
        if paragraphs > MAX_PARAGRAPHS or runs > MAX_RUNS:
            raise InputError(f"{name} holds {paragraphs:,} paragraphs and {runs:,} pieces of text, far more than a "
                             f"statement (at most {MAX_PARAGRAPHS:,} and {MAX_RUNS:,} are read), so it was not opened",
                             status=413)


def _main_part(archive: zipfile.ZipFile, name: str) -> zipfile.ZipInfo:
    """The Word body part, wherever the package's relationships put it (word/document.xml as Word writes)."""
    try:
        rels = archive.read("_rels/.rels")[:MAX_DOCUMENT_XML]
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError):
        rels = b""
    if STRICT in rels:
        raise UnsupportedFormat(f"{name} is saved as Strict Open XML, which this tool does not read; in Word choose "
                                "File > Save As > Word Document (.docx), or paste the text")
    target = "word/document.xml"
    m = re.search(rb'<Relationship\b[^>]*Type="' + re.escape(MAIN_PART.encode()) + rb'"[^>]*>', rels) or \
        re.search(rb'<Relationship\b[^>]*Target="[^"]*"[^>]*Type="' + re.escape(MAIN_PART.encode()) + rb'"', rels)
    if m:
        found = re.search(rb'Target="([^"]+)"', m.group(0))
        if found:
            target = found.group(1).decode("utf-8", "replace").lstrip("/")
    try:
        return archive.getinfo(target)
    except KeyError:
        raise UnsupportedFormat(f"{name} is a zip file but not a Word .docx (it has no main document part)") from None


_BLOCK = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(p|r)[\s>/]")


def _count_blocks(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> tuple[int, int]:
    """How many paragraph and run elements the body part opens (whatever its namespace prefix), read in chunks."""
    counts, tail = {b"p": 0, b"r": 0}, b""
    with archive.open(info) as stream:
        while chunk := stream.read(_CHUNK):
            window = tail + chunk
            cut = window.rfind(b"<")  # a tag may continue in the next chunk: count up to the last "<"
            if cut < 0:
                cut = len(window)
            for m in _BLOCK.finditer(window, 0, cut):
                counts[m.group(1)] += 1
            tail = window[cut:]
    for m in _BLOCK.finditer(tail):
        counts[m.group(1)] += 1
    return counts[b"p"], counts[b"r"]


# "<!DOCTYPE" / "<!ENTITY" as they appear in a part written in UTF-8, UTF-16 or UTF-32 (either byte order).
_DTD_MARKERS = tuple(marker.encode(codec) for marker in ("<!DOCTYPE", "<!ENTITY")
                     for codec in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"))
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
