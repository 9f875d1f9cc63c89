"""Surface forms of the pattern words, for deciding before parsing which sentences can hold an event.

Parsing is the expensive step, so the pipeline parses only sentences that name an actor and
contain one of these forms; the rules below over-generate forms (harmless), never miss regular ones.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from dyadic.events.patterns import load_patterns

if TYPE_CHECKING:
    from spacy.tokens import Token

_VOWELS = set("aeiou")


@lru_cache(maxsize=1)
def irregular_forms() -> dict[str, tuple[str, ...]]:
    """Irregular verb forms: dyadic's irregular_verbs.txt, then those PETRARCH-2's dictionary lists
    for the lemmas dyadic's file lacks (petrarch_irregular.txt)."""
    out: dict[str, tuple[str, ...]] = {}
    for name in ("irregular_verbs.txt", "petrarch_irregular.txt"):
        path = resources.files("dyadic") / "data" / "events" / name
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                lemma, _, forms = line.partition(":")
                out.setdefault(lemma.strip(), tuple(forms.split()))
    return out


def verb_forms(lemma: str) -> set[str]:
    forms = {lemma, *irregular_forms().get(lemma, ())}
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms |= {stem + "ed", stem + "ing", lemma + "d" if lemma.endswith("e") else lemma + "ed"}
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    else:
        forms.add(lemma + "s")
    if (
        len(lemma) >= 3
        and lemma[-1] not in _VOWELS | {"w", "x", "y"}
        and lemma[-2] in _VOWELS
        and lemma[-3] not in _VOWELS
    ):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # doubling: stab -> stabbed
    return forms


def noun_forms(lemma: str) -> set[str]:
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        return {lemma, lemma + "es"}
    if lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        return {lemma, lemma[:-1] + "ies"}
    return {lemma, lemma + "s"}


@lru_cache(maxsize=1)
def verb_lemmas() -> dict[str, str]:
    """Surface form -> lemma for the verbs dyadic knows (patterns, light verbs, verbs of saying),
    to correct the small model's lemmatiser where it errs ("staged" -> "stag")."""
    from dyadic.events.patterns import word_classes

    classes = word_classes()
    known = set(load_patterns().verbs) | classes["light_verbs"] | classes["say"] | classes["intent_heads"]
    table: dict[str, str] = {}
    for lemma in sorted(known):
        for form in verb_forms(lemma):
            table.setdefault(form, lemma)
    return table


def verb_lemma(token: Token) -> str:
    """The lemma of a verb token, preferring dyadic's own table when it knows the form."""
    lemma = token.lemma_.lower()
    return verb_lemmas().get(token.lower_, lemma)


@lru_cache(maxsize=1)
def trigger_words() -> frozenset[str]:
    """Every lower-case form of every pattern word in the packaged pattern dictionary."""
    patterns = load_patterns()
    words: set[str] = set()
    for lemma in patterns.verbs:
        words |= verb_forms(lemma)
    for lemma in patterns.nouns:
        words |= noun_forms(lemma)
    return frozenset(words)
