"""Selecting clustered events: the filters of `dyadic events` as one SQL WHERE clause.

An actor filter X matches an actor whose code starts with X (so `RUS` matches `RUS`, `RUSGOV` and
`RUSMIL`, and `RUSGOV` matches only Russian government actors) or whose country is X (so `RUS`
also matches an actor coded by person or organisation whose country is Russia). Matching ignores
case.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from dyadic.errors import UsageError


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


def where(query: EventQuery) -> tuple[str, dict[str, Any]]:
    """The WHERE clause (over `events e`) and its named parameters."""
    parts: list[str] = ["TRUE"]
    params: dict[str, Any] = {}
    if query.source:
        parts.append(_actor("source", "src"))
        params["src"] = query.source.upper()
    if query.target:
        parts.append(_actor("target", "tgt"))
        params["tgt"] = query.target.upper()
    if query.country:
        parts.append(f"({_actor('source', 'cty')} OR {_actor('target', 'cty')})")
        params["cty"] = query.country.upper()
    if query.since:
        parts.append("e.date >= $since")
        params["since"] = _date(query.since, "--since")
    if query.until:
        parts.append("e.date <= $until")
        params["until"] = _date(query.until, "--until")
    if query.root:
        parts.append("e.root = $root")
        params["root"] = query.root.zfill(2)
    if query.quad is not None:
        parts.append("e.quad_class = $quad")
        params["quad"] = query.quad
    if query.search:
        parts.append(
            "EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.event_id "
            "AND contains(lower(m.evidence_sentence), $search))"
        )
        params["search"] = query.search.lower()
    return " AND ".join(parts), params


def _actor(side: str, param: str) -> str:
    return f"(starts_with(e.{side}, ${param}) OR e.{side}_country = ${param})"


def _date(value: date | str, flag: str) -> date:
    if isinstance(value, date):
        return value
    try:
        if len(value) == 4:
            return date(int(value), 1, 1)
        if len(value) == 7:
            return date.fromisoformat(value + "-01")
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"{flag}: not a date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}") from exc
