"""The CAMEO codebook: name, Goldstein value, QuadClass (GDELT convention) and PLOVER category."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from dyadic.errors import DataFileError


@dataclass(frozen=True, slots=True)
class CodeInfo:
    code: str
    root: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None


def _rows(name: str) -> list[dict[str, str]]:
    return _rows_of("codebook", name)


def _rows_of(folder: str, name: str) -> list[dict[str, str]]:
    text = (resources.files("dyadic") / "data" / folder / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@lru_cache(maxsize=1)
def codebook() -> dict[str, CodeInfo]:
    plover = {r["code"]: r["plover_event"] or None for r in _rows("cameo_plover.tsv")}
    return {
        r["code"]: CodeInfo(
            code=r["code"],
            root=r["root"],
            name=r["name"],
            goldstein=float(r["goldstein"]),
            quad_class=int(r["quad_class"]),
            plover=plover.get(r["code"]),
        )
        for r in _rows("cameo_event_codes.tsv")
    }


@lru_cache(maxsize=1)
def abroad_codes() -> frozenset[str]:
    """Codes that need a party abroad as target, from data/events/abroad_codes.tsv."""
    codes = frozenset(r["code"] for r in _rows_of("events", "abroad_codes.tsv"))
    unknown = codes - codebook().keys()
    if unknown:
        raise DataFileError(f"abroad_codes.tsv: codes not in the codebook: {', '.join(sorted(unknown))}")
    return codes


MODES_BY_ROOT = {"02": "appeal", "03": "intent", "10": "demand", "12": "refuse", "13": "threat", "16": "cease"}


@lru_cache(maxsize=1)
def modal_table() -> dict[tuple[str, str], str]:
    """(mode, code prefix) -> code, from data/events/modal_codes.tsv."""
    return {(r["mode"], r["from"]): r["to"] for r in _rows_of("events", "modal_codes.tsv")}


def recode(mode: str, code: str) -> str:
    """The code CAMEO gives an action that is intended, threatened, refused, appealed for or demanded.

    `intent` applies to cooperative roots (04-09) and `threat` to conflictual ones (14-20): an
    announced attack is a threat (13x), an announced visit an intent to meet (036).
    """
    if mode == "intended":
        root = int(code[:2])
        mode = "intent" if 4 <= root <= 9 else "threat" if root >= 14 else ""
    table = modal_table()
    for size in range(len(code), 1, -1):
        found = table.get((mode, code[:size]))
        if found:
            return found
    return code


PURPOSE_BASES = frozenset({"024", "034", "083", "104", "123", "141", "142", "143", "144", "145"})
# A root's general code becomes its political-reform code when the clause names such an aim
# ("urged the minister to resign": 020 -> 0241, "demanded that he abandon the policy": 100 -> 1042).
REFORM_OF_GENERAL = {"020": "024", "030": "034", "080": "083", "100": "104", "120": "123", "140": "141"}
AIM_BASES = {**{base: base for base in PURPOSE_BASES}, **REFORM_OF_GENERAL}
# ... its aid code when what is asked, offered or refused is aid ("rejected calls for economic aid": 1221),
AID_OF_REQUEST = {"020": "023", "030": "033", "100": "103", "120": "122"}
# ... its material-cooperation code when the clause says what kind ("called for free trade": 0211; an
# agreement of a kind is cooperation, not the settlement of a dispute: "rejected a free trade
# agreement" 1211, not 127),
KIND_OF_GENERAL = {"020": "021", "030": "031", "100": "101", "120": "121", "127": "121", "027": "021", "107": "101"}
# ... an aid code the kind of aid ("gave $5 million of aid": 071; "asked for food aid": 0233; "halted
# economic aid": 1621),
AID_OF_GENERAL = {"070": "07", "023": "023", "033": "033", "103": "103", "122": "122", "162": "162"}
# ... and an administrative sanction what it restricts ("banned opposition candidates": 1722; "lifted
# the curfew": 0813; "threatened to ban rallies": 1321).
SANCTION_OF_GENERAL = {"172": "172", "132": "132", "081": "081"}
# ... and a received or expelled international presence what it is ("forced the UN refugee agency out": 1663).
INVOLVEMENT_OF_GENERAL = {"086": "086", "166": "166"}
GENERAL = "-"  # a word that names a family but not a kind: "reform", "aid"
WEAK = "?"  # a kind a word suggests only when no other word says one: "euros" (of "euros in military aid")


@cache
def _word_table(name: str, column: str) -> dict[str, str]:
    """A packaged word -> digit table (data/events/NAME): purposes, kinds of cooperation, of aid, of sanction."""
    return {r["word"]: r[column] for r in _rows_of("events", name)}


def purpose_words() -> dict[str, str]:
    return _word_table("purpose_words.tsv", "aim")


def cooperation_kinds() -> dict[str, str]:
    return _word_table("cooperation_kinds.tsv", "kind")


def aid_kinds() -> dict[str, str]:
    return _word_table("aid_kinds.tsv", "kind")


def sanction_kinds() -> dict[str, str]:
    return _word_table("sanction_kinds.tsv", "kind")


def involvement_kinds() -> dict[str, str]:
    return _word_table("involvement_kinds.tsv", "kind")


@cache
def _families() -> tuple[tuple[dict[str, str], dict[str, str]], ...]:
    aid_nouns = {word: GENERAL for word, kind in aid_kinds().items() if kind == GENERAL}
    return (
        (purpose_words(), AIM_BASES),
        (aid_nouns, AID_OF_REQUEST),
        (cooperation_kinds(), KIND_OF_GENERAL),
        (aid_kinds(), AID_OF_GENERAL),
        (sanction_kinds(), SANCTION_OF_GENERAL),
        (involvement_kinds(), INVOLVEMENT_OF_GENERAL),
    )


def with_purpose(code: str, lemmas: Sequence[str]) -> str:
    """The subcode the clause's words pick: the aim of a protest, demand or appeal ("1411" demonstrate
    for leadership change), else the kind of cooperation ("0211" appeal for economic cooperation)
    or of aid ("071" provide economic aid) asked, offered, given or refused, or what an
    administrative sanction restricts.

    `lemmas` come in order of precedence (see `syntax.clause_lemmas`): the first word of a family
    that the table knows decides. A word whose digit is "-" ("reform") names the family's general
    code: "demanded reforms" is CAMEO's "demand political reform" (104), and it gives way to a
    word that says which reform ("democratic reforms": 1044). A digit marked "?" is a weak hint, taken
    only when no other word of the family says a kind. The families apply in turn, each to
    the code the one before left: "rejected calls for economic aid" is a refusal (120) of aid
    (122) that is economic (1221).
    """
    book = codebook()
    for words, bases in _families():
        if code not in bases:
            continue
        found = [words[w] for w in lemmas if w in words]
        strong = (d for d in found if d != GENERAL and not d.endswith(WEAK))
        weak = (d.removesuffix(WEAK) for d in found if d.endswith(WEAK))
        digit = next(strong, None) or next(weak, None) or ("" if found else None)
        refined = bases[code] + (digit or "")
        if digit is not None and len(refined) >= 3 and refined in book:
            code = refined  # the codebook lacks some (1214): then the code stands
    return code
