"""Unnamed groups that act become generic actors (real parse)."""
from __future__ import annotations

import pytest

from storyline.config import Settings
from storyline.engine.stages import analyze_documents
from storyline.model import DocAnalysis, Document

pytestmark = pytest.mark.slow

TEXT = ("Protesters blocked the ring road in Nairobi on Monday.\n\n"
        "Kenyan police detained 40 demonstrators, the government said.\n\n"
        "The health ministry urged striking nurses to return to work.")


@pytest.fixture(scope="module")
def analysis() -> DocAnalysis:
    out = analyze_documents([Document(id="g1", source="g1.txt", raw=TEXT)], Settings())[0]
    assert isinstance(out, DocAnalysis)
    return out


def test_acting_groups_are_generic_entities_with_a_sector(analysis):
    groups = {e.name: e for e in analysis.entities if e.generic}
    assert groups["Protesters"].sector == "protesters" and groups["Protesters"].type == "ORG"
    assert groups["striking nurses"].sector == "labour"
    # every generic mention is the raw text at its offsets
    for e in groups.values():
        assert all(TEXT[m.start:m.end] == m.text for m in e.mentions)


def test_a_state_institution_is_an_actor_of_its_own_with_the_articles_country(analysis):
    # "The health ministry" of an article about Kenya, "Kenyan police": institutions, not unnamed groups
    ministry = next(e for e in analysis.entities if e.name == "Health Ministry of Kenya")
    assert (ministry.type, ministry.country, ministry.sector, ministry.generic) == ("ORG", "KEN", "GOV", False)
    assert [m.text for m in ministry.mentions] == ["health ministry"]
    police = next(e for e in analysis.entities if e.name == "Police of Kenya")
    assert (police.country, police.sector, police.kb_id) == ("KEN", "COP", "inst:KEN:police")
    assert [m.text for m in police.mentions] == ["Kenyan police"]


def test_a_bare_government_word_is_left_to_resolution(analysis):
    assert not any(e.generic and e.name.lower() == "government" for e in analysis.entities)


def test_groups_become_event_actors(analysis):
    names = {e.id: e.name for e in analysis.entities}
    sources = {names.get(ev.source) for ev in analysis.events}
    assert {"Protesters", "Health Ministry of Kenya"} <= sources


def test_groups_are_not_merged_across_documents():
    from storyline.fuse import fuse

    docs = [Document(id=f"p{i}", source=f"p{i}.txt", raw=f"Police detained {i + 3} people in the town of Orvel{i}.")
            for i in range(2)]
    analyses = [a for a in analyze_documents(docs, Settings()) if isinstance(a, DocAnalysis)]
    corpus = fuse(analyses, Settings())
    police = [e for e in corpus.entities if e.generic and e.sector == "police"]
    assert len(police) == 2 and all(len({m.doc for m in e.mentions}) == 1 for e in police)


def test_a_users_knowledge_base_names_the_institution(tmp_path):
    # the user's own file holds Kenya's health ministry: the unnamed "health ministry" becomes that entry
    mine = tmp_path / "mine.yaml"
    mine.write_text("entities:\n  - {id: org:ke-moh, name: Ministry of Health of Kenya, type: ORG, country: KEN,"
                    " sector: GOV, alias: [Kenyan Ministry of Health]}\n", encoding="utf-8")
    out = analyze_documents([Document(id="g2", source="g2.txt", raw=TEXT)], Settings(kb_paths=[str(mine)]))[0]
    assert isinstance(out, DocAnalysis)
    ministry = next(e for e in out.entities if [m.text for m in e.mentions] == ["health ministry"])
    assert ministry.kb_id == "org:ke-moh"


def test_a_definite_group_noun_that_owns_something_is_an_actor():
    # "the company's new depot": the possessor names the body as a subject would; "a company's" names none
    text = "Residents said the company's new depot was too close to the river.\n\nA company's truck blocked the lane."
    out = analyze_documents([Document(id="g3", source="g3.txt", raw=text)], Settings())[0]
    assert isinstance(out, DocAnalysis)
    spans = [text[m.start:m.end] for e in out.entities if e.generic and e.sector == "business" for m in e.mentions]
    assert spans == ["company"]


def test_a_plural_owner_is_part_of_a_groups_name_and_a_singular_one_is_not():
    # "the glaziers' union" is called by whom it is of; "the company's union" is the company's, another actor
    text = ("The glaziers' union called a strike on Monday.\n\n"
            "Managers said the company's union had not been consulted.")
    out = analyze_documents([Document(id="g4", source="g4.txt", raw=text)], Settings())[0]
    assert isinstance(out, DocAnalysis)
    spans = sorted(text[m.start:m.end] for e in out.entities if e.generic for m in e.mentions)
    assert "glaziers' union" in spans and "union" in spans and "company's union" not in spans
