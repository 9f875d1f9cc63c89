"""From a read `Article` to a `CleanArticle`: cleaned text, language, date and source metadata."""

from __future__ import annotations

import hashlib
from datetime import date
from urllib.parse import urlsplit

from dyadic.dates.article import date_from_text, parse_date_string
from dyadic.dates.expressions import find_dates, resolve
from dyadic.records import Article, CleanArticle, Rejected
from dyadic.text import clean_text
from dyadic.text.language import foreign_language


def prepare(article: Article) -> CleanArticle | Rejected:
    """Clean one article and settle its metadata; no prose left, or another language, is rejected."""
    cleaned = clean_text(article.text)
    if not cleaned.text.strip():
        return Rejected(article.input, "no article text left after cleaning")
    foreign = foreign_language(cleaned.text)
    if foreign is not None:
        return Rejected(article.input, f"unsupported language: {foreign}")
    published, basis = _published(article, cleaned.published, cleaned.text, cleaned.dateline and cleaned.dateline.date)
    return CleanArticle(
        article_id=hashlib.sha1(cleaned.text.encode("utf-8")).hexdigest()[:16],
        input=article.input,
        text=cleaned.text,
        title=article.title,
        url=article.url,
        published=published.isoformat() if published else None,
        published_basis=basis,
        author=article.author or cleaned.author,
        language="en",
        domain=domain_of(article.url),
        dateline_place=cleaned.dateline.place if cleaned.dateline else None,
        offsets=cleaned.offsets,
        copies=((article.input, article.url),),
    )


def _published(
    article: Article, date_line: str | None, text: str, dateline_day: str | None
) -> tuple[date | None, str | None]:
    """Metadata first, then a date line or stamp, then the dateline's day, then the text's dates."""
    found = parse_date_string(article.published)
    if found:
        return found, "metadata"
    if date_line:
        return date.fromisoformat(date_line), "text"
    inferred, basis = date_from_text(text)
    if dateline_day and inferred is not None:
        day = _on_or_after(dateline_day, inferred)
        if day is not None:
            return day, "dateline"
    return inferred, basis and "inferred"


def _on_or_after(month_day: str, lower: date) -> date | None:
    """The first "Nov 17" on or after the latest date the text mentions (it cannot be earlier)."""
    mention = next((m for m in find_dates(month_day) if m.kind == "md"), None)
    if mention is None:
        return None
    ref = resolve(mention, date(lower.year, 12, 31))
    if ref is None:
        return None
    day = date.fromisoformat(ref.date)
    if day < lower:
        try:
            day = day.replace(year=day.year + 1)
        except ValueError:  # 29 February
            return None
    return day


def domain_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # a malformed URL ("http://[") has no usable host
        return None
    return host[4:] if host.startswith("www.") else host or None
