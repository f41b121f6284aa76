"""Find U.S. institutions where the statement says the applicant trained or served that no CV entry names."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .literals import folded
from .names import Place, SentenceText

_ACTIVITY = folded(r"\b(?:i|we)\b(?:\s+\w+){0,4}?\s+(?:rotat\w*|observ\w*|work\w*|volunteer\w*|train\w*|"
                   r"shadow\w*|serv\w*|extern\w*|complet\w*|spent|did|joined|assist\w*|research\w*|"
                   r"scrib\w*|taught|precept\w*|staff\w*)\b"
                   r"|\bmy\s+(?:\w+\s+){0,3}?(?:rotation|observership|externship|clerkship|elective|internship|"
                   r"volunteer\w*|research|shifts?|work|time|months|weeks|year|placement|sub-?internship)\b")
_BEFORE_NAME = folded(r"(?:\bat|\bwith|\bfor|\bin|\bthrough|\bto|\bfrom|\bof)\s+(?:the\s+)?$")
_NOT_ME = folded(r"\b(?:aunt|uncle|cousin|sister|brother|mother|father|parents|relatives|husband|wife|son|"
                 r"daughter|grandmother|grandfather|family|friend|lives|live|living|moved|born|treated|"
                 r"admitted|diagnosed|hospitalized|applying|apply|interview\w*|hope|hoping|visited|want|wish|plan|"
                 r"planning|would|aspire|dream|look forward|among|delivering|delivered)\b")
_CLAUSE_BREAK = re.compile(r"[,;:]")
_AFTER_NAME = re.compile(r"\s*(?:,|\bin\b|\bof\b)?\s*(?:the\s+)?([^.;]{0,25})")  # ", Atlanta" or "in Macon"
REACH = 90  # characters from the activity to the name; farther, the name likely belongs to another clause


@dataclass(frozen=True)
class PlaceLists:
    """The rule's word lists as patterns, compiled once per review rather than once per sentence and name."""

    institution: re.Pattern  # a known institution or an institution word ("Hospital", "Clinic")
    in_us: re.Pattern  # a known institution or a U.S. place
    us_place: re.Pattern

    @classmethod
    def of(cls, params: dict, region=None) -> PlaceLists:
        """The rule's generic U.S. lists, with the active region pack's institutions and places added."""
        regional = region.cv if region is not None else {}
        known = list(params.get("known_institutions", [])) + list(regional.get("institutions", ()))
        kinds = list(params.get("institution_words", []))
        places = list(params.get("us_places", [])) + list(regional.get("places", ()))
        return cls(_words_pattern(tuple(known + kinds)), _words_pattern(tuple(known + places)),
                   _words_pattern(tuple(places)))


def _listed(text: str, pattern: re.Pattern) -> bool:
    """Whether one of the pattern's words occurs in ``text`` as a whole word (case-insensitive)."""
    return pattern.search(text.lower()) is not None


@lru_cache(maxsize=64)
def _words_pattern(words: tuple) -> re.Pattern:
    """One compiled alternation for a word list, the lookarounds shared (a pair for each word made the search of
    a sentence take some 100 µs)."""
    if not words:
        return re.compile(r"(?!)")
    return re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(w.lower()) for w in words) + r")(?![a-z])")


def unlisted_places(sentence: SentenceText, organizations: list[Place], lists: PlaceLists) -> list[str]:
    """Names of U.S. institutions the applicant says they trained, worked or served at that match no organization."""
    text = sentence.text
    activity = _ACTIVITY.search(text)
    if not activity:
        return []
    found = []
    for name in sentence.names:
        if name.start < activity.start() or not _listed(name.text, lists.institution) or not name.place.distinct:
            continue
        between = text[activity.start():name.start]
        clause = text[activity.end():name.start]
        if not _BEFORE_NAME.search(between) or _NOT_ME.search(between) or len(clause) > REACH \
                or _CLAUSE_BREAK.search(clause):
            continue
        after = _AFTER_NAME.match(text[name.end:])
        in_us = _listed(name.text, lists.in_us) or bool(after and _listed(after.group(1), lists.us_place))
        if in_us and not any(name.place.same(org) for org in organizations) and name.text not in found:
            found.append(name.text)
    return found
