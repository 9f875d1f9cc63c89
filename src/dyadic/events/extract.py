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
from dyadic.events.codebook import MODES_BY_ROOT, recode, with_purpose
from dyadic.events.patterns import Pattern, PatternSet, word_classes
from dyadic.events.triggers import verb_lemma
from dyadic.records import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_WORDS = word_classes()
POSSIBLE = _WORDS["possible"]
INTENDED = _WORDS["intended"]
INTENT_HEADS = _WORDS["intent_heads"]
OBJECT_CONTROL = _WORDS["object_control"]
LIGHT_VERBS = _WORDS["light_verbs"]
SAY_LEMMAS = _WORDS["say"]
REPORTED_PRONOUNS = _WORDS["reported_pronouns"]
DOCUMENTS = _WORDS["documents"]
FAILURE = _WORDS["failure"]
MEASURES = _WORDS["measures"]
ALLEGING = frozenset({"claim", "allege", "charge", "accuse"})
# Concessions, protest, force and coercion "in X" act on X: "imposed a curfew in Cizre", "a protest in
# Beijing", "lifted the curfew in Montenegro".
PLACE_TARGET_ROOTS = {"08", "14", "15", "17", "18", "19", "20"}
FALLBACK_PREPS = ("against", "on", "with", "to", "from", "at", "toward", "towards")
SUBJECT_DEPS = {"nsubj", "csubj"}
# Actions that often name no target: appeals, intentions, investigations, demands, rejections, protest.
# Measures a government takes at home when no other party is named: administrative sanctions
# (restrictions, bans, curfews, martial law), threats and easing of them, and repression.
DOMESTIC_CODES = ("172", "132", "081", "170", "175")  # threats of them, their easing, repression
UNDIRECTED_ROOTS = {"02", "03", "09", "10", "12", "14"}
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
    return _Extractor(resolver, patterns).run(doc)


class _Extractor:
    """One sentence's extraction: remembers which words a content clause has already consumed."""

    def __init__(self, resolver: Resolver, patterns: PatternSet) -> None:
        self.resolver = resolver
        self.patterns = patterns
        self.consumed: set[int] = set()

    def run(self, doc: Doc) -> list[Triple]:
        out: list[Triple] = []
        seen: set[tuple[str, str | None, str]] = set()
        for token in doc:
            if token.i in self.consumed:
                continue
            for triple in self.events_at(token):
                key = (triple.source.code, triple.target.code if triple.target else None, triple.code)
                if key not in seen:
                    seen.add(key)
                    out.append(triple)
        directed = {(t.source.code, t.code[:2]) for t in out if t.target is not None}
        return [t for t in out if t.target is not None or (t.source.code, t.code[:2]) not in directed]

    def events_at(self, token: Token) -> list[Triple]:
        lemma = verb_lemma(token) if token.pos_ in ("VERB", "AUX") else token.lemma_.lower()
        if _is_nominal_gerund(token, self.patterns):
            return _noun_events(token, self.patterns.nouns[token.lower_], self.resolver)
        if token.pos_ in ("VERB", "AUX") and lemma in self.patterns.verbs:
            return self.verb_events(token, self.patterns.verbs[lemma])
        if token.pos_ in ("NOUN", "PROPN") and lemma in self.patterns.nouns:
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
        passive = _is_passive(verb)
        for pattern in candidates:
            matched = _match_verb(verb, pattern, passive, self.resolver)
            if matched is None:
                continue
            source_head, targets = matched
            code = pattern.code
            modality = _modality(verb)
            negated = _negated(verb)
            obligation = _obligation(verb) if "say" in pattern.flags else None
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
            if not sources and (pronoun := _pronoun_subject(verb)) is not None:
                sources = self.resolver.actors(pronoun)  # the speaker was no actor: read the pronoun itself
            if "reverse" in pattern.flags:  # "received weapons from X": X is the giver
                sources, targets = targets, sources
            confidence = 0.6 + 0.1 * pattern.specificity
            return _pairs(sources, targets, pattern, code, verb, negated, modality, confidence)
        return []

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
            if token.i in self.consumed or not _clause_word(token, clause):
                continue
            for triple in self.events_at(token):
                if int(triple.code[:2]) >= lowest and not triple.source.code.startswith("---"):
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
        clause = clause or next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp")), None) or _asked_for(verb)
        if clause is None:
            return code, targets
        inner: list[Triple] = []
        for token in clause.subtree:
            if token.i not in self.consumed and _clause_word(token, clause):
                inner.extend(t for t in self.events_at(token) if t.code[:2] not in MODAL_ROOTS)
        self.consumed.update(t.i for t in clause.subtree)
        mode = MODES_BY_ROOT.get(code[:2])
        if mode in ("appeal", "demand") and not targets:
            subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS | {"nsubjpass"}), None)
            targets = self.resolver.actors(subject) if subject is not None else []
        if not inner and mode is not None:  # an action without both parties still says what is asked
            inner = self.actions_in(clause)
        if not inner or mode is None:
            return code, targets or _complement_actors(clause, self.resolver)
        first = inner[0]
        mapped = recode("intended" if mode == "intent" else mode, first.code)
        if mapped == first.code:  # the codebook has no such subcode: the head's own code stands
            return code, targets or ([first.target] if first.target else _complement_actors(clause, self.resolver))
        code = mapped
        if mode in ("appeal", "demand") and targets:
            return code, targets
        return code, [first.target] if first.target else targets

    def actions_in(self, clause: Token) -> list[Triple]:
        """The first action a complement clause names, with whatever target it has and no source."""
        placeholder = ActorRef("---", "", None)
        for token in clause.subtree:
            if not _clause_word(token, clause):
                continue
            lemma = verb_lemma(token) if token.pos_ in ("VERB", "AUX") else token.lemma_.lower()
            if token.pos_ in ("VERB", "AUX"):
                for pattern in self.patterns.verbs.get(lemma, ()):
                    matched = _match_verb(token, pattern, _is_passive(token), self.resolver)
                    if matched is not None and pattern.code[:2] not in MODAL_ROOTS:
                        target = matched[1][0] if matched[1] else None
                        return [Triple(placeholder, target, pattern.code, False, "asserted", token.i, 0.5)]
            elif token.pos_ == "NOUN":
                for pattern in self.patterns.nouns.get(lemma, ()):
                    if pattern.modifiers and not _has_modifier(token, pattern.modifiers):
                        continue
                    if pattern.code[:2] not in MODAL_ROOTS:
                        head = _prep_object(token, pattern.preps)
                        found = self.resolver.actors(head) if head is not None else []
                        return [
                            Triple(
                                placeholder, found[0] if found else None, pattern.code, False, "asserted", token.i, 0.5
                            )
                        ]
        return []


MODAL_ROOTS = {"02", "03", "10", "12", "13"}
OBLIGATION = {"must": "100", "should": "020", "ought": "020"}


def _obligation(verb: Token) -> tuple[str, Token] | None:
    """A reported clause with "must"/"should" turns a statement into a demand (10) or appeal (02)."""
    for clause in verb.children:
        if clause.dep_ == "ccomp":
            for aux in clause.children:
                if aux.dep_ == "aux" and aux.lower_ in OBLIGATION:
                    return OBLIGATION[aux.lower_], clause
    return None


def _clause_word(token: Token, clause: Token) -> bool:
    """The clause's own verb, or a word whose nearest verb is that verb (not a nested clause's)."""
    if token.i == clause.i:
        return True
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor.i == clause.i
    return False


def _mentions(trigger: Token, lemmas: frozenset[str]) -> bool:
    """Does the trigger's phrase, leaving out its subject, contain one of these lemmas?"""
    skip = {t.i for c in trigger.children if c.dep_ in SUBJECT_DEPS | {"nsubjpass"} for t in c.subtree}
    return any(t.lemma_.lower() in lemmas or t.lower_ in lemmas for t in trigger.subtree if t.i not in skip)


def _clause_lemmas(trigger: Token) -> set[str]:
    """The lemmas of the trigger's own phrase or clause (for aims: "protested for independence")."""
    root = trigger.head if trigger.pos_ in ("NOUN", "PROPN") and trigger.head.pos_ in ("VERB", "AUX") else trigger
    return {t.lemma_.lower() for t in root.subtree}


def _is_passive(verb: Token) -> bool:
    """ "was killed by", and the participle in "soldiers killed in Ukraine" (its noun is the patient)."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def _object_matches(obj: Token | None, objects: frozenset[str]) -> bool:
    """The object (or one conjoined with it: "photographs and other intelligence") is one of these."""
    if obj is None:
        return False
    return objects == {"*"} or any(o.lemma_.lower() in objects for o in (obj, *obj.conjuncts))


def _has_modifier(token: Token, modifiers: frozenset[str]) -> bool:
    return any(
        c.dep_ in ("amod", "compound", "advmod", "npadvmod", "nmod") and c.lemma_.lower() in modifiers
        for c in token.children
    )


def _match_verb(
    verb: Token, pattern: Pattern, passive: bool, resolver: Resolver
) -> tuple[Token | None, list[ActorRef]] | None:
    """(source head, target actors) when the pattern fits the verb's dependents, else None."""
    if pattern.particle and not any(
        c.dep_ in ("prt", "advmod", "prep") and c.lower_ == pattern.particle for c in verb.children
    ):
        return None
    if pattern.modifiers and not _has_modifier(verb, pattern.modifiers):
        return None
    if pattern.about and not _mentions(verb, pattern.about):
        return None
    obj = _object(verb, passive)
    if pattern.objects and not _object_matches(obj, pattern.objects):
        return None
    source = _agent(verb) if passive else _subject(verb)
    heads = _prep_objects(verb, pattern.preps, also=obj if pattern.objects else None)
    if pattern.preps and not pattern.objects and not heads and obj is None and not pattern.generic:
        return None  # "agree with X" needs its "with"; "agreed to postpone" is another pattern
    if not heads and obj is not None and not (pattern.objects and pattern.preps):
        heads = [obj]  # "expelled the Dutch ambassador": the object names the target
    if not heads:
        heads = [c for c in verb.children if c.dep_ in ("dative", "iobj")]  # "gave the Ivory Coast aid"
    targets = [ref for head in heads for ref in resolver.actors(head)]
    if not targets and obj is not None:  # "lifted sanctions against gold from South Africa", "positions of X"
        targets = _complement_actors(obj, resolver)
    if not targets:  # "confiscated weapons from armed groups": the object is a thing, not a party
        preps = FALLBACK_PREPS + (("in", "inside") if pattern.code[:2] in PLACE_TARGET_ROOTS else ())
        for prep in preps:  # in this order of preference, the first that names an actor
            targets = [ref for head in _prep_objects(verb, (prep,), also=obj) for ref in resolver.actors(head)]
            if targets:
                break
    return source, targets


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
        if pattern.modifiers and not _has_modifier(noun, pattern.modifiers):
            continue
        if pattern.about and not _mentions(noun, pattern.about):
            continue
        target_head = _prep_object(noun, pattern.preps) or _prep_object_right(noun, pattern.preps)
        if pattern.preps and target_head is None and not pattern.generic:
            continue  # "a protest to the UN" is a complaint; without "to", try the next reading
        sources = resolver.actors(by) if by is not None else _modifier_actors(noun, resolver)
        light = _light_verb(noun)
        if not sources:
            if light is not None and (subject := _subject(light) or _passive_subject(light)) is not None:
                sources = resolver.actors(subject)
            if not sources and light is not None and (pronoun := _pronoun_subject(light)) is not None:
                sources = resolver.actors(pronoun)
        targets = resolver.actors(target_head) if target_head is not None else []
        if target_head is None and not ({"recip", "joint"} & pattern.flags) and not sources:
            continue
        if not targets and target_head is not None:  # "a suspension of air links with Yugoslavia"
            targets = _complement_actors(target_head, resolver)
        if not targets and light is not None and noun.dep_ == "pobj":  # "engaged the peacekeepers in a firefight"
            obj = next((c for c in light.children if c.dep_ in ("dobj", "obj")), None)
            targets = resolver.actors(obj) if obj is not None else []
        if not targets and pattern.code[:2] in PLACE_TARGET_ROOTS and "recip" not in pattern.flags:
            places = _prep_objects(noun, ("in", "inside")) or (_prep_objects(light, ("in", "inside")) if light else [])
            targets = [ref for head in places for ref in resolver.actors(head)]
        modality = _modality(noun.head)
        code = recode(modality, pattern.code) if modality == "intended" else pattern.code
        negated = light is not None and _negated(light)
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
    if not targets and code.startswith(DOMESTIC_CODES):  # a curfew or martial law binds the source's own people
        targets = [ActorRef(s.country, s.text, s.country, None, "actor") for s in sources if s.country][:1]
    if "recip" in pattern.flags and targets:
        pairs = [(s, t) for s in sources for t in targets] + [(t, s) for s in sources for t in targets]
    elif ("recip" in pattern.flags or "joint" in pattern.flags) and len(sources) > 1 and not targets:
        pairs = list(permutations(sources, 2))
    elif targets:
        pairs = [(s, t) for s in sources for t in targets]
    elif "notarget" in pattern.flags or code[:2] in UNDIRECTED_ROOTS:
        pairs = [(s, None) for s in sources]
    out = []
    for source, target in pairs:
        if target is not None and source.code == target.code:
            continue
        if not _informative(source, target, pattern):
            continue
        conf = confidence - 0.15 * (source.kind == "agent" and source.code.startswith("---"))
        final = with_purpose(code, _clause_lemmas(trigger))
        if final == "1823" and target is not None and target.kind == "person":
            final = "186"  # killing a named public figure is an assassination
        out.append(Triple(source, target, final, negated, modality, trigger.i, round(min(conf, 0.95), 2)))
    return out


def _informative(source: ActorRef, target: ActorRef | None, pattern: Pattern) -> bool:
    """Drop events in which no side has a known country or organisation, and bare statements."""
    known = [a for a in (source, target) if a is not None and not a.code.startswith("---")]
    if not known:
        return False
    if "say" in pattern.flags:  # a statement counts when made to someone, not to the press
        return target is not None and not target.code.startswith("---") and not target.code.endswith("MED")
    return True


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            if child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                return verb.head
            if child.lower_ in REPORTED_PRONOUNS and (speaker := _speaker(verb)) is not None:
                return speaker  # "Japan said it had halted aid": "it" is Japan
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
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        return _subject(verb.head.head)  # "are guilty of violating the ceasefire"
    if verb.dep_ in ("acomp", "pcomp") or (verb.dep_ == "xcomp" and verb.head.pos_ in ("ADJ", "AUX")):
        return _subject(verb.head)  # "is prepared to impose martial law"
    if verb.dep_ in ("relcl", "acl"):
        noun = verb.head
        if noun.lemma_.lower() in DOCUMENTS and noun.head.pos_ in ("VERB", "AUX") and noun.head is not noun:
            return _subject(noun.head)  # "issued a declaration demanding": the issuer demands
        return noun
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.dep_ == "advcl" and (verb.tag_ == "VBG" or infinitive):
        return _subject(verb.head)  # "arguing that ...", "visited Cairo to mediate"
    return None


def _asked_for(verb: Token) -> Token | None:
    """What an object names as asked, offered or refused: "rejected calls for economic aid",
    "rejected a request to interrogate detainees", "demanded a meeting"."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None:  # "called for the withdrawal of ...", "pressed for talks"
        wanted = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"), None)
        return next((c for c in wanted.children if c.dep_ == "pobj"), None) if wanted is not None else None
    for child in obj.children:
        if child.dep_ in ("acl", "relcl") and any(a.lower_ == "to" for a in child.children):
            return child
        if child.dep_ == "prep" and child.lower_ == "for":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return obj


def _passive_subject(verb: Token) -> Token | None:
    """ "Serb forces were engaged in ...": a light verb's grammatical subject even in the passive."""
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def _pronoun_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.lower_ in REPORTED_PRONOUNS), None)


def _speaker(verb: Token) -> Token | None:
    """The subject of the verb of saying whose complement clause holds `verb`, if any."""
    node = verb
    while node.dep_ in ("ccomp", "conj") and node.head is not node:
        node = node.head
        if node.lemma_.lower() in SAY_LEMMAS:
            return next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
    return None


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _object(verb: Token, passive: bool) -> Token | None:
    if passive and verb.dep_ == "acl" and not any(c.dep_ == "nsubjpass" for c in verb.children):
        return verb.head
    if passive and verb.dep_ == "conj" and not any(c.dep_ == "nsubjpass" for c in verb.children):
        return next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS | {"nsubjpass"}), None)
    deps = ("nsubjpass",) if passive else ("dobj", "obj")
    obj = next((c for c in verb.children if c.dep_ in deps), None)
    if obj is None and not passive:
        obj = next((c for c in verb.children if c.dep_ in ("dative", "iobj")), None)
    if obj is not None and obj.lemma_.lower() in MEASURES:  # "25,000 tons of food aid": the aid
        inner = _prep_object(obj, ("of",))
        return inner or obj
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
    particles = [c for c in head.children if c.dep_ == "prt"]  # "kidnapped up to 16 advisers" misparsed
    for owner in (head, also, *particles):
        if owner is None:
            continue
        matching = [c for c in owner.children if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps]
        if matching:
            first = matching[0].lower_
            preps_used = [p for c in matching if c.lower_ == first for p in (c, *c.conjuncts)]
            found = [c for p in preps_used for c in p.children if c.dep_ == "pobj"]
            if not found:  # the parser gave the preposition no object: take the next noun phrase's head
                found = [t for p in preps_used if (t := _orphan_object(p)) is not None]
            if found:
                return found
    return []


def _orphan_object(prep: Token) -> Token | None:
    for token in prep.doc[prep.i + 1 : prep.i + 8]:
        if token.pos_ in ("VERB", "AUX", "ADP", "PUNCT", "SCONJ", "CCONJ"):
            return None
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ not in ("compound", "amod", "nmod", "poss"):
            return token
    return None


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


def _complement_actors(clause: Token, resolver: Resolver) -> list[ActorRef]:
    """The first actor named inside a complement clause ("refused to accede to Jerusalem's requests")."""
    for token in clause.subtree:
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ not in SUBJECT_DEPS:
            found = resolver.actors(token)
            if found:
                return found
    return []


def _light_verb(noun: Token) -> Token | None:
    """The verb (or "responsible"/"guilty") that carries an event noun: "held talks", "engaged in
    ethnic cleansing", "is responsible for mass killings"; conjoined nouns share their first's."""
    while noun.dep_ == "conj" and noun.head is not noun:
        noun = noun.head
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif noun.dep_ not in ("dobj", "obj", "attr"):
        return None
    if head.pos_ in ("VERB", "AUX") and verb_lemma(head) in LIGHT_VERBS:
        return head
    if head.pos_ == "ADJ" and head.lemma_.lower() in LIGHT_VERBS:
        return head
    return None


def _negated(verb: Token) -> bool:
    """ "did not attack", and the complement of "failed to" (the action did not happen)."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb_lemma(verb.head) in FAILURE


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
