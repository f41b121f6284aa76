"""Word statements: the body text of a .docx as the draft reads (tracked insertions in, deletions out)."""
from __future__ import annotations

import io

from ..errors import InputError
from .document import Document, from_text
from .docx_safety import check_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SKIP = {W + "del", W + "moveFrom"}


def iter_block_paragraphs(document):
    """Body paragraphs and table-cell paragraphs of a python-docx Document, in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    def walk(parent, element):
        for child in element.iterchildren():
            if child.tag == W + "p":
                yield Paragraph(child, parent)
            elif child.tag == W + "tbl":
                table = Table(child, parent)
                seen = set()
                for row in table.rows:
                    for cell in row.cells:
                        if id(cell._tc) in seen:  # merged cells repeat
                            continue
                        seen.add(id(cell._tc))
                        yield from walk(cell, cell._tc)
            elif child.tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    yield from walk(parent, content)

    body = document.element.body
    if body is not None:  # a document.xml without <w:body> has nothing to read
        yield from walk(document, body)


def paragraph_runs(paragraph) -> list:
    """(run element, text) pairs of a paragraph as the draft reads: tracked insertions in, deletions out."""
    runs = []
    for run in paragraph._p.iter(W + "r"):
        if any(a.tag in _SKIP for a in run.iterancestors()):
            continue
        parts = []
        for node in run:
            if node.tag == W + "t":
                parts.append(node.text or "")
            elif node.tag == W + "tab":
                parts.append("\t")
            elif node.tag in (W + "br", W + "cr"):
                parts.append("\n")
        if parts:
            runs.append((run, "".join(parts)))
    return runs


def docx_paragraphs(document) -> list:
    """(python-docx paragraph, text) for each non-empty paragraph, in document order."""
    out = []
    for paragraph in iter_block_paragraphs(document):
        text = "".join(t for _, t in paragraph_runs(paragraph))
        if text.strip():
            out.append((paragraph, text))
    return out


def open_docx(data: bytes, name: str):
    """Open checked bytes with python-docx, turning its errors into one plain sentence."""
    import docx
    check_docx(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise InputError(f"{name} is damaged and cannot be opened as a Word file ({exc.__class__.__name__})") from exc
    if document.element.tag != W + "document":  # python-docx accepts any root element in word/document.xml
        raise InputError(f"{name} is damaged: its main part is not a Word document body")
    return document


def from_docx(data: bytes, name: str) -> Document:
    document = open_docx(data, name)
    texts = [text for _, text in docx_paragraphs(document)]
    if not texts:
        raise InputError(f"{name} has no text in its body to review")
    text = "\n\n".join(texts)
    spans, pos = [], 0
    for t in texts:
        spans.append((pos, pos + len(t)))
        pos += len(t) + 2
    doc = from_text(text, name, "docx")
    doc.paragraphs = spans
    doc.docx_bytes = data
    return doc
