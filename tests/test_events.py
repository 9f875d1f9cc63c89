from __future__ import annotations

import pytest

from dyadic.actors.dictionary import load_dictionaries
from dyadic.actors.match import find_names
from dyadic.actors.resolve import ArticleMemory, Resolver
from dyadic.errors import DataFileError
from dyadic.events.codebook import codebook
from dyadic.events.extract import extract
from dyadic.events.patterns import load_patterns, parse_pattern


def test_every_pattern_code_is_in_the_codebook_and_all_roots_covered() -> None:
    patterns = load_patterns()
    codes = {p.code for group in (*patterns.verbs.values(), *patterns.nouns.values()) for p in group}
    assert codes <= set(codebook())
    assert {c[:2] for c in codes} == {f"{i:02d}" for i in range(1, 21)}


def test_codebook_values() -> None:
    book = codebook()
    assert len(book) == 312
    assert (book["1823"].goldstein, book["1823"].quad_class, book["1823"].plover) == (-10.0, 4, "ASSAULT")
    assert book["042"].quad_class == 1 and book["190"].quad_class == 4 and book["0874"].root == "08"


def test_pattern_parsing_errors() -> None:
    assert parse_pattern("163 impose obj=sanction,embargo prep=on", 1).objects == frozenset({"sanction", "embargo"})
    with pytest.raises(DataFileError, match="unknown key"):
        parse_pattern("163 impose colour=red", 3)
    with pytest.raises(DataFileError, match="expected CODE"):
        parse_pattern("impose", 4)


@pytest.fixture(scope="module")
def code_sentence(parse):
    dicts = load_dictionaries()
    patterns = load_patterns()

    def _code(sentence: str) -> list[tuple[str, str | None, str, bool, str]]:
        doc = parse(sentence)
        resolver = Resolver(dicts, None, find_names(doc, dicts), ArticleMemory())
        return [
            (t.source.code, t.target.code if t.target else None, t.code, t.negated, t.modality)
            for t in extract(doc, resolver, patterns)
        ]

    return _code


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Turkey shot down a Russian military jet.", ("TUR", "RUSMIL", "190")),
        ("The envoy was killed by a Turkish policeman.", ("TURCOP", "---GOV", "186")),  # an official: assassinated
        ("Iranian threats against Azerbaijan grew.", ("IRN", "AZE", "130")),
        # stopping an act is coded as the stopping, by what is stopped: never as the act itself
        ("Chile stopped supporting the Bolivian opposition.", ("CHL", "BOLOPP", "160")),
        ("Japan ceased funding the Cambodian army.", ("JPN", "KHMMIL", "1621")),
        ("Canada held back loan guarantees to Ecuador.", ("CAN", "ECU", "1621")),
        ("Algeria halted its air strikes on Mali.", ("DZA", "MLI", "087")),
        ("The United States imposed sanctions on Iran.", ("USA", "IRN", "163")),
        ("Russia condemned the Turkish government.", ("RUS", "TURGOV", "111")),
        ("Israel accused Iran of arming Hezbollah.", ("ISR", "IRN", "112")),
        ("Turkey expelled the Dutch ambassador.", ("TUR", "NLDGOV", "166")),
        ("Egypt called on Israel to halt the strikes.", ("EGY", "ISR", "0256")),  # appeal to de-escalate
        ("Syrian troops arrested Kurdish protesters.", ("SYRMIL", "---OPP", "173")),  # an ethnic group is no country
    ],
)
def test_single_events(code_sentence, sentence: str, expected: tuple[str, str, str]) -> None:
    assert expected in [e[:3] for e in code_sentence(sentence)]


def test_reciprocal_meeting_goes_both_ways(code_sentence) -> None:
    events = {e[:3] for e in code_sentence("Russia and Turkey held talks in Moscow.")}
    assert {("RUS", "TUR", "046"), ("TUR", "RUS", "046")} <= events
    events = {e[:3] for e in code_sentence("The US, Russia, and Switzerland met yesterday.")}
    assert {("USA", "RUS", "044"), ("CHE", "USA", "044"), ("RUS", "CHE", "044")} <= events


def test_announced_refused_and_received_actions(code_sentence) -> None:
    assert ("USA", "ISR", "0332") in [e[:3] for e in code_sentence("The United States will supply arms to Israel.")]
    [refusal] = code_sentence("Obama said he would not provide support to Israel.")
    assert (refusal[0][:3], refusal[1], refusal[2][:2], refusal[3]) == ("USA", "ISR", "12", True)
    events = [e[:3] for e in code_sentence("Georgian demonstrators received weapons from the Georgian government.")]
    assert ("GEOGOV", "GEOOPP", "072") in events
    assert ("IRN", "IRQ", "1384") in [
        e[:3] for e in code_sentence("Iran threatened to launch an offensive against Iraq.")
    ]


def test_passive_participle_makes_its_noun_the_target(code_sentence) -> None:
    events = [e[:3] for e in code_sentence("Ten Russian soldiers killed by Ukrainian troops were buried.")]
    assert ("UKRMIL", "RUSMIL", "1823") in events


def test_negation_and_modality(code_sentence) -> None:
    [event] = [e for e in code_sentence("Russia did not attack Georgia.") if e[2].startswith("19")]
    assert event[3] is True
    [event] = [e for e in code_sentence("Iran may attack Israel.") if e[2].startswith("19")]
    assert event[4] == "possible"


def test_refusal_uses_reject_code_not_the_refused_action(code_sentence) -> None:
    events = code_sentence("Turkey refused to accede to Israel's requests.")
    assert ("TUR", "ISR", "124") in [e[:3] for e in events]  # CAMEO 124: refuse to yield
    assert not any(e[2].startswith("08") for e in events)


def test_no_event_without_actors(code_sentence) -> None:
    assert code_sentence("The weather was visited by rain.") == []


def test_word_classes_load() -> None:
    from dyadic.events.patterns import word_classes

    classes = word_classes()
    assert {"possible", "intended", "intent_heads", "object_control", "light_verbs", "say"} <= set(classes)
    assert "submit" in classes["light_verbs"] and "hold" in classes["light_verbs"]


def test_aims_and_topics_pick_subcodes(code_sentence) -> None:
    events = [
        e[:3]
        for e in code_sentence("Egyptian protesters demonstrated against President Mubarak, demanding his resignation.")
    ]
    assert any(code == "1411" for _, _, code in events)
    events = [e[:3] for e in code_sentence("Russia accused Georgia of war crimes and genocide in Ossetia.")]
    assert ("RUS", "GEO", "1124") in events
    events = [e[:3] for e in code_sentence("Turkey accused Greek spies of espionage.")]
    assert any(code == "1125" for _, _, code in events)


def test_failures_domestic_measures_and_carried_nouns(code_sentence) -> None:
    [failed] = [e for e in code_sentence("Russia and Ukraine failed to reach an agreement in Minsk.") if e[0] == "RUS"]
    assert failed[3] is True  # the agreement did not happen
    events = [e[:3] for e in code_sentence("The Iraqi government said it is prepared to impose martial law.")]
    assert ("IRQGOV", "IRQ", "1324") in events  # announced martial law: a threat, binding its own people
    events = [e[:3] for e in code_sentence("Serb forces were engaged in ethnic cleansing against Albanians.")]
    assert ("SRBMIL", "ALB", "203") in events


def test_reported_violence_is_an_accusation_of_its_author(code_sentence) -> None:
    events = [e[:3] for e in code_sentence("The United States claimed that Iran had attacked Iraq.")]
    assert ("USA", "IRN", "112") in events and ("IRN", "IRQ", "190") in events
    events = [e[:3] for e in code_sentence("Iran attacked Iraq, American officials said.")]
    assert not any(code == "112" for _, _, code in events)  # a source at the end reports, it does not accuse


def test_passive_control_and_attacks_named_by_their_weapon(code_sentence) -> None:
    assert ("USAELI", "CHE", "042", False, "asserted") in code_sentence(
        "Obama is scheduled to attend a summit in Switzerland."
    )
    found = code_sentence("Three Syrian civilians were killed in a Turkish drone attack.")
    assert [(s, t, c[:2] in ("18", "19")) for s, t, c, _, _ in found] == [("TUR", "SYRCVL", True)]
    assert ("TUR", "SYRCVL", "195", False, "asserted") in code_sentence(  # the kind of attack sets the code
        "Three Syrian civilians were killed in a Turkish airstrike."
    )
    assert code_sentence("Two Iraqi soldiers were killed in a clash.") == []  # a fight, not an unclaimed attack
    assert code_sentence("Three civilians were killed in a car accident.") == []


def test_a_protest_against_its_own_country_has_no_target(code_sentence) -> None:
    found = code_sentence("Thousands of Iraqi Kurds demonstrated in Kirkuk calling for independence from Iraq.")
    assert any(s == "IRQ" and t is None and c.startswith("141") for s, t, c, _, _ in found)


def test_an_unclaimed_attack_is_an_unidentified_armed_force(code_sentence) -> None:
    assert ("---UAF", "USAMIL", "1833", False, "asserted") in code_sentence(
        "A roadside bombing killed one U.S. soldier on Sunday."
    )
    assert [c for _, _, c, _, _ in code_sentence("Two Iraqi policemen were killed in a car bomb explosion.")] == [
        "1832"
    ]
    assert code_sentence("A car bomb exploded in Kenya.") == []


def test_a_protest_is_aimed_at_the_party_its_demand_names(code_sentence) -> None:
    found = code_sentence(
        "Turkish students staged demonstrations on Saturday to demand reforms by the Turkish government."
    )
    assert [(s, t, c[:2]) for s, t, c, _, _ in found] == [("TUREDU", "TURGOV", "14")]


def test_an_event_noun_modifying_another_noun_shares_its_phrase(code_sentence) -> None:
    found = code_sentence("The Arab League chief undertook a mediation mission between Syria and Turkey.")
    assert {(t, c) for _, t, c, _, _ in found} == {("SYR", "045"), ("TUR", "045")}
    assert code_sentence("Protest leaders in Cairo spoke to reporters.") == []


def test_a_partner_named_by_with_is_the_target_only(code_sentence) -> None:
    """As in GDELT and ICEWS: "X met with Y" is X's act towards Y; joint subjects act both ways."""
    events = {e[:3] for e in code_sentence("Iraq's foreign minister met with Syrian President Bashar Assad.")}
    assert ("IRQGOV", "SYRGOV", "040") in events and ("SYRGOV", "IRQGOV", "040") not in events


def test_suppositions_are_not_events(code_sentence) -> None:
    assert code_sentence("If Iran attacks Israel, oil prices could soar.") == []
    assert code_sentence("Analysts debated whether Russia would attack Ukraine.") == []
    assert [c for _, _, c, _, _ in code_sentence("Iran threatened to attack Israel if the US imposed sanctions.")] == [
        "1384"
    ]


def test_an_undirected_finer_code_refines_the_directed_event(code_sentence) -> None:
    found = code_sentence("Polish farmers blocked highways to protest against EU policy.")
    assert [(t, c) for _, t, c, _, _ in found] == [("IGOEUREEC", "1442")]


def test_joint_acts_pair_the_parties_not_the_place_or_the_thing(code_sentence) -> None:
    def pairs(sentence: str) -> set[tuple[str, str | None, str]]:
        return {e[:3] for e in code_sentence(sentence)}

    assert pairs("Russia and China held joint naval exercises.") == {("RUS", "CHN", "062"), ("CHN", "RUS", "062")}
    assert pairs("American and Chinese envoys met in Geneva.") == {
        ("USAGOV", "CHNGOV", "044"),
        ("CHNGOV", "USAGOV", "044"),
    }
    assert ("IRQ", "IRN", "064") in pairs("Iraq and Iran exchanged intelligence.")
    assert pairs("Greek workers staged a general strike.") == {("GRCLAB", None, "143")}
    assert pairs("Ethiopia declared a state of emergency.") == {("ETH", "ETH", "1724")}


def test_compound_objects_and_the_holder_of_a_resolve(code_sentence) -> None:
    found = {e[:3] for e in code_sentence("Both the Turkish army and the PKK violated the ceasefire agreement.")}
    assert {c for _, _, c in found} == {"196"} and len(found) == 2  # each side against the other
    assert code_sentence("Israel and Jordan reached a consensus to exchange intelligence.") == [
        ("ISR", "JOR", "0314", False, "intended"),
        ("JOR", "ISR", "0314", False, "intended"),
    ]


def test_measured_events_and_event_compounds(code_sentence) -> None:
    assert {e[:3] for e in code_sentence("Greek and Turkish warships launched ten days of war games.")} == {
        ("GRCMIL", "TURMIL", "062"),
        ("TURMIL", "GRCMIL", "062"),
    }
    assert [e[:3] for e in code_sentence("Israel launched a wave of airstrikes on Gaza.")] == [("ISR", "PSEGZA", "195")]


def test_allowing_is_yielding_and_intentions_need_a_party(code_sentence) -> None:
    assert [e[:3] for e in code_sentence("Egypt allowed Palestinian wounded to cross the border.")] == [
        ("EGY", "PSE", "080")
    ]
    assert code_sentence("Thousands of Syrian refugees will return home.") == []  # no visit to anyone


def test_the_weapon_says_the_kind_of_force(code_sentence) -> None:
    assert [e[:3] for e in code_sentence("Russian warplanes bombed Syrian rebels.")] == [("RUSMIL", "SYRREB", "195")]
    assert [e[:3] for e in code_sentence("Soviet aircraft killed 46 Afghan civilians.")] == [("SUN", "AFGCVL", "195")]
    assert [e[2] for e in code_sentence("Jakarta forced the UN refugee agency out of the country.")] == ["1663"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Hungary will not accept any more refugees, the government said.", ("HUN", "12")),
        ("The German chancellor reiterated that Iran must release the detainees.", ("DEUGOV", "10")),
        ("Armenia received a mission of observers from the OSCE.", ("ARM", "08")),
        ("The Turkish government reneged on its promise to the Kurdish parties.", ("TURGOV", "12")),
        ("The European Community imposed sanctions on Serbia.", ("IGOEUREEC", "16")),
    ],
)
def test_statements_refusals_and_yielding_in_other_words(code_sentence, sentence: str, expected) -> None:
    assert expected in {(s, c[:2]) for s, _, c, _, _ in code_sentence(sentence)}


def test_happenings_are_no_actors_and_unclaimed_fire_is_no_event(code_sentence) -> None:
    assert code_sentence("Forty passengers were killed by the Turkish Airlines crash in Nepal.") == []
    found = code_sentence("A rocket was fired at Israel from Lebanon in the first such attack this year.")
    assert all(source != "---UAF" for source, *_ in found)  # only killing or wounding makes an unclaimed attack


def test_people_from_a_named_institution_take_its_country(code_sentence) -> None:
    assert [e[:3] for e in code_sentence("Turkish protesters received ministers from the Greek government.")][-1:] == [
        ("TUROPP", "GRCGOV", "043")
    ]


def test_protesters_are_people_not_a_protest(code_sentence) -> None:
    assert [e[2] for e in code_sentence("Turkish protesters received ministers from the Greek government.")] == ["043"]


def test_a_report_of_killing_by_a_role_is_an_accusation_of_it(code_sentence) -> None:
    found = code_sentence("Amnesty International said ten people were killed in an air strike by government forces.")
    assert ("NGOHRIAMN", "---MIL", "112", False, "asserted") in found


def test_talks_take_two_a_meeting_is_one_sided(code_sentence) -> None:
    talks = {e[:3] for e in code_sentence("The Turkish foreign minister held talks with Russian officials.")}
    assert talks == {("TURGOV", "RUSGOV", "046"), ("RUSGOV", "TURGOV", "046")}
    met = {e[:3] for e in code_sentence("The Turkish foreign minister met with Russian officials.")}
    assert met == {("TURGOV", "RUSGOV", "040")}


def test_objects_named_by_the_pattern_and_particles_read_as_prepositions(code_sentence) -> None:
    assert [
        e[:3] for e in code_sentence("The United States suspended part of its military aid program for Bosnia.")
    ] == [("USA", "BIH", "1622")]
    assert [e[:3] for e in code_sentence("Israel pulled its troops out of southern Lebanon.")] == [
        ("ISR", "LBN", "0874")
    ]
    assert [e[2][:2] for e in code_sentence("A suicide bomber killed 20 Pakistani soldiers.")] == ["18"]


def test_riots_threats_without_target_and_alerts(code_sentence) -> None:
    assert [e[:3] for e in code_sentence("Rioters in Paris clashed with French police.")] == [
        ("FRAOPP", "FRACOP", "145")
    ]
    assert [e[:3] for e in code_sentence("Iran threatened to close the Strait of Hormuz.")] == [("IRN", None, "1381")]
    assert [e[:3] for e in code_sentence("North Korea put its army on high alert.")] == [("PRK", None, "152")]


def test_calling_off_protests_eases_dissent_and_freedoms_restored(code_sentence) -> None:
    assert [e[:3] for e in code_sentence("The Turkish teachers' union called off its strike.")] == [
        ("TURLAB", None, "082")
    ]
    assert "0352" in {e[2] for e in code_sentence("The Azerbaijani opposition agreed to postpone the rally in Baku.")}
    assert [e[2] for e in code_sentence("The Egyptian government restored press freedoms in Egypt.")] == ["0811"]


def test_agreeing_that_is_accord_and_aid_goes_to_its_purpose(code_sentence) -> None:
    found = {e[:3] for e in code_sentence("Turkey and Iran agreed that there was an urgent need for a settlement.")}
    assert found == {("TUR", "IRN", "019"), ("IRN", "TUR", "019")}
    assert {e[:3] for e in code_sentence("Turkey and Iran agreed to hold talks.")} == {
        ("TUR", "IRN", "036"),
        ("IRN", "TUR", "036"),
    }
    assert [e[:3] for e in code_sentence("Germany sent equipment to help defend Ukraine.")] == [("DEU", "UKR", "070")]


def test_appeals_and_demands_take_the_subcode_of_what_they_ask(code_sentence) -> None:
    assert [e[2] for e in code_sentence("Angola has asked Portugal for military aid.")] == ["0232"]
    assert [e[2] for e in code_sentence("Kenyan lawmakers called on the Kenyan energy minister to resign.")] == ["0241"]
    assert [e[2] for e in code_sentence("Zimbabwe's opposition demanded that Mugabe abandon his land policy.")] == [
        "1042"
    ]


def test_the_first_aim_named_after_the_trigger_sets_the_subcode(code_sentence) -> None:
    demand = "Kenyan opposition leaders demanded {} from the government."
    assert [e[2] for e in code_sentence(demand.format("reforms"))] == ["104"]  # reform in general
    assert [e[2] for e in code_sentence(demand.format("democratic reforms"))] == ["1044"]
    assert [e[2] for e in code_sentence(demand.format("new rights and a lower tax"))] == ["1043"]
    promise = "The Kenyan president promised to hold free elections and to change the tax policy."
    assert [e[2] for e in code_sentence(promise)] == ["0341"]  # elections: a change in leadership (codebook, 0341)
    promise = "The Kenyan president promised to change the tax policy and to hold free elections."
    assert [e[2] for e in code_sentence(promise)] == ["0342"]
    assert [e[2] for e in code_sentence("Thousands of Palestinians rallied in Ramallah for independence.")] == ["1414"]


def test_words_of_a_name_or_of_who_the_subject_is_are_no_aim(parse) -> None:
    from dyadic.events.codebook import with_purpose
    from dyadic.events.syntax import clause_lemmas

    doc = parse("The government met demands from the Union for Total Independence to overhaul the judiciary.")
    trigger = next(t for t in doc if t.lemma_ == "meet")
    assert "independence" not in clause_lemmas(trigger)
    assert with_purpose("083", clause_lemmas(trigger)) == "0834"
    strike = parse("A member of the Kenyan parliament started a hunger strike to protest the tax.")
    assert "parliament" not in clause_lemmas(next(t for t in strike if t.lemma_ == "strike"))
    rally = parse("Pro-democracy protesters rallied in Hong Kong.")
    assert "democracy" in clause_lemmas(next(t for t in rally if t.lemma_ == "rally"))
    assert with_purpose("083", ["reform"]) == "083"
    assert with_purpose("083", ["reform", "resignation"]) == "0831"


def test_refusing_or_halting_aid_takes_the_kind_of_aid(code_sentence) -> None:
    assert [e[:3] for e in code_sentence("Sweden halted economic aid to Zimbabwe.")] == [("SWE", "ZWE", "1621")]
    found = {e[:3] for e in code_sentence("Cuba rejected calls by Venezuela for economic aid.")}
    assert ("CUB", "VEN", "1221") in found


def test_a_rejected_or_requested_proposal_is_coded_by_what_it_proposes(code_sentence) -> None:
    assert [e[:3] for e in code_sentence("Israel rejected the Egyptian proposal for a ceasefire.")] == [
        ("ISR", "EGY", "1246")
    ]
    assert [e[:3] for e in code_sentence("Egypt requested an urgent meeting with Israel.")] == [("EGY", "ISR", "026")]
    # a request noun with no "for" or "to" phrase asks for nothing the sentence names, and is no demand itself
    assert [e[:3] for e in code_sentence("Ukraine rejected Russia's demands.")] == [("UKR", "RUS", "120")]


def test_handing_over_suspects_is_judicial_cooperation(code_sentence) -> None:
    assert [e[:3] for e in code_sentence("France demanded that Algeria hand over the alleged bombers.")] == [
        ("FRA", "DZA", "1013")
    ]
    assert [e[:3] for e in code_sentence("Syria offered to hand over the two suspects to Lebanon.")] == [
        ("SYR", "LBN", "0313")
    ]


def test_a_conditional_possibility_is_a_threat(code_sentence) -> None:
    found = code_sentence("The African Union may halt its mediation in Sudan if the fighting continues.")
    assert [(e[2], e[4]) for e in found] == [("135", "intended")]
    assert [e[2] for e in code_sentence("Russia could cut off gas supplies to Ukraine unless it pays.")] == ["131"]
    assert [e[2] for e in code_sentence("Russia could cut off gas supplies to Ukraine.")] == ["160"]
    guess = code_sentence("Analysts said China could invade Taiwan if the United States recognizes its independence.")
    assert [(e[2], e[4]) for e in guess] == [("190", "possible")]  # a third party's guess is no threat by China
    own = code_sentence("Russia said it could cut off gas supplies to Ukraine if Kyiv does not pay.")
    assert [(e[2], e[4]) for e in own] == [("131", "intended")]


def test_what_international_presence_is_expelled_or_received_sets_the_subcode(code_sentence) -> None:
    assert [e[2] for e in code_sentence("Ethiopia forced the UN observers out of the country.")] == ["1662"]
    assert [e[2] for e in code_sentence("Norwegian doctors handed over medicine to the Red Cross in Yemen.")] == ["073"]


def test_wanting_someone_to_act_is_an_appeal_when_voiced(code_sentence) -> None:
    assert [e[:3] for e in code_sentence("Greece wants Germany to pay more compensation to the victims.")] == [
        ("GRC", "DEU", "025")
    ]
    assert [e[:3] for e in code_sentence("Russia wants Ukraine to negotiate.")] == [("RUS", "UKR", "026")]
    assert code_sentence("Russia might want Ukraine to negotiate.") == []  # the writer's guess


def test_a_purpose_is_as_sure_as_the_act_that_serves_it(code_sentence) -> None:
    planned = code_sentence("Putin will travel to Ankara to sign a gas deal with Turkey.")
    assert {(e[2], e[4]) for e in planned} == {("036", "intended"), ("032", "intended")}
    done = code_sentence("Putin travelled to Ankara to sign a gas deal with Turkey.")
    assert {(e[2], e[4]) for e in done} == {("042", "asserted"), ("057", "asserted")}


def test_a_light_verb_carrying_an_event_is_not_coded_twice(code_sentence) -> None:
    found = code_sentence("Syrian rebels engaged Filipino peacekeepers in a firefight in Golan Heights.")
    assert [e[:3] for e in found] == [("SYRREB", "PHL", "193")]
    assert [e[2] for e in code_sentence("Turkish troops engaged Kurdish rebels near the border.")] == ["190"]


def test_the_weapons_named_beside_an_attack_noun_set_its_kind(code_sentence) -> None:
    found = code_sentence(
        "Turkish forces launched artillery, mortar, and rocket fire against Kurdish militant camps in Iraq."
    )
    assert [e[:3] for e in found] == [("TURMIL", "IRQREB", "194")]


def test_an_agreement_of_a_kind_is_cooperation_not_a_settlement(code_sentence) -> None:
    assert [e[2] for e in code_sentence("Argentina rejected a Chinese proposal for a free trade agreement.")] == [
        "1211"
    ]
    assert [e[2] for e in code_sentence("Israel rejected the Egyptian peace plan.")] == ["127"]


def test_a_passive_subject_is_what_the_verb_acts_on(code_sentence) -> None:
    found = code_sentence("Peacekeeping troops were deployed in Mali by the African Union.")
    assert [e[:3] for e in found] == [("IGOAFRAU", "MLI", "074")]


def test_withdrawing_peacekeepers_or_observers_is_no_retreat(code_sentence) -> None:
    sentence = "Kenya announced that it will withdraw its peacekeeping force from Somalia unless the government holds elections."
    assert [e[:3] for e in code_sentence(sentence)] == [("KEN", "SOM", "136")]  # a conditional threat
    assert [e[2] for e in code_sentence("The United Nations withdrew its observers from Georgia.")] == ["1662"]
    assert [e[2] for e in code_sentence("Russian troops withdrew from Ukraine.")] == ["0874"]
    assert [e[:3] for e in code_sentence("Two hundred Congolese rebels surrendered last week in Goma.")] == [
        ("CODREB", "COD", "0874")
    ]


def test_protest_forms_and_their_aims(code_sentence) -> None:
    codes = {
        "Kenyan teachers staged a hunger strike in Nairobi to demand a new pension law.": "1422",
        "Jailed Turkish journalists went on hunger strike to demand their rights.": "1423",
        "Kenya's largest labour union called off the general strike it had begun on Monday.": "082",
        "Belgian farmers blocked motorways near Brussels to press the government to cut fuel taxes.": "1442",
    }
    for sentence, code in codes.items():
        assert code in [e[2] for e in code_sentence(sentence)], sentence


def test_amounts_and_shares_of_aid_are_the_aid(code_sentence) -> None:
    found = code_sentence("Germany froze 200 million euros in military aid to Turkey.")
    assert [e[:3] for e in found] == [("DEU", "TUR", "1622")]
    assert [e[:3] for e in code_sentence("Sweden suspended all of its aid to Mali.")] == [("SWE", "MLI", "162")]


def test_a_refused_request_is_refused_to_whoever_made_it(code_sentence) -> None:
    found = code_sentence("Sudan rejected the African Union's calls to halt its air strikes on rebel areas.")
    assert [e[:3] for e in found] == [("SDN", "IGOAFRAU", "1246")]


def test_promising_to_hand_over_power_keeps_its_kind(code_sentence) -> None:
    found = code_sentence("Guinea's junta pledged to hand power to an elected government next year.")
    assert [e[2] for e in found] == ["0341"]


def test_a_protest_at_an_embassy_is_aimed_at_its_government(code_sentence) -> None:
    found = code_sentence("Hundreds of Kenyans protested outside the Chinese embassy in Nairobi.")
    assert [e[:2] for e in found] == [("KEN", "CHNGOV")]


def test_storming_is_force_and_by_protesters_a_riot(code_sentence) -> None:
    assert [e[2] for e in code_sentence("Protesters in Kazakhstan stormed government buildings in Almaty.")] == ["145"]
    assert [e[2] for e in code_sentence("Russian troops stormed Ukrainian positions near Bakhmut.")] == ["190"]


def test_a_decision_to_act_is_the_act(code_sentence) -> None:
    found = code_sentence("The European Union decided to impose sanctions on Russia.")
    assert [(e[2], e[4]) for e in found] == [("163", "asserted")]
    planned = code_sentence("The European Union plans to impose sanctions on Russia.")
    assert [(e[2], e[4]) for e in planned] == [("1312", "intended")]


def test_what_someone_is_accused_of_is_no_event_of_its_own(code_sentence) -> None:
    assert [e[:3] for e in code_sentence("Azerbaijan accused Iran of supporting Armenian separatists.")] == [
        ("AZE", "IRN", "112")
    ]
    assert [e[:3] for e in code_sentence("Ukraine accused Russia of shelling Kharkiv.")] == [("UKR", "RUS", "1123")]


def test_a_complaints_purpose_is_part_of_it(code_sentence) -> None:
    found = code_sentence("Iran summoned the Azerbaijani ambassador in Tehran to protest against the remarks.")
    assert [e[:3] for e in found] == [("IRN", "AZEGOV", "114")]


def test_what_is_denied_did_not_happen(code_sentence) -> None:
    assert [e[2] for e in code_sentence("Iran denied sending drones to Russia.")] == ["016"]
    assert [e[2] for e in code_sentence("Iran denied that it had sent drones to Russia.")] == ["016"]


def test_sanctions_extended_truces_brokered_and_pledges_aimed(code_sentence) -> None:
    found = code_sentence("The European Union extended its sanctions against Russia for six months.")
    assert [e[:3] for e in found] == [("IGOEUREEC", "RUS", "163")]
    found = code_sentence("Egypt brokered a truce between Israel and Hamas.")
    assert {e[:3] for e in found} == {("EGY", "ISR", "045"), ("EGY", "PSEREBHMS", "045")}
    found = code_sentence("Japan pledged 500 million dollars to help rebuild Ukraine.")
    assert [e[:3] for e in found] == [("JPN", "UKR", "0331")]


def test_a_killing_in_an_attack_is_one_event_of_the_attacks_kind(code_sentence) -> None:
    found = code_sentence("Two Turkish soldiers were killed in a PKK attack in southeastern Turkey.")
    assert [e[:2] for e in found] == [("TURREB", "TURMIL")]
    assert [e[2] for e in code_sentence("Four children were killed in Israeli tank shelling in Gaza.")] == ["194"]


def test_a_statement_speaks_for_whoever_issued_it(code_sentence) -> None:
    found = code_sentence("Hungary vetoed the EU's statement condemning Russia.")
    assert {e[:3] for e in found} == {("HUN", "IGOEUREEC", "129"), ("IGOEUREEC", "RUS", "111")}
    found = code_sentence("Hungary blocked a European Union statement criticizing China.")
    assert ("IGOEUREEC", "CHN", "111") in {e[:3] for e in found}


def test_mediated_talks_burned_flags_and_suspended_members(code_sentence) -> None:
    found = code_sentence("Qatar mediated talks between Hamas and Israel on a hostage release.")
    assert {e[:3] for e in found} == {("QAT", "PSEREBHMS", "045"), ("QAT", "ISR", "045")}
    found = code_sentence("Protesters in Baku burned the French flag outside the French embassy.")
    assert [e[2] for e in found] == ["140"]
    found = code_sentence("The African Union suspended Niger's membership after the military coup.")
    assert [e[:3] for e in found] == [("IGOAFRAU", "NER", "160")]


def test_a_question_reports_nothing(code_sentence) -> None:
    assert code_sentence("Could the United States and China go to war over Taiwan?") == []
    assert code_sentence("Will Russia attack Ukraine again?") == []


def test_a_states_attack_is_conventional_force(code_sentence) -> None:
    assert [e[2] for e in code_sentence("Russia attacked Ukraine.")] == ["190"]
    assert [e[2] for e in code_sentence("North Korea threatened to attack South Korea.")] == ["1384"]
    assert [e[2] for e in code_sentence("Taliban fighters attacked a girls' school in Kabul.")] == ["180"]


def test_what_is_discussed_or_negotiated_is_no_party(code_sentence) -> None:
    found = code_sentence("Russia and Iran discussed the situation in Syria.")
    assert {e[:3] for e in found} == {("RUS", "IRN", "040"), ("IRN", "RUS", "040")}
    found = code_sentence("Israel and Hamas negotiated a ceasefire in Cairo.")
    assert {e[:2] for e in found} == {("ISR", "PSEREBHMS"), ("PSEREBHMS", "ISR")}
    found = code_sentence("India and China renewed negotiations on a Chinese troop pullback from Ladakh.")
    assert {e[:3] for e in found} == {("IND", "CHN", "046"), ("CHN", "IND", "046")}  # no pullback happened


def test_a_promised_or_refused_act_keeps_all_its_targets(code_sentence) -> None:
    found = code_sentence("Turkey offered to mediate between Russia and Ukraine.")
    assert {e[:3] for e in found} == {("TUR", "RUS", "039"), ("TUR", "UKR", "039")}


def test_embassies_reopened_and_closed(code_sentence) -> None:
    found = code_sentence("Iran and Saudi Arabia reopened their embassies after seven years.")
    assert {e[:3] for e in found} == {("IRN", "SAU", "050"), ("SAU", "IRN", "050")}
    assert [e[:3] for e in code_sentence("Canada closed its embassy in Iran.")] == [("CAN", "IRN", "161")]


def test_ordering_a_presence_to_leave_is_expulsion(code_sentence) -> None:
    assert [e[:3] for e in code_sentence("Mali ordered UN peacekeepers to leave the country.")] == [
        ("MLI", "IGOUNO", "1661")
    ]
    found = code_sentence("Niger's junta ordered the French ambassador to leave the country within 48 hours.")
    assert [e[2] for e in found] == ["166"]


def test_a_resolve_is_its_holders(code_sentence) -> None:
    found = code_sentence("Moscow condemned the decision by NATO to deploy more troops in Poland.")
    assert {e[:2] for e in found} == {("RUSGOV", "IGOWSTNAT"), ("IGOWSTNAT", "POL")}


# One sentence, one event: its leaf code, grouped by the rule that chooses it.
LEAF_CODES = {
    # what a sanction restricts sets the subcode
    "The Spanish government outlawed a Basque separatist organization.": "1721",
    "Azerbaijan banned opposition candidates from the election.": "1722",
    "Egypt banned the Muslim Brotherhood party.": "1722",
    "The Serbian government threatened to ban voting in Kosovo.": "1321",
    # what is asked to be yielded sets the subcode
    "The United States demanded that Syria end curbs on the press.": "1051",  # 0811 asked
    "Cuba appealed to the European Union to bring an end to the trade embargo.": "0254",  # 085 asked
    "Egypt urged Israel to allow aid workers into Gaza.": "0255",  # 0863 asked
    "China said Japan must return the seized fishing boat.": "1053",  # 0842 asked
    "Kenya appealed to Uganda to release the prisoners.": "0253",  # the infinitive parsed as a purpose
    "Serbia offered concessions to Kosovo.": "035",
    # threats take the code of what is threatened
    "Russia threatened to cut off gas supplies to Moldova.": "131",  # not gas as a weapon
    "India threatened to impose import restrictions on Chinese goods.": "1312",
    "Al-Shabaab threatened to resume terrorist activities in Kenya.": "1383",
    "The Islamic State threatened to deliver devastating blows to France.": "1384",
    # who blocks decides whether a blockade is a protest
    "Dutch farmers said they would blockade Amsterdam.": "133",  # a threat to protest, not of force
    "The Russian navy blockaded Ukrainian ports.": "191",
    "Israeli troops blocked roads into Nablus.": "191",
    "Protesters in Belgrade blocked a bridge.": "144",
    "French truckers blockaded the port of Calais.": "144",
}


@pytest.mark.parametrize("sentence", sorted(LEAF_CODES))
def test_a_sentence_gets_its_leaf_code(code_sentence, sentence: str) -> None:
    assert [e[2] for e in code_sentence(sentence)] == [LEAF_CODES[sentence]]


def test_the_attacker_and_the_victim_set_the_kind_of_violence(code_sentence) -> None:
    assert [e[2] for e in code_sentence("Two Palestinian suicide bombers killed 23 Israelis.")] == ["1831"]
    assert [e[2] for e in code_sentence("Hezbollah fighters killed the mayor of an Israeli town.")] == ["186"]
    assert [e[2] for e in code_sentence("Irish guerrillas wounded two British soldiers in a bomb attack.")] == ["183"]
    assert [e[2] for e in code_sentence("Irish guerrillas wounded two British soldiers.")] == ["182"]


def test_the_kind_of_cooperation_sets_the_subcode(code_sentence) -> None:
    from dyadic.events.codebook import codebook, cooperation_kinds

    assert set(cooperation_kinds().values()) == {"1", "2", "3", "4"}
    assert [b + k for b in ("021", "031", "101", "121") for k in "1234" if b + k not in codebook()] == ["1214"]
    assert [e[2] for e in code_sentence("Iran rejected a request to share intelligence.")] == ["121"]  # no 1214
    assert [e[2] for e in code_sentence("India called on Pakistan to expand trade.")] == ["0211"]
    assert {e[2] for e in code_sentence("The United States and Jordan agreed on a new free-trade pact.")} == {"0311"}


def test_every_recoded_and_refined_code_is_in_the_codebook() -> None:
    from dyadic.events import codebook as tables

    book = codebook()
    words = [
        *tables.purpose_words(),
        *tables.cooperation_kinds(),
        *tables.aid_kinds(),
        *tables.sanction_kinds(),
        *tables.involvement_kinds(),
    ]
    for code in book:
        for mode in ("intended", "intent", "threat", "refuse", "appeal", "demand"):
            assert tables.recode(mode, code) in book, (mode, code)
        assert all(tables.with_purpose(code, [word]) in book for word in words), code


def test_the_kind_of_aid_sets_the_subcode(code_sentence) -> None:
    assert [e[2] for e in code_sentence("The European Union gave Egypt five million dollars of aid.")] == ["071"]
    assert [e[2] for e in code_sentence("Sudan asked the UN for food aid.")] == ["0233"]
    assert [e[2] for e in code_sentence("Russia promised military aid to Syria.")] == ["0332"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a counted group names its members itself, set off on both sides
        ("Two countries, Ghana and Togo, condemned Benin.", {("GHA", "BEN", "111"), ("TGO", "BEN", "111")}),
        (
            "The two nations - Ghana and Togo - condemned Benin on Monday.",
            {("GHA", "BEN", "111"), ("TGO", "BEN", "111")},
        ),
        # a list in what the group did is not the group ("the two countries" are then unknown here)
        ("The two countries condemned Benin, Niger and Mali.", set()),
    ],
)
def test_counted_groups_take_their_set_off_members(code_sentence, sentence: str, expected: set) -> None:
    assert {(s, t, c) for s, t, c, _, _ in code_sentence(sentence)} == expected
