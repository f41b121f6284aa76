"""What every check reads: the sentences with their labels and cues, the passage, profile, metrics, CV, region."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..nlp.labels import NEAR


@dataclass
class Context:
    """One review's facts as the checks see them (read-only for checks)."""

    text: str = ""
    sentences: list = field(default_factory=list)  # Sentence records (reviewer.sentences)
    passage: list = field(default_factory=list)  # indexes of the score_disclosure sentences
    passage_words: int = 0
    words: int = 0
    paragraphs: int = 0
    profile: object = None  # inputs.profile.Profile or None
    metrics: dict = field(default_factory=dict)
    region: object = None  # the active rulebook.RegionPack
    region_mentions: list = field(default_factory=list)  # sentences naming the region or one of its places
    closed_mentions: list = field(default_factory=list)  # (sentence index, place name, closed date)
    doc: object = None  # the labelled spaCy Doc the sentences come from (of the plain text)
    plain: object = None  # nlp.typography.Plain: the text the Doc read, and its offsets back to ``text``
    cv: object = None  # cv.CV or None
    cv_report: object = None  # cv.CVReport or None
    evidence: object = None  # nlp.labels.LabelEvidence: each label's probability and whether it is confident

    @cached_property
    def cues(self):
        """Each sentence's cues: ``cues.names(i)``, and ``cues.spans(i, name)`` as offsets into the text."""
        from ..sentences import CueOffsets
        return CueOffsets(self.doc, self.plain)

    def labelled(self, label: str) -> list:
        return [s for s in self.sentences if label in s.labels]

    def span(self, indexes) -> dict:
        """start, end and sentences of a finding over the sentences ``indexes``."""
        chosen = [self.sentences[i] for i in indexes]
        if not chosen:
            return {}
        return {"start": chosen[0].start, "end": chosen[-1].end, "sentences": [s.index for s in chosen]}

    def finding(self, rule, confident: bool = True, **values):
        """``rule.finding`` with the active region's names given to its {region...} placeholders; a finding
        whose labels are not ``confident`` becomes a suggestion worth a second look."""
        if self.region is not None:
            values = {**self.region.message_values(), **values}
        found = rule.finding(**values)
        return found if confident else found.second_look()

    def sure(self, i: int, label: str) -> bool:
        """Whether sentence i's ``label`` is confident (always, without a model's evidence)."""
        return self.evidence is None or self.evidence.confident(i, label)

    def surely_absent(self, label: str, sentences=None) -> bool:
        """Whether no sentence (of ``sentences``, default all) comes near to carrying ``label``: every
        probability is under half the label's threshold."""
        if self.evidence is None:
            return True
        indexes = range(len(self.sentences)) if sentences is None else sentences
        near = self.evidence.threshold(label) * NEAR
        return all(self.evidence.confidence(i, label) < near for i in indexes)


def quote(text: str, limit: int = 80) -> str:
    """A sentence shortened to at most ``limit`` characters for a message, cut between words."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut and not text[limit - 1].isspace():
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def counted(n: int, word: str) -> str:
    """'1 sentence', '3 sentences'."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
