"""The labelled statements of samples/ (DESIGN.md 'Labelled corpus format'), read for training and evaluation."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

SAMPLES = Path(__file__).resolve().parents[2] / "samples"  # a source checkout's samples/


@dataclass
class CorpusCase:
    """One labelled statement: its text, its gold sentences and the rules it should fire."""

    name: str
    text: str
    gold: list  # (start, end, text, labels) per gold sentence
    expected: dict
    as_of: str | None
    cv: Path | None
    meta: dict

    @property
    def words(self) -> int:
        return len(self.text.split())


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
    return CorpusCase(f"{path.parent.name}/{path.stem}", "".join(parts), gold, data.get("expected", {}),
                      data.get("as_of"), cv if cv.exists() else None, data.get("meta") or {})


def corpus_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.json") if not p.name.endswith(".cv.json"))


def load_sets(root: Path, sets: list[str]) -> list[CorpusCase]:
    """Every statement of the named folders of ``root`` (samples/), in a fixed order."""
    cases = []
    for name in sets:
        folder = root / name
        if not folder.is_dir():
            raise InputError(f"{folder}: a training set named in the model's config is missing")
        cases += [load_case(p) for p in corpus_files(folder)]
    return cases


def gold_for(case: CorpusCase, start: int, end: int) -> set:
    """The gold labels of the gold sentence that holds the middle of the span start..end."""
    middle = (start + end) // 2
    for gs, ge, _text, labels in case.gold:
        if gs <= middle < ge:
            return labels
    return set()
