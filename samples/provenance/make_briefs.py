"""Generate the writing briefs for the new corpus statements (seeded, reproducible)."""
import random
from pathlib import Path

rng = random.Random(20261206)
N_BATCHES, PER = 18, 15

NATIVE = ["Nigeria", "Ghana", "India", "Pakistan", "Philippines", "Jamaica", "Trinidad and Tobago", "Kenya",
          "Uganda", "South Africa", "United Kingdom", "Ireland", "Grenada (a U.S. citizen at a Caribbean school)",
          "Zimbabwe", "Sri Lanka", "Bangladesh", "Sierra Leone", "Guyana", "Dominica (a U.S. citizen at a Caribbean school)"]
L2 = [("Mexico", "Spanish"), ("Colombia", "Spanish"), ("Venezuela", "Spanish"), ("Cuba", "Spanish"), ("Peru", "Spanish"),
      ("Dominican Republic", "Spanish"), ("Brazil", "Portuguese"), ("Egypt", "Arabic"), ("Syria", "Arabic"),
      ("Jordan", "Arabic"), ("Iraq", "Arabic"), ("Sudan", "Arabic"), ("Lebanon", "Arabic"), ("Iran", "Farsi"),
      ("Afghanistan", "Dari"), ("Turkey", "Turkish"), ("Russia", "Russian"), ("Ukraine", "Ukrainian"),
      ("China", "Mandarin"), ("South Korea", "Korean"), ("Vietnam", "Vietnamese"), ("Haiti", "Haitian Creole"),
      ("Cameroon", "French"), ("DR Congo", "French"), ("Ethiopia", "Amharic"), ("Nepal", "Nepali"),
      ("Myanmar", "Burmese"), ("Bangladesh", "Bengali"), ("Poland", "Polish"), ("Georgia (the country; Tbilisi)", "Georgian"),
      ("Eritrea", "Tigrinya"), ("Somalia", "Somali"), ("Indonesia", "Indonesian"), ("Japan", "Japanese")]
SPECIALTIES = (["internal medicine"] * 6 + ["family medicine"] * 4 + ["pediatrics"] * 3 + ["psychiatry"] * 3 +
               ["neurology", "emergency medicine", "obstetrics and gynecology", "general surgery (preliminary)",
                "transitional year", "pathology", "anesthesiology", "physical medicine and rehabilitation",
                "child neurology", "internal medicine-pediatrics"])
STRUCTURES = [
    "opens with a patient anecdote, then background, then the exam, then the region and program",
    "chronological life story from childhood to now",
    "thematic: three themes, one paragraph each",
    "opens with why the specialty, then training abroad, then U.S. experience, then fit",
    "opens with the region (why Georgia), then the path that led there",
    "short paragraphs, plain and direct, like an applicant who dislikes writing",
    "long paragraphs, reflective, some sentences over 35 words",
    "frames everything around one mentor and what they taught",
    "frames everything around one recurring image or object (a stethoscope, a notebook, a bus route...)",
    "ends with a concrete picture of the kind of resident the applicant will be",
    "written as a career-changer or older graduate explaining a non-linear path",
    "opens with a question, answers it over the statement",
]
EXAMS_FLAGGED = [
    "failed USMLE Step 1 once, then passed; Step 2 CK passed with a middling score (220-235)",
    "failed USMLE Step 1 twice, passed on the third attempt; Step 2 CK passed (218-230)",
    "passed Step 1; failed USMLE Step 2 CK once, then passed with a modest score",
    "passed Step 1 (pass/fail era); Step 2 CK score below 215 (choose 196-214), first attempt",
    "failed Step 1 once; Step 2 CK also low (205-214)",
    "old numeric Step 1 score below 215 (e.g. 201-213, taken before 2022); Step 2 CK 225-240",
    "failed USMLE Step 3 once, then passed; Step 1 and Step 2 CK passed",
    "failed Step 1 once, then passed; Step 2 CK not yet taken or taken with a strong score (240+)",
]
EXAMS_OK = [
    "passed Step 1 on the first attempt; Step 2 CK 245-262 (proud of it)",
    "passed Step 1 and Step 2 CK on first attempts; Step 2 CK 228-240",
    "passed Step 1, Step 2 CK 233, Step 3 passed",
    "passed every exam on the first attempt; scores are not mentioned at all",
    "Step 2 CK 216-219 (just above 215), first attempts",
]
REGION = [
    ("several concrete Georgia ties (named places, family or community work, a commitment to stay)", 30),
    ("exactly one concrete Georgia tie; the rest about Atlanta is generic praise", 18),
    ("only generic compliments about Atlanta (diverse, vibrant, hub of healthcare); no concrete tie at all", 14),
    ("ties to Georgia outside Atlanta (Macon, Savannah, Augusta, Albany, Tifton, Valdosta, Athens, Columbus, Dalton...)", 12),
    ("no mention of Atlanta or Georgia at all; the applicant writes about another state or no place", 10),
    ("ties mixed with compliments in the same paragraphs; family in metro Atlanta; one health burden of the Southeast", 16),
]
LENGTHS = [(350, 500), (500, 700), (650, 850), (800, 950), (900, 1100)]

def pick_region():
    return rng.choices([r for r, _ in REGION], [w for _, w in REGION])[0]

def voice():
    if rng.random() < 0.36:
        country, lang = rng.choice(L2)
        return f"second-language voice, first language {lang}, {rng.choice(['light', 'moderate', 'moderate', 'strong'])} accent in the prose", country
    return "native or near-native English", rng.choice(NATIVE)

def brief(kind):
    v, country = voice()
    spec = rng.choice(SPECIALTIES)
    lo, hi = rng.choice(LENGTHS)
    b = {"voice": v, "country": country, "specialty": spec, "structure": rng.choice(STRUCTURES),
         "region": pick_region(), "applicant_file": "yes" if rng.random() > 0.15 else "no applicant file"}
    if kind == "long":
        lo, hi = rng.choice([(650, 850), (800, 950), (900, 1100), (550, 750)])
        b["exams"] = rng.choice(EXAMS_FLAGGED)
        b["situation"] = (f"REAL-DRAFT STYLE with a LONG disclosure passage of {rng.randint(6, 15)} sentences: the result, "
                          "what was going on, feelings, family, fragments, sentences that name no exam, then what changed. "
                          + rng.choice(["The passage has growth in it.", "The passage has growth in it.",
                                        "The passage is mostly feelings and circumstances; little or no concrete change.",
                                        "The passage spills over two paragraphs.",
                                        "One or two sentences of the passage quietly blame something (choose what).",
                                        "The passage is honest and owned, with concrete growth at the end."]))
    elif kind == "blame":
        b["exams"] = rng.choice(EXAMS_FLAGGED)
        sub = rng.choice([
            "blames people (a teacher, the school's faculty, a study partner, family pressure)",
            "blames an institution or system (the curriculum abroad, ECFMG timelines, the exam's design, visa delays)",
            "blames test-day conditions (noise, a power cut, a sick day, a proctor, a broken computer, a late bus)",
            "blames through passive voice and abstractions (the preparation I was given, circumstances, it was not taught)",
            "minimizes (the score does not reflect my ability, one bad day, only a few points, a number cannot measure a doctor)",
            "mixes: owns most of it but one sentence shifts the cause outward",
            "blames a non-exam setback (an unmatched cycle, a lost observership, a rotation evaluation) on others; the exam part is owned",
        ])
        b["situation"] = f"The disclosure contains BLAME: it {sub}. Length of the disclosure passage: {rng.choice(['2-4', '3-5', '5-9'])} sentences. Growth: {rng.choice(['present', 'present', 'absent'])}."
    elif kind == "hardneg":
        b["exams"] = rng.choice(EXAMS_FLAGGED)
        sub = rng.choice([
            "war or displacement", "a parent's illness or death during preparation", "working full time to support family",
            "pregnancy and a newborn", "the applicant's own illness (treated, recovered)", "visa and money problems",
            "a natural disaster", "the pandemic", "a language barrier during early rotations", "caring for a sibling",
            "political unrest that closed the medical school for months"])
        b["situation"] = (f"HARD NEGATIVE for blame: the exam result came during {sub}. The applicant tells these circumstances "
                          "plainly and OWNS the result (no sentence puts the cause outside themselves). "
                          f"Disclosure passage of {rng.choice(['2-4', '3-5', '4-7'])} sentences with concrete growth. "
                          "Elsewhere, hard circumstances of patients or the country also appear without any blame.")
    elif kind == "noproblem":
        b["exams"] = rng.choice(EXAMS_OK)
        sub = rng.choice([
            "mentions a strong score with pride", "says the applicant passed every exam on the first attempt",
            "uses 'step', 'board' or 'failure' in other senses several times (heart failure, step-down unit, board-certified, first step, renal failure, failure to thrive)",
            "describes a patient's failed treatment and the applicant's own early clinical mistakes, with growth, but no exam problem",
            "a hard life story (migration, poverty) told with ownership; no exam problem",
            "mentions a study group the applicant led to help classmates who failed exams (someone else's failure)",
            "the applicant had a modest but passing score and mentions it briefly anyway (an unnecessary disclosure)"])
        b["situation"] = f"NO exam problem of the applicant's own. What the statement does: {sub}."
    else:  # general
        sit = rng.choice([
            ("model disclosure: 2-4 sentences, owned, with concrete growth", EXAMS_FLAGGED),
            ("a single-sentence disclosure, then the statement moves on", EXAMS_FLAGGED),
            ("the exam problem is NOT addressed at all in the statement (the applicant file shows it)", EXAMS_FLAGGED),
            ("the statement's very first sentence is about failing the exam", EXAMS_FLAGGED),
            ("the low Step 2 CK score is given as a number and explained in 2-3 sentences", EXAMS_FLAGGED),
            ("disclosure of 5-6 sentences, owned, with growth (a bit too long)", EXAMS_FLAGGED),
            ("disclosure in the conclusion paragraph, referring back to a failure with one or two sentences", EXAMS_FLAGGED),
            ("growth from a non-exam setback (language barrier, a clinical error) plus a short owned exam disclosure", EXAMS_FLAGGED),
        ])
        b["exams"] = rng.choice(sit[1])
        b["situation"] = sit[0]
    b["length"] = f"{lo}-{hi} words"
    b["kind"] = kind
    return b

kinds = ["long"] * 66 + ["blame"] * 56 + ["hardneg"] * 56 + ["noproblem"] * 46 + ["general"] * 46
rng.shuffle(kinds)
briefs = [brief(k) for k in kinds[: N_BATCHES * PER]]
out = Path(__file__).parent / "briefs"
for b_i in range(N_BATCHES):
    lines = [f"# Briefs for batch {b_i + 1:02d}", ""]
    for n in range(PER):
        b = briefs[b_i * PER + n]
        ident = f"n{b_i + 1:02d}{n + 1:02d}"
        lines += [f"## {ident}", f"- kind: {b['kind']}", f"- voice: {b['voice']}", f"- country: {b['country']}",
                  f"- specialty: {b['specialty']}", f"- length: {b['length']}", f"- structure: {b['structure']}",
                  f"- exam record: {b['exams']}", f"- situation: {b['situation']}", f"- region: {b['region']}",
                  f"- applicant file: {b['applicant_file']}", ""]
    (out / f"batch_{b_i + 1:02d}.md").write_text("\n".join(lines))
print(len(briefs))
