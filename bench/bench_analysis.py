"""Time `dyadic dyad` and `dyadic network` on a synthetic event store, in-process and as commands.

    python bench/bench_analysis.py [--events 50000] [--repeat 7] [--seed 7] [--keep FILE]

The store holds `--events` clustered events over 2008-2017 between 40 countries in two blocs and a
neutral group: pairs inside a bloc mostly cooperate, pairs across mostly fight. Russia and Turkey
cooperate, except from the downing of the Russian jet (2015-11-24) to the rapprochement
(2016-06-27), when they mostly fight: the change detection should name 2015-11/12 and 2016-06/07.
Printed: the median (and every run) of the dyad answer (series + change points + text chart) and
of the network answer (graph + blocs + balance), then of the same two commands run as
subprocesses, Python start-up included. `--keep FILE` keeps the store, to try the commands on it.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.analysis_tables import EVENT_COLUMNS  # noqa: E402

WEST = [
    "USA",
    "GBR",
    "FRA",
    "DEU",
    "ITA",
    "ESP",
    "NLD",
    "BEL",
    "POL",
    "CAN",
    "AUS",
    "JPN",
    "KOR",
    "NOR",
    "DNK",
    "SWE",
    "GRC",
    "PRT",
    "CZE",
    "ROU",
]
EAST = ["RUS", "CHN", "IRN", "SYR", "PRK", "BLR", "VEN", "CUB", "IRQ", "LBN", "KAZ", "ARM"]
NEUTRAL = ["TUR", "IND", "BRA", "ZAF", "EGY", "SAU", "ISR", "UKR"]
# Chance of each QuadClass (verbal coop, material coop, verbal conflict, material conflict).
FRIENDS, RIVALS, MIXED = (0.55, 0.25, 0.15, 0.05), (0.15, 0.05, 0.45, 0.35), (0.45, 0.15, 0.3, 0.1)
START, DAYS = date(2008, 1, 1), 3653
CRISIS = (date(2015, 11, 24), date(2016, 6, 27))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", metavar="FILE", help="build the store at FILE and keep it")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.keep) if args.keep else Path(tmp) / "bench.duckdb"
        start = time.perf_counter()
        build_store(path, args.events, random.Random(args.seed))
        print(f"store: {args.events:,} events, 40 countries, 2008-2017 ({time.perf_counter() - start:.1f} s to build)")
        report(path, args.repeat)


def build_store(path: Path, count: int, rng: random.Random) -> None:
    """Write the synthetic events to a CSV and bulk-load it (row inserts would take minutes)."""
    import duckdb

    from dyadic.events.codebook import codebook
    from dyadic.store.schema import migrate

    by_quad: dict[int, list] = {1: [], 2: [], 3: [], 4: []}
    for info in codebook().values():
        if len(info.code) >= 3:
            by_quad[info.quad_class].append(info)
    path.unlink(missing_ok=True)
    with tempfile.NamedTemporaryFile("w", suffix=".csv", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(EVENT_COLUMNS)
        for i in range(count):
            writer.writerow(_row(i, rng, by_quad))
        handle.flush()
        con = duckdb.connect(str(path))
        migrate(con, str(path))
        columns = ", ".join(EVENT_COLUMNS)
        con.execute(
            f"INSERT INTO events ({columns}, global_id, added_at) SELECT *, row_number() OVER (), now() "
            "FROM read_csv(?, header = true, auto_detect = true)",
            [handle.name],
        )
        con.close()


def _row(i: int, rng: random.Random, by_quad: dict[int, list]) -> list[object]:
    day = START + timedelta(days=rng.randrange(DAYS))
    if rng.random() < 0.04:  # Russia and Turkey: about 2,000 events, 16 a month
        a, b = rng.sample(("RUS", "TUR"), 2)
        chances = RIVALS if CRISIS[0] <= day < CRISIS[1] else FRIENDS
    else:
        a, b = rng.sample(WEST + EAST + NEUTRAL, 2)
        chances = _relation(a, b)
    quad = rng.choices((1, 2, 3, 4), chances)[0]
    info = rng.choice(by_quad[quad])
    source, target = a + rng.choice(("", "GOV", "MIL")), b + rng.choice(("", "GOV"))
    event_id = f"e{i:07d}"
    return [
        event_id, day.isoformat(), "day", source, target, a, b, info.code, info.root, quad, info.goldstein,
        info.plover or "", rng.random() < 0.03, "asserted", rng.randint(1, 6), 1, 1,
        f"{source} {info.name.lower()} {target}.", f"https://news.example/{event_id}", f"a{i // 5:07d}",
    ]  # fmt: skip


def _relation(a: str, b: str) -> tuple[float, ...]:
    if NEUTRAL.count(a) or NEUTRAL.count(b):
        return MIXED
    return FRIENDS if (a in WEST) == (b in WEST) else RIVALS


def report(path: Path, repeat: int) -> None:
    from dyadic.analysis import chart, network
    from dyadic.analysis.change import detect_changes
    from dyadic.store import Store

    def dyad() -> str:
        with Store(path, read_only=True) as store:
            series = store.dyad("RUS", "TUR")
        changes = detect_changes(series.both)
        return chart.text_chart(series, changes) + "\n" + ", ".join(f"{c.label} {c.direction}" for c in changes)

    def net() -> str:
        with Store(path, read_only=True) as store:
            result = network.analyse(store.network(min_events=5))
        return f"{len(result.blocs)} blocs, balance {result.balance:.1%} of {result.triangles} triangles"

    print("dyad RUS TUR change points:", dyad().rsplit("\n", 1)[1])
    print("network:", net())
    command = [sys.executable, "-m", "dyadic"]
    jobs = {
        "dyad RUS TUR (library)": dyad,
        "network (library)": net,
        "dyadic dyad RUS TUR (command)": lambda: _run([*command, "dyad", "RUS", "TUR", "--db", str(path)]),
        "dyadic network (command)": lambda: _run([*command, "network", "--db", str(path), "--min-events", "5"]),
    }
    for name, job in jobs.items():
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            job()
            times.append(time.perf_counter() - start)
        runs = " ".join(f"{t:.3f}" for t in times)
        print(f"{name:<31}: median {statistics.median(times):.3f} s  runs {runs}")


def _run(command: list[str]) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


if __name__ == "__main__":
    main()
