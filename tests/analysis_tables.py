"""The store's tables as analysis reads them, built in memory from synthetic events.

The DDL below is the contract with `dyadic.Store` (DESIGN.md, the event record): keep it aligned
with the store's schema. `make_db` fills only what a test names; the rest gets plain defaults.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

EVENTS_DDL = """
CREATE TABLE events (
    event_id VARCHAR PRIMARY KEY,
    date DATE,
    date_precision VARCHAR,
    source VARCHAR,
    target VARCHAR,
    source_country VARCHAR,
    target_country VARCHAR,
    code VARCHAR,
    root VARCHAR,
    quad_class INTEGER,
    goldstein DOUBLE,
    plover VARCHAR,
    negated BOOLEAN,
    modality VARCHAR,
    num_mentions INTEGER,
    num_sources INTEGER,
    num_articles INTEGER,
    evidence_sentence VARCHAR,
    url VARCHAR,
    article_id VARCHAR
)
"""

MENTIONS_DDL = """
CREATE TABLE mentions (
    mention_id VARCHAR PRIMARY KEY,
    event_id VARCHAR,
    article_id VARCHAR,
    url VARCHAR,
    title VARCHAR,
    published DATE,
    date DATE,
    source VARCHAR,
    target VARCHAR,
    code VARCHAR,
    evidence_sentence VARCHAR,
    evidence_start INTEGER,
    evidence_end INTEGER
)
"""

EVENT_COLUMNS = (
    "event_id", "date", "date_precision", "source", "target", "source_country", "target_country", "code",
    "root", "quad_class", "goldstein", "plover", "negated", "modality", "num_mentions", "num_sources",
    "num_articles", "evidence_sentence", "url", "article_id",
)  # fmt: skip

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
    """An in-memory DuckDB with `events` (and an empty `mentions`) holding `rows`."""
    import duckdb

    con = con or duckdb.connect()
    con.execute(EVENTS_DDL)
    con.execute(MENTIONS_DDL)
    insert_events(con, rows)
    return con


def insert_events(con: Any, rows: Iterable[Mapping[str, Any]]) -> None:
    """Append rows to `events`, numbering event ids in order when a row has none."""
    values = []
    for i, row in enumerate(rows):
        full = {column: row.get(column) for column in EVENT_COLUMNS}
        full["event_id"] = row.get("event_id") or hashlib.sha1(f"{i}:{sorted(row.items())}".encode()).hexdigest()[:16]
        full["article_id"] = row.get("article_id") or full["event_id"]
        values.append(tuple(full[column] for column in EVENT_COLUMNS))
    if values:
        marks = ", ".join("?" * len(EVENT_COLUMNS))
        con.executemany(f"INSERT INTO events VALUES ({marks})", values)
