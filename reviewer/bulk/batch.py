"""run_bulk(): pair the files, review every applicant (in parallel), write the reports and the cohort files."""
from __future__ import annotations

import json
from dataclasses import dataclass, field, replace

from ..errors import InputError, ReviewerError
from ..months import is_month
from .cohort_html import applicant_details, index_html
from .pairing import Pairing, Rounds, pair, pair_rounds
from .pool import run_jobs
from .progress import Progress
from .sources import InputFile
from .summary_csv import summary_csv
from .worker import Job, Outcome



@dataclass(frozen=True)
class BulkOptions:
    """Settings shared by every applicant of the batch."""

    as_of: str | None = None
    disabled: tuple = ()
    region: str | None = None
    jobs: int = 1
    max_characters: int | None = None  # the statements' characters a batch may hold (the web page's bound)


@dataclass
class BulkResult:
    """Every applicant's outcome in path order, their CVs, and the CVs no statement took."""

    outcomes: list[Outcome]
    cv_paths: dict
    unpaired_cvs: list
    as_of: str
    rules: list = field(default_factory=list)
    rounds: Rounds | None = None  # with an earlier round: who was paired with an earlier review, who is missing
    details: dict = field(default_factory=dict)  # applicant index -> findings, sentences and notices (the rows)

    @property
    def failed(self) -> int:
        return sum(1 for o in self.outcomes if o.error)

    @property
    def exit_code(self) -> int:
        """2 if any file could not be (fully) reviewed, else 1 if any warning or error finding, else 0."""
        if self.failed or not self.outcomes:
            return 2
        return 1 if any(o.serious for o in self.outcomes) else 0


def check_options(options: BulkOptions, rulebook) -> str:
    """The batch's as-of month, after refusing a bad month or rule id once instead of on every row."""
    from ..review import this_month
    as_of = options.as_of or this_month()
    if not is_month(as_of):
        raise InputError(f"as-of {as_of!r} is not a month (YYYY-MM)")
    rulebook.region(options.region)  # an unknown region is the user's error, before any file is read
    unknown = [r for r in options.disabled if r not in rulebook.rules]
    if unknown:
        raise InputError(f"unknown rule id {', '.join(unknown)}; see `reviewer rules` for the ids")
    return as_of


def make_jobs(pairing: Pairing, as_of: str, disabled: tuple, region: str | None = None,
              rounds: Rounds | None = None) -> list[Job]:
    jobs = []
    for index, applicant in enumerate(pairing.applicants):
        statement, cv = applicant.statement, applicant.cv
        earlier = rounds.earlier.get(index) if rounds is not None else None
        jobs.append(Job(index, statement.path, applicant.stem, statement.data, statement.problem,
                        cv=(cv.data, cv.name) if cv is not None and cv.data is not None else None,
                        cv_problem=cv.problem if cv is not None else None,
                        as_of=as_of, disabled=disabled, region=region,
                        earlier=(earlier.data, earlier.name) if earlier is not None and earlier.data is not None else None,
                        earlier_problem=earlier.problem if earlier is not None else None))
    return jobs


def within_budget(jobs: list[Job], max_characters: int | None) -> list[Job]:
    """The jobs, those past the batch's character budget (in path order) turned into rows that say so: one
    large batch cannot then hold a server for minutes. The command line has no budget (None)."""
    if max_characters is None:
        return jobs
    from ..inputs import from_bytes
    total, out = 0, []
    for job in jobs:
        if job.problem is None and job.data is not None:
            if total <= max_characters:  # (past the budget nothing more is read)
                try:
                    document = from_bytes(job.data, job.path.rsplit("/", 1)[-1])
                    total += len(document.text)
                    job = replace(job, document=document)  # read once: the worker reviews this Document
                except ReviewerError:
                    pass  # unreadable: the worker says why
            if total > max_characters:
                job = replace(job, document=None,
                              problem=f"not reviewed: the batch holds more than {max_characters:,} characters "
                                      "of statements by here; review the rest in another batch, or with "
                                      "`reviewer bulk` on your own computer")
        out.append(job)
    return out


def run_bulk(files: list[InputFile], sink, options: BulkOptions = BulkOptions(),
             cv_dir_files: list[InputFile] = (), progress: Progress | None = None,
             earlier: list[InputFile] | None = None) -> BulkResult:
    """Review the batch and write NAME.review.json/.html, NAME.commented.docx, summary.csv, index.html; with
    ``earlier`` (an earlier round's NAME.review.json files), each applicant's NAME.compare.html too."""
    from ..rulebook import default_rulebook
    rulebook = default_rulebook()
    as_of = check_options(options, rulebook)
    pairing = pair(files, cv_dir_files)
    if not pairing.applicants:  # (only CVs, or nothing at all): the same answer at every door
        raise InputError("no statements (.docx, .txt, .md or a .zip of them) among the files; "
                         "a CV is paired with a statement of the same name")
    rounds = pair_rounds([a.stem for a in pairing.applicants], earlier) if earlier is not None else None
    jobs = within_budget(make_jobs(pairing, as_of, tuple(options.disabled), options.region, rounds),
                         options.max_characters)
    progress = progress or Progress(len(jobs), enabled=False)
    outcomes, details = [], {}
    for outcome in run_jobs(jobs, options.jobs):
        for suffix, data in outcome.files.items():
            sink.write(f"{outcome.stem}.{suffix}", data)
        if outcome.files.get("review.json"):  # what the cohort row opens to, read before the bytes are freed
            details[outcome.index] = applicant_details(json.loads(outcome.files["review.json"]))
        outcome.files = dict.fromkeys(outcome.files)  # written: keep the names, free the bytes
        outcomes.append(outcome)
        progress.advance(failed=bool(outcome.error))
    progress.close()
    outcomes.sort(key=lambda o: o.index)
    cv_paths = {i: a.cv.path for i, a in enumerate(pairing.applicants) if a.cv is not None}
    rules = rulebook.findable()
    rule_ids = [r.id for r in rules]
    sink.write("summary.csv", summary_csv(outcomes, cv_paths, rule_ids, rounds))
    sink.write("index.html", index_html(outcomes, cv_paths, rules, pairing.unpaired_cvs, as_of=as_of,
                                            details=details, rounds=rounds).encode("utf-8"))
    return BulkResult(outcomes, cv_paths, pairing.unpaired_cvs, as_of, rules, rounds, details)
