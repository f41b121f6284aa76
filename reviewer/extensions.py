"""Every custom attribute the pipeline sets on Doc, declared once."""
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
