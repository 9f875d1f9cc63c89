from __future__ import annotations

from pathlib import Path

import pytest

from dyadic import gdelt
from dyadic.cli import main

from .conftest import EXAMPLES


def test_column_lists_follow_the_gdelt_2_codebook() -> None:
    events, mentions = gdelt.event_columns(), gdelt.mention_columns()
    assert len(events) == 61 and len(set(events)) == 61
    assert events[:5] == ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    assert events[5] == "Actor1Code" and events[15] == "Actor2Code" and events[25] == "IsRootEvent"
    assert events[26:35] == (
        "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
        "NumMentions", "NumSources", "NumArticles", "AvgTone",
    )  # fmt: skip
    assert (
        events[35] == "Actor1Geo_Type" and events[51] == "ActionGeo_Type" and events[-2:] == ("DATEADDED", "SOURCEURL")
    )
    assert len(mentions) == 16 and mentions[0] == "GlobalEventID" and mentions[-1] == "Extras"


@pytest.mark.parametrize(
    ("iso3", "fips"),
    [
        ("TUR", "TU"),
        ("RUS", "RS"),
        ("DEU", "GM"),
        ("GBR", "UK"),
        ("ISR", "IS"),
        ("IRN", "IR"),
        ("USA", "US"),
        ("KSV", "KV"),
    ],
)
def test_iso3_to_fips(iso3: str, fips: str) -> None:
    assert gdelt.iso3_to_fips()[iso3] == fips


@pytest.mark.parametrize(
    ("code", "country", "parts"),
    [
        ("RUSGOV", "RUS", ("RUS", "", (), ("GOV",))),
        ("TUR", "TUR", ("TUR", "", (), ())),
        ("IRNMILREB", "IRN", ("IRN", "", (), ("MIL", "REB"))),
        ("IGOUNO", None, ("", "UNO", (), ("IGO",))),
        ("ISRJEW", "ISR", ("ISR", "", ("JEW",), ())),
        ("---REB", None, ("", "---", (), ("REB",))),
    ],
)
def test_split_actor(code: str, country: str | None, parts: tuple) -> None:
    assert gdelt.split_actor(code, country) == parts


def test_global_id_is_a_stable_positive_int64() -> None:
    assert gdelt.global_id("ffffffffffffffff") == 2**60 - 1
    assert gdelt.global_id("0123456789abcdef") == int("0123456789abcde", 16)


def test_code_format_gdelt(tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    assert main(["code", str(EXAMPLES), "--format", "gdelt", "-o", str(out)]) == 0
    rows = gdelt.read_table(str(out), gdelt.event_columns())
    assert rows and all(len(r) == 61 for r in rows)
    visit = next(r for r in rows if r["Actor1Code"] == "ISRGOV" and r["EventCode"] == "042")
    assert visit["EventBaseCode"] == "042" and visit["EventRootCode"] == "04" and visit["QuadClass"] == "1"
    assert visit["Actor1CountryCode"] == "ISR" and visit["Actor1Type1Code"] == "GOV"
    assert visit["ActionGeo_CountryCode"] == "TU" and visit["ActionGeo_FullName"].startswith("Ankara")
    assert visit["Day"] == "20221027" and visit["MonthYear"] == "202210" and visit["Year"] == "2022"
    assert visit["NumMentions"] == visit["NumSources"] == visit["NumArticles"] == "1"
    assert len(visit["DATEADDED"]) == 14 and visit["SOURCEURL"].startswith("https://mosaicmagazine.com/")
    assert all(int(r["GlobalEventID"]) > 0 and r["EventCode"].isdigit() and len(r["EventRootCode"]) == 2 for r in rows)
