"""The actor dictionaries: names -> CAMEO actor codes with the dates each code held.

Data files (TSV, in `dyadic/data/actors/`):
- `*_actors.tsv`: `id, kind, names, codes`; names `|`-separated and lower case; codes
  `;`-separated, each `CODE` (undated default) or `CODE@START..END` (ISO dates, either end open).
- `*_agents.tsv`: `phrase, sector`: role words ("defence minister", "police") -> sector codes.
- `countries.tsv`: `code, name`: the country codes an actor code can start with.

Later files win for the same name, so dyadic's own corrections override the Phoenix data and a
user's `--actors` file overrides both.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from dyadic.errors import DataFileError

ACTOR_FILES = ("phoenix_actors.tsv", "demonyms.tsv", "dyadic_actors.tsv")
AGENT_FILES = ("phoenix_agents.tsv", "dyadic_agents.tsv")
MAX_NAME_TOKENS = 8
# entry kinds that hold people (Phoenix files them under the country or organisation they served)
PERSON_KINDS = frozenset({"person", "countries", "international", "milnonstate"})


@dataclass(frozen=True, slots=True)
class CodeSpan:
    code: str
    start: date | None = None
    end: date | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    id: str
    kind: str
    name: str
    codes: tuple[CodeSpan, ...]

    def code_on(self, day: date | None) -> str | None:
        """The code in force on `day`: a dated code covering it, else the default.

        With no date known, the most recent open-ended code is taken (a current office holder),
        then the default.
        """
        dated = [c for c in self.codes if c.dated]
        default = next((c.code for c in self.codes if not c.dated), None)
        if day is not None:
            covering = [c for c in dated if c.covers(day)]
            if covering:
                return max(covering, key=lambda c: c.start or date.min).code
            if default is None and dated:  # the office held nearest to that day
                return min(dated, key=lambda c: _distance(c, day)).code
            return default
        current = [c for c in dated if c.end is None]
        if current:
            return max(current, key=lambda c: c.start or date.min).code
        return default or (dated[-1].code if dated else None)


def _distance(span: CodeSpan, day: date) -> int:
    if span.end is not None and span.end < day:
        return (day - span.end).days
    return ((span.start or day) - day).days


@dataclass(frozen=True, slots=True)
class Dictionaries:
    """Everything actor resolution looks names up in."""

    names: dict[str, ActorEntry]
    agents: dict[str, str]
    countries: frozenset[str]
    first_words: frozenset[str]
    # surname -> the one person entry whose full name ends with it ("mugabe" -> Robert Mugabe);
    # surnames that several people share are left out
    surnames: dict[str, ActorEntry] = field(default_factory=dict)

    def country_of(self, code: str | None) -> str | None:
        """ISO-3 country of an actor code, None for IGOs, groups without a country and unknowns."""
        if code and code[:3] in self.countries:
            return code[:3]
        return None


def parse_codes(field: str, where: str) -> tuple[CodeSpan, ...]:
    spans = []
    for part in filter(None, (p.strip() for p in field.split(";"))):
        code, _, period = part.partition("@")
        if not code.replace("-", "").isalnum() and code.strip("-"):
            raise DataFileError(f"{where}: bad actor code {code!r}")
        if not period:
            spans.append(CodeSpan(code.upper()))
            continue
        start, sep, end = period.partition("..")
        try:
            spans.append(
                CodeSpan(
                    code.upper(), date.fromisoformat(start) if start else None, date.fromisoformat(end) if end else None
                )
            )
        except ValueError as exc:
            raise DataFileError(f"{where}: bad date range {period!r}") from exc
        if not sep:
            raise DataFileError(f"{where}: date range {period!r} lacks '..'")
    return tuple(spans)


def _rows(path: Path | resources.abc.Traversable) -> Iterable[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8") as fh:
        lines = (line for line in fh if not line.startswith("#"))
        yield from enumerate(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE), start=2)


FORMAT_VERSION = 1
_VERSION_LINE = re.compile(r"#\s*dyadic-actors format (\d+)")


def _check_version(path: Path | resources.abc.Traversable) -> None:
    """Files may start with "# dyadic-actors format N"; a format newer than this reader is refused."""
    with path.open(encoding="utf-8") as fh:
        match = _VERSION_LINE.match(fh.readline())
    if match and int(match.group(1)) > FORMAT_VERSION:
        raise DataFileError(
            f"{getattr(path, 'name', path)}: actor file format {match.group(1)} is newer than this dyadic reads "
            f"({FORMAT_VERSION}); upgrade dyadic"
        )


def read_actor_file(path: Path | resources.abc.Traversable) -> list[tuple[str, ActorEntry]]:
    """(name, entry) pairs of one actor file, names normalised; raises DataFileError on bad rows."""
    _check_version(path)
    pairs = []
    for lineno, row in _rows(path):
        where = f"{getattr(path, 'name', path)}:{lineno}"
        if not row.get("names") or not row.get("codes"):
            raise DataFileError(f"{where}: needs names and codes")
        names = [normalise(n) for n in row["names"].split("|") if n.strip()]
        entry = ActorEntry(
            row.get("id") or where, row.get("kind") or "actor", names[0], parse_codes(row["codes"], where)
        )
        pairs.extend((name, entry) for name in names)
    return pairs


def normalise(name: str) -> str:
    """Lower case, single spaces, straight apostrophes, no leading "the"."""
    name = " ".join(name.lower().replace("\u2019", "'").split())
    return name[4:] if name.startswith("the ") else name


def _drop_bare_defaults(names: dict[str, ActorEntry], sectors: frozenset[str]) -> None:
    """A person's undated default that is only a sector ("ELI", no country) says less than the
    offices the entry dates; drop it so the nearest dated office is used instead."""
    fixed: dict[int, ActorEntry] = {}
    for name, entry in names.items():
        if id(entry) not in fixed:
            codes = tuple(c for c in entry.codes if c.dated or c.code not in sectors)
            fixed[id(entry)] = replace(entry, codes=codes) if codes and codes != entry.codes else entry
        names[name] = fixed[id(entry)]


def _first_tokens(name: str) -> tuple[str, ...]:
    """The forms the first token of a name can take after tokenisation ("al-qaeda" -> "al")."""
    word = name.split(" ", 1)[0]
    head = re.match(r"[\w']+", word)
    return (word, head.group(0)) if head else (word,)


def _data(name: str) -> resources.abc.Traversable:
    return resources.files("dyadic") / "data" / "actors" / name


@lru_cache(maxsize=8)
def load_dictionaries(extra_files: tuple[str, ...] = ()) -> Dictionaries:
    """The packaged dictionaries plus the user's files (ours or PETRARCH format), cached per set."""
    names: dict[str, ActorEntry] = {}
    for source in [*map(_data, ACTOR_FILES), *map(Path, extra_files)]:
        if isinstance(source, Path) and source.suffix.lower() not in (".tsv", ".tab"):
            from dyadic.actors.petrarch import read_petrarch_actors

            pairs = read_petrarch_actors(source)
        else:
            pairs = read_actor_file(source)
        names.update(pairs)
    agents: dict[str, str] = {}
    for source in map(_data, AGENT_FILES):
        for _, row in _rows(source):
            agents[normalise(row["phrase"])] = row["sector"].strip().upper()
    for word in [n for n, e in names.items() if n in agents and e.id.startswith("px")]:
        del names[word]  # Phoenix lists some role words as names ("senate" -> USALEG); roles win
    _drop_bare_defaults(names, frozenset(agents.values()) | {"ELI"})
    countries = frozenset(row["code"] for _, row in _rows(_data("countries.tsv")) if len(row["code"]) == 3)
    first = frozenset(w for n in names for w in _first_tokens(n))
    return Dictionaries(names=names, agents=agents, countries=countries, first_words=first, surnames=_surnames(names))


def _surnames(names: dict[str, ActorEntry]) -> dict[str, ActorEntry]:
    """The last word of every person's full name, when it belongs to one person only."""
    owners: dict[str, set[str]] = {}
    entries: dict[str, ActorEntry] = {}
    for name, entry in names.items():
        words = name.split()
        is_person = entry.kind in PERSON_KINDS and all(len(c.code) > 3 for c in entry.codes)
        if len(words) < 2 or not is_person or not words[-1].isalpha() or len(words[-1]) < 3:
            continue
        owners.setdefault(words[-1], set()).add(entry.id)
        entries[words[-1]] = entry
    return {word: entries[word] for word, ids in owners.items() if len(ids) == 1 and word not in names}
