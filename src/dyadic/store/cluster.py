"""Which mentions report the same event: the clustering that turns mentions into events.

Two mentions report the same event when they have the same dyad (the actors' countries, or the
codes of actors without one; in either order for consultations, which are mutual), the same CAMEO
root, dates no more than a day from the event's date, and evidence sentences that share enough
content words (Jaccard), or come from the same article (a headline and its lead). Wire stories
rewritten by several outlets keep the names, places and days of the event, so their word sets
overlap well above the threshold, while two different events of one dyad on one day rarely do.

Clustering is incremental: a new mention joins the best-matching stored event, or founds a new
one whose id is its own mention id, so event ids never change once given. New mentions are taken
in (date, mention id) order, which makes the result independent of the order of the inputs within
one ingest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

JACCARD = 0.3
MAX_DAYS = 1
# Consultations are mutual: a report may name either party first, so their dyad is unordered.
MUTUAL_ROOTS = frozenset({"04"})
_WORD = re.compile(r"\w+")
# Words that any report of any event between two governments may use: function words, titles,
# verbs of meeting and saying, days and months. Left in, they make unrelated events of one dyad on
# one day look alike; what tells events apart is names, places and objects.
_STOPWORDS = """a an and are as at be been by for from had has have he her his in is it its of on or said says
that the their they this to was were which who will with would after over about also during into than then
there these those while minister ministers president prime foreign defence defense interior counterpart
officials official ministry government spokesman spokeswoman met meet meeting talks held hold discuss
discussed statement monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december today yesterday week month year"""
STOPWORDS = frozenset(_STOPWORDS.split())


@dataclass(frozen=True, slots=True)
class Mention:
    """What clustering needs to know about one mention."""

    mention_id: str
    source_key: str
    target_key: str
    root: str
    day: date | None
    words: frozenset[str]
    article_id: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return self.source_key, self.target_key, self.root


def words(sentence: str) -> frozenset[str]:
    """The content words of a sentence, lower-cased."""
    return frozenset(w for w in _WORD.findall(sentence.lower()) if len(w) > 1 and w not in STOPWORDS)


def make_mention(
    mention_id: str,
    source: str,
    target: str | None,
    source_country: str | None,
    target_country: str | None,
    root: str,
    day: date | None,
    sentence: str,
    article_id: str = "",
) -> Mention:
    sides = (source_country or source, target_country or target or "")
    if root in MUTUAL_ROOTS:  # "A met B" and "B held talks with A" report one meeting
        sides = tuple(sorted(sides))
    return Mention(mention_id, *sides, root, day, words(sentence), article_id)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def assign(new: Iterable[Mention], stored: Iterable[tuple[Mention, str, date | None]]) -> dict[str, str]:
    """mention id -> event id for each new mention, given the stored (mention, event id, event date)."""
    pool: dict[tuple[str, str, str], list[tuple[Mention, str, date | None]]] = {}
    for mention, event_id, day in stored:
        pool.setdefault(mention.key, []).append((mention, event_id, day))
    out: dict[str, str] = {}
    for mention in sorted(new, key=lambda m: (m.day or date.min, m.mention_id)):
        event = _best(mention, pool.get(mention.key, []))
        if event is None:
            event = (mention.mention_id, mention.day)
        out[mention.mention_id] = event[0]
        pool.setdefault(mention.key, []).append((mention, *event))
    return out


def _best(mention: Mention, candidates: list[tuple[Mention, str, date | None]]) -> tuple[str, date | None] | None:
    best: tuple[float, str, date | None] | None = None
    for other, event_id, day in candidates:
        if not _near(mention.day, day):
            continue
        # within one article, one dyad, root and day is one happening: a headline and its lead
        # ("Iran downs Ukrainian airliner" / "Iran's military shot down a Ukrainian passenger jet")
        same_article = bool(mention.article_id) and mention.article_id == other.article_id
        score = 1.0 if same_article else similarity(mention.words, other.words)
        if score < JACCARD:
            continue
        if best is None or score > best[0] or (score == best[0] and event_id < best[1]):
            best = (score, event_id, day)
    return None if best is None else (best[1], best[2])


def _near(a: date | None, b: date | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs((a - b).days) <= MAX_DAYS
