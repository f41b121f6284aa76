"""The label rules: each sentence's labels decided from the cues found in it and around it (DESIGN.md
'Sentence labels'). The learned labeller reads their decisions as features."""
from __future__ import annotations

from spacy.tokens import Span

# Each test below holds only for a sentence with one of these cues, so a sentence with none of them is not
# given to it at all (tests/test_labels_guards.py checks each set against its test on every labelled statement).
PLACE_CUES = frozenset({"region_place", "region_ambiguous"})
TIE_CUES = frozenset({"region_place", "region_ambiguous", "health_inherent", "health_needs_region",
                      "region_anchor"})
MOTIVATION_CUES = frozenset({"reason", "reason_weak"})
ACKNOWLEDGMENT_CUES = frozenset({"exam", "exam_ref"})
BLAME_CUES = frozenset({"minimize", "external"})
GROWTH_CUES = frozenset({"change", "change_strong", "lesson", "method"})
# How far back (sentences, same paragraph) a setback opens a window in which growth can follow.
GROWTH_WINDOW = 3


def without_inside(cues: dict, names, masks) -> dict:
    """A copy of ``cues`` without the matches of cues ``names`` that start inside one of the ``masks`` spans."""
    out = dict(cues)
    for name in names:
        kept = [m for m in cues.get(name, []) if not any(s <= m[0] < e for s, e in masks)]
        if kept:
            out[name] = kept
        else:
            out.pop(name, None)
    return out


class SentenceView:
    """The cues of one sentence, with the few derived facts the label decisions need.

    ``cues`` maps a cue name to its matches and holds a name only with at least one match, so
    ``"name" in view.cues`` asks whether the sentence has that cue; ``has`` asks it of several names."""

    def __init__(self, doc, cues, low_score: int):
        self.doc, self.low_score_below = doc, low_score
        if "not_exam" in cues:  # "step 2 of the project" names no exam
            cues = without_inside(cues, ("exam",), cues["not_exam"])
        if "clinical_failure" in cues:  # "heart failure" is not a failed exam, nor the applicant's setback
            cues = without_inside(cues, ("negative", "setback"), cues["clinical_failure"])
        self.cues = cues  # (a copy where matches were left out: the cue finder's lists stay as they were)

    def has(self, *names) -> bool:
        return not self.cues.keys().isdisjoint(names)

    def low_score(self) -> bool:
        for start, end in self.cues.get("score_number", []):
            if 100 <= int(self.doc[start].text) < self.low_score_below:
                return True
        return False


def is_acknowledgment(i, views, paragraphs) -> bool:
    """The sentence owns up to a failed, low or repeated exam result."""
    view = views[i]
    negative = "negative" in view.cues
    if "exam" in view.cues:
        if view.low_score():
            return True
        return negative
    if (negative or view.low_score()) and "exam_ref" in view.cues:
        near = range(max(0, i - 2), min(len(views), i + 3))
        return any("exam" in views[j].cues and paragraphs[j] == paragraphs[i] for j in near)
    return False


def shifts_topic(view) -> bool:
    """A sentence about the region, the specialty or another part of life, with no exam in it, ends the passage."""
    if view.has("exam", "exam_ref", "negative"):
        return False
    return view.is_tie or view.is_motivation or "topic_shift" in view.cues


def disclosure_passage(views, paragraphs) -> list[int]:
    """Each acknowledgment with the context before it and the rest of its paragraph after it.

    Applicants give the result its own paragraph; the passage runs from the acknowledgment to the
    paragraph's end unless a sentence turns to the region or the specialty, and takes in earlier
    sentences of the paragraph that already speak of the exam or its context.
    """
    passage = set()
    for i in range(len(views)):
        if i in passage or views[i].cues.keys().isdisjoint(ACKNOWLEDGMENT_CUES) or not is_acknowledgment(
                i, views, paragraphs):
            continue
        passage.add(i)
        j = i - 1
        while j >= 0 and paragraphs[j] == paragraphs[i] and views[j].has("exam", "exam_ref", "negative") and not (
                "pride" in views[j].cues and "negative" not in views[j].cues):
            passage.add(j)
            j -= 1
        j = i + 1
        while j < len(views) and paragraphs[j] == paragraphs[i] and not shifts_topic(views[j]):
            passage.add(j)
            j += 1
    return sorted(passage)


def is_blame(i, views, passage, paragraphs, blamed=()) -> bool:
    """Puts the result on others or outside factors, or minimizes it, without owning it."""
    view = views[i]
    if "minimize" not in view.cues and not ("external" in view.cues and "frame" in view.cues):
        return False  # neither puts the result on others nor minimizes it (the test at the end, made first)
    near = any(j in passage and paragraphs[j] == paragraphs[i] for j in (i - 1, i + 1))
    in_scope = i in passage or near or (i - 1) in blamed or view.has("exam", "exam_ref", "setback")
    if not in_scope or "ownership" in view.cues or view.has("change", "change_strong"):
        return False
    if "lesson" in view.cues and "minimize" not in view.cues:  # "... and passed, which showed me ...": a response
        return False
    attributes = "external" in view.cues and "frame" in view.cues
    minimizes = "minimize" in view.cues and (i in passage or near or view.has("exam", "exam_ref"))
    return attributes or minimizes


def is_growth(i, views, passage, paragraphs, grown=()) -> bool:
    """A concrete change or lesson a few sentences after a setback (or earlier growth), same paragraph."""
    view = views[i]
    strong = "change_strong" in view.cues
    change, lesson = strong or "change" in view.cues, "lesson" in view.cues
    method = "method" in view.cues and i in passage
    if not (change or lesson or method):
        return False
    if "plan" in view.cues or ("deficit" in view.cues and not (lesson or strong)):
        return False
    if "topic_shift" in view.cues and not strong:
        return False  # "On weekends I joined ...": another part of life, not a response
    if "setback" in view.cues and "negative" not in view.cues and not change:
        return False  # the sentence tells the setback itself
    if i in passage:
        # the sentence that first acknowledges the result is not yet the response to it
        return i != passage_start(i, passage) or change
    if change and "setback" in view.cues:
        return True  # setback and response in one sentence ("notes felt slow at first, so I asked ...")
    window = range(max(0, i - GROWTH_WINDOW), i)
    return any((j in passage or "setback" in views[j].cues or (j in grown and "change" in views[j].cues))
               if paragraphs[j] == paragraphs[i] else change and "setback" in views[j].cues and j not in passage
               for j in window)


def passage_start(i, passage) -> int:
    """The first sentence of the run of passage sentences that holds sentence i."""
    while i - 1 in passage:
        i -= 1
    return i


def tie_places(view, region_named: bool) -> list[str]:
    """Georgia places and institutions named in the sentence (ambiguous names only in a Georgia statement)."""
    cues = view.cues
    spans = cues.get("region_place", [])
    if region_named and "region_ambiguous" in cues:
        spans = spans + cues["region_ambiguous"]
    if not spans or "region_foreign" in cues:
        return []
    kept, last_end, doc = [], -1, view.doc
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if start >= last_end:  # the longest of overlapping names ("Grady Memorial Hospital" over "Grady")
            kept.append(Span(doc, start, end).text)
            last_end = end
    return kept


def is_regional_tie(view, places, region_named: bool) -> bool:
    """A concrete connection to the region named in this sentence (not a compliment)."""
    if places or "health_inherent" in view.cues:
        return True
    anchor = "region_anchor" in view.cues and "region_foreign" not in view.cues
    if "health_needs_region" in view.cues and region_named and (anchor or "health_region_words" in view.cues):
        return True
    if not anchor:
        return False
    return "region_tie_word" in view.cues or ("region_place_word" in view.cues and "compliment" not in view.cues)


def is_motivation(view, program_words, practitioners) -> bool:
    """Names the specialty as a choice (not a program, a team, or a third party) and gives a reason for it."""
    strong, weak = "reason" in view.cues, "reason_weak" in view.cues
    if not (strong or weak) or view.has("exam", "offer"):
        return False
    doc = view.doc
    for start, end in view.cues.get("specialty", []):
        if end < len(doc) and doc[end].lower_ in program_words:
            continue
        if strong or (not view.is_tie and doc[end - 1].lower_ not in practitioners):
            return True
    return False


def names_region(view) -> bool:
    """The sentence names the region itself (not a foreign namesake: "Tbilisi, Georgia") or one of its places."""
    return ("region_anchor" in view.cues and "region_foreign" not in view.cues) or "region_place" in view.cues


def rule_labels(views, paragraphs, program_words, practitioners) -> tuple[list[set], list[list[str]], list[bool]]:
    """Each sentence's labels by the rules above, the region's places it names, and whether it names the region."""
    labels = [set() for _ in views]
    in_region = any(names_region(view) for view in views)  # ambiguous place names count only then
    for view in views:
        names = view.cues.keys()
        view.places = [] if names.isdisjoint(PLACE_CUES) else tie_places(view, in_region)
        view.is_tie = not names.isdisjoint(TIE_CUES) and is_regional_tie(view, view.places, in_region)
        view.is_motivation = not names.isdisjoint(MOTIVATION_CUES) and is_motivation(
            view, program_words, practitioners)
    passage = disclosure_passage(views, paragraphs)
    for i in passage:
        labels[i].add("score_disclosure")
    blamed, grown = set(), set()
    for i, view in enumerate(views):
        names = view.cues.keys()
        if not names.isdisjoint(BLAME_CUES) and is_blame(i, views, passage, paragraphs, blamed):
            blamed.add(i)
            labels[i].add("blame")
        if not names.isdisjoint(GROWTH_CUES) and is_growth(i, views, passage, paragraphs, grown):
            grown.add(i)
            labels[i].add("growth")
        if view.is_tie:
            labels[i].add("regional_tie")
        if view.is_motivation:
            labels[i].add("specialty_motivation")
    named = [names_region(view) or bool(view.places) for view in views]
    return labels, [view.places for view in views], named
