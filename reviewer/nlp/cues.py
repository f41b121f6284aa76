"""The cue finder: which phrases of rules/ (label lexicons, phrase rules, the active region pack) each sentence holds."""
from __future__ import annotations

from spacy.language import Language

from ..rulebook import DEFAULT_REGION, RULES_DIR, rulebook_at
from .lexicon import compile_entries
from .matcher import CueMatcher


def general_lexicons(rulebook) -> dict[str, tuple[str, list[str]]]:
    """The cues every review looks for: each label rule's lexicons, and each phrase rule's phrases (cue
    ``rule:ID``); as {cue name: (where it is defined, entries)}."""
    found: dict[str, tuple[str, list[str]]] = {}
    for rule in rulebook.labels.values():
        for name, entries in rule.lexicons.items():
            where, known = found.get(name, (f"{rule.path}: lexicon '{name}'", []))
            if not isinstance(entries, list):
                from ..errors import RuleFileError
                raise RuleFileError(f"{rule.path}: lexicon '{name}' must be a list of phrases")
            found[name] = (where, known + entries)
    for rule in rulebook.rules.values():
        if rule.kind == "phrase":
            found[f"rule:{rule.id}"] = (f"{rule.path}: 'phrases'", list(rule.data["phrases"]))
    return found


def region_lexicons(pack) -> dict[str, tuple[str, list[str]]]:
    """The cues of one region pack: the region's own names, its places, closed hospitals, health burdens and
    the words that make a sentence naming only the region a tie."""
    where = str(pack.path)
    lists = {
        "region_anchor": list(pack.anchors),
        "region_place": pack.all_places(),
        "region_ambiguous": list(pack.ambiguous_places),
        "region_closed": [item["name"] for item in pack.closed],
        "region_tie_word": list(pack.params.get("tie_words", ())),
        "region_place_word": list(pack.params.get("place_words", ())),
        "region_foreign": list(pack.params.get("foreign_context", ())),
        **{f"health_{group}": list(entries) for group, entries in pack.health.items()},
    }
    return {name: (f"{where}: {name}", entries) for name, entries in lists.items()}


def compile_lexicons(lexicons: dict, tokenizer) -> list[tuple[str, list[list[tuple]]]]:
    """Each cue name with the token specs of its entries."""
    return [(name, compile_entries(entries, tokenizer, where)) for name, (where, entries) in lexicons.items()]


@Language.factory("reviewer_cues", default_config={"rules_dir": ""})
def make_cues(nlp, name, rules_dir):
    return CueFinder(nlp, rulebook_at(rules_dir or str(RULES_DIR)))


class CueFinder:
    """Sets ``doc._.cues``: for each sentence, each cue name found in it and its token spans, in order.

    The label and phrase-rule cues are looked for in every review, the region cues of the pack named by
    ``doc._.region``: one matcher per pack, built at start."""

    def __init__(self, nlp, rulebook):
        tokenizer = nlp.tokenizer
        general = compile_lexicons(general_lexicons(rulebook), tokenizer)
        self.matchers = {name: CueMatcher(general + compile_lexicons(region_lexicons(pack), tokenizer), nlp.vocab)
                         for name, pack in rulebook.regions.items()}

    def __call__(self, doc):
        ext = doc._
        bounds = [(sentence.start, sentence.end) for sentence in ext.sentences]
        found: list[dict[str, list[tuple[int, int]]]] = [{} for _ in bounds]
        matches = self.matchers[ext.region or DEFAULT_REGION].positions(doc)
        i, n = 0, len(bounds)
        for start, end, name in sorted(matches):  # a match belongs to the sentence it starts in
            while i < n and bounds[i][1] <= start:
                i += 1
            if i == n:
                break
            if bounds[i][0] <= start:
                found[i].setdefault(name, []).append((start, end))
        ext.cues = found
        return doc
