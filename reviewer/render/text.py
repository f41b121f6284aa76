"""The terminal report: the checklist in three honest states, then each finding with why this sentence was flagged.

The checklist rows and the finding explanations are built here once and shared with the HTML report, so the
terminal and the page always say the same thing.
"""
from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

from ..learn.features import number_kind

LEVEL_ORDER = {"error": 0, "warning": 1, "suggestion": 2}
STATE_WORDS = {"met": "met", "attention": "attention", "na": "n/a"}
# How a label reads in "sentence 6 reads as ..."; the region's tie is named by the review's region pack.
LABEL_PHRASES = {"score_disclosure": "part of the score passage", "blame": "blame", "growth": "growth",
                 "regional_tie": "a tie to {region}", "specialty_motivation": "a reason for the specialty"}
# Cues the label model weighs, in the words of someone reading the sentence.
CUE_PHRASES = {
    "change": "a change you made", "change_strong": "a concrete change", "clinical_failure": "a clinical setback",
    "compliment": "praise of the place", "deficit": "something you lacked", "exam": "an exam named",
    "exam_ref": "a mention of the exam", "external": "someone or something outside you",
    "frame": "a cause given (because, due to, so)", "health_inherent": "a health need of the region",
    "health_needs_region": "a health need of the region", "health_region_words": "a health need of the region",
    "lesson": "a lesson drawn", "method": "how you studied or worked", "minimize": "a phrase that plays the result down",
    "negative": "a result that was not a pass", "not_exam": "a word that is not about an exam", "offer": "what you offer",
    "ownership": "words that own the result (I, my)", "plan": "a plan", "pride": "pride in a result",
    "reason": "a reason given", "reason_weak": "a general reason", "region_ambiguous": "a place name",
    "region_anchor": "{region} named", "region_closed": "a hospital that has closed", "region_foreign": "a namesake abroad",
    "region_place": "a place in {region}", "region_place_word": "a word about a place",
    "region_tie_word": "family, work or training named", "score_number": "a score", "setback": "a setback",
    "specialty": "the specialty named", "topic_shift": "a change of subject",
}
_QUOTED = re.compile(r'(?P<lead>:|,? in)\s*"(?P<quote>[^"]+)"\s*\.?\s*$')
_CUT = re.compile(r'"([^"]*?)\s*(\S*)…"')
_PLURAL = re.compile(r"\b(1|one) (sentence|month|word)\(s\)|\b(\d+|no) (sentence|month|word)\(s\)")


@dataclass(frozen=True)
class CheckRow:
    """One checklist line: met, attention or na (not applicable), what it is about, what was measured."""

    state: str
    topic: str
    detail: str
    rules: tuple = ()

    @property
    def line(self) -> str:
        return f"{self.topic}: {self.detail}"


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _row(review, rules: tuple, problem: bool, topic: str, detail: str, applies: bool = True) -> CheckRow:
    """A row whose state follows its rules: not applicable when it does not apply or every rule is turned off."""
    off = rules and all(rule in review.disabled for rule in rules)
    if off:
        return CheckRow("na", topic, f"{detail} (rule turned off)", rules)
    return CheckRow("attention" if problem else "met" if applies else "na", topic, detail, rules)


def checklist(review) -> list[CheckRow]:
    """The guide's rules as rows, with the number measured and the guide's own number from the rule files."""
    fired, book = review.fired(), review.rulebook
    passage = review.passage["sentences"]
    rows = [_exam_row(review, fired)]
    n = len(passage)
    low, high = book.param("score.too_short", "min_sentences", 2), book.param("score.too_long", "max_sentences", 4)
    share = book.param("score.dominates", "max_share", 0.20)
    if n:
        rows.append(_row(review, ("score.too_short", "score.too_long"), not low <= n <= high, "Score passage",
                         f"{plural(n, 'sentence')} (guide: {low}–{high})"))
        rows.append(_row(review, ("score.dominates",), "score.dominates" in fired, "Share of the statement",
                         f"{review.passage['share']:.0%} (guide: at most {share:.0%}, and not the opening)"))
        growth = sum("growth" in review.sentences[i].labels for i in passage)
        rows.append(_row(review, ("score.no_growth",), growth == 0 or "score.no_growth" in fired, "Growth in the passage",
                         plural(growth, "sentence") if growth else "no sentence on what you changed"))
    elif "score.not_addressed" in fired:
        rows.append(CheckRow("attention", "Score passage", "none found, and your exam record calls for one",
                             ("score.not_addressed",)))
    else:
        rows.append(CheckRow("na", "Score passage", "none found; the statement does not discuss an exam result"))
    blame = [s for s in review.sentences if "blame" in s.labels]
    rows.append(_row(review, ("score.blame",), bool(blame) or "score.blame" in fired, "Blame",
                     plural(len(blame), "sentence") if blame else "none found"))
    rows.append(_tie_row(review))
    motivation = sum("specialty_motivation" in s.labels for s in review.sentences)
    rows.append(CheckRow("met" if motivation else "attention", "Specialty motivation",
                         plural(motivation, "sentence") if motivation
                         else "none found; the guide wants most of the statement on why this specialty"))
    m = review.metrics
    limit = book.param("statement.eras_limit", "max", 28000)
    low_words, high_words = book.param("statement.word_count", "min", 450), book.param("statement.word_count", "max", 850)
    rows.append(_row(review, ("statement.eras_limit", "statement.word_count"),
                     bool({"statement.eras_limit", "statement.word_count"} & fired), "Length",
                     f"{m['characters']:,} of {limit:,} characters; {m['words']:,} words (usual range {low_words}–{high_words})"))
    if m.get("flesch_reading_ease") is not None:
        floor = book.param("statement.readability", "min_flesch", 30)
        rows.append(_row(review, ("statement.readability",), "statement.readability" in fired, "Readability",
                         f"Flesch reading ease {m['flesch_reading_ease']} (guide line: {floor} or more)"))
    rows.append(_cv_row(review))
    return rows


def _exam_row(review, fired: set) -> CheckRow:
    rules = ("score.not_addressed", "score.unnecessary")
    profile = review.profile
    if not (profile and profile.exams):
        return CheckRow("na", "Exam record", "no CV or exam facts given, so the reviewer cannot tell whether it needs addressing", rules)
    if profile.flagged:
        reasons = "; ".join(profile.reasons)
        if "score.not_addressed" in fired:
            return _row(review, rules, True, "Exam record", f"a red flag ({reasons}) that the statement does not address")
        return _row(review, rules, False, "Exam record", f"a red flag ({reasons}); the statement addresses it")
    if "score.unnecessary" in fired:
        return _row(review, rules, True, "Exam record", "not a red flag, yet the statement discusses a score as a weakness")
    return _row(review, rules, False, "Exam record", "not a red flag; nothing needs explaining")


def _tie_row(review) -> CheckRow:
    ties = [s for s in review.sentences if "regional_tie" in s.labels]
    places = review.tie_places()
    topic = f"{review.region.names['region']} ties"
    rules = ("region.missing", "region.generic")
    if not ties:
        return _row(review, rules, True, topic, "none found")
    named = f" - {', '.join(places[:6])}" if places else ""
    return _row(review, rules, False, topic, f"{plural(len(ties), 'sentence')}{named}")


def _cv_row(review) -> CheckRow:
    if review.cv is None:
        return CheckRow("na", "CV timeline", "no CV given")
    found = [f for f in review.findings if f.rule.startswith("cv.")]
    if not found and not review.cv.get("entries"):
        return CheckRow("na", "CV timeline", "no dated entries could be read from the CV")
    if not found:
        return CheckRow("met", "CV timeline", "no gaps, overlaps or dates out of order")
    counts: dict[str, int] = {}
    for f in found:
        counts[f.rule] = counts.get(f.rule, 0) + 1
    return CheckRow("attention", "CV timeline", plural(len(found), "finding") + " (see the CV findings)", tuple(counts))


# --- the words of a finding -----------------------------------------------------------------------------------

def tidy(message: str) -> str:
    """A rule's message as a reader should see it: "1 sentence(s)" made plain, a shortened quote cut at a word."""
    def number(match) -> str:
        count, word = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        return f"{count} {word}" if count in ("1", "one") else f"{count} {word}s"

    message = _PLURAL.sub(number, message)
    return _CUT.sub(lambda m: f'"{m.group(1).rstrip(",;:")}…"' if m.group(1) else m.group(0), message)


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def without_quote(message: str, sentence: str) -> str | None:
    """The message with its closing quote of ``sentence`` taken out (the caller shows the whole sentence), or
    None when it does not end with such a quote."""
    match = _QUOTED.search(message)
    if not match:
        return None
    quote = match.group("quote").rstrip("…").strip()
    if not quote or not _squeeze(sentence).startswith(_squeeze(quote)):
        return None
    return tidy(message[: match.start()].rstrip() + (":" if match.group("lead") == ":" else "."))


def headline(finding, review) -> tuple[str, int | None]:
    """The finding's message without the quote of its sentence when the report quotes that sentence in full
    (then also its number), else the tidied message and None."""
    if finding.sentences and len(finding.sentences) <= 3:
        first = review.sentences[finding.sentences[0]]
        title = without_quote(finding.message, first.text)
        if title is not None:
            return title, first.index + 1
    return tidy(finding.message), None


def rule_labels(rule_id: str) -> tuple:
    """The sentence labels a rule rests on (their evidence says why the sentence was flagged)."""
    if rule_id == "score.blame":
        return ("blame",)
    if rule_id.startswith("score."):
        return ("score_disclosure",)
    if rule_id.startswith("region."):
        return ("regional_tie",)
    return ()


@dataclass(frozen=True)
class Reason:
    """Why one sentence carries one label, in the reader's words: the phrases of the sentence that weighed most,
    the cues, whether the sentences around it decided it, and how sure the reviewer is."""

    number: int
    label: str
    phrase: str
    confidence: int
    confident: bool
    words: tuple
    cues: tuple
    neighbours: bool

    def sentence(self) -> str:
        """One plain sentence for the terminal and for screen readers."""
        parts = [f"Sentence {self.number} reads as {self.phrase} ({self.confidence}% sure"
                 f"{'' if self.confident else ', borderline'})"]
        if self.words:
            parts.append("words that weighed most: " + ", ".join(f'"{w}"' for w in self.words))
        if self.cues:
            parts.append("it has " + ", ".join(self.cues))
        if self.neighbours:
            parts.append("the sentences around it decided it; its own words alone fell short")
        return "; ".join(parts) + "."

    def short(self) -> str:
        """The sentence's number, how sure, and the words that weighed most: for findings about many sentences."""
        words = f" ({', '.join(repr_words(self.words))})" if self.words else ""
        neighbours = ", decided by the sentences around it" if self.neighbours else ""
        return f"{self.number}: {self.confidence}%{'' if self.confident else ' borderline'}{words}{neighbours}"


def repr_words(words) -> list[str]:
    return [f'"{w}"' for w in words]


def reasons(finding, review, limit: int = 8) -> list[Reason]:
    """Why the finding's sentences carry the labels its rule rests on (none without the model's evidence)."""
    if review.evidence is None:
        return []
    out = []
    for i in finding.sentences[:limit]:
        evidence = review.evidence.of(i)
        for label in rule_labels(finding.rule):
            if label in evidence:
                out.append(reason(review, i, label, evidence[label]))
    return out


def reason(review, i: int, label: str, evidence) -> Reason:
    region = review.region.names["region"] if review.region is not None else "the region"
    sentence = review.sentences[i]
    words = []
    for gram in evidence.words:
        shown = gram_text(gram, sentence, review)
        if shown and shown not in words:
            words.append(shown)
    cues = []
    for cue in evidence.cues:
        shown = CUE_PHRASES.get(cue, cue.replace("_", " ")).format(region=region)
        if shown not in cues:
            cues.append(shown)
    return Reason(i + 1, label, LABEL_PHRASES.get(label, label).format(region=region), round(evidence.confidence * 100),
                  evidence.confident, tuple(words), tuple(cues), evidence.neighbours)


def _low_score(review) -> int:
    return review.rulebook.param("score.not_addressed", "low_score", 215) if review.rulebook else 215


def gram_text(gram: str, sentence, review) -> str:
    """A feature of the label model as the sentence's own words: "p:rebui" is the word of the sentence that
    begins "rebui", "__place__" the place it names, "__lowscore__" its low score; a description when the
    sentence does not show it plainly. '' for punctuation alone."""
    parts = [("prefix", gram[2:])] if gram.startswith("p:") else [("word", w) for w in gram.split(" ")]
    if all(kind == "word" and not any(c.isalnum() for c in w) and not w.startswith("__") for kind, w in parts):
        return ""
    pattern, numbers = [], []
    for kind, w in parts:
        if kind == "prefix":
            pattern.append(rf"(?<!\w){re.escape(w)}\w*")
        elif w == "__place__":
            names = sorted(sentence.places, key=len, reverse=True)
            if not names:
                return _described(parts, review)
            pattern.append("(?:" + "|".join(re.escape(n) for n in names) + ")")
        elif w == "__region__":
            anchors = sorted(getattr(review.region, "anchors", ()) or (), key=len, reverse=True)
            if not anchors:
                return _described(parts, review)
            pattern.append("(?:" + "|".join(rf"(?<!\w){re.escape(a)}(?!\w)" for a in anchors) + ")")
        elif w.startswith("__"):
            pattern.append(r"(\d+)")
            numbers.append(w)
        else:
            edge_left = r"(?<!\w)" if w[:1].isalnum() and "'" not in w else ""
            edge_right = r"(?!\w)" if w[-1:].isalnum() else ""
            pattern.append(edge_left + re.escape(w) + edge_right)
    low = _low_score(review)
    for match in re.finditer(r"\s*".join(pattern), sentence.plain, flags=re.IGNORECASE):
        if all(number_kind(value, low) == kind for value, kind in zip(match.groups(), numbers)):
            return sentence.text[match.start():match.end()]
    return _described(parts, review)


def _described(parts, review) -> str:
    region = review.region.names["region"] if review.region is not None else "the region"
    names = {"__place__": f"a place in {region}", "__region__": region, "__lowscore__": f"a score under {_low_score(review)}",
             "__score__": "a score", "__year__": "a year", "__num__": "a number"}
    words = [f"a word beginning “{w}”" if kind == "prefix" else names.get(w, w) for kind, w in parts]
    return " ".join(w for w in words if any(c.isalnum() for c in w))


def second_look(finding) -> str:
    """What a finding lowered to a suggestion means, in one sentence ('' for others)."""
    if not finding.unsure:
        return ""
    article = "an" if finding.rule_level == "error" else "a"
    return (f"Shown as a suggestion, though this rule is {article} {finding.rule_level}: the reviewer is not sure "
            "enough of how it read the sentence. Read it yourself before you change anything.")


# --- the terminal report ----------------------------------------------------------------------------------------

def render(review, width: int = 88) -> str:
    """The whole terminal report as one string."""
    lines = [f"Review of {review.document.name}", ""]
    for row in checklist(review):
        lines.append(f"  {STATE_WORDS[row.state]:<10} {row.line}")
    wrap = textwrap.TextWrapper(width=width, initial_indent="      ", subsequent_indent="      ")
    if review.notices:
        lines += ["", "What could not be read"]
        for notice in review.notices:
            lines += wrap.wrap(f"{_source_name(notice.source)}, {notice.line()}")
    findings = sorted(review.findings, key=lambda f: (LEVEL_ORDER[f.level], f.start if f.start is not None else -1))
    lines += ["", plural(len(findings), "finding")]
    explained = set()
    for f in findings:
        title, quoted = headline(f, review)
        level = f"{f.level}, worth a second look" if f.unsure else f.level
        lines += ["", f"  [{level}] {f.rule}: {title}"]
        if quoted is not None:
            first = review.sentences[f.sentences[0]]
            extra = f" (+{len(f.sentences) - 1} more)" if len(f.sentences) > 1 else ""
            lines += wrap.wrap(f'sentence {quoted}: "{_squeeze(first.text)}"{extra}')
        elif f.sentences:
            numbers = ", ".join(str(i + 1) for i in f.sentences)
            lines += wrap.wrap(f"{'sentence' if len(f.sentences) == 1 else 'sentences'} {numbers}")
        if f.unsure:
            lines += wrap.wrap(second_look(f))
        found = reasons(f, review)
        if len(found) > 2:
            lines += wrap.wrap(f"why these sentences ({found[0].phrase}): " + "; ".join(r.short() for r in found))
        for why in found if len(found) <= 2 else ():
            lines += wrap.wrap("why this sentence: " + why.sentence())
        if (f.rule, f.fix) in explained:  # the same rule again: why and how were said above
            lines += wrap.wrap(f"why it matters and how to fix it: as above ({f.rule})")
            continue
        explained.add((f.rule, f.fix))
        lines += wrap.wrap(f"why it matters: {f.why}")
        lines += wrap.wrap(f"how to fix it: {f.fix}")
        lines += wrap.wrap(f"source: {f.source}")
    if findings:
        lines += ["", "Each source is summarised in the guide page of the web app (/guide) and in docs/guide.md."]
    if review.cv_report is not None:
        from .cv_text import render_cv_text
        lines += ["", render_cv_text(review.cv_model, review.cv_report)]
    return "\n".join(lines) + "\n"


def _source_name(source: str) -> str:
    return {"cv": "Your CV", "statement": "Your statement"}.get(source, source.capitalize())
