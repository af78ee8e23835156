from __future__ import annotations

import json

import jsonschema
import pandas as pd
import pytest

from storyline.export import check, corpus_to_json, validate, write_json, write_tables


def test_export_matches_the_v1_schema(tmp_path, tiny_corpus):
    data = write_json(tiny_corpus, tmp_path / "export.json")
    validate(json.loads((tmp_path / "export.json").read_text("utf-8")))
    assert data["schema_version"] == 1
    doc = data["documents"][0]
    assert "raw" not in doc and "blocks" not in doc  # internal fields stay internal
    assert doc["removed"][0] == {"start": 80, "end": 91, "text": "Share this!", "reason": "share prompt"}


def test_offsets_point_into_the_raw_text(tiny_corpus):
    data = corpus_to_json(tiny_corpus)
    raw = {d.id: d.raw for d in tiny_corpus.documents}
    for ent in data["entities"]:
        for m in ent["mentions"]:
            assert raw[m["doc"]][m["start"]:m["end"]] == m["text"]
    for ev in data["events"]:
        for s in ev["evidence"]:
            assert raw[s["doc"]][s["start"]:s["end"]] == s["text"]


@pytest.mark.parametrize("breakage", [
    lambda d: d["events"][0].update(type="INVADE"),
    lambda d: d["events"][0].update(modality="rumoured"),
    lambda d: d["documents"][0].update(published="17 June 2022"),
    lambda d: d["entities"][0].update(country="KZ"),
    lambda d: d.pop("quotes"),
])
@pytest.mark.parametrize("validator", [validate, check], ids=["jsonschema", "compiled"])
def test_schema_rejects_contract_breaks(tiny_corpus, breakage, validator):
    data = corpus_to_json(tiny_corpus)
    check(data)  # intact, it passes
    breakage(data)
    with pytest.raises(jsonschema.ValidationError):
        validator(data)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_tabular_exports_one_file_per_table(tmp_path, tiny_corpus, fmt):
    paths = write_tables(tiny_corpus, tmp_path, fmt)
    names = {p.stem for p in paths}
    assert {"documents", "entities", "events", "quotes"} <= names
    read = pd.read_csv if fmt == "csv" else pd.read_parquet
    ents = read(tmp_path / f"entities.{fmt}")
    assert sorted(ents["name"]) == ["Ana Vell", "Sylvania"]
    assert json.loads(ents.loc[ents["name"] == "Ana Vell", "aliases"].iloc[0]) == ["Ana Vell", "Vell"]


def test_partitioned_parquet_by_publication_month(tmp_path, tiny_corpus):
    from storyline.export.tabular import write_partitioned_parquet

    tiny_corpus.documents[0].published = "2024-05-03"
    root = write_partitioned_parquet(tiny_corpus, tmp_path / "pq")
    months = sorted(p.name for p in (root / "documents").iterdir())
    assert months == ["month=2024-05", "month=unknown"]
    events = pd.read_parquet(root / "events")
    assert list(events["month"].astype(str)) == ["unknown"]  # its document is undated
    write_partitioned_parquet(tiny_corpus, root)  # rewriting does not duplicate rows
    assert len(pd.read_parquet(root / "documents")) == 2


def _claiming(corpus):
    """``corpus`` with the claims of a sentence added to its second document."""
    from storyline.extract.claims import find_claims
    from storyline.model import Sentence

    doc = corpus.documents[1]
    doc.raw += "\nThe talks failed only because of the new tariffs, the envoy said."
    start = doc.raw.index("The talks")
    corpus.claims = find_claims(doc.id, [Sentence(doc.id, start, len(doc.raw), doc.raw[start:])])
    assert corpus.claims
    return corpus


def test_claims_are_exported_with_offsets_into_the_raw_text(tmp_path, tiny_corpus):
    corpus = _claiming(tiny_corpus)
    data = write_json(corpus, tmp_path / "export.json")
    validate(json.loads((tmp_path / "export.json").read_text("utf-8")))
    raw = {d.id: d.raw for d in corpus.documents}
    (claim,) = data["claims"]
    assert claim["kind"] == "cause" and claim["pole"] == "only" and claim["id"] == f"{claim['doc']}/c1"
    for span in (claim["evidence"], claim["cause_span"]):
        assert raw[span["doc"]][span["start"]:span["end"]] == span["text"]


@pytest.mark.parametrize("breakage", [
    lambda d: d["claims"][0].pop("evidence"),
    lambda d: d["claims"][0].update(kind="opinion"),
    lambda d: d["claims"][0].update(terms="tariff"),
])
def test_schema_rejects_broken_claims(tiny_corpus, breakage):
    data = corpus_to_json(_claiming(tiny_corpus))
    check(data)
    breakage(data)
    with pytest.raises(jsonschema.ValidationError):
        check(data)


def test_tabular_exports_a_claims_table(tmp_path, tiny_corpus):
    corpus = _claiming(tiny_corpus)
    write_tables(corpus, tmp_path, "csv")
    claims = pd.read_csv(tmp_path / "claims.csv")
    assert list(claims["id"]) == [c.id for c in corpus.claims]
    assert json.loads(claims["evidence"].iloc[0])["start"] == corpus.claims[0].evidence.start
