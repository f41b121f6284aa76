"""Load and validate the rules in rules/: one YAML file a rule, its id the file's path."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .errors import RuleFileError
from .findings import LEVELS, Finding

_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: same result, faster
RULES_DIR = Path(os.environ.get("REVIEWER_RULES", Path(__file__).resolve().parent.parent / "rules"))

# Keys every kind requires, and the keys it may add.
_FINDING_KEYS = ("level", "message", "why", "fix", "source")
_KINDS = {
    "check": {"required": ("kind", *_FINDING_KEYS, "examples"), "optional": ("params", "summary")},
    "cv": {"required": ("kind", *_FINDING_KEYS, "examples"), "optional": ("params", "summary")},
    "label": {"required": ("kind", "summary", "source", "examples"), "optional": ("lexicons", "params")},
    "region": {"required": ("kind", "region", "last_verified", "summary", "source", "anchors", "places"),
               "optional": ("ambiguous_places", "closed", "health", "params")},
}


@dataclass(frozen=True)
class Rule:
    """A rule read from rules/: what it finds, how serious it is, and its examples."""

    id: str
    kind: str
    path: Path
    summary: str = ""
    level: str = ""
    message: str = ""
    why: str = ""
    fix: str = ""
    source: str = ""
    params: dict = field(default_factory=dict)
    lexicons: dict = field(default_factory=dict)
    examples: dict = field(default_factory=dict)
    data: dict = field(default_factory=dict)

    def finding(self, start=None, end=None, sentences=(), **values) -> Finding:
        """Build this rule's finding; ``values`` fill the {placeholders} of message and fix."""
        try:
            message = self.message.format_map(values)
            fix = self.fix.format_map(values)
        except (KeyError, IndexError, ValueError) as exc:
            raise RuleFileError(f"{self.path}: 'message' or 'fix' uses a placeholder the check does not give: {exc}") from exc
        message = message[:1].upper() + message[1:]  # "experience 2 (...) and ..." opens a sentence
        return Finding(self.id, self.level, message, self.why.strip(), fix.strip(), self.source,
                       start, end, tuple(sentences))


@dataclass(frozen=True)
class Rulebook:
    """Every rule by id, plus the sentence-label lexicons and the region packs."""

    rules: dict
    labels: dict
    regions: dict

    def findable(self) -> list[Rule]:
        """The rules that produce findings, in id order."""
        return sorted((r for r in self.rules.values()), key=lambda r: r.id)


def _fail(path: Path, message: str):
    raise RuleFileError(f"{path}: {message}")


def _validate(path: Path, data) -> None:
    if not isinstance(data, dict):
        _fail(path, "a rule file must be a YAML mapping of keys to values")
    kind = data.get("kind")
    if kind not in _KINDS:
        _fail(path, f"'kind' is {kind!r}; it must be one of {', '.join(sorted(_KINDS))}")
    spec = _KINDS[kind]
    for key in spec["required"]:
        if key not in data or data[key] in (None, ""):
            _fail(path, f"'{key}' is missing; a rule of kind {kind} needs {', '.join(spec['required'])}")
    allowed = set(spec["required"]) | set(spec["optional"])
    for key in data:
        if key not in allowed:
            _fail(path, f"'{key}' is not a key of a {kind} rule; allowed: {', '.join(sorted(allowed))}")
    if "level" in data and data["level"] not in LEVELS:
        _fail(path, f"'level' is {data['level']!r}; it must be one of {', '.join(LEVELS)}")
    for key in ("message", "why", "fix", "source", "summary"):
        if key in data and not isinstance(data[key], str):
            _fail(path, f"'{key}' must be text")
    for key in ("params", "lexicons"):
        if key in data and not isinstance(data[key], dict):
            _fail(path, f"'{key}' must be a mapping")
    if "examples" in data:
        examples = data["examples"]
        if not isinstance(examples, dict) or not examples.get("flag") or not examples.get("pass"):
            _fail(path, "'examples' needs a non-empty 'flag' list and a non-empty 'pass' list")
        for group in ("flag", "pass"):
            if not isinstance(examples[group], list):
                _fail(path, f"'examples.{group}' must be a list")
            for i, example in enumerate(examples[group]):
                if isinstance(example, str):
                    continue
                if not isinstance(example, dict) or not ({"text", "cv"} & set(example)):
                    _fail(path, f"'examples.{group}[{i}]' must be text or a mapping with 'text' and/or 'cv'")


def rule_id(path: Path, root: Path) -> str:
    """rules/score/blame.yml -> score.blame"""
    rel = path.relative_to(root).with_suffix("")
    return ".".join(rel.parts)


def load_rule(path: Path, root: Path) -> Rule:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except yaml.YAMLError as exc:
        raise RuleFileError(f"{path}: not valid YAML ({exc.__class__.__name__}: {exc})") from exc
    _validate(path, data)
    examples = {g: [e if isinstance(e, dict) else {"text": e} for e in data["examples"][g]]
                for g in ("flag", "pass")} if "examples" in data else {}
    return Rule(
        id=rule_id(path, root), kind=data["kind"], path=path, summary=data.get("summary", ""),
        level=data.get("level", ""), message=data.get("message", ""), why=data.get("why", ""),
        fix=data.get("fix", ""), source=data.get("source", ""), params=data.get("params") or {},
        lexicons=data.get("lexicons") or {}, examples=examples, data=data,
    )


def load_rulebook(root: Path | str = RULES_DIR) -> Rulebook:
    """Read every rules/**/*.yml; raise RuleFileError naming the first bad file."""
    root = Path(root)
    if not root.is_dir():
        raise RuleFileError(f"{root}: the rules folder is missing; set REVIEWER_RULES to the folder holding the rule files")
    rules, labels, regions = {}, {}, {}
    for path in sorted(root.rglob("*.yml")):
        rule = load_rule(path, root)
        if rule.kind == "label":
            labels[path.stem] = rule
        elif rule.kind == "region":
            regions[rule.data["region"]] = rule
        else:
            rules[rule.id] = rule
    return Rulebook(rules, labels, regions)


@lru_cache(maxsize=8)
def rulebook_at(root: str) -> Rulebook:
    """The rulebook of a folder, loaded once per process (the pipeline's components share it)."""
    return load_rulebook(Path(root))


def default_rulebook() -> Rulebook:
    """The rules shipped in rules/, loaded once per process."""
    return rulebook_at(str(RULES_DIR))
