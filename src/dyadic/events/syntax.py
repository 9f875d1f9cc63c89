"""Reading the parse: who is the subject, the object, the agent of a passive, the object of a
preposition, which verb carries an event noun, and how sure the sentence is (negation, modality).

These are the grammatical questions the event extractor asks of spaCy's dependency parse; they
know nothing of actors or codes. Where the small model's parse is known to go wrong ("up to 16"
read as a particle, prepositions left without an object), the answers fall back to word order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadic.events.patterns import word_classes
from dyadic.events.triggers import verb_lemma

if TYPE_CHECKING:
    from spacy.tokens import Token

_WORDS = word_classes()
POSSIBLE = _WORDS["possible"]
INTENDED = _WORDS["intended"]
WISHES = _WORDS["wishes"]
INTENT_HEADS = _WORDS["intent_heads"]
OBJECT_CONTROL = _WORDS["object_control"]
LIGHT_VERBS = _WORDS["light_verbs"]
SAY_LEMMAS = _WORDS["say"]
REPORTED_PRONOUNS = _WORDS["reported_pronouns"]
DOCUMENTS = _WORDS["documents"]
RESOLVES = _WORDS["resolves"]
REQUESTS = _WORDS["requests"]
KINDED_HEADS = _WORDS["kinded_heads"]
PARTICLES = frozenset({"out", "off", "away", "back", "up", "down"})
FAILURE = _WORDS["failure"]
MEASURES = _WORDS["measures"]
SUBJECT_DEPS = {"nsubj", "csubj"}
OBJECT_DEPS = {"dobj", "obj", "dative", "iobj"}
ADDRESSEE_PREPS = ("to", "on", "upon")
CONDITIONS = frozenset({"if", "unless"})
ADJECTIVAL = {"election": "electoral"}  # the adjective a compound noun stands for, where it differs in aim


OBLIGATION = {"must": "100", "should": "020", "ought": "020"}


def obligation_of(verb: Token) -> tuple[str, Token] | None:
    """A reported clause with "must"/"should" turns a statement into a demand (10) or appeal (02)."""
    for clause in verb.children:
        if clause.dep_ == "ccomp":
            for aux in clause.children:
                if aux.dep_ == "aux" and aux.lower_ in OBLIGATION:
                    return OBLIGATION[aux.lower_], clause
    return None


def clause_word(token: Token, clause: Token) -> bool:
    """The clause's own verb, or a word whose nearest verb is that verb (not a nested clause's)."""
    if token.i == clause.i:
        return True
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor.i == clause.i
    return False


def mentions(trigger: Token, lemmas: frozenset[str]) -> bool:
    """Does the trigger's phrase, leaving out its subject (but not a passive one, which is acted on:
    "peacekeeping forces were deployed"), contain one of these lemmas?"""
    skip = {t.i for c in trigger.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}
    return any(t.lemma_.lower() in lemmas or t.lower_ in lemmas for t in trigger.subtree if t.i not in skip)


def clause_lemmas(trigger: Token) -> list[str]:
    """The lemmas of the trigger's own phrase or clause (for aims: "protested for independence"), the
    words after the trigger first, in reading order, then those before it, nearest first: "demanded
    democratic reforms under the constitution" is for what follows "demanded", and of two aims
    the first named is the one asked. Names are left out: the "Independence" of a party's name
    is no aim, nor is what the subject's own phrase says of who they are ("a member of parliament
    started a hunger strike"), apart from the modifiers of its head ("pro-democracy protesters")."""
    root = trigger.head if trigger.pos_ in ("NOUN", "PROPN") and trigger.head.pos_ in ("VERB", "AUX") else trigger
    who = {
        t.i
        for c in root.children
        if c.dep_ in SUBJECT_DEPS | {"nsubjpass"} and trigger not in c.subtree  # "riots against X continued"
        for t in c.subtree
        if not (t.head.i == c.i and t.dep_ in ("amod", "compound"))
    }
    words = [t for t in root.subtree if t.pos_ != "PROPN" and t.i not in who]
    ordered = [t for t in words if t.i > trigger.i] + [t for t in reversed(words) if t.i <= trigger.i]
    # the word as written too: the small model's lemmas slip ("taxes" -> "taxis")
    return [form for t in ordered for form in dict.fromkeys((_aim_form(t), t.lower_))]


def _aim_form(token: Token) -> str:
    """ "a new election law" is an electoral law, a change in the rules (4), where "elections" are a
    change in leadership (1): a noun compounded onto another noun says what kind that noun is."""
    lemma = token.lemma_.lower()
    return ADJECTIVAL.get(lemma, lemma) if token.dep_ == "compound" and token.head.pos_ == "NOUN" else lemma


def is_passive(verb: Token) -> bool:
    """ "was killed by", and the participle in "soldiers killed in Ukraine" (its noun is the patient)."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def object_matches(obj: Token | None, objects: frozenset[str]) -> bool:
    """The object (or one conjoined with it: "photographs and other intelligence", or its compound
    modifier) is one of these."""
    if obj is None:
        return False
    if objects == {"*"}:
        return True
    words = (obj, *obj.conjuncts)
    if any(o.lemma_.lower() in objects for o in words):
        return True
    # "violated the ceasefire agreement": a compound says what kind of agreement, plan or deal it is
    # (but a "refugee agency" is an agency)
    return any(
        c.dep_ == "compound" and c.lemma_.lower() in objects
        for o in words
        if o.lemma_.lower() in KINDED_HEADS
        for c in o.lefts
    )


def has_modifier(token: Token, modifiers: frozenset[str]) -> bool:
    return any(
        c.dep_ in ("amod", "compound", "advmod", "npadvmod", "nmod") and c.lemma_.lower() in modifiers
        for c in token.children
    )


def next_word(token: Token) -> str | None:
    return token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else None


def subject_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            if child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                return verb.head
            if child.lower_ in REPORTED_PRONOUNS and (speaker := speaker_of(verb)) is not None:
                return speaker  # "Japan said it had halted aid": "it" is Japan
            return child
    if verb.dep_ == "xcomp":
        head = verb.head
        if head.lemma_.lower() in OBJECT_CONTROL:
            obj = next((c for c in head.children if c.dep_ in OBJECT_DEPS), None)
            if obj is not None:
                return obj
        if (subject := subject_of(head)) is None and is_passive(head):
            return passive_subject(head)  # "Obama is scheduled to attend", "troops were ordered to withdraw"
        return subject
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head)
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        owner = verb.head.head
        punished = verb.head.lower_ == "for" and any(c.dep_ in ("dobj", "obj") for c in owner.children)
        if owner.pos_ in ("VERB", "AUX") and punished:
            return None  # "jailed a student for helping militants": the helper is the student, not the jailer
        return subject_of(owner)  # "are guilty of violating the ceasefire"
    if verb.dep_ in ("acomp", "pcomp") or (verb.dep_ == "xcomp" and verb.head.pos_ in ("ADJ", "AUX")):
        return subject_of(verb.head)  # "is prepared to impose martial law"
    if verb.dep_ in ("relcl", "acl"):
        noun = verb.head
        if noun.lemma_.lower() in DOCUMENTS and (holder := _holder(noun, named=True)) is not None:
            return holder  # "a European Union statement criticizing China": the Union criticizes
        if noun.lemma_.lower() in DOCUMENTS and noun.head.pos_ in ("VERB", "AUX") and noun.head is not noun:
            return subject_of(noun.head)  # "issued a declaration demanding": the issuer demands
        if is_infinitive(verb) and noun.lemma_.lower() in RESOLVES:
            holder = _holder(noun)  # "NATO's decision to deploy", "the decision by NATO to deploy"
            if holder is not None:
                return holder
            if noun.head.pos_ in ("VERB", "AUX"):
                return subject_of(noun.head)  # "reached a consensus to exchange", "took steps to enhance"
        return noun
    if verb.dep_ == "advcl" and (verb.tag_ == "VBG" or is_infinitive(verb)):
        return subject_of(verb.head)  # "arguing that ...", "visited Cairo to mediate"
    return None


def _holder(noun: Token, named: bool = False) -> Token | None:
    """Whose decision, plan or statement a noun names: its possessor or its "by" phrase, and with
    `named` a name compounded onto it ("a European Union statement")."""
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ not in REPORTED_PRONOUNS), None)
    if owner is None and named:
        owner = next((c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
    return owner or prep_object(noun, ("by",))


def asked_for(verb: Token) -> Token | None:
    """What an object names as asked, offered or refused: "rejected calls for economic aid",
    "rejected a request to interrogate detainees", "demanded a meeting". A request noun asks for
    what its "for" or "to" phrase says, wherever the parse hangs it ("calls by Bonn's rulers for
    aid"), and, with neither, for nothing the sentence names."""
    objects = direct_objects(verb)
    requests = [o for o in objects if is_request(o)]  # "rejected ASEAN calls": two objects, to the parser
    obj = requests[0] if requests else objects[0] if objects else None
    wanted = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"), None)
    if wanted is not None:  # "called for the withdrawal of ...", "asked Portugal for military aid"
        return next((c for c in wanted.children if c.dep_ == "pobj"), None)
    if obj is None:  # "appealed to Uganda to release ...", the infinitive parsed as the addressee's
        asked = prep_objects(verb, ADDRESSEE_PREPS)
        return next((c for a in asked for c in a.children if c.dep_ == "acl" and is_infinitive(c)), None)
    asking = is_request(obj)
    words = obj.subtree if asking else obj.children
    for child in words:
        if child.dep_ in ("acl", "relcl", "xcomp") and is_infinitive(child):
            return child
        if child.dep_ == "prep" and child.lower_ == "for":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None if asking else obj


def direct_objects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("dobj", "obj")]


def is_request(noun: Token) -> bool:
    """A request, offer or proposal noun ("calls", "demands", "offer")."""
    return noun.lemma_.lower() in REQUESTS


def is_infinitive(verb: Token) -> bool:
    return any(a.lower_ == "to" and a.dep_ == "aux" for a in verb.children)


def passive_subject(verb: Token) -> Token | None:
    """ "Serb forces were engaged in ...": a light verb's grammatical subject even in the passive."""
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def pronoun_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.lower_ in REPORTED_PRONOUNS), None)


def speaker_of(verb: Token) -> Token | None:
    """The subject of the verb of saying whose complement clause holds `verb`, if any."""
    node = verb
    while node.dep_ in ("ccomp", "conj") and node.head is not node:
        node = node.head
        if node.lemma_.lower() in SAY_LEMMAS:
            return next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
    return None


def agent_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def object_of(verb: Token, passive: bool) -> Token | None:
    if passive and verb.dep_ == "acl" and not any(c.dep_ == "nsubjpass" for c in verb.children):
        return verb.head
    if passive and verb.dep_ == "conj" and not any(c.dep_ == "nsubjpass" for c in verb.children):
        return next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS | {"nsubjpass"}), None)
    deps = ("nsubjpass",) if passive else ("dobj", "obj")
    obj = next((c for c in verb.children if c.dep_ in deps), None)
    if obj is None and not passive:
        obj = next((c for c in verb.children if c.dep_ in ("dative", "iobj")), None)
    if obj is None and not passive and verb.lemma_.lower() in OBJECT_CONTROL:
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)  # "allowed [X to vote]" parsed as
        obj = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None) if clause is not None else None
    if obj is not None and obj.lemma_.lower() in MEASURES:  # "25,000 tons of food aid": the aid
        inner = prep_object(obj, ("of", "in"))  # "$300 million in military aid", "all of its aid"
        return inner or obj
    return obj


def prep_object(head: Token, preps: tuple[str, ...], also: Token | None = None) -> Token | None:
    """The object of the first preposition in `preps` attached to head (or to `also`)."""
    found = prep_objects(head, preps, also)
    return found[0] if found else None


def prep_objects(head: Token, preps: tuple[str, ...], also: Token | None = None) -> list[Token]:
    """Objects of the first matching preposition, with those of prepositions conjoined to it
    ("met with X as well as with Y")."""
    if not preps:
        return []
    # "kidnapped up to 16 advisers" misparsed; "pulled its troops out of Lebanon", "out" read as a preposition
    particles = [
        c
        for c in head.children
        if c.dep_ == "prt"
        or (c.dep_ in ("prep", "advmod") and c.lower_ in PARTICLES and not any(g.dep_ == "pobj" for g in c.children))
    ]
    for owner in (head, also, *particles):
        if owner is None:
            continue
        matching = [c for c in owner.children if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps]
        if matching:
            first = matching[0].lower_
            preps_used = [p for c in matching if c.lower_ == first for p in (c, *c.conjuncts)]
            found = [c for p in preps_used for c in p.children if c.dep_ == "pobj"]
            if not found:  # the parser gave the preposition no object: take the next noun phrase's head
                found = [t for p in preps_used if (t := orphan_object(p)) is not None]
            if found:
                return found
    return []


def orphan_object(prep: Token) -> Token | None:
    for token in prep.doc[prep.i + 1 : prep.i + 8]:
        if token.pos_ in ("VERB", "AUX", "ADP", "PUNCT", "SCONJ", "CCONJ"):
            return None
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ not in ("compound", "amod", "nmod", "poss"):
            return token
    return None


def prep_object_right(noun: Token, preps: tuple[str, ...]) -> Token | None:
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


def light_verb(noun: Token) -> Token | None:
    """The verb (or "responsible"/"guilty") that carries an event noun: "held talks", "engaged in
    ethnic cleansing", "is responsible for mass killings"; conjoined nouns share their first's."""
    while noun.dep_ == "conj" and noun.head is not noun:
        noun = noun.head
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in MEASURES:
        noun, head = head.head, head.head.head  # "launched 10 days of war games", "a series of strikes"
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif noun.dep_ not in ("dobj", "obj", "attr"):
        return None
    if head.pos_ in ("VERB", "AUX") and verb_lemma(head) in LIGHT_VERBS:
        return head
    if head.pos_ == "ADJ" and head.lemma_.lower() in LIGHT_VERBS:
        return head
    return None


def is_negated(verb: Token) -> bool:
    """ "did not attack", and the complement of "failed to" (the action did not happen)."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb_lemma(verb.head) in FAILURE


def is_conditional(verb: Token) -> bool:
    """Does an "if" or "unless" clause set the verb's condition?"""
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in c.children)
        for c in verb.children
    )


def _voiced_by_subject(verb: Token) -> bool:
    """Is the clause the subject's own word: no one else reports it, or the subject is the reporter
    ("Iran said it could close the strait if ...", not "analysts said China could invade if ...")?"""
    speaker = speaker_of(verb)
    subject = subject_of(verb)  # a pronoun that stands for the speaker comes back as the speaker
    return speaker is None or (subject is not None and subject.i == speaker.i)


def modality_of(token: Token) -> str:
    seen = False  # passed through "see": what is wished for is another's act
    for node in (token, *token.ancestors):
        seen = seen or (node is not token and node.lemma_.lower() == "see")
        aux = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
        if aux & (POSSIBLE | INTENDED) and "have" in aux and node.tag_ == "VBN":
            return "possible"  # "a bill that would have allowed China to extradite": it did not happen
        if aux & INTENDED and node.dep_ == "relcl":
            return "possible"  # "a law that would allow ...": what a thing would do, no one's intent
        if aux & POSSIBLE:  # "may halt its mediation if the fighting goes on": a conditional threat
            return "intended" if is_conditional(node) and _voiced_by_subject(node) else "possible"
        if aux & INTENDED:
            if node.lemma_.lower() in WISHES and seen:
                return "possible"  # "would like to see China agree": a wish about another's act
            return "intended"
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in INTENT_HEADS:
            return "intended"
        if node.dep_ in ("acl", "relcl") and node.head.lemma_.lower() in RESOLVES and "to" in aux:
            return "intended"  # "reached a consensus to exchange information", "a plan to withdraw"
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in SAY_LEMMAS:
            return "reported"
        if node.dep_ == "advcl" and is_infinitive(node):
            continue  # "will meet in Zurich to discuss ...": a purpose is as sure as what serves it
        if node.dep_ not in ("xcomp", "conj", "ccomp", "prep", "pobj", "dobj", "nsubj", "nsubjpass"):
            break
    return "asserted"
