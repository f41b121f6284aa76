"""Check ann/GROUP/labels.json against ann/GROUP/input.md. Usage: check_ann.py GROUP"""
import json, re, sys
from pathlib import Path
LABELS = {"score_disclosure", "blame", "growth", "regional_tie", "specialty_motivation"}
folder = Path(__file__).parent / "ann" / sys.argv[1]
want, cur = {}, None
for line in (folder / "input.md").read_text(encoding="utf-8").splitlines():
    if line.startswith("=== "):
        cur = line[4:].strip(); want[cur] = []
    elif m := re.match(r"\[(\d+\.\d+)\] ", line):
        want[cur].append(m.group(1))
try:
    got = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
except Exception as e:
    sys.exit(f"labels.json unreadable: {e}")
problems = []
for ident, ids in want.items():
    g = got.get(ident)
    if not isinstance(g, dict):
        problems.append(f"{ident}: missing"); continue
    sents = g.get("sentences", {})
    for i in ids:
        if i not in sents:
            problems.append(f"{ident} [{i}]: missing")
        elif not isinstance(sents[i], list) or not set(sents[i]) <= LABELS:
            problems.append(f"{ident} [{i}]: labels must be a list from {sorted(LABELS)}")
    extra = set(sents) - set(ids)
    if extra:
        problems.append(f"{ident}: unknown sentence ids {sorted(extra)}")
    for q in ("mentions_georgia", "stale_fact"):
        if not isinstance(g.get(q), bool):
            problems.append(f"{ident}: {q} must be true or false")
for ident in set(got) - set(want):
    problems.append(f"{ident}: not in input.md")
print("\n".join(problems[:50]) if problems else f"ok: {len(want)} statements")
sys.exit(1 if problems else 0)
