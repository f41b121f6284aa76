"""Region packs (rules/regions/NAME.yml): everything regional a review uses, one pack active per review."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .kinds import fail

# Each key of a pack: (required?, the kind of value, what it holds). Sub-keys are listed in _SUB_KEYS.
_KEYS = {
    "kind": (True, str, "'region'"),
    "region": (True, str, "the pack's name, as given to --region"),
    "last_verified": (True, str, "the date its facts were last checked (YYYY-MM-DD)"),
    "summary": (True, str, "what the pack covers"),
    "source": (True, str, "where its facts come from"),
    "names": (True, dict, "how messages and pages name the region"),
    "anchors": (True, list, "words that name the region itself"),
    "places": (True, dict, "named places and institutions, by group"),
    "ambiguous_places": (False, list, "place names that count only when the statement names the region elsewhere"),
    "closed": (False, list, "hospitals or programs that have closed"),
    "health": (False, dict, "regional health burdens"),
    "params": (False, dict, "words that make a sentence naming only the region a tie"),
    "cv": (False, dict, "what the CV cross-check treats as places in the region"),
    "examples": (True, dict, "sentences that are ties and sentences that are not"),
}
_SUB_KEYS = {
    "names": {"region": True, "anywhere": True, "either": True, "both": True, "tie": True},
    "health": {"inherent": False, "needs_region": False, "region_words": False},
    "params": {"tie_words": False, "place_words": False, "foreign_context": False},
    "cv": {"institutions": False, "places": False},
    "examples": {"tie": True, "not_tie": True},
}


@dataclass(frozen=True)
class RegionPack:
    """One region: its places, health burdens, closed hospitals and the words that name it."""

    name: str
    path: Path
    names: dict            # region ("Atlanta/Georgia"), anywhere, either, both, tie: in messages and pages
    last_verified: str
    anchors: tuple
    places: dict           # group -> tuple of names
    ambiguous_places: tuple = ()
    closed: tuple = ()     # ({"name", "closed", "note"}, ...)
    health: dict = field(default_factory=dict)
    params: dict = field(default_factory=dict)
    cv: dict = field(default_factory=dict)
    examples: dict = field(default_factory=dict)
    summary: str = ""
    source: str = ""

    def all_places(self) -> list[str]:
        """Every named place of the pack, group by group."""
        return [name for names in self.places.values() for name in names]

    def closed_date(self, name: str) -> str:
        """When the closed place called ``name`` (any case) closed, or ''."""
        lowered = name.lower()
        return next((str(item["closed"]) for item in self.closed if item["name"].lower() == lowered), "")

    def place_words(self) -> frozenset:
        """The one-word names of the region and its towns ("atlanta", "ga", "decatur"), lower-cased: words that
        do not tell one organization from another (the CV cross-check compares names without them)."""
        return self._place_words

    @cached_property
    def _place_words(self) -> frozenset:  # (worked out once per pack; every review with a CV asks for them)
        names = list(self.anchors) + list(self.cv.get("places", ()))
        return frozenset(name.lower() for name in names if len(name.split()) == 1)

    def message_values(self) -> dict:
        """The pack's names as the {region...} placeholders of rule messages."""
        return {f"region_{key}" if key != "region" else "region": value for key, value in self.names.items()}


def _strings(path: Path, key: str, value) -> tuple:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        fail(path, f"'{key}' must be a list of names (text)")
    return tuple(value)


def load_pack(path: Path, data: dict) -> RegionPack:
    """Check a region pack key by key (file and key named in every message) and build it."""
    for key in data:
        if key not in _KEYS:
            fail(path, f"'{key}' is not a key of a region pack; allowed: {', '.join(sorted(_KEYS))}")
    for key, (required, kind, what) in _KEYS.items():
        if key not in data or data[key] in (None, ""):
            if required:
                fail(path, f"'{key}' is missing; a region pack needs it ({what})")
            continue
        if not isinstance(data[key], kind):
            fail(path, f"'{key}' must be {'a mapping' if kind is dict else 'a list' if kind is list else 'text'} ({what})")
    for key, allowed in _SUB_KEYS.items():
        block = data.get(key) or {}
        for sub in block:
            if sub not in allowed:
                fail(path, f"'{key}.{sub}' is not a key of '{key}'; allowed: {', '.join(sorted(allowed))}")
        for sub, required in allowed.items():
            if required and not block.get(sub):
                fail(path, f"'{key}.{sub}' is missing")
    names = data["names"]
    for sub, value in names.items():
        if not isinstance(value, str):
            fail(path, f"'names.{sub}' must be text")
    places = {group: _strings(path, f"places.{group}", names_) for group, names_ in data["places"].items()}
    closed = data.get("closed") or []
    for i, item in enumerate(closed):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or "closed" not in item:
            fail(path, f"'closed[{i}]' needs 'name' and 'closed' (the month or year it closed)")
    health = {sub: _strings(path, f"health.{sub}", v) for sub, v in (data.get("health") or {}).items()}
    params = {sub: _strings(path, f"params.{sub}", v) for sub, v in (data.get("params") or {}).items()}
    cv = {sub: _strings(path, f"cv.{sub}", v) for sub, v in (data.get("cv") or {}).items()}
    examples = {sub: _strings(path, f"examples.{sub}", v) for sub, v in data["examples"].items()}
    return RegionPack(
        name=data["region"], path=path, names=dict(names), last_verified=str(data["last_verified"]),
        anchors=_strings(path, "anchors", data["anchors"]), places=places,
        ambiguous_places=_strings(path, "ambiguous_places", data["ambiguous_places"]) if data.get("ambiguous_places") else (),
        closed=tuple(dict(item) for item in closed), health=health, params=params, cv=cv, examples=examples,
        summary=data["summary"], source=data["source"])
