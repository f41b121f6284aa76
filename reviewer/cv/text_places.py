"""Split the words beside a date on a CV line into title, organization, city, state and country."""
from __future__ import annotations

import re

US_STATES = {"AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
             "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM",
             "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
             "WV", "WI", "WY", "GEORGIA", "FLORIDA", "ALABAMA", "TENNESSEE", "TEXAS", "NEW YORK", "CALIFORNIA"}
COUNTRIES = {"usa", "united states", "u.s.", "us", "nigeria", "india", "pakistan", "egypt", "philippines",
             "jamaica", "ghana", "kenya", "bangladesh", "nepal", "iran", "syria", "jordan", "mexico", "brazil",
             "colombia", "venezuela", "ethiopia", "sudan", "cameroon", "grenada", "dominica", "st. kitts",
             "saint lucia", "china", "vietnam", "hungary", "romania", "poland", "turkey", "ukraine", "russia",
             "lebanon", "iraq", "saudi arabia", "peru"}
_SEGMENTS = re.compile(r"\s*\|\s*|\s+—\s+|\s+–\s+")


def split_heading_fields(text: str) -> dict:
    """'Observer | Grady Memorial Hospital | Atlanta, GA' or 'Observer, Grady, Atlanta, GA' as entry fields."""
    text = text.strip(" |,;")
    if not text:
        return {}
    segments = [s.strip(" ,") for s in _SEGMENTS.split(text) if s.strip(" ,")]
    if len(segments) > 1:
        out = {"title": segments[0]}
        out.update(split_location(", ".join(segments[1:]), organization_first=True) if len(segments) == 2
                   else {"organization": segments[1], **split_location(", ".join(segments[2:]))})
        return out
    parts = [p.strip() for p in text.split(",") if p.strip()]
    place, used = _location_tail(parts)
    head = parts[:len(parts) - used]
    out = {"title": head[0]} if head else {}
    if len(head) > 1:
        out["organization"] = ", ".join(head[1:])
        if not place:  # "Extern, internal medicine" may be all title; a following place line decides
            out["guessed_organization"] = True
    out.update(place)
    return out


def split_location(text: str, organization_first: bool = False) -> dict:
    """'Atlanta, GA, USA' -> city/state/country; with ``organization_first`` the leading parts are the organization."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    place, used = _location_tail(parts)
    if not organization_first:
        if not place and len(parts) == 2:  # "Budapest, Hungary": a city and a country we do not list
            return {"city": parts[0], "country": parts[1]}
        if used < len(parts):
            place.setdefault("city", ", ".join(parts[:len(parts) - used]))
        return place
    head = parts[:len(parts) - used]
    if head:
        place["organization"] = ", ".join(head)
    return place


def _location_tail(parts: list[str]) -> tuple[dict, int]:
    """Read city, state and country from the end of ``parts``; return them and how many parts they used."""
    place, i = {}, len(parts)
    if i and parts[i - 1].lower() in COUNTRIES:
        place["country"] = parts[i - 1]
        i -= 1
    if i and parts[i - 1].upper() in US_STATES:
        place["state"] = parts[i - 1]
        i -= 1
    if place and i > 1:
        place["city"] = parts[i - 1]
        i -= 1
    return place, len(parts) - i
