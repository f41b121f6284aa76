"""Run jobs in worker processes (each builds the pipeline once), or in this process for one job at a time."""
from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Iterator

from .worker import Job, Outcome, init_worker, run_job


def default_jobs() -> int:
    """Worker processes to use by default: the CPUs this process may run on, at most 8."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, 8))


def start_method() -> str:
    """fork (fast start, shared imports) from a single-threaded process such as the CLI; spawn otherwise,
    because a forked copy of a threaded process (a web server) can deadlock on a lock another thread held."""
    methods = multiprocessing.get_all_start_methods()
    return "fork" if "fork" in methods and threading.active_count() == 1 else "spawn"


def run_jobs(jobs: list[Job], workers: int) -> Iterator[Outcome]:
    """Outcomes as they finish (not in job order); the caller sorts them by ``index``."""
    if workers <= 1 or len(jobs) <= 1:
        init_worker()
        for job in jobs:
            yield run_job(job)
        return
    context = multiprocessing.get_context(start_method())
    workers = min(workers, len(jobs))
    chunk = max(1, min(16, len(jobs) // (workers * 8)))
    with context.Pool(workers, initializer=init_worker) as pool:
        yield from pool.imap_unordered(run_job, jobs, chunksize=chunk)


