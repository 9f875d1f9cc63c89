"""Hand-checked news sentences, one per line, coded by the whole pipeline: how much of ordinary news
English the pattern dictionary codes, and how often it finds the codebook's leaf code.

Each fixture holds short sentences written for these tests, each with the source, target and CAMEO
code a careful human coder would give it from the codebook's definitions (an empty target: the event
names none; code `-`: the sentence reports no event at all). Helpers wrote them from the codebook
without seeing dyadic's rules or the gold sets:

- event_sentences.tsv: every root, for coverage (written in session 2);
- subcode_sentences.tsv: leaf codes (aims, kinds of cooperation and aid, yielding, sanctions, who
  blocks, what a request asks). Blind when measured first (code 0.649, root 0.858, triple 0.343),
  then used to find general rules, so no longer blind;
- subcode_holdout.tsv: leaf codes again (and ten no-event sentences), written by another helper who
  saw neither of the above, and first run at the end of session 3 as the blind check on its rules:
  code 0.673, root 0.846, triple 0.356, no-event 1.0 (the session's starting code scored 0.538,
  0.808, 0.288, 1.0 on it). It is a regression floor from then on; a later blind check needs a
  fresh fixture.

The floors sit a little under the measured figures, so a change that loses coverage fails here.
Run `python tests/test_event_sentences.py [FIXTURE.tsv]` to list the sentences the coder misses.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIXTURE = FIXTURES / "event_sentences.tsv"
COLUMNS = ["sentence", "source", "target", "code", "note"]
NO_EVENT = "-"

# floors about 0.02 under the figures measured when each was last raised
FLOORS = {
    # 0.960, 0.991, 0.819, 0.955 (when written: 0.630, 0.802, 0.533, 0.682; end of session 2: 0.956,
    # 0.991, 0.815, 0.909)
    "event_sentences.tsv": {"code": 0.94, "root": 0.97, "triple": 0.80, "no_event": 0.93},
    # 0.866, 0.940, 0.478 (when written, blind: 0.649, 0.858, 0.343; at the start of session 3: 0.575)
    "subcode_sentences.tsv": {"code": 0.84, "root": 0.92, "triple": 0.45},
    # 0.673, 0.846, 0.356, 1.0 (blind, first run)
    "subcode_holdout.tsv": {"code": 0.65, "root": 0.82, "triple": 0.33, "no_event": 0.9},
}


@dataclass(frozen=True, slots=True)
class Row:
    line: int
    sentence: str
    source: str
    target: str
    code: str
    note: str


def load_rows(path: Path = FIXTURE) -> list[Row]:
    """The fixture's sentences, checked: five columns, known codes, a source for every event."""
    from dyadic.events.codebook import codebook

    book = codebook()
    rows: list[Row] = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        if header != COLUMNS:
            raise ValueError(f"{path.name}: header must be {COLUMNS}, got {header}")
        for line, fields in enumerate(reader, start=2):
            if len(fields) != len(COLUMNS):
                raise ValueError(f"{path.name}:{line}: expected {len(COLUMNS)} columns, got {len(fields)}")
            row = Row(line, *(f.strip() for f in fields))
            if not row.sentence:
                raise ValueError(f"{path.name}:{line}: empty sentence")
            if row.code == NO_EVENT:
                if row.source or row.target:
                    raise ValueError(f"{path.name}:{line}: a no-event sentence names no actors")
            elif row.code not in book or not row.source:
                raise ValueError(f"{path.name}:{line}: unknown code {row.code!r} or no source")
            rows.append(row)
    return rows


def code_rows(rows: list[Row]) -> list[list[tuple[str, str, str]]]:
    """(source, target, code) of every event the pipeline codes in each sentence, each its own article."""
    from dyadic.pipeline import Options, code_articles
    from dyadic.records import Article, Event

    articles = [Article(input=f"row{i}", text=row.sentence) for i, row in enumerate(rows)]
    out: list[list[tuple[str, str, str]]] = [[] for _ in rows]
    for item in code_articles(articles, Options(dedupe=False)):
        assert isinstance(item, Event), item
        out[int(item.input.removeprefix("row"))].append((item.source, item.target or "", item.code))
    return out


def score(rows: list[Row], coded: list[list[tuple[str, str, str]]]) -> dict[str, float]:
    """Shares of event sentences whose expected code / root / triple is among the outputs, and of
    no-event sentences with no output at all."""
    hits = {"code": 0, "root": 0, "triple": 0, "no_event": 0}
    events = quiet = 0
    for row, found in zip(rows, coded, strict=True):
        if row.code == NO_EVENT:
            quiet += 1
            hits["no_event"] += not found
            continue
        events += 1
        hits["code"] += any(code == row.code for _, _, code in found)
        hits["root"] += any(code[:2] == row.code[:2] for _, _, code in found)
        hits["triple"] += (row.source, row.target, row.code) in found
    return {
        key: round(value / (quiet if key == "no_event" else events), 3)
        for key, value in hits.items()
        if (quiet if key == "no_event" else events)
    }


def test_fixture_loads_and_spans_every_root() -> None:
    rows = load_rows()
    assert len(rows) >= 200
    assert {r.code[:2] for r in rows if r.code != NO_EVENT} == {f"{i:02d}" for i in range(1, 21)}
    assert sum(r.code == NO_EVENT for r in rows) >= 20
    assert len({r.sentence for r in rows}) == len(rows), "duplicate sentence"


def test_loader_rejects_unknown_codes(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("\t".join(COLUMNS) + "\nRussia shelled Kyiv.\tRUS\tUKR\t999\tx\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown code"):
        load_rows(bad)


def test_subcode_fixture_asks_for_leaf_codes() -> None:
    rows = load_rows(FIXTURES / "subcode_sentences.tsv")
    assert len(rows) >= 100
    assert sum(len(r.code) == 4 for r in rows) > 0.6 * len(rows)
    assert len({r.sentence for r in rows}) == len(rows), "duplicate sentence"


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_coverage_floors(name: str) -> None:
    rows = load_rows(FIXTURES / name)
    figures = score(rows, code_rows(rows))
    print(f"\n{name} figures:", figures)
    for key, floor in FLOORS[name].items():
        assert figures[key] >= floor, f"{name} {key}: {figures[key]} < floor {floor}"


if __name__ == "__main__":
    import sys

    all_rows = load_rows(FIXTURES / sys.argv[1] if len(sys.argv) > 1 else FIXTURE)
    all_coded = code_rows(all_rows)
    for r, f in zip(all_rows, all_coded, strict=True):
        if r.code == NO_EVENT and f:
            print(f"FALSE  {r.line}: {r.sentence}  -> {f}")
        elif r.code != NO_EVENT and (r.source, r.target, r.code) not in f:
            mark = (
                "CODE"
                if any(c == r.code for _, _, c in f)
                else "ROOT"
                if any(c[:2] == r.code[:2] for *_, c in f)
                else "MISS"
            )
            print(f"{mark:6} {r.line}: {r.sentence}  want {(r.source, r.target, r.code)}  got {f}")
    print(score(all_rows, all_coded))
