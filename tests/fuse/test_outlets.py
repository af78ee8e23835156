"""Outlet profiles from hand-built analyses."""
from __future__ import annotations

from storyline.fuse.outlets import profile_outlets
from storyline.model import DocAnalysis, Document, Event, LoadedTerm, Quote


def analysis(doc_id, outlet, genre, text, loaded=(), speakers=(), events=(), url=None):
    doc = Document(id=doc_id, source=doc_id, outlet=outlet, genre=genre, text=text, url=url,
                   loaded_language=[LoadedTerm(0, len(w), w, "name_calling") for w in loaded])
    quotes = [Quote(f"{doc_id}/q{i}", doc_id, s, "x", 0, 1) for i, s in enumerate(speakers)]
    evs = [Event(e, "AGREE", None, None, doc=doc_id) for e in events]
    return DocAnalysis(document=doc, quotes=quotes, events=evs)


def test_profiles():
    words = " ".join(["word"] * 500)
    items = [
        analysis("d1", "Post", "opinion", words, loaded=["tyrant", "thug"], speakers=["e1", "e1", None],
                 events=["v1", "v2"]),
        analysis("d2", "Post", "reporting", words, loaded=["tyrant"], speakers=["e2"], events=["v3"]),
        analysis("d3", None, "reporting", "short text here", url="https://www.wire.example/a"),
    ]
    profiles = {p.name: p for p in profile_outlets(items, corroborated={"v1"})}
    post = profiles["Post"]
    assert post.docs == ["d1", "d2"]
    assert post.genre_mix == {"opinion": 1, "reporting": 1}
    assert post.loaded_language_per_1k_words == 3.0
    assert post.loaded_terms[0] == "tyrant"
    assert post.named_sources == 2 and post.anonymous_sources == 1
    assert post.uncorroborated_share == round(2 / 3, 3)
    assert "wire.example" in profiles and profiles["wire.example"].uncorroborated_share is None
