"""`reviewer bulk`: review a folder, files or a .zip of statements and write the cohort reports."""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import InputError
from ..render.terminal import for_terminal


def add_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "bulk", help="review a whole cohort: a folder (recursively), files, or a .zip",
        description="Review many statements at once. NAME.docx (or .txt/.md) pairs with NAME.cv.json, .cv.yaml, "
                    ".cv.csv, .cv.docx or .cv.txt in the same folder or in --cv-dir. Writes summary.csv, index.html "
                    "and, per applicant, NAME.review.json, NAME.review.html and NAME.commented.docx.")
    p.add_argument("inputs", nargs="+", help="folders, statement files or .zip archives")
    p.add_argument("--out", required=True, help="the folder to write the reports into (created if missing)")
    p.add_argument("--cv-dir", help="a folder of NAME.cv.* files to pair by name")
    p.add_argument("--as-of", help="the application month, YYYY-MM (default: this month)")
    p.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="worker processes (default: the number of CPUs, at most 8)")
    p.add_argument("--disable", action="append", default=[], metavar="RULE",
                   help="turn a rule off by id, e.g. region.generic (repeatable)")
    p.add_argument("--region", help="the region pack to review against (default: georgia)")
    p.add_argument("--since", metavar="EARLIER",
                   help="an earlier round's --out folder (or the .zip the /bulk page returned): each applicant is "
                        "compared with their NAME.review.json there (NAME.compare.html), new and missing ones listed")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no notes on standard error")


def run(args) -> int:
    from .batch import BulkOptions, run_bulk
    from .pool import default_jobs
    from .progress import Progress
    from .sinks import FolderSink
    from .sources import collect

    out = Path(args.out)
    if args.jobs is not None and args.jobs < 1:
        raise InputError("--jobs must be 1 or more")
    if not any(Path(p).exists() for p in args.inputs):
        raise InputError(f"{', '.join(args.inputs)}: no such file or folder")
    files = collect([Path(p) for p in args.inputs], exclude=out)
    if args.cv_dir and not Path(args.cv_dir).is_dir():
        raise InputError(f"--cv-dir {args.cv_dir}: no such folder")
    cv_files = collect([Path(args.cv_dir)]) if args.cv_dir else []
    if not files or not _applicants(files):
        raise InputError(f"no statements (.docx, .txt, .md or a .zip of them) found in {', '.join(args.inputs)}")
    earlier = None
    if args.since:
        from .sources import earlier_round
        earlier = earlier_round(Path(args.since))
    options = BulkOptions(as_of=args.as_of, disabled=tuple(args.disable), jobs=args.jobs or default_jobs(),
                          region=args.region)
    progress = Progress(_applicants(files), enabled=False if args.quiet else None)
    result = run_bulk(files, FolderSink(out), options, cv_files, progress, earlier)
    if not args.quiet:
        _report(result, out)
    return result.exit_code


def _applicants(files) -> int:
    from .pairing import cv_stem
    return sum(1 for f in files if cv_stem(f.name) is None)


def _report(result, out: Path) -> None:
    for path, reason in result.unpaired_cvs:
        print(for_terminal(f"reviewer: CV not used: {path}: {reason}"), file=sys.stderr)
    for outcome in result.outcomes:
        if outcome.error:
            named = outcome.path.rsplit("/", 1)[-1] in outcome.error
            print(for_terminal(f"reviewer: {'' if named else outcome.path + ': '}{outcome.error}"), file=sys.stderr)
    if result.rounds is not None:
        rounds = result.rounds
        compared = [o for o in result.outcomes if o.since and "error" not in o.since]
        new = [o.path for o in result.outcomes if o.reviewed and o.index not in rounds.earlier]
        print(for_terminal(f"reviewer: since the earlier round: {len(compared)} compared, "
                           f"{sum(1 for o in compared if o.since['worse'])} worse; new this round: "
                           f"{', '.join(new) or 'none'}; missing: {', '.join(n for n, _ in rounds.missing) or 'none'}"),
              file=sys.stderr)
        for outcome in result.outcomes:
            if outcome.since and "error" in outcome.since:
                print(for_terminal(f"reviewer: {outcome.path}: not compared: {outcome.since['error']}"), file=sys.stderr)
    flagged = sum(1 for o in result.outcomes if o.serious)
    print(for_terminal(f"reviewer: {len(result.outcomes) - result.failed} of {len(result.outcomes)} reviewed fully, "
                       f"{flagged} with warnings or errors; open {out / 'index.html'}"), file=sys.stderr)
