"""Read one side of a comparison: a statement file (reviewed now) or a review JSON saved earlier."""
from __future__ import annotations

import json
from pathlib import Path

from ..errors import ACCEPTED_STATEMENTS, InputError
from ..inputs import display_name, from_bytes
from .draft import Draft, from_review, from_review_json

MAX_BYTES = 20 * 1024 * 1024
ACCEPTED_SIDES = f"{ACCEPTED_STATEMENTS}, or a review JSON saved with `reviewer review --format json`"


def is_review_json(name: str) -> bool:
    return Path(name).suffix.lower() == ".json"


def draft_from_json_bytes(data: bytes, name: str) -> Draft:
    """A saved review JSON's draft; InputError with a plain reason when the bytes are not one."""
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(f"{name} is not UTF-8 text, so it is not a review JSON") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{name} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise InputError(f"{name} is nested too deeply to be a review JSON") from None
    return from_review_json(parsed, name)


def draft_from_bytes(data: bytes, name: str, **options) -> Draft:
    """A side from a file's bytes: a review JSON as saved, or a statement reviewed now with ``options`` (the
    keyword arguments of reviewer.review: cv, exams, as_of, disabled, region)."""
    name = display_name(name)
    if is_review_json(name):
        return draft_from_json_bytes(data, name)
    from ..review import review
    return from_review(review(from_bytes(data, name), **options))


def draft_from_path(path, **options) -> Draft:
    """A side from a file on disk (see ``draft_from_bytes``)."""
    path = Path(path)
    shown = display_name(str(path))
    if path.suffix.lower() not in (".json", ".docx", ".txt", ".md", ".text", ".markdown"):
        raise InputError(f"{shown}: {path.suffix or 'a file without a suffix'} is not a side we compare; "
                         f"use {ACCEPTED_SIDES}", status=415)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputError(f"{shown} is larger than 20 MB; a statement is far smaller", status=413)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{shown}: cannot be read ({exc.strerror or exc})") from None
    return draft_from_bytes(data, path.name, **options)
