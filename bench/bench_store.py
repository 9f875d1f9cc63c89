"""Event store speed: ingest a generated corpus, ingest it again (everything already stored), add
the sample articles, then time the queries, exports and analyses (`dyad RUS TUR`, `network`) a user runs.

    python bench/bench_store.py [--articles 3000] [--words 300] [--repeat 5] [--ingest-repeat 1] [--seed 3] [--keep F]

Articles come from `corpus.py`, one JSON Lines record each with a date between 2015 and 2022 and a
URL on one of a few dozen news sites, so that dyad filters, date ranges and clustering see realistic
spreads. Each ingest goes into a fresh store file; query and export times are medians of --repeat runs.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate_articles

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

QUERIES: dict[str, Callable] = {
    "events RUS->TUR": lambda s: s.events(source="RUS", target="TUR"),
    "events TUR since 2018, root 19": lambda s: s.events(country="TUR", since="2018", root="19"),
    "events search 'sanctions'": lambda s: s.events(search="sanctions", limit=100),
    "dyad-month Goldstein (SQL)": lambda s: s.connection.execute(
        "SELECT source_country, target_country, date_trunc('month', date) AS m, count(*), sum(goldstein) "
        "FROM events GROUP BY ALL"
    ).fetchall(),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--words", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--ingest-repeat", type=int, default=1)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--keep", metavar="FILE", help="keep the ingested store as FILE")
    args = parser.parse_args()

    from dyadic.pipeline import code_articles
    from dyadic.records import Article
    from dyadic.store import Store

    list(code_articles([Article("warm", "Turkey accused Russia of violating the ceasefire.")]))  # load the model
    with tempfile.TemporaryDirectory() as tmp:
        corpus = _write_corpus(Path(tmp), args.articles, args.words, args.seed)
        ingest_times, report = [], None
        for run in range(args.ingest_repeat):
            start = time.perf_counter()
            with Store(Path(tmp) / f"bench{run}.duckdb") as store:
                report = store.ingest([str(corpus)])
            ingest_times.append(time.perf_counter() - start)
        db = Path(tmp) / "bench0.duckdb"
        with Store(db) as store:
            start = time.perf_counter()
            again = store.ingest([str(corpus)])
            reingest = time.perf_counter() - start
            store.ingest([str(EXAMPLES)])  # the sample articles join the generated ones
            counts = store.counts()
            timings = {name: _median(lambda q=query: q(store), args.repeat) for name, query in QUERIES.items()}
            for fmt, table in (("parquet", "mentions"), ("parquet", "events"), ("csv", "mentions"), ("gdelt", "")):
                out = str(Path(tmp) / f"out.{fmt}.{table or 'export'}")
                timings[f"export {fmt} {table}".rstrip()] = _median(
                    lambda f=fmt, o=out, t=table or "mentions": store.export(f, o, table=t), args.repeat
                )
        analysis = _analysis_timings(db, args.repeat)  # read-only, once the writer has closed
        if args.keep:
            shutil.copy(db, args.keep)
    assert report is not None and again.articles_added == 0
    med = statistics.median(ingest_times)
    print(f"corpus: {args.articles} articles of ~{args.words} words (seed {args.seed})")
    print(f"stored: {counts}")
    print(f"ingest        : median {med:.2f} s ({args.articles / med:,.0f} articles/s)  runs {_fmt(ingest_times)}")
    print(f"re-ingest     : {reingest:.2f} s (all {again.articles_skipped} articles already stored)")
    for name, seconds in {**timings, **analysis}.items():
        print(f"{name:<31}: median {seconds * 1000:8.1f} ms")


def _analysis_timings(db: Path, repeat: int) -> dict[str, float]:
    """`dyadic dyad RUS TUR` and `dyadic network` on the ingested store: in-process, and as commands
    (which include Python's start-up and the imports)."""
    from dyadic.analysis import chart, network
    from dyadic.analysis.change import detect_changes
    from dyadic.store import Store

    def dyad() -> str:
        with Store(db, read_only=True) as store:
            series = store.dyad("RUS", "TUR")
        return chart.text_chart(series, detect_changes(series.both))

    def net() -> object:
        with Store(db, read_only=True) as store:
            return network.analyse(store.network())

    def command(*args: str) -> Callable[[], object]:
        argv = [sys.executable, "-m", "dyadic", *args, "--db", str(db)]
        return lambda: subprocess.run(argv, check=True, capture_output=True)

    return {
        "dyad RUS TUR (library)": _median(dyad, repeat),
        "network (library)": _median(net, repeat),
        "`dyadic dyad RUS TUR` command": _median(command("dyad", "RUS", "TUR"), repeat),
        "`dyadic network` command": _median(command("network"), repeat),
    }


def _write_corpus(folder: Path, count: int, words: int, seed: int) -> Path:
    rng = random.Random(seed)
    sites = [f"news{i}.example" for i in range(40)]
    path = folder / "corpus.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for i, text in enumerate(generate_articles(rng, count, words)):
            day = date(2015, 1, 1) + timedelta(days=rng.randrange(8 * 365))
            url = f"https://{rng.choice(sites)}/{day:%Y/%m/%d}/story-{i}"
            out.write(json.dumps({"url": url, "date": day.isoformat(), "text": text}) + "\n")
    return path


def _median(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _fmt(runs: list[float]) -> str:
    return ", ".join(f"{r:.2f}" for r in runs)


if __name__ == "__main__":
    main()
