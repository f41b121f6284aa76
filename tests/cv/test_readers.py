"""CV readers: JSON/YAML/CSV validation messages, safety limits, and Word/text CVs that match their JSON twins."""
import json
from pathlib import Path

import docx
import pytest

from reviewer.inputs.profile import Profile
from reviewer.cv import load_cv, load_cv_bytes
from reviewer.errors import CVError, InputError, UnsupportedFormat

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "cv"
GOOD = {"type": "clinical", "title": "Observer", "organization": "Tift Regional Medical Center", "city": "Tifton",
        "state": "GA", "start": "2023-06", "end": "2023-08", "hours_per_week": 40}


def with_entry(**changes):
    bad = {**GOOD, **changes}
    return {"experiences": [GOOD, GOOD, {k: v for k, v in bad.items() if v != "DROP"}]}


JSON_ERRORS = [
    (with_entry(end="2023-13"), "experience 3 (Tift Regional Medical Center): 'end' 2023-13 is not a month"),
    (with_entry(start="June"), "experience 3 (Tift Regional Medical Center): 'start' June is not a month"),
    (with_entry(start="DROP"), "experience 3 (Tift Regional Medical Center): 'start' is missing"),
    (with_entry(start=202306), "experience 3 (Tift Regional Medical Center): 'start' 202306 is not a month"),
    (with_entry(type="hobby"), "experience 3 (Tift Regional Medical Center): 'type' 'hobby' must be one of clinical"),
    (with_entry(hours_per_week="forty"), "'hours_per_week' 'forty' must be a number of hours from 1 to 168"),
    (with_entry(hours_per_week=200), "'hours_per_week' 200 must be a number"),
    (with_entry(hours="40"), "experience 3 (Tift Regional Medical Center): unknown field 'hours'"),
    (with_entry(organization="DROP", title="DROP"), "experience 3: give a 'title' or an 'organization'"),
    (with_entry(city=5), "experience 3 (Tift Regional Medical Center): 'city' must be text"),
    ({"experiences": {"a": 1}}, "'experiences' must be a list"),
    ({"experiences": ["x"]}, "experience 1: must be an object"),
    ({"applicant": {"graduation": "2019-15"}}, "applicant: 'graduation' 2019-15 is not a month"),
    ({"applicant": {"exams": [{"exam": "USMLE Step 1", "result": "maybe"}]}},
     "applicant exam 1 (USMLE Step 1): 'result' 'maybe' must be one of pass, fail"),
    ({"applicant": {"nmae": "x"}}, "applicant: unknown field 'nmae'"),
    ({"experience": []}, "unknown top-level key 'experience'"),
    ([1, 2], "a CV file must hold an object"),
    ({"experiences": [GOOD] * 501}, "'experiences' has 501 entries; at most 500"),
]


@pytest.mark.parametrize("data,message", JSON_ERRORS)
def test_schema_messages_name_entry_and_field(data, message):
    with pytest.raises(CVError) as caught:
        load_cv(data)
    assert message in str(caught.value)


def test_the_issue_message_exactly():
    with pytest.raises(CVError) as caught:
        load_cv(with_entry(end="2023-13"))
    assert str(caught.value) == "experience 3 (Tift Regional Medical Center): 'end' 2023-13 is not a month"


@pytest.mark.parametrize("text,message", [
    ('{"experiences": [', "not valid JSON"),
    ('{"experiences": [{"start": "2023-01", "title": "x", "end": "2023-00"}]}', "'end' 2023-00 is not a month"),
])
def test_json_files(text, message):
    with pytest.raises(CVError, match=message):
        load_cv_bytes(text.encode(), "cv.json")


YAML_ERRORS = [
    ("experiences:\n  - title: Observer\n    start: 2023-06\n    end: [2023\n", "not valid YAML at line"),
    ("base: &b {title: x, start: '2023-01'}\nexperiences: [*b, *b]\n", "anchors or aliases"),
    ("experiences:\n  - {title: Observer, organization: Grady, start: '2023-06', end: '2023-02-30'}\n",
     "experience 1 (Grady): 'end' 2023-02-30 is not a month"),
    ("experiences:\n  - {title: Observer, start: 2023-06-01}\n", "experience 1 (Observer): 'start' 2023-06-01 is not a month"),
    ("experiences:\n" + "  - {title: x, start: '2023-01'}\n" * 501, "at most 500"),
]




def test_billion_laughs_is_refused_before_expanding():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]" for i in range(8)]
    with pytest.raises(CVError, match="anchors or aliases"):
        load_cv_bytes("\n".join(lines).encode(), "laughs.yml")


CSV_HEADER = "type,title,organization,city,state,country,start,end,hours_per_week,description\n"
CSV_ERRORS = [
    (CSV_HEADER + "clinical,Observer,Tift Regional Medical Center,Tifton,GA,USA,2023-06,2023-13,40,x\n",
     "experience 1 (Tift Regional Medical Center): 'end' 2023-13 is not a month"),
    (CSV_HEADER + "clinical,Observer,Grady,Atlanta,GA,USA,2023-06,2023-08,forty,x\n",
     "experience 1 (Grady): 'hours_per_week' forty is not a number"),
    ("title,organization,begin\nObserver,Grady,2023-06\n", "'start' is missing"),
    ("title,organization,start,hours\nObserver,Grady,2023-06,40\n", "unknown column 'hours'"),
    (CSV_HEADER + "clinical,Observer,Grady,Atlanta,GA,USA,2023-06,2023-08,40,x,extra\n", "more cells than there are columns"),
    (CSV_HEADER + "surgery,Observer,Grady,Atlanta,GA,USA,2023-06,2023-08,40,x\n", "'type' 'surgery' must be one of"),
]


@pytest.mark.parametrize("name,text,message", [("cv.yaml", t, m) for t, m in YAML_ERRORS]
                         + [("cv.csv", t, m) for t, m in CSV_ERRORS])
def test_yaml_and_csv_validation_messages(name, text, message):
    with pytest.raises(CVError) as caught:
        load_cv_bytes(text.encode(), name)
    assert message in str(caught.value)


def test_csv_blank_end_means_ongoing_and_quoted_commas_survive():
    cv = load_cv_bytes((CSV_HEADER + 'clinical,"Observer, medicine",Grady,Atlanta,GA,USA,2023-06,,40,"a, b"\n').encode(),
                       "cv.csv")
    (entry,) = cv.experiences
    assert (entry.title, entry.end, entry.description, cv.has_timeline) == ("Observer, medicine", None, "a, b", True)


@pytest.mark.parametrize("name,data,error", [
    ("cv.pdf", b"%PDF-1.4", UnsupportedFormat), ("cv.docx", b"%PDF-1.4", Exception),
    ("cv.json", b"\xff\xfe{", InputError), ("cv.txt", b"x" * (3 * 1024 * 1024), CVError),
])
def test_unreadable_files(name, data, error):
    with pytest.raises(error):
        load_cv_bytes(data, name)


TWINS = [("okafor.docx", "okafor.json"), ("silva.docx", "silva.json"), ("kovacs.docx", "kovacs.json"),
         ("rahman.txt", "rahman.json")]


@pytest.mark.parametrize("document,twin", TWINS)
def test_word_and_text_cvs_read_back_to_their_json_twins(document, twin):
    read, expected = load_cv(SAMPLES / document), load_cv(SAMPLES / twin)
    assert read.experiences == expected.experiences
    assert read.applicant == expected.applicant


def test_text_cv_reports_lines_it_could_not_place():
    cv = load_cv(SAMPLES / "patel.txt")
    assert "Hobbies: cricket, Gujarati cooking, long-distance running" in cv.unplaced
    assert [e.imprecise for e in cv.experiences] == [True, True, True, True, False]
    assert [(e.exam, e.result, e.score) for e in cv.exams] == [
        ("USMLE Step 1", "fail", None), ("USMLE Step 1", "pass", None), ("USMLE Step 2 CK", None, 218)]


def test_word_cv_built_here_with_tables_free_layout(tmp_path):
    document = docx.Document()
    document.add_heading("CLINICAL EXPERIENCE", level=1)
    document.add_paragraph("Observer, internal medicine – June 2019 to Aug. 2020")
    document.add_paragraph("Grady Memorial Hospital, Atlanta, GA")
    document.add_paragraph("• Pre-rounded on six patients a day.")
    document.add_heading("VOLUNTEER", level=1)
    document.add_paragraph("2022 - present | Volunteer | Mercy Care | Atlanta, GA (4 hrs/wk)")
    document.add_paragraph("Step 2 CK: 221")
    document.add_paragraph("Enjoys hiking on the Silver Comet Trail")
    path = tmp_path / "cv.docx"
    document.save(path)
    cv = load_cv(path)
    first, second = cv.experiences
    assert (first.type, first.title, first.organization, first.city, first.state) == (
        "clinical", "Observer, internal medicine", "Grady Memorial Hospital", "Atlanta", "GA")
    assert (first.start, first.end, first.description) == ("2019-06", "2020-08", "Pre-rounded on six patients a day.")
    assert (second.type, second.start, second.end, second.imprecise, second.hours_per_week) == (
        "volunteer", "2022-01", None, True, 4)
    assert cv.attempts("USMLE Step 2 CK")[0].score == 221
    assert cv.unplaced == ["Enjoys hiking on the Silver Comet Trail"]


def test_text_lines_with_unreadable_dates_or_no_names_are_unplaced_not_fatal():
    cv = load_cv_bytes("CLINICAL\nObserver | Grady | Atlanta, GA | 2023-13 - 2024-02\nJan 2021 – Mar 2021\n"
                       "Extern | Mercy Care | Atlanta, GA | Apr 2021 - present\n".encode(), "cv.txt")
    assert cv.unplaced == ["Observer | Grady | Atlanta, GA | 2023-13 - 2024-02", "Jan 2021 – Mar 2021"]
    assert [e.organization for e in cv.experiences] == ["Mercy Care"]


def test_bad_exam_line_in_a_text_cv():
    with pytest.raises(CVError, match="'maybe \\(08/2019\\)' is not pass, fail or a score"):
        load_cv_bytes(b"Step 1: maybe (08/2019)\n", "cv.txt")


def test_applicant_only_json_has_no_timeline():
    cv = load_cv(SAMPLES / "ibrahim.json")
    assert not cv.has_timeline and Profile(tuple(cv.exams), 215).flagged and cv.experiences == []


def test_missing_file_is_a_cv_error(tmp_path):
    with pytest.raises(CVError, match="cannot be read"):
        load_cv(tmp_path / "none.json")


def test_dict_and_json_file_agree(tmp_path):
    data = json.loads((SAMPLES / "okafor.json").read_text())
    assert load_cv(data) == load_cv(SAMPLES / "okafor.json")
