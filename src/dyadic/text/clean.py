"""From scraped text to clean prose: code blobs out, furniture lines out, repeated lines out.

Evidence offsets point into the text this returns, so every later stage works on it alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyadic.dates.article import parse_date_string
from dyadic.dates.expressions import iter_explicit_days
from dyadic.text.boilerplate import UPDATED, is_boilerplate, is_date_line
from dyadic.text.code_blobs import find_code_spans

_CODE_CHARS = re.compile(r"[{}()\[\];=<>]")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_SENTENCE_END = (".", "!", "?", "\u201d", '"', ":")


@dataclass(frozen=True, slots=True)
class CleanText:
    text: str
    published: str | None  # ISO date from a date line or stamp in the text, if any


def clean_text(raw: str) -> CleanText:
    """Clean prose; idempotent (cleaning clean text changes nothing)."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = remove_code(text)
    lines: list[str] = []
    seen: set[str] = set()
    published = None
    for line in text.split("\n"):
        line = _SPACES.sub(" ", line).strip()
        if not line:
            if lines and lines[-1]:
                lines.append("")
            continue
        if is_boilerplate(line):
            published = published or _date_of(line)
            continue
        key = line.casefold()
        if key in seen or _is_code_line(line):
            continue
        seen.add(key)
        lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return CleanText(text="\n".join(lines), published=published)


def remove_code(text: str) -> str:
    """Cut code blobs out; a blob between two sentences leaves a line break, inside one a space."""
    out: list[str] = []
    pos = 0
    for start, end in find_code_spans(text):
        before = text[pos:start].rstrip(" \t")
        out.append(before)
        at_boundary = not before or before.endswith("\n") or before.endswith(_SENTENCE_END)
        out.append("\n" if at_boundary else " ")
        pos = end
        while pos < len(text) and text[pos] in " \t":
            pos += 1
    out.append(text[pos:])
    return "".join(out)


def _is_code_line(line: str) -> bool:
    """Backstop for code the blob finder missed: dense in code characters and with `=` or braces."""
    if len(line) < 40 or not any(c in line for c in "={}"):
        return False
    return len(_CODE_CHARS.findall(line)) / len(line) > 0.08


def _date_of(line: str) -> str | None:
    if not (is_date_line(line) or UPDATED.match(line)):
        return None
    day = next(iter_explicit_days(line), None) or parse_date_string(line)
    return day.isoformat() if day else None
