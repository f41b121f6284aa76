"""Build the Word CVs in samples/cv/ from their JSON twins with python-docx: `python samples/cv/make_docx.py`."""
from __future__ import annotations

import json
from pathlib import Path

import docx

HERE = Path(__file__).resolve().parent
HEADINGS = {"education": "EDUCATION", "clinical": "U.S. CLINICAL EXPERIENCE", "research": "RESEARCH EXPERIENCE",
            "work": "WORK EXPERIENCE", "volunteer": "VOLUNTEER EXPERIENCE", "teaching": "TEACHING",
            "other": "OTHER ACTIVITIES"}
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
LONG_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]
# Each Word CV writes dates the way a different applicant would.
STYLES = {"okafor": "short", "silva": "numeric", "kovacs": "long"}


def written_month(month: str | None, style: str) -> str:
    """A YYYY-MM month (or a bare year) the way this applicant writes it: "Mar 2021", "03/2021", "March 2021"."""
    if month is None:
        return "Present" if style != "numeric" else "present"
    if len(month) == 4:
        return month
    year, number = month[:4], int(month[5:])
    if style == "numeric":
        return f"{number:02d}/{year}"
    return f"{(LONG_MONTHS if style == 'long' else MONTHS)[number - 1]} {year}"


def written_range(entry: dict, style: str) -> str:
    """An entry's dates as one line, "Present" for an ongoing entry."""
    dash = " to " if style == "long" else (" - " if style == "numeric" else " – ")
    return written_month(entry["start"], style) + dash + written_month(entry.get("end"), style)


def exam_line(name: str, attempts: list[dict]) -> str:
    """One exam's attempts on a line: "USMLE Step 1: Fail (08/2019), Pass (02/2020)"."""
    items = []
    for attempt in attempts:
        value = str(attempt["score"]) if attempt.get("score") else attempt["result"].capitalize()
        items.append(value + (f" ({attempt['date'][5:]}/{attempt['date'][:4]})" if attempt.get("date") else ""))
    return f"{name}: {', '.join(items)}"


def build(name: str, style: str) -> Path:
    """Write NAME.docx from NAME.json and return its path."""
    data = json.loads((HERE / f"{name}.json").read_text(encoding="utf-8"))
    document = docx.Document()
    applicant = data["applicant"]
    document.add_heading(applicant["name"], level=0)
    document.add_paragraph(f"Name: {applicant['name']}")
    document.add_paragraph(f"Medical School: {applicant['medical_school']}")
    document.add_paragraph(f"Country: {applicant['country']}")
    document.add_paragraph(f"Graduation: {written_month(applicant['graduation'], 'long')}")
    document.add_heading("USMLE", level=1)
    exams: dict[str, list] = {}
    for attempt in applicant["exams"]:
        exams.setdefault(attempt["exam"], []).append(attempt)
    for exam, attempts in exams.items():
        document.add_paragraph(exam_line(exam, attempts))
    section = None
    for entry in data["experiences"]:
        if entry["type"] != section:
            section = entry["type"]
            document.add_heading(HEADINGS[section], level=1)
        place = ", ".join(p for p in (entry.get("city"), entry.get("state"), entry.get("country")) if p)
        line = document.add_paragraph()
        line.add_run(written_range(entry, style)).bold = True
        line.add_run(f" | {entry['title']} | {entry['organization']} | {place}")
        if entry.get("hours_per_week"):
            document.add_paragraph(f"Hours per week: {entry['hours_per_week']}")
        if entry.get("description"):
            document.add_paragraph(f"Description: {entry['description']}")
        if entry.get("meaningful"):
            document.add_paragraph(f"Meaningful: {entry['meaningful']}")
    path = HERE / f"{name}.docx"
    document.core_properties.author = "ERAS Narrative Reviewer samples"
    document.save(path)
    return path


if __name__ == "__main__":
    for sample, date_style in STYLES.items():
        print(build(sample, date_style))
