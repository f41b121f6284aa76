"""Bulk review: a whole cohort of statements (and their CVs) in one run, with a cohort table and every report."""
from .batch import BulkOptions, BulkResult, run_bulk
from .sources import InputFile, collect

__all__ = ["BulkOptions", "BulkResult", "InputFile", "collect", "run_bulk"]
