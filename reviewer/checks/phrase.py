"""The ``phrase`` rule kind: sentences holding one of the rule's phrases (the cue finder matched them), from YAML alone."""
from __future__ import annotations

from .context import quote


def cue_name(rule) -> str:
    """The cue under which the cue finder reports a phrase rule's matches."""
    return f"rule:{rule.id}"


def phrase_findings(ctx, rule) -> list:
    """One finding per sentence that holds a phrase (and the rule's ``within_label``, when it names one)."""
    name, label = cue_name(rule), rule.data.get("within_label")
    out = []
    cues = ctx.cues
    for sentence in ctx.sentences:
        if name not in cues.names(sentence.index) or (label and label not in sentence.labels):
            continue
        matches = cues.spans(sentence.index, name)
        phrases = []
        for start, end in matches:
            phrase = ctx.text[start:end]
            if phrase not in phrases:
                phrases.append(phrase)
        out.append(ctx.finding(rule, start=sentence.start, end=sentence.end, sentences=[sentence.index],
                               phrase=phrases[0], phrases=", ".join(f'"{p}"' for p in phrases),
                               sentence=quote(sentence.text)))
    return out
