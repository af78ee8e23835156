"""Claims: poles with negation, cause attribution, quantities as ranges. Inputs are team-written.

Most tests read claims as the disagreement dimensions see them: found per document, then bound to
the actor names of a corpus (``bind_claims``).
"""
from __future__ import annotations

import pytest

from storyline.extract.claims import find_claims
from storyline.extract.stance import content_terms, load_stance_lexicon, term_key
from storyline.fuse.disagreements import bind_claims
from storyline.model import Claim, Sentence, from_dict, to_dict

NAMES = {"freedonia": "FRE", "sylvania": "SYL", "basin council": "BC"}


def _sents(doc: str, *texts: str) -> list[Sentence]:
    out, pos = [], 0
    for t in texts:
        out.append(Sentence(doc, pos, pos + len(t), t))
        pos += len(t) + 1
    return out


def _claims(*texts: str, dimension: str | None = None):
    found = bind_claims(find_claims("d1", _sents("d1", *texts)), [], NAMES)
    return [c for c in found if dimension is None or c.dimension == dimension]


def test_pole_and_negation_flip() -> None:
    (plain,) = _claims("Freedonia remains a loyal satellite of Sylvania.", dimension="alignment")
    (negated,) = _claims("Freedonia no longer wants to remain the satellite of Sylvania.", dimension="alignment")
    assert plain.pole == "aligned"
    assert negated.pole == "distancing"
    assert plain.actors == {"FRE", "SYL"}


def test_alignment_needs_two_actors() -> None:
    assert _claims("The country remains a satellite.", dimension="alignment") == []


def test_compliance_needs_a_cue_nearby() -> None:
    (evades,) = _claims("Sylvania uses Freedonia to bypass the sanctions imposed on it.", dimension="compliance")
    assert evades.pole == "evades"
    # "bypass" with no sanctions in reach is a route, not evasion
    assert _claims("Freedonia built a pipeline to bypass Sylvania entirely this year.", dimension="compliance") == []


def test_question_and_hedge_weigh_less() -> None:
    (asked,) = _claims("Is Freedonia moving away from Sylvania?", dimension="alignment")
    (stated,) = _claims("Freedonia is moving away from Sylvania.", dimension="alignment")
    assert asked.weight < stated.weight


def test_cause_only_and_shared() -> None:
    (only,) = _claims("The uprising was put down only thanks to the Sylvania army, officials admit.",
                      dimension="cause")
    (shared,) = _claims("The uprising ended due to the joint support of the Basin Council, not just Sylvania, "
                        "and the capital is calm.", dimension="cause")
    assert only.pole == "only" and only.agents == {"SYL"}
    assert shared.pole == "shared" and shared.agents == {"BC", "SYL"}
    assert "calm" not in shared.text  # the cause span stops at the clause that follows


def test_cause_without_actor_names_a_thing() -> None:
    (c,) = _claims("The harvest failed due to the weather, Freedonia said.", dimension="cause")
    assert c.agents == frozenset() and c.cause == {term_key("weather")}
    assert term_key("harvest") in c.outcome


def test_cause_result_of_and_denial_split() -> None:
    asserted, denied = _claims("The blackout in the capital was the result of an ice storm and had nothing to do "
                               "with the new software, the utility said.", dimension="cause")
    assert asserted.pole == "cause" and asserted.cause == content_terms("ice storm")
    assert denied.pole == "denied" and denied.cause == content_terms("new software")
    (negated,) = _claims("The strike was not caused by the pay offer, union leaders insisted.", dimension="cause")
    assert negated.pole == "denied"


def test_cause_by_timing_needs_a_change() -> None:
    (timed,) = _claims("Turnout collapsed on the very day the polling stations were moved.", dimension="cause")
    assert timed.cause >= content_terms("polling stations") and "~change" in timed.outcome
    assert _claims("The minister spoke on the same day the report was published.", dimension="cause") == []


def test_cause_of_a_term_stops_at_its_clause() -> None:
    (c,) = _claims("Officials blamed the outage on a lightning strike that hit the main line.", dimension="cause")
    assert c.cause == content_terms("a lightning strike")


def test_frame_needs_a_characterising_cue() -> None:
    (hostile,) = _claims("The ministry called the naval drill \"a provocation aimed at our coast\".",
                         dimension="framing")
    (benign,) = _claims("The navy said the drill was a routine exercise planned long ago.", dimension="framing")
    (flipped,) = _claims("The navy said the drill was not a provocation.", dimension="framing")
    assert (hostile.pole, benign.pole, flipped.pole) == ("hostile", "benign", "benign")
    assert _claims("Routine checks found nothing at the port.", dimension="framing") == []


def test_quantities_convert_and_range() -> None:
    lex = load_stance_lexicon()
    exact, approx = _claims("The fund grew by 500 billion tenge, which is approximately $1 billion.",
                            dimension="quantity")
    assert exact.pole == "USD" and exact.low == pytest.approx(500e9 * lex.usd["KZT"])
    assert approx.low < 1e9 < approx.high  # "approximately" widens the range
    (vague,) = _claims("The fund grew by several billion dollars.", dimension="quantity")
    assert (vague.low, vague.high) == (3e9, 9e9)
    assert term_key("fund") in vague.anchor


def test_spelling_variants_meet() -> None:
    assert content_terms("defence budget recognise") == content_terms("defense budget recognize")


def _amounts(text: str):
    return [(c.pole, c.low, c.high) for c in _claims(text, dimension="quantity")]


def test_people_counts_share_a_family_and_vague_words_are_ranges() -> None:
    ((u1, lo1, hi1),) = _amounts("The union said a few hundred strikers stood at the gates on Monday.")
    ((u2, lo2, hi2),) = _amounts("Police counted more than 4,000 workers at the gates.")
    ((u3, lo3, hi3),) = _amounts("Several hundred angry voters queued outside.")
    assert u1 == u2 == u3 == "people"
    assert (lo1, hi1) == (200, 500) and (lo3, hi3) == (300, 900)
    assert lo2 == 4000 and hi2 > 4000  # "more than" opens the range upwards
    ((_, lo4, hi4),) = _amounts("Fewer than 90 employees lost their jobs.")
    assert hi4 == 90 and lo4 < 90


def test_measures_and_rates_and_rejected_figures() -> None:
    ((unit, lo, _),) = _amounts("The pipeline will carry two hundred cubic metres a second, the operator said.")
    assert unit == "cubic metre/second" and lo == 200
    # a figure the sentence rejects is not the document's claim
    assert [a[1] for a in _amounts("That is 40 tonnes a day, not the 60 tonnes claimed by the mayor.")] == [40]
    # a bare number after a figure takes its unit ("from 40 to 25")
    assert [a[0] for a in _amounts("Exports fell from 40 tonnes a day in May to 25 in June.")] == ["tonne/day"] * 2


def test_quantity_context_dates_and_durations() -> None:
    (c,) = _claims("The company will cut 1,200 jobs over eighteen months, it said on Tuesday.", dimension="quantity")
    assert c.pole == "job" and c.when == {"Tuesday"}


def test_vague_plurals_alone_are_amounts() -> None:
    ((unit, lo, hi),) = _amounts("Tens of thousands of voters queued for hours.")
    assert unit == "people" and (lo, hi) == (20000, 90000)
    ((unit, lo, _),) = _amounts("Hundreds of miners walked out.")
    assert unit == "people" and lo == 200
    assert _amounts("Several countries sent observers.") == []


def test_a_condition_weighs_as_a_condition_not_also_as_reported_speech() -> None:
    from storyline.extract.claims import CONDITIONAL_WEIGHT, _sentence_weight

    lex = load_stance_lexicon()
    weight, question = _sentence_weight("If Freedonia joins the bloc, Sylvania will respond.", 1.0, lex)
    assert weight == pytest.approx(CONDITIONAL_WEIGHT)
    assert question == 1.0


def test_a_claim_is_a_plain_record_with_raw_offsets_and_no_corpus_knowledge() -> None:
    texts = ["Markets opened calmly on Monday.",
             "The harvest failed only because of Sylvania, farmers in the north said."]
    (claim,) = find_claims("d7", _sents("d7", *texts))
    raw = " ".join(texts)
    assert claim.id == "d7/c1" and claim.doc == "d7" and claim.kind == "cause" and claim.pole == "only"
    assert raw[claim.evidence.start:claim.evidence.end] == claim.evidence.text == texts[1]
    # who "Sylvania" is depends on the corpus: the claim keeps the span that names the cause
    assert claim.cause_span is not None and claim.cause_span.text.strip() == "Sylvania"
    assert raw[claim.cause_span.start:claim.cause_span.end] == claim.cause_span.text
    assert from_dict(Claim, to_dict(claim)) == claim


def test_binding_takes_actors_from_mentions_inside_the_claim() -> None:
    text = "Freedonia remains a loyal satellite of its big neighbour."
    found = find_claims("d1", _sents("d1", text))
    assert [c.pole for c in found] == ["aligned"]  # kept per document: actors are counted at binding
    assert bind_claims(found, [], NAMES) == []     # one actor named: alignment needs two
    neighbour = text.index("its big neighbour")
    (bound,) = bind_claims(found, [(neighbour, neighbour + len("its big neighbour"), "SYL")], NAMES)
    assert bound.actors == {"FRE", "SYL"}
    outside = [(len(text) + 5, len(text) + 12, "BC")]  # a mention in another sentence counts for nothing
    assert bind_claims(found, outside, NAMES) == []


def test_a_cause_naming_neither_an_actor_nor_a_word_is_dropped_at_binding() -> None:
    found = find_claims("d1", _sents("d1", "The harvest failed only because of it, the minister said."))
    assert [(c.kind, c.cause) for c in found] == [("cause", [])]  # kept per document: "it" might be a name
    assert bind_claims(found, [], NAMES) == []
    it = found[0].evidence.text.index("it,")
    (bound,) = bind_claims(found, [(it, it + 2, "SYL")], NAMES)  # a corpus that resolved "it" to an actor
    assert bound.agents == {"SYL"} and bound.pole == "only"
