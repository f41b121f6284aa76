"""Build the Word samples in samples/docx/ with python-docx (run: python samples/make_docx_samples.py)."""
import copy
import json
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.oxml import OxmlElement

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
OUT = HERE / "docx"


def paragraphs_of(name):
    data = json.loads((CORPUS / f"{name}.json").read_text(encoding="utf-8"))
    return [" ".join(s["text"] for s in p) for p in data["paragraphs"]]


def tracked(run_element, kind, author="Mentor"):
    """Wrap a run in w:ins or w:del (kind), as Word's track changes does."""
    wrapper = OxmlElement(f"w:{kind}")
    wrapper.set(qn("w:id"), str(abs(hash((kind, id(run_element)))) % 10000))
    wrapper.set(qn("w:author"), author)
    wrapper.set(qn("w:date"), "2026-10-01T10:00:00Z")
    run_element.addprevious(wrapper)
    wrapper.append(run_element)
    if kind == "del":
        for t in run_element.findall(qn("w:t")):
            t.tag = qn("w:delText")
    return wrapper


def plain(name, out):
    document = docx.Document()
    document.add_heading("Personal Statement", level=1)
    for text in paragraphs_of(name):
        document.add_paragraph(text)
    section = document.sections[0]
    section.header.paragraphs[0].text = "Applicant draft - do not circulate"
    section.footer.paragraphs[0].text = "Page 1"
    document.save(out)


def with_tracked_changes(name, out):
    """The corpus statement, plus a tracked insertion and a tracked deletion in its first paragraph."""
    document = docx.Document()
    texts = paragraphs_of(name)
    first = document.add_paragraph()
    first.add_run(texts[0])
    deleted = first.add_run(" This sentence was deleted by a mentor and must not be reviewed.")
    tracked(deleted._r, "del")
    inserted = first.add_run(" Tracked insertions are part of the draft.")
    tracked(inserted._r, "ins")
    for text in texts[1:]:
        p = document.add_paragraph()
        run = p.add_run(text)
        run.bold = text is texts[1]
    document.save(out)


def with_table(name, out):
    """The statement laid out in a two-column table, as some templates do."""
    document = docx.Document()
    texts = paragraphs_of(name)
    document.add_paragraph(texts[0])
    table = document.add_table(rows=2, cols=1)
    table.cell(0, 0).text = texts[1]
    table.cell(1, 0).text = texts[2]
    for text in texts[3:]:
        document.add_paragraph(text)
    document.save(out)


if __name__ == "__main__":
    OUT.mkdir(exist_ok=True)
    plain("a01_nigeria_im_model_disclosure", OUT / "model_disclosure.docx")
    with_tracked_changes("c02_surgprelim_blame_five", OUT / "tracked_changes.docx")
    with_table("b01_clarkston_peds", OUT / "table_layout.docx")
    print("wrote", ", ".join(p.name for p in sorted(OUT.glob("*.docx"))))
