"""The commented .docx: one Word comment per flagged sentence, anchored on it, the upload's formatting kept."""
import base64
import io

import docx
import pytest

from reviewer import review
from reviewer.inputs import from_bytes, from_text
from reviewer.render.docx import AUTHOR, render_docx

from tests.helpers.web import BLAME_SAMPLE, TEST_CV, comment_anchors, make_docx, sample_paragraphs, sample_text


def flagged(result) -> dict[int, list]:
    """First sentence of each finding -> the findings anchored there."""
    out = {}
    for f in result.findings:
        if f.sentences:
            out.setdefault(f.sentences[0], []).append(f)
    return out


def comments_by_text(document) -> dict[str, str]:
    anchors = comment_anchors(document)
    return {anchors[c.comment_id]: c.text for c in document.comments}


@pytest.fixture(scope="module")
def uploaded_review(blame_docx):
    return review(from_bytes(blame_docx, "draft.docx"), as_of="2026-09")


def test_one_comment_per_flagged_sentence_anchored_on_its_text(uploaded_review):
    result = uploaded_review
    expected = flagged(result)
    assert expected, "the blame sample must produce sentence findings"
    out = docx.Document(io.BytesIO(render_docx(result)))
    general = [f for f in result.findings if not f.sentences]
    assert len(list(out.comments)) == len(expected) + (1 if general else 0)
    by_text = comments_by_text(out)
    for index, findings in expected.items():
        sentence = result.sentences[index].text
        assert sentence in by_text, f"no comment anchored exactly on sentence {index}"
        for f in findings:
            assert f.message in by_text[sentence]
            assert f"Fix: {f.fix}" in by_text[sentence]
            assert f.rule in by_text[sentence]
    assert {c.author for c in out.comments} == {AUTHOR}


def test_uploaded_formatting_is_kept(uploaded_review, blame_docx):
    out = docx.Document(io.BytesIO(render_docx(uploaded_review)))
    before = docx.Document(io.BytesIO(blame_docx))
    for old, new in zip(before.paragraphs, out.paragraphs):
        assert new.text == old.text
        bold = "".join(r.text for r in new.runs if r.bold)
        italic = "".join(r.text for r in new.runs if r.italic)
        assert bold == "".join(r.text for r in old.runs if r.bold)
        assert italic == "".join(r.text for r in old.runs if r.italic)


def test_runs_split_inside_keep_their_formatting():
    # One bold run holding two sentences must be cut at the sentence edge, both halves bold.
    paragraphs = sample_paragraphs(BLAME_SAMPLE)
    document = docx.Document()
    for sentences in paragraphs:
        run = document.add_paragraph().add_run(" ".join(sentences))
        run.bold = True
        run.font.name = "Georgia"
    data = io.BytesIO()
    document.save(data)
    result = review(from_bytes(data.getvalue(), "one-run.docx"), as_of="2026-09")
    out = docx.Document(io.BytesIO(render_docx(result)))
    by_text = comments_by_text(out)
    for index in flagged(result):
        assert result.sentences[index].text in by_text
    for paragraph in out.paragraphs:
        for run in paragraph.runs:
            if run.text:
                assert run.bold and run.font.name == "Georgia"


def test_pasted_text_gives_a_clean_document_one_paragraph_each():
    text = sample_text(BLAME_SAMPLE)
    result = review(from_text(text, "pasted text"), as_of="2026-09")
    out = docx.Document(io.BytesIO(render_docx(result)))
    assert [p.text for p in out.paragraphs] == text.split("\n\n")
    by_text = comments_by_text(out)
    assert len(list(out.comments)) == len(flagged(result)) + any(not f.sentences for f in result.findings)
    for index in flagged(result):
        assert result.sentences[index].text in by_text


def test_document_level_findings_go_on_the_first_paragraph():
    text = sample_text(BLAME_SAMPLE)
    result = review(from_text(text, "pasted text"), TEST_CV, as_of="2026-09")
    general = [f for f in result.findings if not f.sentences]
    assert any(f.rule == "cv.gap" for f in general)
    out = docx.Document(io.BytesIO(render_docx(result)))
    first_paragraph = text.split("\n\n")[0]
    by_text = comments_by_text(out)
    assert first_paragraph in by_text
    for f in general:
        assert f.message in by_text[first_paragraph]


def test_tracked_changes_anchor_on_the_draft_as_it_reads():
    # A sentence with a tracked insertion and a tracked deletion: the comment covers the inserted text only.
    from docx.oxml import parse_xml
    paragraphs = sample_paragraphs(BLAME_SAMPLE)
    data = make_docx(paragraphs)
    document = docx.Document(io.BytesIO(data))
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    plain = review(from_bytes(data, "plain.docx"), as_of="2026-09")
    blamed = next(s for s in plain.sentences if "blame" in s.labels)
    paragraph = [p for p in document.paragraphs if p.text.strip()][blamed.paragraph]  # the score passage's
    paragraph._p.append(parse_xml(f'<w:del {ns} w:id="91" w:author="A"><w:r><w:delText>Deleted words.</w:delText></w:r></w:del>'))
    paragraph._p.append(parse_xml(f'<w:ins {ns} w:id="92" w:author="A"><w:r><w:t xml:space="preserve"> The exam board was unfair to me and the proctors made me fail.</w:t></w:r></w:ins>'))
    buffer = io.BytesIO()
    document.save(buffer)
    result = review(from_bytes(buffer.getvalue(), "tracked.docx"), as_of="2026-09")
    inserted = next(s for s in result.sentences if s.text.startswith("The exam board was unfair"))
    assert "Deleted words" not in result.text
    assert inserted.index in flagged(result), "the inserted blame sentence is flagged"
    out = docx.Document(io.BytesIO(render_docx(result)))
    anchored = set(comment_anchors(out).values())
    for index in flagged(result):
        assert result.sentences[index].text in anchored
    assert not any("Deleted words" in text for text in anchored)


def test_download_route_returns_the_uploaded_docx_with_comments(client, blame_docx):
    page = client.post("/review", data={"statement": (io.BytesIO(blame_docx), "draft.docx"), "as_of": "2026-09"},
                       content_type="multipart/form-data")
    assert page.status_code == 200
    encoded = base64.b64encode(blame_docx).decode()
    assert f'value="{encoded}"' in page.get_data(as_text=True), "the result page posts the upload back for downloads"
    response = client.post("/download/docx", data={"statement_b64": encoded, "statement_name": "draft.docx",
                                                    "as_of": "2026-09"})
    assert response.status_code == 200
    assert response.mimetype.endswith("wordprocessingml.document")
    assert 'filename=draft.reviewed.docx' in response.headers["Content-Disposition"]
    out = docx.Document(io.BytesIO(response.data))
    result = review(from_bytes(blame_docx, "draft.docx"), as_of="2026-09")
    assert len(list(out.comments)) == len(flagged(result)) + any(not f.sentences for f in result.findings)
    assert any(r.bold for r in out.paragraphs[0].runs)
