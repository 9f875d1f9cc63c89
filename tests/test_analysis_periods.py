from __future__ import annotations

from datetime import date

import pytest

from dyadic.analysis import periods
from dyadic.errors import UsageError


@pytest.mark.parametrize(
    ("text", "freq", "start", "label"),
    [
        ("2016-12", "month", date(2016, 12, 1), "2016-12"),
        ("2016-12-19", "month", date(2016, 12, 1), "2016-12"),
        ("2016", "year", date(2016, 1, 1), "2016"),
        ("2016-12-19", "week", date(2016, 12, 19), "2016-W51"),
        ("2016-W51", "week", date(2016, 12, 19), "2016-W51"),
        ("2016-01-01", "week", date(2015, 12, 28), "2015-W53"),  # ISO week of the previous year
        ("2016-03", "week", date(2016, 2, 29), "2016-W09"),
    ],
)
def test_parse_period_and_label(text, freq, start, label) -> None:
    assert periods.parse_period(text, freq) == start
    assert periods.label(start, freq) == label
    assert periods.parse_period(label, freq) == start


@pytest.mark.parametrize(
    ("text", "since", "until"),
    [("2016", date(2016, 1, 1), date(2016, 12, 31)), ("2016-02", date(2016, 2, 1), date(2016, 2, 29)),
     ("2016-02-10", date(2016, 2, 10), date(2016, 2, 10))],
)  # fmt: skip
def test_bounds(text, since, until) -> None:
    assert periods.parse_bound(text) == since
    assert periods.parse_bound(text, end=True) == until


@pytest.mark.parametrize("text", ["2016-13", "Dec 2016", "2016-02-30", "", "2016-W60"])
def test_bad_periods_are_usage_errors(text) -> None:
    with pytest.raises(UsageError, match="not a date or period"):
        periods.parse_bound(text)


def test_range_is_continuous_across_years() -> None:
    months = periods.period_range(date(2015, 11, 20), date(2016, 2, 3), "month")
    assert [periods.label(m, "month") for m in months] == ["2015-11", "2015-12", "2016-01", "2016-02"]
    assert len(periods.period_range(date(2015, 1, 1), date(2015, 12, 31), "week")) == 53
