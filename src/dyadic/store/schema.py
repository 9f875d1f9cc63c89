"""The store's tables and their migrations.

The schema version lives in the `meta` table. Opening a store applies, in order, every migration
step above the file's version, each in its own transaction, so an old file is brought up to date
once and a file written by a newer dyadic is refused instead of being misread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from dyadic.errors import DyadicError

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

Migration = Callable[["DuckDBPyConnection"], None]

MENTION_COLUMNS_V1: tuple[tuple[str, str], ...] = (
    ("mention_id", "VARCHAR PRIMARY KEY"),  # the pipeline's Event.event_id
    ("event_id", "VARCHAR NOT NULL"),  # the clustered event this mention belongs to
    ("article_id", "VARCHAR NOT NULL"),
    ("input", "VARCHAR"),
    ("url", "VARCHAR"),
    ("title", "VARCHAR"),
    ("published", "DATE"),
    ("published_basis", "VARCHAR"),
    ("date", "DATE"),
    ("date_precision", "VARCHAR"),
    ("date_basis", "VARCHAR"),
    ("source", "VARCHAR NOT NULL"),
    ("target", "VARCHAR"),
    ("source_country", "VARCHAR"),
    ("target_country", "VARCHAR"),
    ("source_text", "VARCHAR"),
    ("target_text", "VARCHAR"),
    ("source_entry", "VARCHAR"),
    ("target_entry", "VARCHAR"),
    ("code", "VARCHAR NOT NULL"),
    ("root", "VARCHAR NOT NULL"),
    ("quad_class", "INTEGER"),
    ("goldstein", "DOUBLE"),
    ("plover", "VARCHAR"),
    ("negated", "BOOLEAN"),
    ("modality", "VARCHAR"),
    ("location_name", "VARCHAR"),
    ("location_country", "VARCHAR"),
    ("location_lat", "DOUBLE"),
    ("location_lon", "DOUBLE"),
    ("evidence_sentence", "VARCHAR"),
    ("evidence_start", "INTEGER"),
    ("evidence_end", "INTEGER"),
    ("evidence_raw_start", "INTEGER"),
    ("evidence_raw_end", "INTEGER"),
    ("confidence", "DOUBLE"),
    ("copies", "INTEGER"),
    ("sentence_index", "INTEGER"),  # 1-based sentence number in the article (GDELT SentenceID)
    ("source_offset", "INTEGER"),  # character offset of the source's words in the article
    ("target_offset", "INTEGER"),
)
MENTION_COLUMNS: tuple[tuple[str, str], ...] = (
    *MENTION_COLUMNS_V1,
    ("coder", "VARCHAR"),  # version 2: the pattern (file:line) or the model (with its score) that coded it
)

_V1 = [
    "CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    """CREATE TABLE articles (
        article_id VARCHAR PRIMARY KEY, input VARCHAR NOT NULL, url VARCHAR, title VARCHAR, published DATE,
        published_basis VARCHAR, domain VARCHAR, language VARCHAR, author VARCHAR, copies INTEGER NOT NULL,
        text VARCHAR NOT NULL, ingested_at TIMESTAMP NOT NULL)""",
    """CREATE TABLE article_copies (
        article_id VARCHAR NOT NULL, input VARCHAR NOT NULL, url VARCHAR, domain VARCHAR,
        source_name VARCHAR NOT NULL, PRIMARY KEY (article_id, input))""",
    "CREATE TABLE mentions ({})".format(", ".join(f"{name} {kind}" for name, kind in MENTION_COLUMNS_V1)),
    """CREATE TABLE events (
        event_id VARCHAR PRIMARY KEY, global_id BIGINT NOT NULL, date DATE, date_basis VARCHAR,
        date_precision VARCHAR, source VARCHAR NOT NULL, target VARCHAR, source_country VARCHAR,
        target_country VARCHAR, source_text VARCHAR, target_text VARCHAR, code VARCHAR NOT NULL,
        root VARCHAR NOT NULL, quad_class INTEGER, goldstein DOUBLE, plover VARCHAR, negated BOOLEAN,
        modality VARCHAR, location_name VARCHAR, location_country VARCHAR, lat DOUBLE, lon DOUBLE,
        num_mentions INTEGER NOT NULL, num_sources INTEGER NOT NULL, num_articles INTEGER NOT NULL,
        evidence_sentence VARCHAR, evidence_start INTEGER, url VARCHAR, input VARCHAR, article_id VARCHAR,
        first_published DATE, added_at TIMESTAMP NOT NULL)""",
    'CREATE TABLE failures (input VARCHAR PRIMARY KEY, reason VARCHAR NOT NULL, "at" TIMESTAMP NOT NULL)',
    "CREATE INDEX mentions_event ON mentions (event_id)",
    "CREATE INDEX mentions_article ON mentions (article_id)",
]


def _v1(con: DuckDBPyConnection) -> None:
    for statement in _V1:
        con.execute(statement)


def _v2(con: DuckDBPyConnection) -> None:
    """Mentions say which mechanism coded them; older mentions keep NULL (coded before it was recorded)."""
    con.execute("ALTER TABLE mentions ADD COLUMN coder VARCHAR")


MIGRATIONS: list[Migration] = [_v1, _v2]
"""Step N brings a store from version N-1 to version N (version 0 is an empty file)."""


class SchemaError(DyadicError):
    """The store file cannot be used by this version of dyadic."""


def version(con: DuckDBPyConnection) -> int:
    has_meta = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta' AND table_schema = 'main'"
    ).fetchone()
    if not has_meta or not has_meta[0]:
        return 0
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(con: DuckDBPyConnection, path: str, read_only: bool = False) -> int:
    """Bring the store at `path` to the current version; returns the version it is now at."""
    current, latest = version(con), len(MIGRATIONS)
    if current > latest:
        raise SchemaError(
            f"{path}: store schema version {current} is newer than this dyadic knows ({latest}); upgrade dyadic"
        )
    if current < latest and read_only:
        raise SchemaError(f"{path}: store schema version {current} needs migrating to {latest}; open it writable")
    for step in range(current, latest):
        con.execute("BEGIN TRANSACTION")
        try:
            MIGRATIONS[step](con)
            con.execute(
                "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                [str(step + 1)],
            )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return latest
