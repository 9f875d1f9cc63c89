"""An undated sentence takes its date from the article's timeline: the paragraph's last day, else the news day."""

from __future__ import annotations

from datetime import date

import pytest

from dyadic.dates.narrative import NARRATIVE, NEWS_DAY, build_timeline, narrative_date

PUBLISHED = date(2021, 3, 12)  # a Friday

ARTICLE = (
    "Chile and Peru signed a fisheries accord on Wednesday. Both ministers praised it. "
    "Peru had asked for quotas.\n\n"
    "The two governments have argued over the sea border for decades.\n\n"
    "On 3 February 2021, the navies held a joint exercise. It ended without incident."
)


def _start(sentence: str) -> int:
    return ARTICLE.index(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected", "basis"),
    [
        # same paragraph, after a dated sentence: that day
        ("Both ministers praised it.", "2021-03-10", NARRATIVE),
        ("Peru had asked for quotas.", "2021-03-10", NARRATIVE),
        # a new paragraph does not inherit: the news day, the latest day the article reports
        ("The two governments have argued", "2021-03-10", NEWS_DAY),
        # a date carried from an explicit full date, within its own paragraph
        ("It ended without incident.", "2021-02-03", NARRATIVE),
    ],
)
def test_undated_sentences_take_the_narrative_date(sentence: str, expected: str, basis: str) -> None:
    ref = narrative_date(build_timeline(ARTICLE, PUBLISHED), _start(sentence))
    assert ref is not None
    assert (ref.date, ref.precision, ref.basis) == (expected, "day", basis)


@pytest.mark.parametrize(
    ("text", "published", "news_day"),
    [
        # no day named: the news day is the publication date
        ("Turkey and Greece held talks. They agreed to meet again.", date(2021, 3, 12), "2021-03-12"),
        # "yesterday" and a weekday: the latest of them
        ("Talks ended yesterday. They began on Tuesday.", date(2021, 3, 12), "2021-03-11"),
        # a day long before the article is background, not the news day
        ("The treaty of 4 May 2001 still stands.", date(2021, 3, 12), "2021-03-12"),
        # a day after publication (a scheduled vote) is not the news day either
        ("The vote is set for 20 March 2021.", date(2021, 3, 12), "2021-03-12"),
    ],
)
def test_news_day(text: str, published: date, news_day: str) -> None:
    ref = build_timeline(text, published).news_day
    assert ref is not None
    assert (ref.date, ref.basis) == (news_day, NEWS_DAY if news_day != published.isoformat() else "published")


def test_no_publication_date_and_no_dates_gives_nothing() -> None:
    assert narrative_date(build_timeline("Chile and Peru signed an accord.", None), 0) is None


def test_a_sentence_in_the_present_speaks_of_the_news_day() -> None:
    timeline = build_timeline(ARTICLE, PUBLISHED)
    ref = narrative_date(timeline, _start("It ended without incident."), present=True)
    assert ref is not None and (ref.date, ref.basis) == ("2021-03-10", NEWS_DAY)
