"""Periods of a time series: truncating dates, naming periods, and reading the names back.

A period is identified by its first day (a `date`); its label is what a person types and reads:
`2016` for a year, `2016-12` for a month, `2016-W49` for an ISO week (weeks start on Monday, as
DuckDB's `date_trunc('week', ...)` does). Every parser here raises `UsageError`, so a mistyped
`--since` or `--events` is a one-line message with exit status 2.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Literal

from dyadic.errors import UsageError

Freq = Literal["week", "month", "year"]
FREQS: tuple[Freq, ...] = ("week", "month", "year")

_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)
_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def check_freq(freq: str) -> Freq:
    """The frequency, validated: the SQL that uses it interpolates it, so only known names pass."""
    if freq not in FREQS:
        raise UsageError(f"unknown frequency {freq!r}: use one of {', '.join(FREQS)}")
    return freq  # type: ignore[return-value]


def truncate(day: date, freq: Freq) -> date:
    """The first day of the period holding `day` (same rule as DuckDB's date_trunc)."""
    if freq == "year":
        return date(day.year, 1, 1)
    if freq == "month":
        return date(day.year, day.month, 1)
    return day - timedelta(days=day.weekday())


def next_start(start: date, freq: Freq) -> date:
    """The first day of the period after the one starting on `start`."""
    if freq == "year":
        return date(start.year + 1, 1, 1)
    if freq == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return start + timedelta(days=7)


def period_range(first: date, last: date, freq: Freq) -> list[date]:
    """Every period start from `first`'s period to `last`'s, inclusive: a series without gaps."""
    out, current, end = [], truncate(first, freq), truncate(last, freq)
    while current <= end:
        out.append(current)
        current = next_start(current, freq)
    return out


def label(start: date, freq: Freq) -> str:
    """The name of the period starting on `start`: `2016`, `2016-12` or `2016-W49`."""
    if freq == "year":
        return f"{start.year:04d}"
    if freq == "month":
        return f"{start.year:04d}-{start.month:02d}"
    year, week, _ = start.isocalendar()
    return f"{year:04d}-W{week:02d}"


def parse_period(text: str, freq: Freq) -> date:
    """The start of the `freq` period named by `text` (a year, month, ISO week or any day in it)."""
    return truncate(_parse(text)[0], freq)


def parse_bound(text: str, *, end: bool = False) -> date:
    """A `--since`/`--until` bound; `end=True` gives the last day of a year or month (`--until 2016`)."""
    start, stop = _parse(text)
    return stop if end else start


def _parse(text: str) -> tuple[date, date]:
    """The first and last day that `text` names, or `UsageError`."""
    value = text.strip()
    try:
        if m := _DAY.match(value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _MONTH.match(value):
            start = date(int(m[1]), int(m[2]), 1)
            return start, next_start(start, "month") - timedelta(days=1)
        if m := _WEEK.match(value):
            start = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return start, start + timedelta(days=6)
        if m := _YEAR.match(value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    except ValueError as exc:
        raise UsageError(f"not a date or period: {text!r} ({exc})") from None
    raise UsageError(f"not a date or period: {text!r} (use 2016, 2016-12, 2016-W49 or 2016-12-19)")
