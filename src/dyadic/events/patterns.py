"""Loading the verb/noun pattern dictionary (format described at the top of the data file)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from dyadic.errors import DataFileError

FLAGS = frozenset({"recip", "mutual", "joint", "notarget", "content", "say", "reverse", "topic"})
KEYS = frozenset({"pos", "prt", "obj", "prep", "mod", "about"})


@dataclass(frozen=True, slots=True)
class Pattern:
    code: str
    lemma: str
    pos: str = "verb"
    particle: str | None = None
    objects: frozenset[str] = frozenset()
    preps: tuple[str, ...] = ()
    modifiers: frozenset[str] = frozenset()
    about: frozenset[str] = frozenset()
    flags: frozenset[str] = frozenset()
    line: int = 0

    generic: bool = False  # the lemma's last pattern: matches even when its prep is absent

    @property
    def specificity(self) -> int:
        return (
            2 * (bool(self.objects) + bool(self.modifiers) + bool(self.about)) + bool(self.particle) + bool(self.preps)
        )


@dataclass(frozen=True, slots=True)
class PatternSet:
    verbs: dict[str, tuple[Pattern, ...]]
    nouns: dict[str, tuple[Pattern, ...]]

    def __len__(self) -> int:
        return sum(map(len, self.verbs.values())) + sum(map(len, self.nouns.values()))


def parse_pattern(line: str, lineno: int, source: str = "verb_patterns.txt") -> Pattern:
    fields = line.split()
    if len(fields) < 2 or not fields[0].isdigit():
        raise DataFileError(f"{source}:{lineno}: expected CODE LEMMA [key=value ...], got {line.strip()!r}")
    keys: dict[str, str] = {}
    flags = set()
    for item in fields[2:]:
        key, eq, value = item.partition("=")
        if eq and key in KEYS:
            keys[key] = value
        elif not eq and item in FLAGS:
            flags.add(item)
        else:
            raise DataFileError(f"{source}:{lineno}: unknown key or flag {item!r}")
    pos = keys.get("pos", "verb")
    if pos not in ("verb", "noun"):
        raise DataFileError(f"{source}:{lineno}: pos must be verb or noun")
    return Pattern(
        code=fields[0],
        lemma=fields[1].lower(),
        pos=pos,
        particle=keys.get("prt"),
        objects=frozenset(filter(None, keys.get("obj", "").split(","))),
        preps=tuple(filter(None, keys.get("prep", "").split(","))),
        modifiers=frozenset(filter(None, keys.get("mod", "").split(","))),
        about=frozenset(filter(None, keys.get("about", "").split(","))),
        flags=frozenset(flags),
        line=lineno,
    )


@lru_cache(maxsize=1)
def load_patterns() -> PatternSet:
    path = resources.files("dyadic") / "data" / "events" / "verb_patterns.txt"
    verbs: dict[str, list[Pattern]] = defaultdict(list)
    nouns: dict[str, list[Pattern]] = defaultdict(list)
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            pattern = parse_pattern(line, lineno)
            (nouns if pattern.pos == "noun" else verbs)[pattern.lemma].append(pattern)
    return PatternSet({k: _ordered(v) for k, v in verbs.items()}, {k: _ordered(v) for k, v in nouns.items()})


def _ordered(patterns: list[Pattern]) -> tuple[Pattern, ...]:
    """Most specific first; the last one is marked generic, the fallback for that word."""
    ordered = sorted(patterns, key=lambda p: (-p.specificity, p.line))
    last = ordered[-1]
    return (*ordered[:-1], replace(last, generic=not (last.objects or last.modifiers or last.about)))


@lru_cache(maxsize=1)
def word_classes() -> dict[str, frozenset[str]]:
    """The closed word classes of data/events/word_classes.txt (continuation lines are indented)."""
    text = (resources.files("dyadic") / "data" / "events" / "word_classes.txt").read_text(encoding="utf-8")
    classes: dict[str, set[str]] = {}
    current: set[str] | None = None
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0] in " \t":
            if current is None:
                raise DataFileError(f"word_classes.txt:{lineno}: continuation line before any class")
            current.update(line.split())
            continue
        name, sep, words = line.partition(":")
        if not sep:
            raise DataFileError(f"word_classes.txt:{lineno}: expected 'name: words'")
        current = classes.setdefault(name.strip(), set())
        current.update(words.split())
    return {name: frozenset(words) for name, words in classes.items()}
