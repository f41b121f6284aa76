"""summary.csv: one row per applicant, a 0/1 column per rule, with spreadsheet formulas neutralised; a trailing
"notices" column (what of a CV or file could not be read) when any applicant has one; with an earlier round
(--since), how each applicant changed since then."""
from __future__ import annotations

import csv
import io

from .worker import Outcome

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell) -> str:
    """Text a spreadsheet shows as it is: a cell that could start a formula gets a leading apostrophe."""
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return str(cell)  # a number we computed ("-86") is never a formula
    text = "" if cell is None else str(cell)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


SINCE_COLUMNS = ["since", "findings_resolved", "findings_new", "findings_still_open", "words_change", "compare_report"]


def header(rule_ids: list[str], notices: bool = False, since: bool = False) -> list[str]:
    return ["file", "cv", "words", "passage_sentences", "share", *rule_ids,
            "errors", "warnings", "suggestions", "error", *(SINCE_COLUMNS if since else []),
            *(["notices"] if notices else [])]


def since_cells(outcome: Outcome) -> list:
    """The --since columns of a row: how the applicant stands against the earlier round."""
    found = outcome.since
    if found is None:
        return ["not reviewed" if not outcome.reviewed else "new this round", "", "", "", "", ""]
    if "error" in found:
        return [f"not compared: {found['error']}", "", "", "", "", ""]
    change = found["words_change"]
    return ["compared", found["resolved"], found["new"], found["open"], "" if change is None else change,
            f"{outcome.stem}.compare.html" if "compare.html" in outcome.files else ""]


def notices_of(outcome: Outcome) -> list[str]:
    """The outcome's notices as lines (Outcome.notices, where the worker records them)."""
    return [n if isinstance(n, str) else n.line() for n in getattr(outcome, "notices", ()) or ()]


def row(outcome: Outcome, cv_path: str, rule_ids: list[str], notices: bool = False, since: bool = False) -> list[str]:
    if outcome.reviewed:
        numbers = [outcome.words, outcome.passage_sentences, f"{outcome.share:.3f}"]
        marks = [1 if rule in outcome.fired else 0 for rule in rule_ids]
        counts = [outcome.counts.get(level, 0) for level in ("error", "warning", "suggestion")]
    else:
        numbers, marks, counts = ["", "", ""], [""] * len(rule_ids), ["", "", ""]
    cells = [outcome.path, cv_path, *numbers, *marks, *counts, outcome.error, *(since_cells(outcome) if since else [])]
    if notices:
        cells.append("; ".join(notices_of(outcome)))
    return [neutralise(c) for c in cells]


def summary_csv(outcomes: list[Outcome], cv_paths: dict[int, str], rule_ids: list[str], rounds=None) -> bytes:
    """The CSV as UTF-8 with a byte-order mark, which Excel needs to show accented names correctly; with
    ``rounds`` (an earlier round was given) the --since columns, and a row for each applicant missing now."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    notices = any(notices_of(o) for o in outcomes)
    since = rounds is not None
    columns = header(rule_ids, notices, since)
    writer.writerow(columns)
    for outcome in outcomes:
        writer.writerow(row(outcome, cv_paths.get(outcome.index, ""), rule_ids, notices, since))
    for _name, path in rounds.missing if since else ():
        cells = [""] * len(columns)
        cells[0], cells[columns.index("since")] = path, "missing this round"
        writer.writerow([neutralise(c) for c in cells])
    return buffer.getvalue().encode("utf-8-sig")
