"""Whose claim a phrase is: the applicant's own ("I spent nine weeks", "my Step 2 CK score"), someone else's
("my mother worked there for twenty years", "most of my classmates passed"), or not a claim at all ("if I had
passed", "I hope to spend a year"). Only the applicant's own claims are compared with their CV."""
from __future__ import annotations

import re

from .literals import folded

MINE, UNSURE, OTHER = "mine", "unsure", "other"

_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|me|my|mine|myself|we|our|us)\b", re.I)
_PEOPLE = (r"mother|father|mom|dad|mum|parents?|sisters?|brothers?|siblings?|cousins?|aunts?|uncles?|"
           r"grand(?:mother|father|parents?|ma|pa)|friends?|wife|husband|partner|spouse|fianc[eé]e?|sons?|daughters?|"
           r"child|children|kids?|family|relatives?|patients?|colleagues?|classmates?|batchmates?|peers?|mentors?|"
           r"roommates?|neighbou?rs?|in-laws?|students?|residents?|interns?|attendings?|applicants?|candidates?|"
           r"seniors?|juniors?|co-?workers?|team ?mates?|supervisors?|professors?|teachers?")
# Someone else as the subject: "my aunt", "one of my patients", "she", "most applicants"
_OTHERS = folded(rf"\b(?:(?:my|our|his|her|their|a|an|the|(?:one|most|many|some|all|several) of (?:my|our|the))"
                 rf"\s+(?:[\w-]+\s+)?(?:{_PEOPLE})\b|(?:he|she|they|everyone|everybody|others)\b)")
# Not a statement of fact: a wish, a plan, a condition, a counterfactual
_NOT_FACT = folded(r"\b(?:if|unless|wish\w*|hope\w*|hoping|plan\w*|want\w*|would|could have|should have|might|"
                   r"intend\w*|aim\w*|expect\w*|will|going to|dream\w*|imagin\w*|pretend\w*|supposed to)\b")
_SUBJECT = re.compile(r"\b(?:I|we)\b")
_BREAK = re.compile(r";|:|\s[-–—]\s|,\s*(?:and|but|while|whereas|where|which|who|when|although|though|so|yet)\b|"
                    r"\b(?:because|while|whereas|although|though|but)\b")


def clause(sentence: str, start: int, end: int) -> str:
    """The clause around sentence[start:end]: from the last clause break before it to the first one after."""
    before = [m.end() for m in _BREAK.finditer(sentence, 0, start)]
    after = _BREAK.search(sentence, end)
    return sentence[before[-1] if before else 0: after.start() if after else len(sentence)]


def whose(sentence: str, start: int, end: int) -> str:
    """MINE when the clause around sentence[start:end] is the applicant's own statement of fact; OTHER when it
    is someone else's ("my aunt worked at Grady for twenty years") or no fact at all ("if I had passed");
    UNSURE when someone else is named before the claim in the applicant's own clause ("my friend and I
    spent a year there"), so the claim may not be the applicant's alone."""
    around = clause(sentence, start, end)
    offset = sentence.find(around)
    lead = around[: max(start - offset, 0)]
    if _NOT_FACT.search(lead) or not _FIRST_PERSON.search(around):
        return OTHER
    subject = _SUBJECT.search(lead)
    if subject is None:  # "During my nine weeks at Grady": no subject before the claim
        return OTHER if _OTHERS.search(lead) else MINE
    # someone named before "I" may share the claim ("my friend and I"); someone after it is an object
    return UNSURE if _OTHERS.search(lead, 0, subject.start()) else MINE
