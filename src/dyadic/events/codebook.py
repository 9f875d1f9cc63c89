"""The CAMEO codebook: name, Goldstein value, QuadClass (GDELT convention) and PLOVER category."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class CodeInfo:
    code: str
    root: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None


def _rows(name: str) -> list[dict[str, str]]:
    text = (resources.files("dyadic") / "data" / "codebook" / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@lru_cache(maxsize=1)
def codebook() -> dict[str, CodeInfo]:
    plover = {r["code"]: r["plover_event"] or None for r in _rows("cameo_plover.tsv")}
    return {
        r["code"]: CodeInfo(
            code=r["code"],
            root=r["root"],
            name=r["name"],
            goldstein=float(r["goldstein"]),
            quad_class=int(r["quad_class"]),
            plover=plover.get(r["code"]),
        )
        for r in _rows("cameo_event_codes.tsv")
    }
