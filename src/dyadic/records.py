"""The typed records that flow from stage to stage (DESIGN.md, "Data flow").

Every record is frozen: a stage returns new records and never edits what it was given, so any
stage can be re-run or tested alone on the records of the stage before it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dyadic.text.offsets import OffsetMap


@dataclass(frozen=True, slots=True)
class Article:
    """One input document as read, before cleaning."""

    input: str
    text: str
    is_html: bool = False
    title: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not be read or coded, with a one-line reason for the user."""

    input: str
    reason: str


@dataclass(frozen=True, slots=True)
class CleanArticle:
    """An article after cleaning: the text every evidence offset points into."""

    article_id: str
    input: str
    text: str
    title: str | None
    url: str | None
    published: str | None
    published_basis: str | None = None
    author: str | None = None
    language: str | None = None
    domain: str | None = None
    dateline_place: str | None = None
    offsets: OffsetMap | None = field(default=None, compare=False, repr=False)
    copies: tuple[tuple[str, str | None], ...] = ()  # (input, url) of every input that carried it


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor found in a sentence: the code and the words that named it."""

    code: str
    text: str
    country: str | None
    entry_id: str | None = None
    kind: str = "actor"  # actor | agent | person | pronoun | homed | implied | thing | owned


@dataclass(frozen=True, slots=True)
class DateRef:
    """A resolved date: ISO day (first day of the period), precision and how it was found."""

    date: str
    precision: str
    basis: str


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence; start/end index the cleaned text, raw_start/raw_end the text as read."""

    sentence: str
    start: int
    end: int
    raw_start: int | None = None
    raw_end: int | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """The event record of DESIGN.md; field order is the column order of every sink."""

    event_id: str
    article_id: str
    input: str
    url: str | None
    title: str | None
    published: str | None
    published_basis: str | None  # metadata / text (a date line) / dateline / inferred (from the text's dates)
    date: str | None
    date_precision: str | None
    date_basis: str | None
    source: str
    target: str | None
    source_country: str | None
    target_country: str | None
    source_text: str
    target_text: str | None
    source_entry: str | None  # the dictionary entry that named the source, when one did
    target_entry: str | None
    code: str
    root: str
    quad_class: int
    goldstein: float
    plover: str | None
    negated: bool
    modality: str
    location: Location | None
    evidence: Evidence
    confidence: float
    copies: int = 1  # inputs that carried this article (exact and near-duplicate copies)
    coder: str = ""  # what coded it: "pattern:verb_patterns.txt:123" or "model:pair_coder:0.71" (its score)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready record."""
        return asdict(self)


EVENT_FIELDS: tuple[str, ...] = tuple(Event.__dataclass_fields__)
