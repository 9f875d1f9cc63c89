"""Opening the event database read-only, and checking it holds the tables analysis reads.

This is the one place the command line opens DuckDB for analysis, so it can be swapped for
`dyadic.Store` without touching the queries: every analysis function takes a connection.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from dyadic.errors import UsageError

if TYPE_CHECKING:
    import duckdb

# The columns of `events` that analysis queries: the contract with the store.
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "date", "source", "target", "source_country", "target_country", "code",
    "quad_class", "goldstein", "negated", "num_mentions", "evidence_sentence", "url",
)  # fmt: skip


class DatabaseError(UsageError):
    """The database file is missing or is not a dyadic event store (exit status 2)."""


def open_db(path: str | Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the event store at `path`, or `DatabaseError` in one line."""
    file = Path(path)
    if not file.is_file():
        raise DatabaseError(f"{file}: no such database (run `dyadic ingest` first, or pass --db FILE)")
    import duckdb

    try:
        con = duckdb.connect(str(file), read_only=True)
    except duckdb.Error as exc:
        raise DatabaseError(f"{file}: cannot open as a DuckDB database ({_first_line(exc)})") from None
    missing = missing_columns(con)
    if missing:
        con.close()
        raise DatabaseError(f"{file}: not a dyadic event store (events table lacks {', '.join(missing)})")
    return con


def missing_columns(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The columns of `EVENT_COLUMNS` that the connection's `events` table lacks (all, if no table)."""
    rows = con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = 'events'").fetchall()
    present = {name for (name,) in rows}
    return [column for column in EVENT_COLUMNS if column not in present]


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
