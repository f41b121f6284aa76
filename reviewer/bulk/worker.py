"""Review one applicant inside a worker process and render every per-applicant file."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..errors import ReviewerError

OUTPUTS = ("review.json", "review.html", "commented.docx")


@dataclass(frozen=True)
class Job:
    """What a worker needs for one applicant; plain data so it crosses process boundaries cheaply."""

    index: int
    path: str
    stem: str
    data: bytes | None
    problem: str | None
    cv: tuple[bytes, str] | None = None
    cv_problem: str | None = None
    as_of: str | None = None
    disabled: tuple = ()
    region: str | None = None
    earlier: tuple[bytes, str] | None = None  # the earlier round's NAME.review.json (bytes, name), with --since
    earlier_problem: str | None = None  # why that file could not be read
    document: object = None  # the statement already read (reviewer.inputs.Document), when the batch read it


@dataclass
class Outcome:
    """One applicant's result: the numbers for the cohort row, the files to write, or why it failed."""

    index: int
    path: str
    stem: str
    words: int | None = None
    passage_sentences: int | None = None
    share: float | None = None
    fired: dict = field(default_factory=dict)  # rule id -> level
    counts: dict = field(default_factory=dict)  # level -> number of findings
    error: str = ""
    notices: tuple = ()  # what of the CV or the statement could not be read, one line each
    files: dict = field(default_factory=dict)  # output suffix -> bytes
    since: dict | None = None  # with --since: resolved/new/open counts and the word change, or the "error"

    @property
    def reviewed(self) -> bool:
        return self.words is not None

    @property
    def serious(self) -> bool:
        return bool(self.counts.get("error") or self.counts.get("warning"))


def init_worker() -> None:
    """Build the rules, the spaCy pipeline and the syllable tables once, when the worker starts."""
    from ..review import prepare
    prepare()


def review_json(result) -> bytes:
    """The review JSON exactly as ``reviewer review --format json`` prints it."""
    return (json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def run_job(job: Job) -> Outcome:
    """Review and render one applicant; every failure becomes a plain sentence in the outcome."""
    out = Outcome(job.index, job.path, job.stem)
    if job.problem:
        out.error = job.problem
        return out
    try:
        result = _review(job)
    except ReviewerError as exc:
        out.error = str(exc)
        return out
    except Exception as exc:  # one bad file must never stop the batch
        out.error = f"{job.path} could not be reviewed (internal error: {exc.__class__.__name__})"
        return out
    out.words = result.metrics["words"]
    out.passage_sentences = len(result.passage["sentences"])
    out.share = result.passage["share"]
    out.notices = tuple(notice.line() for notice in result.notices)
    for finding in result.findings:
        out.counts[finding.level] = out.counts.get(finding.level, 0) + 1
        out.fired.setdefault(finding.rule, finding.level)
    _render(result, out)
    if job.earlier is not None or job.earlier_problem:
        _compare(job, result, out)
    return out


def _compare(job: Job, result, out: Outcome) -> None:
    """Compare the applicant's earlier review with this one: the counts for the cohort row, NAME.compare.html."""
    from ..compare import compare, from_review
    from ..compare.load import draft_from_json_bytes
    from ..compare.render_html import render_html
    if job.earlier_problem:
        out.since = {"error": job.earlier_problem}
        return
    try:
        comparison = compare(draft_from_json_bytes(*job.earlier), from_review(result), region=job.region,
                             disabled=job.disabled)
        page = render_html(comparison).encode("utf-8")
    except ReviewerError as exc:
        out.since = {"error": str(exc)}
        return
    except Exception as exc:  # a comparison's bug costs the comparison, not the applicant's review
        out.since = {"error": f"{job.earlier[1]} could not be compared (internal error: {exc.__class__.__name__})"}
        return
    old_words, new_words = comparison.old.metrics.get("words"), comparison.new.metrics.get("words")
    out.since = {"resolved": len(comparison.resolved), "new": len(comparison.introduced),
                 "open": len(comparison.still_open), "worse": comparison.worse,
                 "words_change": new_words - old_words if isinstance(old_words, int) else None}
    out.files["compare.html"] = page


def _review(job: Job):
    from ..inputs import from_bytes
    from ..review import review

    from ..notices import unreadable_cv
    cv, notices = None, []
    if job.cv_problem:
        notices.append(unreadable_cv(job.cv_problem))
    elif job.cv is not None:
        from ..cv import load_cv_bytes
        try:
            cv = load_cv_bytes(*job.cv)
        except ReviewerError as exc:  # a CV problem never costs the statement its review
            notices.append(unreadable_cv(str(exc)))
    document = job.document or from_bytes(job.data, job.path.rsplit("/", 1)[-1])
    return review(document, cv=cv, as_of=job.as_of, disabled=job.disabled, region=job.region, notices=notices)


def _render(result, out: Outcome) -> None:
    renderers = {"review.json": review_json, "review.html": _html, "commented.docx": _docx}
    failed = []
    for suffix, render in renderers.items():
        try:
            out.files[suffix] = render(result)
        except Exception as exc:  # a renderer's bug costs one file, not the applicant's other reports
            failed.append(f"{out.stem}.{suffix} ({exc.__class__.__name__})")
    if failed:
        note = "could not write " + ", ".join(failed)
        out.error = f"{out.error}; {note}" if out.error else note


def _html(result) -> bytes:
    from ..render.html import render_html
    return render_html(result, standalone=True).encode("utf-8")


def _docx(result) -> bytes:
    from ..render.docx import render_docx
    return render_docx(result)
