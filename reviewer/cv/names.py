"""Find capitalized institution names in a sentence and match them to CV organizations."""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’.&-]*")
_CONNECTORS = {"of", "the", "and", "&", "for", "de"}
_STARTERS = {"i", "my", "during", "after", "at", "in", "the", "this", "that", "when", "while", "as", "since",
             "before", "over", "for", "our", "we", "then", "later", "last", "each", "every", "through", "with",
             "on", "from", "although", "because", "it", "there", "here", "now", "today", "both", "a",
             "an", "her", "his", "their", "dr.", "mr.", "mrs.", "ms."}
# Words every hospital name shares: a match must rest on some other word.
GENERIC = {"hospital", "hospitals", "medical", "center", "centre", "clinic", "clinics", "health", "healthcare",
           "system", "university", "school", "of", "the", "and", "&", "memorial", "regional", "community",
           "county", "general", "family", "medicine", "internal", "department", "institute", "foundation",
           "services", "care", "free", "atlanta", "georgia", "ga", "city", "north", "south", "east", "west",
           "saint", "st.", "st", "for", "children's", "women's", "program", "practice", "associates", "va",
           "teaching", "national", "public", "state", "center,", "campus", "midtown", "downtown", "new"}


@dataclass(frozen=True)
class Name:
    """A capitalized name in a sentence and its offsets within the sentence."""

    text: str
    start: int
    end: int


def capitalized_names(sentence: str) -> list[Name]:
    """Runs of capitalized words (joined by 'of', 'the', 'and', '&'), without sentence starters."""
    return list(_capitalized_names(sentence))


@lru_cache(maxsize=4096)
def _capitalized_names(sentence: str) -> tuple[Name, ...]:
    """``capitalized_names``, kept per sentence: the crosscheck asks once per sentence and CV entry."""
    names, run = [], []
    tokens = list(_TOKEN.finditer(sentence))
    for i, token in enumerate(tokens):
        word = token.group(0)
        gap = sentence[run[-1].end():token.start()] if run else ""
        joined = not run or gap.strip() in ("", "-")
        if word[0].isupper() and joined:
            run.append(token)
        elif run and word.lower() in _CONNECTORS and gap.strip() == "" and i + 1 < len(tokens) \
                and tokens[i + 1].group(0)[0].isupper():
            run.append(token)
        else:
            names.extend(_close(run, sentence))
            run = [token] if word[0].isupper() else []
    names.extend(_close(run, sentence))
    return tuple(names)


def _close(run: list, sentence: str) -> list[Name]:
    while run and (run[0].group(0).lower() in _STARTERS or run[0].group(0).lower() in _CONNECTORS):
        run = run[1:]
    while run and run[-1].group(0).lower() in _CONNECTORS:
        run = run[:-1]
    if not run:
        return []
    start, end = run[0].start(), run[-1].end()
    text = sentence[start:end].rstrip(".,")
    return [Name(text, start, start + len(text))]


def words(text: str) -> set[str]:
    """Lower-cased words of a name without surrounding punctuation."""
    return {w.strip(".,’'").lower() for w in text.split() if w.strip(".,’'")}


def distinctive(text: str) -> set[str]:
    """The words of a name that are not shared by hospital names in general."""
    return {w.replace("’", "'") for w in words(text)} - GENERIC


def same_place(name: str, organization: str) -> bool:
    """Case-insensitive containment either way, or a shared distinctive word ('Grady' ~ 'Grady Health System')."""
    a, b = " ".join(name.lower().split()), " ".join(organization.lower().split())
    if not a or not b:
        return False
    if (a in b or b in a) and (distinctive(a) or distinctive(b)):
        return True
    return bool(distinctive(a) & distinctive(b))


def mentions(sentence: str, organization: str, city: str | None = None) -> bool:
    """Whether a sentence names this organization, in full or by a name that matches it (its city alone does not)."""
    if organization.lower() in sentence.lower():
        return True
    return any(same_place(n.text, organization) for n in _capitalized_names(sentence)
               if distinctive(n.text) and n.text.lower() != (city or "").lower())
