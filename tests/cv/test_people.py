"""Word and text CVs as people write them (samples/cv/people, by a writer who never saw the readers) read back to
their JSON twins: the same entries in order, the same exams and graduation, and a notice exactly when the twin
says the CV is mostly not placeable."""
import json
import shutil
from pathlib import Path

import pytest

from reviewer.cv import load_cv
from reviewer.cv.load import docx_lines
from reviewer.inputs.docx import open_docx

PEOPLE = Path(__file__).resolve().parents[2] / "samples" / "cv" / "people"
TWINS = sorted(p for p in PEOPLE.glob("*.json") if not p.name.endswith(".cv.docx.json"))
FIELDS = ("type", "title", "organization", "city", "state", "country", "start", "end", "hours_per_week")


def document_of(twin: Path) -> Path:
    (document,) = [p for p in (twin.with_suffix(".cv.txt"), twin.with_suffix(".cv.docx")) if p.exists()]
    return document


def test_there_are_thirty_cvs_in_ten_layouts_each_with_a_twin():
    assert len(TWINS) >= 30
    layouts = {layout for twin in TWINS for layout in json.loads(twin.read_text(encoding="utf-8"))["layouts"]}
    assert len(layouts) >= 10
    kinds = {document_of(twin).suffix for twin in TWINS}
    assert kinds == {".txt", ".docx"}
    assert sum(json.loads(t.read_text(encoding="utf-8"))["mostly_unplaced"] for t in TWINS) >= 2


@pytest.mark.parametrize("twin", TWINS, ids=lambda p: p.stem)
def test_cv_reads_back_to_its_twin(twin):
    expected = json.loads(twin.read_text(encoding="utf-8"))
    cv = load_cv(document_of(twin))
    read = [{key: getattr(entry, key) for key in FIELDS} for entry in cv.experiences]
    assert read == [{key: entry.get(key) for key in FIELDS} for entry in expected["experiences"]]
    exams = [{"exam": e.exam, "result": e.result, **({"score": e.score} if e.score is not None else {}),
              **({"date": e.date} if e.date else {})} for e in cv.exams]
    assert exams == expected["applicant"]["exams"]
    assert cv.applicant.graduation == expected["applicant"]["graduation"]
    mostly = [n for n in cv.notices if n.where == "the file" and n.reason.startswith("most of this CV")]
    assert bool(mostly) == expected["mostly_unplaced"]
    if not expected["mostly_unplaced"]:
        assert cv.notices == []  # a CV read in full has nothing to report


def test_word_cvs_are_built_from_their_block_lists(tmp_path):
    """samples/cv/people/make_docx.py gives the committed .docx files (same paragraphs, kinds and table cells)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("make_people_docx", PEOPLE / "make_docx.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sources = sorted(PEOPLE.glob("*.cv.docx.json"))
    assert len(sources) >= 15
    for source in sources:
        shutil.copy(source, tmp_path / source.name)
    built = module.main(tmp_path)
    assert [p.name for p in built] == [s.name.removesuffix(".json") for s in sources]
    for path in built:
        committed = PEOPLE / path.name
        assert docx_lines(open_docx(path.read_bytes(), path.name)) == docx_lines(
            open_docx(committed.read_bytes(), committed.name)), path.name
