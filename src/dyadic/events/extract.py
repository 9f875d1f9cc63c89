"""Source-action-target triples from one parsed sentence.

A verb or event noun found in the pattern dictionary is matched against its dependents (particle,
object, prepositions); the subject (or the "by" agent of a passive) is the source and the object
or prepositional phrase named by the pattern is the target. Nominal events ("the killing of X by
Y", "Iranian threats against Azerbaijan", "Russian bombardments of Aleppo") take their source
from a possessive, an adjective or a "by" phrase. Each side is resolved to actors, conjoined
actors give one event each, and reciprocal actions ("met", "talks") are coded both ways.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import permutations
from typing import TYPE_CHECKING

from dyadic.actors.resolve import Resolver
from dyadic.events.patterns import Pattern, PatternSet
from dyadic.records import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

POSSIBLE = {"could", "may", "might", "can"}
INTENDED = {"will", "shall", "would"}
INTENT_HEADS = {"plan", "intend", "want", "seek", "aim", "hope", "expect", "prepare", "decide", "try", "wish", "mean"}
REFUSAL_HEADS = {"refuse", "decline", "reject", "fail"}
OBJECT_CONTROL = {"urge", "ask", "call", "invite", "force", "tell", "persuade", "press", "encourage", "order", "allow"}
LIGHT_VERBS = {"hold", "have", "go", "attend", "conduct", "carry", "launch", "begin", "start", "stage", "make", "pay",
               "continue", "resume", "join", "reach", "seal", "plan", "schedule", "open", "take"}  # fmt: skip
SUBJECT_DEPS = {"nsubj", "csubj"}
OBJECT_DEPS = {"dobj", "obj", "dative", "iobj"}


@dataclass(frozen=True, slots=True)
class Triple:
    source: ActorRef
    target: ActorRef | None
    code: str
    negated: bool
    modality: str
    trigger: int  # token index of the verb or noun in the sentence doc
    confidence: float


def extract(doc: Doc, resolver: Resolver, patterns: PatternSet) -> list[Triple]:
    """Every event the sentence reports, once each."""
    out: list[Triple] = []
    seen: set[tuple[str, str | None, str]] = set()
    for token in doc:
        lemma = token.lemma_.lower()
        if _is_nominal_gerund(token, patterns):
            triples = _noun_events(token, patterns.nouns[token.lower_], resolver)
        elif token.pos_ in ("VERB", "AUX") and lemma in patterns.verbs:
            triples = _verb_events(token, patterns.verbs[lemma], resolver)
        elif token.pos_ in ("NOUN", "PROPN") and lemma in patterns.nouns:
            triples = _noun_events(token, patterns.nouns[lemma], resolver)
        else:
            continue
        for triple in triples:
            key = (triple.source.code, triple.target.code if triple.target else None, triple.code)
            if key not in seen:
                seen.add(key)
                out.append(triple)
    return out


def _verb_events(verb: Token, candidates: tuple[Pattern, ...], resolver: Resolver) -> list[Triple]:
    if _is_refused(verb):
        return []  # the refusal verb codes this as a rejection
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    for pattern in candidates:
        matched = _match_verb(verb, pattern, passive, resolver)
        if matched is None:
            continue
        source_head, targets = matched
        sources = resolver.actors(source_head) if source_head is not None else []
        return _pairs(sources, targets, pattern, verb, _negated(verb), _modality(verb), 0.6 + 0.1 * pattern.specificity)
    return []


def _match_verb(
    verb: Token, pattern: Pattern, passive: bool, resolver: Resolver
) -> tuple[Token | None, list[ActorRef]] | None:
    """(source head, target actors) when the pattern fits the verb's dependents, else None."""
    if pattern.particle and not any(
        c.dep_ in ("prt", "advmod", "prep") and c.lower_ == pattern.particle for c in verb.children
    ):
        return None
    obj = _object(verb, passive)
    if pattern.objects and (obj is None or obj.lemma_.lower() not in pattern.objects):
        return None
    source = _agent(verb) if passive else _subject(verb)
    if "xtarget" in pattern.flags:
        return source, _complement_actors(verb, resolver, source)
    heads = _prep_objects(verb, pattern.preps, also=obj if pattern.objects else None)
    if not heads and obj is not None and not (pattern.objects and pattern.preps):
        heads = [obj]  # "expelled the Dutch ambassador": the object names the target
    return source, [ref for head in heads for ref in resolver.actors(head)]


def _is_nominal_gerund(token: Token, patterns: PatternSet) -> bool:
    """ "the killing of X": a gerund used as a noun, which the parser often tags as a verb."""
    if token.tag_ != "VBG" or token.lower_ not in patterns.nouns:
        return False
    if token.dep_ in ("amod", "compound", "nsubj", "dobj", "pobj", "nsubjpass", "appos"):
        return True
    return any(c.dep_ == "det" for c in token.children) or _next_word(token) == "of"


def _next_word(token: Token) -> str | None:
    return token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else None


def _noun_events(noun: Token, candidates: tuple[Pattern, ...], resolver: Resolver) -> list[Triple]:
    by = _prep_object(noun, ("by",)) or _prep_object_right(noun, ("by",))
    for pattern in candidates:
        target_head = _prep_object(noun, pattern.preps) or _prep_object_right(noun, pattern.preps)
        sources = resolver.actors(by) if by is not None else _modifier_actors(noun, resolver)
        if not sources:
            light = _light_verb(noun)
            if light is not None and (subject := _subject(light)) is not None:
                sources = resolver.actors(subject)
        targets = resolver.actors(target_head) if target_head is not None else []
        if target_head is None and "recip" not in pattern.flags and not sources:
            continue
        return _pairs(sources, targets, pattern, noun, False, _modality(noun.head), 0.5 + 0.1 * pattern.specificity)
    return []


def _pairs(
    sources: list[ActorRef],
    targets: list[ActorRef],
    pattern: Pattern,
    trigger: Token,
    negated: bool,
    modality: str,
    confidence: float,
) -> list[Triple]:
    """Source x target events; reciprocal codes go both ways and pair up joint subjects."""
    pairs: list[tuple[ActorRef, ActorRef | None]] = []
    if "recip" in pattern.flags:
        if targets:
            pairs = [(s, t) for s in sources for t in targets] + [(t, s) for s in sources for t in targets]
        else:
            pairs = list(permutations(sources, 2))
    elif targets:
        pairs = [(s, t) for s in sources for t in targets]
    elif "notarget" in pattern.flags:
        pairs = [(s, None) for s in sources]
    out = []
    for source, target in pairs:
        if target is not None and source.code == target.code:
            continue
        if not _informative(source, target, pattern):
            continue
        conf = confidence - 0.15 * (source.kind == "agent" and source.code.startswith("---"))
        out.append(Triple(source, target, pattern.code, negated, modality, trigger.i, round(min(conf, 0.95), 2)))
    return out


def _informative(source: ActorRef, target: ActorRef | None, pattern: Pattern) -> bool:
    """Drop events in which no side has a known country or organisation, and bare statements."""
    known = [a for a in (source, target) if a is not None and not a.code.startswith("---")]
    if not known:
        return False
    if "say" in pattern.flags:
        return target is not None and not target.code.startswith("---")
    return True


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            if child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                return verb.head
            return child
    if verb.dep_ == "xcomp":
        head = verb.head
        if head.lemma_.lower() in OBJECT_CONTROL:
            obj = next((c for c in head.children if c.dep_ in OBJECT_DEPS), None)
            if obj is not None:
                return obj
        return _subject(head)
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    if verb.dep_ in ("relcl", "acl"):
        return verb.head
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        return _subject(verb.head)
    return None


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _object(verb: Token, passive: bool) -> Token | None:
    deps = ("nsubjpass",) if passive else ("dobj", "obj")
    obj = next((c for c in verb.children if c.dep_ in deps), None)
    if obj is None and not passive:
        obj = next((c for c in verb.children if c.dep_ in ("dative", "iobj")), None)
    return obj


def _prep_object(head: Token, preps: tuple[str, ...], also: Token | None = None) -> Token | None:
    """The object of the first preposition in `preps` attached to head (or to `also`)."""
    found = _prep_objects(head, preps, also)
    return found[0] if found else None


def _prep_objects(head: Token, preps: tuple[str, ...], also: Token | None = None) -> list[Token]:
    """Objects of the first matching preposition, with those of prepositions conjoined to it
    ("met with X as well as with Y")."""
    if not preps:
        return []
    for owner in (head, also):
        if owner is None:
            continue
        matching = [c for c in owner.children if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps]
        if matching:
            first = matching[0].lower_
            preps_used = [p for c in matching if c.lower_ == first for p in (c, *c.conjuncts)]
            found = [c for p in preps_used for c in p.children if c.dep_ == "pobj"]
            if found:
                return found
    return []


def _prep_object_right(noun: Token, preps: tuple[str, ...]) -> Token | None:
    """Reading rightwards within the noun's clause, for when the parser attached the phrase elsewhere."""
    if not preps:
        return None
    doc = noun.doc
    for token in doc[noun.i + 1 : noun.i + 15]:
        if token.text in (",", ";", ":", "(", "\u2014") or (
            token.pos_ in ("VERB", "AUX") and token.tag_ not in ("VBG", "VBN")
        ):
            return None
        if token.lower_ in preps and token.dep_ in ("prep", "agent", "dative"):
            return next((c for c in token.children if c.dep_ == "pobj"), None)
    return None


def _modifier_actors(noun: Token, resolver: Resolver) -> list[ActorRef]:
    for child in noun.lefts:
        if child.dep_ in ("poss", "amod", "compound", "nmod"):
            found = resolver.actors(child)
            if found:
                return found
    return []


def _complement_actors(verb: Token, resolver: Resolver, source: Token | None) -> list[ActorRef]:
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp", "dobj"):
            for token in child.subtree:
                if token.pos_ in ("NOUN", "PROPN") and token is not source:
                    found = resolver.actors(token)
                    if found:
                        return found
    return []


def _light_verb(noun: Token) -> Token | None:
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif noun.dep_ not in ("dobj", "obj", "attr"):
        return None
    if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in LIGHT_VERBS:
        return head
    return None


def _is_refused(verb: Token) -> bool:
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in REFUSAL_HEADS


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _modality(token: Token) -> str:
    for node in (token, *token.ancestors):
        aux = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
        if aux & POSSIBLE:
            return "possible"
        if aux & INTENDED:
            return "intended"
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in INTENT_HEADS:
            return "intended"
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in SAY_LEMMAS:
            return "reported"
        if node.dep_ not in ("xcomp", "conj", "ccomp", "prep", "pobj", "dobj", "nsubj", "nsubjpass"):
            break
    return "asserted"


SAY_LEMMAS = {"say", "tell", "state", "announce", "declare", "report", "claim", "insist", "add", "note", "accuse"}
