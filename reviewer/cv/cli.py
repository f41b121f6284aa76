"""The `reviewer cv FILE --as-of YYYY-MM` command: check a CV alone and print its timeline."""
from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path

from ..errors import ReviewerError
from ..checks import cv_findings
from ..rulebook import default_rulebook
from .load import load_cv
from ..render.cv_text import render_cv_text
from ..render.terminal import for_terminal
from .report import check_cv


def add_parser(subparsers):
    """Add the `cv` subcommand to the reviewer's argument parser."""
    parser = subparsers.add_parser("cv", help="check a CV alone: timeline, gaps, overlaps, reversed dates")
    parser.add_argument("file", help="the CV: .json, .yaml, .yml, .csv, .docx or .txt")
    parser.add_argument("--as-of", dest="as_of", default=datetime.date.today().strftime("%Y-%m"),
                        help="the month to check up to, YYYY-MM (default: this month)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(func=run)
    return parser


def run(args) -> int:
    """Exit 0 with no warning or error, 1 with findings, 2 when the CV cannot be read."""
    try:
        cv = load_cv(Path(args.file))
        book = default_rulebook()
        report = check_cv(cv, args.as_of, book)
        findings = cv_findings(cv, report, book)
    except ReviewerError as exc:
        print(for_terminal(f"reviewer cv: {exc}"), file=sys.stderr)
        return 2
    if args.format == "json":
        out = {"cv": report.to_dict(), "findings": [f.to_dict() for f in findings]}
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        print(for_terminal(render_cv_text(cv, report)))
        for finding in findings:
            print(for_terminal(f"{finding.level}: {finding.message} [{finding.rule}]"))
        for notice in cv.notices if hasattr(cv, "notices") else ():
            print(for_terminal(f"notice: {notice.line()}"))
    return 1 if any(f.serious for f in findings) else 0
