"""Build the Word CVs of samples/cv/people with python-docx: `python samples/cv/people/make_docx.py`.

Each NAME.cv.docx.json lists the blocks of one Word CV as its writer laid it out:

    {"blocks": [{"type": "heading", "text": "CLINICAL EXPERIENCE"},
                {"type": "paragraph", "text": "Observer, Internal Medicine", "bold": true},
                {"type": "paragraph", "text": "Rounded with the inpatient team.", "bullet": true},
                {"type": "table", "rows": [["Dates", "Position"], ["06/2021 – 08/2021", "Observer\\nGrady"]]}]}

and becomes NAME.cv.docx next to it: headings in Word's Heading 1 style, paragraphs (bold when marked, in the
List Bullet style when a bullet; a tab in the text is a Word tab), and tables in the Table Grid style whose cells
hold one paragraph per line of the cell's text. The documents carry a fixed date and author so that building
them again gives the same text.
"""
from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path

import docx

HERE = Path(__file__).resolve().parent
FIXED = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)


def _paragraph(container, text: str, bold: bool = False, bullet: bool = False):
    paragraph = container.add_paragraph(style="List Bullet" if bullet else None)
    run = paragraph.add_run(text)
    run.bold = bold or None
    return paragraph


def _table(document, rows: list[list[str]]) -> None:
    width = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c in range(width):
            lines = (row[c] if c < len(row) else "").split("\n")
            cell = table.cell(r, c)
            cell.paragraphs[0].add_run(lines[0])
            for line in lines[1:]:
                cell.add_paragraph(line)


def build(source: Path) -> Path:
    """Write NAME.cv.docx from NAME.cv.docx.json and return its path."""
    blocks = json.loads(source.read_text(encoding="utf-8"))["blocks"]
    document = docx.Document()
    for block in blocks:
        kind = block["type"]
        if kind == "heading":
            document.add_heading(block["text"], level=1)
        elif kind == "paragraph":
            _paragraph(document, block["text"], block.get("bold", False), block.get("bullet", False))
        elif kind == "table":
            _table(document, block["rows"])
        else:
            raise ValueError(f"{source.name}: unknown block type {kind!r}")
    properties = document.core_properties
    properties.author = properties.last_modified_by = "ERAS Narrative Reviewer samples"
    properties.created = properties.modified = FIXED
    target = source.with_name(source.name.removesuffix(".json"))
    document.save(target)
    return target


def main(folder: Path = HERE) -> list[Path]:
    return [build(source) for source in sorted(folder.glob("*.cv.docx.json"))]


if __name__ == "__main__":
    for path in main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(path)
