"""Every custom attribute the pipeline sets on a Doc, declared once; each is written by one step."""
from spacy.tokens import Doc

# The active region pack's name, set before the components run (reviewer.nlp.pipeline.run_pipeline).
Doc.set_extension("region", default=None)
# Sentence splitter: each token's word ID (spaCy's hash of its text; the later steps read it), as a list ...
Doc.set_extension("orths", default=None)
# ... and as an array (unsigned 64-bit) ...
Doc.set_extension("orth_array", default=None)
# ... and where its words sit in the pipeline's table of word facts (reviewer.nlp.memo.Rows) ...
Doc.set_extension("word_rows", default=None)
# ... the sentences that hold text (whitespace-only spans left out), in order ...
Doc.set_extension("sentences", default=None)
# ... and the paragraph number of each of them.
Doc.set_extension("sentence_paragraphs", default=None)
# Cue finder: for each sentence, {cue name: [(start_token, end_token), ...]}.
Doc.set_extension("cues", default=None)
# Labeller: for each sentence, its set of label names ...
Doc.set_extension("labels", default=None)
# ... the region's places it names (surface text) ...
Doc.set_extension("places", default=None)
# ... whether it names the region or one of its places at all ...
Doc.set_extension("region_named", default=None)
# ... for each label it carries, what decided it (reviewer.nlp.labels.Evidence) ...
Doc.set_extension("evidence", default=None)
# ... and the model's probability of each label (sentences x labels, in reviewer.sentences.LABELS order).
Doc.set_extension("label_scores", default=None)
