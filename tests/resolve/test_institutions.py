"""State institutions named by a common noun become actors of their own (``storyline.resolve.institutions``)."""
from __future__ import annotations

from storyline.model import Entity, Mention, Span
from storyline.resolve.institutions import article_country, institution_kind, mark_institutions
from storyline.resolve.kb import load_kb


def test_the_kind_and_the_country_come_from_the_words_of_the_name():
    kb = load_kb()
    assert institution_kind("Brazil's central bank", kb) == ("central_bank", "BRA")
    assert institution_kind("the Ministry of Foreign Affairs of Peru", kb) == ("foreign_ministry", "PER")
    assert institution_kind("Indonesian National Armed Forces", kb) == ("armed_forces", "IDN")
    assert institution_kind("the Defence Ministry", kb) == ("defence_ministry", None)
    # a firm's or a club's name is no institution, whatever country it names
    assert institution_kind("Football Kenya Federation", kb) is None
    assert institution_kind("Kenya Airways", kb) is None


def _doc(parts: list[tuple[str, str, str, str | None, bool]]) -> tuple[list[Mention], list[Entity]]:
    mentions, ents, pos = [], [], 0
    for n, (eid, text, etype, country, generic) in enumerate(parts):
        ents.append(Entity(f"d/{eid}", text, etype, country=country, aliases=[text], generic=generic,
                           sector="government" if generic else None, mentions=[Span("d", pos, pos + len(text), text)]))
        mentions.append(Mention("d", pos, pos + len(text), text, etype, f"d/{eid}"))
        pos += len(text) + 10 + n
    return mentions, ents


def test_an_unnamed_central_bank_of_a_country_is_that_countrys_kb_institution():
    mentions, ents = _doc([("e1", "Brazil", "GPE", "BRA", False), ("g1", "central bank", "ORG", "BRA", True)])
    _, out = mark_institutions(mentions, ents, load_kb())
    bank = next(e for e in out if e.id == "d/g1")
    assert (bank.kb_id, bank.country, bank.sector, bank.generic) == ("org:BRA-bcb", "BRA", "GOV", False)


def test_two_names_of_one_institution_in_an_article_become_one_actor_with_its_country():
    mentions, ents = _doc([("e1", "Indonesia", "GPE", "IDN", False), ("e2", "Jakarta", "GPE", "IDN", False),
                           ("e3", "House of Representatives", "ORG", None, False),
                           ("g1", "parliament", "ORG", None, True), ("g2", "protesters", "ORG", None, True)])
    assert article_country(mentions, ents) == "IDN"
    mentions, out = mark_institutions(mentions, ents, load_kb())
    house = next(e for e in out if e.id == "d/e3")
    assert (house.kb_id, house.country, house.sector) == ("inst:IDN:legislature", "IDN", "GOV")
    assert "d/g1" not in {e.id for e in out}
    assert next(m for m in mentions if m.text == "parliament").entity == "d/e3"
    # a group that is no institution keeps what it was
    assert next(e for e in out if e.id == "d/g2").generic


def test_no_country_no_institution():
    # an article split between two countries says nothing about whose "Congress" it is
    mentions, ents = _doc([("e1", "Ukraine", "GPE", "UKR", False), ("e2", "Washington", "GPE", "USA", False),
                           ("e3", "Congress", "ORG", None, False)])
    _, out = mark_institutions(mentions, ents, load_kb())
    assert next(e for e in out if e.id == "d/e3").kb_id is None
