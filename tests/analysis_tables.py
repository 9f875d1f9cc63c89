"""Stores with synthetic events for the analysis tests, built with the store's own schema.

`make_db` fills only the columns a test names; the rest get plain defaults.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

EVENT_COLUMNS = (
    "event_id", "date", "date_precision", "source", "target", "source_country", "target_country", "code",
    "root", "quad_class", "goldstein", "plover", "negated", "modality", "num_mentions", "num_sources",
    "num_articles", "evidence_sentence", "url", "article_id",
)  # fmt: skip

ADDED = datetime(2026, 1, 1)
# A representative code per QuadClass with its Goldstein value (CAMEO codebook).
QUAD_CODES = {1: ("042", 1.9), 2: ("061", 6.4), 3: ("111", -2.0), 4: ("190", -10.0)}


def event(day: str | date, source: str, target: str | None, quad: int = 1, **fields: Any) -> dict[str, Any]:
    """One events row; the country defaults to the first three letters of the actor code."""
    code, goldstein = QUAD_CODES[quad]
    day = date.fromisoformat(day) if isinstance(day, str) else day
    row: dict[str, Any] = {
        "date": day,
        "date_precision": "day",
        "source": source,
        "target": target,
        "source_country": source[:3],
        "target_country": target[:3] if target else None,
        "code": code,
        "root": code[:2],
        "quad_class": quad,
        "goldstein": goldstein,
        "negated": False,
        "modality": "asserted",
        "num_mentions": 1,
        "num_sources": 1,
        "num_articles": 1,
        "evidence_sentence": f"{source} and {target} on {day}.",
        "url": f"https://news.example/{source}-{target}-{day}",
    }
    row.update(fields)
    return row


def make_db(rows: Iterable[Mapping[str, Any]], con: Any = None) -> Any:
    """A DuckDB connection (in memory by default) with the store's tables and `rows` as events."""
    import duckdb

    from dyadic.store.schema import migrate

    con = con or duckdb.connect()
    migrate(con, "test")
    insert_events(con, rows)
    return con


def insert_events(con: Any, rows: Iterable[Mapping[str, Any]]) -> None:
    """Append rows to `events`, numbering event ids in order when a row has none."""
    values = []
    for i, row in enumerate(rows):
        full = {column: row.get(column) for column in EVENT_COLUMNS}
        full["event_id"] = row.get("event_id") or hashlib.sha1(f"{i}:{sorted(row.items())}".encode()).hexdigest()[:16]
        full["article_id"] = row.get("article_id") or full["event_id"]
        values.append((*(full[column] for column in EVENT_COLUMNS), i, ADDED))
    if values:
        columns = ", ".join((*EVENT_COLUMNS, "global_id", "added_at"))
        marks = ", ".join("?" * (len(EVENT_COLUMNS) + 2))
        con.executemany(f"INSERT INTO events ({columns}) VALUES ({marks})", values)
