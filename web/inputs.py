"""Read the review form (or its posted-back copy) into the arguments of reviewer.review, in memory only."""
from __future__ import annotations

import base64
import binascii
import dataclasses
from dataclasses import dataclass, field

from reviewer import review
from reviewer.errors import InputError
from reviewer.inputs.profile import Exam, is_score
from reviewer.months import is_month
from reviewer.inputs import display_name, from_bytes, from_text


STATEMENT_LIMIT = 5 * 1024 * 1024  # bytes of one statement file (REVIEWER_MAX_STATEMENT_BYTES)
STEP1_CHOICES = {"": "I'd rather not say / not taken", "pass": "Passed on the first attempt",
                 "fail_pass": "Passed after a failed attempt", "fail": "Failed, not passed yet"}
TEXT_FIELDS = ("text", "as_of", "step1", "step1_attempts", "step2_score", "step2_attempts", "graduation", "region")


@dataclass
class Submission:
    """What the user sent: pasted text or an uploaded file, an optional CV, exam facts and options."""

    text: str = ""
    statement: tuple[bytes, str] | None = None
    cv: tuple[bytes, str] | None = None
    as_of: str = ""
    step1: str = ""
    step1_attempts: str = ""
    step2_score: str = ""
    step2_attempts: str = ""
    graduation: str = ""
    region: str = ""
    disabled: list = field(default_factory=list)

    def hidden_fields(self) -> list[tuple[str, str]]:
        """(name, value) pairs that post this submission again, for the download buttons."""
        out = [(name, getattr(self, name)) for name in TEXT_FIELDS if getattr(self, name)]
        for prefix, upload in (("statement", self.statement), ("cv", self.cv)):
            if upload:
                out += [(f"{prefix}_b64", base64.b64encode(upload[0]).decode("ascii")), (f"{prefix}_name", upload[1])]
        return out + [("disable", rule) for rule in self.disabled]


def read_upload(files, form, prefix: str, limit: int | None = None, what: str | None = None,
                again: str = "review it again") -> tuple[bytes, str] | None:
    """An uploaded file, or its base64 copy posted back from the result page; ``limit`` bounds a statement (a CV
    has the request's limit only: a CV problem never blocks the review), ``what`` names the field in messages."""
    if len([f for f in files.getlist(prefix) if f.filename]) > 1:
        kind = f"file for {what}" if what else f"{'statement' if prefix == 'statement' else 'CV'} file"
        raise InputError(f"Choose one {kind}; for many statements use the bulk review.")
    storage = files.get(prefix)
    if storage is not None and storage.filename:
        data, name = storage.read(), display_name(storage.filename)
    elif form.get(f"{prefix}_b64"):
        try:
            data = base64.b64decode(form[f"{prefix}_b64"], validate=True)
        except (binascii.Error, ValueError):
            raise InputError(f"The file sent back with the download request was damaged; {again}.") from None
        name = display_name(form.get(f"{prefix}_name") or prefix)
    else:
        return None
    shown = f"{name} ({what})" if what else name
    if limit is not None and len(data) > limit:
        raise InputError(f"{shown} is larger than {limit // (1024 * 1024)} MB; a statement is far smaller. "
                         "Save it without images, or paste the text.", status=413)
    if not data:
        raise InputError(f"{shown} is empty: choose the file again.")
    return data, name


def line_endings(text: str) -> str:
    """Pasted text with the browser's CRLF line endings made LF, so every count agrees with the form's."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_fields(form) -> Submission:
    """The form's typed fields, which never fail to read: kept and shown again if the review cannot run."""
    sub = Submission(**{name: (form.get(name) or "").strip() if name != "text" else line_endings(form.get("text") or "")
                        for name in TEXT_FIELDS})
    sub.disabled = [rule for rule in form.getlist("disable") if rule]
    return sub


def chosen_files(files) -> list[tuple[str, str]]:
    """(field, file name) of each file the user chose, to name them when they must be chosen again."""
    return [(field, display_name(f.filename)) for field in ("statement", "cv") for f in files.getlist(field) if f.filename]


def read_submission(form, files, statement_limit: int, sub: Submission | None = None) -> Submission:
    """Collect the form's fields; raise InputError with a plain sentence when nothing usable was sent."""
    sub = sub or read_fields(form)
    sub.statement = read_upload(files, form, "statement", statement_limit)
    sub.cv = read_upload(files, form, "cv")
    if not sub.text.strip() and sub.statement is None:
        raise InputError("Paste your statement or choose a .docx file.")
    if sub.text.strip() and sub.statement is not None:
        raise InputError("You pasted text and also chose a file; keep one of them and review again.")
    return sub


# What to do with a file of a kind the reviewer cannot read, by its suffix.
FORMAT_ADVICE = {
    ".doc": "Open it in Word and choose File, Save As, Word Document (.docx); or paste the text into the box.",
    ".pdf": "A PDF cannot be read reliably: save the statement from your word processor as .docx, or paste the text into the box.",
    ".rtf": "Open it in your word processor and save it as a Word Document (.docx), or paste the text into the box.",
    ".odt": "In LibreOffice choose File, Save As, Word 2007-365 (.docx); or paste the text into the box.",
    ".pages": "In Pages choose File, Export To, Word (.docx); or paste the text into the box.",
}


def format_advice(name: str) -> str:
    """What to do instead when a statement file is of a kind we do not read ('' for other files)."""
    suffix = ("." + name.rsplit(".", 1)[-1].lower()) if "." in name else ""
    return FORMAT_ADVICE.get(suffix, "")


def submission_from(request, config, sub: Submission | None = None) -> Submission:
    """The submission of a Flask request, with the app's statement size limit (``sub``: its fields, read already)."""
    return read_submission(request.form, request.files, config.get("REVIEWER_MAX_STATEMENT_BYTES", STATEMENT_LIMIT), sub)


def _count(value: str, what: str) -> int | None:
    if not value:
        return None
    if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= 9:
        raise InputError(f"{what} must be a whole number from 1 to 9.")
    return int(value)


def exams(sub: Submission) -> list[Exam]:
    """Exam attempts from the quick exam facts."""
    out = []
    if sub.step1 not in STEP1_CHOICES:
        raise InputError("Choose one of the Step 1 answers in the list.")
    attempts = _count(sub.step1_attempts, "Step 1 attempts")
    if sub.step1:
        if sub.step1 == "fail":
            fails = attempts or 1
        elif sub.step1 == "fail_pass":
            fails = max((attempts or 2) - 1, 1)
        else:
            fails = (attempts or 1) - 1
        out += [Exam("USMLE Step 1", "fail")] * fails
        if sub.step1 != "fail":
            out.append(Exam("USMLE Step 1", "pass"))
    attempts = _count(sub.step2_attempts, "Step 2 CK attempts")
    score = None
    if sub.step2_score:
        if not is_score(sub.step2_score):
            raise InputError("The Step 2 CK score must be a number from 1 to 300.")
        score = int(sub.step2_score)
    if score is not None or attempts:
        out += [Exam("USMLE Step 2 CK", "fail")] * ((attempts or 1) - 1)
        out.append(Exam("USMLE Step 2 CK", "pass", score))
    return out


def _cv(sub: Submission):
    """The uploaded CV, with the form's graduation month when the CV does not give one, and the notices about
    what could not be used (a CV problem never blocks the statement's review)."""
    from reviewer.errors import ReviewerError
    from reviewer.notices import Notice, unreadable_cv
    notices = []
    graduation = sub.graduation
    if graduation and not is_month(graduation):
        notices.append(Notice("cv", "the graduation month", graduation[:80],
                              "it is not written as YYYY-MM (e.g. 2019-06), so it was left out"))
        graduation = None
    if sub.cv is None:
        return None, notices
    from reviewer.cv import Applicant, load_cv_bytes
    try:
        cv = load_cv_bytes(*sub.cv)
    except ReviewerError as exc:
        return None, notices + [unreadable_cv(str(exc))]
    if graduation:
        applicant = cv.applicant or Applicant()
        if not applicant.graduation:
            cv = dataclasses.replace(cv, applicant=dataclasses.replace(applicant, graduation=graduation))
    return cv, notices


def run_review(sub: Submission, extra_exams=()):
    """Review the submission; every problem with the input comes back as InputError."""
    if sub.statement is not None:
        document = from_bytes(*sub.statement)
    else:
        document = from_text(sub.text, "pasted text")
    if sub.as_of and not is_month(sub.as_of):
        raise InputError("The application month must be written as YYYY-MM, e.g. 2026-09.")
    cv, notices = _cv(sub)
    return review(document, cv, as_of=sub.as_of or None, exams=exams(sub) + list(extra_exams),
                  disabled=sub.disabled, region=sub.region or None, notices=notices)
