"""Accessibility as a test: axe-core (npm) in Debian's chromium on every page and state at 390 px and 1280 px, with
the screenshots kept in test-output/; a keyboard-only walk through the whole flow; and the layout checks a person
would make (no sideways scrolling, a legible CV picture on a phone, the cohort table inside 1280 px)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.cohort import BLAME, CLEAN, UNADDRESSED, statement
from tests.helpers.web import BLAME_SAMPLE, MODEL_SAMPLE, sample_text
from tests.web.test_browser import OUTPUT, browser, server  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = (390, 1280)


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail("axe-core is missing at node_modules/axe-core: run `scripts/setup --browser` (it runs `npm ci`)",
                    pytrace=False)
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def cohort(tmp_path_factory) -> list[str]:
    """A small cohort on disk for the file chooser: a clean statement with its CV, a blaming one, an
    unaddressed one, and a file the reviewer cannot read."""
    folder = tmp_path_factory.mktemp("cohort")
    for name, sample in (("ana", CLEAN), ("ben", BLAME), ("cara", UNADDRESSED)):
        (folder / f"{name}.txt").write_text(statement(sample), encoding="utf-8")
    (folder / "ana.cv.json").write_bytes((ROOT / "samples" / "corpus" / f"{CLEAN}.cv.json").read_bytes())
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4 not a statement")
    return [str(p) for p in sorted(folder.iterdir())]


def paste_and_review(page, server, text: str, cv: str | None = None) -> None:
    page.goto(server + "/")
    page.get_by_label("Paste the statement").fill(text)
    if cv:
        page.get_by_label("Upload your CV or applicant file").set_input_files(cv)
    page.get_by_label("Application month").fill("2026-09")
    page.get_by_label("USMLE Step 1", exact=True).select_option("fail_pass")
    page.get_by_role("button", name="Review my statement").click()
    page.wait_for_selector("#checklist-heading")


def bulk_review(page, server, files: list[str], open_rows: bool = True) -> None:
    page.goto(server + "/bulk")
    page.get_by_label("Choose the files, or one .zip").set_input_files(files)
    page.get_by_label("Application month (optional)").fill("2026-09")
    page.get_by_role("button", name="Review and show the cohort table").click()
    page.wait_for_selector("table.cohort button.toggle")
    if open_rows:
        for toggle in page.locator("table.cohort button.toggle").all():
            toggle.click()


STATES = {
    "form": lambda page, server, cohort: page.goto(server + "/"),
    "result-without-cv": lambda page, server, cohort: paste_and_review(page, server, sample_text(BLAME_SAMPLE)),
    "result-with-cv": lambda page, server, cohort: paste_and_review(page, server, sample_text(MODEL_SAMPLE),
                                                                    str(ROOT / "samples" / "cv" / "okafor.json")),
    "result-word-cv": lambda page, server, cohort: paste_and_review(page, server, sample_text(BLAME_SAMPLE),
                                                                    str(ROOT / "samples" / "cv" / "kovacs.docx")),
    "error-nothing-sent": lambda page, server, cohort: (
        page.goto(server + "/"), page.get_by_role("button", name="Review my statement").click()),
    "error-pdf-upload": lambda page, server, cohort: (
        page.goto(server + "/"),
        page.get_by_label("…or upload it").set_input_files({"name": "draft.pdf", "mimeType": "application/pdf",
                                                            "buffer": b"%PDF-1.4 old"}),
        page.get_by_role("button", name="Review my statement").click()),
    "not-found": lambda page, server, cohort: page.goto(server + "/no-such-page"),
    "bulk-form": lambda page, server, cohort: page.goto(server + "/bulk"),
    "bulk-error": lambda page, server, cohort: (
        page.goto(server + "/bulk"),
        page.get_by_label("Choose the files, or one .zip").set_input_files({"name": "bad.zip", "mimeType": "application/zip",
                                                                            "buffer": b"PK\x03\x04 broken"}),
        page.get_by_role("button", name="Review and show the cohort table").click()),
    "bulk-result": lambda page, server, cohort: bulk_review(page, server, cohort),
    "guide": lambda page, server, cohort: page.goto(server + "/guide"),
}


def axe_violations(page, source: str) -> list[dict]:
    page.evaluate(source)  # DevTools evaluation: the page's CSP (script-src 'self') does not apply to it
    return page.evaluate("""tags => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(result =>
        result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                     nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))})))""", WCAG_AA)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("state", STATES)
def test_every_page_and_state_has_no_wcag_aa_violations(browser, server, axe_source, cohort, state, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        STATES[state](page, server, cohort)
        page.wait_for_load_state()
        OUTPUT.mkdir(exist_ok=True)
        page.screenshot(path=str(OUTPUT / f"{state}-{width}.png"), full_page=True)
        violations = axe_violations(page, axe_source)
        assert not violations, json.dumps(violations, indent=1)
        sideways = page.evaluate("document.documentElement.scrollWidth")
        assert sideways <= width, f"the page scrolls sideways at {width} px ({sideways} px wide)"
        assert not errors
    finally:
        context.close()


def test_the_whole_flow_with_the_keyboard_alone(browser, server):
    """Paste, submit, jump from a card to its sentence and back, download: Tab, typing and Enter only."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    try:
        page.goto(server + "/")

        def tab_to(test: str, limit: int = 80, key: str = "Tab") -> None:
            for _ in range(limit):
                page.keyboard.press(key)
                if page.evaluate(f"(() => {{ const el = document.activeElement; return !!el && ({test}); }})()"):
                    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
                    assert outline != "none", f"focus is not visible on {test}"
                    return
            raise AssertionError(f"Tab never reached {test}")

        tab_to("el.id === 'text'")
        page.keyboard.insert_text(sample_text(BLAME_SAMPLE))  # what pasting does
        tab_to("el.type === 'submit' && el.textContent.includes('Review my statement')")
        page.keyboard.press("Enter")
        page.wait_for_selector("#checklist-heading")

        tab_to("el.matches('.card a.to-sentence')", limit=200)
        sentence = page.evaluate("document.activeElement.getAttribute('href')")[1:]
        card = page.evaluate("document.activeElement.closest('.card').id")
        page.keyboard.press("Enter")
        page.wait_for_function(f"document.activeElement && document.activeElement.id === '{sentence}'")
        page.screenshot(path=str(OUTPUT / "keyboard-card-to-sentence-1280.png"))
        tab_to(f"el.getAttribute('href') === '#{card}'", limit=10)
        page.keyboard.press("Enter")
        page.wait_for_function(f"document.activeElement && document.activeElement.id === '{card}'")

        tab_to("el.id === 'download-json'", limit=300, key="Shift+Tab")
        with page.expect_download() as info:
            page.keyboard.press("Enter")
        data = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
        assert data["schema"] == "reviewer.review/1" and data["findings"]
    finally:
        context.close()


def test_form_result_and_json_count_the_same_characters(browser, server):
    text = "I chose pediatrics in Decatur, Georgia. 🙂\n\nMy aunt lives in Clarkston, and café owners there know me.\n"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(server + "/")
        page.get_by_label("Paste the statement").fill(text)
        shown = page.locator("#text-count").inner_text()
        assert shown.startswith(f"{len(text):,} characters"), shown  # Unicode characters, as Python counts them
        page.get_by_role("button", name="Review my statement").click()
        page.wait_for_selector("#checklist-heading")
        counted = int(page.locator(".character-count").get_attribute("data-characters"))
        assert counted == len(text), "the browser sent CRLF line endings; the server counts each break once"
        assert f"Length: {len(text):,} of" in page.locator(".checks").inner_text()
    finally:
        context.close()


def test_the_cv_picture_stays_legible_on_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    try:
        paste_and_review(page, server, sample_text(MODEL_SAMPLE), str(ROOT / "samples" / "cv" / "okafor.docx"))
        height = page.locator("svg.timeline text.tl-label").first.bounding_box()["height"]
        assert height >= 10, f"the timeline's text is {height:.1f} px high on a phone"
        page.locator(".cv-section").screenshot(path=str(OUTPUT / "cv-timeline-390.png"))
        colours = page.evaluate("""Array.from(document.querySelectorAll('svg.timeline .tl-row rect'))
                                   .map(r => getComputedStyle(r).fill)""")
        assert len(set(colours)) >= 3, "a Word CV's bars show their kinds"
        assert page.locator(".tl-legend li").count() >= 3
    finally:
        context.close()


def test_the_cohort_table_fits_1280_and_rows_open_in_place(browser, server, cohort):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        bulk_review(page, server, cohort, open_rows=False)
        frame = page.locator(".cohort-frame")
        assert page.evaluate("document.querySelector('.cohort-frame').scrollWidth") <= frame.bounding_box()["width"] + 1
        toggle = page.locator("tr[data-file='ben.txt'] button.toggle")
        more = page.locator("tr[data-file='ben.txt'] + tr.more")
        assert toggle.get_attribute("aria-expanded") == "false" and more.is_hidden()
        toggle.focus()
        page.keyboard.press("Enter")
        assert toggle.get_attribute("aria-expanded") == "true" and more.is_visible()
        assert "Sentence" in more.inner_text() and more.locator("q").count() >= 1
        page.screenshot(path=str(OUTPUT / "bulk-result-row-open-1280.png"), full_page=True)
        page.get_by_label("Show").select_option("__work")
        assert page.locator("tbody.applicant:visible").count() == 1
        assert "1 of 4 applicants shown" in page.locator("#cohort-count").inner_text()
        page.get_by_label("Show").select_option("__ready")
        assert page.locator("tbody.applicant:visible").count() == 2
        page.locator("th[data-column='7'] button").click()  # sort by words
        assert page.locator("th[data-column='7']").get_attribute("aria-sort") == "descending"
    finally:
        context.close()


def test_the_forms_say_they_are_working_while_the_review_runs(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        for path, status in (("/bulk", "bulk-busy"), ("/", "review-busy")):
            page.goto(server + path)
            if path == "/bulk":
                page.get_by_label("Choose the files, or one .zip").set_input_files(
                    {"name": "a.txt", "mimeType": "text/plain", "buffer": b"I train in Atlanta."})
            assert page.locator(f"#{status}").is_hidden()
            said = page.evaluate("""status => { const form = document.querySelector('form[data-busy]');
                form.addEventListener('submit', event => event.preventDefault());
                form.requestSubmit(); return document.getElementById(status).textContent; }""", status)
            assert said.startswith("Reviewing"), said
            assert page.locator(f"#{status}").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_files_written_to_disk_have_no_wcag_aa_violations(browser, axe_source, width, rulebook):
    """The downloaded report and the CLI's index.html, opened from disk."""
    from reviewer import review
    from reviewer.bulk.cohort_html import applicant_details, index_html
    from reviewer.bulk.worker import Outcome
    from reviewer.render.html import render_html
    result = review(sample_text(BLAME_SAMPLE), cv=ROOT / "samples" / "cv" / "okafor.json", as_of="2026-09")
    outcome = Outcome(0, "ben.txt", "ben", words=result.metrics["words"], passage_sentences=7, share=0.19,
                      fired={f.rule: f.level for f in result.findings}, counts={"error": 5, "warning": 1},
                      files=dict.fromkeys(("review.json", "review.html", "commented.docx")))
    failed = Outcome(1, "notes.pdf", "notes", error="notes.pdf: .pdf is not a format we read")
    pages = {"report": render_html(result, standalone=True),
             "index": index_html([outcome, failed], {}, rulebook.findable(), [("zed.cv.json", "no statement named zed")],
                                 as_of="2026-09", details={0: applicant_details(result.to_dict())})}
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        for name, content in pages.items():
            page.set_content(content)
            for toggle in page.locator("button.toggle").all():
                toggle.click()
            page.screenshot(path=str(OUTPUT / f"file-{name}-{width}.png"), full_page=True)
            violations = axe_violations(page, axe_source)
            assert not violations, (name, json.dumps(violations, indent=1))
            assert page.evaluate("document.documentElement.scrollWidth") <= width, name
    finally:
        context.close()


# --- comparing drafts, and a cohort against its earlier round ----------------------------------------------------

def compare_drafts(page, server, view: str | None = None) -> None:
    from tests.compare.pairs import pairs
    pair = next(p for p in pairs() if p.name.startswith("16_"))
    page.goto(server + "/compare")
    page.get_by_label("Paste the earlier draft").fill(pair.text("old"))
    page.get_by_label("Paste the later draft").fill(pair.text("new"))
    page.get_by_label("USMLE Step 1", exact=True).select_option("fail_pass")
    page.get_by_label("Application month").fill("2026-09")
    if view:
        page.get_by_label(view).check()
    page.get_by_role("button", name="Compare the drafts").click()
    page.wait_for_selector("#compare-findings")


def earlier_round_zip(cohort: list[str]) -> str:
    """The .zip the /bulk page returns, for an earlier round of the cohort: ana and ben blamed then, dan is gone
    since, cara is new now (built once, beside the cohort's files)."""
    target = Path(cohort[0]).parent.parent / "earlier-round.zip"
    if not target.exists():
        from reviewer.bulk import BulkOptions, InputFile, run_bulk
        from reviewer.bulk.sinks import ZipSink
        sink = ZipSink()
        files = [InputFile(f"{name}.txt", statement(sample).encode("utf-8"))
                 for name, sample in (("ana", BLAME), ("ben", BLAME), ("dan", UNADDRESSED))]
        run_bulk(files, sink, BulkOptions(as_of="2026-09"))
        target.write_bytes(sink.close())
    return str(target)


def bulk_review_since(page, server, cohort: list[str]) -> None:
    page.goto(server + "/bulk")
    page.get_by_label("Choose the files, or one .zip").set_input_files(cohort)
    page.get_by_label("The .zip this page returned for the earlier round").set_input_files(earlier_round_zip(cohort))
    page.get_by_label("Application month (optional)").fill("2026-09")
    page.get_by_role("button", name="Review and show the cohort table").click()
    page.wait_for_selector("#rounds-heading")


STATES.update({
    "compare-form": lambda page, server, cohort: page.goto(server + "/compare"),
    "compare-error": lambda page, server, cohort: (
        page.goto(server + "/compare"), page.get_by_role("button", name="Compare the drafts").click()),
    "compare-result": lambda page, server, cohort: compare_drafts(page, server),
    "compare-result-inline": lambda page, server, cohort: compare_drafts(page, server, "inline, in one text"),
    "bulk-result-since": lambda page, server, cohort: bulk_review_since(page, server, cohort),
})


def test_the_cohort_table_with_an_earlier_round(browser, server, cohort):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        bulk_review_since(page, server, cohort)
        rounds = page.locator("section.rounds").inner_text()
        assert "New this round (1): cara.txt" in rounds and "Missing this round (1): dan" in rounds
        assert "Not reviewed" in page.locator("tr[data-file='notes.pdf'] td.since").inner_text()
        ana = page.locator("tr[data-file='ana.txt'] td.since")
        assert "resolved" in ana.inner_text() and ana.locator("a").count() == 0, "the web table links nothing"
        assert "New this round" in page.locator("tr[data-file='cara.txt'] td.since").inner_text()
        frame = page.locator(".cohort-frame")
        assert page.evaluate("document.querySelector('.cohort-frame').scrollWidth") <= frame.bounding_box()["width"] + 1
        page.get_by_label("Show").select_option("__first")
        assert page.locator("tbody.applicant:visible").count() == 1
        page.screenshot(path=str(OUTPUT / "bulk-result-since-filtered-1280.png"), full_page=True)
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_comparison_reads_at_every_width(browser, server, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, accept_downloads=True)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        compare_drafts(page, server)
        aligned = page.locator(".aligned")
        assert aligned.get_attribute("data-view") == "side"
        edited = page.locator(".pair-edited").first
        assert edited.locator(".side.old").is_visible() and edited.locator(".side.new").is_visible()
        assert edited.locator(".inline").is_hidden()
        old_box, new_box = edited.locator(".side.old").bounding_box(), edited.locator(".side.new").bounding_box()
        if width >= 1280:
            assert abs(old_box["y"] - new_box["y"]) < 2 and new_box["x"] > old_box["x"], "side by side"
        else:
            assert new_box["y"] > old_box["y"], "stacked on a phone, the earlier draft first"
        page.screenshot(path=str(OUTPUT / f"compare-side-{width}.png"), full_page=True)
        page.get_by_label("Inline").check()
        assert "view-inline" in aligned.get_attribute("class")
        assert edited.locator(".inline").is_visible() and edited.locator(".side.new").is_hidden()
        assert edited.locator(".inline del").count() >= 1 and edited.locator(".inline ins").count() >= 1
        page.get_by_label("Only the sentences that changed").check()
        assert page.locator(".pair-unchanged:not(.pair-moved)").first.is_hidden()
        page.screenshot(path=str(OUTPUT / f"compare-inline-changes-{width}.png"), full_page=True)
        link = page.locator("#changes-new + ul a").first
        target = link.get_attribute("href")[1:]
        link.click()
        page.wait_for_function(f"document.activeElement && document.activeElement.id === '{target}'")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        with page.expect_download() as info:
            page.locator("#download-docx").click()
        assert info.value.suggested_filename == "drafts.compared.docx"
        assert not errors
    finally:
        context.close()
