from __future__ import annotations

import dataclasses

import duckdb
import pytest

from storyline.model import DocAnalysis, Document, Relation, Sentence
from storyline.store import Store
from storyline.store.duckdb import CORPUS_TABLES, RANKED, _columns, _row
from tests.report.hostile import hostile_corpus


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


def test_bulk_insert_stores_what_row_by_row_inserts_store(tmp_path):
    corpus = hostile_corpus()
    with Store(tmp_path / "s.duckdb") as store:
        store.add_analyses([DocAnalysis(document=d) for d in corpus.documents])
        store.replace_corpus(corpus)
        for table, cls in [("documents", Document), *CORPUS_TABLES.items()]:
            cols = _columns(cls, all_fields=True)
            rows = [_row(o, cols) for o in getattr(corpus, table)]
            assert rows, table
            if table in RANKED:   # a ranked table's rows carry their place in its order
                rows = [[*r, n] for n, r in enumerate(rows)]
            store.con.execute(f"CREATE TABLE ref AS SELECT * FROM {table} LIMIT 0")
            store.con.executemany(f"INSERT INTO ref VALUES ({', '.join('?' * len(rows[0]))})", rows)
            if table == "documents":  # replace_corpus wrote the fused fields over the stored rows
                assert store.con.execute("SELECT count(*) FROM (SELECT * FROM ref EXCEPT ALL "
                                         "SELECT * FROM documents)").fetchone() == (0,)
            else:
                assert store.con.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall() == \
                    store.con.execute("SELECT * FROM ref ORDER BY rowid").fetchall()
            store.con.execute("DROP TABLE ref")


def test_a_wrongly_typed_value_is_refused_and_nothing_is_written(tmp_path, tiny_corpus):
    good, bad = tiny_corpus.documents
    bad = dataclasses.replace(bad, title=42)  # DuckDB would quietly store '42'
    with Store(tmp_path / "s.duckdb") as store:
        with pytest.raises(TypeError, match="title"):
            store.add_analyses([DocAnalysis(document=good), DocAnalysis(document=bad)])
        assert store.known_ids() == set()
        with pytest.raises(TypeError, match="n_events"):
            store.replace_corpus(dataclasses.replace(
                tiny_corpus, relations=[Relation("a", "b", "2024", 1.5, 0.5, 0.5)]))


def test_reanalysis_replaces_the_stored_rows(tmp_path, tiny_corpus):
    doc = tiny_corpus.documents[0]
    with Store(tmp_path / "s.duckdb") as store:
        store.add_analyses([DocAnalysis(document=d) for d in tiny_corpus.documents])
        changed = dataclasses.replace(doc, title="Re-read")
        assert store.add_analyses([DocAnalysis(document=changed, quotes=tiny_corpus.quotes)], replace=True) == 1
        back = {a.document.id: a for a in store.analyses()}
    assert len(back) == 2 and back[doc.id].document.title == "Re-read"
    assert back[doc.id].quotes == tiny_corpus.quotes


def _with_claims(doc: Document) -> DocAnalysis:
    """``doc`` with one sentence per line of its body and the claims found in them."""
    from storyline.extract.claims import find_claims

    sentences, pos = [], 0
    for line in doc.raw.split("\n"):
        if line.strip():
            sentences.append(Sentence(doc.id, pos, pos + len(line), line))
        pos += len(line) + 1
    return DocAnalysis(document=doc, sentences=sentences, claims=find_claims(doc.id, sentences))


CLAIMING = Document(
    id="cccc000000000001", source="c.txt",
    raw="Port strike\n\nSome 3,000 dockers walked out on Monday, the union said.\n"
        "The strike ended only thanks to the mediation of the harbour board.\n"
        "Freedonia remains firmly under the influence of Sylvania.")
PLAIN = Document(id="cccc000000000002", source="d.txt", raw="Weather\n\nIt rained in the north.")


def test_claims_survive_a_round_trip(tmp_path):
    analyses = [_with_claims(CLAIMING), _with_claims(PLAIN)]
    kinds = [c.kind for c in analyses[0].claims]
    assert {"quantity", "cause", "pole"} <= set(kinds) and analyses[1].claims == []
    with Store(tmp_path / "s.duckdb") as store:
        store.add_analyses(analyses)
        back = {a.document.id: a for a in store.analyses()}
        assert "claims" not in store.con.execute("SELECT data FROM analyses LIMIT 1").fetchone()[0]
    assert back[CLAIMING.id].claims == analyses[0].claims  # same values, same order
    assert back[PLAIN.id].claims == []
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        assert store.corpus().claims == analyses[0].claims


def test_reanalysis_replaces_a_documents_claims(tmp_path):
    first = _with_claims(CLAIMING)
    with Store(tmp_path / "s.duckdb") as store:
        store.add_analyses([first])
        fewer = dataclasses.replace(first, claims=first.claims[:1])
        store.add_analyses([fewer], replace=True)
        (back,) = store.analyses()
    assert back.claims == first.claims[:1]


def test_a_store_from_before_claims_finds_them_once_when_opened(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.add_analyses([_with_claims(CLAIMING)])
        expected = store.analyses()[0].claims
        store.con.execute("DROP TABLE claims")  # as a store written before claims were stored
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        assert store.analyses()[0].claims == []  # read-only: nothing is written
    with Store(tmp_path / "s.duckdb") as store:
        assert store.analyses()[0].claims == expected


def test_a_store_written_before_a_field_existed_is_read_with_the_fields_default(tmp_path, tiny_corpus):
    import duckdb

    from storyline.store import Store

    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        store.replace_corpus(tiny_corpus)
    con = duckdb.connect(str(path))
    for (index,) in con.execute("SELECT index_name FROM duckdb_indexes() WHERE table_name = 'entities'").fetchall():
        con.execute(f"DROP INDEX {index}")  # DuckDB cannot drop a column an index depends on
    con.execute('ALTER TABLE entities DROP COLUMN "generic"')  # as a store from before generic actors
    con.close()
    with Store(path, read_only=True) as old:
        entities = old.corpus().entities
        assert entities and not any(e.generic for e in entities)
        assert [e.name for e in old.select("entities")] == [e.name for e in entities]
    with Store(path) as again:  # a writing open adds the column
        assert "generic" in {c for (c,) in again.con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = 'entities'").fetchall()}


def test_a_store_written_before_the_rank_column_reads_its_disagreements_in_their_row_order(tmp_path):
    corpus = hostile_corpus()
    corpus.disagreements = corpus.disagreements * 3
    for n, d in enumerate(corpus.disagreements):
        corpus.disagreements[n] = dataclasses.replace(d, id=f"dis-{n}")
    with Store(tmp_path / "s.duckdb") as store:
        store.add_analyses([DocAnalysis(document=d) for d in corpus.documents])
        store.replace_corpus(corpus)
        # as an older store holds them: no rank column, the rows in rank order
        store.con.execute("ALTER TABLE disagreements DROP COLUMN pos")
        assert [d.id for d in store.corpus().disagreements] == [d.id for d in corpus.disagreements]
    with Store(tmp_path / "s.duckdb") as store:   # a writing open adds the column, numbered in row order
        assert store.con.execute("SELECT id, pos FROM disagreements ORDER BY rowid").fetchall() == \
            [(d.id, n) for n, d in enumerate(corpus.disagreements)]
        store.con.execute("UPDATE disagreements SET pos = 100 - pos")   # the column, not the row order, decides
        assert [d.id for d in store.corpus().disagreements] == [d.id for d in reversed(corpus.disagreements)]
        assert [d.id for d in store.select("disagreements")] == [d.id for d in reversed(corpus.disagreements)]


def test_a_memory_limit_and_threads_bound_duckdb_and_a_bad_limit_is_a_clear_error(tmp_path, tiny_corpus):
    with Store(tmp_path / "s.duckdb", memory_limit="256MB", threads=1) as store:
        limit, threads = store.con.execute(
            "SELECT current_setting('memory_limit'), current_setting('threads')").fetchone()
        store.add_analyses([DocAnalysis(document=d) for d in tiny_corpus.documents])
    assert limit.startswith("244.1") and "MiB" in limit   # DuckDB shows 256 MB in MiB
    assert int(threads) == 1
    with pytest.raises(ValueError, match="store_memory_limit 'lots'"):
        Store(tmp_path / "s.duckdb", memory_limit="lots")
    # the refused open changed nothing: the store opens again, its documents there
    with Store(tmp_path / "s.duckdb") as store:
        assert store.count("documents") == 2
        assert store.con.execute("SELECT current_setting('memory_limit')").fetchone()[0] != limit
