"""The main actors of each article: a small trained ranker over where and how often an actor appears.

An article's main actors are the few it is about (the minister who announced the levy, the club that signed
the striker), not every name it cites. Each corpus-wide actor an article mentions gets one feature row
(``FEATURES``): in the title, in the lead paragraph, mentions in the article and their share, rank by
mentions, offset of the first mention, share of the corpus's articles that name it, how often it is an event's
source or target and a quote's speaker in the article, and its coarse type. A logistic regression
(``scripts/train_entities.py``, from the ``main=`` gold of ``training/entities``) turns a row into a
probability; an actor is main when it reaches the model's threshold. Without a model file the baseline
(``baseline_score``: in the lead or named at least three times) stands in, so the function always answers.
"""
from __future__ import annotations

import functools
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from storyline.fuse.entities import description_owners
from storyline.model import DocAnalysis, Entity

__all__ = ["FEATURES", "SalienceModel", "baseline_score", "default_model_path", "feature_rows", "load_salience",
           "main_entities", "ranking_map"]

FEATURES = ("in_title", "in_lead", "log_mentions", "mention_share", "inverse_rank", "first_offset",
            "doc_share", "log_source", "log_target", "log_speaker", "is_person", "is_org", "is_place", "is_norp",
            "generic", "known")
#: the lead: the first paragraph, or this many characters when the text has no paragraph breaks
LEAD_CHARS = 300


@dataclass
class SalienceModel:
    """A fitted classifier over ``FEATURES`` and the probability an actor needs to be called main."""

    model: Any
    threshold: float = 0.5
    features: tuple[str, ...] = FEATURES

    def scores(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """The probability that each row's actor is a main actor of its article (rows of ``feature_rows``)."""
        if not rows:
            return []
        return [float(p) for p in self.model.predict_proba([list(r) for r in rows])[:, 1]]


def default_model_path() -> Path:
    """The ranker shipped in the package (``make train`` writes it)."""
    return Path(str(resources.files("storyline") / "models" / "entity_salience.npz"))


@functools.lru_cache(maxsize=4)
def load_salience(path: str = "") -> SalienceModel | None:
    """The ranker in ``path`` (or the shipped one); None when there is no such file."""
    p = Path(path) if path else default_model_path()
    if not p.is_file():
        return None
    from storyline.cache import load_model_file

    data = load_model_file(p)
    return SalienceModel(data["model"], float(data["threshold"]), tuple(data.get("features", FEATURES)))


def _lead_end(text: str) -> int:
    cut = text.find("\n")
    return cut if 0 < cut <= 3 * LEAD_CHARS else min(len(text), LEAD_CHARS)


def feature_rows(analyses: Sequence[DocAnalysis], id_map: dict[str, str]) -> list[tuple[str, str, list[float]]]:
    """(document id, corpus entity id, features) for every named or grouped actor of every article.

    ``id_map`` maps document-local entity ids to corpus ids (``FuseState.id_map``); ids not in it stand."""
    def corpus_id(local: str | None) -> str | None:
        return id_map.get(local, local) if local else None

    docs_of: dict[str, set[str]] = defaultdict(set)
    for a in analyses:
        for m in a.mentions:
            if (e := corpus_id(m.entity)) is not None:
                docs_of[e].add(a.document.id)
    n_docs = max(1, len(analyses))
    rows: list[tuple[str, str, list[float]]] = []
    for a in analyses:
        doc = a.document
        text = doc.text if doc.text is not None else doc.raw
        length = max(1, len(text))
        lead = _lead_end(text)
        title = (doc.title or "").casefold()
        count: Counter[str] = Counter()
        first: dict[str, int] = {}
        names: dict[str, set[str]] = defaultdict(set)
        for m in a.mentions:
            e = corpus_id(m.entity)
            if e is None:
                continue
            count[e] += 1
            first[e] = min(first.get(e, m.start), m.start)
            names[e].add(m.text.casefold())
        if not count:
            continue
        source: Counter[str | None] = Counter(corpus_id(ev.source) for ev in a.events)
        target: Counter[str | None] = Counter(corpus_id(ev.target) for ev in a.events)
        speaker: Counter[str | None] = Counter(corpus_id(q.speaker) for q in a.quotes)
        ranked = {e: r for r, (e, _) in enumerate(count.most_common(), start=1)}
        local = {corpus_id(x.id): x for x in a.entities}
        total = sum(count.values())
        for e, n in count.items():
            ent = local.get(e)
            etype = ent.type if ent else ""
            in_title = float(bool(title) and any(t and t in title for t in names[e]))
            rows.append((doc.id, e, [
                in_title, float(first[e] < lead), math.log1p(n), n / total, 1.0 / ranked[e], first[e] / length,
                len(docs_of[e]) / n_docs, math.log1p(source[e]), math.log1p(target[e]), math.log1p(speaker[e]),
                float(etype == "PERSON"), float(etype == "ORG"), float(etype in ("GPE", "LOC")),
                float(etype == "NORP"), float(bool(ent and ent.generic)), float(bool(ent and ent.kb_id))]))
    return rows


def ranking_map(entities: Sequence[Entity], id_map: dict[str, str]) -> dict[str, str]:
    """``id_map`` with each description-only corpus entity read as the named one it likely stands for
    (``fuse.entities.description_owners``): the actor an article's "the regulator" is ranked as. A corpus split
    into a name and one-mention descriptions would otherwise rank each piece alone, and each piece is minor."""
    owners = description_owners(list(entities))
    return {local: owners.get(glob, glob) for local, glob in id_map.items()}


def baseline_score(row: Sequence[float]) -> float:
    """1.0 for an actor in the title or lead, or named three times or more (not a nationality word)."""
    f = dict(zip(FEATURES, row))
    if f["is_norp"] or f["generic"]:
        return 0.0
    return float(bool(f["in_title"] or f["in_lead"] or f["log_mentions"] >= math.log1p(3)))


def main_entities(analyses: Sequence[DocAnalysis], id_map: dict[str, str], model: SalienceModel | None = None,
                  model_path: str = "") -> dict[str, list[tuple[str, float]]]:
    """Per document id, its main actors (corpus entity ids) with their scores, best first.

    Args:
        analyses: the per-document analyses of a corpus (mentions resolved to local entities).
        id_map: local → corpus entity ids (``FuseState.id_map`` after the entity merge).
        model: a ranker; else the one at ``model_path`` or shipped; else ``baseline_score`` at 0.5.
    """
    model = model or load_salience(model_path)
    rows = feature_rows(analyses, id_map)
    scores = model.scores([r for _, _, r in rows]) if model else [baseline_score(r) for _, _, r in rows]
    threshold = model.threshold if model else 0.5
    out: dict[str, list[tuple[str, float]]] = {a.document.id: [] for a in analyses}
    for (doc, ent, _), s in zip(rows, scores):
        if s >= threshold:
            out[doc].append((ent, s))
    for found in out.values():
        found.sort(key=lambda x: -x[1])
    return out
