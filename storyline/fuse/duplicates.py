"""Near-duplicate (copied / syndicated) articles: MinHash signatures banded for LSH.

Measured (STACK.md): 128 permutations and 5-word shingles put copies at ≈0.8 estimated
Jaccard and different articles on the same story at ≤0.01, so the default threshold of
0.5 (``Settings.near_duplicate_threshold``) sits in a wide gap.

The MinHash is the textbook one (a 32-bit hash per shingle, then ``(a·h + b) mod p``
for 128 fixed random (a, b)); written with numpy here because the usual library pulls in
scipy, whose import alone cost 1.1 CPU-seconds per run.
"""
from __future__ import annotations

import functools
import hashlib
import logging
import re
from collections import defaultdict

import numpy as np

from storyline.config import Settings
from storyline.model import Document, NearDuplicate

LOGGER = logging.getLogger(__name__)

NUM_PERM = 128
SHINGLE_WORDS = 5
#: Fixed seed: the same corpus gives the same similarities on every run and worker.
SEED = 1
_PRIME = np.uint64((1 << 61) - 1)
_MASK = np.uint64((1 << 32) - 1)
WORD_RE = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Lower-cased word n-grams of ``text`` (the whole text when it is shorter than ``size``)."""
    words = [w.lower() for w in WORD_RE.findall(text)]
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def _body(doc: Document) -> str:
    return doc.text or doc.raw


@functools.lru_cache(maxsize=4)
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.RandomState(seed)
    pairs = np.array([(rng.randint(1, _PRIME, dtype=np.uint64), rng.randint(0, _PRIME, dtype=np.uint64))
                      for _ in range(num_perm)], dtype=np.uint64)
    return pairs[:, 0], pairs[:, 1]


def minhash_of(text: str, grams: set[str] | None = None, num_perm: int = NUM_PERM) -> np.ndarray:
    """The MinHash signature (``num_perm`` uint64 values) of ``text``'s shingles (``grams`` when given)."""
    grams = shingles(text) if grams is None else grams
    a, b = _permutations(num_perm, SEED)
    if not grams:
        return np.full(num_perm, _MASK, dtype=np.uint64)
    # sha1 spreads the shingles evenly; it is a content hash here, not a security measure
    hashed = np.array([int.from_bytes(hashlib.sha1(g.encode("utf-8"), usedforsecurity=False).digest()[:4], "little")
                       for g in grams], dtype=np.uint64)
    # uint64 products wrap around: that is part of the hash family, not an overflow bug
    with np.errstate(over="ignore"):
        values = ((hashed[:, None] * a[None, :] + b[None, :]) % _PRIME) & _MASK
    return values.min(axis=0)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures: the share of equal minima."""
    return float(np.count_nonzero(a == b)) / len(a)


def band_shape(threshold: float, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """(bands, rows per band) whose S-curve ``1 - (1 - s^r)^b`` best separates pairs at ``threshold``.

    Misses above the threshold are weighted twice as much as extra candidates below it: every
    candidate is checked against the full signature afterwards, a miss is lost for good.
    """
    s = np.linspace(0.0, 1.0, 201)
    best, shape = float("inf"), (num_perm, 1)
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        p = 1.0 - (1.0 - s ** rows) ** bands
        false_pos = np.trapezoid(np.where(s < threshold, p, 0.0), s)
        false_neg = np.trapezoid(np.where(s >= threshold, 1.0 - p, 0.0), s)
        cost = float(false_pos + 2.0 * false_neg)
        if cost < best:
            best, shape = cost, (bands, rows)
    return shape


def find_near_duplicates(docs: list[Document], settings: Settings,
                         signatures: dict[str, np.ndarray] | None = None) -> dict[str, list[NearDuplicate]]:
    """For each document, the other documents whose text is a near-copy of its own.

    Args:
        docs: cleaned documents (``text`` is compared; ``raw`` when text is empty).
        settings: ``near_duplicate_threshold`` is the estimated Jaccard a pair must reach.
        signatures: receives each document's MinHash signature (kept by the incremental fuse).

    Returns:
        ``{doc id: [NearDuplicate(other id, similarity), …]}`` (symmetric, best first);
        documents without duplicates are absent.
    """
    threshold = settings.near_duplicate_threshold
    sigs: dict[str, np.ndarray] = {}
    for d in docs:
        grams = shingles(_body(d)) if d.id not in sigs else None
        if grams:
            sigs[d.id] = minhash_of(_body(d), grams)
    if signatures is not None:
        signatures.update(sigs)
    bands, rows = band_shape(threshold)
    buckets: dict[tuple[int, bytes], list[str]] = defaultdict(list)
    for doc_id, sig in sigs.items():
        for k in range(bands):
            buckets[(k, sig[k * rows:(k + 1) * rows].tobytes())].append(doc_id)
    candidates = {tuple(sorted((x, y))) for ids in buckets.values() if len(ids) > 1
                  for i, x in enumerate(ids) for y in ids[i + 1:]}
    out: dict[str, list[NearDuplicate]] = {}
    for x, y in candidates:
        sim = round(similarity(sigs[x], sigs[y]), 3)
        if sim >= threshold:   # band candidates can fall under the threshold
            out.setdefault(x, []).append(NearDuplicate(doc=y, similarity=sim))
            out.setdefault(y, []).append(NearDuplicate(doc=x, similarity=sim))
    for dups in out.values():
        dups.sort(key=lambda n: (-n.similarity, n.doc))
    LOGGER.debug("near-duplicates: %d of %d documents (LSH %d bands x %d rows)", len(out), len(docs), bands, rows)
    return out
