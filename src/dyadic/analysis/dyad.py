"""The time series of a dyad: per period, how much two actors cooperated and fought, each way.

For actors A and B (matched as `filters` explains), every clustered event from A to B or from B
to A is counted in its period, per QuadClass (1 verbal cooperation, 2 material cooperation,
3 verbal conflict, 4 material conflict), with the sum and mean of its Goldstein values. DuckDB
does the grouping; Python only fills the empty periods with zero rows, so the series has no gaps
and a quiet month reads as quiet rather than missing. An event that matches both directions
(possible only when A and B overlap, as `TUR` and `TURGOV`) counts as A to B.

With `weight="mentions"` each event counts as many times as it was mentioned, which favours the
events the press repeated; the default counts each clustered event once.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from dyadic.analysis import filters, periods
from dyadic.analysis.periods import Freq
from dyadic.errors import UsageError

if TYPE_CHECKING:
    import duckdb

Weight = Literal["events", "mentions"]
WEIGHTS: tuple[Weight, ...] = ("events", "mentions")
DIRECTIONS = ("ab", "ba", "both")


@dataclass(frozen=True, slots=True)
class PeriodStats:
    """One period of one direction: counts per QuadClass 1-4, their total, and Goldstein values."""

    period: date
    label: str
    quad: tuple[int, int, int, int]
    total: int
    goldstein_sum: float
    goldstein_mean: float | None  # None when the period has no event

    @property
    def cooperation(self) -> int:
        return self.quad[0] + self.quad[1]

    @property
    def conflict(self) -> int:
        return self.quad[2] + self.quad[3]

    @property
    def conflict_share(self) -> float | None:
        """Share of the period's events that are conflict (QuadClass 3 or 4)."""
        return self.conflict / self.total if self.total else None


@dataclass(frozen=True, slots=True)
class DyadSeries:
    """The continuous series of a dyad; `ab`, `ba` and `both` are aligned on `periods`."""

    a: str
    b: str
    freq: Freq
    weight: Weight
    since: date | None
    until: date | None
    periods: tuple[date, ...]
    ab: tuple[PeriodStats, ...]
    ba: tuple[PeriodStats, ...]
    both: tuple[PeriodStats, ...]

    def direction(self, name: str) -> tuple[PeriodStats, ...]:
        """The rows of one direction: 'ab' (A to B), 'ba' (B to A) or 'both'."""
        if name not in DIRECTIONS:
            raise UsageError(f"unknown direction {name!r}: use one of {', '.join(DIRECTIONS)}")
        return getattr(self, name)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: dates as ISO strings."""
        out = asdict(self)
        for key in ("since", "until"):
            out[key] = out[key].isoformat() if out[key] else None
        out["periods"] = [p.isoformat() for p in self.periods]
        for name in DIRECTIONS:
            for row in out[name]:
                row["period"] = row["period"].isoformat()
        return out


def dyad_series(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    *,
    freq: str = "month",
    since: date | None = None,
    until: date | None = None,
    weight: str = "events",
    include_negated: bool = False,
) -> DyadSeries:
    """The per-period series of A and B, both ways and combined, from `since` (or the first event)
    to `until` (or the last event)."""
    freq = periods.check_freq(freq)
    if weight not in WEIGHTS:
        raise UsageError(f"unknown weight {weight!r}: use one of {', '.join(WEIGHTS)}")
    a, b = filters.actor_code(a), filters.actor_code(b)
    groups = _grouped(con, a, b, freq, weight, filters.window(since, until, include_negated=include_negated))
    starts = sorted({period for _, period in groups})
    first, last = since or (starts[0] if starts else None), until or (starts[-1] if starts else None)
    span = tuple(periods.period_range(first, last, freq)) if first and last and first <= last else ()
    rows = {name: tuple(groups.get((name, p)) or _empty(p, freq) for p in span) for name in DIRECTIONS}
    return DyadSeries(a, b, freq, weight, since, until, span, rows["ab"], rows["ba"], rows["both"])  # type: ignore[arg-type]


def _grouped(
    con: duckdb.DuckDBPyConnection, a: str, b: str, freq: Freq, weight: Weight, where: filters.Clause
) -> dict[tuple[str, date], PeriodStats]:
    ab, ba = filters.directed(a, b), filters.directed(b, a)
    w = "coalesce(num_mentions, 1)" if weight == "mentions" else "1"
    sql = f"""
        WITH picked AS (
            SELECT CAST(date_trunc('{freq}', date) AS DATE) AS period,
                   CASE WHEN {ab.sql} THEN 'ab' ELSE 'ba' END AS dir,
                   quad_class, goldstein, {w} AS w
            FROM events
            WHERE ({where.sql}) AND (({ab.sql}) OR ({ba.sql}))
        )
        SELECT period, CASE WHEN grouping(dir) = 1 THEN 'both' ELSE dir END AS direction,
               coalesce(sum(w) FILTER (WHERE quad_class = 1), 0),
               coalesce(sum(w) FILTER (WHERE quad_class = 2), 0),
               coalesce(sum(w) FILTER (WHERE quad_class = 3), 0),
               coalesce(sum(w) FILTER (WHERE quad_class = 4), 0),
               sum(w), sum(goldstein * w)
        FROM picked
        GROUP BY GROUPING SETS ((period, dir), (period))
    """
    params = ab.params + where.params + ab.params + ba.params
    out = {}
    for period, direction, q1, q2, q3, q4, total, gsum in con.execute(sql, params).fetchall():
        gsum = float(gsum or 0.0)
        out[direction, period] = PeriodStats(
            period, periods.label(period, freq), (int(q1), int(q2), int(q3), int(q4)), int(total), gsum, gsum / total
        )
    return out


def _empty(period: date, freq: Freq) -> PeriodStats:
    return PeriodStats(period, periods.label(period, freq), (0, 0, 0, 0), 0, 0.0, None)
