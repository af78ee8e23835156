"""The Python API: inputs (paths, texts, dicts) reach the one pipeline path; results are DataFrames."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import storyline.engine.local as local
from storyline.api import CorpusFrames, analyze
from storyline.config import Settings
from storyline.engine.local import RunSummary
from storyline.model import Corpus
from tests.conftest import make_corpus


@pytest.fixture
def fake_run(monkeypatch: pytest.MonkeyPatch) -> list:
    calls: list = []

    def run(paths, out_dir, settings, progress=None):  # type: ignore[no-untyped-def]
        staged = [json.loads(line) for p in paths if Path(p).suffix == ".jsonl"
                  for line in Path(p).read_text(encoding="utf-8").splitlines()]
        calls.append({"paths": [Path(p) for p in paths], "out": Path(out_dir), "settings": settings,
                      "staged": staged})
        return RunSummary(read=1), make_corpus()

    monkeypatch.setattr(local, "run", run)
    return calls


def test_texts_dicts_and_paths_are_told_apart(fake_run: list, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("An article on disk.")
    analyze([str(article), "Ministers met on Monday.\nThey agreed.",
             {"text": "Second text.", "title": "T", "outlet": "Gazette"}])
    call = fake_run[0]
    assert call["paths"][0] == article
    assert call["staged"] == [{"text": "Ministers met on Monday.\nThey agreed."},
                              {"text": "Second text.", "title": "T", "outlet": "Gazette"}]


def test_a_single_string_that_is_not_a_path_is_text(fake_run: list) -> None:
    analyze("no/such/file.txt")
    assert fake_run[0]["staged"] == [{"text": "no/such/file.txt"}]


def test_settings_and_overrides_reach_the_run(fake_run: list, tmp_path: Path) -> None:
    analyze("x", out_dir=tmp_path / "out", settings=Settings(workers=1), workers=2)
    assert fake_run[0]["settings"].workers == 2 and fake_run[0]["out"] == tmp_path / "out"
    with pytest.raises(ValueError, match="unknown setting"):
        analyze("x", no_such_setting=1)


def test_bad_inputs_say_what_to_give(fake_run: list) -> None:
    with pytest.raises(ValueError, match="nothing to analyse"):
        analyze([])
    with pytest.raises(ValueError, match="'text'"):
        analyze([{"title": "no text"}])
    with pytest.raises(ValueError, match="unknown article key"):
        analyze([{"text": "a", "body": "b"}])
    with pytest.raises(TypeError):
        analyze([42])  # type: ignore[list-item]
    assert fake_run == []


def test_tables_are_dataframes_with_names_resolved() -> None:
    res = CorpusFrames(make_corpus())
    ev = res.events
    assert isinstance(ev, pd.DataFrame) and len(ev) == 1
    row = ev.iloc[0]
    assert row["type"] == "REJECT" and row["source_name"] == "Sylvania"
    assert row["sentence"] == "Sylvania rejected the offer, Vell said."
    assert list(res.entities["name"]) == ["Ana Vell", "Sylvania"]
    assert res.entities.set_index("name").loc["Ana Vell", "n_documents"] == 2
    assert len(res.mentions) == 3 and res.quotes.iloc[0]["speaker_name"] == "Ana Vell"
    assert list(res.documents["id"]) == [d.id for d in make_corpus().documents]
    assert res.stories.iloc[0]["n_docs"] == 2
    # empty tables still have their columns
    assert list(res.relations.columns[:3]) == ["a", "b", "period"] and res.relations.empty
    assert "topic" in res.disagreements.columns
    assert "3 quotes" not in repr(res) and "1 events" in repr(res)


def test_to_json_and_report(tmp_path: Path) -> None:
    res = CorpusFrames(make_corpus())
    text = res.to_json()
    assert json.loads(text)["schema_version"] == 1
    res.to_json(tmp_path / "e.json")
    assert json.loads((tmp_path / "e.json").read_text())["events"][0]["type"] == "REJECT"
    out = res.report(tmp_path / "r.html")
    assert "Sylvania rejected the offer" in out.read_text()


def test_empty_corpus_frames() -> None:
    res = CorpusFrames(Corpus())
    assert res.events.empty and "type" in res.events.columns


@pytest.mark.slow
def test_analyze_runs_the_real_pipeline(tmp_path: Path) -> None:
    texts = [
        {"text": "Harbour board rejects ferry plan\n\nThe harbour board of Eastport rejected the ferry plan "
                 "on Tuesday, chairman Tomas Reyna said. The town council had asked for a vote.",
         "title": "Harbour board rejects ferry plan", "outlet": "Eastport Gazette", "published": "2024-03-05"},
        "Council criticises board\n\nThe Eastport town council accused the harbour board of ignoring residents "
        "on Wednesday. \"We will keep asking,\" councillor Mina Olsen said.",
    ]
    res = analyze(texts, out_dir=tmp_path / "out")
    assert len(res.documents) == 2
    assert (tmp_path / "out" / "report.html").is_file() and (tmp_path / "out" / "export.json").is_file()
    assert not res.entities.empty
    again = analyze(texts, out_dir=tmp_path / "out")
    assert len(again.documents) == 2  # the same articles are not added twice
