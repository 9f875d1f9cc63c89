from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadic.analysis.network import (
    analyse,
    balance,
    blocs,
    country_network,
    frustration,
    with_blocs,
    write_graphml,
    write_json,
)
from dyadic.errors import UsageError

from .analysis_tables import event, make_db

# Goldstein: QuadClass 1 -> 1.9, 2 -> 6.4, 3 -> -2.0, 4 -> -10.0.
ROWS = [
    *[event("2016-01-05", "USA", "GBR", 2)] * 3,  # +19.2
    event("2016-01-06", "USAGOV", "FRA", 1), event("2016-01-07", "FRA", "USA", 1),  # +3.8
    event("2016-01-08", "GBR", "FRA", 1), event("2016-01-09", "GBR", "FRAGOV", 1),  # +3.8
    event("2016-02-01", "RUS", "SYR", 2), event("2016-02-02", "SYRGOV", "RUS", 2),  # +12.8
    event("2016-02-03", "RUS", "IRN", 1), event("2016-02-04", "IRN", "RUS", 1),  # +3.8
    event("2016-02-05", "SYR", "IRN", 1),  # +1.9
    event("2016-03-01", "USA", "RUS", 4), event("2016-03-02", "RUSMIL", "USA", 4),  # -20
    event("2016-03-03", "GBR", "RUS", 3),  # -2
    event("2016-03-04", "FRA", "RUS", 2),  # +6.4, across the blocs
    event("2016-03-05", "USA", "USA", 4),  # domestic: left out
    event("2016-03-06", "IGOUNO", "RUS", 3, source_country=None),  # no country: left out
    event("2017-06-01", "USA", "RUS", 1),  # outside the window used below
]  # fmt: skip
UNTIL = date(2016, 12, 31)


@pytest.fixture
def graph() -> nx.Graph:
    return country_network(make_db(ROWS), until=UNTIL)


def test_edges_carry_signed_weights_and_directed_counts(graph) -> None:
    assert graph.number_of_nodes() == 6 and graph.number_of_edges() == 9
    usa_rus = graph.edges["RUS", "USA"]
    assert usa_rus["weight"] == -20.0 and usa_rus["events"] == 2
    assert (usa_rus["events_uv"], usa_rus["events_vu"]) == (1, 1)  # RUS -> USA, USA -> RUS
    assert graph.edges["GBR", "USA"]["events_uv"] == 0 and graph.edges["GBR", "USA"]["events_vu"] == 3
    assert graph.nodes["RUS"]["events"] == 2 + 2 + 2 + 1 + 1
    mean = country_network(make_db(ROWS), until=UNTIL, weight="mean")
    assert mean.edges["GBR", "USA"]["weight"] == pytest.approx(6.4)


def test_blocs_balance_and_ties_by_hand(graph) -> None:
    report = analyse(graph, top=3)
    assert report.blocs == (("FRA", "GBR", "USA"), ("IRN", "RUS", "SYR"))
    assert report.frustration == pytest.approx(6.4)  # FRA-RUS, positive across
    # USA-GBR-FRA +++, USA-GBR-RUS +--, RUS-SYR-IRN +++ balanced; USA-FRA-RUS and GBR-FRA-RUS are not.
    assert (report.triangles, report.balanced, report.balance) == (5, 3, 0.6)
    assert [t.nodes for t in report.unbalanced] == [("FRA", "RUS", "USA"), ("FRA", "GBR", "RUS")]
    assert report.unbalanced[0].strength == pytest.approx(3.8)
    assert [(t.a, t.b) for t in report.cooperative] == [("GBR", "USA"), ("RUS", "SYR"), ("FRA", "RUS")]
    assert [(t.a, t.b, t.weight) for t in report.conflictual] == [("RUS", "USA", -20.0), ("GBR", "RUS", -2.0)]
    assert (report.positive, report.negative) == (7, 2)


def test_min_events_and_window() -> None:
    con = make_db(ROWS)
    thick = country_network(con, until=UNTIL, min_events=2)
    pairs = sorted("-".join(sorted(edge)) for edge in thick.edges)
    assert pairs == ["FRA-GBR", "FRA-USA", "GBR-USA", "IRN-RUS", "RUS-SYR", "RUS-USA"]
    assert country_network(con, since=date(2017, 1, 1)).edges["RUS", "USA"]["weight"] == pytest.approx(1.9)
    with pytest.raises(UsageError):
        country_network(con, weight="median")


def test_exports_round_trip(graph, tmp_path: Path) -> None:
    marked = with_blocs(graph, blocs(graph))
    write_graphml(marked, tmp_path / "net.graphml")
    back = nx.read_graphml(tmp_path / "net.graphml")
    assert back.edges["RUS", "USA"]["weight"] == -20.0 and back.nodes["RUS"]["bloc"] == 1
    write_json(marked, tmp_path / "net.json")
    data = json.loads((tmp_path / "net.json").read_text())
    assert len(data["links"]) == 9 and {n["id"] for n in data["nodes"]} == set(graph)
    assert "bloc" not in graph.nodes["RUS"]  # with_blocs copies


def test_empty_network() -> None:
    report = analyse(country_network(make_db([])))
    assert (report.nodes, report.triangles, report.balance, report.blocs) == (0, 0, None, ())


signed_edges = st.dictionaries(
    st.tuples(st.integers(0, 7), st.integers(0, 7)).filter(lambda e: e[0] < e[1]),
    st.sampled_from([-3.0, -1.0, 1.0, 2.0]),
    max_size=28,
)


def _graph(edges: dict[tuple[int, int], float]) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(f"N{i}" for i in range(8))
    graph.add_edges_from((f"N{u}", f"N{v}", {"weight": w}) for (u, v), w in edges.items())
    return graph


@settings(max_examples=60, deadline=None)
@given(edges=signed_edges)
def test_balance_is_a_share_and_blocs_are_a_local_optimum(edges) -> None:
    graph = _graph(edges)
    count, balanced, unbalanced = balance(graph, top=100)
    assert 0 <= balanced <= count and len(unbalanced) == count - balanced
    assert count == sum(nx.triangles(graph).values()) // 3
    groups = blocs(graph)
    assert sorted(n for g in groups for n in g) == sorted(graph)
    best = frustration(graph, groups)
    for node in graph:  # no single move to another bloc or to a bloc of its own does better
        for target in [*range(len(groups)), None]:
            moved = [g - {node} for g in groups] + ([{node}] if target is None else [])
            if target is not None:
                moved[target] = moved[target] | {node}
            assert frustration(graph, [g for g in moved if g]) >= best - 1e-9


@given(side=st.lists(st.booleans(), min_size=8, max_size=8))
def test_a_balanced_complete_graph_splits_into_its_two_camps(side) -> None:
    edges = {(u, v): (2.0 if side[u] == side[v] else -1.0) for u in range(8) for v in range(u + 1, 8)}
    graph = _graph(edges)
    groups = blocs(graph)
    assert frustration(graph, groups) == 0
    assert sorted(map(sorted, groups)) == sorted(sorted(f"N{i}" for i in range(8) if side[i] == s) for s in set(side))
    count, balanced, _ = balance(graph)
    assert count == balanced == 56
