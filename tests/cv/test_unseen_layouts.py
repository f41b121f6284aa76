"""samples/cv_unseen: CVs in layouts the reader was not built on, each with its author's JSON of what it says.
Every entry is found with its dates and hours, and every USMLE result is read."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reviewer.cv import load_cv

FOLDER = Path(__file__).resolve().parents[2] / "samples" / "cv_unseen"
CVS = sorted(p for p in FOLDER.iterdir() if p.suffix in (".docx", ".txt"))


def _norm(text) -> str:
    """Words only: a dash between two names may come back as a comma."""
    return " ".join(re.findall(r"\w+", (text or "").lower()))


def test_there_are_eight_in_both_formats():
    assert len(CVS) == 8 and {p.suffix for p in CVS} == {".docx", ".txt"}


@pytest.mark.parametrize("path", CVS, ids=lambda p: p.name)
def test_every_entry_is_found_with_its_dates_and_hours(path):
    truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    cv = load_cv(path)
    left = list(cv.experiences)
    for entry in truth["experiences"]:
        same = [e for e in left if e.start == entry["start"] and (e.end or None) == (entry["end"] or None)
                and _norm(entry["organization"]) in _norm(e.organization) + " " + _norm(e.title)]
        assert same, f"{entry['organization']} {entry['start']}..{entry['end']} not read"
        assert (same[0].hours_per_week or None) == (entry["hours_per_week"] or None), entry["organization"]
        left.remove(same[0])
    assert all(e.type == "education" for e in left), [e.organization for e in left]  # the degrees


@pytest.mark.parametrize("path", CVS, ids=lambda p: p.name)
def test_every_usmle_result_is_read(path):
    truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    expected = sorted((e["exam"], e["result"], e.get("score")) for e in truth["applicant"]["exams"]
                      if e["exam"].startswith("USMLE"))
    assert sorted((e.exam, e.result, e.score) for e in load_cv(path).exams if e.exam.startswith("USMLE")) == expected
