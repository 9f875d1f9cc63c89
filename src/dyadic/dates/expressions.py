"""Finding date expressions in English news text and resolving them against a base date.

Regular expressions rather than a general date parser: news uses a small set of forms, and a
closed set keeps false hits ("We" read as Wednesday, "march" the verb) out and stays fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from dyadic.records import DateRef

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "a few": 3,
}  # fmt: skip

_MONTH = (
    r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sep(?:t(?:ember)?|\.)?\.?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_NUM = r"(?P<num>\d{1,2}|a couple of|a few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b")),
    ("mdy", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b")),
    ("dmy", re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b")),
    ("md", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s*\d)")),
    ("dm", re.compile(rf"\b{_DAY}\s+{_MONTH}\b(?!,?\s*\d)")),
    ("my", re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b")),
    ("ago", re.compile(rf"\b{_NUM}\s+(?P<unit>day|week|month|year)s?\s+ago\b", re.I)),
    (
        "rel_unit",
        re.compile(r"\b(?P<which>last|this|next|earlier this|later this|past)\s+(?P<unit>week|month|year)\b", re.I),
    ),
    ("rel_day", re.compile(r"\b(?P<word>yesterday|today|tomorrow)\b", re.I)),
    ("weekday", re.compile(rf"\b(?:(?P<which>last|next|this|on|since)\s+)?{_WEEKDAY}\b")),
    ("month_in", re.compile(rf"\b(?P<prep>(?i:in|since|during|until|by|early|late|mid-?))\s+{_MONTH}\b(?!\s+\d)")),
    (
        "year_in",
        re.compile(
            rf"\b(?P<prep>in|since|during|until|by|of|from|before|after|autumn|spring|summer|winter|fall|early|late|mid-?)\s+{_YEAR}\b(?!-\d)",
            re.I,
        ),
    ),
]


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression found in a text, not yet resolved."""

    start: int
    end: int
    kind: str
    groups: dict[str, str]

    @property
    def text(self) -> str:
        return self.groups.get("_text", "")


def find_dates(text: str) -> list[DateMention]:
    """All date expressions in the text, longest first where two overlap, in text order."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if kind in ("md", "dm", "month_in") and not _plausible_month(m):
                continue
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            groups["_text"] = m.group(0)
            found.append(DateMention(m.start(), m.end(), kind, groups))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def _plausible_month(m: re.Match[str]) -> bool:
    """Month names without a year must be capitalised: "may" and "march" are also a verb."""
    return m.group("month")[0].isupper()


def resolve(mention: DateMention, base: date | None) -> DateRef | None:
    """The date a mention stands for; relative forms need `base` (the article date)."""
    g = mention.groups
    kind = mention.kind
    if kind in ("iso", "mdy", "dmy"):
        month = int(g["mnum"]) if "mnum" in g else _month(g["month"])
        return _safe_day(int(g["year"]), month, int(g["day"]), "explicit")
    if kind == "my":
        return DateRef(date(int(g["year"]), _month(g["month"]), 1).isoformat(), "month", "explicit")
    if kind == "year_in":
        return DateRef(date(int(g["year"]), 1, 1).isoformat(), "year", "explicit")
    if base is None:
        return None
    if kind in ("md", "dm"):
        return _day_without_year(_month(g["month"]), int(g["day"]), base)
    if kind == "month_in":
        month = _month(g["month"])
        year = base.year if month <= base.month else base.year - 1
        return DateRef(date(year, month, 1).isoformat(), "month", "relative")
    if kind == "ago":
        return _ago(NUMBERS.get(g["num"].lower()) or int(g["num"]), g["unit"].lower(), base)
    if kind == "rel_unit":
        return _relative_unit(g["which"].lower(), g["unit"].lower(), base)
    if kind == "rel_day":
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[g["word"].lower()]
        return DateRef((base + timedelta(days=shift)).isoformat(), "day", "relative")
    if kind == "weekday":
        return DateRef(weekday_date(g["weekday"], g.get("which"), base).isoformat(), "day", "relative")
    return None


def weekday_date(weekday: str, which: str | None, base: date) -> date:
    """The most recent such day at or before base; `next X` the first one after it; `last X` the X
    of the week before base's week ("last Thursday" written on a Friday is eight days back: the day
    before would be "yesterday")."""
    target = WEEKDAYS[weekday.lower()]
    if which and which.lower() == "next":
        return base + timedelta(days=(target - base.weekday() - 1) % 7 + 1)
    if which and which.lower() == "last":
        return base - timedelta(days=base.weekday() + 7 - target)
    return base - timedelta(days=(base.weekday() - target) % 7)


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _safe_day(year: int, month: int, day: int, basis: str) -> DateRef | None:
    try:
        return DateRef(date(year, month, day).isoformat(), "day", basis)
    except ValueError:
        return None


def _day_without_year(month: int, day: int, base: date) -> DateRef | None:
    """A day with no year is in the article's year unless that puts it over a week in the future."""
    for year in (base.year, base.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= base + timedelta(days=7):
            return DateRef(candidate.isoformat(), "day", "relative")
    return None


def _ago(n: int, unit: str, base: date) -> DateRef:
    if unit == "day":
        return DateRef((base - timedelta(days=n)).isoformat(), "day", "relative")
    if unit == "week":
        return DateRef((base - timedelta(weeks=n)).isoformat(), "day", "relative")
    if unit == "month":
        year, month = divmod(base.year * 12 + base.month - 1 - n, 12)
        return DateRef(date(year, month + 1, 1).isoformat(), "month", "relative")
    return DateRef(date(base.year - n, 1, 1).isoformat(), "year", "relative")


def _relative_unit(which: str, unit: str, base: date) -> DateRef:
    shift = {"last": -1, "past": -1, "next": 1}.get(which, 0)
    if unit == "week":
        monday = base - timedelta(days=base.weekday()) + timedelta(weeks=shift)
        return DateRef(monday.isoformat(), "day", "relative")
    if unit == "month":
        year, month = divmod(base.year * 12 + base.month - 1 + shift, 12)
        return DateRef(date(year, month + 1, 1).isoformat(), "month", "relative")
    return DateRef(date(base.year + shift, 1, 1).isoformat(), "year", "relative")


def iter_explicit_days(text: str) -> Iterator[date]:
    """Every full explicit date (day, month and year) in a text."""
    for mention in find_dates(text):
        if mention.kind in ("iso", "mdy", "dmy"):
            ref = resolve(mention, None)
            if ref is not None:
                yield date.fromisoformat(ref.date)
