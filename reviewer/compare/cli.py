"""`reviewer compare OLD NEW`: what changed between two drafts, against the guide's rules."""
from __future__ import annotations

import json
from pathlib import Path

from ..errors import ReviewerError
from ..render.terminal import write_output

FORMATS = ("text", "json", "html", "docx")


def add_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "compare", help="compare two drafts: findings resolved, new and still open, sentences aligned",
        description="Compare an earlier draft with a later one. Each side is a statement (.docx, .txt, .md), "
                    "reviewed now, or a review JSON saved earlier with `reviewer review --format json` (its "
                    "findings are used as saved; --cv, --exam, --as-of and --disable apply only to a side "
                    "reviewed now). Exit code 0 when nothing got worse, 1 when a warning or error is new or a "
                    "finding was raised to one, 2 when an input cannot be read.")
    p.add_argument("old", help="the earlier draft, or its saved review JSON")
    p.add_argument("new", help="the later draft, or its saved review JSON")
    p.add_argument("--cv", help="the CV or applicant file, used for both drafts reviewed now")
    p.add_argument("--exam", action="append", default=[], metavar="NAME=RESULT",
                   help='an exam result, e.g. "USMLE Step 1=fail,pass" (repeatable), used for both drafts')
    p.add_argument("--as-of", help="the application month, YYYY-MM (default: this month)")
    p.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    p.add_argument("-o", "--output", help="write the output to this file instead of standard output")
    p.add_argument("--disable", action="append", default=[], metavar="RULE", help="turn a rule off by id (repeatable)")
    p.add_argument("--region", help="the region pack to review against (default: georgia)")


def render(comparison, fmt: str) -> str | bytes:
    """The comparison in one of FORMATS: .docx is bytes, the others text."""
    if fmt == "json":
        return json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        from .render_html import render_html
        return render_html(comparison)
    if fmt == "docx":
        from .render_docx import render_docx
        return render_docx(comparison)
    from .render_text import render_text
    return render_text(comparison)


def run(args) -> int:
    from ..inputs.profile import parse_exam_flag
    from . import compare, draft_from_path

    if args.format == "docx" and not args.output:
        raise ReviewerError("--format docx writes a Word file: give -o OUT.docx")
    exams = [exam for flag in args.exam for exam in parse_exam_flag(flag)]
    options = {"cv": Path(args.cv) if args.cv else None, "exams": exams, "as_of": args.as_of,
               "disabled": args.disable, "region": args.region}
    old = draft_from_path(args.old, **options)
    new = draft_from_path(args.new, **options)
    comparison = compare(old, new, region=args.region, disabled=args.disable)
    output = render(comparison, args.format)
    write_output(output, args.output, args.format)
    return comparison.exit_code
