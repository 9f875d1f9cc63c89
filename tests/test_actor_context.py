"""Parties that a mention borrows from the rest of its article: a name part, a pronoun, a quotation's speaker.

Each case is a short made-up article (sentences parsed one by one, as the pipeline splits them), a
word, which of its occurrences, and the codes that occurrence must resolve to.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from dyadic.actors.dictionary import load_dictionaries
from dyadic.actors.match import find_names
from dyadic.actors.memory import build_memory
from dyadic.actors.resolve import OWNED, ArticleMemory, Resolver
from dyadic.events.candidates import mentions

DAY = date(2019, 9, 10)


@pytest.fixture(scope="module")
def article(parse):
    """Parse sentences into one article's resolvers (sharing one memory) and docs."""
    dicts = load_dictionaries()

    def _article(sentences: list[str]):
        docs, resolvers, offset = [], [], 0
        for sentence in sentences:
            doc = parse(sentence)
            docs.append(doc)
            resolvers.append(Resolver(dicts, DAY, find_names(doc, dicts), ArticleMemory(), offset))
            offset += len(sentence) + 1
        memory = build_memory(resolvers, docs)
        for resolver in resolvers:
            resolver.memory = memory
        return docs, resolvers

    return _article


def _head(doc, word: str, nth: int):
    at = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", doc.text)][nth]
    return doc.char_span(at, at + len(word), alignment_mode="expand")[-1]


CASES = [
    # a given name alone names the person a fuller mention identified, and so does "he" after it
    (["Karim bin Tahir, the Emir of Qatar, arrived in Paris on Monday.",
      "French President Emmanuel Macron greeted the delegation.",
      "Karim later said he would return in the spring."], 2, "Karim", 0, ["QATGOV"]),
    (["Karim bin Tahir, the Emir of Qatar, arrived in Paris on Monday.",
      "French President Emmanuel Macron greeted the delegation.",
      "Karim later said he would return in the spring."], 2, "he", 0, ["QATGOV"]),
    # an owner is a mention of a person: "he" is the owner, not the person named before
    (["Russian President Vladimir Putin met reporters in Moscow.",
      "In Erdogan's speech on Tuesday, he criticised the European Union."], 1, "he", 0, ["TURGOV"]),
    # a body is no antecedent of "he"
    (["Prime Minister Boris Johnson spoke on Monday.",
      "The Court of Session in Scotland ruled against the government.",
      "He said he would appeal."], 2, "He", 0, ["GBRGOV"]),
    # a given name two people share names neither of them
    (["Mohammed Ali, the Iraqi defence minister, met Mohammed Saleh, the Syrian interior minister.",
      "Mohammed spoke first."], 1, "Mohammed", 0, []),
    # inside a quotation, "we" and "I" are the speaker, the subject of the verb of saying outside it
    (['"We will respond to any attack," Iranian Foreign Minister Mohammad Javad Zarif said.'], 0, "We", 0,
     ["IRNGOV"]),
    (['Turkish President Recep Tayyip Erdogan said: "I will not allow a terror corridor on our border."'], 0,
     "I", 0, ["TURGOV"]),
    # outside a quotation "we" is the writer's, no party
    (["We learned on Monday that Iran had closed the strait."], 0, "We", 0, []),
    # the sentence's own country beats the one the dictionary lists the name under
    (["Canada's Queen Elizabeth II opened the session of Parliament in Ottawa."], 0, "II", 0, ["CANGOV"]),
    (["Queen Elizabeth II opened the session of Parliament in London."], 0, "II", 0, ["GBRGOV"]),
    # a capital's name at the start of a longer proper name is no government: the airport is Iraq's thing
    (["The strike hit a convoy leaving Baghdad International Airport."], 0, "Airport", 0, ["IRQ"]),
    (["Baghdad rejected the proposal."], 0, "Baghdad", 0, ["IRQGOV"]),
]  # fmt: skip


@pytest.mark.parametrize(("sentences", "index", "word", "nth", "codes"), CASES)
def test_a_mention_borrows_its_party_from_the_article(article, sentences, index, word, nth, codes) -> None:
    docs, resolvers = article(sentences)
    head = _head(docs[index], word, nth)
    assert [a.code for a in resolvers[index].actors(head)] == codes


def test_a_role_whose_owner_is_named_but_unknown_takes_no_home_country(article) -> None:
    """ "a spokesman for the Rafidain Front" is the Front's, not the country the article is about."""
    docs, resolvers = article(["Ahmed Nouri, a spokesman for the Rafidain Front, blamed Israel for the attack."])
    found = mentions(docs[0], resolvers[0], home="USA")
    spokesman = _head(docs[0], "spokesman", 0)
    assert all(m.head != spokesman.i for m in found)
    assert [a.kind for a in resolvers[0].head_actors(spokesman)] == [OWNED]
    own = article(["A government spokesman blamed Israel for the attack."])
    assert any(m.actor.code == "USAGOV" for m in mentions(own[0][0], own[1][0], home="USA"))
