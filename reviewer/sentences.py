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
    text: str  # as the user wrote it (``review.text[start:end]``)
    labels: tuple[str, ...]
    places: tuple[str, ...] = ()
    plain: str = ""  # the same sentence with its typography made plain (nlp.typography), for matching

    def to_dict(self) -> dict:
        return {"index": self.index, "paragraph": self.paragraph, "start": self.start, "end": self.end,
                "text": self.text, "labels": list(self.labels)}


def sentence_records(doc, text: str, plain, paragraphs: list[tuple[int, int]]) -> list[Sentence]:
    """A Sentence per sentence of the Doc (which read ``plain.text``), stripped of surrounding whitespace, its
    offsets in the original ``text``, numbered by the Document's paragraphs (their (start, end) offsets)."""
    ext = doc._
    reading = plain.text
    later = [start for start, _ in paragraphs[1:]]  # where the paragraphs after the first begin
    out, para = [], 0
    for i, (sent, labels, places) in enumerate(zip(ext.sentences, ext.labels, ext.places)):
        start, end = sent.start_char, sent.end_char
        chunk = reading[start:end]
        if chunk[:1].isspace() or chunk[-1:].isspace():
            start += len(chunk) - len(chunk.lstrip())
            end -= len(chunk) - len(chunk.rstrip())
            chunk = reading[start:end]
        first, last = plain.original(start), plain.original(end)
        while para < len(later) and first >= later[para]:
            para += 1
        ordered = tuple(label for label in LABELS if label in labels)
        out.append(Sentence(i, para, first, last, text[first:last], ordered, tuple(places), chunk))
    return out


class CueOffsets:
    """The cues of each sentence as character offsets into the original text, worked out per cue name when asked."""

    def __init__(self, doc, plain):
        self._doc, self._plain = doc, plain
        self._cues = doc._.cues

    def names(self, i: int):
        """The cue names found in sentence i."""
        return self._cues[i].keys()

    def spans(self, i: int, name: str) -> list[tuple[int, int]]:
        """The (start, end) offsets of cue ``name`` in sentence i (empty when it has none)."""
        doc, original = self._doc, self._plain.original
        return [(original(doc[s].idx), original(doc[e - 1].idx + len(doc[e - 1]))) for s, e in self._cues[i].get(name, ())]
