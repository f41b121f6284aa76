"""The labeller: each sentence's labels (DESIGN.md 'Sentence labels') from the trained model, which reads the
sentence's words and cues and then its neighbours; with each label's evidence."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import compress

from spacy.language import Language

import numpy

from ...learn.features import SentenceWords
from ...rulebook import RULES_DIR, rulebook_at
from ...sentences import LABELS
from ..memo import Column
from .model import MODEL_FILE, LabelModel
from .places import region_places
from .views import SentenceView

SPACE = -1  # the code of a whitespace token (never a word of the model)
# A probability "comes near" a label at this share of the label's threshold: a sentence's own words (its first
# stage) for a confident judgement, any sentence for ``checks.context.surely_absent``
NEAR = 0.5
# Cues that tie a sentence to an exam result: a blame sentence holding one is part of the score passage.
EXAM_CUES = ("exam", "exam_ref", "negative", "score_number")


@Language.factory("reviewer_labels", default_config={"rules_dir": "", "model_path": ""})
def make_labeller(nlp, name, rules_dir, model_path):
    return Labeller(nlp.vocab, rulebook_at(rules_dir or str(RULES_DIR)), model_path or str(MODEL_FILE))


@dataclass
class SentenceFeatures:
    """What the model reads of one statement, sentence by sentence, and the region's places it names."""

    views: list
    places: list
    named: list
    words: list  # all the statement's words as the model reads them, in one list ...
    rows: object  # ... and the sentence of each (features.SentenceWords.flat)
    paragraphs: list

    def keys(self) -> list[list[str]]:
        """Each sentence's words."""
        out: list[list[str]] = [[] for _ in self.views]
        for w, r in zip(self.words, self.rows.tolist()):
            out[r].append(w)
        return out


@dataclass(frozen=True)
class Evidence:
    """Why a sentence carries a label: the model's probability, the words and cues that weighed most, and
    whether the sentences around it decided it (its own words alone fell short)."""

    confidence: float
    confident: bool
    words: tuple
    cues: tuple
    neighbours: bool

    def to_dict(self) -> dict:
        return {"confidence": self.confidence, "confident": self.confident, "words": list(self.words),
                "cues": list(self.cues), "decided_by_neighbours": self.neighbours}


class Labeller:
    """Sets ``doc._.labels`` (a set per sentence), ``doc._.places`` (the region's places each names),
    ``doc._.region_named`` (whether each names the region), ``doc._.label_scores`` (the model's probabilities)
    and ``doc._.evidence`` (a LabelEvidence)."""

    def __init__(self, vocab, rulebook, model_path: str):
        self.low_score = rulebook.param("score.not_addressed", "low_score", 215)
        self.words = SentenceWords(vocab, self.low_score)
        self.strings = vocab.strings
        self.model_path = model_path
        self._model = None
        self._codes = None

    @property
    def model(self) -> LabelModel:
        if self._model is None:  # (loaded when first needed: ``reviewer train`` reads features without one)
            self.use(LabelModel.load(self.model_path))
        return self._model

    def use(self, model: LabelModel) -> None:
        """Label with ``model`` instead of the shipped one (cross-validation trains one per fold)."""
        self._model = model

        def code(orth: int) -> int:  # a token's word as the model numbers it; SPACE for whitespace
            return SPACE if self.strings[orth].isspace() else model.code(self.words.word(orth))

        self._codes = Column(code, numpy.int64)  # (a column of the splitter's table of word facts)

    def features(self, doc) -> SentenceFeatures:
        """What the model reads of each sentence, its words spelled out (training reads their n-grams)."""
        views, places, named, masks = self.views(doc)
        words, rows = self.words.flat(doc, masks)
        return SentenceFeatures(views, places, named, words, rows, doc._.sentence_paragraphs)

    def views(self, doc):
        """Each sentence's refined cues, the region's places each names, whether it names the region, and the
        spans read as a place (``places.region_places``)."""
        views = [SentenceView(doc, cues) for cues in doc._.cues]
        return (views, *region_places(views))

    def codes(self, doc, masks) -> tuple[numpy.ndarray, numpy.ndarray]:
        """``words.flat`` as the model's word codes, read at the tokens' rows of the pipeline's table of word
        facts (the words are never spelled out): the same columns, rows and predictions
        (tests/nlp/test_label_model.py)."""
        ext = doc._
        model = self.model
        codes = ext.word_rows.values(self._codes)
        sentences = ext.sentences
        if not sentences:
            return codes[:0], numpy.zeros(0, dtype=numpy.int64)
        # each token's sentence: the last one starting at or before it, if the token is inside it (-1: outside
        # every sentence, which only whitespace is)
        starts = numpy.fromiter([s.start for s in sentences], dtype=numpy.int64, count=len(sentences))
        ends = numpy.fromiter([s.end for s in sentences], dtype=numpy.int64, count=len(sentences))
        token = numpy.arange(len(codes))
        row = numpy.searchsorted(starts, token, side="right") - 1
        row[(row < 0) | (token >= ends[row])] = -1
        masked = {k: w for spans in masks for a, b, w in spans for k in range(a, b)}
        space = codes == SPACE
        keep = (row >= 0) & ~space
        if masked:  # a run of tokens masked as one place is one word (as in ``words.flat``)
            rows, spaces = row.tolist(), space.tolist()
            for k in sorted(masked):
                codes[k], spaces[k] = model.code(masked[k]), False
                j = k - 1
                while j >= 0 and spaces[j]:
                    j -= 1
                keep[k] = rows[k] >= 0 and not (j >= 0 and masked.get(j) == masked[k] and rows[j] == rows[k])
        return codes[keep], row[keep]

    def __call__(self, doc):
        views, places, named, masks = self.views(doc)
        model = self.model
        codes, rows = self.codes(doc, masks)
        prediction = model.predict_codes(codes, rows, [v.cues.keys() for v in views], doc._.sentence_paragraphs)
        given = (prediction.second >= model.thresholds).tolist()
        labels, joined = [], {}
        for i, (view, flags) in enumerate(zip(views, given)):
            chosen = set(compress(LABELS, flags))
            if "blame" in chosen and "score_disclosure" not in chosen and view.has(*EXAM_CUES):
                chosen.add("score_disclosure")  # blaming the result acknowledges it
                joined[i] = True
            labels.append(chosen)
        ext = doc._
        ext.labels, ext.places = labels, places
        ext.evidence = LabelEvidence(model, prediction, labels, joined)
        ext.region_named = [named or "regional_tie" in chosen for named, chosen in zip(named, labels)]
        ext.label_scores = prediction.second
        return doc


class LabelEvidence:
    """Why each sentence carries each of its labels (``of(i)``), worked out when first asked for."""

    def __init__(self, model: LabelModel, prediction, labels: list[set], joined: dict):
        self.model, self.prediction, self.labels, self.joined = model, prediction, labels, joined
        self._found: dict[int, dict] = {}

    def confidence(self, i: int, label: str) -> float:
        """The model's probability that sentence i carries ``label``."""
        return float(self.prediction.second[i, LABELS.index(label)])

    def threshold(self, label: str) -> float:
        """The probability at which the model gives ``label``."""
        return float(self.model.thresholds[LABELS.index(label)])

    def confident(self, i: int, label: str) -> bool:
        """Whether that probability reaches the label's confident threshold (precise under cross-validation)
        and, for the labels whose confident judgements the neighbours make less precise (blame), whether the
        sentence's own words come near the label: their first-stage probability at least half the label's
        threshold (``NEAR``; the model's ``confident_needs_own_words`` names the labels)."""
        k = LABELS.index(label)
        if label in self.model.settings.get("confident_needs_own_words", ()) and \
                self.prediction.first[i, k] < self.model.thresholds[k] * NEAR:
            return False
        return bool(self.prediction.second[i, k] >= self.model.confident[k])

    def of(self, i: int) -> dict:
        """label -> Evidence for each label of sentence i."""
        found = self._found.get(i)
        if found is None:
            found = self._found[i] = {label: self._evidence(i, label) for label in LABELS if label in self.labels[i]}
        return found

    def _evidence(self, i: int, label: str) -> Evidence:
        model, prediction, k = self.model, self.prediction, LABELS.index(label)
        p = float(prediction.second[i, k])
        if label == "score_disclosure" and i in self.joined:
            return Evidence(round(p, 3), self.confident(i, "blame"), (), ("blames the exam result",), False)
        return Evidence(round(p, 3), self.confident(i, label), tuple(model.top_grams(prediction, i, k)),
                        tuple(model.top_cues(prediction, i, k)), bool(prediction.first[i, k] < model.thresholds[k]))
