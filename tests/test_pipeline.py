"""End to end on the bundled example articles: the events a careful reader sees."""

from __future__ import annotations

from datetime import date

import pytest

from dyadic.records import EVENT_FIELDS, Rejected

KILLING = "004_12ef5e47841d1c78.txt"
GANTZ = "000_9348a739f2ab2af4.txt"
ALLIANCE = "002_4bd36c2675c24bea.txt"


def _find(events, source, target, code):
    return [e for e in events if e.source == source and e.target == target and e.code.startswith(code)]


def test_ambassador_killed_by_turkish_policeman_monday_night_in_ankara(sample_events) -> None:
    events = _find(sample_events[KILLING], "TURCOP", "RUSGOV", "18")  # the report and the photo caption
    assert len(events) == 2 and all(e.code == "186" for e in events)  # a named envoy: an assassination
    for event in events:
        assert event.date == "2016-12-19" and event.date_precision == "day"
        assert event.location is not None and event.location.name == "Ankara" and event.location.country == "TUR"
    assert "killing Monday night of Ambassador Andrei Karlov by a Turkish policeman" in events[0].evidence.sentence
    assert events[1].source_text == "Mevlut Mert Altintas"  # "a man identified as ..."


def test_russia_turkey_iran_meet_in_moscow_on_tuesday(sample_events) -> None:
    events = sample_events[KILLING]
    pairs = {(e.source[:3], e.target[:3]) for e in events if e.root == "04" and e.date == "2016-12-20"}
    assert {("RUS", "TUR"), ("TUR", "RUS"), ("RUS", "IRN"), ("IRN", "TUR")} <= pairs
    meeting = next(e for e in events if e.root == "04" and e.date == "2016-12-20")
    assert meeting.location.name == "Moscow"


def test_jet_shot_down_last_year_is_background(sample_events) -> None:
    [event] = _find(sample_events[KILLING], "TUR", "RUSMIL", "19")
    assert (event.date, event.date_precision, event.modality) == ("2015-01-01", "year", "past-background")


def test_israeli_defence_minister_visits_ankara_three_weeks_before(sample_events) -> None:
    [visit] = _find(sample_events[GANTZ], "ISRGOV", "TURGOV", "042")
    assert visit.code == "042" and visit.published == "2022-11-17"
    assert abs((date.fromisoformat(visit.date) - date(2022, 10, 27)).days) <= 3
    assert visit.location.name == "Ankara"
    assert visit.source_text.endswith("defense minister Benny Gantz")


def test_refusal_and_threat_in_the_gantz_article(sample_events) -> None:
    events = sample_events[GANTZ]
    assert _find(events, "TUR", "ISRGOV", "12")  # "Jerusalem's requests": the capital for the government
    assert _find(events, "IRN", "AZE", "13")


def test_no_javascript_in_any_evidence(sample_events) -> None:
    events = [e for group in sample_events.values() for e in group]
    for event in events:
        for marker in ("console.", "catID", "document.", "{", "}", "==", "script"):
            assert marker not in event.evidence.sentence
    assert _find(sample_events[ALLIANCE], "RUS", "TUR", "06")


def test_records_are_complete_and_offsets_point_into_clean_text(sample_events) -> None:
    from dyadic.articles import prepare
    from dyadic.ingest import read_inputs

    from .conftest import EXAMPLES

    articles = list(read_inputs([str(EXAMPLES)]))
    texts = {a.input: prepare(a).text for a in articles}
    raws = {a.input: a.text for a in articles}
    for events in sample_events.values():
        for event in events:
            record = event.to_dict()
            assert tuple(record) == EVENT_FIELDS
            assert len(event.code) >= 3 and event.root == event.code[:2]
            assert 1 <= event.quad_class <= 4 and 0 <= event.confidence <= 1
            text = texts[event.input]
            assert text[event.evidence.start : event.evidence.end] == event.evidence.sentence
            raw = raws[event.input][event.evidence.raw_start : event.evidence.raw_end]
            assert raw.split() == event.evidence.sentence.split()


def test_code_by_article_gives_every_article_its_events_and_can_skip() -> None:
    from dyadic.ingest import read_inputs
    from dyadic.pipeline import code_articles, code_by_article
    from dyadic.records import CleanArticle

    from .conftest import EXAMPLES

    paths = [str(EXAMPLES)]
    pairs = [p for p in code_by_article(read_inputs(paths)) if not isinstance(p, Rejected)]
    assert len(pairs) == 3 and all(isinstance(a, CleanArticle) for a, _ in pairs)
    assert all(e.article_id == a.article_id for a, events in pairs for e in events)
    flat = [e for _, events in pairs for e in events]
    assert flat == list(code_articles(read_inputs(paths)))
    skipped = [a for a, _ in pairs[:1]]
    rest = [p for p in code_by_article(read_inputs(paths), skip=lambda a: a.article_id == skipped[0].article_id)]
    assert [a.article_id for a, _ in rest] == [a.article_id for a, _ in pairs[1:]]


def test_roles_on_both_sides_take_the_country_of_the_place() -> None:
    assert ("TURCOP", "TUROPP", "173") in _coded("Police arrested dozens of protesters in Istanbul on Sunday.")
    assert _coded("Police arrested dozens of protesters on Sunday.") == []


def test_an_arrest_with_no_agent_is_by_the_state_where_it_happens() -> None:
    assert _coded("Two Turkish journalists were detained in Moscow on Monday.") == [("RUSGOV", "TURMED", "173")]
    assert _coded("Two Turkish journalists were detained on Monday.") == []


def _coded(text: str) -> list[tuple[str, str | None, str]]:
    """(source, target, code) of the events of one short article."""
    from dyadic.pipeline import code_articles
    from dyadic.records import Article, Event

    article = Article(input="t", text=text, is_html=False, title=None, url=None, published="2024-03-04")
    return [(e.source, e.target, e.code) for e in code_articles([article]) if isinstance(e, Event)]


def test_bystanders_and_visitors_keep_their_own_country() -> None:
    found = _coded("Iranian agents planned attacks on Israeli tourists visiting Istanbul.")
    assert all(code != "042" for _, _, code in found)  # tourists visiting are who they are, not news
    assert _coded("A delegation of officials visited Ankara on Monday.") == [("---GOV", "TURGOV", "042")]


def test_no_tourist_visits_in_the_samples(sample_events) -> None:
    events = [e for name, evs in sample_events.items() for e in evs]
    assert not [e for e in events if e.code == "042" and e.source_text in ("tourists", "businesspeople")]


@pytest.mark.parametrize(
    ("sentence", "word", "present"),
    [
        ("Some museums have shut.", "shut", True),
        ("Federal courts are relying on fees.", "relying", True),
        ("The minister says the talks failed.", "says", True),
        ("The minister said the talks failed.", "said", False),
        ("The delegations had met in Athens.", "met", False),
        ("Peru will sign the accord.", "sign", False),
        ("The talks in Lima ended.", "talks", False),
    ],
)
def test_present_tense_of_an_event(parse, sentence: str, word: str, present: bool) -> None:
    from dyadic.pipeline import _present_tense

    doc = parse(sentence)
    assert _present_tense(next(t for t in doc if t.text == word)) is present


def test_speculation_is_left_out_unless_asked_for() -> None:
    from dyadic.pipeline import Options, code_articles
    from dyadic.records import Article, Event

    article = Article(
        input="w.txt", text="Peru would like to see Chile agree to the fisheries deal.", published="2021-03-12"
    )
    plain = [e for e in code_articles([article]) if isinstance(e, Event)]
    wished = [e for e in code_articles([article], Options(speculation=True)) if isinstance(e, Event)]
    assert plain == []
    assert wished and {e.modality for e in wished} == {"possible"}
