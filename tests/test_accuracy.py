"""The accuracy gate: `dyadic eval` on the bundled gold sets must stay above the pinned floors."""

from __future__ import annotations

import hashlib
import json

import pytest

from .conftest import GOLD

BASELINE = json.loads((GOLD.parent.parent / "tests" / "eval_baseline.json").read_text(encoding="utf-8"))


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
