"""Every custom attribute the pipeline sets on Doc, declared once."""
from spacy.attrs import ORTH
from spacy.tokens import Doc

# sentence index -> {cue name: [(start_token, end_token), ...]}
Doc.set_extension("cues", default=None)
# sentence index -> set of label names
Doc.set_extension("labels", default=None)
# sentence index -> Georgia places named in that sentence (surface text)
Doc.set_extension("places", default=None)
# (start_char, end_char) of each paragraph, set before the pipeline runs
Doc.set_extension("paragraphs", default=None)
# the sentences that hold text (whitespace-only spans left out), in order
Doc.set_extension("sentences", default=None)
# the paragraph number of each of those sentences
Doc.set_extension("sentence_paragraphs", default=None)

_ORTHS = ("reviewer", "orths")
FIRST_OWN_FLAG = 40  # spaCy's lexeme flags take bits 1-18; ours take the free ones from 40 up


def add_lexeme_flag(vocab, getter) -> int:
    """Register ``getter`` (word text -> bool) as a lexeme flag of ``vocab`` on the lowest free bit from 40
    up, and return the bit. spaCy keeps flags in each word's lexeme, computing them for the words it has and
    for every new word the tokenizer meets, so a document reads a flag for all its tokens in one
    ``to_array`` call, with no Python work per token."""
    free = [bit for bit in range(FIRST_OWN_FLAG, 64) if bit not in vocab.lex_attr_getters]
    if not free:
        raise RuntimeError("no free lexeme flag left in this vocabulary")
    return vocab.add_flag(getter, free[0])


def token_orths(doc) -> list[int]:
    """The ORTH id (the text's hash) of every token, read from the document once and kept in its user data
    for the next component (the tokens never change after the tokenizer)."""
    found = doc.user_data.get(_ORTHS)
    if found is None or len(found) != len(doc):
        found = doc.user_data[_ORTHS] = doc.to_array(ORTH).tolist()
    return found
