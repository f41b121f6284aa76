"""The applicant's CV: read it into entries, work out its timeline, and compare it with the statement."""
from .dates import parse_month, parse_period, parse_range
from .load import load_cv, load_cv_bytes
from .model import CV, Applicant, Experience
from .report import CVReport, check_cv

__all__ = ["CV", "Applicant", "CVReport", "Experience", "check_cv", "load_cv", "load_cv_bytes",
           "parse_month", "parse_period", "parse_range"]
