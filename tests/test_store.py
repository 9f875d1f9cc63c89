"""The event store: schema contract, idempotent ingest, clustering across articles, failures,
migrations and exports. One store of the examples and the wire fixtures is shared by the
read-only tests; tests that write make their own."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from dyadic import gdelt
from dyadic.sinks import CSV_COLUMNS
from dyadic.store import Store, schema
from dyadic.store.schema import SchemaError

from .conftest import EXAMPLES, FIXTURES

WIRE = FIXTURES / "store" / "wire.jsonl"
CONTRACT = {
    "articles": {"article_id", "input", "url", "title", "published", "published_basis", "domain", "language",
                 "copies", "ingested_at"},
    "mentions": {"mention_id", "event_id", "article_id", *CSV_COLUMNS[1:]},
    "events": {"event_id", "date", "date_precision", "source", "target", "source_country", "target_country", "code",
               "root", "quad_class", "goldstein", "plover", "negated", "modality", "location_name",
               "location_country", "lat", "lon", "num_mentions", "num_sources", "num_articles", "evidence_sentence",
               "url", "article_id", "first_published"},
    "failures": {"input", "reason", "at"},
}  # fmt: skip
KEYS = {"articles": "article_id", "mentions": "mention_id", "events": "event_id", "failures": "input"}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "shared.duckdb"
    with Store(path) as store:
        report = store.ingest([str(EXAMPLES), str(WIRE)])
    assert report.articles_added == 7 and not report.rejected
    return path


def _columns(store: Store, table: str) -> set[str]:
    rows = store.connection.execute(f"DESCRIBE {table}").fetchall()
    return {r[0] for r in rows}


def test_tables_keep_the_shared_contract(db: Path) -> None:
    with Store(db, read_only=True) as store:
        for table, columns in CONTRACT.items():
            assert columns <= _columns(store, table), table
        types = dict(store.connection.execute("SELECT column_name, column_type FROM (DESCRIBE events)").fetchall())
    assert types["date"] == "DATE" and types["quad_class"] == "INTEGER" and types["goldstein"] == "DOUBLE"
    assert types["negated"] == "BOOLEAN" and types["first_published"] == "DATE"


def test_ingest_twice_adds_nothing(tmp_path: Path) -> None:
    path = tmp_path / "twice.duckdb"
    with Store(path) as store:
        first = store.ingest([str(EXAMPLES), str(WIRE)])
        counts = store.counts()
    with Store(path) as store:
        again = store.ingest([str(WIRE), str(EXAMPLES)])
        assert store.counts() == counts
        for table, key in KEYS.items():
            total, distinct = store.connection.execute(
                f"SELECT count(*), count(DISTINCT {key}) FROM {table}"
            ).fetchone()
            assert total == distinct, table
    assert first.articles_added == 7 and first.mentions_added == counts["mentions"] > 0
    assert again.articles_added == again.mentions_added == again.events_added == 0 and again.articles_skipped == 7


def _wire_events(store: Store) -> list[tuple]:
    return sorted(
        (e["source"], e["target"], e["root"], e["num_mentions"], e["num_sources"], e["num_articles"])
        for e in store.events(since="2021-03-01", until="2021-03-31")
    )


# the wire story (3 outlets and a syndicated copy) in both directions, and the defence ministers'
# meeting the same day between the same governments
# The Sochi meeting (told by three outlets, one syndicated twice, naming either minister first) and
# the defence ministers' meeting in Moscow the same day.
WIRE_EVENTS = [
    ("TURGOV", "RUSGOV", "04", 1, 1, 1),
    ("TURGOV", "RUSGOV", "04", 4, 4, 4),
]


def test_reworded_wire_story_is_one_event_with_gdelt_counts(db: Path) -> None:
    with Store(db, read_only=True) as store:
        assert _wire_events(store) == WIRE_EVENTS
        wire = store.events(source="TUR", target="RUS", search="cavusoglu")
        assert len(wire) == 1 and wire[0]["num_mentions"] == 4
        mentions = store.mentions([wire[0]["event_id"]])[wire[0]["event_id"]]
        assert len(mentions) == 4 and {m["code"] for m in mentions} == {"040", "046"}  # talks: both ways


def test_clustering_is_incremental_and_ignores_input_order(tmp_path: Path) -> None:
    lines = WIRE.read_text(encoding="utf-8").splitlines()
    (tmp_path / "a.jsonl").write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text("\n".join(lines[2:]) + "\n", encoding="utf-8")
    (tmp_path / "reversed.jsonl").write_text("\n".join(reversed(lines)) + "\n", encoding="utf-8")
    with Store() as store:
        store.ingest([str(tmp_path / "a.jsonl")])
        store.ingest([str(tmp_path / "b.jsonl")])
        assert _wire_events(store) == WIRE_EVENTS
    with Store() as forward, Store() as backward:
        forward.ingest([str(WIRE)])
        backward.ingest([str(tmp_path / "reversed.jsonl")])
        sql = "SELECT event_id, list_sort(list(mention_id)) FROM mentions GROUP BY event_id ORDER BY event_id"
        assert forward.connection.execute(sql).fetchall() == backward.connection.execute(sql).fetchall()


def test_failures_are_kept_once_and_cleared_by_a_later_success(tmp_path: Path, capsys) -> None:
    from dyadic.cli import main

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text((EXAMPLES / "004_12ef5e47841d1c78.txt").read_text(encoding="utf-8"))
    (inputs / "empty.txt").write_text("")
    db = str(tmp_path / "f.duckdb")
    assert main(["ingest", str(inputs), "--db", db]) == 1
    err = capsys.readouterr().err.splitlines()
    assert f"dyadic: {inputs / 'empty.txt'}: empty input" in err
    assert err[-1].startswith(f"dyadic: {db}: 1 articles added") and err[-1].endswith("1 rejected")
    assert main(["ingest", str(inputs), "--db", db]) == 1
    with Store(db, read_only=True) as store:
        failures = store.failures()
        assert [(f.input, f.reason) for f in failures] == [(str(inputs / "empty.txt"), "empty input")]
        assert store.counts()["articles"] == 1
    (inputs / "empty.txt").write_text("Turkish police arrested Kurdish protesters in Istanbul on Monday.\n")
    assert main(["ingest", str(inputs), "--db", db]) == 0
    with Store(db, read_only=True) as store:
        assert store.failures() == [] and store.counts()["articles"] == 2


def test_migrations_run_in_order_and_newer_files_are_refused(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "current.duckdb"
    Store(path).close()
    latest = len(schema.MIGRATIONS)

    def add_note(con) -> None:
        con.execute("ALTER TABLE events ADD COLUMN note VARCHAR")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, add_note])
    with pytest.raises(SchemaError, match="needs migrating"):
        Store(path, read_only=True)
    with Store(path) as store:
        assert schema.version(store.connection) == latest + 1 and "note" in _columns(store, "events")
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
    with pytest.raises(SchemaError, match="newer than this dyadic knows"):
        Store(path)


def test_a_version_1_store_gains_the_coder_column(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "v1.duckdb"
    with monkeypatch.context() as patch:
        patch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
        Store(path).close()
    with Store(path) as store:
        assert schema.version(store.connection) == 2 and "coder" in _columns(store, "mentions")


def test_gdelt_export_reads_back_with_gdelt_columns(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "20210304.export.CSV"
    with Store(db, read_only=True) as store:
        written = store.export("gdelt", str(out))
        events = {e["global_id"]: e for e in store.events()}
    rows = gdelt.read_table(str(out), gdelt.event_columns())
    mentions = gdelt.read_table(str(tmp_path / "20210304.mentions.CSV"), gdelt.mention_columns())
    assert written == len(rows) == len(events)
    wire = next(r for r in rows if r["Actor1Code"] == "TURGOV" and r["NumMentions"] == "4")
    assert (wire["EventCode"], wire["EventBaseCode"], wire["EventRootCode"]) == ("040", "040", "04")
    assert (wire["NumSources"], wire["NumArticles"], wire["Day"]) == ("4", "4", "20210304")
    assert wire["Actor1CountryCode"] == "TUR" and wire["Actor2Type1Code"] == "GOV"
    ankara = next(r for r in rows if r["ActionGeo_FullName"].startswith("Ankara"))
    assert ankara["ActionGeo_CountryCode"] == "TU" and ankara["ActionGeo_Type"] == "4"
    assert all(int(r["GlobalEventID"]) in events and r["QuadClass"] in "1234" for r in rows)
    assert len(mentions) == sum(e["num_mentions"] for e in events.values())
    of_wire = [m for m in mentions if m["GlobalEventID"] == wire["GlobalEventID"]]
    assert len({m["MentionSourceName"] for m in of_wire}) == 4 and all(m["MentionType"] == "1" for m in of_wire)
    assert all(len(m["EventTimeDate"]) == 14 and m["EventTimeDate"] == wire["DATEADDED"] for m in of_wire)


def test_mentions_export_matches_dyadic_code(db: Path, tmp_path: Path) -> None:
    from dyadic.cli import main

    with Store(db, read_only=True) as store:
        exported = io.StringIO()
        store.export("csv", out=exported)
        store.export("parquet", str(tmp_path / "m.parquet"))
        store.export("parquet", str(tmp_path / "e.parquet"), table="events")
        parquet = store.connection.execute(f"SELECT * FROM '{tmp_path / 'm.parquet'}'")
        assert tuple(d[0] for d in parquet.description) == CSV_COLUMNS
        events = store.connection.execute(f"SELECT count(*) FROM '{tmp_path / 'e.parquet'}'").fetchone()[0]
        assert events == store.counts()["events"]
    coded = tmp_path / "coded.csv"
    assert main(["code", str(EXAMPLES), str(WIRE), "--format", "csv", "-o", str(coded)]) == 0
    assert sorted(exported.getvalue().splitlines()) == sorted(coded.read_text(encoding="utf-8").splitlines())


def test_events_command_filters_and_formats(db: Path, capsys) -> None:
    from dyadic.cli import main

    assert main(["events", "--db", str(db), "--source", "TUR", "--target", "RUS", "--since", "2021"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:4] == ["date", "source", "target", "code"] and table[-1] == "(2 events)"
    assert all(line.startswith("2021-03-04  TURGOV  RUSGOV") for line in table[1:-1])
    assert main(["events", "--db", str(db), "--country", "TUR", "--root", "18", "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records and all(r["root"] == "18" and "TUR" in (r["source_country"], r["target_country"]) for r in records)
    assert all(r["mentions"] and r["mentions"][0]["evidence_sentence"] for r in records)
    assert main(["events", "--db", str(db), "--search", "SHOIGU", "--quad", "1", "--format", "jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1  # "Akar met Shoigu": Turkey's act towards Russia
    assert main(["events", "--db", str(db), "--until", "2016-12-19", "--limit", "1", "--format", "jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1
    assert main(["events", "--db", str(db), "--until", "2016", "--since", "2016-12", "--format", "jsonl"]) == 0
    assert {json.loads(line)["date"][:7] for line in capsys.readouterr().out.splitlines()} == {"2016-12"}
    assert main(["events", "--db", str(db), "--since", "last week"]) == 2
    assert "not a date or period: 'last week'" in capsys.readouterr().err


def test_export_command_and_usage_errors(db: Path, tmp_path: Path, capsys) -> None:
    from dyadic.cli import main

    out = tmp_path / "events.csv"
    assert main(["export", "--db", str(db), "--format", "csv", "--table", "events", "-o", str(out)]) == 0
    header = out.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert CONTRACT["events"] <= set(header)
    assert main(["export", "--db", str(db), "--format", "parquet"]) == 2
    assert "parquet needs an output file" in capsys.readouterr().err
    assert main(["events", "--db", str(tmp_path / "missing.duckdb")]) == 2
    assert "missing.duckdb: no such store" in capsys.readouterr().err


def test_help_loads_no_database() -> None:
    code = (
        "import sys; from dyadic.cli import main\ntry:\n    main(['ingest', '--help'])\nexcept SystemExit: pass\n"
        "import dyadic\nprint(sorted(m for m in ('duckdb', 'spacy', 'dyadic.store') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("[]")


def test_files_that_are_not_stores_are_named_in_one_line(tmp_path: Path) -> None:
    import duckdb

    from dyadic.store import NoStoreError, StoreError

    with pytest.raises(NoStoreError, match="no such store") as info:
        Store(tmp_path / "nope.duckdb", read_only=True)
    assert info.value.exit_code == 2
    (tmp_path / "text.duckdb").write_text("hello")
    with pytest.raises(StoreError, match="cannot open the store"):
        Store(tmp_path / "text.duckdb", read_only=True)
    duckdb.connect(str(tmp_path / "other.duckdb")).execute("CREATE TABLE t (x INTEGER)").close()
    with pytest.raises(SchemaError, match="needs migrating"):
        Store(tmp_path / "other.duckdb", read_only=True)


def test_dyad_and_network_read_the_ingested_store(db: Path) -> None:
    with Store(db, read_only=True) as store:
        series = store.dyad("TUR", "RUS", freq="year")
        totals = {
            row.label: (ab.total, ba.total) for row, ab, ba in zip(series.both, series.ab, series.ba, strict=True)
        }
        assert totals["2021"][0] >= 2  # the Sochi meeting and the defence ministers' meeting
        behind = store.dyad_events("TUR", "RUS", "2021", "year")
        assert {e.evidence_sentence for e in behind} >= {
            e["evidence_sentence"] for e in store.events(source="TUR", target="RUS", since="2021-01-01")
        }
        graph = store.network()
        assert graph.has_edge("TUR", "RUS") and graph["TUR"]["RUS"]["events"] >= 2


def test_a_headline_and_its_lead_are_one_event() -> None:
    from datetime import date as day

    from dyadic.store import cluster

    def mention(mid: str, sentence: str, article: str):
        return cluster.make_mention(mid, "IRNMIL", "UKRCVL", "IRN", "UKR", "19", day(2020, 1, 8), sentence, article)

    headline = mention("m1", "Iran downs Ukrainian airliner", "a1")
    lead = mention("m2", "The Revolutionary Guard shot down a passenger jet near Tehran before dawn", "a1")
    elsewhere = mention("m3", "The Revolutionary Guard shot down a passenger jet near Tehran before dawn", "a2")
    assert cluster.similarity(headline.words, lead.words) < cluster.JACCARD
    assigned = cluster.assign([headline, lead], [])
    assert assigned["m1"] == assigned["m2"]
    other = cluster.assign([mention("m4", "Iran downs Ukrainian airliner", "a3"), elsewhere], [])
    assert other["m3"] != other["m4"]  # two articles with no words in common stay apart
