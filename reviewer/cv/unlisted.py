"""Find U.S. institutions where the statement says the applicant trained or served that no CV entry names."""
from __future__ import annotations

import re
from functools import lru_cache

from .names import _capitalized_names, distinctive, same_place

_ACTIVITY = re.compile(r"\b(?:I|we)\b(?:\s+\w+){0,4}?\s+(?:rotat\w*|observ\w*|work\w*|volunteer\w*|train\w*|"
                       r"shadow\w*|serv\w*|extern\w*|complet\w*|spent|did|joined|assist\w*|research\w*|"
                       r"scrib\w*|taught|precept\w*|staff\w*)\b"
                       r"|\bmy\s+(?:\w+\s+){0,3}?(?:rotation|observership|externship|clerkship|elective|internship|"
                       r"volunteer\w*|research|shifts?|work|time|months|weeks|year|placement|sub-?internship)\b", re.I)
_BEFORE_NAME = re.compile(r"(?:\bat|\bwith|\bfor|\bin|\bthrough|\bto|\bfrom|\bof)\s+(?:the\s+)?$", re.I)
_NOT_ME = re.compile(r"\b(?:aunt|uncle|cousin|sister|brother|mother|father|parents|relatives|husband|wife|son|"
                     r"daughter|grandmother|grandfather|family|friend|lives|live|living|moved|born|treated|"
                     r"admitted|diagnosed|hospitalized|applying|apply|interview\w*|hope|hoping|visited|want|wish|plan|"
                     r"planning|would|aspire|dream|look forward|among|delivering|delivered)\b", re.I)
REACH = 90  # characters from the activity to the name; farther, the name likely belongs to another clause


def _listed(text: str, words: list) -> bool:
    """Whether any of ``words`` occurs in ``text`` as a whole word (case-insensitive)."""
    return _words_pattern(tuple(words)).search(text.lower()) is not None


@lru_cache(maxsize=64)
def _words_pattern(words: tuple) -> re.Pattern:
    """One compiled alternation for a word list (it was one re.search pattern per word and call)."""
    return re.compile("|".join(rf"(?<![a-z]){re.escape(w.lower())}(?![a-z])" for w in words) or r"(?!)")


def unlisted_places(sentence: str, organizations: list[str], params: dict) -> list[str]:
    """Names of U.S. institutions the applicant says they trained, worked or served at that match no organization."""
    known, kinds, places = (params.get("known_institutions", []), params.get("institution_words", []),
                            params.get("us_places", []))
    activity = _ACTIVITY.search(sentence)
    if not activity:
        return []
    found = []
    for name in _capitalized_names(sentence):
        if name.start < activity.start() or not distinctive(name.text):
            continue
        if not (_listed(name.text, known) or _listed(name.text, kinds)):
            continue
        between = sentence[activity.start():name.start]
        clause = sentence[activity.end():name.start]
        if not _BEFORE_NAME.search(between) or _NOT_ME.search(between) or len(clause) > REACH \
                or re.search(r"[,;:]", clause):
            continue
        after = re.match(r"\s*(?:,|\bin\b|\bof\b)?\s*(?:the\s+)?([^.;]{0,25})", sentence[name.end:])
        in_us = _listed(name.text, known + places) or bool(after and _listed(after.group(1), places))
        if in_us and not any(same_place(name.text, org) for org in organizations) and name.text not in found:
            found.append(name.text)
    return found
