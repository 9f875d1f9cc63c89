"""Readers: inputs in, `Article` or `Rejected` records out, one reader per format, looked up by name."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from dyadic.errors import InputError
from dyadic.ingest.feeds import read_feed
from dyadic.ingest.files import DEFAULT_MAX_BYTES, decode, iter_paths, load
from dyadic.ingest.html import read_html
from dyadic.ingest.plain import read_plain
from dyadic.ingest.records_json import read_json, read_jsonl
from dyadic.ingest.warc import read_warc
from dyadic.records import Article, Rejected

Reader = Callable[[str, str], Iterable[Article | Rejected]]
BytesReader = Callable[[str, bytes], Iterable[Article | Rejected]]

READERS: dict[str, Reader] = {
    "text": read_plain,
    "html": read_html,
    "json": read_json,
    "jsonl": read_jsonl,
    "feed": read_feed,
}
BYTES_READERS: dict[str, BytesReader] = {"warc": read_warc}
_BY_SUFFIX = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".warc": "warc",
}


def reader_name(suffix: str, head: str) -> str:
    """The format of a document: its suffix when known, else a look at its first characters."""
    if suffix in _BY_SUFFIX:
        return _BY_SUFFIX[suffix]
    head = head.lstrip()[:1024].lower()
    if head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head):
        return "html"
    if "<rss" in head or ("<feed" in head and "atom" in head) or "<rdf:rdf" in head:
        return "feed"
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        return "jsonl"
    return "text"


def read_inputs(paths: list[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Rejected]:
    """Every article in the given paths, in order; unreadable inputs come out as `Rejected`."""
    for path in iter_paths(paths):
        try:
            raw = load(path, max_bytes)
            if raw.suffix == ".warc" or raw.data[:4] == b"WARC":
                yield from BYTES_READERS["warc"](raw.name, raw.data)
                continue
            text = decode(raw.name, raw.data)
            fmt = reader_name(raw.suffix, text[:1024])
            if fmt == "text" and raw.suffix == ".xml":
                fmt = "feed"
            yield from READERS[fmt](raw.name, text)
        except InputError as exc:
            yield Rejected(exc.input, exc.reason)
