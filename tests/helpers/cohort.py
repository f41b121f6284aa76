"""Builders for the bulk tests: Word files made with python-docx and a small mixed cohort."""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx

from tests.helpers.corpus import CORPUS, corpus_text

CLEAN = "a01_nigeria_im_model_disclosure"  # no warning or error with its CV
BLAME = "a04_pakistan_fm_excuses_blame"  # score.blame fires
UNADDRESSED = "a02_philippines_fm_unaddressed"
DOCX_MARKER = "Personal statement of the applicant"


def statement(name: str) -> str:
    return corpus_text(CORPUS / f"{name}.json")


def docx_bytes(text: str, heading: str | None = DOCX_MARKER) -> bytes:
    """A Word file whose body is the text's paragraphs, with a heading only the original has."""
    document = docx.Document()
    if heading:
        document.add_heading(heading, level=1)
    for paragraph in text.split("\n\n"):
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_cohort(root: Path) -> tuple[Path, Path]:
    """drafts/ with good, duplicate, corrupt, unsupported and formula-named files; cvs/ for --cv-dir."""
    drafts, cvs = root / "drafts", root / "cvs"
    (drafts / "group1").mkdir(parents=True)
    (drafts / "group2").mkdir()
    cvs.mkdir()
    (drafts / "group1" / "ana.docx").write_bytes(docx_bytes(statement(CLEAN)))
    shutil.copy(CORPUS / f"{CLEAN}.cv.json", drafts / "group1" / "ana.cv.json")
    (drafts / "group1" / "ben.txt").write_text(statement(BLAME), encoding="utf-8")
    shutil.copy(CORPUS / f"{BLAME}.cv.json", cvs / "ben.cv.json")
    (drafts / "group2" / "ana.txt").write_text(statement(UNADDRESSED), encoding="utf-8")
    (drafts / "group1" / "corrupt.docx").write_bytes(b"PK\x03\x04 this is not really a Word file")
    (drafts / "group1" / "notes.pdf").write_bytes(b"%PDF-1.4 not a statement")
    (drafts / "=1+1.txt").write_text("I hope to train in Atlanta, Georgia, near my family.",
                                                 encoding="utf-8")
    (cvs / "zed.cv.json").write_text('{"experiences": []}', encoding="utf-8")
    return drafts, cvs

