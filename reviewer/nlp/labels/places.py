"""The region's places each sentence names, and whether it names the region at all (the region pack's
gazetteer: names the model never learns, so that any region pack works)."""
from __future__ import annotations

from spacy.tokens import Span

PLACE_CUES = frozenset({"region_place", "region_ambiguous"})


def names_region(view) -> bool:
    """The sentence names the region itself (not a foreign namesake: "Tbilisi, Georgia") or one of its places."""
    return ("region_anchor" in view.cues and "region_foreign" not in view.cues) or "region_place" in view.cues


def tie_places(view, in_region: bool) -> list[str]:
    """The region's places and institutions the sentence names, the longest of overlapping names ("Grady
    Memorial Hospital" over "Grady"); names found far from the region too ("Athens") only when the statement
    names the region elsewhere (``in_region``), and none in a sentence about a foreign namesake."""
    cues = view.cues
    spans = cues.get("region_place", [])
    if in_region and "region_ambiguous" in cues:
        spans = spans + cues["region_ambiguous"]
    if not spans or "region_foreign" in cues:
        return []
    kept, last_end, doc = [], -1, view.doc
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if start >= last_end:
            kept.append(Span(doc, start, end).text)
            last_end = end
    return kept


def region_places(views) -> tuple[list[list[str]], list[bool], list[list[tuple]]]:
    """Each sentence's places of the region, whether it names the region or one of its places, and the
    token spans the label model reads as a place or the region (``masks``: (start, end, word))."""
    in_region = any(names_region(view) for view in views)
    places = [[] if view.cues.keys().isdisjoint(PLACE_CUES) else tie_places(view, in_region) for view in views]
    named = [names_region(view) or bool(found) for view, found in zip(views, places)]
    return places, named, [masks(view, in_region) for view in views]


MASK_WORDS = {"region_place": "__place__", "region_ambiguous": "__place__", "region_anchor": "__region__"}


def masks(view, in_region: bool) -> list[tuple[int, int, str]]:
    """The spans of a sentence that the label model reads as "a place of the region" or "the region": the
    same names ``tie_places`` and ``names_region`` count (none in a sentence about a foreign namesake, and
    names found far from the region too only in a statement that names the region)."""
    cues = view.cues
    if "region_foreign" in cues or cues.keys().isdisjoint(MASK_WORDS):
        return []
    return [(start, end, word) for name, word in MASK_WORDS.items()
            if name != "region_ambiguous" or in_region for start, end in cues.get(name, ())]
