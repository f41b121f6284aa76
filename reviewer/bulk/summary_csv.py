"""summary.csv: one row per applicant, a 0/1 column per rule, with spreadsheet formulas neutralised."""
from __future__ import annotations

import csv
import io

from .worker import Outcome

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell) -> str:
    """Text a spreadsheet shows as it is: a cell that could start a formula gets a leading apostrophe."""
    text = "" if cell is None else str(cell)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def header(rule_ids: list[str]) -> list[str]:
    return ["file", "cv", "words", "passage_sentences", "share", *rule_ids,
            "errors", "warnings", "suggestions", "error"]


def row(outcome: Outcome, cv_path: str, rule_ids: list[str]) -> list[str]:
    if outcome.reviewed:
        numbers = [outcome.words, outcome.passage_sentences, f"{outcome.share:.3f}"]
        marks = [1 if rule in outcome.fired else 0 for rule in rule_ids]
        counts = [outcome.counts.get(level, 0) for level in ("error", "warning", "suggestion")]
    else:
        numbers, marks, counts = ["", "", ""], [""] * len(rule_ids), ["", "", ""]
    cells = [outcome.path, cv_path, *numbers, *marks, *counts, outcome.error]
    return [neutralise(c) for c in cells]


def summary_csv(outcomes: list[Outcome], cv_paths: dict[int, str], rule_ids: list[str]) -> bytes:
    """The CSV as UTF-8 with a byte-order mark, which Excel needs to show accented names correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header(rule_ids))
    for outcome in outcomes:
        writer.writerow(row(outcome, cv_paths.get(outcome.index, ""), rule_ids))
    return buffer.getvalue().encode("utf-8-sig")
