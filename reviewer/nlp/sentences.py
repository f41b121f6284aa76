"""The sentence splitter: spaCy's sentencizer rule and our fix-ups, decided only where a sentence can end."""
from __future__ import annotations

import numpy
from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Span

from ..errors import InputError
from .memo import Column, WordTable

# A personal statement has a few dozen sentences and the longest text read (200,000 characters) a few thousand
# of prose; past this bound a text is a list or a flood, and reviewing it would hold the server for seconds.
MAX_SENTENCES = 5_000

# After these, a capitalised word that usually opens a sentence starts a new one ("... in the U.S. My ...").
SENTENCE_FINAL_ABBREVIATIONS = {"U.S.", "U.K.", "U.S.A.", "etc.", "Inc.", "Jr.", "Sr.", "Co.", "Corp."}
SENTENCE_OPENERS = {"i", "my", "the", "this", "that", "these", "those", "it", "we", "our", "in", "at", "after",
                    "during", "when", "while", "there", "since", "as", "he", "she", "they", "his", "her", "their",
                    "one", "each", "every", "although", "because", "today", "now", "then", "later", "before",
                    "for", "with", "what", "working", "by", "through", "over", "on", "if", "but", "and", "so"}
_NO_START_AFTER = frozenset({",", ";", ":", "(", "-", "–"})
PUNCT_CHARS = frozenset(Sentencizer.default_punct_chars)  # the marks after which spaCy's sentencizer splits

# What the rules need to know of a token's text, one bit each.
MARK, NOT_WORD, SPACE, PARAGRAPH, LOWER_OR_DIGIT, NO_START_AFTER, FINAL_ABBREVIATION, OPENER = (
    1 << bit for bit in range(8))
TRIGGER = MARK | PARAGRAPH | FINAL_ABBREVIATION  # after these a sentence may start, or must


def word_facts(text: str, is_punct: bool) -> int:
    """The bits of a token text: MARK (a sentence-final mark for spaCy's sentencizer), NOT_WORD (a mark or
    punctuation), SPACE, PARAGRAPH (whitespace holding a blank line), LOWER_OR_DIGIT (first character),
    NO_START_AFTER, FINAL_ABBREVIATION ("U.S.") and OPENER (a capitalised word that usually opens a sentence)."""
    first = text[:1]
    space = text.isspace()
    return ((MARK if text in PUNCT_CHARS else 0)
            | (NOT_WORD if text in PUNCT_CHARS or is_punct else 0)
            | (SPACE if space else 0)
            | (PARAGRAPH if space and text.count("\n") >= 2 else 0)
            | (LOWER_OR_DIGIT if first.islower() or first.isdigit() else 0)
            | (NO_START_AFTER if text in _NO_START_AFTER else 0)
            | (FINAL_ABBREVIATION if text in SENTENCE_FINAL_ABBREVIATIONS else 0)
            | (OPENER if first.isupper() and text.lower() in SENTENCE_OPENERS else 0))


@Language.factory("reviewer_sentences")
def make_sentences(nlp, name):
    return SentenceSplitter(nlp.vocab)


class SentenceSplitter:
    """Sets ``doc._.orths`` (each token's word ID), ``doc._.sentences`` (the sentences that hold text) and
    ``doc._.sentence_paragraphs``.

    spaCy's sentencizer rule: the first word (neither punctuation nor a sentence-final mark; whitespace counts
    as a word) after a sentence-final mark (".", "!", "?", ...) starts a sentence. Our fix-ups: a blank line
    always starts a sentence, and so does a capitalised opener after a sentence-final abbreviation ("... in
    the U.S. My ..."); otherwise no sentence starts at a lowercase word, a digit, or after ",", ";", ":",
    "(", "-", "–". Whitespace tokens keep the sentencizer's decision. Each word's facts are worked out once
    (a memo keyed by the word) and the rules are applied only around the tokens where a sentence may end.
    ``tests/nlp/test_sentences.py`` checks this against spaCy's ``Sentencizer`` followed by the fix-ups
    written token by token.
    """

    def __init__(self, vocab):
        def facts(orth: int) -> int:
            lexeme = vocab[orth]
            return word_facts(lexeme.orth_, lexeme.is_punct)

        self.words = WordTable()  # facts about words, for the steps after this one too (doc._.word_rows)
        self._facts = Column(facts, numpy.int64)  # the bits of each word (``word_facts``)

    def __call__(self, doc):
        n = len(doc)
        orth_array = doc.to_array(ORTH)
        rows = self.words.rows(orth_array)
        doc._.orth_array, doc._.orths, doc._.word_rows = orth_array, orth_array.tolist(), rows
        if not n:
            doc._.sentences, doc._.sentence_paragraphs = [], []
            return doc
        fact_array = rows.values(self._facts)
        facts = fact_array.tolist()
        firsts, breaks = {0}, []
        for m in numpy.flatnonzero(fact_array & TRIGGER).tolist():
            bits = facts[m]
            if bits & PARAGRAPH:
                breaks.append(m)
            if m + 1 == n:
                continue
            after = facts[m + 1]
            if bits & MARK:  # the sentencizer: the first word after the mark ...
                w, before, here = m + 1, bits, after
                while here & NOT_WORD:
                    w += 1
                    if w == n:
                        break
                    before, here = here, facts[w]
                # ... unless it is a lowercase word or a digit, or follows ",", ";" ... (whitespace stays)
                if w < n and (here & SPACE or not (here & LOWER_OR_DIGIT or before & NO_START_AFTER)):
                    firsts.add(w)
            if not after & SPACE and (bits & PARAGRAPH or (bits & FINAL_ABBREVIATION and after & OPENER)):
                firsts.add(m + 1)
        firsts = sorted(firsts)
        starts = numpy.full((n, 1), -1, dtype="int64")  # -1: not a sentence start, as spaCy stores it
        starts[firsts] = 1
        doc.from_array([SENT_START], starts.view("uint64"))
        self.set_sentences(doc, firsts, breaks, facts)
        if len(doc._.sentences) > MAX_SENTENCES:
            raise InputError(f"The statement has more than {MAX_SENTENCES:,} sentences, which is more than this tool "
                             f"reads (a personal statement has a few dozen), so it was not reviewed.", status=413)
        return doc

    @staticmethod
    def set_sentences(doc, firsts: list[int], breaks: list[int], facts: list[int]) -> None:
        """``doc._.sentences``: the sentences that hold more than whitespace; ``doc._.sentence_paragraphs``:
        their paragraph numbers (a blank line, i.e. a break token, between two sentences starts a new one)."""
        sentences, paragraphs, para, previous, b = [], [], 0, 0, 0
        for start, end in zip(firsts, firsts[1:] + [len(doc)]):
            k = start
            while k < end and facts[k] & SPACE:
                k += 1
            if k == end:
                continue  # whitespace only
            if sentences:  # a break token from the previous sentence's start on, before this one's
                while b < len(breaks) and breaks[b] < previous:
                    b += 1
                if b < len(breaks) and breaks[b] < start:
                    para += 1
            sentences.append(Span(doc, start, end))
            paragraphs.append(para)
            previous = start
        doc._.sentences, doc._.sentence_paragraphs = sentences, paragraphs
