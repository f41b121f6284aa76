"""The form and result pages: labels, highlights, checklist, finding links, CV timeline, escaping, CSRF, headers."""
import html
import io
import json
import re

import pytest

from web import create_app

from tests.helpers.web import BLAME_SAMPLE, MODEL_SAMPLE, WEB_TEST_CONFIG, csrf_token, sample_text


def post_review(client, **fields):
    data = {"as_of": "2026-09", **fields}
    return client.post("/review", data=data, content_type="multipart/form-data")


@pytest.fixture(scope="module")
def blame_page(web_app):
    response = post_review(web_app.test_client(), text=sample_text(BLAME_SAMPLE), step1="fail_pass")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_form_has_a_label_for_every_input(client):
    response = client.get("/")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    ids = re.findall(r'<(?:input|select|textarea)(?![^>]*type="hidden")[^>]*\sid="([^"]+)"', page)
    controls = re.findall(r'<(?:input|select|textarea)(?![^>]*type="hidden")[^>]*>', page)
    assert len(ids) == len(controls), "every visible control has an id"
    for control_id in ids:
        assert f'for="{control_id}"' in page, f"no label for {control_id}"
    for name in ("text", "statement", "cv", "step1", "step2_score", "graduation", "as_of", "disable"):
        assert f'name="{name}"' in page
    assert 'enctype="multipart/form-data"' in page
    assert "Privacy" in page and "written to disk" in page


def test_form_lists_the_rules_to_turn_off(client, rulebook):
    page = client.get("/").get_data(as_text=True)
    for rule in rulebook.findable():
        assert f'value="{rule.id}"' in page


def test_pages_have_no_inline_script(client, blame_page):
    for page in (client.get("/").get_data(as_text=True), blame_page):
        for tag in re.findall(r"<script[^>]*>", page):
            assert "src=" in tag
        assert not re.search(r"\son[a-z]+=", page), "no inline event handlers"


def test_result_shows_checklist_with_three_honest_states(blame_page):
    assert 'id="checklist-heading"' in blame_page
    assert '<span class="check-topic">Blame:</span> 5 sentences' in blame_page
    assert "check-attention" in blame_page and "Attention:" in blame_page
    assert "check-met" in blame_page and "Met:" in blame_page
    assert "OK:" not in blame_page and "(s)" not in blame_page
    assert "Length:" in blame_page and "of 28,000 characters" in blame_page
    assert re.search(r'check-met">.*Exam record:</span> a red flag \(USMLE Step 1: failed attempt\); the statement addresses it',
                     blame_page)


def test_result_highlights_labelled_sentences_with_tags_and_legend(web_app, blame_page):
    from reviewer import review
    result = review(sample_text(BLAME_SAMPLE), as_of="2026-09")
    for s in result.sentences:
        if s.labels:
            match = re.search(rf'<span class="sent([^"]*)" id="s{s.index + 1}"', blame_page)
            assert match, f"sentence {s.index + 1} is not marked"
            for label in s.labels:
                assert f"lab-{label}" in match.group(1)
    assert 'class="legend"' in blame_page
    for tag in ("score", "blame", "growth", "tie", "specialty"):
        assert f'<span class="tag">{tag}</span>' in blame_page


def test_findings_and_sentences_link_both_ways(blame_page):
    cards = re.findall(r'<article class="card level-(\w+)" id="f(\d+)"', blame_page)
    assert cards
    for _, number in cards:
        card = blame_page.split(f'id="f{number}"', 1)[1].split("</article>", 1)[0]
        for sentence in re.findall(r'href="#s(\d+)"', card):
            assert f'id="s{sentence}"' in blame_page
            assert f'id="s{sentence}-f{number}" aria-label="Finding {number}' in blame_page
            assert f'href="#f{number}"' in blame_page
        assert "Why" in card and ("How to fix" in card or "The same rule as" in card) and "Guide" in card
        assert 'href="/guide#' in card


def test_statement_text_is_kept_exactly(blame_page):
    text = sample_text(BLAME_SAMPLE)
    statement = blame_page.split('<div class="statement" lang="en">', 1)[1].split("</div>", 1)[0]
    plain = re.sub(r'<span class="tag">[^<]*</span>|<a class="ref"[^>]*>\d+</a>', "", statement)
    assert html.unescape(re.sub(r"<[^>]+>", "", plain)) == text


def test_script_in_a_statement_shows_as_text(client):
    text = "I chose pediatrics in Decatur, Georgia. <script>alert('x')</script> My aunt lives in Clarkston."
    response = post_review(client, text=text)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(" in page


def test_file_names_are_escaped(client):
    response = post_review(client, statement=(io.BytesIO(b"I chose pediatrics in Atlanta."), '<img src=x>.txt'))
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<img src=x>" not in page
    assert "&lt;img src=x&gt;.txt" in page


def test_cv_timeline_is_an_svg_with_gaps_and_overlaps(client, cv_json):
    response = post_review(client, text=sample_text(MODEL_SAMPLE), cv=(io.BytesIO(cv_json), "cv.json"))
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    svg = page.split('<svg class="timeline"', 1)[1].split("</svg>", 1)[0]
    assert svg.count('class="tl-row') == 3
    assert "gap 8 mo" in svg and 'class="tl-gap"' in svg
    assert 'class="tl-overlap"' in svg and "overlap" in svg
    assert 'role="img"' in page and "<title id=\"tl-title\">" in page
    cv_column = page.split('class="cv-findings"', 1)[1]
    assert "cv.gap" in cv_column and "cv.overlap" in cv_column
    assert "Emory University" in page


def test_cv_fields_are_escaped(client):
    cv = {"experiences": [{"type": "clinical", "title": "<b>Observer</b>", "organization": "Grady <i>Hospital</i>",
                           "start": "2023-01", "end": "2023-03"}]}
    response = post_review(client, text="I chose pediatrics in Atlanta.",
                           cv=(io.BytesIO(json.dumps(cv).encode()), "cv.json"))
    page = response.get_data(as_text=True)
    assert "<b>Observer</b>" not in page and "&lt;b&gt;Observer&lt;/b&gt;" in page


def test_without_cv_the_timeline_says_so(blame_page):
    assert "No CV was given" in blame_page


def test_exam_facts_flag_the_profile(client):
    response = post_review(client, text="I chose pediatrics because children recover with such energy in Atlanta.",
                           step1="fail_pass", step1_attempts="2", step2_score="209")
    page = response.get_data(as_text=True)
    assert "score.not_addressed" in page
    assert "exam record flagged" in page


def test_rules_turned_off_are_left_out(client):
    text = sample_text(BLAME_SAMPLE)
    page = post_review(client, text=text, disable=["score.blame"]).get_data(as_text=True)
    assert "score.blame</code>" not in page
    assert "rules turned off: score.blame" in page


def test_result_page_posts_the_inputs_back_for_downloads(blame_page):
    form = blame_page.split('class="downloads"', 1)[1].split("</form>", 1)[0]
    assert 'name="text"' in form and 'name="as_of" value="2026-09"' in form
    for route in ("/download/docx", "/download/json", "/download/html"):
        assert f'formaction="{route}"' in form
    assert "Privacy" in blame_page and "Close the tab" in blame_page


def test_download_json_matches_the_api(client):
    text = sample_text(BLAME_SAMPLE)
    response = client.post("/download/json", data={"text": text, "as_of": "2026-09"})
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    assert json.loads(response.data) == client.post("/api/review", json={"text": text, "as_of": "2026-09"}).get_json() \
        | {"source": json.loads(response.data)["source"]}


def test_download_html_is_standalone(client):
    response = client.post("/download/html", data={"text": sample_text(BLAME_SAMPLE), "as_of": "2026-09"})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "<style>" in page and ".lab-blame" in page
    assert '"Segoe UI"' in page and "&#34;" not in page.split("</style>")[0], "the inlined CSS is not HTML-escaped"
    assert "<link" not in page and "<script" not in page


def test_report_css_is_served(client):
    response = client.get("/report.css")
    assert response.status_code == 200 and response.mimetype == "text/css"
    assert ".lab-score_disclosure" in response.get_data(as_text=True)
    for path in ("/static/site.css", "/static/site.js"):
        with client.get(path) as static:
            assert static.status_code == 200


@pytest.mark.parametrize("path", ["/", "/report.css", "/api/openapi.json", "/missing", "/static/site.css"])
def test_security_headers_on_every_response(client, path):
    with client.get(path) as response:
        headers = response.headers
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"


def test_result_pages_are_not_cached(client):
    response = post_review(client, text="I chose pediatrics in Atlanta.")
    assert response.headers["Cache-Control"] == "no-store"


def test_csrf_forged_post_is_refused(csrf_app):
    client = csrf_app.test_client()
    response = client.post("/review", data={"text": "I chose pediatrics in Atlanta."})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "did not come from this site" in page and "Traceback" not in page
    assert client.post("/download/docx", data={"text": "I chose pediatrics."}).status_code == 400


def test_csrf_token_from_the_form_is_accepted(csrf_app):
    client = csrf_app.test_client()
    token = csrf_token(client.get("/").get_data(as_text=True))
    response = client.post("/review", data={"text": "I chose pediatrics in Atlanta.", "csrf_token": token})
    assert response.status_code == 200
    download = client.post("/download/json", data={"text": "I chose pediatrics in Atlanta.",
                                                   "csrf_token": csrf_token(response.get_data(as_text=True))})
    assert download.status_code == 200


def test_secret_key_is_random_per_app():
    first, second = create_app(dict(WEB_TEST_CONFIG)), create_app(dict(WEB_TEST_CONFIG))
    assert first.secret_key != second.secret_key and len(first.secret_key) >= 32
    assert not first.debug


def test_pipeline_is_built_once_per_process(web_app, monkeypatch):
    import reviewer.nlp.pipeline as pipeline
    calls = []
    monkeypatch.setattr(pipeline, "build_nlp", lambda *a, **k: calls.append(1))
    post_review(web_app.test_client(), text="I chose pediatrics in Atlanta.")
    assert calls == []  # the app built the pipeline at start; a request reuses it


# --- issue 16: what an applicant sees ------------------------------------------------------------------------------

def test_pasted_crlf_text_gives_the_forms_character_count(client):
    text = "I chose pediatrics in Decatur, Georgia.\n\nMy aunt lives in Clarkston, and I volunteer there.\n"
    crlf = text.replace("\n", "\r\n")  # what a browser sends for a textarea
    page = post_review(client, text=crlf).get_data(as_text=True)
    assert f'data-characters="{len(text)}"' in page and f"Length:</span> {len(text):,} of" in page
    hidden = page.split('class="downloads"', 1)[1].split("</form>", 1)[0]
    assert "&#13;" not in hidden and "\r" not in hidden
    data = json.loads(client.post("/download/json", data={"text": crlf, "as_of": "2026-09"}).data)
    assert data["source"]["characters"] == data["metrics"]["characters"] == len(text)


def test_sentence_numbers_on_the_page_are_the_json_numbers(client):
    text = sample_text(BLAME_SAMPLE)
    page = post_review(client, text=text).get_data(as_text=True)
    data = client.post("/api/review", json={"text": text, "as_of": "2026-09"}).get_json()
    for sentence in data["sentences"]:
        assert sentence["number"] == sentence["index"] + 1
        shown = re.search(rf'id="s{sentence["number"]}" tabindex="-1" data-sentence="{sentence["number"]}">([^<]*)', page)
        assert html.unescape(shown.group(1)) == sentence["text"]


def test_the_heading_names_pasted_text_plainly(blame_page):
    assert "<h1>Review of your statement</h1>" in blame_page and "file-name" not in blame_page


def test_the_guide_page_summarises_every_rule_with_the_rule_files_numbers(client, rulebook):
    response = client.get("/guide")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "<cite>IMG Residency Guide: Strategies for Matching with Low Step Scores in Atlanta</cite>" in page
    assert "Residency Advisor" in page
    for rule in rulebook.findable():
        section = page.split(f'id="{rule.id.replace(".", "-").replace("_", "-")}"', 1)
        assert len(section) == 2, f"no section for {rule.id}"
        assert f"Rule <code>{rule.id}</code>, level <strong>{rule.level}</strong>" in section[1].split("<h3", 1)[0]
        for part in ("What", "Why programs care", "How the reviewer measures it"):
            assert part in section[1].split("<h3", 1)[0], (rule.id, part)
    assert f"More than {rulebook.param('score.too_long', 'max_sentences')} is a warning" in page
    assert f"A share above {rulebook.param('score.dominates', 'max_share'):.0%}," in page
    assert f"{rulebook.param('statement.eras_limit', 'max'):,} is an error" in page
    assert "<!--" not in page, "every marked number was filled in"


def test_the_guide_numbers_follow_the_rule_files():
    from types import SimpleNamespace
    from web.guide import fill_values, guide_text
    book = SimpleNamespace(param=lambda rule, key, default=None: {"max_sentences": 5, "max_share": 0.25,
                                                                   "max": 30000}.get(key, 7))
    region = SimpleNamespace(names={"both": "Testland", "anywhere": "any place in Testland"})
    filled = fill_values(guide_text(), book, region)
    assert "More than\n5 is a warning" in filled and "A share above\n25%," in filled and "30,000 is an error" in filled
    assert "Testland" in filled and "<!--" not in filled


def test_the_guide_file_in_docs_states_the_current_numbers(rulebook):
    from web.guide import PARAM, formatted, guide_text
    marks = list(PARAM.finditer(guide_text()))
    assert len(marks) >= 14
    for mark in marks:
        value = rulebook.param(mark["rule"], mark["key"])
        assert value is not None, f"docs/guide.md names {mark['rule']} {mark['key']}, which no rule file has"
        assert mark["shown"] == formatted(value, mark["format"]), f"docs/guide.md says {mark['shown']} for {mark['rule']}"


def test_every_page_links_the_guide(client, blame_page):
    for page in (client.get("/").get_data(as_text=True), blame_page, client.get("/bulk").get_data(as_text=True)):
        assert '<a href="/guide"' in page


@pytest.mark.parametrize("name, advice", [
    ("draft.doc", "Save As, Word Document (.docx)"),
    ("draft.pdf", "save the statement from your word processor as .docx"),
])
def test_an_unreadable_format_says_what_to_do_and_keeps_what_was_typed(client, name, advice):
    response = post_review(client, statement=(io.BytesIO(b"%PDF-1.4 old"), name), cv=(io.BytesIO(b"{}"), "cv.json"),
                           step2_score="209", graduation="2019-06", disable=["region.generic"])
    page = response.get_data(as_text=True)
    assert response.status_code == 415
    error = page.split('id="form-error"', 1)[1].split("</div>", 1)[0]
    assert advice in error and "paste the text" in error
    assert "choose cv.json (CV) again" in error and f"choose {name}" not in error
    assert 'value="209"' in page and 'value="2019-06"' in page and 'value="2026-09"' in page
    assert 'value="region.generic" checked' in page


def test_pasted_text_is_kept_when_a_file_was_also_chosen(client):
    text = "I chose pediatrics in Atlanta.\r\nMy aunt lives in Decatur."
    response = post_review(client, text=text, statement=(io.BytesIO(b"Another statement."), "other.txt"))
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "keep one of them" in page
    assert "I chose pediatrics in Atlanta.\nMy aunt lives in Decatur.</textarea>" in page
    assert "choose other.txt (statement) again" in page


def test_the_form_states_the_limit_and_the_region_from_the_rule_files(client, rulebook):
    page = client.get("/").get_data(as_text=True)
    assert f"ERAS allows {rulebook.param('statement.eras_limit', 'max'):,} characters" in page
    assert "each line break counts as one" in page
    assert rulebook.region().names["both"] in page
    assert 'data-busy="review-busy"' in page and 'id="review-busy" role="status"' in page


def test_notices_show_on_the_result_page(client, monkeypatch):
    import web.review
    from reviewer import review
    noticed = review("I chose pediatrics in Decatur, Georgia.", cv=(b"{not json", "cv.json"), as_of="2026-09")
    monkeypatch.setattr(web.review, "run_review", lambda sub: noticed)
    page = post_review(client, text="I chose pediatrics in Decatur, Georgia.").get_data(as_text=True)
    assert 'id="notices-heading">What could not be read' in page and "not valid JSON" in page
