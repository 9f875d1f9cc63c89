"""Selecting clustered events: the filters of `dyadic events` as one SQL WHERE clause.

Actor and date arguments mean what they mean to `dyadic dyad` and `dyadic network`, by using the
same functions: an actor X matches a side whose code starts with X (`RUS` matches `RUS`, `RUSGOV`,
`RUSMIL`) or, when X is a three-letter country code, whose country is X (see
`dyadic.analysis.filters`); `--since 2016` starts on 2016-01-01 and `--until 2016` ends on
2016-12-31 (see `dyadic.analysis.periods`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dyadic.analysis.filters import Clause, side
from dyadic.analysis.periods import parse_bound


@dataclass(frozen=True, slots=True)
class EventQuery:
    source: str | None = None
    target: str | None = None
    country: str | None = None  # either side
    since: date | str | None = None
    until: date | str | None = None
    root: str | None = None
    quad: int | None = None
    search: str | None = None  # words in the evidence of any mention
    limit: int | None = None


def where(query: EventQuery) -> Clause:
    """The WHERE clause over `events` (unaliased) and its positional parameters."""
    clause = Clause("TRUE")
    if query.source:
        clause &= side("source", query.source)
    if query.target:
        clause &= side("target", query.target)
    if query.country:
        clause &= side("source", query.country) | side("target", query.country)
    if query.since:
        clause &= Clause("date >= ?", (_bound(query.since),))
    if query.until:
        clause &= Clause("date <= ?", (_bound(query.until, end=True),))
    if query.root:
        clause &= Clause("root = ?", (query.root.zfill(2),))
    if query.quad is not None:
        clause &= Clause("quad_class = ?", (query.quad,))
    if query.search:
        clause &= Clause(
            "EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = events.event_id "
            "AND contains(lower(m.evidence_sentence), ?))",
            (query.search.lower(),),
        )
    return clause


def _bound(value: date | str, end: bool = False) -> date:
    return value if isinstance(value, date) else parse_bound(value, end=end)
