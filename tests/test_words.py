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
