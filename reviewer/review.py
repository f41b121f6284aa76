"""review(): one statement (and optionally a CV and exam facts) in, one Review out."""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .checks import Context, run_checks
from .errors import InputError
from .metrics import measure_doc, word_count
from .pipeline import get_nlp, run_pipeline
from .profile import Exam, Profile
from .reading import Document, from_text, read_path
from .rulebook import default_rulebook

SCHEMA = "reviewer.review/1"
LABELS = ("score_disclosure", "blame", "growth", "regional_tie", "specialty_motivation")
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


@dataclass(slots=True)
class Sentence:
    """One sentence of the statement with its labels; start/end index ``Review.text``. Treat it as read-only
    (it is not frozen because a frozen dataclass sets each field through ``object.__setattr__``, about four
    times the cost of building one, for every sentence of every review)."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str
    labels: tuple[str, ...]
    places: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {"index": self.index, "paragraph": self.paragraph, "start": self.start, "end": self.end,
                "text": self.text, "labels": list(self.labels)}


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

    def to_dict(self) -> dict:
        doc = self.document
        return {
            "schema": SCHEMA,
            "source": {"name": doc.name, "kind": doc.kind, "characters": len(doc.text),
                       "words": self.metrics["words"], "paragraphs": len(doc.paragraphs)},
            "text": doc.text,
            "profile": self.profile.to_dict() if self.profile and self.profile.exams else None,
            "sentences": [s.to_dict() for s in self.sentences],
            "passage": self.passage,
            "findings": [f.to_dict() for f in self.findings],
            "metrics": self.metrics,
            "cv": self.cv,
        }


def this_month() -> str:
    return _dt.date.today().strftime("%Y-%m")


def prepare() -> None:
    """Build everything a review needs once per process (rules, spaCy pipeline, syllable tables), so that
    a server's first request or a worker's first statement does not pay for it."""
    from . import metrics
    default_rulebook()
    get_nlp()
    metrics.prepare()


def _document(source, name) -> Document:
    if isinstance(source, Document):
        return source
    if isinstance(source, Path):
        return read_path(source)
    if isinstance(source, str):
        return from_text(source, name or "text")
    raise InputError(f"cannot review a {type(source).__name__}; give a pathlib.Path or the text")


def _sentences(doc, document: Document) -> list[Sentence]:
    text, ext = document.text, doc._
    later = [start for start, _ in document.paragraphs[1:]]  # where the paragraphs after the first begin
    out, para = [], 0
    for i, (sent, labels, places) in enumerate(zip(ext.sentences, ext.labels, ext.places)):
        # the span without its whitespace-only tokens (str.strip and Token.is_space agree on whitespace)
        start, end = sent.start_char, sent.end_char
        chunk = text[start:end]
        if chunk[:1].isspace() or chunk[-1:].isspace():  # (most sentences neither start nor end with a blank)
            start += len(chunk) - len(chunk.lstrip())
            end -= len(chunk) - len(chunk.rstrip())
            chunk = text[start:end]
        while para < len(later) and start >= later[para]:
            para += 1
        ordered = tuple([label for label in LABELS if label in labels]) if labels else ()
        out.append(Sentence(i, para, start, end, chunk, ordered, tuple(places)))
    return out


def _closed_mentions(doc, cues_by_sentence, rulebook) -> list:
    found = [(i, start, end) for i, cues in enumerate(cues_by_sentence) if "region_closed" in cues
             for start, end in cues["region_closed"]]
    if not found:
        return []
    closed = {}
    for pack in rulebook.regions.values():
        for item in pack.data.get("closed") or []:
            closed[item["name"].lower()] = str(item["closed"])
    out = []
    for i, start, end in found:
        name = doc[start:end].text
        out.append((i, name, closed.get(name.lower(), "")))
    # "Atlanta Medical Center South" also matches "Atlanta Medical Center": keep one per sentence
    seen, unique = set(), []
    for i, name, date in sorted(out, key=lambda m: (m[0], -len(m[1]))):
        if i not in seen:
            seen.add(i)
            unique.append((i, name, date))
    return unique


def _profile(exams, cv_model) -> Profile | None:
    records = list(cv_model.profile.exams) if cv_model is not None and cv_model.profile else []
    records += list(exams or [])
    return Profile(tuple(records)) if records else None


def _load_cv(cv):
    if cv is None:
        return None
    from .cv import load_cv  # the CV part is optional for a statement-only review
    return load_cv(cv)


def review(source, cv=None, *, as_of: str | None = None, exams: list[Exam] | None = None,
           disabled=(), name: str | None = None, rulebook=None) -> Review:
    """Review a statement: ``source`` is a pathlib.Path, the text itself, or a reading.Document."""
    rulebook = rulebook or default_rulebook()
    as_of = as_of or this_month()
    if not _MONTH.match(as_of):
        raise InputError(f"as-of {as_of!r} is not a month (YYYY-MM)")
    disabled = tuple(disabled or ())
    unknown = [r for r in disabled if r not in rulebook.rules]
    if unknown:
        raise InputError(f"unknown rule id {', '.join(unknown)}; see `reviewer rules` for the ids")
    document = _document(source, name)
    cv_model = _load_cv(cv)
    doc = run_pipeline(get_nlp(), document.text)
    ext = doc._  # (each `doc._` builds a new accessor)
    sentences = _sentences(doc, document)
    metrics = measure_doc(doc, document.text, [sent.start for sent in ext.sentences], len(document.paragraphs))
    passage_ids = [s.index for s in sentences if "score_disclosure" in s.labels]
    words = metrics["words"]
    passage_words = sum(word_count(sentences[i].text) for i in passage_ids)
    passage = {"sentences": passage_ids, "words": passage_words,
               "share": round(passage_words / words, 3) if words else 0.0}
    cues_by_sentence = ext.cues
    region_named = [i for i, (cues, places) in enumerate(zip(cues_by_sentence, ext.places))
                    if (cues.get("region_anchor") and not cues.get("region_foreign")) or places]
    ctx = Context(document.text, sentences, passage_ids, passage_words, words, _profile(exams, cv_model),
                  metrics, region_named, _closed_mentions(doc, cues_by_sentence, rulebook))
    findings = run_checks(ctx, rulebook, set(disabled))
    cv_block = report = None
    if cv_model is not None:
        from .cv import check_cv, crosscheck
        report = check_cv(cv_model, as_of, rulebook)
        cv_block = report.to_dict()
        findings += [f for f in report.findings + crosscheck(document.text, sentences, cv_model, rulebook)
                     if f.rule not in disabled]
    findings.sort(key=lambda f: (f.start if f.start is not None else -1, f.rule))
    return Review(document, sentences, passage, findings, metrics, ctx.profile, cv_block, cv_model, report,
                  as_of, disabled)


__all__ = ["review", "Review", "Sentence", "LABELS"]
