"""The Flask extensions the app uses: CSRF protection for forms and a per-client rate limit."""
from __future__ import annotations

from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()


def make_limiter(app) -> Limiter:
    """One limiter per app (its on/off switch is per instance), in memory: RATELIMIT_APPLICATION per client, all routes together."""
    return Limiter(get_remote_address, app=app, storage_uri=app.config.get("RATELIMIT_STORAGE_URI", "memory://"))
