"""RSS and Atom feed files: one article per item, its HTML content turned into text."""

from __future__ import annotations

from collections.abc import Iterator

from dyadic.errors import InputError
from dyadic.ingest.html import fragment_text
from dyadic.records import Article, Rejected


def read_feed(name: str, text: str) -> Iterator[Article | Rejected]:
    import feedparser

    feed = feedparser.parse(text)
    if not feed.entries:
        raise InputError(name, "a feed file with no items")
    for index, entry in enumerate(feed.entries, start=1):
        label = f"{name}#{entry.get('id') or index}"
        html = _entry_html(entry)
        body = fragment_text(html) if html else ""
        if not body.strip():
            yield Rejected(label, "feed item has no text")
            continue
        title = (entry.get("title") or "").strip() or None
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        yield Article(
            input=label,
            text=f"{title}\n\n{body}" if title and not body.startswith(title) else body,
            title=title,
            url=entry.get("link") or None,
            published=f"{published.tm_year:04d}-{published.tm_mon:02d}-{published.tm_mday:02d}" if published else None,
            author=(entry.get("author") or "").strip() or None,
        )


def _entry_html(entry: dict) -> str:
    contents = entry.get("content") or []
    if contents:
        return max((c.get("value") or "" for c in contents), key=len)
    return entry.get("summary") or entry.get("description") or ""
