"""The memos the pipeline keeps per word: bounded, equal to the plain function, and safe across threads."""
import random
import threading
from concurrent.futures import ThreadPoolExecutor

from reviewer import review
from reviewer.nlp import readability
import numpy
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.nlp.memo import Column, Memo, WordTable


def test_memo_gives_the_function_and_stays_bounded():
    calls = []
    memo = Memo(lambda key: calls.append(key) or key * 2, limit=10)
    assert [memo(k) for k in range(25)] == [k * 2 for k in range(25)]
    assert len(memo) <= 10
    assert memo.many([3, 24, 24, 7]) == [6, 48, 48, 14]
    assert calls.count(24) == 1  # kept once worked out


KEYS = st.lists(st.integers(0, 40) | st.integers(0, 2 ** 64 - 1), max_size=60)


@settings(max_examples=300, deadline=None)
@given(st.lists(KEYS, max_size=8), st.integers(1, 50))
def test_word_table_gives_each_columns_function_and_stays_bounded(batches, limit):
    calls = []

    def number(key):
        calls.append(key)
        return key % 1009 - 500

    numbers = Column(number, numpy.int64)
    pairs = Column(lambda key: None if key % 3 else (key, (key % 7,)), object)  # tuples stay whole
    table = WordTable(limit=limit)
    largest = 0
    for k, keys in enumerate(batches):
        rows = table.rows(numpy.array(keys, dtype=numpy.uint64))
        got = rows.values(numbers)
        assert got.dtype == numpy.int64
        assert got.tolist() == [number(key) for key in keys]
        if k % 2:  # a column first read after some words were added, and read on
            assert rows.values(pairs).tolist() == [None if key % 3 else (key, (key % 7,)) for key in keys]
        largest = max(largest, len(set(keys)))
        assert len(table) <= max(limit, largest)  # (one statement's new words may pass the limit)
        made = len(calls)
        assert table.rows(numpy.array(keys, dtype=numpy.uint64)).values(numbers).tolist() == got.tolist()
        assert len(calls) == made  # each worked out once, and kept


def test_a_word_table_reads_an_empty_statement():
    table = WordTable()
    assert table.rows(numpy.zeros(0, dtype=numpy.uint64)).values(Column(str, object)).tolist() == []
    assert table.rows(numpy.array([5, 5, 2 ** 64 - 1], dtype=numpy.uint64)).values(Column(str, object)).tolist() == \
        ["5", "5", str(2 ** 64 - 1)]


def test_a_column_no_step_holds_is_let_go():
    """A labeller that switches models makes a new column; the table does not keep the old one (nor its model)."""
    table, keep = WordTable(), Column(lambda key: key % 5, numpy.int64)
    dropped = Column(lambda key: key % 7, numpy.int64)
    rows = table.rows(numpy.array([1, 2, 3], dtype=numpy.uint64))
    assert rows.values(keep).tolist() == [1, 2, 3] and rows.values(dropped).tolist() == [1, 2, 3]
    del dropped
    table.rows(numpy.array([4, 9], dtype=numpy.uint64))  # (new words: the kept columns grow with them)
    assert list(table._known.columns) == [keep]
    assert table.rows(numpy.array([9, 1], dtype=numpy.uint64)).values(keep).tolist() == [4, 1]


def long_texts(count: int, seed: int) -> list[str]:
    """Long statements full of words no memo has met (the web server meets these on several threads)."""
    rng = random.Random(seed)
    texts = []
    for k in range(count):
        words = [f"{rng.choice(['zorb', 'Quell', 'mirtan', 'Vexo', 'plith'])}{rng.randint(0, 10 ** 9)}" for _ in range(900)]
        sentences = [" ".join(words[i:i + 15]) + "." for i in range(0, len(words), 15)]
        texts.append(f"I failed Step 1 in 20{k % 10}9. " + " ".join(sentences) + "\n\nI moved to Decatur and passed.")
    return texts


def test_threads_meeting_new_words_at_once_get_what_one_thread_gets(monkeypatch):
    """Many threads reviewing long texts of distinct new words, with memos small enough to start afresh
    again and again while other threads read them: every review equals the one made alone."""
    from reviewer.nlp import get_nlp
    nlp = get_nlp()
    memos = [readability._SYLLABLES, nlp.get_pipe("reviewer_sentences").words]  # (the table of every step's word facts)
    for matcher in nlp.get_pipe("reviewer_cues").matchers.values():
        memos += [matcher.runs._runs, matcher.runs._fits]
    for memo in memos:
        monkeypatch.setattr(memo, "limit", 64)
    texts = long_texts(48, seed=13)
    alone = [review(text, as_of="2026-09").to_dict() for text in texts]
    start = threading.Barrier(16)

    def run(text):
        start.wait()  # the first sixteen begin together
        return review(text, as_of="2026-09").to_dict()

    with ThreadPoolExecutor(max_workers=16) as pool:
        together = list(pool.map(run, texts[:16])) + list(pool.map(lambda t: review(t, as_of="2026-09").to_dict(), texts[16:]))
    assert together == alone
