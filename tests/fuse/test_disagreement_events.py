"""Event words across outlets, and the fit checks that keep the pair model to facts of one thing."""
from __future__ import annotations

from storyline.data import load
from storyline.fuse.disagreement_events import event_families, fact_context, phases, same_fact
from storyline.fuse.pair_model import dates_fit, fact_acts, figures_fit, pair_features, read_side


def test_one_event_under_two_names_shares_a_family() -> None:
    a = event_families("The derailment near the junction left two carriages on their side.")
    b = event_families("The accident happened as the train entered the station.")
    assert a & b
    assert event_families("The walkout by bus drivers ended on Friday.") & event_families(
        "Drivers voted to end the strike after three days.")
    # a fire and a strike are not one event
    assert not event_families("The blaze spread to a second hall.") & event_families("The strike spread to the docks.")



def test_a_break_in_a_seizure_and_a_recapture_are_named_in_other_words() -> None:
    assert event_families("Thieves broke into a small museum early on Thursday.") & event_families(
        "The theft happened on Tuesday night, the prosecutor said.")
    assert event_families("The trawler was detained for fishing without a licence.") & event_families(
        "The boat was seized on suspicion of smuggling.")
    assert event_families("One of the inmates has been recaptured, police said.") & event_families(
        "None of the inmates has been caught, according to the police.")
    # "caught fire" is a fire, not a capture; "the escaped men" name no event of their own
    assert "evn:capture" not in event_families("The warehouse caught fire on Sunday.")
    assert not event_families("The escaped men climbed a wall.")


def test_family_types_are_plover_types_or_the_two_kinds_plover_lacks() -> None:
    types = set(load("plover")["types"]) | {"INCIDENT", "DECISION"}
    assert {spec["type"] for spec in load("disagreement_events")["families"].values()} <= types


def test_two_phases_of_one_event_are_two_facts() -> None:
    started = "The fire started on Sunday afternoon in a pine wood"
    controlled = "Crews brought the wildfire under control on Tuesday evening"
    x = fact_context(started, started.index("Sunday"), started.index("Sunday") + 6)
    y = fact_context(controlled, controlled.index("Tuesday"), controlled.index("Tuesday") + 7)
    assert "phase:start" in phases(started) and "phase:end" in phases(controlled)
    assert not same_fact(x, y)


def test_a_date_given_twice_for_one_outbreak_of_a_fire_disagrees() -> None:
    a = read_side("The warehouse fire broke out shortly after 1 a.m. on Saturday, the fire brigade said.")
    b = read_side("The blaze started late on Friday evening in a loading bay, according to the brigade.")
    assert dates_fit(a, b)
    c = read_side("Firefighters put out the last flames on Monday morning, two days later.")
    assert not dates_fit(a, c)


def test_lengths_of_time_of_two_things_do_not_disagree() -> None:
    rain = read_side("The slope gave way after rain that fell for three days without a break.")
    road = read_side("The mountain road will remain closed for about two months, the roads office said.")
    other = read_side("The mountain road will stay closed for ten days while crews clear the mud.")
    assert not figures_fit("duration", rain, road)
    assert figures_fit("duration", road, other)


def test_a_figure_matched_on_the_other_side_is_an_update_not_a_disagreement() -> None:
    first = read_side("Health officials confirmed 88 cases of mumps in the district.")
    later = read_side("Mumps cases in the district rose to 120 on Friday, from 88 a week earlier.")
    rival = read_side("The district has recorded 240 cases of mumps, a doctors' union said.")
    assert not figures_fit("figure", first, later)
    assert figures_fit("figure", first, rival)


def test_reasons_of_one_event_under_two_names_are_compared() -> None:
    a = "The collision was caused by a faulty signal at the level crossing."
    b = "The crash happened because the lorry driver ignored the barrier."
    assert fact_acts(a)[0] & fact_acts(b)[0]
    f = pair_features(read_side(a), read_side(b))
    assert f.get("evn:shared") == 1.0
    assert f.get("reason:outcome", 0.0) > 0.0


def test_clock_times_with_dots_are_a_part_of_the_day() -> None:
    side = read_side("The quake struck at 4.10 a.m. on Thursday.")
    assert tuple(v for v, _, _ in side.dates.get("part", [])) == ("night", )
    assert read_side("Power returned at 3 p.m.").dates["clock"][0][0] == "15"


def test_event_words_are_found_however_the_text_writes_their_letters() -> None:
    """Only the families whose words' first words a text holds are scanned: the same words as scanning every family,
    in capitals, across a line break, or with a letter case-insensitive matching reads as ASCII ("ſ" for "s")."""
    import re

    from storyline.fuse.disagreement_events import _patterns, event_words

    texts = ["The FIRE broke out before the Blaze was contained.", "The ſtorm hit the coast.",
             "The hillside gave\nway after the rain.", "Rescuers reached the cave-in at dawn.",
             "The minister met the delegation.", "İnfo: an explosion was heard."]
    for text in texts:
        every = tuple(sorted((m.start(), m.end(), name) for name, rx in _patterns()[0] for m in rx.finditer(text)))
        assert event_words(text) == every, text
    assert event_words("The ſtorm hit the coast.") and not event_words("The minister met the delegation.")
    assert any(re.fullmatch("fire", name) for _, _, name in event_words("The FIRE broke out."))
