"""Disagreements on a tiny team-written multi-outlet corpus, and restraint where outlets agree."""
from __future__ import annotations

import re

from storyline.config import Settings
from storyline.fuse.disagreements import MAX_DISAGREEMENTS, find_disagreements
from storyline.model import DocAnalysis, Document, Entity, Event, Sentence, Span

ACTORS = {"Freedonia": ("g1", "GPE", "FRD"), "Freedonian": ("g1", "GPE", "FRD"),
          "Sylvania": ("g2", "GPE", "SYL"), "Sylvanian": ("g2", "GPE", "SYL"),
          "Basin Council": ("g3", "ORG", None), "Ana Vell": ("g4", "PERSON", "FRD")}

# Meridian Ledger and Daily Crossroads agree with each other; Continental Wire contradicts both on the
# size of the relief fund and on who ended the border crisis.
LEDGER = ["Freedonia raised its drought relief fund by 900 billion tenge, which is about $1.9 billion.",
          "The border crisis was overcome due to the joint effort of the Basin Council members, "
          "not just Sylvania, and the markets reopened.",
          "Freedonia no longer wants to remain the satellite of Sylvania."]
CROSSROADS = ["President Ana Vell said Freedonia raised its drought relief fund by $2 billion this spring.",
              "Markets in Freedonia reopened after weeks of panic over the harvest."]
WIRE = ["Freedonia raised its drought relief fund by several million dollars, a token sum.",
        "In truth the border crisis was overcome only thanks to the Sylvanian army, whatever Freedonia says.",
        "Freedonia remains firmly under the influence of Sylvania."]


def _analysis(doc_id: str, outlet: str, sentences: list[str]) -> tuple[DocAnalysis, list[tuple[str, Span]]]:
    raw = " ".join(sentences)
    doc = Document(id=doc_id, source=f"{doc_id}.txt", raw=raw, outlet=outlet, text=raw)
    sents, pos = [], 0
    for t in sentences:
        sents.append(Sentence(doc_id, pos, pos + len(t), t))
        pos += len(t) + 1
    mentions = []
    for name in sorted(ACTORS, key=len, reverse=True):
        for m in re.finditer(rf"\b{re.escape(name)}\b", raw):
            if not any(s.start <= m.start() < s.end for _, s in mentions):
                mentions.append((ACTORS[name][0], Span(doc_id, m.start(), m.end(), name)))
    return DocAnalysis(document=doc, sentences=sents), mentions


def _corpus(*docs: tuple[str, str, list[str]]) -> tuple[list[DocAnalysis], list[Entity]]:
    analyses, spans = [], []
    for d in docs:
        a, m = _analysis(*d)
        analyses.append(a)
        spans.extend(m)
    entities = {}
    for name, (eid, etype, country) in ACTORS.items():
        entities.setdefault(eid, Entity(id=eid, name=name, type=etype, country=country))
    for eid, span in spans:
        entities[eid].mentions.append(span)
    return analyses, list(entities.values())


def _topics(found) -> list[str]:
    return [d.topic.split(":")[0].split(" (")[0] for d in found]


def test_contradicting_outlets_are_found_with_both_sides() -> None:
    analyses, entities = _corpus(("led", "Meridian Ledger", LEDGER), ("cro", "Daily Crossroads", CROSSROADS),
                                 ("wir", "Continental Wire", WIRE))
    found = find_disagreements(analyses, entities, [], Settings())
    by_kind = {t: d for t, d in zip(_topics(found), found)}
    assert {"quantity", "cause", "alignment"} <= set(by_kind)
    fund = by_kind["quantity"]
    assert {s.doc for s in fund.sides} == {"led", "cro", "wir"}
    wire_side = next(s for s in fund.sides if s.doc == "wir")
    assert "several million dollars" in wire_side.evidence.text
    raw = {a.document.id: a.document.raw for a in analyses}
    for d in found:
        for s in d.sides:  # evidence offsets point into the raw text
            assert raw[s.doc][s.evidence.start:s.evidence.end] == s.evidence.text
    cause = by_kind["cause"]
    assert {s.doc for s in cause.sides} == {"led", "wir"}
    assert any(s.stance.startswith("only") for s in cause.sides)
    alignment = by_kind["alignment"]
    assert {(s.doc, s.stance) for s in alignment.sides} == {("led", "distancing"), ("wir", "aligned")}
    assert [d.id for d in found] == [f"dis{i}" for i in range(1, len(found) + 1)]


def test_agreeing_outlets_do_not_disagree() -> None:
    analyses, entities = _corpus(("led", "Meridian Ledger", LEDGER), ("cro", "Daily Crossroads", CROSSROADS))
    assert find_disagreements(analyses, entities, [], Settings()) == []


def test_denied_event_against_asserted_one() -> None:
    a = "Sylvania shelled the Freedonian border post on Monday."
    b = "Sylvania did not shell the Freedonian border post, its ministry said."
    analyses, entities = _corpus(("x", "X", [a]), ("y", "Y", [b]))
    events = [Event(id="x/v1", type="ASSAULT", source="g2", target="g1", doc="x", story_event="se1",
                    evidence=[Span("x", 0, len(a), a)]),
              Event(id="y/v1", type="ASSAULT", source="g2", target="g1", doc="y", story_event="se1",
                    modality="denied", evidence=[Span("y", 0, len(b), b)])]
    found = find_disagreements(analyses, entities, events, Settings())
    (event,) = [d for d in found if d.topic.startswith("event")]
    assert {(s.doc, s.stance) for s in event.sides} == {("x", "happened"), ("y", "denied")}


def test_seeds_disagreements(seeds_dir, gold_path) -> None:
    """Acceptance on the shared seeds: the gold disagreements are found, without spraying."""
    import yaml

    from storyline.clean import LineStats
    from storyline.engine.stages import analyze_document
    from storyline.fuse.entities import merge_entities
    from storyline.ingest import read_paths
    from storyline.model import IngestError

    settings = Settings()
    docs = [d for d in read_paths([str(seeds_dir)], settings) if not isinstance(d, IngestError)]
    stats = LineStats.from_documents(docs)
    analyses = [analyze_document(d, settings, stats) for d in docs]
    entities, id_map = merge_entities(analyses, settings)
    events = []
    for a in analyses:
        for ev in a.events:
            ev.source, ev.target = id_map.get(ev.source, ev.source), id_map.get(ev.target, ev.target)
            events.append(ev)
    found = find_disagreements(analyses, entities, events, settings)
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))["disagreements"]
    key = {a.document.id: a.document.source.rsplit("/", 1)[-1][:3] for a in analyses}

    def norm(s: str) -> str:
        return re.sub(r"\s+", " ", s.replace("\u2019", "'")).strip().lower()

    hit = 0
    for g in gold:
        for d in found:
            covered = {gs["doc"] for s in d.sides for gs in g["sides"]
                       if key[s.doc] == gs["doc"] and norm(gs["phrase"]) in norm(s.evidence.text)}
            if len(covered) >= 2:
                hit += 1
                break
    assert hit / len(gold) >= 0.6
    assert len(found) <= min(MAX_DISAGREEMENTS, 3 * len(gold))
