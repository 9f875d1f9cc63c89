"""The event store: coded articles, their mentions and the clustered events in one DuckDB file.

`Store` is the library API that `dyadic ingest`, `dyadic events` and `dyadic export` are thin
layers over. Keys are content hashes (article id = hash of the clean text, mention id = the
pipeline's event id), so ingesting the same inputs again adds nothing; each batch of articles is
written in one transaction, so a killed ingest keeps whole articles only, and re-running it
completes the rest without parsing what is already stored.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from dyadic.errors import DyadicError
from dyadic.store import export as _export
from dyadic.store.query import EventQuery, where
from dyadic.store.schema import migrate

if TYPE_CHECKING:
    import networkx as nx
    from duckdb import DuckDBPyConnection

    from dyadic.analysis.dyad import DyadSeries
    from dyadic.analysis.evidence import EventRow
    from dyadic.pipeline import Options
    from dyadic.records import CleanArticle, Event, Rejected
    from dyadic.store.write import Batch

__all__ = ["EventQuery", "Failure", "IngestReport", "NoStoreError", "Store", "StoreError"]

BATCH_ARTICLES = 32
TABLES = ("articles", "article_copies", "mentions", "events", "failures")


class StoreError(DyadicError):
    """The store file cannot be opened or written; names the file and the reason."""


class NoStoreError(StoreError):
    """`--db` names no store: a usage error (exit status 2)."""

    exit_code = 2


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one ingest did. `mentions_added` counts coded events; `events_added` new clustered events."""

    articles_added: int = 0
    articles_skipped: int = 0  # already stored (same clean text), not parsed again
    mentions_added: int = 0
    events_added: int = 0
    rejected: tuple[Rejected, ...] = ()

    def summary(self) -> str:
        return (
            f"{self.articles_added} articles added, {self.articles_skipped} already stored, "
            f"{self.mentions_added} mentions added in {self.events_added} new events, {len(self.rejected)} rejected"
        )


@dataclass(frozen=True, slots=True)
class Failure:
    input: str
    reason: str
    at: datetime


@dataclass
class _Progress:
    articles: int = 0
    skipped: int = 0
    mentions: int = 0
    events: int = 0
    rejected: list[Rejected] = field(default_factory=list)


class Store:
    """An event store in a DuckDB file (or in memory with the default path)."""

    def __init__(self, path: str | Path = ":memory:", read_only: bool = False) -> None:
        import duckdb

        self.path = str(path)
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise NoStoreError(f"{self.path}: no such store (create it with `dyadic ingest`, or pass --db FILE)")
        try:
            self._con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open the store: {_first_line(exc)}") from exc
        try:
            migrate(self._con, self.path, read_only)
        except BaseException:
            self._con.close()
            raise

    @property
    def connection(self) -> DuckDBPyConnection:
        """The DuckDB connection, for SQL beyond this API (tables: see DESIGN.md)."""
        return self._con

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ingest

    def ingest(
        self, paths: Iterable[str], options: Options | None = None, batch_size: int = BATCH_ARTICLES
    ) -> IngestReport:
        """Code and store every article in `paths`; articles already stored are skipped before parsing."""
        from dyadic.ingest import read_inputs
        from dyadic.pipeline import Options, code_by_article
        from dyadic.records import Rejected
        from dyadic.store.write import Batch

        options = options or Options()
        progress, batch = _Progress(), Batch()

        def known(article: CleanArticle) -> bool:
            found = self._con.execute("SELECT 1 FROM articles WHERE article_id = ?", [article.article_id]).fetchone()
            if found:
                batch.known.append(article)
            return found is not None

        for item in code_by_article(read_inputs(list(paths), options.max_bytes), options, skip=known):
            if isinstance(item, Rejected):
                batch.rejected.append(item)
            else:
                batch.coded.append(item)
            if len(batch.coded) >= batch_size:
                self._flush(batch, progress)
                batch = Batch()
        self._flush(batch, progress)
        return IngestReport(
            progress.articles, progress.skipped, progress.mentions, progress.events, tuple(progress.rejected)
        )

    def _flush(self, batch: Batch, progress: _Progress) -> None:
        from dyadic.store.write import write_batch

        if not len(batch):
            return
        import duckdb

        before = self._count("events")
        try:
            write_batch(self._con, batch, _export.now())
        except duckdb.Error as exc:  # disk full, file lost, ...
            raise StoreError(f"{self.path}: writing a batch failed: {_first_line(exc)}") from exc
        progress.articles += len(batch.coded)
        progress.skipped += len(batch.known)
        progress.mentions += sum(len(events) for _, events in batch.coded)
        progress.events += self._count("events") - before
        progress.rejected.extend(batch.rejected)

    # queries

    def events(self, query: EventQuery | None = None, **filters: Any) -> list[dict[str, Any]]:
        """Clustered events matching the filters (see `EventQuery`), by date, as plain dicts."""
        query = query or EventQuery(**filters)
        clause = where(query)
        limit = f" LIMIT {int(query.limit)}" if query.limit else ""
        sql = f"SELECT * FROM events WHERE {clause.sql} ORDER BY date, event_id{limit}"
        cursor = self._con.execute(sql, list(clause.params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def mentions(self, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        """The mentions of each event (evidence and where it was read), by event id."""
        cursor = self._con.execute(
            "SELECT event_id, mention_id, article_id, input, url, published, code, evidence_sentence, "
            "evidence_start, evidence_end FROM mentions WHERE list_contains(?, event_id) "
            "ORDER BY event_id, published, mention_id",
            [event_ids],
        )
        names = [d[0] for d in cursor.description]
        out: dict[str, list[dict[str, Any]]] = {e: [] for e in event_ids}
        for row in cursor.fetchall():
            record = dict(zip(names, row, strict=True))
            out[record.pop("event_id")].append(record)
        return out

    # analysis: thin calls into dyadic.analysis with this store's connection

    def dyad(self, a: str, b: str, **options: Any) -> DyadSeries:
        """How A and B's relation moved, per period and in both directions (`analysis.dyad.dyad_series`)."""
        from dyadic.analysis.dyad import dyad_series

        return dyad_series(self._con, a, b, **options)

    def dyad_events(self, a: str, b: str, period: date | str, freq: str = "month", **options: Any) -> list[EventRow]:
        """The events and sentences behind one period of a dyad series."""
        from dyadic.analysis.evidence import dyad_events

        return dyad_events(self._con, a, b, period, freq, **options)

    def network(self, **options: Any) -> nx.Graph:
        """The signed network of countries (`analysis.network.country_network`)."""
        from dyadic.analysis.network import country_network

        return country_network(self._con, **options)

    def failures(self) -> list[Failure]:
        rows = self._con.execute('SELECT input, reason, "at" FROM failures ORDER BY input').fetchall()
        return [Failure(*row) for row in rows]

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {table: self._count(table) for table in TABLES}

    def _count(self, table: str) -> int:
        row = self._con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    # export

    def export(self, fmt: str, output: str | None = None, table: str = "mentions", out: IO[str] | None = None) -> int:
        """Write a table to `output` (or the text stream `out`, stdout by default); returns rows written.

        csv/jsonl of mentions: the event record exactly as `dyadic code` writes it; parquet: DuckDB's
        writer; gdelt: GDELT 2.0 Event rows, and beside `output` the Mentions table (`mentions_path`).
        """
        _export.check(fmt, table, output)
        if fmt == "parquet" or (fmt == "csv" and table == "events"):
            select = _export.mention_select() if table == "mentions" else _export.events_select()
            if output:
                _export.copy_to(self._con, select, output, fmt)
                return self._count(table)
        with _open(output, out) as stream:
            if fmt == "gdelt":
                count = _export.write_gdelt_events(self._con, stream)
                if output:
                    with open(_export.mentions_path(output), "w", encoding="utf-8", newline="") as side:
                        _export.write_gdelt_mentions(self._con, side)
                return count
            if table == "events":
                return _write_events_csv(self._con, stream)
            from dyadic.sinks import write_all

            return write_all(_export.iter_records(self._con), stream, fmt)

    def records(self) -> Iterator[Event]:
        """Every stored mention as the pipeline's `Event` record."""
        return _export.iter_records(self._con)


def _write_events_csv(con: DuckDBPyConnection, stream: IO[str]) -> int:
    import csv

    writer = csv.writer(stream)
    writer.writerow(_export.EVENT_EXPORT_COLUMNS)
    rows = con.execute(_export.events_select()).fetchall()
    writer.writerows(rows)
    return len(rows)


@contextlib.contextmanager
def _open(output: str | None, out: IO[str] | None) -> Iterator[IO[str]]:
    if output:
        with open(output, "w", encoding="utf-8", newline="") as handle:
            yield handle
    else:
        yield out or sys.stdout


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def event_json(event: dict[str, Any], mentions: list[dict[str, Any]]) -> str:
    """One clustered event with its mentions as a JSON line (dates as ISO strings)."""
    return json.dumps({**event, "mentions": mentions}, default=str, ensure_ascii=False)
