"""Mapping offsets in the cleaned text back to the text as it was read.

Cleaning only deletes (furniture lines, code blobs, repeated lines) and collapses whitespace, so
every word of the clean text is a verbatim piece of the raw text, in order. Each clean line is
found in the raw text with whitespace-tolerant matching; a line that code removal joined from
pieces falls back to word-by-word matching. The result is a list of runs: a clean offset, the raw
offset it came from, and a length over which both advance together.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class OffsetMap:
    runs: tuple[tuple[int, int, int], ...]  # (clean_start, raw_start, length), sorted by clean_start

    def to_raw(self, clean: int) -> int:
        """The raw offset of a clean offset (whitespace maps to where its run ends)."""
        if not self.runs:
            return clean
        index = max(bisect_right(self.runs, (clean, float("inf"), 0)) - 1, 0)
        start, raw, length = self.runs[index]
        return raw + min(max(clean - start, 0), length)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Raw (start, end) of a clean span; `end` is exclusive."""
        if end <= start:
            return self.to_raw(start), self.to_raw(start)
        return self.to_raw(start), self.to_raw(end - 1) + 1


def align(raw: str, clean: str) -> OffsetMap:
    runs: list[tuple[int, int, int]] = []
    raw_pos = 0
    clean_pos = 0
    for line in clean.split("\n"):
        found = _find_line(raw, line, raw_pos) if line else None
        if found is not None:
            raw_pos = _add_words(runs, line, clean_pos, found, raw)
        else:
            for word in _WORD.finditer(line):
                at = raw.find(word.group(), raw_pos)
                if at < 0:
                    continue
                runs.append((clean_pos + word.start(), at, len(word.group())))
                raw_pos = at + len(word.group())
        clean_pos += len(line) + 1
    return OffsetMap(tuple(runs))


def _find_line(raw: str, line: str, start: int) -> int | None:
    words = line.split()
    if not words:
        return None
    pattern = r"\s+".join(map(re.escape, words))
    match = re.compile(pattern).search(raw, start)
    return match.start() if match else None


def _add_words(runs: list[tuple[int, int, int]], line: str, clean_pos: int, raw_start: int, raw: str) -> int:
    """Runs for each word of a line found at raw_start; returns the raw offset after the line."""
    raw_pos = raw_start
    for word in _WORD.finditer(line):
        at = raw.index(word.group(), raw_pos)
        runs.append((clean_pos + word.start(), at, len(word.group())))
        raw_pos = at + len(word.group())
    return raw_pos
