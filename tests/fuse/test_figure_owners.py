"""Whose figure: the owners of figures and dates read off the parse, and the pair features comparing them."""
from __future__ import annotations

from storyline.fuse.figure_owners import fact_owners, owners_overlap
from storyline.fuse.pair_model import pair_features, read_side


def _owner(text: str, fact: str) -> frozenset[str]:
    at = text.index(fact)
    return fact_owners(text, ((at, at + len(fact)),))[0]


def test_a_count_is_owned_by_its_event() -> None:
    flood = _owner("About 40 people died in the flood, officials said.", "40 people")
    fire = _owner("Some 12 people died in the fire at the shelter.", "12 people")
    again = _owner("The flood killed 26 people, the governor said.", "26 people")
    assert "flood" in flood and "fire" in fire
    assert owners_overlap(flood, fire) == 0.0
    assert (owners_overlap(flood, again) or 0.0) > 0.0


def test_a_share_is_owned_by_its_whole() -> None:
    harvest = _owner("The storm destroyed a third of the grape harvest.", "a third")
    vineyards = _owner("The hills account for about 70 percent of the region's vineyards.", "70 percent")
    assert "harve" in harvest and "viney" in vineyards
    assert owners_overlap(harvest, vineyards) == 0.0


def test_a_date_is_owned_by_its_act_and_the_subject_it_inherits() -> None:
    talks = _owner("Talks between the union and the ministry are due to start on Thursday.", "Thursday")
    assert {"talk", "act:start"} <= talks
    decide = _owner("The union would decide on Friday whether to strike.", "Friday")
    assert owners_overlap(talks, decide, act=True) == 0.0


def test_another_fact_of_the_sentence_is_not_an_owner() -> None:
    text = "About 40 people died in the flood on Monday."
    at, day = text.index("40 people"), text.index("Monday")
    owners = fact_owners(text, ((at, at + 9), (day, day + 6)))
    assert not any(k.startswith("monda") for k in owners[0])


def test_empty_owner_gives_no_overlap() -> None:
    assert owners_overlap(frozenset(), frozenset({"flood"})) is None


def test_pair_features_compare_the_conflicting_figures_owners() -> None:
    two_things = pair_features(read_side("At least 40 people have died in the floods in the valley."),
                               read_side("In the town, 12 people died in a fire at a school."))
    one_thing = pair_features(read_side("At least 40 people have died in the floods in the valley."),
                              read_side("The floods in the valley have killed 26 people, the governor said."))
    assert two_things.get("whose:amt_of_differ") == 1.0
    assert one_thing.get("whose:amt_of_shared") == 1.0
    # no conflicting figures: nothing to compare, and no parse is read
    assert not any(k.startswith("whose:") for k in pair_features(read_side("The bridge reopened on Monday."),
                                                                 read_side("The bridge was shut for repairs.")))
