"""From a noun phrase in a parsed sentence to CAMEO actor codes.

A phrase is read the way a coder reads it: a name that the dictionary knows gives the whole code
("Recep Tayyip Erdogan" -> TURGOV on the article's date); otherwise a country named in the
modifiers ("Turkish", "Russia's") or in an "of"/"from" phrase is joined with the sector of the
role word ("policeman" -> COP), giving TURCOP. Conjoined phrases give one actor each. People and
role words that a sentence leaves without a country are looked up in what the rest of the article
said about them (`ArticleMemory`), e.g. "Ambassador Andrei Karlov" after a caption that calls him
"the Russian Ambassador to Turkey".
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from dyadic.actors.dictionary import Dictionaries
from dyadic.actors.match import NameMatch, agent_at
from dyadic.events.patterns import word_classes
from dyadic.records import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Token

_MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "npadvmod", "det", "nummod", "quantmod", "case", "punct", "flat",
                  "conj", "cc"}  # fmt: skip
_GENERIC_ROLES = {"leader", "official", "spokesman", "spokeswoman", "spokesperson", "member", "representative",
                  "chief", "head", "delegation", "counterpart"}  # fmt: skip
_COUNTRY_PREPS = {"of", "from", "in", "throughout", "across"}
_OF_GROUPS = word_classes()["of_groups"]
_THING_HEADS = word_classes()["acts"]
_MISHAPS = word_classes()["mishaps"]
# nouns that stand for the party named with them, as role words do ("the Russian side", "an Israeli strike")
_STAND_INS = word_classes()["stand_ins"] | word_classes()["documents"] | word_classes()["weapons"]
OWNED = "owned"  # the kind of a role whose owner the sentence names but the dictionary does not know
THING = "thing"  # the kind of a party's thing ("Thai law", "the court's summary"): acted on, never acting
MAX_DEPTH = 3  # phrases nested in phrases ("leaders of the group of ..."), followed this far
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_THING_PRONOUNS = {"it", "they"}
_FIRST_PERSON = word_classes()["first_person"]
_QUOTING = word_classes()["quoting"]
QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "''", "``"})
CLOSERS = frozenset({"-", "\u2013", "\u2014", ",", ")", ":", ";"})
LIST_REACH = 12  # words between a group's noun and the dash or comma that opens its list of members
SET_OFF = frozenset({"-", "\u2013", "\u2014", ",", "(", ":"})  # what opens a list of a group's members
_GROUP_NOUNS = {"country", "nation", "state", "government", "side", "neighbour", "neighbor", "power", "ally"}


@dataclass
class ArticleMemory:
    """What an article has said about people and roles, for phrases that do not say it again."""

    names: dict[str, ActorRef] = field(default_factory=dict)
    roles: dict[str, ActorRef] = field(default_factory=dict)
    persons: list[tuple[int, ActorRef]] = field(default_factory=list)
    countries: list[tuple[int, ActorRef]] = field(default_factory=list)  # every country-level mention
    subjects: list[tuple[int, list[ActorRef]]] = field(default_factory=list)  # actors named as subjects

    def remember_name(self, key: str, ref: ActorRef) -> None:
        self.names.setdefault(key, ref)

    def remember_name_part(self, key: str, ref: ActorRef) -> None:
        """A given name or surname alone names the person only if no other person shares it."""
        known = self.names.get(key)
        if known is None:
            self.names[key] = ref
        elif known.code and (known.entry_id, known.code) != (ref.entry_id, ref.code):
            self.names[key] = ActorRef("", "", None, kind="ambiguous")

    def remember_role(self, lemma: str, ref: ActorRef) -> None:
        known = self.roles.get(lemma)
        if known is None:
            self.roles[lemma] = ref
        elif known.code != ref.code:
            self.roles[lemma] = ActorRef("", "", None, kind="ambiguous")

    def last_person(self, before: int) -> ActorRef | None:
        candidates = [ref for pos, ref in self.persons if pos < before]
        return candidates[-1] if candidates else None

    def last_countries(self, before: int, count: int) -> list[ActorRef]:
        """The last `count` different countries mentioned before an offset ("the two countries")."""
        out: list[ActorRef] = []
        for _pos, ref in sorted((p for p in self.countries if p[0] < before), key=lambda p: -p[0]):
            if all(ref.country != o.country for o in out):
                out.append(ref)
            if len(out) == count:
                return out[::-1]
        return []

    def last_subject(self, before: int, plural: bool) -> list[ActorRef]:
        """What "it" (one actor) or "they" (one or more) most likely refers to: the last subject."""
        for _pos, refs in sorted((p for p in self.subjects if p[0] < before), key=lambda p: -p[0]):
            if plural or len(refs) == 1:
                return refs
        return []


@dataclass
class Resolver:
    """Resolves noun phrases of one sentence, given its name matches and the article's context."""

    dicts: Dictionaries
    day: date | None
    names: list[NameMatch]
    memory: ArticleMemory
    offset: int = 0  # the sentence's start in the article, to order pronoun antecedents

    def __post_init__(self) -> None:
        self._by_token = {i: m for m in self.names for i in range(m.start, m.end)}
        self.depth = 0

    def actors(self, head: Token) -> list[ActorRef]:
        """Every actor the phrase headed by `head` names, conjuncts included."""
        out: list[ActorRef] = []
        covering = self._by_token.get(head.i)
        named = head.doc[covering.start : covering.end] if covering is not None else [head]
        joined = [c for token in named for c in token.conjuncts if c.i not in self._span_of(covering)]
        for h in [head, *joined, *_listed_appositions(head)]:
            for ref in self._single(h):
                if ref.code and all(ref.code != o.code for o in out):
                    out.append(ref)
        sector = _shared_sector(out)
        for extra in _also_joined(head):
            for ref in self._single(extra):
                if sector and len(ref.code) == 3:
                    ref = self._join(ref, sector, ref.text)
                if ref.code and all(ref.code != o.code for o in out):
                    out.append(ref)
        return out

    @staticmethod
    def _span_of(match: NameMatch | None) -> range:
        return range(match.start, match.end) if match is not None else range(0)

    def head_actors(self, head: Token) -> list[ActorRef]:
        """The actors of this head alone, without its conjuncts."""
        return self._single(head)

    def _single(self, head: Token) -> list[ActorRef]:
        refs = self._phrase(head)
        if refs and self._names_a_thing(head):
            if head.pos_ == "PROPN":  # the airport, not the government, of the capital's country
                return [replace(r, code=r.country, kind=THING) for r in refs if r.country]
            return [replace(r, kind=THING) for r in refs]
        return refs

    def _names_a_thing(self, head: Token) -> bool:
        """Is the phrase a party's thing rather than the party? A common noun that is neither a role
        word nor a noun that stands for its party, with the party named only in its modifiers: "Thai
        law", "the court's summary", "an Iraqi air base", "Brazilian compliance". So is a proper
        name that a capital's name only begins ("Baghdad International Airport", "The Jakarta
        Post"): the capital stands for its government only when it is the phrase's head."""
        if head.pos_ == "PROPN" and head.i not in self._by_token and self._capital_modifier(head):
            return not self._role_word_ends(head)
        if head.pos_ != "NOUN" or head.i in self._by_token or head.dep_ == "appos":
            return False
        lemma = head.lemma_.lower()
        if lemma in _STAND_INS or lemma in _OF_GROUPS or lemma in _GENERIC_ROLES or lemma in _MISHAPS:
            return False
        if any(c.dep_ == "appos" for c in head.children):
            return False  # "the movement, Hamas": the apposition names the party
        return not self._role_word_ends(head)

    def _role_word_ends(self, head: Token) -> bool:
        """Does the phrase end in a role word ("the court", "Turkish officials", "Kabul Police")?"""
        core = self._core(head)
        for i in range(len(core)):
            hit = agent_at(core[i:], self.dicts)
            if hit and hit[1] == len(core) - i:
                return True
        return False

    def _capital_modifier(self, head: Token) -> bool:
        modifiers = (self._by_token.get(t.i) for t in self._core(head)[:-1] if t.dep_ in ("compound", "nmod"))
        return any(m is not None and m.entry.kind == "capital" for m in modifiers)

    def _phrase(self, head: Token) -> list[ActorRef]:
        if head.lower_ in _FIRST_PERSON and head.pos_ == "PRON":
            return [replace(r, text=head.text, kind="pronoun") for r in self._speaker(head)]
        if head.lower_ in _PERSON_PRONOUNS:
            ref = self.memory.last_person(self.offset + head.idx)
            return [ActorRef(ref.code, head.text, ref.country, ref.entry_id, "pronoun")] if ref else []
        if head.lower_ in _THING_PRONOUNS and head.dep_ in ("nsubj", "nsubjpass"):
            refs = self.memory.last_subject(self.offset + head.idx, plural=head.lower_ == "they")
            return [replace(r, text=head.text, kind="pronoun") for r in refs]
        group = _counted_group(head)
        if group:
            members = self._set_off_members(head, group)
            if members:  # "the only two Arab states to have done so - Egypt and Jordan -"
                return members
            return [
                replace(r, text=_phrase_text(self._core(head)))
                for r in self.memory.last_countries(self.offset + head.idx, group)
            ]
        if head.lemma_.lower() in _MISHAPS and head.i not in self._by_token:
            return []  # "the Malaysia Airlines crash", "a Turkish earthquake": a happening, not an actor
        core = self._core(head)
        covering = self._by_token.get(head.i)
        if covering is not None:
            ref = self._from_entry(covering, head)
            if ref is not None:
                text = _phrase_text(core)
                title = self._sector(core)
                if len(ref.code) == 3:
                    return [self._join(ref, title, text)]
                if title and ref.code.endswith("ELI") and ref.country:  # "President Bush": the title says in office
                    return [replace(ref, code=ref.country + title, text=text)]
                named = [c for c in self._countries(core, exclude=covering) if len(c.code) == 3 and c.country]
                if ref.kind == "person" and named and named[-1].country != ref.country:
                    # "the United Kingdom's Queen Elizabeth II": the sentence says whose; a name the
                    # dictionary lists under another country is a namesake or a shared office
                    return [replace(ref, code=named[-1].country + ref.code[3:], country=named[-1].country, text=text)]
                return [replace(ref, text=text)]
        sector = self._sector(core)
        countries = self._countries(core, exclude=covering)
        text = _phrase_text(core)
        if not countries:
            countries = [replace(c, text=f"{text} {c.text}") for c in self._prep_countries(head)]
            if countries:  # "the government of President Avril": his country, the head's sector
                return [
                    self._join(replace(c, code=c.country) if sector and c.country else c, sector, c.text)
                    for c in countries
                ]
        if countries:
            return [self._join(c, sector, text) for c in countries]
        if self.depth < MAX_DEPTH and (named := _identified_as(head)) is not None:  # "a man identified as X"
            found = [r for r in self._nested(named, conjuncts=False) if not r.code.startswith("---")]
            if found:
                return found
        if self.depth < MAX_DEPTH:
            generic = head.lemma_.lower() in _GENERIC_ROLES  # "leaders of the opposition coalition"
            group = self._apposed(head) or (self._of_group(head, generic) if not sector or generic else [])
            if group:
                return group
        if head.pos_ == "PROPN" and (known := self.memory.names.get(head.lower_)) is not None and known.code:
            return [ActorRef(known.code, text, known.country, known.entry_id, "person")]
        if sector and (owner := _possessive_pronoun(head)) is not None:  # "their forces", "its army"
            refs = self._owner(owner)
            if refs:
                return [self._join(replace(r, code=r.country), sector, text) for r in refs if r.country]
        if sector:
            if _owner_named(head):  # "a spokesman for the PMF": someone's, not the article's country's
                return [ActorRef("---" + sector, text, None, None, OWNED)]
            known = self.memory.roles.get(head.lemma_.lower())
            if known is not None and known.code:
                return [ActorRef(known.code, text, known.country, known.entry_id, "agent")]
            return [ActorRef("---" + sector, text, None, None, "agent")]
        return []

    def _speaker(self, pronoun: Token) -> list[ActorRef]:
        """ "We stand ready," tweeted Johnson: inside a quotation, "I" and "we" are its speaker, the
        subject of the verb of saying outside the quotation marks of the same sentence."""
        if self.depth >= MAX_DEPTH or not _quoted(pronoun):
            return []
        for verb in pronoun.sent:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in _QUOTING or _quoted(verb):
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubj" and not _quoted(c)), None)
            if subject is not None and subject.lower_ not in _FIRST_PERSON:
                return [r for r in self._nested(subject, conjuncts=False) if r.country]
        return []

    def _set_off_members(self, head: Token, count: int) -> list[ActorRef]:
        """The members a counted group names itself, set off by dashes, commas or brackets after it.

        Read from the words, not the parse: the small model hangs such lists anywhere ("Egypt" as an
        apposition of the last noun before the dash). The list must start right after a dash, comma
        or bracket within a few words of the group's noun, hold exactly `count` names and be closed
        again ("- Egypt and Jordan -"), so that an object list ("condemned Iran, Syria and Iraq.") is
        never taken for the group.
        """
        doc = head.doc
        opener = next((t for t in doc[head.i + 1 : head.i + 1 + LIST_REACH] if t.text in SET_OFF), None)
        # the list sits between the group and its verb (or the sentence's): not in what the group did
        verbs = [v for v in (head.head, head.sent.root) if v.pos_ in ("VERB", "AUX") and v.i > head.i]
        if opener is None or not any(opener.i < v.i for v in verbs):
            return []
        members: list[ActorRef] = []
        i = opener.i + 1
        while i < len(doc) and len(members) <= count:
            match = self._by_token.get(i)
            if match is None or match.start != i:
                break
            ref = self._from_entry(match, doc[i])
            if ref is None or not ref.country:
                break
            members.append(replace(ref, code=ref.country, text=match.text))
            i = match.end
            if i < len(doc) and doc[i].text in CLOSERS:
                break  # set off on both sides, as an apposition is
            while i < len(doc) and doc[i].lower_ in (",", "and"):
                i += 1
        closed = i < len(doc) and doc[i].text in CLOSERS
        return members if len(members) == count and closed else []

    def _nested(self, head: Token, conjuncts: bool = True) -> list[ActorRef]:
        """Resolve a phrase inside the one being resolved; callers stop at MAX_DEPTH levels."""
        self.depth += 1
        try:
            return self.actors(head) if conjuncts else self._single(head)
        finally:
            self.depth -= 1

    def _owner(self, pronoun: Token) -> list[ActorRef]:
        place = self.offset + pronoun.idx
        if pronoun.lower_ in ("his", "her"):
            person = self.memory.last_person(place)
            return [person] if person else []
        return self.memory.last_subject(place, plural=pronoun.lower_ == "their")

    def _apposed(self, head: Token) -> list[ActorRef]:
        """ "the army spokesman, Colonel Samir Fahmawi": a name in apposition takes the title's actor."""
        others = [c for c in head.children if c.dep_ == "appos"]
        if head.dep_ == "appos":
            others.append(head.head)
        for other in others:
            found = [r for r in self._nested(other, conjuncts=False) if r.country]
            if found:
                return [replace(r, text=_phrase_text(self._core(head))) for r in found]
        return []

    def _of_group(self, head: Token, any_noun: bool = False) -> list[ActorRef]:
        """A group's actor is in its "of" phrase: "hundreds of Kurdish protesters", "a patch of Bangladeshi troops"."""
        if not any_noun and head.lemma_.lower() not in _OF_GROUPS and head.pos_ != "NUM":
            return []
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return self._nested(obj)
        return []

    def _core(self, head: Token) -> list[Token]:
        """The head and its left modifiers: the words that say who, not where or about what."""
        doc = head.doc
        left = [t for t in doc[head.left_edge.i : head.i] if _within_modifiers(t, head)]
        return [*left, head]

    def _sector(self, core: list[Token]) -> str | None:
        head = core[-1]
        found: list[tuple[int, str]] = []
        i = 0
        while i < len(core):
            hit = agent_at(core[i:], self.dicts)
            if hit and core[i].i not in self._by_token:
                found.append((i + hit[1] - 1, hit[0]))
                i += hit[1]
            else:
                i += 1
        if not found:
            return None
        if found[-1][0] != len(core) - 1 and head.lemma_.lower() in _THING_HEADS:
            return None  # "naval exercises", "a general strike": a role word describing an act, not an actor
        last_pos, last_sector = found[-1]
        if last_pos == len(core) - 1 and head.lemma_.lower() not in _GENERIC_ROLES:
            return last_sector
        return found[0][1] if found[0][0] != len(core) - 1 else last_sector

    def _countries(self, core: list[Token], exclude: NameMatch | None) -> list[ActorRef]:
        seen: set[int] = set()
        out = []
        for token in core:
            match = self._by_token.get(token.i)
            if match is None or id(match) in seen or match is exclude:
                continue
            seen.add(id(match))
            ref = self._from_entry(match, token)
            if ref is not None:
                out.append(ref)
        if any(t.dep_ == "cc" for t in core):
            return out  # "Hungarian and Romanian officials": one actor each
        return out[-1:]  # otherwise the modifier nearest the head

    def _prep_countries(self, head: Token) -> list[ActorRef]:
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in _COUNTRY_PREPS:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        refs = [
                            self._from_entry(self._by_token[t.i], t)
                            for t in [obj, *obj.conjuncts]
                            if t.i in self._by_token
                        ]
                        if not refs and self.depth < MAX_DEPTH:  # "the mayor of the West Bank city of Nablus",
                            # "ministers from the Georgian government": the country the phrase names
                            refs = [replace(r, code=r.country) for r in self._nested(obj) if r.country]
                        return [replace(r, text=f"{child.text} {r.text}") for r in refs if r is not None]
        return []

    def _from_entry(self, match: NameMatch, token: Token) -> ActorRef | None:
        code = match.entry.code_on(self.day)
        if not code:
            return None
        is_person = token.pos_ == "PROPN" and match.entry.kind in ("person", "countries", "international")
        kind = "person" if is_person and len(code) > 3 else "actor"
        return ActorRef(code, match.text, self.dicts.country_of(code), match.entry.id, kind)

    def _join(self, base: ActorRef, sector: str | None, text: str) -> ActorRef:
        code = base.code
        if sector and len(code) == 3 and sector not in code:
            code += sector
        return ActorRef(code, text, base.country, base.entry_id, "agent" if sector else base.kind)


def _possessive_pronoun(head: Token) -> Token | None:
    return next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her")), None)


def _quoted(token: Token) -> bool:
    """Is the word inside quotation marks: an odd number of them before it in its sentence?"""
    return sum(t.text in QUOTE_MARKS for t in token.sent[: token.i - token.sent.start]) % 2 == 1


def _owner_named(head: Token) -> bool:
    """Does the role's own "of"/"for" phrase name its owner ("the spokesman for Kataib Hezbollah")?"""
    return any(
        child.dep_ == "prep" and child.lower_ in ("of", "for") and any(
            obj.dep_ == "pobj" and (obj.pos_ == "PROPN" or any(t.pos_ == "PROPN" for t in obj.lefts))
            for obj in child.children
        )
        for child in head.children
    )  # fmt: skip


def _identified_as(head: Token) -> Token | None:
    """The name in "a man identified as Mevlut Mert Altintas", "a group calling itself X"."""
    for child in head.children:
        if child.dep_ == "acl" and child.lemma_.lower() in ("identify", "name", "call"):
            for grand in child.children:
                if grand.dep_ in ("oprd", "attr"):
                    return grand
                if grand.dep_ == "prep" and grand.lower_ == "as":
                    return next((c for c in grand.children if c.dep_ == "pobj"), None)
    return None


def _counted_group(head: Token) -> int:
    """2 for "the two countries", "both nations", "the two neighbours"; 0 for anything else."""
    if head.lemma_.lower() not in _GROUP_NOUNS or head.tag_ not in ("NNS", "NNPS"):
        return 0
    for child in head.lefts:
        if child.lower_ in ("two", "both"):
            return 2
        if child.lower_ == "three":
            return 3
    return 0


def _listed_appositions(head: Token) -> list[Token]:
    """ "The US, Russia, and Switzerland" parses as an apposition: a list of proper names."""
    if head.pos_ != "PROPN":
        return []
    out = []
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            out.extend([child, *child.conjuncts])
    return out


def _also_joined(head: Token) -> list[Token]:
    """Phrases joined by "as well as", "along with", "together with", which parse as cc or prep."""
    out = []
    for child in head.children:
        if child.lower_ in ("as", "with") and child.dep_ in ("cc", "prep"):
            before = head.doc[max(child.i - 2, 0) : child.i].text.lower()
            if before.endswith(("as well", "along", "together")) or (child.lower_ == "as" and before.endswith("well")):
                out.extend(c for c in child.children if c.dep_ == "pobj")
    return out


def _shared_sector(refs: list[ActorRef]) -> str | None:
    sectors = {r.code[3:] for r in refs if len(r.code) > 3}
    return sectors.pop() if len(sectors) == 1 and all(len(r.code) > 3 for r in refs) else None


def _within_modifiers(token: Token, head: Token) -> bool:
    """True when every step from token up to head is a modifier dependency."""
    while token.i != head.i:
        if token.dep_ not in _MODIFIER_DEPS:
            return False
        token = token.head
    return True


def _phrase_text(core: list[Token]) -> str:
    words = [t for t in core if t.dep_ not in ("det", "punct")] or core
    doc = core[-1].doc
    return doc[words[0].i : words[-1].i + 1].text
