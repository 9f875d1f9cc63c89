#!/usr/bin/env python3
"""Score the whole pipeline out of fold on the training articles, as the dev-set scorer scores it.

usage: python training/heldout_pipeline.py [--data FILE.jsonl ...] [--folds 5] [--threshold P]
                                          [--set MODULE.NAME=VALUE ...]

A setting of the pipeline (a cut, a rule's switch) must be chosen without looking at the dev set,
or the dev figures stop saying how dyadic does on articles it has not seen. This codes each fold of
the training articles with a pair coder trained on the other folds (the fixtures always train) and
prints recall and precision at (country pair, root, date window), with and without dates.
`--set events.candidates.MAX_PATH=6` replaces a module constant for the run, so that several
values of one setting can be compared on the same folds.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from dyadic.evaluate_articles import score_events

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_confidence import SPARSE, coded_out_of_fold
from train_pair_model import DEFAULT_DATA


def held_out_report(paths: list[Path], folds: int, threshold: float | None = None) -> str:
    """The dev-set scorer's summary for every training article coded out of fold."""
    records, events = coded_out_of_fold(paths, folds, threshold)
    report = score_events(records, events, dataset="training, out of fold")
    dated, undated = report.dated, report.undated
    return (
        f"recall {dated.recall:.3f} ({dated.found}/{dated.gold}), precision {dated.precision:.3f} "
        f"({dated.right}/{dated.output}); ignoring dates {undated.recall:.3f} / {undated.precision:.3f}"
    )


def _apply(setting: str) -> None:
    name, _, value = setting.partition("=")
    module_name, _, constant = name.rpartition(".")
    module = importlib.import_module(f"dyadic.{module_name}")
    if not hasattr(module, constant):
        raise SystemExit(f"--set {setting}: dyadic.{module_name} has no {constant}")
    setattr(module, constant, type(getattr(module, constant))(value))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", nargs="+", type=Path, default=[p for p in DEFAULT_DATA if p.name not in SPARSE])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--threshold", type=float, help="the pair coder's cut (default: the bundled model's)")
    parser.add_argument("--set", action="append", default=[], metavar="MODULE.NAME=VALUE")
    args = parser.parse_args(argv)
    for setting in args.set:
        _apply(setting)
    print(held_out_report(args.data, args.folds, args.threshold))
    return 0


if __name__ == "__main__":
    sys.exit(main())
