"""Reading actor dictionaries in the PETRARCH/TABARI text format, so users can bring their own.

    TURKEY_  [TUR]
    +TURKISH_
    RECEP_TAYYIP_ERDOGAN_  # comment
    +ERDOGAN_
        [TURGOV 021118-030314]
        [TURGOV >030314]

Underscores join words; a trailing `_` (whole word) and `{...}` markup are dropped; codes with
`>D`, `<D`, `D1-D2` are dated (YYMMDD or YYYYMMDD; two-digit years up to 30 are 20YY).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from dyadic.actors.dictionary import ActorEntry, CodeSpan, normalise
from dyadic.errors import DataFileError

_CODE = re.compile(r"\[([^\]]+)\]")


def read_petrarch_actors(path: Path) -> list[tuple[str, ActorEntry]]:
    pairs: list[tuple[str, ActorEntry]] = []
    names: list[str] = []
    codes: list[CodeSpan] = []

    def flush() -> None:
        if names and codes:
            entry = ActorEntry(f"{path.name}:{names[0]}", "actor", names[0], tuple(codes))
            pairs.extend((n, entry) for n in names)

    text = re.sub(r"<!--.*?-->", "", path.read_text(encoding="utf-8", errors="replace"), flags=re.S)
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        found = [span for c in _CODE.findall(line) if (span := _span(c, where)) is not None]
        phrase = _CODE.sub("", line).strip()
        if line[0] in " \t" and not phrase:
            codes.extend(found)
        elif phrase.startswith("+"):
            names.append(_phrase(phrase[1:]))
            codes.extend(found)
        elif phrase:
            flush()
            names, codes = [_phrase(phrase)], found
    flush()
    return pairs


def _phrase(raw: str) -> str:
    raw = re.sub(r"\{[^}]*\}", "", raw)
    return normalise(raw.replace("_", " "))


def _span(field: str, where: str) -> CodeSpan | None:
    """One code; a malformed date restriction drops that code (PETRARCH's own files have some)."""
    try:
        return _parse_span(field, where)
    except DataFileError:
        return None


def _parse_span(field: str, where: str) -> CodeSpan:
    parts = field.split()
    code = parts[0].upper()
    if len(parts) == 1:
        return CodeSpan(code)
    period = parts[1]
    if period.startswith(">"):
        return CodeSpan(code, start=_day(period[1:], where))
    if period.startswith("<"):
        return CodeSpan(code, end=_day(period[1:], where))
    if "-" in period:
        start, end = period.split("-", 1)
        return CodeSpan(code, _day(start, where) if start else None, _day(end, where) if end else None)
    raise DataFileError(f"{where}: bad date restriction {period!r}")


def _day(text: str, where: str) -> date:
    try:
        if len(text) == 6:
            year = int(text[:2])
            return date(year + (2000 if year <= 30 else 1900), int(text[2:4]), int(text[4:6]))
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError as exc:
        raise DataFileError(f"{where}: bad date {text!r}") from exc
