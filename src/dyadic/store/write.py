"""Writing one batch of coded articles: rows, bulk inserts, clustering and event counts, in one
transaction, so that an interrupted ingest leaves whole articles or none.

Rows go in as column lists unnested by DuckDB in one statement: row-by-row inserts (and even
`executemany`) cost a round trip per row, which dominates an ingest.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from dyadic.sinks import flatten
from dyadic.store import cluster
from dyadic.store.schema import MENTION_COLUMNS

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

    from dyadic.records import CleanArticle, Event, Rejected

ARTICLE_COLUMNS = (
    "article_id", "input", "url", "title", "published", "published_basis", "domain", "language", "author",
    "copies", "text", "ingested_at",
)  # fmt: skip
COPY_COLUMNS = ("article_id", "input", "url", "domain", "source_name")
_BATCHES = itertools.count(1)  # batches written by this process (for the kill test hook)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")


@dataclass
class Batch:
    """What one transaction writes: new articles with their events, known articles seen again
    (whose new copies still count), and rejected inputs."""

    coded: list[tuple[CleanArticle, list[Event]]] = field(default_factory=list)
    known: list[CleanArticle] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.coded) + len(self.known) + len(self.rejected)


def write_batch(con: DuckDBPyConnection, batch: Batch, now: datetime) -> None:
    """Everything in the batch, in one transaction; on any error nothing of it is kept."""
    con.execute("BEGIN TRANSACTION")
    try:
        _write(con, batch, now)
        _before_commit()
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _write(con: DuckDBPyConnection, batch: Batch, now: datetime) -> None:
    articles = [a for a, _ in batch.coded]
    insert(con, "articles", ARTICLE_COLUMNS, [_article_row(a, now) for a in articles], ignore=True)
    copies = [_copy_row(a.article_id, i, u) for a in [*articles, *batch.known] for i, u in _copies(a)]
    insert(con, "article_copies", COPY_COLUMNS, copies, ignore=True)
    affected = _count_known_copies(con, batch.known)
    events = [e for _, evs in batch.coded for e in evs]
    event_of = _cluster(con, events)
    rows = [_mention_row(a, e, event_of[e.event_id]) for a, evs in batch.coded for e in evs]
    insert(con, "mentions", tuple(name for name, _ in MENTION_COLUMNS), rows, ignore=True)
    refresh_events(con, sorted(affected | set(event_of.values())), now)
    succeeded = [c[1] for c in copies]
    if succeeded:
        con.execute("DELETE FROM failures WHERE list_contains(?, input)", [succeeded])
    failed = {r.input: r.reason for r in batch.rejected}
    con.execute("DELETE FROM failures WHERE list_contains(?, input)", [list(failed)])
    insert(con, "failures", ("input", "reason", "at"), [(i, r, now) for i, r in failed.items()])


def _before_commit() -> None:
    """Test hook: `DYADIC_STORE_KILL_AT_BATCH=N` kills the process (SIGKILL, no clean-up) in the
    middle of the Nth batch's transaction, to prove that an interrupted ingest loses nothing
    committed and keeps nothing partial."""
    import os

    at = os.environ.get("DYADIC_STORE_KILL_AT_BATCH")
    if at and next(_BATCHES) >= int(at):
        import signal

        os.kill(os.getpid(), signal.SIGKILL)


def insert(
    con: DuckDBPyConnection, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], ignore: bool = False
) -> None:
    """Bulk insert: one statement whatever the number of rows."""
    if not rows:
        return
    lists = [list(col) for col in zip(*rows, strict=True)]
    unnest = ", ".join("unnest(?)" for _ in columns)
    verb = "INSERT OR IGNORE" if ignore else "INSERT"
    names = ", ".join(f'"{c}"' for c in columns)
    con.execute(f"{verb} INTO {table} ({names}) SELECT {unnest}", lists)


def _copies(article: CleanArticle) -> tuple[tuple[str, str | None], ...]:
    return article.copies or ((article.input, article.url),)


def _article_row(article: CleanArticle, now: datetime) -> tuple[Any, ...]:
    return (
        article.article_id, article.input, article.url, article.title, article.published, article.published_basis,
        article.domain, article.language, article.author, len(_copies(article)), article.text, now,
    )  # fmt: skip


def _copy_row(article_id: str, input: str, url: str | None) -> tuple[Any, ...]:
    from dyadic.articles import domain_of

    domain = domain_of(url)
    return article_id, input, url, domain, domain or input


def _mention_row(article: CleanArticle, event: Event, event_id: str) -> tuple[Any, ...]:
    flat = flatten(event.to_dict())
    flat["mention_id"], flat["event_id"] = event.event_id, event_id
    flat["copies"] = len(_copies(article))
    start = event.evidence.start
    flat["sentence_index"] = len(_SENTENCE_END.findall(article.text, 0, start)) + 1
    flat["source_offset"] = _offset(event.evidence.sentence, event.source_text, start)
    flat["target_offset"] = _offset(event.evidence.sentence, event.target_text, start)
    return tuple(flat.get(name) for name, _ in MENTION_COLUMNS)


def _offset(sentence: str, words: str | None, start: int) -> int | None:
    at = sentence.find(words) if words else -1
    return None if at < 0 else start + at


def _count_known_copies(con: DuckDBPyConnection, known: list[CleanArticle]) -> set[str]:
    """Articles seen again may come with new copies: recount them and return their events."""
    if not known:
        return set()
    ids = [a.article_id for a in known]
    con.execute(
        "UPDATE articles SET copies = c.n FROM (SELECT article_id, count(*) AS n FROM article_copies "
        "WHERE list_contains(?, article_id) GROUP BY article_id) AS c WHERE articles.article_id = c.article_id "
        "AND articles.copies <> c.n",
        [ids],
    )
    con.execute(
        "UPDATE mentions SET copies = a.copies FROM articles a WHERE mentions.article_id = a.article_id "
        "AND list_contains(?, a.article_id) AND mentions.copies <> a.copies",
        [ids],
    )
    rows = con.execute("SELECT DISTINCT event_id FROM mentions WHERE list_contains(?, article_id)", [ids]).fetchall()
    return {r[0] for r in rows}


def _cluster(con: DuckDBPyConnection, events: list[Event]) -> dict[str, str]:
    """mention id -> clustered event id for the batch's events, against the stored events."""
    if not events:
        return {}
    new = [
        cluster.make_mention(
            e.event_id, e.source, e.target, e.source_country, e.target_country, e.root,
            _day(e.date or e.published), e.evidence.sentence, e.article_id,
        )
        for e in events
    ]  # fmt: skip
    days = [m.day for m in new if m.day is not None]
    low, high = (min(days), max(days)) if days else (date.max, date.min)
    stored = con.execute(
        """SELECT m.mention_id, m.event_id, m.source, m.target, m.source_country, m.target_country, m.root,
                  coalesce(m.date, m.published), m.evidence_sentence, m.article_id, e.date
           FROM mentions m JOIN events e USING (event_id)
           WHERE list_contains(?, m.root) AND list_contains(?, coalesce(m.source_country, m.source))
             AND (e.date IS NULL OR e.date BETWEEN ?::DATE - 1 AND ?::DATE + 1)""",
        [sorted({m.root for m in new}), sorted({m.source_key for m in new}), low, high],
    ).fetchall()
    known = [(cluster.make_mention(r[0], *r[2:10]), r[1], r[10]) for r in stored]
    return cluster.assign(new, known)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


_REFRESH = """
WITH docs AS (
    SELECT m.event_id, c.article_id, c.input, c.source_name, m.evidence_start
    FROM mentions m JOIN article_copies c USING (article_id)
    WHERE list_contains($ids, m.event_id)
), counts AS (
    -- a sentence that reports the event both ways ("X held talks with Y") is one mention of it
    SELECT event_id, count(DISTINCT (article_id, input, evidence_start)) AS num_mentions,
           count(DISTINCT source_name) AS num_sources,
           count(DISTINCT (article_id, input)) AS num_articles
    FROM docs GROUP BY event_id
), firsts AS (
    SELECT m.event_id, min(a.published) AS first_published, min(a.ingested_at) AS added_at
    FROM mentions m JOIN articles a USING (article_id)
    WHERE list_contains($ids, m.event_id) GROUP BY m.event_id
)
SELECT r.mention_id, ('0x' || substr(r.mention_id, 1, 15))::BIGINT, coalesce(r.date, r.published),
       CASE WHEN r.date IS NOT NULL THEN r.date_basis WHEN r.published IS NOT NULL THEN 'published' END,
       CASE WHEN r.date IS NOT NULL THEN r.date_precision WHEN r.published IS NOT NULL THEN 'day' END,
       r.source, r.target, r.source_country, r.target_country, r.source_text, r.target_text, r.code, r.root,
       r.quad_class, r.goldstein, r.plover, r.negated, r.modality, r.location_name, r.location_country,
       r.location_lat, r.location_lon, n.num_mentions, n.num_sources, n.num_articles, r.evidence_sentence,
       r.evidence_start, r.url, r.input, r.article_id, f.first_published, coalesce(f.added_at, $now)
FROM mentions r JOIN counts n ON n.event_id = r.mention_id JOIN firsts f ON f.event_id = r.mention_id
WHERE r.mention_id = r.event_id AND list_contains($ids, r.mention_id)
"""


def refresh_events(con: DuckDBPyConnection, event_ids: list[str], now: datetime) -> None:
    """Rebuild the `events` rows of these events from their mentions: the founding mention gives
    the event's fields, all mentions and their articles' copies give the counts."""
    if not event_ids:
        return
    con.execute("DELETE FROM events WHERE list_contains(?, event_id)", [event_ids])
    con.execute(f"INSERT INTO events {_REFRESH}", {"ids": event_ids, "now": now})
