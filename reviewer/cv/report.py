"""Run the timeline checks on a CV and hold their findings and the review JSON's "cv" block."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import CVError
from .model import CV
from .timeline import is_reversed, find_future, find_gaps, find_long_texts, find_overlaps, find_reversed

_AS_OF = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_FIELD_NAMES = {"description": "description", "meaningful": "most meaningful reflection"}


@dataclass
class CVReport:
    """What the timeline checks found in one CV."""

    cv: CV
    as_of: str
    findings: list = field(default_factory=list)
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
    """Run every timeline check on ``cv`` as of the month ``as_of`` (YYYY-MM)."""
    if not isinstance(as_of, str) or not _AS_OF.match(as_of):
        raise CVError(f"as-of {as_of!r} is not a month; write it as YYYY-MM, e.g. 2026-09")
    report = CVReport(cv, as_of)
    if not cv.has_timeline:
        return report
    rules = rulebook.rules
    gap, overlap = rules["cv.gap"], rules["cv.overlap"]
    report.gaps = find_gaps(cv, as_of, gap.params.get("min_gap_months", 3))
    report.overlaps = find_overlaps(cv, as_of, overlap.params.get("max_hours", 80),
                                    overlap.params.get("full_time_hours", 35))
    report.date_order = find_reversed(cv)
    report.future_date = find_future(cv, as_of)
    lengths = rules["cv.description_length"].params
    report.long_texts = find_long_texts(cv, lengths.get("max_description", 750), lengths.get("max_meaningful", 300))
    out = report.findings
    out += [gap.finding(first=g["start"], last=g["end"], months=g["months"]) for g in report.gaps]
    out += [overlap.finding(entry_a=entry_name(cv, o["entries"][0]), entry_b=entry_name(cv, o["entries"][1]),
                            first=o["start"], last=o["end"], months=o["months"], reason=o["reason"])
            for o in report.overlaps]
    out += [rules["cv.date_order"].finding(entry=entry_name(cv, d["entry"]), first=d["start"], last=d["end"])
            for d in report.date_order]
    out += [rules["cv.future_date"].finding(entry=entry_name(cv, f["entry"]), first=f["start"], as_of=as_of)
            for f in report.future_date]
    out += [rules["cv.description_length"].finding(entry=entry_name(cv, t["entry"]), field=_FIELD_NAMES[t["field"]],
                                                   length=t["length"], limit=t["limit"]) for t in report.long_texts]
    return report
