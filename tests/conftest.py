"""Shared fixtures: the model is loaded once per test session, and only by tests that need it."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLD = ROOT / "data" / "eval"


@pytest.fixture(scope="session")
def sample_events() -> dict[str, list]:
    """The events of each bundled example article, keyed by file name."""
    from dyadic.pipeline import code
    from dyadic.records import Event

    out: dict[str, list[Event]] = {}
    for item in code([str(EXAMPLES)]):
        assert isinstance(item, Event), item
        out.setdefault(Path(item.input).name, []).append(item)
    return out


@pytest.fixture(scope="session")
def parse():
    """Parse one sentence with the real model; returns the parsed Doc."""
    from dyadic import nlp

    def _parse(text: str):
        return next(nlp.parse(nlp.split([text])))

    return _parse
