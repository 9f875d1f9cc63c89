"""What an article says about its people and roles, gathered before its events are coded.

A reporter names a person fully once ("Qaboos bin Said, the long-serving Sultan of Oman") and then
by one part of the name ("Qaboos", "Said"), by title, or as "he"; the memory lets later (or earlier)
mentions borrow that identification.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from dyadic.actors.resolve import ArticleMemory, Resolver
from dyadic.records import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_HEAD_DEPS_SKIPPED = {"compound", "flat", "amod", "poss"}
_NAME_PART_DEPS = {"compound", "flat"}
_PERSON_DEPS_SKIPPED = _HEAD_DEPS_SKIPPED - {"poss"}  # an owner ("Qaboos's reign") is a mention of a person
MIN_NAME_PART = 3  # shorter parts ("Al", "bin", "Jr") name no one by themselves


def build_memory(resolvers: list[Resolver], docs: list[Doc]) -> ArticleMemory:
    """Two readings of the article: the first learns names, roles and countries; the second, which
    can already read a surname or a given name alone, places every mention of a person in article
    order, so that "he" and "his" find the person last named, owners ("Qaboos's reign") included."""
    memory = ArticleMemory()
    for resolver, doc in zip(resolvers, docs, strict=True):
        for token in doc:
            if token.pos_ not in ("PROPN", "NOUN") or token.dep_ in _HEAD_DEPS_SKIPPED:
                continue
            ref = _known(resolver, token)
            place = resolver.offset + token.idx
            if ref is not None and ref.country and token.dep_ != "appos":
                memory.countries.append((place, replace(ref, code=ref.country)))
            if token.dep_ in ("nsubj", "nsubjpass") and token.lower_ not in ("it", "they"):
                subjects = [r for r in resolver.actors(token) if not r.code.startswith("---")]
                if subjects:
                    memory.subjects.append((place, subjects))
            if token.pos_ == "PROPN":
                ref = ref or _apposed(resolver, token)
                if _is_person(ref):
                    memory.remember_name(token.lower_, ref)
                if _is_person(ref) and _names_someone(resolver, token):
                    for part in _name_parts(token):
                        memory.remember_name_part(part.lower_, ref)
            elif ref is not None and ref.kind == "agent" and ref.country:
                memory.remember_role(token.lemma_.lower(), ref)
    for resolver, doc in zip(resolvers, docs, strict=True):
        own, resolver.memory = resolver.memory, memory
        try:
            _place_persons(resolver, doc, memory)
        finally:
            resolver.memory = own
    return memory


def _place_persons(resolver: Resolver, doc: Doc, memory: ArticleMemory) -> None:
    for token in doc:
        if token.pos_ != "PROPN" or token.dep_ in _PERSON_DEPS_SKIPPED:
            continue
        ref = _known(resolver, token) or _apposed(resolver, token)
        if _is_person(ref) and _names_someone(resolver, token):
            memory.persons.append((resolver.offset + token.idx, ref))


def _apposed(resolver: Resolver, token: Token) -> ActorRef | None:
    """The actor an apposition names for the name ("Qaboos bin Said, the Sultan of Oman")."""
    return next((ref for c in token.children if c.dep_ == "appos" for ref in [_known(resolver, c)] if ref), None)


def _is_person(ref: ActorRef | None) -> bool:
    return ref is not None and len(ref.code) > 3 and ref.kind != "actor"  # people, not places


def _names_someone(resolver: Resolver, head: Token) -> bool:
    """A person's name, not a body's ("the Court", "Parliament"): "he" and "she" refer to people."""
    return head.lower_ not in resolver.dicts.agents and head.lemma_.lower() not in resolver.dicts.agents


def _name_parts(head: Token) -> list[Token]:
    """The other words of a person's name: "Qaboos" and "Said" of "Qaboos bin Said"."""
    return [
        t
        for t in head.subtree
        if t.i != head.i and t.pos_ == "PROPN" and t.dep_ in _NAME_PART_DEPS and t.head.i == head.i
        and len(t.text) >= MIN_NAME_PART and t.text[0].isupper()
    ]  # fmt: skip


def _known(resolver: Resolver, token: Token) -> ActorRef | None:
    refs = resolver.head_actors(token)
    known = [r for r in refs if not r.code.startswith("---")]
    return known[0] if len(known) == 1 else None
