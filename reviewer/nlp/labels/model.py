"""The trained label model: two stages of per-label logistic regression, run with numpy alone.

Stage one reads a sentence's own features (n-grams, cues, rule labels, position); stage two reads stage
one's probabilities for the sentence and its neighbours, with the same cues. ``reviewer train`` writes
the file (reviewer/learn/train.py); this module only reads it.
"""
from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy

from ...learn.features import context, dense, set_lengths
from ..memo import Memo

MODEL_FILE = Path(__file__).resolve().parents[2] / "model" / "labels.npz"


def sigmoid(x: numpy.ndarray) -> numpy.ndarray:
    return 1.0 / (1.0 + numpy.exp(-x))


@dataclass(frozen=True)
class Prediction:
    """The two stages' probabilities (sentences x labels) and what each sentence's first stage weighed."""

    first: numpy.ndarray
    second: numpy.ndarray
    cols: numpy.ndarray  # the n-gram columns of the TF-IDF entries, sentence by sentence
    weighed: numpy.ndarray  # (entries, labels): what each entry added to stage one's score of each label
    bounds: numpy.ndarray  # sentence i's entries are bounds[i]:bounds[i + 1]
    dense: numpy.ndarray


@dataclass(frozen=True)
class LabelModel:
    """The arrays of a trained model and the settings it was trained with."""

    grams: tuple            # vocabulary, column order
    idf: numpy.ndarray      # (V,)
    words: numpy.ndarray    # (V, labels) stage-one weights of the n-grams
    dense_one: numpy.ndarray  # (D, labels) stage-one weights of the dense features
    bias_one: numpy.ndarray
    context_two: numpy.ndarray  # (C, labels) stage-two weights of the context features
    dense_two: numpy.ndarray
    bias_two: numpy.ndarray
    thresholds: numpy.ndarray  # (labels,) a label is given at or above this probability
    confident: numpy.ndarray   # (labels,) at or above this a finding may be a warning or error
    settings: dict             # cue_names, dense_scale, and what the model was trained on

    @property
    def vocabulary(self) -> dict:
        return self._vocabulary

    def __post_init__(self):
        vocabulary = {g: k for k, g in enumerate(self.grams)}
        object.__setattr__(self, "_vocabulary", vocabulary)
        # The same columns found without spelling out n-grams: each word once (a memo) gives its unigram and
        # prefix columns and its number among the words that begin or end a bigram; a bigram is then a pair
        # of such numbers, looked up in a sorted array.
        pairs = [(g.split(" "), k) for g, k in vocabulary.items() if " " in g]
        in_pairs = sorted({w for (a, b), _ in pairs for w in (a, b)})
        number = {w: i for i, w in enumerate(in_pairs)}
        codes = numpy.array([number[a] * len(in_pairs) + number[b] for (a, b), _ in pairs], dtype=numpy.int64)
        order = numpy.argsort(codes)
        object.__setattr__(self, "_bigrams", (codes[order], numpy.array([k for _, k in pairs], dtype=numpy.int64)[order],
                                              len(in_pairs)))

        def word(w: str) -> int:
            """The word's unigram column, prefix column and bigram number, each plus one, in 21 bits apiece of
            one integer (a list of integers becomes an array at once; a list of tuples does not)."""
            prefix = vocabulary.get("p:" + w[:5], -1) if len(w) > 5 and w.isalpha() else -1
            return (vocabulary.get(w, -1) + 1) | (prefix + 1) << 21 | (number.get(w, -1) + 1) << 42

        object.__setattr__(self, "_words", Memo(word))
        # each n-gram's stage-one weights and idf side by side (the same numbers as ``words`` and ``idf``): a
        # statement's n-grams are read from the model in one gather of rows, not two
        object.__setattr__(self, "_weights_idf", numpy.concatenate([self.words, self.idf[:, None]], axis=1))

    def columns(self, sentence_keys: list[list[str]]):
        """The TF-IDF (rows, columns, values) of the sentences' words: the same as ``tfidf`` of their
        ``grams`` (tests/nlp/test_label_model.py), found word by word for the whole statement at once."""
        words = [w for keys in sentence_keys for w in keys]
        rows = numpy.repeat(numpy.arange(len(sentence_keys)), [len(keys) for keys in sentence_keys])
        return self.columns_of(words, rows, len(sentence_keys))

    def code(self, word: str) -> int:
        """The number that stands for one word in ``columns_of_codes``: its unigram column, prefix column and
        bigram number, each plus one, in 21 bits apiece (0 for a word the model does not know)."""
        return self._words(word)

    def codes_of(self, words: list[str]) -> numpy.ndarray:
        """The ``code`` of each word."""
        return numpy.fromiter(self._words.many(words), dtype=numpy.int64, count=len(words))

    def columns_of(self, words: list[str], row: numpy.ndarray, n: int):
        """``columns`` of a statement's words given in one list, ``row`` the sentence of each (ascending)."""
        return self.columns_of_codes(self.codes_of(words), row, n)

    def columns_of_codes(self, packed: numpy.ndarray, row: numpy.ndarray, n: int):
        """``columns_of`` from the words' ``code``s."""
        return self._columns_and_weights(packed, row, n)[:3]

    def _columns_and_weights(self, packed: numpy.ndarray, row: numpy.ndarray, n: int):
        """``columns_of_codes``, and each column's stage-one weights (``words[cols]``)."""
        if not len(packed):
            return numpy.zeros(0, dtype=numpy.int64), numpy.zeros(0, dtype=numpy.int64), numpy.zeros(0), self.words[:0]
        mask = (1 << 21) - 1
        unigram, prefix, number = (packed & mask) - 1, (packed >> 21 & mask) - 1, (packed >> 42) - 1
        codes, bigram_cols, width = self._bigrams
        first, second = number[:-1], number[1:]
        paired = (first >= 0) & (second >= 0) & (row[:-1] == row[1:])  # a bigram stays in its sentence
        wanted = first[paired] * width + second[paired]
        order = numpy.argsort(wanted)  # (looked up in order: searchsorted is several times faster on sorted keys)
        wanted, pair_rows = wanted[order], row[:-1][paired][order]
        at = numpy.minimum(numpy.searchsorted(codes, wanted), max(len(codes) - 1, 0))
        hit = codes[at] == wanted if len(codes) else numpy.zeros(len(wanted), dtype=bool)
        rows = numpy.concatenate([row, row, pair_rows[hit]])
        cols = numpy.concatenate([unigram, prefix, bigram_cols[at[hit]]])
        keep = cols >= 0
        size = len(self.grams)
        cells, counts = numpy.unique(rows[keep] * size + cols[keep], return_counts=True)
        rows, cols = cells // size, cells % size
        read = self._weights_idf[cols]
        values = (1.0 + numpy.log(counts)) * read[:, -1]
        norms = numpy.sqrt(numpy.bincount(rows, weights=values * values, minlength=n))
        return rows, cols, values / norms[rows], read[:, :-1]

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> LabelModel:
        with numpy.load(path, allow_pickle=False) as data:
            arrays = {name: data[name] for name in data.files}
        settings = json.loads(str(arrays.pop("settings")))
        grams = tuple(str(arrays.pop("grams")).split("\n")) if arrays["idf"].size else ()
        return cls(grams=grams, settings=settings, **arrays)

    def to_bytes(self) -> bytes:
        """The model as an .npz archive whose bytes depend on its arrays alone (no timestamps)."""
        arrays = {"grams": numpy.array("\n".join(self.grams)), "settings": numpy.array(json.dumps(self.settings, sort_keys=True)),
                  "idf": self.idf, "words": self.words, "dense_one": self.dense_one, "bias_one": self.bias_one,
                  "context_two": self.context_two, "dense_two": self.dense_two, "bias_two": self.bias_two,
                  "thresholds": self.thresholds, "confident": self.confident}
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name in sorted(arrays):
                info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                array = io.BytesIO()
                numpy.lib.format.write_array(array, numpy.asarray(arrays[name]), allow_pickle=False)
                archive.writestr(info, array.getvalue())
        return buffer.getvalue()

    def predict(self, words: list[str], word_rows: numpy.ndarray, cue_sets: list, paragraphs: list[int]) -> Prediction:
        """Both stages' probabilities for one statement's sentences: ``words`` all its words in one list,
        ``word_rows`` the sentence of each (features.SentenceWords.flat)."""
        return self.predict_codes(self.codes_of(words), word_rows, cue_sets, paragraphs)

    def predict_codes(self, codes: numpy.ndarray, word_rows: numpy.ndarray, cue_sets: list,
                      paragraphs: list[int]) -> Prediction:
        """``predict`` from the words' ``code``s (the labeller reads them straight from the tokens)."""
        n = len(cue_sets)
        names, scale = self.settings["cue_names"], self.settings["dense_scale"]
        rows, cols, values, weights = self._columns_and_weights(codes, word_rows, n)
        lengths = numpy.bincount(word_rows, minlength=n) if len(word_rows) else numpy.zeros(n)
        features = dense(cue_sets, names, scale)
        set_lengths(features, lengths, names, scale)
        first = features @ self.dense_one + self.bias_one
        weighed = weights * values[:, None]
        bounds = numpy.searchsorted(rows, numpy.arange(n + 1))  # (rows come sorted)
        if len(cols):
            first += numpy.add.reduceat(weighed, numpy.minimum(bounds[:-1], len(cols) - 1), axis=0) * (
                (bounds[1:] > bounds[:-1])[:, None])
        first = sigmoid(first)
        second = sigmoid(context(first, paragraphs) @ self.context_two + features @ self.dense_two + self.bias_two)
        return Prediction(first, second, cols, weighed, bounds, features)

    def top_grams(self, prediction: Prediction, sentence: int, label: int, count: int = 3) -> list[str]:
        """The n-grams of a sentence that weighed most towards a label (positive weight only)."""
        lo, hi = prediction.bounds[sentence], prediction.bounds[sentence + 1]
        cols, weights = prediction.cols[lo:hi], prediction.weighed[lo:hi, label]
        order = numpy.argsort(-weights, kind="stable")
        return [self.grams[cols[i]] for i in order[:count] if weights[i] > 0]

    def top_cues(self, prediction: Prediction, sentence: int, label: int, count: int = 3) -> list[str]:
        """The cues of a sentence that weighed towards a label."""
        names = list(self.settings["cue_names"])
        weights = prediction.dense[sentence, :len(names)] * self.dense_one[:len(names), label]
        order = numpy.argsort(-weights, kind="stable")
        return [names[i] for i in order[:count] if weights[i] > 0]
