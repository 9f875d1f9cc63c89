"""The learned pair coder: does a sentence report an event between two of its actors, and of what root?

Patterns cover the phrasings someone wrote down; news has a long tail of others ("hammered out a
deal with", "balked at"). This stage reads what lies between two resolved actors
(`events.candidates.pair_features`) and scores every CAMEO root and "no event" with a multinomial
logistic regression trained on hand-annotated news (`training/train_pair_model.py`, data card in
`training/DATA_CARD.md`). It is consulted only for pairs of countries no pattern coded in the
sentence.

The model file is plain arrays (`data/models/pair_coder.npz`): the feature strings, a weight row
for each, the bias and the class labels. Scoring is a sum of rows and a softmax: no dependency
beyond NumPy, and it loads once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np

from dyadic.actors.resolve import Resolver
from dyadic.errors import DataFileError
from dyadic.events.candidates import Mention, dependency_path, mentions, pair_features, pairs
from dyadic.events.extract import Triple
from dyadic.events.syntax import is_negated, modality_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dyadic.records import ActorRef

NONE = "none"
MUTUAL_ROOTS = frozenset({"04", "05", "06", "19", "20"})  # acts two sides do together or to each other
MODEL_FILE = "pair_coder.npz"


@dataclass(frozen=True)
class PairModel:
    """A linear model over string features: weights[index[feature]] is the feature's row of class scores."""

    index: dict[str, int]
    weights: np.ndarray  # (features, classes)
    bias: np.ndarray  # (classes,)
    classes: tuple[str, ...]  # "none" and the CAMEO roots
    threshold: float  # the least probability at which a root is output

    def probabilities(self, features: list[str]) -> np.ndarray:
        rows = [self.index[f] for f in set(features) if f in self.index]
        scores = self.bias + (self.weights[rows].sum(axis=0) if rows else 0.0)
        scores = scores - scores.max()
        exp = np.exp(scores)
        return exp / exp.sum()

    def predict(self, features: list[str]) -> tuple[str, float]:
        """The most probable root and its probability, or ("none", p) when no root is likely enough."""
        probs = self.probabilities(features)
        best = max((i for i, c in enumerate(self.classes) if c != NONE), key=lambda i: probs[i])
        if probs[best] >= self.threshold:
            return self.classes[best], float(probs[best])
        return NONE, float(probs[self.classes.index(NONE)])

    def save(self, path: str) -> None:
        order = sorted(self.index, key=self.index.__getitem__)
        np.savez_compressed(
            path,
            features=np.array(order, dtype=np.str_),
            weights=self.weights.astype(np.float32),
            bias=self.bias.astype(np.float32),
            classes=np.array(self.classes, dtype=np.str_),
            threshold=np.array([self.threshold], dtype=np.float32),
        )


def read_model(source: object) -> PairModel:
    """A model from an .npz file (a path or an open binary file)."""
    try:
        with np.load(source, allow_pickle=False) as data:
            features = [str(f) for f in data["features"]]
            model = PairModel(
                index={f: i for i, f in enumerate(features)},
                weights=data["weights"].astype(np.float32),
                bias=data["bias"].astype(np.float32),
                classes=tuple(str(c) for c in data["classes"]),
                threshold=float(data["threshold"][0]),
            )
    except (OSError, KeyError, ValueError) as exc:
        raise DataFileError(f"{MODEL_FILE}: not a pair-coder model ({exc})") from exc
    if model.weights.shape != (len(features), len(model.classes)) or NONE not in model.classes:
        raise DataFileError(f"{MODEL_FILE}: weights do not fit the features and classes")
    return model


@lru_cache(maxsize=1)
def load_model() -> PairModel | None:
    """The bundled model, or None when the package was built without one."""
    path = resources.files("dyadic") / "data" / "models" / MODEL_FILE
    if not path.is_file():
        return None
    with path.open("rb") as handle:
        return read_model(handle)


# The least probability for a model event between two countries. The training news is four-fifths
# domestic, and out of fold the model's events between two countries were right 38% of the time
# against 82% for domestic ones. Chosen like the model's own cut, by whole-pipeline F1 out of fold on
# the training articles (heldout_pipeline.py --set events.learned.INTERNATIONAL_CUT=...): none 0.335,
# 0.5 0.338, 0.6 0.339, 0.7 0.336.
INTERNATIONAL_CUT = 0.6


def learned_triples(
    doc: Doc, resolver: Resolver, home: str | None, model: PairModel, coded: list[Triple]
) -> list[Triple]:
    """Events the model reads between pairs of actors, beside what the patterns coded in this sentence.

    A pair of countries keeps the root a pattern gave it here; the model may add another root for it
    (a sentence often reports two acts between the same parties: "criticised ... and demanded ..."),
    unless the pattern read it as not done or only possible. The pairs no pattern coded get the
    model's reading at its own threshold. Held out on the training articles, asking more of the
    model beside a pattern (0.8), or leaving a pair a pattern coded to the pattern alone, lost recall
    and precision both (training/heldout_pipeline.py). The model's event is negated, or only
    possible, when the clause that joins the pair says so, as a pattern's would be. Each pair of
    actors named by two phrases gives at most one event, in its more probable direction (a list,
    "the navies of China, India and Oman", gives one pair for each member).
    """
    sided = [t for t in coded if t.target is not None]
    rooted = {(_countries(t.source, t.target), t.code[:2]) for t in sided}
    # a pair the patterns read as not done ("did not attack", "would like to see Chile agree") stays so
    withheld = {_countries(t.source, t.target) for t in sided if t.negated or t.modality == "possible"}
    best: dict[tuple[str, str, str], Triple] = {}
    for source, target in pairs(doc, mentions(doc, resolver, home)):
        pair = _countries(source.actor, target.actor)
        if pair in withheld:
            continue
        root, probability = model.predict(pair_features(doc, source, target))
        if root == NONE or (pair, root) in rooted:
            continue
        if len(pair) == 2 and probability < INTERNATIONAL_CUT:
            continue  # two countries: the model, trained on mostly domestic news, is right less often
        key = (source.actor.code, target.actor.code, root)
        trigger = _trigger(doc, source, target)
        # what the clause only guesses at, or denies, is not done: the cues the patterns read
        modality = "possible" if modality_of(doc[trigger]) == "possible" else "asserted"
        triple = Triple(
            source.actor,
            target.actor,
            generic_code(root),
            negated=is_negated(doc[trigger]),
            modality=modality,
            trigger=trigger,
            confidence=round(probability, 3),
            coder=f"model:{MODEL_FILE.removesuffix('.npz')}:{probability:.3f}",
        )
        if key not in best or best[key].confidence < triple.confidence:
            best[key] = triple
    return _one_direction(list(best.values()))


def _countries(source: ActorRef, target: ActorRef) -> frozenset[str | None]:
    return frozenset((source.country, target.country))


def _one_direction(triples: list[Triple]) -> list[Triple]:
    """A one-sided act between two countries goes one way in a sentence: its more probable one.

    Mutual acts (consulting, cooperating, fighting) may be read both ways.
    """
    leading: dict[tuple[frozenset[str | None], str], tuple[str | None, str | None]] = {}
    for triple in sorted(triples, key=lambda t: -t.confidence):
        leading.setdefault(_undirected(triple), _direction(triple))
    return [t for t in triples if t.code[:2] in MUTUAL_ROOTS or leading[_undirected(t)] == _direction(t)]


def _direction(triple: Triple) -> tuple[str | None, str | None]:
    return triple.source.country, triple.target.country if triple.target else None


def _undirected(triple: Triple) -> tuple[frozenset[str | None], str]:
    return frozenset(_direction(triple)), triple.code[:2]


def generic_code(root: str) -> str:
    """The root's own code, "not specified below" in the codebook: 04 -> 040."""
    return root + "0"


def _trigger(doc: Doc, source: Mention, target: Mention) -> int:
    """The word that stands for the event: the first verb joining the two phrases, else the source."""
    path = dependency_path(doc[source.head], doc[target.head])
    verb = next((t for t in path if t.pos_ in ("VERB", "AUX")), None)
    return (verb or (path[0] if path else doc[source.head])).i
