"""What an article says about its people and roles, gathered before its events are coded.

A reporter names a person fully once ("Andrei Karlov, the Russian Ambassador to Turkey") and then
by surname or title; the memory lets later (or earlier) mentions borrow that identification.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from dyadic.actors.resolve import ArticleMemory, Resolver
from dyadic.records import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_HEAD_DEPS_SKIPPED = {"compound", "flat", "amod", "poss"}


def build_memory(resolvers: list[Resolver], docs: list[Doc]) -> ArticleMemory:
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
                for appos in (c for c in token.children if c.dep_ == "appos"):
                    ref = ref or _known(resolver, appos)
                if ref is not None and len(ref.code) > 3 and ref.kind != "actor":  # people, not places
                    memory.remember_name(token.lower_, ref)
                    memory.persons.append((resolver.offset + token.idx, ref))
            elif ref is not None and ref.kind == "agent" and ref.country:
                memory.remember_role(token.lemma_.lower(), ref)
    return memory


def _known(resolver: Resolver, token: Token) -> ActorRef | None:
    refs = resolver.head_actors(token)
    known = [r for r in refs if not r.code.startswith("---")]
    return known[0] if len(known) == 1 else None
