"""`reviewer train`: fit the label model on the labelled statements, deterministically (needs scikit-learn,
the ``train`` extra). The same corpus and config give a byte-identical reviewer/model/labels.npz."""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy
import yaml

from ..errors import ReviewerError
from ..rulebook import DEFAULT_REGION
from ..sentences import LABELS
from .corpus import SAMPLES, CorpusCase, gold_for, load_sets
from .features import context, context_columns, dense, grams, idf_of, set_lengths, tfidf

CONFIG = Path(__file__).resolve().parents[1] / "model" / "config.yml"


def read_config(path: Path = CONFIG) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def sklearn():
    """scikit-learn's pieces, with a plain message when the train extra is not installed."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")  # one thread: the same sums in the same order, every run
    try:
        from scipy import sparse
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import GroupKFold
    except ImportError:
        raise ReviewerError("training needs scikit-learn: pip install 'eras-narrative-reviewer[train]'") from None
    return sparse, LogisticRegression, GroupKFold


@dataclass
class Statement:
    """One training statement as the model sees it: its sentences' features and gold labels."""

    case: CorpusCase
    keys: list  # each sentence's words
    grams: list  # each sentence's n-grams
    cue_sets: list
    paragraphs: list
    gold: numpy.ndarray  # sentences x labels, 0/1


def featurize(cases: list[CorpusCase], nlp) -> list[Statement]:
    """Run the pipeline up to the labeller on each statement and read what the model needs."""
    from ..nlp.typography import plain
    labeller = nlp.get_pipe("reviewer_labels")
    upto = [component for name, component in nlp.pipeline if name != "reviewer_labels"]
    out = []
    for case in cases:
        reading = plain(case.text)
        doc = nlp.make_doc(reading.text)
        doc._.region = DEFAULT_REGION
        for component in upto:
            doc = component(doc)
        f = labeller.features(doc)
        gold = numpy.array([[1 if label in gold_for(case, reading.original(s.start_char), reading.original(s.end_char))
                             else 0 for label in LABELS]
                            for s in doc._.sentences], dtype=numpy.int64).reshape(-1, len(LABELS))
        keys = f.keys()
        out.append(Statement(case, keys, [grams(k) for k in keys], [v.cues.keys() for v in f.views],
                             f.paragraphs, gold))
    return out


def vocabulary_of(statements: list[Statement], min_df: int) -> tuple[tuple, numpy.ndarray]:
    """The n-grams held by at least ``min_df`` sentences, sorted, and their IDF."""
    df = Counter(g for s in statements for items in s.grams for g in set(items))
    grams = tuple(sorted(g for g, n in df.items() if n >= min_df))
    idf = idf_of({g: df[g] for g in grams}, sum(len(s.grams) for s in statements))
    return grams, numpy.array([idf[g] for g in grams])


def stage_one_matrix(statements, vocabulary: dict, idf, cue_names, scale):
    sparse, _, _ = sklearn()
    blocks = []
    for s in statements:
        rows, cols, values = tfidf(s.grams, vocabulary, idf)
        words = sparse.csr_matrix((values, (rows, cols)), shape=(len(s.grams), len(vocabulary)))
        features = dense(s.cue_sets, cue_names, scale)
        set_lengths(features, [len(k) for k in s.keys], cue_names, scale)
        blocks.append((words, features))
    words = sparse.vstack([w for w, _ in blocks]).tocsr()
    features = numpy.vstack([f for _, f in blocks])
    return words, features


def fit_labels(X, Y, c: float):
    """One logistic regression per label; returns (weights: features x labels, biases)."""
    _, LogisticRegression, _ = sklearn()
    weights, biases = [], []
    for k in range(Y.shape[1]):
        model = LogisticRegression(C=c, solver="liblinear", max_iter=1000).fit(X, Y[:, k])
        weights.append(model.coef_[0])
        biases.append(model.intercept_[0])
    return numpy.array(weights).T, numpy.array(biases)


def fit_stage_two(X, Y, c: float):
    """Stage two: per label, a logistic regression over that label's context columns (``context_columns``)
    and the dense features; the other columns keep a weight of zero."""
    _, LogisticRegression, _ = sklearn()
    weights, biases = numpy.zeros((X.shape[1], Y.shape[1])), []
    for k in range(Y.shape[1]):
        columns = context_columns(k) + list(range(context_width(), X.shape[1]))
        model = LogisticRegression(C=c, solver="liblinear", max_iter=1000).fit(X[:, columns], Y[:, k])
        weights[columns, k] = model.coef_[0]
        biases.append(model.intercept_[0])
    return weights, numpy.array(biases)


def context_width() -> int:
    """How many columns ``context`` gives a sentence."""
    return context(numpy.zeros((1, len(LABELS))), [0]).shape[1]


def sigmoid(x):
    return 1.0 / (1.0 + numpy.exp(-x))


def fit(statements: list[Statement], config: dict, cue_names: list[str]):
    """Both stages on ``statements``: a LabelModel without thresholds (see ``train``)."""
    from ..nlp.labels.model import LabelModel
    sparse, _, GroupKFold = sklearn()
    scale = config["dense_scale"]
    grams, idf = vocabulary_of(statements, config["min_df"])
    vocabulary = {g: k for k, g in enumerate(grams)}
    words, features = stage_one_matrix(statements, vocabulary, idf, cue_names, scale)
    X1 = sparse.hstack([words, sparse.csr_matrix(features)]).tocsr()
    Y = numpy.vstack([s.gold for s in statements])
    groups = numpy.concatenate([[i] * len(s.grams) for i, s in enumerate(statements)])
    # stage one out of fold, so that stage two learns from probabilities like those it will meet
    first = numpy.zeros(Y.shape)
    for train, held in GroupKFold(n_splits=config["folds"]).split(X1, groups=groups):
        w, b = fit_labels(X1[train], Y[train], config["stage_one_c"])
        first[held] = sigmoid(X1[held] @ w + b)
    w1, b1 = fit_labels(X1, Y, config["stage_one_c"])
    starts = numpy.cumsum([0] + [len(s.grams) for s in statements])
    lift = config["stage_two_dense_scale"] / scale  # stage two reads the dense features at their own scale (0: not)
    X2 = numpy.vstack([numpy.hstack([context(first[a:z], s.paragraphs), features[a:z] * lift])
                       for s, a, z in zip(statements, starts, starts[1:])])
    w2, b2 = fit_stage_two(X2, Y, config["stage_two_c"])
    n_context = X2.shape[1] - features.shape[1]
    none = numpy.full(len(LABELS), 0.5)
    return LabelModel(grams=grams, idf=idf.astype(numpy.float32), words=w1[:len(grams)].astype(numpy.float32),
                      dense_one=w1[len(grams):].astype(numpy.float32), bias_one=b1.astype(numpy.float32),
                      context_two=w2[:n_context].astype(numpy.float32),
                      dense_two=(w2[n_context:] * lift).astype(numpy.float32),  # (so that it reads the scaled features)
                      bias_two=b2.astype(numpy.float32), thresholds=none, confident=none,
                      settings={"cue_names": list(cue_names), "dense_scale": scale})


def predict(model, statement: Statement):
    """The model's Prediction for one statement (both stages' probabilities)."""
    words = [w for keys in statement.keys for w in keys]
    rows = numpy.repeat(numpy.arange(len(statement.keys)), [len(keys) for keys in statement.keys])
    return model.predict(words, rows, statement.cue_sets, statement.paragraphs)


def folds(statements: list[Statement], count: int) -> list[tuple[list[int], list[int]]]:
    """Grouped folds of statements (indexes into ``statements``): every statement held out once."""
    _, _, GroupKFold = sklearn()
    index = numpy.arange(len(statements))
    return [(list(a), list(b)) for a, b in GroupKFold(n_splits=count).split(index, groups=index)]


def out_of_fold(statements: list[Statement], config: dict, cue_names) -> list:
    """Each statement's Prediction from a model trained without it (the whole procedure run per fold)."""
    predictions = [None] * len(statements)
    for train_part, held in folds(statements, config["folds"]):
        model = fit([statements[i] for i in train_part], config, cue_names)
        for i in held:
            predictions[i] = predict(model, statements[i])
    return predictions


def thresholds_from(predictions, statements, config) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Per label: the middle of the grid thresholds whose F1 is within the config's tolerance of the best (the
    F1 curve is flat over a wide range, and the single best point of a flat curve is chance; the highest of them
    for the labels the config's ``favour_precision`` names, whose findings are errors), and the lowest
    threshold at or above it whose precision reaches the config's confident precision (the highest of the grid
    when none does)."""
    P = numpy.vstack([p.second for p in predictions])
    Y = numpy.vstack([s.gold for s in statements])
    lo, hi, step = config["threshold_grid"]
    grid = numpy.round(numpy.arange(lo, hi + step / 2, step), 4)
    best, sure = [], []
    for k, label in enumerate(LABELS):
        scores = []
        for t in grid:
            p = P[:, k] >= t
            tp, fp, fn = int((p & (Y[:, k] == 1)).sum()), int((p & (Y[:, k] == 0)).sum()), int((~p & (Y[:, k] == 1)).sum())
            precision = tp / (tp + fp) if tp + fp else 1.0
            f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
            scores.append((f1, precision))
        top = max(f for f, _ in scores)
        near = [i for i, (f, _) in enumerate(scores) if f >= top - config["threshold_tolerance"]]
        # the middle one (the lower of two middles); for a label whose findings are errors, the highest one
        chosen = near[-1] if label in config.get("favour_precision", ()) else near[(len(near) - 1) // 2]
        best.append(grid[chosen])
        wanted = config["confident_precision"][label]
        sure.append(next((grid[i] for i in range(chosen, len(grid)) if scores[i][1] >= wanted), grid[-1]))
    return numpy.array(best, dtype=numpy.float32), numpy.array(sure, dtype=numpy.float32)


def needing_own_words(predictions, statements, thresholds, confident, config) -> list[str]:
    """The labels whose findings are errors (the config's ``favour_precision``) whose confident judgements must
    rest on the sentence's own words: those for which, under cross-validation, the confident ones that the
    neighbours decided (the first stage, on the sentence's words alone, under half the label's threshold:
    ``nlp.labels.NEAR``) are less precise than the config's confident precision. Blame is one: its confident
    sentences whose own words came near were 0.985 precise, the others 0.896 (572 statements; with the whole
    threshold as the bar, 0.993 over 140 and 0.929, about 139 right against 197). (The other labels' neighbour-decided
    sentences are what they are meant to be: a disclosure passage's sentences that name no exam, say; their
    findings are warnings at most.)"""
    from ..nlp.labels import NEAR
    first = numpy.vstack([p.first for p in predictions])
    second = numpy.vstack([p.second for p in predictions])
    Y = numpy.vstack([s.gold for s in statements])
    out = []
    for k, label in enumerate(LABELS):
        if label not in config.get("favour_precision", ()):
            continue
        by_neighbours = (second[:, k] >= confident[k]) & (first[:, k] < thresholds[k] * NEAR)
        if by_neighbours.any() and Y[by_neighbours, k].mean() < config["confident_precision"][label]:
            out.append(label)
    return out


def cue_names_of(nlp) -> list[str]:
    """The cues the model reads: every label lexicon and region cue of the pipeline (not phrase rules)."""
    from ..nlp.cues import general_lexicons, region_lexicons
    from ..rulebook import default_rulebook
    book = default_rulebook()
    names = set(general_lexicons(book)) | set(region_lexicons(book.region("georgia")))
    return sorted(n for n in names if not n.startswith("rule:"))


def train(samples: Path = SAMPLES, config_path: Path = CONFIG, progress=None):
    """The shipped model: both stages fitted on every training statement, thresholds by grouped CV."""
    from dataclasses import replace

    from ..nlp import build_nlp
    config = read_config(config_path)
    nlp = build_nlp()
    cases = load_sets(samples, config["sets"])
    statements = featurize(cases, nlp)
    names = cue_names_of(nlp)
    if progress:
        progress(f"{len(statements)} statements, {sum(len(s.grams) for s in statements)} sentences")
    model = fit(statements, config, names)
    oof = out_of_fold(statements, config, names)
    thresholds, confident = thresholds_from(oof, statements, config)
    settings = {**model.settings, "trained_on": {name: sum(c.name.startswith(name + "/") for c in cases)
                                                  for name in config["sets"]},
                "confident_needs_own_words": needing_own_words(oof, statements, thresholds, confident, config)}
    return replace(model, thresholds=thresholds, confident=confident, settings=settings)
