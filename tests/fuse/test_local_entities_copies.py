"""``local_entities`` reads each form of a name once (``_alike``: a store's popular entity is thousands of per-article
parts written alike) and counts every copy where a rule counts entities: the result is the one of reading each."""
from __future__ import annotations

from dataclasses import replace

from storyline.fuse.entities import local_entities
from storyline.model import Entity, Span, to_dict
from tests.fuse.test_entities import analyses, ent


def copy_in(doc: str, e: Entity) -> Entity:
    """``e`` as another article writes it: the same form, its own id and mentions."""
    return replace(e, id=f"{doc}/e{e.id.rsplit('/e', 1)[1]}", aliases=list(e.aliases),
                   mentions=[Span(doc, m.start, m.end, m.text) for m in e.mentions])


def by_id(ents: list[Entity]) -> dict[str, Entity]:
    return {e.id: e for e in ents}


def test_the_one_two_word_name_of_an_addressed_surname_counts_its_copies():
    # "Tapiwa Chiwenga" typed ORG beside "Mr Chiwenga": the one such name is the person's
    mr = ent("d1", 1, "Mr Chiwenga")
    firm = ent("d2", 1, "Tapiwa Chiwenga", "ORG")
    assert by_id(local_entities(analyses([mr], [firm])))["d2/e1"].type == "PERSON"
    # written alike in two articles it is two such names, as when each is read: neither is made the person
    out = by_id(local_entities(analyses([mr], [firm], [copy_in("d3", firm)])))
    assert out["d2/e1"].type == out["d3/e1"].type == "ORG"
    # a title and a surname a person of the corpus has: every copy is the person
    full = ent("d4", 1, "Rosa Quispe")
    titled = ent("d5", 1, "Congresswoman Quispe", "ORG")
    out = by_id(local_entities(analyses([full], [titled], [copy_in("d6", titled)])))
    assert out["d5/e1"].type == out["d6/e1"].type == "PERSON"
    assert out["d6/e1"].mentions == [Span("d6", 0, len("Congresswoman Quispe"), "Congresswoman Quispe")]


def test_a_kb_acronym_read_as_the_corpus_body_only_while_no_copy_writes_the_kb_name():
    home = ent("d1", 1, "Bank of Jamaica", "ORG", "JAM")
    known = ent("d2", 1, "Bank of Japan", "ORG", "JPN", aliases=["BOJ"], kb_id="org:JPN-boj")
    out = by_id(local_entities(analyses([home], [known])))
    assert out["d2/e1"].name == "BOJ" and out["d2/e1"].kb_id is None
    # the KB's name written by two entities alike (one per article): both keep the KB's reading
    out = by_id(local_entities(analyses([home], [known], [copy_in("d3", known)])))
    assert out["d2/e1"].kb_id == out["d3/e1"].kb_id == "org:JPN-boj"


def test_every_copy_of_a_description_that_is_a_name_is_made_the_name_with_its_own_id_and_mentions():
    dod = replace(ent("d1", 1, "The DoD", "ORG"), generic=True)
    copies = [copy_in(d, dod) for d in ("d2", "d3")]
    out = local_entities(analyses([dod], [copies[0]], [copies[1]]))
    assert [(e.id, e.name, e.type, e.generic, e.aliases) for e in out] == [
        (f"{d}/e1", "DoD", "ORG", False, ["The DoD", "DoD"]) for d in ("d1", "d2", "d3")]
    assert [e.mentions[0].doc for e in out] == ["d1", "d2", "d3"]
    # the analyses keep theirs, and the copies do not share a list of aliases
    assert dod.generic and dod.aliases == ["The DoD"]
    out[0].aliases.append("x")
    assert out[1].aliases == ["The DoD", "DoD"]
    # one reading: the same as each copy read alone
    assert [to_dict(e) for e in out][1:] == [
        {**to_dict(local_entities(analyses([c]))[0])} for c in copies]
