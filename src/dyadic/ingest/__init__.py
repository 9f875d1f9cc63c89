"""Readers: inputs in, `Article` or `Rejected` records out, one reader per format, looked up by name."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from dyadic.errors import InputError
from dyadic.ingest.files import DEFAULT_MAX_BYTES, RawDocument, iter_paths, load
from dyadic.ingest.html import read_html
from dyadic.ingest.plain import read_plain
from dyadic.ingest.records_json import read_json, read_jsonl
from dyadic.records import Article, Rejected

Reader = Callable[[str, str], Iterable[Article | Rejected]]

READERS: dict[str, Reader] = {
    "text": read_plain,
    "html": read_html,
    "json": read_json,
    "jsonl": read_jsonl,
}
_BY_SUFFIX = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}


def reader_name(doc: RawDocument) -> str:
    """The format of a document: its suffix when known, else a look at its first characters."""
    if doc.suffix in _BY_SUFFIX:
        return _BY_SUFFIX[doc.suffix]
    head = doc.text.lstrip()[:512].lower()
    if head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head):
        return "html"
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        return "jsonl"
    return "text"


def read_inputs(paths: list[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Rejected]:
    """Every article in the given paths, in order; unreadable inputs come out as `Rejected`."""
    for path in iter_paths(paths):
        try:
            doc = load(path, max_bytes)
            yield from READERS[reader_name(doc)](doc.name, doc.text)
        except InputError as exc:
            yield Rejected(exc.input, exc.reason)
