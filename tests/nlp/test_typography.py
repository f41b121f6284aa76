"""Typography does not change a review: curly quotes, no-break spaces, dashes, full-width digits, zero-width
characters and look-alike letters give the labels and findings of the plain text, with offsets into the copy."""
import random

import pytest

from reviewer import review
from reviewer.nlp.typography import plain
from tests.helpers.corpus import statement_files, corpus_text


def dressed(text: str, rng: random.Random) -> str:
    """``text`` as Word and copy-paste leave it: curly apostrophes and quotes, no-break spaces, en dashes in
    "Step-1", full-width digits here and there, and zero-width characters inside some words."""
    out = []
    quote_open = True
    for i, c in enumerate(text):
        if c == "'":
            out.append("\u2019")
        elif c == '"':
            out.append("\u201c" if quote_open else "\u201d")
            quote_open = not quote_open
        elif c == " " and rng.random() < 0.05:
            out.append(rng.choice(["\u00a0", "\u202f"]))
        elif c == "-" and rng.random() < 0.5:
            out.append("\u2013")
        elif c.isdigit() and rng.random() < 0.1:
            out.append(chr(0xFF10 + int(c)))
        else:
            out.append(c)
        if c.isalpha() and rng.random() < 0.01:
            out.append(rng.choice(["\u200b", "\u200c", "\u2060", "\u00ad"]))
    return "".join(out)


def essence(result):
    return ([s.labels for s in result.sentences],
            [(f.rule, f.level, f.sentences) for f in result.findings])


@pytest.mark.parametrize("path", statement_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_review_sees_through_typography(path):
    text = corpus_text(path)
    copy = dressed(text, random.Random(path.stem))
    original, dressed_review = review(text, as_of="2026-09"), review(copy, as_of="2026-09")
    assert essence(dressed_review) == essence(original)
    for s in dressed_review.sentences:
        assert copy[s.start:s.end] == s.text  # offsets index the copy as given
    assert dressed_review.to_dict()["text"] == copy


@pytest.mark.parametrize("text, expected", [
    ("I didn\u2019t pass Step\u20131.", "I didn't pass Step-1."),
    ("Gr\u0430dy Memorial", "Grady Memorial"),  # a Cyrillic a inside a Latin word
    ("\u041c\u043e\u0441\u043a\u0432\u0430 stays", "\u041c\u043e\u0441\u043a\u0432\u0430 stays"),  # a Russian word is left alone
    ("score \uff12\uff14\uff10", "score 240"),
    ("fa\u200biled", "failed"),
])
def test_plain_text(text, expected):
    result = plain(text)
    assert result.text == expected
    assert result.original(len(result.text)) == len(text)
