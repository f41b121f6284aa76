"""The timeline facts of a CV (gaps, overlaps, reversed and future dates, long texts) and the review JSON's "cv" block."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import CVError
from ..months import is_month
from .model import CV
from .timeline import is_reversed, find_future, find_gaps, find_long_texts, find_overlaps, find_reversed



@dataclass
class CVReport:
    """What the timeline checks found in one CV."""

    cv: CV
    as_of: str
    gaps: list = field(default_factory=list)
    overlaps: list = field(default_factory=list)
    date_order: list = field(default_factory=list)
    future_date: list = field(default_factory=list)
    long_texts: list = field(default_factory=list)

    def to_dict(self) -> dict:
        """The "cv" block of the review JSON."""
        entries = [{"number": n, **e.to_dict(), "months": 0 if is_reversed(e) else e.months_until(self.as_of)}
                   for n, e in enumerate(self.cv.experiences, 1)]
        return {"entries": entries, "gaps": self.gaps, "overlaps": self.overlaps, "date_order": self.date_order,
                "future_date": self.future_date, "description_length": self.long_texts,
                "unplaced": list(self.cv.unplaced), "has_timeline": self.cv.has_timeline, "as_of": self.as_of}


def entry_name(cv: CV, number: int) -> str:
    """How findings name an entry: 'experience 3 (Observer, Tift Regional Medical Center)'."""
    return f"experience {number} ({cv.experiences[number - 1].label})"


def check_cv(cv: CV, as_of: str, rulebook) -> CVReport:
    """Work out the timeline facts of ``cv`` as of the month ``as_of`` (YYYY-MM), with the thresholds of the cv rules."""
    if not is_month(as_of):
        raise CVError(f"as-of {as_of!r} is not a month; write it as YYYY-MM, e.g. 2026-09")
    report = CVReport(cv, as_of)
    if not cv.has_timeline:
        return report
    report.gaps = find_gaps(cv, as_of, rulebook.param("cv.gap", "min_gap_months", 3))
    report.overlaps = find_overlaps(cv, as_of, rulebook.param("cv.overlap", "max_hours", 80),
                                    rulebook.param("cv.overlap", "full_time_hours", 35))
    report.date_order = find_reversed(cv)
    report.future_date = find_future(cv, as_of)
    report.long_texts = find_long_texts(cv, rulebook.param("cv.description_length", "max_description", 750),
                                        rulebook.param("cv.description_length", "max_meaningful", 300))
    return report
