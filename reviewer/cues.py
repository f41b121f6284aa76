"""Find the cue phrases of rules/ (label lexicons and region packs) in each sentence."""
from __future__ import annotations

import bisect
import itertools
import re
import threading
from collections import defaultdict

import numpy

from spacy.lang.en.lex_attrs import like_num
from spacy.language import Language
from spacy.matcher import Matcher

from .errors import RuleFileError
from .words import WordTable, token_rows
from .rulebook import RULES_DIR, rulebook_at


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
    """Compile one lexicon entry ("did n't pass", "restructur*", "<SCORE>", "my|the boards") to a Matcher pattern.

    "a|b" offers one-token alternatives, "word*" a prefix, "~word" any form with that lookup lemma
    ("~rebuild" matches "rebuilt"), "word?" an optional token; a group of phrases "(did not|never) pass"
    is spelled out by ``expand`` first.
    """
    return [spacy_token(spec) for spec in entry_tokens(entry, tokenizer)]


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
        merged["region_place_word"].extend(params.get("place_words") or [])
        merged["region_foreign"].extend(params.get("foreign_context") or [])
    return merged


def compile_lexicons(rulebook, tokenizer) -> list[tuple[str, list[list[tuple]]]]:
    """Each cue name with the token specs of its (spelled-out, non-empty) entries, in rulebook order."""
    compiled = []
    for name, entries in lexicons_of(rulebook).items():
        patterns = [entry_tokens(e, tokenizer) for entry in entries for e in expand(entry)]
        compiled.append((name, [p for p in patterns if p]))
    return compiled


def spacy_matcher(vocab, compiled) -> Matcher:
    """The spaCy ``Matcher`` for compiled lexicons: the reference ``CueMatcher`` must agree with (tests only)."""
    matcher = Matcher(vocab)
    for name, patterns in compiled:
        matcher.add(name, [[spacy_token(spec) for spec in pattern] for pattern in patterns])
    return matcher


class LookupLemmas:
    """spaCy's lookup lemma of a word: the spacy-lookups-data table its ``lemmatizer`` reads in lookup mode.

    Only ``~word`` entries need lemmas, so the matcher asks for the lemma of a word the first time such an
    entry meets it (the answer is kept per word), instead of a pipeline step lemmatizing every token.
    """

    def __init__(self):
        from spacy.lookups import load_lookups
        self.table = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")

    def __call__(self, text: str) -> str:
        found = self.table.get(text, text)
        return found if isinstance(found, str) else found[0]


class CueMatcher:
    """A drop-in for the spaCy ``Matcher`` over compiled lexicons, many times faster on our patterns.

    It runs the same state machine as spaCy's ``find_matches`` (quantifiers "1" and "?"), so it finds the
    same (name, start, end) matches: every match of every pattern, overlapping ones too, both the shorter
    and the longer match of a pattern ending in an optional token, without zero-length matches, each once
    (sorted by position, where spaCy's order follows its own bookkeeping). The speed comes from:

    - a column of the vocabulary's word table (``reviewer.words``) marking the words some pattern may
      begin with, so that one gather gives the positions to start at and Python never visits the others
      (a state spaCy starts elsewhere dies on its first token without effect);
    - patterns of one token matched at once, and longer ones begun only where their second token fits too
      (decided once per pair of words);
    - each token spec tested once per distinct token text (lexical attributes depend on the text alone),
      the results kept across documents. ``tests/test_cue_matcher.py`` compares it with spaCy's Matcher.
    """

    CACHE_LIMIT = 200_000  # word pairs planned for before the caches start afresh

    def __init__(self, compiled, lemma_of=None):
        self.lemma_of = lemma_of
        self.names: list[str] = []
        self._pattern_name: list[int] = []       # pattern index -> name index
        self._pattern_specs: list[tuple] = []    # pattern index -> tuple of spec ids
        self._pattern_optional: list[tuple] = [] # pattern index -> tuple of bools
        spec_ids: dict[tuple, int] = {}
        for name, patterns in compiled:
            self.names.append(name)
            for pattern in patterns:
                ids = []
                for kind, value, _optional in pattern:
                    if kind not in ("lower", "in", "prefix", "lemma", "num", "score", "title"):
                        raise ValueError(f"unknown token spec {kind!r}")
                    ids.append(spec_ids.setdefault((kind, value), len(spec_ids)))
                self._pattern_name.append(len(self.names) - 1)
                self._pattern_specs.append(tuple(ids))
                self._pattern_optional.append(tuple(optional for _kind, _value, optional in pattern))
        # How a pattern begins: 1 = a single required token (a match at once), 2 = two required tokens
        # (begun only where the next token fits too), 0 = an optional token among its first two.
        self._head = [1 if len(o) == 1 and not o[0] else 2 if len(o) > 1 and not (o[0] or o[1]) else 0
                      for o in self._pattern_optional]
        self._specs: list[tuple] = sorted(spec_ids, key=spec_ids.get)  # spec id -> (kind, value)
        if self.lemma_of is None and any(kind == "lemma" for kind, _value in self._specs):
            self.lemma_of = LookupLemmas()
        self._regex = {i: re.compile(_prefix_regex(value) if kind == "prefix" else SCORE_REGEX)
                       for i, (kind, value) in enumerate(self._specs) if kind in ("prefix", "score")}
        # First-token index. Patterns opening with an optional token are started everywhere.
        self._by_lower: dict[str, set[int]] = defaultdict(set)
        self._by_initial: dict[str, list[tuple[int, int]]] = defaultdict(list)  # prefix specs by first letter
        self._always_test: list[tuple[int, int]] = []  # (spec id, pattern) to test on every new text
        self._always_start: list[int] = []
        for j, (ids, optional) in enumerate(zip(self._pattern_specs, self._pattern_optional)):
            if optional[0]:
                self._always_start.append(j)
                continue
            kind, value = self._specs[ids[0]]
            if kind == "lower":
                self._by_lower[value].add(j)
            elif kind == "in":
                for alternative in value:
                    self._by_lower[alternative].add(j)
            elif kind == "prefix" and all(text for text, _ in value):
                for initial in {text[0] for text, _ in value}:
                    self._by_initial[initial].append((ids[0], j))
            else:
                self._always_test.append((ids[0], j))
        # per initial letter, one pattern that any of its prefix specs would match
        self._any_prefix = {
            initial: re.compile("|".join(sorted({self._regex[spec_id].pattern for spec_id, _ in specs})))
            for initial, specs in self._by_initial.items()}
        self._column = f"cue begins {id(self)}"  # this matcher's column in a vocabulary's word table
        # what the column holds for a word: 0 when no pattern may begin there, else k + 1 for the k-th
        # distinct (one-token patterns, longer patterns) it may begin (see ``_begun_at``)
        self._kinds: list[tuple[tuple, tuple]] = []
        self._kind_index: dict[tuple[tuple, tuple], int] = {}
        self._kinds_lock = threading.Lock()
        self._clear(None)

    def _clear(self, table) -> None:
        """Start the caches afresh, for the words (table rows) of ``table``."""
        self._table = table
        self._plans: dict[tuple[int, int], tuple] = {}  # (row, next token's row or -1) -> see ``_plan``
        self._results: list[dict[int, bool]] = [{} for _ in self._specs]  # spec id -> row -> result

    def _test(self, spec_id: int, text: str) -> bool:
        """Whether a token with this text meets one token spec, as the spaCy Matcher decides it (uncached):
        the attributes tested are lexical, computed from the text alone as spaCy's English vocabulary does."""
        kind, value = self._specs[spec_id]
        if kind == "lower":
            return text.lower() == value
        if kind == "in":
            return text.lower() in value
        if kind == "prefix":
            return self._regex[spec_id].search(text.lower()) is not None
        if kind == "score":
            return self._regex[spec_id].search(text) is not None
        if kind == "lemma":
            return self.lemma_of(text) in value
        if kind == "num":
            return bool(like_num(text))
        return text.istitle()

    def _starts_of(self, text: str) -> tuple[int, ...]:
        """The patterns (in the order they were added) whose first token a word with this text may begin."""
        lower = text.lower()
        found = set(self._by_lower.get(lower, ()))
        found.update(self._always_start)
        candidates = self._by_initial.get(lower[:1]) if lower else None
        if candidates and self._any_prefix[lower[:1]].search(lower):  # one search rules most words out
            for spec_id, j in candidates:
                if self._test(spec_id, text):
                    found.add(j)
        for spec_id, j in self._always_test:
            if self._test(spec_id, text):
                found.add(j)
        return tuple(sorted(found))

    def _begins(self, text: str) -> int:
        """The word table column: which patterns may begin at a word with this text (0: none)."""
        kind = self._begun_at(text)
        if not (kind[0] or kind[1]):
            return 0
        index = self._kind_index.get(kind)
        if index is None:
            with self._kinds_lock:  # (called by the word table under its lock; another table may call too)
                index = self._kind_index.get(kind)
                if index is None:
                    self._kinds.append(kind)
                    index = self._kind_index[kind] = len(self._kinds) - 1
        return index + 1

    def attach(self, vocab) -> tuple[WordTable, int]:
        """The vocabulary's word table and this matcher's column in it, made the first time it is asked for."""
        table = WordTable.of(vocab)
        return table, table.column_of(self._column, self._begins, vocab)

    def _begun_at(self, text: str) -> tuple[tuple, tuple]:
        """The patterns a word may begin, split into those of one token (a match at once) and the rest."""
        patterns = self._starts_of(text)
        return (tuple(j for j in patterns if self._head[j] == 1),
                tuple(j for j in patterns if self._head[j] != 1))

    def _plan(self, doc, rows: list, i: int, patterns) -> tuple[tuple, tuple]:
        """The longer patterns begun at token i, sorted by how they go on: (patterns whose second token also
        fits token i + 1, patterns with an optional token among their first two)."""
        seconds, general = [], []
        for j in patterns:
            if self._head[j] == 0:
                general.append(j)
            elif i + 1 < len(rows) and self._cached(self._pattern_specs[j][1], doc, rows, i + 1):
                seconds.append(j)
        return tuple(seconds), tuple(general)

    def _cached(self, spec_id: int, doc, rows: list, i: int) -> bool:
        results = self._results[spec_id]
        result = results.get(rows[i])
        if result is None:
            result = results[rows[i]] = self._test(spec_id, doc[i].text)
        return result

    def __call__(self, doc) -> list[tuple[str, int, int]]:
        """(cue name, start, end) of every match, each once, sorted by position."""
        return [(name, start, end) for start, end, name in sorted(self.positions(doc))]

    def positions(self, doc) -> set[tuple[int, int, str]]:
        """Every match as (start, end, cue name)."""
        table, index = self.attach(doc.vocab)
        if table is not self._table or len(self._plans) > self.CACHE_LIMIT:
            self._clear(table)
        array = token_rows(doc)
        kinds = table.column(index)[array[:, 0]]
        begins = numpy.flatnonzero(kinds)  # the tokens a pattern may begin at
        if not len(begins):
            return set()
        kinds, begins, rows = kinds[begins].tolist(), begins.tolist(), array[:, 0].tolist()
        raw: list[tuple[int, int, int]] = []  # (pattern, start, end) as found
        all_kinds, plans = self._kinds, self._plans.get
        n, visited = len(rows), 0
        for i, kind in zip(begins, kinds):  # in order
            if i < visited:  # passed already, while patterns begun earlier were in progress
                continue
            singles, longer = all_kinds[kind - 1]
            if singles:
                raw.extend([(j, i, i + 1) for j in singles])
            if longer:
                begun, general = plans((rows[i], rows[i + 1] if i + 1 < n else -1)) or \
                    self._plan_at(doc, rows, i, longer)
                if begun or general:  # most words: no pattern goes on past the first token
                    visited = self._follow(doc, rows, begins, kinds, i, begun, general, raw)
        names, pattern_name = self.names, self._pattern_name
        return {(start, end, names[pattern_name[j]]) for j, start, end in raw if end > start}

    def _plan_at(self, doc, rows: list, i: int, longer: tuple) -> tuple[tuple, tuple]:
        key = (rows[i], rows[i + 1] if i + 1 < len(rows) else -1)
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plans[key] = self._plan(doc, rows, i, longer)
        return plan

    def _follow(self, doc, rows: list, begins: list, kinds: list, i: int, begun: tuple, general: tuple,
                raw: list) -> int:
        """Read token by token from token i, where longer patterns have begun, while any is in progress (starting
        the patterns that begin at the tokens passed on the way); return the first token not read."""
        results, test = self._results, self._test
        pattern_specs, pattern_optional = self._pattern_specs, self._pattern_optional
        n, b = len(rows), bisect.bisect_right(begins, i)
        states = [(j, 0, i, 0) for j in general]  # (pattern, position in pattern, start, length)
        while True:
            row = rows[i]
            kept, added = [], [(j, 1, i, 1) for j in begun] if begun else []  # (first two tokens known to fit)
            for j, k, start, length in states:
                specs, optional = pattern_specs[j], pattern_optional[j]
                last = len(specs) - 1
                while True:
                    cache = results[specs[k]]
                    is_match = cache.get(row)
                    if is_match is None:
                        is_match = cache[row] = test(specs[k], doc[i].text)
                    if not optional[k]:
                        if is_match:
                            if k == last:
                                raw.append((j, start, start + length + 1))            # MATCH
                            else:
                                kept.append((j, k + 1, start, length + 1))            # ADVANCE
                        break                                                          # (or REJECT)
                    if k == last:
                        if is_match and length:                                        # MATCH_DOUBLE
                            raw.append((j, start, start + length))
                        raw.append((j, start, start + length + (1 if is_match else 0)))  # or MATCH_REJECT
                        break
                    if is_match:                                                       # RETRY_ADVANCE
                        added.append((j, k + 1, start, length + 1))
                    k += 1                                                             # RETRY
            states = kept + added
            i += 1
            if not states or i == n:
                break
            begun = ()
            if b < len(begins) and begins[b] == i:  # patterns may begin at the next token too
                singles, longer = self._kinds[kinds[b] - 1]
                b += 1
                if singles:
                    raw.extend([(j, i, i + 1) for j in singles])
                if longer:
                    begun, general = self._plan_at(doc, rows, i, longer)
                    if general:
                        states.extend([(j, 0, i, 0) for j in general])
        for j, k, start, length in states:  # states ending in optional tokens at the end of the doc
            optional = pattern_optional[j]
            while optional[k]:
                if k == len(optional) - 1:
                    raw.append((j, start, start + length))
                    break
                k += 1
        return i


class HybridMatcher:
    """The same matches as ``CueMatcher`` (as a set, sorted by position), most of them found by spaCy.

    Entries made only of exact words (no prefix, lemma or number) are spelled out into phrases for spaCy's
    compiled ``PhraseMatcher``, an optional word once with and once without it (the ``Matcher`` too finds
    every way an optional token can fit); the rest go through ``CueMatcher``. Matching order differs from
    spaCy's ``Matcher``, so the result is de-duplicated and sorted by (start, end, name).
    """

    def __init__(self, vocab, compiled, max_phrases: int = 64, lemma_of=None):
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc

        self.phrases = PhraseMatcher(vocab, attr="LOWER")
        self._names: dict[int, str] = {}
        self._shared = False  # does a cue have patterns in both matchers (so that both may find one span)?
        rest = []
        for name, patterns in compiled:
            kept, docs = [], []
            for pattern in patterns:
                alternatives = [([value] if kind == "lower" else list(value)) + ([None] if optional else [])
                                for kind, value, optional in pattern if kind in ("lower", "in")]
                count = 1
                for options in alternatives:
                    count *= len(options)
                if len(alternatives) != len(pattern) or count > max_phrases:
                    kept.append(pattern)
                    continue
                for words in itertools.product(*alternatives):
                    words = [w for w in words if w is not None]  # None: the optional word left out
                    if words:
                        docs.append(Doc(vocab, words=words))
            if docs:
                self.phrases.add(name, docs)
                self._names[vocab.strings.add(name)] = name  # the match id spaCy gives back -> the cue name
                if kept:
                    self._shared = True
            rest.append((name, kept))
        self.rest = CueMatcher(rest, lemma_of)

    def __call__(self, doc) -> list[tuple[str, int, int]]:
        return [(name, start, end) for start, end, name in self.by_position(doc)]

    def by_position(self, doc) -> list[tuple[int, int, str]]:
        """The matches as sorted (start, end, cue name) tuples."""
        names = self._names
        found = sorted(self.rest.positions(doc))
        found += [(start, end, names[key]) for key, start, end in self.phrases(doc)]
        found.sort()  # two runs already (nearly) in order: the sort merges them in about linear time
        if self._shared:
            found = [match for k, match in enumerate(found) if not k or match != found[k - 1]]
        return found

    def by_sentence(self, doc, bounds: list[tuple[int, int]]) -> list[dict[str, list[tuple[int, int]]]]:
        """For each sentence (its token bounds; the sentences in order and apart), each cue name found in it
        and its matches (start, end) in order, each once: the same as walking ``by_position``, without the
        sort (each matcher gives its matches in order already)."""
        found: list[dict[str, list[tuple[int, int]]]] = [{} for _ in bounds]
        names, n, i = self._names, len(bounds), 0
        for key, start, end in self.phrases(doc):  # in order of start
            while i < n and bounds[i][1] <= start:
                i += 1
            if i == n:
                break
            if bounds[i][0] <= start:
                found[i].setdefault(names[key], []).append((start, end))
        merged, i = [], 0  # the lists both matchers add to: put in order, once each
        for start, end, name in sorted(self.rest.positions(doc)):
            while i < n and bounds[i][1] <= start:
                i += 1
            if i == n:
                break
            if bounds[i][0] <= start:
                matches = found[i].get(name)
                if matches is None:
                    found[i][name] = [(start, end)]
                else:
                    matches.append((start, end))
                    merged.append(matches)
        for matches in merged:
            matches.sort()
            matches[:] = [m for k, m in enumerate(matches) if not k or m != matches[k - 1]]
        return found


@Language.factory("reviewer_cues", default_config={"rules_dir": ""})
def make_cues(nlp, name, rules_dir):
    return CueFinder(nlp, rulebook_at(rules_dir or str(RULES_DIR)))


class CueFinder:
    """Sets ``doc._.cues``: for each sentence, the cue names found and their token spans."""

    def __init__(self, nlp, rulebook):
        self.matcher = HybridMatcher(nlp.vocab, compile_lexicons(rulebook, nlp.tokenizer))
        self.matcher.rest.attach(nlp.vocab)  # the word table column now, not at the first document

    def __call__(self, doc):
        ext = doc._  # (each `doc._` builds a new accessor)
        ext.cues = self.matcher.by_sentence(doc, [(sent.start, sent.end) for sent in ext.sentences])
        return doc
