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


# --- speakers the ranker took for descriptions, social-media cues (passages written for these tests)
def _describe_all(ctx, quotes):
    return [DESCRIBED for _ in quotes]


def test_a_title_and_a_surname_the_ranker_calls_a_description_is_a_named_person():
    text = "“We will not sign a deal that closes the shipyard,” Mr Ibáñez said on Tuesday in Cádiz."
    found, result = quotes_of(text, rank=_describe_all)
    assert found == [("We will not sign a deal that closes the shipyard,", "Ibáñez")]
    ent = next(e for e in result.entities if e.name == "Ibáñez")
    assert ent.type == "PERSON" and not ent.generic
    start = text.index("Ibáñez")
    assert any(m.entity == ent.id and (m.start, m.end) == (start, start + len("Ibáñez")) for m in result.mentions)


def test_a_reflexive_after_a_known_surname_is_that_person_not_a_new_one():
    text = ("Few bankers have had a worse year than Dietrich Vollmer, the chief executive of Hansabank.\n"
            "“The board was wrong and I said so,” Vollmer himself told reporters at a conference in Munich.")
    found, result = quotes_of(text, rank=_describe_all)
    assert found and all(name and name.endswith("Dietrich Vollmer") for _, name in found)
    assert not any(e.name == "Vollmer himself" for e in result.entities)


def test_a_name_after_a_descriptor_in_a_described_speaker_is_the_person():
    _, result = quotes_of("LAGOS — National team coach Emeka Nwachukwu said his side had “left the game in the "
                          "dressing room” after the defeat.", rank=_describe_all)
    assert not any(e.generic and "Nwachukwu" in e.name for e in result.entities)


def test_a_description_stays_a_description():
    found, result = quotes_of("“The corridor is the hospital now, every night of the week,” a hospital "
                              "administrator said.", rank=_describe_all)
    assert found == [("The corridor is the hospital now, every night of the week,", "a hospital administrator")]
    assert next(e for e in result.entities if e.name == "a hospital administrator").generic


def test_posted_is_a_speech_cue():
    found, _ = quotes_of("Councillor Mairead Tobin posted that the bridge would reopen in May, not before.")
    assert found and all(name and name.endswith("Tobin") for _, name in found)


def test_posted_after_a_quote_attributes_it():
    found, _ = quotes_of("The bridge works drew complaints all week.\n"
                         "“It is confusing for a fortnight and then it will be normal,” Councillor Mairead Tobin "
                         "posted on Sunday night.")
    assert [name for _, name in found] and all(name and name.endswith("Mairead Tobin") for _, name in found)


def test_a_reply_the_parser_hangs_on_its_subject_noun_is_the_subject_s():
    found, _ = quotes_of("One resident, Seán Doherty, replied under the post: “I remember it fine. It was quicker.”")
    assert ("I remember it fine. It was quicker.", "Seán Doherty") in found


def test_a_caption_after_a_post_is_not_the_poster_s_speech():
    found, _ = quotes_of("Presenter Kerry Doyle kept quiet, posting only a picture of a sunset with the caption "
                         "“Onwards and upwards”.")
    assert all(name is None for _, name in found)


def test_a_body_after_an_office_word_is_not_made_a_person():
    _, result = quotes_of("“We are reviewing every contract signed since 2019,” the Justice Department said.",
                          rank=_describe_all)
    assert not any(e.type == "PERSON" and not e.generic and "Department" in e.name for e in result.entities)


def test_a_place_after_in_inside_a_described_speaker_is_its_own_mention():
    text = "“We will wait for the release before any talks,” the government in Bogotá said on Friday."
    found, result = quotes_of(text, rank=_describe_all)
    assert found == [("We will wait for the release before any talks,", "the government")]
    start = text.index("Bogotá")
    # the place keeps its own mention, and no described speaker's words run over it
    assert any((m.start, m.end) == (start, start + len("Bogotá")) and m.type == "GPE" for m in result.mentions)
    assert not any(m.start < start < m.end for m in result.mentions)


def test_an_attribution_inside_a_wire_sentence_ends_the_words_it_attributes():
    # "…, the agency said, as …": the words before the attribution are the source's, the dateline is not, and
    # what follows it is the writer's
    found, _ = quotes_of("NIAMEY — Floods have destroyed more than 9,000 homes across the south of the country, the "
                         "civil protection agency said, as more rain was forecast for the weekend.")
    texts = [t for t, _ in found]
    assert "Floods have destroyed more than 9,000 homes across the south of the country" in texts
    assert not any("NIAMEY" in t or "more rain" in t for t in texts)

