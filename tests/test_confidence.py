"""`confidence` is a calibrated probability: features, the logistic map, the bundled file."""

from __future__ import annotations

import pytest

from dyadic.errors import DataFileError
from dyadic.events.confidence import Calibrator, event_features, load_calibrator, read_calibrator

EVENT = {
    "coder": "model:pair_coder:0.700",
    "confidence": 0.7,
    "modality": "asserted",
    "date_basis": "narrative",
    "source_country": "CHL",
    "target_country": "PER",
    "source": "CHLGOV",
    "target": "PER",
    "source_text": "he",
    "target_text": "Peru",
    "quad_class": 3,
}


def test_features_describe_the_event() -> None:
    features = event_features(EVENT)
    assert features["model"] == 1.0 and features["raw_model"] == pytest.approx(0.7)
    assert features["date:narrative"] == 1.0 and features["date:published"] == 0.0
    assert features["source_pronoun"] == 1.0 and features["target_bare"] == 1.0 and features["domestic"] == 0.0
    assert features["quad:3"] == 1.0 and features["quad:4"] == 0.0


@pytest.mark.parametrize(
    ("weights", "bias", "expected"),
    [
        ({}, 0.0, 0.5),
        ({"model": 2.0}, -2.0, 0.5),
        ({"date:narrative": 100.0}, 0.0, 1.0),  # clipped, never overflows
        ({"date:narrative": -100.0}, 0.0, 0.0),
    ],
)
def test_probability_is_a_logistic_of_the_features(weights, bias, expected) -> None:
    assert Calibrator(weights, bias).probability(EVENT) == pytest.approx(expected, abs=1e-6)


def test_calibration_round_trips_and_rejects_bad_files() -> None:
    calibrator = Calibrator({"model": 0.5, "raw": 1.25}, -0.75)
    assert read_calibrator(calibrator.to_json()) == calibrator
    with pytest.raises(DataFileError, match="confidence"):
        read_calibrator('{"weights": [1, 2]}')


def test_bundled_calibration_ranks_dated_model_events_above_undated_ones() -> None:
    calibrator = load_calibrator()
    assert calibrator is not None
    undated = {**EVENT, "date_basis": "published"}
    assert 0.0 < calibrator.probability(undated) < calibrator.probability(EVENT) < 1.0
