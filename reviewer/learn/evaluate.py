"""`reviewer eval`: score the reviewer on labelled statements: per-label precision, recall and F1, per-rule
accuracy, and how often findings at error level are right.

Statements the shipped model was trained on are scored by grouped cross-validation: each is reviewed with
a model trained on the folds that do not hold it (the same procedure as ``reviewer train``, with the shipped
thresholds). Other statements (samples/fresh) are reviewed with the shipped model itself.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..sentences import LABELS
from .corpus import SAMPLES, CorpusCase, corpus_files, load_case

ERROR_RULES = ("score.blame", "cv.ps_conflict", "cv.date_order", "statement.eras_limit")


@dataclass
class Tally:
    """Counts of one group of statements."""

    counts: dict = field(default_factory=lambda: {label: [0, 0, 0] for label in LABELS})  # tp, fp, fn

    def scores(self) -> dict:
        out = {}
        for label, (tp, fp, fn) in self.counts.items():
            p = tp / (tp + fp) if tp + fp else 1.0
            r = tp / (tp + fn) if tp + fn else 1.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            out[label] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "support": tp + fn}
        return out

    def macro_f1(self) -> float:
        return round(sum(s["f1"] for s in self.scores().values()) / len(LABELS), 3)


@dataclass
class Report:
    cases: int = 0
    labels: Tally = field(default_factory=Tally)
    groups: dict = field(default_factory=lambda: defaultdict(Tally))  # "voice: ..." / "length: ..." -> Tally
    rules: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0, 0]))  # tp, fp, fn, tn
    errors: list = field(default_factory=lambda: [0, 0])  # error-level findings: right, raised
    all_right: list = field(default_factory=lambda: [0, 0])  # statements with every rule decision right
    misses: list = field(default_factory=list)
    gaps: list = field(default_factory=lambda: [0, 0])
    sources: dict = field(default_factory=lambda: defaultdict(int))  # how the statements were scored

    @property
    def counts(self) -> dict:
        return self.labels.counts

    def label_scores(self) -> dict:
        return self.labels.scores()

    def macro_f1(self) -> float:
        return self.labels.macro_f1()

    def rule_accuracy(self) -> float:
        right = sum(c[0] + c[3] for c in self.rules.values())
        total = sum(sum(c) for c in self.rules.values())
        return round(right / total, 3) if total else 1.0

    def to_dict(self) -> dict:
        return {
            "cases": self.cases,
            "scored": dict(self.sources),
            "labels": self.label_scores(),
            "macro_f1": self.macro_f1(),
            "groups": {name: {"macro_f1": t.macro_f1(), "labels": t.scores()} for name, t in sorted(self.groups.items())},
            "rules": {rule: {"accuracy": round((c[0] + c[3]) / sum(c), 3), "tp": c[0], "fp": c[1],
                             "fn": c[2], "tn": c[3]} for rule, c in sorted(self.rules.items())},
            "rule_accuracy": self.rule_accuracy(),
            "statements_all_right": {"right": self.all_right[0], "total": self.all_right[1]},
            "error_findings": {"right": self.errors[0], "raised": self.errors[1]},
            "gap_lists": {"right": self.gaps[0], "total": self.gaps[1]},
            "misses": self.misses,
        }


def length_group(words: int) -> str:
    return "length: under 500 words" if words < 500 else "length: 500-800 words" if words <= 800 else \
        "length: over 800 words"


def score_case(case: CorpusCase, result, report: Report) -> None:
    """Compare one review with its gold labels and expected rules."""
    voice = case.meta.get("voice", "")
    groups = [length_group(case.words)] + ([f"voice: {'second-language' if voice.startswith('second') else 'native'}"]
                                           if voice else [])
    predicted = result.sentences
    for start, end, text, labels in case.gold:
        middle = (start + end) // 2
        hit = next((s for s in predicted if s.start <= middle < s.end), None)
        got = set(hit.labels) if hit else set()
        for label in LABELS:
            cell = 0 if label in labels and label in got else 1 if label in got else 2 if label in labels else None
            if cell is None:
                continue
            for tally in [report.labels] + [report.groups[g] for g in groups]:
                tally.counts[label][cell] += 1
            if cell:
                report.misses.append({"case": case.name, "kind": "false positive" if cell == 1 else "missed",
                                      "label": label, "sentence": text})
    fired = result.fired()
    every = True
    for rule, want in case.expected.items():
        if rule == "cv.gaps":
            got = (result.cv or {}).get("gaps", [])
            report.gaps[1] += 1
            report.gaps[0] += got == want
            if got != want:
                report.misses.append({"case": case.name, "kind": "gap list", "label": rule,
                                      "sentence": f"expected {want}, got {got}"})
            continue
        got = rule in fired
        cell = report.rules[rule]
        cell[0 if got and want else 1 if got else 2 if want else 3] += 1
        if got != bool(want):
            every = False
            report.misses.append({"case": case.name, "kind": "rule fired" if got else "rule silent",
                                  "label": rule, "sentence": ""})
    report.all_right[0] += every
    report.all_right[1] += 1
    for finding in result.findings:
        if finding.level == "error":
            report.errors[1] += 1
            report.errors[0] += bool(case.expected.get(finding.rule, False)) and _sentence_right(case, result, finding)


def _sentence_right(case: CorpusCase, result, finding) -> bool:
    """An error about one sentence is right when that sentence carries the label the rule names (blame);
    other errors are right when the statement should fire the rule."""
    if finding.rule != "score.blame" or not finding.sentences:
        return True
    sentence = result.sentences[finding.sentences[0]]
    middle = (sentence.start + sentence.end) // 2
    return any(gs <= middle < ge and "blame" in labels for gs, ge, _t, labels in case.gold)


def _review(case: CorpusCase, nlp=None):
    from ..review import review
    return review(case.text, cv=case.cv, as_of=case.as_of, name=case.name, nlp=nlp)


def evaluate(folders: list[Path], samples: Path = SAMPLES) -> Report:
    """Score every statement of ``folders``; training statements by grouped cross-validation."""
    cases = []
    for folder in folders:
        if not folder.is_dir():
            raise InputError(f"{folder}: not a folder of corpus files")
        found = corpus_files(folder)
        if not found:
            raise InputError(f"{folder}: holds no NAME.json corpus files")
        cases += [load_case(p) for p in found]
    report = Report()
    training = _training_names(samples)
    held_out = {case.name for case in cases} & training
    models = _fold_pipelines(samples, held_out) if held_out else {}
    for case in cases:
        nlp = models.get(case.name)
        report.sources["cross-validation (trained without it)" if nlp is not None else "the shipped model"] += 1
        score_case(case, _review(case, nlp), report)
        report.cases += 1
    return report


def _training_names(samples: Path) -> set:
    from .train import read_config
    names = set()
    for name in read_config()["sets"]:
        folder = samples / name
        if folder.is_dir():
            names |= {f"{name}/{p.stem}" for p in corpus_files(folder)}
    return names


def _fold_pipelines(samples: Path, wanted: set) -> dict:
    """For each wanted training statement, a pipeline whose model was trained without it (one per fold)."""
    from dataclasses import replace

    from ..nlp import build_nlp
    from ..nlp.labels.model import LabelModel
    from .corpus import load_sets
    from .train import cue_names_of, featurize, fit, folds, read_config

    config = read_config()
    shipped = LabelModel.load()
    nlp = build_nlp()
    statements = featurize(load_sets(samples, config["sets"]), nlp)
    names = cue_names_of(nlp)
    out = {}
    for train_part, held in folds(statements, config["folds"]):
        if not any(statements[i].case.name in wanted for i in held):
            continue
        fitted = fit([statements[i] for i in train_part], config, names)
        model = replace(fitted, thresholds=shipped.thresholds, confident=shipped.confident,
                        settings={**fitted.settings, "confident_needs_own_words":
                                  shipped.settings.get("confident_needs_own_words", [])})
        fold_nlp = build_nlp()
        fold_nlp.get_pipe("reviewer_labels").use(model)
        for i in held:
            out[statements[i].case.name] = fold_nlp
    return out


def render_report(report: Report, verbose: bool = False) -> str:
    lines = [f"Corpus: {report.cases} statements (" + "; ".join(f"{n} scored by {how}" for how, n in report.sources.items()) + ")",
             "", f"{'label':22} {'precision':>9} {'recall':>7} {'f1':>6} {'support':>8}"]
    for label, s in report.label_scores().items():
        lines.append(f"{label:22} {s['precision']:9.3f} {s['recall']:7.3f} {s['f1']:6.3f} {s['support']:8d}")
    lines += [f"{'macro-F1':22} {report.macro_f1():>24.3f}", ""]
    if report.groups:
        lines.append(f"{'group':30} {'macro-F1':>8}  " + " ".join(f"{l[:8]:>8}" for l in LABELS))
        for name, tally in sorted(report.groups.items()):
            scores = tally.scores()
            lines.append(f"{name:30} {tally.macro_f1():8.3f}  " + " ".join(f"{scores[l]['f1']:8.3f}" for l in LABELS))
        lines.append("")
    lines.append(f"{'rule':28} {'accuracy':>8} {'fp':>4} {'fn':>4} {'cases':>6}")
    for rule, c in sorted(report.rules.items()):
        lines.append(f"{rule:28} {(c[0] + c[3]) / sum(c):8.3f} {c[1]:4d} {c[2]:4d} {sum(c):6d}")
    lines.append(f"{'rule accuracy':28} {report.rule_accuracy():8.3f}")
    lines.append(f"{'statements with every rule right':34} {report.all_right[0]}/{report.all_right[1]}")
    lines.append(f"{'error-level findings right':34} {report.errors[0]}/{report.errors[1]}")
    if report.gaps[1]:
        lines.append(f"{'cv gap lists exactly right':34} {report.gaps[0]}/{report.gaps[1]}")
    if verbose and report.misses:
        lines += ["", "Misses:"]
        for m in report.misses:
            lines.append(f"  {m['case']}: {m['kind']} {m['label']}" + (f": {m['sentence']}" if m["sentence"] else ""))
    lines.append(f"macro-F1 {report.macro_f1():.3f}  rule accuracy {report.rule_accuracy():.3f}")
    return "\n".join(lines) + "\n"
