"""The report (HTML) and the words it shares with the terminal: checklist states, cards, why a sentence was
flagged, findings worth a second look, notices, and the region's own names."""
import dataclasses
import html
import re
import shutil
from pathlib import Path

import pytest

from reviewer import review
from reviewer.inputs.profile import Exam
from reviewer.render.html import guide_anchor, render_html, report_context, source_text
from reviewer.render.text import checklist, gram_text, headline, reasons, render, tidy
from reviewer.rulebook import RULES_DIR, load_rulebook

from tests.helpers.web import BLAME_SAMPLE, MODEL_SAMPLE, sample_text

ROOT = Path(__file__).resolve().parents[2]
FAILED = [Exam("USMLE Step 1", "fail"), Exam("USMLE Step 1", "pass")]
PASSED = [Exam("USMLE Step 1", "pass"), Exam("USMLE Step 2 CK", "pass", 245)]
DISCLOSURE = ("I chose family medicine because I want to care for whole families in Decatur, Georgia. "
              "I failed Step 1 on my first attempt in 2019. I rebuilt my study plan around daily questions "
              "and passed on my second attempt.")
SILENT = "I chose pediatrics because children recover with such energy, and my aunt lives in Clarkston, Georgia."


@pytest.fixture(scope="module")
def blame():
    return review(sample_text(BLAME_SAMPLE), as_of="2026-09", exams=FAILED)


@pytest.fixture(scope="module")
def blame_html(blame):
    return render_html(blame, standalone=False, guide_url="/guide")


def rows_of(result) -> dict:
    return {row.topic: row for row in checklist(result)}


# --- the checklist: met, attention or not applicable, never "OK" beside a problem -----------------------------

@pytest.mark.parametrize("text, exams, state, words", [
    (DISCLOSURE, FAILED, "met", "the statement addresses it"),
    (SILENT, FAILED, "attention", "does not address"),
    (SILENT, PASSED, "met", "not a red flag"),
    (SILENT, None, "na", "no CV or exam facts"),
])
def test_the_exam_record_row_says_what_the_record_means(text, exams, state, words):
    row = rows_of(review(text, as_of="2026-09", exams=exams))["Exam record"]
    assert row.state == state and words in row.detail


def test_a_red_flag_is_never_shown_as_fine_without_saying_it_is_addressed(blame):
    for result in (blame, review(SILENT, as_of="2026-09", exams=FAILED)):
        for row in checklist(result):
            assert row.state in ("met", "attention", "na")
            if row.state == "met" and "red flag (" in row.detail:
                assert "addresses it" in row.detail
    page = render_html(review(SILENT, as_of="2026-09", exams=FAILED), standalone=False)
    assert "OK:" not in page and "check-pass" not in page
    assert re.search(r'check-attention"><span class="mark" aria-hidden="true">!</span> <strong class="check-word">'
                     r'Attention:</strong> <span class="check-topic">Exam record:</span> a red flag', page)
    terminal = render(review(SILENT, as_of="2026-09", exams=FAILED))
    assert "ok " not in terminal and "attention  Exam record: a red flag" in terminal


def test_rows_that_do_not_apply_say_so(blame):
    rows = rows_of(review(SILENT, as_of="2026-09"))
    assert rows["Score passage"].state == "na" and rows["CV timeline"].state == "na"
    assert rows["Blame"].state == "met" and rows_of(blame)["Blame"].state == "attention"
    assert rows_of(blame)["Blame"].detail == "5 sentences"


def test_thresholds_in_the_checklist_come_from_the_rule_files(blame, rulebook):
    rows = rows_of(blame)
    low, high = rulebook.param("score.too_short", "min_sentences"), rulebook.param("score.too_long", "max_sentences")
    assert f"(guide: {low}–{high})" in rows["Score passage"].detail
    assert f"at most {rulebook.param('score.dominates', 'max_share'):.0%}" in rows["Share of the statement"].detail
    assert f"of {rulebook.param('statement.eras_limit', 'max'):,} characters" in rows["Length"].detail


# --- finding cards ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("message, shown", [
    ("The score passage (1 sentence(s)) says what happened.", "The score passage (1 sentence) says what happened."),
    ("Your scores are not a red flag, but 2 sentence(s) discuss them.", "Your scores are not a red flag, but 2 sentences discuss them."),
    ('else: "Nishtar Medical University taught us through long written answers and vivas, an…"',
     'else: "Nishtar Medical University taught us through long written answers and vivas…"'),
    ('A quote that ends at a word: "ends here…"', 'A quote that ends at a word: "ends…"'),
    ("Nothing to change here.", "Nothing to change here."),
])
def test_messages_are_tidied_for_people(message, shown):
    assert tidy(message) == shown


def test_a_card_quotes_its_whole_sentence_not_a_cut_one(blame, blame_html):
    assert any(f.rule == "score.blame" for f in blame.findings)
    for finding in (f for f in blame.findings if f.rule == "score.blame"):
        title, number = headline(finding, blame)
        sentence = blame.sentences[finding.sentences[0]]
        assert number == sentence.index + 1 and title.endswith(":") and "…" not in title
        assert " ".join(sentence.text.split()) in html.unescape(blame_html)
    assert not re.search(r"\w…", html.unescape(blame_html)), "no word is cut off in the middle"


def test_why_and_fix_are_said_once_per_rule(blame, blame_html):
    cards = re.findall(r'<article class="card[^"]*" id="f(\d+)".*?</article>', blame_html, re.S)
    assert len(cards) == len(blame.findings)
    why = next(f.why for f in blame.findings if f.rule == "score.blame")
    assert blame_html.count(html.escape(why)) == 1
    first = next(i for i, f in enumerate(blame.findings, 1) if f.rule == "score.blame")
    assert blame_html.count(f'The same rule as <a href="#f{first}" class="to-card">finding {first}</a>') == \
        sum(f.rule == "score.blame" for f in blame.findings) - 1


def test_each_card_links_its_source_to_the_guide_section(blame, blame_html):
    for finding in blame.findings:
        assert f'href="/guide#{guide_anchor(finding.rule)}" class="to-guide">{html.escape(source_text(finding.source))}' in blame_html
    assert "guide: Step" not in blame_html, "the source reads as a section, not as the rule file's key"
    standalone = render_html(blame, standalone=True)
    assert 'class="to-guide"' not in standalone and "Step 4.1 (avoid blaming)" in standalone


def test_no_sentence_s_and_no_code_font_for_pasted_text(blame, blame_html):
    assert "(s)" not in blame_html and "(s)" not in render(blame)
    context = report_context(blame)
    assert context["title"] == "Review of your statement"
    assert "file-name" not in render_html(blame, standalone=True)


# --- why this sentence ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sentence_review():
    return review("I rebuilt my study plan in Macon, Georgia and scored 209 on Step 2 CK in 2021.", as_of="2026-09")


@pytest.mark.parametrize("gram, shown", [
    ("p:rebui", "rebuilt"), ("__place__", "Macon"), ("in __place__", "in Macon"), ("__lowscore__", "209"),
    ("__year__", "2021"), ("in __year__", "in 2021"), ("study plan", "study plan"), ("i", "I"), (".", ""),
    ("__score__", "a score"), ("p:zzzzz", "a word beginning “zzzzz”"), ("__region__", "Georgia"),
])
def test_model_features_read_as_the_sentences_own_words(sentence_review, gram, shown):
    sentence = sentence_review.sentences[0]
    assert "Macon" in sentence.places
    assert gram_text(gram, sentence, sentence_review) == shown


def test_cards_and_terminal_say_why_this_sentence(blame, blame_html):
    blamed = [f for f in blame.findings if f.rule == "score.blame"]
    assert blamed
    for finding in blamed:
        (why,) = reasons(finding, blame)
        sentence = blame.sentences[finding.sentences[0]]
        assert why.label == "blame" and why.number == sentence.index + 1 and 50 <= why.confidence <= 100
        assert why.words and all(w in sentence.text or w.startswith("a ") for w in why.words)
        assert not any(w.startswith(("p:", "__")) or "__" in w for w in why.words)
        assert "someone or something outside you" in why.cues or "a phrase that plays the result down" in why.cues
    assert blame_html.count("<dt>Why this sentence</dt>") == len(blamed)
    assert '<mark class="weighed">' in blame_html and "% sure" in blame_html
    terminal = render(blame)
    assert terminal.count("why this sentence: Sentence") >= len(blamed)
    assert "why these sentences (part of the score passage)" in terminal


def test_a_sentence_decided_by_its_neighbours_says_so(blame):
    finding = next(f for f in blame.findings if f.rule == "score.too_long")
    evidence = blame.evidence.of(finding.sentences[0])["score_disclosure"]
    forced = dataclasses.replace(evidence, neighbours=True)
    from reviewer.render.text import reason
    assert "the sentences around it decided it" in reason(blame, finding.sentences[0], "score_disclosure", forced).sentence()


# --- findings worth a second look ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def unsure(blame):
    return dataclasses.replace(blame, findings=[f.second_look() for f in blame.findings])


def test_a_lowered_finding_says_why_on_its_card_and_in_the_terminal(unsure):
    page = render_html(unsure, standalone=False)
    cards = re.findall(r'<article class="card level-suggestion unsure".*?</article>', page, re.S)
    assert len(cards) == len(unsure.findings)
    blame_card = next(c for c in cards if "score.blame" in c)
    assert "Worth a second look" in blame_card and "Rule's own level: Error" in blame_card
    assert "not sure enough of how it read the sentence" in blame_card
    terminal = " ".join(render(unsure).split())
    assert "[suggestion, worth a second look] score.blame: Worth a second look:" in terminal
    assert "Shown as a suggestion, though this rule is an error: the reviewer is not sure enough" in terminal


# --- notices: what of the inputs could not be read --------------------------------------------------------------------

def test_notices_show_on_the_report_and_in_the_terminal():
    result = review(SILENT, cv=(b"{not json", "cv.json"), as_of="2026-09")
    assert result.notices
    page = render_html(result, standalone=True)
    assert 'id="notices-heading">What could not be read' in page
    assert "Your CV, the CV" in page and "not valid JSON" in page
    terminal = render(result)
    assert "What could not be read" in terminal and "Your CV, the CV: " in terminal and "not valid JSON" in terminal
    assert "What could not be read" not in render(review(SILENT, as_of="2026-09"))


# --- the region's own names ----------------------------------------------------------------------------------------

def test_pages_and_terminal_name_the_chosen_region(tmp_path):
    folder = tmp_path / "rules"
    shutil.copytree(RULES_DIR, folder)
    shutil.copy(ROOT / "tests" / "fixtures" / "regions" / "testland.yml", folder / "regions" / "testland.yml")
    book = load_rulebook(folder)
    result = review("I chose family medicine. I volunteered for a year at the Quillmoor Clinic in Zorvale.",
                    rulebook=book, region="testland", as_of="2026-09")
    page, terminal = render_html(result, standalone=True), render(result)
    assert "Testland tie" in page and "Testland ties: 1 sentence - Quillmoor Clinic, Zorvale" in terminal
    for text in (page, terminal):
        assert "Atlanta/Georgia" not in text and "Atlanta and Georgia" not in text


def test_no_renderer_or_page_names_the_region_itself():
    sources = [*ROOT.joinpath("web", "templates").glob("*.html"), *ROOT.joinpath("reviewer", "render").rglob("*.html"),
               *ROOT.joinpath("reviewer", "render").glob("*.py"), ROOT / "reviewer" / "bulk" / "cohort_html.py",
               ROOT / "web" / "review.py", ROOT / "web" / "bulk.py", ROOT / "web" / "guide.py"]
    for path in sources:
        text = path.read_text(encoding="utf-8").replace("Low Step Scores in Atlanta", "")  # the guide's title
        for name in ("Atlanta/Georgia", "Atlanta and Georgia", "Georgia"):
            assert name not in text, f"{path.relative_to(ROOT)} names {name}: take it from the region pack"


def test_the_model_statement_page_names_its_ties():
    result = review(sample_text(MODEL_SAMPLE), as_of="2026-09")
    page = render_html(result, standalone=False)
    assert "Atlanta/Georgia tie" in page  # from the region pack's names
