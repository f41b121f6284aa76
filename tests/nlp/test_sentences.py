"""Sentence splitting on the abbreviations and forms applicants write; '|' marks each expected boundary."""
import pytest

CASES = [
    "I moved to the U.S. in 2019 to start my observership.",
    "I moved to the U.S.| My first month was hard.",
    "Dr. Okafor taught me to present in two minutes.| I still use her method.",
    "I rotated at St. Mary's Hospital in Athens.| It was my first U.S. rotation.",
    "She earned her M.D. in Lagos and her M.P.H. in Atlanta.",
    "I studied approx. ten hours a day.| It was not enough.",
    "The patient was a 54 y.o. man with chest pain.| He had no insurance.",
    "I graduated from Cairo Univ. in 2018.| I then worked in a district hospital.",
    "We screened for diabetes, hypertension, etc. at the health fair.",
    "We screened for diabetes, hypertension, etc.| The turnout surprised us.",
    "I learned to ask open questions, e.g. what worries you most.",
    "I passed USMLE Step 1 in 2020.| Step 2 CK followed in 2021.",
    "My Step 2 CK score was 221.| I was proud of it.",
    "I scored 221 on Step 2 CK.| That score reflected months of work.",
    "I failed Step 1 on my first attempt.| I passed it on my second.",
    "Internal medicine drew me in.| It still does.",
    "Why internal medicine?| Because it asks for patience.",
    "I was stunned!| Then I got to work.",
    "He asked, \"Will I walk again?\"| I did not know.",
    "Dr. Smith and Dr. Jones led the team.",
    "I worked with Prof. Adeyemi for two years.| He was exacting.",
    "The clinic is on Ponce de Leon Ave. in Atlanta.",
    "The VA is on Clairmont Rd. in Decatur.| I drove there daily.",
    "I volunteered at Grady Memorial Hospital.| It changed me.",
    "My sister lives in Marietta, GA.| I visit her monthly.",
    "I hold an MBBS (2018) from the Univ. of Lagos.",
    "I was 3rd in my class.| I wanted more.",
    "It took 2 attempts.| The second was a pass.",
    "I treated 40 patients a day.| Most had hypertension.",
    "Our team included a Ph.D. student and two residents.",
    "The U.K. system trained me first.| The U.S. system is training me now.",
    "I saw no. 12 of our cohort leave medicine.",
    "My advisor said no.| I applied anyway.",
    "She is an M.D. from Emory.| She became my mentor.",
    "I observed in the ICU, the step-down unit, and the ED.",
    "He attended a 12-step program.| It kept him sober.",
    "Patients vs. protocols: I learned to weigh both.",
    "The biopsy showed cancer (stage II).| We told her together.",
    "I work 40 hrs/week at the clinic.| I study at night.",
    "Mr. Diallo was my first patient in Clarkston.",
    "Mrs. Nguyen spoke only Vietnamese.| I found an interpreter.",
    "Ms. Ortiz had three children and no car.",
    "My goal: to practice in Georgia.| That has not changed.",
    "I passed; my friend did not.| We both kept going.",
    "First, I listen.| Second, I examine.| Third, I explain.",
    "I trained in Kyiv; then the war began.",
    "I read everything by Dr. Farmer.| It shaped my view of care.",
    "The 2022 closure of Atlanta Medical Center left a gap.",
    "Jr. residents presented first.",
    "My father, Sr. Captain Okoro, served in the army.",
    "The Mt. Sinai course was online.| I completed it in 2021.",
    "Results were reported in Fig. 2 of our poster.",
    "I joined Inc. magazine's health panel.| It was a small role.",
    "The patient, a 67-year-old farmer, had a stroke.| He lived alone.",
    "I speak Spanish, French and Arabic.| Each has helped a patient.",
    "Step 1 was my hardest exam.| Step 2 CK felt different.",
    "I love neurology... the puzzles never end.",
    "My CK score improved by 30 points.| I had changed how I studied.",
    "In 2023 I moved to Atlanta.| My cousin had lived there for years.",
    "I completed an externship at Piedmont Atlanta.| I would return gladly.",
    "Internal medicine, pediatrics and psychiatry all appealed to me.| I chose the first.",
    "I was an intern at Tikur Anbessa Hospital.| The wards were always full.",
]


@pytest.mark.parametrize("marked", CASES)
def test_sentence_split(nlp, marked):
    expected = [s.strip() for s in marked.split("|")]
    text = " ".join(expected)
    got = [s.text.strip() for s in nlp(text)._.sentences]
    assert got == expected


def test_paragraph_break_always_splits(nlp):
    text = "I trained in Lagos and\n\nmy family moved to Decatur."
    assert [s.text.strip() for s in nlp(text)._.sentences] == ["I trained in Lagos and", "my family moved to Decatur."]


def test_single_line_break_does_not_split(nlp):
    text = "I trained in Lagos and\nmy family moved to Decatur."
    assert len(nlp(text)._.sentences) == 1


def test_at_least_sixty_cases():
    assert len(CASES) >= 60


# ------------------------------------------------------------------ the splitter against spaCy's sentencizer

def reference_fixups(doc):
    """The fix-ups written token by token, as they first ran after spaCy's ``Sentencizer``."""
    from reviewer.nlp.sentences import _NO_START_AFTER, SENTENCE_FINAL_ABBREVIATIONS, SENTENCE_OPENERS
    starts = [t.is_sent_start for t in doc]
    for i in range(1, len(doc)):
        prev, token = doc[i - 1], doc[i]
        if token.is_space:
            continue
        if prev.is_space and prev.text.count("\n") >= 2:
            starts[i] = True
        elif prev.text in SENTENCE_FINAL_ABBREVIATIONS and token.text[:1].isupper() and token.lower_ in SENTENCE_OPENERS:
            starts[i] = True
        elif starts[i] and (token.text[:1].islower() or token.text[:1].isdigit() or prev.text in _NO_START_AFTER):
            starts[i] = False
    return starts


def reference_sentences(doc):
    """The sentences holding more than whitespace, and their paragraph numbers, read token by token."""
    starts = [i for i, token in enumerate(doc) if token.is_sent_start or i == 0]
    spans = [doc[start:end] for start, end in zip(starts, starts[1:] + [len(doc)])]
    spans = [span for span in spans if not all(token.is_space for token in span)]
    paragraphs, para = [], 0
    for i, sent in enumerate(spans):
        if i and any(doc[k].is_space and doc[k].text.count("\n") >= 2 for k in range(spans[i - 1].start, sent.start)):
            para += 1
        paragraphs.append(para)
    return [(span.start, span.end) for span in spans], paragraphs


def splitter_texts():
    import random

    from tests.helpers.corpus import statement_texts

    pieces = list("abc XYZ.!?,;:-–()\n\t'\"0123456789") + ["U.S.", "etc.", " Step 1 ", " 198 ", " failed ", "Dr. ",
                                                          "\n\n", "...", "!?", " I ", " my ", "e.g. ", "\n \n", "。"]
    rng = random.Random(2611)
    randoms = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 60))) for _ in range(2000)]
    return statement_texts() + [" ".join(m.split("|")) for m in CASES] + randoms


def test_splitter_equals_spacy_sentencizer_with_fixups():
    """Sentence starts as spaCy's sentencizer + the fix-ups set them; sentences and paragraphs as read token by token."""
    from reviewer.nlp import make_blank

    ours = make_blank()
    assert ours.pipe_names == ["reviewer_sentences"]
    reference = make_blank()  # the same tokenizer, with spaCy's sentencizer instead of our splitter
    reference.remove_pipe("reviewer_sentences")
    reference.add_pipe("sentencizer")
    checked = 0
    for text in splitter_texts():
        expected = reference_fixups(reference(text))
        doc = ours(text)
        got = [t.is_sent_start for t in doc]
        assert got == expected, repr(text[:120])
        bounds, paragraphs = reference_sentences(doc)
        assert [(sent.start, sent.end) for sent in doc._.sentences] == bounds, repr(text[:120])
        assert doc._.sentence_paragraphs == paragraphs, repr(text[:120])
        checked += len(got)
    assert checked > 100_000


def test_review_runs_the_pipeline_as_spacy_does(nlp):
    """run_pipeline (the components called in turn, as review() does) leaves each Doc as nlp(text) leaves it."""
    from reviewer.nlp import run_pipeline
    from tests.helpers.corpus import statement_texts

    texts = ["", "   ", "I failed Step 1.\n\nI moved to Decatur, GA. I passed."] + statement_texts("corpus")

    def state(doc):
        return ([t.is_sent_start for t in doc], [(s.start, s.end) for s in doc._.sentences], doc._.sentence_paragraphs,
                doc._.cues, doc._.labels, doc._.places)

    for text in texts:
        assert state(run_pipeline(nlp, text)) == state(nlp(text)), text[:60]


def test_more_sentences_than_the_bound_is_refused_plainly_and_the_bound_itself_is_reviewed():
    import pytest

    from reviewer import review
    from reviewer.errors import InputError
    from reviewer.nlp.sentences import MAX_SENTENCES

    def text(n):
        return " ".join(f"Line {i} is here." for i in range(n))
    assert len(review(text(MAX_SENTENCES), as_of="2026-09").sentences) == MAX_SENTENCES
    with pytest.raises(InputError) as refused:
        review(text(MAX_SENTENCES + 1), as_of="2026-09")
    assert refused.value.status == 413 and "5,000 sentences" in str(refused.value)
