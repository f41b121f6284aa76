"""The mentor's cohort page (the /bulk result and the CLI's index.html): plain headings grouped by area, one
status per applicant, rows that open in place to the findings, notices, and summary.csv's notices column."""
import csv
import dataclasses
import io
import re

import pytest

from reviewer.bulk.cohort_html import AREAS, applicant_details, cohort_table, index_html
from reviewer.bulk.summary_csv import header, summary_csv
from reviewer.bulk.worker import Outcome

from tests.bulk.test_web import bulk_client, cohort_files, upload  # noqa: F401  (the fixture too)


@pytest.fixture(scope="module")
def outcomes():
    good = Outcome(0, "ana.docx", "ana", words=640, passage_sentences=3, share=0.12, fired={"statement.cliche": "suggestion"},
                   counts={"suggestion": 1})
    blamed = Outcome(1, "ben.txt", "ben", words=700, passage_sentences=7, share=0.19,
                     fired={"score.blame": "error", "score.too_long": "warning", "cv.gap": "warning"},
                     counts={"error": 2, "warning": 2})
    failed = Outcome(2, "notes.pdf", "notes", error="notes.pdf: .pdf is not a format we read")
    return [good, blamed, failed]


REVIEW_JSON = {
    "sentences": [{"index": 0, "text": "My school never taught the material, so I failed Step 1."},
                  {"index": 1, "text": "The exam was unfair."}, {"index": 2, "text": "I passed later."}],
    "findings": [{"rule": "score.too_long", "level": "warning", "message": "The score passage runs 7 sentences.",
                  "sentences": [0, 1, 2]},
                 {"rule": "score.blame", "level": "error", "message": 'This sentence puts the result on someone: "My school…"',
                  "sentences": [0]}],
    "notices": [{"source": "cv", "where": "line 4", "text": "Spring 2021 something", "reason": "no date could be read"}],
}


def test_headings_are_plain_words_grouped_by_area(outcomes, rulebook):
    table = cohort_table(outcomes, {0: "ana.cv.json"}, rulebook.findable())
    headings = re.findall(r"<th scope=\"col\"[^>]*>([^<]+)</th>", table)
    assert headings == ["Applicant", "Status", *[heading for _, heading, _ in AREAS], "Words"]
    assert [h for _, h, _ in AREAS] == ["Exam passage", "Blame and growth", "Regional ties", "CV", "Length and wording"]
    assert not any("." in h for h in headings), "no rule id as a heading"


def test_one_status_per_applicant_with_the_most_serious_finding_in_words(outcomes, rulebook):
    table = cohort_table(outcomes, {}, rulebook.findable(), details={1: applicant_details(REVIEW_JSON)})
    rows = re.findall(r"<tr[^>]*data-file=\"([^\"]+)\"[^>]*data-status=\"(\w+)\".*?<td class=\"status\"[^>]*>(.*?)</td>", table, re.S)
    status = {file: (state, re.sub(r"<[^>]+>", " ", cell)) for file, state, cell in rows}
    assert status["ana.docx"][0] == "ready" and "Ready" in status["ana.docx"][1] and "1 suggestion" in status["ana.docx"][1]
    assert status["ben.txt"][0] == "work" and "Needs work" in status["ben.txt"][1]
    assert "This sentence puts the result on someone" in status["ben.txt"][1], "the error comes first"
    assert status["notes.pdf"][0] == "failed" and "Not reviewed" in status["notes.pdf"][1]
    without = cohort_table(outcomes, {}, rulebook.findable())
    assert rulebook.rules["score.blame"].summary.split(",")[0] in without, "the rule's summary when the JSON is not at hand"


def test_each_row_opens_to_its_findings_with_their_sentences(outcomes, rulebook):
    table = cohort_table(outcomes, {}, rulebook.findable(), links=False, details={1: applicant_details(REVIEW_JSON)},
                         guide_url="/guide")
    more = table.split('<tr class="more" id="more-1"', 1)[1].split("</tr>", 1)[0]
    assert 'data-label="2 findings"' in more
    assert "<q>My school never taught the material, so I failed Step 1.</q>" in more and "Sentence 1:" in more
    assert "and 1 more sentence" in more and 'href="/guide#score-blame"' in more
    assert "line 4 &quot;Spring 2021 something&quot;: no date could be read" in more
    assert "1 part of the CV or file could not be read" in table
    assert more.index("lvl-error") < more.index("lvl-warning"), "the most serious first"


def test_the_cli_index_keeps_only_the_report_links(outcomes, rulebook):
    linked = [dataclasses.replace(o, files=dict.fromkeys(("review.json", "review.html", "commented.docx")))
              for o in outcomes[:2]]  # (copies: the fixture is shared by the module's tests)
    page = index_html([*linked, *outcomes[2:]], {}, rulebook.findable(), [], as_of="2026-09")
    assert sorted(re.findall(r'href="([^"]+)"', page)) == sorted(
        f"{stem}.{suffix}" for stem in ("ana", "ben") for suffix in ("review.json", "review.html", "commented.docx"))
    assert "<script>" in page and "min-width:56rem" in page and 'role="region" aria-label="Cohort table"' in page


def test_summary_csv_adds_a_notices_column_only_when_there_are_notices(outcomes):
    rules = ["score.blame"]
    plain = list(csv.reader(io.StringIO(summary_csv(outcomes, {}, rules).decode("utf-8-sig"))))
    assert plain[0] == header(rules) and plain[0][-1] == "error"
    noted = Outcome(3, "cara.txt", "cara", words=500, passage_sentences=0, share=0.0)
    noted.notices = ("line 4 \"Spring 2021\": no date could be read", "=line 9: a formula-looking note")
    rows = list(csv.DictReader(io.StringIO(summary_csv([*outcomes, noted], {}, rules).decode("utf-8-sig"))))
    assert list(rows[0]) == [*header(rules), "notices"]
    assert rows[3]["notices"] == 'line 4 "Spring 2021": no date could be read; =line 9: a formula-looking note'
    assert rows[0]["notices"] == "" and rows[3]["error"] == ""


def test_the_bulk_page_table_opens_rows_and_links_the_guide(bulk_client):
    response = upload(bulk_client, cohort_files(), as_of="2026-09")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    ben = page.split('data-file="ben.txt"', 1)[1].split("</tbody>", 1)[0]
    assert '<tr class="more" id="more-' in ben and "<q>" in ben and 'href="/guide#score-blame"' in ben
    assert "Needs work" in ben
    assert '<th scope="col" data-column="2">Exam passage</th>' in page


def test_the_bulk_form_looks_like_the_review_form_and_says_it_is_working(bulk_client):
    page = bulk_client.get("/bulk").get_data(as_text=True)
    assert 'class="review-form" data-busy="bulk-busy"' in page and "<fieldset>" in page and "<legend>" in page
    assert 'id="bulk-busy" role="status"' in page and "Reviewing the cohort" in page
    assert 'id="bulk-region"' in page
    assert "site.js" in page
