from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dyadic.analysis.db import DatabaseError, open_db

from .analysis_tables import event, make_db


def test_missing_file_is_a_one_line_usage_error(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="no such database") as info:
        open_db(tmp_path / "nope.duckdb")
    assert info.value.exit_code == 2 and "\n" not in str(info.value)


def test_a_file_that_is_not_a_store(tmp_path: Path) -> None:
    (tmp_path / "text.duckdb").write_text("hello")
    with pytest.raises(DatabaseError, match="cannot open"):
        open_db(tmp_path / "text.duckdb")
    duckdb.connect(str(tmp_path / "other.duckdb")).execute("CREATE TABLE t (x INTEGER)").close()
    with pytest.raises(DatabaseError, match="not a dyadic event store"):
        open_db(tmp_path / "other.duckdb")


def test_opens_a_store_read_only(tmp_path: Path) -> None:
    path = tmp_path / "store.duckdb"
    make_db([event("2016-01-02", "RUS", "TUR")], duckdb.connect(str(path))).close()
    con = open_db(path)
    assert con.execute("SELECT count(*) FROM events").fetchone() == (1,)
    with pytest.raises(duckdb.Error):
        con.execute("DELETE FROM events")
