"""Pair each statement with its CV by name: NAME.docx|.txt|.md with NAME.cv.json|.yaml|.csv|.docx|.txt."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .sources import InputFile

CV_SUFFIXES = ("json", "yaml", "yml", "csv", "docx", "txt")  # also the preference when several match
_CV_NAME = re.compile(r"^(?P<stem>.+)\.cv\.(?P<suffix>[a-z]+)$", re.IGNORECASE)


@dataclass(frozen=True)
class Applicant:
    """One row of the cohort: the statement, its CV if any, and the stem its reports are written under."""

    statement: InputFile
    cv: InputFile | None
    stem: str


@dataclass
class Pairing:
    """Applicants sorted by statement path, and the CVs no statement took (with the reason)."""

    applicants: list[Applicant] = field(default_factory=list)
    unpaired_cvs: list[tuple[str, str]] = field(default_factory=list)


def cv_stem(name: str) -> str | None:
    """NAME for ``NAME.cv.<suffix>`` with a CV suffix we read, else None."""
    match = _CV_NAME.match(name)
    if match and match.group("suffix").lower() in CV_SUFFIXES:
        return match.group("stem")
    return None


def statement_stem(name: str) -> str:
    return name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name


def name_key(name: str) -> str:
    """How names are compared when pairing: one Unicode form (NFC: "é" typed either way), any case."""
    return unicodedata.normalize("NFC", name).casefold()


def _preference(cv: InputFile) -> tuple:
    suffix = cv.name.rsplit(".", 1)[-1].lower()
    return CV_SUFFIXES.index(suffix), cv.path


def pair(files: list[InputFile], cv_dir_files: list[InputFile] = ()) -> Pairing:
    """Split the batch into applicants and CVs; a CV beside a statement wins over one in the CV folder."""
    beside: dict[tuple[str, str], list[InputFile]] = {}
    statements = []
    for f in files:
        stem = cv_stem(f.name)
        if stem is None:
            statements.append(f)
        else:
            beside.setdefault((name_key(f.folder), name_key(stem)), []).append(f)
    elsewhere: dict[str, list[InputFile]] = {}
    for f in cv_dir_files:
        stem = cv_stem(f.name)
        if stem is not None:
            elsewhere.setdefault(name_key(stem), []).append(f)
    used: set[str] = set()
    applicants = []
    for statement, stem in zip(statements, output_stems([s.path for s in statements])):
        key = name_key(statement_stem(statement.name))
        candidates = beside.get((name_key(statement.folder), key)) or elsewhere.get(key) or []
        cv = min(candidates, key=_preference) if candidates else None
        if cv is not None:
            used.add(cv.path)
        applicants.append(Applicant(statement, cv, stem))
    unpaired = []
    for cvs in list(beside.values()) + list(elsewhere.values()):
        chosen = next((c.path for c in cvs if c.path in used), None)
        for cv in cvs:
            if cv.path in used:
                continue
            reason = (f"another CV for the same name was used ({chosen})" if chosen else
                      f"no statement named {cv_stem(cv.name)}.docx, .txt or .md")
            unpaired.append((cv.path, reason))
    return Pairing(applicants, sorted(set(unpaired)))


def safe_stem(text: str) -> str:
    """A file-name stem that is safe on every system: letters, digits, '-', '_' and '.' only."""
    text = unicodedata.normalize("NFC", text)
    cleaned = "".join(c if (c.isalnum() or c in "-_.") else "_" for c in text).strip("._")
    return cleaned[:80] or "statement"


def output_stems(paths: list[str]) -> list[str]:
    """One unique stem per path (in the order given), so duplicate names are kept apart: NAME, NAME-2, ..."""
    taken: set[str] = set()
    out = []
    for path in paths:
        base = safe_stem(statement_stem(path.rsplit("/", 1)[-1]))
        stem, n = base, 1
        while stem.casefold() in taken or stem.casefold() in RESERVED:
            n += 1
            stem = f"{base}-{n}"
        taken.add(stem.casefold())
        out.append(stem)
    return out


RESERVED = {"summary", "index"}  # keep clear of the cohort files, though their suffixes differ


REVIEW_SUFFIX = ".review.json"


def review_stem(name: str) -> str | None:
    """NAME for an earlier round's ``NAME.review.json``, else None."""
    if name.lower().endswith(REVIEW_SUFFIX) and len(name) > len(REVIEW_SUFFIX):
        return name[: -len(REVIEW_SUFFIX)]
    return None


@dataclass
class Rounds:
    """Each applicant's review from the earlier round (by applicant index), and the earlier names with none now."""

    earlier: dict = field(default_factory=dict)  # applicant index -> InputFile of NAME.review.json
    missing: list = field(default_factory=list)  # (NAME, file name) of each earlier review no applicant took now


def pair_rounds(stems: list[str], earlier: list[InputFile]) -> Rounds:
    """Pair this round's applicants (their report stems, in order) with the earlier round's review JSON files
    by name, in one Unicode form and any case (``name_key``); with two earlier files of one name, the first by
    path is used."""
    by_key: dict[str, InputFile] = {}
    for f in sorted(earlier, key=lambda f: f.path):
        stem = review_stem(f.name)
        if stem is not None:
            by_key.setdefault(name_key(stem), f)
    rounds, taken = Rounds(), set()
    for index, stem in enumerate(stems):
        found = by_key.get(name_key(stem))
        if found is not None:
            rounds.earlier[index] = found
            taken.add(name_key(stem))
    rounds.missing = sorted(((review_stem(f.name), f.name) for key, f in by_key.items() if key not in taken),
                            key=lambda item: name_key(item[0]))
    return rounds
