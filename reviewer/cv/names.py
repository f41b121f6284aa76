"""Find capitalized institution names in a sentence and match them to CV organizations."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

# The next word from where the last one ended; the next capitalized one, past lower-case words and what lies
# between words (each word whole: a capital inside "iPhone" starts none)
_NEXT_WORD = re.compile(r"[^A-Za-z]*+(?P<word>[A-Za-z][A-Za-z'’.&-]*+)")
_NEXT_CAPITALIZED = re.compile(r"(?:[a-z][A-Za-z'’.&-]*+|[^A-Za-z]++)*+(?P<word>[A-Z][A-Za-z'’.&-]*+)")
_CONNECTORS = {"of", "the", "and", "&", "for", "de"}
_STARTERS = {"i", "my", "during", "after", "at", "in", "the", "this", "that", "when", "while", "as", "since",
             "before", "over", "for", "our", "we", "then", "later", "last", "each", "every", "through", "with",
             "on", "from", "although", "because", "it", "there", "here", "now", "today", "both", "a",
             "an", "her", "his", "their", "dr.", "mr.", "mrs.", "ms."}
# Words every hospital name shares: a match must rest on some other word. The names of the active region's
# places ("Atlanta", "Georgia", "Decatur") are such words too; they come from the region pack (``common``).
GENERIC = {"hospital", "hospitals", "medical", "center", "centre", "clinic", "clinics", "health", "healthcare",
           "system", "university", "school", "of", "the", "and", "&", "memorial", "regional", "community",
           "county", "general", "family", "medicine", "internal", "department", "institute", "foundation",
           "services", "care", "free", "city", "north", "south", "east", "west",
           "saint", "st.", "st", "for", "children's", "women's", "program", "practice", "associates", "va",
           "teaching", "national", "public", "state", "center,", "campus", "midtown", "downtown", "new"}


@dataclass(frozen=True)
class Place:
    """A name as places are compared: lower-cased with single spaces, and its distinctive words."""

    folded: str
    distinct: frozenset

    @classmethod
    def of(cls, text: str, common: frozenset = frozenset()) -> Place:
        """The place a name stands for; ``common``, place words of the region that no more distinguish a
        name than "hospital" does."""
        folded = " ".join(text.lower().split())
        return cls(folded, frozenset(distinctive(folded) - common))

    def same(self, other: Place) -> bool:
        """Containment either way, or a shared distinctive word ('Grady' ~ 'Grady Health System')."""
        a, b = self.folded, other.folded
        if not a or not b:
            return False
        if (a in b or b in a) and (self.distinct or other.distinct):
            return True
        return not self.distinct.isdisjoint(other.distinct)


@dataclass(frozen=True)
class Name:
    """A capitalized name in a sentence and its offsets within the sentence."""

    text: str
    start: int
    end: int
    common: frozenset = frozenset()

    @cached_property
    def place(self) -> Place:
        """The name as places are compared, worked out when first needed."""
        return Place.of(self.text, self.common)


@dataclass(frozen=True)
class Organization:
    """A CV entry's organization, prepared once to be looked for in every sentence of a statement."""

    lower: str
    city: str  # lower-cased, "" when the entry gives none
    place: Place

    @classmethod
    def of(cls, organization: str, city: str | None = None, common: frozenset = frozenset()) -> Organization:
        return cls(organization.lower(), (city or "").lower(), Place.of(organization, common))

    def named_in(self, sentence: SentenceText) -> bool:
        """Whether the sentence names this organization, in full or by a name that matches it (its city alone
        does not)."""
        return self.lower in sentence.lower or any(
            n.place.distinct and n.text.lower() != self.city and n.place.same(self.place) for n in sentence.names)


class SentenceText:
    """A sentence's text, with its lower-cased form and capitalized names worked out once, when first needed."""

    def __init__(self, text: str, common: frozenset = frozenset()):
        self.text = text
        self.common = common

    @cached_property
    def lower(self) -> str:
        return self.text.lower()

    @cached_property
    def names(self) -> list[Name]:
        return [Name(n.text, n.start, n.end, self.common) for n in capitalized_names(self.text)] if self.common \
            else capitalized_names(self.text)


def capitalized_names(sentence: str) -> list[Name]:
    """Runs of capitalized words (joined by 'of', 'the', 'and', '&'), without sentence starters."""
    names, run, end = [], [], 0
    # outside a run a lower-case word changes nothing, so the search skips to the next capitalized one
    while token := (_NEXT_WORD if run else _NEXT_CAPITALIZED).match(sentence, end):
        word, end = token.group("word"), token.end()
        gap = sentence[run[-1].end("word"):token.start("word")].strip() if run else ""
        if word[0].isupper() and gap in ("", "-"):
            run.append(token)
        elif run and word.lower() in _CONNECTORS and gap == "" and _capitalized_next(sentence, end):
            run.append(token)
        else:
            names.extend(_close(run, sentence))
            run = [token] if word[0].isupper() else []
    names.extend(_close(run, sentence))
    return names


def _capitalized_next(sentence: str, end: int) -> bool:
    """Whether the word after ``end`` is capitalized."""
    following = _NEXT_WORD.match(sentence, end)
    return following is not None and following.group("word")[0].isupper()


def _close(run: list, sentence: str) -> list[Name]:
    while run and (run[0].group("word").lower() in _STARTERS or run[0].group("word").lower() in _CONNECTORS):
        run = run[1:]
    while run and run[-1].group("word").lower() in _CONNECTORS:
        run = run[:-1]
    if not run:
        return []
    start, end = run[0].start("word"), run[-1].end("word")
    text = sentence[start:end].rstrip(".,")
    return [Name(text, start, start + len(text))]


def words(text: str) -> set[str]:
    """Lower-cased words of a name without surrounding punctuation."""
    return {w.strip(".,’'").lower() for w in text.split() if w.strip(".,’'")}


def distinctive(text: str) -> set[str]:
    """The words of a name that are not shared by hospital names in general."""
    return {w.replace("’", "'") for w in words(text)} - GENERIC
