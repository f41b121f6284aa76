"""The lexicon syntax of rules/ (phrases a cue, a phrase rule or a region pack lists), compiled to token specs.

An entry is words separated by spaces: "a|b" one-token alternatives, "word*" a prefix, "~word" any form
with that lookup lemma ("~rebuild" matches "rebuilt"), "word?" an optional token, "<NUM>" a number,
"<SCORE>" a three-digit score (100-299), "<CAP>" a capitalised word; a group of phrases "(did not|never)
pass" is spelled out first. ``spacy_token`` gives the spaCy ``Matcher`` pattern of a spec, the reference the
cue matcher is tested against.
"""
from __future__ import annotations

import re

from ..errors import RuleFileError


_GROUP = re.compile(r"\(([^()]*)\)")


def expand(entry: str) -> list[str]:
    """Spell out "(does not|cannot) reflect" as one entry per alternative phrase."""
    m = _GROUP.search(entry)
    if not m:
        return [entry]
    return [e for alt in m.group(1).split("|") for e in expand(entry[:m.start()] + alt + entry[m.end():])]


# One token of a compiled entry: (kind, value, optional). Kinds: "lower" (exact lowercase text),
# "in" (tuple of lowercase alternatives), "prefix" (tuple of (lowercase text, is_prefix) alternatives,
# from "word*"), "lemma" (tuple of lookup lemmas, from "~word"), "num" (LIKE_NUM), "score" (a 3-digit
# score 100-299) and "title" (IS_TITLE).
SCORE_REGEX = r"^[12]\d\d$"


def entry_tokens(entry: str, tokenizer) -> list[tuple]:
    """Compile one lexicon entry to its token specs (see ``entry_pattern`` for the syntax)."""
    specs = []
    for piece in entry.split():
        optional = piece.endswith("?") and len(piece) > 1
        piece = piece[:-1] if optional else piece
        if piece == "<NUM>":
            tokens = [("num", None)]
        elif piece == "<SCORE>":
            tokens = [("score", None)]
        elif piece == "<CAP>":
            tokens = [("title", None)]
        elif piece.startswith("~"):
            tokens = [("lemma", tuple(p.lstrip("~") for p in piece.split("|")))]
        elif "*" in piece:
            tokens = [("prefix", tuple((p.rstrip("*").lower(), p.endswith("*")) for p in piece.split("|")))]
        elif "|" in piece:
            tokens = [("in", tuple(p.lower() for p in piece.split("|")))]
        else:
            tokens = [("lower", t.lower_) for t in tokenizer(piece) if not t.is_space]
        if optional and len(tokens) != 1:
            raise RuleFileError(f"lexicon entry {entry!r}: only a single token can be optional ('?')")
        specs.extend((kind, value, optional) for kind, value in tokens)
    return specs


def _prefix_regex(alternatives) -> str:
    return "^(?:" + "|".join(re.escape(text) + (".*" if is_prefix else "") for text, is_prefix in alternatives) + ")$"


def spacy_token(spec: tuple) -> dict:
    """One token spec as a spaCy ``Matcher`` token pattern."""
    kind, value, optional = spec
    if kind == "num":
        token = {"LIKE_NUM": True}
    elif kind == "score":
        token = {"TEXT": {"REGEX": SCORE_REGEX}}
    elif kind == "title":
        token = {"IS_TITLE": True}
    elif kind == "prefix":
        token = {"LOWER": {"REGEX": _prefix_regex(value)}}
    elif kind == "in":
        token = {"LOWER": {"IN": list(value)}}
    elif kind == "lemma":
        token = {"LEMMA": {"IN": list(value)}}
    else:
        token = {"LOWER": value}
    if optional:
        token["OP"] = "?"
    return token


def entry_pattern(entry: str, tokenizer) -> list[dict]:
    """Compile one lexicon entry ("did n't pass", "restructur*", "<SCORE>", "my|the boards") to a Matcher pattern."""
    return [spacy_token(spec) for spec in entry_tokens(entry, tokenizer)]


def compile_entries(entries: list[str], tokenizer, where: str) -> list[list[tuple]]:
    """The token specs of each (spelled-out, non-empty) entry; ``where`` names the list in error messages."""
    if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
        raise RuleFileError(f"{where} must be a list of phrases")
    try:
        patterns = [entry_tokens(e, tokenizer) for entry in entries for e in expand(entry)]
    except RuleFileError as exc:
        raise RuleFileError(f"{where}: {exc}") from None
    return [p for p in patterns if p]


def spacy_matcher(vocab, compiled):
    """The spaCy ``Matcher`` for compiled lexicons: the reference the cue matcher must agree with (tests only)."""
    from spacy.matcher import Matcher
    matcher = Matcher(vocab)
    for name, patterns in compiled:
        matcher.add(name, [[spacy_token(spec) for spec in pattern] for pattern in patterns])
    return matcher
