"""One catalogue of the errors a user or a rule author can meet, each saying how to fix it."""


class ReviewerError(Exception):
    """Base class: the message is a plain sentence fit to show a user as it is."""


class InputError(ReviewerError):
    """The input could not be reviewed (unsupported, unreadable, corrupt, too large).

    ``status`` is the HTTP status the web app answers with.
    """

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


class UnsupportedFormat(InputError):
    """A file whose kind we do not read."""

    def __init__(self, message: str):
        super().__init__(message, status=415)


class CVError(InputError):
    """A CV or applicant file that does not fit the schema; the message names entry and field."""


class RuleFileError(ReviewerError):
    """A rule file in rules/ is invalid; the message names the file, the key and what is allowed."""


ACCEPTED_STATEMENTS = ".docx, .txt or .md"
ACCEPTED_CVS = ".json, .yaml, .yml, .csv, .docx or .txt"
