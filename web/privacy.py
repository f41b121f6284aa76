"""Keep what users send out of files and logs: uploads stay in memory, errors are logged without their text."""
from __future__ import annotations

import io
import traceback

from flask import Flask, Request, request


class InMemoryRequest(Request):
    """A request whose uploaded files stay in memory (werkzeug would spool large ones to a temporary file)."""

    def _get_file_stream(self, total_content_length, content_type, filename=None, content_length=None):
        return io.BytesIO()


class ReviewerFlask(Flask):
    """Flask with in-memory uploads and exception logs that name the code, not the user's text."""

    request_class = InMemoryRequest

    def log_exception(self, exc_info) -> None:
        exc_type, _, tb = exc_info
        # Exception messages can quote statement text or file names, so log only where it broke.
        where = "".join(traceback.format_list(traceback.extract_tb(tb)))
        self.logger.error("Exception on %s [%s]: %s\n%s", request.path, request.method,
                          getattr(exc_type, "__name__", exc_type), where)
