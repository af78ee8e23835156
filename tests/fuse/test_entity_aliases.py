"""Standard forms of corpus entities' names added to their aliases (fuse.entity_aliases), on texts written for
these tests."""
from __future__ import annotations

from storyline.fuse.entity_aliases import acronym_expansions, add_standard_aliases, body_forms, full_names
from storyline.model import DocAnalysis, Document, Entity, Span
from storyline.resolve.kb import load_kb


def analysis(doc_id: str, text: str) -> DocAnalysis:
    return DocAnalysis(document=Document(id=doc_id, source=f"{doc_id}.txt", raw=text, text=text))


def entity(eid: str, name: str, etype: str, doc: str, text: str, **kw) -> Entity:
    start = text.index(name)
    return Entity(id=eid, name=name, type=etype, aliases=[name],
                  mentions=[Span(doc, start, start + len(name), name)], **kw)


def test_ministry_forms_both_ways_and_with_the_country():
    assert body_forms("the Defence Ministry", "German") == ["Ministry of Defence", "German Defence Ministry"]
    assert body_forms("Ministry of Foreign Affairs") == ["Foreign Affairs Ministry", "Foreign Ministry"]
    assert body_forms("health ministry") == ["Ministry of Health"]   # "Health Ministry" is the same name
    assert body_forms("Bank of Spain") == []


def test_an_acronym_gets_the_one_run_of_capitalised_words_that_spells_it():
    texts = ["The Kenya Revenue Authority said on Monday that the KRA would audit 40 firms."]
    assert acronym_expansions("KRA", texts) == {"Kenya Revenue Authority"}
    assert acronym_expansions("KRA", ["The KRA and Kenya Power said so."]) == set()


def test_a_surname_gets_the_full_name_its_article_writes():
    assert full_names("Fahmy", ["Trade minister Samir Fahmy said talks would resume. Fahmy spoke in Cairo."]) \
        == {"Samir Fahmy"}
    assert full_names("Fahmy", ["Cairo Fahmy"]) == set()   # not a given name


def test_standard_aliases_from_the_knowledge_base_and_the_text():
    kb = load_kb()
    a = "The U.S. will send aid. The KRA, the Kenya Revenue Authority's new unit, and Samir Fahmy agreed."
    b = "Fahmy said the KRA would publish the figures. The Defence Ministry agreed."
    usa = entity("e1", "U.S.", "GPE", "a", a, kb_id="gpe:USA", country="USA")
    kra = entity("e2", "KRA", "ORG", "b", b, country="KEN")
    fahmy = entity("e3", "Fahmy", "PERSON", "b", b)
    fahmy.mentions.append(Span("a", a.index("Samir Fahmy") + 5, a.index("Samir Fahmy") + 10, "Fahmy"))
    mod = entity("e4", "Defence Ministry", "ORG", "b", b, country="DEU")
    kra.mentions.append(Span("a", a.index("KRA"), a.index("KRA") + 3, "KRA"))
    ents = [usa, kra, fahmy, mod]
    add_standard_aliases(ents, [analysis("a", a), analysis("b", b)], kb)
    assert "United States" in usa.aliases and "United States of America" in usa.aliases
    assert "Kenya Revenue Authority" in kra.aliases
    assert fahmy.aliases == ["Fahmy", "Samir Fahmy"]
    assert "Ministry of Defence" in mod.aliases and "German Defence Ministry" in mod.aliases


def test_a_full_name_another_entity_bears_is_not_taken():
    kb = load_kb()
    a = "Samir Fahmy met the press. Fahmy said little."
    other = entity("e1", "Samir Fahmy", "PERSON", "a", a)
    bare = Entity(id="e2", name="Fahmy", type="PERSON", aliases=["Fahmy"],
                  mentions=[Span("a", a.index("Fahmy said"), a.index("Fahmy said") + 5, "Fahmy")])
    add_standard_aliases([other, bare], [analysis("a", a)], kb)
    assert bare.aliases == ["Fahmy"]
