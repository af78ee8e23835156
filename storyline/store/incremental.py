"""The fuse state a store keeps, and the incremental fuse that adds documents to it.

After a full fuse (``write_index``) the store holds, beside the corpus tables, the indexes the fuse
steps need to place a new document without reading the corpus again:

* ``fuse_entity_keys`` (blocking key → entity) and ``fuse_entity_docs`` (entity → documents it is named in);
* ``fuse_entity_parts`` (entity → the document-local entities merged into it, as their documents' analyses have
  them: a new entity is matched against those, as a whole run matches it, not against the merged names; the parts
  written alike in many articles stored once with the others' documents, ids and mentions, ``copies``);
* ``fuse_story_docs`` (each document's story features, lead vector and story) and ``fuse_story_keys``;
* ``fuse_minhash`` and ``fuse_bands`` (MinHash signatures and their LSH bands, for near-duplicates);
* ``fuse_disagreement_candidates`` (every candidate disagreement with its score, ranked again on update);
* ``fuse_outlet_docs`` (what each document adds to its outlet's profile);
* ``fuse_event_terms`` (how many events' wording holds each term, per view: ``WordingStats``) and
  ``fuse_sentence_terms`` (how many sentences hold each term: the disagreements' ``common_terms``);
* ``fuse_pair_probs`` (the disagreement pair model's probabilities of every sentence pair it judged, by the
  hashes of the two sentences: ``DimensionContext.pair_memo``);
* ``fuse_sentence_keys`` (what the disagreements' corpus dimension keys each sentence it read by, whatever the
  corpus: content terms, event families, kinds of fact; by the sentence's hash: ``DimensionContext.sentence_keys``):
  an update reads its scope's stored sentences' keys here instead of from their texts, and adds the new ones.

``update`` adds analysed documents (already in ``documents``/``analyses``) in one transaction:

1. entities: candidates found through the blocking keys, merged by ``merge_new_entities``;
2. events and quotes of the new documents remapped (the ``actors`` step over the new documents);
3. near-duplicates through the stored LSH bands;
4. stories: ``join_stories`` over the new documents and the stored stories they relate to;
5. story events: the new events clustered with the events of the changed stories, each stored story
   event one fixed unit (``cluster_story_events(fixed=...)``); one a new event joins keeps its id;
6. disagreement candidates found again over the changed stories' documents, and ranked with the others
   (the pair model judges only the sentence pairs it has not judged before: those with a new document);
7. relations of the actor pairs and periods the new events touch; outlet profiles of the outlets of
   the new and re-clustered documents.

The new documents are taken in corpus order (source, then id), so a batch gives the same result
whatever order its files were read in; how documents are split into batches can change the result, in
the ways listed here.

What differs from a full run over the union (``tests/store/test_incremental.py`` checks the rest):

* ids: stored entities keep theirs and new ones take the next numbers (a full run numbers by mention
  count); new story events take new numbers; rows are in the order they were added (a disagreement's id is
  its dimension's and sides', as in a full run, and the table is in rank order);
* entities: two stored entities are never merged; a new entity is matched only to stored entities that
  share a blocking key (``entity_keys``); countries guessed from context use the candidates' documents;
* stories: a stored story never merges with another nor splits (with the trained decision's second pass, the stored
  stories a new document reaches are decided again with the new documents, ``decide_clusters``, and may split or
  merge: a new document changes how that pass weighs their clusters); a new document is scored against the
  stored documents that can reach the threshold with it (``_story_candidates``: shared keys, a related
  lead, a copy; a key more than ``STORY_KEY_CAP`` stored documents hold finds none alone, so a pair sharing only
  such keys is weighed only when its leads are related),
  with the whole store's key frequencies (without lead vectors the TF-IDF of the leads is that of the
  documents scored); an undated document is dated with the new documents' dates;
* story events: a new event is clustered with the events of its story's documents, not with every
  event of the corpus; stored story events never merge with each other (the full run's greedy order
  could have joined two through a new event); the wording's term frequencies are the whole store's;
* disagreements: candidates are found again over the changed stories' documents only (with the whole
  store's common terms); a stored candidate reaching beyond them (a quantity or a framing compared across
  many stories) is kept as it was, without the new documents' sides, and a new candidate pairing a new
  document with one outside the changed stories is not found.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import logging
import math
import os
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from storyline.config import Settings
from storyline.extract.events import summarize
from storyline.extract.stance import content_terms
from storyline.fuse.disagreements import (
    DeferredSides,
    SentenceKeys,
    common_terms,
    keep_disagreements,
    sentence_terms,
)
from storyline.fuse.duplicates import band_shape, minhash_of, shingles, similarity
from storyline.fuse.incremental import (
    description_keys,
    entity_keys,
    join_stories,
    merge_new_entities,
    unmatched_keys,
)
from storyline.fuse.outlets import OutletTally, outlet_name, profile, tally
from storyline.fuse.relations import compute_relations, period_of
from storyline.fuse.steps import FuseState
from storyline.fuse.stories import (
    LINK_GATE,
    W_ENTITIES,
    W_TEXT,
    W_TYPES,
    StoryFeatures,
    StoryScorer,
    corpus_story_features,
    decide_clusters,
    link_gate,
    story_of,
)
from storyline.fuse.story_events import WordingStats, cluster_story_events, event_terms
from storyline.model import (
    Corpus,
    Disagreement,
    DocAnalysis,
    Document,
    Entity,
    Event,
    NearDuplicate,
    Side,
    Span,
    Story,
    to_dict,
    with_fields,
)
from storyline.nlp.embeddings import cosine_floor
from storyline.resolve.names import looks_like_acronym
from storyline.store.duckdb import Store, record_maker
from storyline.store.summaries import Touched, mark_stale, summaries_ready, write_summaries

LOGGER = logging.getLogger(__name__)

__all__ = ["UpdateStats", "can_update", "fingerprint", "unfused_ids", "update", "write_index"]

#: a word or acronym key held by more stored entities than this finds no candidates (a common word)
ENTITY_KEY_CAP = 50
#: a story key (entity, place) held by more stored documents than this makes no candidate pairs alone: each new
#: document then reaches at most this many stored ones by each of its prefix keys, whatever the store's size
#: (a country every tenth article names would pair it with a tenth of the store)
STORY_KEY_CAP = 500
#: settings that do not change what fuse computes
_NOT_FUSE = frozenset({"workers", "incremental", "vector_cache", "store_memory_limit", "store_threads"})

INDEX_DDL = (
    "CREATE TABLE IF NOT EXISTS fuse_entity_keys (key VARCHAR, entity VARCHAR)",
    "CREATE TABLE IF NOT EXISTS fuse_entity_docs (entity VARCHAR, doc VARCHAR)",
    "CREATE TABLE IF NOT EXISTS fuse_entity_parts (entity VARCHAR, source VARCHAR, doc VARCHAR, part JSON, "
    "copies JSON)",
    "CREATE TABLE IF NOT EXISTS fuse_story_docs (doc VARCHAR PRIMARY KEY, story VARCHAR, features JSON, vector BLOB)",
    "CREATE TABLE IF NOT EXISTS fuse_story_keys (key VARCHAR, doc VARCHAR, count BIGINT)",
    "CREATE TABLE IF NOT EXISTS fuse_minhash (doc VARCHAR, sig BLOB)",
    "CREATE TABLE IF NOT EXISTS fuse_bands (band VARCHAR, doc VARCHAR)",
    "CREATE TABLE IF NOT EXISTS fuse_disagreement_candidates (seq BIGINT, score DOUBLE, dim VARCHAR, topic VARCHAR, "
    "sides JSON, docs VARCHAR[])",
    "CREATE TABLE IF NOT EXISTS fuse_outlet_docs (doc VARCHAR, outlet VARCHAR, source VARCHAR, tally JSON)",
    "CREATE TABLE IF NOT EXISTS fuse_event_terms (view BIGINT, term VARCHAR, df BIGINT, PRIMARY KEY (view, term))",
    "CREATE TABLE IF NOT EXISTS fuse_sentence_terms (term VARCHAR PRIMARY KEY, n BIGINT)",
    "CREATE TABLE IF NOT EXISTS fuse_pair_probs (a VARCHAR, b VARCHAR, probs DOUBLE[])",
    "CREATE TABLE IF NOT EXISTS fuse_sentence_keys (key VARCHAR, terms VARCHAR[], families VARCHAR[], "
    "facts VARCHAR[])",
)
INDEX_TABLES = tuple(stmt.split()[5] for stmt in INDEX_DDL)


@dataclass
class UpdateStats:
    """What an incremental update did (for the log and the benchmark)."""
    documents: int = 0
    entity_candidates: int = 0
    entities_created: int = 0
    entities_updated: int = 0
    story_candidates: int = 0
    stories_changed: int = 0
    scope_documents: int = 0
    events_reclustered: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    #: CPU seconds of this process per part (unlike ``seconds``, not slowed by other processes on the cores)
    cpu: dict[str, float] = field(default_factory=dict)
    #: the process's (RSS, peak RSS so far) in MB at the end of each part, where /proc tells them: which part
    #: raised the peak
    rss_mb: dict[str, tuple[float, float]] = field(default_factory=dict)


def fingerprint(settings: Settings) -> str:
    """A hash of the settings fuse reads and of the model files it loads: an index written under other
    settings, or by another version of a shipped model (after `make train`), is not updated; nor one written by
    a version with other index tables (a table added since, such as ``fuse_entity_parts``, would be empty there,
    and an update would match stored entities as the parts of its new documents only)."""
    values: dict[str, Any] = {k: v for k, v in dataclasses.asdict(settings).items() if k not in _NOT_FUSE}
    values["index tables"] = list(INDEX_DDL)
    # an empty model setting means the file shipped in the package: its name alone would not change when
    # the model is retrained, so the files' contents count
    models = sorted(_MODELS_DIR.glob("*.npz")) + [Path(v) for v in values.values()
                                                   if isinstance(v, str) and v.endswith((".npz", ".joblib"))]
    values["model files"] = [_file_digest(str(p)) for p in models if p.is_file()]
    # the stored keys (sentence terms, fact kinds, event families, pair probabilities) are computed by this code
    # and its data files: an index written by another version of them would be read as if current
    values["code"] = [_file_digest(str(p)) for p in _code_files()]
    return hashlib.sha1(json.dumps(values, sort_keys=True, default=str).encode(), usedforsecurity=False).hexdigest()


#: the models shipped inside the package (``storyline/models``)
_MODELS_DIR = Path(__file__).resolve().parents[1] / "models"


#: the folders whose code and data decide what the fuse index stores
_CODE_DIRS = ("extract", "fuse", "resolve", "data")


def _code_files() -> list[Path]:
    package = _MODELS_DIR.parent
    # this module writes the index's rows and reads them back (a stored part's copies, ``_index_parts``): rows
    # written in another layout would be misread
    return sorted([*(p for d in _CODE_DIRS for p in (package / d).rglob("*")
                     if p.is_file() and p.suffix in {".py", ".yaml", ".yml", ".json", ".tsv", ".txt", ".csv"}),
                   Path(__file__).resolve()])


def _file_digest(path: str) -> str:
    stat = os.stat(path)
    return _digest_of(path, stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=64)
def _digest_of(path: str, size: int, mtime_ns: int) -> str:
    """The file's content hash; cached by size and modification time, as every update asks again."""
    with open(path, "rb") as f:
        return hashlib.sha1(f.read(), usedforsecurity=False).hexdigest()


def _ensure(store: Store) -> None:
    for stmt in INDEX_DDL:
        store.con.execute(stmt)
    # a store written before the parts' copies were stored once (its fingerprint differs: it is fused again in full)
    store.con.execute("ALTER TABLE IF EXISTS fuse_entity_parts ADD COLUMN IF NOT EXISTS copies JSON")


def can_update(store: Store, settings: Settings) -> bool:
    """Whether the store holds a fuse index written under these settings."""
    _ensure(store)
    row = store.con.execute("SELECT value FROM meta WHERE key = 'fuse_index'").fetchone()
    return row is not None and row[0] == fingerprint(settings)


def invalidate(store: Store) -> None:
    """Forget the index (before the corpus tables are rewritten: a crash then leaves no stale index)."""
    store.con.execute("DELETE FROM meta WHERE key = 'fuse_index'")


def unfused_ids(store: Store) -> set[str]:
    """Stored documents the fuse index does not hold yet (added by a run that stopped before fusing)."""
    _ensure(store)
    return {r[0] for r in store.con.execute(
        "SELECT id FROM documents WHERE id NOT IN (SELECT doc FROM fuse_story_docs)").fetchall()}


# -- rows -----------------------------------------------------------------------------------------------


def _features_json(f: StoryFeatures) -> str:
    return json.dumps({"id": f.id, "title": f.title, "day": f.day.isoformat() if f.day else None,
                       "keys": sorted(f.keys), "salience": dict(f.salience), "types": sorted(f.types),
                       "text": f.text, "places": sorted(f.places), "people": sorted(f.people),
                       "numbers": sorted(f.numbers), "lead_keys": sorted(f.lead_keys),
                       "lead_towns": sorted(f.lead_towns), "lead_countries": sorted(f.lead_countries),
                       "lead_provinces": sorted(f.lead_provinces), "lead_numbers": sorted(f.lead_numbers),
                       "lead_salience": dict(f.lead_salience), "outlet": f.outlet}, ensure_ascii=False)


def _features(data: str, vector: bytes | None) -> StoryFeatures:
    from datetime import date

    d = json.loads(data)
    return StoryFeatures(d["id"], d["title"], date.fromisoformat(d["day"]) if d["day"] else None, set(d["keys"]),
                         Counter(d["salience"]), set(d["types"]), d["text"],
                         np.frombuffer(vector, dtype=np.float32).tolist() if vector else None,
                         set(d.get("places", ())), set(d.get("people", ())), set(d.get("numbers", ())),
                         set(d.get("lead_keys", ())), set(d.get("lead_towns", ())), set(d.get("lead_countries", ())),
                         set(d.get("lead_provinces", ())), set(d.get("lead_numbers", ())),
                         Counter(d.get("lead_salience", {})), d.get("outlet"))


def _vector_blob(v: list[float] | None) -> bytes | None:
    return np.asarray(v, dtype=np.float32).tobytes() if v is not None else None


@functools.lru_cache(maxsize=4)
def _band_shape(threshold: float) -> tuple[int, int]:
    return band_shape(threshold)


def _bands(sig: np.ndarray, settings: Settings) -> list[str]:
    bands, rows = _band_shape(settings.near_duplicate_threshold)
    return [f"{k}:{sig[k * rows:(k + 1) * rows].tobytes().hex()}" for k in range(bands)]


def _signature(doc: Document) -> np.ndarray | None:
    grams = shingles(doc.text or doc.raw)
    return minhash_of(doc.text or doc.raw, grams) if grams else None


def _insert(store: Store, table: str, columns: list[str], rows: list[list[Any]]) -> None:
    _insert_many(store, table, columns, rows)


def _index_entities(store: Store, entities: list[Entity], replace: bool = False) -> None:
    """The blocking keys and documents of ``entities``; ``replace``: over their stored rows (an update's entities)."""
    keys: list[list[Any]] = []
    docs: list[list[Any]] = []
    for e in entities:
        if not e.generic or e.country:   # an unnamed group stays its document's own
            keys.extend([k, e.id] for k in sorted(entity_keys(e)))
        docs.extend([e.id, d] for d in sorted({m.doc for m in e.mentions}))
    if replace:
        ids = _ids(e.id for e in entities)
        _replace_changed(store, "fuse_entity_keys", ("key", "entity"), "entity", ids, keys)
        _replace_changed(store, "fuse_entity_docs", ("entity", "doc"), "entity", ids, docs)
        return
    _insert_many(store, "fuse_entity_keys", ["key", "entity"], keys)
    _insert_many(store, "fuse_entity_docs", ["entity", "doc"], docs)


def _index_parts(store: Store, analyses: Iterable[DocAnalysis], mapping: Mapping[str, str]) -> None:
    """The document-local entities of ``analyses`` under the entity each was merged into (``mapping``).

    The parts of one entity written alike in many articles (all but their ids and mentions: a country, a big firm
    named the same way in thousands of articles) are stored once, as the first of them with the others' documents,
    ids and mentions (``copies``): an update reads and decodes that one part instead of thousands (``_parts``)."""
    rows: list[list[Any]] = []
    first: dict[tuple[str, str], list[Any]] = {}
    for a in analyses:
        for e in a.entities:
            if e.id not in mapping:
                continue
            data = to_dict(e)
            key = (mapping[e.id], json.dumps({k: v for k, v in data.items() if k not in ("id", "mentions")},
                                             ensure_ascii=False))
            row = first.get(key)
            if row is None:
                row = first[key] = [mapping[e.id], a.document.source, a.document.id,
                                    json.dumps(data, ensure_ascii=False), []]
                rows.append(row)
            else:
                row[4].append([a.document.source, a.document.id, e.id,
                               [[m["doc"], m["start"], m["end"], m["text"]] for m in data["mentions"]]])
    for row in rows:
        row[4] = json.dumps(row[4], ensure_ascii=False) if row[4] else None
    _insert_many(store, "fuse_entity_parts", ["entity", "source", "doc", "part", "copies"], rows)


def _parts(store: Store, ids: Collection[str]) -> dict[str, list[Entity]]:
    """The stored parts of the entities ``ids`` (``_index_parts``, each copy its own part again), in corpus order
    (source, document, then as their rows' JSON sorts: by id)."""
    out: dict[str, list[Entity]] = {}
    if not ids:
        return out
    make = record_maker(Entity)
    found: dict[str, list[tuple[str, str, str, Entity]]] = defaultdict(list)
    for entity, source, doc, part, copies in store.con.execute(
            "SELECT entity, source, doc, part, copies FROM fuse_entity_parts WHERE entity IN (SELECT UNNEST(?))",
            _ids(ids)).fetchall():
        e = make(json.loads(part))
        items = found[entity]
        items.append((source, doc, json.dumps(e.id, ensure_ascii=False), e))
        for c_source, c_doc, c_id, mentions in json.loads(copies) if copies else ():
            items.append((c_source, c_doc, json.dumps(c_id, ensure_ascii=False),
                          with_fields(e, id=c_id, aliases=list(e.aliases), mentions=[Span(*m) for m in mentions])))
    for entity, items in found.items():
        # a row's JSON opens with its id, unique in its document: its order there is that of the ids' JSON
        items.sort(key=lambda x: x[:3])
        out[entity] = [x[3] for x in items]
    return out


def _replace_changed(store: Store, table: str, columns: tuple[str, str], key: str, ids: list[list[str]],
                     rows: list[list[Any]]) -> None:
    """Make the rows of ``table`` whose ``key`` is in ``ids`` those of ``rows`` (distinct pairs), deleting and
    inserting only the pairs that differ: a popular entity named in a few new documents keeps its thousands of
    (entity, document) rows, which a delete and an insert of all of them made the update's commit write again."""
    a, b = columns
    con = store.con
    con.execute("CREATE OR REPLACE TEMP TABLE fuse_fresh_pairs AS SELECT UNNEST(?::VARCHAR[]) AS a, "
                "UNNEST(?::VARCHAR[]) AS b", [[r[0] for r in rows], [r[1] for r in rows]])
    # fixed names: the index tables and their columns
    con.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT UNNEST(?)) AND NOT EXISTS "
                f"(SELECT 1 FROM fuse_fresh_pairs f WHERE f.a = {table}.{a} AND f.b = {table}.{b})", ids)
    con.execute(f"INSERT INTO {table} ({a}, {b}) SELECT a, b FROM fuse_fresh_pairs "
                f"EXCEPT SELECT {a}, {b} FROM {table} WHERE {key} IN (SELECT UNNEST(?))", ids)
    con.execute("DROP TABLE fuse_fresh_pairs")


def _insert_many(store: Store, table: str, columns: list[str], rows: list[list[Any]]) -> None:
    """Plain-typed rows in one statement (lists unnested side by side)."""
    if not rows:
        return
    cols = [list(c) for c in zip(*rows)]
    select = ", ".join(f"UNNEST(?) AS c{n}" for n in range(len(columns)))
    store.con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {select}", cols)


def _index_documents(store: Store, analyses: list[DocAnalysis], feats: list[StoryFeatures],
                     story_of_doc: dict[str, str], settings: Settings, sigs: Mapping[str, bytes] | None = None) -> None:
    story_rows: list[list[Any]] = []
    key_rows: list[list[Any]] = []
    sig_rows: list[list[Any]] = []
    band_rows: list[list[Any]] = []
    outlet_rows: list[list[Any]] = []
    for a, f in zip(analyses, feats):
        doc = a.document
        story_rows.append([doc.id, story_of_doc.get(doc.id), _features_json(f), _vector_blob(f.vector)])
        key_rows.extend([k, doc.id, f.salience.get(k, 0)] for k in sorted(f.keys))
        if sigs is not None:
            sig = np.frombuffer(sigs[doc.id], dtype=np.uint64) if doc.id in sigs else None
        else:
            sig = _signature(doc)
        if sig is not None:
            sig_rows.append([doc.id, sig.tobytes()])
            band_rows.extend([b, doc.id] for b in _bands(sig, settings))
        outlet_rows.append([doc.id, outlet_name(a), doc.source, json.dumps(dataclasses.asdict(tally(a)))])
    _insert(store, "fuse_story_docs", ["doc", "story", "features", "vector"], story_rows)
    _insert_many(store, "fuse_story_keys", ["key", "doc", "count"], key_rows)
    _insert(store, "fuse_minhash", ["doc", "sig"], sig_rows)
    _insert_many(store, "fuse_bands", ["band", "doc"], band_rows)
    _insert(store, "fuse_outlet_docs", ["doc", "outlet", "source", "tally"], outlet_rows)


def _candidate_rows(found: list, start: int) -> list[list[Any]]:
    return [[start + n, score, dim, topic, json.dumps([to_dict(s) for s in sides], ensure_ascii=False),
             sorted({s.doc for s in sides})] for n, (score, dim, topic, sides) in enumerate(found)]


def write_index(store: Store, state: FuseState, settings: Settings) -> None:
    """Write the fuse index of a fully fused corpus (``state``: the state ``fuse_state`` returns)."""
    _ensure(store)
    corpus = state.corpus
    feats = corpus_story_features(state.analyses, state.id_map, settings.norp_places)
    story_of_doc = {d: s.id for s in corpus.stories for d in s.docs}
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        for table in INDEX_TABLES:
            con.execute(f"DELETE FROM {table}")
        _index_entities(store, corpus.entities)
        _index_parts(store, state.analyses, state.id_map)
        minhash = state.extra.get("minhash")   # the near-duplicates step's signatures
        _index_documents(store, state.analyses, feats, story_of_doc, settings,
                         {d: sig.tobytes() for d, sig in minhash.items()} if minhash is not None else None)
        _insert(store, "fuse_disagreement_candidates", ["seq", "score", "dim", "topic", "sides", "docs"],
                _candidate_rows(state.extra.get("disagreement_candidates", []), 0))
        if "sentence_terms" in state.extra:
            _add_sentence_terms(store, *state.extra["sentence_terms"])
        _add_pair_probs(store, state.extra.get("pair_probabilities", {}))
        _add_sentence_keys(store, state.extra.get("sentence_keys", {}))
        for stats in state.extra.get("wording_stats", [])[:1]:
            _add_event_terms(store, stats.doc_freq, stats.n_events)
        con.execute("INSERT OR REPLACE INTO meta VALUES ('fuse_index', ?)", [fingerprint(settings)])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _add_event_terms(store: Store, doc_freq: Sequence[Mapping[str, int]], n_events: int) -> None:
    """Add term counts (per view) and events to the stored wording frequencies."""
    rows = [[view, t, c] for view, df in enumerate(doc_freq) for t, c in sorted(df.items())]
    if rows:
        cols = [list(c) for c in zip(*rows)]
        store.con.execute("INSERT INTO fuse_event_terms SELECT UNNEST(?), UNNEST(?), UNNEST(?) "
                          "ON CONFLICT (view, term) DO UPDATE SET df = df + excluded.df", cols)
    row = store.con.execute("SELECT value FROM meta WHERE key = 'fuse_events'").fetchone()
    store.con.execute("INSERT OR REPLACE INTO meta VALUES ('fuse_events', ?)",
                      [str((int(row[0]) if row else 0) + n_events)])


def _add_sentence_terms(store: Store, counts: Mapping[str, int], n_sentences: int) -> None:
    rows = sorted(counts.items())
    if rows:
        store.con.execute("INSERT INTO fuse_sentence_terms SELECT UNNEST(?), UNNEST(?) "
                          "ON CONFLICT (term) DO UPDATE SET n = n + excluded.n",
                          [[t for t, _ in rows], [c for _, c in rows]])
    row = store.con.execute("SELECT value FROM meta WHERE key = 'fuse_sentences'").fetchone()
    store.con.execute("INSERT OR REPLACE INTO meta VALUES ('fuse_sentences', ?)",
                      [str((int(row[0]) if row else 0) + n_sentences)])


def _text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:20]


def _add_pair_probs(store: Store, memo: Mapping[tuple[str, str], Sequence[float]]) -> None:
    """Store the pair model's probabilities of sentence pairs (``DimensionContext.pair_memo``)."""
    if memo:
        rows = [[_text_key(a), _text_key(b), list(p)] for (a, b), p in memo.items()]
        store.con.execute("INSERT INTO fuse_pair_probs SELECT UNNEST(?), UNNEST(?), UNNEST(?::DOUBLE[][])",
                          [list(c) for c in zip(*rows)])


def _pair_memo(store: Store, analyses: list[DocAnalysis]) -> dict[tuple[str, str], tuple[float, ...]]:
    """The stored probabilities of the pairs of these documents' sentences (the pair model judged them before)."""
    texts = {_text_key(s.text): s.text for a in analyses for s in a.sentences}
    keys = sorted(texts)
    return {(texts[a], texts[b]): tuple(p) for a, b, p in store.con.execute(
        "SELECT a, b, probs FROM fuse_pair_probs WHERE a IN (SELECT UNNEST(?)) AND b IN (SELECT UNNEST(?))",
        [keys, keys]).fetchall()}


def _add_sentence_keys(store: Store, keys: Mapping[str, SentenceKeys]) -> None:
    """Store the keys of sentences the disagreements' corpus dimension read (``DimensionContext.sentence_keys``)."""
    if keys:
        rows = [[_text_key(t), sorted(terms), sorted(families), sorted(facts)]
                for t, (terms, families, facts) in keys.items()]
        store.con.execute("INSERT INTO fuse_sentence_keys SELECT UNNEST(?), UNNEST(?::VARCHAR[][]), "
                          "UNNEST(?::VARCHAR[][]), UNNEST(?::VARCHAR[][])", [list(c) for c in zip(*rows)])


def _sentence_keys(store: Store, analyses: list[DocAnalysis]) -> dict[str, SentenceKeys]:
    """The stored keys of these documents' sentences (those the corpus dimension read before)."""
    texts = {_text_key(s.text): s.text for a in analyses for s in a.sentences}
    return {texts[k]: (frozenset(terms), frozenset(families), frozenset(facts))
            for k, terms, families, facts in store.con.execute(
                "SELECT key, terms, families, facts FROM fuse_sentence_keys WHERE key IN (SELECT UNNEST(?))",
                [sorted(texts)]).fetchall()}


def _common_terms(store: Store, scope: list[DocAnalysis], added: tuple[Counter[str], int],
                  known: Mapping[str, SentenceKeys]) -> frozenset[str]:
    """The store's common terms among the scope's, counting the new documents' sentences (``added``) in (``known``:
    sentences whose content terms are stored, ``_sentence_keys``)."""
    terms: set[str] = set()
    for a in scope:
        for s in a.sentences:
            terms.update(held[0] if (held := known.get(s.text)) is not None else content_terms(s.text))
    stored = dict(store.con.execute("SELECT term, n FROM fuse_sentence_terms WHERE term IN (SELECT UNNEST(?))",
                                    [sorted(terms)]).fetchall())
    row = store.con.execute("SELECT value FROM meta WHERE key = 'fuse_sentences'").fetchone()
    new_counts, new_n = added
    total = {t: stored.get(t, 0) + new_counts.get(t, 0) for t in sorted(terms)}
    return common_terms(total, (int(row[0]) if row else 0) + new_n)


def _wording_stats(store: Store, events: list[Event], new_events: list[Event], settings: Settings
                   ) -> tuple[WordingStats, list[Counter[str]]]:
    """The store's wording frequencies for the terms of ``events``, counting the new events in; and the
    new events' own counts (added to the store with the update)."""
    paths = tuple(str(p) for p in settings.event_lexicon_paths)
    added = [Counter(t for bag in bags for t in bag) for bags in event_terms(new_events, paths)]
    terms = [{t for bag in bags for t in bag} for bags in event_terms(events, paths)]
    doc_freq: list[dict[str, int]] = []
    for view, wanted in enumerate(terms):
        df = dict(store.con.execute("SELECT term, df FROM fuse_event_terms WHERE view = ? AND term IN "
                                    "(SELECT UNNEST(?))", [view, sorted(wanted)]).fetchall())
        for t, c in added[view].items():
            df[t] = df.get(t, 0) + c
        doc_freq.append(df)
    row = store.con.execute("SELECT value FROM meta WHERE key = 'fuse_events'").fetchone()
    return WordingStats((int(row[0]) if row else 0) + len(new_events), list(doc_freq)), added


# -- the update ---------------------------------------------------------------------------------------------


def _ids(values: Iterable[str]) -> list[list[str]]:
    return [sorted(set(values))]


def _max_number(store: Store, table: str, prefix: str) -> int:
    row = store.con.execute(
        f"SELECT max(TRY_CAST(substr(id, {len(prefix) + 1}) AS BIGINT)) FROM {table} WHERE id LIKE ?",
        [prefix + "%"]).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def _entities(store: Store, ids: Collection[str], light: bool = False) -> list[Entity]:
    """The stored entities ``ids``; ``light``: without aliases and mentions."""
    if not ids:
        return []
    fields = {"id", "name", "type", "country", "kb_id", "generic", "sector", "role"}
    ents = store.select("entities", "id IN (SELECT UNNEST(?))", _ids(ids),
                        fields=fields if light else fields | {"aliases"})
    if not light:
        # a popular actor has thousands of mentions: read as plain spans, not through the generic model reader
        mentions = dict(store.con.execute("SELECT id, mentions FROM entities WHERE id IN (SELECT UNNEST(?))",
                                          _ids(ids)).fetchall())
        for e in ents:
            e.mentions = [Span(m["doc"], m["start"], m["end"], m.get("text", ""))
                          for m in json.loads(mentions.get(e.id) or "[]")]
    return ents


def _acronym_like(name: str) -> bool:
    """A name the acronym rules read as an acronym (``entity_keys``'s test and the matchers')."""
    return (name.isupper() and len(re.sub(r"[^A-Za-z]", "", name)) >= 2) or looks_like_acronym(name)


def _match_entities(store: Store, new: list[DocAnalysis], settings: Settings, stats: UpdateStats):
    keys: set[str] = set()
    # the acronym keys ("a:") of new entities written as an acronym: every stored holder may be what they stand for
    spelled_by_acronym: set[str] = set()
    for a in new:
        for e in a.entities:
            if not e.generic or e.country:
                own = entity_keys(e)
                keys |= own
                if any(_acronym_like(n) for n in [e.name, *e.aliases]):
                    spelled_by_acronym |= {k for k in own if k.startswith("a:")}
            else:
                # an unplaced description ("the carrier", "the governor") by the keys of what it may stand for,
                # the stored bodies of its kind and people of its role a whole run would pair it with
                keys |= description_keys(e)
    found: set[str] = set()
    rows = store.con.execute("SELECT key, list(entity) FROM fuse_entity_keys WHERE key IN (SELECT UNNEST(?)) "
                             "GROUP BY key", [sorted(keys)]).fetchall()
    loose = unmatched_keys(keys)
    initials: dict[str, list[str]] = {}
    crowded: set[str] = set()   # keys too many stored entities hold to look up
    for key, ents in rows:
        if key in loose and len(ents) > ENTITY_KEY_CAP:
            crowded.add(key)
        if key not in loose or len(ents) <= ENTITY_KEY_CAP:
            if key.startswith("a:") and key not in spelled_by_acronym:
                initials[key] = ents
            else:
                found.update(ents)
    if initials:
        # a name's initials ("a:JBM" of "Joseph Baraka Mwangi") join it only with an acronym (the rules and the
        # trained matcher pair an acronym with a spelled-out name), and "JBM" joins the one person whose name
        # spells it: of a key no new acronym holds, every stored holder when one of them is an acronym (the
        # namesakes the full fuse would weigh the acronym between), else none
        held = {x for ents in initials.values() for x in ents}
        acronyms = {r[0] for r in store.con.execute("SELECT id, name, aliases FROM entities WHERE id IN "
                                                    "(SELECT UNNEST(?))", _ids(held)).fetchall()
                    if any(_acronym_like(n) for n in [r[1], *json.loads(r[2] or "[]")])} if held else set()
        for ents in initials.values():
            if acronyms.intersection(ents):
                found.update(ents)
    candidates = _entities(store, found)
    stats.entity_candidates = len(candidates)
    merged = merge_new_entities(candidates, new, settings, _max_number(store, "entities", "e") + 1,
                                _parts(store, found), frozenset(crowded))
    # mentions in corpus order (documents by source, then id), as a full run lists them
    changed = [*merged.updated, *merged.created]
    docs = {m.doc for e in changed for m in e.mentions}
    source = dict(store.con.execute("SELECT id, source FROM documents WHERE id IN (SELECT UNNEST(?))",
                                    _ids(docs)).fetchall())
    for e in changed:
        e.mentions.sort(key=lambda m: (source.get(m.doc, ""), m.doc, m.start))
    stats.entities_created, stats.entities_updated = len(merged.created), len(merged.updated)
    before = {e.id: (e.name, e.type) for e in candidates}
    renamed = {e.id for e in merged.updated if before.get(e.id, (e.name, e.type))[0] != e.name}
    # a changed name or type shows on the pages of every document naming the entity
    relabelled = {e.id for e in merged.updated if before.get(e.id, (e.name, e.type)) != (e.name, e.type)}
    return merged, renamed, relabelled


def _near_duplicates(store: Store, new: list[DocAnalysis], settings: Settings
                     ) -> tuple[dict[str, list[NearDuplicate]], dict[str, bytes]]:
    """Near-duplicates of the new documents (both directions: a stored document gains the new one)."""
    threshold = settings.near_duplicate_threshold
    sigs: dict[str, np.ndarray] = {}
    for a in new:
        if (sig := _signature(a.document)) is not None:
            sigs[a.document.id] = sig
    bands = {d: _bands(s, settings) for d, s in sigs.items()}
    wanted = sorted({b for bs in bands.values() for b in bs})
    stored: dict[str, set[str]] = defaultdict(set)
    for band, doc in store.con.execute("SELECT band, doc FROM fuse_bands WHERE band IN (SELECT UNNEST(?))",
                                       [wanted]).fetchall():
        stored[band].add(doc)
    others = sorted({d for ds in stored.values() for d in ds})
    other_sigs = {d: np.frombuffer(s, dtype=np.uint64) for d, s in store.con.execute(
        "SELECT doc, sig FROM fuse_minhash WHERE doc IN (SELECT UNNEST(?))", [others]).fetchall()}
    by_band: dict[str, list[str]] = defaultdict(list)
    for d, bs in bands.items():
        for b in bs:
            by_band[b].append(d)
    pairs: set[tuple[str, str]] = set()
    for b, ds in by_band.items():
        for i, x in enumerate(ds):
            pairs.update(tuple(sorted((x, y))) for y in ds[i + 1:])   # type: ignore[misc]
            pairs.update(tuple(sorted((x, y))) for y in stored.get(b, ()))  # type: ignore[misc]
    all_sigs = {**other_sigs, **sigs}
    out: dict[str, list[NearDuplicate]] = defaultdict(list)
    for x, y in pairs:
        sim = round(similarity(all_sigs[x], all_sigs[y]), 3)
        if sim >= threshold:
            out[x].append(NearDuplicate(doc=y, similarity=sim))
            out[y].append(NearDuplicate(doc=x, similarity=sim))
    return dict(out), {d: s.tobytes() for d, s in sigs.items()}


def _stored_features(store: Store, docs: Collection[str]) -> dict[str, tuple[StoryFeatures, str]]:
    rows = store.con.execute("SELECT doc, story, features, vector FROM fuse_story_docs WHERE doc IN (SELECT UNNEST(?))",
                             _ids(docs)).fetchall()
    return {doc: (_features(data, vec), story) for doc, story, data, vec in rows}


def _story_candidates(store: Store, feats: list[StoryFeatures], settings: Settings, n_docs: int,
                      dups: dict[str, list[NearDuplicate]]) -> set[tuple[str, str]]:
    """Pairs (new document, stored document) that may reach the story threshold (every such pair is among them).

    A pair's rules score is at most ``W_TYPES + W_TEXT * text + W_ENTITIES * overlap`` (``StoryScorer``;
    copies score 1 and are all kept); the trained decision scores only pairs whose rules score reaches
    ``STORY_GATE``, or links clusters by pairs at ``LINK_GATE`` when its model has a second pass (``link_gate``),
    so that is the bound they must reach. The lead similarity ``text`` of each pair is computed from the stored
    vectors, read a block at a time (``_related_leads``); the entity overlap (weighted Jaccard or salience cosine,
    ``StoryScorer.entity_overlap``), with the store's key frequencies (the new documents counted in), of the pairs
    that can reach what their text leaves to reach (``_overlapping``).
    """
    margin = 1 - 1e-9   # sums in another order round differently
    threshold = link_gate(settings) if settings.stories == "trained" else settings.story_threshold
    need = (threshold - W_TYPES) / W_ENTITIES
    new_ids = {f.id for f in feats}
    out = {(d, nd.doc) if d in new_ids else (nd.doc, d) for d, near in dups.items() for nd in near}
    if need <= 0:   # any pair can reach the threshold
        stored = [r[0] for r in store.con.execute("SELECT doc FROM fuse_story_docs").fetchall()]
        return out | {(f.id, d) for f in feats for d in stored}
    related: Iterator[_RelatedBlock] = iter(())
    vectors = [f.vector for f in feats]
    if settings.embedding_model and vectors and all(v is not None for v in vectors):
        related = _related_leads(store, feats, np.asarray(vectors, dtype=np.float32),
                                 cosine_floor(settings.embedding_model), threshold, out)
    if any(f.keys for f in feats):
        out |= _overlapping(store, feats, n_docs, need, related, margin)
    for _ in related:   # the blocks not weighed (no keys, or no stored document shares one): their sure pairs
        pass
    return out


#: stored lead vectors read at a time (each is compared with every new document)
_VECTOR_ROWS = 8192
#: new documents whose pairs sharing a prefix key are listed at a time
_NEW_ROWS = 128
#: candidate pairs whose entity overlap is computed at a time
_PAIR_ROWS = 1 << 16


@dataclass
class _RelatedBlock:
    """Pairs whose leads are related, but not enough to reach the threshold without overlap, of one block of
    stored rows: the new document's row, the stored document's place in ``docs`` (the block's), and the overlap
    the pair needs."""
    new: Any
    old: Any
    need: Any
    docs: list[str]


def _related_leads(store: Store, feats: list[StoryFeatures], vectors: Any, floor: float, threshold: float,
                   out: set[tuple[str, str]]) -> Iterator[_RelatedBlock]:
    """The new leads against the stored ones, a block of stored rows at a time (not the store's vectors whole): a
    pair related enough to reach ``threshold`` whatever its overlap goes into ``out``; one less related needs less
    overlap (``_RelatedBlock``). A generator: the consumer weighs each block's pairs before the next is made, so
    they are never held for the whole store (a batch of 10k against 30k makes millions). Exhaust it: the sure
    pairs go into ``out`` as it runs. Nothing else may query the store while it runs (its cursor is open)."""
    cur = store.con.execute("SELECT doc, vector FROM fuse_story_docs WHERE vector IS NOT NULL")
    while block := cur.fetchmany(_VECTOR_ROWS):
        matrix = np.frombuffer(b"".join(r[1] for r in block), dtype=np.float32).reshape(len(block), -1)
        docs = [r[0] for r in block]
        for b in range(0, len(vectors), 256):   # 256 x block at a time
            cos = vectors[b:b + 256] @ matrix.T
            i, j = np.nonzero(cos > floor)
            text = (cos[i, j].astype(np.float64) - floor) / (1 - floor)
            rest = (threshold - W_TYPES - W_TEXT * text) / W_ENTITIES
            sure = rest <= 0
            out.update((feats[b + int(x)].id, docs[int(y)]) for x, y in zip(i[sure], j[sure]))
            yield _RelatedBlock(i[~sure].astype(np.int64) + b, j[~sure].astype(np.int64), rest[~sure], docs)


def _overlapping(store: Store, feats: list[StoryFeatures], n_docs: int, need: float,
                 related: Iterator[_RelatedBlock], margin: float) -> set[tuple[str, str]]:
    """Pairs (new, stored) whose entity overlap reaches ``need``, or for a pair of ``related`` its own need.

    Only two kinds of pair are weighed: those sharing a key of the new document's prefix (``_prefix_keys``: the
    others' overlap cannot reach ``need``) and the related ones. Each side's key weights are sparse rows (the
    stored side: only its keys that a new document holds, with its sums over all its keys from SQL), and a pair's
    shared weight is the sum over its new row's keys found in its stored row, ``_PAIR_ROWS`` pairs at a time: the
    memory is that of a slice of pairs, not of every pair sharing a key. numpy only (``_SparseRows``): scipy's
    import cost a second of every update.
    """
    added = Counter(k for f in feats for k in f.keys)
    keys = sorted(added)
    column = {k: i for i, k in enumerate(keys)}
    df = _doc_freq(store, keys)
    idf = {k: math.log(1 + n_docs / (df.get(k, 0) + c)) for k, c in added.items()}
    rows = store.con.execute(
        "WITH n AS (SELECT UNNEST(?::VARCHAR[]) AS key, UNNEST(?::BIGINT[]) AS c), "
        "near AS (SELECT DISTINCT doc FROM fuse_story_keys WHERE key IN (SELECT key FROM n)), "
        "old AS (SELECT k.doc, k.key, k.count FROM fuse_story_keys k JOIN near USING (doc)), "
        "df AS (SELECT key, count(*) AS c FROM fuse_story_keys WHERE key IN (SELECT key FROM old) GROUP BY key), "
        "idf AS (SELECT key, ln(1 + ? / (df.c + coalesce(n.c, 0))) AS idf FROM df LEFT JOIN n USING (key)) "
        "SELECT old.doc, sum(idf.idf), sqrt(sum(pow(old.count * idf.idf, 2))) FROM old JOIN idf USING (key) "
        "GROUP BY old.doc ORDER BY old.doc", [keys, [added[k] for k in keys], n_docs]).fetchall()
    if not rows:
        return set()
    docs = [r[0] for r in rows]
    old_w = np.array([r[1] for r in rows], dtype=np.float64)
    old_norm = np.array([r[2] for r in rows], dtype=np.float64)
    got = store.con.execute(
        "WITH n AS (SELECT UNNEST(?::VARCHAR[]) AS key, UNNEST(?::BIGINT[]) AS i), "
        "d AS (SELECT UNNEST(?::VARCHAR[]) AS doc, UNNEST(?::BIGINT[]) AS j) "
        "SELECT d.j, n.i, k.count::DOUBLE AS count FROM fuse_story_keys k JOIN n USING (key) JOIN d USING (doc)",
        [keys, list(range(len(keys))), docs, list(range(len(docs)))]).fetchnumpy()
    n_keys = len(keys)
    j, i = np.asarray(got["j"], dtype=np.int64), np.asarray(got["i"], dtype=np.int64)
    # the stored side as sorted (doc, key) codes: a new key is found in a stored row by binary search
    old_codes = j * n_keys + i
    by_code = np.argsort(old_codes, kind="stable")
    old_codes = old_codes[by_code]
    old_counts = np.asarray(got["count"], dtype=np.float64)[by_code]
    # and by key: the stored documents holding each key (the pairs a prefix key makes)
    by_key = np.argsort(i, kind="stable")
    key_docs = j[by_key]
    key_start = np.searchsorted(i[by_key], np.arange(n_keys + 1))
    weights = np.array([idf[k] for k in keys])
    prefixes = _prefix_keys(feats, idf, need)
    new_rows = _SparseRows([[column[k] for k in sorted(f.keys)] for f in feats])
    ck = new_rows.columns
    new_weight = weights[ck]
    new_count = np.array([f.salience.get(k, 0) for f in feats for k in sorted(f.keys)], dtype=np.float64) \
        * weights[ck] ** 2
    new_w = np.array([sum(idf[k] for k in sorted(f.keys)) for f in feats])
    new_norm = np.array([math.sqrt(sum((f.salience.get(k, 0) * idf[k]) ** 2 for k in sorted(f.keys))) for f in feats])
    # a key of more than STORY_KEY_CAP stored documents makes no pairs: those sharing another prefix key are
    # found by it, the related ones by their leads
    held = key_start[1:] - key_start[:-1]
    prefix_rows = _SparseRows([sorted(c for c in (column[k] for k in prefixes[r]) if held[c] <= STORY_KEY_CAP)
                               for r in range(len(feats))])

    out: set[tuple[str, str]] = set()

    def weigh(first: Any, second: Any, needs: Any) -> None:
        for s in range(0, len(first), _PAIR_ROWS):
            a, b = first[s:s + _PAIR_ROWS], second[s:s + _PAIR_ROWS]
            pair, at = new_rows.expand(a)   # every key of each pair's new row
            code = b[pair] * n_keys + ck[at]
            found = np.minimum(np.searchsorted(old_codes, code), max(len(old_codes) - 1, 0))
            hit = old_codes[found] == code if len(old_codes) else np.zeros(len(code), dtype=bool)
            shared = np.bincount(pair[hit], weights=new_weight[at[hit]], minlength=len(a))
            dot = np.bincount(pair[hit], weights=new_count[at[hit]] * old_counts[found[hit]], minlength=len(a))
            union = new_w[a] + old_w[b] - shared
            jaccard = np.divide(shared, union, out=np.zeros(len(a)), where=union > 0)
            norms = new_norm[a] * old_norm[b]
            cosine = np.divide(dot, norms, out=np.zeros(len(a)), where=norms > 0)
            keep = np.maximum(jaccard, cosine) >= margin * needs[s:s + _PAIR_ROWS]
            out.update((feats[int(x)].id, docs[int(y)]) for x, y in zip(a[keep], b[keep]))

    n_old = len(docs)
    for r0 in range(0, len(feats), _NEW_ROWS):
        # the stored documents sharing a prefix key of each new document, each pair once
        rows_here = np.arange(r0, min(r0 + _NEW_ROWS, len(feats)), dtype=np.int64)
        pair, at = prefix_rows.expand(rows_here)
        k = prefix_rows.columns[at]
        counts = key_start[k + 1] - key_start[k]
        holder = np.repeat(np.arange(len(k)), counts)
        offset = np.arange(len(holder)) - np.repeat(np.cumsum(counts) - counts, counts)
        codes = np.unique(rows_here[pair[holder]] * n_old + key_docs[key_start[k[holder]] + offset])
        weigh(codes // n_old, codes % n_old, np.full(len(codes), need))
    place_of = {d: n for n, d in enumerate(docs)}
    block_docs: list[str] | None = None
    for rel in related:   # a block of stored rows at a time (the SQL above is done: its cursor may run)
        if rel.docs is not block_docs:
            block_docs = rel.docs
            block_place = np.array([place_of.get(d, -1) for d in block_docs], dtype=np.int64)
        place = block_place[rel.old]
        shares = place >= 0   # a pair sharing no key has no overlap
        weigh(rel.new[shares], place[shares], rel.need[shares])
    return out


class _SparseRows:
    """Rows of column numbers (a CSR matrix's structure, numpy only): ``expand`` lists the entries of given rows."""

    def __init__(self, rows: list[list[int]]) -> None:
        sizes = np.array([len(r) for r in rows], dtype=np.int64)
        self.start = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
        self.columns = np.array([c for r in rows for c in r], dtype=np.int64)

    def expand(self, rows: Any) -> tuple[Any, Any]:
        """(the place in ``rows`` of each entry, the entry's index into ``columns``), row after row."""
        sizes = self.start[rows + 1] - self.start[rows]
        pair = np.repeat(np.arange(len(rows), dtype=np.int64), sizes)
        at = self.start[rows][pair] + np.arange(len(pair), dtype=np.int64) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        return pair, at


def _prefix_keys(feats: list[StoryFeatures], idf: Mapping[str, float], need: float) -> list[set[str]]:
    """Each new document's prefix keys (``StoryScorer.overlap_prefixes``, from the new side only, with the store's
    ``idf``): a stored document whose overlap with it reaches ``need`` shares one of them, as the rest of its keys
    weigh too little for either bound. A stored document sharing only common keys with it (a country every tenth
    article names) is not weighed with it."""
    need *= 1 - 1e-9   # the sums below and the overlaps run in other orders
    out: list[set[str]] = []
    for f in feats:
        order = sorted(f.keys, key=lambda k: (-idf[k], k))
        weight = sum(idf[k] for k in order) * need
        norm = math.sqrt(sum((f.salience.get(k, 0) * idf[k]) ** 2 for k in order))
        bound = (norm * need) ** 2 if norm else math.inf
        cut, suffix_w, suffix_s = len(order), 0.0, 0.0
        while cut > 0:
            k = order[cut - 1]
            w, sq = suffix_w + idf[k], suffix_s + (f.salience.get(k, 0) * idf[k]) ** 2
            if w >= weight or sq >= bound:
                break
            suffix_w, suffix_s, cut = w, sq, cut - 1
        out.append(set(order[:cut]))
    return out


def _doc_freq(store: Store, keys: Collection[str]) -> dict[str, int]:
    return dict(store.con.execute("SELECT key, count(*) FROM fuse_story_keys WHERE key IN (SELECT UNNEST(?)) "
                                  "GROUP BY key", _ids(keys)).fetchall())


def _place_stories(store: Store, new: list[DocAnalysis], mapping: dict[str, str], settings: Settings,
                   dups: dict[str, list[NearDuplicate]], stats: UpdateStats
                   ) -> tuple[list[Story], set[str], list[StoryFeatures], dict[str, int], int]:
    """New documents into stored or new stories: (changed and new stories, ids of the stories they
    replace, the new documents' features)."""
    new_feats = corpus_story_features(new, mapping, settings.norp_places)
    n_docs = store.count("documents")
    new_ids = {f.id for f in new_feats}
    keys = {k for f in new_feats for k in f.keys}
    df = _doc_freq(store, keys)
    for f in new_feats:
        for k in f.keys:
            df[k] = df.get(k, 0) + 1
    stories, second_pass = _stories_reached(store, new_feats, settings, dups, df, keys, n_docs, stats)
    member_rows = store.con.execute("SELECT doc FROM fuse_story_docs WHERE story IN (SELECT UNNEST(?))",
                                    _ids(stories)).fetchall()
    stored = _stored_features(store, {r[0] for r in member_rows})
    # the stored members in corpus order, then the new documents
    ordered = sorted(stored, key=lambda d: d)
    feats = [stored[d][0] for d in ordered] + new_feats
    df.update(_doc_freq(store, {k for d in ordered for k in stored[d][0].keys} - set(df)))
    if second_pass:
        decided, gone = _decide_again(store, settings, dups, stored, ordered, new_feats, df, n_docs)
        stats.stories_changed = len(decided)
        return decided, gone, new_feats, df, n_docs
    # every pair scored below holds a new document (stored stories are fixed units, two never weighed together)
    scorer = StoryScorer([], settings, dups, features=feats, doc_freq=df, n_docs=n_docs, lead_rows=len(ordered))
    index = {f.id: i for i, f in enumerate(feats)}
    units: dict[str, list[int]] = defaultdict(list)
    for d in ordered:
        units[stored[d][1]].append(index[d])
    unit_ids = sorted(units)
    new_index = {index[d] for d in new_ids}
    reach = scorer.rules_reachable(LINK_GATE) if scorer.second_pass else scorer.reachable(scorer.threshold)
    edges = [p for p in reach if p[0] in new_index or p[1] in new_index]
    changed = join_stories(scorer, [index[d] for d in sorted(new_ids, key=lambda d: index[d])],
                           [units[s] for s in unit_ids], scorer.threshold, edges)
    replaced: set[str] = set()
    out: list[Story] = []
    for members in changed:
        old = {stored[feats[i].id][1] for i in members if feats[i].id in stored}
        replaced |= old
        out.append(story_of([feats[i] for i in members]))
    stats.stories_changed = len(out)
    return out, replaced, new_feats, df, n_docs


def _stories_reached(store: Store, new_feats: list[StoryFeatures], settings: Settings,
                     dups: dict[str, list[NearDuplicate]], df: dict[str, int], keys: set[str], n_docs: int,
                     stats: UpdateStats) -> tuple[set[str], bool]:
    """The stored stories a new document may join: those of a candidate that scores the threshold with one (or
    the link gate, with a second pass); and whether the story model has a second pass. ``df`` takes the
    candidates' key frequencies. A function of its own so that the candidates' features, their pairs and their
    scorer are freed before the caller reads the features of those stories' members: a batch of 10k into a
    store of 30k held both at once (25.8k candidates, 16.7k scope documents)."""
    new_ids = {f.id for f in new_feats}
    pairs = {(n, o) for n, o in _story_candidates(store, new_feats, settings, n_docs, dups) if o not in new_ids}
    candidates = {o for _, o in pairs}
    stats.story_candidates = len(candidates)
    found = _stored_features(store, candidates)
    df.update(_doc_freq(store, {k for f, _ in found.values() for k in f.keys} - keys))
    # a stored story can take a new document only if one of its documents scores the threshold with one
    # (an average never exceeds the best pair); its documents that are not candidates cannot
    order = sorted(found)
    feats = [found[d][0] for d in order] + new_feats
    # only pairs with a new document are scored here: the lead similarities of the stored candidates with each
    # other (candidates x candidates, thousands squared for a batch of thousands) are not computed
    scorer = StoryScorer([], settings, dups, features=feats, doc_freq=df, n_docs=n_docs, lead_rows=len(order))
    # only the candidate pairs: the others cannot reach the threshold (a batch of thousands against a large
    # store would otherwise score every new document with every candidate)
    at = {f.id: i for i, f in enumerate(feats)}
    chosen = sorted((at[o], at[n]) for n, o in pairs if o in at and n in at)
    del pairs
    first = np.array([i for i, _ in chosen], dtype=np.int64)
    second = np.array([j for _, j in chosen], dtype=np.int64)
    del chosen
    if scorer.second_pass:   # a stored story a pair at the link gate reaches is weighed whole with the new ones
        close = scorer.rules_scores(first, second) >= LINK_GATE - 1e-9 if len(first) else np.zeros(0, bool)
    else:
        close = scorer.scores(first, second) >= scorer.threshold - 1e-9 if len(first) else np.zeros(0, bool)
    return {found[order[int(i)]][1] for i in first[close]} - {None}, scorer.second_pass


def _decide_again(store: Store, settings: Settings, dups: dict[str, list[NearDuplicate]],
                  stored: dict[str, tuple[StoryFeatures, str]], ordered: list[str], new_feats: list[StoryFeatures],
                  df: Mapping[str, int], n_docs: int) -> tuple[list[Story], set[str]]:
    """The trained decision with a second pass, made again over the new documents and the documents of the stored
    stories they reach (``decide_clusters``, as the full run decides): a stored story is not a fixed unit here, as a
    new document can change how the full run weighs its clusters (a new report joining one of a stored story's
    documents in the pair stage makes the second pass weigh that pair, not the document alone, against the rest).
    (changed and new stories, ids of the stored stories they replace); a stored story decided as it was is kept."""
    feats = [stored[d][0] for d in ordered] + new_feats
    # the copies among the stored documents count as the full run counts them
    copies = {d: list(near) for d, near in dups.items()}
    for doc in store.select("documents", "id IN (SELECT UNNEST(?))", _ids(ordered), fields={"id", "near_duplicates"}):
        have = {nd.doc for nd in copies.get(doc.id, [])}
        copies.setdefault(doc.id, []).extend(nd for nd in doc.near_duplicates if nd.doc not in have)
    scorer = StoryScorer([], settings, copies, features=feats, doc_freq=df, n_docs=n_docs)
    clusters = [sorted(feats[i].id for i in members) for members in decide_clusters(scorer)]
    members: dict[str, set[str]] = defaultdict(set)
    for d in ordered:
        members[stored[d][1]].add(d)
    kept = {s for s, docs in members.items() if any(set(c) == docs for c in clusters)}
    new_ids = {f.id for f in new_feats}
    by_id = {f.id: f for f in feats}
    out: list[Story] = []
    replaced: set[str] = set()
    for c in clusters:
        olds = {stored[d][1] for d in c if d not in new_ids}
        if any(d in new_ids for d in c) or olds - kept:
            replaced |= olds
            out.append(story_of([by_id[d] for d in c]))
    return out, replaced


def _events_of(store: Store, where: str, params: list[Any]) -> list[Event]:
    return store.select("events", where, params)


def update(store: Store, new: list[DocAnalysis], settings: Settings, summaries: bool = True) -> UpdateStats:
    """Fuse the stored documents ``new`` (analyses already stored, not yet fused) into the store's corpus,
    in one transaction: a failure leaves the previous corpus and index.

    ``summaries``: write the reader's summary tables again (``storyline.store.summaries``); else mark them
    stale, for a caller adding several batches that writes them once after the last.
    """
    import gc

    # the rows read back make many small objects and none of them cycles: the collector's full passes
    # over them cost a sixth of the update
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _update(store, new, settings, summaries)
    finally:
        if enabled:
            gc.enable()


def _update(store: Store, new: list[DocAnalysis], settings: Settings, summaries: bool) -> UpdateStats:
    import time

    from storyline.fuse import steps
    from storyline.fuse.disagreements import disagreement_candidates

    stats = UpdateStats(documents=len(new))
    if not new:
        return stats
    clock, cpu_clock = time.perf_counter(), time.process_time()

    def lap(name: str) -> None:
        nonlocal clock, cpu_clock
        now, cpu_now = time.perf_counter(), time.process_time()
        stats.seconds[name] = now - clock
        stats.cpu[name] = cpu_now - cpu_clock
        if memory := _memory_mb():
            stats.rss_mb[name] = memory
        clock, cpu_clock = now, cpu_now

    _ensure(store)
    new = sorted(new, key=lambda a: (a.document.source, a.document.id))
    new_ids = {a.document.id for a in new}
    merged, renamed_ids, relabelled = _match_entities(store, new, settings, stats)
    changed_entities = {e.id: e for e in [*merged.updated, *merged.created]}
    # stored events naming an entity whose name changed: their summaries are written again
    renamed_events = _events_of(store, "source IN (SELECT UNNEST(?)) OR target IN (SELECT UNNEST(?)) OR "
                                "attributed_to IN (SELECT UNNEST(?))", [sorted(renamed_ids)] * 3) \
        if renamed_ids else []
    if renamed_events:
        ids = {x for e in renamed_events for x in (e.source, e.target, e.attributed_to) if x}
        names = {e.id: e.name for e in _entities(store, ids - set(changed_entities), light=True)}
        names.update({k: e.name for k, e in changed_entities.items()})
        for ev in renamed_events:
            ev.summary = summarize(ev, names)
    lap("entities")

    # events and quotes of the new documents: the actors step over them
    places = store.select("entities", "type IN ('GPE', 'NORP')",
                          fields={"id", "name", "type", "country", "kb_id", "generic", "sector"})
    known = [e for e in places if e.id not in changed_entities] + list(changed_entities.values())
    state = FuseState(analyses=new, corpus=Corpus(documents=[a.document for a in new], entities=known),
                      id_map=merged.mapping)
    referenced = {x for a in new for ev in a.events for x in (ev.source, ev.target) if x} - set(merged.mapping)
    if referenced:   # an actor id that is not the document's own (an event read with a corpus-wide id)
        state.corpus.entities += _entities(store, referenced - {e.id for e in known}, light=True)
    steps.actors(state, settings)
    new_events, new_quotes = state.corpus.events, state.corpus.quotes
    lap("actors")

    dups, new_sigs = _near_duplicates(store, new, settings)
    for a in new:
        a.document.near_duplicates = sorted(dups.get(a.document.id, []), key=lambda n: (-n.similarity, n.doc))
    lap("near_duplicates")

    stories, replaced, new_feats, story_df, n_docs = _place_stories(store, new, merged.mapping, settings, dups, stats)
    story_of_doc = {d: s.id for s in stories for d in s.docs}
    scope = set(story_of_doc)   # documents of the changed and new stories
    stats.scope_documents = len(scope)
    lap("stories")

    # story events over the events of the scope, and of any story event one of those was in
    stored_events = _events_of(store, "doc IN (SELECT UNNEST(?)) AND id NOT IN (SELECT UNNEST(?))",
                               [*_ids(scope - new_ids), *_ids(e.id for e in renamed_events)]) + renamed_events
    old_se = {e.story_event for e in stored_events if e.story_event}
    stored_events += _events_of(store, "story_event IN (SELECT UNNEST(?)) AND doc NOT IN (SELECT UNNEST(?)) "
                                "AND id NOT IN (SELECT UNNEST(?))",
                                [sorted(old_se), sorted(scope), *_ids(e.id for e in renamed_events)])
    event_docs = {e.doc for e in stored_events} | new_ids
    docs = store.select("documents", "id IN (SELECT UNNEST(?))", _ids(event_docs), order="source, id",
                        fields={"id", "source", "outlet"})
    rank = {d.id: n for n, d in enumerate(docs)}
    events = sorted([*stored_events, *new_events], key=lambda e: rank.get(e.doc, -1))   # stable: document order
    actor_ids = {x for e in events for x in (e.source, e.target) if x}
    actors = list(_entities(store, actor_ids - set(changed_entities), light=True)) + \
        [e for e in changed_entities.values() if e.id in actor_ids]
    wording, added_terms = _wording_stats(store, events, new_events, settings)
    fixed = {e.id: e.story_event for e in stored_events if e.story_event}
    clustered, se_of = cluster_story_events(events, actors, docs, settings, wording, fixed=fixed)
    # a story event holding stored events keeps its id; the others take the next numbers
    next_se = _max_number(store, "story_events", "se") + 1
    renamed: dict[str, str] = {}
    for se in clustered:
        kept = next((fixed[x] for x in se.events if x in fixed), None)
        if kept is None:
            kept = f"se{next_se}"
            next_se += 1
        renamed[se.id] = se.id = kept
    changed_se = {renamed[se_of[e.id]] for e in [*new_events, *renamed_events]}
    clustered = [se for se in clustered if se.id in changed_se]
    old_se = {se.id for se in clustered} & old_se
    for e in new_events:
        e.story_event = renamed[se_of[e.id]]
    stats.events_reclustered = len(events)
    lap("story_events")

    # disagreement candidates over the scope
    scope_analyses = sorted([*store.analyses_of(scope - new_ids), *(a for a in new if a.document.id in scope)],
                            key=lambda a: (a.document.source, a.document.id))
    named = {r[0] for r in store.con.execute("SELECT DISTINCT entity FROM fuse_entity_docs WHERE doc IN "
                                             "(SELECT UNNEST(?))", _ids(scope)).fetchall()}
    scope_entities = _entities(store, named - set(changed_entities)) + list(changed_entities.values())
    scope_events = [e for e in events if e.doc in scope]
    added_sentences = sentence_terms(new)
    memo = _pair_memo(store, scope_analyses)
    judged_before = set(memo)
    # the scope's stored sentences' keys, read from the index, not from their texts again
    keys = _sentence_keys(store, scope_analyses)
    keyed_before = set(keys)
    found = disagreement_candidates(scope_analyses, scope_entities, scope_events, settings, stories,
                                    _common_terms(store, scope_analyses, added_sentences, keys), pair_memo=memo,
                                    sentence_keys=keys)
    judged = {k: v for k, v in memo.items() if k not in judged_before}
    keyed = {k: v for k, v in keys.items() if k not in keyed_before}
    lap("disagreements")

    # relations of the actor pairs and periods the new events touch
    touched = {(*sorted((e.source, e.target)), period_of(e.date, settings.relation_period))
               for e in new_events if e.source and e.target and e.source != e.target}
    pairs = sorted({f"{a}\x01{b}" for a, b, _ in touched})
    pair_events = _events_of(store, "least(source, target) || '\x01' || greatest(source, target) IN "
                                    "(SELECT UNNEST(?))", [pairs]) if pairs else []
    relations = [r for r in compute_relations([*pair_events, *new_events], settings.relation_period,
                                              settings.event_lexicon_paths) if (r.a, r.b, r.period) in touched]
    lap("relations")

    # write everything in one transaction
    con = store.con
    ready = summaries and summaries_ready(store)   # current summary tables: their touched rows are written again
    con.execute("BEGIN TRANSACTION")
    try:
        disputed = _write(store, new, new_feats, (new_sigs, story_df, n_docs), merged, (new_events, renamed_events),
                          new_quotes, dups, stories, replaced, events, old_se, clustered, found, touched, relations,
                          settings)
        _add_event_terms(store, added_terms, len(new_events))
        _add_sentence_terms(store, *added_sentences)
        _add_pair_probs(store, judged)
        _add_sentence_keys(store, keyed)
        changed = _touched(store, new, merged, relabelled, (new_events, renamed_events), new_quotes, dups, stories,
                           replaced, clustered, touched, disputed) if ready else None
        # the summary tables are written after the commit, in their own transaction: they keep the corpus tables'
        # row numbers, which DuckDB gives the rows added by a transaction only when it commits. Until then (or
        # if that write fails) they are marked stale and the pages read the corpus tables
        mark_stale(store)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    lap("write")
    if summaries:   # the reader's pages read them: the rows of what changed are written again
        con.execute("BEGIN TRANSACTION")
        try:
            write_summaries(store, changed)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        lap("summaries")
    LOGGER.info("incremental fuse: %s", stats)
    return stats


def _memory_mb() -> tuple[float, float] | None:
    """(RSS, peak RSS) of this process in MB, or None where /proc/self/status is not there."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            values = {k: int(v.split()[0]) / 1024 for k, v in (line.split(":", 1) for line in fh)
                      if k in ("VmRSS", "VmHWM")}
    except OSError:
        return None
    return (round(values["VmRSS"]), round(values["VmHWM"])) if len(values) == 2 else None


def _replace_rows(store: Store, table: str, key: str, ids: Collection[str], objs: list[Any]) -> None:
    if ids:
        store.con.execute(f'DELETE FROM {table} WHERE "{key}" IN (SELECT UNNEST(?))', _ids(ids))
    if objs:
        store.add_rows(table, objs)


def _write(store: Store, new: list[DocAnalysis], new_feats: list[StoryFeatures],
           index: tuple[dict[str, bytes], dict[str, int], int],
           merged: Any, added: tuple[list[Event], list[Event]], new_quotes: list, dups: dict[str, list[NearDuplicate]],
           stories: list[Story], replaced: set[str], events: list[Event], old_se: set[str], clustered: list,
           found: list, touched: set, relations: list, settings: Settings) -> set[str]:
    """Write the update's results; returns the documents whose list of disagreements changed."""
    con = store.con
    new_ids = {a.document.id for a in new}
    changed = [*merged.updated, *merged.created]
    # entities (a stored one keeps its row, and so its place in the orders of the summary tables) and their index rows
    store.update_rows("entities", "id", merged.updated)
    _replace_rows(store, "entities", "id", [], merged.created)
    _index_entities(store, changed, replace=True)
    _index_parts(store, new, merged.mapping)
    # events (a stored event stays in its story event; its summary follows its actors' names) and quotes
    new_events, renamed_events = added
    _replace_rows(store, "events", "id", [e.id for e in renamed_events], [*renamed_events, *new_events])
    _replace_rows(store, "quotes", "id", [], new_quotes)
    _replace_rows(store, "story_events", "id", old_se, clustered)
    # near-duplicates of the new documents, and the stored documents they copy
    fused = [[a.document.id, json.dumps(to_dict(a.document.near_duplicates))] for a in new]
    partners = sorted({nd.doc for d in new_ids for nd in dups.get(d, [])} - new_ids)
    if partners:
        for doc in store.select("documents", "id IN (SELECT UNNEST(?))", [partners], fields={"id", "near_duplicates"}):
            have = {nd.doc for nd in doc.near_duplicates}
            near = doc.near_duplicates + [nd for nd in dups.get(doc.id, []) if nd.doc not in have]
            near.sort(key=lambda n: (-n.similarity, n.doc))
            fused.append([doc.id, json.dumps(to_dict(near))])
    if fused:
        con.execute("UPDATE documents SET near_duplicates = r.near::JSON FROM "
                    "(SELECT UNNEST(?) AS id, UNNEST(?) AS near) r WHERE documents.id = r.id",
                    [[d for d, _ in fused], [n for _, n in fused]])
    # stories and each document's story
    _replace_rows(store, "stories", "id", replaced, stories)
    story_of_doc = {d: s.id for s in stories for d in s.docs}
    _index_documents(store, new, new_feats, story_of_doc, settings, index[0])
    moved = [[d, s] for d, s in story_of_doc.items() if d not in new_ids]
    if moved:
        select = "SELECT UNNEST(?) AS doc, UNNEST(?) AS story"
        con.execute(f"UPDATE fuse_story_docs SET story = r.story FROM ({select}) r WHERE fuse_story_docs.doc = r.doc",
                    [[d for d, _ in moved], [s for _, s in moved]])
    # disagreements: the scope's candidates replace those wholly inside it (found again if they still
    # hold); one reaching outside the scope is kept as it was, and a scope candidate that is a part of it
    # (same dimension, sides among its sides) is not added; then all are ranked again
    scope = sorted(story_of_doc)
    con.execute("DELETE FROM fuse_disagreement_candidates "
                "WHERE len(list_filter(docs, lambda d: NOT list_contains(?, d))) = 0", [scope])
    wider = [(dim, {(side["doc"], side["evidence"]["start"]) for side in json.loads(sides)})
             for dim, sides in con.execute("SELECT dim, sides FROM fuse_disagreement_candidates "
                                           "WHERE len(list_intersect(docs, ?)) > 0", [scope]).fetchall()]
    found = [f for f in found if not any(f[1] == dim and {(x.doc, x.evidence.start) for x in f[3]} <= sides
                                         for dim, sides in wider)]
    row = con.execute("SELECT coalesce(max(seq), -1) FROM fuse_disagreement_candidates").fetchone()
    _insert(store, "fuse_disagreement_candidates", ["seq", "score", "dim", "topic", "sides", "docs"],
            _candidate_rows(found, int(row[0]) + 1 if row else 0))
    story_of = dict(con.execute("SELECT doc, story FROM fuse_story_docs WHERE story IS NOT NULL").fetchall())
    # every candidate is ranked again, streamed in rank order: at 100k documents the table read whole (its sides as
    # model objects) raised the write's peak by half a GB
    kept: list[Disagreement] = keep_disagreements(_ranked_candidates(store), story_of)
    disputed = _write_disagreements(store, kept)
    # relations of the touched pairs and periods
    if touched:
        con.execute("DELETE FROM relations WHERE a || '\x01' || b || '\x01' || period IN (SELECT UNNEST(?))",
                    [sorted("\x01".join(t) for t in touched)])
    _replace_rows(store, "relations", "a", [], relations)
    # outlets of the new documents and of the documents whose events were re-clustered
    outlets = {r[0] for r in con.execute("SELECT DISTINCT outlet FROM fuse_outlet_docs WHERE doc IN (SELECT UNNEST(?))",
                                         _ids({d for se in clustered for d in se.docs} | new_ids)).fetchall()}
    by_outlet: dict[str, list[OutletTally]] = defaultdict(list)
    for name, data in con.execute("SELECT outlet, tally FROM fuse_outlet_docs WHERE outlet IN (SELECT UNNEST(?)) "
                                  "ORDER BY outlet, source, doc", _ids(outlets)).fetchall():
        by_outlet[name].append(OutletTally(**json.loads(data)))
    ev_ids = [e for tallies in by_outlet.values() for t in tallies for e in t.events]
    corroborated = {r[0] for r in con.execute(
        "SELECT e.id FROM events e JOIN story_events s ON e.story_event = s.id "
        "WHERE s.n_outlets > 1 AND e.id IN (SELECT UNNEST(?))", [ev_ids]).fetchall()}
    profiles = [profile(name, by_outlet[name], corroborated) for name in sorted(by_outlet)]
    _replace_rows(store, "outlets", "name", outlets, profiles)
    return disputed


#: candidate rows read from the store at a time
_CANDIDATE_ROWS = 4096


def _ranked_candidates(store: Store) -> Iterator[tuple[float, str, str, DeferredSides]]:
    """The stored disagreement candidates in rank order (score, then the order they were found), a block at a time;
    their sides decoded when ``keep_disagreements`` looks at them (most are over a cap and never are)."""
    side = record_maker(Side)   # from_dict's objects, the type hints looked at once

    def decoded(text: str) -> list[Side]:
        return [side(s) for s in json.loads(text)]

    # the store's own connection (a cursor would not see the update's transaction): the caller runs no other
    # statement until the last row is read
    res = store.con.execute("SELECT score, dim, topic, sides, coalesce(json_extract_string(sides, '$[0].doc'), ''), "
                            "json_array_length(sides) FROM fuse_disagreement_candidates ORDER BY score DESC, seq")
    while block := res.fetchmany(_CANDIDATE_ROWS):
        for score, dim, topic, sides, first, n in block:
            yield score, dim, topic, DeferredSides(first, int(n), functools.partial(decoded, sides))


def _write_disagreements(store: Store, kept: list[Disagreement]) -> set[str]:
    """Store ``kept`` (in rank order) as the disagreements; returns the documents cited by a disagreement of a
    story whose list (ids, records, order) changed, whose summary rows must be written again.

    A disagreement's id is its content's (``disagreement_id``) and the candidates outside the update's stories keep
    their scores, so most stories' lists are as before. Only the rows that changed are written: those no longer kept
    are deleted, new ones inserted, and the kept ones whose place in the rank order moved get their new place (the
    table's rank column, ``storyline.store.duckdb.RANKED``: a new candidate ranked near the top moves nearly every
    row, and a place is one number, not the row's records written again).
    """
    con = store.con

    def key(d_id: str, topic: str, sides: list[tuple[str, str, int, int]]) -> tuple:
        return d_id, topic, tuple(sides)

    # compared by id, topic and sides (document, stance, offsets): the evidence text is the document's at the offsets
    old = []
    places: dict[tuple, int] = {}
    for i, t, x, pos in con.execute(f"SELECT id, topic, sides, pos FROM disagreements "
                                    f"ORDER BY {store.order_of('disagreements')}").fetchall():
        sides = json.loads(x) if x else []
        k = key(i, t, [(s["doc"], s["stance"], s["evidence"]["start"], s["evidence"]["end"]) for s in sides])
        old.append((k, sides[0]["doc"] if sides else ""))
        places[k] = pos
    new = [(key(d.id, d.topic, [(s.doc, s.stance, s.evidence.start, s.evidence.end) for s in d.sides]),
            d.sides[0].doc if d.sides else "") for d in kept]
    if old == new:
        return set()
    story = dict(con.execute("SELECT doc, min(id) FROM (SELECT id, unnest(CAST(docs AS VARCHAR[])) AS doc "
                             "FROM stories) GROUP BY doc").fetchall())

    def lists(ds: list[tuple[tuple, str]]) -> dict[str, list[tuple]]:
        out: dict[str, list[tuple]] = defaultdict(list)
        # a disagreement's place is in the list of its first side's story (summary_doc_disagreements)
        for k, first in ds:
            out[story.get(first, "")].append(k)
        return out

    before, after = lists(old), lists(new)
    changed = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
    wanted = {k for k, _ in new}
    gone = [k[0] for k, _ in old if k not in wanted]
    if gone:   # ids are unique in the table: a changed record (same id, another topic) goes and comes again
        con.execute("DELETE FROM disagreements WHERE id IN (SELECT UNNEST(?))", [gone])
    added = [(n, d) for n, ((k, _), d) in enumerate(zip(new, kept)) if k not in places]
    moved = [(k[0], n) for n, (k, _) in enumerate(new) if k in places and places[k] != n]
    if moved:
        con.execute("UPDATE disagreements SET pos = r.pos FROM (SELECT UNNEST(?) AS id, UNNEST(?) AS pos) r "
                    "WHERE disagreements.id = r.id", [[i for i, _ in moved], [n for _, n in moved]])
    store.add_rows("disagreements", [d for _, d in added], [n for n, _ in added])
    return {s[0] for k in changed for d in [*before.get(k, []), *after.get(k, [])] for s in d[2]}


def _touched(store: Store, new: list[DocAnalysis], merged: Any, relabelled: set[str],
             added: tuple[list[Event], list[Event]], new_quotes: list, dups: dict[str, list[NearDuplicate]],
             stories: list[Story], replaced: set[str], clustered: list, pairs: set, disputed: set[str]) -> Touched:
    """What the update changed, for the summary tables (``storyline.store.summaries.Touched``): read after
    ``_write``, inside its transaction."""
    con = store.con
    new_ids = {a.document.id for a in new}
    new_events, renamed_events = added
    # documents whose metadata changed (new ones; stored ones that gained a copy): pages listing them change
    copies = new_ids | {nd.doc for d in new_ids for nd in dups.get(d, [])}
    docs = new_ids | copies | {d for s in stories for d in s.docs} | {d for se in clustered for d in se.docs} \
        | {e.doc for e in renamed_events}
    docs |= {r[0] for r in con.execute(
        "SELECT DISTINCT unnest(json_extract_string(near_duplicates, '$[*].doc')) FROM documents "
        "WHERE id IN (SELECT UNNEST(?))", _ids(copies)).fetchall()}
    entities = {e.id for e in [*merged.updated, *merged.created]} | {x for a, b, _ in pairs for x in (a, b)}
    entities |= {x for e in [*new_events, *renamed_events] for x in (e.source, e.target, e.attributed_to) if x}
    entities |= {q.speaker for q in new_quotes if q.speaker}
    if relabelled:   # the pages naming an entity whose name or type changed
        ids = _ids(relabelled)
        docs |= {r[0] for r in con.execute(
            "SELECT doc FROM fuse_entity_docs WHERE entity IN (SELECT UNNEST(?)) "
            "UNION SELECT doc FROM quotes WHERE speaker IN (SELECT UNNEST(?)) "
            "UNION SELECT unnest(CAST(docs AS VARCHAR[])) FROM story_events "
            "WHERE source IN (SELECT UNNEST(?)) OR target IN (SELECT UNNEST(?))", ids * 4).fetchall()}
        entities |= {r[0] for r in con.execute(
            "SELECT b FROM relations WHERE a IN (SELECT UNNEST(?)) UNION SELECT a FROM relations "
            "WHERE b IN (SELECT UNNEST(?)) UNION SELECT a.entity FROM summary_about a JOIN quotes q ON q.id = a.quote "
            "WHERE q.speaker IN (SELECT UNNEST(?))", ids * 3).fetchall()}
    # the actors whose pages list a document whose metadata changed
    ids = _ids(copies - new_ids)
    entities |= {r[0] for r in con.execute(
        "SELECT entity FROM fuse_entity_docs WHERE doc IN (SELECT UNNEST(?)) "
        "UNION SELECT unnest([source, target, attributed_to]) FROM events WHERE doc IN (SELECT UNNEST(?)) "
        "UNION SELECT speaker FROM quotes WHERE doc IN (SELECT UNNEST(?))", ids * 3).fetchall() if r[0]}
    return Touched(docs=docs, entities=entities, stories=set(replaced) | {s.id for s in stories}, disputed=disputed,
                   relabelled=relabelled)
