"""Which Python function finds each code-backed rule: ``@check("score.blame")`` registers one."""
from __future__ import annotations

CHECKS: dict = {}  # rule id -> function(ctx, rule) -> list of findings


def check(rule_id: str):
    """Register the decorated function as the check of ``rule_id`` (a rule file of kind check or cv)."""
    def register(fn):
        if rule_id in CHECKS:
            raise ValueError(f"two checks are registered for {rule_id}")
        CHECKS[rule_id] = fn
        return fn
    return register
