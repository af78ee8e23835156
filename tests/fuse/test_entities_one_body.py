"""One body named in two languages against two bodies of one kind (``entity_matcher.org_body_relation``, issue 17):
the trained matcher joins an own-language name and its English name and keeps a second body of the kind apart."""
from __future__ import annotations

import pytest

from storyline.config import Settings
from storyline.fuse import entity_matcher
from storyline.fuse.entities import merge_entities
from storyline.model import DocAnalysis, Document, Entity, Span


def ent(doc: str, name: str, country: str | None) -> Entity:
    spans = [Span(doc, 10 * i, 10 * i + len(name), name) for i in range(2)]
    return Entity(id=f"{doc}/e1", name=name, type="ORG", country=country, aliases=[name], mentions=spans)


def info(name: str, country: str | None = None) -> entity_matcher.Info:
    return entity_matcher.info_of(ent("x", name, country))


@pytest.mark.parametrize(("a", "b", "want"), [
    # one body: a generic word in two languages, the kind alike, no second country or name
    (("Compañía Minera Huaylas", "PER"), ("Huaylas Mining", "PER"), (True, False)),
    (("Viljandi Maakohus", "EST"), ("Viljandi County Court", "EST"), (True, False)),
    (("Ministerio de Salud Pública", "ECU"), ("Health Ministry", "ECU"), (True, False)),
    (("Tribunal Supremo", "CHL"), ("Supreme Court", "CHL"), (True, False)),
    # two bodies of one kind: another country, another distinctive name
    (("Ministerio de Salud Pública", "ECU"), ("Ministry of Health", "COL"), (False, True)),
    (("Ministry of Defence of Latvia", None), ("Ministry of Defence of Estonia", None), (False, True)),
    (("Compañía Minera Huaylas", "PER"), ("Compañía Minera Raura", "PER"), (False, True)),
    (("Viljandi Maakohus", "EST"), ("Valga County Court", "EST"), (False, True)),
    (("Agencia Nacional de Hidrocarburos", "COL"), ("National Mining Agency", "COL"), (False, True)),
    # two fields of one kind of body, and a lone generic word that names no body
    (("Ministerio de Salud", "ECU"), ("Ministry of Education", "ECU"), (False, False)),
    (("Tribunal", None), ("High Court", None), (False, False)),
])
def test_one_body_in_two_languages_is_told_from_two_bodies_of_one_kind(a, b, want):
    assert entity_matcher.org_body_relation(info(*a), info(*b)) == want
    assert entity_matcher.org_body_relation(info(*b), info(*a)) == want


def corpus(*names: tuple[str, str]) -> list[DocAnalysis]:
    return [DocAnalysis(document=Document(id=f"d{k}", source="x.txt"), entities=[ent(f"d{k}", name, country)])
            for k, (name, country) in enumerate(names, 1)]


@pytest.mark.parametrize("names", [
    [("Compañía Minera Huaylas", "PER"), ("Huaylas Mining", "PER"), ("Compañía Minera Raura", "PER")],
    [("Société Minière de Falémé", "SEN"), ("Faleme Mining", "SEN"), ("Société Minière de Kédia", "SEN")],
    [("Ospedale Civile di Rovigo", "ITA"), ("Rovigo Hospital", "ITA"), ("Ospedale Civile di Adria", "ITA")],
    [("Viljandi Maakohus", "EST"), ("Viljandi County Court", "EST"), ("Valga County Court", "EST")],
    [("Ministerio de Salud Pública", "ECU"), ("Health Ministry", "ECU"), ("Ministry of Health", "COL")],
])
def test_the_trained_matcher_joins_one_body_named_in_two_languages_and_not_another_of_its_kind(names):
    """The first two are one body in its own language and in English, which the rules leave apart; the third is
    another body of the kind (another name, or another country). The matcher before this feature left the hospital,
    court and ministry pairs apart and joined both mining companies into one."""
    _, m = merge_entities(corpus(*names), Settings(entity_matcher="trained"))
    assert m["d1/e1"] == m["d2/e1"]
    assert m["d3/e1"] not in (m["d1/e1"], m["d2/e1"])
