"""The learned pair coder: candidate pairs, their features, the model file and the stage in the pipeline."""

from __future__ import annotations

import io
import json

import numpy as np
import pytest

from dyadic.actors.dictionary import load_dictionaries
from dyadic.actors.match import find_names
from dyadic.actors.resolve import ArticleMemory, Resolver
from dyadic.errors import DataFileError
from dyadic.events.candidates import dependency_path, mentions, pair_features, pairs
from dyadic.events.learned import NONE, PairModel, generic_code, learned_triples, load_model, read_model
from dyadic.pipeline import Options, code_articles
from dyadic.records import Article, Event


@pytest.fixture(scope="module")
def sentence(parse):
    dicts = load_dictionaries()

    def _sentence(text: str, home: str | None = None):
        doc = parse(text)
        resolver = Resolver(dicts, None, find_names(doc, dicts), ArticleMemory())
        return doc, resolver, mentions(doc, resolver, home)

    return _sentence


def _model(weights: dict[str, dict[str, float]], classes: tuple[str, ...], threshold: float = 0.5) -> PairModel:
    features = sorted(weights)
    matrix = np.array([[weights[f].get(c, 0.0) for c in classes] for f in features], dtype=np.float32)
    bias = np.array([2.0 if c == NONE else 0.0 for c in classes], dtype=np.float32)
    return PairModel({f: i for i, f in enumerate(features)}, matrix, bias, classes, threshold)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the source is a doer: a subject, an owner, a "by" agent
        ("Chile accused Peru of spying.", {("CHL", "PER")}),
        ("Peru was accused by Chile of spying.", {("CHL", "PER")}),
        # a country and its own troops are one party, not a pair
        ("Russia's troops shelled Ukrainian villages.", {("RUS", "UKRCVL"), ("RUSMIL", "UKRCVL")}),
        # a country's thing is no actor: "Iranian oil"
        ("Iranian oil reached Syria.", set()),
    ],
)
def test_candidate_pairs(sentence, text: str, expected: set[tuple[str, str]]) -> None:
    doc, _, found = sentence(text)
    assert {(s.actor.code, t.actor.code) for s, t in pairs(doc, found)} == expected


def test_a_role_with_no_country_belongs_to_the_articles_home(sentence) -> None:
    _, _, alone = sentence("Police arrested the protesters.")
    _, _, homed = sentence("Police arrested the protesters.", home="BOL")
    assert alone == []
    assert {m.actor.code for m in homed} == {"BOLCOP", "BOLOPP"}


def test_features_read_the_path_between_the_actors(sentence) -> None:
    doc, _, found = sentence("Chile accused Peru of spying.")
    chile, peru = sorted(found, key=lambda m: m.head)
    assert [t.lower_ for t in dependency_path(doc[chile.head], doc[peru.head])] == ["accused"]
    features = pair_features(doc, chile, peru)
    assert {"p:accuse", "sd:nsubj", "td:dobj", "order:st", "two_countries"} <= set(features)


def test_model_predicts_saves_and_reads_back(tmp_path) -> None:
    model = _model({"p:accuse": {"11": 5.0}, "p:meet": {"04": 5.0}}, (NONE, "04", "11"))
    assert model.predict(["p:accuse", "sd:nsubj"])[0] == "11"
    assert model.predict(["p:meet"])[0] == "04"
    assert model.predict(["unknown"])[0] == NONE
    path = tmp_path / "m.npz"
    model.save(str(path))
    again = read_model(str(path))
    assert again.classes == model.classes and again.threshold == pytest.approx(0.5)
    assert again.predict(["p:accuse"]) == pytest.approx(model.predict(["p:accuse"]))


def test_a_damaged_model_file_is_a_data_error() -> None:
    with pytest.raises(DataFileError, match=r"pair_coder\.npz"):
        read_model(io.BytesIO(b"not a zip file"))


def test_the_bundled_model_loads() -> None:
    model = load_model()
    assert model is not None and NONE in model.classes and 0.0 < model.threshold < 1.0
    assert len(model.index) > 1000 and model.weights.shape == (len(model.index), len(model.classes))
    assert all(generic_code(c) for c in model.classes if c != NONE)


def test_learned_triples_say_which_model_coded_them(sentence) -> None:
    doc, resolver, _ = sentence("Chile hammered out a fisheries deal with Peru.")
    model = _model({"p:hammer": {"05": 6.0}}, (NONE, "05"))
    triples = learned_triples(doc, resolver, None, model, [])
    assert [(t.source.code, t.target.code, t.code) for t in triples] == [("CHL", "PER", "050")]
    assert triples[0].coder.startswith("model:pair_coder:") and 0.5 < triples[0].confidence <= 1.0
    # a root a pattern already gave the pair in the sentence is the pattern's
    assert learned_triples(doc, resolver, None, model, triples) == []


def test_between_two_countries_the_model_must_be_surer(sentence) -> None:
    """A reading between two countries needs INTERNATIONAL_CUT; a domestic one the model's own cut."""
    from dyadic.events.learned import INTERNATIONAL_CUT

    assert pytest.approx(0.6) == INTERNATIONAL_CUT
    unsure = _model({"p:hammer": {"11": 2.4}}, (NONE, "11"))  # p(11) = 0.599: over 0.5, under 0.6
    sure = _model({"p:hammer": {"11": 3.0}}, (NONE, "11"))  # p(11) = 0.731
    doc, resolver, _ = sentence("Chile hammered Peru over spying.")
    assert learned_triples(doc, resolver, None, unsure, []) == []
    assert [t.code for t in learned_triples(doc, resolver, None, sure, [])] == ["110"]
    doc, resolver, _ = sentence("The Kremlin hammered Russian protesters over the strike.")
    assert [t.code for t in learned_triples(doc, resolver, None, unsure, [])] == ["110"]


def test_beside_a_pattern_the_model_adds_another_root_unless_the_pattern_withheld_the_pair(sentence) -> None:
    from dataclasses import replace

    doc, resolver, _ = sentence("Chile hammered out a fisheries deal with Peru.")
    [pattern] = learned_triples(doc, resolver, None, _model({"p:hammer": {"05": 6.0}}, (NONE, "05")), [])
    other = _model({"p:hammer": {"11": 6.0}}, (NONE, "11"))
    assert [t.code for t in learned_triples(doc, resolver, None, other, [pattern])] == ["110"]
    for withheld in (replace(pattern, negated=True), replace(pattern, modality="possible")):
        assert learned_triples(doc, resolver, None, other, [withheld]) == []


@pytest.mark.parametrize(
    ("text", "modality", "negated"),
    [
        ("Chile hammered Peru over spying.", "asserted", False),
        ("Chile might hammer Peru over spying.", "possible", False),
        ("Chile did not hammer Peru over spying.", "asserted", True),
    ],
)
def test_the_models_events_take_the_clauses_modality_and_negation(sentence, text, modality, negated) -> None:
    doc, resolver, _ = sentence(text)
    [triple] = learned_triples(doc, resolver, None, _model({"p:hammer": {"11": 6.0}}, (NONE, "11")), [])
    assert (triple.modality, triple.negated) == (modality, negated)


def test_the_pipeline_can_run_without_the_model() -> None:
    text = "Chile and Peru signed a fisheries accord on Wednesday. Chile accused Peru of spying."
    article = Article(input="t.txt", text=text, published="2021-03-12")
    with_model = [e for e in code_articles([article]) if isinstance(e, Event)]
    without = [e for e in code_articles([article], Options(learned=False)) if isinstance(e, Event)]
    assert all(e.coder.startswith("pattern:") for e in without)
    assert {e.coder.split(":")[0] for e in with_model} <= {"pattern", "model"}


def test_no_learned_flag_codes_with_patterns_only(tmp_path, capsys) -> None:
    from dyadic.cli import main

    article = tmp_path / "a.txt"
    article.write_text("Chile and Peru signed a fisheries accord on Wednesday. Chile hammered Peru over spying.\n")
    assert main(["code", str(article), "--no-learned"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines and all(e["coder"].startswith("pattern:") for e in lines)


def test_a_one_sided_act_goes_one_way_in_a_sentence(sentence) -> None:
    doc, resolver, _ = sentence("Chile hammered Peru, and Peru hammered Chile back.")
    both_ways = _model({"p:hammer": {"11": 6.0}, "order:st": {"11": 0.5}}, (NONE, "11"))
    triples = learned_triples(doc, resolver, None, both_ways, [])
    assert len({(t.source.country, t.target.country) for t in triples if t.code == "110"}) == 1
    mutual = _model({"p:hammer": {"04": 6.0}}, (NONE, "04"))
    assert {(t.source.country, t.target.country) for t in learned_triples(doc, resolver, None, mutual, [])} == {
        ("CHL", "PER"),
        ("PER", "CHL"),
    }


@pytest.mark.slow
def test_the_bundled_model_is_rebuilt_byte_for_byte(tmp_path) -> None:
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    out = tmp_path / "pair_coder.npz"
    subprocess.run([sys.executable, str(root / "training" / "train_pair_model.py"), "--out", str(out)], check=True)
    assert out.read_bytes() == (root / "src" / "dyadic" / "data" / "models" / "pair_coder.npz").read_bytes()


def test_a_roll_call_of_countries_gives_no_pairs(sentence) -> None:
    names = ["Chile", "Peru", "Bolivia", "Brazil", "Ghana", "Togo", "Benin", "Niger", "Mali", "Chad", "Sudan", "Kenya",
             "Japan", "China", "India", "Nepal", "Iran", "Iraq", "Syria", "Oman", "Yemen", "Qatar", "Egypt", "Libya",
             "Tunisia", "Morocco", "Spain", "France", "Italy", "Greece", "Turkey", "Russia", "Poland", "Norway",
             "Sweden", "Finland", "Canada", "Mexico", "Cuba", "Haiti", "Jamaica", "Panama"]  # fmt: skip
    doc, _, found = sentence(f"The envoys of {', '.join(names[:-1])} and {names[-1]} met in Geneva.")
    assert len(found) > 40 and pairs(doc, found) == []
