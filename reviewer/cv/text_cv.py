"""Read a Word or plain-text CV best-effort: sections, entries in the layouts people write, applicant and exam lines.

Nothing in a CV's content stops the reading: a line that cannot be understood (an exam line, a date such as
2023-13) becomes a notice naming its line and why, the rest of the CV is used, and a CV whose lines are mostly
left unplaced says so in a notice. Every step is linear in the length of the text.

An entry is found from its dates: within a section, the lines between blank lines, bullets and table rows form
a group, and a group holds one entry per date range. Its other lines give the title, the organization, the place
(text_places.entry_fields) and the hours; its bullets give the description.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import CVError
from ..notices import Notice
from .applicant_lines import (APPLICANT_KEYS, EXAM_NAME, ExamLineError, applicant_from_lines, graduation_in,
                              is_exam_line, leads_with_exam, read_exam_line)
from .dates import LINE_MISSPELT, LINE_RANGE, LINE_RANGE_WITH_MONTH, parse_graduation, split_range
from .fields import as_entry_lines
from .model import CV, TYPES
from .schema import MAX_ENTRIES, EntryError, capped, experience_from_dict
from .text_places import entry_fields, location_fields, segments

SHOWN = 80  # characters of a line quoted in a notice
MAX_LINES = 10_000  # lines of text in a CV; a real one has a few hundred
MAX_GROUP = 100  # lines of one group: more, without a blank line or a bullet between them, are read in parts
LONGEST = 1_000  # characters of the longest line that can name an entry or an exam result; longer is prose
PROSE_WORDS = 20  # a dated line with more words than this besides its dates is a sentence, not an entry
MOSTLY = 0.5  # share of a CV's section text left unplaced above which the CV says it was mostly not read

_BULLET = re.compile(r"^\s*(?:[•●▪◦○■□➢►▶✓✔‣⁃∙·*]|[-–](?=\s)|\d{1,2}[.)](?=\s))\s*")
_UNDERLINE = re.compile(r"^\s*([-=_~*#])\1{2,}\s*$")
_MARKDOWN = re.compile(r"^\s*#{1,6}\s+")
_FIELD = re.compile(r"^(description|meaningful|most meaningful|reflection|duties|responsibilities)\s*:\s*(.*)$", re.I)
_HOURS = re.compile(
    r"(\d{1,3}(?:\.\d+)?)\s*(?:hours?|hrs?|h)\.?\s*(?:/|per|a|each|every)\s*(?:week|wk)\.?"
    r"|\b(?:hours|hrs)(?:\s*(?:/|per)\s*(?:week|wk)\.?)?\s*[:=]\s*(\d{1,3}(?:\.\d+)?)(?:\s*(?:hours|hrs|h)\b)?"
    r"(?:\s*(?:/|per|a)\s*(?:week|wk)\b\.?)?", re.I)
_EMPTY_PARENS = re.compile(r"\(\s*[;,|]?\s*\)|\[\s*\]")
_SPACES = re.compile(r"\t+| {2,}")
# A date range stands on its own: at the start of a line or after a separator, and before one or at the end.
# A line may also open with its dates before a plain space ("2019 – 2020 Research Assistant") or end with a range
# or a month after one ("… Atlanta, GA Jan 2020 – Mar 2020"); a year alone there is too likely part of a name.
_ALONE_BEFORE = r"(?:^|(?<=[|,(;:–—\-·•\[/])|(?<=[|,(;:–—\-·•\[/]\s))"
_ALONE_AFTER = r"(?=\s?(?:[|,);:–—\-·•\](.]|$))"
_RANGE_ALONE = re.compile(rf"^{LINE_RANGE.pattern}(?=\s?(?:[|,);:–—\-·•\](.]|$)|\s)|{_ALONE_BEFORE}{LINE_RANGE.pattern}"
                          rf"{_ALONE_AFTER}|(?<=\s){LINE_RANGE_WITH_MONTH.pattern}(?=\s*$)", re.I)
_MISSPELT_ALONE = re.compile(_ALONE_BEFORE + LINE_MISSPELT.pattern + _ALONE_AFTER, re.I)
_DANGLING = re.compile(r"\s*(?:–|—|-+|\bto\b|\buntil\b)\s*(?:$|[|;,)])", re.I)
# After a single date, a range's second date that could not be read ("Jan 2021 – Smarch 2021", "2019 - 13/2020").
_GARBLED_END = re.compile(r"\s*(?:–|—|-+|\bto\b|\buntil\b|\bthrough\b)\s*"
                          r"(?:[a-z]{3,10}\.?\s+\d{2,4}|\d{1,2}[/.-]\d{2,4}|\d{4}[/.-]\d{1,2})(?![\w/])", re.I)

# Section headings: the words that name each kind of section. "lists" and "summary" hold no entries; a
# summary's lines still count when judging whether a CV was mostly read.
_KINDS = [
    ("education", r"education|academic|degrees?|qualifications?"),
    ("clinical", r"clinical|observerships?|externships?|usce|rotations?|clerkships?|hospital experience"),
    ("research", r"research"),
    ("work", r"work|employment|professional experience|career history|jobs?|positions? held"),
    ("volunteer", r"volunteer\w*|community service|service"),
    ("teaching", r"teaching|mentoring|tutoring"),
    ("exams", r"usmle|exams?|examinations?|licensing|licensure|board scores|scores|ecfmg|comlex"),
    ("applicant", r"personal (?:information|details|data)|contact(?: information| details)?"),
    ("summary", r"summary|profile|objective|about me|personal statement|statement|overview"),
    ("lists", r"publications?|presentations?|abstracts?|posters?|languages?|interests?|hobbies|skills?"
              r"|certifications?|certificates?|references?|awards?|honou?rs|memberships?|affiliations?"),
    ("other", r"experiences?|activities|leadership|extracurricular\w*|training"),
]
_KIND_RES = [(kind, re.compile(rf"\b(?:{words})\b")) for kind, words in _KINDS]
_ENTRY_KINDS = ("education", "clinical", "research", "work", "volunteer", "teaching")
LINE_WEIGHT = 200  # characters a line weighs at most when judging whether a CV was mostly read

# Table header cells and the field each column holds.
_ROLES = {
    "dates": ("dates", "date", "period", "duration", "from - to", "from–to", "from-to", "years", "year", "when"),
    "title": ("position", "role", "title", "job title", "degree", "program", "programme", "qualification",
              "rotation", "activity", "position/role", "role/position", "specialty"),
    "organization": ("institution", "organization", "organisation", "hospital", "employer", "school",
                     "university", "site", "facility", "company", "place of work", "institution/hospital"),
    "location": ("location", "city", "city, state", "city/state", "place", "city, country", "city/country",
                 "country", "state"),
    "hours": ("hours", "hours/week", "hrs/wk", "hours per week", "hrs/week", "h/wk", "weekly hours", "hours/wk",
              "hrs"),
    "description": ("description", "duties", "responsibilities", "details", "notes"),
    "exam": ("exam", "examination", "result", "results", "score", "scores", "test", "attempt", "attempts"),
}
_ROLE_OF = {word: role for role, words in _ROLES.items() for word in words}


@dataclass
class Line:
    """One line of a CV as read: its text, its number (line of a text file, paragraph of a Word file) and what
    the document says it is ("heading", "bullet", a table "row" with its ``cells``, or a "break")."""

    text: str
    number: int = 0
    kind: str = ""
    cells: tuple = ()
    table: int = 0


@dataclass
class _Group:
    head: list = field(default_factory=list)  # Lines that name the entry: title, place, dates, hours
    details: list = field(default_factory=list)  # (field, text, Line): bullets and "Description:" lines


@dataclass
class _Reading:
    unit: str
    applicant: dict = field(default_factory=dict)
    graduation: str | None = None
    exams: list = field(default_factory=list)
    entries: list = field(default_factory=list)  # (entry dict, Line)
    unplaced: list = field(default_factory=list)  # Lines
    notices: list = field(default_factory=list)
    counted: int = 0  # weight (characters, at most LINE_WEIGHT a line) of the lines that should be read
    counted_unplaced: int = 0
    lines: int = 0  # how many lines that should be read, and of them left unplaced
    lines_unplaced: int = 0

    def notice(self, line: Line, reason: str) -> None:
        self.notices.append(Notice("cv", f"{self.unit} {line.number}", shorten(line.text), reason))


def shorten(text: str) -> str:
    """A line as quoted in a notice: spaces collapsed, at most SHOWN characters."""
    text = " ".join(text[:SHOWN * 4].split())
    return text if len(text) <= SHOWN else text[:SHOWN - 1] + "…"


def cv_from_lines(lines: list, unit: str = "line") -> CV:
    """Build a CV from the lines of a Word or text CV (strings, or Line objects from a Word file, where ``unit``
    is "paragraph"). Lines it cannot place are kept in ``unplaced``; lines it cannot read become notices.
    Raise CVError only for a CV longer than any CV (MAX_LINES lines, MAX_ENTRIES entries)."""
    written = sum(1 for line in lines if (line.text if isinstance(line, Line) else str(line)).strip())
    if written > MAX_LINES:
        raise CVError(f"the CV has more than {MAX_LINES:,} lines of text; a CV is far shorter, so it was not read")
    items = _prepare(_fields_rewritten(lines))
    reading = _Reading(unit)
    headings = [_heading_kind(item.text, marked=True) or "unknown" if item.kind == "heading"
                else _heading_kind(item.text) if item.kind in ("", "bullet") else None for item in items]
    section = None if any(headings) else "other"
    group = _Group()
    roles: dict[int, list] = {}
    for item, heading in zip(items, headings):
        if item.kind == "break":
            _flush(group, section, reading)
            continue
        if heading:
            _flush(group, section, reading)
            if heading != "unknown":
                section = heading
            elif section is not None:  # a heading we cannot name holds entries of type "other"; above the
                section = "other"  # first named heading it is the applicant's name in a heading style
            continue
        text = _clean(item.text)
        if not text:
            continue
        if _counts(section, text):
            reading.counted += min(len(text), LINE_WEIGHT)
            reading.lines += 1
        if len(text) <= LONGEST and (_applicant_line(text, item, reading)
                                     or _exam_line(text, item, section, reading)):
            continue
        if _detail(text, item, group):
            continue
        if len(text) > LONGEST:  # longer than any line that names an entry or an exam result
            _unplace(item, text, section, reading)
            continue
        if section is None:  # the lines above the first heading: name, contact, school and graduation
            found = graduation_in(text)
            if found and reading.graduation is None:
                reading.graduation = found
            else:
                _unplace(item, text, section, reading)
            continue
        if section in ("summary", "lists", "applicant", "exams"):
            _unplace(item, text, section, reading)
            continue
        if item.kind == "row" and _table_row(item, section, roles, group, reading):
            continue
        if group.details:
            _flush(group, section, reading)
        if item.kind == "bullet":
            found = _date_in(text) if len(text) <= LONGEST else None
            if found is not None and found[0] == "ok":  # a list of one-line entries, each a bullet with its dates
                group.head.append(item)
                _flush(group, section, reading)
            else:
                _unplace(item, text, section, reading)
            continue
        if len(group.head) >= MAX_GROUP:
            _flush(group, section, reading)
        group.head.append(item)
    _flush(group, section, reading)
    return _finish(reading)


def _fields_rewritten(lines: list) -> list:
    """The lines with each block of labelled fields ("Organization: ...", "Start Date: ...", as the ERAS
    application lists an experience) rewritten as an ordinary entry's lines (reviewer/cv/fields.py); headings,
    table rows and breaks of a Word file stay as they are."""
    out, run = [], []

    def flush():
        out.extend(Line(text, number, kind) for text, number, kind in as_entry_lines(run))
        run.clear()

    for number, line in enumerate(lines, 1):
        if isinstance(line, Line) and line.kind:
            flush()
            out.append(line)
        else:
            run.append((line.text, line.number) if isinstance(line, Line) else (str(line), number))
    flush()
    return out


def _detail(text: str, item: Line, group: _Group) -> bool:
    """Add a line to the entry being read when it describes it: a bullet, a "Description:" line, a bullet's text
    wrapped onto the next line, or an hours line after the bullets."""
    if not group.head:
        return False
    if item.kind == "bullet":
        group.details.append(("description", text, item))
        return True
    field_match = _FIELD.match(text)
    if field_match:
        key = "meaningful" if field_match.group(1).lower() in ("meaningful", "most meaningful",
                                                                "reflection") else "description"
        group.details.append((key, field_match.group(2).strip(), item))
        return True
    if group.details:
        last_key, last_text, _ = group.details[-1]
        if text[:1].islower() and last_key == "description":
            group.details[-1] = (last_key, f"{last_text} {text}", item)
            return True
        if len(text) <= LONGEST and _hours_only(text):
            group.head.append(item)
            return True
    return False


def _add_entry(reading: _Reading, entry: dict, line: Line) -> None:
    if len(reading.entries) >= MAX_ENTRIES:
        raise CVError(f"the CV has more than {MAX_ENTRIES} dated entries; at most {MAX_ENTRIES} are read")
    reading.entries.append((entry, line))


def _finish(reading: _Reading) -> CV:
    experiences = []
    for entry, line in reading.entries:
        try:
            experiences.append(experience_from_dict(entry, len(experiences) + 1))
        except EntryError as exc:
            reading.notice(line, f"the entry on this {reading.unit} was left out: {exc.detail}")
            _unplace(line, _clean(line.text), entry.get("type"), reading)
    notices = capped(sorted(reading.notices, key=lambda n: int(n.where.rsplit(" ", 1)[-1])))
    if reading.counted and reading.counted_unplaced / reading.counted > MOSTLY:
        placed = len(experiences)
        notices.insert(0, Notice(
            "cv", "the file", "",
            f"most of this CV could not be read as entries ({reading.lines_unplaced:,} of its {reading.lines:,} "
            f"lines of entries and prose were left unplaced and {placed} "
            f"{'entry was' if placed == 1 else 'entries were'} read), so its timeline is likely incomplete; "
            "write each entry with its dates on a line of its own, or send the CV as JSON, YAML or CSV"))
    applicant = applicant_from_lines(reading.applicant, reading.exams, reading.graduation)
    unplaced = [line.text.strip() for line in sorted(reading.unplaced, key=lambda line: line.number)]
    return CV(applicant, experiences, has_timeline=bool(experiences), unplaced=unplaced, notices=notices)


# --- lines -------------------------------------------------------------------------------------------------------

def _prepare(lines: list) -> list[Line]:
    """Lines with their kinds: blank lines and underlines become breaks (an underline makes the line above a
    heading), "## X" a heading, "• x" a bullet, and tab-separated text a table row."""
    out: list[Line] = []
    table, last_tab = 0, False
    for number, raw in enumerate(lines, 1):
        given = raw if isinstance(raw, Line) else Line(str(raw), number)
        text, kind, cells, table_id = given.text, given.kind, given.cells, given.table
        if kind == "break" or not text.strip():
            out.append(Line("", given.number, "break"))
            last_tab = False
            continue
        if _UNDERLINE.match(text):
            previous = out[-1] if out else None
            if previous is not None and previous.kind == "" and len(previous.text) <= 80:
                previous.kind = "heading"
            out.append(Line("", given.number, "break"))
            last_tab = False
            continue
        if kind == "" and _MARKDOWN.match(text):
            kind, text = "heading", _MARKDOWN.sub("", text)
        elif kind in ("", "bullet") and _BULLET.match(text) and not LINE_RANGE.match(text.lstrip(" -–")):
            kind, text = "bullet", _BULLET.sub("", text, count=1)
        tabbed = False
        if kind == "" and "\t" in text:
            parts = tuple(p.strip() for p in text.strip().split("\t"))
            if sum(1 for p in parts if p) >= 2:
                if not last_tab:
                    table -= 1  # tab tables of a text file count down, tables of a Word file up
                kind, cells, table_id, tabbed = "row", parts, table, True
        last_tab = tabbed
        out.append(Line(text, given.number, kind, cells, table_id))
    return out


def _clean(text: str) -> str:
    """One line with tabs and runs of spaces as " | " separators and other whitespace collapsed."""
    text = _SPACES.sub(" | ", text.strip())
    return " ".join(text.split()).strip(" |")


def _heading_kind(text: str, marked: bool = False) -> str | None:
    """The kind of section a heading opens, or None when the line is not a heading. A heading is marked (a Word
    heading, "## X", an underline, a trailing colon), written in capitals, or exactly a section name."""
    if len(text) > 80:
        return None
    plain = text.strip().strip("#*").strip()
    if plain.endswith(":"):
        marked, plain = True, plain[:-1].strip()
    if not plain or len(plain.split()) > 6 or any(ch.isdigit() for ch in plain) or ("," in plain and not marked):
        return None
    name = re.sub(r"\s*\([^)]*\)\s*$|\s+[—–-]\s+.*$", "", plain).lower().replace("&", "and")
    name = " ".join(name.replace("u.s.", "us").replace(".", "").split())
    letters = [ch for ch in plain if ch.isalpha()]
    capitals = bool(letters) and all(ch.isupper() for ch in letters)
    kind = _classify(name)
    if marked:
        return kind or "other"
    if capitals and kind:
        return kind
    if kind and _exact(name):
        return kind
    return None


def _classify(name: str) -> str | None:
    found = [(m.start(), kind) for kind, pattern in _KIND_RES if (m := pattern.search(name))]
    if not found:
        return None
    entries = [hit for hit in found if hit[1] in _ENTRY_KINDS]
    if entries:
        return min(entries)[1]
    for kind in ("exams", "applicant", "summary", "lists", "other"):
        if any(k == kind for _, k in found):
            return kind
    return None


_GENERIC = {"experience", "experiences", "history", "education", "examinations", "exams", "activities",
            "information", "details", "publications", "presentations", "skills", "languages", "interests",
            "hobbies", "work", "employment", "training", "service", "scores"}


def _exact(name: str) -> bool:
    """A heading in ordinary case must be a section name and nothing else: one name ("Research", "About me") or
    section words that include a general one ("Clinical experience", not the title "Research Volunteer")."""
    if any(p.fullmatch(name) for _, p in _KIND_RES) and name != "volunteer":
        return True
    words = [w for w in re.split(r"[\s/,]+", name) if w not in ("and", "us", "of", "the", "my", "other", "usa")]
    return (bool(words) and any(w in _GENERIC for w in words)
            and all(any(p.fullmatch(w) for _, p in _KIND_RES) or w in _GENERIC for w in words))


def _counts(section: str | None, text: str) -> bool:
    """Whether a line counts when judging if a CV was mostly read: the lines of its entry sections, and sentences
    in its other parts but lists and exams (a CV written as prose, say). Each weighs its length, up to
    LINE_WEIGHT, so a long summary does not outweigh the entries of a CV that lists them."""
    if section in TYPES:
        return True
    return section in (None, "applicant", "summary") and len(text.split()) > PROSE_WORDS


def _unplace(item: Line, text: str, section: str | None, reading: _Reading) -> None:
    reading.unplaced.append(item)
    if _counts(section, text):
        reading.counted_unplaced += min(len(text), LINE_WEIGHT)
        reading.lines_unplaced += 1


def _applicant_line(text: str, item: Line, reading: _Reading) -> bool:
    key, sep, value = text.partition(":")
    if not sep or len(key) > 30:
        return False
    name = APPLICANT_KEYS.get(" ".join(key.lower().split()))
    if not name or not value.strip():
        return False
    value = value.strip()
    if name == "graduation":
        try:
            reading.graduation = parse_graduation(value)
        except CVError:
            written = _date_in(value)
            found = None if written and written[0] == "bad" else graduation_in(f"graduated {value}")  # "MBBS, 2019"
            if found:
                reading.graduation = found
            else:
                reading.notice(item, f"the graduation date {shorten(value)!r} could not be read, so it was left "
                                     "out; write a month such as June 2019 or 2019-06")
        return True
    if name == "medical_school":
        found = graduation_in(value)
        if found and reading.graduation is None:
            reading.graduation = found
        value = re.sub(r"\s*[(—–|·]\s*(?:[^()]*\d{4}[^()]*)\)?\s*$", "", value).strip() or value
    reading.applicant[name] = value
    return True


def _exam_line(text: str, item: Line, section: str | None, reading: _Reading) -> bool:
    """Read a line about exams: any line of an exam section that names one, and elsewhere a line that starts
    with an exam's name and holds a result or a score."""
    leading = leads_with_exam(text)
    if section == "exams":
        if not EXAM_NAME.search(text):
            return False
    elif not is_exam_line(text):
        return False
    try:
        reading.exams.extend(read_exam_line(text, strict=leading))
    except ExamLineError as exc:
        reading.notice(item, f"no exam attempt was read from this {reading.unit}: {exc.detail}")
        reading.unplaced.append(item)
    return True


def _hours_only(text: str) -> bool:
    match = _HOURS.search(text)
    return bool(match) and not (text[:match.start()] + text[match.end():]).strip(" |,;:()[]–—-·")


# --- entries -------------------------------------------------------------------------------------------------------

def _date_in(text: str):
    """The date range of a line: ("ok", match, start, end), ("bad", match, reason) or None. A range counts only
    where it stands on its own (at the line's start or end, or between separators), so a year inside a name or
    a sentence does not; the regular expressions find only such ranges, so a line is scanned once. A month
    name with a typing slip ("Jnue 2021"), an end that cannot be read ("Jan 2021 – Smarch 2021") or no end
    ("2021 –") make the range one that cannot be read."""
    for count, match in enumerate(_MISSPELT_ALONE.finditer(text)):
        if count >= 20:
            break
        if not _month_like(match.group(0).split()[0]):
            continue
        try:
            split_range(match.group(0))
        except CVError as exc:
            return "bad", match, str(exc)
    for match in _RANGE_ALONE.finditer(text):
        try:
            start, end = split_range(match.group(0))
        except CVError as exc:
            return "bad", match, str(exc)
        if end == start:
            garbled = _GARBLED_END.match(text, match.end())
            if garbled:
                try:
                    split_range(match.group(0) + garbled.group(0))
                except CVError as exc:
                    return "bad", match, str(exc)
            if _DANGLING.match(text, match.end()):
                return "bad", match, f"'{match.group(0)} –' has no end date; write an end month or 'present'"
        return "ok", match, start, end
    return None


_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
                "dec", "spring", "summer", "fall", "autumn", "winter")


def _month_like(word: str) -> bool:
    """A word one typing slip away from a month or season name ("Smarch", "Jnue", "Febuary")."""
    word = word.lower().rstrip(".,")
    return any(_slips(word, name) <= 1 for name in _MONTH_NAMES if abs(len(name) - len(word)) <= 1)


def _slips(a: str, b: str) -> int:
    """Edit distance with adjacent transpositions (both words are short)."""
    previous2, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ca != cb))
            if previous2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], previous2[j - 2] + 1)
        previous2, previous = previous, row
    return previous[-1]


def _take_hours(text: str) -> tuple[str, float | None]:
    match = _HOURS.search(text)
    if not match:
        return text, None
    value = float(match.group(1) or match.group(2))
    return text[:match.start()] + " " + text[match.end():], int(value) if value.is_integer() else value


def _tidy(text: str) -> str:
    text = _EMPTY_PARENS.sub(" ", text)
    return " ".join(text.split()).strip(" |,;:–—-·•")


def _flush(group: _Group, section: str | None, reading: _Reading) -> None:
    """Turn a group of lines into entries: one per date range, the lines around each date giving its fields."""
    head, details = group.head, group.details
    group.head, group.details = [], []
    if not head:
        for _, _, line in details:
            _unplace(line, _clean(line.text), section, reading)
        return
    facts = []
    for line in head:
        text, hours = _take_hours(_clean(line.text))
        date = _date_in(text)
        if date is not None and date[0] == "ok":
            rest = text[:date[1].start()] + " " + text[date[1].end():]
            if len(rest.split()) > PROSE_WORDS:  # a sentence that mentions a year
                date = None
        facts.append((line, text, hours, date))
    dated = [i for i, fact in enumerate(facts) if fact[3] is not None]
    if not dated:
        for line in head:
            _unplace(line, _clean(line.text), section, reading)
        for _, _, line in details:
            _unplace(line, _clean(line.text), section, reading)
        return
    chunks = _chunks(facts, dated)
    for number, chunk in enumerate(chunks):
        entry = _entry(chunk, section, reading)
        if entry is not None and number == len(chunks) - 1:
            for key, text, _ in details:
                entry[key] = f"{entry[key]} {text}" if entry.get(key) else text
        elif entry is None and number == len(chunks) - 1:
            for _, _, line in details:
                _unplace(line, _clean(line.text), section, reading)


def _chunks(facts: list, dated: list[int]) -> list[list]:
    """Split a group's lines into entries: when the group opens with a dated line each dated line opens an entry,
    otherwise each dated line (with the hours lines after it) closes one."""
    if dated[0] == 0:
        bounds = dated + [len(facts)]
        return [facts[a:b] for a, b in zip(bounds, bounds[1:])]
    chunks, start = [], 0
    for n, i in enumerate(dated):
        end = i + 1
        limit = dated[n + 1] if n + 1 < len(dated) else len(facts)
        while end < limit and (facts[end][2] is not None and not _tidy(facts[end][1]) or n + 1 == len(dated)):
            end += 1
        chunks.append(facts[start:end])
        start = end
    return chunks


def _entry(chunk: list, section: str, reading: _Reading) -> dict | None:
    """One entry from its lines, or None (with a notice or its lines unplaced) when it cannot be made."""
    date_at = next(i for i, fact in enumerate(chunk) if fact[3] is not None)
    date_line, _, _, date = chunk[date_at]
    if date[0] == "bad":
        reading.notice(date_line, f"the entry on this {reading.unit} was left out because its dates could not be "
                                  f"read: {date[2]}")
        for line, *_ in chunk:
            _unplace(line, _clean(line.text), section, reading)
        return None
    hours = next((fact[2] for fact in chunk if fact[2] is not None), None)
    units, extra = [], []  # the segments of the lines that name the entry; lines after it is complete
    for i, (line, text, _, found) in enumerate(chunk):
        if found is not None:
            text = text[:found[1].start()] + " " + text[found[1].end():]
        text = _tidy(text)
        if not text:
            continue
        if i > date_at and _complete(units):
            extra.append(line)
            continue
        units.append([_balanced(seg) for seg in segments(text)])
    fields = entry_fields(units)
    if not (fields.get("title") or fields.get("organization")):
        reading.notice(date_line, f"a date with no title or organization beside it, so no entry was made from "
                                  f"this {reading.unit}")
        for line, *_ in chunk:
            _unplace(line, _clean(line.text), section, reading)
        return None
    for line in extra:
        _unplace(line, _clean(line.text), section, reading)
    entry = {k: v for k, v in fields.items() if v}
    entry.update(type=section if section in TYPES else "other", start=date[2], end=date[3])
    if entry["end"] is None:
        entry.pop("end")
    if hours is not None:
        entry["hours_per_week"] = hours
    _add_entry(reading, entry, date_line)
    return entry


def _complete(units: list) -> bool:
    """Whether the lines read so far give a title, an organization and a place (later lines are not the entry's)."""
    fields = entry_fields([list(u) for u in units]) if units else {}
    return bool(fields.get("title") and fields.get("organization")
                and (fields.get("city") or fields.get("state") or fields.get("country")))


def _balanced(text: str) -> str:
    """A segment without a parenthesis left open or closed by the dates or hours taken out of it."""
    if text.count("(") > text.count(")"):
        text = text.rstrip(" (")
        if text.count("(") > text.count(")"):
            text = text.replace("(", "", text.count("(") - text.count(")"))
    if text.count(")") > text.count("("):
        text = text.lstrip(" )")
        if text.count(")") > text.count("("):
            text = text[::-1].replace(")", "", text.count(")") - text.count("("))[::-1]
    return " ".join(text.split()).strip(" ,;")


# --- tables --------------------------------------------------------------------------------------------------------

def _header_roles(cells: tuple) -> list | None:
    """The field of each column when every cell of a row is a column name ("Dates", "Position", "Hours/week")."""
    named = [c for c in cells if c.strip()]
    if len(named) < 2:
        return None
    roles = []
    for cell in cells:
        name = " ".join(cell.lower().strip(" :*").split())
        if not name:
            roles.append(None)
            continue
        role = _ROLE_OF.get(name)
        if role is None:
            return None
        roles.append(role)
    return roles


def _table_row(item: Line, section: str, roles: dict, group: _Group, reading: _Reading) -> bool:
    """Read a table row whose table has a header row; True when the row was used (or is the header)."""
    header = _header_roles(item.cells)
    if header is not None:
        _flush(group, section, reading)
        roles[item.table] = header
        return True
    columns = roles.get(item.table)
    if not columns or len(columns) != len(item.cells):
        if "\n" in "".join(item.cells) or item.text.count("\t") == 0:
            _expand_row(item, group)
            return True
        return False
    _flush(group, section, reading)
    cells = {}
    for role, cell in zip(columns, item.cells):
        if role and cell.strip() and role not in cells:
            cells[role] = cell.strip()
    written = cells.get("dates", "")
    date = _date_in(_clean(written)) if written else None
    if date is None:
        reading.unplaced.append(item)
        return True
    if date[0] == "bad":
        reading.notice(item, f"the entry on this {reading.unit} was left out because its dates could not be read: "
                             f"{date[2]}")
        reading.unplaced.append(item)
        return True
    entry = {}
    if cells.get("title"):
        entry["title"] = _tidy(cells["title"])
    if cells.get("organization"):
        entry["organization"] = _tidy(cells["organization"])
    if cells.get("location"):
        entry.update(location_fields(cells["location"]))
    hours_cell = cells.get("hours", "")
    _, hours = _take_hours(hours_cell)
    if hours is None and re.fullmatch(r"\d{1,3}(?:\.\d+)?", hours_cell):
        hours = float(hours_cell)
        hours = int(hours) if hours.is_integer() else hours
    if cells.get("description"):
        entry["description"] = " ".join(cells["description"].split())
    if not (entry.get("title") or entry.get("organization")):
        reading.notice(item, f"a date with no title or organization beside it, so no entry was made from this "
                             f"{reading.unit}")
        reading.unplaced.append(item)
        return True
    entry.update(type=section if section in TYPES else "other", start=date[2])
    if date[3] is not None:
        entry["end"] = date[3]
    if hours is not None:
        entry["hours_per_week"] = hours
    _add_entry(reading, entry, item)
    return True


def _expand_row(item: Line, group: _Group) -> None:
    """A row of a table without a header row (such as dates on the left, the entry on the right) as lines: the
    first paragraph of each cell together, then the other paragraphs in order."""
    cells = [[p for p in cell.split("\n") if p.strip()] for cell in item.cells]
    first = " | ".join(paragraphs[0] for paragraphs in cells if paragraphs)
    group.head.append(Line(first, item.number))
    for paragraphs in cells:
        for paragraph in paragraphs[1:]:
            if _BULLET.match(paragraph):
                group.details.append(("description", _BULLET.sub("", paragraph, count=1).strip(), item))
            elif group.details and not _hours_only(paragraph):
                group.details.append(("description", paragraph.strip(), item))
            else:
                group.head.append(Line(paragraph, item.number))
