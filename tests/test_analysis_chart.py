from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dyadic.analysis.change import ChangePoint
from dyadic.analysis.chart import save_chart, text_chart, text_table
from dyadic.analysis.dyad import dyad_series
from dyadic.errors import UsageError

from .analysis_tables import event, make_db

ROWS = [
    *[event("2016-01-10", "RUS", "TUR", 1)] * 4,
    event("2016-01-11", "TUR", "RUS", 4),
    *[event("2016-03-02", "TUR", "RUS", 4)] * 8,
]
CHANGE = ChangePoint(date(2016, 3, 1), "2016-03", 0.0, -10.0, 0.2, 1.0, "conflict", 10.0)


@pytest.fixture
def series():
    return dyad_series(make_db(ROWS), "RUS", "TUR")


def test_text_chart_lines(series) -> None:
    lines = text_chart(series, [CHANGE], width=60).splitlines()
    assert len(lines) == 4 and all(len(line) <= 60 for line in lines)
    jan, feb, mar = lines[1:]
    assert jan.startswith("2016-01") and jan.endswith("5   -0.5")
    assert jan.split("│")[0].count("█") == 8  # 4 of 8 cooperation events at half the width (17 cells)
    assert "·" in feb and not feb.endswith("◀")
    assert mar.endswith("◀") and mar.split("│")[1].startswith("█" * 17)


@pytest.mark.parametrize("width", [10, 40, 80, 132])
def test_text_chart_fits_any_width(series, width) -> None:
    assert max(map(len, text_chart(series, width=width).splitlines())) <= max(width, 42)


def test_text_table(series) -> None:
    table = text_table(series).splitlines()
    assert "RUS→TUR" in table[0] and "TUR→RUS" in table[0]
    assert table[2].split("│")[1].split() == ["4", "4", "0", "0", "0", "+7.6", "+1.9"]
    assert table[4].split("│")[2].split() == ["8", "0", "0", "0", "8", "-80.0", "-10.0"]


@pytest.mark.parametrize(("suffix", "magic"), [(".png", b"\x89PNG"), (".svg", b"<?xml")])
def test_image_chart(series, tmp_path: Path, suffix, magic) -> None:
    path = save_chart(series, [CHANGE], tmp_path / f"dyad{suffix}")
    assert path.read_bytes().startswith(magic)


def test_image_chart_needs_a_known_extension(series, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"\.png or \.svg"):
        save_chart(series, [], tmp_path / "dyad.pdf")


def test_empty_series_charts(tmp_path: Path) -> None:
    empty = dyad_series(make_db([]), "RUS", "TUR")
    assert text_chart(empty).splitlines()[0].startswith("period")
    assert save_chart(empty, [], tmp_path / "empty.svg").exists()
