from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import networkx as nx
import pytest

from dyadic.cli import main

from .analysis_tables import event, make_db

ROWS = [
    *[event(f"2016-{m:02d}-10", "RUSGOV", "TUR", 1) for m in range(1, 13)],
    event("2016-03-11", "TUR", "RUS", 4, evidence_sentence="Turkish jets struck Russian positions."),
    event("2016-03-12", "USA", "TUR", 2),
    event("2016-03-13", "USA", "RUS", 3),
]


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "store.duckdb"
    make_db(ROWS, duckdb.connect(str(path))).close()
    return str(path)


def test_dyad_prints_chart_table_changes_and_events(db, capsys) -> None:
    assert main(["dyad", "rus", "tur", "--db", db, "--width", "70", "--events", "2016-03"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("RUS ⇄ TUR, monthly, 2016-01 … 2016-12: 13 events (RUS→TUR 12, TUR→RUS 1)")
    chart = out.split("\n\n")[1].splitlines()
    assert len(chart) == 13 and max(map(len, chart)) <= 70
    assert "change points: none" in out
    assert "events behind 2016-03: 2" in out and "Turkish jets struck Russian positions." in out


def test_dyad_json_and_chart(db, tmp_path: Path, capsys) -> None:
    chart = tmp_path / "rt.svg"
    args = ["dyad", "RUS", "TUR", "--db", db, "--json", "--freq", "year", "--chart", str(chart), "--events", "2016"]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert [row["total"] for row in data["series"]["both"]] == [13]
    assert data["changes"] == [] and len(data["events"]) == 13
    assert chart.read_text().startswith("<?xml")


def test_dyad_bounds(db, capsys) -> None:
    assert main(["dyad", "RUS", "TUR", "--db", db, "--since", "2016-02", "--until", "2016-03", "--json"]) == 0
    assert [row["label"] for row in json.loads(capsys.readouterr().out)["series"]["both"]] == ["2016-02", "2016-03"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["dyad", "RUS", "TUR", "--db", "missing.duckdb"], "no such store"),
        (["network", "--db", "missing.duckdb"], "no such store"),
        (["dyad", "RUS", "TUR", "--since", "March 2016"], "not a date or period"),
        (["dyad", "RUS", "TUR", "--events", "2016-13"], "not a date or period"),
        (["dyad", "RUS", "TUR", "--chart", "x.pdf"], ".png or .svg"),
    ],
)
def test_usage_errors_are_one_line_with_status_2(db, tmp_path, monkeypatch, capsys, args, message) -> None:
    monkeypatch.chdir(tmp_path)
    if "missing.duckdb" not in args:
        args = [*args, "--db", db]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_network_prints_and_exports(db, tmp_path: Path, capsys) -> None:
    graphml, node_link = tmp_path / "n.graphml", tmp_path / "n.json"
    assert main(["network", "--db", db, "--graphml", str(graphml), "--json", str(node_link)]) == 0
    out = capsys.readouterr().out
    assert "3 countries, 3 ties with ≥1 events (2 cooperative, 1 conflictual)" in out
    # RUS-TUR +12.8, TUR-USA +6.4, RUS-USA -2: one unbalanced triangle, cheapest kept as one bloc.
    assert "structural balance: 0.0% of 1 triangles balanced (1 unbalanced)" in out
    assert "blocs (1, frustration 2.0):\n  1. RUS TUR USA" in out
    assert nx.read_graphml(graphml).number_of_edges() == 3
    assert len(json.loads(node_link.read_text())["links"]) == 3
    assert main(["network", "--db", db, "--min-events", "2"]) == 0
    assert "1 ties" in capsys.readouterr().out


def test_dyad_command_runs_as_a_process(db) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dyadic", "dyad", "RUS", "TUR", "--db", db, "--freq", "year"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0 and "RUS ⇄ TUR, yearly" in result.stdout
