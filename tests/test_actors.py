from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from dyadic.actors.dictionary import load_dictionaries, parse_codes, read_actor_file
from dyadic.actors.match import find_names
from dyadic.actors.petrarch import read_petrarch_actors
from dyadic.actors.resolve import ArticleMemory, Resolver
from dyadic.errors import DataFileError

from .conftest import FIXTURES


@pytest.fixture(scope="module")
def dicts():
    return load_dictionaries()


@pytest.mark.parametrize(
    ("name", "day", "code"),
    [
        ("turkey", None, "TUR"), ("turkish", None, "TUR"), ("azeri", None, "AZE"), ("israeli", None, "ISR"),
        ("ankara", None, "TURGOV"), ("jerusalem", None, "ISRGOV"), ("kremlin", None, "RUSGOV"),
        ("white house", None, "USAGOV"), ("nato", None, "IGOWSTNAT"), ("hamas", None, "PSEREBHMS"),
        ("hezbollah", None, "LBNREB"), ("islamic state", None, "IMGMUSISI"), ("houthis", None, "YEMREB"),
        ("erdogan", date(2016, 12, 19), "TURGOV"), ("putin", date(2016, 12, 19), "RUSGOV"),
        ("benny gantz", date(2022, 11, 17), "ISRGOV"), ("benny gantz", date(2019, 6, 1), "ISRLEG"),
        ("trump", date(2010, 6, 1), "USABUS"), ("trump", date(2018, 6, 1), "USAGOV"), ("trump", date(2023, 6, 1), "USAELI"),
        ("obama", date(2010, 6, 1), "USAGOV"), ("biden", date(2023, 6, 1), "USAGOV"), ("biden", date(2010, 6, 1), "USAGOV"),
        ("andrei karlov", date(2016, 12, 20), "RUSGOV"), ("bashar assad", date(2016, 12, 20), "SYRGOV"),
    ],
)  # fmt: skip
def test_dictionary_codes_by_date(dicts, name: str, day: date | None, code: str) -> None:
    assert dicts.names[name].code_on(day) == code


def test_country_of_code(dicts) -> None:
    assert dicts.country_of("TURCOP") == "TUR"
    assert dicts.country_of("IGOWSTNAT") is None
    assert dicts.country_of("---REB") is None


def test_agent_words(dicts) -> None:
    assert dicts.agents["policeman"] == "COP"
    assert dicts.agents["defense minister"] == "GOV"
    assert dicts.agents["rebel"] == "REB"


def test_bad_codes_are_reported() -> None:
    with pytest.raises(DataFileError, match="bad date range"):
        parse_codes("TURGOV@2020-13-01..", "f:1")
    with pytest.raises(DataFileError, match="lacks"):
        parse_codes("TURGOV@2020-01-01", "f:1")


def test_user_tsv_file_overrides(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text("id\tkind\tnames\tcodes\nme1\tperson\tJohn Doe|Doe\tGBRGOV@2020-01-01..;GBRBUS\n")
    pairs = dict(read_actor_file(path))
    assert pairs["doe"].code_on(date(2021, 1, 1)) == "GBRGOV"
    assert pairs["john doe"].code_on(date(2019, 1, 1)) == "GBRBUS"
    merged = load_dictionaries((str(path),))
    assert merged.names["doe"].id == "me1"


def test_actor_file_format_version(tmp_path: Path) -> None:
    newer = tmp_path / "future.tsv"
    newer.write_text("# dyadic-actors format 9\nid\tkind\tnames\tcodes\nx\tperson\tjo\tGBRGOV\n")
    with pytest.raises(DataFileError, match="format 9 is newer"):
        read_actor_file(newer)
    current = tmp_path / "now.tsv"
    current.write_text("# dyadic-actors format 1\nid\tkind\tnames\tcodes\nx\tperson\tjo\tGBRGOV\n")
    assert dict(read_actor_file(current))["jo"].code_on(None) == "GBRGOV"


def test_petrarch_format(tmp_path: Path) -> None:
    path = tmp_path / "actors.txt"
    path.write_text(
        "<!-- header -->\nGONDOR_  [GON]\n+GONDORIAN_\nARAGORN_  # king\n+STRIDER_\n"
        "\t[GONREB 300101-300301]\n\t[GONGOV >300302]\n\t[GONELI]\nBAD_ [XXX 9999999]\n"
    )
    pairs = dict(read_petrarch_actors(path))
    assert pairs["gondorian"].code_on(None) == "GON"
    assert pairs["strider"].code_on(date(2030, 2, 1)) == "GONREB"
    assert pairs["aragorn"].code_on(date(2031, 1, 1)) == "GONGOV"
    assert "bad" not in pairs  # a malformed date drops the code, and an entry with no code


def _resolve(parse, dicts, sentence: str, word: str, day: date | None = date(2016, 12, 20)) -> list[str]:
    doc = parse(sentence)
    resolver = Resolver(dicts, day, find_names(doc, dicts), ArticleMemory())
    at = next(m.start() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", sentence))
    head = doc.char_span(at, at + len(word), alignment_mode="expand")[-1]
    return [a.code for a in resolver.actors(head)]


@pytest.mark.parametrize(
    ("sentence", "word", "codes"),
    [
        ("A Turkish policeman shot the envoy.", "policeman", ["TURCOP"]),
        ("Russia's ambassador to Turkey was killed.", "ambassador", ["RUSGOV"]),
        ("The Israeli defense minister Benny Gantz visited Ankara.", "Gantz", ["ISRELI"]),  # not yet minister in 2016
        ("Turkish President Recep Tayyip Erdogan spoke.", "Erdogan", ["TURGOV"]),
        ("Russia and Turkey are discussing production.", "Russia", ["RUS", "TUR"]),
        ("Officials from Russia and Turkey met.", "Officials", ["RUSGOV", "TURGOV"]),
        ("Russian troops entered the town.", "troops", ["RUSMIL"]),
        ("The Kremlin said nothing.", "Kremlin", ["RUSGOV"]),
        ("Syrian rebels fought on.", "rebels", ["SYRREB"]),
        ("Police arrested the man.", "Police", ["---COP"]),
    ],
)
def test_noun_phrase_resolution(parse, dicts, sentence: str, word: str, codes: list[str]) -> None:
    assert _resolve(parse, dicts, sentence, word) == codes


MENTIONS = [
    json.loads(line)
    for line in (FIXTURES / "actor_mentions.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]


@pytest.mark.parametrize("case", MENTIONS, ids=[f"{c['head']}-{c['date']}" for c in MENTIONS])
def test_mention_table(parse, dicts, case: dict) -> None:
    """Hand-written mentions -> codes (tests/fixtures/actor_mentions.jsonl), time-aware where dated."""
    day = date.fromisoformat(case["date"]) if case["date"] else None
    assert case["code"] in _resolve(parse, dicts, case["sentence"], case["head"], day), case["note"]


def test_possessive_pronouns_take_the_owner(parse, dicts) -> None:
    from dyadic.actors.memory import build_memory

    doc = parse("Iran said its forces had completed the withdrawal from the border.")
    resolver = Resolver(dicts, date(1994, 4, 26), find_names(doc, dicts), ArticleMemory())
    resolver.memory = build_memory([resolver], [doc])
    forces = next(t for t in doc if t.text == "forces")
    assert [a.code for a in resolver.actors(forces)] == ["IRNMIL"]


def test_a_title_before_a_surname_one_person_has_names_that_person(dicts, parse) -> None:
    from dyadic.actors.match import find_names

    def names(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.entry.name) for m in find_names(parse(text), dicts)]

    assert ("Mugabe", "robert mugabe") in names("President Mugabe spoke on Monday.")
    assert ("Petraeus", "david petraeus") in names("He met General Petraeus in Baghdad.")
    assert not any(t == "Mugabe" for t, _ in names("Mugabe spoke on Monday."))  # no title: not enough
    assert not any(t == "Mugabe" for t, _ in names("President John Mugabe spoke."))  # a longer, other name
    assert all(len(dicts.surnames[w].codes) for w in ("mugabe", "petraeus"))


def test_a_one_word_name_inside_a_longer_unknown_name_is_someone_else(dicts, parse) -> None:
    from dyadic.actors.match import find_names

    def names(text: str) -> list[str]:
        return [m.entry.name for m in find_names(parse(text), dicts)]

    assert "hassan" not in names("President Omar Hassan al-Bashir spoke.")
    assert "hassan" in names("King Hassan spoke on Monday.")
