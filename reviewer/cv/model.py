"""The CV model every reader fills: the applicant, their experiences, and the lines no reader could place."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..inputs.profile import Exam
from ..months import span_months

TYPES = ("clinical", "research", "work", "volunteer", "teaching", "education", "other")


@dataclass(frozen=True)
class Applicant:
    """Who the applicant is and the exams they sat."""

    name: str | None = None
    medical_school: str | None = None
    country: str | None = None
    graduation: str | None = None  # YYYY-MM
    exams: list = field(default_factory=list)


@dataclass(frozen=True)
class Experience:
    """One CV entry; months are YYYY-MM, ``end`` None means ongoing."""

    type: str
    title: str | None
    organization: str | None
    city: str | None
    state: str | None
    country: str | None
    start: str
    end: str | None
    hours_per_week: float | None = None
    description: str | None = None
    meaningful: str | None = None
    imprecise: bool = False
    latest_start: str | None = None
    earliest_end: str | None = None

    @property
    def label(self) -> str:
        """How messages name the entry: its title and organization."""
        parts = [p for p in (self.title, self.organization) if p]
        return ", ".join(parts) or "untitled entry"

    def months_until(self, as_of: str) -> int:
        """Inclusive months the entry covers, an ongoing entry running to ``as_of``."""
        return span_months(self.start, self.end or as_of)

    def to_dict(self) -> dict:
        """The entry as the review JSON's "cv" block lists it."""
        out = {"type": self.type, "title": self.title, "organization": self.organization,
               "city": self.city, "state": self.state, "country": self.country,
               "start": self.start, "end": self.end, "hours_per_week": self.hours_per_week,
               "description": self.description}
        if self.meaningful is not None:
            out["meaningful"] = self.meaningful
        out["imprecise"] = self.imprecise
        return out


@dataclass(frozen=True)
class CV:
    """An applicant file: applicant block (or None), experiences, the lines of a Word/text CV no reader could
    place, and notices (reviewer.notices.Notice, source "cv") about what could not be read and was left out."""

    applicant: Applicant | None = None
    experiences: list = field(default_factory=list)
    has_timeline: bool = False
    unplaced: list = field(default_factory=list)
    notices: list = field(default_factory=list)

    @property
    def exams(self) -> list[Exam]:
        """The applicant's exam attempts, empty without an applicant block."""
        return list(self.applicant.exams) if self.applicant else []

    def attempts(self, exam_name: str) -> list[Exam]:
        """The recorded attempts at one exam."""
        return [exam for exam in self.exams if exam.exam == exam_name]
