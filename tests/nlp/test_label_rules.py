"""The labeller gives a sentence to a label's test only when it has one of the cues that test needs: each test
must say no to every sentence without them, on every labelled statement (real sentences, real cues)."""
from reviewer.nlp.labels import rules as labelling
from reviewer.nlp.labels.rules import SentenceView
from tests.helpers.corpus import statement_texts


def test_each_test_says_no_without_its_cues(nlp):
    labeller = nlp.get_pipe("reviewer_labels")
    checked = {"places": 0, "tie": 0, "motivation": 0, "acknowledgment": 0, "blame": 0, "growth": 0}
    for text in statement_texts():
        doc = nlp.make_doc(text)
        for _name, component in nlp.pipeline[:-1]:  # sentences and cues, not the labeller
            doc = component(doc)
        found = repr(doc._.cues)
        views = [SentenceView(doc, cues, labeller.low_score) for cues in doc._.cues]
        paragraphs = doc._.sentence_paragraphs
        region_named = any(labelling.names_region(v) for v in views)
        for view in views:  # every test on every sentence, as if there were no guard
            names = view.cues.keys()
            view.places = labelling.tie_places(view, region_named)
            view.is_tie = labelling.is_regional_tie(view, view.places, region_named)
            view.is_motivation = labelling.is_motivation(view, labeller.program_words, labeller.practitioners)
            if view.places:
                assert not names.isdisjoint(labelling.PLACE_CUES)
                checked["places"] += 1
            if view.is_tie:
                assert not names.isdisjoint(labelling.TIE_CUES)
                checked["tie"] += 1
            if view.is_motivation:
                assert not names.isdisjoint(labelling.MOTIVATION_CUES)
                checked["motivation"] += 1
        passage = labelling.disclosure_passage(views, paragraphs)
        blamed, grown = set(), set()
        for i, view in enumerate(views):
            names = view.cues.keys()
            if labelling.is_acknowledgment(i, views, paragraphs):
                assert not names.isdisjoint(labelling.ACKNOWLEDGMENT_CUES)
                checked["acknowledgment"] += 1
            if labelling.is_blame(i, views, passage, paragraphs, blamed):
                assert not names.isdisjoint(labelling.BLAME_CUES)
                blamed.add(i)
                checked["blame"] += 1
            if labelling.is_growth(i, views, passage, paragraphs, grown):
                assert not names.isdisjoint(labelling.GROWTH_CUES)
                grown.add(i)
                checked["growth"] += 1
        labelled = nlp(text)  # and the guarded labeller labels as the tests do
        assert [sorted(l) for l in labelled._.labels] == [
            sorted(({"score_disclosure"} if i in passage else set()) | ({"blame"} if i in blamed else set())
                   | ({"growth"} if i in grown else set()) | ({"regional_tie"} if v.is_tie else set())
                   | ({"specialty_motivation"} if v.is_motivation else set()))
            for i, v in enumerate(views)]
        assert labelled._.places == [v.places for v in views]
        assert repr(doc._.cues) == found  # the label tests read the cues and never change them
    assert all(count >= 10 for count in checked.values()), checked
