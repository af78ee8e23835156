"""Quote classes of issue 17 (quotes6), each on a passage written for this test: verbs of the manner of
speaking, attributions split by a parenthetical, indirect speech after less common reporting verbs, transcript
labels that name a role ("THE COURT:") and quotes running over several paragraphs.

Both the rules and the shipped ranker are checked.
"""
from __future__ import annotations

import re

import pytest

from storyline.extract.quote_speakers import load_cues
from tests.extract.test_quotes_attribution import analyse, speaker_of

BOTH = pytest.mark.parametrize("ranked", [False, True])


@pytest.mark.parametrize("form", ["gushed", "shrugged", "sobbed", "scoffed", "fumed", "beamed", "quipped", "wept",
                                  "signalled", "signaled", "snapped", "sighed", "enthused"])
def test_manner_of_speaking_verbs_are_cues(form):
    assert re.fullmatch(load_cues().forms_re, form)


@BOTH
def test_inverted_manner_verb_names_the_speaker(ranked):
    results = analyse("Chef Amara Quist opened her third restaurant in the old harbour on Saturday.\n"
                      "“Nobody ever thought I could do it,” beamed Quist.", ranked)
    assert "Quist" in (speaker_of(results, "Nobody ever thought") or "")


@BOTH
def test_short_quote_with_a_manner_verb_is_kept(ranked):
    # seven words, under the length of an unattributed quote: only the cue "scoffed" keeps it
    results = analyse("Union leader Pieter Dalgaard read the company's offer on Monday.\n"
                      "“That is a fairy tale for children,” Dalgaard scoffed.", ranked)
    assert "Dalgaard" in (speaker_of(results, "fairy tale") or "")


@BOTH
def test_pronoun_with_a_manner_verb(ranked):
    results = analyse("The widow, Maureen Achterberg, spoke outside the court on Thursday.\n"
                      "“He was everything to me and now he is gone,” she sobbed.", ranked)
    assert speaker_of(results, "everything to me") == "Maureen Achterberg"


@BOTH
@pytest.mark.parametrize("tail", [
    "said Kessel (pictured), who grew up in the town.",
    "Kessel, speaking from a podium decorated with ribbons and flowers for the occasion, said.",
    "Kessel (left) told reporters.",
])
def test_parenthetical_between_name_and_cue(ranked, tail):
    results = analyse("Mayor Anton Kessel spoke at the opening of the new bridge on Friday.\n"
                      f"“We waited twenty years for this bridge,” {tail}", ranked)
    assert "Kessel" in (speaker_of(results, "twenty years") or "")


@BOTH
@pytest.mark.parametrize("verb", ["signalled", "hinted", "reiterated", "insisted", "conceded", "maintained"])
def test_indirect_speech_after_less_common_verbs(ranked, verb):
    results = analyse("Finance Minister Rosa Okafor defended the budget in parliament on Tuesday.\n"
                      f"Okafor {verb} that interest rates could fall before the summer.", ranked)
    assert "Okafor" in (speaker_of(results, "interest rates could fall") or "")


@BOTH
def test_role_labels_name_the_person_with_that_role(ranked):
    results = analyse("Judge Harriet Vance presided over the hearing. The defendant, Colin Marsh, denies fraud.\n"
                      "THE COURT: Mr. Marsh, do you understand the charges against you today?\n"
                      "THE DEFENDANT: Yes, Your Honour, I understand them completely.\n"
                      "THE COURT: Then we will proceed with the trial next week.", ranked)
    assert speaker_of(results, "do you understand") == "Harriet Vance"
    assert speaker_of(results, "I understand them") == "Colin Marsh"
    assert speaker_of(results, "proceed with the trial") == "Harriet Vance"


def test_role_label_without_a_holder_names_nobody():
    # nobody in the text is called a witness: the label is left to the ranker, never given to the judge
    results = analyse("Judge Harriet Vance presided over the hearing on Monday.\n"
                      "THE COURT: Please state what you saw on the night of the fire.\n"
                      "THE WITNESS: I saw smoke coming from the back of the warehouse.")
    assert speaker_of(results, "I saw smoke") is None
    assert speaker_of(results, "Please state") == "Harriet Vance"


@BOTH
def test_quote_over_paragraphs_without_closers(ranked):
    # each paragraph of the quote opens with a mark and only the last one closes
    results = analyse("Retired teacher Gwen Alder described the night of the flood.\n"
                      "“We had forty patients, two torches and no idea when help would come.\n"
                      "“Nobody panicked. Nobody complained once in all those hours.\n"
                      "“By morning the power was back and we could finally sleep,” Alder said.", ranked)
    quote = next(text for text, _ in results if "forty patients" in text)
    assert "Nobody complained" in quote and "finally sleep" in quote
    assert "Alder" in (speaker_of(results, "forty patients") or "")


def test_role_given_between_names_in_the_introduction():
    # "chaired by X" gives X the chair; the other person of the sentence is not the chair
    results = analyse("The committee, chaired by Mairead Colfer, heard from the regulator's chief, Ronan Healy.\n"
                      "THE CHAIR: Why were the fines not collected for three years?\n"
                      "MR. HEALY: We were waiting for the legal review, which took longer than expected.")
    assert speaker_of(results, "fines not collected") == "Mairead Colfer"
    assert speaker_of(results, "legal review") == "Ronan Healy"
