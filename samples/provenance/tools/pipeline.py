"""Second annotation, adjudication and gold for new statements (run with the repository's .venv/bin/python,
from a work folder outside the repository that holds ann/ and adj/ beside this script's copies).

  pipeline.py ann-input GROUP SRC...     plain statements for a blind annotator (ann/GROUP/input.md)
  pipeline.py disputes GROUP             first vs second labels -> adj/GROUP/input.md (+ agreement)
  pipeline.py finalize GROUP DEST ANN ADJ   gold statement files into DEST, annotations/decisions merged
"""
import json, re, sys
from pathlib import Path

from reviewer.inputs.profile import Profile, exam_from_dict
from reviewer.rulebook import default_rulebook

HERE = Path(__file__).parent
LABELS = ["score_disclosure", "blame", "growth", "regional_tie", "specialty_motivation"]
QUESTIONS = ["mentions_georgia", "stale_fact"]


def sid(p, s):
    return f"{p + 1}.{s + 1}"


def statement_id(path):
    return path.stem


def statement_lines(ident, paragraphs) -> list[str]:
    """A statement as annotators and adjudicators read it: "=== ID", then "[P.S] sentence" lines, paragraphs
    apart by a blank line."""
    lines = [f"=== {ident}"]
    for p, para in enumerate(paragraphs):
        if p:
            lines.append("")
        lines += [f"[{sid(p, s)}] {sent['text']}" for s, sent in enumerate(para)]
    return lines + [""]


def ann_input(group, sources):
    files = sorted(p for src in sources for p in Path(src).glob("*.json") if not p.name.endswith(".cv.json"))
    folder = HERE / "ann" / group
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for f in files:
        lines += statement_lines(statement_id(f), json.loads(f.read_text(encoding="utf-8"))["paragraphs"])
    (folder / "input.md").write_text("\n".join(lines), encoding="utf-8")
    (folder / "sources.json").write_text(json.dumps([str(f) for f in files], indent=1))
    print(f"{group}: {len(files)} statements")


def first_labels(path):
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    sents = {sid(p, s): sorted(set(x["labels"])) for p, para in enumerate(data["paragraphs"]) for s, x in enumerate(para)}
    meta = data.get("meta", {})
    return data, sents, {q: bool(meta.get(q)) for q in QUESTIONS}


def disputes(group):
    sources = json.loads((HERE / "ann" / group / "sources.json").read_text())
    second = json.loads((HERE / "ann" / group / "labels.json").read_text(encoding="utf-8"))
    out, table = [], {}
    folder = HERE / "adj" / group
    folder.mkdir(parents=True, exist_ok=True)
    n_pairs = 0
    for src in sources:
        ident = statement_id(Path(src))
        data, first, fq = first_labels(src)
        sec = second[ident]
        qs = []
        for key in first:
            a, b = set(first[key]), set(sec["sentences"][key])
            for label in LABELS:
                if (label in a) != (label in b):
                    qs.append(f"{key}:{label}")
        for q in QUESTIONS:
            if fq[q] != bool(sec.get(q)):
                qs.append(f"statement:{q}")
        n_pairs += len(qs)
        if qs:
            table[ident] = qs
            out += statement_lines(ident, data["paragraphs"])
            out.append("Disputed: " + "; ".join(
                f"[{q.split(':')[0]}] {q.split(':')[1]}?" if not q.startswith("statement:") else f"statement {q.split(':')[1]}?"
                for q in qs))
            out.append("")
    (folder / "input.md").write_text("\n".join(out), encoding="utf-8")
    (folder / "disputes.json").write_text(json.dumps(table, indent=1))
    print(f"{group}: {n_pairs} disputed questions in {len(table)} of {len(sources)} statements")


def slug(text):
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


SPEC = {"internal medicine": "im", "family medicine": "fm", "pediatrics": "peds", "psychiatry": "psych",
        "neurology": "neuro", "emergency medicine": "em", "obstetrics and gynecology": "obgyn",
        "general surgery": "surg", "transitional year": "ty", "pathology": "path", "anesthesiology": "anes",
        "physical medicine and rehabilitation": "pmr", "child neurology": "childneuro",
        "internal medicine-pediatrics": "medpeds"}


def short_spec(spec):
    s = spec.lower()
    for name, short in sorted(SPEC.items(), key=lambda kv: -len(kv[0])):
        if s.startswith(name):
            return short
    return slug(s)[:10]


def expected_rules(paragraphs, cv_path, meta):
    low = default_rulebook().param("score.not_addressed", "low_score")
    labels = [set(x["labels"]) for para in paragraphs for x in para]
    texts = [x["text"] for para in paragraphs for x in para]
    passage = [i for i, l in enumerate(labels) if "score_disclosure" in l]
    profile = None
    if cv_path.exists():
        exams = (json.loads(cv_path.read_text(encoding="utf-8")).get("applicant") or {}).get("exams") or []
        profile = Profile(tuple(exam_from_dict(e, "exam") for e in exams), low) if exams else None
    text = "\n\n".join(" ".join(x["text"] for x in para) for para in paragraphs)
    words = len(text.split())
    pw = sum(len(texts[i].split()) for i in passage)
    fine = bool(profile and not profile.flagged)
    shaped = bool(passage) and not fine
    has_tie = any("regional_tie" in l for l in labels)
    return {
        "score.not_addressed": bool(profile and profile.flagged and not passage),
        "score.unnecessary": fine and bool(passage),
        "score.too_short": len(passage) == 1 and not fine,
        "score.too_long": len(passage) > 4 and not fine,
        "score.no_growth": shaped and not any("growth" in labels[i] for i in passage),
        "score.blame": any("blame" in l for l in labels),
        "score.dominates": shaped and (pw / words > 0.20 or passage[0] == 0),
        "region.missing": not meta["mentions_georgia"],
        "region.generic": meta["mentions_georgia"] and not has_tie,
        "statement.stale_fact": meta["stale_fact"],
    }


def finalize(group, dest, ann_path, adj_path):
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    sources = json.loads((HERE / "ann" / group / "sources.json").read_text())
    second = json.loads((HERE / "ann" / group / "labels.json").read_text(encoding="utf-8"))
    table = json.loads((HERE / "adj" / group / "disputes.json").read_text())
    dec_file = HERE / "adj" / group / "decisions.json"
    decisions = json.loads(dec_file.read_text()) if table else {}
    ann = json.loads(Path(ann_path).read_text()) if Path(ann_path).exists() else {}
    adj = json.loads(Path(adj_path).read_text()) if Path(adj_path).exists() else {}
    for src in sources:
        src = Path(src)
        ident = statement_id(src)
        data, first, fq = first_labels(src)
        sec = second[ident]
        dec = decisions.get(ident, {})
        for q in table.get(ident, []):
            assert q in dec, (ident, q)
        firsts, seconds = [], []
        for p, para in enumerate(data["paragraphs"]):
            firsts.append([]); seconds.append([])
            for s, sent in enumerate(para):
                key = sid(p, s)
                a, b = set(first[key]), set(sec["sentences"][key])
                gold = []
                for label in LABELS:
                    if (label in a) == (label in b):
                        keep = label in a
                    else:
                        keep = bool(dec[f"{key}:{label}"])
                    if keep:
                        gold.append(label)
                firsts[-1].append(sorted(a)); seconds[-1].append(sorted(b))
                sent["labels"] = gold
        meta = dict(data.get("meta", {}))
        for q in QUESTIONS:
            meta[q] = bool(dec[f"statement:{q}"]) if f"statement:{q}" in dec else fq[q]
        meta["voice"] = meta.get("voice")
        name = f"{ident}_{short_spec(meta.get('specialty', ''))}_{slug(meta.get('country', ''))[:20]}"
        cv_src = src.with_name(src.stem + ".cv.json")
        cv_dest = dest / f"{name}.cv.json"
        if cv_src.exists():
            cv_dest.write_text(cv_src.read_text(encoding="utf-8"), encoding="utf-8")
        out = {"as_of": data.get("as_of", "2026-09"), "paragraphs": data["paragraphs"],
               "expected": expected_rules(data["paragraphs"], cv_dest, meta), "meta": meta,
               "notes": data.get("notes", "")}
        (dest / f"{name}.json").write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        ann[f"{dest.name}/{name}"] = {"first": firsts, "second": seconds}
        if dec:
            adj[ident] = dec
    Path(ann_path).write_text(json.dumps(ann, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    Path(adj_path).write_text(json.dumps(adj, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{group}: {len(sources)} statements into {dest}")


if __name__ == "__main__":
    cmd, *rest = sys.argv[1:]
    {"ann-input": lambda: ann_input(rest[0], rest[1:]), "disputes": lambda: disputes(rest[0]),
     "finalize": lambda: finalize(*rest)}[cmd]()
