"""Find the cue phrases of rules/ (label lexicons and region packs) in each sentence."""
from __future__ import annotations

import re
from collections import defaultdict

from spacy.language import Language
from spacy.matcher import Matcher

from .errors import RuleFileError
from .rulebook import load_rulebook


_GROUP = re.compile(r"\(([^()]*)\)")


def expand(entry: str) -> list[str]:
    """Spell out "(does not|cannot) reflect" as one entry per alternative phrase."""
    m = _GROUP.search(entry)
    if not m:
        return [entry]
    return [e for alt in m.group(1).split("|") for e in expand(entry[:m.start()] + alt + entry[m.end():])]


def entry_pattern(entry: str, tokenizer) -> list[dict]:
    """Compile one lexicon entry ("did n't pass", "restructur*", "<SCORE>", "my|the boards") to a Matcher pattern.

    "a|b" offers one-token alternatives, "word*" a prefix, "word?" an optional token; a group of
    phrases "(did not|never) pass" is spelled out by ``expand`` first.
    """
    pattern = []
    for piece in entry.split():
        optional = piece.endswith("?") and len(piece) > 1
        piece = piece[:-1] if optional else piece
        if piece == "<NUM>":
            tokens = [{"LIKE_NUM": True}]
        elif piece == "<SCORE>":
            tokens = [{"TEXT": {"REGEX": r"^[12]\d\d$"}}]
        elif piece == "<CAP>":
            tokens = [{"IS_TITLE": True}]
        elif "*" in piece:
            alternatives = [re.escape(p.rstrip("*").lower()) + (".*" if p.endswith("*") else "")
                            for p in piece.split("|")]
            tokens = [{"LOWER": {"REGEX": "^(?:" + "|".join(alternatives) + ")$"}}]
        elif "|" in piece:
            tokens = [{"LOWER": {"IN": [p.lower() for p in piece.split("|")]}}]
        else:
            tokens = [{"LOWER": t.lower_} for t in tokenizer(piece) if not t.is_space]
        if optional:
            if len(tokens) != 1:
                raise RuleFileError(f"lexicon entry {entry!r}: only a single token can be optional ('?')")
            tokens[0]["OP"] = "?"
        pattern.extend(tokens)
    return pattern


def lexicons_of(rulebook) -> dict[str, list[str]]:
    """Every cue name with its entries: the label rules' lexicons and the region packs' place lists."""
    merged: dict[str, list[str]] = defaultdict(list)
    for rule in rulebook.labels.values():
        for name, entries in rule.lexicons.items():
            if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
                raise RuleFileError(f"{rule.path}: lexicon '{name}' must be a list of phrases")
            merged[name].extend(entries)
    for pack in rulebook.regions.values():
        data = pack.data
        merged["region_anchor"].extend(data["anchors"])
        for group, names in data["places"].items():
            merged["region_place"].extend(names)
        merged["region_ambiguous"].extend(data.get("ambiguous_places") or [])
        merged["region_closed"].extend(item["name"] for item in data.get("closed") or [])
        for group, entries in (data.get("health") or {}).items():
            merged[f"health_{group}"].extend(entries)
        params = data.get("params") or {}
        merged["region_tie_word"].extend(params.get("tie_words") or [])
        merged["region_foreign"].extend(params.get("foreign_context") or [])
    return merged


@Language.factory("reviewer_cues", default_config={"rules_dir": ""})
def make_cues(nlp, name, rules_dir):
    return CueFinder(nlp, load_rulebook(rules_dir) if rules_dir else load_rulebook())


class CueFinder:
    """Sets ``doc._.cues``: for each sentence, the cue names found and their token spans."""

    def __init__(self, nlp, rulebook):
        self.matcher = Matcher(nlp.vocab)
        for name, entries in lexicons_of(rulebook).items():
            patterns = [entry_pattern(e, nlp.tokenizer) for entry in entries for e in expand(entry)]
            self.matcher.add(name, [p for p in patterns if p])

    def __call__(self, doc):
        sentences = [s for s in doc.sents if not all(t.is_space for t in s)]
        sentence_of = [-1] * len(doc)
        for i, sent in enumerate(sentences):
            for t in range(sent.start, sent.end):
                sentence_of[t] = i
        found = [defaultdict(list) for _ in sentences]
        vocab = doc.vocab.strings
        for match_id, start, end in self.matcher(doc):
            i = sentence_of[start]
            if i >= 0:
                found[i][vocab[match_id]].append((start, end))
        doc._.sentences = sentences
        doc._.cues = found
        return doc
