"""Open a CV from a path, uploaded bytes or a dict, choosing the reader by the file's suffix."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import yaml

from ..errors import ACCEPTED_CVS, CVError, UnsupportedFormat
from ..inputs import decode_text, display_name
from ..inputs.docx import docx_paragraphs, open_docx
from .model import CV
from .schema import ENTRY_FIELDS, MAX_ENTRIES, cv_from_dict
from .text_cv import cv_from_lines

MAX_BYTES = 2 * 1024 * 1024
SUFFIXES = (".json", ".yaml", ".yml", ".csv", ".docx", ".txt")


def _too_large(name: str) -> CVError:
    return CVError(f"{name} is larger than {MAX_BYTES // (1024 * 1024)} MB; a CV is far smaller", status=413)


def load_cv(source) -> CV:
    """Read a CV from a pathlib.Path, a dict in the schema, or (bytes, name); raise CVError when it does not fit."""
    if isinstance(source, CV):
        return source
    if isinstance(source, (dict, list)):
        return cv_from_dict(source)
    if isinstance(source, tuple) and len(source) == 2 and isinstance(source[0], bytes):
        return load_cv_bytes(*source)
    path = Path(source)
    _check_suffix(display_name(path.name))
    try:
        if path.stat().st_size > MAX_BYTES:
            raise _too_large(display_name(path.name))
        data = path.read_bytes()
    except OSError as exc:
        raise CVError(f"{display_name(str(path))}: cannot be read ({exc.strerror or exc})") from exc
    return load_cv_bytes(data, path.name)


def load_cv_bytes(data: bytes, name: str) -> CV:
    """Read an uploaded CV by its name's suffix."""
    name = display_name(name)
    suffix = _check_suffix(name)
    if len(data) > MAX_BYTES:
        raise _too_large(name)
    if suffix == ".docx":
        return cv_from_lines([text for _, text in docx_paragraphs(open_docx(data, name))])
    text = decode_text(data, name)
    if suffix == ".json":
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError as exc:
            raise CVError(f"{name} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from exc
        except (ValueError, RecursionError):  # a number of thousands of digits, or arrays nested thousands deep
            raise CVError(f"{name} is not a CV: its JSON nests too deeply or holds a number too long to read") from None
        return cv_from_dict(parsed)
    if suffix in (".yaml", ".yml"):
        return cv_from_dict(read_yaml(text, name))
    if suffix == ".csv":
        return cv_from_dict({"experiences": read_csv_rows(text, name)})
    return cv_from_lines(text.splitlines())


def _check_suffix(name: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise UnsupportedFormat(f"{name}: {suffix or 'a file without a suffix'} is not a CV format we read; "
                                f"use {ACCEPTED_CVS}")
    return suffix


MAX_YAML_DEPTH = 20  # a CV nests four levels deep at most; PyYAML slows quadratically with depth


def read_yaml(text: str, name: str):
    """yaml.safe_load, refusing anchors and aliases so a small file cannot expand into a huge one."""
    try:
        depth = 0
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise CVError(f"{name} uses YAML anchors or aliases (& and *); write each value out in full")
            depth += isinstance(event, yaml.CollectionStartEvent) - isinstance(event, yaml.CollectionEndEvent)
            if depth > MAX_YAML_DEPTH:
                raise CVError(f"{name} nests lists or mappings more than {MAX_YAML_DEPTH} levels deep; a CV needs four at most")
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise CVError(f"{name} is not valid YAML{where}: {getattr(exc, 'problem', None) or exc}") from exc


def read_csv_rows(text: str, name: str) -> list[dict]:
    """CSV rows with the DESIGN.md columns as entry dicts; empty cells are missing values."""
    try:
        return _csv_rows(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))), name)
    except csv.Error as exc:  # e.g. a cell over the csv module's 131,072-character field limit
        raise CVError(f"{name} is not a CSV file we can read ({exc})") from None


def _csv_rows(reader: csv.DictReader, name: str) -> list[dict]:
    columns = [c.strip().lower() for c in reader.fieldnames or []]
    if "start" not in columns:
        raise CVError(f"{name}: the first row must name the columns ({','.join(ENTRY_FIELDS[:10])}); "
                      "'start' is missing")
    unknown = [c for c in columns if c not in ENTRY_FIELDS]
    if unknown:
        raise CVError(f"{name}: unknown column '{unknown[0]}'; allowed: {','.join(ENTRY_FIELDS)}")
    rows = []
    for number, row in enumerate(reader, 1):
        if number > MAX_ENTRIES:
            raise CVError(f"{name} has more than {MAX_ENTRIES} rows; at most {MAX_ENTRIES} entries are read")
        if None in row:
            raise CVError(f"{name}: row {number + 1} has more cells than there are columns (quote text with commas)")
        entry = {k.strip().lower(): v.strip() for k, v in row.items() if v is not None and v.strip()}
        if not entry:
            continue
        if "hours_per_week" in entry:
            entry["hours_per_week"] = _number(entry["hours_per_week"], number, entry)
        rows.append(entry)
    return rows


def _number(value: str, number: int, entry: dict):
    try:
        return float(value) if "." in value else int(value)
    except ValueError:
        name = entry.get("organization") or entry.get("title") or ""
        where = f"experience {number}" + (f" ({name})" if name else "")
        raise CVError(f"{where}: 'hours_per_week' {value} is not a number") from None
