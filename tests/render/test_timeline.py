"""The CV picture: every label inside it, a legend for the kinds of entry, a colour per kind for Word CVs too."""
from pathlib import Path

import pytest

from reviewer import review
from reviewer.render.html import render_html
from reviewer.render.timeline import WIDTH, YEAR_LABEL, timeline

ROOT = Path(__file__).resolve().parents[2]
STATEMENT = "I chose family medicine because I want to care for whole families in Decatur, Georgia."


@pytest.fixture(scope="module", params=["okafor.json", "okafor.docx", "kovacs.docx", "rahman.txt", "ali.csv"])
def cv_review(request):
    return review(STATEMENT, cv=ROOT / "samples" / "cv" / request.param, as_of="2026-09")


def test_year_and_gap_labels_stay_inside_the_picture(cv_review):
    t = timeline(cv_review.cv)
    for year in t["years"]:
        if year["anchor"] == "start":
            assert year["label_x"] + YEAR_LABEL <= WIDTH, year
        else:
            assert year["label_x"] - YEAR_LABEL >= 0, year
    for gap in t["gaps"]:
        assert (gap["label_x"] + 60 <= WIDTH) if gap["anchor"] == "start" else (gap["label_x"] - 60 >= 0)
    assert t["as_of"]["x"] <= WIDTH


def test_a_gap_at_the_right_edge_is_labelled_leftwards_inside_the_picture():
    cv = {"as_of": "2026-09", "entries": [{"number": 1, "title": "Observer", "type": "clinical", "start": "2019-01",
                                            "end": "2026-07"}], "gaps": [{"start": "2026-08", "end": "2026-09", "months": 2}],
          "overlaps": []}
    [gap] = timeline(cv)["gaps"]
    assert gap["anchor"] == "end" and gap["label_x"] - 60 >= 0 and gap["label_x"] <= WIDTH


def test_the_last_year_label_would_have_been_cut_off():
    cv = {"as_of": "2026-09", "entries": [{"number": 1, "title": "Observer", "type": "clinical",
                                            "start": "2019-01", "end": "2026-12"}], "gaps": [], "overlaps": []}
    t = timeline(cv)
    last = t["years"][-1]
    assert last["label"] == "2027" and last["x"] > WIDTH - YEAR_LABEL  # the year line at the right edge ...
    assert last["anchor"] == "end" and last["label_x"] <= WIDTH  # ... has its label written leftwards


def test_a_legend_names_each_kind_and_word_cvs_get_their_colours(cv_review):
    t = timeline(cv_review.cv)
    kinds = {row["type"] for row in t["rows"]}
    assert {item["type"] for item in t["legend"]} == kinds
    page = render_html(cv_review, standalone=False)
    assert 'class="tl-legend"' in page
    for item in t["legend"]:
        assert f'tl-swatch-{item["type"]}' in page and f'tl-row tl-{item["type"]}' in page
    assert len(kinds) >= 2, "entries of a CV are told apart by their kind"


def test_dates_never_wrap_and_the_picture_scrolls_rather_than_shrinks(cv_review):
    page = render_html(cv_review, standalone=True)
    assert '<td class="when"><span class="date">' in page and ".cv-table .date" in page and "white-space: nowrap" in page
    assert 'class="timeline-frame" role="region"' in page and "min-width: 34rem" in page
