"""A party's things are not the party: "Thai law" and "the court's summary" can be acted on but do not act."""

from __future__ import annotations

import pytest

from dyadic.actors.dictionary import load_dictionaries
from dyadic.actors.match import find_names
from dyadic.actors.resolve import THING, ArticleMemory, Resolver
from dyadic.events.candidates import mentions, pairs
from dyadic.events.patterns import word_classes
from dyadic.events.syntax import modality_of
from dyadic.pipeline import code_articles
from dyadic.records import Article, Event


@pytest.fixture(scope="module")
def resolved(parse):
    """A parsed sentence and its resolver."""
    dicts = load_dictionaries()

    def _resolved(text: str):
        doc = parse(text)
        return doc, Resolver(dicts, None, find_names(doc, dicts), ArticleMemory())

    return _resolved


@pytest.mark.parametrize(
    ("text", "word", "thing"),
    [
        ("Thai law forbids insulting the king.", "law", True),
        ("The court's summary concluded the matter.", "summary", True),
        ("Rockets hit an Iraqi air base on Friday.", "base", True),
        ("The Puerto Rican constitution requires consent.", "constitution", True),
        # role words, and nouns that stand for their party, are the party
        ("Turkish officials condemned the attack.", "officials", False),
        ("The court rejected the appeal.", "court", False),
        ("The Russian side said talks were useful.", "side", False),
        ("A Turkish statement called for calm.", "statement", False),
        ("An Israeli airstrike killed three men.", "airstrike", False),
        ("Palestinian youths threw stones.", "youths", False),
        # a name is never a thing
        ("Iran rejected the offer.", "Iran", False),
    ],
)
def test_things_and_parties(resolved, text: str, word: str, thing: bool) -> None:
    doc, resolver = resolved(text)
    refs = resolver.head_actors(next(t for t in doc if t.text == word))
    assert refs, "the phrase should still resolve to its party's country"
    assert all((r.kind == THING) == thing for r in refs)


def test_stand_in_class_loads_and_holds_no_role_word() -> None:
    stand_ins = word_classes()["stand_ins"]
    assert {"side", "strike", "campaign", "agency"} <= stand_ins
    assert "law" not in stand_ins and "summary" not in stand_ins


def test_a_thing_is_no_source_of_a_candidate_pair(resolved) -> None:
    doc, resolver = resolved("Thai law forbids Cambodia's claims.")
    assert all(s.actor.kind != THING for s, _ in pairs(doc, mentions(doc, resolver)))


def test_a_thing_does_not_act_in_the_pipeline() -> None:
    text = "Thai law forbids both speaking ill of the royal family and using the monarchy for a campaign."
    events = [
        e for e in code_articles([Article(input="t.txt", text=text, published="2019-02-11")]) if isinstance(e, Event)
    ]
    assert events == []


def test_subjects_of_coordinated_clauses_are_no_pair(resolved) -> None:
    doc, resolver = resolved("Washington criticised the plan, but China remained silent.")
    found = pairs(doc, mentions(doc, resolver))
    assert not any({s.actor.country, t.actor.country} == {"USA", "CHN"} for s, t in found)


@pytest.mark.parametrize(
    ("text", "verb", "modality"),
    [
        # a perfect conditional did not happen
        ("The bill would have allowed China to extradite suspects.", "allowed", "possible"),
        # what a thing would do is no one's intent
        ("They protested a law that would allow China to extradite suspects.", "allow", "possible"),
        # a party's own "would" is still its intent
        ("Iran said it would attack Israel.", "attack", "intended"),
        ("Russia attacked Georgia.", "attacked", "asserted"),
    ],
)
def test_counterfactuals_and_what_things_would_do(parse, text: str, verb: str, modality: str) -> None:
    doc = parse(text)
    assert modality_of(next(t for t in doc if t.text == verb)) == modality


def test_abroad_codes_load_and_are_codebook_codes() -> None:
    from dyadic.events.codebook import abroad_codes, codebook

    assert {"042", "043"} <= abroad_codes() <= codebook().keys()


@pytest.mark.parametrize(
    ("text", "visit"),
    [
        ("Thai Prime Minister Prayuth Chan-o-cha returned to Thailand on Monday.", False),  # travel at home
        ("President Trump traveled to Ohio on Monday.", False),
        ("On Monday, Turkish President Erdogan visited Russia.", True),
    ],
)
def test_a_visit_needs_a_party_abroad(text: str, visit: bool) -> None:
    article = Article(input="t.txt", text=text, published="2019-02-11")
    codes = {e.code for e in code_articles([article]) if isinstance(e, Event)}
    assert ("042" in codes) == visit
