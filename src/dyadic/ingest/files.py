"""Turning paths into decoded documents, with the checks every format shares.

Size, emptiness, binary content and encoding are checked here once, so each reader only has
to understand its own format; each failure becomes a `Rejected` with a one-line reason.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dyadic.errors import InputError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13}


@dataclass(frozen=True, slots=True)
class RawDocument:
    """A file's decoded text and the name it is reported under."""

    name: str
    suffix: str
    text: str


def iter_paths(paths: list[str]) -> Iterator[str | Path]:
    """Expand directories recursively (sorted, hidden files skipped); `-` stays `-` for stdin."""
    for given in paths:
        if given == "-":
            yield "-"
            continue
        path = Path(given)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if child.is_file() and not any(part.startswith(".") for part in rel.parts):
                    yield child
        else:
            yield path


def load(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDocument:
    """Read and decode one input, raising InputError with the reason it cannot be used."""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        return _decode("stdin", "", data, max_bytes)
    path = Path(path)
    name = str(path)
    if not path.exists():
        raise InputError(name, "no such file or directory")
    if not path.is_file():
        raise InputError(name, "not a regular file")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(name, f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(name, f"cannot read file: {exc.strerror or exc}") from exc
    return _decode(name, path.suffix.lower(), data, max_bytes)


def _decode(name: str, suffix: str, data: bytes, max_bytes: int) -> RawDocument:
    if len(data) > max_bytes:
        raise InputError(name, f"input is over the {max_bytes / 1e6:.0f} MB limit")
    if not data.strip():
        raise InputError(name, "empty input")
    if looks_binary(data):
        raise InputError(name, "binary content, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(name, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})") from exc
    return RawDocument(name=name, suffix=suffix, text=text)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB mean the file is not text."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls > max(4, len(head) // 100)
