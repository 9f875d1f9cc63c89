"""Time `dyadic code` against a full spaCy parse on 120 real Wikinews articles, in one run.

    python bench/bench_realnews.py [--data bench/data/wikinews_120.jsonl.gz] [--repeats 3] [--warm]

The articles (bench/data/README.md: CC BY 2.5, built by tools/build_bench_wikinews.py) are a
compressed JSON Lines file that both sides read as it is. Each run is a fresh process, Python and
model start-up included, as a user would meet them:

- `python -m dyadic code FILE -o OUT`: cleaning, actors, events, dates, places;
- a full parse: this script with `--spacy-parse FILE`, which loads the same model with every
  default pipe (NER included) and pipes the raw texts through it (batches of 64, as dyadic).

Runs alternate (full, dyadic, full, dyadic, ...) and the medians and their ratio are printed: full
parse time / dyadic time, above 1.0 means dyadic is faster. `--warm` adds the same comparison in
this process after both models are loaded, the set-up bench_code.py uses on generated articles.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import alternate, print_medians

DATA = Path(__file__).resolve().parent / "data" / "wikinews_120.jsonl.gz"
BATCH_SIZE = 64


def read_texts(path: Path) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def spacy_parse(path: Path) -> None:
    """The full-parse side, run as its own process: load, parse everything, report both times."""
    start = time.perf_counter()
    import spacy

    from dyadic.nlp import MODEL_NAME

    full = spacy.load(MODEL_NAME)  # every default component: what a plain parse costs
    loaded = time.perf_counter()
    tokens = sum(len(doc) for doc in full.pipe(read_texts(path), batch_size=BATCH_SIZE))
    done = time.perf_counter()
    print(json.dumps({"load": loaded - start, "parse": done - loaded, "tokens": tokens, "pipes": full.pipe_names}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA, help="articles, JSON Lines (default: %(default)s)")
    parser.add_argument("--repeats", type=int, default=3, help="alternating runs per side (default 3)")
    parser.add_argument("--warm", action="store_true", help="also time both in this process, models loaded")
    parser.add_argument("--spacy-parse", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.spacy_parse:
        spacy_parse(args.spacy_parse)
        return

    texts = read_texts(args.data)
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {args.data.name}, {len(texts)} articles, {words:,} words; {args.repeats} alternating runs each")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder, "events.jsonl")
        dyadic_cmd = [sys.executable, "-m", "dyadic", "code", str(args.data), "-o", str(out)]
        spacy_cmd = [sys.executable, str(Path(__file__).resolve()), "--spacy-parse", str(args.data)]
        env = dict(os.environ)  # the children import the same dyadic as this script
        src = str(Path(__file__).resolve().parent.parent / "src")
        env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
        times, results = alternate(
            {
                "full spaCy parse (process)": lambda: _run(spacy_cmd, env),
                "dyadic code (process)": lambda: _run(dyadic_cmd, env),
            },
            args.repeats,
        )
        events = sum(1 for _ in out.open(encoding="utf-8"))
    child = json.loads(results["full spaCy parse (process)"])
    print(f"dyadic: {events} events coded; spaCy: {child['tokens']:,} tokens, pipes {', '.join(child['pipes'])}")
    print(f"spaCy start-up and model load in its last run: {child['load']:.2f} s")
    medians = print_medians(times, words)
    ratio = medians["full spaCy parse (process)"] / medians["dyadic code (process)"]
    print(f"speed ratio (full parse / dyadic), start-up included: {ratio:.2f}")
    if args.warm:
        _warm(args.data, texts, words, args.repeats)


def _warm(path: Path, texts: list[str], words: int, repeats: int) -> None:
    import spacy

    from dyadic import nlp
    from dyadic.ingest import read_inputs
    from dyadic.pipeline import code_articles
    from dyadic.records import Event

    articles = list(read_inputs([str(path)]))  # read once: the warm runs time coding alone
    full = spacy.load(nlp.MODEL_NAME)
    list(full.pipe(texts[:5]))
    list(code_articles(articles[:5]))  # load dictionaries, patterns and the gazetteer once

    def parse_all() -> None:
        for _doc in full.pipe(texts, batch_size=BATCH_SIZE):
            pass

    times, results = alternate(
        {
            "full spaCy parse (warm)": parse_all,
            "dyadic code (warm)": lambda: sum(isinstance(item, Event) for item in code_articles(articles)),
        },
        repeats,
    )
    print(f"warm, in this process: {results['dyadic code (warm)']} events coded")
    medians = print_medians(times, words)
    ratio = medians["full spaCy parse (warm)"] / medians["dyadic code (warm)"]
    print(f"speed ratio (full parse / dyadic), warm models: {ratio:.2f}")


def _run(command: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return done.stdout


if __name__ == "__main__":
    main()
