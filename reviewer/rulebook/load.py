"""Read rules/ into a Rulebook: one YAML file a rule, checked against its kind when it is loaded."""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import RuleFileError
from .book import Rulebook
from .kinds import CODE_KINDS, validate_rule
from .regions import load_pack
from .rule import Rule

_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: same result, faster
_PACKAGE = Path(__file__).resolve().parent.parent  # reviewer/


def shipped_rules() -> Path:
    """The rules the package ships: ``reviewer/rules`` in an installed package, ``rules/`` in a source checkout."""
    installed = _PACKAGE / "rules"
    return installed if installed.is_dir() else _PACKAGE.parent / "rules"


RULES_DIR = Path(os.environ.get("REVIEWER_RULES") or shipped_rules())


def rule_id(path: Path, root: Path) -> str:
    """rules/score/blame.yml -> score.blame"""
    return ".".join(path.relative_to(root).with_suffix("").parts)


def read_yaml(path: Path):
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except yaml.YAMLError as exc:
        raise RuleFileError(f"{path}: not valid YAML ({exc.__class__.__name__}: {exc})") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(f"{path}: cannot be read ({exc})") from exc


def load_rule(path: Path, root: Path) -> Rule:
    data = read_yaml(path)
    validate_rule(path, data)
    examples = {g: [e if isinstance(e, dict) else {"text": e} for e in data["examples"][g]]
                for g in ("flag", "pass")} if "examples" in data else {}
    return Rule(
        id=rule_id(path, root), kind=data["kind"], path=path, summary=data.get("summary", ""),
        level=data.get("level", ""), message=data.get("message", ""), why=data.get("why", ""),
        fix=data.get("fix", ""), source=data.get("source", ""), params=data.get("params") or {},
        lexicons=data.get("lexicons") or {}, examples=examples, data=data,
    )


def _require_code(rule: Rule) -> None:
    """A rule whose kind needs Python must have a check registered for its id (reviewer/checks/)."""
    from ..checks.registry import CHECKS
    if rule.kind in CODE_KINDS and rule.id not in CHECKS:
        raise RuleFileError(
            f"{rule.path}: rule {rule.id} is of kind {rule.kind!r}, which needs a Python check, and none is "
            f"registered for it. Add a function decorated with @check({rule.id!r}) in reviewer/checks/, or use "
            f"a kind that needs no code (phrase, count; see docs/writing-rules.md)")


def load_rulebook(root: Path | str = RULES_DIR) -> Rulebook:
    """Read every rules/**/*.yml; raise RuleFileError naming the first bad file."""
    root = Path(root)
    if not root.is_dir():
        raise RuleFileError(f"{root}: the rules folder is missing; set REVIEWER_RULES to the folder holding the "
                            "rule files")
    rules, labels, regions = {}, {}, {}
    for path in sorted(root.rglob("*.yml")):
        data = read_yaml(path)
        if isinstance(data, dict) and data.get("kind") == "region":
            pack = load_pack(path, data)
            if pack.name in regions:
                raise RuleFileError(f"{path}: region {pack.name!r} is also defined in {regions[pack.name].path}")
            regions[pack.name] = pack
            continue
        rule = load_rule(path, root)
        if rule.kind == "label":
            labels[path.stem] = rule
        else:
            _require_code(rule)
            rules[rule.id] = rule
    return Rulebook(rules, labels, regions, str(root))


@lru_cache(maxsize=8)
def rulebook_at(root: str) -> Rulebook:
    """The rulebook of a folder, loaded once per process."""
    return load_rulebook(Path(root))


def default_rulebook() -> Rulebook:
    """The rules shipped with the package, loaded once per process."""
    return rulebook_at(str(RULES_DIR))
