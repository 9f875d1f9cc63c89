from __future__ import annotations

import itertools
import random
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadic.analysis import periods
from dyadic.analysis.change import detect_changes, noise_level, segment
from dyadic.analysis.dyad import PeriodStats

GOLDSTEIN = {1: 1.9, 2: 6.4, 3: -2.0, 4: -10.0}
START = date(2014, 1, 1)


def series(months: list[list[int]]) -> list[PeriodStats]:
    """One PeriodStats per month from the QuadClass of each of its events."""
    out, day = [], START
    for quads in months:
        counts = tuple(quads.count(q) for q in (1, 2, 3, 4))
        gsum = sum(GOLDSTEIN[q] for q in quads)
        out.append(
            PeriodStats(
                day, periods.label(day, "month"), counts, len(quads), gsum, gsum / len(quads) if quads else None
            )
        )  # type: ignore[arg-type]
        day = periods.next_start(day, "month")
    return out


def noisy(rng: random.Random, n: int, weights: list[float], events: int = 12) -> list[list[int]]:
    return [rng.choices([1, 2, 3, 4], weights, k=events) for _ in range(n)]


def test_segment_by_hand() -> None:
    assert segment([(0.0,), (0.0,), (0.0,), (5.0,), (5.0,), (5.0,)], min_size=2) == [3]
    assert segment([(0.0,), (0.0,), (0.0,), (5.0,), (5.0,), (5.0,)], min_size=4) == []
    assert segment([(1.0,)] * 30) == []


def test_planted_shift_is_found_at_its_month() -> None:
    calm = [[1, 1, 1, 1, 1, 1, 1, 1, 2, 3]] * 12  # mean 1.96, 10 % conflict
    crisis = [[1, 1, 3, 3, 3, 4, 4, 4, 4, 4]] * 12  # mean -5.22, 80 % conflict
    changes = detect_changes(series(calm + crisis))
    assert len(changes) == 1
    change = changes[0]
    assert (change.label, change.direction) == ("2015-01", "conflict")
    assert change.before_mean == pytest.approx(1.96) and change.after_mean == pytest.approx(-5.22)
    assert (change.before_conflict, change.after_conflict) == (pytest.approx(0.1), pytest.approx(0.8))
    assert change.magnitude == pytest.approx(7.18)


def test_no_shift_and_pure_noise_give_nothing() -> None:
    assert detect_changes(series([[1, 3, 4]] * 36)) == []
    rng = random.Random(3)
    for _ in range(10):
        assert detect_changes(series(noisy(rng, 60, [0.5, 0.2, 0.2, 0.1]))) == []


def test_shift_in_noise_then_rapprochement() -> None:
    rng = random.Random(11)
    months = (
        noisy(rng, 30, [0.5, 0.2, 0.2, 0.1])
        + noisy(rng, 8, [0.2, 0.0, 0.3, 0.5])
        + noisy(rng, 30, [0.5, 0.2, 0.2, 0.1])
    )
    changes = detect_changes(series(months))
    assert [c.direction for c in changes] == ["conflict", "cooperation"]
    assert abs((changes[0].period.year - 2014) * 12 + changes[0].period.month - 1 - 30) <= 1
    assert abs((changes[1].period.year - 2014) * 12 + changes[1].period.month - 1 - 38) <= 1


def test_thin_periods_are_ignored() -> None:
    calm = [[1] * 8 + [2, 3]] * 12
    months = [*calm, [4], [4, 4], [4], *calm]  # three months of one or two attacks each
    assert detect_changes(series(months)) == []
    assert detect_changes(series(months), min_events=1, min_size=1)  # unless asked to read them


def test_noise_level_is_robust() -> None:
    assert noise_level([0.0, 1.0] * 20) == pytest.approx(1 / (0.6745 * 2**0.5))
    assert noise_level([0.0] * 10 + [100.0] * 10) == 0.0  # one jump does not count as noise


@settings(max_examples=60, deadline=None)
@given(
    values=st.lists(st.floats(-10, 10, allow_nan=False), min_size=0, max_size=40),
    min_size=st.integers(1, 5),
    penalty=st.floats(0.1, 5),
)
def test_segments_respect_the_minimum_size(values, min_size, penalty) -> None:
    starts = segment([(v,) for v in values], min_size=min_size, penalty=penalty)
    bounds = [0, *starts, len(values)]
    assert starts == sorted(set(starts))
    assert not starts or all(b - a >= min_size for a, b in itertools.pairwise(bounds))
