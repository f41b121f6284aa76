"""Real-browser tests: Debian's chromium driven by Playwright against the app served by waitress."""
from __future__ import annotations

import io
import threading
from pathlib import Path

import pytest

from tests.helpers.web import BLAME_SAMPLE, MODEL_SAMPLE, comment_anchors, make_docx, sample_paragraphs, sample_text

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
OUTPUT = Path(__file__).resolve().parents[2] / "test-output"


@pytest.fixture(scope="module")
def server():
    """The app as served (CSRF on, rate limit off) by waitress on a free port of 127.0.0.1."""
    from waitress.server import create_server

    from web import create_app
    app = create_app({"RATELIMIT_ENABLED": False})
    wsgi = create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=wsgi.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{wsgi.effective_port}"
    # Closed by its own loop: closing the socket from this thread can break a select() running in that one
    # (EBADF, an unhandled thread exception).
    wsgi.trigger.pull_trigger(wsgi.close)
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing at /usr/bin/chromium: run `scripts/setup --browser` "
                    "(or `apt-get update && apt-get install -y chromium`) and try again", pytrace=False)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    problems = []
    # CSP violations and script errors; a failed stylesheet, script or icon (the page itself may be a 400)
    page.on("console", lambda msg: problems.append(msg.text)
            if msg.type == "error" and "Failed to load resource" not in msg.text else None)
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}")
            if r.status >= 400 and r.request.resource_type != "document" else None)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    yield page
    context.close()
    assert not problems, f"the browser reported errors (CSP or script): {problems}"


def shot(page, name: str, full_page: bool = True) -> None:
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / name), full_page=full_page)


def test_paste_a_corpus_statement_and_see_highlights_and_checklist(server, page):
    page.goto(server + "/")
    page.get_by_label("Paste the statement").fill(sample_text(BLAME_SAMPLE))
    assert "characters" in page.locator("#text-count").inner_text(), "the live counter (JavaScript) runs"
    page.get_by_label("Application month").fill("2026-09")
    page.get_by_label("USMLE Step 1").select_option("fail_pass")
    page.get_by_role("button", name="Review my statement").click()
    page.wait_for_selector("#checklist-heading")
    assert page.locator(".check").count() >= 6
    assert page.locator(".check-attention").count() >= 1
    assert "Blame" in page.locator(".checks").inner_text()
    assert page.locator(".statement .lab-blame").count() >= 1
    assert page.locator(".statement .lab-score_disclosure").count() >= 1
    assert page.locator(".statement .tag").count() >= page.locator(".statement .sent[class*='lab-']").count()
    assert page.locator("article.card").count() >= 1
    shot(page, "result-pasted.png")


def test_upload_docx_and_cv_then_download_the_commented_docx(server, page, cv_json, tmp_path):
    page.goto(server + "/")
    page.get_by_label("…or upload it").set_input_files(
        {"name": "draft.docx", "mimeType": "application/octet-stream", "buffer": make_docx(sample_paragraphs(BLAME_SAMPLE))})
    page.get_by_label("Upload your CV or applicant file").set_input_files(
        {"name": "cv.json", "mimeType": "application/json", "buffer": cv_json})
    page.get_by_label("Application month").fill("2026-09")
    page.get_by_role("button", name="Review my statement").click()
    page.wait_for_selector("svg.timeline")
    assert page.locator("svg.timeline .tl-row").count() == 3
    assert "gap 8 mo" in page.locator("svg.timeline").inner_html()
    assert page.locator(".cv-findings article.card").count() >= 2
    shot(page, "result-upload-cv.png")
    page.locator(".cv-section").screenshot(path=str(OUTPUT / "cv-timeline.png"))
    with page.expect_download() as info:
        page.locator("#download-docx").click()
    download = info.value
    assert download.suggested_filename == "draft.reviewed.docx"
    import docx
    document = docx.Document(io.BytesIO(Path(download.path()).read_bytes()))
    comments = list(document.comments)
    assert comments, "the downloaded .docx carries Word comments"
    anchors = comment_anchors(document)
    assert any("score.blame" in c.text for c in comments)
    assert all(anchors[c.comment_id].strip() for c in comments)
    assert any(run.bold for run in document.paragraphs[0].runs), "the upload's bold run stays bold"


def test_follow_a_finding_to_its_sentence_with_the_keyboard(server, page):
    page.goto(server + "/")
    page.get_by_label("Paste the statement").fill(sample_text(BLAME_SAMPLE))
    page.get_by_role("button", name="Review my statement").click()
    card = page.locator(".findings article.card").first
    card_id = card.get_attribute("id")
    link = card.locator("a.to-sentence").first
    sentence_id = link.get_attribute("href")[1:]
    card.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#" + sentence_id
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.activeElement && document.activeElement.id === '{sentence_id}'")
    assert page.url.endswith("#" + sentence_id)
    assert page.locator(f"#{sentence_id}").evaluate("el => el.matches(':target')")
    box = page.locator(f"#{sentence_id}").bounding_box()
    assert box["y"] + box["height"] > 0 and box["y"] < 900, "the sentence is scrolled into view"
    shot(page, "keyboard-sentence.png", full_page=False)
    # and back: Tab reaches the sentence's numbered link to its finding
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == "#" + card_id:
            break
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#" + card_id
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.activeElement && document.activeElement.id === '{card_id}'")


def test_form_error_is_shown_on_the_form(server, page):
    page.goto(server + "/")
    page.get_by_role("button", name="Review my statement").click()
    alert = page.get_by_role("alert")
    assert "Paste your statement or choose a .docx file." in alert.inner_text()
    shot(page, "form-error.png")


def test_model_statement_form_and_result(server, page):
    page.goto(server + "/")
    shot(page, "form.png")
    page.get_by_label("Paste the statement").fill(sample_text(MODEL_SAMPLE))
    page.get_by_role("button", name="Review my statement").click()
    page.wait_for_selector("#checklist-heading")
    assert page.locator(".statement .lab-regional_tie").count() >= 3
    assert "Atlanta/Georgia ties" in page.locator(".checks").inner_text()
