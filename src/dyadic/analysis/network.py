"""The signed alignment network of countries: who sides with whom, and how balanced the sides are.

**The graph.** One node per country (ISO alpha-3 of the event's source or target), one undirected
edge per pair of countries with events between them in `[since, until]`, either way. The edge's
`weight` is the Goldstein sum of those events (or their mean, with `weight="mean"`), so its sign
says whether the pair mostly cooperated (+) or fought (-); `events`, and the directed counts and
sums `events_uv`/`events_vu` and `goldstein_uv`/`goldstein_vu` (u < v alphabetically), stay on
the edge. Domestic events (same country both sides) and events with an unknown country are left
out; pairs with fewer than `min_events` events are dropped as too thin to sign.

**Blocs** are a signed partition that minimises *frustration*: the weight of the positive edges
that cross blocs plus the weight of the negative edges inside them (correlation clustering, the
measure of structural balance that counts how far a network is from "friends inside, enemies
across"). Finding the minimum is NP-hard, so we start from the Louvain communities of the positive
subgraph (seeded, hence reproducible) and then move single countries to the bloc, or to a bloc of
their own, that lowers the frustration most, until no move helps. The number of blocs is not
fixed in advance: it is whatever fits the signs best.

**Structural balance** (Heider; Cartwright and Harary): a triangle of three signed ties is balanced
when the product of its signs is positive (a friend of a friend is a friend, an enemy of an enemy
is a friend). We count the triangles whose three edges all exist and report the balanced share; the
most unbalanced triangles are the unbalanced ones whose weakest tie is strongest, i.e. the tensions
that no weak link explains away.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from dyadic.analysis import filters
from dyadic.errors import UsageError

if TYPE_CHECKING:
    import duckdb
    import networkx as nx

EdgeWeight = Literal["sum", "mean"]


@dataclass(frozen=True, slots=True)
class Tie:
    """An edge of the network: `a` < `b`; `weight` signed as the relation."""

    a: str
    b: str
    weight: float
    events: int
    goldstein_mean: float


@dataclass(frozen=True, slots=True)
class Triangle:
    nodes: tuple[str, str, str]
    signs: tuple[int, int, int]  # of the edges (n0, n1), (n0, n2), (n1, n2)
    strength: float  # the smallest |weight| of its three edges


@dataclass(frozen=True, slots=True)
class NetworkReport:
    """What `dyadic network` prints: size, blocs, balance and the strongest ties."""

    nodes: int
    edges: int
    positive: int
    negative: int
    blocs: tuple[tuple[str, ...], ...]
    frustration: float
    triangles: int
    balanced: int
    unbalanced: tuple[Triangle, ...] = field(default=())
    cooperative: tuple[Tie, ...] = field(default=())
    conflictual: tuple[Tie, ...] = field(default=())

    @property
    def balance(self) -> float | None:
        """Share of balanced triangles, or None when there is no triangle."""
        return self.balanced / self.triangles if self.triangles else None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self) | {"balance": self.balance}


def country_network(
    con: duckdb.DuckDBPyConnection,
    *,
    since: date | None = None,
    until: date | None = None,
    min_events: int = 1,
    weight: str = "sum",
    include_negated: bool = False,
) -> nx.Graph:
    """The undirected signed graph of countries described in the module docstring."""
    import networkx as nx

    if weight not in ("sum", "mean"):
        raise UsageError(f"unknown edge weight {weight!r}: use sum or mean")
    where = filters.window(since, until, include_negated=include_negated)
    sql = f"""
        WITH pairs AS (
            SELECT least(source_country, target_country) AS u, greatest(source_country, target_country) AS v,
                   source_country = least(source_country, target_country) AS forward, goldstein
            FROM events
            WHERE ({where.sql}) AND source_country IS NOT NULL AND target_country IS NOT NULL
              AND source_country <> target_country
        )
        SELECT u, v, count(*), sum(goldstein),
               count(*) FILTER (WHERE forward), coalesce(sum(goldstein) FILTER (WHERE forward), 0),
               count(*) FILTER (WHERE NOT forward), coalesce(sum(goldstein) FILTER (WHERE NOT forward), 0)
        FROM pairs GROUP BY u, v HAVING count(*) >= ? ORDER BY u, v
    """
    graph = nx.Graph(since=since.isoformat() if since else "", until=until.isoformat() if until else "")
    graph.graph.update(min_events=int(min_events), weight=weight)
    for u, v, events, gsum, n_uv, g_uv, n_vu, g_vu in con.execute(sql, (*where.params, int(min_events))).fetchall():
        mean = gsum / events
        graph.add_edge(
            u, v, weight=gsum if weight == "sum" else mean, events=events, goldstein_sum=gsum, goldstein_mean=mean,
            events_uv=n_uv, goldstein_uv=g_uv, events_vu=n_vu, goldstein_vu=g_vu,
        )  # fmt: skip
    for node in graph:
        graph.nodes[node]["events"] = sum(d["events"] for _, _, d in graph.edges(node, data=True))
    return graph


def analyse(graph: nx.Graph, *, top: int = 10, seed: int = 0) -> NetworkReport:
    """Blocs, balance and the `top` strongest ties of each sign."""
    groups = blocs(graph, seed=seed)
    count, balanced, unbalanced = balance(graph, top=top)
    ties = sorted(_ties(graph), key=lambda t: (-abs(t.weight), t.a, t.b))
    signs = [_sign(d["weight"]) for _, _, d in graph.edges(data=True)]
    return NetworkReport(
        nodes=graph.number_of_nodes(),
        edges=graph.number_of_edges(),
        positive=signs.count(1),
        negative=signs.count(-1),
        blocs=tuple(tuple(sorted(group)) for group in groups),
        frustration=frustration(graph, groups),
        triangles=count,
        balanced=balanced,
        unbalanced=tuple(unbalanced),
        cooperative=tuple(t for t in ties if t.weight > 0)[:top],
        conflictual=tuple(t for t in ties if t.weight < 0)[:top],
    )


def blocs(graph: nx.Graph, *, seed: int = 0, max_sweeps: int = 50) -> list[set[str]]:
    """A partition with low frustration (see the module docstring), largest bloc first."""
    import networkx as nx

    positive = nx.Graph()
    positive.add_nodes_from(graph)
    positive.add_edges_from((u, v, {"weight": d["weight"]}) for u, v, d in graph.edges(data=True) if d["weight"] > 0)
    start = nx.community.louvain_communities(positive, weight="weight", seed=seed)
    member = {node: i for i, group in enumerate(start) for node in group}
    fresh = len(start)
    for _ in range(max_sweeps):
        moved = False
        for node in sorted(graph):
            best = _best_bloc(graph, member, node, fresh)
            if best != member[node]:
                member[node], moved = best, True
                fresh += best == fresh
        if not moved:
            break
    groups: dict[int, set[str]] = defaultdict(set)
    for node, group in member.items():
        groups[group].add(node)
    return sorted(groups.values(), key=lambda g: (-len(g), sorted(g)))


def _best_bloc(graph: nx.Graph, member: dict[str, int], node: str, fresh: int) -> int:
    """The bloc where `node` disagrees least with its ties; staying put wins ties, a new bloc is `fresh`."""
    agree: dict[int, float] = defaultdict(float)  # positive weight in, minus negative weight in
    for other, data in graph[node].items():
        agree[member[other]] += data["weight"]
    current = member[node]
    # cost(c) = positive weight outside c + negative weight inside c = const - agree[c]
    best, best_agree = current, agree.get(current, 0.0)
    for group, value in sorted(agree.items()):
        if value > best_agree + 1e-12:
            best, best_agree = group, value
    if best_agree < -1e-12:
        return fresh  # every existing bloc costs more than standing alone
    return best


def frustration(graph: nx.Graph, groups: list[set[str]]) -> float:
    """Weight of positive edges across blocs plus |weight| of negative edges inside blocs."""
    member = {node: i for i, group in enumerate(groups) for node in group}
    total = 0.0
    for u, v, data in graph.edges(data=True):
        w, same = data["weight"], member[u] == member[v]
        if (w > 0 and not same) or (w < 0 and same):
            total += abs(w)
    return total


def balance(graph: nx.Graph, *, top: int = 10) -> tuple[int, int, list[Triangle]]:
    """(triangles, balanced triangles, the `top` most unbalanced) over edges with a non-zero weight."""
    order = {node: i for i, node in enumerate(sorted(graph))}
    signed = {node: {o: d["weight"] for o, d in graph[node].items() if d["weight"]} for node in graph}
    count = balanced = 0
    unbalanced: list[Triangle] = []
    for u in sorted(signed, key=order.__getitem__):
        later = sorted((v for v in signed[u] if order[v] > order[u]), key=order.__getitem__)
        for i, v in enumerate(later):
            for w in later[i + 1 :]:
                if w not in signed[v]:
                    continue
                weights = (signed[u][v], signed[u][w], signed[v][w])
                count += 1
                signs = tuple(_sign(x) for x in weights)
                if signs[0] * signs[1] * signs[2] > 0:
                    balanced += 1
                else:
                    unbalanced.append(Triangle((u, v, w), signs, min(abs(x) for x in weights)))  # type: ignore[arg-type]
    unbalanced.sort(key=lambda t: (-t.strength, t.nodes))
    return count, balanced, unbalanced[:top]


def with_blocs(graph: nx.Graph, groups: list[set[str]]) -> nx.Graph:
    """A copy of the graph whose nodes carry their bloc number (0 = largest bloc)."""
    out = graph.copy()
    for i, group in enumerate(groups):
        for node in group:
            out.nodes[node]["bloc"] = i
    return out


def write_graphml(graph: nx.Graph, path: str | Path) -> None:
    import networkx as nx

    nx.write_graphml(graph, str(path))


def write_json(graph: nx.Graph, path: str | Path) -> None:
    """Node-link JSON (`nodes`, `links`), the shape d3 and Cytoscape read."""
    import networkx as nx

    data = nx.node_link_data(graph, edges="links")
    Path(path).write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def _ties(graph: nx.Graph) -> list[Tie]:
    return [
        Tie(min(u, v), max(u, v), d["weight"], d["events"], d["goldstein_mean"]) for u, v, d in graph.edges(data=True)
    ]


def _sign(value: float) -> int:
    return (value > 0) - (value < 0)
