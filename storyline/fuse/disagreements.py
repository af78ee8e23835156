"""Disagreements: documents taking incompatible positions on the same topic.

Claims are found per document by ``storyline.extract.claims`` and stored with the document; here they
are bound to the corpus (:func:`bind_claims`: the corpus-wide keys of the actors they name) and compared
across documents. Each way of comparing them is a *dimension*, a function registered under a versioned
name (``storyline.disagreements.causes.v1``); ``Settings.disagreement_dimensions`` lists those to run:

* pole claims (alignment, coordination, compliance) about the same actor pair: documents whose
  dominant pole differs disagree ("Ruritania is cutting ties with its neighbour" vs "remains under its
  influence");
* cause claims about the same outcome (rare shared words, or the same story event): one says the
  cause was *only* X, the other names another cause or says "not just X"; one denies a cause the other
  asserts ("nothing to do with the dam" vs "fell the day the dam's gates were lowered"); or both name
  wholly different causes of an outcome they describe in the same rare words;
* quantity claims measuring the same thing (same unit family — "farmers" and "activists" are people —,
  and shared words around the amount, shared other amounts such as "for 60 days", shared actors or the
  same story event; figures dated by different days are different measurements) whose ranges do not
  overlap within a tolerance (tight for figures in the same unit, loose after currency conversion);
* frame claims on the same act (shared rare words): hostile in one document, benign in another;
* events of one story event asserted by one document and denied by another (this one reads the
  events, not the claims).

Every dimension compares claims of one story only (``DimensionContext.story_of``; without grouped stories
the corpus is one story): a disagreement is about one topic of one story, as the trained pair dimension's
sentence pairs already were. Claims of many stories share words, actors and units, and pairs linked
across stories chained into "disagreements" of thousands of sides that no reader can follow.

Each candidate is scored; only the strongest few per dimension are kept (restraint: a corpus where
every sentence pair "disagrees" tells a reader nothing), and pairs on one topic become one
disagreement with several sides. As a last guard (``guard_candidates``), a candidate whose sides span
several stories is split into one per story, and one with more than ``MAX_SIDES`` sides is dropped
with a logged reason.
"""
from __future__ import annotations

import bisect
import functools
import hashlib
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any, cast

from storyline.config import Settings
from storyline.data import load
from storyline.extract.stance import CHANGE_TERM, StanceLexicon, content_terms, load_stance_lexicon, term_key
from storyline.fuse.mapper import LOCAL, Mapper
from storyline.model import Claim, Disagreement, DocAnalysis, Entity, Event, Side, Span, Story
from storyline.registry import dimension, dimensions, resolve

LOGGER = logging.getLogger(__name__)

#: at most this many disagreements per dimension, and in all, per story (the scorer's restraint allows 3× gold)
MAX_PER_DIMENSION = 2
MAX_QUANTITY = 3
MAX_DISAGREEMENTS = 12
#: sides listed per document and pole (the best-weighted sentences)
MAX_SIDES_PER_DOC = 2
#: a pole needs a claim at least this strong (a hedged question alone does not make a side)
MIN_SIDE_WEIGHT = 0.3
#: a document's weaker pole is listed as a side too when it has this share of its main pole's weight
MINORITY_SHARE = 0.5
#: terms in more than this share of all sentences name the story itself, not a topic within it
COMMON_TERM_SHARE = 0.08
#: ...but in a tiny corpus a word in a handful of sentences is still a topic word
COMMON_TERM_FLOOR = 5
#: rare words two cause sentences must share to be about the same outcome
CAUSE_MIN_SHARED = 2
#: outcome words a denied cause and the same cause asserted must share ("the blackout in the capital" /
#: "the power in the capital failed"): the shared cause is already specific
DENIAL_MIN_SHARED = 1
#: rare words before two amounts that show they measure the same thing
QUANTITY_MIN_SHARED = 2
#: amounts within this factor of each other agree after a currency conversion (rates are rough)
QUANTITY_TOLERANCE = 1.5
#: ...and in the same unit: "120" and "150 cubic metres a second" differ, "1.2 million" and "1,150,000"
#: do not (rounding); approximate and vague amounts are already ranges
SAME_UNIT_TOLERANCE = 1.1
#: relatedness points two quantity claims need: a shared rare anchor word or shared other amount counts
#: 1, a shared story word, a shared actor or the same story event counts COMMON_POINT. 1.5 (was 2.0):
#: "63 people were detained" vs "… and that 54 people had been detained" share the predicate and one
#: word; checked against the seeds, the demo and the disagreements dev set (found/restraint unchanged)
QUANTITY_MIN_SCORE = 1.5
COMMON_POINT = 0.5
#: rival causes with no "only" or denial ("caused by a storm" vs "because of neglect") rank below firm
#: conflicts: outlets often name several causes without contradicting one another
RIVAL_WEIGHT = 0.5
#: units that say nothing of what is measured: only shared words around the figures relate them
GENERIC_UNITS = frozenset({"percent"})
#: rare words two frame claims must share to be about the same act
FRAME_MIN_SHARED = 2
#: a blocking key (of one story: keys are tagged by story) more claims of one kind hold than this names the
#: story itself, not one topic of it: skipped, as the entity matcher skips its largest blocks. The pairs
#: compared then grow with a story's claims, not their square; stories with no key this common are
#: compared exactly as every pair (tests/fuse/test_disagreements_blocking.py)
MAX_KEY_CLAIMS = 150
#: a candidate with more sides than this is dropped (``guard_candidates``): the pairs of a group are merged
#: transitively, so a group this large within one story is a chain of pairwise links, not one topic its
#: sides share, and trimming it would show sides that do not disagree with one another
MAX_SIDES = 40
_CONDITIONAL = re.compile(r"\b(?:if|unless|would have|could have)\b", re.IGNORECASE)
#: actor-kinds that stand for a state in stance topics (a leader speaks for the country)
_STATE_TYPES = ("GPE", "PERSON", "ORG", "NORP")
_NAME_TYPES = ("GPE", "PERSON", "ORG", "NORP", "LOC")
#: shortest name used to find lower-case actor mentions NER missed
MIN_NAME_LEN = 4
#: a count's kind word ("four [killed]", "6,000 [in shelters]") is at most this many words from the figure
COUNT_KIND_WORDS = 6
#: where a figure's clause ends: its kind word is not read across these ("four died and 100 were injured")
_CLAUSE_EDGE = re.compile(r"[,;:()]|\s(?:and|but|while|whereas|when|after|before|as)\s", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _count_kind_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    for kind, words in (load("pair_cues").get("count_kinds") or {}).items():
        alts = sorted((r"\s+".join(re.escape(p) for p in str(w).rstrip("*").split())
                       + (r"\w*" if str(w).endswith("*") else "") for w in words), key=len, reverse=True)
        out.append((str(kind), re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)", re.IGNORECASE)))
    return tuple(out)


@functools.lru_cache(maxsize=65536)
def count_kind(text: str, start: int, end: int) -> str:
    """What the count at ``text[start:end]`` counts: the kind (``pair_cues.yaml`` ``count_kinds``: killed,
    injured, displaced, arrested, ...) of the nearest kind word in its clause, "" when none is near.

    "Four people were killed" and "6,000 people spent the night in shelters" are both counts of people, but
    of two different things: figures of different kinds never measure one quantity.
    """
    left = 0
    for m in _CLAUSE_EDGE.finditer(text, 0, start):
        left = m.end()
    edge = _CLAUSE_EDGE.search(text, end)
    right = edge.start() if edge else len(text)
    best, best_dist = "", COUNT_KIND_WORDS + 1
    for kind, rx in _count_kind_patterns():
        for m in rx.finditer(text, left, right):
            if m.start() >= end:
                dist = len(text[end:m.start()].split())
            elif m.end() <= start:
                dist = len(text[m.end():start].split())
            else:
                continue
            if dist < best_dist:
                best, best_dist = kind, dist
    return best


def counts_fit(a: str, b: str) -> bool:
    """Two count kinds may measure one thing: the same kind, or either not said."""
    return not a or not b or a == b


def claim_count_kind(c: Claim) -> str:
    """The ``count_kind`` of a quantity claim's figure in its sentence ("" for other claims)."""
    if c.kind != "quantity" or not c.text:
        return ""
    at = c.evidence.text.find(c.text)
    return count_kind(c.evidence.text, at, at + len(c.text)) if at >= 0 else ""


@dataclass
class BoundClaim:
    """A stored claim bound to the corpus: the actor keys it names, its word keys as sets.

    This is the working view the dimensions compare; it is rebuilt on every fuse from the stored
    ``Claim`` and is neither stored nor exported.
    """
    doc: str
    evidence: Span
    kind: str
    dimension: str
    pole: str
    weight: float
    actors: frozenset[str]       # actor keys named in the sentence (cause: the agents)
    terms: frozenset[str]
    agents: frozenset[str] = frozenset()   # cause: actor keys named as the cause
    low: float | None = None
    high: float | None = None
    anchor: frozenset[str] = frozenset()
    text: str = ""
    cause: frozenset[str] = frozenset()
    outcome: frozenset[str] = frozenset()
    when: frozenset[str] = frozenset()
    co: frozenset[str] = frozenset()
    converted: bool = False
    #: quantity: what a count counts ("killed", "displaced", "arrested"; ``count_kind``), "" when not said
    count: str = ""
    #: story events whose evidence overlaps the claim's sentence (set by ``find_disagreements``)
    story_events: frozenset[str] = field(default=frozenset(), compare=False)


class _ActorSpans:
    """(start, end, actor key) of a document's actor mentions, sorted by start to find those in a range."""

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _, _ in self.spans]

    def keys_within(self, lo: int, hi: int) -> set[str]:
        out = set()
        for k in range(bisect.bisect_left(self.starts, lo), len(self.spans)):
            s, e, key = self.spans[k]
            if s > hi:
                break
            if e <= hi:
                out.add(key)
        return out


def _actors_in(span: Span, actor_spans: _ActorSpans, names: NameFinder | None,
               name_keys: dict[str, str]) -> frozenset[str]:
    """Actor keys whose mentions (or names, in any case) fall inside ``span``."""
    keys = actor_spans.keys_within(span.start, span.end)
    if names is not None:
        keys.update(name_keys[names.name_of(found)] for found in names.findall(span.text))
    return frozenset(keys)


def name_pattern(name_keys: dict[str, str]) -> re.Pattern[str] | None:
    """One regex finding any known actor name (lower- or upper-case, with a demonym ending)."""
    if not name_keys:
        return None
    return _names_regex(tuple(sorted(name_keys, key=len, reverse=True)))


@functools.lru_cache(maxsize=8)
def _names_regex(names: tuple[str, ...]) -> re.Pattern[str]:
    # one corpus passes the same names for every document: build the alternation once
    alts = "|".join(re.escape(n) for n in names)
    # "ruritania" also finds "ruritanian"; the group keeps the name itself for the key lookup
    return re.compile(rf"(?<!\w)({alts})(?:n|ns|an|ans)?(?!\w)", re.IGNORECASE)


_WORD_RUN = re.compile(r"\w+")
_DEMONYM_ENDINGS = ("", "n", "ns", "an", "ans")


@functools.lru_cache(maxsize=65536)
def _plain_char(c: str) -> bool:
    # a character the regex's case-insensitive match treats like its plain lower case: one character, that
    # shares its upper case with no other ("ı"/"i", "ſ"/"s", "ς"/"σ" do not round-trip), a word
    # character exactly when its lower case is one
    low = c.lower()
    same_kind = (_WORD_RUN.match(c) is None) == (_WORD_RUN.match(low) is None)
    return len(low) == 1 and low.upper().lower() == low and same_kind


def _plain(text: str, low: str) -> bool:
    # lower() is contextual for one letter (a final "Σ" becomes "ς"): the lowered text is checked too
    return len(low) == len(text) and all(_plain_char(c) for c in set(text)) and all(_plain_char(c) for c in set(low))


class NameFinder:
    """Finds what ``name_pattern``'s regex finds (the same names, in the same places), by word look-up.

    The regex tries every name at every position, so its cost per character grows with the corpus's
    names; here each word start looks up the names that begin with its word. The match is the regex's:
    longest name first, an optional demonym ending (n, ns, an, ans), case-insensitive, at word
    boundaries. A text or a name with a character whose case-insensitive match is not plain
    lower-casing (``_plain_char``) is left to the regex itself.
    """

    def __init__(self, name_keys: dict[str, str]) -> None:
        self.pattern = name_pattern(name_keys)
        lowered = {n: n.lower() for n in name_keys}
        self.lowered = frozenset(name_keys)
        # a name not starting with a word character sends every text to the regex
        self.words = all(n and _WORD_RUN.match(n) for n in name_keys)
        # names by their first word, longest first (the regex's order; names of one length match the same text)
        by_first: dict[str, list[str]] = defaultdict(list)
        odd = []
        # every name in the regex's order (longest first): the alternative its match took is the first that fits
        self.ordered = tuple(sorted(name_keys, key=len, reverse=True))
        for n in self.ordered:
            first = _WORD_RUN.match(lowered[n])
            if not _plain(n, lowered[n]):
                odd.append(n)   # "yılmaz": its own small regex, tried at each word start
            elif first is not None:
                by_first[first.group(0)].append(lowered[n])
        self.by_first = dict(by_first)
        self.odd = _names_regex(tuple(odd)) if odd else None
        self.odd_names = tuple(odd)

    def name_of(self, found: str) -> str:
        """The name (a key of ``name_keys``) that matched the text ``found``: its lower case, except for a name
        whose case-insensitive match is not plain lower-casing ("ışık" finds "Işık", whose lower case is "işık")."""
        low = found.lower()
        if low in self.lowered:
            return low
        # then a plain name written with a letter the case-insensitive match equates with one of its own: the regex
        # finds "yilmaz" in "Yılmaz" ("ı" matches "i"), whose lower case is no name
        for n in (*self.odd_names, *self.ordered):
            if re.fullmatch(re.escape(n), found, re.IGNORECASE):
                return n
        raise KeyError(found)

    def findall(self, text: str) -> list[str]:
        """The text of each name found (the regex's group 1), in order."""
        if self.pattern is None:
            return []
        low = text.lower()
        if not self.words or not _plain(text, low):
            return [m.group(1) for m in self.pattern.finditer(text)]
        out: list[str] = []
        after = 0
        for run in _WORD_RUN.finditer(text):   # a name starts a word (it starts with a word character)
            s, word = run.start(), low[run.start():run.end()]
            if s < after:
                continue   # inside the previous name
            best, best_end = 0, 0   # the longest name found here, and where its ending ends
            # a one-word name is the word less its ending; a longer one starts with the whole word
            cands = [n for k in range(min(4, len(word))) for n in self.by_first.get(word[:len(word) - k], ())]
            for name in sorted(cands, key=len, reverse=True):
                end = s + len(name)
                if low[s:end] != name:
                    continue
                rest = _WORD_RUN.match(text, end)   # the word goes on: only as a demonym ending
                if rest is not None and low[end:rest.end()] not in _DEMONYM_ENDINGS:
                    continue
                best, best_end = len(name), (rest.end() if rest is not None else end)
                break
            m = self.odd.match(text, s) if self.odd is not None else None
            if m is not None and len(m.group(1)) > best:
                best, best_end = len(m.group(1)), m.end()
            if best:
                out.append(text[s:s + best])
                after = best_end
        return out


def bind_claims(claims: list[Claim], actor_spans: list[tuple[int, int, str]],
                name_keys: dict[str, str] | None = None, lexicon: StanceLexicon | None = None,
                names_found: tuple[dict[str, str], NameFinder | None] | None = None) -> list[BoundClaim]:
    """One document's claims with the corpus-wide keys of the actors they name.

    A claim's actors are the actor mentions inside its sentence, and the corpus's actor names found
    there (names NER missed in this document: "ruritania"); a cause's are those inside its cause span
    (its agents). Claims that detection kept permissively are dropped here: a pole claim naming fewer
    actors than its dimension needs, a cause naming neither an actor nor a content word.

    Args:
        claims: the document's stored claims, in order.
        actor_spans: (start, end, actor key) of every actor mention in the document.
        name_keys: lower-case actor name -> actor key.
        lexicon: the compiled stance lexicon the claims were found with (default: the shipped one).
        names_found: ``name_keys`` already lower-cased with its ``NameFinder`` (a corpus binds every
            document against the same names: lowering and sorting them per document grew with the corpus).

    Returns:
        The bound claims, in the order of ``claims``.
    """
    lex = lexicon or load_stance_lexicon()
    if names_found is None:
        name_keys = {k.lower(): v for k, v in (name_keys or {}).items()}
        names = NameFinder(name_keys) if name_keys else None
    else:   # the corpus's lowered names and their pattern, made once for every document by the caller
        name_keys, names = names_found
    spans = _ActorSpans(actor_spans)
    in_sentence: dict[tuple[int, int], frozenset[str]] = {}   # several claims share a sentence
    out: list[BoundClaim] = []
    for c in claims:
        agents: frozenset[str] = frozenset()
        if c.kind == "cause":
            agents = _actors_in(c.cause_span, spans, names, name_keys) if c.cause_span else frozenset()
            if not agents and not c.cause:
                continue
            actors = agents
        else:
            where = (c.evidence.start, c.evidence.end)
            if where not in in_sentence:
                in_sentence[where] = _actors_in(c.evidence, spans, names, name_keys)
            actors = in_sentence[where]
            if c.kind == "pole" and len(actors) < lex.min_actors.get(c.dimension, 1):
                continue  # the dimension is about actors; too few are named here
        out.append(BoundClaim(
            doc=c.doc, evidence=c.evidence, kind=c.kind, dimension=c.dimension, pole=c.pole, weight=c.weight,
            actors=actors, terms=frozenset(c.terms), agents=agents, low=c.low, high=c.high,
            anchor=frozenset(c.anchor), text=c.text, cause=frozenset(c.cause), outcome=frozenset(c.outcome),
            when=frozenset(c.when), co=frozenset(c.co), converted=c.converted, count=claim_count_kind(c)))
    return out


@dataclass
class DimensionContext:
    """What a disagreement dimension may consult besides the claims."""
    #: actor key -> the name a reader knows it by
    names: dict[str, str]
    #: words so frequent in the corpus that they name the story itself, not a topic within it
    common: frozenset[str]
    #: every event, actors remapped to corpus-wide ids
    events: list[Event]
    #: event id -> story event id, for events whose ``story_event`` is not set
    story_event_of: dict[str, str]
    #: the per-document analyses (sentences, outlets) for dimensions that read sentences, not claims
    analyses: list[DocAnalysis] = field(default_factory=list)
    #: document id -> story id (empty when stories were not grouped)
    story_of: dict[str, str] = field(default_factory=dict)
    #: document id -> (start, end, actor key) of its actor mentions
    actor_spans: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    #: document id -> (start, end, story event id) of the evidence of its events
    story_event_spans: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    #: runs a dimension's per-block work (``storyline.fuse.mapper``; an engine's workers)
    mapper: Mapper = LOCAL
    #: (sentence, sentence) -> the pair model's probabilities, known from an earlier run over these
    #: documents and filled with the pairs judged now (the incremental fuse keeps them: a pair of stored
    #: sentences is not judged again); None: judge every pair
    pair_memo: dict[tuple[str, str], tuple[float, ...]] | None = None
    #: sentence -> what the corpus dimension keys it by whatever the corpus (``SentenceKeys``), known from an
    #: earlier run and filled with the sentences read now (the incremental fuse keeps them: a stored sentence's keys
    #: are not read from its text again); None: read every sentence
    sentence_keys: dict[str, SentenceKeys] | None = None


#: a sentence's keys that depend on its text alone: (content terms, event families, kinds of fact)
SentenceKeys = tuple[frozenset[str], frozenset[str], frozenset[str]]
#: what a dimension returns per candidate: (score, dimension capped together, topic, sides)
Found = tuple[float, str, str, list[Side]]
#: a dimension: (bound claims, context, settings) -> candidates
Dimension = Callable[[list[BoundClaim], DimensionContext, Settings], list[Found]]


class DeferredSides(Sequence[Side]):
    """A candidate's sides known by their first side's document and their number, and made (``load``) on first
    use: ``keep_disagreements`` passes over most of a store's candidates on their story and dimension alone (a cap
    reached), and an update ranks every stored candidate again: decoding all their sides was half of that re-rank."""

    def __init__(self, first_doc: str, n: int, load: Callable[[], list[Side]]) -> None:
        self.first_doc, self._n, self._load = first_doc, n, load
        self._sides: list[Side] | None = None

    def sides(self) -> list[Side]:
        if self._sides is None:
            self._sides = self._load()
        return self._sides

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i: Any) -> Any:
        return self.sides()[i]

    def __iter__(self) -> Iterator[Side]:
        return iter(self.sides())


def _first_doc(sides: Sequence[Side]) -> str:
    """The document of a candidate's first side (whose story it is ranked in), its sides left unmade if deferred."""
    if isinstance(sides, DeferredSides):
        return sides.first_doc
    return sides[0].doc if sides else ""


def _actor_key(e: Entity) -> str:
    return e.country if e.country and e.type in _STATE_TYPES else (e.kb_id or e.id)


def _display_names(entities: list[Entity]) -> dict[str, str]:
    names: dict[str, str] = {}
    for e in sorted(entities, key=lambda e: (e.type != "GPE", -len(e.mentions))):
        names.setdefault(_actor_key(e), e.name)
    return names


def _name_keys(entities: list[Entity]) -> dict[str, str]:
    out: dict[str, str] = {}
    for e in entities:
        if e.type not in _NAME_TYPES:
            continue
        for n in [e.name, *e.aliases]:
            if n and len(n) >= MIN_NAME_LEN and n[0].isalpha():
                out.setdefault(n.lower(), _actor_key(e))
    return out


def _actor_spans(a: DocAnalysis, global_spans: dict[str, list[tuple[int, int, str]]],
                 local: dict[str, Entity]) -> list[tuple[int, int, str]]:
    spans = list(global_spans.get(a.document.id, []))
    if not spans:  # no global mentions for this document: fall back to its own resolution
        spans = [(m.start, m.end, _actor_key(local[m.entity])) for m in a.mentions
                 if m.entity and m.entity in local]
    return spans


def sentence_terms(analyses: list[DocAnalysis]) -> tuple[Counter[str], int]:
    """How many sentences hold each content term, and how many sentences there are."""
    counts: Counter[str] = Counter()
    n = 0
    for a in analyses:
        for s in a.sentences:
            counts.update(content_terms(s.text))
            n += 1
    return counts, n


def common_terms(counts: Mapping[str, int], n_sentences: int) -> frozenset[str]:
    """Terms in more than ``COMMON_TERM_SHARE`` of the sentences (and ``COMMON_TERM_FLOOR``): the story's own words."""
    return frozenset(t for t, c in counts.items() if c > max(COMMON_TERM_FLOOR, COMMON_TERM_SHARE * n_sentences))


def _common_terms(analyses: list[DocAnalysis]) -> frozenset[str]:
    return common_terms(*sentence_terms(analyses))


def _sentence_story_events(events: list[Event], mapping: dict[str, str]) -> dict[str, list[tuple[int, int, str]]]:
    out: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for e in events:
        sid = e.story_event or mapping.get(e.id)
        if sid:
            for sp in e.evidence:
                out[sp.doc].append((sp.start, sp.end, sid))
    return out


def _story_events_of(c: BoundClaim, spans: dict[str, list[tuple[int, int, str]]]) -> set[str]:
    return {sid for s, e, sid in spans.get(c.doc, []) if s < c.evidence.end and e > c.evidence.start}


def _sides(claims: list[BoundClaim], stance_of) -> list[Side]:
    """Up to MAX_SIDES_PER_DOC sides per (document, stance), best first, no repeated sentence."""
    out: list[Side] = []
    seen: set[tuple[str, str]] = set()
    per: Counter[tuple[str, str]] = Counter()
    for c in sorted(claims, key=lambda c: (-c.weight, c.doc, c.evidence.start)):
        stance = stance_of(c)
        key = (c.doc, c.evidence.text.strip().lower())
        if key in seen or per[(c.doc, stance)] >= MAX_SIDES_PER_DOC:
            continue
        seen.add(key)
        per[(c.doc, stance)] += 1
        out.append(Side(doc=c.doc, stance=stance,
                        evidence=Span(c.doc, c.evidence.start, c.evidence.end, c.evidence.text)))
    return sorted(out, key=lambda s: (s.stance, s.doc, s.evidence.start))


def _topic_words(group: list[BoundClaim], keys_of, n: int = 3) -> str:
    """The words most documents of a group share, as they are written (not as stems)."""
    per_doc: dict[str, set[str]] = defaultdict(set)
    for c in group:
        per_doc[c.doc].update(keys_of(c))
    counts = Counter(k for keys in per_doc.values() for k in keys)
    # ties broken by the word itself: set order changes with the process's hash seed
    ranked = sorted(counts.items(), key=lambda kc: (-kc[1], kc[0]))
    top = [k for k, c in ranked if c >= 2][:n] or [k for k, _ in ranked][:n]  # no shared word: the first ones
    surface: dict[str, str] = {}
    for c in group:
        for w in re.findall(r"[^\W\d_][\w-]*", c.evidence.text):
            surface.setdefault(term_key(w), w.lower())
    return " ".join(surface.get(k, k) for k in top)


# --- pole dimensions ------------------------------------------------------------------------------

def _pole_candidate(claims: list[BoundClaim]) -> tuple[float, list[BoundClaim]] | None:
    """Score and side claims of one (dimension, actor pair) group, or None without a disagreement."""
    sums: dict[str, Counter[str]] = defaultdict(Counter)
    for c in claims:
        sums[c.doc][c.pole] += c.weight  # type: ignore[assignment]  # Counter sums float weights; typeshed says int
    dominant = {d: s.most_common(1)[0][0] for d, s in sums.items()}
    if len(set(dominant.values())) < 2:
        return None
    chosen = []
    for c in claims:
        s = sums[c.doc]
        if c.pole == dominant[c.doc] or s[c.pole] >= MINORITY_SHARE * s[dominant[c.doc]]:
            chosen.append(c)
    poles = {p: max((c.weight for c in chosen if c.pole == p), default=0.0) for p in set(dominant.values())}
    if min(poles.values()) < MIN_SIDE_WEIGHT:
        return None
    score = sum(min(2.0, s[dominant[d]]) for d, s in sums.items())
    return score, chosen


def _pole_disagreements(claims: list[BoundClaim], names: dict[str, str]) -> list[tuple[float, str, list[Side]]]:
    out = []
    by_dim: dict[str, dict[tuple[str, str], list[BoundClaim]]] = defaultdict(lambda: defaultdict(list))
    for c in claims:
        if c.kind == "pole":
            for pair in combinations(sorted(c.actors), 2):
                by_dim[c.dimension][pair].append(c)
    for dim, groups in by_dim.items():
        used: set[tuple[str, int]] = set()
        kept = 0
        ranked = sorted(groups.items(), key=lambda kv: -(_pole_candidate(kv[1]) or (0.0,))[0])
        for pair, group in ranked:
            if kept >= MAX_PER_DIMENSION:
                break
            fresh = [c for c in group if (c.doc, c.evidence.start) not in used]
            cand = _pole_candidate(fresh)
            if cand is None:
                continue
            score, chosen = cand
            sides = _sides(chosen, lambda c: c.pole)
            poles = sorted({s.stance for s in sides})
            topic = f"{dim}: {' – '.join(names.get(k, k) for k in pair)} ({' vs '.join(poles)})"
            out.append((score, topic, sides))
            used.update((c.doc, c.evidence.start) for c in chosen)
            kept += 1
    return out


# --- causes ---------------------------------------------------------------------------------------

def _cause_keys(c: BoundClaim) -> frozenset[str]:
    """What a claim names as the cause: its actors and the content words of the cause phrase."""
    return c.agents | c.cause


def _cause_conflict(a: BoundClaim, b: BoundClaim) -> bool:
    """One names X as the only cause; the other names another cause, or says "not just X"."""
    for x, y in ((a, b), (b, a)):
        if x.pole == "only" and ((y.agents - x.agents) or (y.pole == "shared" and y.agents & x.agents)):
            return True
    return _denial_conflict(a, b)


def _denial_conflict(a: BoundClaim, b: BoundClaim) -> bool:
    """One denies a cause the other asserts ("nothing to do with the dam" vs "because of the dam")."""
    for x, y in ((a, b), (b, a)):
        if x.pole == "denied" and y.pole != "denied" and _cause_keys(x) & _cause_keys(y):
            return True
    return False


def _rival_causes(a: BoundClaim, b: BoundClaim) -> bool:
    """Both assert a cause and the causes share nothing ("caused by a storm" vs "because of neglect")."""
    if "denied" in (a.pole, b.pole) or "shared" in (a.pole, b.pole):
        return False
    ka, kb = _cause_keys(a), _cause_keys(b)
    return bool(ka and kb) and not (ka & kb)


def _cause_stance(c: BoundClaim, names: dict[str, str]) -> str:
    agents = ", ".join(sorted({names.get(k, k) for k in c.agents}))
    what = agents or " ".join(sorted(c.cause))
    return {"only": f"only {what}", "shared": f"{what} among others", "denied": f"not {what}"}.get(c.pole, what)


# --- quantities -----------------------------------------------------------------------------------

def _amounts_agree(a: BoundClaim, b: BoundClaim) -> bool:
    if a.low is None or b.low is None or a.high is None or b.high is None:
        return True
    tol = QUANTITY_TOLERANCE if (a.converted or b.converted) else SAME_UNIT_TOLERANCE
    return a.low / tol <= b.high and b.low / tol <= a.high


def _amount_text(c: BoundClaim) -> str:
    lo, hi = c.low or 0.0, c.high or 0.0
    mid = (lo * hi) ** 0.5 if lo > 0 and hi > 0 else hi
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand")):
        if mid >= scale:
            rng = f"{lo / scale:.3g}" if hi <= lo * 1.01 else f"{lo / scale:.3g}–{hi / scale:.3g}"
            return f"≈ {rng} {word} {c.pole}".strip()
    rng = f"{lo:.3g}" if hi <= lo * 1.01 else f"{lo:.3g}–{hi:.3g}"
    return f"≈ {rng} {c.pole}".strip()


def _pairwise(claims: list[BoundClaim], kind: str, related, conflict, keys,
              story_of: Mapping[str, str] | None = None) -> list[list[BoundClaim]]:
    """Cross-document claim pairs of ``kind`` in one story that are related and conflict, merged per topic.

    Only pairs of one story (``story_of``: document id -> story id; none: the corpus is one story) sharing
    one of their ``keys`` are tried (in the order of all pairs): ``keys(c)`` must hold everything
    ``related`` needs two claims to share, so no related pair is missed while a corpus of many topics
    is not compared claim by claim. A key held by more than ``MAX_KEY_CLAIMS`` claims of the kind in
    one story is not used (a pair sharing only such keys is not tried).
    """
    of_kind = [c for c in claims if c.kind == kind]
    story_of = story_of or {}
    parent = list(range(len(of_kind)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    index: dict[object, list[int]] = defaultdict(list)
    # keys are tagged by story: claims of two stories are never paired, so no group spans stories
    claim_keys = [{(story_of.get(c.doc, ""), k) for k in keys(c)} for c in of_kind]
    for i, ks in enumerate(claim_keys):
        for k in ks:
            index[k].append(i)
    common = {k for k, held in index.items() if len(held) > MAX_KEY_CLAIMS}
    if common:
        claim_keys = [{k for k in ks if k not in common} for ks in claim_keys]
    hit: set[int] = set()
    for i, a in enumerate(of_kind):
        for j in sorted({j for k in claim_keys[i] for j in index[k] if j > i}):
            b = of_kind[j]
            if a.doc != b.doc and related(a, b):
                hit.update((i, j))
                if conflict(a, b):
                    parent[find(i)] = find(j)
    groups: dict[int, list[BoundClaim]] = defaultdict(list)
    for i in sorted(hit):
        groups[find(i)].append(of_kind[i])
    return [g for g in groups.values() if len({c.doc for c in g}) >= 2]


def _same_event(a: BoundClaim, b: BoundClaim) -> bool:
    return bool(a.story_events & b.story_events)


def _quantity_keys(c: BoundClaim, common: frozenset[str]) -> list[tuple[str, str, float]]:
    """(kind, key, most points it adds) of what two related quantity claims may share (``quantity_related``).

    A generic unit relates only by rare anchor words; otherwise every point of the score comes from one
    of these keys: a rare anchor word 1, a shared other amount 1, a common anchor word or a rare word
    elsewhere in the sentence half a point, and actors, days and story events half a point each kind.
    """
    keys = [("anchor", w, 1.0) for w in c.anchor - common]
    if c.pole in GENERIC_UNITS:
        return keys
    return (keys + [("co", x, 1.0) for x in c.co] + [("common", w, COMMON_POINT) for w in c.anchor & common]
            + [("term", w, COMMON_POINT) for w in c.terms - common] + [("actor", k, COMMON_POINT) for k in c.actors]
            + [("when", d, COMMON_POINT) for d in c.when] + [("event", e, COMMON_POINT) for e in c.story_events])


def quantity_prefixes(amounts: list[BoundClaim], common: frozenset[str]) -> dict[int, set[tuple[str, str, str]]]:
    """Per quantity claim (by ``id``), the keys two related claims must share one of, in both claims' sets.

    Prefix filtering, as in ``stories``: keys are ordered rarest first (within the unit). If every key a pair
    shares lies past claim i's prefix, the pair's score is at most what i's suffix can add (each key's most
    points, actors, days and story events at most half a point per kind), so the prefix ends where that
    falls below the score ``quantity_related`` needs: a related pair has its rarest shared key in both
    prefixes. Keys are tagged by unit: claims in two units are never related.
    """
    keyed = {id(c): [(c.pole, kind, k, w) for kind, k, w in _quantity_keys(c, common)] for c in amounts}
    df: Counter[tuple[str, str, str]] = Counter(key[:3] for ks in keyed.values() for key in set(ks))
    out: dict[int, set[tuple[str, str, str]]] = {}
    for c in amounts:
        need = QUANTITY_MIN_SHARED if c.pole in GENERIC_UNITS else QUANTITY_MIN_SCORE
        order = sorted(set(keyed[id(c)]), key=lambda key: (df[key[:3]], key))
        cut, bound, capped = len(order), 0.0, set()
        # walk back from the most common end while the suffix cannot reach the score on its own
        while cut > 0:
            _, kind, _, w = order[cut - 1]
            add = 0.0 if kind in capped else w
            if bound + add >= need:
                break
            bound += add
            if kind in ("actor", "when", "event"):
                capped.add(kind)
            cut -= 1
        out[id(c)] = {key[:3] for key in order[:cut]}
    return out


def frame_prefixes(frames: list[BoundClaim], common: frozenset[str]) -> dict[int, set[tuple[str, str]]]:
    """Per frame claim (by ``id``), the keys two related frame claims must share one of, in both sets.

    Prefix filtering, as for quantities: a story event relates two claims on its own, so all are kept; two
    shared rare words are needed, so the rarest word a related pair shares (rarest first, corpus-wide) is never
    a claim's most frequent one, which is left out.
    """
    df = Counter(t for c in frames for t in c.terms - common)
    out: dict[int, set[tuple[str, str]]] = {}
    for c in frames:
        order = sorted(c.terms - common, key=lambda t: (df[t], t))
        out[id(c)] = ({("event", e) for e in c.story_events}
                      | {("term", t) for t in order[:max(0, len(order) - (FRAME_MIN_SHARED - 1))]})
    return out


# --- the dimensions -------------------------------------------------------------------------------

@dimension("storyline.disagreements.poles.v1")
def poles(claims: list[BoundClaim], context: DimensionContext, settings: Settings) -> list[Found]:
    """Documents of one story placing the same actor pair at opposite poles (alignment, coordination, compliance)."""
    of_story: dict[str, list[BoundClaim]] = defaultdict(list)
    for c in claims:
        if c.kind == "pole":
            of_story[context.story_of.get(c.doc, "")].append(c)
    return [(score, topic.split(":")[0], topic, sides)
            for story in sorted(of_story)
            for score, topic, sides in _pole_disagreements(of_story[story], context.names)]


@dimension("storyline.disagreements.causes.v1")
def causes(claims: list[BoundClaim], context: DimensionContext, settings: Settings) -> list[Found]:
    """Incompatible causes of one outcome: "only X" vs another cause, a denied cause vs the same asserted."""
    common, names = context.common, context.names

    def cause_related(a: BoundClaim, b: BoundClaim) -> bool:
        if len((a.terms & b.terms) - common) >= CAUSE_MIN_SHARED or _same_event(a, b):
            return True
        if _rival_causes(a, b) and len((a.anchor & b.anchor) - common) >= 2 * CAUSE_MIN_SHARED:
            return True  # two sentences about the same scene in many rare words, naming different causes
        # a denial met by an assertion of the same cause needs less: one shared word of the outcome
        return _denial_conflict(a, b) and len(a.outcome & b.outcome) >= DENIAL_MIN_SHARED

    def cause_conflict(a: BoundClaim, b: BoundClaim) -> bool:
        if _cause_conflict(a, b):
            return True
        # rival causes only for an outcome told in the same rare words (causes are often several)
        return _rival_causes(a, b) and (len((a.outcome & b.outcome) - common - {CHANGE_TERM}) >= 1
                                        or _same_event(a, b)
                                        or len((a.anchor & b.anchor) - common) >= 2 * CAUSE_MIN_SHARED)

    def cause_keys(c: BoundClaim) -> frozenset[str]:   # what cause_related needs two claims to share
        return (c.terms - common) | (c.anchor - common) | c.outcome | c.story_events

    found: list[Found] = []
    for group in _pairwise(claims, "cause", cause_related, cause_conflict, cause_keys, story_of=context.story_of):
        if not any(cause_conflict(a, b) for a, b in combinations(group, 2) if a.doc != b.doc):
            continue
        topic = "cause: " + _topic_words(group, lambda c: c.terms - common)
        firm = any(_cause_conflict(a, b) for a, b in combinations(group, 2) if a.doc != b.doc)
        score = sum(c.weight for c in group) * (1.0 if firm else RIVAL_WEIGHT)
        found.append((score, "cause", topic, _sides(group, lambda c: _cause_stance(c, names))))
    return found


@dimension("storyline.disagreements.quantities.v1")
def quantities(claims: list[BoundClaim], context: DimensionContext, settings: Settings) -> list[Found]:
    """Amounts measuring the same thing whose ranges do not overlap."""
    common = context.common

    def quantity_related(a: BoundClaim, b: BoundClaim) -> bool:
        if a.pole != b.pole or not counts_fit(a.count, b.count):
            return False  # other units, or counts of other things ("four killed" / "6,000 in shelters")
        if a.when and b.when and not (a.when & b.when):
            return False  # "85 on Monday" and "118 on Friday": two readings, not two reports of one
        shared = a.anchor & b.anchor
        rare = len(shared - common)
        if rare >= QUANTITY_MIN_SHARED:
            return True
        if a.pole in GENERIC_UNITS:
            return False  # "45 per cent" and "60 per cent" of what? only the words around them can tell
        # rare words elsewhere in the two sentences, a shared actor, day or story event: half a point each
        elsewhere = (a.terms & b.terms) - shared - common
        score = (rare + len(a.co & b.co)
                 + COMMON_POINT * (len(shared & common) + len(elsewhere) + bool(a.actors & b.actors)
                                   + bool(a.when & b.when) + _same_event(a, b)))
        return score >= QUANTITY_MIN_SCORE

    def quantity_conflict(a: BoundClaim, b: BoundClaim) -> bool:
        return not _amounts_agree(a, b)

    found: list[Found] = []
    amounts = [c for c in claims if c.kind == "quantity"]
    of_doc: dict[str, list[BoundClaim]] = defaultdict(list)
    for c in amounts:
        of_doc[c.doc].append(c)
    prefixes = quantity_prefixes(amounts, common)
    for group in _pairwise(claims, "quantity", quantity_related, quantity_conflict, lambda c: prefixes[id(c)],
                           story_of=context.story_of):
        by_doc = defaultdict(list)
        for c in group:
            by_doc[c.doc].append(c)
        # a document's other figures on the topic count too: "from 210 to 85" agrees with "85"
        starts = {(c.doc, c.evidence.start) for c in group}
        for d in list(by_doc):
            for c in of_doc[d]:
                if c not in by_doc[d] and c.pole == group[0].pole and counts_fit(c.count, group[0].count) and (
                        (c.doc, c.evidence.start) in starts
                        or any(quantity_related(c, g) for g in group if g.doc != c.doc)):
                    by_doc[d].append(c)
        # two documents disagree only when none of one's amounts fits any of the other's
        clash = any(not any(_amounts_agree(x, y) for x in by_doc[d1] for y in by_doc[d2])
                    for d1, d2 in combinations(by_doc, 2))
        if not clash:
            continue
        topic = f"quantity ({group[0].pole}): " + _topic_words(group, lambda c: c.anchor - common)
        found.append((sum(c.weight for c in group), "quantity", topic, _sides(group, _amount_text)))
    return found


@dimension("storyline.disagreements.framing.v1")
def framing(claims: list[BoundClaim], context: DimensionContext, settings: Settings) -> list[Found]:
    """One act framed as hostile in one document and benign in another."""
    common = context.common

    def frame_related(a: BoundClaim, b: BoundClaim) -> bool:
        return len((a.terms & b.terms) - common) >= FRAME_MIN_SHARED or _same_event(a, b)

    prefix = frame_prefixes([c for c in claims if c.kind == "frame"], common)
    found: list[Found] = []
    for group in _pairwise(claims, "frame", frame_related, lambda a, b: a.pole != b.pole, lambda c: prefix[id(c)],
                           story_of=context.story_of):
        poles: dict[str, Counter[str]] = {c.doc: Counter() for c in group}
        for c in group:
            poles[c.doc][c.pole] += c.weight  # type: ignore[assignment]  # float weights, as above
        if len({p.most_common(1)[0][0] for p in poles.values()}) < 2:
            continue  # every document frames the act the same way (or quotes both sides alike)
        topic = "framing: " + _topic_words(group, lambda c: c.terms - common)
        found.append((sum(c.weight for c in group), "framing", topic, _sides(group, lambda c: c.pole)))
    return found


@dimension("storyline.disagreements.events.v1")
def asserted_or_denied(claims: list[BoundClaim], context: DimensionContext, settings: Settings) -> list[Found]:
    """Events of one story event that one document asserts and another denies (reads events, not claims)."""
    return _modality_disagreements(context.events, context.story_event_of)


def find_disagreements(analyses: list[DocAnalysis], entities: list[Entity], events: list[Event],
                       settings: Settings, stories: list[Story] | None = None) -> list[Disagreement]:
    """Topics on which documents of the corpus take incompatible positions, each with every side's evidence:
    ``keep_disagreements`` of the ``disagreement_candidates``."""
    story_of = {d: s.id for s in stories or [] for d in s.docs}
    return keep_disagreements(disagreement_candidates(analyses, entities, events, settings, stories), story_of)


def disagreement_candidates(analyses: list[DocAnalysis], entities: list[Entity], events: list[Event],
                            settings: Settings, stories: list[Story] | None = None,
                            common: frozenset[str] | None = None, mapper: Mapper | None = None,
                            pair_memo: dict[tuple[str, str], tuple[float, ...]] | None = None,
                            sentence_keys: dict[str, SentenceKeys] | None = None) -> list[Found]:
    """Every candidate disagreement (score, dimension, topic, sides) the dimensions find, strongest first
    (the incremental fuse keeps them, to rank a part of the corpus found again against the rest).
    ``common``: the corpus's ``common_terms`` when ``analyses`` are a part of it.

    Args:
        analyses: the per-document analyses (sentences, mentions, local entities, stored claims).
        entities: the global entities (their mentions carry document offsets).
        events: every event, actors remapped to global ids (``story_event`` set or not).
        settings: storyline settings (read-only); ``disagreement_dimensions`` names the dimensions.
        stories: the corpus's stories, when grouped (dimensions comparing sentences stay within one).
        mapper: runs the dimensions' per-block work (``storyline.fuse.mapper``; the pair model judges
            blocks of sentence pairs); local by default.
        pair_memo: the pair model's probabilities of sentence pairs judged before (``DimensionContext.pair_memo``).
        sentence_keys: the sentences' keys read before (``DimensionContext.sentence_keys``), read and added to.

    Returns:
        The candidates, strongest first (ties in the order of the dimensions).
    """
    # the dimensions registry holds the functions themselves (``registry.dimension``)
    run = cast(list[Dimension], resolve(settings.disagreement_dimensions, dimensions))
    names = _display_names(entities)
    name_keys = _name_keys(entities)
    global_spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for e in entities:
        for m in e.mentions:
            global_spans[m.doc].append((m.start, m.end, _actor_key(e)))
    lexicon = load_stance_lexicon()
    lowered = {k.lower(): v for k, v in name_keys.items()}
    prepared = (lowered, NameFinder(lowered) if lowered else None)
    claims: list[BoundClaim] = []
    for a in analyses:
        local = {e.id: e for e in a.entities}
        claims.extend(bind_claims(a.claims, _actor_spans(a, global_spans, local), lexicon=lexicon,
                                  names_found=prepared))
    mapping: dict[str, str] = {}
    if events and not all(e.story_event for e in events):
        from storyline.fuse.story_events import cluster_story_events  # only when the caller has not
        _, mapping = cluster_story_events(events, entities, [a.document for a in analyses], settings)
    se_spans = _sentence_story_events(events, mapping)
    for c in claims:
        c.story_events = frozenset(_story_events_of(c, se_spans))
    if common is None:
        common = _common_terms(analyses)
    context = DimensionContext(names=names, common=common, events=events, story_event_of=mapping,
                               analyses=analyses, story_of={d: s.id for s in stories or [] for d in s.docs},
                               actor_spans={a.document.id: _actor_spans(a, global_spans, {e.id: e for e in a.entities})
                                            for a in analyses},
                               story_event_spans=se_spans, mapper=mapper or LOCAL, pair_memo=pair_memo,
                               sentence_keys=sentence_keys)
    found: list[Found] = []
    for find in run:
        found.extend(find(claims, context, settings))
    if any(f[1] == "quantity" for f in found):
        # the rule dimension finds amounts of one unit that do not overlap; whether the two sentences give two
        # figures of one thing is the trained pair model's call (``pair_model.figures_disagree``)
        from storyline.fuse.pair_model import figures_disagree  # the pair model builds on this module
        stands = iter(figures_disagree([f[3] for f in found if f[1] == "quantity"], settings, context.pair_memo))
        found = [f for f in found if f[1] != "quantity" or next(stands)]
    found = guard_candidates(found, context.story_of)
    found.sort(key=lambda f: -f[0])
    LOGGER.debug("%d claims, %d candidate disagreements", len(claims), len(found))
    return found


def guard_candidates(found: list[Found], story_of: Mapping[str, str] | None = None) -> list[Found]:
    """Candidates a reader can follow: one whose sides span several stories (``story_of``: document id ->
    story id) is split into one per story (each scored by its share of the sides, kept with sides from two
    documents or more), and one with more than ``MAX_SIDES`` sides is dropped with a logged reason.

    The dimensions already compare within one story; this holds for any registered dimension.
    """
    story_of = story_of or {}
    out: list[Found] = []
    for score, dim, topic, sides in found:
        of_story: dict[str, list[Side]] = defaultdict(list)
        for side in sides:
            of_story[story_of.get(side.doc, "")].append(side)
        parts = list(of_story.values()) if len(of_story) > 1 else [sides]
        if len(parts) > 1:
            LOGGER.debug("candidate %r (%s) spans %d stories: split", topic, dim, len(parts))
        for part in parts:
            if len({s.doc for s in part}) < 2:
                continue
            if len(part) > MAX_SIDES:
                LOGGER.info("candidate %r (%s) dropped: %d sides from %d documents (more than %d: a chain of "
                            "pairs, not one topic)", topic, dim, len(part), len({s.doc for s in part}), MAX_SIDES)
                continue
            out.append((score * len(part) / len(sides) if len(parts) > 1 else score, dim, topic, part))
    return out


def keep_disagreements(found: Iterable[tuple[float, str, str, Sequence[Side]]],
                       story_of: Mapping[str, str] | None = None) -> list[Disagreement]:
    """The strongest candidates (``found`` strongest first), at most ``MAX_PER_DIMENSION`` per dimension
    (``MAX_QUANTITY`` quantities) and ``MAX_DISAGREEMENTS`` per story (``story_of``: document id -> story
    id), in rank order, each with its ``disagreement_id``. ``found`` is read once, in order (a store streams it).

    A candidate's sides are made only once its story (its first side's document) and dimension have room: a
    store's candidates come with ``DeferredSides``."""
    story_of = story_of or {}
    kept: list[Disagreement] = []
    # the caps hold per story: a corpus of many stories shows each story's strongest few, not twelve in all
    # (without grouped stories, the corpus is one story)
    per_dim: Counter[tuple[str, str]] = Counter()
    per_story: Counter[str] = Counter()
    shown: dict[tuple[str, int], set[int]] = defaultdict(set)   # a kept side's sentence -> the kept ones showing it
    taken: Counter[str] = Counter()
    for _score, dim, topic, sides in found:
        story = story_of.get(_first_doc(sides), "")
        cap = MAX_QUANTITY if dim == "quantity" else MAX_PER_DIMENSION
        if per_dim[(story, dim)] >= cap or per_story[story] >= MAX_DISAGREEMENTS or len({s.doc for s in sides}) < 2:
            continue
        where = {(s.doc, s.evidence.start) for s in sides}
        if dim.startswith("pairs:") and set.intersection(*(shown.get(w, set()) for w in where)):
            continue  # the pair model found again what a rule dimension already shows on the same sentences
        per_dim[(story, dim)] += 1
        per_story[story] += 1
        for w in where:
            shown[w].add(len(kept))
        ident = disagreement_id(dim, sides)
        taken[ident] += 1
        if taken[ident] > 1:   # the same sides found twice by one dimension (another topic): rank decides
            ident = f"{ident}-{taken[ident]}"
        kept.append(Disagreement(id=ident, topic=topic, sides=list(sides)))
    LOGGER.debug("%d kept", len(kept))
    return kept


def disagreement_id(dim: str, sides: Sequence[Side]) -> str:
    """A disagreement's id from what it is (its dimension and its sides' documents, sentences and stances), not
    from its rank: a disagreement found again keeps its id when others come or go, so an update rewrites only
    the rows of those that changed."""
    key = "\x1f".join([dim, *sorted(f"{s.doc}\x1e{s.evidence.start}\x1e{s.evidence.end}\x1e{s.stance}"
                                     for s in sides)])
    return "dis-" + hashlib.sha1(key.encode(), usedforsecurity=False).hexdigest()[:12]


def _modality_disagreements(events: list[Event], mapping: dict[str, str]) -> list[tuple[float, str, str, list[Side]]]:
    """One document asserts an event that another denies (same story event)."""
    groups: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        sid = e.story_event or mapping.get(e.id)
        if sid and e.evidence:
            groups[sid].append(e)
    out = []
    for group in groups.values():
        # a denial inside a condition ("would not have asked ... if") denies nothing
        denied = [e for e in group if e.modality == "denied" and not _CONDITIONAL.search(e.evidence[0].text)]
        said = [e for e in group if e.modality in ("asserted", "reported")]
        if denied:  # the same act by the same actor, not just the same story event
            said = [e for e in said if e.type == denied[0].type and e.source and e.source == denied[0].source]
        if not denied or not said or {e.doc for e in denied} == {e.doc for e in said}:
            continue
        sides: list[Side] = []
        for e in denied + said:
            stance = "denied" if e.modality == "denied" else "happened"
            if not any(s.doc == e.doc and s.stance == stance for s in sides):
                sp = e.evidence[0]
                sides.append(Side(doc=sp.doc, stance=stance, evidence=Span(sp.doc, sp.start, sp.end, sp.text)))
        summary = (group[0].summary or group[0].type).strip()
        out.append((float(len(sides)), "event", f"event: {summary}", sides))
    return out
