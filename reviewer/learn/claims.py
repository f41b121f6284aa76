"""`reviewer eval --claims`: score the CV cross-check (cv.ps_conflict) on a labelled table of claims.

Each row of the table (JSON lines) is one statement sentence, the part of a CV it is checked against, and the
verdict a person gave it: "silent" (the two agree, or the sentence claims nothing checkable), "warning" (a
hedged or uncertain claim the record does not fit) or "error" (a plain claim the record contradicts). Each
sentence is reviewed as a one-sentence statement with its CV, as of the month the table's rules assume, and
the level of its cv.ps_conflict finding, if any, is the tool's verdict.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError

VERDICTS = ("silent", "warning", "error")
AS_OF = "2026-09"  # the month the tables' rules end ongoing entries in


@dataclass
class ClaimsReport:
    """The confusion table of expected against given verdicts, and the rows that differ."""

    rows: int = 0
    table: dict = field(default_factory=lambda: {(e, g): 0 for e in VERDICTS for g in VERDICTS})
    misses: list = field(default_factory=list)  # (id, kind, expected, given, sentence, message)
    by_kind: dict = field(default_factory=dict)  # kind -> [right, rows]

    def precision(self, level: str) -> float:
        given = sum(self.table[(e, level)] for e in VERDICTS)
        return self.table[(level, level)] / given if given else 1.0

    def recall(self, level: str) -> float:
        expected = sum(self.table[(level, g)] for g in VERDICTS)
        return self.table[(level, level)] / expected if expected else 1.0

    def flagged_precision(self) -> float:
        """Of the rows given a warning or an error, the share whose expected verdict is not silent."""
        flagged = [(e, g) for (e, g) in self.table if g != "silent"]
        given = sum(self.table[k] for k in flagged)
        return sum(self.table[k] for k in flagged if k[0] != "silent") / given if given else 1.0

    def to_dict(self) -> dict:
        return {"rows": self.rows,
                "table": {f"{e}->{g}": n for (e, g), n in self.table.items()},
                "error": {"precision": round(self.precision("error"), 3), "recall": round(self.recall("error"), 3)},
                "warning": {"precision": round(self.precision("warning"), 3), "recall": round(self.recall("warning"), 3)},
                "flagged_precision": round(self.flagged_precision(), 3),
                "by_kind": {k: {"right": r, "rows": n} for k, (r, n) in sorted(self.by_kind.items())},
                "misses": [dict(zip(("id", "kind", "expected", "given", "sentence", "message"), m)) for m in self.misses]}


def load_claims(path: Path) -> list[dict]:
    """The rows of a claims table, each checked for the fields the evaluation reads."""
    rows = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}, line {number}: not JSON ({exc.msg})") from exc
        if not isinstance(row, dict) or not isinstance(row.get("sentence"), str) or row.get("verdict") not in VERDICTS \
                or not isinstance(row.get("cv"), dict):
            raise InputError(f"{path}, line {number}: a row needs 'sentence', 'cv' (an object) and 'verdict' "
                             f"({', '.join(VERDICTS)})")
        rows.append(row)
    return rows


def verdict(row: dict) -> tuple[str, str]:
    """The tool's verdict on one row and the message behind it ("" when silent)."""
    from ..review import review
    result = review(row["sentence"], row["cv"], as_of=AS_OF)
    found = [f for f in result.findings if f.rule == "cv.ps_conflict"]
    if not found:
        return "silent", ""
    worst = max(found, key=lambda f: VERDICTS.index(f.level) if f.level in VERDICTS else 0)
    return ("error" if worst.level == "error" else "warning"), worst.message


def evaluate_claims(paths: list[Path]) -> ClaimsReport:
    report = ClaimsReport()
    for path in paths:
        for row in load_claims(path):
            given, message = verdict(row)
            expected = row["verdict"]
            report.rows += 1
            report.table[(expected, given)] += 1
            kind = row.get("kind", "?")
            right, total = report.by_kind.get(kind, (0, 0))
            report.by_kind[kind] = (right + (given == expected), total + 1)
            if given != expected:
                report.misses.append((row.get("id", "?"), kind, expected, given, row["sentence"], message))
    return report


def render_claims(report: ClaimsReport, verbose: bool = False) -> str:
    lines = [f"CV cross-check on {report.rows} labelled claims (cv.ps_conflict)",
             f"  error level:   precision {report.precision('error'):.3f}, recall {report.recall('error'):.3f}",
             f"  warning level: precision {report.precision('warning'):.3f}, recall {report.recall('warning'):.3f}",
             f"  any flag (warning or error) on a row that should be flagged: {report.flagged_precision():.3f}",
             "  expected -> given: " + ", ".join(f"{e}->{g} {n}" for (e, g), n in report.table.items() if n),
             "  right by kind: " + ", ".join(f"{k} {r}/{n}" for k, (r, n) in sorted(report.by_kind.items()))]
    if verbose:
        for row_id, kind, expected, given, sentence, message in report.misses:
            lines.append(f"  {row_id} [{kind}] expected {expected}, given {given}: {sentence}")
            if message:
                lines.append(f"      {message}")
    return "\n".join(lines) + "\n"
