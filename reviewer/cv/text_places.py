"""Split the words of a CV entry (its dates and hours taken out) into title, organization, city, state and country.

An entry's words come as lines, each cut into segments at strong separators (" | ", " — ", " – ", " · ", tabs).
The place is a segment such as "Atlanta, GA" or "Kumasi, Ghana", or the tail of one ("Grady Memorial Hospital,
Atlanta, GA"). The organization is the text that carries the place (the rest of its segment, or the segment just
before it on the same line); the title is what remains. Without such a carrier, "Title, Organization" on one line
or a title line followed by an organization line decide.
"""
from __future__ import annotations

import re

US_STATES = {"AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
             "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC",
             "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
             "PR", "ALABAMA", "ALASKA", "ARIZONA", "ARKANSAS", "CALIFORNIA", "COLORADO", "CONNECTICUT", "DELAWARE",
             "FLORIDA", "GEORGIA", "HAWAII", "IDAHO", "ILLINOIS", "INDIANA", "IOWA", "KANSAS", "KENTUCKY",
             "LOUISIANA", "MAINE", "MARYLAND", "MASSACHUSETTS", "MICHIGAN", "MINNESOTA", "MISSISSIPPI", "MISSOURI",
             "MONTANA", "NEBRASKA", "NEVADA", "NEW HAMPSHIRE", "NEW JERSEY", "NEW MEXICO", "NEW YORK",
             "NORTH CAROLINA", "NORTH DAKOTA", "OHIO", "OKLAHOMA", "OREGON", "PENNSYLVANIA", "RHODE ISLAND",
             "SOUTH CAROLINA", "SOUTH DAKOTA", "TENNESSEE", "TEXAS", "UTAH", "VERMONT", "VIRGINIA", "WASHINGTON",
             "WEST VIRGINIA", "WISCONSIN", "WYOMING", "PUERTO RICO"}
COUNTRIES = {
    "usa", "u.s.a.", "u.s.a", "united states", "united states of america", "u.s.", "us", "america",
    "afghanistan", "albania", "algeria", "andorra", "angola", "antigua and barbuda", "argentina", "armenia",
    "australia", "austria", "azerbaijan", "bahamas", "bahrain", "bangladesh", "barbados", "belarus", "belgium",
    "belize", "benin", "bhutan", "bolivia", "bosnia and herzegovina", "botswana", "brazil", "brunei", "bulgaria",
    "burkina faso", "burundi", "cabo verde", "cape verde", "cambodia", "cameroon", "canada",
    "central african republic", "chad", "chile", "china", "colombia", "comoros", "congo", "costa rica",
    "côte d'ivoire", "cote d'ivoire", "ivory coast", "croatia", "cuba", "curaçao", "curacao", "cyprus",
    "czech republic", "czechia", "democratic republic of the congo", "dr congo", "denmark", "djibouti",
    "dominica", "dominican republic", "ecuador", "egypt", "el salvador", "equatorial guinea", "eritrea", "estonia",
    "eswatini", "ethiopia", "fiji", "finland", "france", "gabon", "gambia", "the gambia", "georgia", "germany",
    "ghana", "greece", "grenada", "guatemala", "guinea", "guinea-bissau", "guyana", "haiti", "honduras",
    "hong kong", "hungary", "iceland", "india", "indonesia", "iran", "iraq", "ireland", "israel", "italy",
    "jamaica", "japan", "jordan", "kazakhstan", "kenya", "kiribati", "kosovo", "kuwait", "kyrgyzstan", "laos",
    "latvia", "lebanon", "lesotho", "liberia", "libya", "liechtenstein", "lithuania", "luxembourg", "madagascar",
    "malawi", "malaysia", "maldives", "mali", "malta", "marshall islands", "mauritania", "mauritius", "mexico",
    "micronesia", "moldova", "monaco", "mongolia", "montenegro", "morocco", "mozambique", "myanmar", "burma",
    "namibia", "nauru", "nepal", "netherlands", "the netherlands", "new zealand", "nicaragua", "niger", "nigeria",
    "north korea", "north macedonia", "norway", "oman", "pakistan", "palau", "palestine", "panama",
    "papua new guinea", "paraguay", "peru", "philippines", "the philippines", "poland", "portugal", "qatar",
    "romania", "russia", "russian federation", "rwanda", "saint kitts and nevis", "st. kitts", "st kitts",
    "st. kitts and nevis", "saint lucia", "st. lucia", "saint vincent and the grenadines",
    "st. vincent and the grenadines", "st. vincent", "samoa", "san marino", "sao tome and principe",
    "saudi arabia", "senegal", "serbia", "seychelles", "sierra leone", "singapore", "sint maarten", "slovakia",
    "slovenia", "solomon islands", "somalia", "south africa", "south korea", "korea", "south sudan", "spain",
    "sri lanka", "sudan", "suriname", "sweden", "switzerland", "syria", "taiwan", "tajikistan", "tanzania",
    "thailand", "timor-leste", "togo", "tonga", "trinidad and tobago", "tunisia", "turkey", "türkiye",
    "turkmenistan", "tuvalu", "uganda", "ukraine", "united arab emirates", "uae", "united kingdom", "uk", "u.k.",
    "england", "scotland", "wales", "northern ireland", "uruguay", "uzbekistan", "vanuatu", "venezuela", "vietnam",
    "viet nam", "west indies", "yemen", "zambia", "zimbabwe", "aruba", "anguilla", "montserrat", "bonaire",
    "saba", "cayman islands", "british virgin islands", "turks and caicos",
}
# States and provinces of countries many applicants trained in, read as the state of "Amritsar, Punjab, India".
PROVINCES = {
    "andhra pradesh", "arunachal pradesh", "assam", "bihar", "chhattisgarh", "goa", "gujarat", "haryana",
    "himachal pradesh", "jharkhand", "karnataka", "kerala", "madhya pradesh", "maharashtra", "manipur",
    "meghalaya", "mizoram", "nagaland", "odisha", "orissa", "punjab", "rajasthan", "sikkim", "tamil nadu",
    "telangana", "tripura", "uttar pradesh", "uttarakhand", "west bengal", "jammu and kashmir",
    "sindh", "khyber pakhtunkhwa", "balochistan", "islamabad capital territory", "gilgit-baltistan",
    "aguascalientes", "baja california", "baja california sur", "campeche", "chiapas", "chihuahua", "coahuila",
    "colima", "durango", "guanajuato", "guerrero", "hidalgo", "jalisco", "méxico", "estado de méxico", "michoacán",
    "michoacan", "morelos", "nayarit", "nuevo león", "nuevo leon", "oaxaca", "puebla", "querétaro", "queretaro",
    "quintana roo", "san luis potosí", "san luis potosi", "sinaloa", "sonora", "tabasco", "tamaulipas",
    "tlaxcala", "veracruz", "yucatán", "yucatan", "zacatecas",
    "alberta", "british columbia", "manitoba", "new brunswick", "newfoundland and labrador", "nova scotia",
    "ontario", "prince edward island", "quebec", "québec", "saskatchewan",
    "new south wales", "queensland", "south australia", "tasmania", "victoria", "western australia",
}
# Words that mark an institution, so such a part is never read as a city.
_INSTITUTION = re.compile(r"\b(?:hospital|hospitals|center|centre|clinic|clinics|university|college|school|institute"
                          r"|foundation|network|association|society|academy|department|division|program|programme"
                          r"|project|bank|church|mosque|temple|group|services|service|health|medical|medicine"
                          r"|faculty|council|ministry|agency|office|laboratory|lab|unit|ward|complex|trust|inc"
                          r"|llc|corporation|company)\b", re.I)
SEGMENT_SPLIT = re.compile(r"\s*\|\s*|\s+[—–·•]\s+|\s+-\s+|\s*[—·]\s*(?=[A-Z])")


def segments(text: str) -> list[str]:
    """The parts of a line between strong separators, stripped, empty ones dropped."""
    return [s.strip(" ,;") for s in SEGMENT_SPLIT.split(text) if s.strip(" ,;|–—-·")]


def _norm(part: str) -> str:
    return " ".join(part.lower().split())


def _is_country(part: str) -> bool:
    return _norm(part) in COUNTRIES


def _is_us_state(part: str) -> bool:
    return " ".join(part.upper().replace(".", "").split()) in US_STATES


def _cityish(part: str) -> bool:
    words = part.split()
    return 0 < len(words) <= 4 and not _INSTITUTION.search(part) and not any(ch.isdigit() for ch in part)


def place_tail(parts: list[str], need_head: bool) -> tuple[dict, int]:
    """City, state and country read from the end of comma-separated ``parts``, and how many parts they took.
    ``need_head`` leaves at least one part before the place (for the organization). A place needs a state or
    a country; a city is taken with it when the part before looks like one."""
    place, i = {}, len(parts)
    floor = 1 if need_head else 0
    # "Georgia" is read as the state: in "Atlanta, Georgia" it is the usual meaning for this tool's applicants.
    if i > floor and _is_country(parts[i - 1]) and not _is_us_state(parts[i - 1]):
        place["country"] = parts[i - 1]
        i -= 1
    if i > floor and _is_us_state(parts[i - 1]):
        place["state"] = parts[i - 1]
        i -= 1
    elif i - 1 > floor and "country" in place and _norm(parts[i - 1]) in PROVINCES and _cityish(parts[i - 2]):
        place["state"] = parts[i - 1]
        i -= 1
    if not place:
        return {}, 0
    if i > floor and _cityish(parts[i - 1]):
        place["city"] = parts[i - 1]
        i -= 1
    return place, len(parts) - i


def place_of(text: str) -> dict | None:
    """The place a whole segment names ("Atlanta, GA", "Kyiv, Ukraine", "Savannah, GA, USA"), or None."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts or len(parts) > 3:
        return None
    place, used = place_tail(parts, need_head=False)
    if used != len(parts):
        return None
    if "city" not in place and len(parts) == 1 and "country" not in place:
        return None  # "GA" alone is not a place line
    return place


def location_fields(text: str) -> dict:
    """A location cell ("Atlanta, GA", "Lagos, Nigeria", or a city alone) as city/state/country."""
    text = text.strip(" ,")
    if not text or text in ("—", "–", "-"):
        return {}
    place = place_of(text)
    if place is not None:
        return place
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) == 2:
        return {"city": parts[0], "country": parts[1]}
    return {"city": text}


def entry_fields(lines: list[list[str]]) -> dict:
    """Title, organization and place from an entry's lines, each a list of segments (dates and hours removed)."""
    units = [[seg for seg in line if seg] for line in lines]
    units = [u for u in units if u]
    place, carrier, spot = _find_place(units)
    items = [(li, si, seg) for li, line in enumerate(units) for si, seg in enumerate(line)
             if (li, si) != spot and seg]
    out = dict(place)
    if carrier is not None:
        org = next(seg for li, si, seg in items if (li, si) == carrier)
        others = [seg for li, si, seg in items if (li, si) != carrier]
        if others:
            out["title"] = ", ".join(others)
            out["organization"] = org
        else:
            out.update(_title_and_org(org))
        return out
    texts = [seg for _, _, seg in items]
    if len(texts) == 1:
        out.update(_title_and_org(texts[0]))
    elif texts:
        out["title"], out["organization"] = texts[0], ", ".join(texts[1:])
    return out


def _title_and_org(text: str) -> dict:
    """"Clinical Observer, Grady Memorial Hospital": the last comma part is the organization."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) >= 2:
        return {"title": ", ".join(parts[:-1]), "organization": parts[-1]}
    return {"title": text.strip()} if text.strip() else {}


def _find_place(units: list[list[str]]):
    """(place, the position of the segment that is the organization or None, the position of a place-only
    segment or None); ``units`` is changed when the place is the tail of a segment."""
    for li, line in enumerate(units):
        for si, seg in enumerate(line):
            place = place_of(seg)
            if place is not None:
                carrier = (li, si - 1) if si > 0 else None
                return place, carrier, (li, si)
    for li, line in enumerate(units):
        for si, seg in enumerate(line):
            parts = [p.strip() for p in seg.split(",") if p.strip()]
            place, used = place_tail(parts, need_head=True)
            if place and used < len(parts):
                line[si] = ", ".join(parts[:len(parts) - used])
                return place, (li, si), None
    return {}, None, None
