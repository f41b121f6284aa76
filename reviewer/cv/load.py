"""Open a CV from a path, uploaded bytes or a dict, choosing the reader by the file's suffix.

Only a file that cannot be read at all raises CVError/InputError: a format we do not read, a damaged or unsafe
file, one over the size limits, or one that is not an object. What is wrong inside a file that can be read
becomes a notice on the CV (CV.notices) and the rest is used.
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import yaml

from ..errors import ACCEPTED_CVS, CVError, UnsupportedFormat
from ..inputs import decode_text, display_name
from ..inputs.docx import W, block_paragraphs, open_docx, paragraph_runs
from ..notices import Notice
from .model import CV
from .schema import ENTRY_FIELDS, MAX_ENTRIES, EntryError, capped, cv_from_dict, experiences_from_list, shown
from .text_cv import Line, cv_from_lines

MAX_BYTES = 2 * 1024 * 1024
SUFFIXES = (".json", ".yaml", ".yml", ".csv", ".docx", ".txt")


def _too_large(name: str) -> CVError:
    return CVError(f"{name} is larger than {MAX_BYTES // (1024 * 1024)} MB; a CV is far smaller", status=413)


def load_cv(source) -> CV:
    """Read a CV from a pathlib.Path, a dict in the schema, or (bytes, name); raise CVError when it cannot be read."""
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
        return cv_from_lines(docx_lines(open_docx(data, name)), unit="paragraph")
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
        return read_csv(text, name)
    return cv_from_lines(text.splitlines())


def _check_suffix(name: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise UnsupportedFormat(f"{name}: {suffix or 'a file without a suffix'} is not a CV format we read; "
                                f"use {ACCEPTED_CVS}")
    return suffix


# --- Word ----------------------------------------------------------------------------------------------------------

_CONTAINERS = {W + "sdt", W + "sdtContent", W + "customXml", W + "smartTag"}
MAX_PARAGRAPHS = 50_000  # paragraphs of a Word CV, empty ones included; a real CV has a few hundred


class _Counter:
    """Numbers the paragraphs that hold text and counts every paragraph met, refusing a document with more
    paragraphs than any CV before reading them all."""

    def __init__(self):
        self.number = 0
        self.seen = 0
        self.tables = 0

    def meet(self) -> None:
        self.seen += 1
        if self.seen > MAX_PARAGRAPHS:
            raise CVError(f"the CV has more than {MAX_PARAGRAPHS:,} paragraphs; a CV is far shorter, so it was "
                          "not read")


def docx_lines(document) -> list[Line]:
    """The body of a Word CV as lines: each paragraph (a heading or a list paragraph marked so), each table row as
    one line with its cells, and a break after each row and table, numbered by paragraph in reading order."""
    body = document.element.body
    lines: list[Line] = []
    if body is None:
        return lines
    counter = _Counter()
    for child in body:
        if child.tag == W + "tbl":
            _table_lines(child, lines, counter)
            continue
        for paragraph in block_paragraphs([child]):
            _paragraph_lines(paragraph, lines, counter)
    return lines


def _paragraph_text(paragraph, counter: _Counter) -> str:
    counter.meet()
    return "".join(text for _, text in paragraph_runs(paragraph))


def _paragraph_kind(paragraph) -> str:
    props = paragraph.find(W + "pPr")
    if props is None:
        return ""
    style = props.find(W + "pStyle")
    style_id = (style.get(W + "val") or "").lower() if style is not None else ""
    outline = props.find(W + "outlineLvl") is not None and not style_id.startswith("title")
    if re.match(r"heading\s*\d", style_id) or outline:
        return "heading"
    if props.find(W + "numPr") is not None or "list" in style_id or "bullet" in style_id:
        return "bullet"
    return ""


def _paragraph_lines(paragraph, lines: list, counter: _Counter) -> None:
    text = _paragraph_text(paragraph, counter)
    if not text.strip():
        return
    counter.number += 1
    kind = _paragraph_kind(paragraph)
    for part in text.split("\n"):
        if part.strip():
            lines.append(Line(part, counter.number, kind))


def _rows(table):
    """The rows of a table, looking through content controls and custom XML around them (not nested tables)."""
    for child in table:
        if child.tag == W + "tr":
            yield child
        elif child.tag in _CONTAINERS:
            yield from _rows(child)


def _cells(row):
    for child in row:
        if child.tag == W + "tc":
            yield child
        elif child.tag in _CONTAINERS:
            yield from _cells(child)


def _table_lines(table, lines: list, counter: _Counter) -> None:
    counter.tables += 1
    for row in _rows(table):
        cells, first = [], None
        for cell in _cells(row):
            paragraphs = []
            for paragraph in block_paragraphs(cell):
                text = _paragraph_text(paragraph, counter).strip()
                if not text:
                    continue
                counter.number += 1
                first = first or counter.number
                bullet = _paragraph_kind(paragraph) == "bullet" and not text.startswith(("•", "-", "*", "–"))
                paragraphs.extend(("• " + part if bullet else part) for part in text.split("\n") if part.strip())
            cells.append("\n".join(paragraphs))
        if first is None:
            continue
        text = " | ".join(cell.split("\n")[0] for cell in cells if cell)
        lines.append(Line(text, first, "row", tuple(cells), counter.tables))
        lines.append(Line("", first, "break"))
    lines.append(Line("", counter.number, "break"))


# --- YAML ----------------------------------------------------------------------------------------------------------

MAX_YAML_DEPTH = 20  # a CV nests four levels deep at most; PyYAML slows quadratically with depth


class _CVLoader(yaml.SafeLoader):
    """PyYAML's safe loader, except that a value is never turned into something other than what was written:
    dates stay text ("2023-02-30" is then refused as a month instead of failing to construct), and a number must
    be written in decimal digits ("1:30", YAML 1.1's 90, stays the text "1:30"; "0x1F" and a 5,000-digit number
    stay text too), so the schema names the field instead of PyYAML raising ValueError."""


def _yaml_text(loader, node):
    return loader.construct_scalar(node)


def _yaml_int(loader, node):
    text = str(loader.construct_scalar(node))
    written = text.replace("_", "") if re.fullmatch(r"[-+]?\d{1,3}(?:_\d{3})*", text) else text
    if re.fullmatch(r"[-+]?\d{1,18}", written):
        return int(written)
    return text


def _yaml_float(loader, node):
    text = str(loader.construct_scalar(node))
    if re.fullmatch(r"[-+]?(?:\d{1,18}(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d{1,3})?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)",
                    text):
        return yaml.SafeLoader.construct_yaml_float(loader, node)
    return text


_CVLoader.add_constructor("tag:yaml.org,2002:timestamp", _yaml_text)
_CVLoader.add_constructor("tag:yaml.org,2002:int", _yaml_int)
_CVLoader.add_constructor("tag:yaml.org,2002:float", _yaml_float)


def read_yaml(text: str, name: str):
    """The YAML document as Python values, refusing anchors and aliases so a small file cannot expand into a huge
    one, and nesting deeper than a CV needs."""
    try:
        depth = 0
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise CVError(f"{name} uses YAML anchors or aliases (& and *); write each value out in full")
            depth += isinstance(event, yaml.CollectionStartEvent) - isinstance(event, yaml.CollectionEndEvent)
            if depth > MAX_YAML_DEPTH:
                raise CVError(f"{name} nests lists or mappings more than {MAX_YAML_DEPTH} levels deep; "
                              "a CV needs four at most")
        return yaml.load(text, Loader=_CVLoader)  # noqa: S506 - a safe loader that keeps dates and odd numbers as text
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise CVError(f"{name} is not valid YAML{where}: {getattr(exc, 'problem', None) or exc}") from exc
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        raise CVError(f"{name} is not a CV we can read: its YAML holds a value that cannot be built "
                      f"({exc.__class__.__name__})") from None


# --- CSV -----------------------------------------------------------------------------------------------------------

def read_csv(text: str, name: str) -> CV:
    """A CSV with the DESIGN.md columns as a CV's experiences; a row or a column that does not fit is left out with
    a notice. Raise CVError when the first row does not name the columns or the file is not CSV."""
    try:
        return _read_csv(csv.reader(io.StringIO(text.lstrip("\ufeff"))), name)
    except csv.Error as exc:  # e.g. a cell over the csv module's 131,072-character field limit
        raise CVError(f"{name} is not a CSV file we can read ({exc})") from None


def _read_csv(reader, name: str) -> CV:
    header = next(reader, None) or []
    columns = [c.strip().lower() for c in header]
    if "start" not in columns:
        raise CVError(f"{name}: the first row must name the columns ({','.join(ENTRY_FIELDS[:10])}); "
                      "'start' is missing")
    notices, keep = [], {}
    for index, column in enumerate(columns):
        if not column:
            continue
        if column not in ENTRY_FIELDS:
            notices.append(Notice("cv", f"column {index + 1}", "", f"unknown column '{shown(column)}'; allowed: "
                                  f"{','.join(ENTRY_FIELDS)}; the column was ignored"))
        elif column in keep.values():
            first = next(i for i, c in keep.items() if c == column) + 1
            notices.append(Notice("cv", f"column {index + 1}", "", f"the column '{column}' is named twice (columns "
                                  f"{first} and {index + 1}); column {first} was read and column {index + 1} ignored"))
        else:
            keep[index] = column
    entries, problems = [], {}
    for row_number, row in enumerate(reader, 2):
        if not any(cell.strip() for cell in row):
            continue
        if len(entries) >= MAX_ENTRIES:
            raise CVError(f"{name} has more than {MAX_ENTRIES} rows; at most {MAX_ENTRIES} entries are read")
        entry = {column: row[i].strip() for i, column in keep.items() if i < len(row) and row[i].strip()}
        entries.append(entry)
        number = len(entries)
        if len(row) > len(columns):
            problems[number] = EntryError(f"row {row_number}", "has more cells than there are columns "
                                                               "(quote text with commas)")
        elif "hours_per_week" in entry:
            try:
                entry["hours_per_week"] = _number(entry["hours_per_week"])
            except ValueError:
                label = entry.get("organization") or entry.get("title") or ""
                where = f"experience {number}" + (f" ({shown(label)})" if label else "")
                problems[number] = EntryError(where, f"'hours_per_week' {shown(entry['hours_per_week'])} "
                                                     "is not a number")
    experiences, entry_notices = experiences_from_list(entries, problems)
    notices += entry_notices
    return CV(None, experiences, has_timeline=bool(experiences) or not entry_notices, notices=capped(notices))


def _number(value: str):
    """A decimal number as written in a cell ("40", "12.5"); ValueError for anything else ("1:30", "forty")."""
    if not re.fullmatch(r"[-+]?\d{1,6}(?:\.\d{1,6})?", value):
        raise ValueError(value)
    return float(value) if "." in value else int(value)
