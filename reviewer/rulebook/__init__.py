"""The rules in rules/: loaded, checked against their kinds, and gathered into one Rulebook."""
from .book import DEFAULT_REGION, Rulebook
from .kinds import CODE_KINDS, KINDS, LABELS
from .load import RULES_DIR, default_rulebook, load_rule, load_rulebook, rule_id, rulebook_at, shipped_rules
from .regions import RegionPack
from .rule import Rule

__all__ = ["CODE_KINDS", "DEFAULT_REGION", "KINDS", "LABELS", "RULES_DIR", "RegionPack", "Rule", "Rulebook",
           "default_rulebook", "load_rule", "load_rulebook", "rule_id", "rulebook_at", "shipped_rules"]
