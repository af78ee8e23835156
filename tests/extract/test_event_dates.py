"""Discourse dates: an event its own sentence does not date, on invented multi-paragraph articles."""
from __future__ import annotations

import pytest

from storyline.config import Settings
from storyline.extract.events import extract_events
from storyline.model import Block, Document, Event, Removal
from tests.extract.helpers import spacy_actors

pytestmark = pytest.mark.slow
SETTINGS = Settings()


def analyse(text: str, published: str | None = "2024-10-18", dateline: str | None = None,
            dateline_in_body: bool = False) -> list[Event]:
    """Events of ``text`` (one paragraph a line) published on ``published``; ``dateline`` opens the lead,
    removed by cleaning (a dateline line) or, with ``dateline_in_body``, kept as the paragraph's first words."""
    from storyline.nlp.pipeline import parse

    raw = (dateline or "") + text
    blocks, pos = [], len(dateline or "")
    for line in text.split("\n"):
        if line.strip():
            blocks.append(Block(pos, pos + len(line)))
        pos += len(line) + 1
    removed = [Removal(0, len(dateline), dateline, "dateline")] if dateline and not dateline_in_body else []
    if dateline and dateline_in_body:
        blocks[0] = Block(0, blocks[0].end)
    doc = Document(id="d1", source="t.txt", raw=raw, published=published,
                   published_precision="day" if published else None, blocks=blocks, removed=removed)
    parsed = parse(doc, SETTINGS)
    mentions, entities = spacy_actors(parsed)
    return extract_events(doc, parsed, mentions, entities, SETTINGS)


def dated(events: list[Event], word: str) -> tuple[str | None, str | None, str | None]:
    """(date, precision, source) of the event whose sentence holds ``word``."""
    (ev,) = [e for e in events if word in e.evidence[0].text]
    return ev.date, ev.date_precision, ev.date_source


def test_a_date_carries_to_the_next_sentence_of_its_paragraph():
    events = analyse("Portugal and Chile signed a fisheries accord on October 9 in Lisbon. "
                     "Chile also accused Portugal of overfishing in the southern Pacific.")
    assert dated(events, "signed") == ("2024-10-09", "day", "sentence")
    assert dated(events, "accused") == ("2024-10-09", "day", "context")


def test_a_date_does_not_cross_a_paragraph_other_than_the_lead():
    events = analyse("The two ministers spoke by telephone.\n"
                     "Portugal and Chile signed a fisheries accord on October 9 in Lisbon.\n"
                     "Separately, Chile accused Portugal of overfishing in the southern Pacific.")
    assert dated(events, "signed")[2] == "sentence"
    assert dated(events, "overfishing") == (None, None, None)


def test_the_lead_dates_a_later_paragraphs_deed_not_its_statement():
    # a deed carries on the lead's scene; a reaction (a demand, an accusation) has a time of its own
    events = analyse("Police detained 40 fishermen in Valparaiso on October 9.\n"
                     "Officers also seized two Portuguese trawlers in the harbour.\n"
                     "Chile accused Portugal of overfishing in the southern Pacific, officials said.")
    assert dated(events, "trawlers") == ("2024-10-09", "day", "context")
    assert dated(events, "overfishing") == (None, None, None)


def test_a_day_earlier_counts_from_the_last_dated_event():
    events = analyse("Chile's foreign minister met Portugal's ambassador in Santiago on Wednesday.\n"
                     "A day earlier, Chile had accused Portugal of overfishing in the southern Pacific.\n"
                     "Two days later, Portugal withdrew its trawlers.")
    assert dated(events, "ambassador") == ("2024-10-16", "day", "sentence")
    assert dated(events, "overfishing") == ("2024-10-15", "day", "context")
    assert dated(events, "withdrew") == ("2024-10-17", "day", "context")


def test_an_anaphoric_day_without_an_earlier_date_stays_undated():
    events = analyse("A day earlier, Chile had accused Portugal of overfishing in the southern Pacific.")
    assert dated(events, "overfishing") == (None, None, None)


def test_since_bounds_a_state_and_dates_no_later_event():
    events = analyse("Chilean police cleared the highway near Talca, firing tear gas at farmers who had blocked it "
                     "since Monday. Chilean police arrested 12 farmers.")
    assert dated(events, "arrested") == (None, None, None)


def test_a_past_date_is_not_carried_to_a_future_event():
    events = analyse("Portugal and Chile signed a fisheries accord on October 9 in Lisbon. "
                     "Chile will host Portugal for further talks.")
    assert dated(events, "signed")[0] == "2024-10-09"
    assert dated(events, "host") == (None, None, None)


def test_a_future_date_is_not_carried_to_a_past_event():
    events = analyse("Chile will host Portugal for talks next Tuesday. "
                     "Portugal accused Chile of overfishing in the southern Pacific.")
    assert dated(events, "host")[0] == "2024-10-22"
    assert dated(events, "overfishing") == (None, None, None)


def test_a_wire_dateline_dates_the_lead_only():
    events = analyse("Kenyan police arrested Tanzania's trade envoy at the border.\n"
                     "Tanzania had criticised Kenya over the tariffs.",
                     published="2024-05-03", dateline="NAIROBI, May 2 (Wirenews) - ")
    assert dated(events, "arrested") == ("2024-05-02", "day", "dateline")
    assert dated(events, "criticised") == (None, None, None)


def test_a_wire_dateline_kept_in_the_body_still_dates_the_lead():
    # cleaning keeps a dateline that opens the first paragraph as body text; events read its date there
    events = analyse("Kenyan police arrested Tanzania's trade envoy at the border.\n"
                     "Tanzania had criticised Kenya over the tariffs.",
                     published="2024-05-03", dateline="NAIROBI, May 2 (Wirenews) - ", dateline_in_body=True)
    assert dated(events, "arrested") == ("2024-05-02", "day", "dateline")
    assert dated(events, "criticised") == (None, None, None)


def test_a_week_ago_is_seven_days_before_publication():
    events = analyse("A week ago, Egypt condemned Sudan for the border raid.")
    assert dated(events, "condemned") == ("2024-10-11", "day", "sentence")


def test_this_week_is_its_month():
    events = analyse("Egypt condemned Sudan this week for the border raid.")
    assert dated(events, "condemned") == ("2024-10", "month", "sentence")


def test_no_publication_date_for_a_past_event_without_a_day_cue():
    events = analyse("Egypt condemned Sudan for the border raid.")
    assert dated(events, "condemned") == (None, None, None)


def test_present_perfect_is_the_days_news():
    events = analyse("Egypt has condemned Sudan for the border raid.")
    assert dated(events, "condemned") == ("2024-10-18", "day", "publication")


def test_no_publication_day_without_a_real_publication_date():
    events = analyse("Egypt has condemned Sudan for the border raid in 2021.", published=None)
    assert dated(events, "condemned") == ("2021", "year", "sentence")
    events = analyse("Egypt has condemned Sudan for the border raid.", published=None)
    assert dated(events, "condemned") == (None, None, None)


def test_a_sentence_naming_its_own_time_takes_no_earlier_date():
    events = analyse("Portugal and Chile signed a fisheries accord on October 9 in Lisbon. "
                     "For decades, Chile accused Portugal of overfishing in the southern Pacific.")
    assert dated(events, "overfishing") == (None, None, None)


def test_a_quotation_keeps_its_speakers_time():
    events = analyse("Portugal and Chile signed a fisheries accord on October 9 in Lisbon. "
                     "\u201cChile accused Portugal of overfishing for years,\u201d the minister said.")
    assert dated(events, "overfishing") == (None, None, None)


def test_a_present_perfect_does_not_take_a_past_day():
    events = analyse("Portugal and Chile signed a fisheries accord on October 9 in Lisbon. "
                     "Chile has accused Portugal of overfishing in the southern Pacific.")
    assert dated(events, "overfishing") == ("2024-10-18", "day", "publication")


def test_a_paragraph_with_its_own_vague_time_does_not_take_the_leads_date():
    events = analyse("Portugal and Chile signed a fisheries accord on October 9 in Lisbon.\n"
                     "For years the two navies patrolled the same waters. "
                     "Chile accused Portugal of overfishing in the southern Pacific.")
    assert dated(events, "overfishing") == (None, None, None)



@pytest.mark.parametrize("dateline,text", [
    ("MOSCOW, Oct 14 (Reuters) - ", "Police detained twelve protesters near the parliament on Monday."),
    # an undated dateline names no day, but its city and agency are still no actors (a passive leaves no subject)
    ("KYIV (AP) — ", "Twelve protesters were detained near the parliament on Friday."),
    ("NAIROBI, June 4 — ", "Twelve protesters were detained near the parliament on Wednesday."),
    ("ASTANA, Oct 7 (Reuters) - ", "Wheat exports to Kyrgyzstan were banned on Tuesday, the ministry said."),
])
def test_the_place_and_agency_of_a_dateline_kept_in_the_lead_are_no_actors(dateline, text):
    from storyline.nlp.pipeline import parse

    doc = Document(id="d1", source="t.txt", raw=dateline + text, published="2024-10-18", published_precision="day",
                   blocks=[Block(0, len(dateline + text))])
    parsed = parse(doc, SETTINGS)
    mentions, entities = spacy_actors(parsed)
    in_dateline = {m.entity for m in mentions if m.end <= len(dateline)}
    assert in_dateline  # the tagger does see "MOSCOW" (and the agency) as names
    # the rules would take the dateline's city for the place of an unnamed police force
    events = extract_events(doc, parsed, mentions, entities, SETTINGS)
    assert not any(in_dateline & {e.source, e.target} for e in events)


def test_a_time_of_a_named_day_dates_its_event():
    # spaCy labels "Wednesday night" TIME, not DATE; it still names the day (the 18th is a Friday)
    events = analyse("Farmers lifted their blockade of the highway near Talca on Wednesday night, officials said.")
    assert dated(events, "lifted")[:2] == ("2024-10-16", "day")


def test_a_purpose_clause_takes_the_date_of_the_act_it_serves():
    events = analyse("The Maule Farmers Federation blocked the highway near Talca on Monday "
                     "to protest against a water law.")
    (protest,) = [e for e in events if e.type == "PROTEST"]
    assert (protest.date, protest.date_precision) == ("2024-10-14", "day")


def test_a_future_month_and_day_fall_after_publication():
    events = analyse("Indonesia will ban exports of raw bauxite from June 1, the mining minister announced.")
    (ban,) = [e for e in events if e.type in ("SANCTION", "COERCE")]
    assert (ban.date, ban.date_precision) == ("2025-06-01", "day")


def test_a_weekday_said_of_the_future_is_the_coming_one():
    # published Friday 18 October 2024: "will meet on Tuesday" is the 22nd, "met on Tuesday" the 15th
    events = analyse("The foreign ministers of Chile and Peru will meet in Lima on Tuesday.\n"
                     "The defence ministers of Chile and Peru met in Lima on Tuesday.")
    assert dated(events, "will meet")[:2] == ("2024-10-22", "day")
    assert dated(events, "ministers of Chile and Peru met")[:2] == ("2024-10-15", "day")


def test_would_looks_ahead_from_a_past_report():
    events = analyse("The farmers' union said it would block the highway to Santiago again on October 25.",
                     published="2024-10-18")
    (ev,) = [e for e in events if "block" in e.evidence[0].text]
    assert ev.date == "2024-10-25"


def test_would_of_a_recent_day_stays_in_the_past():
    # published on October 18: October 2 is the day just gone, February 2 the one ahead
    events = analyse("Chilean farmers said they would block the highway to Santiago on October 2.\n"
                     "Bolivian truckers said they would block the road to Arica on February 2.",
                     published="2024-10-18")
    (recent,) = [e for e in events if "Santiago" in e.evidence[0].text]
    (ahead,) = [e for e in events if "Arica" in e.evidence[0].text]
    assert (recent.date, ahead.date) == ("2024-10-02", "2025-02-02")
