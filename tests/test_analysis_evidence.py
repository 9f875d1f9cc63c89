from __future__ import annotations

from datetime import date

from dyadic.analysis.dyad import dyad_series
from dyadic.analysis.evidence import dyad_events

from .analysis_tables import event, make_db

ROWS = [
    event("2016-12-19", "RUSGOV", "TURGOV", 2, evidence_sentence="Russia sent aid to Turkey."),
    event("2016-12-02", "TUR", "RUS", 3, evidence_sentence="Turkey criticised Russia."),
    event("2016-12-03", "TUR", "SYR", 4),
    event("2016-11-30", "RUS", "TUR", 1),
    event("2017-01-01", "RUS", "TUR", 1),
    event("2016-12-04", "RUS", "TUR", 4, negated=True),
]


def test_events_behind_a_month_in_date_order() -> None:
    con = make_db(ROWS)
    rows = dyad_events(con, "RUS", "TUR", "2016-12")
    assert [(r.date, r.source, r.target, r.code, r.goldstein) for r in rows] == [
        (date(2016, 12, 2), "TUR", "RUS", "111", -2.0),
        (date(2016, 12, 19), "RUSGOV", "TURGOV", "061", 6.4),
    ]
    assert rows[1].evidence_sentence == "Russia sent aid to Turkey." and rows[1].url
    assert dyad_events(con, "RUS", "TUR", date(2016, 12, 25)) == rows
    assert len(dyad_events(con, "RUS", "TUR", "2016-12", include_negated=True)) == 3
    assert len(dyad_events(con, "RUS", "TUR", "2016", freq="year", limit=1)) == 1


def test_events_match_the_series_count_of_every_period() -> None:
    con = make_db(ROWS)
    for freq in ("week", "month", "year"):
        series = dyad_series(con, "RUS", "TUR", freq=freq)
        for row in series.both:
            assert len(dyad_events(con, "RUS", "TUR", row.period, freq)) == row.total
