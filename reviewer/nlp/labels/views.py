"""The cues of one sentence as the labeller reads them, refined: a cue inside a phrase that gives it another
sense is dropped ("heart failure" is not a failed exam; "step 2 of the project" names no exam)."""
from __future__ import annotations


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
    """The refined cues of one sentence: ``cues`` maps a cue name to its token spans and holds a name only
    with at least one match; ``has`` asks whether the sentence holds any of several cues."""

    def __init__(self, doc, cues):
        self.doc = doc
        if "not_exam" in cues:  # "step 2 of the project" names no exam
            cues = without_inside(cues, ("exam",), cues["not_exam"])
        if "clinical_failure" in cues:  # "heart failure" is not a failed exam, nor the applicant's setback
            cues = without_inside(cues, ("negative", "setback"), cues["clinical_failure"])
        self.cues = cues  # (a copy where matches were left out: the cue finder's lists stay as they were)

    def has(self, *names) -> bool:
        return not self.cues.keys().isdisjoint(names)
