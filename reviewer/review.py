"""review(): one statement (and optionally a CV and exam facts) in, one Review out."""
from __future__ import annotations

import datetime as _dt
import gc
from dataclasses import dataclass, field
from pathlib import Path

from .checks import Context, run_checks
from .checks.invariants import without_contradictions
from .errors import InputError
from .inputs import Document, from_text, read_path
from .inputs.profile import Exam, Profile
from .months import is_month
from .notices import unreadable_cv
from .nlp import get_nlp, run_pipeline
from .nlp.readability import measure, word_count
from .nlp.typography import plain
from .rulebook import default_rulebook
from .sentences import LABELS, Sentence, sentence_records

SCHEMA = "reviewer.review/1"


@dataclass
class Review:
    """The reviewer's whole answer for one statement; ``to_dict`` is the review JSON of DESIGN.md."""

    document: Document
    sentences: list
    passage: dict
    findings: list
    metrics: dict
    profile: Profile | None = None
    cv: dict | None = None
    cv_model: object = None
    cv_report: object = None
    as_of: str = ""
    disabled: tuple = field(default_factory=tuple)
    rulebook: object = None
    region: object = None  # the rulebook.RegionPack the review used
    evidence: object = None  # nlp.labels.LabelEvidence: why each sentence carries its labels
    notices: list = field(default_factory=list)  # notices.Notice: parts of the inputs left out, and why

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def exit_code(self) -> int:
        return 1 if any(f.serious for f in self.findings) else 0

    def fired(self) -> set:
        return {f.rule for f in self.findings}

    def tie_places(self) -> list[str]:
        seen = []
        for s in self.sentences:
            for place in s.places:
                if "regional_tie" in s.labels and place not in seen:
                    seen.append(place)
        return seen

    def sentence_dict(self, sentence) -> dict:
        """A sentence of the review JSON, with the optional 1-based number and each label's evidence."""
        out = {**sentence.to_dict(), "number": sentence.index + 1}
        if self.evidence is not None and sentence.labels:
            out["evidence"] = {label: e.to_dict() for label, e in self.evidence.of(sentence.index).items()}
        return out

    def to_dict(self) -> dict:
        doc = self.document
        return {
            "schema": SCHEMA,
            "source": {"name": doc.name, "kind": doc.kind, "characters": len(doc.text),
                       "words": self.metrics["words"], "paragraphs": len(doc.paragraphs)},
            "text": doc.text,
            "profile": self.profile.to_dict() if self.profile and self.profile.exams else None,
            "sentences": [self.sentence_dict(s) for s in self.sentences],
            "passage": self.passage,
            "findings": [f.to_dict() for f in self.findings],
            "metrics": self.metrics,
            "cv": self.cv,
            # optional additions: what the review was made with (a saved review read back by `compare`)
            "as_of": self.as_of,
            "region": self.region.name if self.region is not None else None,
            "disabled": list(self.disabled),
            **({"notices": [n.to_dict() for n in self.notices]} if self.notices else {}),
        }


def this_month() -> str:
    return _dt.date.today().strftime("%Y-%m")


def prepare() -> None:
    """Build everything a review needs once per process (rules, spaCy pipeline, syllable tables), so that
    a server's first request or a worker's first statement does not pay for it. The objects built then live as
    long as the process: the first call also sets them aside from the garbage collector (``gc.freeze``), so
    that its full collections, which reviews set off now and then, no longer walk them each time."""
    global _frozen
    from .nlp import readability
    get_nlp(default_rulebook().root)
    readability.prepare()
    if not _frozen:
        gc.freeze()
        _frozen = True


_frozen = False  # whether prepare has set this process's start-up objects aside from the collector


def _document(source, name) -> Document:
    if isinstance(source, Document):
        return source
    if isinstance(source, Path):
        return read_path(source)
    if isinstance(source, str):
        return from_text(source, name or "text")
    raise InputError(f"cannot review a {type(source).__name__}; give a pathlib.Path or the text")


def _closed_mentions(doc, sentences, pack) -> list:
    """(sentence index, place, closed date) for the closed places the sentences name, the longest name of
    each sentence ("Atlanta Medical Center South" also holds "Atlanta Medical Center")."""
    out = []
    for i, cues in enumerate(doc._.cues):
        names = [doc[start:end].text for start, end in cues.get("region_closed", [])]
        if names:
            name = max(names, key=len)
            out.append((i, name, pack.closed_date(name)))
    return out


def _profile(exams, cv_model, low_score: int) -> Profile | None:
    records = list(cv_model.exams) if cv_model is not None else []
    records += list(exams or [])
    return Profile(tuple(records), low_score) if records else None


def _load_cv(cv) -> tuple[object, list]:
    """The CV and the notices about what of it could not be read; a CV that cannot be read at all is left out
    with a notice saying why (a CV problem never blocks the statement's review)."""
    if cv is None:
        return None, []
    from .cv import load_cv  # the CV part is optional for a statement-only review
    from .errors import CVError, InputError
    try:
        model = load_cv(cv)
    except (CVError, InputError) as exc:
        return None, [unreadable_cv(str(exc))]
    return model, list(getattr(model, "notices", ()))


def review(source, cv=None, *, as_of: str | None = None, exams: list[Exam] | None = None,
           disabled=(), name: str | None = None, rulebook=None, region: str | None = None, nlp=None,
           notices=()) -> Review:
    """Review a statement: ``source`` is a pathlib.Path, the text itself, or an inputs.Document;
    ``region`` names the region pack (default: georgia); ``notices``, what the caller could not read of the
    inputs (a CV file it could not open, say), shown with the review's own; ``nlp``, a pipeline of the rulebook's rules built
    with another label model (evaluation only; the shared pipeline by default)."""
    rulebook = rulebook or default_rulebook()
    pack = rulebook.region(region)
    as_of = as_of or this_month()
    if not is_month(as_of):
        raise InputError(f"as-of {as_of!r} is not a month (YYYY-MM)")
    disabled = tuple(disabled or ())
    unknown = [r for r in disabled if r not in rulebook.rules]
    if unknown:
        raise InputError(f"unknown rule id {', '.join(unknown)}; see `reviewer rules` for the ids")
    document = _document(source, name)
    cv_model, cv_notices = _load_cv(cv)
    notices = list(document.notices) + list(notices) + cv_notices
    reading = plain(document.text)  # what the pipeline reads: the typography made plain, offsets kept
    doc = run_pipeline(nlp or get_nlp(rulebook.root), reading.text, pack.name)
    sentences = sentence_records(doc, document.text, reading, document.paragraphs)
    metrics = measure(reading.text, [s.plain for s in sentences], len(document.paragraphs))
    metrics["characters"] = len(document.text)
    passage_ids = [s.index for s in sentences if "score_disclosure" in s.labels]
    words = metrics["words"]
    passage_words = sum(word_count(sentences[i].plain) for i in passage_ids)
    passage = {"sentences": passage_ids, "words": passage_words,
               "share": round(passage_words / words, 3) if words else 0.0}
    report = None
    if cv_model is not None:
        from .cv import check_cv
        report = check_cv(cv_model, as_of, rulebook)
    profile = _profile(exams, cv_model, rulebook.param("score.not_addressed", "low_score", 215))
    ctx = Context(document.text, sentences, passage_ids, passage_words, words, len(document.paragraphs), profile,
                  metrics, pack, [i for i, named in enumerate(doc._.region_named) if named],
                  _closed_mentions(doc, sentences, pack), doc, reading, cv_model, report, doc._.evidence)
    findings = without_contradictions(run_checks(ctx, rulebook, set(disabled)))
    findings.sort(key=lambda f: (f.start if f.start is not None else -1, f.rule))
    return Review(document, sentences, passage, findings, metrics, profile, report.to_dict() if report else None,
                  cv_model, report, as_of, disabled, rulebook, pack, doc._.evidence, notices)


__all__ = ["review", "Review", "Sentence", "LABELS"]
