"""extract_events on short hand-written texts (spaCy entities stand in for resolved actors)."""
from __future__ import annotations

from pathlib import Path

import pytest

from storyline.config import Settings
from storyline.extract.events import extract_events
from storyline.extract.lexicon import derived_verbs, load_event_lexicon
from storyline.model import PLOVER_TYPES, Block, Document
from tests.extract.helpers import spacy_actors

pytestmark = pytest.mark.slow
SETTINGS = Settings()


def analyse(text: str, published: str | None = "2023-03-15", settings: Settings = SETTINGS):
    """Events of ``text`` (one block per line), with actors taken from spaCy's entities."""
    from storyline.nlp.pipeline import parse

    blocks = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            blocks.append(Block(pos, pos + len(line)))
        pos += len(line) + 1
    doc = Document(id="d1", source="t.txt", raw=text, published=published,
                   published_precision="day" if published else None, blocks=blocks)
    parsed = parse(doc, settings)
    mentions, entities = spacy_actors(parsed)
    names = {e.id: e.name for e in entities}
    return doc, extract_events(doc, parsed, mentions, entities, settings), names


def test_verb_event_with_source_target_date_and_evidence():
    doc, events, names = analyse("Some intro line.\nOn March 3, Germany signed an agreement with France.")
    (ev,) = events
    assert ev.type == "AGREE"
    assert names[ev.source] == "Germany" and names[ev.target] == "France"
    assert (ev.date, ev.date_precision) == ("2023-03-03", "day")
    span = ev.evidence[0]
    assert doc.raw[span.start:span.end] == span.text == "On March 3, Germany signed an agreement with France."
    assert ev.id == "d1/v1" and ev.doc == "d1"
    assert "Germany" in ev.summary and "France" in ev.summary


def test_negated_recognition_is_an_asserted_rejection():
    _, events, names = analyse("Serbia does not recognize the independence of Kosovo.")
    (ev,) = events
    assert ev.type == "REJECT" and ev.modality == "asserted"
    assert names[ev.source] == "Serbia"


def test_negated_event_is_denied():
    _, events, _ = analyse("India did not attack Pakistan, the ministry said.")
    assert [e.modality for e in events] == ["denied"]


def test_nominalisation_with_possessor_and_pronoun():
    _, events, names = analyse("Angela Merkel spoke on Monday. The office announced her refusal to attend the summit.")
    rejects = [e for e in events if e.type == "REJECT"]
    assert rejects and names[rejects[0].source] == "Angela Merkel"


def test_passive_with_agent():
    _, events, names = analyse("The tanker was seized by Iran in the Gulf.")
    (ev,) = events
    assert ev.type == "COERCE" and ev.mode == "seize" and names[ev.source] == "Iran"


def test_reported_event_records_the_speaker():
    _, events, names = analyse("Joe Biden said that Japan had signed the agreement.")
    ev = next(e for e in events if e.type == "AGREE")
    assert ev.modality == "reported" and names[ev.attributed_to] == "Joe Biden"


def test_embedded_predicate_is_not_a_second_event():
    _, events, _ = analyse("Moldova refused to allow Russia to attack Ukraine.")
    assert [e.type for e in events] == ["REJECT"]


def test_no_date_evidence_gives_null_not_publication_date():
    _, events, _ = analyse("Canada praised Ukraine for its courage.")
    assert events and events[0].date is None and events[0].date_precision is None


def test_quantities_attach_to_the_event():
    _, events, _ = analyse("Japan froze $40 million of Russian assets.")
    (ev,) = events
    assert ev.type == "SANCTION"
    assert [(q.value, q.unit) for q in ev.quantities] == [(4e7, "USD")]


def test_no_actor_no_event():
    _, events, _ = analyse("The weather was cold and the talks were long.")
    assert events == []


def test_year_inferred_from_the_article_when_unpublished():
    text = "In 2021 the dispute began.\nOn May 4, Chile signed the treaty with Peru."
    _, events, _ = analyse(text, published=None)
    ev = next(e for e in events if e.type == "AGREE")
    assert ev.date == "2021-05-04"


def test_user_lexicon_extends_the_shipped_one(tmp_path: Path):
    extra = tmp_path / "extra.yaml"
    extra.write_text("verbs:\n  snub: PROTEST\n  lambast: ACCUSE\n", encoding="utf-8")
    settings = Settings(event_lexicon_paths=[str(extra)])
    _, events, _ = analyse("Norway lambasted Sweden over the fishing rights.", settings=settings)
    assert [e.type for e in events] == ["ACCUSE"]


def test_lexicon_validates_types(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("verbs:\n  hug: EMBRACE\n", encoding="utf-8")
    with pytest.raises(ValueError, match="PLOVER"):
        load_event_lexicon((str(bad),))


def test_lexicon_covers_every_type_and_derives_nouns():
    lex = load_event_lexicon()
    covered = {code.split("/")[0] for code in lex.verbs.values()}
    assert covered == set(PLOVER_TYPES)
    assert lex.lookup_noun("condemnation") == "ACCUSE"   # not listed: derived from "condemn"
    assert "invade" in derived_verbs("invasion")


@pytest.mark.slow
def test_candidates_over_attribute_lists_equal_token_reference():
    from storyline.extract.arguments import load_argument_cues
    from storyline.extract.events import event_candidates
    from storyline.extract.modality import load_modality_lexicon
    from tests.nlp.test_tokens import parsed_fixtures
    from tests.reference.events import event_candidates_over_tokens

    lex, cues, mlex = load_event_lexicon(), load_argument_cues(), load_modality_lexicon()

    def key(cands):
        return [(c.pred.i, c.code, c.nominal, c.negation_consumed, c.obj.i if c.obj is not None else None)
                for c in cands]

    found = 0
    for _, parsed in parsed_fixtures():
        for _, sent in parsed.spacy_sentences():
            want = key(event_candidates_over_tokens(sent, lex, mlex, cues))
            assert key(event_candidates(sent, lex, mlex, cues, parsed.tokens(sent.doc))) == want
            assert key(event_candidates(sent, lex, mlex, cues)) == want
            found += len(want)
    assert found >= 20


def test_a_participle_of_consequence_is_part_of_the_act():
    # "halting traffic" tells what the protest did; it is no sanction of its own
    _, events, _ = analyse("Members of the SEMAF union protested outside the ministry on Monday, "
                           "halting traffic in central Madrid.")
    assert [e.type for e in events] == ["PROTEST"]


def test_an_apposition_names_a_described_subject():
    _, events, names = analyse("The federation, known as Agrochile, accused the government of Chile of corruption.")
    (accuse,) = [e for e in events if e.type == "ACCUSE"]
    assert names.get(accuse.source) == "Agrochile"


@pytest.mark.parametrize("text, want", [
    # PLOVER REJECT: "walk out of or abandon talks"; a walkout with nothing left behind stays a strike
    ("Agrochile president Rosa Quintanilla walked out of the talks in Talca.", "REJECT"),
    ("Renfe drivers walked out on Monday.", "PROTEST"),
    ("The Malawian government declared a public health emergency in three districts.", "COERCE"),
    ("The European Union lodged a WTO challenge against Indonesia.", "ACCUSE"),
])
def test_codebook_frames_type_the_clause(text, want):
    _, events, _ = analyse(text)
    assert [e.type for e in events] == [want]


@pytest.mark.parametrize("text, unwanted", [
    # a material aim of another act has not happened: the help is asked for, not given
    ("Prime Minister Indira Sethi of Kerala appealed to Japan for help to rebuild 4,000 homes.", "AID"),
    # a condition is no act either
    ("The Ravenna Students Union threatened to boycott classes until Italy releases the detained students.",
     "RETREAT"),
])
def test_an_aim_or_a_condition_of_another_act_is_no_event(text, unwanted):
    _, events, _ = analyse(text)
    assert events and unwanted not in {e.type for e in events}


def test_an_expressive_aim_is_carried_out_by_its_act():
    # "blocked the road to protest": the blockade is the protest, so the protest stays
    _, events, _ = analyse("Farmers of the Maule Federation blocked the highway near Talca to protest against Chile's "
                        "water law.")
    assert "PROTEST" in {e.type for e in events}
