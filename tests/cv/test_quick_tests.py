"""The crosscheck's shortcuts change no answer: the literal tests never rule out a sentence its pattern matches, the
shared-lookaround word pattern matches as one pattern per word did, and the one-pass reading of capitalized names
finds what a word-by-word reading finds."""
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.cv import durations, record_claims, unlisted
from reviewer.cv.literals import may_match
from reviewer.cv.names import _CONNECTORS, _STARTERS, capitalized_names

CORPUS = Path(__file__).resolve().parents[2] / "samples" / "corpus"
SETTINGS = settings(max_examples=1500, deadline=None)
# Words the patterns look for, in odd cases and with the letters re.IGNORECASE also matches ("İ", "ı", "ſ", "K")
PIECES = st.one_of(
    st.sampled_from(["first", "FIRST", "fİrst", "fırst", "firſt", "attempt", "try", "sitting", "never", "Never",
                     "failed", "retook", "repeated", "had to retake", "Step", "ſtep", "STEP", "2 CK", "2cK", "2 cK",
                     "score", "scored", "231", "199", "300", "2019", "I graduated", "graduating", "Graduated", "in",
                     "class of", "2018", "weeks", "YEAR", "a", "two", "nine", "month", "Day", "ſpent", "spent",
                     "rotation", "worked", "Work", "I", "we", "my", "at", "Grady", "Memorial", "Hospital", "of",
                     "the", "Clinic", "Dr.", "iPhone", "St.", "-", "–", "’", "'", "&", ".", ",", "\n", "\u00a0",
                     "passed", "PASS", "paſſed", "cleared", "succeeded", "on my", "second", "2nd", "THIRD", "twice",
                     "two times", "once", "thrice", "did not pass", "didn't pass", "unsuccessful", "re-sat", "several",
                     "more than one", "pass/fail", "pass or fail", "sister", "Colleagues", "my", "our", "before",
                     "in the early", "2010s", "1990s", "around", "completed medical school", "MBBS"]),
    st.text(max_size=4))
SENTENCES = st.lists(PIECES, max_size=30).map(" ".join) | st.lists(PIECES, max_size=30).map("".join)
NEEDS = [
    (record_claims._FIRST_ATTEMPT, record_claims.FIRST_ATTEMPT_NEEDS),
    (record_claims._SCORE, record_claims.SCORE_NEEDS[:1]),
    (record_claims._EXAM_NAME, record_claims.SCORE_NEEDS[1:]),
    (durations.DURATION, (durations._UNIT_WORDS,)),
    (durations._STAY_WORDS, (durations._STAY_STEMS,)),
    (record_claims._PASSED_ON_NTH, record_claims.NTH_NEEDS),
    (record_claims._FAILED_N, record_claims.FAILED_N_NEEDS),
    (record_claims._SOME_FAIL, record_claims.SOME_FAIL_NEEDS),
    (record_claims._GRADING, record_claims.GRADING_NEEDS),
    (record_claims._EXAM_NAME, record_claims.EXAM_NEEDS),
    (record_claims._NOT_MINE, record_claims.NOT_MINE_NEEDS),
    (record_claims._GRADUATION, record_claims.YEAR_NEEDS),
    (record_claims._GRADUATION_SPAN, record_claims.YEAR_NEEDS),
]


@SETTINGS
@given(SENTENCES)
def test_literal_tests_never_rule_out_a_match(sentence):
    for pattern, needs in NEEDS:
        if pattern.search(sentence):
            assert may_match(sentence, *needs), pattern.pattern
    if record_claims._GRADUATION.search(sentence):
        assert record_claims.GRADUATION_NEEDS in sentence


@SETTINGS
@given(SENTENCES, st.lists(st.sampled_from(["Grady", "Mercy Care", "Hospital", "St. Joseph's", "VA", "a.b", ""]),
                           max_size=4))
def test_one_word_pattern_matches_as_a_pattern_per_word(text, words):
    per_word = any(re.search(rf"(?<![a-z]){re.escape(w.lower())}(?![a-z])", text.lower()) for w in words)
    assert unlisted._listed(text, unlisted._words_pattern(tuple(words))) == per_word


def word_by_word(sentence):
    """Capitalized names as the crosscheck first read them: every word in turn."""
    names, run = [], []
    tokens = list(re.finditer(r"[A-Za-z][A-Za-z'’.&-]*", sentence))

    def close():
        words = [t.group(0).lower() for t in run]
        first, last = 0, len(run)
        while first < last and (words[first] in _STARTERS or words[first] in _CONNECTORS):
            first += 1
        while first < last and words[last - 1] in _CONNECTORS:
            last -= 1
        if first < last:
            text = sentence[run[first].start():run[last - 1].end()].rstrip(".,")
            names.append((text, run[first].start()))

    for i, token in enumerate(tokens):
        word = token.group(0)
        gap = sentence[run[-1].end():token.start()].strip() if run else ""
        if word[0].isupper() and gap in ("", "-"):
            run.append(token)
        elif run and word.lower() in _CONNECTORS and gap == "" and i + 1 < len(tokens) \
                and tokens[i + 1].group(0)[0].isupper():
            run.append(token)
        else:
            close()
            run = [token] if word[0].isupper() else []
    close()
    return names


def test_capitalized_names_of_the_corpus_sentences():
    for path in sorted(CORPUS.glob("*.json")):
        if not path.name.endswith(".cv.json"):
            for paragraph in json.loads(path.read_text(encoding="utf-8"))["paragraphs"]:
                for sentence in paragraph:
                    found = [(n.text, n.start) for n in capitalized_names(sentence["text"])]
                    assert found == word_by_word(sentence["text"])


@SETTINGS
@given(SENTENCES)
def test_capitalized_names_of_any_text(sentence):
    names = capitalized_names(sentence)
    assert [(n.text, n.start) for n in names] == word_by_word(sentence)
    assert all(sentence[n.start:n.end] == n.text for n in names)


@SETTINGS
@given(SENTENCES)
def test_either_of_two_needs_is_the_one_test_or_the_other(sentence):
    from reviewer.cv.literals import may_match_any

    first, score = record_claims.FIRST_ATTEMPT_NEEDS, record_claims.SCORE_NEEDS
    assert may_match_any(sentence, first, score) == (may_match(sentence, *first) or may_match(sentence, *score))


def corpus_sentences():
    """Every sentence of the labelled statements and of the claims tables."""
    samples = CORPUS.parent
    for path in sorted(samples.glob("*/*.json")):
        if path.name.endswith(".cv.json") or path.parent.name in ("claims", "cohort", "cv", "cv_unseen", "drafts"):
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        for paragraph in data.get("paragraphs", []):
            yield from (sentence["text"] for sentence in paragraph)
    for table in sorted((samples / "claims").glob("*.jsonl")):
        for line in table.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield json.loads(line)["sentence"]


def test_literal_tests_never_rule_out_a_match_in_the_samples():
    matched = {pattern.pattern: 0 for pattern, _ in NEEDS}
    for sentence in corpus_sentences():
        for pattern, needs in NEEDS:
            if pattern.search(sentence):
                matched[pattern.pattern] += 1
                assert may_match(sentence, *needs), (pattern.pattern, sentence)
    assert all(matched.values()), [p for p, n in matched.items() if not n]  # each pattern met a sentence it matches


def folded_patterns():
    """Every pattern of the claims reader that is tried the quick way first (literals.Folded)."""
    from reviewer.cv import owner
    from reviewer.cv.literals import Folded
    return [p for module in (record_claims, durations, owner, unlisted) for p in vars(module).values()
            if isinstance(p, Folded)]


def same_answers(folded, sentence):
    """The quick way gives the pattern's own answer for every method the reader uses."""
    def spans(matches):
        return [(m.span(), m.groupdict(), m.group(0)) for m in matches]
    assert spans(filter(None, [folded.search(sentence)])) == spans(filter(None, [folded.pattern.search(sentence)]))
    assert spans(filter(None, [folded.match(sentence)])) == spans(filter(None, [folded.pattern.match(sentence)]))
    assert spans(folded.finditer(sentence)) == spans(folded.pattern.finditer(sentence))
    assert spans(folded.finditer(sentence, 3, 40)) == spans(folded.pattern.finditer(sentence, 3, 40))
    assert folded.sub("#", sentence) == folded.pattern.sub("#", sentence)


def test_folded_patterns_answer_as_the_patterns_do_on_the_samples():
    patterns = folded_patterns()
    assert len(patterns) >= 30
    matched = set()
    for sentence in set(corpus_sentences()):
        for folded in patterns:  # (every method on any text: the test below)
            found = [(m.span(), m.groupdict()) for m in folded.pattern.finditer(sentence)]
            assert [(m.span(), m.groupdict()) for m in folded.finditer(sentence)] == found
            if found:
                matched.add(folded.pattern.pattern)
    assert len(matched) >= 25  # most of them met sentences they match, in odd cases too


@SETTINGS
@given(SENTENCES)
def test_folded_patterns_answer_as_the_patterns_do_on_any_text(sentence):
    for folded in folded_patterns():
        same_answers(folded, sentence)
        same_answers(folded, sentence.upper())


def test_no_folded_pattern_matches_nothing():
    """``Folded.finditer`` takes the pattern's matches where the quick search's are: the same sequence only for
    a pattern that never matches the empty string (an empty match has a rule of its own)."""
    import re._parser
    for folded in folded_patterns():
        shortest, _ = re._parser.parse(folded.pattern.pattern, folded.pattern.flags).getwidth()
        assert shortest > 0, folded.pattern.pattern


def test_a_folded_pattern_needs_lower_case_letters():
    import re

    from reviewer.cv.literals import Folded, folded
    with pytest.raises(ValueError):
        Folded(re.compile(r"\b(?:I|we)\b", re.I))  # "I" would never meet the lower-cased text
    with pytest.raises(ValueError):
        Folded(re.compile(r"\bstep\b"))  # not case-insensitive: nothing to fold
    assert folded(r"(?P<n>\d+)\s+weeks\b").search("Nine 12 WEEKS").group("n") == "12"


def holds_a_claim_only_with_its_words(sentence):
    """The crosscheck reads attempts, scores and graduation only in sentences with the words they need."""
    from reviewer.cv.literals import may_match_any
    if record_claims.attempt_claims(sentence):
        assert may_match_any(sentence, record_claims.ATTEMPT_NEEDS), sentence
        assert may_match_any(sentence, *record_claims.ATTEMPT_CLAIM_NEEDS), sentence
    if record_claims.score_claims(sentence):
        assert may_match_any(sentence, record_claims.SCORE_NEEDS), sentence
        assert record_claims.SCORE_NUMBER.search(sentence), sentence
    if record_claims.graduation_claim(sentence):
        assert may_match_any(sentence, record_claims.YEAR_NEEDS), sentence
    if durations.durations(sentence):
        assert may_match_any(sentence, durations.STAY_NEEDS), sentence


@SETTINGS
@given(SENTENCES)
def test_claims_are_read_only_in_sentences_with_their_words(sentence):
    holds_a_claim_only_with_its_words(sentence)
    holds_a_claim_only_with_its_words(sentence.upper())


def test_claims_are_read_only_in_sentences_with_their_words_in_the_samples():
    claims = 0
    for sentence in set(corpus_sentences()):
        holds_a_claim_only_with_its_words(sentence)
        claims += bool(record_claims.attempt_claims(sentence))
    assert claims > 300


@SETTINGS
@given(SENTENCES)
def test_the_literal_test_is_the_plain_loop(sentence):
    from reviewer.cv.literals import may_match_any
    groups = [record_claims.FIRST_ATTEMPT_NEEDS, record_claims.SCORE_NEEDS, record_claims.ATTEMPT_NEEDS,
              record_claims.FAILED_N_NEEDS, (durations._UNIT_WORDS,)]
    lower = sentence.lower()
    special = not sentence.isascii() and any(c in sentence for c in "İıſ")
    for needs in groups:
        plain = all(any(literal in lower for literal in literals) for literals in needs)
        assert may_match_any(sentence, needs) == (plain or special)
    assert may_match_any(sentence, *groups) == (any(all(any(lit in lower for lit in lits) for lits in needs)
                                                    for needs in groups) or special)


@SETTINGS
@given(st.lists(SENTENCES, max_size=12))
def test_a_statement_at_once_is_each_sentence_in_turn(sentences):
    """``Literals.matching`` finds, for the whole statement, the sentences ``may_match_any`` lets through one by
    one."""
    from reviewer.cv.literals import Literals, may_match_any
    groups = [record_claims.ATTEMPT_NEEDS, record_claims.SCORE_NEEDS, durations.STAY_NEEDS,
              ((record_claims.GRADUATION_NEEDS, "finished", "completed"),), record_claims.FAILED_N_NEEDS]
    for alternatives in [groups[:2], groups[2:3], groups[3:4], groups]:
        assert Literals(sentences).matching(*alternatives) == {i for i, s in enumerate(sentences)
                                                      if may_match_any(s, *alternatives)}


def test_a_statement_at_once_on_the_samples():
    from reviewer.cv.literals import Literals, may_match_any
    sentences = list(corpus_sentences())
    assert len(sentences) > 10_000
    for start in range(0, len(sentences), 40):  # statement-sized runs of sentences
        chunk = sentences[start:start + 40]
        for needs in [record_claims.ATTEMPT_NEEDS, record_claims.SCORE_NEEDS, durations.STAY_NEEDS]:
            assert Literals(chunk).matching(needs) == {i for i, s in enumerate(chunk) if may_match_any(s, needs)}
