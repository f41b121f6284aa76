"""Where a bulk run writes its files: a folder on disk, or a .zip built in memory for the web."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..errors import InputError

FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the same bytes for the same input


class FolderSink:
    """Writes flat file names into one folder, refusing any name that would land outside it."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(f"{self.folder}: cannot create the output folder ({exc.strerror or exc})") from exc
        self.root = self.folder.resolve()

    def write(self, name: str, data: bytes) -> None:
        target = (self.root / name).resolve()
        if target.parent != self.root:
            raise InputError(f"refused to write {name!r}: it is not a plain file name")
        target.write_bytes(data)


class ZipSink:
    """Collects the files into one in-memory .zip; nothing touches the disk."""

    def __init__(self, folder: str = "reports"):
        self.folder = folder
        self.buffer = io.BytesIO()
        self.archive = zipfile.ZipFile(self.buffer, "w", zipfile.ZIP_DEFLATED)

    def write(self, name: str, data: bytes) -> None:
        if "/" in name or "\\" in name or name.startswith("."):
            raise InputError(f"refused to write {name!r}: it is not a plain file name")
        info = zipfile.ZipInfo(f"{self.folder}/{name}", date_time=FIXED_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self.archive.writestr(info, data)

    def close(self) -> bytes:
        self.archive.close()
        return self.buffer.getvalue()
