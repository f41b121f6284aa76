"""Gather the files of a bulk run from folders (recursively), single files and .zip archives."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .safezip import MAX_MEMBER_BYTES, ZipRefused, is_junk, read_zip


@dataclass(frozen=True)
class InputFile:
    """One file of the batch: its display path (POSIX, relative) and bytes, or why it could not be read."""

    path: str
    data: bytes | None = None
    problem: str | None = None

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    @property
    def folder(self) -> str:
        return self.path.rsplit("/", 1)[0] if "/" in self.path else ""


def from_zip_bytes(data: bytes, name: str, prefix: str = "") -> list[InputFile]:
    """The files of an uploaded or opened .zip; a zip that cannot be read becomes one problem row."""
    try:
        members = read_zip(data, name)
    except ZipRefused as exc:
        return [InputFile(name, problem=str(exc))]
    return [InputFile(prefix + m.path, m.data, m.problem) for m in members]


def _read(path: Path, shown: str) -> InputFile:
    try:
        if path.stat().st_size > MAX_MEMBER_BYTES:
            return InputFile(shown, problem=f"{shown} is larger than {MAX_MEMBER_BYTES // (1024 * 1024)} MB; "
                                            "a statement is far smaller")
        return InputFile(shown, path.read_bytes())
    except OSError as exc:
        return InputFile(shown, problem=f"{shown} cannot be read ({exc.strerror or exc})")


def shown(name: str) -> str:
    """A file name fit to show and to write into reports: bytes that are not UTF-8 (which Python keeps as
    lone surrogates) become U+FFFD; the file itself is still read by its real name."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _from_folder(folder: Path, prefix: str) -> list[InputFile]:
    out = []
    for path in sorted(folder.rglob("*")):
        relative = shown(path.relative_to(folder).as_posix())
        if is_junk(relative) or path.is_symlink() or not path.is_file():
            continue  # links are not followed: they could lead anywhere on the machine
        out.append(_read(path, prefix + relative))
    return out


def collect(paths: list[Path], exclude: Path | None = None) -> list[InputFile]:
    """Every file under ``paths``, sorted by display path; ``exclude`` (the output folder) is skipped."""
    files: list[InputFile] = []
    several = len(paths) > 1
    for path in paths:
        path = Path(path)
        if path.is_dir():
            prefix = f"{shown(path.resolve().name)}/" if several else ""
            files += [f for f in _from_folder(path, prefix)
                      if exclude is None or not _inside(path / f.path[len(prefix):], exclude)]
        elif path.suffix.lower() == ".zip" and path.is_file():
            prefix = f"{path.name}/" if several else ""
            item = _read(path, path.name)
            files += [item] if item.problem else from_zip_bytes(item.data, path.name, prefix)
        elif path.exists():
            files.append(_read(path, shown(path.name)))
        else:
            files.append(InputFile(shown(path.name), problem=f"{shown(str(path))}: no such file or folder"))
    return sorted(files, key=lambda f: f.path)


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def earlier_round(path: Path) -> list[InputFile]:
    """The ``NAME.review.json`` files of an earlier round: its output folder, or the .zip the /bulk page returned."""
    from ..errors import InputError
    from .pairing import review_stem
    shown_path = shown(str(path))
    if not path.exists():
        raise InputError(f"--since {shown_path}: no such folder or .zip")
    found = collect([path])
    if len(found) == 1 and found[0].problem and review_stem(found[0].name) is None:  # a damaged .zip
        raise InputError(f"--since {found[0].problem}")
    files = [f for f in found if review_stem(f.name) is not None]
    unreadable = [f for f in files if f.problem]
    if not files or len(unreadable) == len(files):
        raise InputError(f"--since {shown_path}: no NAME.review.json files there; give the folder an earlier "
                         "`reviewer bulk --out` wrote, or the .zip the /bulk page returned")
    return files
