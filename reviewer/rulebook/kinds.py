"""The kinds of rule file and the keys each may hold; a file is checked against its kind when it is loaded."""
from __future__ import annotations

from pathlib import Path

from ..errors import RuleFileError
from ..findings import LEVELS

LABELS = ("score_disclosure", "blame", "growth", "regional_tie", "specialty_motivation")
_FINDING_KEYS = ("level", "message", "why", "fix", "source")
# What a ``count`` rule may count: the statement's words, characters, sentences or paragraphs, or the
# sentences that carry one label.
COUNTABLE = ("words", "characters", "sentences", "paragraphs", *(f"label:{label}" for label in LABELS))

KINDS = {
    # Findings from Python code registered for the rule id (reviewer/checks/); the code reads the thresholds in params.
    "check": {"required": ("kind", *_FINDING_KEYS, "examples"), "optional": ("params", "summary")},
    "cv": {"required": ("kind", *_FINDING_KEYS, "examples"), "optional": ("params", "summary")},
    # Findings from the YAML alone: sentences that hold one of the phrases (optionally only with a label) ...
    "phrase": {"required": ("kind", *_FINDING_KEYS, "examples", "phrases"),
               "optional": ("params", "summary", "within_label")},
    # ... or a count of the statement that falls outside params min / max.
    "count": {"required": ("kind", *_FINDING_KEYS, "examples", "count", "params"), "optional": ("summary",)},
    # A sentence label's phrase lexicons (cues for the labeller).
    "label": {"required": ("kind", "summary", "source", "examples"), "optional": ("lexicons", "params")},
}
CODE_KINDS = ("check", "cv")  # the kinds whose findings need a Python function


def fail(path: Path, message: str):
    raise RuleFileError(f"{path}: {message}")


def validate_keys(path: Path, data: dict, spec: dict, kind: str) -> None:
    """Every required key present and non-empty, and no key the kind does not know."""
    for key in spec["required"]:
        if key not in data or data[key] in (None, ""):
            fail(path, f"'{key}' is missing; a rule of kind {kind} needs {', '.join(spec['required'])}")
    allowed = set(spec["required"]) | set(spec["optional"])
    for key in data:
        if key not in allowed:
            fail(path, f"'{key}' is not a key of a {kind} rule; allowed: {', '.join(sorted(allowed))}")


def validate_rule(path: Path, data) -> None:
    """Raise RuleFileError naming the file, the key and what is allowed, for the first problem found."""
    if not isinstance(data, dict):
        fail(path, "a rule file must be a YAML mapping of keys to values")
    kind = data.get("kind")
    if kind == "region":
        return  # region packs are checked by reviewer.rulebook.regions
    if kind not in KINDS:
        fail(path, f"'kind' is {kind!r}; it must be one of {', '.join(sorted([*KINDS, 'region']))}")
    validate_keys(path, data, KINDS[kind], kind)
    if "level" in data and data["level"] not in LEVELS:
        fail(path, f"'level' is {data['level']!r}; it must be one of {', '.join(LEVELS)}")
    for key in ("message", "why", "fix", "source", "summary"):
        if key in data and not isinstance(data[key], str):
            fail(path, f"'{key}' must be text")
    for key in ("params", "lexicons"):
        if key in data and not isinstance(data[key], dict):
            fail(path, f"'{key}' must be a mapping")
    if kind == "phrase":
        _validate_phrase(path, data)
    if kind == "count":
        _validate_count(path, data)
    if "examples" in data:
        _validate_examples(path, data["examples"])


def _validate_phrase(path: Path, data: dict) -> None:
    phrases = data["phrases"]
    if not isinstance(phrases, list) or not phrases or not all(isinstance(p, str) and p.strip() for p in phrases):
        fail(path, "'phrases' must be a list of phrases in the lexicon syntax (see docs/writing-rules.md)")
    label = data.get("within_label")
    if label is not None and label not in LABELS:
        fail(path, f"'within_label' is {label!r}; it must be one of {', '.join(LABELS)}")


def _validate_count(path: Path, data: dict) -> None:
    if data["count"] not in COUNTABLE:
        fail(path, f"'count' is {data['count']!r}; it must be one of {', '.join(COUNTABLE)}")
    params = data["params"]
    bounds = {key: params.get(key) for key in ("min", "max") if params.get(key) is not None}
    if not bounds:
        fail(path, "'params' needs 'min', 'max' or both for a count rule")
    for key, value in bounds.items():
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            fail(path, f"'params.{key}' is {value!r}; it must be a whole number, 0 or more")


def _validate_examples(path: Path, examples) -> None:
    if not isinstance(examples, dict) or not examples.get("flag") or not examples.get("pass"):
        fail(path, "'examples' needs a non-empty 'flag' list and a non-empty 'pass' list")
    for group in ("flag", "pass"):
        if not isinstance(examples[group], list):
            fail(path, f"'examples.{group}' must be a list")
        for i, example in enumerate(examples[group]):
            if isinstance(example, str):
                continue
            if not isinstance(example, dict) or not ({"text", "cv"} & set(example)):
                fail(path, f"'examples.{group}[{i}]' must be text or a mapping with 'text' and/or 'cv'")
