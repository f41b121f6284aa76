"""The numbers a mentor reads a revision by, before and after: the score passage, blame, growth, ties, length."""
from __future__ import annotations

from dataclasses import dataclass

from ..rulebook import DEFAULT_REGION


@dataclass(frozen=True)
class Measure:
    """One number (or list of names) in both drafts; ``better`` says which way is an improvement, if any."""

    key: str
    label: str
    old: object
    new: object
    better: str = ""  # "up", "down" or "" (neither)
    unit: str = ""  # "share" (a fraction shown as a percentage), "names" (a list), or "" (a number)

    @property
    def change(self):
        """new minus old for numbers; the names added and removed for lists."""
        if isinstance(self.old, list):
            return {"added": [p for p in self.new if p not in self.old],
                    "removed": [p for p in self.old if p not in self.new]}
        if self.old is None or self.new is None:
            return None
        return round(self.new - self.old, 3)

    def shown(self, value) -> str:
        """A value as people read it: "13%", "1,024", "Decatur, Grady" or "none"."""
        if self.unit == "names":
            return ", ".join(value) or "none"
        if value is None:
            return "not measured"
        if self.unit == "share":
            return f"{value:.0%}"
        return f"{value:,}"

    def shown_change(self) -> str:
        """The change as people read it: "+3", "-2 points", "no change"."""
        change = self.change
        if self.unit == "names":
            parts = [f"added {', '.join(change['added'])}" if change["added"] else "",
                     f"gone {', '.join(change['removed'])}" if change["removed"] else ""]
            return "; ".join(p for p in parts if p) or "no change"
        if change is None:
            return ""
        if not change:
            return "no change"
        if self.unit == "share":
            points = round(change * 100)
            return f"{points:+d} points" if points else f"{'up' if change > 0 else 'down'} less than a point"
        return f"{change:+,}"

    def direction(self) -> str:
        """"better", "worse" or "" for a change, by which way the guide prefers."""
        change = self.change
        if not self.better or not isinstance(change, (int, float)) or not change:
            return ""
        return "better" if (change > 0) == (self.better == "up") else "worse"

    def to_dict(self) -> dict:
        return {"measure": self.key, "label": self.label, "old": self.old, "new": self.new, "change": self.change,
                **({"better": self.better} if self.better else {})}


def _labelled(draft, label: str, among=None) -> int:
    indexes = range(len(draft.sentences)) if among is None else among
    return sum(1 for i in indexes if label in draft.sentences[i].labels)


def places_named(texts: list[str], region: str | None = None) -> list[str]:
    """The region's places named in ``texts`` (a saved review's tie sentences), found by the review pipeline's
    own gazetteer, in order of first mention."""
    if not texts:
        return []
    from ..nlp import get_nlp, run_pipeline
    from ..rulebook import default_rulebook
    book = default_rulebook()
    doc = run_pipeline(get_nlp(book.root), "\n\n".join(texts), region or DEFAULT_REGION)
    return list(dict.fromkeys(place for places in doc._.places for place in places))


def tie_places(draft, region: str | None = None) -> list[str]:
    """The places named in the draft's tie sentences, in order of first mention."""
    ties = [s for s in draft.sentences if "regional_tie" in s.labels]
    if any(draft.places[s.index] is None for s in ties):
        return places_named([s.text for s in ties], region)
    return list(dict.fromkeys(place for s in ties for place in draft.places[s.index]))


def measures(old, new, region: str | None = None) -> list[Measure]:
    """The measures of two Drafts, in the order a page shows them."""
    def both(get):
        return get(old), get(new)

    def passage(draft):
        return list(draft.passage.get("sentences") or [])

    return [
        Measure("passage_sentences", "Score passage, sentences", *both(lambda d: len(passage(d)))),
        Measure("passage_share", "Score passage, share of the words", *both(lambda d: d.passage.get("share")),
                unit="share"),
        Measure("blame", "Sentences that blame", *both(lambda d: _labelled(d, "blame")), "down"),
        Measure("growth_in_passage", "Growth sentences in the score passage",
                *both(lambda d: _labelled(d, "growth", passage(d))), "up"),
        Measure("ties", "Regional tie sentences", *both(lambda d: _labelled(d, "regional_tie")), "up"),
        Measure("tie_places", "Places named in the ties", *both(lambda d: tie_places(d, region)), unit="names"),
        Measure("specialty_motivation", "Sentences on why this specialty",
                *both(lambda d: _labelled(d, "specialty_motivation"))),
        Measure("words", "Words", *both(lambda d: d.metrics.get("words"))),
        Measure("characters", "Characters", *both(lambda d: d.metrics.get("characters"))),
        Measure("flesch_reading_ease", "Readability (Flesch reading ease)",
                *both(lambda d: d.metrics.get("flesch_reading_ease")), "up"),
    ]
