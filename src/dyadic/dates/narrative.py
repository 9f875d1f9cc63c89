"""Dates for events whose own sentence names none: the article's timeline.

A news article sets the time once and then narrates: "On Friday, Congress approved a budget. The
president had asked for more." The second sentence happened on Friday too, not on the day the
article was published. An undated sentence therefore takes the last day named before it in its
own paragraph; a sentence with none there happened on the *news day*, the latest day the article
reports (Wikinews and wire copy are published the day after most of what they report: "yesterday",
"on Tuesday"), which is the publication date only when the text names no earlier day.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta

from dyadic.dates.expressions import find_dates, resolve
from dyadic.records import DateRef

NARRATIVE = "narrative"
NEWS_DAY = "news-day"
# a day named in the text further back than this is background, not the day of the news
NEWS_WINDOW = timedelta(days=10)
# explicit and relative day references; bare years and months are too coarse to carry a narrative
_CARRIED = frozenset({"day"})


@dataclass(frozen=True, slots=True)
class Timeline:
    """The day-precision dates an article names, in text order, with its paragraph starts."""

    days: tuple[tuple[int, DateRef], ...]  # (end offset of the expression, its date)
    paragraphs: tuple[int, ...]  # start offset of each paragraph, ascending
    news_day: DateRef | None


def build_timeline(text: str, published: date | None) -> Timeline:
    """Resolve every date expression of the article once, against its publication date."""
    days: list[tuple[int, DateRef]] = []
    for mention in find_dates(text):
        ref = resolve(mention, published)
        if ref is not None and ref.precision in _CARRIED:
            days.append((mention.end, ref))
    paragraphs = [0]
    position = text.find("\n\n")
    while position != -1:
        paragraphs.append(position + 2)
        position = text.find("\n\n", position + 2)
    return Timeline(tuple(days), tuple(paragraphs), _news_day(days, published))


def _news_day(days: list[tuple[int, DateRef]], published: date | None) -> DateRef | None:
    if published is None:
        return None
    recent = [d for _, ref in days if published - NEWS_WINDOW <= (d := date.fromisoformat(ref.date)) < published]
    if not recent:  # the text names no earlier day: the news is of the day it was published
        return DateRef(published.isoformat(), "day", "published")
    return DateRef(max(recent).isoformat(), "day", NEWS_DAY)


def narrative_date(timeline: Timeline, start: int, present: bool = False) -> DateRef | None:
    """The date an undated sentence starting at `start` inherits (None: no article date at all).

    A date is carried forward within its paragraph only; a new paragraph in news often moves to
    background or to another strand of the story, so it falls back to the news day. A sentence in
    the present tense (`present`: "the courts are relying on fees") speaks of the day of the news.
    """
    if present:
        return timeline.news_day
    paragraph = timeline.paragraphs[bisect_right(timeline.paragraphs, start) - 1]
    for end, ref in reversed(timeline.days):
        if end <= start:
            if end > paragraph:
                return DateRef(ref.date, ref.precision, NARRATIVE)
            break
    return timeline.news_day
