"""Read the lengths of stay a statement gives ("nine weeks", "two and a half years", "a ten-week") in months."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .literals import may_match

_UNITS = {"day": 1 / 30.44, "week": 1 / 4.345, "month": 1.0, "year": 12.0}
_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
NUMBER_WORDS = {w: n for n, w in enumerate(_ONES)} | _TENS | {"a": 1, "an": 1, "a couple of": 2, "half a": 0.5}
_NUM = (r"\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
        r"|a couple of|half a|" + "|".join(sorted(_ONES, key=len, reverse=True)) + r"|an|a")
DURATION = re.compile(rf"\b(?P<num>{_NUM})(?P<half>\s+and\s+a\s+half)?[\s-]+(?P<unit>day|week|month|year)s?"
                      rf"(?:[\s-]long)?(?P<half2>\s+and\s+a\s+half)?\b", re.I)
_NOT_A_STAY = re.compile(r"^[\s-]*(?:ago|later|earlier|before|after|prior|old|of age|into|in advance|"
                         r"(?:a|an|per|each|every)\s+(?:day|week|month|year))\b", re.I)
# A stay is introduced by one of these words ("spent nine weeks", "my ten-week", "for two years");
# "in two years" or "eleven times in two years" usually counts something else.
_STAY_BEFORE = {"for", "spent", "my", "a", "an", "the", "during", "over", "after", "completed", "almost", "nearly",
                "about", "approximately", "roughly", "than", "whole", "entire", "full", "those", "these", "that",
                "this", "our", "just", "only", "another", "first", "last", "final", "past", ""}
# What a stay needs, to rule most sentences out before the slower patterns: a unit, and one of these word
# beginnings (as _STAY_WORDS reads them)
_UNIT_WORDS = tuple(_UNITS)
_STAY_STEMS = ("spent", "spend", "rotat", "observ", "extern", "clerk", "elective", "work", "volunteer", "train",
               "research", "serv", "shadow", "coordinat", "assist", "scrib", "fellow", "resident", "residency", "house",
               "intern", "taught", "stay")
_STAY_WORDS = re.compile(r"\b(?:" + "|".join(_STAY_STEMS) + ")", re.I)
_BARE_ARTICLE_OK = {"for", "spent", "nearly", "almost", "about", "over", "than", "full", "whole", "entire",
                    "roughly", "approximately", "just", "only", "within", "after"}
_FREQUENCY_BEFORE = {"per", "every", "each", "once", "twice", "times", "hours", "days", "shifts"}


@dataclass(frozen=True)
class Duration:
    """A stated length of time in months, with its words and offsets in the sentence."""

    months: float
    words: str
    start: int
    end: int


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
    """Lengths of stay such as "nine weeks", "two and a half years", "a ten-week", "18 months"."""
    found = []
    if not may_match(sentence, _UNIT_WORDS, _STAY_STEMS) or not _STAY_WORDS.search(sentence):
        return found
    for match in DURATION.finditer(sentence):
        num = match.group("num").lower()
        before = sentence[:match.start()].split()
        previous = before[-1].lower().strip(",") if before else ""
        if _NOT_A_STAY.match(sentence[match.end():]) or previous in _FREQUENCY_BEFORE:
            continue
        if num in ("a", "an") and previous not in _BARE_ARTICLE_OK:
            continue
        if previous not in _STAY_BEFORE and num not in ("a", "an"):
            continue
        value = number_value(num) + (0.5 if match.group("half") or match.group("half2") else 0)
        months = value * _UNITS[match.group("unit").lower()]
        found.append(Duration(months, match.group(0), match.start(), match.end()))
    return found
