"""The terminal report: a checklist of the guide's rules with measured numbers, then each finding."""
from __future__ import annotations

import textwrap

MARK = {True: "ok ", False: "!! ", None: " - "}
LEVEL_ORDER = {"error": 0, "warning": 1, "suggestion": 2}


def checklist(review) -> list[tuple[bool | None, str]]:
    """(passed, line) for each guide rule, with the number measured and the guide's number from the rule
    files; None when it does not apply."""
    fired = review.fired()
    book = review.rulebook
    passage = review.passage["sentences"]
    rows = []
    profile = review.profile
    if profile and profile.exams:
        state = "flagged: " + "; ".join(profile.reasons) if profile.flagged else "not a red flag"
        rows.append((not ({"score.not_addressed", "score.unnecessary"} & fired), f"Exam record: {state}"))
    n = len(passage)
    if n:
        low, high = book.param("score.too_short", "min_sentences", 2), book.param("score.too_long", "max_sentences", 4)
        share = book.param("score.dominates", "max_share", 0.20)
        rows.append((low <= n <= high, f"Score passage: {n} sentence{'s' if n != 1 else ''} (guide: {low}-{high})"))
        rows.append(("score.dominates" not in fired,
                     f"Share of the statement: {review.passage['share']:.0%} (guide: at most {share:.0%}, not the opening)"))
        growth = sum("growth" in review.sentences[i].labels for i in passage)
        rows.append((growth > 0, f"Growth in the passage: {growth} sentence{'s' if growth != 1 else ''}"))
    else:
        rows.append((None if "score.not_addressed" not in fired else False, "Score passage: none found"))
    blame = [s.index for s in review.sentences if "blame" in s.labels]
    rows.append((not blame, f"Blame: {'none found' if not blame else f'{len(blame)} sentence(s)'}"))
    ties = [s for s in review.sentences if "regional_tie" in s.labels]
    places = review.tie_places()
    region = review.region.names["region"]
    if ties:
        named = f" - {', '.join(places[:6])}" if places else ""
        rows.append((True, f"{region} ties: {len(ties)} sentence{'s' if len(ties) != 1 else ''}{named}"))
    else:
        rows.append((False, f"{region} ties: none found"))
    motivation = sum("specialty_motivation" in s.labels for s in review.sentences)
    rows.append((motivation > 0 or None, f"Specialty motivation: {motivation} sentence{'s' if motivation != 1 else ''}"))
    m = review.metrics
    limit = book.param("statement.eras_limit", "max", 28000)
    low_words, high_words = book.param("statement.word_count", "min", 450), book.param("statement.word_count", "max", 850)
    rows.append(("statement.eras_limit" not in fired,
                 f"Length: {m['characters']:,} of {limit:,} characters; {m['words']} words (one page: {low_words}-{high_words})"))
    if m.get("flesch_reading_ease") is not None:
        rows.append(("statement.readability" not in fired, f"Readability: Flesch reading ease {m['flesch_reading_ease']}"))
    return rows


def render(review, width: int = 88) -> str:
    """The whole terminal report as one string."""
    lines = [f"Review of {review.document.name}", ""]
    for passed, line in checklist(review):
        lines.append(f"  {MARK[passed if passed in (True, False) else None]} {line}")
    findings = sorted(review.findings, key=lambda f: (LEVEL_ORDER[f.level], f.start if f.start is not None else -1))
    lines += ["", f"{len(findings)} finding{'s' if len(findings) != 1 else ''}"]
    wrap = textwrap.TextWrapper(width=width, initial_indent="      ", subsequent_indent="      ")
    explained = set()
    for f in findings:
        lines += ["", f"  [{f.level}] {f.rule}: {f.message}"]
        if f.sentences:
            first = review.sentences[f.sentences[0]]
            extra = f" (+{len(f.sentences) - 1} more)" if len(f.sentences) > 1 else ""
            if first.text[:40] in f.message:  # the message quotes it already
                lines += wrap.wrap(f"sentence {first.index + 1}{extra}")
            else:
                lines += wrap.wrap(f'sentence {first.index + 1}: "{first.text}"{extra}')
        if (f.rule, f.fix) in explained:  # the same rule again: why and how were said above
            lines += wrap.wrap(f"why and fix: as above ({f.rule})")
            continue
        explained.add((f.rule, f.fix))
        lines += wrap.wrap(f"why: {f.why}")
        lines += wrap.wrap(f"fix: {f.fix}")
        lines += wrap.wrap(f"see: {f.source}")
    if review.cv_report is not None:
        from .cv_text import render_cv_text
        lines += ["", render_cv_text(review.cv_model, review.cv_report)]
    return "\n".join(lines) + "\n"
