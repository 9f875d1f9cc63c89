"""The PETRARCH-2 verb patterns: the converter (tools/build_petrarch_patterns.py), the generated
file, how it is loaded beside dyadic's own patterns, and sentences only its verbs code."""

from __future__ import annotations

import importlib.util
from importlib import resources
from pathlib import Path

import pytest

from dyadic.actors.dictionary import load_dictionaries
from dyadic.actors.match import find_names
from dyadic.actors.resolve import ArticleMemory, Resolver
from dyadic.events.extract import extract
from dyadic.events.patterns import OWN, PETRARCH, load_patterns, merge, parse_pattern, read_pattern_file

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path("/work/shared/ontology/petrarch2_dictionaries/CAMEO.2.0.txt")


def _tool():
    spec = importlib.util.spec_from_file_location(
        "build_petrarch_patterns", ROOT / "tools" / "build_petrarch_patterns.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SYNSETS = """\
####### SYNONYM SETS #######

&CEASEFIRE
+TRUCE
+CEASEFIRE
+CEASE_FIRE

&MILITARY
+ARMY
+TROOP

####### VERB PATTERNS #######
"""


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        # a family's default code goes to every verb of the family; irregular forms are not lemmas
        ("---  SCOLD   [111]  ---\nSCOLD\nCHIDE {CHID CHIDDEN }\n", ["111  scold", "111  chide"]),
        # a verb's own code beats the family's; a null family code gives the bare verb nothing
        ("---  ASK   [---]  ---\nASK  [020]\nWONDER\n", ["020  ask"]),
        # a synonym set is expanded (its multi-word members left out), plurals also as singulars
        (
            "---  BROKER   [---]  ---\nBROKER\n- * &CEASEFIRE   [0356]   # BROKER\n",
            ["0356  broker  obj=truce,ceasefire"],
        ),
        # a noun phrase: its head is the object, its modifiers the words of the phrase
        (
            "---  RUSH   [---]  ---\nRUSH\n- * {RELIEF SUPPLIES}   [073]   # RUSH\n",
            ["073  rush  obj=supplies,supply  about=relief"],
        ),
        # a preposition alone names the target, and must be there; a particle; a set in a phrase
        (
            "---  SEND   [---]  ---\nSEND\nDISPATCH\n- * (TO)  [042]  # SEND\n- * BACK &MILITARY [0256]\n",
            [
                "042  send  prep=to  strict",
                "0256  send  prt=back  obj=army,troop",
                "0256  dispatch  prt=back  obj=army,troop",
            ],
        ),
        # TABARI style "WORD PREP +"; a multi-word verb is VERB with its particle
        (
            "---  MOVE   [---]  ---\nMOVE\n+PULL_OUT [0256]\n- * TROOPS TO +  [064]  # MOVE\n",
            ["0256  pull  prt=out", "064  move  obj=troops,troop  prep=to"],
        ),
        # skipped: a subject constraint, a null code, a reverse-only paired code, an unknown code
        (
            "---  STAGE   [---]  ---\nSTAGE\n- &MILITARY * RAID [190]\n- * FORWARD [---]\n"
            "- * (BEFORE COURT) [:173]\n- * HACK [176]\n- * {MOCK RAID} [150:150]\n",
            ["150  stage  obj=raid  about=mock"],
        ),
    ],
)
def test_conversion_table(block: str, expected: list[str]) -> None:
    tool = _tool()
    conv = tool.Converter(tool.codebook_codes())
    conv.read(SYNSETS + block)
    assert [text for text, _ in conv.lines] == expected


def test_conversion_counts_what_it_skips() -> None:
    tool = _tool()
    conv = tool.Converter(tool.codebook_codes())
    conv.read(SYNSETS + "---  STAGE   [---]  ---\nSTAGE\n- &MILITARY * RAID [190]\n- * FORWARD [---]\n- * HACK [176]\n")
    assert conv.skipped == {
        "pattern: words before the verb (subject constraint)": 1,
        "pattern: null code [---]": 1,
        "pattern: not a CAMEO code of the codebook (176)": 1,
    }


def test_a_pattern_goes_to_the_verb_its_comment_names() -> None:
    tool = _tool()
    block = "---  LEAD   [---]  ---\nLEAD\nHEAD\nMONITOR\n- * (FOR)  [042]  # HEAD\n- * MISSION [036]\n"
    narrow, wide = tool.Converter(tool.codebook_codes()), tool.Converter(tool.codebook_codes(), family_wide=True)
    narrow.read(SYNSETS + block)
    wide.read(SYNSETS + block)
    assert [t for t, _ in narrow.lines] == [
        "042  head  prep=for  strict",
        "036  lead  obj=mission",
        "036  head  obj=mission",
        "036  monitor  obj=mission",
    ]
    assert "042  monitor  prep=for  strict" in [t for t, _ in wide.lines]


def test_the_generated_file_loads_with_its_origin() -> None:
    verbs, nouns = read_pattern_file(PETRARCH)
    assert len(verbs) > 1000 and not nouns
    text = (resources.files("dyadic") / "data" / "events" / "petrarch_patterns.txt").read_text(encoding="utf-8")
    assert "GENERATED" in text.splitlines()[0] and "MIT" in text[:1000]
    banish = verbs["banish"][0]
    assert banish.origin == f"petrarch:{banish.line}" and banish.code == "174"
    assert "banish" in text.splitlines()[banish.line - 1]
    patterns = load_patterns()
    assert patterns.verbs["banish"][-1].origin.startswith("petrarch:")
    assert all(p.origin.startswith("dyadic:") for p in patterns.verbs["expel"])  # dyadic's own lemma wins


def test_dyadic_patterns_win_and_generic_petrarch_defaults_stay_out() -> None:
    own = {"expel": [parse_pattern("174 expel", 3)]}
    petrarch = {
        "expel": [parse_pattern("175 expel obj=troop", 9, origin=PETRARCH)],
        "banish": [parse_pattern("174 banish", 10, origin=PETRARCH)],
        "chat": [
            parse_pattern("040 chat", 11, origin=PETRARCH),
            parse_pattern("046 chat prep=with", 12, origin=PETRARCH),
        ],
        "muse": [parse_pattern("010 muse", 13, origin=PETRARCH)],
    }
    merged = merge(own, petrarch)
    assert [p.origin for p in merged["expel"]] == ["dyadic:3"]
    assert [p.code for p in merged["banish"]] == ["174"]
    assert [p.code for p in merged["chat"]] == ["046"]
    assert "muse" not in merged
    assert [p.origin for p in merge(own, petrarch, add_objects=True)["expel"]] == ["dyadic:3", "petrarch:9"]


def test_pattern_line_comments_and_strict() -> None:
    pattern = parse_pattern("042  rush  prep=to  strict  # CAMEO.2.0.txt:718", 7, origin=PETRARCH)
    assert pattern.flags == {"strict"} and pattern.preps == ("to",) and pattern.origin == "petrarch:7"
    assert parse_pattern("010 say", 2).origin == f"{OWN}:2"


def test_trigger_words_know_petrarch_verbs() -> None:
    from dyadic.events.triggers import irregular_forms, trigger_words

    assert {"banished", "reprimands", "evicting"} <= trigger_words()
    assert "sped" in irregular_forms().get("speed", ())


@pytest.fixture(scope="module")
def code_sentence(parse):
    dicts = load_dictionaries()
    patterns = load_patterns()

    def _code(sentence: str) -> list[tuple[str, str | None, str]]:
        doc = parse(sentence)
        resolver = Resolver(dicts, None, find_names(doc, dicts), ArticleMemory())
        return [(t.source.code, t.target.code if t.target else None, t.code) for t in extract(doc, resolver, patterns)]

    return _code


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kenya banished the Ugandan ambassador.", ("KEN", "UGAGOV", "174")),
        ("The Brazilian president reprimanded Argentina.", ("BRAGOV", "ARG", "111")),
        ("Chile evicted the Bolivian diplomats.", ("CHL", "BOLGOV", "174")),
    ],
)
def test_sentences_coded_by_petrarch_verbs(code_sentence, sentence: str, expected: tuple) -> None:
    assert expected in code_sentence(sentence)


@pytest.mark.skipif(not SOURCE.exists(), reason="PETRARCH-2's CAMEO.2.0.txt is not on this machine")
def test_the_generated_files_are_reproducible(tmp_path: Path) -> None:
    tool = _tool()
    assert tool.main([str(SOURCE), "--out", str(tmp_path)]) == 0
    data = ROOT / "src" / "dyadic" / "data" / "events"
    for name in ("petrarch_patterns.txt", "petrarch_irregular.txt"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (data / name).read_text(encoding="utf-8"), name
