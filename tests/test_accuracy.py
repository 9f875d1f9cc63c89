"""The accuracy gate: `dyadic eval` on the bundled gold sets (sentence records and whole articles) must
stay above the pinned floors."""

from __future__ import annotations

import hashlib
import json

import pytest

from .conftest import GOLD, ROOT

BASELINE = json.loads((ROOT / "tests" / "eval_baseline.json").read_text(encoding="utf-8"))


def _scores(report) -> dict[str, float]:
    data = report.as_dict()
    out = {k: data[k] for k in ("root_hit_rate", "code_hit_rate", "quad_class_accuracy", "output_root_named_by_gold")}
    for level, score in data["levels"].items():
        out.update({f"{level}_{m}": score[m] for m in ("precision", "recall", "f1")})
    out["max_no_event_share"] = data["no_event_records_with_output"] / max(data["no_event_records"], 1)
    out["actor_country_accuracy"] = data["actors"]["country_accuracy"]
    out["actor_full_code_accuracy"] = data["actors"]["full_code_accuracy"]
    return out


@pytest.mark.parametrize("name", sorted(BASELINE["sets"]))
def test_scores_stay_above_floors(name: str) -> None:
    from dyadic.evaluate import evaluate

    path = GOLD / name
    pinned = BASELINE["sets"][name]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == pinned["sha256"], "gold file changed: re-measure floors"
    scores = _scores(evaluate(str(path), worst=0))
    for metric, floor in pinned["floors"].items():
        if metric.startswith("max_"):
            assert scores[metric] <= floor, f"{name} {metric} {scores[metric]:.3f} > {floor}"
        else:
            assert scores[metric] >= floor, f"{name} {metric} {scores[metric]:.3f} < {floor}"


def _article_scores(report) -> dict[str, float]:
    dated, undated = report.dated, report.undated
    return {
        "recall": dated.recall,
        "precision": dated.precision,
        "recall_ignoring_dates": undated.recall,
        "precision_ignoring_dates": undated.precision,
        "dyad_recall": report.dyad_recall,
    }


@pytest.mark.parametrize("name", sorted(BASELINE["article_sets"]))
def test_article_scores_stay_above_floors(name: str) -> None:
    from dyadic.evaluate_articles import evaluate_articles

    path = ROOT / name
    pinned = BASELINE["article_sets"][name]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == pinned["sha256"], "gold file changed: re-measure floors"
    report = evaluate_articles(str(path))
    assert not report.rejected and report.outside == 0
    scores = _article_scores(report)
    for metric, floor in pinned["floors"].items():
        assert scores[metric] >= floor, f"{name} {metric} {scores[metric]:.3f} < {floor}"
