"""Loading the verb/noun pattern dictionary (format described at the top of the data file)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from dyadic.errors import DataFileError

FLAGS = frozenset({"recip", "notarget", "content", "say"})
KEYS = frozenset({"pos", "prt", "obj", "prep"})


@dataclass(frozen=True, slots=True)
class Pattern:
    code: str
    lemma: str
    pos: str = "verb"
    particle: str | None = None
    objects: frozenset[str] = frozenset()
    preps: tuple[str, ...] = ()
    flags: frozenset[str] = frozenset()
    line: int = 0

    @property
    def specificity(self) -> int:
        return 2 * bool(self.objects) + bool(self.particle) + bool(self.preps)


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
    order = lambda ps: tuple(sorted(ps, key=lambda p: (-p.specificity, p.line)))  # noqa: E731
    return PatternSet({k: order(v) for k, v in verbs.items()}, {k: order(v) for k, v in nouns.items()})
