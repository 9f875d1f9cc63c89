from __future__ import annotations

import json
from pathlib import Path

from dyadic.cli import main
from dyadic.evaluate import LEVELS, Score, _matches, evaluate


def test_matching_is_one_to_one_with_null_wildcards() -> None:
    gold = [("USA", None, "042"), ("USA", "RUS", "042")]
    pred = [("USA", "RUS", "042")]
    assert _matches(gold, pred) == 1
    assert _matches([(None, None, "010")], [("X", "Y", "010"), ("X", "Y", "010")]) == 1
    assert _matches([("USAGOV", "RUS", "042")], [("USA", "RUS", "042")]) == 0


def test_levels_project_keys() -> None:
    key = ("USAGOV", "RUSMIL", "0874")
    assert LEVELS["root"](key) == ("USA", "RUS", "08")
    assert LEVELS["code"](key) == (None, None, "0874")
    assert LEVELS["triple"](key) == key


def test_score_arithmetic() -> None:
    score = Score(tp=3, fp=1, fn=2)
    assert (round(score.precision, 2), round(score.recall, 2), round(score.f1, 3)) == (0.75, 0.6, 0.667)
    assert Score().f1 == 0.0


def test_evaluate_small_gold_file(tmp_path: Path, capsys) -> None:
    gold = tmp_path / "gold.jsonl"
    records = [
        {"id": "a", "text": "Turkey expelled the Dutch ambassador.", "date": "2017-03-12",
         "events": [{"source": "TUR", "target": "NLDGOV", "code": "166"}]},
        {"id": "b", "text": "The weather was fine.", "events": [], "no_events": True},
        {"id": "c", "text": "Hola amigos.", "language": "es", "events": []},
    ]  # fmt: skip
    gold.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    report = evaluate(str(gold)).as_dict()
    assert report["records"] == 2 and report["skipped_records"] == 1
    assert report["levels"]["triple"]["tp"] == 1 and report["root_hit_rate"] == 1.0
    assert report["no_event_records_with_output"] == 0
    assert main(["eval", str(gold), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["dataset"] == "gold"
