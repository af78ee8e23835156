from __future__ import annotations

import duckdb
import pytest

from storyline.model import DocAnalysis
from storyline.store import Store


def test_round_trip_keeps_every_table(tmp_path, tiny_corpus):
    with Store(tmp_path / "s.duckdb") as store:
        store.add_analyses([DocAnalysis(document=d) for d in tiny_corpus.documents])
        store.replace_corpus(tiny_corpus)
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        back = store.corpus()
    assert [d.id for d in back.documents] == [d.id for d in tiny_corpus.documents]
    assert back.documents[0].raw == tiny_corpus.documents[0].raw
    assert back.documents[0].removed == tiny_corpus.documents[0].removed
    assert back.entities == tiny_corpus.entities
    assert back.events[0].evidence == tiny_corpus.events[0].evidence
    assert back.quotes == tiny_corpus.quotes
    assert back.stories == tiny_corpus.stories


def test_adding_the_same_documents_twice_adds_nothing(tmp_path, tiny_corpus):
    analyses = [DocAnalysis(document=d) for d in tiny_corpus.documents]
    with Store(tmp_path / "s.duckdb") as store:
        assert store.add_analyses(analyses) == 2
        assert store.add_analyses(analyses) == 0
        n = store.con.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert n == 2


def test_failed_write_leaves_previous_state(tmp_path, tiny_corpus):
    with Store(tmp_path / "s.duckdb") as store:
        store.add_analyses([DocAnalysis(document=tiny_corpus.documents[0])])

        class Boom(DocAnalysis):
            @property
            def document(self):  # raises mid-transaction, like Ctrl-C would
                raise KeyboardInterrupt

            @document.setter
            def document(self, v):
                pass

        with pytest.raises(KeyboardInterrupt):
            store.add_analyses([DocAnalysis(document=tiny_corpus.documents[1]), Boom(document=None)])
        assert store.known_ids() == {tiny_corpus.documents[0].id}


def test_analyses_round_trip(tmp_path, tiny_corpus):
    a = DocAnalysis(document=tiny_corpus.documents[1], events=tiny_corpus.events, quotes=tiny_corpus.quotes)
    with Store(tmp_path / "s.duckdb") as store:
        store.add_analyses([a])
        (back,) = store.analyses()
    assert back.events == a.events and back.quotes == a.quotes
    assert back.document.raw == a.document.raw


def test_tables_are_plain_duckdb(tmp_path, tiny_corpus):
    with Store(tmp_path / "s.duckdb") as store:
        store.add_analyses([DocAnalysis(document=d) for d in tiny_corpus.documents])
        store.replace_corpus(tiny_corpus)
    con = duckdb.connect(str(tmp_path / "s.duckdb"), read_only=True)
    assert con.execute("SELECT name FROM entities ORDER BY name").fetchall() == [("Ana Vell",), ("Sylvania",)]
    assert con.execute("SELECT type FROM events").fetchall() == [("REJECT",)]


def test_read_only_store_must_exist(tmp_path):
    with pytest.raises(FileNotFoundError, match="storyline analyze"):
        Store(tmp_path / "missing.duckdb", read_only=True)
