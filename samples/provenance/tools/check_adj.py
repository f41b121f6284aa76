"""Check adj/GROUP/decisions.json answers every disputed question. Usage: check_adj.py GROUP"""
import json, sys
from pathlib import Path
folder = Path(__file__).parent / "adj" / sys.argv[1]
table = json.loads((folder / "disputes.json").read_text())
try:
    got = json.loads((folder / "decisions.json").read_text(encoding="utf-8"))
except Exception as e:
    sys.exit(f"decisions.json unreadable: {e}")
problems = []
for ident, qs in table.items():
    for q in qs:
        if not isinstance(got.get(ident, {}).get(q), bool):
            problems.append(f"{ident} {q}: missing or not true/false")
print("\n".join(problems[:50]) if problems else f"ok: {sum(map(len, table.values()))} decisions")
sys.exit(1 if problems else 0)
