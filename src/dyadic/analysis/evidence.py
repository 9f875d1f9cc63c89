"""The events behind an aggregate: every number in a dyad series can be traced to its sentences."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from dyadic.analysis import filters, periods

if TYPE_CHECKING:
    import duckdb


@dataclass(frozen=True, slots=True)
class EventRow:
    """One clustered event as a reader checks it: who, what, how strong, and the sentence that says so."""

    event_id: str
    date: date
    source: str
    target: str | None
    code: str
    quad_class: int
    goldstein: float
    num_mentions: int
    evidence_sentence: str | None
    url: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self) | {"date": self.date.isoformat()}


def dyad_events(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    period_start: date | str,
    freq: str = "month",
    *,
    include_negated: bool = False,
    limit: int | None = None,
) -> list[EventRow]:
    """The events between A and B (either way) in the period holding `period_start`, by date.

    `period_start` is any day of the period or its label (`2016-12`, `2016-W49`, `2016`); actors
    match as in `dyad_series`, so the rows are exactly those counted in that period.
    """
    freq = periods.check_freq(freq)
    start = periods.parse_period(period_start, freq) if isinstance(period_start, str) else period_start
    start = periods.truncate(start, freq)
    where = filters.window(start, None, include_negated=include_negated) & filters.Clause(
        "date < ?", (periods.next_start(start, freq),)
    )
    pair = filters.directed(a, b) | filters.directed(b, a)
    sql = f"""
        SELECT event_id, date, source, target, code, quad_class, goldstein, coalesce(num_mentions, 1),
               evidence_sentence, url
        FROM events WHERE ({where.sql}) AND ({pair.sql})
        ORDER BY date, event_id
    """
    params: tuple[object, ...] = where.params + pair.params
    if limit is not None:
        sql += " LIMIT ?"
        params += (int(limit),)
    return [EventRow(*row) for row in con.execute(sql, params).fetchall()]
