"""The labelled statements in samples/, read as the tests need them."""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
CORPUS = SAMPLES / "corpus"


def corpus_text(path: Path) -> str:
    """A corpus statement as DESIGN.md defines it: sentences joined by a space, paragraphs by a blank line."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return "\n\n".join(" ".join(s["text"] for s in p) for p in data["paragraphs"])


def statement_files(*sets: str) -> list[Path]:
    """The labelled statements (NAME.json) of samples/<set> for each set named; every training set when none is."""
    folders = [SAMPLES / name for name in sets or ("corpus", "heldout", "blind", "blind2", "train")]
    return [p for folder in folders for p in sorted(folder.glob("*.json")) if not p.name.endswith(".cv.json")]


def statement_texts(*sets: str) -> list[str]:
    """The texts of ``statement_files(*sets)``."""
    return [corpus_text(p) for p in statement_files(*sets)]
