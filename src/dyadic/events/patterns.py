"""Loading the verb/noun pattern dictionaries (format described at the top of verb_patterns.txt).

Two files: dyadic's own verb_patterns.txt and petrarch_patterns.txt, generated from PETRARCH-2's
CAMEO verb dictionary by tools/build_petrarch_patterns.py. dyadic's own patterns win: a lemma of
its own file, or of its light verbs, verbs of saying and of intent (word_classes.txt), takes
nothing from the PETRARCH file, which adds the lemmas dyadic lacks (see merge).
Each pattern knows where it comes from (`Pattern.origin`, "dyadic:LINE" or "petrarch:LINE").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from dyadic.errors import DataFileError

FLAGS = frozenset({"recip", "mutual", "joint", "notarget", "content", "say", "reverse", "topic", "strict"})
OWN, PETRARCH = "dyadic", "petrarch"
FILES = {OWN: "verb_patterns.txt", PETRARCH: "petrarch_patterns.txt"}
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
    source: str = OWN  # which pattern file: "dyadic" (verb_patterns.txt) or "petrarch"

    generic: bool = False  # the lemma's last pattern: matches even when its prep is absent

    @property
    def origin(self) -> str:
        """Where the pattern was written: "dyadic:567" or "petrarch:1234" (file and line)."""
        return f"{self.source}:{self.line}"

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


def parse_pattern(line: str, lineno: int, source: str = "verb_patterns.txt", origin: str = OWN) -> Pattern:
    fields = line.partition("#")[0].split()
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
        source=origin,
    )


def read_pattern_file(
    origin: str, text: str | None = None
) -> tuple[dict[str, list[Pattern]], dict[str, list[Pattern]]]:
    """(verbs, nouns) of one pattern file, by lemma, in file order."""
    name = FILES[origin]
    if text is None:
        text = (resources.files("dyadic") / "data" / "events" / name).read_text(encoding="utf-8")
    verbs: dict[str, list[Pattern]] = defaultdict(list)
    nouns: dict[str, list[Pattern]] = defaultdict(list)
    for lineno, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            pattern = parse_pattern(line, lineno, name, origin)
            (nouns if pattern.pos == "noun" else verbs)[pattern.lemma].append(pattern)
    return verbs, nouns


def merge(
    own: dict[str, list[Pattern]], petrarch: dict[str, list[Pattern]], add_objects: bool = False
) -> dict[str, list[Pattern]]:
    """dyadic's own lemmas keep their patterns (with add_objects, PETRARCH's obj= patterns for them
    too: measured, it lowers precision, so it is off); PETRARCH's other lemmas come in with the
    patterns that ask for words (obj=, prep=, prt=, about=), and with their bare pattern only when
    its code is below root level: a root-level code such as 010 or 040 says too little for a verb
    alone."""
    merged = {lemma: list(patterns) for lemma, patterns in own.items()}
    for lemma, patterns in petrarch.items():
        if lemma in merged:
            if add_objects:
                merged[lemma].extend(p for p in patterns if p.objects)
            continue
        kept = [p for p in patterns if not _bare(p) or not p.code.endswith("0")]
        if kept:
            merged[lemma] = kept
    return merged


def _bare(pattern: Pattern) -> bool:
    return not (pattern.objects or pattern.preps or pattern.particle or pattern.about or pattern.modifiers)


@lru_cache(maxsize=1)
def load_patterns() -> PatternSet:
    verbs, nouns = read_pattern_file(OWN)
    petrarch_verbs, petrarch_nouns = read_pattern_file(PETRARCH)
    # the verbs dyadic's rules read in their own way are dyadic's too: light verbs ("reached a
    # consensus": the noun is the event), verbs of saying and of intent
    classes = word_classes()
    handled = classes["light_verbs"] | classes["say"] | classes["intent_heads"]
    petrarch_verbs = {lemma: patterns for lemma, patterns in petrarch_verbs.items() if lemma not in handled}
    verbs, nouns = merge(verbs, petrarch_verbs), merge(nouns, petrarch_nouns)
    return PatternSet({k: _ordered(v) for k, v in verbs.items()}, {k: _ordered(v) for k, v in nouns.items()})


def _ordered(patterns: list[Pattern]) -> tuple[Pattern, ...]:
    """Most specific first, dyadic's own before PETRARCH's; the last one is marked generic, the
    fallback for that word (unless it asks for words or is `strict`)."""
    ordered = sorted(patterns, key=lambda p: (-p.specificity, p.source != OWN, p.line))
    last = ordered[-1]
    loose = not (last.objects or last.modifiers or last.about or "strict" in last.flags)
    return (*ordered[:-1], replace(last, generic=loose))


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
