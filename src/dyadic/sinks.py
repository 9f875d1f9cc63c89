"""Writing events: JSON Lines (the default) and CSV, with every field of the event record."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from dyadic.gdelt import GdeltSink
from dyadic.records import EVENT_FIELDS, Event

_NESTED = {
    "location": ("name", "country", "lat", "lon"),
    "evidence": ("sentence", "start", "end", "raw_start", "raw_end"),
}
CSV_COLUMNS: tuple[str, ...] = tuple(
    f"{name}_{part}" if name in _NESTED else name for name in EVENT_FIELDS for part in _NESTED.get(name, ("",))
)


class JsonlSink:
    def __init__(self, out: TextIO) -> None:
        self.out = out

    def write(self, event: Event) -> None:
        self.out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")

    def close(self) -> None:
        self.out.flush()


class CsvSink:
    """One row per event; nested objects become `location_name`, `evidence_start`, ... columns."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.writer = csv.writer(out)
        self.writer.writerow(CSV_COLUMNS)

    def write(self, event: Event) -> None:
        flat = flatten(event.to_dict())  # once per row, not once per column
        self.writer.writerow(flat.get(c) for c in CSV_COLUMNS)

    def close(self) -> None:
        self.out.flush()


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in record.items():
        if key in _NESTED:
            for part in _NESTED[key]:
                flat[f"{key}_{part}"] = value.get(part) if value else None
        else:
            flat[key] = value
    return flat


SINKS: dict[str, Callable[[TextIO], JsonlSink | CsvSink | GdeltSink]] = {
    "jsonl": JsonlSink,
    "csv": CsvSink,
    "gdelt": GdeltSink,
}


def write_all(events: Iterable[Event], out: TextIO, fmt: str = "jsonl") -> int:
    sink = SINKS[fmt](out)
    count = 0
    for event in events:
        sink.write(event)
        count += 1
    sink.close()
    return count
