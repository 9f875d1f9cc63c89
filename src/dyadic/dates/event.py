"""An event's date: the date expression nearest its trigger word, else the article's date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from dyadic.dates.expressions import find_dates, resolve
from dyadic.records import DateRef


def event_date(
    sentence: str,
    trigger: int,
    published: date | None,
    governed: Callable[[int, int], bool] | None = None,
    latest: date | None = None,
) -> DateRef | None:
    """Resolve the sentence's date expressions against `published`.

    An expression that the parse attaches to the event's own clause (`governed(start, end)`)
    wins over one nearer in characters but belonging to another clause. A date that owns a noun
    ("Monday's attack", "this year's election") dates that thing, not the event; one after `latest`
    (for an event reported as done: the publication day) is a deadline or plan, not when it happened.
    """
    best: tuple[tuple[bool, int], DateRef] | None = None
    for mention in find_dates(sentence):
        if sentence.startswith(("'s", "\u2019s"), mention.end):
            continue
        ref = resolve(mention, published)
        if ref is None or (latest is not None and date.fromisoformat(ref.date) > latest):
            continue
        distance = min(abs(mention.start - trigger), abs(mention.end - trigger))
        rank = (not (governed and governed(mention.start, mention.end)), distance)
        if best is None or rank < best[0]:
            best = (rank, ref)
    if best is not None:
        return best[1]
    if published is not None:
        return DateRef(published.isoformat(), "day", "published")
    return None
