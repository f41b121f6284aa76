"""Briefs for the second wave of training statements (batches 19-22), weighted towards growth.

The first wave (make_briefs.py) left growth the weakest label on unseen statements: growth told as a
story of changed habits, as an outcome, or after a setback that is not an exam. This wave asks writers
for those shapes, and for their look-alikes that are not growth (resilience talk, skills with no
setback), in every voice. It reuses the first wave's lists and brief() without writing its files.
"""
import ast
import random
from pathlib import Path

# Load make_briefs.py's definitions (lists and brief()) but not its file-writing tail.
_source = (Path(__file__).parent / "make_briefs.py").read_text(encoding="utf-8")
_module = ast.parse(_source)
_module.body = [node for node in _module.body
                if isinstance(node, (ast.Import, ast.ImportFrom, ast.FunctionDef))
                or (isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
                    and node.targets[0].id.isupper())]
base = {}
exec(compile(_module, "make_briefs.py", "exec"), base)
base["rng"] = rng = random.Random(20261207)

N_BATCHES, PER, FIRST = 4, 16, 19
GROWTH_SHAPES = [
    "growth told as a small story over 3-5 sentences: a concrete habit the applicant built after the result, "
    "what it looked like week by week, and how it held; the word 'learned' appears at most once",
    "growth told through outcomes: the retake passed (with a score), a later exam, a better evaluation, "
    "numbers a reader can check",
    "growth after a NON-exam setback: a language barrier on early rotations (presentations, phone calls, notes)",
    "growth after a NON-exam setback: a clinical mistake or near-miss and the check the applicant does since",
    "growth after a NON-exam setback: an unmatched year and what the applicant did with it, owned",
    "growth after a NON-exam setback: a cultural misunderstanding with a patient or a team, and what changed",
    "growth stated briefly in the conclusion, pointing back to the failed attempt and naming the habit it left",
    "growth buried inside a long, emotional, diary-like disclosure passage: feelings first, then the changes, "
    "some sentences fragments",
    "the disclosure has ONLY vague resilience talk ('it made me stronger', 'I never gave up', 'I grew as a person'), "
    "no concrete change at all",
    "growth described in the present tense as routines the applicant keeps now (how they study, ask, check), "
    "each tied back to the setback",
    "growth mixed with gratitude: a mentor or a study group helped, the applicant says what they changed themselves",
    "a statement full of skills and diligence (no setback anywhere) that nevertheless talks about 'learning' and "
    "'improving' in general terms; no exam problem",
]


def growth_brief():
    b = base["brief"]("general")
    b["kind"] = "growth"
    shape = rng.choice(GROWTH_SHAPES)
    if "no exam problem" in shape:
        b["exams"] = rng.choice(base["EXAMS_OK"])
    else:
        b["exams"] = rng.choice(base["EXAMS_FLAGGED"])
    b["situation"] = shape
    return b


kinds = ["growth"] * 30 + ["long"] * 9 + ["blame"] * 8 + ["hardneg"] * 8 + ["noproblem"] * 9
rng.shuffle(kinds)
briefs = [growth_brief() if k == "growth" else base["brief"](k) for k in kinds]
out = Path(__file__).parent / "briefs"
for b_i in range(N_BATCHES):
    batch = FIRST + b_i
    lines = [f"# Briefs for batch {batch:02d}", ""]
    for n in range(PER):
        b = briefs[b_i * PER + n]
        lines += [f"## n{batch:02d}{n + 1:02d}", f"- kind: {b['kind']}", f"- voice: {b['voice']}",
                  f"- country: {b['country']}", f"- specialty: {b['specialty']}", f"- length: {b['length']}",
                  f"- structure: {b['structure']}", f"- exam record: {b['exams']}",
                  f"- situation: {b['situation']}", f"- region: {b['region']}",
                  f"- applicant file: {b['applicant_file']}", ""]
    (out / f"batch_{batch:02d}.md").write_text("\n".join(lines), encoding="utf-8")
print(len(briefs))
