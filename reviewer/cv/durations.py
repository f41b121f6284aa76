"""Read the lengths of stay a statement gives ("nine weeks", "two and a half years", "a ten-week") in months,
with the hedge in front of each ("more than six months", "almost a year", "about nine weeks")."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .literals import folded, may_match

_UNITS = {"day": 1 / 30.44, "week": 1 / 4.345, "month": 1.0, "year": 12.0}
_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
NUMBER_WORDS = {w: n for n, w in enumerate(_ONES)} | _TENS | {"a": 1, "an": 1, "a couple of": 2, "half a": 0.5}
_NUM = (r"\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
        r"|a couple of|half a|" + "|".join(sorted(_ONES, key=len, reverse=True)) + r"|an|a")
DURATION = folded(rf"\b(?P<num>{_NUM})(?P<half>\s+and\s+a\s+half)?[\s-]+(?:(?:full|whole|entire|straight|"
                  rf"consecutive|long)\s+)?(?P<unit>day|week|month|year)s?"
                  rf"(?:[\s-]long)?(?P<half2>\s+and\s+a\s+half)?\b")
_NOT_A_STAY = folded(r"^[\s-]*(?:ago|later|earlier|old|of age|into|in advance|"
                     r"(?:a|an|per|each|every)\s+(?:day|week|month|year))\b")
# "two months before the exam" times something else; "for two months before moving here" is still a stay
_WHEN = folded(r"^[\s-]*(?:before|after|prior)\b")
_STAY_FOR = {"for", "spent", "during", "over", "dedicated", "devoted"}
# A stay is introduced by one of these words ("spent nine weeks", "my ten-week", "for two years");
# "in two years" or "eleven times in two years" usually counts something else.
_STAY_BEFORE = {"for", "spent", "my", "a", "an", "the", "during", "over", "after", "completed", "almost", "nearly",
                "dedicated", "devoted", "invested", "gave", "committed", "of", "lasted", "lasting", "was", "were",
                "totaled", "totalled",
                "about", "approximately", "roughly", "than", "whole", "entire", "full", "those", "these", "that",
                "this", "our", "just", "only", "another", "first", "last", "final", "past", ""}
# What a stay needs, to rule most sentences out before the slower patterns: a unit, and one of these word
# beginnings (as _STAY_WORDS reads them)
_UNIT_WORDS = tuple(_UNITS)
STAY_NEEDS = (_UNIT_WORDS,)  # (as ``literals.may_match`` takes them)
_STAY_STEMS = ("spent", "spend", "rotat", "observ", "extern", "clerk", "elective", "work", "volunteer", "train",
               "research", "serv", "shadow", "coordinat", "assist", "scrib", "fellow", "resident", "residency", "house",
               "intern", "taught", "teach", "practic", "employ", "stay", "lasted", "lasting", "time", "visit",
               "stint", "tenure", "period")
_STAY_WORDS = folded(r"\b(?:" + "|".join(_STAY_STEMS) + ")")
_AT_PLACE = re.compile(r"\s+(?:at|in|with)\s+(?:the\s+)?[A-Z]")  # "my twelve months at Tamarind Grove Hospital"
_BARE_ARTICLE_OK = {"for", "spent", "nearly", "almost", "about", "over", "than", "full", "whole", "entire",
                    "roughly", "approximately", "just", "only", "within", "after"}
_FREQUENCY_BEFORE = {"per", "every", "each", "once", "twice", "times", "hours", "days", "shifts"}


# A hedge right before the number says which way the stay may differ from it. "over" and "about" are also words
# that introduce a stay ("over two years", "about a year"); read as hedges they widen what the claim allows.
_HEDGES = [
    ("over", r"(?:well|just|a little|slightly|a bit)\s+over|more than|over|longer than|at least|upwards of|beyond"),
    ("under", r"(?:just|a little|slightly|a bit)\s+(?:under|less than|short of)|almost|nearly|close to|not quite|"
              r"less than|under|fewer than|up to|short of"),
    ("about", r"about|around|roughly|approximately|some|circa|give or take|more or less|sometime around"),
]
_HEDGE_BEFORE = folded(r"\b(?:" + "|".join(f"(?P<{kind}>{words})" for kind, words in _HEDGES) + r")\s*$")
_ABOUT_AFTER = folded(r"^\s*(?:or so|or thereabouts|give or take)\b")


@dataclass(frozen=True)
class Duration:
    """A stated length of time in months, with its words and offsets in the sentence, and its hedge: "exact",
    "over" (more than), "under" (almost, less than) or "about"."""

    months: float
    words: str
    start: int
    end: int
    hedge: str = "exact"

    def allows(self, recorded: float, tolerance: float, share: float) -> bool:
        """Whether a recorded stay of ``recorded`` months agrees with the claim: within ``tolerance`` months of
        an exact claim, on the hedge's side of a hedged one, and for "about" or "almost" within ``share`` of the
        stated length (or ``tolerance``, the larger)."""
        stated = self.months
        slack = max(tolerance, share * stated)
        if self.hedge == "over":
            return recorded >= stated - tolerance
        if self.hedge == "under":
            return stated - slack <= recorded <= stated + tolerance
        if self.hedge == "about":
            return abs(recorded - stated) <= slack
        return abs(recorded - stated) <= tolerance


def number_value(text: str) -> float:
    """'nine' -> 9, 'twenty-one' -> 21, '2.5' -> 2.5, 'half a' -> 0.5."""
    text = text.lower().replace("-", " ")
    if text[0].isdigit():
        return float(text)
    if text in NUMBER_WORDS:
        return float(NUMBER_WORDS[text])
    tens, _, ones = text.partition(" ")
    return float(_TENS[tens] + _ONES.index(ones))


def durations(sentence: str) -> list[Duration]:
    """Lengths of stay such as "nine weeks", "two and a half years", "a ten-week", "18 months": in a sentence
    about working, training or serving somewhere, or right before the place ("two months at Grady")."""
    found = []
    if not may_match(sentence, *STAY_NEEDS):
        return found
    stay_words = may_match(sentence, _STAY_STEMS) and _STAY_WORDS.search(sentence) is not None
    for match in DURATION.finditer(sentence):
        if not stay_words and not _AT_PLACE.match(sentence, match.end()):
            continue
        num = match.group("num").lower()
        lead = sentence[:match.start()]
        hedge = _HEDGE_BEFORE.search(lead)
        kind = next(k for k, _ in _HEDGES if hedge.group(k)) if hedge else "exact"
        if hedge and hedge.group(0).split()[-1].lower() not in _STAY_BEFORE:  # "less than", "close to": the word
            lead = lead[:hedge.start()]  # before the hedge says whether a stay is meant
        before = lead.split()
        previous = before[-1].lower().strip(",") if before else ""
        if _NOT_A_STAY.match(sentence[match.end():]) or previous in _FREQUENCY_BEFORE:
            continue
        if _WHEN.match(sentence[match.end():]):
            unhedged = sentence[:hedge.start()].split() if hedge else before
            if not unhedged or unhedged[-1].lower().strip(",") not in _STAY_FOR:
                continue
        if num in ("a", "an") and previous not in _BARE_ARTICLE_OK and not hedge:
            continue
        if previous not in _STAY_BEFORE and num not in ("a", "an") and not hedge:
            continue
        if kind == "exact" and _ABOUT_AFTER.match(sentence[match.end():]):
            kind = "about"
        value = number_value(num) + (0.5 if match.group("half") or match.group("half2") else 0)
        months = value * _UNITS[match.group("unit").lower()]
        found.append(Duration(months, match.group(0), match.start(), match.end(), kind))
    return found
