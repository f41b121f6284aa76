"""`reviewer eval`: score the reviewer on a labelled corpus (per-label P/R/F1, per-rule accuracy)."""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..review import LABELS, review


@dataclass
class CorpusCase:
    name: str
    text: str
    gold: list  # (start, end, text, labels)
    expected: dict
    as_of: str | None
    cv: Path | None


def load_case(path: Path) -> CorpusCase:
    """Rebuild the statement text and gold sentence spans of one NAME.json."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a readable corpus file ({exc})") from exc
    gold, parts, pos = [], [], 0
    for p, paragraph in enumerate(data["paragraphs"]):
        if p:
            parts.append("\n\n")
            pos += 2
        for s, sentence in enumerate(paragraph):
            if s:
                parts.append(" ")
                pos += 1
            gold.append((pos, pos + len(sentence["text"]), sentence["text"], set(sentence.get("labels", []))))
            parts.append(sentence["text"])
            pos += len(sentence["text"])
    cv = path.with_name(path.name[: -len(".json")] + ".cv.json")
    return CorpusCase(path.stem, "".join(parts), gold, data.get("expected", {}), data.get("as_of"),
                      cv if cv.exists() else None)


def corpus_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.json") if not p.name.endswith(".cv.json"))


@dataclass
class Report:
    cases: int = 0
    counts: dict = field(default_factory=lambda: {label: [0, 0, 0] for label in LABELS})  # tp, fp, fn
    rules: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0, 0]))  # tp, fp, fn, tn
    misses: list = field(default_factory=list)
    gaps: list = field(default_factory=lambda: [0, 0])  # right, total

    def label_scores(self) -> dict:
        out = {}
        for label, (tp, fp, fn) in self.counts.items():
            p = tp / (tp + fp) if tp + fp else 1.0
            r = tp / (tp + fn) if tp + fn else 1.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            out[label] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                          "support": tp + fn}
        return out

    def macro_f1(self) -> float:
        scores = self.label_scores()
        return round(sum(s["f1"] for s in scores.values()) / len(scores), 3)

    def rule_accuracy(self) -> float:
        right = sum(c[0] + c[3] for c in self.rules.values())
        total = sum(sum(c) for c in self.rules.values())
        return round(right / total, 3) if total else 1.0

    def to_dict(self) -> dict:
        return {
            "cases": self.cases,
            "labels": self.label_scores(),
            "macro_f1": self.macro_f1(),
            "rules": {rule: {"accuracy": round((c[0] + c[3]) / sum(c), 3), "tp": c[0], "fp": c[1],
                             "fn": c[2], "tn": c[3]} for rule, c in sorted(self.rules.items())},
            "rule_accuracy": self.rule_accuracy(),
            "gap_lists": {"right": self.gaps[0], "total": self.gaps[1]},
            "misses": self.misses,
        }


def score_case(case: CorpusCase, report: Report) -> None:
    result = review(case.text, cv=case.cv, as_of=case.as_of, name=case.name)
    predicted = result.sentences
    for start, end, text, labels in case.gold:
        middle = (start + end) // 2
        hit = next((s for s in predicted if s.start <= middle < s.end), None)
        got = set(hit.labels) if hit else set()
        for label in LABELS:
            if label in labels and label in got:
                report.counts[label][0] += 1
            elif label in got:
                report.counts[label][1] += 1
                report.misses.append({"case": case.name, "kind": "false positive", "label": label, "sentence": text})
            elif label in labels:
                report.counts[label][2] += 1
                report.misses.append({"case": case.name, "kind": "missed", "label": label, "sentence": text})
    fired = result.fired()
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
            report.misses.append({"case": case.name, "kind": "rule fired" if got else "rule silent",
                                  "label": rule, "sentence": ""})


def evaluate(folder: Path) -> Report:
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder of corpus files")
    files = corpus_files(folder)
    if not files:
        raise InputError(f"{folder}: holds no NAME.json corpus files")
    report = Report()
    for path in files:
        score_case(load_case(path), report)
        report.cases += 1
    return report


def render_report(report: Report, verbose: bool = False) -> str:
    lines = [f"Corpus: {report.cases} statements", "", f"{'label':22} {'precision':>9} {'recall':>7} {'f1':>6} {'support':>8}"]
    for label, s in report.label_scores().items():
        lines.append(f"{label:22} {s['precision']:9.3f} {s['recall']:7.3f} {s['f1']:6.3f} {s['support']:8d}")
    lines += [f"{'macro-F1':22} {report.macro_f1():>24.3f}", "", f"{'rule':28} {'accuracy':>8} {'fp':>4} {'fn':>4} {'cases':>6}"]
    for rule, c in sorted(report.rules.items()):
        lines.append(f"{rule:28} {(c[0] + c[3]) / sum(c):8.3f} {c[1]:4d} {c[2]:4d} {sum(c):6d}")
    lines.append(f"{'rule accuracy':28} {report.rule_accuracy():8.3f}")
    if report.gaps[1]:
        lines.append(f"{'cv gap lists exactly right':28} {report.gaps[0]}/{report.gaps[1]}")
    if verbose and report.misses:
        lines += ["", "Misses:"]
        for m in report.misses:
            lines.append(f"  {m['case']}: {m['kind']} {m['label']}" + (f": {m['sentence']}" if m["sentence"] else ""))
    lines.append(f"macro-F1 {report.macro_f1():.3f}  rule accuracy {report.rule_accuracy():.3f}")
    return "\n".join(lines) + "\n"
