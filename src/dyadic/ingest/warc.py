"""WARC archives (plain or gzip): one article per HTML response record, via the HTML reader.

Records that are not HTTP 200 HTML responses (requests, metadata, images) are skipped. A
truncated or corrupt archive yields the complete records before the damage and then a rejection.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator

from dyadic.errors import InputError
from dyadic.ingest.files import decode
from dyadic.ingest.html import read_html
from dyadic.records import Article, Rejected

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(name: str, data: bytes) -> Iterator[Article | Rejected]:
    damage = _gzip_damage(data)
    items = list(_records(name, data))
    if damage is not None:  # the last record read may be cut short: keep only those before it
        complete = [i for i in items[:-1] if not isinstance(i, Rejected)]
        yield from complete
        yield Rejected(name, f"truncated or corrupt WARC after {len(complete)} HTML records: {damage}")
        return
    yield from items


def _gzip_damage(data: bytes) -> str | None:
    """Why a gzip-compressed WARC is damaged (every member is decompressed), or None."""
    if data[:2] != b"\x1f\x8b":
        return None
    rest = data
    try:
        while rest:  # one gzip member per record
            member = zlib.decompressobj(wbits=31)
            pending = rest
            while not member.eof:
                if not pending:
                    return "the gzip stream ends before its end marker"
                member.decompress(pending, 1 << 20)
                pending = member.unconsumed_tail
            rest = member.unused_data
    except zlib.error as exc:
        return f"corrupt gzip data ({exc})"
    return None


def _records(name: str, data: bytes) -> Iterator[Article | Rejected]:
    from warcio.archiveiterator import ArchiveIterator

    count = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = (record.http_headers.get_header("Content-Type") or "").lower()
            status = record.http_headers.get_statuscode()
            if status != "200" or not content_type.startswith(_HTML_TYPES):
                continue
            count += 1
            label = f"{name}#{count}"
            payload = record.content_stream().read()
            url = record.rec_headers.get_header("WARC-Target-URI")
            try:
                yield from read_html(label, decode(label, payload), url=url)
            except InputError as exc:
                yield Rejected(exc.input, exc.reason)
    except Exception as exc:  # warcio and zlib raise many kinds of errors on damaged archives
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        yield Rejected(name, f"truncated or corrupt WARC after {count} HTML records: {reason[:120]}")
        return
    if count == 0:
        yield Rejected(name, "no HTML response records in the WARC file")
