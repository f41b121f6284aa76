"""Properties that hold for any input (hypothesis): readers raise only their own errors; offsets always slice the text."""
import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.errors import CVError, InputError
from reviewer.inputs import from_bytes, from_text

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
LABELS = {"score_disclosure", "blame", "growth", "regional_tie", "specialty_motivation"}

# Text that looks like a statement often enough to exercise the labels: words the lexicons know, punctuation,
# abbreviations, blank lines, and any other character now and then.
WORDS = ["I", "failed", "USMLE", "Step", "1", "2", "CK", "on", "my", "first", "attempt", "passed", "231", "Atlanta",
         "Georgia", "Grady", "Emory", "Decatur", "because", "of", "the", "exam", "learned", "U.S.", "Dr.", "etc.",
         "pediatrics", "family", "my aunt", "lives", "in", "board", "score", "blame", "teachers", "unfair", "growth"]
PIECES = st.one_of(st.sampled_from(WORDS), st.sampled_from([". ", ", ", "! ", "? ", "\n", "\n\n", " ", "\t", "\r\n", "…", "“", "—"]),
                   st.text(max_size=6))
STATEMENTS = st.lists(PIECES, min_size=1, max_size=120).map(" ".join)


@SETTINGS
@given(st.text(max_size=400))
def test_from_text_raises_only_input_error(text):
    try:
        document = from_text(text)
    except InputError:
        return
    assert document.text == text
    for start, end in document.paragraphs:
        assert 0 <= start < end <= len(text) and text[start:end].strip()


@SETTINGS
@given(st.binary(max_size=600), st.sampled_from(["s.txt", "s.md", "s.docx", "s.TXT", "s.pdf", "s", "s.markdown"]))
def test_from_bytes_raises_only_input_error(data, name):
    try:
        from_bytes(data, name)
    except InputError:
        pass


def _zip_of(members: dict) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


@SETTINGS
@given(st.dictionaries(st.sampled_from(["word/document.xml", "[Content_Types].xml", "_rels/.rels", "word/styles.xml", "x"]),
                       st.binary(max_size=300), max_size=4))
def test_docx_like_zips_raise_only_input_error(members):
    try:
        from_bytes(_zip_of(members), "s.docx")
    except InputError:
        pass


@pytest.fixture(scope="module")
def review_fn(nlp):  # the session's shared pipeline is built once before the examples run
    from reviewer import review
    return review


@SETTINGS
@given(STATEMENTS)
def test_sentences_slice_the_text_back_and_findings_stay_inside(review_fn, text):
    try:
        result = review_fn(text, as_of="2026-09")
    except InputError:
        assert not text.strip() or "\x00" in text or len(text) > 200_000 or _has_surrogate(text)
        return
    assert result.text == text
    previous_end = 0
    for i, sentence in enumerate(result.sentences):
        assert sentence.index == i
        assert previous_end <= sentence.start < sentence.end <= len(text), "ordered, non-overlapping, inside"
        assert text[sentence.start:sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
        assert set(sentence.labels) <= LABELS
        previous_end = sentence.end
    for finding in result.findings:
        if finding.start is not None:
            assert 0 <= finding.start <= finding.end <= len(text)
        assert all(0 <= i < len(result.sentences) for i in finding.sentences)
    assert all(0 <= i < len(result.sentences) for i in result.passage["sentences"])


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= c <= "\udfff" for c in text)


MONTH_WORDS = st.sampled_from(["Jan", "January", "Sept", "sep", "Fall", "winter", "May", "present", "now", "since",
                               "to", "-", "–", "—", "/", ".", " ", "2021", "1999", "2099", "9999", "0000", "13", "00",
                               "06", "6", "12", "from", "until", "current", ","])
DATE_TEXTS = st.one_of(st.text(max_size=30), st.lists(MONTH_WORDS, max_size=8).map("".join),
                       st.lists(MONTH_WORDS, max_size=8).map(" ".join))


def _sane(month: str) -> bool:
    year, number = month.split("-")
    return len(year) == 4 and 1900 <= int(year) <= 2099 and 1 <= int(number) <= 12


@SETTINGS
@given(DATE_TEXTS)
def test_date_range_parser_returns_sane_months_or_cv_error(text):
    from reviewer.cv.dates import parse_month, parse_range
    try:
        span = parse_range(text)
    except CVError:
        pass
    else:
        assert _sane(span.start) and (span.end is None or _sane(span.end))
    try:
        assert _sane(parse_month(text))
    except CVError:
        pass


CV_SUFFIXES = ["cv.json", "cv.yaml", "cv.yml", "cv.csv", "cv.txt", "cv.docx", "cv.pdf"]
CV_TEXTS = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=300).map(str.encode),
    st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
                 lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
                     st.sampled_from(["applicant", "experiences", "start", "end", "title", "organization",
                                      "hours_per_week", "type", "graduation", "exams", "exam", "result", "score"]),
                     inner, max_size=4), max_leaves=12).map(lambda v: __import__("json").dumps(v).encode()),
)


@SETTINGS
@given(CV_TEXTS, st.sampled_from(CV_SUFFIXES))
def test_cv_readers_raise_only_input_or_cv_errors(data, name):
    from reviewer.cv import load_cv_bytes
    try:
        load_cv_bytes(data, name)
    except (InputError, CVError):
        pass
