"""The article's date: from metadata, a date line in the text, or as a last resort the text's dates.

When only the dates mentioned in the text are known, the latest of them is a lower bound of the
publication date; weekdays the text mentions ("Monday night", "on Tuesday") then narrow it to the
first day on or after that bound from which every such weekday lies in the past week.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dyadic.dates.expressions import WEEKDAYS, find_dates, iter_explicit_days

_COMPACT = re.compile(r"^(?P<y>\d{2}|\d{4})(?P<m>\d\d)(?P<d>\d\d)$")


def parse_date_string(value: str | None) -> date | None:
    """A metadata date in any usual form (ISO, ISO with time, YYYYMMDD, YYMMDD, "Nov 17, 2022")."""
    if not value:
        return None
    value = value.strip()
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        pass
    match = _COMPACT.match(value)
    if match:
        year = int(match["y"])
        if year < 100:
            year += 2000 if year <= 30 else 1900  # the TABARI/PETRARCH rule for two-digit years
        try:
            return date(year, int(match["m"]), int(match["d"]))
        except ValueError:
            return None
    return next(iter_explicit_days(value), None)


def date_from_text(text: str) -> tuple[date | None, str | None]:
    """(date, basis) from the text alone: `text` for the latest full date, refined by weekdays."""
    days = list(iter_explicit_days(text))
    if not days:
        return None, None
    lower = max(days)
    weekdays = {m.groups["weekday"].lower() for m in find_dates(text) if m.kind == "weekday"}
    return _first_consistent_day(lower, weekdays), "text"


def _first_consistent_day(lower: date, weekdays: set[str]) -> date:
    """The earliest day >= lower such that each named weekday falls within the six days before it."""
    estimate = lower
    for name in weekdays:
        ahead = (WEEKDAYS[name] - lower.weekday()) % 7
        estimate = max(estimate, lower + timedelta(days=ahead))
    return estimate
