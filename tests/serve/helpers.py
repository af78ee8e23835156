"""Store files from hand-made corpora, for the app and query tests."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from storyline.model import (
    Block,
    Claim,
    Corpus,
    Disagreement,
    DocAnalysis,
    Document,
    Entity,
    Event,
    OutletProfile,
    Quote,
    Relation,
    Sentence,
    Side,
    Span,
    Story,
    StoryEvent,
)
from storyline.store import Store


def sentences_of(doc: Document) -> list[Sentence]:
    """The document's sentences, split at full stops (the hand-made articles are plain prose)."""
    return [Sentence(doc.id, m.start(), m.end(), m.group()) for m in re.finditer(r"[^\s.!?][^.!?]*[.!?]?", doc.raw)]


def store_from(corpus: Corpus, folder: Path, *, sentences: bool = False) -> Path:
    """Write ``corpus`` into ``folder/storyline.duckdb`` as `storyline analyze` would.

    ``sentences``: store each document's sentences too (split at full stops), as the nlp stage would.
    """
    path = folder / "storyline.duckdb"
    with Store(path) as store:
        store.add_analyses([DocAnalysis(document=d, claims=[c for c in corpus.claims if c.doc == d.id],
                                        sentences=sentences_of(d) if sentences else [])
                            for d in corpus.documents])
        store.replace_corpus(corpus)
    return path


def _doc(doc_id: str, text: str, **meta: Any) -> Document:
    return Document(id=doc_id, source=f"{doc_id}.txt", raw=text, text=text, language="en",
                    blocks=[Block(0, len(text))], **meta)


def _span(doc: Document, text: str) -> Span:
    start = doc.raw.index(text)
    return Span(doc.id, start, start + len(text), text)


def newsroom_corpus() -> Corpus:
    """Four articles from two outlets (and one without) about a rail strike, with every record kind.

    Dates come at every precision (day, month, none); one title holds SQL wildcard characters
    (``%`` and ``_``) that a text search must take literally; one event has no evidence.
    """
    n1 = _doc("n1", "Tessan Rail workers walked out on Tuesday. Union leader Mara Quist said the strike "
                    "would last a week.", title="Rail strike halts freight", outlet="Coastal Ledger",
              published="2025-03-04", published_precision="day", genre="reporting")
    n2 = _doc("n2", "The transport ministry rejected the union's pay demand. Quist called the decision unfair.",
              title="Ministry calls offer 100% final, a 50_50 split refused", outlet="Valley Herald",
              published="2025-03", published_precision="month", genre="reporting")
    n3 = _doc("n3", "Talks between Tessan Rail and the union resumed behind closed doors.", genre="analysis")
    n4 = _doc("n4", "Freight trains ran again after the ministry and the union agreed a deal.",
              title="Freight returns", outlet="Valley Herald", published="2025-04-20", genre="opinion")
    quist = Entity(id="p1", name="Mara Quist", type="PERSON", role="union leader", aliases=["Mara Quist", "Quist"],
                   mentions=[_span(n1, "Mara Quist"), _span(n2, "Quist")])
    rail = Entity(id="o1", name="Tessan Rail", type="ORG", aliases=["Tessan Rail"],
                  mentions=[_span(n1, "Tessan Rail"), _span(n3, "Tessan Rail")])
    ministry = Entity(id="g1", name="Transport Ministry", type="ORG", aliases=["transport ministry", "ministry"],
                      mentions=[_span(n2, "transport ministry"), _span(n4, "ministry")])
    events = [
        Event(id="n1/v1", type="PROTEST", source="p1", target="o1", date="2025-03-04", date_precision="day",
              summary="Rail workers strike.", evidence=[_span(n1, "Tessan Rail workers walked out on Tuesday.")],
              doc="n1", story_event="se2"),
        Event(id="n2/v1", type="REJECT", source="g1", target="p1", date="2025-03", date_precision="month",
              modality="reported", attributed_to="p1", summary="The ministry rejected the pay demand.",
              evidence=[_span(n2, "The transport ministry rejected the union's pay demand.")], doc="n2"),
        Event(id="n3/v1", type="CONSULT", source="o1", target="p1", summary="Talks resumed.",
              evidence=[_span(n3, "Talks between Tessan Rail and the union resumed behind closed doors.")],
              doc="n3"),
        Event(id="n4/v1", type="AGREE", source="g1", target="p1", date="2025-04-19", summary="A deal was agreed.",
              evidence=[_span(n4, "the ministry and the union agreed a deal")], doc="n4", story_event="se1"),
        Event(id="n4/v2", type="COOPERATE", source="g1", target=None, summary="Trains ran again.", doc="n4"),
    ]
    quotes = [Quote(id="n1/q1", doc="n1", speaker="p1", text="the strike would last a week",
                    start=n1.raw.index("the strike"), end=n1.raw.index("the strike") + 28, direct=False),
              Quote(id="n2/q1", doc="n2", speaker=None, text="unfair", start=n2.raw.index("unfair"),
                    end=n2.raw.index("unfair") + 6, direct=False, doubtful=True)]
    return Corpus(
        documents=[n1, n2, n3, n4], entities=[quist, rail, ministry], events=events, quotes=quotes,
        stories=[Story(id="s1", title="Rail strike and deal", date="2025-03", docs=["n1", "n2", "n4"]),
                 Story(id="s2", title="Closed-door talks", date=None, docs=["n3"])],
        story_events=[StoryEvent(id="se1", type="AGREE", date="2025-04-19", source="g1", target="p1",
                                 summary="Ministry and union agree", events=["n4/v1"], docs=["n4"], n_outlets=1),
                      StoryEvent(id="se2", type="PROTEST", date="2025-03-04", source="p1", target="o1",
                                 summary="Rail strike", events=["n1/v1"], docs=["n1", "n2"], n_outlets=2)],
        disagreements=[Disagreement(id="d1", topic="whether the pay offer was fair", sides=[
            Side("n1", "fair", events[0].evidence[0]), Side("n2", "unfair", events[1].evidence[0])])],
        relations=[Relation("g1", "p1", "2025-03", 1, 0.0, 1.0), Relation("o1", "p1", "2025-03", 1, 0.5, 0.5),
                   Relation("g1", "p1", "2025-04", 1, 1.0, 0.0)],
        claims=[Claim(id="n1/c1", doc="n1", evidence=_span(n1, "the strike would last a week"), kind="quantity",
                      dimension="quantity", pole="week", weight=1.0, text="last a week", low=7.0, high=7.0),
                Claim(id="n2/c1", doc="n2", evidence=events[1].evidence[0], kind="pole", dimension="compliance",
                      pole="refuse", weight=0.8, text="rejected")],
        outlets=[OutletProfile(name="Coastal Ledger", docs=["n1"], genre_mix={"reporting": 1}),
                 OutletProfile(name="Valley Herald", docs=["n2", "n4"], genre_mix={"reporting": 1, "opinion": 1})],
    )
