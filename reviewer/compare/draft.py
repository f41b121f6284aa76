"""One side of a comparison: a draft's sentences, labels, findings and numbers, from a Review or a saved review JSON."""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError
from ..findings import LEVELS, Finding
from ..inputs import Document, paragraph_spans
from ..sentences import LABELS, Sentence

REVIEW_SCHEMA = "reviewer.review/1"


@dataclass(frozen=True)
class Draft:
    """What a comparison reads of one draft; ``review`` is the Review it came from (None for a saved review JSON)."""

    name: str
    origin: str  # "statement" (reviewed now) or "review JSON" (findings as saved)
    document: Document
    sentences: tuple  # reviewer.sentences.Sentence records, read only
    findings: tuple  # reviewer.findings.Finding records
    passage: dict
    metrics: dict
    places: tuple  # the region's places each sentence names (None for each when a saved review does not say)
    profile: dict | None = None
    as_of: str = ""
    review: object = None

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def saved(self) -> bool:
        """Whether the findings are a saved review's rather than made now with today's rules."""
        return self.review is None


def from_review(review) -> Draft:
    """The draft as a Review sees it (the Review itself is left as it is)."""
    doc = review.document
    profile = review.profile.to_dict() if review.profile and review.profile.exams else None
    return Draft(doc.name, "statement", doc, tuple(review.sentences), tuple(review.findings), dict(review.passage),
                 dict(review.metrics), tuple(tuple(s.places) for s in review.sentences), profile, review.as_of, review)


def _field(data: dict, key: str, kind, where: str):
    value = data.get(key)
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise InputError(f"{where}: '{key}' is missing or not {_KIND_NAMES.get(kind, 'valid')}")
    return value


_KIND_NAMES = {str: "text", int: "a whole number", list: "a list", dict: "an object"}


def _sentence(data, k: int, text: str, name: str) -> Sentence:
    where = f"{name}: sentence {k + 1}"
    if not isinstance(data, dict):
        raise InputError(f"{where} is not an object")
    start, end = _field(data, "start", int, where), _field(data, "end", int, where)
    labels = _field(data, "labels", list, where)
    if not 0 <= start <= end <= len(text):
        raise InputError(f"{where}: its offsets {start}-{end} fall outside the text")
    paragraph = data.get("paragraph", 0)
    ordered = tuple(label for label in LABELS if label in labels)
    body = text[start:end]
    return Sentence(k, paragraph if isinstance(paragraph, int) else 0, start, end, body, ordered, (), body)


def _finding(data, k: int, count: int, name: str) -> Finding:
    where = f"{name}: finding {k + 1}"
    if not isinstance(data, dict):
        raise InputError(f"{where} is not an object")
    rule = _field(data, "rule", str, where)
    level = _field(data, "level", str, where)
    if level not in LEVELS:
        raise InputError(f"{where}: level {level!r} is not one of {', '.join(LEVELS)}")
    sentences = data.get("sentences") or []
    if not isinstance(sentences, list) or not all(isinstance(i, int) and 0 <= i < count for i in sentences):
        raise InputError(f"{where}: 'sentences' must list sentence indexes of this review")
    text = {key: data.get(key) if isinstance(data.get(key), str) else "" for key in ("message", "why", "fix", "source")}
    start, end = data.get("start"), data.get("end")
    return Finding(rule, level, text["message"], text["why"], text["fix"], text["source"],
                   start if isinstance(start, int) else None, end if isinstance(end, int) else None, tuple(sentences),
                   bool(data.get("unsure")), data.get("rule_level") if isinstance(data.get("rule_level"), str) else "")


def from_review_json(data, name: str) -> Draft:
    """The draft a saved review JSON (``reviewer review --format json``) describes; InputError says what is wrong."""
    if not isinstance(data, dict):
        raise InputError(f"{name} is JSON but not a review: save one with `reviewer review DRAFT --format json`")
    schema = data.get("schema")
    if schema != REVIEW_SCHEMA:
        if isinstance(schema, str) and schema.startswith("reviewer.compare/"):
            what = "a comparison of two drafts, not a review JSON"
        elif isinstance(schema, str) and schema.startswith("reviewer.review/"):
            what = f"a review JSON of a version this reviewer does not read ({schema}; it reads {REVIEW_SCHEMA})"
        else:
            what = f'JSON but not a review JSON (it has no "schema": "{REVIEW_SCHEMA}")'
        raise InputError(f"{name} is {what}; save a review with `reviewer review DRAFT --format json`")
    text = _field(data, "text", str, name)
    raw_sentences = _field(data, "sentences", list, name)
    sentences = tuple(_sentence(s, k, text, name) for k, s in enumerate(raw_sentences))
    findings = tuple(_finding(f, k, len(sentences), name) for k, f in enumerate(_field(data, "findings", list, name)))
    source = data.get("source") if isinstance(data.get("source"), dict) else {}
    shown = source.get("name") if isinstance(source.get("name"), str) else name
    kind = source.get("kind") if isinstance(source.get("kind"), str) else "text"
    document = Document(text, shown, kind, paragraph_spans(text))
    metrics = data.get("metrics") if isinstance(data.get("metrics"), dict) else {}
    passage = data.get("passage") if isinstance(data.get("passage"), dict) else {}
    passage = {"sentences": [s.index for s in sentences if "score_disclosure" in s.labels],
               "words": passage.get("words", 0), "share": passage.get("share", 0.0)}
    profile = data.get("profile") if isinstance(data.get("profile"), dict) else None
    return Draft(name, "review JSON", document, sentences, findings, passage, dict(metrics),
                 tuple(None for _ in sentences), profile, str(data.get("as_of") or ""))
