"""The ``count`` rule kind: a count of the statement outside the rule's params min / max, from YAML alone."""
from __future__ import annotations


def measured(ctx, what: str) -> int:
    """The count a rule names: words, characters, sentences, paragraphs, or sentences with a label."""
    if what.startswith("label:"):
        return len(ctx.labelled(what.split(":", 1)[1]))
    return {"words": ctx.words, "characters": len(ctx.text), "sentences": len(ctx.sentences),
            "paragraphs": ctx.paragraphs}[what]


def count_findings(ctx, rule) -> list:
    """One finding when the count is below ``min`` or above ``max``; {count}, {min}, {max}, {verdict} fill the text."""
    count = measured(ctx, rule.data["count"])
    low, high = rule.param("min"), rule.param("max")
    verdicts = rule.param("verdicts") or {}
    if high is not None and count > high:
        verdict = verdicts.get("above", f"more than {high}")
    elif low is not None and count < low:
        verdict = verdicts.get("below", f"fewer than {low}")
    else:
        return []
    return [ctx.finding(rule, count=count, min=low, max=high, verdict=verdict)]
