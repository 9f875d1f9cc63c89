"""From scraped text to clean prose: code blobs, furniture lines, menus, repeats and datelines out.

Evidence offsets point into the text this returns; `offsets` maps them back to the input text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyadic.dates.article import parse_date_string
from dyadic.dates.expressions import iter_explicit_days
from dyadic.text.boilerplate import UPDATED, byline_author, is_boilerplate, is_date_line, is_short_line
from dyadic.text.code_blobs import find_code_spans
from dyadic.text.dateline import Dateline, find_dateline
from dyadic.text.offsets import OffsetMap, align

_CODE_CHARS = re.compile(r"[{}()\[\];=<>]")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f\u200b]+")
_SENTENCE_END = (".", "!", "?", "\u201d", '"', ":")
MENU_RUN = 3  # this many short lines in a row are a navigation list
DATELINE_LINES = 4  # a dateline is looked for in the first lines of prose only


@dataclass(frozen=True, slots=True)
class CleanText:
    text: str
    published: str | None = None  # ISO date from a date line or stamp in the text, if any
    author: str | None = None
    dateline: Dateline | None = None
    offsets: OffsetMap | None = None


MAX_PASSES = 4


def clean_text(raw: str) -> CleanText:
    """Clean prose; idempotent (cleaning clean text changes nothing).

    One pass can expose what an earlier step could not see (a dateline that was the fifth line until
    a menu above it went), so passes repeat until the text is stable; metadata comes from the first
    pass that finds it.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    published = author = dateline = None
    for _ in range(MAX_PASSES):
        clean, found, menus = _clean_once(text)
        published, author, dateline = published or found[0], author or found[1], dateline or found[2]
        if clean == text or not menus:  # only dropping a menu moves lines into view of the earlier steps
            text = clean
            break
        text = clean
    return CleanText(text, published, author, dateline, align(raw, text))


def _clean_once(text: str) -> tuple[str, tuple[str | None, str | None, Dateline | None], bool]:
    """One pass; also says whether a menu was dropped."""
    lines, published, author, dateline = _keep_lines(remove_code(text))
    kept = _drop_menu_runs(lines)
    menus = len(kept) != len(lines)
    while kept and not kept[-1]:
        kept.pop()
    while kept and not kept[0]:
        kept.pop(0)
    return "\n".join(kept), (published, author, dateline), menus


def _keep_lines(text: str) -> tuple[list[str], str | None, str | None, Dateline | None]:
    lines: list[str] = []
    seen: set[str] = set()
    published = author = dateline = None
    for line in text.split("\n"):
        line = _SPACES.sub(" ", line).strip()
        while len(seen) < DATELINE_LINES and (found := find_dateline(line)) is not None:
            dateline, line = dateline or found, line[found.length :]  # place and date are metadata, not prose
        if not line:
            if lines and lines[-1]:
                lines.append("")
            continue
        if is_boilerplate(line):
            published = published or _date_of(line)
            author = author or byline_author(line)
            continue
        key = line.casefold()
        if key in seen or _is_code_line(line):
            continue
        seen.add(key)
        lines.append(line)
    return lines, published, author, dateline


def _drop_menu_runs(lines: list[str]) -> list[str]:
    """Drop runs of short lines (blank lines between them allowed), until none is left."""
    while True:
        keep = [True] * len(lines)
        run: list[int] = []
        for i, line in enumerate([*lines, "a full stop."]):
            if not line:
                continue
            if is_short_line(line):
                run.append(i)
                continue
            if len(run) >= MENU_RUN:
                for j in run:
                    keep[j] = False
            run = []
        if all(keep):
            return lines
        lines = _collapse_blanks([line for line, k in zip(lines, keep, strict=True) if k])


def _collapse_blanks(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return out


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
