"""Word statements: the text of a .docx as the draft reads and prints.

The body is read in document order: paragraphs, table cells (each cell once, wherever merged cells repeat
in python-docx's view), content controls around blocks, rows or cells, custom XML blocks, and text boxes
(their paragraphs follow the paragraph that anchors them; of Word's two copies of a text box, the modern one
is read and the VML fallback is not). Tracked insertions are part of the draft and tracked deletions are not.
Hidden text (Word's "Hidden" font effect) does not print and programs never see it, so it is left out, and
the review says how much was left out.
"""
from __future__ import annotations

import io
from dataclasses import dataclass

from ..errors import InputError
from ..notices import Notice
from .document import Document, from_text
from .docx_safety import check_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Subtrees of a paragraph whose runs are not its own text: deletions, text boxes (read as paragraphs of their
# own), the VML copy of a text box, and the paragraph's properties.
_NOT_OWN_TEXT = {W + "del", W + "moveFrom", W + "txbxContent", MC + "Fallback", W + "pPr", W + "rPr"}
# Block-level wrappers whose content is read as if it stood in their place.
_WRAPPERS = {W + "customXml", W + "smartTag"}
_OFF = {"0", "false", "off"}


def _content(element):
    """The blocks of a w:sdt (its w:sdtContent) or of an mc:AlternateContent (its first Choice, else its
    Fallback); None for anything else."""
    if element.tag == W + "sdt":
        return element.find(W + "sdtContent")
    if element.tag == MC + "AlternateContent":
        return element.find(MC + "Choice") if element.find(MC + "Choice") is not None else element.find(MC + "Fallback")
    return None


def _children(element, wanted: str):
    """The children of ``element`` with tag ``wanted``, looking through content controls and custom XML."""
    for child in element:
        if child.tag == wanted:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, wanted)
        else:
            inner = _content(child)
            if inner is not None:
                yield from _children(inner, wanted)


def block_paragraphs(element):
    """Every w:p element of a block container (body, cell, content control, text box) in reading order."""
    for child in element:
        tag = child.tag
        if tag == W + "p":
            yield child
            for box in _text_boxes(child):
                yield from block_paragraphs(box)
        elif tag == W + "tbl":
            for row in _children(child, W + "tr"):
                for cell in _children(row, W + "tc"):
                    yield from block_paragraphs(cell)
        elif tag in _WRAPPERS:
            yield from block_paragraphs(child)
        else:
            inner = _content(child)
            if inner is not None:
                yield from block_paragraphs(inner)


def _text_boxes(paragraph):
    """The w:txbxContent elements anchored in a paragraph, outside VML fallbacks, outermost only."""
    def walk(element):
        for child in element:
            if child.tag == W + "txbxContent":
                yield child
            elif child.tag != MC + "Fallback":
                yield from walk(child)
    return walk(paragraph)


def _hidden(run) -> bool:
    props = run.find(W + "rPr")
    if props is None:
        return False
    mark = props.find(W + "vanish")
    return mark is not None and mark.get(W + "val", "true").lower() not in _OFF


def _own_runs(element, hidden: list):
    """The w:r elements of a paragraph's own text, in order (``hidden`` collects the hidden ones)."""
    for child in element:
        if child.tag == W + "r":
            if _hidden(child):
                hidden.append(child)
            else:
                yield child
        elif child.tag not in _NOT_OWN_TEXT:
            yield from _own_runs(child, hidden)


def run_text(run) -> str:
    parts = []
    for node in run:
        if node.tag == W + "t":
            parts.append(node.text or "")
        elif node.tag == W + "tab":
            parts.append("\t")
        elif node.tag in (W + "br", W + "cr"):
            parts.append("\n")
    return "".join(parts)


def paragraph_runs(paragraph, hidden: list | None = None) -> list:
    """(run element, text) pairs of a paragraph as the draft reads (a python-docx Paragraph or a w:p)."""
    element = getattr(paragraph, "_p", paragraph)
    out = []
    for run in _own_runs(element, [] if hidden is None else hidden):
        text = run_text(run)
        if text:
            out.append((run, text))
    return out


@dataclass
class WordText:
    """The paragraphs of a Word body that hold text, and how much hidden text was left out."""

    paragraphs: list  # (python-docx Paragraph, text)
    hidden_characters: int = 0


def docx_text(document) -> WordText:
    """Each paragraph of the body that holds text, in reading order, as (python-docx Paragraph, text)."""
    from docx.text.paragraph import Paragraph
    body = document.element.body
    out, hidden = WordText([]), []
    if body is None:  # a document.xml without <w:body> has nothing to read
        return out
    for p in block_paragraphs(body):
        runs = paragraph_runs(p, hidden)
        text = "".join(t for _, t in runs)
        if text.strip():
            out.paragraphs.append((Paragraph(p, document), text))
    out.hidden_characters = sum(len(run_text(run)) for run in hidden)
    return out


def docx_paragraphs(document) -> list:
    """(python-docx paragraph, text) for each non-empty paragraph, in reading order."""
    return docx_text(document).paragraphs


def open_docx(data: bytes, name: str):
    """Open checked bytes with python-docx, turning its errors into one plain sentence."""
    import docx
    check_docx(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise InputError(f"{name} is damaged and cannot be opened as a Word file ({exc.__class__.__name__})") from exc
    if document.element.tag != W + "document":  # python-docx accepts any root element in the main part
        raise InputError(f"{name} is damaged: its main part is not a Word document body")
    return document


def from_docx(data: bytes, name: str) -> Document:
    document = open_docx(data, name)
    found = docx_text(document)
    texts = [text for _, text in found.paragraphs]
    if not texts:
        more = " (only hidden text)" if found.hidden_characters else ""
        raise InputError(f"{name} has no text in its body to review{more}")
    text = "\n\n".join(texts)
    spans, pos = [], 0
    for t in texts:
        spans.append((pos, pos + len(t)))
        pos += len(t) + 2
    doc = from_text(text, name, "docx")
    doc.paragraphs = spans
    doc.docx_bytes = data
    if found.hidden_characters:
        doc.notices.append(Notice("statement", "hidden text", "",
                                  f"{found.hidden_characters:,} characters formatted as hidden in Word were left out: "
                                  "they do not print and programs do not see them."))
    return doc
