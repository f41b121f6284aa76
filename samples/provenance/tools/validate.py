"""Check one statement file (and its .cv.json twin if present). Usage: validate.py PATH.json [--words LO-HI]"""
import json, re, sys
from pathlib import Path

LABELS = {"score_disclosure", "blame", "growth", "regional_tie", "specialty_motivation"}
problems = []
args = sys.argv[1:]
if not args:
    sys.exit("usage: validate.py PATH.json [--words LO-HI]")
path = Path(args[0])
words = None
if "--words" in args:
    lo, hi = args[args.index("--words") + 1].split("-")
    words = (int(lo), int(hi))
try:
    data = json.loads(path.read_text(encoding="utf-8"))
except Exception as e:
    sys.exit(f"{path}: not valid JSON: {e}")
if data.get("as_of") != "2026-09":
    problems.append('"as_of" must be "2026-09"')
paras = data.get("paragraphs")
if not isinstance(paras, list) or not paras or not all(isinstance(p, list) and p for p in paras):
    problems.append('"paragraphs" must be a non-empty list of non-empty lists')
    paras = []
n = 0
for pi, para in enumerate(paras, 1):
    for si, s in enumerate(para, 1):
        n += 1
        where = f"[{pi}.{si}]"
        if not isinstance(s, dict) or set(s) != {"text", "labels"}:
            problems.append(f"{where} each sentence is {{\"text\", \"labels\"}} only"); continue
        t = s["text"]
        if not isinstance(t, str) or not t.strip():
            problems.append(f"{where} empty text"); continue
        if t != t.strip() or "\n" in t:
            problems.append(f"{where} leading/trailing space or newline")
        if not isinstance(s["labels"], list) or not set(s["labels"]) <= LABELS or len(set(s["labels"])) != len(s["labels"]):
            problems.append(f"{where} labels must be a list of distinct labels from {sorted(LABELS)}")
        # two sentences glued in one item
        if re.search(r"[a-z]{3,}[.!?] +[A-Z][a-z]", t) and not re.search(r"\b(Dr|Mr|Mrs|Ms|St|Jr|U\.S|vs|e\.g|i\.e)\.", t):
            problems.append(f"{where} looks like two sentences in one item: {t[:70]!r}")
meta = data.get("meta")
if not isinstance(meta, dict):
    problems.append('"meta" object missing')
else:
    for k in ("voice", "first_language", "country", "specialty", "mentions_georgia", "stale_fact"):
        if k not in meta:
            problems.append(f"meta.{k} missing")
    if meta.get("voice") not in ("native", "second-language"):
        problems.append('meta.voice must be "native" or "second-language"')
    for k in ("mentions_georgia", "stale_fact"):
        if k in meta and not isinstance(meta[k], bool):
            problems.append(f"meta.{k} must be true or false")
if not isinstance(data.get("notes"), str):
    problems.append('"notes" string missing')
text = "\n\n".join(" ".join(s["text"] for s in p if isinstance(s, dict) and isinstance(s.get("text"), str)) for p in paras)
wc = len(text.split())
if words:
    lo, hi = words
    if not (lo * 0.95 <= wc <= hi * 1.05):
        problems.append(f"length {wc} words, outside {lo}-{hi} (±5%)")
cv = path.with_name(path.name[:-5] + ".cv.json")
if cv.exists():
    try:
        a = json.loads(cv.read_text(encoding="utf-8"))["applicant"]
        for e in a.get("exams", []):
            if e.get("result") not in ("pass", "fail"):
                problems.append(f"{cv.name}: result must be pass or fail")
            if not re.fullmatch(r"\d{4}-\d{2}", str(e.get("date", ""))) or e["date"] >= "2026-09":
                problems.append(f"{cv.name}: date must be YYYY-MM before 2026-09")
            if "score" in e and not isinstance(e["score"], int):
                problems.append(f"{cv.name}: score must be an integer")
    except Exception as e:
        problems.append(f"{cv.name}: not a valid applicant file ({e})")
if problems:
    print(f"{path.name}: {len(problems)} problem(s)")
    for p in problems:
        print("  -", p)
    sys.exit(1)
print(f"{path.name}: ok ({n} sentences, {wc} words)")
