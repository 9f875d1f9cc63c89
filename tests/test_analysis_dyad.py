from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadic.analysis import periods
from dyadic.analysis.dyad import dyad_series
from dyadic.errors import UsageError

from .analysis_tables import QUAD_CODES, event, make_db

# Hand-checkable: Goldstein 1.9 (QuadClass 1), 6.4 (2), -2.0 (3), -10.0 (4).
ROWS = [
    event("2015-10-03", "RUSGOV", "TURGOV", 1),
    event("2015-10-20", "RUSMIL", "TUR", 4, num_mentions=3),
    event("2015-10-05", "RUS", "SYR", 2),  # another dyad
    event("2015-11-11", "USA", "TUR", 3),  # another dyad
    event("2015-12-05", "TURMIL", "RUSMIL", 4),
    event("2015-12-06", "TUR", "RUS", 3),
    event("2015-12-20", "COP", "RUS", 3, source_country="TUR"),  # matched by country
    event("2015-12-07", "RUS", "TUR", 2, negated=True),  # left out unless asked for
    event(None, "RUS", "TUR", 4) | {"date": None},  # undated: never in a series
]


@pytest.fixture
def con():
    return make_db(ROWS)


def _rows(stats):
    return [(s.label, s.quad, s.total, round(s.goldstein_sum, 6)) for s in stats]


def test_monthly_series_both_ways_with_zero_month(con) -> None:
    series = dyad_series(con, "rus", "TUR")
    assert [p.isoformat() for p in series.periods] == ["2015-10-01", "2015-11-01", "2015-12-01"]
    assert _rows(series.ab) == [
        ("2015-10", (1, 0, 0, 1), 2, -8.1),
        ("2015-11", (0, 0, 0, 0), 0, 0.0),
        ("2015-12", (0, 0, 0, 0), 0, 0.0),
    ]
    assert _rows(series.ba) == [
        ("2015-10", (0, 0, 0, 0), 0, 0.0),
        ("2015-11", (0, 0, 0, 0), 0, 0.0),
        ("2015-12", (0, 0, 2, 1), 3, -14.0),
    ]
    assert [s.total for s in series.both] == [2, 0, 3]
    assert series.both[0].goldstein_mean == pytest.approx(-4.05)
    assert series.both[1].goldstein_mean is None
    assert series.both[2].goldstein_mean == pytest.approx(-14 / 3)
    assert series.both[2].conflict_share == 1.0


def test_mention_weights_and_negated(con) -> None:
    by_mentions = dyad_series(con, "RUS", "TUR", weight="mentions")
    assert _rows(by_mentions.ab)[0] == ("2015-10", (1, 0, 0, 3), 4, -28.1)
    with_negated = dyad_series(con, "RUS", "TUR", include_negated=True)
    assert _rows(with_negated.ab)[2] == ("2015-12", (0, 1, 0, 0), 1, 6.4)


def test_longer_code_matches_only_its_own_actors(con) -> None:
    series = dyad_series(con, "RUSGOV", "TUR")
    assert [s.label for s in series.both] == ["2015-10"]
    assert _rows(series.ab) == [("2015-10", (1, 0, 0, 0), 1, 1.9)]


def test_bounds_and_weeks(con) -> None:
    series = dyad_series(con, "RUS", "TUR", since=date(2015, 11, 1), until=date(2016, 1, 31))
    assert [s.label for s in series.both] == ["2015-11", "2015-12", "2016-01"]
    assert [s.total for s in series.both] == [0, 3, 0]
    weekly = dyad_series(con, "RUS", "TUR", freq="week", since=date(2015, 11, 30))
    assert [(s.label, s.total) for s in weekly.both] == [("2015-W49", 2), ("2015-W50", 0), ("2015-W51", 1)]
    yearly = dyad_series(con, "RUS", "TUR", freq="year")
    assert [(s.label, s.total, s.quad) for s in yearly.both] == [("2015", 5, (1, 0, 2, 2))]


def test_no_events_gives_an_empty_series(con) -> None:
    assert dyad_series(con, "CHN", "TUR").periods == ()
    assert dyad_series(con, "CHN", "TUR", since=date(2015, 1, 1), until=date(2015, 2, 1)).both[0].total == 0


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"freq": "day"}, "unknown frequency"), ({"weight": "sources"}, "unknown weight"), ({"a": "RU-S"}, "actor code")],
)
def test_bad_arguments_are_usage_errors(con, kwargs, message) -> None:
    a = kwargs.pop("a", "RUS")
    with pytest.raises(UsageError, match=message):
        dyad_series(con, a, "TUR", **kwargs)


def test_to_dict_is_json_ready(con) -> None:
    import json

    data = dyad_series(con, "RUS", "TUR").to_dict()
    assert json.loads(json.dumps(data))["both"][0]["period"] == "2015-10-01"


ACTORS = ["RUS", "RUSGOV", "TUR", "TURMIL", "SYR"]
random_events = st.lists(
    st.builds(
        lambda day, s, t, q, m: event(day, s, t, q, num_mentions=m),
        st.dates(date(2014, 1, 1), date(2016, 12, 31)),
        st.sampled_from(ACTORS),
        st.sampled_from(ACTORS),
        st.sampled_from(sorted(QUAD_CODES)),
        st.integers(1, 5),
    ),
    max_size=40,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=random_events, freq=st.sampled_from(periods.FREQS), weight=st.sampled_from(["events", "mentions"]))
def test_periods_add_up(rows, freq, weight) -> None:
    series = dyad_series(make_db(rows), "RUS", "TUR", freq=freq, weight=weight)

    def matches(actor: str, code: str) -> bool:
        return code.startswith(actor)

    picked = [
        r for r in rows
        if (matches("RUS", r["source"]) and matches("TUR", r["target"]))
        or (matches("TUR", r["source"]) and matches("RUS", r["target"]))
    ]  # fmt: skip
    w = [r["num_mentions"] if weight == "mentions" else 1 for r in picked]
    assert sum(s.total for s in series.both) == sum(w)
    assert sum(s.goldstein_sum for s in series.both) == pytest.approx(
        sum(r["goldstein"] * x for r, x in zip(picked, w, strict=True))
    )
    for ab, ba, both in zip(series.ab, series.ba, series.both, strict=True):
        assert sum(both.quad) == both.total == ab.total + ba.total
        assert tuple(x + y for x, y in zip(ab.quad, ba.quad, strict=True)) == both.quad
    assert list(series.periods) == sorted(set(series.periods))
    if series.periods:
        assert len(series.periods) == len(periods.period_range(series.periods[0], series.periods[-1], freq))
