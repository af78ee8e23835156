"""Kinds of language the first lexicon missed: troop moves, crowds, money pledges, diplomatic
protest, denials, coordinated parties, background years, agentless clauses; plus the dev set."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from storyline.extract.lexicon import load_event_lexicon
from storyline.model import PLOVER_TYPES
from tests.extract.test_events import analyse

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
DEV_SET = REPO / "tests" / "fixtures" / "events_dev" / "dev.yaml"


def _one(text: str, etype: str):
    _, events, names = analyse(text)
    hits = [e for e in events if e.type == etype]
    assert hits, [(e.type, e.summary) for e in events]
    return hits[0], names, events


def test_troop_movement_is_mobilize_with_reported_date():
    ev, names, _ = _one("The navy said Chile had moved two frigates to the disputed strait yesterday.", "MOBILIZE")
    assert names[ev.source] == "Chile"
    assert ev.date == "2023-03-14"


def test_unit_noun_with_of_phrase_is_mobilize():
    ev, names, _ = _one("Peru sent three battalions of marines to the coast on Monday.", "MOBILIZE")
    assert names[ev.source] == "Peru" and ev.date == "2023-03-13"


def test_crowd_march_without_named_actor_is_a_protest():
    ev, _, _ = _one("About 4,000 nurses marched through Leeds on Saturday, demanding better pay.", "PROTEST")
    assert ev.source is None and ev.date == "2023-03-11"


def test_crowd_protest_led_by_a_named_person_takes_the_leader():
    ev, names, _ = _one("Thousands of miners rallied in Cardiff on Monday, led by the union leader Gareth Evans.",
                        "PROTEST")
    assert "Evans" in names[ev.source]


def test_walkout_phrasal_verb_is_a_strike():
    ev, _, _ = _one("Hundreds of airport workers walked off the job in Lisbon on Friday.", "PROTEST")
    assert ev.mode == "strike"


def test_inanimate_subject_makes_no_protest_or_sanction():
    _, events, _ = analyse("Heavy landslides cut off the village of Dolna from Sofia for three days.")
    assert events == []


def test_money_pledge_is_planned_aid():
    ev, names, _ = _one("The World Bank said it would spend $80 million on new flood barriers in Vietnam.", "AID")
    assert names[ev.source] == "The World Bank" and ev.modality == "planned"


def test_pledged_money_is_aid_not_agreement():
    ev, names, events = _one("Canada pledged $15 million to Haiti for earthquake relief.", "AID")
    assert names[ev.source] == "Canada" and names[ev.target] == "Haiti"
    assert all(e.type != "AGREE" for e in events)


def test_summoning_an_envoy_is_a_diplomatic_protest_against_the_envoys_country():
    ev, names, _ = _one("Sweden summoned Iran's ambassador on Tuesday.", "PROTEST")
    assert names[ev.source] == "Sweden" and names[ev.target] == "Iran"
    assert ev.date == "2023-03-14"


def test_recalling_an_ambassador_is_a_sanction():
    ev, names, _ = _one("Colombia recalled its ambassador from Nicaragua.", "SANCTION")
    assert names[ev.source] == "Colombia"


def test_denial_of_a_claim_is_reject():
    ev, names, _ = _one("Chevron denied that its pipeline had leaked into the bay.", "REJECT")
    assert names[ev.source] == "Chevron"


def test_coordinated_subjects_act_with_each_other():
    ev, names, events = _one("Negotiators from Serbia and Kosovo met in Brussels on Thursday to discuss trade.",
                             "CONSULT")
    assert names[ev.source] == "Serbia" and names[ev.target] == "Kosovo"
    assert ev.date == "2023-03-09"
    assert len([e for e in events if e.type == "CONSULT"]) == 1  # "met to discuss" is one meeting


def test_year_in_a_relative_clause_is_not_the_event_date():
    ev, _, _ = _one("Jacinda Ardern, who first won office in 2017, warned on Monday that New Zealand would "
                    "leave the forum.", "THREATEN")
    assert ev.date == "2023-03-13"


def test_year_naming_a_treaty_is_not_the_event_date():
    ev, _, _ = _one("Japan threatened to withdraw from the 1951 fisheries convention.", "THREATEN")
    assert ev.date is None


def test_month_on_an_event_noun_dates_the_clause():
    ev, _, _ = _one("Kenya said the February riots in Nairobi were ended by the intervention of Tanzania.",
                    "MOBILIZE")
    assert ev.date == "2023-02"


def test_river_is_no_target_of_a_sanction():
    _, events, _ = analyse("The new dam halted shipments along the Danube River.")
    assert events == []


def test_host_verb_with_a_thing_as_object_is_no_visit():
    _, events, _ = analyse("Moldova received less rain than usual in 2022.")
    assert events == []


def test_object_of_an_ordinary_verb_is_no_event():
    _, events, _ = analyse("Many voters in Ohio did not trust the agreement.")
    assert events == []


@pytest.mark.parametrize("text, etype", [
    ("India imposed tariffs on Chinese steel.", "SANCTION"),
    ("Poland expelled three Russian diplomats.", "SANCTION"),
    ("Egypt and Jordan signed a memorandum on gas trade.", "AGREE"),
    ("Azerbaijan launched an offensive against Armenia.", "ASSAULT"),
    ("Ukrainian forces shelled Donetsk overnight.", "ASSAULT"),
    ("Iran detained two French tourists.", "COERCE"),
    ("Germany urged Serbia to recognise Kosovo.", "REQUEST"),
    ("NATO called on Belarus to withdraw its troops.", "REQUEST"),
    ("France condemned the coup in Niger.", "ACCUSE"),
    ("Russia vetoed the resolution on Syria.", "REJECT"),
    ("The parliament of Finland ratified the treaty with Sweden.", "AGREE"),
    ("Qatar mediated talks between Israel and Hamas.", "CONSULT"),
    ("Qatar brokered a ceasefire between Israel and Hamas.", "CONSULT"),
    ("Hungary closed the border with Serbia.", "COERCE"),
    ("Austria reintroduced checks on its border with Slovenia on Monday.", "COERCE"),
    ("Latvia imposed a curfew on the border districts near Belarus.", "COERCE"),
    ("Russia cut off gas supplies to Bulgaria.", "SANCTION"),
    ("Britain froze the assets of three Russian banks.", "SANCTION"),
    ("Lithuania boycotted the summit in Minsk.", "PROTEST"),
    ("Spain deployed warships to the Red Sea.", "MOBILIZE"),
    ("Argentina lifted its ban on beef exports to Chile.", "RETREAT"),
    ("Kenya hailed the decision of Uganda.", "SUPPORT"),
])
def test_common_political_phrasings(text, etype):
    _, events, _ = analyse(text)
    assert etype in {e.type for e in events}, [(e.type, e.summary) for e in events]


def test_every_type_has_verbs_and_nouns():
    lex = load_event_lexicon()
    for etype in PLOVER_TYPES:
        verbs = [v for v, c in lex.verbs.items() if c.split("/")[0] == etype]
        nouns = [n for n, c in lex.nouns.items() if c.split("/")[0] == etype]
        assert len(verbs) >= 4, (etype, verbs)
        assert len(nouns) >= 2, (etype, nouns)


@pytest.mark.parametrize("noun, etype", [("castigation", "ACCUSE"), ("repatriation", "RETREAT"),
                                          ("capitulation", "CONCEDE"), ("imprisonment", "COERCE"),
                                          ("abduction", "ASSAULT")])
def test_unlisted_nouns_map_back_to_listed_verbs(noun, etype):
    assert noun not in load_event_lexicon().nouns
    assert load_event_lexicon().lookup_noun(noun).split("/")[0] == etype


def test_independent_dev_set_floors():
    spec = importlib.util.spec_from_file_location("eval_events", REPO / "scripts" / "eval_events.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["eval_events"] = mod
    spec.loader.exec_module(mod)
    res = mod.evaluate(DEV_SET, resolve=True)
    # measured 1.00 / 1.00 after the changes (0.95 / 0.78 before); floors leave room for parser drift
    assert res["recall"] >= 0.85 and res["precision"] >= 0.85, res
    assert res["date_acc"] >= 0.85, res
