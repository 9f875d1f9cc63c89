"""Article-level evaluation: the matcher on hand-made articles and events, and `dyadic eval` on them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dyadic.cli import main
from dyadic.evaluate_articles import (
    article_of,
    assign,
    countable,
    is_article_record,
    matches,
    score_events,
)


def gold(s: str, t: str, roots: list[str], code: str, window: str = "", sym: bool = False, note: str = "") -> dict:
    event: dict[str, Any] = {"source_country": s, "target_country": t, "roots": roots, "code": code}
    event.update(symmetric=sym, note=note, sentence="")
    if window:
        event["date_from"], event["date_to"] = window.split("/")
    return event


def out(article: str, s: str | None, t: str | None, root: str | None, date: str | None, **extra: Any) -> dict:
    event = {"input": f"gold.jsonl#{article}", "source": s, "target": t, "source_country": s, "target_country": t}
    event.update(code=(root or "01") + "0", date=date, negated=False, confidence=0.5, evidence={"sentence": ""})
    if root:
        event["root"] = root
    event.update(extra)
    return event


JUNE = "2020-06-09/2020-06-11"

MATCH_CASES = [
    # (output event, gold event, with_date, matches?)
    ("same pair, root listed", out("a", "USA", "IRN", "11", "2020-06-10"), gold("USA", "IRN", ["11", "12"], "112", JUNE), True, True),
    ("second listed root", out("a", "USA", "IRN", "12", "2020-06-10"), gold("USA", "IRN", ["11", "12"], "112", JUNE), True, True),
    ("root not listed", out("a", "USA", "IRN", "04", "2020-06-10"), gold("USA", "IRN", ["11"], "112", JUNE), True, False),
    ("root from code", out("a", "USA", "IRN", None, "2020-06-10", code="112"), gold("USA", "IRN", ["11"], "112", JUNE), True, True),
    ("reversed, not symmetric", out("a", "IRN", "USA", "11", "2020-06-10"), gold("USA", "IRN", ["11"], "112", JUNE), True, False),
    ("reversed, symmetric", out("a", "TUR", "RUS", "04", "2020-06-10"), gold("RUS", "TUR", ["04"], "040", JUNE, sym=True), True, True),
    ("wrong pair, symmetric", out("a", "TUR", "IRN", "04", "2020-06-10"), gold("RUS", "TUR", ["04"], "040", JUNE, sym=True), True, False),
    ("window start", out("a", "USA", "IRN", "11", "2020-06-09"), gold("USA", "IRN", ["11"], "112", JUNE), True, True),
    ("window end, with a time", out("a", "USA", "IRN", "11", "2020-06-11T23:00:00"), gold("USA", "IRN", ["11"], "112", JUNE), True, True),
    ("before the window", out("a", "USA", "IRN", "11", "2020-06-08"), gold("USA", "IRN", ["11"], "112", JUNE), True, False),
    ("after the window", out("a", "USA", "IRN", "11", "2020-06-12"), gold("USA", "IRN", ["11"], "112", JUNE), True, False),
    ("undated, window", out("a", "USA", "IRN", "11", None), gold("USA", "IRN", ["11"], "112", JUNE), True, False),
    ("dates ignored", out("a", "USA", "IRN", "11", "2019-01-01"), gold("USA", "IRN", ["11"], "112", JUNE), False, True),
    ("no window, any date", out("a", "USA", "IRN", "11", "1999-01-01"), gold("USA", "IRN", ["11"], "112"), True, True),
    ("no window, undated", out("a", "USA", "IRN", "11", None), gold("USA", "IRN", ["11"], "112"), True, True),
    ("domestic pair", out("a", "BOL", "BOL", "17", "2020-06-10"), gold("BOL", "BOL", ["17"], "173", JUNE), True, True),
]  # fmt: skip


@pytest.mark.parametrize(("event", "gold_event", "with_date", "expected"), [c[1:] for c in MATCH_CASES],
                         ids=[c[0] for c in MATCH_CASES])  # fmt: skip
def test_matches(event: dict, gold_event: dict, with_date: bool, expected: bool) -> None:
    assert matches(event, gold_event, with_date) is expected


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (out("a", "USA", "IRN", "11", None), True),
        (out("a", "USA", None, "11", None), False),
        (out("a", None, "IRN", "11", None), False),
        (out("a", "USA", "IRN", "11", None, negated=True), False),
    ],
)
def test_countable(event: dict, expected: bool) -> None:
    assert countable(event) is expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [("data/dev.jsonl#wn2019-006", "wn2019-006"), ("x.jsonl#a#b", "b"), ("plain", "plain"), ("", "")],
)
def test_article_of_reads_the_id_after_the_last_hash(given: str, expected: str) -> None:
    assert article_of({"input": given}) == expected


def test_greedy_matching_takes_gold_events_in_order() -> None:
    # the first gold event takes the first output it matches, even when a later gold event
    # could only have used that one: greedy, not the best assignment
    golds = [gold("USA", "IRN", ["11"], "111"), gold("USA", "IRN", ["11"], "112", JUNE)]
    outputs = [out("a", "USA", "IRN", "11", "2020-06-10"), out("a", "USA", "IRN", "11", "2020-05-01")]
    assert assign(golds, outputs) == [0, None]
    assert assign(list(reversed(golds)), outputs) == [0, 1]
    assert assign(golds, outputs, with_date=False) == [0, 1]


SCORE_CASES = [
    # (name, gold events of article "a", output events, expected counts)
    ("one to one: a repeat counts once for recall, twice for precision",
     [gold("USA", "IRN", ["11"], "112")],
     [out("a", "USA", "IRN", "11", None), out("a", "USA", "IRN", "11", None)],
     {"found": 1, "gold": 1, "right": 2, "output": 2}),
    # the second is marked a date miss: the reference scorer asks whether any output matches
    # it without the date, used or not
    ("two gold events, one output",
     [gold("USA", "IRN", ["11"], "112"), gold("USA", "IRN", ["11"], "111")],
     [out("a", "USA", "IRN", "11", None)],
     {"found": 1, "gold": 2, "right": 1, "output": 1, "date_only_misses": 1, "found_undated": 1}),
    ("negated and one-sided events are not counted",
     [gold("BOL", "BOL", ["17"], "173")],
     [out("a", "BOL", "BOL", "17", None, negated=True), out("a", "BOL", None, "17", None)],
     {"found": 0, "output": 0, "not_countable": 2, "dyad_found": 0}),
    ("a miss on the date only",
     [gold("FRA", "DEU", ["05"], "057", "2019-01-01/2019-12-31")],
     [out("a", "FRA", "DEU", "05", "2020-06-10")],
     {"found": 0, "date_only_misses": 1, "found_undated": 1, "right": 0, "right_undated": 1, "dyad_found": 1}),
    ("the pair found in either order, another root",
     [gold("FRA", "DEU", ["05"], "057")],
     [out("a", "DEU", "FRA", "19", None)],
     {"found": 0, "date_only_misses": 0, "dyad_found": 1}),
    ("events of other articles",
     [gold("FRA", "DEU", ["05"], "057")],
     [out("b", "FRA", "DEU", "05", None)],
     {"found": 0, "output": 0, "outside": 1}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("golds", "outputs", "expected"), [c[1:] for c in SCORE_CASES], ids=[c[0] for c in SCORE_CASES]
)
def test_score_events(golds: list, outputs: list, expected: dict) -> None:
    report = score_events([{"id": "a", "text": "", "events": golds}], outputs)
    assert {k: getattr(report, k) for k in expected} == expected


def test_misses_false_positives_roots_and_calibration() -> None:
    golds = [gold("USA", "IRN", ["11"], "112", JUNE, note="windowed"), gold("RUS", "TUR", ["04"], "040")]
    outputs = [
        out("a", "USA", "IRN", "11", "2020-05-01", confidence=0.95),
        out("a", "USA", "IRN", "11", "2020-06-10", confidence=1.0),
        out("a", "CHN", "IND", "19", None, confidence=0.2),
        out("a", "FRA", "DEU", "05", None, confidence=0.55),
    ]
    report = score_events([{"id": "a", "events": golds}], outputs)
    assert [(m.gold["code"], m.why) for m in report.misses] == [("040", "missing")]
    assert [f.event["source"] for f in report.false_positives] == ["USA", "CHN", "FRA"]
    assert {r: (t.hits, t.total) for r, t in report.gold_roots.items()} == {"11": (1, 1), "04": (0, 1)}
    assert {r: (t.hits, t.total) for r, t in report.output_roots.items()} == {"11": (1, 2), "19": (0, 1), "05": (0, 1)}
    bins = {(b.low, b.high): (b.count, b.right) for b in report.calibration if b.count}
    assert bins == {(0.0, 0.5): (1, 0), (0.5, 0.6): (1, 0), (0.9, 1.0): (2, 1)}


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"id": "a", "text": "t", "events": [{"source_country": "USA", "roots": ["04"]}]}, True),
        ({"id": "a", "text": "t", "events": [{"source": "USA", "target": "RUS", "code": "042"}]}, False),
        ({"id": "a", "text": "t", "events": []}, False),
        ({"id": "a", "events": [{"roots": ["04"]}]}, False),
        (["not", "a", "record"], False),
    ],
)
def test_article_records_are_told_from_sentence_records(record: Any, expected: bool) -> None:
    assert is_article_record(record) is expected


# A small synthetic case scored by the reference scorer (the dev set's score.py): its figures,
# misses and false positives, as it printed them, are what `dyadic eval --events` must print.
SYNTHETIC_GOLD = [
    {"id": "a1", "published": "2020-06-10", "text": "x", "events": [
        gold("USA", "IRN", ["11"], "111", note="no window"),
        gold("USA", "IRN", ["11", "12"], "112", JUNE, note="windowed"),
        gold("RUS", "TUR", ["04"], "040", JUNE, sym=True),
        gold("FRA", "DEU", ["05"], "057", "2019-01-01/2019-12-31", note="background"),
        gold("BOL", "BOL", ["17"], "173", "2020-06-10/2020-06-10")]},
    {"id": "a2", "published": "2020-07-01", "text": "y", "events": [
        gold("CHN", "IND", ["19"], "190", "2020-06-30/2020-07-02"), gold("IND", "CHN", ["10", "11"], "112")]},
]  # fmt: skip
SYNTHETIC_EVENTS = [
    out("a1", "USA", "IRN", "11", "2020-06-10", confidence=0.9),
    out("a1", "USA", "IRN", None, "2020-05-01", code="112", confidence=0.7),
    out("a1", "TUR", "RUS", "04", "2020-06-10", confidence=0.65),
    out("a1", "FRA", "DEU", "05", "2020-06-10", confidence=0.55, evidence={"sentence": "four"}),
    out("a1", "BOL", "BOL", "17", "2020-06-10", negated=True),
    out("a1", "DEU", "FRA", "05", "2019-03-01", confidence=0.45),
    out("a1", "USA", None, "04", "2020-06-10"),
    out("a2", "CHN", "IND", "19", "2020-07-01", confidence=0.3),
    out("a2", "CHN", "IND", "19", "2020-07-01", confidence=1.0),
    out("a3", "USA", "MEX", "04", "2020-07-01"),
    out("a2", "IND", "CHN", "11", "2020-07-01T12:00:00", confidence=0.85),
]
REFERENCE_SUMMARY = {
    "articles": 2, "gold": 7, "found": 4, "dyad_found": 6, "date_only_misses": 2, "output": 8, "right": 6,
    "output_outside_gold_articles": 1, "recall": 0.571, "precision": 0.75, "f1": 0.649, "dyad_recall": 0.857,
}  # fmt: skip
REFERENCE_LINES = [
    "MISS[date] a1 USA->IRN 112 windowed | ",
    "MISS[date] a1 FRA->DEU 057 background | ",
    "MISS[missing] a1 BOL->BOL 173  | ",
    "FP a1 FRA->DEU 050 | four",
    "FP a1 DEU->FRA 050 | ",
]


def _write_jsonl(path: Path, records: list[dict]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


@pytest.fixture
def synthetic(tmp_path: Path) -> tuple[str, str]:
    return _write_jsonl(tmp_path / "gold.jsonl", SYNTHETIC_GOLD), _write_jsonl(tmp_path / "ev.jsonl", SYNTHETIC_EVENTS)


def test_eval_events_file_prints_the_reference_figures(synthetic: tuple[str, str], capsys) -> None:
    gold_path, events_path = synthetic
    assert main(["eval", gold_path, "--events", events_path, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)[0]
    assert data["summary"] == REFERENCE_SUMMARY
    assert (data["ignoring_dates"]["found"], data["ignoring_dates"]["right"]) == (6, 7)
    assert len(data["misses"]) == 3 and len(data["false_positives"]) == 2
    assert main(["eval", gold_path, "--events", events_path, "--misses", "--false-positives"]) == 0
    text = capsys.readouterr().out
    assert [line for line in text.splitlines() if line.startswith(("MISS", "FP"))] == REFERENCE_LINES
    assert "articles 2: recall 0.571 (4/7), precision 0.750 (6/8), F1 0.649; 2 misses only on the date" in text


def test_eval_lists_only_on_request(synthetic: tuple[str, str], capsys) -> None:
    gold_path, events_path = synthetic
    assert main(["eval", gold_path, "--events", events_path]) == 0
    text = capsys.readouterr().out
    assert "MISS" not in text and "FP " not in text
    undated = next(line for line in text.splitlines() if line.startswith("ignoring dates"))
    assert "calibration" in text and undated.split()[2:6] == ["0.857", "(6/7)", "0.875", "(7/8)"]


def test_events_option_needs_article_gold(synthetic: tuple[str, str], tmp_path: Path, capsys) -> None:
    _, events_path = synthetic
    sentences = _write_jsonl(tmp_path / "s.jsonl", [{"id": "x", "text": "t", "events": [{"code": "042"}]}])
    assert main(["eval", sentences, "--events", events_path]) == 2
    assert "--events" in capsys.readouterr().err
    assert main(["eval", str(tmp_path / "absent.jsonl")]) == 1


# Coded through the model: each article's events carry `#ID` and are dated from its `published`
# ("Monday" is 2021-03-01 only when read against 2021-03-02).
CODED_GOLD = [
    {"id": "c1", "published": "2021-03-02", "text": "Chile expelled the Peruvian ambassador on Monday. "
     "Argentina and Uruguay signed a trade agreement.", "events": [
        gold("CHL", "PER", ["16"], "166", "2021-03-01/2021-03-01"),
        gold("ARG", "URY", ["05", "06"], "057", "2021-03-01/2021-03-03", sym=True)]},
    {"id": "c2", "published": "2021-05-10", "text": "Norway sharply criticized Sweden over its fishing policy.",
     "events": [gold("NOR", "SWE", ["11"], "111", "2021-05-09/2021-05-11")]},
]  # fmt: skip


def test_eval_codes_each_article_as_code_does(tmp_path: Path, capsys) -> None:
    gold_path = _write_jsonl(tmp_path / "gold.jsonl", CODED_GOLD)
    events_path = tmp_path / "events.jsonl"
    assert main(["code", gold_path, "-o", str(events_path)]) == 0
    events = [json.loads(line) for line in events_path.read_text(encoding="utf-8").splitlines()]
    by_id = {ident: [e for e in events if e["input"] == f"{gold_path}#{ident}"] for ident in ("c1", "c2")}
    assert all(by_id.values()) and sum(map(len, by_id.values())) == len(events)
    assert {e["published"] for e in by_id["c1"]} == {"2021-03-02"}
    assert main(["eval", gold_path, "--json"]) == 0
    coded = json.loads(capsys.readouterr().out)[0]
    assert main(["eval", gold_path, "--events", str(events_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["summary"] == coded["summary"]
    assert (coded["summary"]["found"], coded["summary"]["gold"], coded["misses"]) == (3, 3, [])
