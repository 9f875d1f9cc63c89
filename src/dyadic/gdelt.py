"""Rows in the GDELT 2.0 Event and Mentions formats, shared by `dyadic code --format gdelt` and the
store's export, so that the two can never disagree on a column.

GDELT conventions kept here: tab-separated, no header, codes as strings with their leading zeros,
actor country codes in CAMEO's three letters but geographic country codes in FIPS 10-4, timestamps
as YYYYMMDDHHMMSS. Fields dyadic does not measure (tone, ethnicity, feature ids) are left empty
rather than filled with a made-up value.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from dyadic.errors import DataFileError

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import TextIO

    from dyadic.records import Event, Location

# CAMEO actor type codes (the role part of an actor code: RUSGOV -> GOV), GDELT's Type1-3Code
_TYPES = (
    "COP GOV INS JUD MIL OPP REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG MED REF MOD RAD IGO NGO"
)
ACTOR_TYPES = frozenset([*_TYPES.split(), "NGM", "MNC", "PTY", "REL"])
# CAMEO religion codes, GDELT's Religion1/2Code
_RELIGIONS = "ADR ATH BAH BUD CHR CON CPT CTH DOX HIN ITR JAN JEW MOS ORT PRO SHI SIK SUN TAO"
RELIGIONS = frozenset(_RELIGIONS.split())
LEAD_CHARS = 600  # an event whose evidence starts this early counts as in the lead (IsRootEvent)
WEB, CITATION_ONLY = 1, 2  # GDELT MentionType


@dataclass(frozen=True, slots=True)
class GdeltEvent:
    """What one GDELT event row is made from: a clustered store event, or a single coded Event."""

    global_id: int
    day: date | None
    source: str
    target: str | None
    source_country: str | None
    target_country: str | None
    source_name: str | None
    target_name: str | None
    code: str
    quad_class: int
    goldstein: float
    num_mentions: int
    num_sources: int
    num_articles: int
    is_root: bool
    location: Location | None
    added: datetime
    url: str


@dataclass(frozen=True, slots=True)
class GdeltMention:
    """One document mentioning one event (a copy of an article is a document of its own)."""

    global_id: int
    event_added: datetime
    mention_time: datetime
    source_name: str
    identifier: str
    is_web: bool
    sentence_id: int | None
    source_offset: int | None
    target_offset: int | None
    confidence: float
    doc_len: int | None


@cache
def event_columns() -> tuple[str, ...]:
    """The 61 column names of the GDELT 2.0 Event table, in file order."""
    return _names("event_columns.txt", 61)


@cache
def mention_columns() -> tuple[str, ...]:
    """The 16 column names of the GDELT 2.0 Mentions table, in file order."""
    return _names("mentions_columns.txt", 16)


@cache
def iso3_to_fips() -> dict[str, str]:
    """ISO 3166-1 alpha-3 -> FIPS 10-4 country code (GDELT's Geo fields use FIPS)."""
    table: dict[str, str] = {}
    lines = _data("iso3_fips.tsv").splitlines()
    for lineno, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#") or line.startswith("iso3\t"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise DataFileError(f"gdelt/iso3_fips.tsv line {lineno}: expected 3 tab-separated fields")
        if parts[1]:
            table[parts[0]] = parts[1]
    return table


@cache
def country_names() -> dict[str, str]:
    """ISO3 -> country name, to tell a country-level place from a city (GDELT Geo_Type 1 or 4)."""
    out = {}
    for line in _data("iso3_fips.tsv").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and not line.startswith(("#", "iso3\t")):
            out[parts[0]] = parts[2].strip()
    return out


def global_id(event_id: str) -> int:
    """A stable positive 60-bit integer from a hex event id (GDELT ids are integers)."""
    return int(event_id[:15], 16)


def split_actor(code: str | None, country: str | None) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    """An actor code's parts: (country, known group, religions, types), e.g. RUSGOV -> RUS, '', (), (GOV,)."""
    if not code:
        return "", "", (), ()
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    found_country = ""
    if country and code.startswith(country):
        found_country, chunks = country, [code[i : i + 3] for i in range(len(country), len(code), 3)]
    group, religions, types = "", [], []
    for chunk in chunks:
        if chunk in ACTOR_TYPES:
            types.append(chunk)
        elif chunk in RELIGIONS:
            religions.append(chunk)
        elif not group:
            group = chunk
    return found_country, group, tuple(religions[:2]), tuple(types[:3])


def event_row(event: GdeltEvent) -> list[str]:
    """The 61 fields of one GDELT event row, as strings."""
    day = event.day
    row = [
        str(event.global_id),
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        str(day.year) if day else "",
        f"{day.year + (day.month * 30 + day.day) / 365:.4f}" if day else "",  # the codebook's formula
        *_actor(event.source, event.source_name, event.source_country),
        *_actor(event.target, event.target_name, event.target_country),
        "1" if event.is_root else "0",
        event.code,
        event.code[:3],
        event.code[:2],
        str(event.quad_class),
        _num(event.goldstein),
        str(event.num_mentions),
        str(event.num_sources),
        str(event.num_articles),
        "",  # AvgTone: dyadic measures no tone
        *([""] * 16),  # Actor1Geo, Actor2Geo: dyadic locates the action, not the actors
        *_geo(event.location),
        event.added.strftime("%Y%m%d%H%M%S"),
        event.url,
    ]
    return row


def mention_row(mention: GdeltMention) -> list[str]:
    """The 16 fields of one GDELT mentions row, as strings."""
    return [
        str(mention.global_id),
        mention.event_added.strftime("%Y%m%d%H%M%S"),
        mention.mention_time.strftime("%Y%m%d%H%M%S"),
        str(WEB if mention.is_web else CITATION_ONLY),
        mention.source_name,
        mention.identifier,
        "" if mention.sentence_id is None else str(mention.sentence_id),
        _offset(mention.source_offset),
        _offset(mention.target_offset),
        "-1",  # ActionCharOffset: the trigger's offset is not kept in the event record
        "1",  # InRawText: dyadic codes the text as read, no translation or normalisation pass
        str(round(mention.confidence * 100)),
        "" if mention.doc_len is None else str(mention.doc_len),
        "",
        "",
        "",
    ]


def from_event(event: Event, added: datetime) -> GdeltEvent:
    """A single coded event as a GDELT row: no clustering, so it is its own only mention."""
    return GdeltEvent(
        global_id=global_id(event.event_id),
        day=_day(event.date or event.published),
        source=event.source,
        target=event.target,
        source_country=event.source_country,
        target_country=event.target_country,
        source_name=event.source_text,
        target_name=event.target_text,
        code=event.code,
        quad_class=event.quad_class,
        goldstein=event.goldstein,
        num_mentions=event.copies,
        num_sources=event.copies,
        num_articles=event.copies,
        is_root=event.evidence.start < LEAD_CHARS,
        location=event.location,
        added=added,
        url=event.url or event.input,
    )


def write_rows(rows: Iterable[list[str]], out: TextIO) -> int:
    """Tab-separated rows, no quoting (GDELT fields never hold tabs: they are replaced by spaces)."""
    count = 0
    for row in rows:
        out.write("\t".join(_clean(v) for v in row) + "\n")
        count += 1
    return count


class GdeltSink:
    """`dyadic code --format gdelt`: one GDELT event row per coded event, no header."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.added = datetime.now().replace(microsecond=0)

    def write(self, event: Event) -> None:
        write_rows([event_row(from_event(event, self.added))], self.out)

    def close(self) -> None:
        self.out.flush()


def _actor(code: str | None, name: str | None, country: str | None) -> list[str]:
    if not code:
        return [""] * 10
    found, group, religions, types = split_actor(code, country)
    padded_religions = [*religions, "", ""][:2]
    padded_types = [*types, "", "", ""][:3]
    return [code, (name or "").upper(), found, group, "", *padded_religions, *padded_types]


def _geo(location: Location | None) -> list[str]:
    if location is None or not location.country:
        return [""] * 8
    fips = iso3_to_fips().get(location.country, "")
    is_country = location.name.strip().lower() == country_names().get(location.country, "").lower()
    return [
        "1" if is_country else "4",
        location.name if is_country else f"{location.name}, {country_names().get(location.country, '')}".rstrip(", "),
        fips,
        fips,  # ADM1Code: GDELT gives the country code when the first-order division is unknown
        "",
        _num(location.lat),
        _num(location.lon),
        fips if is_country else "",
    ]


def _day(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _offset(value: int | None) -> str:
    return "-1" if value is None else str(value)


def _clean(value: str) -> str:
    return value.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def _names(name: str, expected: int) -> tuple[str, ...]:
    names = tuple(line.strip() for line in _data(name).splitlines() if line.strip() and not line.startswith("#"))
    if len(names) != expected:
        raise DataFileError(f"gdelt/{name}: expected {expected} column names, found {len(names)}")
    return names


def _data(name: str) -> str:
    return resources.files("dyadic").joinpath("data", "gdelt", name).read_text(encoding="utf-8")


def read_table(path: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """A GDELT file read back with its column list (for tests and users checking an export)."""
    with open(path, encoding="utf-8", newline="") as handle:
        return [
            dict(zip(columns, row, strict=True)) for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]
