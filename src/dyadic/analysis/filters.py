"""Which events a query keeps: actor matching, date bounds and negation, as SQL with parameters.

An actor argument matches one side (source or target) of an event when:

- it is a prefix of that side's actor code: `RUS` matches `RUS`, `RUSGOV`, `RUSMIL`; `RUSGOV`
  matches `RUSGOV` and `RUSGOVMIL` but not `RUSMIL` (CAMEO codes are built left to right, from the
  country to the role), or
- it has three letters and equals that side's country (`source_country`/`target_country`), so
  `TUR` also matches an actor coded without the country prefix but resolved to Turkey.

Arguments are upper-cased. Negated events ("denied attacking") are left out unless asked for:
they report that something did not happen, so they do not move a relation either way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dyadic.errors import UsageError


@dataclass(frozen=True, slots=True)
class Clause:
    """A SQL boolean expression with its positional parameters, in order."""

    sql: str
    params: tuple[object, ...] = ()

    def __and__(self, other: Clause) -> Clause:
        return Clause(f"({self.sql}) AND ({other.sql})", self.params + other.params)

    def __or__(self, other: Clause) -> Clause:
        return Clause(f"({self.sql}) OR ({other.sql})", self.params + other.params)


def actor_code(text: str) -> str:
    """An actor argument, upper-cased and checked (letters and digits only)."""
    code = text.strip().upper()
    if not code or not code.isalnum():
        raise UsageError(f"not an actor code: {text!r} (use a CAMEO code such as RUS, RUSGOV or IGOUNO)")
    return code


def side(column: str, actor: str) -> Clause:
    """`actor` matches the event side `column` ('source' or 'target'); see the module docstring."""
    if column not in ("source", "target"):
        raise ValueError(column)
    code = actor_code(actor)
    clause = Clause(f"starts_with({column}, ?)", (code,))
    if len(code) == 3 and code.isalpha():
        clause = clause | Clause(f"{column}_country = ?", (code,))
    return clause


def directed(a: str, b: str) -> Clause:
    """Events whose source matches `a` and target matches `b`."""
    return side("source", a) & side("target", b)


def window(since: date | None, until: date | None, *, include_negated: bool = False) -> Clause:
    """Dated events in `[since, until]` (either bound optional), without negated ones by default."""
    clause = Clause("date IS NOT NULL")
    if since is not None:
        clause = clause & Clause("date >= ?", (since,))
    if until is not None:
        clause = clause & Clause("date <= ?", (until,))
    if not include_negated:
        clause = clause & Clause("NOT coalesce(negated, false)")
    return clause
