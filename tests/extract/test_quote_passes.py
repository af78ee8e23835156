"""Quote passes added for news nobody tuned on: transcript turns, partial quotes, described speakers."""
from __future__ import annotations

import re

from storyline.config import Settings
from storyline.extract.quote_speakers import DESCRIBED
from storyline.extract.quotes import find_quotes
from storyline.model import Block, Document
from storyline.nlp.pipeline import parse
from storyline.resolve import resolve_document

SETTINGS = Settings()


def quotes_of(text: str, rank=None):
    blocks = [Block(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    doc = Document(id="t", source="t.txt", raw=text, blocks=blocks)
    parsed = parse(doc, SETTINGS)
    mentions, entities = resolve_document(doc, parsed, SETTINGS)
    found = find_quotes(doc, parsed, mentions, entities, SETTINGS, rank=rank)
    names = {e.id: e for e in found.entities}
    return [(q.text, names[q.speaker].name if q.speaker in names else None) for q in found.quotes], found


TRANSCRIPT = ("Edited transcript of an interview with Rangi Walker, the harbour master, in Napier.\n\n"
              "INTERVIEWER: What happens to the ferry timetable now?\n\n"
              "WALKER: We will run a reduced service until the crane is repaired.\n\n"
              "INTERVIEWER: And the fishing fleet?\n\n"
              "WALKER: They can use the north berth from Monday.")


def test_transcript_turns_are_quotes_of_the_labelled_speaker():
    found, _ = quotes_of(TRANSCRIPT)
    assert ("We will run a reduced service until the crane is repaired.", "Rangi Walker") in found
    assert ("They can use the north berth from Monday.", "Rangi Walker") in found
    assert ("What happens to the ferry timetable now?", None) in found


def test_one_labelled_paragraph_is_not_a_transcript():
    found, _ = quotes_of("UPDATE: The harbour reopened on Tuesday after repairs to the crane were finished.\n\n"
                         "Rangi Walker, the harbour master, said ferries would run normally.")
    assert not any(text.startswith("The harbour reopened") for text, _ in found)


def test_a_phrase_quoted_as_someone_s_words_is_a_partial_quote():
    found, _ = quotes_of("The opposition leader, Tamsin Greaves, called the budget “a cynical stunt” on Monday.")
    assert ("a cynical stunt", "Tamsin Greaves") in found


def test_a_named_thing_is_not_a_partial_quote():
    found, _ = quotes_of("The ministry unveiled a plan called “Clean Rivers” on Monday in Wellington.")
    assert found == []


def test_a_described_speaker_of_figures_is_an_organisation_or_a_person_by_its_head():
    def describe(ctx, quotes):
        return [DESCRIBED for _ in quotes]

    _found, result = quotes_of("“The vote was rigged from the very start,” a senior opposition official said.\n"
                              "“We will appeal against every count of this ruling,” the electoral commission said.",
                              rank=describe)
    kinds = {e.name: e.type for e in result.entities if e.generic}
    assert kinds.get("a senior opposition official") == "PERSON"
    assert kinds.get("the electoral commission") == "ORG"


def test_a_role_phrase_after_the_cue_gives_way_to_the_name_it_introduces():
    found, _ = quotes_of("“One country is holding all the others hostage,” said Lithuania's foreign minister, "
                         "Gabrielius Vaitkus.")
    assert found == [("One country is holding all the others hostage,", "Gabrielius Vaitkus")]


def test_an_appositive_between_the_name_and_the_cue_and_the_quote_that_follows():
    found, _ = quotes_of("Officials in Izmir confirmed nine new cases of measles on Monday.\n\n"
                         "«Vaccination is still the best protection,» Layla Hassan, the health minister, said. "
                         "«We need more nurses, not more promises.»")
    assert ("Vaccination is still the best protection,", "Layla Hassan") in found
    assert ("We need more nurses, not more promises.", "Layla Hassan") in found


def test_a_quote_paragraph_with_its_own_words_after_it_is_not_carried_over():
    def keep(ctx, quotes):
        return [q.speaker for q in quotes]

    _, result = quotes_of("Mayor Lena Brandt opened the session.\n\n"
                          "“We have balanced the budget for the first time in years,” Brandt said.\n\n"
                          "“It is a fairy tale and the numbers will show it,” she was told by a heckler nearby.",
                          rank=keep)
    second = result.quotes[1]
    assert second.text.startswith("It is a fairy tale")
    names = {e.id: e.name for e in result.entities}
    assert names.get(second.speaker) != "Lena Brandt" or second.speaker is None
