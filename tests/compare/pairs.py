"""The draft pairs of samples/drafts, read as the comparison tests need them."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from reviewer.inputs.profile import parse_exam_flag

ROOT = Path(__file__).resolve().parents[2]
DRAFTS = ROOT / "samples" / "drafts"
AS_OF = "2026-09"


@dataclass
class DraftPair:
    """One pair: both texts, each annotated sentence's span in its text, and what the writers annotated."""

    name: str
    data: dict

    @property
    def exams(self) -> list:
        return [exam for flag in self.data["exams"] for exam in parse_exam_flag(flag)]

    def paragraphs(self, side: str) -> list[list[str]]:
        return [[s if isinstance(s, str) else s["text"] for s in p] for p in self.data[side]]

    def text(self, side: str) -> str:
        """Sentences joined by one space, paragraphs by a blank line (the corpus format of DESIGN.md)."""
        return "\n\n".join(" ".join(p) for p in self.paragraphs(side))

    def spans(self, side: str) -> dict[tuple[int, int], tuple[int, int]]:
        """(paragraph, sentence) of the annotation -> its (start, end) in ``text(side)``."""
        out, pos = {}, 0
        for p, sentences in enumerate(self.paragraphs(side)):
            for s, sentence in enumerate(sentences):
                out[(p, s)] = (pos, pos + len(sentence))
                pos += len(sentence) + 1
            pos += 1
        return out

    def annotations(self) -> dict[tuple[int, int], dict]:
        """(paragraph, sentence) of NEW -> its annotation: "from" (a (p, s) of OLD or None) and "change"."""
        return {(p, s): {"from": tuple(x["from"]) if x["from"] is not None else None, "change": x.get("change")}
                for p, para in enumerate(self.data["new"]) for s, x in enumerate(para)}


def pairs() -> list[DraftPair]:
    return [DraftPair(p.stem, json.loads(p.read_text(encoding="utf-8"))) for p in sorted(DRAFTS.glob("*.json"))]


def holder(spans: dict, sentence) -> tuple[int, int]:
    """The annotated sentence that holds the middle character of a reviewer sentence."""
    middle = (sentence.start + sentence.end) // 2
    return next(key for key, (start, end) in spans.items() if start <= middle <= end)


def pieces(pair: DraftPair, side: str, review) -> dict[tuple[int, int], list[int]]:
    """Each annotated sentence -> the reviewer's sentences (indexes) that make it up (usually one; the splitter
    cuts a few, e.g. after "Dra.")."""
    spans, out = pair.spans(side), {key: [] for key in pair.spans(side)}
    for sentence in review.sentences:
        out[holder(spans, sentence)].append(sentence.index)
    return out


def annotated_partners(pair: DraftPair, old_review, new_review) -> dict[int, set[int]]:
    """Old reviewer sentence -> the new reviewer sentences the writers say it became (unchanged or edited)."""
    old_pieces, new_pieces = pieces(pair, "old", old_review), pieces(pair, "new", new_review)
    out = {i: set() for i in range(len(old_review.sentences))}
    for key, note in pair.annotations().items():
        if note["from"] is not None:
            for i in old_pieces[note["from"]]:
                out[i] |= set(new_pieces[key])
    return out
