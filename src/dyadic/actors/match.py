"""Finding dictionary names in tokenised text: longest match first, proper names capitalised."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyadic.actors.dictionary import MAX_NAME_TOKENS, PERSON_KINDS, ActorEntry, Dictionaries

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


# sectors of the titles that stand before a surname ("President", "General", "Senator")
TITLE_SECTORS = frozenset({"GOV", "ELI", "MIL", "LEG", "JUD", "COP"})
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "van", "von", "de", "da", "di", "du"})


@dataclass(frozen=True, slots=True)
class NameMatch:
    start: int  # token index, end exclusive
    end: int
    entry: ActorEntry
    text: str


def find_names(doc: Doc, dicts: Dictionaries) -> list[NameMatch]:
    """Dictionary names in the doc, left to right, longest match at each position."""
    found: list[NameMatch] = []
    i = 0
    n = len(doc)
    while i < n:
        token = doc[i]
        if token.lower_ not in dicts.first_words or not _capitalised(token):
            if (titled := _titled_surname(doc, i, dicts)) is not None:
                found.append(titled)
            i += 1
            continue
        match = _longest_at(doc, i, min(n, i + MAX_NAME_TOKENS), dicts)
        if match is None or _inside_longer_name(doc, match, dicts):
            i += 1
            continue
        found.append(match)
        i = match.end
    return found


def _longest_at(doc: Doc, i: int, limit: int, dicts: Dictionaries) -> NameMatch | None:
    for j in range(limit, i, -1):
        span = doc[i:j]
        key = " ".join(span.text.lower().replace("\u2019", "'").split())
        entry = dicts.names.get(key)
        if entry is None and j == i + 1 and key.endswith("s"):
            entry = dicts.names.get(key[:-1])  # plural demonyms: "Israelis", "Turks"
        if entry is not None:
            return NameMatch(i, j, entry, span.text)
    return None


def _inside_longer_name(doc: Doc, match: NameMatch, dicts: Dictionaries) -> bool:
    """ "Omar Hassan al-Bashir" is not the "Hassan" of the dictionary: a one-word person's name that is
    part of a longer proper name the dictionary does not know names someone else."""
    entry = match.entry
    if match.end - match.start != 1 or entry.kind not in PERSON_KINDS or any(len(c.code) <= 3 for c in entry.codes):
        return False
    before = doc[match.start - 1] if match.start > 0 else None
    after = doc[match.end] if match.end < len(doc) else None
    named_before = before is not None and before.text[:1].isupper() and before.is_alpha
    named_before = named_before and before.lower_ not in dicts.agents and before.i != before.sent.start
    named_after = after is not None and (
        after.lower_ in NAME_PARTICLES or (after.text[:1].isupper() and after.is_alpha)
    )
    return named_before or named_after


def _titled_surname(doc: Doc, i: int, dicts: Dictionaries) -> NameMatch | None:
    """ "President Mugabe", "General Petraeus": a title, then a surname that one known person has."""
    token = doc[i]
    entry = dicts.surnames.get(token.lower_)
    if entry is None or i == 0 or not token.text[:1].isupper() or token.text.isupper():
        return None
    if dicts.agents.get(doc[i - 1].lower_) not in TITLE_SECTORS or not doc[i - 1].text[:1].isupper():
        return None
    if i + 1 < len(doc) and doc[i + 1].text[:1].isupper() and doc[i + 1].is_alpha:
        return None  # "President Robert Smith": a longer name than the dictionary's
    return NameMatch(i, i + 1, entry, token.text)


def _capitalised(token: Token) -> bool:
    text = token.text
    return text[:1].isupper() or not text[:1].isalpha()


def agent_at(tokens: list[Token], dicts: Dictionaries) -> tuple[str, int] | None:
    """The sector of the longest role phrase starting the token list, with its length in tokens."""
    for size in range(min(4, len(tokens)), 0, -1):
        words = tokens[:size]
        for key in (" ".join(t.lower_ for t in words), " ".join(t.lemma_.lower() for t in words)):
            sector = dicts.agents.get(key)
            if sector:
                return sector, size
    return None


def has_agent_word(doc: Doc | Span, dicts: Dictionaries) -> bool:
    """A cheap pre-parse test: does any token look like a role word ("police", "rebels")?"""
    agents = dicts.agents
    for token in doc:
        low = token.lower_
        if low in agents or (low.endswith("s") and (low[:-1] in agents or low[:-2] in agents)):
            return True
    return False
