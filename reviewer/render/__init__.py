"""Renderers: one Review out as terminal text, JSON, a self-contained HTML page or a commented .docx."""
from __future__ import annotations

import json

FORMATS = ("text", "json", "html", "docx")


def render(result, fmt: str) -> str | bytes:
    """The review in one of ``FORMATS``; .docx is bytes, the others text."""
    if fmt == "json":
        return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        from .html import render_html
        return render_html(result)
    if fmt == "docx":
        from .docx import render_docx
        return render_docx(result)
    from .text import render as render_text
    return render_text(result)
