"""Build the spaCy pipeline once per process: tokenizer, sentences (sentencizer rule + fix-ups), cues, labels."""
from __future__ import annotations

from functools import lru_cache

import spacy
import numpy
from spacy.attrs import IS_PUNCT, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Span

from . import extensions  # noqa: F401  (the module declares the Doc extensions)
from .metrics import syllable_column
from .words import WordTable, token_rows
from .rulebook import RULES_DIR

# Abbreviations applicants write that must stay one token, so the sentencizer never splits at their dot.
ABBREVIATIONS = ["approx.", "Approx.", "y.o.", "Univ.", "univ.", "etc.", "vs.", "Ph.D.", "i.e.", "e.g.",
                 "M.D.", "MD.", "Dept.", "dept.", "Hosp.", "Jr.", "Sr.", "Mt.", "Ave.", "Rd.",
                 "Inc.", "Prof.", "Dr.", "Drs.", "St.", "Ste.", "U.S.", "U.K.", "U.S.A.", "Mr.", "Mrs.", "Ms.",
                 "Fig.", "approx", "Gen.", "Co.", "Corp."]
# After these, a capitalised word that usually opens a sentence starts a new one ("... in the U.S. My ...").
SENTENCE_FINAL_ABBREVIATIONS = {"U.S.", "U.K.", "U.S.A.", "etc.", "Inc.", "Jr.", "Sr.", "Co.", "Corp."}
SENTENCE_OPENERS = {"i", "my", "the", "this", "that", "these", "those", "it", "we", "our", "in", "at", "after",
                    "during", "when", "while", "there", "since", "as", "he", "she", "they", "his", "her", "their",
                    "one", "each", "every", "although", "because", "today", "now", "then", "later", "before",
                    "for", "with", "what", "working", "by", "through", "over", "on", "if", "but", "and", "so"}


_NO_START_AFTER = frozenset({",", ";", ":", "(", "-", "–"})
PUNCT_CHARS = frozenset(Sentencizer.default_punct_chars)  # the marks after which spaCy's sentencizer splits


# Word facts the sentence rules read, one bit each, computed once per distinct token text.
MARK, NOT_WORD, SPACE, PARAGRAPH, LOWER_OR_DIGIT, NO_START_AFTER, FINAL_ABBREVIATION, OPENER = (
    1 << bit for bit in range(8))
TRIGGER = MARK | PARAGRAPH | FINAL_ABBREVIATION  # after these a sentence may start, or must


def word_facts(text: str, is_punct: bool) -> int:
    """The bits of ``text``: MARK (a sentence-final mark for spaCy's sentencizer), NOT_WORD (a mark or
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
    """spaCy's sentencizer rule and our fix-ups, decided only around the few tokens that can end a sentence.

    The sentencizer rule: the first word (neither punctuation nor a sentence-final mark; whitespace counts as
    a word) after a sentence-final mark (".", "!", "?", ...) starts a sentence. The fix-ups: a blank line
    always starts a sentence, and so does a capitalised opener after a sentence-final abbreviation ("... in
    the U.S. My ..."); otherwise no sentence starts at a lowercase word, a digit, or after ",", ";", ":",
    "(", "-", "–". Whitespace tokens keep the sentencizer's decision. Each word's facts are a column of the
    vocabulary's word table (``reviewer.words``), so the tokens where a sentence may end come from one
    gather, and Python looks at a handful of tokens per sentence, not at every token.
    ``tests/test_sentences.py`` checks this against spaCy's ``Sentencizer`` followed by the fix-ups written
    token by token.
    """

    def __init__(self, vocab):
        is_punct = vocab.lex_attr_getters[IS_PUNCT]  # how spaCy sets Token.is_punct

        def facts(text: str) -> int:
            return word_facts(text, bool(is_punct(text)))

        self.word_facts = facts
        WordTable.of(vocab).column_of("sentences", facts, vocab)  # now, not at the first document

    def __call__(self, doc):
        n = len(doc)
        if not n:
            doc._.sentences, doc._.sentence_paragraphs = [], []
            return doc
        table = WordTable.of(doc.vocab)
        column = table.column(table.column_of("sentences", self.word_facts, doc.vocab))[token_rows(doc)[:, 0]]
        triggers = numpy.flatnonzero(column & TRIGGER).tolist()
        facts = column.tolist()  # the bits of each token
        firsts, breaks = {0}, []
        for m in triggers:
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
        value = numpy.full((n, 1), -1, dtype="int64")
        value[firsts] = 1
        doc.from_array([SENT_START], value.view("uint64"))  # -1 as spaCy stores it
        self.set_sentences(doc, firsts, breaks, facts)
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
            sentences.append(Span(doc, start, end))  # (doc[a:b] checks the slice first)
            paragraphs.append(para)
            previous = start
        ext = doc._
        ext.sentences, ext.sentence_paragraphs = sentences, paragraphs


def make_blank() -> Language:
    """Blank English with our tokenizer exceptions and sentence rules (no cues or labels)."""
    nlp = spacy.blank("en")
    syllable_column(nlp.vocab)  # each word's syllables, read with the tokens (reviewer.metrics)
    for abbreviation in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    nlp.add_pipe("reviewer_sentences")
    return nlp


def build_nlp(rules_dir: str = str(RULES_DIR)) -> Language:
    """The full pipeline; costly (lookup tables, matchers), so use ``get_nlp`` for the shared one."""
    from . import cues, labelling  # noqa: F401  (register the factories)

    nlp = make_blank()
    nlp.add_pipe("reviewer_cues", config={"rules_dir": rules_dir})
    nlp.add_pipe("reviewer_labels", config={"rules_dir": rules_dir})
    nlp.initialize()
    return nlp


def run_pipeline(nlp: Language, text: str):
    """``nlp(text)`` without ``Language.__call__``'s per-component bookkeeping (component settings and error
    handlers, which this pipeline does not use): the tokenizer, then each component in turn."""
    doc = nlp.make_doc(text)
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return doc


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The process-wide pipeline, built on first use."""
    return build_nlp()
