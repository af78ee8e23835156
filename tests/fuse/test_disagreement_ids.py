"""Disagreement ids come from what a disagreement is, not from its rank: ranking the candidates of A with
those of B gives A's disagreements the ids, records and order that ranking A alone gives (what lets an
incremental update keep the rows of the stories it did not touch)."""
from __future__ import annotations

from storyline.fuse.disagreements import disagreement_id, keep_disagreements
from storyline.model import Side, Span

TEXTS = {
    "a1": "Officials said 1,200 workers were laid off at the Gdansk yard.",
    "a2": "The union said 3,500 workers lost their jobs at the Gdansk yard.",
    "a3": "Management put the layoffs at the Gdansk yard at 900.",
    "b1": "The flooding was caused only by the failed dam, the mayor said.",
    "b2": "The flooding had nothing to do with the dam, engineers said.",
    "c1": "Police called the march in Valparaiso a provocation.",
    "c2": "Organisers described the march in Valparaiso as routine.",
}


def side(doc: str, stance: str) -> Side:
    text = TEXTS[doc]
    return Side(doc=doc, stance=stance, evidence=Span(doc, 40, 40 + len(text), text))


def candidates_a() -> list:
    return [(3.0, "quantity", "quantity (workers)", [side("a1", "1,200"), side("a2", "3,500")]),
            (2.5, "quantity", "quantity (workers)", [side("a1", "1,200"), side("a3", "900")]),
            (1.0, "framing", "framing: layoffs", [side("a2", "hostile"), side("a3", "benign")])]


def candidates_b() -> list:
    return [(4.0, "cause", "cause: flooding", [side("b1", "dam"), side("b2", "not the dam")]),
            (2.7, "framing", "framing: march", [side("c1", "hostile"), side("c2", "benign")])]


STORY_OF = {"a1": "s1", "a2": "s1", "a3": "s1", "b1": "s2", "b2": "s2", "c1": "s3", "c2": "s3"}


def ranked(found: list) -> list:
    return sorted(found, key=lambda f: -f[0])


def test_adding_other_stories_candidates_keeps_every_id_record_and_order() -> None:
    alone = keep_disagreements(ranked(candidates_a()), STORY_OF)
    both = keep_disagreements(ranked(candidates_a() + candidates_b()), STORY_OF)
    assert len(alone) == 3 and len(both) == 5
    # the same disagreements, with the same ids and records, in the same relative order (the rank)
    assert [d for d in both if d.sides[0].doc.startswith("a")] == alone
    assert [d.topic for d in both] == ["cause: flooding", "quantity (workers)", "framing: march",
                                       "quantity (workers)", "framing: layoffs"]
    assert len({d.id for d in both}) == len(both)


def test_an_id_is_the_dimension_and_the_sides_not_their_order_or_topic() -> None:
    sides = [side("a1", "1,200"), side("a2", "3,500")]
    assert disagreement_id("quantity", sides) == disagreement_id("quantity", sides[::-1])
    assert disagreement_id("quantity", sides) != disagreement_id("framing", sides)
    assert disagreement_id("quantity", sides) != disagreement_id("quantity", [side("a1", "1,200"), side("a3", "900")])
    assert disagreement_id("quantity", sides) != disagreement_id("quantity", [side("a1", "1,300"), side("a2", "3,500")])
    (d,) = keep_disagreements([(1.0, "quantity", "quantity (jobs)", sides)])
    assert d.id == disagreement_id("quantity", sides) and d.id.startswith("dis-")


def test_the_same_sides_found_twice_keep_distinct_ids_by_rank() -> None:
    sides = [side("c1", "hostile"), side("c2", "benign")]
    kept = keep_disagreements([(2.0, "framing", "framing: march", sides), (1.0, "framing", "framing: rally", sides)])
    assert [d.id for d in kept] == [disagreement_id("framing", sides), disagreement_id("framing", sides) + "-2"]
