"""HTML pages: the main text and metadata through trafilatura (imported only when an HTML file comes)."""

from __future__ import annotations

from dyadic.errors import InputError
from dyadic.records import Article


def read_html(name: str, text: str) -> list[Article]:
    import trafilatura

    doc = trafilatura.bare_extraction(
        text, favor_precision=True, with_metadata=True, include_comments=False, include_tables=False, deduplicate=True
    )
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        raise InputError(name, "no article text found in the HTML page")
    title = getattr(doc, "title", None)
    if title and not body.lstrip().startswith(title):
        body = f"{title}\n\n{body}"
    return [
        Article(
            input=name,
            text=body,
            title=title or None,
            url=getattr(doc, "url", None) or None,
            published=_iso_day(getattr(doc, "date", None)),
        )
    ]


def _iso_day(value: str | None) -> str | None:
    if value and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return value[:10]
    return None
