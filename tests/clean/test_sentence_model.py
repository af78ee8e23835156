"""The cleaning's sentence model (issue 15): what it reads of a sentence."""
from __future__ import annotations

from storyline.clean.sentence_model import cues, skeleton


def test_the_skeleton_masks_names_and_figures_but_keeps_the_opening_and_the_function_words() -> None:
    assert skeleton("Rita Vane covers health for the Tamar Post.") == "rita N covers health for the N N ."
    assert skeleton("Subscribe from £1.50 a week.") == "subscribe from £ 0 a week ."
    # the same pattern whatever the names
    assert skeleton("Ola Berg covers crime for the Fjord Times.").split()[1:] == \
        skeleton("Rita Vane covers crime for the Tamar Post.").split()[1:]


def test_cues_of_a_pitch_and_of_a_report() -> None:
    pitch = cues("Sign up to our newsletter and get the news in your inbox at news@post.example.")
    report = cues("The council said on Tuesday that 40 homes had been flooded.")
    assert pitch["you"] and pitch["we"] and pitch["email"] and pitch["first=sign"]
    assert not report["you"] and report["said"] and report["weekday_past"] and report["figures"]
