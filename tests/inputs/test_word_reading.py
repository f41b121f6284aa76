"""What a Word statement holds, read as the draft reads: every table cell once, text boxes once, content in
wrappers, hidden text left out, Strict OOXML named, a main part where the package says it is."""
import io
import zipfile

import docx
import pytest
from docx.oxml import parse_xml

from reviewer import review
from reviewer.errors import InputError, UnsupportedFormat
from reviewer.inputs import from_bytes
from reviewer.render.docx import render_docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (f'xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"')


def saved(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def table_docx(rows: int, cols: int, filled) -> bytes:
    document = docx.Document()
    table = document.add_table(rows=rows, cols=cols)
    for r in range(rows):
        for c in range(cols):
            if filled(r, c):
                table.cell(r, c).text = f"Cell {r}-{c} holds a sentence."
    return saved(document)


@pytest.mark.parametrize("rows, cols, filled", [
    (3, 2, lambda r, c: (r + c) % 2 == 0),    # alternating empty cells: the last filled cell was lost
    (4, 2, lambda r, c: c == 0 and r == 0 or c == 1),  # headings left, blank cells under them
    (30, 2, lambda r, c: (r * 7 + c) % 3 != 0),  # a 30-row grid: 4 or 5 of 36 cells were lost
])
def test_every_filled_table_cell_is_read_once_in_order(rows, cols, filled):
    for _ in range(5):  # the old loss depended on when lxml freed a proxy; read it several times
        text = from_bytes(table_docx(rows, cols, filled), "table.docx").text
        expected = [f"Cell {r}-{c} holds a sentence." for r in range(rows) for c in range(cols) if filled(r, c)]
        assert text.split("\n\n") == expected


def test_merged_cells_are_read_once():
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "A merged heading across the row."
    table.cell(1, 1).text = "One cell below it."
    assert from_bytes(saved(document), "m.docx").text.split("\n\n") == [
        "A merged heading across the row.", "One cell below it."]


def body_docx(body_xml: str) -> bytes:
    document = docx.Document()
    document.add_paragraph("I chose internal medicine in Atlanta because of my grandmother.")
    body = document.element.body
    for element in parse_xml(f"<w:body {NS}>{body_xml}</w:body>"):
        body.insert(len(body) - 1, element)  # before the section properties
    return saved(document)


def para(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


TEXT_BOX = (
    '<w:p><w:r><w:t xml:space="preserve">Anchor paragraph.</w:t></w:r><w:r><mc:AlternateContent>'
    '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>'
    '<w:txbxContent>' + para("Inside the text box.") + '</w:txbxContent></wps:txbx></wps:wsp></a:graphicData>'
    '</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>'
    + para("Inside the text box.") + '</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
    '</mc:AlternateContent></w:r></w:p>')


def test_a_text_box_is_read_once_after_its_anchor():
    paragraphs = from_bytes(body_docx(TEXT_BOX), "box.docx").text.split("\n\n")
    assert paragraphs[1:] == ["Anchor paragraph.", "Inside the text box."]


@pytest.mark.parametrize("wrapped", [
    f'<w:customXml w:element="x">{para("Inside custom XML.")}</w:customXml>',
    f'<w:sdt><w:sdtContent>{para("Inside a content control.")}</w:sdtContent></w:sdt>',
    f'<w:tbl><w:sdt><w:sdtContent><w:tr><w:tc>{para("In a row inside a control.")}</w:tc></w:tr></w:sdtContent></w:sdt></w:tbl>',
    f'<w:tbl><w:tr><w:sdt><w:sdtContent><w:tc>{para("In a cell inside a control.")}</w:tc></w:sdtContent></w:sdt></w:tr></w:tbl>',
    f'<mc:AlternateContent><mc:Choice Requires="w14">{para("In the chosen content.")}</mc:Choice>'
    f'<mc:Fallback>{para("In the fallback.")}</mc:Fallback></mc:AlternateContent>',
])
def test_text_inside_block_wrappers_is_read(wrapped):
    paragraphs = from_bytes(body_docx(wrapped), "w.docx").text.split("\n\n")
    assert len(paragraphs) == 2 and paragraphs[1].startswith(("Inside", "In a", "In the chosen"))


def test_a_document_holding_only_wrapped_content_is_not_empty():
    document = docx.Document()
    body = document.element.body
    body.insert(0, parse_xml(f'<w:customXml {NS}>{para("I failed Step 1 once and passed on the second attempt.")}</w:customXml>'))
    assert "Step 1" in from_bytes(saved(document), "only.docx").text


def test_hidden_text_is_left_out_and_the_review_says_so():
    document = docx.Document()
    paragraph = document.add_paragraph("I chose pediatrics in Atlanta. ")
    hidden = paragraph.add_run("This hidden note blames the proctors.")
    hidden.font.hidden = True
    result = review(from_bytes(saved(document), "hidden.docx"), as_of="2026-09")
    assert "hidden" not in result.text and "proctors" not in result.text
    assert [n.where for n in result.notices] == ["hidden text"]
    assert "37 characters" in result.notices[0].reason
    only_hidden = docx.Document()
    only_hidden.add_paragraph().add_run("Everything is hidden.").font.hidden = True
    with pytest.raises(InputError, match="only hidden text"):
        from_bytes(saved(only_hidden), "allhidden.docx")


def repackaged(data: bytes, rename: dict | None = None, replace: dict | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            for old, new in (replace or {}).items():
                content = content.replace(old, new)
            target.writestr((rename or {}).get(info.filename, info.filename), content)
    return out.getvalue()


def test_a_main_part_where_the_relationships_put_it_is_read():
    data = saved(docx.Document())
    document = docx.Document(io.BytesIO(data))
    document.add_paragraph("I chose family medicine for the families of Tifton.")
    moved = repackaged(saved(document), rename={"word/document.xml": "word/main.xml"},
                       replace={b"/word/document.xml": b"/word/main.xml", b'Target="word/document.xml"': b'Target="word/main.xml"'})
    assert from_bytes(moved, "moved.docx").text == "I chose family medicine for the families of Tifton."


def test_strict_ooxml_is_named_with_what_to_do():
    document = docx.Document()
    document.add_paragraph("A statement saved as Strict Open XML.")
    strict = repackaged(saved(document), replace={
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument":
        b"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"})
    with pytest.raises(UnsupportedFormat, match="Strict Open XML.*Save As"):
        from_bytes(strict, "strict.docx")


def test_many_empty_paragraphs_are_refused_before_python_docx_builds_them():
    body = "<w:p/>" * 25_000
    data = repackaged(saved(docx.Document()), replace={b"<w:body>": b"<w:body>" + body.encode()})
    with pytest.raises(InputError, match="25,00[0-9] paragraphs"):
        from_bytes(data, "empty.docx")


def test_the_word_download_cuts_each_paragraph_in_one_pass(monkeypatch):
    """Anchoring comments walks each paragraph's runs once, however many sentences in it are flagged (the old
    download walked every run again for each flagged sentence)."""
    import reviewer.render.docx as render
    sentence = "My school never taught us the material, and the proctors made me fail the exam. "
    text = "I failed Step 1 in 2020. " + sentence * 60 + "I chose internal medicine in Atlanta."
    result = review(text, as_of="2026-09")
    assert len([f for f in result.findings if f.rule == "score.blame"]) >= 20
    walked = []
    original = render.paragraph_runs
    monkeypatch.setattr(render, "paragraph_runs", lambda p, *a: walked.append(1) or original(p, *a))
    out = docx.Document(io.BytesIO(render_docx(result)))
    assert len(walked) <= 2 * len(result.document.paragraphs)  # (the map, and the one cutting pass)
    assert len(out.comments) >= 20


def test_characters_xml_cannot_hold_become_replacement_characters_in_comments():
    text = "I failed Step 1 because my school\x01 never taught us\ufffe the material\x1b. I chose pediatrics in Atlanta."
    result = review(text, as_of="2026-09")
    out = docx.Document(io.BytesIO(render_docx(result)))
    assert out.comments and all("\x01" not in c.text and "\x1b" not in c.text for c in out.comments)
