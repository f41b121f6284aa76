"""The cue matcher finds exactly the matches of spaCy's Matcher, compared as sets sorted by position."""
import random

import pytest

from reviewer.nlp.cues import compile_lexicons, general_lexicons, region_lexicons
from reviewer.nlp.lexicon import entry_tokens, expand, spacy_matcher
from reviewer.nlp.matcher import CueMatcher
from reviewer.rulebook import load_rulebook

from tests.helpers.corpus import statement_texts

TRICKY = [
    "I didn't pass Step-1 on my first attempt; I did n't pass Step 1 either, and I didnt give up.",
    "My USMLE Step 1 score was 198. My Step 2 CK score of 221 came later, then 250, 1999 and 99.",
    "I scored two hundred and ten, then 3, then 3.5, then 10,000 and 1/2 of the points: ten.",
    "Labor and delivery units closed. Labor and delivery closed. Labor and delivery unit closed.",
    "The exam and the test and the questions and the examiners were hard. The Exam Questions too.",
    "Instructors and instructor and INSTRUCTORS taught me. Test center, testing centre, test site.",
    "I volunteered at Grady Memorial Hospital in Atlanta, Georgia, near Clarkston and Decatur, GA.",
    "Rural hospital closures and hospital closure and maternity care deserts and health care desert.",
    "Family physicians, family doctor, emergency physician and pediatrics, psychiatry, neurology.",
    "Ties: my cousin, my cousins, my community, communities; I'm committed, commitment, commit.",
    "\n\nA\n\n \n B  C\t\td. Mr. Smith's U.S. rotation, Dr. Jones' clinic; e.g. the ICU.",
    "Step-2 CK; step two; STEP 1; Step1; USMLE step 3; COMLEX Level 1; PLAB 1 and PLAB2.",
    "",
    "   ",
]


def reference(matcher, doc):
    """The spaCy Matcher's matches, de-duplicated and sorted as the cue finder sorts them."""
    strings = doc.vocab.strings
    return same_as_set((strings[key], start, end) for key, start, end in matcher(doc))


def same_as_set(matches):
    return sorted(set(matches), key=lambda m: (m[1], m[2], m[0]))


def compile_all(tokenizer):
    """Every lexicon of the shipped rules: labels, phrase rules and the Georgia pack."""
    book = load_rulebook()
    lexicons = {**general_lexicons(book), **region_lexicons(book.region("georgia"))}
    return compile_lexicons(lexicons, tokenizer)


@pytest.fixture(scope="module")
def both(lemmatized_blank):
    compiled = compile_all(lemmatized_blank.tokenizer)
    return spacy_matcher(lemmatized_blank.vocab, compiled), CueMatcher(compiled, lemmatized_blank.vocab)


def corpus_statements():
    return statement_texts("corpus")


def test_the_rules_use_prefixes_and_alternatives(lemmatized_blank):
    """Guard: the corpus comparison exercises prefixes and alternatives (optional tokens: the synthetic test)."""
    compiled = compile_all(lemmatized_blank.tokenizer)
    specs = [spec for _name, patterns in compiled for pattern in patterns for spec in pattern]
    assert {kind for kind, _value, _optional in specs} >= {"lower", "in", "prefix", "score"}


def test_corpus_matches_are_identical(lemmatized_blank, both):
    reference_matcher, fast = both
    statements = corpus_statements()
    assert len(statements) >= 40
    total = 0
    for text in statements:
        doc = lemmatized_blank(text)
        expected = reference(reference_matcher, doc)
        got = fast(doc)
        assert len(got) == len(set(got)), text[:80]  # each match once
        assert same_as_set(got) == expected, text[:80]
        total += len(got)
    assert total > 1000


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_strings_match_identically(lemmatized_blank, both, text):
    reference_matcher, fast = both
    doc = lemmatized_blank(text)
    assert same_as_set(fast(doc)) == reference(reference_matcher, doc)


# Hand-made lexicons with every feature of the entry syntax in awkward combinations.
SYNTHETIC = {
    "opt_end": ["a b?", "a b? c?", "b?"],
    "opt_start": ["a? b", "a? a", "a? b? c"],
    "opt_mid": ["a b? c", "a b? b", "x|y a? z*"],
    "overlap": ["a", "a a", "a b", "b c", "a b c", "(a|b) (b|c)"],
    "numbers": ["<NUM>", "<NUM> <NUM>?", "<SCORE>", "step <NUM>", "step-<NUM>", "<SCORE>? points"],
    "title": ["<CAP> <CAP>?", "the <CAP>", "<CAP>? clinic*"],
    "prefix": ["clinic*", "c*|b", "*", "did n't", "didn't pass?", "z*|zz x?"],
}
VOCAB = ["a", "b", "c", "x", "y", "z", "zz", "A", "B", "Clinic", "clinics", "clinic", "the", "The", "step",
         "Step-1", "step-2", "2", "two", "221", "1999", "3.5", "points", "did", "didn't", "n't", "pass",
         "Grady", ",", ".", "\n\n", "Dr.", "U.S."]


def test_random_token_strings_match_identically(lemmatized_blank):
    compiled = []
    for name, entries in SYNTHETIC.items():
        patterns = [entry_tokens(e, lemmatized_blank.tokenizer) for entry in entries for e in expand(entry)]
        compiled.append((name, [p for p in patterns if p]))
    reference_matcher, fast = spacy_matcher(lemmatized_blank.vocab, compiled), CueMatcher(compiled, lemmatized_blank.vocab)
    rng = random.Random(20260)
    for _ in range(1500):
        text = " ".join(rng.choice(VOCAB) for _ in range(rng.randint(0, 14)))
        doc = lemmatized_blank(text)
        expected = reference(reference_matcher, doc)
        assert same_as_set(fast(doc)) == expected, repr(text)


def test_pipeline_sets_cues_per_sentence(lemmatized_blank, both):
    from reviewer.nlp import get_nlp, run_pipeline

    reference_matcher, _fast = both
    text = corpus_statements()[0]
    doc = run_pipeline(get_nlp(), text)
    sentence_of = {t: i for i, s in enumerate(doc._.sentences) for t in range(s.start, s.end)}
    expected = [dict() for _ in doc._.sentences]
    lemmatized = lemmatized_blank(text)  # the same tokens, lemmatized by spaCy for its Matcher
    assert [t.text for t in lemmatized] == [t.text for t in doc]
    for name, start, end in reference(reference_matcher, lemmatized):
        if start in sentence_of:
            expected[sentence_of[start]].setdefault(name, []).append((start, end))
    assert doc._.cues == expected  # the labeller reads the cues and leaves them as the cue finder set them


def test_a_bad_entry_is_refused_naming_its_file_and_list():
    import pytest

    from reviewer.errors import RuleFileError
    from reviewer.nlp.lexicon import compile_entries
    from reviewer.nlp.tokenizer import blank_english
    with pytest.raises(RuleFileError) as refused:
        compile_entries(["i did", "didn't? pass"], blank_english().tokenizer, "rules/statement/x.yml: 'phrases'")
    assert str(refused.value).startswith("rules/statement/x.yml: 'phrases': lexicon entry")
