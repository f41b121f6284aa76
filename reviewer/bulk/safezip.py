"""Read a .zip entirely in memory, refusing members whose paths or sizes cannot be trusted."""
from __future__ import annotations

import io
import posixpath
import stat
import zipfile
from dataclasses import dataclass

MAX_MEMBERS = 2000
MAX_MEMBER_BYTES = 20 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_RATIO = 150  # uncompressed / compressed, for members large enough to matter
RATIO_FLOOR = 1024 * 1024


@dataclass(frozen=True)
class Member:
    """One file taken from a zip: its cleaned relative path, and its bytes or why it was refused."""

    path: str
    data: bytes | None = None
    problem: str | None = None


class ZipRefused(ValueError):
    """The archive as a whole cannot be read: damaged (status 400) or beyond the limits (status 413)."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def clean_member_path(raw: str) -> str | None:
    """The member's path as a safe relative POSIX path, or None when it would leave the folder."""
    name = raw.replace("\\", "/")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":") or "\x00" in name:
        return None
    parts = name.split("/")
    if any(part == ".." for part in parts):
        return None
    cleaned = posixpath.normpath("/".join(p for p in parts if p not in ("", ".")))
    return None if cleaned in ("", ".") else cleaned


def is_link(info: zipfile.ZipInfo) -> bool:
    """True for a member stored as a symbolic link (Unix mode bits in the external attributes)."""
    return info.create_system == 3 and stat.S_ISLNK(info.external_attr >> 16)


def is_junk(path: str) -> bool:
    """Finder and editor leftovers (``__MACOSX/``, ``.DS_Store``, ``._name``), which are not drafts."""
    parts = path.split("/")
    return parts[0] == "__MACOSX" or any(p.startswith(".") and p not in (".", "..") for p in parts)


def read_zip(data: bytes, name: str, *, max_members: int = MAX_MEMBERS,
             max_total: int = MAX_TOTAL_BYTES) -> list[Member]:
    """Every file member of the archive, sorted by path; refused members carry a plain reason."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = [i for i in archive.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ZipRefused(f"{name} is damaged: it is not a readable .zip ({exc})") from exc
    with archive:
        if len(infos) > max_members:
            raise ZipRefused(f"{name} holds {len(infos)} files, over the limit of {max_members}", 413)
        total = sum(i.file_size for i in infos)
        if total > max_total:
            raise ZipRefused(f"{name} would take {total // (1024 * 1024)} MB unzipped, "
                             f"over the limit of {max_total // (1024 * 1024)} MB", 413)
        members = [_member(archive, info) for info in infos]
    return sorted((m for m in members if not is_junk(m.path)), key=lambda m: m.path)


def _member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Member:
    raw = info.filename
    path = clean_member_path(raw)
    if path is None:
        return Member(raw, problem=f"{raw}: its path inside the zip points outside the folder, so it was not read")
    if is_link(info):
        return Member(path, problem=f"{path} is a link inside the zip, not a file, so it was not read")
    if info.flag_bits & 0x1:
        return Member(path, problem=f"{path} is encrypted in the zip; zip it again without a password")
    if info.file_size > MAX_MEMBER_BYTES:
        return Member(path, problem=f"{path} is larger than {MAX_MEMBER_BYTES // (1024 * 1024)} MB; "
                                    "a statement is far smaller")
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        return Member(path, problem=f"{path} expands far beyond its size when unzipped (a zip bomb?), "
                                    "so it was not read")
    try:
        with archive.open(info) as stream:
            content = stream.read(MAX_MEMBER_BYTES + 1)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        return Member(path, problem=f"{path} is damaged inside the zip ({exc})")
    if len(content) > MAX_MEMBER_BYTES:  # the header lied about the size
        return Member(path, problem=f"{path} is larger than its zip header says, so it was not read")
    return Member(path, content)
