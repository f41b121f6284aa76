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
    files: dict = field(default_factory=dict)  # output suffix -> bytes

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
        result = _review(job, out)
    except ReviewerError as exc:
        out.error = str(exc)
        return out
    except Exception as exc:  # one bad file must never stop the batch
        out.error = f"{job.path} could not be reviewed (internal error: {exc.__class__.__name__})"
        return out
    out.words = result.metrics["words"]
    out.passage_sentences = len(result.passage["sentences"])
    out.share = result.passage["share"]
    for finding in result.findings:
        out.counts[finding.level] = out.counts.get(finding.level, 0) + 1
        out.fired.setdefault(finding.rule, finding.level)
    _render(result, out)
    return out


def _review(job: Job, out: Outcome):
    from ..inputs import from_bytes
    from ..review import review

    cv = None
    if job.cv_problem:
        out.error = f"CV not used: {job.cv_problem}"
    elif job.cv is not None:
        from ..cv import load_cv_bytes
        try:
            cv = load_cv_bytes(*job.cv)
        except ReviewerError as exc:
            out.error = f"CV not used: {exc}"
    document = from_bytes(job.data, job.path.rsplit("/", 1)[-1])
    return review(document, cv=cv, as_of=job.as_of, disabled=job.disabled, region=job.region)


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
