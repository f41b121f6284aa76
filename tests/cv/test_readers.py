"""CV readers: JSON/YAML/CSV validation messages, safety limits, and Word/text CVs that match their JSON twins."""
import json
import re
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


# Problems inside a file that can be read: the entry (or attempt, or field) is left out with a notice that names
# it as the old error messages did, and the rest of the file is used.
ENTRY_PROBLEMS = [
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
]
FILE_PROBLEMS = [
    ({"experiences": {"a": 1}}, "experiences: 'experiences' must be a list of entries, so no entry was read"),
    ({"experiences": ["x"]}, "experience 1: must be an object"),
    ({"applicant": {"graduation": "2019-15"}}, "applicant: 'graduation' 2019-15 is not a month; it was left out"),
    ({"applicant": {"exams": [{"exam": "USMLE Step 1", "result": "maybe"}]}},
     "applicant exam 1 (USMLE Step 1): 'result' 'maybe' must be one of pass, fail; this attempt was left out"),
    ({"applicant": {"nmae": "x"}}, "applicant: unknown field 'nmae'"),
    ({"applicant": ["x"]}, "applicant: 'applicant' must be an object"),
    ({"experience": []}, "the file: unknown top-level key 'experience'; a CV file has 'applicant' and 'experiences', "
                         "so it was ignored"),
]


def notice_lines(cv) -> list[str]:
    return [n.line() for n in cv.notices]


@pytest.mark.parametrize("data,message", ENTRY_PROBLEMS)
def test_a_bad_entry_is_left_out_with_a_notice_naming_entry_and_field(data, message):
    cv = load_cv(data)
    (line,) = notice_lines(cv)
    assert message in line and line.endswith("; this entry was left out")
    assert len(cv.experiences) == 2 and cv.has_timeline
    assert all(n.source == "cv" for n in cv.notices)


@pytest.mark.parametrize("data,message", FILE_PROBLEMS)
def test_other_problems_inside_a_file_are_notices_too(data, message):
    cv = load_cv(data)
    assert any(message in line for line in notice_lines(cv)), notice_lines(cv)


def test_the_issue_message_exactly():
    (notice,) = load_cv(with_entry(end="2023-13")).notices
    assert notice.line() == ("experience 3 (Tift Regional Medical Center): 'end' 2023-13 is not a month; "
                             "this entry was left out")
    assert (notice.where, notice.text) == ("experience 3 (Tift Regional Medical Center)", "")


def test_a_file_whose_entries_all_fail_has_no_timeline_to_check():
    cv = load_cv({"experiences": [{**GOOD, "end": "2023-13"}]})
    assert cv.experiences == [] and not cv.has_timeline and len(cv.notices) == 1
    assert load_cv({"experiences": []}).has_timeline


@pytest.mark.parametrize("data,message", [
    ([1, 2], "a CV file must hold an object"),
    ({"experiences": [GOOD] * 501}, "'experiences' has 501 entries; at most 500"),
])
def test_files_that_cannot_be_read_still_raise(data, message):
    with pytest.raises(CVError, match=message):
        load_cv(data)


@pytest.mark.parametrize("text,message", [
    ('{"experiences": [', "not valid JSON"),
])
def test_json_files(text, message):
    with pytest.raises(CVError, match=message):
        load_cv_bytes(text.encode(), "cv.json")


def test_json_entry_problem_is_a_notice():
    cv = load_cv_bytes(b'{"experiences": [{"start": "2023-01", "title": "x", "end": "2023-00"}]}', "cv.json")
    assert notice_lines(cv) == ["experience 1 (x): 'end' 2023-00 is not a month; this entry was left out"]


YAML_ERRORS = [
    ("experiences:\n  - title: Observer\n    start: 2023-06\n    end: [2023\n", "not valid YAML at line"),
    ("base: &b {title: x, start: '2023-01'}\nexperiences: [*b, *b]\n", "anchors or aliases"),
    ("experiences:\n" + "  - {title: x, start: '2023-01'}\n" * 501, "at most 500"),
]
YAML_NOTICES = [
    ("experiences:\n  - {title: Observer, organization: Grady, start: '2023-06', end: '2023-02-30'}\n",
     "experience 1 (Grady): 'end' 2023-02-30 is not a month"),
    ("experiences:\n  - {title: Observer, start: 2023-06-01}\n",
     "experience 1 (Observer): 'start' 2023-06-01 is not a month"),
]
CSV_HEADER = "type,title,organization,city,state,country,start,end,hours_per_week,description\n"
CSV_ERRORS = [
    ("title,organization,begin\nObserver,Grady,2023-06\n", "'start' is missing"),
    (CSV_HEADER + "clinical,Observer,Grady,Atlanta,GA,USA,2023-06,2023-08,40,x\n" * 501, "more than 500 rows"),
]
CSV_NOTICES = [
    (CSV_HEADER + "clinical,Observer,Tift Regional Medical Center,Tifton,GA,USA,2023-06,2023-13,40,x\n",
     "experience 1 (Tift Regional Medical Center): 'end' 2023-13 is not a month"),
    (CSV_HEADER + "clinical,Observer,Grady,Atlanta,GA,USA,2023-06,2023-08,forty,x\n",
     "experience 1 (Grady): 'hours_per_week' forty is not a number"),
    (CSV_HEADER + "clinical,Observer,Grady,Atlanta,GA,USA,2023-06,2023-08,40,x,extra\n",
     "row 2: has more cells than there are columns (quote text with commas)"),
    (CSV_HEADER + "surgery,Observer,Grady,Atlanta,GA,USA,2023-06,2023-08,40,x\n", "'type' 'surgery' must be one of"),
]


@pytest.mark.parametrize("name,text,message", [("cv.yaml", t, m) for t, m in YAML_ERRORS]
                         + [("cv.csv", t, m) for t, m in CSV_ERRORS])
def test_yaml_and_csv_files_that_cannot_be_read(name, text, message):
    with pytest.raises(CVError) as caught:
        load_cv_bytes(text.encode(), name)
    assert message in str(caught.value)


@pytest.mark.parametrize("name,text,message", [("cv.yaml", t, m) for t, m in YAML_NOTICES]
                         + [("cv.csv", t, m) for t, m in CSV_NOTICES])
def test_yaml_and_csv_entry_problems_are_notices(name, text, message):
    good = ("  - {title: Extern, organization: Mercy Care, start: '2024-01'}\n" if name == "cv.yaml"
            else "clinical,Extern,Mercy Care,Atlanta,GA,USA,2024-01,,20,y\n")
    cv = load_cv_bytes((text + good).encode(), name)
    (line,) = notice_lines(cv)
    assert message in line and line.endswith("; this entry was left out")
    assert [e.organization for e in cv.experiences] == ["Mercy Care"]


# Issue 13, point 6: values PyYAML could not build, and a lone surrogate, are named, never a ValueError.
YAML_VALUES = [
    ("start: 2023-02-30", "'start' 2023-02-30 is not a month"),
    ("start: 2023-13-01", "'start' 2023-13-01 is not a month"),
    ("start: 2023-02-29 10:00:00", "'start' 2023-02-29 10:00:00 is not a month"),
    ("start: '2023-01', hours_per_week: " + "9" * 5000, "'hours_per_week' '99999"),
    ("start: '2023-01', hours_per_week: !!int 'abc'", "'hours_per_week' 'abc' must be a number of hours from 1 to 168"),
    ("start: '2023-01', hours_per_week: 1:30", "'hours_per_week' '1:30' must be a number of hours from 1 to 168"),
    ("start: '2023-01', hours_per_week: 0x28", "'hours_per_week' '0x28' must be a number"),
    ("start: '2023-01', hours_per_week: !!float 'x'", "'hours_per_week' 'x' must be a number"),
]


@pytest.mark.parametrize("fields,message", YAML_VALUES)
def test_yaml_values_pyyaml_cannot_build_are_named(fields, message):
    text = ("experiences:\n  - {title: Observer, organization: Grady, " + fields + "}\n"
            "  - {title: Extern, organization: Mercy Care, start: '2024-01', hours_per_week: 12}\n")
    cv = load_cv_bytes(text.encode(), "cv.yaml")
    (line,) = notice_lines(cv)
    assert line.startswith("experience 1 (Grady): ") and message in line and len(line) < 200
    assert [(e.organization, e.hours_per_week) for e in cv.experiences] == [("Mercy Care", 12)]


def test_yaml_graduation_written_as_a_date_is_read_as_its_month():
    cv = load_cv_bytes(b"applicant:\n  graduation: 2019-06-15\n", "cv.yaml")
    assert notice_lines(cv) == ["applicant: 'graduation' 2019-06-15 is not a month; it was left out"]


@pytest.mark.parametrize("name,data", [
    ("cv.yaml", b'experiences:\n  - {title: "Obs\\ud800erver", organization: Grady, start: "2023-01"}\n'),
    ("cv.json", b'{"experiences": [{"title": "Obs\\ud800erver", "organization": "Grady", "start": "2023-01"}]}'),
])
def test_a_lone_surrogate_is_replaced_and_said(name, data):
    cv = load_cv_bytes(data, name)
    (entry,) = cv.experiences
    assert entry.title == "Obs\ufffderver"
    entry.title.encode("utf-8")
    assert notice_lines(cv) == ["the file: 1 character that is not valid Unicode (a lone surrogate, such as the "
                                "escape \\ud800) was replaced with \ufffd"]


def test_a_lone_surrogate_in_a_dict_and_in_a_key():
    cv = load_cv({"experiences": [{**GOOD, "title": "a\udc80b"}], "x\ud800": 1})
    assert cv.experiences[0].title == "a\ufffdb"
    assert any("2 characters that are not valid Unicode" in line for line in notice_lines(cv))


def test_csv_duplicated_header_reads_the_first_column_and_says_so():
    text = ("type,title,organization,start,start,hours_per_week\n"
            "clinical,Observer,Grady,2023-01,2024-05,40\n")
    cv = load_cv_bytes(text.encode(), "cv.csv")
    assert [e.start for e in cv.experiences] == ["2023-01"]
    assert notice_lines(cv) == ["column 5: the column 'start' is named twice (columns 4 and 5); column 4 was read "
                                "and column 5 ignored"]


def test_csv_unknown_column_is_ignored_with_a_notice():
    cv = load_cv_bytes(b"title,organization,start,hours\nObserver,Grady,2023-06,40\n", "cv.csv")
    assert [e.organization for e in cv.experiences] == ["Grady"]
    assert notice_lines(cv)[0].startswith("column 4: unknown column 'hours'; allowed: type,title,")


def test_csv_hours_written_as_a_time_are_refused():
    row = "clinical,Observer,Grady,Atlanta,GA,USA,2023-06,2023-08,1:30,x\n"
    cv = load_cv_bytes((CSV_HEADER + row).encode(), "cv.csv")
    assert cv.experiences == []
    assert notice_lines(cv) == ["experience 1 (Grady): 'hours_per_week' 1:30 is not a number; this entry was left out"]


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
        ("USMLE Step 1", "fail", None), ("USMLE Step 1", "pass", None), ("USMLE Step 2 CK", "pass", 218)]
    assert cv.notices == []


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


def test_text_lines_with_unreadable_dates_or_no_names_are_notices_not_fatal():
    cv = load_cv_bytes("CLINICAL\nObserver | Grady | Atlanta, GA | 2023-13 - 2024-02\nJan 2021 – Mar 2021\n"
                       "Extern | Mercy Care | Atlanta, GA | Apr 2021 - present\n".encode(), "cv.txt")
    assert [e.organization for e in cv.experiences] == ["Mercy Care"]
    assert cv.unplaced == ["Observer | Grady | Atlanta, GA | 2023-13 - 2024-02", "Jan 2021 – Mar 2021"]
    lines = notice_lines(cv)
    assert lines[1:] == [
        'line 2 "Observer | Grady | Atlanta, GA | 2023-13 - 2024-02": the entry on this line was left out because '
        "its dates could not be read: '2023-13' is not a month: 13 is not a month number (1-12); write a month "
        "such as 2021-03, 03/2021 or Mar 2021",
        'line 3 "Jan 2021 – Mar 2021": a date with no title or organization beside it, so no entry was made from '
        "this line"]
    assert lines[0].startswith("the file: most of this CV could not be read as entries")


@pytest.mark.parametrize("line,reason", [
    ("Observer | Grady | Atlanta, GA | 13/2021 – 03/2022", "'13/2021' is not a month: 13 is not a month number"),
    ("Observer | Grady | Atlanta, GA | Jnue 2021 – Aug 2021", "'Jnue 2021' is not a date I can read"),
    ("Observer | Grady | Atlanta, GA | Jan 2021 – Smarch 2021", "'Smarch 2021' is not a date I can read"),
    ("Observer | Grady | Atlanta, GA | 2021 –", "has no end date"),
    ("Observer | Grady | Atlanta, GA | 06/2021 - 00/2021", "'00/2021' is not a month: 0 is not a month number"),
])
def test_a_garbled_date_leaves_its_entry_out_with_the_reason(line, reason):
    text = f"CLINICAL EXPERIENCE\nExtern | Mercy Care | Atlanta, GA | Apr 2020 - Jun 2020\n\n{line}\n"
    cv = load_cv_bytes(text.encode(), "cv.txt")
    assert [e.organization for e in cv.experiences] == ["Mercy Care"]
    notice = next(n for n in cv.notices if n.where == "line 4")
    assert notice.text == line and reason in notice.reason


def test_bad_exam_line_in_a_text_cv_is_a_notice_and_the_rest_is_read():
    cv = load_cv_bytes(b"Step 1: maybe (08/2019)\nStep 2 CK: 230 (2021-05)\n", "cv.txt")
    assert notice_lines(cv) == [
        "line 1 \"Step 1: maybe (08/2019)\": no exam attempt was read from this line: 'maybe (08/2019)' is not "
        "pass, fail or a score (write e.g. 'Step 1: Fail (08/2019), Pass (02/2020)')"]
    assert [(e.exam, e.result, e.score, e.date) for e in cv.exams] == [("USMLE Step 2 CK", "pass", 230, "2021-05")]


def test_an_exam_line_with_no_result_is_a_notice():
    cv = load_cv_bytes(b"USMLE\nStep 3: scheduled for July 2025\n", "cv.txt")
    assert cv.exams == [] and "'scheduled for July 2025' is not pass, fail or a score" in cv.notices[0].reason


def test_a_graduation_that_cannot_be_read_is_a_notice():
    cv = load_cv_bytes(b"Graduation: Junly 2019\nStep 1: Pass\n", "cv.txt")
    assert cv.applicant.graduation is None and cv.exams
    assert notice_lines(cv) == ['line 1 "Graduation: Junly 2019": the graduation date \'Junly 2019\' could not '
                                "be read, so it was left out; write a month such as June 2019 or 2019-06"]


def test_a_prose_cv_says_it_was_mostly_not_read():
    text = ("Jane Doe, MBBS\n\nMy path\nAfter medical school I worked for several years at a district hospital, and "
            "since moving to Georgia I have observed internal medicine teams at Grady and at Emory for some months "
            "while preparing for the Match.\n\nI also volunteer at a free clinic in Clarkston on weekends, helping "
            "refugee families understand their care and follow-up appointments.\n")
    cv = load_cv_bytes(text.encode(), "cv.txt")
    assert cv.experiences == []
    (notice,) = cv.notices
    assert notice.where == "the file" and notice.reason.startswith("most of this CV could not be read as entries")
    assert "0 entries were read" in notice.reason


def test_applicant_only_json_has_no_timeline():
    cv = load_cv(SAMPLES / "ibrahim.json")
    assert not cv.has_timeline and Profile(tuple(cv.exams), 215).flagged and cv.experiences == []


def test_missing_file_is_a_cv_error(tmp_path):
    with pytest.raises(CVError, match="cannot be read"):
        load_cv(tmp_path / "none.json")


def test_dict_and_json_file_agree(tmp_path):
    data = json.loads((SAMPLES / "okafor.json").read_text())
    assert load_cv(data) == load_cv(SAMPLES / "okafor.json")


# --- Exam lines in the forms people write -------------------------------------------------------------------------

EXAM_LINES = [
    ("USMLE Step 1: Pass (first attempt)", [("USMLE Step 1", "pass", None, None)]),
    ("USMLE Step 1: Fail (Jan 2020); Pass (Aug 2020)",
     [("USMLE Step 1", "fail", None, "2020-01"), ("USMLE Step 1", "pass", None, "2020-08")]),
    ("USMLE Step 1 – Fail (Sept 2018); Pass (March 2019)",
     [("USMLE Step 1", "fail", None, "2018-09"), ("USMLE Step 1", "pass", None, "2019-03")]),
    ("Step 2 CK — 221 (June 2021)", [("USMLE Step 2 CK", "pass", 221, "2021-06")]),
    ("Step 2 CK: 219 (2021-06)", [("USMLE Step 2 CK", "pass", 219, "2021-06")]),
    ("Step 1: 2 attempts, passed 08/2020",
     [("USMLE Step 1", "fail", None, None), ("USMLE Step 1", "pass", None, "2020-08")]),
    ("USMLE Step 2 CK 231 (1st attempt, 03/2022)", [("USMLE Step 2 CK", "pass", 231, "2022-03")]),
    ("Step 3 – Pass, 224", [("USMLE Step 3", "pass", 224, None)]),
    ("USMLE Step 3: Pass (first attempt), 219", [("USMLE Step 3", "pass", 219, None)]),
    ("USMLE Step 3 – Pass, 216 (2023-02)", [("USMLE Step 3", "pass", 216, "2023-02")]),
    ("USMLE Step 2 CK — 208, Fail (Mar 2021); 226, Pass (Sep 2021)",
     [("USMLE Step 2 CK", "fail", 208, "2021-03"), ("USMLE Step 2 CK", "pass", 226, "2021-09")]),
    ("Step 2 CK – Fail (Jun 2018); 228 (Jan 2019)",
     [("USMLE Step 2 CK", "fail", None, "2018-06"), ("USMLE Step 2 CK", "pass", 228, "2019-01")]),
    ("USMLE Step 1 | Pass | 219 | 07/2018", [("USMLE Step 1", "pass", 219, "2018-07")]),
    ("USMLE Step 1 – Pass (2nd attempt)",
     [("USMLE Step 1", "fail", None, None), ("USMLE Step 1", "pass", None, None)]),
    ("Step 1: Fail (08/2019), Pass (02/2020)",
     [("USMLE Step 1", "fail", None, "2019-08"), ("USMLE Step 1", "pass", None, "2020-02")]),
    ("USMLE: Step 1 passed on the first attempt; Step 2 CK 234 (February 2020).",
     [("USMLE Step 1", "pass", None, None), ("USMLE Step 2 CK", "pass", 234, "2020-02")]),
    ("I took Step 1 twice, failing in January 2019 and passing in June 2019, and I passed Step 2 CK with a score of "
     "223 in March 2020.", [("USMLE Step 1", "fail", None, "2019-01"), ("USMLE Step 1", "pass", None, "2019-06"),
                            ("USMLE Step 2 CK", "pass", 223, "2020-03")]),
    ("I passed USMLE Step 1 on my first attempt in April 2019 and scored 229 on Step 2 CK in November 2019.",
     [("USMLE Step 1", "pass", None, "2019-04"), ("USMLE Step 2 CK", "pass", 229, "2019-11")]),
    # A score alone is a pass only when it passed under the standard of its date; 208 in 2019 did not.
    ("Step 2 CK: 208 (11/2019)", [("USMLE Step 2 CK", None, 208, "2019-11")]),
    ("Step 2 CK: 212 (11/2019)", [("USMLE Step 2 CK", "pass", 212, "2019-11")]),
    ("Step 2 CK: 212 (11/2023)", [("USMLE Step 2 CK", None, 212, "2023-11")]),
]


@pytest.mark.parametrize("line,attempts", EXAM_LINES)
def test_exam_line_forms(line, attempts):
    cv = load_cv_bytes(f"USMLE\n{line}\n".encode(), "cv.txt")
    assert [(e.exam, e.result, e.score, e.date) for e in cv.exams] == attempts
    assert cv.notices == []


def test_a_title_naming_an_exam_is_not_an_exam_line():
    cv = load_cv_bytes("TEACHING\nInstructor, USMLE Step 1 Review\nMedical Review Academy\nJanuary 2021 to June 2021\n"
                       "Hours: 5 per week\n".encode(), "cv.txt")
    (entry,) = cv.experiences
    assert (entry.title, entry.organization, entry.hours_per_week) == ("Instructor, USMLE Step 1 Review",
                                                                        "Medical Review Academy", 5)
    assert cv.exams == []


# --- Entry layouts --------------------------------------------------------------------------------------------------

LAYOUTS = [
    ("Clinical Observer, Grady Memorial Hospital\nAtlanta, GA | Jan 2022 – Mar 2022 | 40 hrs/week",
     ("Clinical Observer", "Grady Memorial Hospital", "Atlanta", "GA", None, "2022-01", "2022-03", 40)),
    ("06/2021 – 08/2021   Observer, Internal Medicine\nGrady Memorial Hospital, Atlanta, GA (40 hrs/week)",
     ("Observer, Internal Medicine", "Grady Memorial Hospital", "Atlanta", "GA", None, "2021-06", "2021-08", 40)),
    ("GRADY MEMORIAL HOSPITAL — Atlanta, GA\nClinical Observer, Internal Medicine (40 hours/week)\n"
     "June 2021 – August 2021",
     ("Clinical Observer, Internal Medicine", "GRADY MEMORIAL HOSPITAL", "Atlanta", "GA", None, "2021-06", "2021-08",
      40)),
    ("2021-06 to 2021-08 | Observer | Grady Memorial Hospital | Atlanta, GA | 40 h/wk",
     ("Observer", "Grady Memorial Hospital", "Atlanta", "GA", None, "2021-06", "2021-08", 40)),
    ("Clinical Observer, Internal Medicine\nEmory University Hospital, Atlanta, GA — 32 hrs/week\nJan 2022 - Present",
     ("Clinical Observer, Internal Medicine", "Emory University Hospital", "Atlanta", "GA", None, "2022-01", None,
      32)),
    ("Research Assistant, Department of Medicine, Morehouse School of Medicine, Atlanta, GA (Oct 2020 – Jun 2022; "
     "20 hrs/week)", ("Research Assistant, Department of Medicine", "Morehouse School of Medicine", "Atlanta", "GA",
                      None, "2020-10", "2022-06", 20)),
    ("Jan 2021 - Mar 2021\tExtern\tPiedmont Macon Medical Center\tMacon, GA\t40 hrs/wk",
     ("Extern", "Piedmont Macon Medical Center", "Macon", "GA", None, "2021-01", "2021-03", 40)),
    ("Research Coordinator\nWinship Cancer Institute, Atlanta, GA\nJune 2019 to December 2021\nHours: 40 per week",
     ("Research Coordinator", "Winship Cancer Institute", "Atlanta", "GA", None, "2019-06", "2021-12", 40)),
    ("Extern, Pediatrics — Augusta University Medical Center, Augusta, GA\nFall 2020 – Spring 2021 (24 hrs/week)",
     ("Extern, Pediatrics", "Augusta University Medical Center", "Augusta", "GA", None, "2020-09", "2021-05", 24)),
    ("Research Volunteer — Medical College of Georgia, Augusta, GA\nWinter 2021 (10 hrs/week)",
     ("Research Volunteer", "Medical College of Georgia", "Augusta", "GA", None, "2021-12", "2022-02", 10)),
    ("Senior House Officer — Lady Ridgeway Hospital for Children, Colombo, Sri Lanka\n2016–2019",
     ("Senior House Officer", "Lady Ridgeway Hospital for Children", "Colombo", None, "Sri Lanka", "2016-01",
      "2019-12", None)),
    ("Observer, Internal Medicine — Grady Memorial Hospital, Atlanta, GA        Jun 2021 – Aug 2021",
     ("Observer, Internal Medicine", "Grady Memorial Hospital", "Atlanta", "GA", None, "2021-06", "2021-08", None)),
    ("Social Service Physician, Centro de Salud Zapopan, Zapopan, Jalisco, Mexico (Jan 2017 – Jan 2018; 40 hrs/week)",
     ("Social Service Physician", "Centro de Salud Zapopan", "Zapopan", "Jalisco", "Mexico", "2017-01", "2018-01",
      40)),
    ("Health Educator (volunteer) | Refugee Women's Network | Decatur, GA | 2022-05 to present | 3 h/wk",
     ("Health Educator (volunteer)", "Refugee Women's Network", "Decatur", "GA", None, "2022-05", None, 3)),
    ("Observer, Grady Memorial Hospital, Atlanta, GA (Jan–Mar 2020)",
     ("Observer", "Grady Memorial Hospital", "Atlanta", "GA", None, "2020-01", "2020-03", None)),
    ("2019 – 2020 Research Assistant, Emory University, Atlanta, GA",
     ("Research Assistant", "Emory University", "Atlanta", "GA", None, "2019-01", "2020-12", None)),
    ("Research Assistant, Emory University, Atlanta, GA Sep 2019 – Aug 2020",
     ("Research Assistant", "Emory University", "Atlanta", "GA", None, "2019-09", "2020-08", None)),
    ("Sep 2019 – Dec 2019 • Observer • Grady Memorial Hospital, Atlanta, GA",
     ("Observer", "Grady Memorial Hospital", "Atlanta", "GA", None, "2019-09", "2019-12", None)),
    ("Jan 2020 - Mar 2020: Observer – Grady Memorial Hospital – Atlanta, GA",
     ("Observer", "Grady Memorial Hospital", "Atlanta", "GA", None, "2020-01", "2020-03", None)),
]


@pytest.mark.parametrize("lines,fields", LAYOUTS)
def test_entry_layouts(lines, fields):
    cv = load_cv_bytes(f"CLINICAL EXPERIENCE\n{lines}\n• Rounded daily with the team\n".encode(), "cv.txt")
    (entry,) = cv.experiences
    assert (entry.title, entry.organization, entry.city, entry.state, entry.country, entry.start, entry.end,
            entry.hours_per_week) == fields
    assert entry.description == "Rounded daily with the team" and cv.notices == [] and cv.unplaced == []


def test_graduation_from_the_lines_above_the_first_heading():
    text = ("Jane Doe, MBBS\nAtlanta, GA 30318 | (404) 555-0100\nKing Edward Medical University (Lahore, Pakistan) — "
            "MBBS, October 2019\n\nEDUCATION\nNov 2014 - Oct 2019 | MBBS | King Edward Medical University | "
            "Lahore, Pakistan\n")
    cv = load_cv_bytes(text.encode(), "cv.txt")
    assert cv.applicant.graduation == "2019-10" and len(cv.experiences) == 1
    year_only = load_cv_bytes(b"Hanoi Medical University, Vietnam - Doctor of Medicine, 2017\n\nUSMLE\nStep 1: Pass\n",
                              "cv.txt")
    assert year_only.applicant.graduation == "2017-06"  # a year alone is the June of that year


# --- Word CVs: list paragraphs, tables with a header row, two-column tables ----------------------------------------

def test_word_list_paragraphs_are_bullets_not_organizations(tmp_path):
    document = docx.Document()
    document.add_heading("CLINICAL EXPERIENCE", level=1)
    title = document.add_paragraph()
    title.add_run("Observer, Internal Medicine").bold = True
    document.add_paragraph("Grady Memorial Hospital, Atlanta, GA")
    document.add_paragraph("Jan 2020 – Mar 2020")
    document.add_paragraph("Coordinated care with nursing, case management and pharmacy", style="List Bullet")
    title = document.add_paragraph()
    title.add_run("Extern, Family Medicine").bold = True
    document.add_paragraph("Morehouse Healthcare, Atlanta, GA — 40 hrs/week")
    document.add_paragraph("Apr 2020 - Present")
    document.save(tmp_path / "cv.docx")
    cv = load_cv(tmp_path / "cv.docx")
    assert [(e.title, e.organization, e.start, e.end, e.hours_per_week) for e in cv.experiences] == [
        ("Observer, Internal Medicine", "Grady Memorial Hospital", "2020-01", "2020-03", None),
        ("Extern, Family Medicine", "Morehouse Healthcare", "2020-04", None, 40)]
    assert cv.experiences[0].description == "Coordinated care with nursing, case management and pharmacy"


def test_word_tables_with_a_header_row_and_with_two_columns(tmp_path):
    document = docx.Document()
    document.add_heading("WORK EXPERIENCE", level=1)
    table = document.add_table(rows=3, cols=5)
    for r, row in enumerate([["Hours/week", "Position", "Institution", "Location", "Dates"],
                             ["60", "Medical Officer", "Evercare Hospital Lekki", "Lagos, Nigeria",
                              "May 2020 – Dec 2022"],
                             ["—", "House Officer", "Nnamdi Azikiwe University Teaching Hospital", "Nnewi, Nigeria",
                              "Apr 2018 – Mar 2019"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_heading("RESEARCH EXPERIENCE", level=1)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Jan 2023 – Present"
    right = table.cell(0, 1)
    right.text = "Clinical Research Associate"
    right.add_paragraph("Emory University School of Medicine, Atlanta, GA")
    right.add_paragraph("40 hrs/week")
    right.add_paragraph("• Manage a prospective kidney transplant outcomes registry")
    document.save(tmp_path / "cv.docx")
    cv = load_cv(tmp_path / "cv.docx")
    assert [(e.type, e.title, e.organization, e.city, e.country, e.start, e.end, e.hours_per_week)
            for e in cv.experiences] == [
        ("work", "Medical Officer", "Evercare Hospital Lekki", "Lagos", "Nigeria", "2020-05", "2022-12", 60),
        ("work", "House Officer", "Nnamdi Azikiwe University Teaching Hospital", "Nnewi", "Nigeria", "2018-04",
         "2019-03", None),
        ("research", "Clinical Research Associate", "Emory University School of Medicine", "Atlanta", None, "2023-01",
         None, 40)]
    assert cv.experiences[2].description == "Manage a prospective kidney transplant outcomes registry"
    assert cv.notices == []


def test_word_notices_name_the_paragraph(tmp_path):
    document = docx.Document()
    document.add_heading("CLINICAL EXPERIENCE", level=1)
    document.add_paragraph("Observer | Grady | Atlanta, GA | 2023-13 – 2024-02")
    document.add_paragraph("Extern | Mercy Care | Atlanta, GA | 2024-03 – 2024-05")
    document.save(tmp_path / "cv.docx")
    cv = load_cv(tmp_path / "cv.docx")
    assert [e.organization for e in cv.experiences] == ["Mercy Care"]
    notice = next(n for n in cv.notices if n.where != "the file")
    assert (notice.where, notice.text) == ("paragraph 2", "Observer | Grady | Atlanta, GA | 2023-13 – 2024-02")


# --- Issue 13, point 4: the text CV reader is linear ---------------------------------------------------------------

def _scanned(monkeypatch) -> list:
    """Count the characters every regular expression of the CV readers is given (a deterministic measure of the
    readers' work), and the longest line handed to the steps that parse a line."""
    from reviewer.cv import applicant_lines, dates, load, schema, text_cv, text_places
    tally = [0, 0]

    class Counting:
        def __init__(self, pattern):
            self._pattern = pattern

        def __getattr__(self, name):
            method = getattr(self._pattern, name)
            if name not in ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"):
                return method

            def call(*args, **kwargs):
                text = args[1] if name in ("sub", "subn") else args[0]
                tally[0] += len(text) if isinstance(text, str) else 0
                return method(*args, **kwargs)
            return call

    for module in (applicant_lines, dates, load, schema, text_cv, text_places):
        for name, value in list(vars(module).items()):
            if isinstance(value, re.Pattern):
                monkeypatch.setattr(module, name, Counting(value))
    for name in ("_date_in", "_take_hours", "graduation_in", "read_exam_line", "entry_fields", "split_range"):
        original = getattr(text_cv, name)

        def watched(text, *args, _original=original, **kwargs):
            tally[1] = max(tally[1], len(text) if isinstance(text, str) else 0)
            return _original(text, *args, **kwargs)
        monkeypatch.setattr(text_cv, name, watched)
    return tally


@pytest.mark.parametrize("unit", ["2020 ", "2020", "2020-", "Jan 2020 – ", "Step 1: Pass 230 ", "Observer, Grady, "])
@pytest.mark.parametrize("heading", ["", "CLINICAL EXPERIENCE\n", "USMLE\n"])
def test_a_two_megabyte_line_is_read_in_linear_work(monkeypatch, unit, heading):
    """The 2 MB one-line CV of issue 13 (12 s at 1 MB before): the readers' regular expressions see each character
    a few times at most, twice the text costs twice the work, and no step that parses a line is given more than a
    line's worth of it."""
    tally = _scanned(monkeypatch)
    work = []
    for size in (1024 * 1024, 2 * 1024 * 1024 - 64):
        data = (heading + unit * (size // len(unit)))[:size].encode()[:size]
        assert len(data) > size - 64
        tally[0] = 0
        cv = load_cv_bytes(data, "cv.txt")
        assert cv.experiences == []
        work.append(tally[0] / len(data))
    assert max(work) <= 8  # characters scanned per character of the CV
    assert work[1] <= work[0] * 1.05 + 0.1  # linear: the cost per character does not grow with the size
    assert tally[1] <= 1_000  # text_cv.LONGEST


def test_a_text_cv_longer_than_any_cv_is_refused_and_many_problems_are_summed_up():
    with pytest.raises(CVError, match="more than 10,000 lines"):
        load_cv_bytes(("x\n" * 10_001).encode(), "cv.txt")
    with pytest.raises(CVError, match="more than 500 dated entries"):
        load_cv_bytes("\n".join(f"Observer, Hospital {i}, Jan 2020 - Mar 2020" for i in range(10_000)).encode(),
                      "cv.txt")
    cv = load_cv_bytes(("CLINICAL\n" + "Observer | Grady | Atlanta, GA | 2023-13 - 2024-02\n\n" * 80).encode(), "cv.txt")
    assert len(cv.notices) == 52  # "mostly not read", the first 50 lines, and how many more
    assert cv.notices[-1].line() == "the file: 30 more problems like these were found; only the first 50 are listed"


def test_a_cv_written_as_labelled_fields_reads_each_entry_with_its_dates_and_hours():
    """The layout of the ERAS application's experience list: one "Label: value" per line, or several on a line."""
    from reviewer.cv.text_cv import cv_from_lines
    text = """EXPERIENCES

1. Experience Type: Clinical
   Position Title: Observer
   Organization: Northside Hospital
   City: Atlanta   State/Province: Georgia   Country: United States
   Start Date: 02/2023   End Date: 05/2023
   Average Hours/Week: 40
   Description: Followed the hospitalist team.

2. Experience Type: Research
   Position Title: Research Volunteer
   Organization: Morehouse School of Medicine
   Start Date: 09/2023
   End Date: Present
   Average Hours/Week: 12

3. Experience Type: Volunteer
   Position Title: Clinic Volunteer
   Organization: Good Samaritan Health Center
   Start Date: 01/2024   End Date: Present
"""
    cv = cv_from_lines(text.splitlines())
    got = [(e.type, e.title, e.start, e.end, e.hours_per_week) for e in cv.experiences]
    assert got == [("clinical", "Observer", "2023-02", "2023-05", 40), ("research", "Research Volunteer", "2023-09", None, 12),
                   ("volunteer", "Clinic Volunteer", "2024-01", None, None)]
    assert "Northside Hospital" in cv.experiences[0].organization
    assert "Morehouse School of Medicine" in cv.experiences[1].organization
    assert cv.experiences[0].description.startswith("Followed")
    assert not cv.unplaced and not cv.notices


def test_lines_that_only_look_like_fields_are_left_to_the_reader():
    from reviewer.cv.fields import as_entry_lines
    lines = [("Languages: English, Arabic", 1), ("Hobbies: running", 2), ("Title: Observer", 3)]
    assert as_entry_lines(lines) == [(*line, "") for line in lines]  # no dates: not an entry block


def test_a_list_of_bulleted_one_line_entries_reads_each_bullet_as_an_entry():
    """Each bullet names an entry with its dates; bullets under an entry stay its description."""
    from reviewer.cv.text_cv import cv_from_lines
    text = """Clinical Experience
• Observer, Northside Hospital, Atlanta, GA (Mar 2022 - May 2022)
• Extern, Piedmont Atlanta Hospital, Atlanta, GA (Jun 2022 - Aug 2022) – 40 hrs/wk

Research
Research Assistant, Morehouse School of Medicine, Atlanta, GA
Oct 2022 - Present
• Built a REDCap database (2023).
"""
    cv = cv_from_lines(text.splitlines())
    got = [(e.start, e.end, e.hours_per_week) for e in cv.experiences]
    assert got == [("2022-03", "2022-05", None), ("2022-06", "2022-08", 40), ("2022-10", None, None)]
    assert [e.organization for e in cv.experiences][:2] == ["Northside Hospital", "Piedmont Atlanta Hospital"]
    assert "REDCap" in cv.experiences[2].description
