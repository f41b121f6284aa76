"""The `reviewer` command: review, eval, rules, cv, bulk, compare."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import InputError, ReviewerError
from .render.terminal import for_terminal, write_output
from .sentences import LABELS as LABELS_ORDER



def _add_review(sub):
    p = sub.add_parser("review", help="review one statement (.docx, .txt, .md, or - for standard input)")
    p.add_argument("statement", help="the statement file, or - to read standard input")
    p.add_argument("--cv", help="the CV or applicant file (.json, .yaml, .csv, .docx, .txt)")
    p.add_argument("--exam", action="append", default=[], metavar="NAME=RESULT",
                   help='an exam result, e.g. "USMLE Step 1=fail,pass" or "USMLE Step 2 CK=221" (repeatable)')
    p.add_argument("--as-of", help="the application month, YYYY-MM (default: this month)")
    p.add_argument("--format", choices=("text", "json", "html", "docx"), default="text", help="output format (default: text)")
    p.add_argument("-o", "--output", help="write the output to this file instead of standard output")
    p.add_argument("--disable", action="append", default=[], metavar="RULE",
                   help="turn a rule off by id, e.g. region.generic (repeatable)")
    p.add_argument("--region", help="the region pack to review against (default: georgia; see `reviewer rules`)")


def run_review(args) -> int:
    from .inputs.profile import parse_exam_flag
    from .review import review

    exams = [exam for flag in args.exam for exam in parse_exam_flag(flag)]
    cv = Path(args.cv) if args.cv else None
    source = args.statement if args.statement == "-" else Path(args.statement)
    from .inputs import read_path
    result = review(read_path(source), cv=cv, as_of=args.as_of, exams=exams, disabled=args.disable,
                    region=args.region)
    if args.format == "docx" and not args.output:
        raise ReviewerError("--format docx writes a Word file: give -o OUT.docx")
    from .render import render
    output = render(result, args.format)
    write_output(output, args.output, args.format)
    return result.exit_code




def _add_rules(sub):
    sub.add_parser("rules", help="list every rule: id, level, what it checks, guide section")


def run_rules(args) -> int:
    from .rulebook import default_rulebook
    book = default_rulebook()
    for rule in book.findable():
        print(f"{rule.id:28} {rule.level:10} {rule.summary.strip()}")
        print(f"{'':28} {'':10} source: {rule.source}")
    print()
    print("Sentence labels:")
    for name, rule in sorted(book.labels.items()):
        print(f"  {name:26} {' '.join(rule.summary.split())}")
    for name, pack in sorted(book.regions.items()):
        print(f"\nRegion pack: {name}, {pack.names['region']} (last verified {pack.last_verified})")
    return 0


def _add_eval(sub):
    p = sub.add_parser("eval", help="measure accuracy on labelled statements (training ones by cross-validation)")
    p.add_argument("corpus", nargs="*", help="folders of NAME.json corpus files (e.g. samples/corpus)")
    p.add_argument("--claims", nargs="+", metavar="TABLE",
                   help="also score the CV cross-check on labelled claims tables (e.g. samples/claims/claims.jsonl)")
    p.add_argument("-v", "--verbose", action="store_true", help="list each miss with its sentence")
    p.add_argument("--format", choices=("text", "json"), default="text")


def run_eval(args) -> int:
    from .learn.claims import evaluate_claims, render_claims
    from .learn.evaluate import evaluate, render_report
    if not args.corpus and not args.claims:
        raise InputError("give corpus folders (e.g. samples/fresh), --claims TABLE, or both")
    report = evaluate([Path(folder) for folder in args.corpus]) if args.corpus else None
    claims = evaluate_claims([Path(table) for table in args.claims]) if args.claims else None
    if args.format == "json":
        out = report.to_dict() if report else {}
        if claims:
            out["claims"] = claims.to_dict()
        print(json.dumps(out, indent=2))
        return 0
    if report:
        sys.stdout.write(render_report(report, verbose=args.verbose))
    if claims:
        sys.stdout.write(("\n" if report else "") + render_claims(claims, verbose=args.verbose))
    return 0


def _add_train(sub):
    p = sub.add_parser("train", help="fit the sentence-label model on the labelled statements (needs the train extra)")
    p.add_argument("-o", "--output", help="where to write the model (default: the package's reviewer/model/labels.npz)")
    p.add_argument("--samples", help="the samples/ folder holding the training sets (default: the checkout's)")
    p.add_argument("--check", action="store_true",
                   help="train, then compare with the model in place: exit 1 unless the bytes are identical")


def run_train(args) -> int:
    from .learn.corpus import SAMPLES
    from .learn.train import train
    from .nlp.labels.model import MODEL_FILE

    model = train(Path(args.samples) if args.samples else SAMPLES,
                  progress=lambda line: print(f"reviewer train: {line}", file=sys.stderr))
    data = model.to_bytes()
    target = Path(args.output) if args.output else MODEL_FILE
    if args.check:
        same = target.exists() and target.read_bytes() == data
        print(f"{target}: {'identical to' if same else 'differs from'} the model trained now ({len(data):,} bytes)")
        return 0 if same else 1
    try:
        target.write_bytes(data)
    except OSError as exc:
        raise ReviewerError(f"{target}: cannot be written ({exc.strerror or exc})") from None
    print(f"wrote {target} ({len(data):,} bytes): thresholds "
          + ", ".join(f"{label} {t:.2f}" for label, t in zip(LABELS_ORDER, model.thresholds)))
    return 0


def _optional(module: str):
    try:
        return __import__(f"reviewer.{module}.cli", fromlist=["add_parser", "run"])
    except ImportError:
        return None


def build_parser():
    parser = argparse.ArgumentParser(prog="reviewer", description=(
        "Review a residency personal statement and CV against the IMG guide for Atlanta/Georgia."))
    sub = parser.add_subparsers(dest="command", required=True)
    _add_review(sub)
    _add_eval(sub)
    _add_rules(sub)
    _add_train(sub)
    runners = {"review": run_review, "eval": run_eval, "rules": run_rules, "train": run_train}
    for name in ("cv", "bulk", "compare"):
        module = _optional(name)
        if module is not None:
            module.add_parser(sub)
            runners[name] = module.run
    return parser, runners


def main(argv=None) -> int:
    parser, runners = build_parser()
    args = parser.parse_args(argv)
    try:
        return runners[args.command](args)
    except ReviewerError as exc:
        print(for_terminal(f"reviewer: {exc}"), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("reviewer: interrupted", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
