"""Our lookup lemmas equal spaCy's own lookup lemmatizer, and "~lemma" entries match every form."""

from reviewer.nlp.lemmas import LookupLemmas
from reviewer.nlp.lexicon import spacy_matcher
from reviewer.nlp.matcher import CueMatcher
from tests.helpers.corpus import CORPUS, corpus_text
from tests.nlp.test_matcher import compile_all


EXTRA = ["I rebuilt my plan, sought help, began again and was taught to ask.",
         "Children's Healthcare of Atlanta saw 3 children; they're better.", "", "x", "I said no.",
         "I Rebuilt it. I REBUILT it. I rebuilding it, rebuilds, rebuild's."]


def texts():
    return [corpus_text(p) for p in sorted(CORPUS.glob("*.json")) if not p.name.endswith(".cv.json")] + EXTRA


def test_lemmas_match_spacy_lookup_lemmatizer(lemmatized_blank):
    lemma_of = LookupLemmas()
    for text in texts():
        doc = lemmatized_blank(text)
        assert [lemma_of(t.text) for t in doc] == [t.lemma_ for t in doc]


def test_irregular_forms_reach_their_lemma():
    lemma_of = LookupLemmas()
    assert [lemma_of(w) for w in "rebuilt sought began taught".split()] == ["rebuild", "seek", "begin", "teach"]


def test_lemma_entries_match_as_spacy_matches_lemmatized_tokens(lemmatized_blank):
    """The rules' "~verb" entries: our matcher (lemmas looked up per word) against spaCy's Matcher on
    tokens lemmatized by spaCy's own lookup lemmatizer."""
    compiled = compile_all(lemmatized_blank.tokenizer)
    with_lemmas = [(name, [p for p in patterns if any(kind == "lemma" for kind, _v, _o in p)])
                   for name, patterns in compiled]
    with_lemmas = [(name, patterns) for name, patterns in with_lemmas if patterns]
    assert with_lemmas, "the rules no longer use ~lemma entries; drop this test"
    spacy_reference, ours = spacy_matcher(lemmatized_blank.vocab, with_lemmas), CueMatcher(with_lemmas, lemmatized_blank.vocab)
    found = 0
    for text in texts():
        doc = lemmatized_blank(text)
        expected = sorted((lemmatized_blank.vocab.strings[key], start, end) for key, start, end in spacy_reference(doc))
        assert sorted(ours(doc)) == expected, text[:80]
        found += len(expected)
    assert found >= 1
