"""Plain-text statements: .txt/.md files and standard input, decoded as UTF-8."""
from __future__ import annotations

from ..errors import InputError, UnsupportedFormat
from .docx_safety import sniff

TEXT_SUFFIXES = (".txt", ".md", ".text", ".markdown")


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
