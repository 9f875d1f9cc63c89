"""HTML pages: main text and metadata through trafilatura (imported only when HTML comes)."""

from __future__ import annotations

import re

from dyadic.errors import InputError
from dyadic.records import Article

_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article", "pre"}
_SPACES = re.compile(r"[ \t\u00a0]+")


def read_html(name: str, text: str, url: str | None = None) -> list[Article]:
    import trafilatura

    doc = trafilatura.bare_extraction(
        text,
        url=url,
        favor_precision=True,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        deduplicate=True,
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
            url=url or getattr(doc, "url", None) or None,
            published=_iso_day(getattr(doc, "date", None)),
            author=getattr(doc, "author", None) or None,
        )
    ]


def fragment_text(html: str) -> str:
    """Text of an HTML fragment (a feed item's content), one paragraph per block element."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml raises ParserError or ValueError on odd fragments
        return html
    for bad in root.xpath(".//script|.//style|.//noscript"):
        bad.drop_tree()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in root.iter(*_BLOCKS):
        block.tail = "\n\n" + (block.tail or "")
    lines = (_SPACES.sub(" ", line).strip() for line in root.text_content().split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _iso_day(value: str | None) -> str | None:
    if value and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return value[:10]
    return None
