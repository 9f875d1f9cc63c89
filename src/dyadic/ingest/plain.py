"""Plain-text articles, as scrapers save them: an optional title line that may end in the URL."""

from __future__ import annotations

import re

from dyadic.errors import InputError
from dyadic.records import Article

_URL_LINE = re.compile(r"^(?:https?|ftp)://\S+$", re.I)
_TITLE_URL = re.compile(r"^(?P<title>[^\n]*?)\s*(?P<url>https?://\S+)\s*$")


def read_plain(name: str, text: str) -> list[Article]:
    """One article; a first line ending in a URL gives the title and URL (the URL leaves the text)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and all(_URL_LINE.match(line) for line in lines):
        raise InputError(name, "a list of URLs: dyadic does not fetch pages; download them and pass the files")
    first, sep, rest = text.lstrip("\ufeff").partition("\n")
    match = _TITLE_URL.match(first)
    if match and match.group("title").strip():
        title = match.group("title").strip()
        return [Article(input=name, text=title + sep + rest, title=title, url=match.group("url"))]
    return [Article(input=name, text=text)]
