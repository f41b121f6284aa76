"""Reading statements: text encodings, .docx body order, tracked changes, tables, and refusals."""
import io
import zipfile

import docx
import pytest

from reviewer.errors import InputError, UnsupportedFormat
from reviewer.inputs import from_bytes, paragraph_spans, read_path
from tests.helpers.corpus import ROOT


def make_docx(build) -> bytes:
    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_text_is_kept_exactly():
    raw = "First line.\r\n\r\n  Second paragraph — with “quotes”.\n"
    doc = from_bytes(raw.encode("utf-8"), "draft.txt")
    assert doc.text == raw
    assert [raw[s:e] for s, e in doc.paragraphs] == ["First line.", "  Second paragraph — with “quotes”."]


def test_markdown_is_read_as_text():
    assert from_bytes(b"# Title\n\nBody text.", "draft.md").kind == "md"


@pytest.mark.parametrize("data, message", [
    (b"caf\xe9 au lait", "not UTF-8"),
    ("text".encode("utf-16"), "UTF-16"),
    (b"   \n\n  ", "empty"),
    (b"abc\x00def", "NUL"),
    (b"%PDF-1.7 fake", "PDF"),
])
def test_bad_text_gets_a_plain_reason(data, message):
    with pytest.raises(InputError, match=message):
        from_bytes(data, "draft.txt")


@pytest.mark.parametrize("name", ["draft.doc", "draft.pdf", "draft.rtf", "draft", "photo.png"])
def test_unsupported_suffix_names_the_formats(name):
    with pytest.raises(UnsupportedFormat, match=r"\.docx, \.txt or \.md"):
        from_bytes(b"whatever", name)


def test_docx_paragraphs_and_tables_in_document_order():
    def build(d):
        d.add_paragraph("Before the table.")
        table = d.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "Left cell."
        table.cell(0, 1).text = "Right cell."
        d.add_paragraph("")
        d.add_paragraph("After the table.")
        d.sections[0].header.paragraphs[0].text = "HEADER TEXT"
        d.sections[0].footer.paragraphs[0].text = "FOOTER TEXT"
    doc = from_bytes(make_docx(build), "cv.docx")
    assert doc.text == "Before the table.\n\nLeft cell.\n\nRight cell.\n\nAfter the table."
    assert [doc.text[s:e] for s, e in doc.paragraphs][-1] == "After the table."


def test_docx_tracked_changes_sample():
    doc = read_path(ROOT / "samples" / "docx" / "tracked_changes.docx")
    assert "Tracked insertions are part of the draft." in doc.text
    assert "deleted by a mentor" not in doc.text


def test_docx_table_sample_reads_cells():
    doc = read_path(ROOT / "samples" / "docx" / "table_layout.docx")
    assert len(doc.paragraphs) >= 4


def test_docx_comments_are_ignored():
    def build(d):
        p = d.add_paragraph("I chose family medicine.")
        d.add_comment(p.runs, text="A MENTOR COMMENT", author="Mentor")
    assert "MENTOR" not in from_bytes(make_docx(build), "a.docx").text


def test_empty_docx_is_refused():
    with pytest.raises(InputError, match="no text"):
        from_bytes(make_docx(lambda d: None), "empty.docx")


def test_renamed_text_file_is_not_a_docx():
    with pytest.raises(UnsupportedFormat):
        from_bytes(b"just some words", "fake.docx")


def test_corrupt_zip_is_refused():
    data = make_docx(lambda d: d.add_paragraph("Hello."))
    with pytest.raises(InputError):
        from_bytes(data[: len(data) // 2], "broken.docx")


def test_zip_bomb_is_refused_before_opening():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document>" + " " * (40 * 1024 * 1024) + "</w:document>")
    with pytest.raises(InputError, match="zip bomb|MB"):
        from_bytes(out.getvalue(), "bomb.docx")


def test_entity_declarations_are_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("word/document.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')
    with pytest.raises(InputError, match="entities"):
        from_bytes(out.getvalue(), "xxe.docx")


def test_paragraph_spans_skip_blank_runs():
    text = "\n\nOne\ntwo\n\n\nThree\n"
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["One\ntwo", "Three"]
