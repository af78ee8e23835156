"""A trained decision that links a description to an entity named in other articles (issue 17).

An article often calls its main actor only "the company", "the ministry" or "the chief executive" and names it in
another article of the story, or in the same article in a way its resolver did not tie to the description. The
rules of ``storyline.fuse.entities`` link a person's description to the one person of the corpus whose role it
names, and an organisation's only to the one body of its own article whose names hold its words. This module
scores each remaining (description, named group) pair found by the same look-ups (a role's head word, the name
words a description's kind fits: no pair of every description with every entity) and links the description to
its best candidate when that one alone reaches the model's threshold: a generic "the ministry" beside two
ministries that both fit stays an actor of its own.

Features (``FEATURES``): how the description fits (a person's whole role or its last words, a body's leader, the
head or a word of its kind among the body's names, how many of the description's other words the names hold),
where (named in the description's article, the number of articles that name the candidate), countries, how many
candidates the description has in the corpus and in its article, the candidate's share of the candidates'
mentions, and the story: the share of the description's article's other named actors that the candidate's
articles also name. The union-find and the look-ups belong to ``storyline.fuse.entities``; here are the rows,
the model file and the decision. ``scripts/train_description_links.py`` trains it from ``training/entities`` and
``training/description_links`` (team-written mini-corpora).

Off by default (``Settings.description_links='rules'``): the restraint is corpus-wide, and a store fused in batches
decides a description over the candidates it has seen so far (a body named in a later batch does not undo a link),
so a batched fuse would differ from a whole run in organisations, which ``storyline.store.incremental`` does not
allow. A store passes the description keys it could not look up (``merge_entities(unlinked=...)``).

Why no narrower rule makes it batch-independent (session 25): every feature but the description's own words reads
the corpus (the candidates, their articles and mentions, the story), so a later batch can change the answer both
ways: a second fitting body named in a later batch makes the whole run leave alone a description an earlier batch
linked, and a body named only later gives a description an earlier batch left alone its one candidate. Deciding over
the whole store's index does not help (a later batch's entities are not merged yet), and keeping only the candidates
of the description's own article leaves a model that never links (session 24). The dev gain is in organisations'
descriptions (people's alone move only dev13, by 0.002). Following the whole run needs either the stored
descriptions decided again (unplaced descriptions indexed by ``description_keys``, those whose candidates a batch
changes decided again, a description moved between stored entities with its one document's events, quotes, story
events, relations and outlet rows remapped: the incremental fuse never splits or joins stored entities) or the whole
corpus's entity groups decided before the batches (an entity merge of the whole corpus, which batching avoids, and
no help to a later update).
"""
from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

LOGGER = logging.getLogger(__name__)

FEATURES = ("person_description", "role_whole", "role_part", "leader", "org_head", "org_kind", "article_org",
            "kind_clash", "modifiers", "modifiers_held", "same_article", "candidate_articles", "country_agree",
            "country_clash", "candidates", "candidates_in_article", "mention_share", "story_share", "common_words",
            "description_mentions")


@dataclass
class Fit:
    """What the look-ups found of one (description, candidate group) pair, before it is made a row."""
    person_description: bool
    role_whole: bool = False
    role_part: bool = False
    leader: bool = False
    org_head: bool = False
    org_kind: bool = False
    article_org: bool = False   # found only as a body its own article names
    kind_clash: bool = False   # the body's names hold the head of another sector than the description's
    modifiers: int = 0
    modifiers_held: int = 0
    same_article: bool = False
    candidate_articles: int = 0
    country: int = 0   # +1 one country, -1 two, 0 unknown
    mentions: int = 0
    story_share: float = 0.0
    common_words: bool = True
    description_mentions: int = 1


def rows(fits: list[Fit]) -> list[list[float]]:
    """The feature rows of one description's candidates (the counts read across its candidates)."""
    top = max((f.mentions for f in fits), default=1) or 1
    in_article = sum(f.same_article for f in fits)
    out = []
    for f in fits:
        out.append([float(f.person_description), float(f.role_whole), float(f.role_part), float(f.leader),
                    float(f.org_head), float(f.org_kind), float(f.article_org), float(f.kind_clash),
                    float(min(f.modifiers, 3)),
                    f.modifiers_held / f.modifiers if f.modifiers else 0.0, float(f.same_article),
                    float(min(f.candidate_articles, 5)), float(f.country > 0), float(f.country < 0),
                    float(min(len(fits), 6)), float(min(in_article, 4)), f.mentions / top, f.story_share,
                    float(f.common_words), float(min(f.description_mentions, 5))])
    return out


@dataclass
class LinkModel:
    classifier: Any
    threshold: float
    features: tuple[str, ...]
    info: dict = field(default_factory=dict)

    def choose(self, fits: list[Fit]) -> int | None:
        """Index of the candidate the description stands for: the one scored at the threshold or above when no
        other is (restraint: two fitting candidates leave the description unlinked); None otherwise."""
        if not fits:
            return None
        probs = [float(p) for p in self.classifier.predict_proba(rows(fits))[:, 1]]
        above = [n for n, p in enumerate(probs) if p >= self.threshold]
        return above[0] if len(above) == 1 else None


def default_model_path() -> Path:
    return Path(str(resources.files("storyline").joinpath("models", "description_links.npz")))


@functools.lru_cache(maxsize=4)
def load_linker(path: str = "") -> LinkModel | None:
    """The model at ``path`` (default: the shipped one), loaded once; None (with a warning) when there is none or
    it was trained on other features: only the rules then link descriptions across articles."""
    from storyline.cache import read_shipped_model

    data = read_shipped_model(
        path, default_model_path, on_problem="warn", logger=LOGGER, features=FEATURES,
        missing="no description link model at {path}: run `make train`; the rules alone link descriptions",
        mismatch="description link model {path} has other features than this version: run `make train`")
    if data is None:
        return None
    return LinkModel(classifier=data["classifier"], threshold=float(data["threshold"]),
                     features=tuple(data["features"]), info=data.get("info", {}))
