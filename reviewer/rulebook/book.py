"""The rulebook: every rule by id, the label lexicons and the region packs, loaded together."""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError

DEFAULT_REGION = "georgia"


@dataclass(frozen=True)
class Rulebook:
    """Every rule that finds something (by id), the sentence-label rules (by label) and the region packs."""

    rules: dict
    labels: dict
    regions: dict
    root: str = ""  # the folder it was read from (the pipeline of this rulebook is built from it)

    def findable(self) -> list:
        """The rules that produce findings, in id order."""
        return sorted(self.rules.values(), key=lambda r: r.id)

    def region(self, name: str | None = None):
        """The region pack called ``name`` (default: georgia); an unknown name is the user's error."""
        name = name or DEFAULT_REGION
        pack = self.regions.get(name)
        if pack is None:
            known = ", ".join(sorted(self.regions)) or "none"
            raise InputError(f"region {name!r} has no pack; the packs are: {known}")
        return pack

    def param(self, rule_id: str, key: str, default=None):
        """A threshold of one rule (renderers read the guide's numbers from here); ``default`` if the rule is absent."""
        rule = self.rules.get(rule_id)
        return rule.params.get(key, default) if rule else default
