"""The incremental fuse's story candidates as first written: every pair of a new and a stored document sharing a
key, and every pair whose leads are related, weighed in one SQL statement over the store's keys.
``storyline.store.incremental._story_candidates`` weighs only the pairs sharing a key of the new document's prefix
and the related ones, a slice at a time, and must give exactly this result.
"""
from __future__ import annotations

from typing import Any

import numpy as np

from storyline.config import Settings
from storyline.fuse.stories import W_ENTITIES, W_TEXT, W_TYPES, StoryFeatures, link_gate
from storyline.model import NearDuplicate
from storyline.nlp.embeddings import cosine_floor
from storyline.store import Store


def story_candidates(store: Store, feats: list[StoryFeatures], settings: Settings, n_docs: int,
                     dups: dict[str, list[NearDuplicate]]) -> set[tuple[str, str]]:
    margin = 1 - 1e-9
    threshold = link_gate(settings) if settings.stories == "trained" else settings.story_threshold
    need = (threshold - W_TYPES) / W_ENTITIES
    new_ids = {f.id for f in feats}
    out = {(d, nd.doc) if d in new_ids else (nd.doc, d) for d, near in dups.items() for nd in near}
    if need <= 0:
        stored = [r[0] for r in store.con.execute("SELECT doc FROM fuse_story_docs").fetchall()]
        return out | {(f.id, d) for f in feats for d in stored}
    required: list[list[Any]] = []
    vectors = [f.vector for f in feats]
    if settings.embedding_model and vectors and all(v is not None for v in vectors):
        rows = store.con.execute("SELECT doc, vector FROM fuse_story_docs WHERE vector IS NOT NULL").fetchall()
        if rows:
            matrix = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32).reshape(len(rows), -1)
            floor = cosine_floor(settings.embedding_model)
            cos = np.asarray(vectors, dtype=np.float32) @ matrix.T
            for i, j in zip(*np.nonzero(cos > floor)):
                text = (float(cos[i, j]) - floor) / (1 - floor)
                rest = (threshold - W_TYPES - W_TEXT * text) / W_ENTITIES
                if rest <= 0:
                    out.add((feats[int(i)].id, rows[int(j)][0]))
                else:
                    required.append([feats[int(i)].id, rows[int(j)][0], rest])
    keys = [[f.id, k, f.salience.get(k, 0)] for f in feats for k in sorted(f.keys)]
    if keys:
        cols = [list(c) for c in zip(*keys)]
        req = [list(c) for c in zip(*required)] if required else [[], [], []]
        out |= {(r[0], r[1]) for r in store.con.execute(
            "WITH n AS (SELECT UNNEST(?) AS doc, UNNEST(?) AS key, UNNEST(?) AS count), "
            "req AS (SELECT UNNEST(?::VARCHAR[]) AS new, UNNEST(?::VARCHAR[]) AS old, UNNEST(?::DOUBLE[]) AS need), "
            "added AS (SELECT key, count(*) AS c FROM n GROUP BY key), "
            "near AS (SELECT DISTINCT k.doc FROM fuse_story_keys k WHERE k.key IN (SELECT key FROM n) "
            "         UNION SELECT old FROM req), "
            "old AS (SELECT k.doc, k.key, k.count FROM fuse_story_keys k JOIN near USING (doc)), "
            "df AS (SELECT key, count(*) AS c FROM fuse_story_keys "
            "       WHERE key IN (SELECT key FROM old UNION SELECT key FROM n) GROUP BY key), "
            "idf AS (SELECT key, ln(1 + ? / (coalesce(df.c, 0) + coalesce(added.c, 0))) AS idf "
            "        FROM (SELECT key FROM old UNION SELECT key FROM n) keys LEFT JOIN df USING (key) "
            "        LEFT JOIN added USING (key)), "
            "nw AS (SELECT doc, sum(idf) AS w, sqrt(sum(pow(count * idf, 2))) AS norm FROM n JOIN idf USING (key) "
            "       GROUP BY doc), "
            "ow AS (SELECT doc, sum(idf) AS w, sqrt(sum(pow(count * idf, 2))) AS norm FROM old JOIN idf USING (key) "
            "       GROUP BY doc), "
            "shared AS (SELECT n.doc AS new, old.doc AS old, sum(idf.idf) AS w, "
            "           sum(n.count * old.count * idf.idf * idf.idf) AS dot "
            "           FROM n JOIN old USING (key) JOIN idf USING (key) GROUP BY n.doc, old.doc), "
            "overlap AS (SELECT shared.new, shared.old, greatest(shared.w / (nw.w + ow.w - shared.w), "
            "            CASE WHEN nw.norm * ow.norm > 0 THEN shared.dot / (nw.norm * ow.norm) ELSE 0 END) AS value "
            "            FROM shared JOIN nw ON nw.doc = shared.new JOIN ow ON ow.doc = shared.old) "
            "SELECT DISTINCT overlap.new, overlap.old FROM overlap "
            "LEFT JOIN req ON req.new = overlap.new AND req.old = overlap.old "
            "WHERE overlap.value >= ? * coalesce(req.need, ?)",
            [*cols, *req, n_docs, margin, need]).fetchall()}
    return out
