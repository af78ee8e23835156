"""Claims: poles with negation, cause attribution, quantities as ranges. Inputs are team-written."""
from __future__ import annotations

import pytest

from storyline.extract.claims import content_terms, find_claims, load_stance_lexicon, term_key
from storyline.model import Sentence

NAMES = {"freedonia": "FRE", "sylvania": "SYL", "basin council": "BC"}


def _sents(doc: str, *texts: str) -> list[Sentence]:
    out, pos = [], 0
    for t in texts:
        out.append(Sentence(doc, pos, pos + len(t), t))
        pos += len(t) + 1
    return out


def _claims(*texts: str, dimension: str | None = None):
    found = find_claims("d1", _sents("d1", *texts), [], NAMES)
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


def test_cause_without_actor_is_not_a_claim() -> None:
    assert _claims("The harvest failed due to the weather, Freedonia said.", dimension="cause") == []


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
