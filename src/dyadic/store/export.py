"""Writing the store out: the event record (mentions) as `dyadic code` writes it, the clustered
events, and GDELT 2.0's Event and Mentions tables.

Mentions in CSV and JSONL go through the same sinks as `dyadic code`, so a stored record and a
freshly coded one are byte-for-byte the same row; Parquet is written by DuckDB itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from dyadic import gdelt
from dyadic.errors import UsageError
from dyadic.records import Event, Evidence, Location
from dyadic.sinks import CSV_COLUMNS

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

FORMATS = ("csv", "jsonl", "parquet", "gdelt")
TABLES = ("mentions", "events")
EVENT_EXPORT_COLUMNS = (
    "event_id", "global_id", "date", "date_basis", "date_precision", "source", "target", "source_country",
    "target_country", "code", "root", "quad_class", "goldstein", "plover", "negated", "modality", "location_name",
    "location_country", "lat", "lon", "num_mentions", "num_sources", "num_articles", "evidence_sentence", "url",
    "article_id", "first_published", "added_at",
)  # fmt: skip


def mention_select() -> str:
    """The mentions as the event record's flat columns (CSV_COLUMNS), `event_id` being the mention id."""
    columns = ["mention_id AS event_id", *CSV_COLUMNS[1:]]
    return f"SELECT {', '.join(columns)} FROM mentions ORDER BY article_id, evidence_start, mention_id"


def events_select() -> str:
    return f"SELECT {', '.join(EVENT_EXPORT_COLUMNS)} FROM events ORDER BY date, event_id"


def iter_records(con: DuckDBPyConnection) -> Iterator[Event]:
    """Every stored mention as the pipeline's `Event` record."""
    cursor = con.execute(mention_select())
    while rows := cursor.fetchmany(2048):
        for row in rows:
            yield to_event(dict(zip(CSV_COLUMNS, row, strict=True)))


def to_event(flat: dict[str, Any]) -> Event:
    values = {k: v.isoformat() if isinstance(v, date) else v for k, v in flat.items()}
    location = None
    if values["location_name"] is not None:
        location = Location(
            values["location_name"], values["location_country"], values["location_lat"], values["location_lon"]
        )
    evidence = Evidence(
        values["evidence_sentence"],
        values["evidence_start"],
        values["evidence_end"],
        values["evidence_raw_start"],
        values["evidence_raw_end"],
    )
    plain = {k: v for k, v in values.items() if not k.startswith(("location_", "evidence_"))}
    return Event(**plain, location=location, evidence=evidence)


def copy_to(con: DuckDBPyConnection, select: str, path: str, fmt: str) -> None:
    """DuckDB's own writer: Parquet, or CSV with a header."""
    options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
    escaped = path.replace("'", "''")
    con.execute(f"COPY ({select}) TO '{escaped}' ({options})")


def mentions_path(path: str) -> str:
    """Where the GDELT mentions table goes beside the events: `x.export.CSV` -> `x.mentions.CSV`,
    otherwise `x.tsv` -> `x.mentions.tsv`."""
    p = Path(path)
    if ".export." in p.name:
        return str(p.with_name(p.name.replace(".export.", ".mentions.")))
    return str(p.with_name(f"{p.stem}.mentions{p.suffix}"))


_GDELT_EVENTS = """
SELECT e.global_id, e.date, e.source, e.target, e.source_country, e.target_country, e.source_text,
       e.target_text, e.code, e.quad_class, e.goldstein, e.num_mentions, e.num_sources, e.num_articles,
       e.evidence_start, e.location_name, e.location_country, e.lat, e.lon, e.added_at, coalesce(e.url, e.input)
FROM events e ORDER BY e.global_id
"""

# One GDELT mention per event, document copy and sentence (a sentence coding the event both ways
# is one mention), as NumMentions counts them.
_GDELT_MENTIONS = """
SELECT DISTINCT ON (e.global_id, c.input, m.evidence_start)
       e.global_id, e.added_at, a.ingested_at, c.source_name, coalesce(c.url, c.input), c.url IS NOT NULL,
       m.sentence_index, m.source_offset, m.target_offset, m.confidence, length(a.text)
FROM mentions m JOIN events e USING (event_id) JOIN articles a ON a.article_id = m.article_id
JOIN article_copies c ON c.article_id = m.article_id
ORDER BY e.global_id, c.input, m.evidence_start, m.mention_id
"""


def write_gdelt_events(con: DuckDBPyConnection, out: TextIO) -> int:
    cursor = con.execute(_GDELT_EVENTS)
    count = 0
    while rows := cursor.fetchmany(2048):
        count += gdelt.write_rows((gdelt.event_row(_gdelt_event(r)) for r in rows), out)
    return count


def write_gdelt_mentions(con: DuckDBPyConnection, out: TextIO) -> int:
    cursor = con.execute(_GDELT_MENTIONS)
    count = 0
    while rows := cursor.fetchmany(2048):
        count += gdelt.write_rows((gdelt.mention_row(gdelt.GdeltMention(*r)) for r in rows), out)
    return count


def _gdelt_event(row: tuple[Any, ...]) -> gdelt.GdeltEvent:
    (gid, day, source, target, scountry, tcountry, stext, ttext, code, quad, goldstein, n_m, n_s, n_a, start,
     place, pcountry, lat, lon, added, url) = row  # fmt: skip
    return gdelt.GdeltEvent(
        global_id=gid, day=day, source=source, target=target, source_country=scountry, target_country=tcountry,
        source_name=stext, target_name=ttext, code=code, quad_class=quad, goldstein=goldstein, num_mentions=n_m,
        num_sources=n_s, num_articles=n_a, is_root=(start or 0) < gdelt.LEAD_CHARS,
        location=Location(place, pcountry, lat, lon) if place else None, added=added, url=url,
    )  # fmt: skip


def check(fmt: str, table: str, output: str | None) -> None:
    if fmt not in FORMATS:
        raise UsageError(f"export: unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if table not in TABLES:
        raise UsageError(f"export: unknown table {table!r} (choose from {', '.join(TABLES)})")
    if fmt == "parquet" and not output:
        raise UsageError("export: parquet needs an output file (-o FILE)")
    if fmt == "jsonl" and table == "events":
        raise UsageError("export: jsonl of the events table is `dyadic events --format jsonl`")


def now() -> datetime:
    return datetime.now().replace(microsecond=0)
