"""Turning paths into bytes and bytes into text, with the checks every format shares.

Size, emptiness, compression, binary content and encoding are handled here once, so each reader
only has to understand its own format; each failure becomes an InputError with a one-line reason.
"""

from __future__ import annotations

import codecs
import gzip
import io
import re
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dyadic.errors import InputError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13, 27}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(rb"""(?:<meta[^>]+charset\s*=\s*["']?|<\?xml[^>]+encoding\s*=\s*["'])([\w.:-]+)""", re.I)


@dataclass(frozen=True, slots=True)
class RawBytes:
    """An input's bytes (decompressed), the name it is reported under and its format suffix."""

    name: str
    suffix: str
    data: bytes


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


def load(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> RawBytes:
    """Read one input (gzip undone, except inside WARC files, which their reader handles)."""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        name, suffixes = "stdin", []
    else:
        path = Path(path)
        name, suffixes = str(path), [s.lower() for s in path.suffixes]
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
    if len(data) > max_bytes:
        raise InputError(name, f"input is over the {max_bytes / 1e6:.0f} MB limit")
    is_warc = ".warc" in suffixes[-2:]
    if data[:2] == b"\x1f\x8b" and not is_warc:
        data = gunzip(name, data, max_bytes)
        suffixes = suffixes[:-1] if suffixes and suffixes[-1] in (".gz", ".gzip") else suffixes
    if not data.strip():
        raise InputError(name, "empty input")
    suffix = ".warc" if is_warc else (suffixes[-1] if suffixes else "")
    return RawBytes(name=name, suffix=suffix, data=data)


def gunzip(name: str, data: bytes, max_bytes: int) -> bytes:
    """Decompress, refusing archives that expand past the size limit or end early."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            out = fh.read(max_bytes + 1)
    except EOFError as exc:
        raise InputError(name, "truncated gzip data (the file ends before the end-of-stream marker)") from exc
    except (OSError, zlib.error) as exc:
        raise InputError(name, f"corrupt gzip data: {exc}") from exc
    if len(out) > max_bytes:
        raise InputError(name, f"decompressed input is over the {max_bytes / 1e6:.0f} MB limit")
    return out


def decode(name: str, data: bytes) -> str:
    """Text from bytes: a byte-order mark, else UTF-8, else the declared encoding, else a detected one."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(name, f"invalid encoding: {encoding} byte-order mark but undecodable bytes") from exc
    if looks_binary(data):
        raise InputError(name, "binary content, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    declared = _DECLARED.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    detected = _detect(data)
    if detected is not None:
        return detected
    where = f"byte 0x{data[first_bad]:02x} at offset {first_bad}"
    raise InputError(name, f"invalid encoding: not UTF-8 ({where}), nor a declared or detectable encoding")


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.chaos > 0.15:
        return None
    return str(best) if len(data) <= 200_000 else data.decode(best.encoding, errors="replace")


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB mean the file is not text."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls > max(4, len(head) // 100)
