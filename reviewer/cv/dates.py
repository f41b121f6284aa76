"""Read the date forms applicants write ("Jan 2021 – Mar 2021", "2018–2019", "Fall 2018", "2022 - present")."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import CVError

MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
          "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
# A season read as a start begins at its first month and, read as an end, stops at its last. Winter runs
# from December of the year written into February of the next ("Winter 2021" = 2021-12 to 2022-02).
SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2)}
ONGOING = {"present", "current", "now", "ongoing", "today", "to date", "date", "to present"}
HINT = "write a month such as 2021-03, 03/2021 or Mar 2021"

_YEAR = r"(19\d\d|20\d\d)"
_ISO = re.compile(rf"^{_YEAR}[-/.](\d{{1,2}})$")
_NUMERIC = re.compile(rf"^(\d{{1,2}})[-/.](?:\d{{1,2}}[-/.])?{_YEAR}$")
_NAMED = re.compile(rf"^([a-z]+)\.?,?[\s-]*(?:\d{{1,2}},?\s+)?{_YEAR}$")
_YEAR_ONLY = re.compile(rf"^{_YEAR}$")
_SEPARATOR = re.compile(r"\s*(?:–|—|−|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b)\s*|\s+-+\s+", re.I)


@dataclass(frozen=True)
class Period:
    """The months a written date may mean: exactly one month, or a year or season (imprecise)."""

    first: str
    last: str

    @property
    def imprecise(self) -> bool:
        """A year or a season rather than one month."""
        return self.first != self.last


@dataclass(frozen=True)
class DateRange:
    """A written range: the widest reading (start, end; end None = ongoing) and whether it is approximate."""

    start: str
    end: str | None
    imprecise: bool = False
    latest_start: str | None = None  # the latest month an imprecise start may mean
    earliest_end: str | None = None  # the earliest month an imprecise end may mean


def _month(year: str, number: int, original: str) -> str:
    if not 1 <= number <= 12:
        raise CVError(f"{original!r} is not a month: {number} is not a month number (1-12); {HINT}")
    return f"{int(year):04d}-{number:02d}"


def parse_period(text: str) -> Period:
    """Read one written date into the months it may mean; raise CVError naming the text otherwise."""
    original = text
    cleaned = " ".join(str(text).strip().lower().replace("’", "'").split())
    if match := _ISO.match(cleaned):
        month = _month(match.group(1), int(match.group(2)), original)
        return Period(month, month)
    if match := _NUMERIC.match(cleaned):
        month = _month(match.group(2), int(match.group(1)), original)
        return Period(month, month)
    if match := _YEAR_ONLY.match(cleaned):
        return Period(f"{match.group(1)}-01", f"{match.group(1)}-12")
    if match := _NAMED.match(cleaned):
        word, year = match.group(1), match.group(2)
        if word in SEASONS:
            first, last = SEASONS[word]
            return Period(f"{year}-{first:02d}", f"{int(year) + (last < first):04d}-{last:02d}")
        number = MONTHS.get(word[:4] if word[:4] == "sept" else word[:3])
        if number and (word in MONTHS or _full_month_name(word)):
            return Period(f"{year}-{number:02d}", f"{year}-{number:02d}")
    raise CVError(f"{original!r} is not a date I can read; {HINT}, or a range such as 'Jan 2021 – Mar 2021'")


def _full_month_name(word: str) -> bool:
    names = ("january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december")
    return word in names


def parse_month(text: str, *, end: bool = False) -> str:
    """One written date as a YYYY-MM month: the first month of a year or season, or its last when ``end``."""
    period = parse_period(text)
    return period.last if end else period.first


def is_ongoing(text: str) -> bool:
    """True for the words that mean an entry has not ended ("present", "current", "now")."""
    return " ".join(str(text).strip().lower().rstrip(".").split()) in ONGOING


def parse_range(text: str) -> DateRange:
    """Read a written date range (or a single date, meaning one month or period) into a DateRange."""
    first, last = split_range(text)
    return _build(parse_period(first), None if last is None else parse_period(last))


def split_range(text: str) -> tuple[str, str | None]:
    """The written start and end of a range ("Jan 2021", "Mar 2021"); end None when ongoing; checked readable."""
    cleaned = " ".join(str(text).strip().split())
    if not cleaned:
        raise CVError(f"an empty date is not a date range; {HINT}")
    since = re.match(r"^since\s+(.+)$", cleaned, re.I)
    if since:
        parse_period(since.group(1))
        return since.group(1), None
    parts = _SEPARATOR.split(cleaned, maxsplit=1)
    if len(parts) == 2:
        return _pair(parts[0], parts[1], cleaned)
    if cleaned.endswith(("-", "–", "—")):
        raise CVError(f"{text.strip()!r} has no end date; write an end month or 'present'")
    for match in re.finditer("-", cleaned):
        try:
            return _pair(cleaned[:match.start()], cleaned[match.end():], cleaned)
        except CVError:
            continue
    parse_period(cleaned)
    return cleaned, cleaned


def _pair(left: str, right: str, whole: str) -> tuple[str, str | None]:
    left = re.sub(r"^from\s+", "", left.strip(), flags=re.I)
    shared = re.search(r"(?:19|20)\d\d$", right.strip())
    if shared and re.fullmatch(r"[a-z]+\.?", left, re.I) and not _YEAR_ONLY.match(right.strip()):
        left = f"{left} {shared.group(0)}"  # "Jan–Mar 2020": the start month takes the end's year
    if not left:
        raise CVError(f"{whole!r} has no start date; {HINT}")
    parse_period(left)
    if is_ongoing(right):
        return left, None
    if not right.strip():
        raise CVError(f"{whole!r} has no end date; write an end month or 'present'")
    parse_period(right)
    return left, right.strip()


def _build(start: Period, end: Period | None) -> DateRange:
    imprecise = start.imprecise or (end is not None and end.imprecise)
    return DateRange(start.first, end.last if end else None, imprecise,
                     start.last if imprecise else None,
                     (end.first if end else None) if imprecise else None)


def parse_graduation(text: str) -> str:
    """A graduation date as a month: a year written alone means June of that year (when most medical schools
    graduate), a season its first month, a month itself; raise CVError naming the text otherwise."""
    period = parse_period(text)
    if _YEAR_ONLY.match(" ".join(str(text).split())):
        return f"{period.first[:4]}-06"
    return period.first if period.imprecise else period.last


# Dates as they stand in the lines of a Word or text CV. Month names are spelled out so that "Marietta 2020"
# is not read as March; a year stands alone (not inside a ZIP code, a phone number or a longer number).
_MONTH_WORD = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
               r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_LINE_YEAR = r"(?:19|20)\d\d(?![\d])"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_WORD_DATE = rf"(?:{_MONTH_WORD}|{_SEASON}),?[\s-]*(?:\d{{1,2}},?\s+)?{_LINE_YEAR}"
_NUMBER_DATE = rf"\d{{1,2}}[/.-](?:\d{{1,2}}[/.-])?{_LINE_YEAR}|{_LINE_YEAR}[/.-]\d{{1,2}}(?!\d)"
LINE_DATE = rf"(?:{_WORD_DATE}|{_NUMBER_DATE}|{_LINE_YEAR})"
_ENDLESS = r"present|current(?:ly)?|now|ongoing|today|date"
_LINK = r"\s*(?:–|—|−|-+|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b)\s*"
_SHARED_YEAR = rf"(?:{_MONTH_WORD}|{_SEASON}){_LINK}{_WORD_DATE}"  # "Jan–Mar 2020": the year written once
# A written range or single date; (?<![\w/.-]) keeps it from starting inside a word or a longer number.
LINE_RANGE = re.compile(rf"(?<![\w/.-])(?:(?:since|from)\s+)?(?:{_SHARED_YEAR}|{LINE_DATE}(?:{_LINK}(?:{LINE_DATE}"
                        rf"|{_ENDLESS}\b))?)", re.I)
# The same without a year standing alone: a range, or a date with its month ("Jan 2021 – Mar 2021", "06/2021").
LINE_RANGE_WITH_MONTH = re.compile(rf"(?<![\w/.-])(?:(?:since|from)\s+)?(?:{_SHARED_YEAR}|{LINE_DATE}{_LINK}"
                                   rf"(?:{LINE_DATE}|{_ENDLESS}\b)|{_WORD_DATE}|{_NUMBER_DATE})", re.I)
# A word in a month's place ("Smarch 2020", "Jnue 2021"): reported as a date that cannot be read.
LINE_MISSPELT = re.compile(rf"(?<![\w/.-])[a-z]{{3,10}}\.?\s+{_LINE_YEAR}(?:{_LINK}(?:{LINE_DATE}|[a-z]{{3,10}}\.?\s+"
                           rf"{_LINE_YEAR}|{_ENDLESS}\b))?", re.I)
