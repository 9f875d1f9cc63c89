"""The coding pipeline: read -> clean -> split -> (filter) -> parse -> actors -> events -> dates.

Articles are processed in batches so the parser sees many sentences at once; within a batch only
the sentences that name an actor (or a role word) and contain a pattern word are parsed.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING

from dyadic import nlp
from dyadic.actors.dictionary import Dictionaries, load_dictionaries
from dyadic.actors.match import NameMatch, find_names, has_agent_word
from dyadic.actors.memory import build_memory
from dyadic.actors.resolve import OWNED, THING, ArticleMemory, Resolver
from dyadic.articles import prepare
from dyadic.dates.article import parse_date_string
from dyadic.dates.event import event_date
from dyadic.dates.narrative import Timeline, build_timeline, narrative_date
from dyadic.dedupe import dedupe
from dyadic.events.codebook import abroad_codes, codebook
from dyadic.events.confidence import load_calibrator
from dyadic.events.extract import IMPLIED, Triple, extract
from dyadic.events.learned import PairModel, learned_triples, load_model
from dyadic.events.patterns import load_patterns
from dyadic.events.triggers import trigger_words
from dyadic.ingest import read_inputs
from dyadic.ingest.files import DEFAULT_MAX_BYTES
from dyadic.places import locate
from dyadic.records import ActorRef, Article, CleanArticle, Event, Evidence, Location, Rejected

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

BATCH_ARTICLES = 32
# an article is about a country it names this often (a single sentence rarely does: roles stay unplaced)
HOME_MENTIONS = 3
HOME_SENTENCES = 3
UNHOMED = frozenset({"UAF"})  # CAMEO's unidentified armed force: whose it is is what nobody knows
# words that can stand for an actor named elsewhere in the article ("they", "the two countries")
REFERRING_WORDS = frozenset({"he", "she", "they", "countries", "nations"})


@dataclass(frozen=True, slots=True)
class Options:
    max_bytes: int = DEFAULT_MAX_BYTES
    actor_files: tuple[str, ...] = ()
    dedupe: bool = True
    learned: bool = True  # the learned pair coder where no pattern codes a pair of actors
    speculation: bool = False  # also events only guessed at ("could", "might"): GUIDELINES.md leaves them out


@dataclass
class _Sentence:
    article: int
    start: int  # offset in the clean text
    doc: Doc | None = None
    names: list[NameMatch] = field(default_factory=list)  # token offsets within the sentence


@dataclass
class _Batch:
    articles: list[CleanArticle] = field(default_factory=list)
    days: list[date | None] = field(default_factory=list)
    sentences: list[_Sentence] = field(default_factory=list)


def code(paths: list[str], options: Options | None = None) -> Iterator[Event | Rejected]:
    """Code every article in `paths`: events in input order, with a `Rejected` for each bad input."""
    options = options or Options()
    return code_articles(read_inputs(paths, options.max_bytes), options)


def code_articles(items: Iterable[Article | Rejected], options: Options | None = None) -> Iterator[Event | Rejected]:
    """Clean every article, collapse duplicates across the whole input, then code in batches."""
    for item in code_by_article(items, options):
        if isinstance(item, Rejected):
            yield item
        else:
            yield from item[1]


def code_by_article(
    items: Iterable[Article | Rejected],
    options: Options | None = None,
    skip: Callable[[CleanArticle], bool] | None = None,
) -> Iterator[tuple[CleanArticle, list[Event]] | Rejected]:
    """Each unique article with its events (an empty list when it has none), in input order.

    A store needs the article even when it holds no event, and needs to write an article and its
    events together. `skip` is asked about each article after cleaning and dedupe, before parsing,
    so articles already stored cost no parse.
    """
    options = options or Options()
    dicts = load_dictionaries(options.actor_files)
    cleaned: list[CleanArticle] = []
    for item in items:
        result = item if isinstance(item, Rejected) else prepare(item)
        if isinstance(result, Rejected):
            yield result
        else:
            cleaned.append(result)
    unique = (a for a in (dedupe(cleaned) if options.dedupe else cleaned) if skip is None or not skip(a))
    while batch := list(islice(unique, BATCH_ARTICLES)):
        yield from zip(batch, _by_article(batch, _code_batch(batch, dicts, options)), strict=True)


def _by_article(batch: list[CleanArticle], events: Iterable[Event]) -> list[list[Event]]:
    """The batch's events split by article; the same input given twice gets the events once each."""
    slots: dict[tuple[str, str], list[list[Event]]] = {}
    lists: list[list[Event]] = []
    for article in batch:
        lists.append([])
        slots.setdefault((article.article_id, article.input), []).append(lists[-1])
    for event in events:
        same = slots[event.article_id, event.input]
        target = next((s for s in same if all(e.event_id != event.event_id for e in s)), same[-1])
        target.append(event)
    return lists


def _code_batch(articles: list[CleanArticle], dicts: Dictionaries, options: Options) -> Iterator[Event]:
    model = load_model() if options.learned else None
    calibrator = load_calibrator()
    for event in _events(_parse_batch(articles, dicts), dicts, model):
        if event.modality == "possible" and not options.speculation:
            continue
        if calibrator is not None:
            event = replace(event, confidence=round(calibrator.probability(event.to_dict()), 3))
        yield event


def _parse_batch(articles: list[CleanArticle], dicts: Dictionaries, every: bool = False) -> _Batch:
    """Split every article and parse the sentences that can hold an event (`every`: all of them)."""
    batch = _Batch(articles=articles, days=[parse_date_string(a.published) for a in articles])
    triggers = trigger_words()
    for index, doc in enumerate(nlp.split(a.text for a in articles)):
        names = find_names(doc, dicts)  # once per article; each sentence keeps its own
        for sent in doc.sents:
            span = _trim(sent)
            if span is None:
                continue
            inside = [
                replace(m, start=m.start - span.start, end=m.end - span.start)
                for m in names
                if span.start <= m.start and m.end <= span.end
            ]
            if every or _worth_parsing(span, inside, dicts, triggers):
                batch.sentences.append(_Sentence(index, span.start_char, span.as_doc(), inside))
    parsed = nlp.parse(s.doc for s in batch.sentences)
    for sentence, doc in zip(batch.sentences, parsed, strict=True):
        sentence.doc = doc
    return batch


def _trim(sent: Span) -> Span | None:
    tokens = [t for t in sent if not t.is_space]
    if len(tokens) < 3:
        return None
    return sent.doc[tokens[0].i : tokens[-1].i + 1]


def _worth_parsing(span: Span, names: list[NameMatch], dicts: Dictionaries, triggers: frozenset[str]) -> bool:
    """Only a sentence with a pattern word and an actor (a name or a role word) can hold an event."""
    if not any(t.lower_ in triggers for t in span):
        return False
    return bool(names) or has_agent_word(span, dicts) or any(t.lower_ in REFERRING_WORDS for t in span)


@dataclass
class ArticleContext:
    """One article's parsed sentences with their resolvers, which share what the article said."""

    article: CleanArticle
    day: date | None
    timeline: Timeline
    countries: tuple[str, ...]  # every country the article names, in order of first mention
    home: str | None  # the country the article is mostly about, if one stands out
    sentences: list[_Sentence]
    resolvers: list[Resolver]


def _contexts(batch: _Batch, dicts: Dictionaries) -> Iterator[ArticleContext]:
    by_article: dict[int, list[_Sentence]] = {}
    for sentence in batch.sentences:
        by_article.setdefault(sentence.article, []).append(sentence)
    for index, article in enumerate(batch.articles):
        sentences = by_article.get(index, [])
        day = batch.days[index]
        resolvers = [Resolver(dicts, day, s.names, ArticleMemory(), s.start) for s in sentences]
        memory = build_memory(resolvers, [s.doc for s in sentences])
        for resolver in resolvers:
            resolver.memory = memory
        named = [ref.country for _, ref in memory.countries if ref.country]
        countries = tuple(dict.fromkeys(named))
        home = _home_country(named) if len(sentences) >= HOME_SENTENCES else None
        yield ArticleContext(article, day, build_timeline(article.text, day), countries, home, sentences, resolvers)


def _home_country(named: list[str]) -> str | None:
    """The country named most often, when it is named often enough and more than any other."""
    ranked = Counter(named).most_common(2)
    if not ranked or ranked[0][1] < HOME_MENTIONS or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def article_contexts(
    articles: Iterable[CleanArticle], options: Options | None = None, every: bool = True
) -> Iterator[ArticleContext]:
    """Parsed sentences and resolvers of each article, for training and inspecting the learned coder."""
    dicts = load_dictionaries((options or Options()).actor_files)
    articles = iter(articles)
    while batch := list(islice(articles, BATCH_ARTICLES)):
        yield from _contexts(_parse_batch(batch, dicts, every), dicts)


def _events(batch: _Batch, dicts: Dictionaries, model: PairModel | None = None) -> Iterator[Event]:
    patterns = load_patterns()
    for context in _contexts(batch, dicts):
        for sentence, resolver in zip(context.sentences, context.resolvers, strict=True):
            triples = extract(sentence.doc, resolver, patterns)
            if model is not None:
                triples += learned_triples(sentence.doc, resolver, context.home, model, triples)
            for triple in triples:
                if triple.source.kind == THING:
                    continue  # "Thai law forbids ...": a party's thing does not act
                event = _event(
                    context.article, context.day, context.timeline, sentence, triple, context.countries, context.home
                )
                unplaced = triple.source.kind == IMPLIED and not event.source_country
                if _names_a_party(event) and not unplaced and not _travel_at_home(event):
                    yield event


def _travel_at_home(event: Event) -> bool:
    """A visit to the source's own country ("she returned to Thailand") is travel at home, not a visit."""
    return event.code in abroad_codes() and event.target is not None and event.target == event.source_country


def _names_a_party(event: Event) -> bool:
    """Roles on both sides ("police arrested protesters") need the event's place to say whose they are."""
    sides = [(event.source, event.source_country), (event.target, event.target_country)]
    return any(code and (country or not code.startswith("---")) for code, country in sides)


def _governed(doc: Doc, trigger: Token, start: int, end: int) -> bool:
    """True when the words at [start, end) hang from the trigger before any other verb."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    for ancestor in span.root.ancestors:
        if ancestor.i == trigger.i:
            return True
        if ancestor.pos_ in ("VERB", "AUX"):
            return False
    return False


def _place_actors(triple: Triple) -> tuple[str, ...]:
    """A visit or meeting happens where its target is, when the target is named by its city."""
    if triple.code.startswith("04") and triple.target is not None:
        return (triple.target.text,)
    return ()


def _placed(actor: ActorRef | None, location: Location | None) -> ActorRef | None:
    """ "children were killed in Gaza", "police in Istanbul": a role with no country of its own
    belongs to the country where the event happens."""
    if actor is None or location is None or not location.country or not actor.code.startswith("---"):
        return actor
    return replace(actor, code=location.country + actor.code[3:], country=location.country)


def _present_tense(trigger: Token) -> bool:
    """Is the event told in the present or present perfect ("have shut", "are relying", "says")?

    Such a sentence speaks from the day of the news, whatever past day the paragraph named before.
    """
    verb = (
        trigger
        if trigger.pos_ in ("VERB", "AUX")
        else next((a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX")), None)
    )
    if verb is None:
        return False
    auxes = {c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"VBD", "MD"}:
        return False
    return verb.tag_ in ("VBZ", "VBP") or bool(auxes & {"VBZ", "VBP"})


def _homed(actor: ActorRef | None, home: str | None) -> ActorRef | None:
    """A role that neither its words nor the event's place give a country belongs to the article's home."""
    if actor is None or home is None or actor.country or not actor.code.startswith("---") or len(actor.code) == 3:
        return actor
    if actor.kind in (IMPLIED, OWNED) or actor.code[3:6] in UNHOMED:  # no word names it, an unknown force,
        # or a role of an owner the dictionary does not know ("a spokesman for the PMF")
        return actor
    return replace(actor, code=home + actor.code[3:], country=home)


def _event(
    article: CleanArticle,
    day: date | None,
    timeline: Timeline,
    sentence: _Sentence,
    triple: Triple,
    article_countries: tuple[str, ...],
    home: str | None = None,
) -> Event:
    doc = sentence.doc
    info = codebook()[triple.code]
    text = doc.text.rstrip()
    start, end = sentence.start, sentence.start + len(text)
    trigger_char = doc[triple.trigger].idx
    done = triple.modality in ("asserted", "reported")  # happened, so not after the article was written
    latest = day + timedelta(days=1) if day is not None and done else None
    when = event_date(text, trigger_char, day, partial(_governed, doc, doc[triple.trigger]), latest)
    if when is not None and when.basis == "published":  # the sentence names no date: the narrative's
        when = narrative_date(timeline, start, present=_present_tense(doc[triple.trigger])) or when
    countries = tuple(c for c in (triple.source.country, triple.target.country if triple.target else None) if c)
    location = locate(doc, triple.trigger, countries + article_countries, _place_actors(triple))
    # a visitor is not of the country visited: the mover of a travel or meeting keeps its own
    source = triple.source if triple.code.startswith("04") else _placed(triple.source, location)
    target = _placed(triple.target, location)
    source, target = _homed(source, home), _homed(target, home)
    if target is not None and source.code == target.code:  # placing must not fold the two sides together
        source, target = triple.source, triple.target
    key = f"{article.article_id}|{start}|{end}|{source.code}|{target.code if target else ''}|{triple.code}"
    digest = hashlib.sha1(key.encode()).hexdigest()[:16]
    modality = triple.modality
    if (
        when is not None
        and when.basis != "published"
        and when.precision == "year"
        and day
        and when.date[:4] < str(day.year)
    ):
        modality = "past-background" if modality == "asserted" else modality
    return Event(
        event_id=digest,
        article_id=article.article_id,
        input=article.input,
        url=article.url,
        title=article.title,
        published=article.published,
        published_basis=article.published_basis,
        date=when.date if when else None,
        date_precision=when.precision if when else None,
        date_basis=when.basis if when else None,
        source=source.code,
        target=target.code if target else None,
        source_country=source.country,
        target_country=target.country if target else None,
        source_text=source.text,
        target_text=target.text if target else None,
        source_entry=source.entry_id,
        target_entry=target.entry_id if target else None,
        code=triple.code,
        root=info.root,
        quad_class=info.quad_class,
        goldstein=info.goldstein,
        plover=info.plover,
        negated=triple.negated,
        modality=modality,
        location=location,
        evidence=Evidence(text, start, end, *(article.offsets.span(start, end) if article.offsets else (None, None))),
        confidence=triple.confidence,
        copies=max(len(article.copies), 1),
        coder=triple.coder,
    )
