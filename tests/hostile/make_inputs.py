"""Make the hostile-input corpus of issue 6: every kind of bad input, routed through every door, built here.

Run by tests/test_hostile_inputs.py into a temporary folder; also a script:
``python tests/hostile/make_inputs.py OUT`` writes each case's files under OUT/<case id>/ and lists the cases.
Nothing here is committed as a binary file: every input is made from code on each run.

Doors: ``cli-review`` (reviewer review), ``cli-bulk`` (reviewer bulk), ``form`` (POST /review),
``api-json`` and ``api-multipart`` (POST /api/review), ``bulk-web`` (POST /bulk).
"""
from __future__ import annotations

import base64
import functools
import io
import json
import os
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = ("xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
         "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" xmlns:v=\"urn:schemas-microsoft-com:vml\"")
GOOD = ("I chose internal medicine because my grandmother's diabetes was managed badly in our village. "
        "I failed USMLE Step 1 on my first attempt, and I own that result. I rebuilt how I study, passed "
        "on my second attempt, and scored 231 on Step 2 CK. My aunt lives in Decatur, and I want to train "
        "at Grady Memorial Hospital in Atlanta and serve patients in Georgia.")
GOOD_CV = {"applicant": {"name": "Test Applicant", "graduation": "2019-06"},
           "experiences": [{"type": "clinical", "title": "Observer", "organization": "Grady Memorial Hospital",
                            "city": "Atlanta", "state": "GA", "start": "2020-01", "end": None, "hours_per_week": 20}]}


@dataclass
class Case:
    """One hostile input through one door.

    ``files``: name -> bytes, written into the case folder (CLI doors) or uploaded (web doors).
    ``args``: CLI arguments, ``{dir}`` standing for the case folder. ``fields``: web form fields,
    (name, str) or (name, (filename, bytes)). ``body``/``content_type``: a raw web request body.
    ``subprocess``: also run this case as a real ``python -m reviewer`` process.
    """

    id: str
    door: str
    what: str
    files: dict = field(default_factory=dict)
    args: list = field(default_factory=list)
    fields: list = field(default_factory=list)
    body: bytes | None = None
    content_type: str | None = None
    stdin: bytes | None = None
    subprocess: bool = False


# --- .docx payloads ---------------------------------------------------------------------------------------------

def _para(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _document(body: str, prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
            f'<w:document xmlns:w="{W_NS}" {MC_NS}><w:body>{body}</w:body></w:document>').encode("utf-8")


_BASE = None


def base_docx() -> bytes:
    """A real Word file from python-docx, whose parts the hostile variants replace."""
    global _BASE
    if _BASE is None:
        import docx
        document = docx.Document()
        for paragraph in GOOD.split(". "):
            document.add_paragraph(paragraph.rstrip(".") + ".")
        out = io.BytesIO()
        document.save(out)
        _BASE = out.getvalue()
    return _BASE


def docx_with(replace: dict | None = None, add: dict | None = None, drop=(), method=zipfile.ZIP_DEFLATED) -> bytes:
    """The base .docx with parts replaced, added or dropped (values: bytes, or a callable writing to a stream)."""
    source = zipfile.ZipFile(io.BytesIO(base_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as target:
        for info in source.infolist():
            if info.filename in drop:
                continue
            data = (replace or {}).get(info.filename, source.read(info))
            _write(target, info.filename, data)
        for name, data in (add or {}).items():
            _write(target, name, data)
    return out.getvalue()


def _write(target: zipfile.ZipFile, name: str, data) -> None:
    if callable(data):
        with target.open(name, "w", force_zip64=True) as stream:
            data(stream)
    else:
        target.writestr(name, data)


def _repeat(chunk: bytes, total: int):
    def write(stream):
        for _ in range(total // len(chunk)):
            stream.write(chunk)
    return write


def _set_encrypted_flag(data: bytes, member: str) -> bytes:
    """Mark one member as encrypted in its local and central headers (the bytes stay plain)."""
    raw = bytearray(data)
    name = member.encode()
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := raw.find(signature, start)) != -1:
            name_at = start + (30 if offset == 6 else 46)
            if raw[name_at:name_at + len(name)] == name:
                raw[start + offset] |= 1
            start += 4
    return bytes(raw)


def _lying_sizes(data: bytes, member: str) -> bytes:
    """Make the central directory claim one member is 100 bytes, whatever it really holds."""
    raw = bytearray(data)
    name = member.encode()
    start = 0
    while (start := raw.find(b"PK\x01\x02", start)) != -1:
        if raw[start + 46:start + 46 + len(name)] == name:
            raw[start + 24:start + 28] = (100).to_bytes(4, "little")
        start += 4
    return bytes(raw)


def _word(n: int) -> str:
    """A different three-or-four-letter word for each n (so the package does not compress like a bomb)."""
    letters = ""
    for _ in range(3):
        n, r = divmod(n * 7919 + 13, 26)
        letters += "abcdefghijklmnopqrstuvwxyz"[r]
    return letters


def _deep_tables(depth: int) -> bytes:
    return _document("<w:tbl><w:tr><w:tc>" * depth + _para("Deep in the tables.") + "</w:tc></w:tr></w:tbl>" * depth)


@functools.lru_cache(maxsize=None)
def docx_payloads() -> dict:
    """name -> (what, bytes) for statement .docx files, each wrong in its own way."""
    base = base_docx()
    dtd_xxe = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    laughs = "<!DOCTYPE w:document [<!ENTITY lol \"lol\">" + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)) + "]>"
    padded = "<!--" + "x" * 8000 + "-->"
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    many = {f"word/media/part{i}.bin": b"x" for i in range(5000)}
    paragraphs_20000 = "".join(_para(f"Paragraph {i} of a statement that goes on and on.") for i in range(20000))
    short_paragraphs = "".join(_para(_word(i).capitalize() + ".") for i in range(20000))
    table_only = ("<w:tbl><w:tr><w:tc>" + _para("I chose internal medicine in Atlanta.") + "</w:tc><w:tc>"
                  + _para("I failed Step 1 once and passed on my second attempt.") + "</w:tc></w:tr></w:tbl>")
    deletions_only = ('<w:p><w:del w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>'
                      'All of this was deleted.</w:delText></w:r></w:del></w:p>')
    out = {
        "bomb_document_xml": ("a 200 MB word/document.xml compressed to a few hundred KB",
                              docx_with({"word/document.xml": _repeat(b"<w:p><w:r><w:t>aaaa</w:t></w:r></w:p>" * 100, 200 * 2**20)})),
        "big_document_xml_low_ratio": ("a 16 MB word/document.xml of varied text (ratio below the bomb check)",
                                       docx_with({"word/document.xml": _document("".join(_para(f"Sentence {i} about {i * 7919 % 10007} patients.") for i in range(400000)))})),
        "bomb_image": ("a referenced 300 MB image of zeros", docx_with(add={"word/media/image1.png": _repeat(b"\0" * 65536, 300 * 2**20)})),
        "image_15mb_random": ("a 15 MB image that does not compress (within the package limits)",
                              docx_with(add={"word/media/image1.png": os.urandom(15 * 2**20)}, method=zipfile.ZIP_STORED)),
        "many_members_5000": ("5,000 members in the package", docx_with(add=many)),
        "many_members_900": ("900 tiny members, under the 1,000 limit", docx_with(add={f"word/media/p{i}.bin": b"x" for i in range(900)})),
        "total_over_60mb": ("members adding up to 66 MB unzipped, each under the ratio check",
                            docx_with(add={f"word/media/r{i}.bin": (os.urandom(4096) + b"\0" * 300_000) * 20 for i in range(11)})),
        "xxe": ("an external entity (XXE) declared in document.xml", docx_with({"word/document.xml": _document(_para("Hello &xxe;."), dtd_xxe)})),
        "billion_laughs": ("a billion-laughs entity expansion in document.xml", docx_with({"word/document.xml": _document(_para("&lol9;"), laughs)})),
        "xxe_after_padding": ("a DTD after 8 KB of comment, past where a head-only check looks",
                              docx_with({"word/document.xml": _document(_para("Hello &xxe;."), padded + dtd_xxe)})),
        "xxe_utf16": ("a DTD in a UTF-16 document.xml", docx_with({"word/document.xml": (
            '<?xml version="1.0" encoding="UTF-16"?>' + dtd_xxe + f'<w:document xmlns:w="{W_NS}"><w:body>'
            + _para("Hello &xxe;.") + "</w:body></w:document>").encode("utf-16")})),
        "xxe_in_styles": ("an external entity declared in word/styles.xml",
                          docx_with({"word/styles.xml": (f'<?xml version="1.0"?>{dtd_xxe}<w:styles xmlns:w="{W_NS}">&xxe;</w:styles>').encode()})),
        "truncated_half": ("a .docx cut in half", base[: len(base) // 2]),
        "truncated_tail": ("a .docx missing its last 10 bytes (end of central directory)", base[:-10]),
        "corrupt_middle": ("a .docx with 200 bytes overwritten in the middle", base[:len(base) // 2] + b"\xff" * 200 + base[len(base) // 2 + 200:]),
        "pk_garbage": ("'PK' followed by garbage", b"PK\x03\x04" + b"\x00garbage" * 50),
        "empty_zip": ("a valid zip with no members", _empty_zip()),
        "zip_without_document": ("a zip with files but no word/document.xml", _zip({"readme.txt": b"hello"})),
        "no_content_types": ("a .docx without [Content_Types].xml", docx_with(drop={"[Content_Types].xml"})),
        "encrypted_member": ("document.xml flagged as encrypted", _set_encrypted_flag(base, "word/document.xml")),
        "lying_size": ("the central directory understates document.xml's size", _lying_sizes(base, "word/document.xml")),
        "doc_renamed": ("an old Word .doc renamed .docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512),
        "pdf_renamed": ("a PDF renamed .docx", b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"),
        "png_renamed": ("a PNG renamed .docx", png),
        "jpeg_renamed": ("a JPEG renamed .docx", b"\xff\xd8\xff\xe0" + b"\0" * 64),
        "rtf_renamed": ("an RTF file renamed .docx", b"{\\rtf1\\ansi I chose medicine.}"),
        "text_renamed": ("a text file renamed .docx", GOOD.encode()),
        "html_renamed": ("an HTML page renamed .docx", b"<html><body><script>alert(1)</script></body></html>"),
        "zero_bytes": ("an empty .docx (0 bytes)", b""),
        "no_body": ("document.xml without a <w:body>", docx_with({"word/document.xml": f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"/>'.encode()})),
        "empty_body": ("a body with no paragraphs", docx_with({"word/document.xml": _document("")})),
        "whitespace_body": ("a body whose paragraphs are only spaces", docx_with({"word/document.xml": _document(_para("   ") * 5)})),
        "not_xml": ("document.xml that is not XML", docx_with({"word/document.xml": b"this is not xml <<<"})),
        "wrong_root": ("document.xml whose root is not w:document", docx_with({"word/document.xml": b'<?xml version="1.0"?><html><body>hi</body></html>'})),
        "paragraphs_20000": ("20,000 paragraphs (over the character limit)", docx_with({"word/document.xml": _document(paragraphs_20000)})),
        "paragraphs_20000_short": ("20,000 two-word paragraphs, under the character limit", docx_with({"word/document.xml": _document(short_paragraphs)})),
        "table_only": ("only a table", docx_with({"word/document.xml": _document(table_only)})),
        "tracked_deletions_only": ("only tracked deletions", docx_with({"word/document.xml": _document(deletions_only)})),
        "nested_tables_200": ("tables nested 200 deep", docx_with({"word/document.xml": _deep_tables(200)})),
        "nested_tables_3000": ("tables nested 3,000 deep", docx_with({"word/document.xml": _deep_tables(3000)})),
        "script_in_text": ("<script> and quotes in the Word text", docx_with({"word/document.xml": _document(
            _para("I chose &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; medicine in Atlanta, Georgia."))})),
        "stored_uncompressed": ("a valid .docx stored without compression", docx_with(method=zipfile.ZIP_STORED)),
        **word_reading_payloads(),
        "macro_content_type": ("a .docm (macro-enabled) package named .docx", docx_with({"[Content_Types].xml": zipfile.ZipFile(io.BytesIO(base)).read("[Content_Types].xml").replace(
            b"document.main+xml", b"document.macroEnabled.main+xml").replace(b"wordprocessingml.document.main", b"ms-word.document.macroEnabled.main")})),
    }
    return out


def _zip(members: dict) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _empty_zip() -> bytes:
    return _zip({})


def _repackaged(data: bytes, rename: dict | None = None, replace: dict | None = None) -> bytes:
    """The package with members renamed and bytes replaced inside every member."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            for old, new in (replace or {}).items():
                content = content.replace(old, new)
            target.writestr((rename or {}).get(info.filename, info.filename), content)
    return out.getvalue()


@functools.lru_cache(maxsize=None)
def word_reading_payloads() -> dict:
    """name -> (what, bytes): the red team's second round on reading Word bodies (issue 13)."""
    text_box = ('<w:p><w:r><w:t xml:space="preserve">I chose pediatrics in Atlanta.</w:t></w:r><w:r><mc:AlternateContent>'
                '<mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>' + _para("I failed Step 1 once.")
                + '</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>'
                '<w:txbxContent>' + _para("I failed Step 1 once.") + '</w:txbxContent></v:textbox></v:shape></w:pict>'
                '</mc:Fallback></mc:AlternateContent></w:r></w:p>')
    merged = ('<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>' + _para("Merged down two rows.")
              + '</w:tc><w:tc>' + _para("Right of it.") + '</w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>'
              '<w:tc>' + _para("Below that.") + '</w:tc></w:tr></w:tbl>')
    wrapped = (f'<w:customXml w:element="x">{_para("I chose internal medicine in Macon.")}</w:customXml>'
               f'<w:sdt><w:sdtContent>{_para("I failed Step 1 and passed it on my second attempt.")}</w:sdtContent></w:sdt>')
    hidden = ('<w:p><w:r><w:t xml:space="preserve">I chose family medicine in Tifton. </w:t></w:r>'
              '<w:r><w:rPr><w:vanish/></w:rPr><w:t>A hidden note that blames the proctors.</w:t></w:r></w:p>')
    only_hidden = '<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>Everything here is hidden.</w:t></w:r></w:p>'
    many_runs = "<w:p>" + "".join(f"<w:r><w:t>{_word(i)} </w:t></w:r>" for i in range(190_000)) + "</w:p>"
    utf32_dtd = ('<?xml version="1.0" encoding="UTF-32"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                 f'<w:document xmlns:w="{W_NS}"><w:body>' + _para("Hello &xxe;.") + '</w:body></w:document>').encode("utf-32")
    styles_utf32 = ('<?xml version="1.0" encoding="UTF-32"?><!DOCTYPE w:styles [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                    f'<w:styles xmlns:w="{W_NS}">&xxe;</w:styles>').encode("utf-32")
    main_elsewhere = _repackaged(base_docx(), rename={"word/document.xml": "word/main.xml"},
                                 replace={b"/word/document.xml": b"/word/main.xml", b'Target="word/document.xml"': b'Target="word/main.xml"'})
    strict = _repackaged(base_docx(), replace={
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument":
        b"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"})
    return {
        "text_box_twice": ("a text box stored twice (drawing and VML fallback)", docx_with({"word/document.xml": _document(text_box)})),
        "merged_cells": ("a table with vertically merged cells", docx_with({"word/document.xml": _document(merged)})),
        "wrapped_content": ("paragraphs inside customXml and a content control", docx_with({"word/document.xml": _document(wrapped)})),
        "hidden_text": ("a hidden run inside a visible paragraph", docx_with({"word/document.xml": _document(hidden)})),
        "only_hidden_text": ("a body whose only text is hidden", docx_with({"word/document.xml": _document(only_hidden)})),
        "main_part_elsewhere": ("the main part at word/main.xml, found through the relationships", main_elsewhere),
        "strict_ooxml": ("a Strict Open XML package", strict),
        "empty_paragraphs_690k": ("690,000 empty paragraphs", docx_with({"word/document.xml": _document("<w:p/>" * 690_000)})),
        "one_paragraph_190k_runs": ("one paragraph of 190,000 runs", docx_with({"word/document.xml": _document(many_runs)})),
        "utf32_dtd_document": ("a DTD in a UTF-32 document.xml", docx_with({"word/document.xml": utf32_dtd})),
        "utf32_dtd_styles": ("a DTD in a UTF-32 styles.xml", docx_with({"word/styles.xml": styles_utf32})),
        "xml_forbidden_refs": ("a character reference XML 1.0 forbids (&#xFFFE;): not well-formed, refused as damaged",
                                docx_with({"word/document.xml": _document(_para("I failed Step 1 &#xFFFE; because the proctors were late. I chose Atlanta."))})),
    }


# --- text payloads ----------------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def text_payloads() -> dict:
    """name -> (what, bytes) for statement text files."""
    return {
        "empty": ("an empty file", b""),
        "whitespace": ("only spaces, tabs and newlines", b"  \t\n\n \r\n   \n"),
        "five_mb": ("5 MB of text", (GOOD + "\n\n").encode() * (5_000_000 // (len(GOOD) + 2))),
        "sentence_200k": ("one 200,000-character sentence without punctuation", (("word " * 40000)[:199_999] + "x").encode()),
        "sentence_200001": ("200,001 characters, one over the limit", b"word " * 40000 + b"x"),
        "token_200k": ("one 200,000-character word", b"a" * 200_000),
        "nul": ("NUL bytes in the text", GOOD.encode().replace(b" ", b"\x00", 3)),
        "control_chars": ("control characters (ESC, BEL, form feed, DEL, NEL, U+2028)",
                          ("I chose \x07medicine \x1b[31min Atlanta\x7f.\x0c\x0bNext line\u2028and \x85more. " + GOOD).encode()),
        "invalid_utf8": ("bytes that are not UTF-8", GOOD.encode()[:40] + b"\xc3\x28\xff\xfe" + GOOD.encode()[40:]),
        "latin1": ("Latin-1 text (é as one byte)", "I studied in Bogotá and Medellín. ".encode("latin-1") + GOOD.encode()),
        "utf16_le_bom": ("UTF-16 LE with a BOM", GOOD.encode("utf-16")),
        "utf16_be_bom": ("UTF-16 BE with a BOM", b"\xfe\xff" + GOOD.encode("utf-16-be")),
        "utf32": ("UTF-32 text", GOOD.encode("utf-32")),
        "utf8_bom": ("UTF-8 with a BOM (valid)", b"\xef\xbb\xbf" + GOOD.encode()),
        "arabic": ("right-to-left Arabic", ("أنا طبيب من القاهرة وأريد أن أتدرب في أتلانتا. " * 20).encode()),
        "hebrew": ("right-to-left Hebrew", ("אני רופא ואני רוצה להתמחות באטלנטה. " * 20).encode()),
        "bidi_override": ("RTL override and isolate controls inside English", ("I chose \u202emedicine\u202c in \u2067Atlanta\u2069. " + GOOD).encode()),
        "emoji_only": ("only emoji", ("😀🎉🔥🩺👩‍⚕️ " * 200).encode()),
        "mixed_scripts": ("Latin, Cyrillic, CJK, Devanagari and Greek mixed", ("I chose медицина 医学 चिकित्सा ιατρική in Atlanta. " * 10 + GOOD).encode()),
        "zero_width": ("zero-width spaces and joiners inside words", GOOD.replace("e", "e\u200b\u200d").encode()),
        "combining_marks": ("a letter with 5,000 combining accents", ("I" + "\u0301" * 5000 + " chose medicine. " + GOOD).encode()),
        "html": ("HTML markup", ("<h1>Statement</h1><p onclick=\"x()\">" + GOOD + "</p><img src=x onerror=alert(1)>").encode()),
        "script": ("<script> tags and quotes", ('<script>alert("x")</script> \'quoted\' & "double" ' + GOOD).encode()),
        "crlf_and_cr": ("CRLF and lone CR line endings", GOOD.replace(". ", ".\r\n\r\n", 2).replace(". ", ".\r\r", 1).encode()),
        "only_punctuation": ("only punctuation", b"..... ,,,, !!!! ???? ;;;; " * 50),
        "only_digits": ("only numbers", b"1 22 333 4444 " * 1000),
        "tiny_sentences_60000": ("60,000 one-word sentences", b"Yes. " * 36_000),
        "repeated_disclosure": ("'I failed Step 1.' 10,000 times", b"I failed Step 1. " * 10_000),
        "markdown_injection": ("Markdown links and images", ("[click](javascript:alert(1)) ![x](http://evil/x.png) " + GOOD).encode()),
        "long_line_no_space_emoji": ("100,000 emoji without spaces", "🩺".encode() * 100_000),
        "invisible_only": ("only zero-width and format characters", ("\u200b\u200d\u2060\ufeff\u00ad " * 500).encode()),
        "xml_forbidden_text": ("characters XML 1.0 cannot hold (U+FFFE, U+FFFF, a vertical tab)",
                               ("I failed Step 1\ufffe because \uffffthe proctors\x0b were late. " + GOOD).encode()),
        "superscript_digits": ("scores written in superscript and Arabic-Indic digits", ("I scored ²¹⁰ and ٢١٠ on Step 2 CK. " + GOOD).encode()),
    }


# --- CV payloads ------------------------------------------------------------------------------------------------

def _cv(**experience) -> bytes:
    entry = {"type": "clinical", "title": "Observer", "organization": "Grady", "start": "2020-01", "end": "2020-06",
             "hours_per_week": 20, **experience}
    return json.dumps({"applicant": {"graduation": "2019-06"}, "experiences": [entry]}).encode()


def _entries(n: int) -> bytes:
    return json.dumps({"experiences": [{"title": f"Job {i}", "start": "2020-01", "end": "2020-02"} for i in range(n)]}).encode()


@functools.lru_cache(maxsize=None)
def cv_payloads() -> dict:
    """name -> (what, file name, bytes) for CV files in every format."""
    yaml_laughs = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n"
        for i in range(8))
    header = "type,title,organization,city,state,country,start,end,hours_per_week,description\n"
    row = "clinical,Observer,Grady,Atlanta,GA,USA,2020-01,2020-06,20,Rounds\n"
    out = {
        # JSON
        "json_trailing_comma": ("JSON with a trailing comma", "cv.json", b'{"experiences": [],}'),
        "json_truncated": ("JSON cut off", "cv.json", _cv()[:40]),
        "json_empty": ("an empty .json", "cv.json", b""),
        "json_list": ("JSON that is a list", "cv.json", b"[1, 2, 3]"),
        "json_string": ("JSON that is a string", "cv.json", b'"hello"'),
        "json_null": ("JSON null", "cv.json", b"null"),
        "json_deep": ("arrays nested 100,000 deep", "cv.json", b"[" * 100_000 + b"]" * 100_000),
        "json_huge_number": ("a 5,000-digit number", "cv.json", _cv(hours_per_week=0).replace(b'"hours_per_week": 0', b'"hours_per_week": ' + b"9" * 5000)),
        "json_nan": ("NaN hours", "cv.json", _cv(hours_per_week=0).replace(b'"hours_per_week": 0', b'"hours_per_week": NaN')),
        "json_infinity": ("Infinity hours", "cv.json", _cv(hours_per_week=0).replace(b'"hours_per_week": 0', b'"hours_per_week": Infinity')),
        "json_hours_string": ("hours as text", "cv.json", _cv(hours_per_week="forty")),
        "json_hours_bool": ("hours as true", "cv.json", _cv(hours_per_week=True)),
        "json_hours_negative": ("-20 hours a week", "cv.json", _cv(hours_per_week=-20)),
        "json_hours_500": ("500 hours a week", "cv.json", _cv(hours_per_week=500)),
        "json_hours_zero": ("0 hours a week", "cv.json", _cv(hours_per_week=0)),
        "json_month_13": ("month 2023-13", "cv.json", _cv(start="2023-13")),
        "json_month_0000_00": ("month 0000-00", "cv.json", _cv(start="0000-00")),
        "json_month_00": ("month 2023-00", "cv.json", _cv(end="2023-00")),
        "json_year_9999": ("start in 9999", "cv.json", _cv(start="9999-01", end="9999-12")),
        "json_start_number": ("start as a number", "cv.json", _cv(start=202001)),
        "json_start_list": ("start as a list", "cv.json", _cv(start=["2020", "01"])),
        "json_end_before_start": ("an entry ending before it starts (valid, flagged)", "cv.json", _cv(start="2021-06", end="2020-01")),
        "json_graduation_9999": ("graduation 9999-12", "cv.json", json.dumps({"applicant": {"graduation": "9999-12"}, "experiences": []}).encode()),
        "json_experiences_dict": ("experiences as an object", "cv.json", b'{"experiences": {"a": 1}}'),
        "json_applicant_list": ("applicant as a list", "cv.json", b'{"applicant": [1]}'),
        "json_exams_string": ("exams as text", "cv.json", b'{"applicant": {"exams": "failed"}}'),
        "json_exam_score_text": ("an exam score as text", "cv.json", b'{"applicant": {"exams": [{"exam": "USMLE Step 1", "result": "pass", "score": "high"}]}}'),
        "json_unknown_key": ("an unknown top-level key", "cv.json", b'{"experiences": [], "password": "x"}'),
        "json_entries_10000": ("10,000 entries", "cv.json", _entries(10_000)),
        "json_entries_500": ("500 entries (the limit, valid)", "cv.json", _entries(500)),
        "json_type_unknown": ("an unknown entry type", "cv.json", _cv(type="spaceflight")),
        "json_script_fields": ("<script> and quotes in every text field (valid)", "cv.json", _cv(
            title='<script>alert("t")</script>', organization="O'Brien & <b>Sons</b>", city='"Atlanta"', description="<img src=x onerror=alert(1)>")),
        "json_bom": ("JSON with a UTF-8 BOM", "cv.json", b"\xef\xbb\xbf" + _cv()),
        "json_utf16": ("JSON in UTF-16", "cv.json", _cv().decode().encode("utf-16")),
        "json_too_big": ("a 3 MB JSON CV", "cv.json", b'{"experiences": [], "x": "' + b"a" * 3_000_000 + b'"}'),
        # YAML
        "yaml_malformed": ("YAML with a tab indent and an unclosed bracket", "cv.yaml", b"experiences:\n\t- [a, b\n"),
        "yaml_billion_laughs": ("a billion-laughs YAML of anchors and aliases", "cv.yaml", yaml_laughs.encode()),
        "yaml_merge_key": ("a YAML merge key (<<: *base)", "cv.yaml", b"base: &b {title: x}\nexperiences:\n  - <<: *b\n    start: 2020-01\n"),
        "yaml_python_object": ("a !!python/object/apply tag", "cv.yml", b'!!python/object/apply:os.system ["echo pwned > /tmp/pwned"]\n'),
        "yaml_python_name": ("a !!python/name tag", "cv.yaml", b"experiences: !!python/name:os.system\n"),
        "yaml_custom_tag": ("a custom !tag", "cv.yaml", b"experiences: !evil [1]\n"),
        "yaml_scalar": ("YAML that is one string", "cv.yaml", b"just a string\n"),
        "yaml_two_documents": ("two YAML documents", "cv.yaml", b"experiences: []\n---\nexperiences: []\n"),
        "yaml_deep_flow": ("flow lists nested 100,000 deep", "cv.yaml", b"[" * 100_000),
        "yaml_date_object": ("an unquoted full date (a YAML date object)", "cv.yaml", b"experiences:\n  - title: x\n    start: 2020-01-15\n"),
        "yaml_hours_inf": ("hours .inf", "cv.yaml", b"experiences:\n  - title: x\n    start: '2020-01'\n    hours_per_week: .inf\n"),
        "yaml_month_13": ("month 2023-13 in YAML", "cv.yaml", b"experiences:\n  - title: x\n    start: '2023-13'\n"),
        "yaml_date_feb_30": ("an unquoted 2023-02-30 (not a date)", "cv.yaml", b"experiences:\n  - title: x\n    start: 2023-02-30\n"),
        "yaml_datetime": ("an unquoted date and time", "cv.yaml", b"experiences:\n  - title: x\n    start: 2023-02-28 10:00:00\n"),
        "yaml_int_tag_text": ("!!int on a word", "cv.yaml", b"experiences:\n  - title: x\n    start: '2020-01'\n    hours_per_week: !!int 'abc'\n"),
        "yaml_sexagesimal": ("hours written 1:30", "cv.yaml", b"experiences:\n  - title: x\n    start: '2020-01'\n    hours_per_week: 1:30\n"),
        "yaml_hex_hours": ("hours written 0x28", "cv.yaml", b"experiences:\n  - title: x\n    start: '2020-01'\n    hours_per_week: 0x28\n"),
        "yaml_huge_int": ("a 5,000-digit YAML number", "cv.yaml", b"experiences:\n  - title: x\n    start: '2020-01'\n    hours_per_week: " + b"9" * 5000 + b"\n"),
        "yaml_surrogate": ("a lone surrogate escaped in YAML", "cv.yaml", b'experiences:\n  - title: "Observer \\ud800"\n    start: \'2020-01\'\n'),
        "yaml_entries_10000": ("10,000 YAML entries", "cv.yaml", b"experiences:\n" + b"  - {title: x, start: '2020-01'}\n" * 10_000),
        # CSV
        "csv_no_header": ("CSV without a header row", "cv.csv", row.encode() * 3),
        "csv_unknown_column": ("CSV with an unknown column", "cv.csv", b"start,salary\n2020-01,100\n"),
        "csv_extra_cells": ("a row with more cells than columns", "cv.csv", (header + row.rstrip("\n") + ",extra,cells\n").encode()),
        "csv_hours_text": ("hours as text in CSV", "cv.csv", (header + row.replace(",20,", ",lots,")).encode()),
        "csv_hours_500": ("500 hours a week in CSV", "cv.csv", (header + row.replace(",20,", ",500,")).encode()),
        "csv_hours_negative": ("negative hours in CSV", "cv.csv", (header + row.replace(",20,", ",-5,")).encode()),
        "csv_month_13": ("month 2023-13 in CSV", "cv.csv", (header + row.replace("2020-01", "2023-13")).encode()),
        "csv_month_0000": ("month 0000-00 in CSV", "cv.csv", (header + row.replace("2020-01", "0000-00")).encode()),
        "csv_rows_10000": ("10,000 CSV rows", "cv.csv", (header + row * 10_000).encode()),
        "csv_huge_cell": ("a 200,000-character cell", "cv.csv", (header + row.replace("Rounds", "x" * 200_000)).encode()),
        "csv_unclosed_quote": ("an unclosed quote", "cv.csv", (header + row.replace("Observer", '"Observer')).encode()),
        "csv_binary": ("random bytes named .csv", "cv.csv", bytes(range(256)) * 4),
        "csv_duplicate_header": ("a CSV naming a column twice", "cv.csv", (header.replace("end,", "start,") + row).encode()),
        "csv_formula": ("spreadsheet formulas in cells (valid)", "cv.csv", (header + row.replace("Observer", "=cmd|'/c calc'!A1")).encode()),
        # .docx and .txt CVs
        "cvdocx_pdf": ("a PDF named cv.docx", "cv.docx", b"%PDF-1.4\n%%EOF\n"),
        "cvdocx_xxe": ("a CV .docx with an external entity", "cv.docx", docx_with({"word/document.xml": _document(_para("Observer &xxe;"), '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')})),
        "cvdocx_bomb": ("a CV .docx zip bomb", "cv.docx", docx_with(add={"word/media/pad.bin": _repeat(b"\0" * 65536, 100 * 2**20)})),
        "cvdocx_no_body": ("a CV .docx without a body", "cv.docx", docx_with({"word/document.xml": f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"/>'.encode()})),
        "cvtxt_empty": ("an empty CV .txt", "cv.txt", b""),
        "cvtxt_garbage": ("a CV .txt of noise", "cv.txt", b"%%%% ~~~ ??? \n" * 100),
        "cvtxt_invalid_utf8": ("a CV .txt that is not UTF-8", "cv.txt", b"Observer \xff\xfe Grady 2020\n"),
        "cvtxt_month_13": ("a CV .txt line with 13/2023", "cv.txt", b"Observer, Grady Memorial Hospital, 13/2023 - 02/2024\n"),
        "cvtxt_lines_10000": ("10,000 dated lines in a CV .txt", "cv.txt", "\n".join(f"Observer, Hospital {i}, Jan 2020 - Mar 2020" for i in range(10_000)).encode()),
        "cvtxt_one_line_2mb": ("a 2 MB CV .txt on one line", "cv.txt", ("Observer, Grady Memorial Hospital, Jan 2020 - Mar 2020; " * 40_000).encode()),
        "cvtxt_bad_exam_line": ("an exam line the reader does not understand", "cv.txt", b"USMLE Step 1: maybe (08/2019)\nObserver, Grady Memorial Hospital\nAtlanta, GA | Jan 2022 - Mar 2022\n"),
        "cvtxt_year_9999": ("a CV .txt with the year 9999", "cv.txt", b"Observer, Grady Memorial Hospital, Jan 9999 - Mar 9999\n"),
        "cv_pdf_suffix": ("a CV named .pdf", "cv.pdf", b"%PDF-1.4\n"),
        "cv_xlsx_suffix": ("a CV named .xlsx", "cv.xlsx", b"PK\x03\x04"),
    }
    return out


# --- routing: every payload through its doors -------------------------------------------------------------------

def _statement_doors(name: str) -> list[str]:
    return ["cli-review", "form", "api-multipart"]


SUBPROCESS_SAMPLE = {"docx.bomb_document_xml@cli-review", "docx.xxe@cli-review", "docx.no_body@cli-review",
                     "text.invalid_utf8@cli-review", "text.five_mb@cli-review", "text.emoji_only@cli-review",
                     "cv.yaml_python_object@cli-review", "cv.json_deep@cli-review", "cli.stdin_invalid_utf8@cli-review",
                     "cli.output_dir_missing@cli-review", "bulk.mixed_folder@cli-bulk", "bulk.zip_slip@cli-bulk"}


def statement_cases() -> list[Case]:
    cases = []
    for kind, payloads, suffix in (("docx", docx_payloads(), ".docx"), ("text", text_payloads(), ".txt")):
        for name, (what, data) in payloads.items():
            file_name = f"statement{suffix}"
            for door in _statement_doors(name):
                cid = f"{kind}.{name}@{door}"
                if door == "cli-review":
                    case = Case(cid, door, what, {file_name: data}, ["review", "{dir}/" + file_name, "--as-of", "2026-09", "--format", "json"])
                elif door == "form":
                    case = Case(cid, door, what, fields=[("statement", (file_name, data))])
                else:
                    case = Case(cid, door, what, fields=[("statement", (file_name, data))])
                case.subprocess = cid in SUBPROCESS_SAMPLE
                cases.append(case)
            if kind == "text":  # pasted text and JSON text, where the bytes are text at all
                try:
                    pasted = data.decode("utf-8")
                except UnicodeDecodeError:
                    continue
                cases.append(Case(f"text.{name}@form-pasted", "form", what + " (pasted)", fields=[("text", pasted)]))
                cases.append(Case(f"text.{name}@api-json", "api-json", what + " (JSON text)",
                                  body=json.dumps({"text": pasted}).encode(), content_type="application/json"))
    return cases


def cv_cases() -> list[Case]:
    cases = []
    statement = GOOD.encode()
    for i, (name, (what, file_name, data)) in enumerate(cv_payloads().items()):
        cid = f"cv.{name}@cli-review"
        cases.append(Case(cid, "cli-review", what, {"statement.txt": statement, file_name: data},
                          ["review", "{dir}/statement.txt", "--cv", "{dir}/" + file_name, "--as-of", "2026-09", "--format", "json"],
                          subprocess=cid in SUBPROCESS_SAMPLE))
        door = ("api-multipart", "form")[i % 2]
        cases.append(Case(f"cv.{name}@{door}", door, what, fields=[("text", GOOD), ("cv", (file_name, data))]))
    return cases


def cli_cases() -> list[Case]:
    """Bad command lines and files for `reviewer review`."""
    s = GOOD.encode()
    good = {"statement.txt": s}
    review = ["review", "{dir}/statement.txt"]
    specs = [
        ("missing_file", "a statement file that does not exist", {}, review),
        ("directory", "a folder given as the statement", {"folder.txt/x": b""}, ["review", "{dir}/folder.txt"]),
        ("no_suffix", "a statement without a suffix", {"statement": s}, ["review", "{dir}/statement"]),
        ("pdf_suffix", "a statement named .pdf", {"statement.pdf": b"%PDF-1.4"}, ["review", "{dir}/statement.pdf"]),
        ("doc_suffix", "a statement named .doc", {"statement.doc": b"\xd0\xcf\x11\xe0"}, ["review", "{dir}/statement.doc"]),
        ("upper_suffix", "a statement named .TXT (valid)", {"STATEMENT.TXT": s}, ["review", "{dir}/STATEMENT.TXT"]),
        ("as_of_13", "--as-of 2026-13", good, review + ["--as-of", "2026-13"]),
        ("as_of_text", "--as-of yesterday", good, review + ["--as-of", "yesterday"]),
        ("as_of_9999", "--as-of 9999-12 with a CV that has no end", {**good, "cv.json": json.dumps(GOOD_CV).encode()},
         review + ["--cv", "{dir}/cv.json", "--as-of", "9999-12"]),
        ("exam_garbage", "--exam without =", good, review + ["--exam", "USMLE Step 1 failed"]),
        ("exam_unknown_result", "--exam with a result we do not know", good, review + ["--exam", "USMLE Step 1=maybe"]),
        ("exam_score_huge", "--exam with a 400-digit score", good, review + ["--exam", "USMLE Step 2 CK=" + "9" * 400]),
        ("exam_failed_upper", "--exam Step 1=FAILED (valid)", good, review + ["--exam", "USMLE Step 1=FAILED"]),
        ("exam_unicode_digits", "--exam with Arabic-Indic digits", good, review + ["--exam", "USMLE Step 2 CK=٢١٠"]),
        ("exam_superscript", "--exam with superscript digits", good, review + ["--exam", "USMLE Step 2 CK=²¹⁰"]),
        ("cv_missing", "--cv that does not exist", good, review + ["--cv", "{dir}/nope.json"]),
        ("disable_unknown", "--disable an unknown rule", good, review + ["--disable", "no.such.rule"]),
        ("format_docx_no_output", "--format docx without -o", good, review + ["--format", "docx"]),
        ("format_unknown", "--format pdf", good, review + ["--format", "pdf"]),
        ("docx_out_forbidden_chars", "a Word download of a statement holding characters XML cannot hold",
         {"statement.txt": text_payloads()["xml_forbidden_text"][1]}, review + ["--format", "docx", "-o", "{dir}/out.docx"]),
        ("output_dir_missing", "-o into a folder that does not exist", good, review + ["-o", "{dir}/no/such/dir/out.json", "--format", "json"]),
        ("output_is_dir", "-o naming a folder", {**good, "outdir/x": b""}, review + ["-o", "{dir}/outdir"]),
        ("name_250_chars", "a 250-character file name", {"s" * 246 + ".txt": s}, ["review", "{dir}/" + "s" * 246 + ".txt"]),
        ("name_newline", "a file name with a newline and an escape sequence", {"bad\nname\x1b[31m.txt": b""}, ["review", "{dir}/bad\nname\x1b[31m.txt"]),
        ("name_dotdot", "a path with ../ segments", {"sub/x": b"", "statement.txt": s}, ["review", "{dir}/sub/../statement.txt"]),
        ("no_arguments", "no statement argument", {}, ["review"]),
        ("unknown_command", "an unknown subcommand", {}, ["frobnicate"]),
    ]
    cases = [Case(f"cli.{name}@cli-review", "cli-review", what, files, args, subprocess=f"cli.{name}@cli-review" in SUBPROCESS_SAMPLE)
             for name, what, files, args in specs]
    for name, what, data in (("stdin_empty", "empty standard input", b""), ("stdin_invalid_utf8", "standard input that is not UTF-8", b"bad \xff\xfa input"),
                             ("stdin_utf16", "UTF-16 on standard input", GOOD.encode("utf-16")),
                             ("stdin_docx", "a .docx piped to standard input", base_docx()),
                             ("stdin_nul", "NUL bytes on standard input", b"I chose\x00 medicine.")):
        cid = f"cli.{name}@cli-review"
        cases.append(Case(cid, "cli-review", what, {}, ["review", "-"], stdin=data, subprocess=cid in SUBPROCESS_SAMPLE))
    return cases


def bulk_cli_cases() -> list[Case]:
    docx = docx_payloads()
    cv = cv_payloads()
    specs = [
        ("empty_folder", "an empty folder", {"in/.keep": b""}),
        ("mixed_folder", "good statements among hostile files", {
            "in/ana.txt": GOOD.encode(), "in/bomb.docx": docx["bomb_document_xml"][1], "in/xxe.docx": docx["xxe"][1],
            "in/nul.txt": b"a\x00b", "in/ben.txt": GOOD.encode(), "in/ben.cv.yaml": cv["yaml_python_object"][2]}),
        ("zip_slip", "a .zip whose members use ../ and absolute paths", {"in/cohort.zip": _zip({
            "../../evil.txt": GOOD.encode(), "/etc/evil2.txt": GOOD.encode(), "ok.txt": GOOD.encode()})}),
        ("zip_bomb", "a .zip whose member expands 1000-fold", {"in/cohort.zip": _zip({"a.txt": b"a" * (300 * 2**20)})}),
        ("zip_members_5000", "a .zip with 5,000 members", {"in/cohort.zip": _zip({f"s{i}.txt": b"x" for i in range(5000)})}),
        ("zip_corrupt", "a corrupt .zip", {"in/cohort.zip": b"PK\x03\x04broken" * 10}),
        ("zip_in_zip", "a .zip inside a .zip", {"in/cohort.zip": _zip({"inner.zip": _zip({"a.txt": GOOD.encode()}), "b.txt": GOOD.encode()})}),
        ("only_cvs", "a folder of CVs and no statements", {"in/ana.cv.json": json.dumps(GOOD_CV).encode()}),
        ("bad_cv_pair", "a statement paired with a malformed CV", {"in/ana.txt": GOOD.encode(), "in/ana.cv.json": b"{broken"}),
        ("every_docx_kind", "one of every hostile .docx in one folder", {f"in/{k}.docx": v[1] for k, v in docx.items()
                                                                         if k not in ("paragraphs_20000_short", "big_document_xml_low_ratio", "image_15mb_random", "total_over_60mb")}),
    ]
    cases = []
    for name, what, files in specs:
        cid = f"bulk.{name}@cli-bulk"
        source = "{dir}/in/cohort.zip" if "in/cohort.zip" in files else "{dir}/in"  # a .zip is an input of its own
        cases.append(Case(cid, "cli-bulk", what, files, ["bulk", source, "--out", "{dir}/out", "--as-of", "2026-09", "--jobs", "1"],
                          subprocess=cid in SUBPROCESS_SAMPLE))
    cases += [
        Case("bulk.missing_input@cli-bulk", "cli-bulk", "an input that does not exist", {}, ["bulk", "{dir}/nope", "--out", "{dir}/out", "--jobs", "1"]),
        Case("bulk.bad_as_of@cli-bulk", "cli-bulk", "--as-of 2026-13", {"in/a.txt": GOOD.encode()}, ["bulk", "{dir}/in", "--out", "{dir}/out", "--as-of", "2026-13", "--jobs", "1"]),
        Case("bulk.jobs_zero@cli-bulk", "cli-bulk", "--jobs 0", {"in/a.txt": GOOD.encode()}, ["bulk", "{dir}/in", "--out", "{dir}/out", "--jobs", "0"]),
        Case("bulk.out_is_file@cli-bulk", "cli-bulk", "--out naming an existing file", {"in/a.txt": GOOD.encode(), "out": b"x"},
             ["bulk", "{dir}/in", "--out", "{dir}/out", "--jobs", "1", "--as-of", "2026-09"]),
        Case("bulk.cv_dir_missing@cli-bulk", "cli-bulk", "--cv-dir that does not exist", {"in/a.txt": GOOD.encode()},
             ["bulk", "{dir}/in", "--out", "{dir}/out", "--cv-dir", "{dir}/nope", "--jobs", "1"]),
    ]
    return cases


def bulk_web_cases() -> list[Case]:
    docx = docx_payloads()
    text = text_payloads()
    specs = [
        ("no_files", "no files chosen", []),
        ("files_101", "101 files at once", [(f"s{i}.txt", GOOD.encode()) for i in range(101)]),
        ("zip_slip", "a .zip with ../ and absolute member paths", [("cohort.zip", _zip({"../../evil.txt": GOOD.encode(), "/abs.txt": GOOD.encode(), "ok.txt": GOOD.encode()}))]),
        ("zip_bomb", "a .zip member expanding 1000-fold", [("cohort.zip", _zip({"a.txt": b"a" * (300 * 2**20)}))]),
        ("zip_members_5000", "a .zip of 5,000 members", [("cohort.zip", _zip({f"s{i}.txt": b"x" for i in range(5000)}))]),
        ("zip_corrupt", "a corrupt .zip", [("cohort.zip", b"PK\x03\x04broken" * 10)]),
        ("zip_docx_bomb", "a .zip holding a .docx zip bomb", [("cohort.zip", _zip({"a.docx": docx["bomb_document_xml"][1], "b.txt": GOOD.encode()}))]),
        ("name_dotdot", "a file named ../../etc/passwd.txt", [("../../etc/passwd.txt", GOOD.encode())]),
        ("name_nul", "a file name with a NUL", [("a\x00b.txt", GOOD.encode())]),
        ("name_5000", "a 5,000-character file name", [("n" * 5000 + ".txt", GOOD.encode())]),
        ("name_script", "a file name with <script> and quotes", [('<script>alert("x")</script>\'.txt', GOOD.encode())]),
        ("hostile_docx_mix", "xxe, billion laughs, truncated and renamed .docx together", [
            ("xxe.docx", docx["xxe"][1]), ("laughs.docx", docx["billion_laughs"][1]), ("cut.docx", docx["truncated_half"][1]),
            ("pdf.docx", docx["pdf_renamed"][1]), ("good.txt", GOOD.encode())]),
        ("hostile_text_mix", "NUL, invalid UTF-8, UTF-16, empty and emoji texts together", [
            ("nul.txt", text["nul"][1]), ("bad.txt", text["invalid_utf8"][1]), ("u16.txt", text["utf16_le_bom"][1]),
            ("empty.txt", b""), ("emoji.txt", text["emoji_only"][1])]),
        ("bad_cv_pairs", "statements paired with hostile CVs", [
            ("ana.txt", GOOD.encode()), ("ana.cv.yaml", cv_payloads()["yaml_billion_laughs"][2]),
            ("ben.txt", GOOD.encode()), ("ben.cv.json", b"[" * 10000)]),
        ("over_size", "9 MB of files, over the upload limit", [("big.txt", b"a" * (9 * 2**20))]),
    ]
    return [Case(f"bulk.{name}@bulk-web", "bulk-web", what, fields=[("files", f) for f in files]) for name, what, files in specs]


def request_cases() -> list[Case]:
    """Bad requests: missing fields, wrong content types, oversize bodies, many files, hostile file names."""
    g = GOOD
    j = "application/json"
    specs = [
        # the form
        ("form_nothing", "form", [], None, None, "no fields at all"),
        ("form_blank_text", "form", [("text", "   ")], None, None, "only spaces in the text box"),
        ("form_text_and_file", "form", [("text", g), ("statement", ("s.txt", g.encode()))], None, None, "text and a file together"),
        ("form_json_body", "form", [], json.dumps({"text": g}).encode(), j, "JSON posted to the form"),
        ("form_text_plain", "form", [], g.encode(), "text/plain", "a text/plain body"),
        ("form_xml_body", "form", [], b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>", "application/xml", "an XML body with XXE"),
        ("form_oversize", "form", [("text", "a" * (9 * 2**20))], None, None, "a 9 MB body, over the 8 MB limit"),
        ("form_statement_6mb", "form", [("statement", ("s.txt", b"a " * (3 * 2**20)))], None, None, "a 6 MB statement file, over its 5 MB limit"),
        ("form_many_files", "form", [("statement", (f"s{i}.txt", g.encode())) for i in range(50)], None, None, "50 statement files at once"),
        ("form_many_parts", "form", [(f"f{i}", "x") for i in range(1500)], None, None, "1,500 form fields"),
        ("form_name_dotdot", "form", [("statement", ("../../../etc/passwd.txt", g.encode()))], None, None, "a file named ../../../etc/passwd.txt"),
        ("form_name_nul", "form", [("statement", ("a\x00b.txt", g.encode()))], None, None, "a file name with a NUL"),
        ("form_name_5000", "form", [("statement", ("n" * 5000 + ".txt", b""))], None, None, "a 5,000-character file name (empty file)"),
        ("form_name_script", "form", [("statement", ('<script>alert("x")</script>.pdf', b"%PDF"))], None, None, "a file name with <script>"),
        ("form_name_no_suffix", "form", [("statement", ("statement", g.encode()))], None, None, "a file without a suffix"),
        ("form_as_of_bad", "form", [("text", g), ("as_of", "2026-13")], None, None, "application month 2026-13"),
        ("form_as_of_9999", "form", [("text", g), ("as_of", "9999-12")], None, None, "application month 9999-12 (refused: not a plausible year)"),
        ("form_step1_bad", "form", [("text", g), ("step1", "<script>")], None, None, "a Step 1 answer not in the list"),
        ("form_step1_attempts_0", "form", [("text", g), ("step1", "fail"), ("step1_attempts", "0")], None, None, "0 Step 1 attempts"),
        ("form_step2_score_9999", "form", [("text", g), ("step2_score", "9999")], None, None, "Step 2 CK score 9999"),
        ("form_step2_score_neg", "form", [("text", g), ("step2_score", "-5")], None, None, "Step 2 CK score -5"),
        ("form_graduation_bad", "form", [("text", g), ("graduation", "0000-00"), ("cv", ("cv.json", json.dumps(GOOD_CV).encode()))], None, None, "graduation 0000-00"),
        ("form_disable_unknown", "form", [("text", g), ("disable", "no.such.rule")], None, None, "turn off an unknown rule"),
        ("form_b64_damaged", "form", [("statement_b64", "!!!not base64!!!"), ("statement_name", "s.docx")], None, None, "a damaged posted-back file"),
        ("form_b64_bomb", "form", [("statement_b64", base64.b64encode(docx_payloads()["bomb_document_xml"][1]).decode()),
                                   ("statement_name", "s.docx")], None, None, "a zip bomb posted back as base64"),
        # the JSON API
        ("api_empty_body", "api-json", [], b"", j, "an empty JSON body"),
        ("api_not_json", "api-json", [], b"{not json", j, "a body that is not JSON"),
        ("api_array", "api-json", [], b"[1,2]", j, "a JSON array"),
        ("api_no_text", "api-json", [], b'{"cv": {}}', j, "no 'text'"),
        ("api_text_number", "api-json", [], b'{"text": 42}', j, "'text' as a number"),
        ("api_text_null", "api-json", [], b'{"text": null}', j, "'text' as null"),
        ("api_text_over_limit", "api-json", [], json.dumps({"text": "a " * 150_000}).encode(), j, "300,000 characters of text"),
        ("api_lone_surrogate", "api-json", [], b'{"text": "I chose \\ud800 medicine in Atlanta."}', j, "a lone surrogate escaped in JSON"),
        ("api_deep_nesting", "api-json", [], b"[" * 100_000, j, "arrays nested 100,000 deep"),
        ("api_huge_number", "api-json", [], b'{"text": "x", "n": ' + b"1" * 5000 + b"}", j, "a 5,000-digit number"),
        ("api_cv_string", "api-json", [], json.dumps({"text": g, "cv": "cv.json"}).encode(), j, "'cv' as a string"),
        ("api_cv_bad_month", "api-json", [], json.dumps({"text": g, "cv": {"experiences": [{"title": "x", "start": "2023-13"}]}}).encode(), j, "a CV object with month 2023-13"),
        ("api_cv_hours_500", "api-json", [], json.dumps({"text": g, "cv": {"experiences": [{"title": "x", "start": "2023-01", "hours_per_week": 500}]}}).encode(), j, "a CV object with 500 hours a week"),
        ("api_cv_10000", "api-json", [], json.dumps({"text": g, "cv": {"experiences": [{"title": "x", "start": "2023-01"}] * 10_000}}).encode(), j, "a CV object with 10,000 entries"),
        ("api_exams_not_list", "api-json", [], json.dumps({"text": g, "exams": "fail"}).encode(), j, "'exams' as a string"),
        ("api_exams_numbers", "api-json", [], json.dumps({"text": g, "exams": [1, None]}).encode(), j, "'exams' holding numbers"),
        ("api_exams_bad_flag", "api-json", [], json.dumps({"text": g, "exams": ["USMLE Step 1"]}).encode(), j, "an exam without a result"),
        ("api_disable_number", "api-json", [], json.dumps({"text": g, "disable": [1]}).encode(), j, "'disable' holding a number"),
        ("api_as_of_number", "api-json", [], json.dumps({"text": g, "as_of": 202609}).encode(), j, "'as_of' as a number"),
        ("api_as_of_0000", "api-json", [], json.dumps({"text": g, "as_of": "0000-00"}).encode(), j, "'as_of' 0000-00"),
        ("api_name_script", "api-json", [], json.dumps({"text": g, "name": "<script>alert(1)</script>"}).encode(), j, "a <script> name (valid)"),
        ("api_utf16_body", "api-json", [], json.dumps({"text": g}).encode("utf-16"), j, "a UTF-16 JSON body"),
        ("api_invalid_utf8_body", "api-json", [], b'{"text": "\xff\xfe bad"}', j, "a JSON body that is not UTF-8"),
        ("api_oversize", "api-json", [], json.dumps({"text": "a" * (9 * 2**20)}).encode(), j, "a 9 MB JSON body"),
        ("api_text_plain", "api-json", [], g.encode(), "text/plain", "a text/plain body"),
        ("api_no_content_type", "api-json", [], g.encode(), None, "no Content-Type"),
        ("api_xml", "api-json", [], b"<text>hi</text>", "application/xml", "an XML body"),
        ("api_multipart_no_boundary", "api-json", [], b"--x\r\n", "multipart/form-data", "multipart without a boundary"),
        ("api_multipart_nothing", "api-multipart", [], None, None, "multipart with no fields"),
        ("api_multipart_many_files", "api-multipart", [("statement", (f"s{i}.txt", g.encode())) for i in range(50)], None, None, "50 statement files"),
        ("api_multipart_name_dotdot", "api-multipart", [("statement", ("../../x.docx", b"%PDF"))], None, None, "a file named ../../x.docx"),
        ("api_multipart_oversize", "api-multipart", [("statement", ("s.txt", b"a" * (9 * 2**20)))], None, None, "a 9 MB upload"),
        ("api_multipart_exams_bad", "api-multipart", [("text", g), ("exams", "nonsense")], None, None, "an exam form field without '='"),
    ]
    return [Case(f"request.{name}@{door}", door, what, fields=list(fields), body=body, content_type=ct)
            for name, door, fields, body, ct, what in specs]


def all_cases() -> list[Case]:
    cases = statement_cases() + cv_cases() + cli_cases() + bulk_cli_cases() + bulk_web_cases() + request_cases()
    ids = [c.id for c in cases]
    assert len(ids) == len(set(ids)), "case ids must be unique"
    return cases


def write_case_files(case: Case, root: Path) -> Path:
    """Write the case's files under root/<safe id>/ and return that folder."""
    folder = root / case.id.replace("@", "__").replace("/", "_")
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in case.files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return folder


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: make_inputs.py OUT", file=sys.stderr)
        return 2
    root = Path(argv[0])
    cases = all_cases()
    for case in cases:
        write_case_files(case, root)
    print(f"{len(cases)} cases written under {root}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
