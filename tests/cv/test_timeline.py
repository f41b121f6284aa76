"""Gap, overlap, date-order and future-date edge cases, with exactly the DESIGN.md definitions."""
import pytest

from reviewer.checks import cv_findings
from reviewer.cv import check_cv, load_cv
from reviewer.rulebook import default_rulebook


def entry(start, end, hours=40, city="Atlanta", org="Grady Memorial Hospital", **extra):
    return {"type": "clinical", "title": "Observer", "organization": org, "city": city, "state": "GA",
            "start": start, "end": end, "hours_per_week": hours, **extra}


def findings_of(report):
    """The cv rules' findings for a CV's timeline facts."""
    return cv_findings(report.cv, report, default_rulebook())


def report(entries, graduation="2020-06", as_of="2021-12"):
    cv = load_cv({"applicant": {"graduation": graduation}, "experiences": entries})
    return check_cv(cv, as_of, default_rulebook())


GAPS = [
    ("touching entries", [entry("2020-07", "2021-03"), entry("2021-03", "2021-12")], []),
    ("next month start", [entry("2020-07", "2021-03"), entry("2021-04", None)], []),
    ("two empty months are not a gap", [entry("2020-07", "2021-03"), entry("2021-06", None)], []),
    ("three empty months are", [entry("2020-07", "2021-03"), entry("2021-07", None)],
     [{"start": "2021-04", "end": "2021-06", "months": 3}]),
    ("one-month entries fill their month", [entry("2020-07", "2020-07"), entry("2020-08", "2020-08"),
                                           entry("2020-09", None)], []),
    ("a one-month entry splits a gap", [entry("2020-07", "2020-07"), entry("2020-10", "2020-10"),
                                        entry("2021-01", None)], []),
    ("ongoing entry runs to as-of", [entry("2020-07", None)], []),
    ("a gap runs to as-of", [entry("2020-07", "2021-06")], [{"start": "2021-07", "end": "2021-12", "months": 6}]),
    ("gap right after graduation", [entry("2021-01", None)], [{"start": "2020-07", "end": "2020-12", "months": 6}]),
    ("entries before graduation do not count", [entry("2019-01", "2020-05"), entry("2021-01", None)],
     [{"start": "2020-07", "end": "2020-12", "months": 6}]),
    ("an entry in the graduation month still leaves the next months open", [entry("2020-06", "2020-06"),
                                                                          entry("2020-10", None)],
     [{"start": "2020-07", "end": "2020-09", "months": 3}]),
    ("a reversed entry covers nothing", [entry("2020-07", "2020-12"), entry("2021-06", "2021-01"),
                                         entry("2021-07", None)], [{"start": "2021-01", "end": "2021-06", "months": 6}]),
    ("year-only dates never open a gap", [entry("2020", "2020"), entry("2021", None)], []),
    ("a year-only entry covers its whole year", [entry("2020-07", "2020-09"), entry("2021", "2021")],
     [{"start": "2020-10", "end": "2020-12", "months": 3}]),
    ("two gaps", [entry("2020-07", "2020-08"), entry("2020-12", "2021-04"), entry("2021-09", None)],
     [{"start": "2020-09", "end": "2020-11", "months": 3}, {"start": "2021-05", "end": "2021-08", "months": 4}]),
]


@pytest.mark.parametrize("case,entries,gaps", GAPS, ids=[g[0] for g in GAPS])
def test_gaps(case, entries, gaps):
    assert report(entries).gaps == gaps


def test_without_graduation_the_window_opens_at_the_first_entry():
    cv = load_cv({"experiences": [entry("2020-01", "2020-03"), entry("2020-08", None)]})
    assert check_cv(cv, "2020-12", default_rulebook()).gaps == [{"start": "2020-04", "end": "2020-07", "months": 4}]


def test_applicant_only_file_runs_no_timeline_check():
    cv = load_cv({"applicant": {"graduation": "2015-06", "exams": [{"exam": "Step 1", "result": "pass"}]}})
    result = check_cv(cv, "2026-09", default_rulebook())
    assert not cv.has_timeline and findings_of(result) == [] and result.gaps == []


OVERLAPS = [
    ("part-time volunteering beside a full-time job", [entry("2021-01", "2021-12", 45), entry("2021-03", "2021-09", 6)],
     []),
    ("two full-time posts in one city", [entry("2021-01", "2021-06", 40), entry("2021-04", "2021-09", 40)], []),
    ("two full-time posts in different cities", [entry("2021-01", "2021-06", 40),
                                                 entry("2021-04", "2021-09", 40, city="Macon")], [(1, 2, 3)]),
    ("city names compare without case", [entry("2021-01", "2021-06", 40, city="ATLANTA"),
                                         entry("2021-04", "2021-09", 40, city="atlanta")], []),
    ("a hand-over month does not count toward 80 hours", [entry("2021-01", "2021-06", 60),
                                                          entry("2021-06", "2021-09", 30)], []),
    ("exactly 80 hours is allowed", [entry("2021-01", "2021-06", 40), entry("2021-02", "2021-09", 40)], []),
    ("81 hours is not", [entry("2021-01", "2021-06", 41), entry("2021-02", "2021-09", 40)], [(1, 2, 5)]),
    ("a hand-over month is not an overlap", [entry("2021-01", "2021-03", 40, city="Macon"),
                                            entry("2021-03", "2021-05", 40)], []),
    ("one shared month beyond a hand-over is", [entry("2021-01", "2021-04", 40, city="Macon"),
                                              entry("2021-03", "2021-05", 40)], [(1, 2, 2)]),
    ("ongoing entries overlap to as-of", [entry("2021-01", None, 50), entry("2021-10", None, 35)], [(1, 2, 3)]),
    ("unknown hours never overlap", [entry("2021-01", "2021-06", None), entry("2021-02", "2021-09", 60)], []),
    ("a reversed entry overlaps nothing", [entry("2021-06", "2021-01", 60), entry("2021-02", "2021-09", 60)], []),
    ("year-only entries overlap only where every reading agrees", [entry("2020", "2020", 60),
                                                                  entry("2020-06", "2020-08", 40)], []),
    ("a year-only span still overlaps its certain middle", [entry("2019", "2021", 60),
                                                           entry("2020-06", "2020-08", 40)], [(1, 2, 3)]),
]


@pytest.mark.parametrize("case,entries,expected", OVERLAPS, ids=[o[0] for o in OVERLAPS])
def test_overlaps(case, entries, expected):
    found = report(entries).overlaps
    assert [(o["entries"][0], o["entries"][1], o["months"]) for o in found] == expected


def test_more_than_80_hours_names_both_entries_and_the_months():
    result = report([entry("2021-01", "2021-06", 60, org="Northside Hospital"), entry("2021-04", "2021-09", 30)])
    (finding,) = [f for f in findings_of(result) if f.rule == "cv.overlap"]
    assert "Northside Hospital" in finding.message and "Grady Memorial Hospital" in finding.message
    assert "2021-04 to 2021-06 (3 months)" in finding.message and "90 hours" in finding.message


def test_reversed_and_future_entries():
    result = report([entry("2020-07", "2021-03"), entry("2021-08", "2021-04"), entry("2022-02", "2022-04")])
    assert result.date_order == [{"entry": 2, "start": "2021-08", "end": "2021-04"}]
    assert result.future_date == [{"entry": 3, "start": "2022-02"}]
    rules = sorted(f.rule for f in findings_of(result))
    assert rules == ["cv.date_order", "cv.future_date", "cv.gap"]
    assert [f.level for f in findings_of(result) if f.rule == "cv.date_order"] == ["error"]


@pytest.mark.parametrize("field,length,fires", [("description", 750, False), ("description", 751, True),
                                                ("meaningful", 300, False), ("meaningful", 301, True)])
def test_description_limits(field, length, fires):
    result = report([entry("2020-07", None, **{field: "x" * length})])
    assert any(f.rule == "cv.description_length" for f in findings_of(result)) is fires


def test_to_dict_keeps_the_contract_keys():
    block = report([entry("2020-07", "2021-03"), entry("2021-07", None)]).to_dict()
    assert {"entries", "gaps", "overlaps", "date_order"} <= set(block)
    assert block["entries"][0]["start"] == "2020-07" and block["entries"][0]["months"] == 9
    assert block["gaps"] == [{"start": "2021-04", "end": "2021-06", "months": 3}]


def test_bad_as_of_is_a_clear_error():
    from reviewer.errors import CVError
    with pytest.raises(CVError, match="as-of '2021-13' is not a month"):
        report([entry("2020-07", None)], as_of="2021-13")
