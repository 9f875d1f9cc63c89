"""JSON and JSON Lines: one article per record (`text` or `content`, optional id/title/url/date)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from dyadic.errors import InputError
from dyadic.records import Article, Rejected

TEXT_FIELDS = ("text", "content", "body")
DATE_FIELDS = ("date", "published", "publish_date", "pubdate")
LIST_FIELDS = ("articles", "records", "items", "data")


def read_jsonl(name: str, text: str) -> Iterator[Article | Rejected]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejected(f"{name}#{lineno}", f"invalid JSON on line {lineno}: {exc.msg}")
            continue
        yield _article(name, lineno, record)


def read_json(name: str, text: str) -> Iterator[Article | Rejected]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if "\n{" in text or text.lstrip().startswith("{"):
            yield from read_jsonl(name, text)  # JSON Lines saved under a .json name
            return
        raise InputError(name, f"invalid JSON: {exc.msg} (line {exc.lineno})") from exc
    if isinstance(data, dict):
        for key in LIST_FIELDS:
            if isinstance(data.get(key), list):
                data = data[key]
                break
        else:
            data = [data]
    if not isinstance(data, list):
        raise InputError(name, "JSON is neither an object nor a list of objects")
    for index, record in enumerate(data, start=1):
        yield _article(name, index, record)


def _article(name: str, position: int, record: Any) -> Article | Rejected:
    if not isinstance(record, dict):
        return Rejected(f"{name}#{position}", "JSON record is not an object")
    ident = record.get("id")
    label = f"{name}#{ident}" if ident not in (None, "") else f"{name}#{position}"
    body = next((record[f] for f in TEXT_FIELDS if isinstance(record.get(f), str) and record[f].strip()), None)
    if body is None:
        return Rejected(label, "JSON record has no text (fields: text, content, body)")
    date = next((str(record[f]) for f in DATE_FIELDS if record.get(f)), None)
    return Article(
        input=label,
        text=body,
        title=_str_or_none(record.get("title")),
        url=_str_or_none(record.get("url")),
        published=date,
    )


def _str_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
