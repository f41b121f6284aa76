"""The sentences with labels: the records the checks and renderers read, built from the labelled Doc."""
from __future__ import annotations

from dataclasses import dataclass

LABELS = ("score_disclosure", "blame", "growth", "regional_tie", "specialty_motivation")


@dataclass(slots=True)
class Sentence:
    """One sentence of the statement with its labels; ``start``/``end`` index the review's text. Treat it as
    read-only (it is not frozen: a frozen dataclass sets each field through ``object.__setattr__``, about four
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


def sentence_records(doc, text: str, paragraphs: list[tuple[int, int]]) -> list[Sentence]:
    """A Sentence per sentence of the Doc, stripped of surrounding whitespace, numbered by the Document's
    paragraphs (``paragraphs``: their (start, end) offsets)."""
    ext = doc._
    later = [start for start, _ in paragraphs[1:]]  # where the paragraphs after the first begin
    out, para = [], 0
    for i, (sent, labels, places) in enumerate(zip(ext.sentences, ext.labels, ext.places)):
        start, end = sent.start_char, sent.end_char
        chunk = text[start:end]
        if chunk[:1].isspace() or chunk[-1:].isspace():
            start += len(chunk) - len(chunk.lstrip())
            end -= len(chunk) - len(chunk.rstrip())
            chunk = text[start:end]
        while para < len(later) and start >= later[para]:
            para += 1
        ordered = tuple(label for label in LABELS if label in labels)
        out.append(Sentence(i, para, start, end, chunk, ordered, tuple(places)))
    return out


def cue_offsets(doc) -> list[dict]:
    """Each sentence's cues as character offsets into the text: {cue name: [(start, end), ...]}."""
    out = []
    for cues in doc._.cues:
        out.append({name: [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e in spans]
                    for name, spans in cues.items()})
    return out
