"""Adding documents to a fused store gives the entities a fuse of all of them from scratch gives, where a name's
initials meet an acronym: "JBM" is the one person whose full name spells it, so a new namesake of those initials
must be weighed against every stored one, not only against the stored acronym."""
from __future__ import annotations

from pathlib import Path

from storyline.config import Settings
from storyline.engine.local import fuse_store
from storyline.model import Corpus, DocAnalysis, Document, Entity, Mention, Sentence, Span
from storyline.store import Store


def _article(doc: str, sentences: list[list[str | tuple[str, str]]]) -> DocAnalysis:
    """An analysed article: each sentence's pieces are text or (name, entity type); a name is its own entity."""
    text = ""
    sents: list[Sentence] = []
    mentions: list[Mention] = []
    ents: dict[str, Entity] = {}
    for pieces in sentences:
        start = len(text)
        for p in pieces:
            if isinstance(p, str):
                text += p
                continue
            name, etype = p
            at = len(text)
            text += name
            e = ents.get(name)
            if e is None:
                e = ents[name] = Entity(f"{doc}/e{len(ents) + 1}", name, etype, aliases=[name])
            e.mentions.append(Span(doc, at, len(text), name))
            mentions.append(Mention(doc, at, len(text), name, etype, e.id))
        sents.append(Sentence(doc, start, len(text), text[start:]))
        text += " "
    document = Document(id=doc, source=f"initials/{doc}.txt", raw=text.rstrip(), text=text.rstrip(), title=doc,
                        outlet=f"Outlet {doc}", language="en", published="2024-03-01")
    return DocAnalysis(document=document, sentences=sents, mentions=mentions, entities=list(ents.values()))


def _entities(corpus: Corpus) -> set[tuple[frozenset[tuple[str, int, int]], str, str]]:
    """Each entity as its mentions, name and type (ids differ between the two runs by design)."""
    return {(frozenset((m.doc, m.start, m.end) for m in e.mentions), e.name, e.type) for e in corpus.entities}


def _fused(tmp: Path, first: list[DocAnalysis], then: list[DocAnalysis]) -> tuple[Corpus, Corpus]:
    """(``first`` fused, then ``then`` added to the store; ``first`` + ``then`` fused from scratch)."""
    settings = Settings()
    with Store(tmp / "incremental.duckdb") as store:
        store.add_analyses(first)
        fuse_store(store, first, settings)
        store.add_analyses(then)
        fuse_store(store, then, settings)
        incremental = store.corpus()
    with Store(tmp / "scratch.duckdb") as store:
        store.add_analyses(first + then)
        fuse_store(store, first + then, settings)
        scratch = store.corpus()
    return incremental, scratch


STORED = [_article("a1", [[("Jean Bosco Mugabe", "PERSON"), " said the talks would resume on Monday."]]),
          _article("a2", [[("Jacques Benoit Moreau", "PERSON"), " said the bridge would reopen in May."]]),
          _article("a3", [[("JBM", "PERSON"), " said the report was accurate."]])]


def test_a_new_namesake_of_stored_initials_is_weighed_against_every_stored_one(tmp_path: Path) -> None:
    # two stored people spell "JBM", so the stored "JBM" stayed alone; a third does not make it his
    added = [_article("b1", [[("Joseph Baraka Mwangi", "PERSON"), " said the harvest was poor this year."]])]
    incremental, scratch = _fused(tmp_path, STORED, added)
    assert _entities(incremental) == _entities(scratch)
    jbm = next(e for e in incremental.entities if e.name == "JBM")
    assert {m.doc for m in jbm.mentions} == {"a3"}


def test_a_new_acronym_joins_the_one_person_whose_initials_it_spells(tmp_path: Path) -> None:
    first = [_article("a1", [[("Jean Bosco Mugabe", "PERSON"), " said the talks would resume on Monday."]]),
             _article("a2", [[("Amina Odhiambo", "PERSON"), " said the bridge would reopen in May."]])]
    added = [_article("b1", [[("JBM", "PERSON"), " said the report was accurate."]])]
    incremental, scratch = _fused(tmp_path, first, added)
    assert _entities(incremental) == _entities(scratch)
    person = next(e for e in incremental.entities if e.name == "Jean Bosco Mugabe")
    assert {m.doc for m in person.mentions} == {"a1", "b1"}
