"""Newswire datelines ("ANKARA, Nov 17 (Reuters) -"): place and date hints, cut from the prose."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATELINE = re.compile(
    rf"""^(?P<place>[A-Z][A-Z.'\-]+(?:\ [A-Z][A-Z.'\-]+){{0,3}})
        (?:,\ (?P<region>[A-Z][A-Za-z.'\-]+(?:\ [A-Z][A-Za-z.'\-]+){{0,2}}))?
        (?:,\ (?P<date>{_MONTH}\ \d{{1,2}}))?
        \ ?(?:\((?P<agency>[A-Za-z][A-Za-z.&\ ]{{1,30}})\))?
        \ ?(?P<sep>[-\u2013\u2014:]{{1,2}})\ +(?=\S)""",
    re.X,
)


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str  # title case: "Ankara", "Gaza City"
    date: str | None  # as written, without a year: "Nov 17"
    agency: str | None
    length: int  # characters to cut from the start of the line


def find_dateline(line: str) -> Dateline | None:
    """A dateline at the start of a line; it needs an agency or a separator and an upper-case place."""
    match = DATELINE.match(line)
    if match is None:
        return None
    place = match["place"]
    letters = [c for c in place if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters):
        return None
    bare = not (match["region"] or match["agency"] or match["date"])  # a bare "PLACE -" or "PLACE:"
    if bare and ("." in place or len(letters) < 3 or len(place.split()) > 2):
        return None
    return Dateline(place=_title(place), date=match["date"], agency=match["agency"], length=match.end())


def _title(place: str) -> str:
    return " ".join(w if len(w) <= 3 and "." in w else w.capitalize() for w in place.split())
