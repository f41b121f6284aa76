"""Whether a saved review was made with today's rules, and what a comparison says when it was not.

A review JSON does not record its rules, so the signs are in its findings: a rule id today's rules do not
have (the rule was retired or renamed), or a finding at a level other than its rule's level today (a
finding lowered to a suggestion as worth a second look keeps its rule's level in ``rule_level``).
"""
from __future__ import annotations


def article(level: str) -> str:
    """"a warning", "an error"."""
    return f"{'an' if level[:1] in 'aeiou' else 'a'} {level}"


def _rule_level(finding) -> str:
    return finding.rule_level if finding.unsure and finding.rule_level else finding.level


def rule_differences(draft, rulebook) -> list[str]:
    """Plain sentences on how the rules behind a saved review differ from today's (empty when nothing shows)."""
    if not draft.saved:
        return []
    retired = sorted({f.rule for f in draft.findings if f.rule not in rulebook.rules})
    releveled = sorted({(f.rule, _rule_level(f), rulebook.rules[f.rule].level) for f in draft.findings
                        if f.rule in rulebook.rules and _rule_level(f) != rulebook.rules[f.rule].level})
    out = []
    if retired:
        out.append(f"The review saved in {draft.name} was made with other rules: "
                   f"{', '.join(retired)} {'is' if len(retired) == 1 else 'are'} not among today's rules "
                   "(retired or renamed), so those findings are listed as retired and not compared.")
    for rule, then, now in releveled:
        out.append(f"The review saved in {draft.name} was made with other rules: {rule} was {article(then)} then "
                   f"and is {article(now)} now.")
    return out


def saved_notice(draft) -> str:
    """What a comparison says about a side read from a saved review JSON."""
    return (f"The findings of {draft.name} are those saved in its review JSON, as they were when it was made; "
            "they were not reviewed again.")
