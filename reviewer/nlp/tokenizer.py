"""The tokenizer: spaCy's blank English, with the abbreviations applicants write kept whole."""
from __future__ import annotations

import spacy
from spacy.language import Language

# Abbreviations that must stay one token, so that the sentence splitter never ends a sentence at their dot.
ABBREVIATIONS = ["approx.", "Approx.", "y.o.", "Univ.", "univ.", "etc.", "vs.", "Ph.D.", "i.e.", "e.g.",
                 "M.D.", "MD.", "Dept.", "dept.", "Hosp.", "Jr.", "Sr.", "Mt.", "Ave.", "Rd.",
                 "Inc.", "Prof.", "Dr.", "Drs.", "St.", "Ste.", "U.S.", "U.K.", "U.S.A.", "Mr.", "Mrs.", "Ms.",
                 "Fig.", "approx", "Gen.", "Co.", "Corp."]


def blank_english() -> Language:
    """spaCy's blank English with the abbreviation special cases."""
    nlp = spacy.blank("en")
    for abbreviation in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    return nlp
