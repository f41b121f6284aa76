"""What every check reads: the sentences with their labels and cues, the passage, profile, metrics, CV, region."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property


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
    doc: object = None  # the labelled spaCy Doc the sentences come from
    cv: object = None  # cv.CV or None
    cv_report: object = None  # cv.CVReport or None

    @cached_property
    def cues(self) -> list[dict]:
        """Each sentence's cues as {cue name: [(start, end) offsets in the text]}, worked out when first read."""
        from ..sentences import cue_offsets
        return cue_offsets(self.doc) if self.doc is not None else [{} for _ in self.sentences]

    def labelled(self, label: str) -> list:
        return [s for s in self.sentences if label in s.labels]

    def span(self, indexes) -> dict:
        """start, end and sentences of a finding over the sentences ``indexes``."""
        chosen = [self.sentences[i] for i in indexes]
        if not chosen:
            return {}
        return {"start": chosen[0].start, "end": chosen[-1].end, "sentences": [s.index for s in chosen]}

    def finding(self, rule, **values):
        """``rule.finding`` with the active region's names given to its {region...} placeholders."""
        if self.region is not None:
            values = {**self.region.message_values(), **values}
        return rule.finding(**values)


def quote(text: str, limit: int = 80) -> str:
    """A sentence shortened to at most ``limit`` characters for a message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
