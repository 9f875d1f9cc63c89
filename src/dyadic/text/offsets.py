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
_SPACE = re.compile(r"\s+")


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
    squeezed = _Squeezed(raw)
    runs: list[tuple[int, int, int]] = []
    raw_pos = 0  # raw offset reached so far
    clean_pos = 0
    for line in clean.split("\n"):
        at = squeezed.find(line, raw_pos) if line.strip() else -1
        if at >= 0 and "\n" in raw[squeezed.to_raw(at) : squeezed.to_raw(at + len(line) - 1)]:
            at = -1  # a clean line never spans a raw line break: that match is elsewhere
        for word in _WORD.finditer(line):
            if at >= 0:
                found = squeezed.to_raw(at + word.start())
            else:  # a line that code removal joined from pieces: word by word
                found = raw.find(word.group(), raw_pos)
                if found < 0:
                    continue
            runs.append((clean_pos + word.start(), found, len(word.group())))
            raw_pos = found + len(word.group())
        clean_pos += len(line) + 1
    return OffsetMap(tuple(runs))


class _Squeezed:
    """The raw text with every whitespace run read as one space, and the way back to raw offsets."""

    def __init__(self, raw: str) -> None:
        parts: list[str] = []
        self.starts: list[int] = []  # squeezed offset where each non-space chunk starts
        self.raw_starts: list[int] = []
        self.lengths: list[int] = []
        length = 0
        pos = 0
        for space in _SPACE.finditer(raw):
            if space.start() > pos:
                self.starts.append(length)
                self.raw_starts.append(pos)
                self.lengths.append(space.start() - pos)
                parts.append(raw[pos : space.start()])
                length += space.start() - pos
            parts.append(" ")
            length += 1
            pos = space.end()
        if pos < len(raw):
            self.starts.append(length)
            self.raw_starts.append(pos)
            self.lengths.append(len(raw) - pos)
            parts.append(raw[pos:])
        self.text = "".join(parts)

    def find(self, line: str, raw_from: int) -> int:
        """Squeezed offset of the line at or after raw offset raw_from, or -1."""
        index = bisect_right(self.raw_starts, raw_from) - 1
        if index < 0:
            return self.text.find(line)
        start = self.starts[index] + min(raw_from - self.raw_starts[index], self.lengths[index])
        return self.text.find(line, start)

    def to_raw(self, offset: int) -> int:
        index = bisect_right(self.starts, offset) - 1
        return self.raw_starts[index] + (offset - self.starts[index])
