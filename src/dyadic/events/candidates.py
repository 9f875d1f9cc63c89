"""Candidate actor pairs of a sentence, and what the sentence says between them, for the learned coder.

The pattern coder starts from a verb it knows; the learned coder starts from the actors instead: every
noun phrase the resolver can place in a country is a mention, and every ordered pair of mentions that
are not parts of one phrase ("Russia's troops") is a candidate event. The features of a pair are the
words a coder would read to decide: the words on the dependency path that joins the two phrases, the
verb each hangs from and how, the words between them and the sentence's modality cues.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from dyadic.actors.resolve import OWNED, THING, Resolver
from dyadic.events.patterns import load_patterns
from dyadic.records import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PHRASE_POS = frozenset({"NOUN", "PROPN", "PRON"})
# a token in these relations is part of a larger name or phrase, whose head stands for it
INSIDE_DEPS = frozenset({"compound", "flat", "amod"})
CONTENT_POS = frozenset({"VERB", "NOUN", "ADJ", "ADV", "PROPN", "ADP", "PART", "AUX", "SCONJ"})
MODAL_WORDS = frozenset({"would", "could", "may", "might", "should", "must", "will", "can", "if", "unless", "not"})
HOMED = "homed"  # the kind of a role placed in the article's home country
MAX_PATH = 10  # longer paths join unrelated clauses; the pair is not a candidate (held out: 8 and 12 scored lower)
MAX_MENTIONS = 40  # more actors than this in one sentence: a list; pairs would grow with their square


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor named in the sentence: the head token of its phrase and what it resolves to."""

    head: int
    actor: ActorRef


def mentions(doc: Doc, resolver: Resolver, home: str | None = None) -> list[Mention]:
    """Every phrase of the sentence that names an actor with a country, once per (head, actor).

    A role with no country of its own ("the opposition", "police", "protesters") belongs to the
    article's `home` country, the one it is mostly about, when it has one.
    """
    found: list[Mention] = []
    named = {i for match in resolver.names for i in range(match.start, match.end)}
    for token in doc:
        if token.pos_ not in PHRASE_POS or token.dep_ in INSIDE_DEPS:
            continue
        for ref in resolver.head_actors(token):
            if len(ref.code) == 3 and token.i not in named and token.pos_ != "PRON":
                continue  # "a Kabul car bombing", "Iranian oil": a country's thing, not an actor
            if not ref.country and home and ref.code.startswith("---") and len(ref.code) > 3 and ref.kind != OWNED:
                ref = replace(ref, code=home + ref.code[3:], country=home, kind=THING if ref.kind == THING else HOMED)
            if ref.country and all(m.head != token.i or m.actor.code != ref.code for m in found):
                found.append(Mention(token.i, ref))
    return found


def pairs(doc: Doc, found: list[Mention]) -> list[tuple[Mention, Mention]]:
    """Ordered pairs of mentions that can be two sides of an event: the source must be able to act.

    Requiring the source to be a doer (a subject, an owner, a "by" agent) halves the candidates and
    keeps the model from coding reports about parties as acts between them.
    """
    if len(found) > MAX_MENTIONS:
        return []  # a roll call of countries, not a sentence that reports an act between two of them
    out = []
    for source in found:
        if source.actor.kind == THING or not _agent_like(doc[source.head]):
            continue  # "Thai law", "the court's summary": a party's thing does not act
        for target in found:
            if source.head == target.head or _same_party(source.actor, target.actor):
                continue
            if _nested(doc[source.head], doc[target.head]) or _nested(doc[target.head], doc[source.head]):
                continue
            if len(dependency_path(doc[source.head], doc[target.head])) > MAX_PATH:
                continue
            if _subjects_of_coordinated_clauses(doc[source.head], doc[target.head]):
                continue
            out.append((source, target))
    return out


AGENT_DEPS = frozenset({"nsubj", "poss", "compound", "amod", "appos", "conj", "ROOT"})


def _agent_like(token: Token) -> bool:
    """Can the phrase be the doer of an event: a subject, an owner ("Russia's strikes"), a "by" agent?"""
    if token.dep_ in AGENT_DEPS:
        return token.dep_ != "conj" or _agent_like(token.head)
    return token.dep_ == "pobj" and token.head.lower_ == "by"


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def _subjects_of_coordinated_clauses(a: Token, b: Token) -> bool:
    """Are the two phrases the subjects of two clauses joined by "and"/"but"? Each clause reports its
    own subject's act ("Washington said ..., but China remained mum"): the other subject is no party to it."""
    if a.dep_ not in SUBJECT_DEPS or b.dep_ not in SUBJECT_DEPS or a.head.i == b.head.i:
        return False
    return any(t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") for t in dependency_path(a, b))


def _same_party(a: ActorRef, b: ActorRef) -> bool:
    """The same code, or a country and one of its own bodies ("Moscow" and "the Kremlin").

    One dictionary entry on both sides is one party, whatever codes the two got: one person named
    twice ("Warren's campaign ... she"), or two roles that one country's word names ("Turkish police
    ... Turkish officials"; held out, pairing these lowered the coder's precision). Two entries the
    dictionary tells apart are two parties even with one code: a president declining his prime
    minister's resignation is an event between two USAGOV actors.
    """
    if a.entry_id and a.entry_id == b.entry_id:
        return True
    if a.code == b.code:
        return not (a.entry_id and b.entry_id and a.entry_id != b.entry_id)
    return a.country == b.country and (len(a.code) == 3 or len(b.code) == 3)


def _nested(inner: Token, outer: Token) -> bool:
    """Is `inner` a modifier inside the noun phrase headed by `outer` ("Russia's troops")?"""
    for ancestor in inner.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return False
        if ancestor.i == outer.i:
            return True
    return False


def dependency_path(a: Token, b: Token) -> list[Token]:
    """The tokens strictly between `a` and `b` on the dependency tree, from `a` up and down to `b`."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    index_b = {t.i: n for n, t in enumerate(up_b)}
    for n, token in enumerate(up_a):
        if token.i in index_b:
            return up_a[1 : n + 1] + list(reversed(up_b[1 : index_b[token.i]]))
    return up_a[1:] + list(reversed(up_b[1:]))  # two roots: a sentence the splitter left joined


def pair_features(doc: Doc, source: Mention, target: Mention) -> list[str]:
    """The words and relations a coder reads between two actors, as string features."""
    s, t = doc[source.head], doc[target.head]
    path = dependency_path(s, t)
    feats = [f"sd:{s.dep_}", f"td:{t.dep_}", f"ss:{_sector(source.actor)}", f"ts:{_sector(target.actor)}"]
    feats.append("order:st" if s.i < t.i else "order:ts")
    feats.append("same_country" if source.actor.country == target.actor.country else "two_countries")
    feats.append(f"plen:{min(len(path), 5)}")
    for word in path:
        lemma = word.lemma_.lower()
        feats.append(f"p:{lemma}")
        feats.append(f"pd:{word.dep_}:{lemma}")
        feats.extend(f"lex:{root}" for root in lexicon_roots(word))
    lemmas = [w.lemma_.lower() for w in path]
    feats.extend(f"pb:{x}_{y}" for x, y in pairwise(lemmas))
    for side, token in (("s", s), ("t", t)):
        governor = _governor(token)
        if governor is not None:
            feats.append(f"{side}v:{governor.lemma_.lower()}")
            feats.append(f"{side}vd:{token.dep_}:{governor.lemma_.lower()}")
        if token.dep_ == "pobj":
            feats.append(f"{side}prep:{token.head.lower_}")
    low, high = sorted((s.i, t.i))
    for word in doc[low + 1 : high]:
        if word.pos_ in CONTENT_POS:
            feats.append(f"b:{word.lemma_.lower()}")
    for word in doc:
        lower = word.lower_
        if lower in MODAL_WORDS or word.dep_ == "neg":
            feats.append(f"m:{'not' if word.dep_ == 'neg' else lower}")
        if word.pos_ in ("VERB", "NOUN"):
            feats.append(f"w:{word.lemma_.lower()}")
    if doc.text.rstrip().endswith("?"):
        feats.append("question")
    return feats


def lexicon_roots(word: Token) -> frozenset[str]:
    """The CAMEO roots the pattern dictionaries give the word, whatever its context: the lexicon's
    prior, which lets the model generalise from verbs it was trained on to verbs it never saw."""
    table = _lexicon()
    if word.pos_ in ("VERB", "AUX"):
        return table[0].get(word.lemma_.lower(), frozenset())
    if word.pos_ == "NOUN":
        return table[1].get(word.lemma_.lower(), frozenset())
    return frozenset()


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    patterns = load_patterns()
    return (
        {lemma: frozenset(p.code[:2] for p in group) for lemma, group in patterns.verbs.items()},
        {lemma: frozenset(p.code[:2] for p in group) for lemma, group in patterns.nouns.items()},
    )


def _sector(actor: ActorRef) -> str:
    return actor.code[3:6] or "STATE"


def _governor(token: Token) -> Token | None:
    """The verb or event noun the phrase hangs from, through a preposition if need be."""
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    return head if head.i != token.i else None
