"""reviewer.words: each word of a vocabulary has one row of facts, found through its lexeme's rank."""
import spacy

from reviewer.words import WordTable, token_rows


def test_rows_for_old_and_new_words_and_columns_added_later():
    nlp = spacy.blank("en")
    nlp("Some words the vocabulary meets before the table.")
    table = WordTable.of(nlp.vocab)
    assert WordTable.of(nlp.vocab) is table  # one table per vocabulary
    length = table.column_of("length", len, nlp.vocab)
    doc = nlp("Brand new words: zyxwv, qwertyuiop!")  # words first met after the table
    vowels = table.column_of("vowels", lambda text: sum(c in "aeiou" for c in text), nlp.vocab)
    assert table.column_of("length", lambda text: 0, nlp.vocab) == length  # asked again: the same column
    for lexeme in nlp.vocab:
        assert table.column(length)[lexeme.rank] == len(lexeme.orth_)
        assert table.column(vowels)[lexeme.rank] == sum(c in "aeiou" for c in lexeme.orth_)
    rows = token_rows(doc)
    assert rows[:, 0].tolist() == [token.rank for token in doc]
    assert rows[:, 1].tolist() == [1 if token.whitespace_ else 0 for token in doc]


def test_the_table_grows_past_its_first_size():
    nlp = spacy.blank("en")
    table = WordTable.of(nlp.vocab)
    length = table.column_of("length", len, nlp.vocab)
    words = [f"w{i}x" for i in range(10_000)]
    doc = nlp(" ".join(words))
    assert table.size >= 10_000
    assert [table.column(length)[r] for r in token_rows(doc)[:, 0]] == [len(w) for w in words]


def test_a_rank_set_elsewhere_gets_its_row_back():
    nlp = spacy.blank("en")
    table = WordTable.of(nlp.vocab)
    length = table.column_of("length", len, nlp.vocab)
    nlp.vocab["stray"].rank = 10 ** 12
    doc = nlp("a stray word")
    rows = token_rows(doc)[:, 0]
    assert table.column(length)[rows].tolist() == [1, 5, 4]
    assert doc[1].rank == rows[1] < table.size


def test_threads_meeting_new_words_at_once_get_what_one_thread_gets():
    """The web server reviews on several threads, which meet new words at the same time: their rows, and so
    the sentences, cues, labels and counts, must come out as when one thread reads the same texts."""
    import random
    import sys
    from concurrent.futures import ThreadPoolExecutor

    from reviewer.metrics import doc_counts
    from reviewer.pipeline import build_nlp

    rng = random.Random(5)
    texts = []
    for k in range(160):
        words = [f"{rng.choice(['Grady', 'clinic', 'step', 'zeta', 'failed'])}{rng.randint(0, 10 ** 6)}"
                 for _ in range(40)]
        texts.append(f"I failed Step 1 in {k}. " + " ".join(words) + ". I moved to Decatur, GA.\n\nI learned a lot.")

    def state(nlp, text):
        doc = nlp(text)
        return ([(s.start, s.end) for s in doc._.sentences], doc._.cues, doc._.labels, doc._.places,
                doc_counts(doc, text, [s.start for s in doc._.sentences]))

    alone = build_nlp()
    expected = [state(alone, t) for t in texts]
    shared = build_nlp()
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # hand the interpreter from thread to thread as often as it can
    try:
        with ThreadPoolExecutor(8) as pool:
            got = list(pool.map(lambda t: state(shared, t), texts))
    finally:
        sys.setswitchinterval(interval)
    assert got == expected


def test_no_table_for_a_vocabulary_with_word_vectors():
    """spaCy numbers the ranks of a vocabulary with vectors by vector row: the table refuses one."""
    import numpy
    import pytest

    nlp = spacy.blank("en")
    nlp.vocab.set_vector("hello", numpy.ones(3, dtype="float32"))
    with pytest.raises(ValueError, match="word vectors"):
        WordTable.of(nlp.vocab)
