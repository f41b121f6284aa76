"""Return the statement as a .docx with one Word comment on each flagged sentence, the way mentors review."""
from __future__ import annotations

import bisect
import copy
import io
import re
import zipfile
from collections import defaultdict

from docx.text.run import Run

from ..inputs.docx import W, docx_paragraphs, open_docx, paragraph_runs

AUTHOR = "ERAS Narrative Reviewer"
INITIALS = "ENR"
_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TEXT_TAGS = {W + "t": None, W + "tab": 1, W + "br": 1, W + "cr": 1}
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # python-docx stamps each zip member with the clock; the same input, the same bytes


def _xml_safe(text: str) -> str:
    """Text with the characters XML cannot hold (control characters, U+FFFE, U+FFFF, lone surrogates) replaced."""
    return _XML_INVALID.sub("\ufffd", text)


def comment_text(findings) -> str:
    """The comment for one place: each finding's message, its fix and its rule id, one paragraph each."""
    return "\n".join(f"{f.message} Fix: {f.fix} ({f.rule})" for f in findings)


def anchors(review) -> list[tuple[int | None, list]]:
    """(sentence index or None for the whole document, findings) in document order; a finding sits on its first sentence."""
    by_sentence, general = defaultdict(list), []
    for finding in review.findings:
        if finding.sentences:
            by_sentence[finding.sentences[0]].append(finding)
        else:
            general.append(finding)
    out = [(None, general)] if general else []
    return out + sorted(by_sentence.items())


def _blank_document(review):
    """A clean Word document holding the pasted text, one paragraph per text paragraph."""
    import docx
    document = docx.Document()
    text = _XML_INVALID.sub(" ", review.text)  # same length, so offsets still hold
    for start, end in review.document.paragraphs or [(0, len(text))]:
        document.add_paragraph(text[start:end])
    return document


def _piece_length(node) -> int:
    if node.tag == W + "t":
        return len(node.text or "")
    return _TEXT_TAGS.get(node.tag, 0) or 0


def _side(begin: int, end: int, at: int) -> str:
    """Which half of a cut run a piece of it goes to: 'left', 'right' or 'both' when the cut falls inside it."""
    if end == begin:  # fields, drawings, bookmarks: stay with the text that follows them
        return "left" if begin < at else "right"
    if end <= at:
        return "left"
    return "right" if begin >= at else "both"


def _split_run(run, at: int):
    """Split a w:r element ``at`` characters into its text; the new right half (same rPr) follows it."""
    twin = copy.deepcopy(run)
    run.addnext(twin)
    for element, half in ((run, "left"), (twin, "right")):
        pos = 0
        for node in list(element):
            if node.tag == W + "rPr":
                continue
            begin = pos
            pos += _piece_length(node)
            side = _side(begin, pos, at)
            if side == "both":  # only a w:t can straddle the cut
                node.text = node.text[: at - begin] if half == "left" else node.text[at - begin:]
                node.set(XML_SPACE, "preserve")
            elif side != half:
                element.remove(node)
    return twin


def _cut(paragraph, cuts: list[int]) -> list[tuple[object, int, int]]:
    """Split the paragraph's runs at every offset of ``cuts`` (sorted) in one pass, and return each run
    element of its text with its (start, end) offsets in the paragraph."""
    out, pos, k = [], 0, 0
    for run, text in paragraph_runs(paragraph):
        end = pos + len(text)
        while k < len(cuts) and cuts[k] <= pos:
            k += 1
        while k < len(cuts) and cuts[k] < end:  # a cut inside this run: its left part is done
            twin = _split_run(run, cuts[k] - pos)
            out.append((run, pos, cuts[k]))
            run, pos = twin, cuts[k]
            k += 1
        out.append((run, pos, end))
        pos = end
    return out


def _anchor_runs(paragraphs, places: list[tuple[int, int]]) -> list[list]:
    """For each place (start, end) of the review text, the Run objects covering it, across paragraphs if
    needed: every paragraph's runs are cut once, at the edges of all the places it holds."""
    found = [[] for _ in places]
    for (p_start, p_end), paragraph in paragraphs:
        inside = [(k, max(start, p_start) - p_start, min(end, p_end) - p_start)
                  for k, (start, end) in enumerate(places) if max(start, p_start) < min(end, p_end)]
        if not inside:
            continue
        runs = _cut(paragraph, sorted({edge for _, lo, hi in inside for edge in (lo, hi)}))
        starts = [start for _, start, _ in runs]
        for k, lo, hi in inside:
            at = bisect.bisect_left(starts, lo)
            while at < len(runs) and runs[at][2] <= hi:
                found[k].append(Run(runs[at][0], paragraph))
                at += 1
    return found


def _paragraph_map(review, document) -> list:
    """((start, end) in the review text, python-docx paragraph) pairs, checked against the reviewed text."""
    found = docx_paragraphs(document)
    spans = review.document.paragraphs or [(0, len(review.text))]
    if len(found) != len(spans):
        raise ValueError("the Word file's paragraphs no longer match the reviewed text")
    pairs = []
    for (start, end), (paragraph, text) in zip(spans, found):
        if len(text) != end - start:
            raise ValueError("the Word file's paragraphs no longer match the reviewed text")
        pairs.append(((start, end), paragraph))
    return pairs


def commented_docx(review, comments: list[tuple[int | None, str]]) -> bytes:
    """The reviewed statement as .docx bytes with one Word comment per (sentence index, or None for the first
    paragraph, comment text): the user's own file when they uploaded one. ``review`` needs only ``document``,
    ``text`` and ``sentences``."""
    doc = review.document
    document = open_docx(doc.docx_bytes, doc.name) if doc.docx_bytes else _blank_document(review)
    paragraphs = _paragraph_map(review, document)
    spans = [paragraphs[0][0] if index is None else (review.sentences[index].start, review.sentences[index].end)
             for index, _ in comments]
    for (_index, text), runs in zip(comments, _anchor_runs(paragraphs, spans)):
        if runs:
            document.add_comment(runs, _xml_safe(text), author=AUTHOR, initials=INITIALS)
    saved = io.BytesIO()
    document.save(saved)
    return _fixed_times(saved.getvalue())


def _undated(part: bytes) -> bytes:
    """A comments part without the time python-docx stamps on our comments (the user's own keep theirs)."""
    from lxml import etree
    root = etree.fromstring(part)
    if root.tag != W + "comments":
        return part
    for comment in root.iter(W + "comment"):
        if comment.get(W + "author") == AUTHOR:
            comment.attrib.pop(W + "date", None)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _fixed_times(data: bytes) -> bytes:
    """The same .docx package with every member dated FIXED_TIME and our comments undated: the same input gives
    the same bytes (a bulk run with one worker or several, a download made twice)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            fixed.compress_type, fixed.external_attr = info.compress_type, info.external_attr
            body = source.read(info)
            target.writestr(fixed, _undated(body) if info.filename.endswith("comments.xml") else body)
    return out.getvalue()


def render_docx(review) -> bytes:
    """The reviewed statement as .docx bytes with a Word comment on each flagged sentence."""
    return commented_docx(review, [(index, comment_text(findings)) for index, findings in anchors(review)])
