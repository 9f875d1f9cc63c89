from __future__ import annotations

from datetime import date

import pytest

from dyadic.dates.article import date_from_text, parse_date_string
from dyadic.dates.event import event_date
from dyadic.dates.expressions import find_dates, resolve

BASE = date(2022, 11, 17)  # a Thursday

CASES = [
    # text, base, expected date, precision, basis
    ("Three weeks ago, he visited Ankara.", BASE, "2022-10-27", "day", "relative"),
    ("two days ago", BASE, "2022-11-15", "day", "relative"),
    ("a week ago", BASE, "2022-11-10", "day", "relative"),
    ("three months ago", BASE, "2022-08-01", "month", "relative"),
    ("two years ago", BASE, "2020-01-01", "year", "relative"),
    ("last year", BASE, "2021-01-01", "year", "relative"),
    ("last year", date(2023, 1, 2), "2022-01-01", "year", "relative"),
    ("next year", BASE, "2023-01-01", "year", "relative"),
    ("earlier this month", BASE, "2022-11-01", "month", "relative"),
    ("last month", date(2023, 1, 15), "2022-12-01", "month", "relative"),
    ("last week", BASE, "2022-11-07", "day", "relative"),
    ("yesterday", date(2024, 3, 1), "2024-02-29", "day", "relative"),
    ("tomorrow", date(2023, 12, 31), "2024-01-01", "day", "relative"),
    ("Monday night", date(2016, 12, 20), "2016-12-19", "day", "relative"),
    ("on Tuesday", date(2016, 12, 20), "2016-12-20", "day", "relative"),
    ("on Thursday", BASE, "2022-11-17", "day", "relative"),
    ("last Thursday", BASE, "2022-11-10", "day", "relative"),
    ("next Monday", BASE, "2022-11-21", "day", "relative"),
    ("on Friday", date(2023, 1, 2), "2022-12-30", "day", "relative"),
    ("on Sunday", date(2024, 3, 1), "2024-02-25", "day", "relative"),
    ("on Dec. 19, 2016", BASE, "2016-12-19", "day", "explicit"),
    ("November 17, 2022", None, "2022-11-17", "day", "explicit"),
    ("17 November 2022", None, "2022-11-17", "day", "explicit"),
    ("2016-12-19", None, "2016-12-19", "day", "explicit"),
    ("Feb. 29, 2024", None, "2024-02-29", "day", "explicit"),
    ("in March 2011", None, "2011-03-01", "month", "explicit"),
    ("since its independence in 1992", None, "1992-01-01", "year", "explicit"),
    ("the war of autumn 2020", None, "2020-01-01", "year", "explicit"),
    ("on December 19", date(2016, 12, 20), "2016-12-19", "day", "relative"),
    ("on December 30", date(2017, 1, 3), "2016-12-30", "day", "relative"),
    ("in March", BASE, "2022-03-01", "month", "relative"),
    ("in December", BASE, "2021-12-01", "month", "relative"),
    # weekdays across month and year ends, leap days
    ("on Monday", date(2017, 1, 1), "2016-12-26", "day", "relative"),
    ("on Saturday", date(2017, 1, 1), "2016-12-31", "day", "relative"),
    ("on Sunday", date(2017, 1, 1), "2017-01-01", "day", "relative"),
    ("on Thursday", date(2024, 3, 2), "2024-02-29", "day", "relative"),
    ("on Wednesday", date(2023, 3, 1), "2023-03-01", "day", "relative"),
    ("on Tuesday", date(2023, 3, 1), "2023-02-28", "day", "relative"),
    ("last Friday", date(2020, 3, 2), "2020-02-28", "day", "relative"),
    # "last Thursday" written on a Friday is the week before: the day before would be "yesterday"
    ("last Thursday", date(2020, 1, 10), "2020-01-02", "day", "relative"),
    ("last Sunday", date(2020, 1, 12), "2020-01-05", "day", "relative"),
    ("next Friday", date(2020, 2, 28), "2020-03-06", "day", "relative"),
    ("next Tuesday", date(2021, 12, 30), "2022-01-04", "day", "relative"),
    ("Friday night", date(2021, 1, 3), "2021-01-01", "day", "relative"),
    ("on Sunday", date(2016, 5, 1), "2016-05-01", "day", "relative"),
    ("yesterday", date(2021, 1, 1), "2020-12-31", "day", "relative"),
    ("yesterday", date(2023, 3, 1), "2023-02-28", "day", "relative"),
    ("today", date(2024, 2, 29), "2024-02-29", "day", "relative"),
    # relative periods in January and at year ends
    ("last year", date(2024, 1, 1), "2023-01-01", "year", "relative"),
    ("this year", date(2024, 1, 1), "2024-01-01", "year", "relative"),
    ("last month", date(2024, 1, 10), "2023-12-01", "month", "relative"),
    ("next month", date(2023, 12, 10), "2024-01-01", "month", "relative"),
    ("earlier this year", date(2023, 6, 1), "2023-01-01", "year", "relative"),
    ("last week", date(2024, 1, 3), "2023-12-25", "day", "relative"),
    ("next week", date(2023, 12, 28), "2024-01-01", "day", "relative"),
    ("three days ago", date(2024, 3, 2), "2024-02-28", "day", "relative"),
    ("two weeks ago", date(2024, 1, 5), "2023-12-22", "day", "relative"),
    ("six months ago", date(2024, 2, 29), "2023-08-01", "month", "relative"),
    ("a year ago", date(2024, 2, 29), "2023-01-01", "year", "relative"),
    ("a couple of days ago", date(2022, 11, 17), "2022-11-15", "day", "relative"),
    ("a few weeks ago", date(2022, 11, 17), "2022-10-27", "day", "relative"),
    ("10 days ago", date(2022, 11, 17), "2022-11-07", "day", "relative"),
    # explicit forms
    ("on Jan. 3, 2021", None, "2021-01-03", "day", "explicit"),
    ("on 1st March 2019", None, "2019-03-01", "day", "explicit"),
    ("December 31, 1999", None, "1999-12-31", "day", "explicit"),
    ("Sept. 11, 2001", None, "2001-09-11", "day", "explicit"),
    ("in June 2014", None, "2014-06-01", "month", "explicit"),
    ("since 2011", None, "2011-01-01", "year", "explicit"),
    ("in early 2020", None, "2020-01-01", "year", "explicit"),
    ("on January 2", date(2023, 1, 10), "2023-01-02", "day", "relative"),
    ("on December 28", date(2023, 1, 2), "2022-12-28", "day", "relative"),
    ("in January", date(2023, 1, 10), "2023-01-01", "month", "relative"),
    ("in November", date(2023, 1, 10), "2022-11-01", "month", "relative"),
    # a month at the start of a sentence, after any preposition
    ("In June, the talks resumed.", date(2023, 8, 1), "2023-06-01", "month", "relative"),
    ("During March the border stayed shut.", date(2023, 8, 1), "2023-03-01", "month", "relative"),
]


@pytest.mark.parametrize(("text", "base", "expected", "precision", "basis"), CASES)
def test_expressions(text: str, base: date | None, expected: str, precision: str, basis: str) -> None:
    mentions = find_dates(text)
    assert mentions, text
    ref = resolve(mentions[0], base)
    assert ref is not None
    assert (ref.date, ref.precision, ref.basis) == (expected, precision, basis)


@pytest.mark.parametrize(
    "text", ["We may march on.", "The march was peaceful.", "They may agree.", "In 10 years", "Flight 2016-99"]
)
def test_false_friends_are_not_dates(text: str) -> None:
    assert [m for m in find_dates(text) if m.kind not in ("rel_unit",)] == []


def test_invalid_day_is_ignored() -> None:
    assert resolve(find_dates("February 30, 2022")[0], None) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2022-11-17", date(2022, 11, 17)), ("2022-11-17T10:00:00Z", date(2022, 11, 17)), ("20080804", date(2008, 8, 4)),
     ("121108", date(2012, 11, 8)), ("850101", date(1985, 1, 1)), ("Nov 17, 2022", date(2022, 11, 17)), ("", None),
     ("garbage", None)],
)  # fmt: skip
def test_metadata_dates(value: str, expected: date | None) -> None:
    assert parse_date_string(value) == expected


def test_article_date_from_text_uses_weekdays_after_latest_date() -> None:
    text = "The killing Monday night ... a meeting Tuesday in Moscow. Photo: Ankara, on Dec. 19, 2016."
    assert date_from_text(text) == (date(2016, 12, 20), "text")


def test_event_date_prefers_nearest_expression_and_falls_back() -> None:
    sentence = "Since Turkey shot down a jet last year, talks resumed on Tuesday."
    assert event_date(sentence, sentence.index("shot"), date(2016, 12, 20)).date == "2015-01-01"
    after_tuesday = lambda start, end: sentence[start:end] == "on Tuesday"  # noqa: E731 - the parse's verdict
    assert event_date(sentence, sentence.index("resumed"), date(2016, 12, 20), after_tuesday).date == "2016-12-20"
    plain = event_date("Russia met Turkey.", 7, date(2016, 12, 20))
    assert (plain.date, plain.basis) == ("2016-12-20", "published")
    assert event_date("Russia met Turkey.", 7, None) is None


@pytest.mark.parametrize(
    ("sentence", "trigger", "latest", "expected"),
    [
        # a date that owns a noun dates the noun: "this year's election" is not when Warren endorsed
        ("Warren said yesterday she endorsed Biden for this year's election.", "endorsed", None, "2020-04-15"),
        ("Officials on Monday condemned Sunday's bombing.", "condemned", None, "2020-04-13"),
        # a deadline after the publication day does not date an event reported as done
        ("The ministers signed a pipeline accord to be finished by 2025.", "signed", date(2020, 4, 17), "2020-04-16"),
        ("The ministers will sign an accord in 2025.", "sign", None, "2025-01-01"),
    ],
)
def test_event_date_skips_owned_and_future_dates(sentence: str, trigger: str, latest, expected: str) -> None:
    ref = event_date(sentence, sentence.index(trigger), date(2020, 4, 16), latest=latest)
    assert ref is not None and ref.date == expected
