"""`confidence` as a probability: how often an event like this one is right.

The coders' own scores (a pattern's specificity, the pair model's probability) rank events but do
not say how often they are right. A small logistic regression maps what is known of an event (its
coder and raw score, modality, how its date was found, whether it is domestic, whether a side is a
pronoun or a bare country, its QuadClass) to the share of such events that match a hand-annotated
event, country pair, root and date window alike. It is fitted on held-out codings of the training
articles (`training/train_confidence.py`; data card in `training/DATA_CARD.md`) and stored as plain
numbers in `data/models/confidence.json`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from dyadic.errors import DataFileError

CALIBRATION_FILE = "confidence.json"
MODALITIES = ("intended", "reported", "past-background", "possible")  # "asserted" is the baseline
DATE_BASES = ("relative", "narrative", "news-day", "published")  # "explicit" is the baseline
PRONOUNS = frozenset({"he", "she", "they", "it", "him", "her", "them", "we", "i"})


def event_features(event: Mapping[str, Any]) -> dict[str, float]:
    """What the calibration reads of an event (a record or its dict), before its confidence is set."""
    model = str(event.get("coder") or "").startswith("model:")
    raw = float(event.get("confidence") or 0.0)
    features = {"model": float(model), "raw": raw, "raw_model": raw * model}
    for modality in MODALITIES:
        features[f"modality:{modality}"] = float(event.get("modality") == modality)
    for basis in DATE_BASES:
        features[f"date:{basis}"] = float(event.get("date_basis") == basis)
    features["domestic"] = float(event.get("source_country") == event.get("target_country"))
    for side in ("source", "target"):
        text = str(event.get(f"{side}_text") or "").lower()
        features[f"{side}_pronoun"] = float(text in PRONOUNS)
        features[f"{side}_bare"] = float(len(str(event.get(side) or "")) == 3)
    for quad in (2, 3, 4):  # 1, verbal cooperation, is the baseline
        features[f"quad:{quad}"] = float(event.get("quad_class") == quad)
    return features


@dataclass(frozen=True)
class Calibrator:
    """A logistic regression over `event_features`."""

    weights: dict[str, float]
    bias: float

    def probability(self, event: Mapping[str, Any]) -> float:
        features = event_features(event)
        score = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(min(score, 30.0), -30.0)))

    def to_json(self) -> str:
        return json.dumps({"bias": self.bias, "weights": self.weights}, indent=1, sort_keys=True) + "\n"


def read_calibrator(text: str) -> Calibrator:
    try:
        data = json.loads(text)
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        return Calibrator(weights, float(data["bias"]))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DataFileError(f"{CALIBRATION_FILE}: not a confidence calibration ({exc})") from exc


@lru_cache(maxsize=1)
def load_calibrator() -> Calibrator | None:
    """The bundled calibration, or None (confidence stays the coder's raw score)."""
    path = resources.files("dyadic") / "data" / "models" / CALIBRATION_FILE
    if not path.is_file():
        return None
    return read_calibrator(path.read_text(encoding="utf-8"))
