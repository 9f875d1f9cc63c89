#!/usr/bin/env python3
"""Fit the confidence calibration (src/dyadic/data/models/confidence.json) on held-out codings.

usage: python training/train_confidence.py [--data FILE.jsonl ...] [--out PATH] [--folds 5]

The training articles are split into folds by article. For each fold a pair coder is trained on
the other folds (with the bundled model's threshold) and the fold's articles are coded by the full
pipeline with it, so every event is coded by a model that never saw its article. Each countable
event is labelled right when it matches an annotated event of its article as the dev-set scorer
matches (country pair, root, date window). A logistic regression over `events.confidence.
event_features` (L2, deterministic gradient descent) is fitted to those labels. A table of the
held-out calibration is printed.
"""

from __future__ import annotations

import argparse
import sys
from itertools import pairwise
from pathlib import Path

import numpy as np

from dyadic import pipeline
from dyadic.evaluate_articles import countable, matches
from dyadic.events.confidence import Calibrator, event_features
from dyadic.events.learned import NONE, load_model
from dyadic.pipeline import Options, code_articles
from dyadic.records import Article, Event

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_pair_model import DEFAULT_DATA, FIXTURES, _records, build_examples, train

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "src" / "dyadic" / "data" / "models" / "confidence.json"
# Its annotator left out minor events on purpose (see DATA_CARD.md): right events would count as wrong.
SPARSE = frozenset({"wikinews_2019b.jsonl"})
L2 = 1e-2
STEPS = 3000
LEARNING_RATE = 0.1


def coded_out_of_fold(paths: list[Path], folds: int, threshold: float | None = None) -> tuple[list[dict], list[dict]]:
    """The training records and every event the pipeline codes in them, each article coded with a
    pair coder trained on the other folds (the fixtures always train, never held out). Events carry
    their raw confidence: the calibration is what is being fitted. `threshold` is the pair coder's
    cut (default: the bundled model's)."""
    records = [record for path in paths for record in _records(path)]
    examples = build_examples([*paths, *FIXTURES])
    if threshold is None:
        bundled = load_model()
        threshold = bundled.threshold if bundled is not None else 0.5
    classes = (NONE, *sorted({e.label for e in examples} - {NONE}))
    ids = sorted(str(r["id"]) for r in records)
    events: list[dict] = []
    original = pipeline.load_calibrator
    pipeline.load_calibrator = lambda: None
    try:
        for fold in range(folds):
            held = {a for i, a in enumerate(ids) if i % folds == fold}
            model = train([e for e in examples if e.article not in held], classes, threshold)
            pipeline.load_model = lambda model=model: model
            articles = [
                Article(input=f"train#{r['id']}", text=r["text"], title=r.get("title"), published=r.get("published"))
                for r in records
                if str(r["id"]) in held
            ]
            events += [item.to_dict() for item in code_articles(articles, Options()) if isinstance(item, Event)]
    finally:
        pipeline.load_calibrator = original
        pipeline.load_model = load_model
    return records, events


def held_out_events(paths: list[Path], folds: int) -> list[tuple[dict, bool]]:
    """(event dict with its raw confidence, right) for every countable event, each coded out of fold."""
    records, events = coded_out_of_fold(paths, folds)
    gold = {str(r["id"]): r["events"] for r in records}
    return [
        (event, any(matches(event, g) for g in gold[event["input"].rsplit("#", 1)[-1]]))
        for event in events
        if countable(event)
    ]


def fit(rows: list[dict[str, float]], labels: list[bool]) -> Calibrator:
    names = sorted(rows[0])
    x = np.array([[r[n] for n in names] for r in rows])
    y = np.array(labels, dtype=float)
    w = np.zeros(len(names))
    b = 0.0
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        w -= LEARNING_RATE * (x.T @ (p - y) / len(y) + L2 * w)
        b -= LEARNING_RATE * float((p - y).mean())
    return Calibrator({n: round(float(v), 4) for n, v in zip(names, w, strict=True)}, round(b, 4))


def table(calibrator: Calibrator | None, data: list[tuple[dict, bool]]) -> list[str]:
    edges = (0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 1.01)
    scores = [(calibrator.probability(e) if calibrator else float(e["confidence"]), right) for e, right in data]
    lines = []
    for low, high in pairwise(edges):
        inside = [(p, r) for p, r in scores if low <= p < high]
        if inside:
            share = sum(r for _, r in inside) / len(inside)
            lines.append(f"  [{low:.1f}, {min(high, 1.0):.1f})  {len(inside):4d} events  right {share:.3f}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", nargs="+", type=Path, default=[p for p in DEFAULT_DATA if p.name not in SPARSE])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)
    data = held_out_events(args.data, args.folds)
    print(f"{len(data)} held-out events, {sum(r for _, r in data)} right")
    print("raw scores:")
    print("\n".join(table(None, data)))
    calibrator = fit([event_features(e) for e, _ in data], [r for _, r in data])
    print("calibrated (in sample):")
    print("\n".join(table(calibrator, data)))
    args.out.write_text(calibrator.to_json(), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
