"""The main actors of each article: a small trained ranker over where and how often an actor appears.

An article's main actors are the few it is about (the minister who announced the levy, the club that signed
the striker), not every name it cites. Each corpus-wide actor an article mentions gets one feature row
(``FEATURES``): in the title, in the lead paragraph, mentions in the article and their share, rank by
mentions, offset of the first mention, share of the corpus's articles that name it, how often it is an event's
source or target and a quote's speaker in the article, and its coarse type; and where the article puts it in
its grammar: the subject of its first sentence that names an actor, the source of an event told there, its
share of the sentences it is the subject of and of the article's event roles and quote speakers, the
sentence-opening pronouns (he, she, it) that stand for it, and the sentence of its first mention. Every feature
but the corpus share is read from the article alone, so a store's copy and a whole run's agree. A logistic regression
(``scripts/train_entities.py``, from the ``main=`` gold of ``training/entities``) turns a row into a
probability; an actor is main when it reaches the model's threshold. Without a model file the baseline
(``baseline_score``: in the lead or named at least three times) stands in, so the function always answers.
"""
from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
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
            "generic", "known", "lead_subject", "lead_source", "role_share", "log_pronouns", "first_sentence",
            "subject_share")
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
        # a model trained on fewer features (an older file) reads its own columns of the rows
        cols = [FEATURES.index(f) for f in self.features]
        return [float(p) for p in self.model.predict_proba([[r[c] for c in cols] for r in rows])[:, 1]]


def default_model_path() -> Path:
    """The ranker shipped in the package (``make train`` writes it)."""
    return Path(str(resources.files("storyline") / "models" / "entity_salience.npz"))


@functools.lru_cache(maxsize=4)
def load_salience(path: str = "") -> SalienceModel | None:
    """The ranker in ``path`` (or the shipped one); None when there is no such file."""
    from storyline.cache import read_shipped_model

    data = read_shipped_model(path, default_model_path, on_problem="none", missing="no salience model at {path}")
    if data is None:
        return None
    return SalienceModel(data["model"], float(data["threshold"]), tuple(data.get("features", FEATURES)))


def _lead_end(text: str) -> int:
    cut = text.find("\n")
    return cut if 0 < cut <= 3 * LEAD_CHARS else min(len(text), LEAD_CHARS)


_Ids = Callable[[str | None], str | None]
#: a third-person pronoun that opens a sentence, and the coarse type of actor it stands for
_OPENING_PRONOUN = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"”’']\s)|(?<=\n))\s*(He|She|His|Her|It|Its)\b")
_PRONOUN_TYPE = {"He": "PERSON", "She": "PERSON", "His": "PERSON", "Her": "PERSON", "It": "ORG", "Its": "ORG"}
#: the words a noun phrase may start with and still be a clause's subject ("The ministry said")
_DETERMINERS = frozenset({"the", "a", "an"})


def _sentence_spans(a: DocAnalysis, text: str) -> list[tuple[int, int]]:
    if a.sentences:
        return sorted((s.start, s.end) for s in a.sentences)
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]*", text)]


def _opens_clause(text: str, sent_start: int, start: int, end: int) -> bool:
    """A mention that heads its sentence's first clause: no lower-case word (a preposition, a verb) stands right
    before it in the sentence (one after an opening phrase's comma may), and a lower-case word (the verb) follows
    it, past an appositive in commas."""
    before = re.findall(r"[^\W\d_][\w'’-]*", text[sent_start:start])
    if (before and before[-1][0].islower() and before[-1].casefold() not in _DETERMINERS
            and not text[sent_start:start].rstrip().endswith(",")):
        return False
    return bool(re.match(r"\s*(?:,[^,]{0,80},\s*)?(?:’s\s+|'s\s+)?[a-z]", text[end:end + 100]))


def _subjects(a: DocAnalysis, text: str, spans: list[tuple[int, int]], corpus_id: _Ids) -> list[str | None]:
    """Per sentence that names an actor, in order, the actor that is its grammatical subject: its first mention
    there that opens the clause (``_opens_clause``); None when no mention of that sentence does."""
    mentions = sorted((m for m in a.mentions if corpus_id(m.entity)), key=lambda m: m.start)
    out: list[str | None] = []
    for s, e in spans:
        inside = [m for m in mentions if s <= m.start < e]
        if inside:
            out.append(next((corpus_id(m.entity) for m in inside if _opens_clause(text, s, m.start, m.end)), None))
    return out


def _pronoun_links(a: DocAnalysis, text: str, types: dict[str, str], corpus_id: _Ids) -> Counter[str]:
    """Sentence-opening third-person pronouns, each counted for the last actor of its kind (a person for
    he/she, an organisation for it) named before it: the mentions an article makes of its actor without a name."""
    mentions = sorted((m.start, corpus_id(m.entity)) for m in a.mentions if corpus_id(m.entity))
    out: Counter[str] = Counter()
    k = 0
    last: dict[str, str] = {}
    for p in _OPENING_PRONOUN.finditer(text):
        while k < len(mentions) and mentions[k][0] < p.start(1):
            ent = mentions[k][1]
            if ent is not None:
                last[types.get(ent, "")] = ent
            k += 1
        if (ent := last.get(_PRONOUN_TYPE[p.group(1)])) is not None:
            out[ent] += 1
    return out


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
        roles = sum(n for k, n in (source + target + speaker).items() if k is not None)
        ranked = {e: r for r, (e, _) in enumerate(count.most_common(), start=1)}
        local = {corpus_id(x.id): x for x in a.entities}
        total = sum(count.values())
        spans = _sentence_spans(a, text)
        subjects = _subjects(a, text, spans, corpus_id)
        subject = subjects[0] if subjects else None
        subject_count = Counter(subjects)
        first_span = next(((s, e) for s, e in spans if any(s <= f < e for f in first.values())), (0, 0))
        lead_sources = {corpus_id(ev.source) for ev in a.events
                        if any(first_span[0] <= sp.start < first_span[1] for sp in ev.evidence)}
        types = {e: (x.type if x.type in ("PERSON", "ORG") else "") for e, x in local.items() if e}
        pronouns = _pronoun_links(a, text, types, corpus_id)
        n_sent = max(1, len(spans))
        for e, n in count.items():
            ent = local.get(e)
            etype = ent.type if ent else ""
            in_title = float(bool(title) and any(t and t in title for t in names[e]))
            rows.append((doc.id, e, [
                in_title, float(first[e] < lead), math.log1p(n), n / total, 1.0 / ranked[e], first[e] / length,
                len(docs_of[e]) / n_docs, math.log1p(source[e]), math.log1p(target[e]), math.log1p(speaker[e]),
                float(etype == "PERSON"), float(etype == "ORG"), float(etype in ("GPE", "LOC")),
                float(etype == "NORP"), float(bool(ent and ent.generic)), float(bool(ent and ent.kb_id)),
                float(subject == e), float(e in lead_sources), (source[e] + target[e] + speaker[e]) / roles if roles
                else 0.0, math.log1p(pronouns[e]),
                sum(1 for s, _ in spans if s <= first[e]) / n_sent, subject_count[e] / max(1, len(subjects))]))
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
