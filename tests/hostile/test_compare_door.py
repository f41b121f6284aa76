"""The compare door (``reviewer compare`` and the /compare page) with every hostile statement of
tests/hostile/make_inputs.py as the earlier draft: it refuses exactly what the review door refuses, with the
same HTTP status, in one plain line, never a traceback, and within the time bound."""
from __future__ import annotations

import contextlib
import io
import time
from pathlib import Path

import pytest

from tests.helpers.web import multipart
from tests.hostile.make_inputs import docx_payloads, text_payloads
from tests.hostile.test_hostile_inputs import BOUND_SECONDS, load_expected

HERE = Path(__file__).resolve().parent
CLEAN = (HERE.parents[1] / "samples" / "cohort" / "round1" / "chaudhry.txt").read_bytes()
PAYLOADS = [(kind, name, data, suffix)
            for kind, payloads, suffix in (("docx", docx_payloads(), ".docx"), ("text", text_payloads(), ".txt"))
            for name, (_what, data) in payloads.items()]
EXPECTED = load_expected()


@pytest.mark.parametrize("kind, name, data, suffix", PAYLOADS, ids=[f"{k}.{n}" for k, n, _, _ in PAYLOADS])
def test_compare_refuses_what_review_refuses(tmp_path, client, kind, name, data, suffix):
    from reviewer.cli import main
    old, new = tmp_path / f"old{suffix}", tmp_path / "new.txt"
    old.write_bytes(data)
    new.write_bytes(CLEAN)
    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["compare", str(old), str(new), "--as-of", "2026-09"])
    assert time.perf_counter() - start <= BOUND_SECONDS
    review_code = int(EXPECTED[f"{kind}.{name}@cli-review"]["expected"])
    assert (code == 2) == (review_code == 2), err.getvalue()
    assert "Traceback" not in err.getvalue() and len(err.getvalue().strip().splitlines()) <= 1

    start = time.perf_counter()
    response = client.post("/compare", **multipart({"old": (data, f"old{suffix}"), "new_text": CLEAN.decode(),
                                                    "as_of": "2026-09"}))
    assert time.perf_counter() - start <= BOUND_SECONDS
    assert response.status_code == int(EXPECTED[f"{kind}.{name}@form"]["expected"])
    assert "Traceback" not in response.get_data(as_text=True)
