"""What the label model reads of each sentence: its words (n-grams weighed by TF-IDF), its cues, the rule
labels, its place in the statement, and (second stage) the first stage's judgement of its neighbours.

One implementation serves training and inference, so both see exactly the same features. Words are spaCy's
lower-case tokens, with the active region's places and names masked (a model must not learn that "Grady" is
a tie: the region pack says so, for any region; reviewer.nlp.labels.places decides which spans) and numbers
reduced to their kind (a score under the low-score
line, another score, a year, a number).
"""
from __future__ import annotations

import math

import numpy

from ..nlp.memo import Memo
from ..sentences import LABELS

POSITION = ("relative_position", "first_sentence", "last_sentence", "length")


def number_kind(text: str, low_score: int) -> str | None:
    """The word a number stands as: a low score, a score, a year or a number (None for a word)."""
    if not (text.isascii() and text.isdigit()):  # "²" and "①" pass str.isdigit but are not numbers int() reads
        return None
    value = int(text)
    if 100 <= value < 300:
        return "__lowscore__" if value < low_score else "__score__"
    return "__year__" if 1950 <= value <= 2030 else "__num__"


class SentenceWords:
    """The words of each sentence as the model reads them: whitespace left out, each run of masked place
    words made one word."""

    def __init__(self, vocab, low_score: int):
        strings = vocab.strings

        def word(orth: int) -> str:
            text = strings[orth]
            return number_kind(text, low_score) or text.lower()

        self.word = word  # a token's word, from its word ID
        self._word = Memo(word)  # keyed by the token's word ID (doc._.orths)

    def flat(self, doc, masks: list[list[tuple]]) -> tuple[list[str], numpy.ndarray]:
        """Every sentence's words in one list, and the sentence each belongs to (ascending); ``masks``, each
        sentence's (start, end, word) token spans read as that word (the region's places)."""
        ext = doc._
        words = self._word.many(ext.orths)
        row = numpy.full(len(words), -1, dtype=numpy.int64)  # (tokens outside every sentence are whitespace)
        masked: dict[int, str] = {}
        for i, (sentence, spans) in enumerate(zip(ext.sentences, masks)):
            row[sentence.start:sentence.end] = i
            masked.update((k, w) for a, b, w in spans for k in range(a, b))
        rows = row.tolist()
        if masked:
            dropped = set()
            for k in sorted(masked):
                words[k] = masked[k]
                j = k - 1
                while j >= 0 and words[j].isspace():
                    j -= 1
                if j >= 0 and masked.get(j) == masked[k] and rows[j] == rows[k]:
                    dropped.add(k)  # the rest of a run of masked words: one word stands for the run
            keep = [k for k, w in enumerate(words) if rows[k] >= 0 and not w.isspace() and k not in dropped]
        else:
            keep = [k for k, w in enumerate(words) if rows[k] >= 0 and not w.isspace()]
        return [words[k] for k in keep], row[keep]

    def keys(self, doc, masks: list[list[tuple]]) -> list[list[str]]:
        """Each sentence's words (``flat``, split by sentence)."""
        words, rows = self.flat(doc, masks)
        out: list[list[str]] = [[] for _ in doc._.sentences]
        for w, r in zip(words, rows.tolist()):
            out[r].append(w)
        return out


def grams(keys: list[str]) -> list[str]:
    """Unigrams, bigrams and five-letter prefixes of longer words ("p:restr"), the model's vocabulary entries."""
    out = list(keys)
    out += [f"{a} {b}" for a, b in zip(keys, keys[1:])]
    out += [f"p:{w[:5]}" for w in keys if len(w) > 5 and w.isalpha()]
    return out


def tfidf(sentence_grams: list[list[str]], vocabulary: dict, idf: numpy.ndarray):
    """The sentences' TF-IDF (sublinear counts, L2-normed per sentence) as (rows, columns, values) arrays."""
    rows, cols, counts = [], [], []
    for r, items in enumerate(sentence_grams):
        seen: dict[int, int] = {}
        for g in items:
            c = vocabulary.get(g)
            if c is not None:
                seen[c] = seen.get(c, 0) + 1
        rows += [r] * len(seen)
        cols += list(seen)
        counts += list(seen.values())
    rows, cols = numpy.array(rows, dtype=numpy.int64), numpy.array(cols, dtype=numpy.int64)
    values = (1.0 + numpy.log(numpy.array(counts, dtype=numpy.float64))) * idf[cols] if len(cols) else numpy.zeros(0)
    norms = numpy.sqrt(numpy.bincount(rows, weights=values * values, minlength=len(sentence_grams)))
    if len(values):
        values = values / norms[rows]
    return rows, cols, values


def dense(cue_sets: list, cue_names: list[str], scale: float) -> numpy.ndarray:
    """One row per sentence: its cues and its place in the statement, times ``scale``."""
    n = len(cue_sets)
    out = numpy.zeros((n, len(cue_names) + len(POSITION)))
    index = {name: k for k, name in enumerate(cue_names)}
    for i, cues in enumerate(cue_sets):
        for name in cues:
            k = index.get(name)
            if k is not None:
                out[i, k] = 1.0
    base = len(cue_names)
    if n:
        out[:, base] = numpy.arange(n) / max(n - 1, 1)
        out[0, base + 1] = 1.0
        out[n - 1, base + 2] = 1.0
    return out * scale


def set_lengths(matrix: numpy.ndarray, lengths: list[int], cue_names: list[str], scale: float) -> None:
    """Fill the length column of ``dense`` (words per sentence, capped at 60, scaled to 0..1)."""
    matrix[:, len(cue_names) + 3] = numpy.minimum(numpy.array(lengths, dtype=float), 60) / 60 * scale


NEIGHBOURS = (-2, -1, 1, 2)  # the sentences ``context`` reads around each one


def context(first: numpy.ndarray, paragraphs: list[int]) -> numpy.ndarray:
    """Second-stage features of each sentence from the first stage's probabilities ``first`` (n x labels):
    the two sentences before and after it (and whether they share its paragraph), the rest of its paragraph
    (max and mean), the whole statement (max) and its own (as a probability and as log-odds)."""
    n, k = first.shape
    out = numpy.zeros((n, 4 * (k + 1) + 5 * k))
    if not n:
        return out
    para = numpy.array(paragraphs, dtype=numpy.int64)
    at = 0
    # Where there is no neighbour (the statement's first or last sentences), or no other sentence in the
    # paragraph, the sentence stands in for it: no evidence either way, so that a short statement, or a
    # one-sentence paragraph, is judged by its own words rather than by neighbours it does not have.
    for offset in NEIGHBOURS:
        out[:, at:at + k] = first
        out[:, at + k] = 1.0
        lo, hi = max(0, -offset), min(n, n - offset)
        if lo < hi:
            out[lo:hi, at:at + k] = first[lo + offset:hi + offset]
            out[lo:hi, at + k] = para[lo + offset:hi + offset] == para[lo:hi]
        at += k + 1
    out[:, at:at + k], out[:, at + k:at + 2 * k] = paragraph_others(first, paragraphs)
    out[:, at + 2 * k:at + 3 * k] = first.max(0)
    out[:, at + 3 * k:at + 4 * k] = first
    # its own judgement also as log-odds: a sure first stage (a plain "I failed Step 1.") is not outvoted by
    # neighbours that are about something else
    clipped = numpy.clip(first, 1e-4, 1 - 1e-4)
    out[:, at + 4 * k:] = numpy.log(clipped / (1 - clipped)) / 4
    return out


def paragraph_others(first: numpy.ndarray, paragraphs: list[int]) -> tuple[numpy.ndarray, numpy.ndarray]:
    """For each sentence, the best and the mean of the other sentences of its paragraph (a run of equal
    ``paragraphs``), label by label; a sentence alone in its paragraph stands in for the others.

    All paragraphs at once: each paragraph's sum is taken over its rows laid out in a zero-padded block, which
    adds them in the same order as summing the paragraph alone, so the figures are the same to the last bit
    (tests/learn/test_features.py holds them to the paragraph-by-paragraph loop)."""
    n, k = first.shape
    starts, run, place = [], [], []  # where each paragraph starts; each sentence's paragraph and place in it
    for i, p in enumerate(paragraphs):
        if i == 0 or p != paragraphs[i - 1]:
            starts.append(i)
        run.append(len(starts) - 1)
        place.append(i - starts[-1])
    sizes = numpy.diff(starts + [n])
    run, starts = numpy.array(run), numpy.array(starts)
    size = sizes[run][:, None]
    padded = numpy.zeros((len(starts), max(place) + 1, k))
    padded[run, place] = first
    mean = (padded.sum(1)[run] - first) / numpy.maximum(size - 1, 1)
    top = numpy.maximum.reduceat(first, starts)[run]
    at_top = first == top
    tied = numpy.add.reduceat(at_top, starts, dtype=numpy.int64)[run] > 1  # the best is shared: it is the best other
    runner_up = numpy.maximum.reduceat(numpy.where(at_top, -numpy.inf, first), starts)[run]
    best = numpy.where(at_top & ~tied, runner_up, top)
    alone = size == 1
    return numpy.where(alone, first, best), numpy.where(alone, first, mean)


def context_columns(label: int, labels: int = len(LABELS)) -> list[int]:
    """The columns of ``context`` that the second stage reads for one label: everything about that label,
    whether the neighbours share the paragraph, and for blame (which puts the score passage's result on
    others) the passage's own label too. Other labels' probabilities are left out: their correlations taught
    the stage lessons like "a paragraph with a reason for the specialty holds no disclosure", or that growth
    only follows an exam result (it follows any setback: a clinical mistake, a language barrier, a lost year)."""
    wanted = {label} | ({LABELS.index("score_disclosure")} if LABELS[label] == "blame" else set())
    columns, at = [], 0
    for _offset in range(4):  # the neighbours: their probabilities, then "same paragraph"
        columns += [at + k for k in sorted(wanted)] + [at + labels]
        at += labels + 1
    for _block in range(5):  # paragraph max, paragraph mean, statement max, own, own log-odds
        columns += [at + k for k in sorted(wanted)]
        at += labels
    return columns


def idf_of(document_frequency: dict, documents: int) -> dict:
    """Smoothed inverse document frequency of each n-gram (scikit-learn's formula)."""
    return {g: math.log((1 + documents) / (1 + df)) + 1 for g, df in document_frequency.items()}
