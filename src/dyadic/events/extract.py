"""Source-action-target triples from one parsed sentence.

A verb or event noun found in the pattern dictionary is matched against its dependents (particle,
object, prepositions); the subject (or the "by" agent of a passive) is the source and the object
or prepositional phrase named by the pattern is the target. Nominal events ("the killing of X by
Y", "Iranian threats against Azerbaijan", "Russian bombardments of Aleppo") take their source
from a possessive, an adjective or a "by" phrase. Each side is resolved to actors, conjoined
actors give one event each, and reciprocal actions ("met", "talks") are coded both ways.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import permutations
from typing import TYPE_CHECKING

from dyadic.actors.resolve import Resolver
from dyadic.events.codebook import MODES_BY_ROOT, codebook, recode, with_purpose
from dyadic.events.patterns import Pattern, PatternSet, word_classes
from dyadic.events.syntax import (
    LIGHT_VERBS,
    SUBJECT_DEPS,
    agent_of,
    asked_for,
    clause_lemmas,
    clause_word,
    direct_objects,
    has_modifier,
    is_infinitive,
    is_negated,
    is_passive,
    is_request,
    light_verb,
    mentions,
    modality_of,
    next_word,
    object_matches,
    object_of,
    obligation_of,
    passive_subject,
    prep_object,
    prep_object_right,
    prep_objects,
    pronoun_subject,
    subject_of,
)
from dyadic.events.triggers import verb_lemma
from dyadic.records import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ALLEGING = frozenset({"claim", "allege", "charge", "accuse"})
# Concessions, protest, force and coercion "in X" act on X: "imposed a curfew in Cizre", "a protest in
# Beijing", "lifted the curfew in Montenegro".
PLACE_TARGET_ROOTS = {"08", "14", "15", "17", "18", "19", "20"}
FALLBACK_PREPS = ("against", "on", "with", "to", "from", "at", "toward", "towards")
# Measures a government takes at home when no other party is named: administrative sanctions
# (restrictions, bans, curfews, martial law), threats and easing of them, and repression.
DOMESTIC_CODES = ("172", "132", "081", "170", "175")
# Actions that often name no target: appeals, intentions, investigations, demands, rejections, threats,
# protest.
UNDIRECTED_ROOTS = {"02", "03", "09", "10", "12", "13", "14"}
MODAL_ROOTS = {"02", "03", "10", "12", "13"}
FORCE_ROOTS = {"18", "19", "20"}
WEAPONS = word_classes()["weapons"]
# Force whose kind the weapon says: CAMEO 195 "employ aerial weapons", 194 "fight with artillery and tanks".
WEAPON_CODES = {"195": word_classes()["aerial_weapons"], "194": word_classes()["heavy_weapons"]}
WEAPON_DEPS = frozenset({"compound", "nmod", "amod"})  # "artillery and mortar fire", "tank shelling"
GENERIC_FORCE = frozenset({"180", "182", "1823", "183", "190", "193"})
CROWDS = word_classes()["crowds"]  # protesters using force riot (CAMEO 145)
DESIRES = word_classes()["desires"]  # "wants Germany to pay": an appeal when stated, not when guessed at
OFFICES = word_classes()["offices"]  # killing their holders is an assassination (186)
# roles of ordinary people, whose doings in a participle ("tourists visiting Istanbul") are not news
CIVILIAN_SECTORS = frozenset({"CVL", "BUS", "EDU", "REF", "MED", "LAB", "PPL", "HLH", "AGR"})
UNIDENTIFIED = "---UAF"  # CAMEO's unidentified armed force
# Who blocks decides what a blockade is: by ordinary people or the opposition ("farmers blockaded Paris")
# a protest that obstructs passage (CAMEO 144; its threat 133), by a state or an armed force ("the navy
# blockaded the ports") a blockade that restricts movement (191; its threat 1381).
PROTEST_FORMS = {"191": "144", "1381": "133"}
FORCE_FORMS = {"144": "191", "133": "1381"}
PROTESTING_SECTORS = CIVILIAN_SECTORS | {"OPP"}
# An attack by a state or its forces is conventional force (CAMEO 19), by anyone else an assault (18):
# "Russia attacked Ukraine" 190, "Taliban fighters attacked a school" 180 (threats: 1384 and 1383).
STATE_FORCE_FORMS = {"180": "190", "1383": "1384"}
STATE_SECTORS = frozenset({"GOV", "MIL"})
BLOCKING = frozenset({"block", "blockade"})
FORCE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "REB", "UAF"})
# Arrest, detention and expulsion are done by a state: with no agent named, by the state where they happen.
AUTHORITY_CODES = ("173", "174")
PROTEST_ROOT = "14"
EMBASSIES = frozenset({"embassy", "consulate"})  # a protest there is aimed at the country they serve
AIMED_ROOTS = frozenset({PROTEST_ROOT, "07"})  # protests and aid name their party in their aim
AID_INTENT = "033"  # an intention to provide aid
# ... and a complaint's ("summoned the ambassador to protest"): their purpose is part of them
PURPOSED_ROOTS = AIMED_ROOTS | {"11"}
QUOTES = frozenset({'"', "'", "\u201d", "\u2019", "\u201c", "\u2018"})
TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning"})
DENIAL = "016"  # what is denied is no event either
ACCUSATION = "112"  # what someone is accused of is alleged, not reported as done: no event of its own
SUPPOSING = frozenset({"if", "unless", "whether"})
MEETING_PLACES = frozenset({"in", "at"})
ACCORD_VERBS = frozenset({"agree", "concur"})
CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})  # a finite clause: "agreed (that) there was"
ACCORD = "019"  # CAMEO: express accord
IMPLIED = "implied"  # the kind of an actor no word names; it stands only if the event's place gives its country


@dataclass(frozen=True, slots=True)
class Triple:
    source: ActorRef
    target: ActorRef | None
    code: str
    negated: bool
    modality: str
    trigger: int  # token index of the verb or noun in the sentence doc
    confidence: float
    coder: str = ""  # the mechanism that coded it: "pattern:FILE:LINE" or "model:pair_coder"


def extract(doc: Doc, resolver: Resolver, patterns: PatternSet) -> list[Triple]:
    """Every event the sentence reports, once each."""
    return _Extractor(resolver, patterns).run(doc)


class _Extractor:
    """One sentence's extraction: remembers which words a content clause has already consumed."""

    def __init__(self, resolver: Resolver, patterns: PatternSet) -> None:
        self.resolver = resolver
        self.patterns = patterns
        self.consumed: set[int] = set()

    def run(self, doc: Doc) -> list[Triple]:
        if _is_question(doc):
            return []  # "Could the US and China go to war over Taiwan?": a question reports nothing
        out: list[Triple] = []
        seen: set[tuple[str, str | None, str]] = set()
        for token in doc:
            if token.i in self.consumed:
                continue
            if hypothetical(token):
                continue
            triples = self.events_at(token)
            if any(t.code[:2] in PURPOSED_ROOTS or t.code.startswith(AID_INTENT) for t in triples):
                self.consume_aims(token)
            if any(t.code.startswith(ACCUSATION) for t in triples):
                self.consume_charge(token)
            if any(t.code == DENIAL for t in triples):  # "denied sending drones to Russia": nothing was sent
                self.consumed.update(t.i for c in token.children if c.dep_ not in SUBJECT_DEPS for t in c.subtree)
            for triple in triples:
                key = (triple.source.code, triple.target.code if triple.target else None, triple.code)
                if key not in seen:
                    seen.add(key)
                    out.append(triple)
        return _fold_undirected(out)

    def consume_aims(self, trigger: Token) -> None:
        """A protest's or an aid's stated aim ("marched to demand reforms", "sent arms to help defend") is
        part of it, not an event of its own."""
        for word in (trigger, light_verb(trigger)):
            for child in word.children if word is not None else ():
                if child.dep_ in ("advcl", "xcomp") and child.i > word.i:
                    self.consumed.update(t.i for t in child.subtree)

    def consume_charge(self, verb: Token) -> None:
        """ "accused Iran of supporting separatists": the support is the charge, not an event."""
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("of", "for")):
            self.consumed.update(t.i for t in prep.subtree)

    def events_at(self, token: Token) -> list[Triple]:
        lemma = verb_lemma(token) if token.pos_ in ("VERB", "AUX") else token.lemma_.lower()
        if _is_nominal_gerund(token, self.patterns):
            return _noun_events(token, self.patterns.nouns[token.lower_], self.resolver)
        if token.pos_ in ("VERB", "AUX") and lemma in self.patterns.verbs:
            return self.verb_events(token, self.patterns.verbs[lemma])
        if token.pos_ in ("NOUN", "PROPN") and lemma in self.patterns.nouns:
            if token.dep_ == "compound" and token.head.lemma_.lower() in self.patterns.nouns:
                return []  # "war games", "peace talks": the head noun names the event
            return [self.refine_noun(token, t) for t in _noun_events(token, self.patterns.nouns[lemma], self.resolver)]
        return []

    def refine_noun(self, noun: Token, triple: Triple) -> Triple:
        """ "an appeal to Belgium to extradite ...": what a request noun asks for sets the subcode."""
        mode = MODES_BY_ROOT.get(triple.code[:2])
        clause = next(
            (c for c in noun.children if c.dep_ in ("acl", "relcl") and any(a.lower_ == "to" for a in c.children)), None
        )
        if mode is None or clause is None:
            return triple
        inner = self.actions_in(clause)
        mapped = recode("intended" if mode == "intent" else mode, inner[0].code) if inner else triple.code
        self.consumed.update(t.i for t in clause.subtree)
        return replace(triple, code=mapped) if inner and mapped != inner[0].code else triple

    def verb_events(self, verb: Token, candidates: tuple[Pattern, ...]) -> list[Triple]:
        passive = is_passive(verb)
        for pattern in candidates:
            matched = _match_verb(verb, pattern, passive, self.resolver)
            if matched is None:
                continue
            source_head, targets = matched
            code = pattern.code
            if pattern.objects and (obj := object_of(verb, passive)) is not None:
                # "suspended military aid to Bosnia": the aid named as what is suspended is no event of its own
                self.consumed.update(t.i for t in obj.subtree if t.pos_ in ("NOUN", "PROPN") and t.i > verb.i)
            if "topic" in pattern.flags:  # "renewed negotiations on a troop pullback": talked about, not done
                about = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS]
                self.consumed.update(t.i for c in about for t in c.subtree)
            if self.carries_event(verb):
                return []  # "engaged the peacekeepers in a firefight": the firefight is the event
            modality = modality_of(verb)
            if modality == "possible" and verb_lemma(verb) in DESIRES:
                return []  # "Russia might want Kyiv to negotiate": the writer's guess at a wish, which no one voiced
            negated = is_negated(verb)
            obligation = obligation_of(verb) if "say" in pattern.flags else None
            accused = self.allegation(verb) if "say" in pattern.flags and obligation is None else []
            if obligation is not None:  # "said Libya must hand over the suspects": a demand
                code, targets = self.content(verb, obligation[0], [], clause=obligation[1])
            elif accused:  # "the US claimed that ISIL had attacked Iraq": an accusation of ISIL
                code, targets = "112", accused
            elif "content" in pattern.flags:
                code, targets = self.content(verb, code, targets)
            elif modality == "intended":  # "would not provide support" is a refusal (121)
                code = recode("refuse" if negated else modality, code)
            sources = self.resolver.actors(source_head) if source_head is not None else []
            if not sources and (pronoun := pronoun_subject(verb)) is not None:
                sources = self.resolver.actors(pronoun)  # the speaker was no actor: read the pronoun itself
            if pattern.code[:2] in FORCE_ROOTS:
                sources, code = self.force(verb, pattern, code, sources, targets, source_head, passive)
            if not sources and passive and source_head is None and code.startswith(AUTHORITY_CODES):
                sources = [ActorRef("---GOV", "", None, None, IMPLIED)]  # "was arrested in Lebanon": its authorities
            if verb.dep_ == "acl" and verb.tag_ == "VBG" and sources and all(_bystander(a) for a in sources):
                return []  # "tourists visiting Istanbul", "students living abroad": who they are, not news
            sources, targets = _sides(pattern, sources, targets)
            confidence = 0.6 + 0.1 * pattern.specificity
            return _pairs(sources, targets, pattern, code, verb, negated, modality, confidence)
        return []

    def carries_event(self, verb: Token) -> bool:
        """Is the verb a light verb whose "in" phrase names the event ("engaged X in a firefight")?"""
        if verb_lemma(verb) not in LIGHT_VERBS:
            return False
        return any(noun.lemma_.lower() in self.patterns.nouns for noun in prep_objects(verb, ("in",)))

    def force(
        self,
        verb: Token,
        pattern: Pattern,
        code: str,
        sources: list[ActorRef],
        targets: list[ActorRef],
        source_head: Token | None,
        passive: bool,
    ) -> tuple[list[ActorRef], str]:
        """Who used force and what kind: the weapon, attacker or attack named beside the verb says more
        than "killed" or "attacked" does, and an attack that names no one may be CAMEO's UAF."""
        if sources and code in GENERIC_FORCE and source_head is not None:
            # "Soviet aircraft killed 46 civilians": aerial (195); "suicide bombers killed": 1831;
            # "wounded two soldiers in a bomb attack": a bombing
            code = _weapon_code(source_head) or self.manner(source_head) or self.manner_in(verb) or code
            if source_head.lemma_.lower() in CROWDS and not pattern.objects:
                code = "145"  # "rioters clashed with police": a violent protest (with missiles it is more)
        if not sources:
            sources, manner = self.attacker(verb, None if passive else source_head)
            code = manner or code  # "killed in a car bomb explosion" is a car bombing (1832)
            unclaimed = any(s.code == UNIDENTIFIED for s in sources)
            if unclaimed and (pattern.code[:2] != "18" or all(len(t.code) == 3 for t in targets)):
                sources = []  # an unclaimed attack counts when it killed or hurt people, not a place
        return sources, code

    def attacker(self, verb: Token, subject: Token | None) -> tuple[list[ActorRef], str | None]:
        """Who used force when no actor is its subject: the attack or weapon that did it names them
        ("were killed in Israeli tank shelling", "a bombing by Hamas killed"). An attack that names
        nobody ("a roadside bomb killed two soldiers") is CAMEO's unidentified armed force (UAF)."""
        heads = [subject] if subject is not None else prep_objects(verb, ("in", "during"))
        for head in heads:
            words = _with_compounds(head)  # "car bomb explosion"
            if not any(self.is_attack(w) for w in words):
                continue
            by = prep_object(head, ("by",))
            found = self.resolver.actors(by) if by is not None else _modifier_actors(head, self.resolver)
            manner = _weapon_code(head) or next((code for w in words if (code := self.manner(w))), None)
            if not found and manner is None and head.lemma_.lower() not in WEAPONS:
                return [], None  # "killed in clashes": a fight between parties, not an unclaimed attack
            self.consumed.update(t.i for t in head.subtree)  # "killed in a PKK attack": one event, not two
            return found or [ActorRef(UNIDENTIFIED, _phrase(head), None, None, "agent")], manner
        return [], None

    def manner_in(self, verb: Token) -> str | None:
        """The kind of attack an "in"/"during" phrase names ("in a car bomb attack")."""
        for head in prep_objects(verb, ("in", "during")):
            for word in _with_compounds(head):
                if (code := self.manner(word)) is not None:
                    return code
        return None

    def is_attack(self, word: Token) -> bool:
        """An attack noun ("shelling", "airstrike") or a weapon."""
        lemma = word.lemma_.lower()
        return lemma in WEAPONS or any(p.code[:2] in FORCE_ROOTS for p in self.patterns.nouns.get(lemma, ()))

    def manner(self, word: Token) -> str | None:
        """The code of the kind of attack ("killed in a roadside bombing": 1833, "in an airstrike": 195),
        which says more than the killing does."""
        for pattern in self.patterns.nouns.get(word.lemma_.lower(), ()):
            if pattern.code[:2] in FORCE_ROOTS and _noun_fits(word, pattern) and "recip" not in pattern.flags:
                return pattern.code
        return None

    def allegation(self, verb: Token) -> list[ActorRef]:
        """Who a report accuses: the source of a violent event in the reported clause.

        CAMEO codes an allegation of wrongdoing as an accusation (112); a plain "said" before its clause
        counts when the reported act is force or coercion (roots 15-20), "claimed"/"alleged" for any
        conflict (11-20).
        The reported event itself is still coded on its own, as reported.
        """
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        alleging = verb_lemma(verb) in ALLEGING
        if clause is None or (not alleging and clause.i < verb.i):
            return []  # "..., officials said" names a source, not an accuser
        lowest = 11 if alleging else 15
        for token in clause.subtree:
            if token.i in self.consumed or not clause_word(token, clause):
                continue
            for triple in self.events_at(token):
                if int(triple.code[:2]) >= lowest and triple.source.code != UNIDENTIFIED:
                    return [triple.source]
        return []

    def content(
        self, verb: Token, code: str, targets: list[ActorRef], clause: Token | None = None
    ) -> tuple[str, list[ActorRef]]:
        """Code a verb whose complement clause says what is refused, promised, threatened or asked.

        "refused to release the prisoners" is CAMEO 1243, "threatened to launch an offensive" 1384,
        "urged Iran to reach an agreement" 027: the head's mode applied to the complement's code.
        Appeals and demands are made to the party asked (the head's object, else the subject of
        the complement: "demanded that Hamas renounce ..."); the others act on the complement's
        target. The complement is then not coded again as an event of its own.
        """
        clause = clause or next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp")), None)
        if clause is None and MODES_BY_ROOT.get(code[:2]) in ("appeal", "demand"):
            # "appealed to Uganda to release ...": the infinitive parsed as a purpose is what is asked
            clause = next((c for c in verb.children if c.dep_ == "advcl" and is_infinitive(c)), None)
        clause = clause or asked_for(verb)
        if clause is None:
            if (obj := object_of(verb, is_passive(verb))) is not None:  # "rejected Russia's demands": no demand
                self.consumed.update(t.i for t in obj.subtree)  # of its own, for the rejection names no aim
            return code, targets
        inner: list[Triple] = []
        for token in clause.subtree:
            if token.i not in self.consumed and clause_word(token, clause):
                inner.extend(t for t in self.events_at(token) if t.code[:2] not in MODAL_ROOTS)
        self.consumed.update(t.i for t in clause.subtree)
        mode = MODES_BY_ROOT.get(code[:2])
        if mode in ("appeal", "demand") and not targets:
            subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS | {"nsubjpass"}), None)
            targets = self.resolver.actors(subject) if subject is not None else []
        if not inner and mode is not None:  # an action without both parties still says what is asked
            inner = self.actions_in(clause)
        if not inner and verb_lemma(verb) in ACCORD_VERBS and any(c.dep_ in CLAUSE_SUBJECTS for c in clause.children):
            return ACCORD, targets  # "agreed that there was an urgent need for progress": a shared view (019)
        if not inner or mode is None:
            return code, targets or _complement_actors(clause, self.resolver)
        first = inner[0]
        acted_on = [t.target for t in inner if t.trigger == first.trigger and t.target is not None]
        mapped = recode("intended" if mode == "intent" else mode, first.code)
        if mapped == first.code:  # the codebook has no such subcode: the head's own code stands
            return code, targets or acted_on or _complement_actors(clause, self.resolver)
        code = mapped
        if mode in ("appeal", "demand") and targets:
            return code, targets
        if mode == "refuse" and (askers := self.askers(verb)):
            return code, askers  # "rejected ASEAN calls to halt its air strikes": a refusal of ASEAN
        return code, acted_on or targets

    def askers(self, verb: Token) -> list[ActorRef]:
        """Who made the request, offer or proposal the verb's object names ("ASEAN calls", "calls by
        Bonn", "the Egyptian proposal"), if it names one."""
        objects = direct_objects(verb)
        for obj in filter(is_request, objects):
            by = prep_object(obj, ("by", "from"))
            found = self.resolver.actors(by) if by is not None else _modifier_actors(obj, self.resolver)
            if found:
                return found
        # "rejected ASEAN calls": the parser may make the asker an object of its own
        if len(objects) > 1 and is_request(objects[-1]):
            return self.resolver.actors(objects[0])
        return []

    def actions_in(self, clause: Token) -> list[Triple]:
        """The first action a complement clause names, with whatever target it has and no source."""
        placeholder = ActorRef("---", "", None)
        for token in clause.subtree:
            if not clause_word(token, clause):
                continue
            lemma = verb_lemma(token) if token.pos_ in ("VERB", "AUX") else token.lemma_.lower()
            if token.pos_ in ("VERB", "AUX"):
                candidates = [p for p in self.patterns.verbs.get(lemma, ()) if p.code[:2] not in MODAL_ROOTS]
                for pattern in candidates:
                    matched = _match_verb(token, pattern, is_passive(token), self.resolver)
                    if matched is not None:  # one per target: "offered to mediate between Russia and Ukraine"
                        found: list[ActorRef | None] = list(matched[1]) or [None]
                        return [Triple(placeholder, t, pattern.code, False, "asserted", token.i, 0.5) for t in found]
                # "vowed to fight until ...": the action asked or promised need not name its target
                plain = next((p for p in candidates if _is_plain(p)), None)
                if plain is not None:
                    return [Triple(placeholder, None, plain.code, False, "asserted", token.i, 0.5)]
            elif token.pos_ == "NOUN":
                for pattern in self.patterns.nouns.get(lemma, ()):
                    if not _noun_fits(token, pattern):
                        continue
                    if pattern.code[:2] not in MODAL_ROOTS:
                        head = prep_object(token, pattern.preps)
                        found = self.resolver.actors(head) if head is not None else []
                        return [
                            Triple(
                                placeholder, found[0] if found else None, pattern.code, False, "asserted", token.i, 0.5
                            )
                        ]
        return []


def _sides(pattern: Pattern, sources: list[ActorRef], targets: list[ActorRef]) -> tuple[list[ActorRef], list[ActorRef]]:
    """Which side is which for joint, reciprocal and reversed patterns."""
    if "joint" in pattern.flags and targets and {t.code for t in targets} <= {s.code for s in sources}:
        targets = []  # "Turkey and Iran agreed to hold talks": with each other, both ways
    if "recip" in pattern.flags and len(sources) > 1 and pattern.preps and set(pattern.preps) <= MEETING_PLACES:
        targets = []  # "American and Chinese envoys met in Geneva": they met each other, there
    if "reverse" in pattern.flags:  # "received weapons from X": X is the giver
        sources, targets = targets, sources
    return sources, targets


def _fold_undirected(triples: list[Triple]) -> list[Triple]:
    """An event without a target adds nothing beside the same source's directed event of that root,
    except its more specific code: "blocked highways (1442) to protest against EU policy (140)" is
    one event, 1442 against the EU."""
    directed = {(t.source.code, t.code[:2]): t for t in triples if t.target is not None}
    finer: dict[tuple[str, str], str] = {}
    for t in triples:
        key = (t.source.code, t.code[:2])
        if t.target is None and key in directed and len(t.code) > len(finer.get(key, directed[key].code)):
            finer[key] = t.code
    out = []
    for t in triples:
        key = (t.source.code, t.code[:2])
        if t.target is None and key in directed:
            continue
        if t.target is not None and key in finer and len(finer[key]) > len(t.code):
            t = replace(t, code=finer[key])
        out.append(t)
    return out


def hypothetical(token: Token) -> bool:
    """A word in a clause that only supposes or asks ("if Iran attacks", "whether Russia would attack")."""
    clause = token if token.pos_ in ("VERB", "AUX") else token.head
    for word in (clause, *clause.ancestors):
        if any(c.dep_ == "mark" and c.lower_ in SUPPOSING for c in word.children):
            return True
        if word.dep_ in ("ROOT", "ccomp", "xcomp") and word is not clause:
            return False
    return False


def _match_verb(
    verb: Token, pattern: Pattern, passive: bool, resolver: Resolver
) -> tuple[Token | None, list[ActorRef]] | None:
    """(source head, target actors) when the pattern fits the verb's dependents, else None."""
    if pattern.particle and not any(
        c.dep_ in ("prt", "advmod", "prep") and c.lower_ == pattern.particle for c in verb.children
    ):
        return None
    if pattern.modifiers and not has_modifier(verb, pattern.modifiers):
        return None
    if pattern.about and not mentions(verb, pattern.about):
        return None
    obj = object_of(verb, passive)
    if pattern.objects and not object_matches(obj, pattern.objects):
        return None
    source = agent_of(verb) if passive else subject_of(verb)
    heads = prep_objects(verb, pattern.preps, also=obj if pattern.objects else None)
    if pattern.preps and not pattern.objects and not heads and obj is None and not pattern.generic:
        return None  # "agree with X" needs its "with"; "agreed to postpone" is another pattern
    if "strict" in pattern.flags and not heads:
        return None  # its preposition or nothing
    if not heads and obj is not None and not (pattern.objects and pattern.preps) and "topic" not in pattern.flags:
        heads = [obj]  # "expelled the Dutch ambassador": the object names the target
    if not heads:
        heads = [c for c in verb.children if c.dep_ in ("dative", "iobj")]  # "gave the Ivory Coast aid"
    targets = [ref for head in heads for ref in resolver.actors(head)]
    acted_on = pattern.objects or pattern.code[:2] >= "05"  # what is discussed or said is no party
    if not targets and obj is not None and acted_on and "topic" not in pattern.flags:
        # "lifted sanctions against gold from South Africa"
        # "shelled positions of the Palestinian security forces"; an object the pattern names is the
        # action's thing, not a party ("exchanged intelligence")
        targets = _complement_actors(obj, resolver, skip=obj if pattern.objects else None)
    if not targets:  # "confiscated weapons from armed groups": the object is a thing, not a party
        preps = FALLBACK_PREPS + (("in", "inside") if pattern.code[:2] in PLACE_TARGET_ROOTS else ())
        preps = ("with",) if "topic" in pattern.flags else preps  # "negotiated a deal on Syria": Syria is the topic
        for prep in preps:  # in this order of preference, the first that names an actor
            targets = [ref for head in prep_objects(verb, (prep,), also=obj) for ref in resolver.actors(head)]
            if targets:
                break
    if not targets and (pattern.code[:2] in AIMED_ROOTS or pattern.code.startswith(AID_INTENT)):
        targets = _aim_party(verb, resolver)  # "pledged $500 million to help rebuild Ukraine"
    if not targets and pattern.code[:2] == PROTEST_ROOT:
        targets = _embassy_party(verb, resolver)
    return source, targets


def _is_question(doc: Doc) -> bool:
    words = [t for t in doc if not t.is_space and t.text not in QUOTES]
    return bool(words) and words[-1].text == "?"


def _is_plain(pattern: Pattern) -> bool:
    """A pattern that asks nothing of the verb's words beyond its lemma (its target aside)."""
    return not (pattern.objects or pattern.particle or pattern.modifiers or pattern.about)


def _is_nominal_gerund(token: Token, patterns: PatternSet) -> bool:
    """ "the killing of X": a gerund used as a noun, which the parser often tags as a verb."""
    if token.tag_ != "VBG" or token.lower_ not in patterns.nouns:
        return False
    if token.dep_ in ("amod", "compound", "nsubj", "dobj", "pobj", "nsubjpass", "appos"):
        return True
    return any(c.dep_ == "det" for c in token.children) or next_word(token) == "of"


def _noun_fits(noun: Token, pattern: Pattern) -> bool:
    """The noun has the modifier ("hunger strike") and the topic word ("accusations of abuse") the pattern asks."""
    if pattern.modifiers and not has_modifier(noun, pattern.modifiers):
        return False
    return not pattern.about or mentions(noun, pattern.about)


def _noun_events(noun: Token, candidates: tuple[Pattern, ...], resolver: Resolver) -> list[Triple]:
    # "a mediation mission between Syria and ...": an event noun that modifies another noun takes that
    # noun's phrase (prepositions, carrying verb) as its own, unless that noun names an actor ("protest leaders")
    phrase = noun
    if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and not resolver.head_actors(noun.head):
        phrase = noun.head
    by = prep_object(phrase, ("by",)) or prep_object_right(phrase, ("by",))
    for pattern in candidates:
        if not _noun_fits(noun, pattern):
            continue
        target_head = prep_object(phrase, pattern.preps) or prep_object_right(phrase, pattern.preps)
        if pattern.preps and target_head is None and not pattern.generic:
            continue  # "a protest to the UN" is a complaint; without "to", try the next reading
        sources = resolver.actors(by) if by is not None else _modifier_actors(phrase, resolver)
        if not sources and phrase is not noun:
            sources = _modifier_actors(noun, resolver)
        light = light_verb(phrase)
        if by is None and all(s.code.startswith("---") for s in sources):  # "naval exercises", "general strike":
            carried = []  # a role adjective says less than the subject of the verb that carries the noun
            if light is not None and (subject := subject_of(light) or passive_subject(light)) is not None:
                carried = resolver.actors(subject)
            if not carried and light is not None and (pronoun := pronoun_subject(light)) is not None:
                carried = resolver.actors(pronoun)
            sources = carried or sources
        targets = resolver.actors(target_head) if target_head is not None else []
        if target_head is None and not ({"recip", "joint"} & pattern.flags) and not sources:
            continue
        if not targets and target_head is not None:  # "a suspension of air links with Yugoslavia"
            targets = _complement_actors(target_head, resolver)
        if not targets and light is not None and phrase.dep_ == "pobj":  # "engaged the peacekeepers in a firefight"
            obj = next((c for c in light.children if c.dep_ in ("dobj", "obj")), None)
            targets = resolver.actors(obj) if obj is not None else []
        if not targets and pattern.code[:2] in PLACE_TARGET_ROOTS and "recip" not in pattern.flags:
            places = prep_objects(phrase, ("in", "inside")) or (prep_objects(light, ("in", "inside")) if light else [])
            targets = [ref for head in places for ref in resolver.actors(head)]
        if not targets and pattern.code[:2] in AIMED_ROOTS:
            targets = _aim_party(phrase, resolver) or (_aim_party(light, resolver) if light is not None else [])
        if not targets and pattern.code[:2] == PROTEST_ROOT:
            targets = _embassy_party(phrase, resolver) or (_embassy_party(light, resolver) if light else [])
        modality = modality_of(phrase.head)
        code = (_weapon_code(noun) if pattern.code in GENERIC_FORCE else None) or pattern.code
        code = recode(modality, code) if modality == "intended" else code
        negated = light is not None and is_negated(light)
        return _pairs(sources, targets, pattern, code, noun, negated, modality, 0.5 + 0.1 * pattern.specificity)
    return []


def _pairs(
    sources: list[ActorRef],
    targets: list[ActorRef],
    pattern: Pattern,
    code: str,
    trigger: Token,
    negated: bool,
    modality: str,
    confidence: float,
) -> list[Triple]:
    """Source x target events; reciprocal codes go both ways and pair up joint subjects."""
    pairs: list[tuple[ActorRef, ActorRef | None]] = []
    own = {s.code for s in sources}
    targets = [t for t in targets if t.code not in own or len(sources) > 1]  # "Iraqi Kurds ... independence from Iraq"
    if not targets and code.startswith(DOMESTIC_CODES):  # a curfew or martial law binds the source's own people
        targets = [ActorRef(s.country, s.text, s.country, None, "actor") for s in sources if s.country][:1]
    both_ways = len(sources) > 1 or "mutual" in pattern.flags  # "Russia and Turkey signed a deal with Iran",
    if "recip" in pattern.flags and targets and both_ways:  # "X held talks with Y": negotiation takes two
        pairs = [(s, t) for s in sources for t in targets] + [(t, s) for s in sources for t in targets]
    elif ("recip" in pattern.flags or "joint" in pattern.flags) and len(sources) > 1 and not targets:
        pairs = list(permutations(sources, 2))
    elif targets:
        pairs = [(s, t) for s in sources for t in targets]
    elif "notarget" in pattern.flags or (code[:2] in UNDIRECTED_ROOTS and pattern.code[:2] in UNDIRECTED_ROOTS):
        pairs = [(s, None) for s in sources]
    out: list[Triple] = []
    if not pairs:
        return out
    lemmas = clause_lemmas(trigger)
    aimed = with_purpose(code, lemmas)
    for source, target in pairs:
        if target is not None and source.code == target.code and not code.startswith(DOMESTIC_CODES):
            continue  # a state of emergency or curfew is the one act a country does to itself
        if not _informative(source, target, pattern, code):
            continue
        conf = confidence - 0.15 * (source.kind == "agent" and source.code.startswith("---"))
        final = aimed
        if code in PROTEST_FORMS and source.code[3:6] in PROTESTING_SECTORS:
            final = with_purpose(PROTEST_FORMS[code], lemmas)
        elif code in FORCE_FORMS and pattern.lemma in BLOCKING and _armed_or_state(source):
            final = FORCE_FORMS[code]
        elif final in STATE_FORCE_FORMS and _is_state(source):
            final = STATE_FORCE_FORMS[final]
        if final == "1823" and target is not None and (target.kind == "person" or _holds_office(target)):
            final = "186"  # killing a named public figure or an official is an assassination
        if final not in codebook():  # a refinement the codebook lacks: keep the code the pattern gave
            final = code if code in codebook() else pattern.code
        coder = f"pattern:{pattern.origin}"
        out.append(Triple(source, target, final, negated, modality, trigger.i, round(min(conf, 0.95), 2), coder))
    return out


def _informative(source: ActorRef, target: ActorRef | None, pattern: Pattern, code: str) -> bool:
    """Drop bare statements, and events in which no side is a known actor unless both are roles
    ("police arrested protesters"): those are kept for the place of the event to give them a country."""
    known = [a for a in (source, target) if a is not None and not a.code.startswith("---")]
    if not known and (target is None or ("say" in pattern.flags and code.startswith("01"))):
        return False
    if "say" in pattern.flags and code.startswith("01"):  # a statement counts when made to someone, not the press
        return target is not None and not target.code.startswith("---") and not target.code.endswith("MED")
    return True


def _modifier_actors(noun: Token, resolver: Resolver) -> list[ActorRef]:
    for child in noun.lefts:
        if child.dep_ in ("poss", "amod", "compound", "nmod"):
            found = resolver.actors(child)
            if found:
                return found
    return []


def _complement_actors(clause: Token, resolver: Resolver, skip: Token | None = None) -> list[ActorRef]:
    """The first actor named inside a complement clause ("refused to accede to Jerusalem's requests")."""
    for token in clause.subtree:
        if token is skip or (skip is not None and token.head is skip and token.dep_ in ("amod", "compound")):
            continue
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ not in SUBJECT_DEPS:
            found = resolver.actors(token)
            if found:
                return found
    return []


def _with_compounds(head: Token) -> tuple[Token, ...]:
    """A noun and the nouns compounded onto it ("car bomb explosion": explosion, bomb)."""
    return (head, *(c for c in head.children if c.dep_ == "compound"))


def _phrase(noun: Token) -> str:
    """The noun with its left modifiers: "a roadside bombing" -> "roadside bombing"."""
    words = [t for t in noun.lefts if t.dep_ in ("amod", "compound", "nmod")]
    return " ".join(t.text for t in [*words, noun])


def _aim_party(word: Token, resolver: Resolver) -> list[ActorRef]:
    """ "marched to demand reforms by President Suharto's government", "a strike in protest of
    the government's decision": a protest is aimed at the party its demand or grievance names;
    "sent equipment to help defend Saudi Arabia": aid goes to the party its purpose names."""
    for child in word.children:
        aim = child.dep_ in ("advcl", "xcomp", "acl") and child.i > word.i
        grievance = child.dep_ == "prep" and child.lower_ in ("over", "in", "for")
        if grievance and child.lower_ == "in":  # only "in protest of/at/against ..."
            grievance = any(c.dep_ == "pobj" and c.lemma_.lower() == "protest" for c in child.children)
        if aim or grievance:
            found = _complement_actors(child, resolver)
            if found:
                return found
    return []


def _embassy_party(word: Token, resolver: Resolver) -> list[ActorRef]:
    """ "rallied outside the Russian embassy", "in front of the embassy of Saudi Arabia": a protest at a
    country's embassy or consulate is aimed at the government it represents."""
    for place in (t for t in word.subtree if t.dep_ == "pobj" and t.lemma_.lower() in EMBASSIES):
        owner = prep_object(place, ("of",))
        found = resolver.actors(owner) if owner is not None else _modifier_actors(place, resolver)
        if found:
            return [ActorRef(a.country + "GOV", _phrase(place), a.country) for a in found if a.country][:1]
    return []


def _weapon_code(head: Token) -> str | None:
    """The kind of force the weapon named by a noun, its modifiers or its conjuncts says ("artillery,
    mortar and rocket fire": 194)."""
    nouns = (head, *head.conjuncts)
    for word in (*nouns, *(c for noun in nouns for c in noun.children if c.dep_ in WEAPON_DEPS)):
        for code, weapons in WEAPON_CODES.items():
            if word.lemma_.lower() in weapons:
                return code
    return None


def _holds_office(actor: ActorRef) -> bool:
    """ "the deputy chief of the militia", "the mayor of Kandahar": someone named by an office."""
    words = actor.text.split(" of ")[0].split()
    return bool(words) and words[-1].lower() in OFFICES


def _armed_or_state(actor: ActorRef) -> bool:
    """A state's forces and officials, or an armed group (a bare country may be people the
    dictionaries do not know: "French truckers")."""
    return actor.code[3:6] in FORCE_SECTORS


def _is_state(actor: ActorRef) -> bool:
    """A country itself, its government or its armed forces."""
    country = len(actor.code) == 3 and not actor.code.startswith("---") and actor.kind == "actor"
    return country or (actor.code[3:6] in STATE_SECTORS and not actor.code.startswith("---"))


def _bystander(actor: ActorRef) -> bool:
    """Ordinary people named only by a role ("tourists", "Israeli citizens", "businesspeople")."""
    return actor.kind == "agent" and actor.code[3:] in CIVILIAN_SECTORS
