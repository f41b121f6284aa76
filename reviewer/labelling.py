"""Give each sentence its labels from the cues found in it and around it (DESIGN.md 'Sentence labels')."""
from __future__ import annotations

import bisect

import numpy
from spacy.attrs import IS_SPACE
from spacy.language import Language

from .rulebook import RULES_DIR, rulebook_at

LOW_SCORE = 215
# How far back (sentences, same paragraph) a setback opens a window in which growth can follow.
GROWTH_WINDOW = 3


def paragraph_indexes(doc, sentences) -> list[int]:
    """The paragraph number of each sentence: a blank line between two sentences starts a new one."""
    # the blank line, if any, is a whitespace token at the end of the previous sentence or between them
    spaces = numpy.flatnonzero(doc.to_array(IS_SPACE)).tolist() if len(doc) else []
    breaks = [k for k in spaces if doc[k].text.count("\n") >= 2]
    out, para = [], 0
    for i, sent in enumerate(sentences):
        if i and bisect.bisect_left(breaks, sentences[i - 1].start) < bisect.bisect_left(breaks, sent.start):
            para += 1
        out.append(para)
    return out


def drop_inside(cues, names, masks) -> None:
    """Remove the matches of cues ``names`` that start inside one of the ``masks`` spans."""
    if not masks:
        return
    for name in names:
        kept = [m for m in cues.get(name, []) if not any(s <= m[0] < e for s, e in masks)]
        if kept:
            cues[name] = kept
        else:
            cues.pop(name, None)


class SentenceView:
    """The cues of one sentence, with the few derived facts the label decisions need."""

    def __init__(self, doc, sent, cues):
        self.doc, self.sent, self.cues = doc, sent, cues
        drop_inside(cues, ("exam",), cues.get("not_exam", []))  # "step 2 of the project" names no exam
        # "heart failure" is not a failed exam, nor the applicant's setback
        drop_inside(cues, ("negative", "setback"), cues.get("clinical_failure", []))

    def has(self, *names) -> bool:
        return not self.cues.keys().isdisjoint(names)  # (a cue is kept only with at least one match)

    def low_score(self) -> bool:
        for start, end in self.cues.get("score_number", []):
            if 100 <= int(self.doc[start].text) < LOW_SCORE:
                return True
        return False


@Language.factory("reviewer_labels", default_config={"rules_dir": ""})
def make_labeller(nlp, name, rules_dir):
    return Labeller(rulebook_at(rules_dir or str(RULES_DIR)))


class Labeller:
    """Sets ``doc._.labels`` (a set per sentence) and ``doc._.places`` (Georgia places per sentence)."""

    def __init__(self, rulebook):
        self.rulebook = rulebook
        params = rulebook.labels["specialty_motivation"].params
        self.program_words = frozenset(w.lower() for w in params.get("program_words", []))
        self.practitioners = frozenset(w.lower() for w in params.get("practitioners", []))

    def __call__(self, doc):
        sentences = doc._.sentences
        views = [SentenceView(doc, s, c) for s, c in zip(sentences, doc._.cues)]
        paragraphs = paragraph_indexes(doc, sentences)
        labels = [set() for _ in sentences]
        region_named = any(v.has("region_anchor", "region_place") for v in views)
        for view in views:
            view.places = tie_places(view, region_named)
            view.is_tie = is_regional_tie(view, view.places, region_named)
            view.is_motivation = is_motivation(view, self.program_words, self.practitioners)
        passage = disclosure_passage(views, paragraphs)
        for i in passage:
            labels[i].add("score_disclosure")
        blamed, grown = set(), set()
        for i, view in enumerate(views):
            if is_blame(i, views, passage, paragraphs, blamed):
                blamed.add(i)
                labels[i].add("blame")
            if is_growth(i, views, passage, paragraphs, grown):
                grown.add(i)
                labels[i].add("growth")
            if view.is_tie:
                labels[i].add("regional_tie")
            if view.is_motivation:
                labels[i].add("specialty_motivation")
        doc._.labels = labels
        doc._.places = [view.places for view in views]
        return doc


def is_acknowledgment(i, views, paragraphs) -> bool:
    """The sentence owns up to a failed, low or repeated exam result."""
    view = views[i]
    negative = view.has("negative")
    if view.has("exam"):
        if view.low_score():
            return True
        return negative
    if (negative or view.low_score()) and view.has("exam_ref"):
        near = range(max(0, i - 2), min(len(views), i + 3))
        return any(views[j].has("exam") and paragraphs[j] == paragraphs[i] for j in near)
    return False


def shifts_topic(view) -> bool:
    """A sentence about the region, the specialty or another part of life, with no exam in it, ends the passage."""
    if view.has("exam", "exam_ref", "negative"):
        return False
    return view.is_tie or view.is_motivation or view.has("topic_shift")


def disclosure_passage(views, paragraphs) -> list[int]:
    """Each acknowledgment with the context before it and the rest of its paragraph after it.

    Applicants give the result its own paragraph; the passage runs from the acknowledgment to the
    paragraph's end unless a sentence turns to the region or the specialty, and takes in earlier
    sentences of the paragraph that already speak of the exam or its context.
    """
    passage = set()
    for i in range(len(views)):
        if i in passage or not is_acknowledgment(i, views, paragraphs):
            continue
        passage.add(i)
        j = i - 1
        while j >= 0 and paragraphs[j] == paragraphs[i] and views[j].has("exam", "exam_ref", "negative") and not (
                views[j].has("pride") and not views[j].has("negative")):
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
    near = any(j in passage and paragraphs[j] == paragraphs[i] for j in (i - 1, i + 1))
    in_scope = i in passage or near or (i - 1) in blamed or view.has("exam", "exam_ref", "setback")
    if not in_scope or view.has("ownership") or view.has("change", "change_strong"):
        return False
    if view.has("lesson") and not view.has("minimize"):  # "... and passed, which showed me ...": a response
        return False
    attributes = view.has("external") and view.has("frame")
    minimizes = view.has("minimize") and (i in passage or near or view.has("exam", "exam_ref"))
    return attributes or minimizes


def is_growth(i, views, passage, paragraphs, grown=()) -> bool:
    """A concrete change or lesson a few sentences after a setback (or earlier growth), same paragraph."""
    view = views[i]
    strong = view.has("change_strong")
    change, lesson = strong or view.has("change"), view.has("lesson")
    method = view.has("method") and i in passage
    if not (change or lesson or method):
        return False
    if view.has("plan") or (view.has("deficit") and not (lesson or strong)):
        return False
    if view.has("topic_shift") and not strong:
        return False  # "On weekends I joined ...": another part of life, not a response
    if view.has("setback") and not view.has("negative") and not change:
        return False  # the sentence tells the setback itself
    if i in passage:
        # the sentence that first acknowledges the result is not yet the response to it
        return i != passage_start(i, passage) or change
    if change and view.has("setback"):
        return True  # setback and response in one sentence ("notes felt slow at first, so I asked ...")
    window = range(max(0, i - GROWTH_WINDOW), i)
    return any((j in passage or views[j].has("setback") or (j in grown and views[j].has("change")))
               if paragraphs[j] == paragraphs[i] else change and views[j].has("setback") and j not in passage
               for j in window)


def passage_start(i, passage) -> int:
    """The first sentence of the run of passage sentences that holds sentence i."""
    while i - 1 in passage:
        i -= 1
    return i


def tie_places(view, region_named: bool) -> list[str]:
    """Georgia places and institutions named in the sentence (ambiguous names only in a Georgia statement)."""
    if view.has("region_foreign"):
        return []
    spans = list(view.cues.get("region_place", []))
    if region_named:
        spans += view.cues.get("region_ambiguous", [])
    kept, last_end = [], -1
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if start >= last_end:  # the longest of overlapping names ("Grady Memorial Hospital" over "Grady")
            kept.append(view.doc[start:end].text)
            last_end = end
    return kept


def is_regional_tie(view, places, region_named: bool) -> bool:
    """A concrete connection to the region named in this sentence (not a compliment)."""
    if places or view.has("health_inherent"):
        return True
    anchor = view.has("region_anchor") and not view.has("region_foreign")
    if view.has("health_needs_region") and region_named and (anchor or view.has("health_region_words")):
        return True
    if not anchor:
        return False
    return view.has("region_tie_word") or (view.has("region_place_word") and not view.has("compliment"))


def is_motivation(view, program_words, practitioners) -> bool:
    """Names the specialty as a choice (not a program, a team, or a third party) and gives a reason for it."""
    strong, weak = view.has("reason"), view.has("reason_weak")
    if not (strong or weak) or view.has("exam", "offer"):
        return False
    doc = view.doc
    for start, end in view.cues.get("specialty", []):
        if end < len(doc) and doc[end].lower_ in program_words:
            continue
        if strong or (not view.is_tie and doc[end - 1].lower_ not in practitioners):
            return True
    return False
