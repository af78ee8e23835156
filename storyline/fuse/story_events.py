"""Story events: the same real-world event as reported by several documents, clustered into one.

One refusal is reported many ways ("Ruritania does not recognise the breakaway region...", "the
capital refused to recognise...", "the president told his counterpart he will never recognise...").
Two event mentions are the same story event when they agree on enough of:

* type: the same PLOVER type, or one of the same family (PLOVER quad class);
* actors: the same entity, or the same state (a leader speaks for his country: its president ~ the country);
  an unnamed group ("Police") is close to a named actor aliased alike ("Police of Chile", alias "Police"),
  though two articles' unnamed groups are not one ("the union" may be two unions);
* date: compatible at the coarser precision of the two ("2022-06-17" ~ "2022-06"); a clash is a
  strong penalty, not a veto, since per-document dates are guesses; a date carried from an earlier
  sentence (``date_source`` "context") a few days off counts as unknown for events of one type family;
* wording: the evidence sentences share rare content words ("recognise", "quasi-republics") or the
  same counted quantity ("14 protesters" ~ "14 people"); counts that all differ ("14 protesters", "23 traders")
  are a penalty.

Clustering is greedy agglomeration: the best-scoring pairs are joined first, and two
clusters join only when every cross pair passes the hard checks (no swapped roles, dates not far
apart), so "2022-06" cannot chain "2022-06-01" to "2022-06-30".
"""
from __future__ import annotations

import datetime
import functools
import logging
import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from storyline.config import Settings
from storyline.data import layers
from storyline.data.plover import quad_classes
from storyline.extract.stance import content_terms, term_key
from storyline.fuse.mapper import LOCAL, Mapper, chunks
from storyline.model import Document, Entity, Event, StoryEvent

LOGGER = logging.getLogger(__name__)

#: PLOVER quad class of each type (the ontology, not a lexicon): verbal/material × cooperation/conflict
QUAD: dict[str, str] = quad_classes()
#: quad classes close enough that reports of one event may land in either
#: (a demand "to respond harshly" is REQUEST in one article, ACCUSE in another)
_NEIGHBOURS = {
    frozenset({"verbal_cooperation", "material_cooperation"}), frozenset({"verbal_conflict", "material_conflict"}),
    frozenset({"neutral", "verbal_conflict"}), frozenset({"neutral", "verbal_cooperation"}),
}
#: words either side of an event's trigger that describe it ("refused to recognise the independence of ...")
FOCUS_WORDS = 6
#: shorter lemmas ("up") match too many words to locate a trigger
MIN_TRIGGER_LEN = 4
#: weights of the pair score; hand-set on team-written examples, then checked on the seeds
#: (cross_doc_clustered) — change them together, not one at a time
W_TYPE, W_SOURCE, W_TARGET, W_DATE, W_TEXT = 0.20, 0.20, 0.10, 0.15, 0.35
#: a pair at or above this score is the same story event
MERGE_THRESHOLD = 0.6
#: events of the same document must clear a higher bar (an article rarely reports one event twice)
SAME_DOC_EXTRA = 0.15
#: dates this many days apart (both day-precise) are still the same event (time zones, "yesterday")
DAY_SLACK = 1
#: the wording score saturates at this IDF-weighted cosine of content-word sets, or at this many
#: shared rare words (long evidence sentences dilute the cosine; "recognise ... independence ... LPR"
#: shared by two reports is strong evidence however long the sentences are)
TEXT_SATURATION = 0.35
RARE_SATURATION = 3
#: a word in more than this share of all events' evidence is not rare (names of the story's actors)
RARE_SHARE = 0.15
#: candidate pairs share a word found in at most this many events (or share source and target):
#: a pair with neither cannot reach MERGE_THRESHOLD (type + date + unknown actors = 0.45; same
#: source alone 0.59), so below the cap the blocking changes no result, and above it the work
#: stays near-linear in the corpus instead of quadratic
CANDIDATE_DF_CAP = 100
#: an event told in another language whose date is only its article's publication day ("Norway gave Moldova aid",
#: no weekday) may have happened this many days before a stated date of the same event ("on Thursday"): outlets in
#: different languages publish a report days apart, so the publication day does not clash with it
PUBLICATION_SLACK_DAYS = 7
#: two reports in different languages whose sentences are this close (the 0..1 cross-language similarity, e5
#: cosine 0.9) and that name the same actors are one event even when the two coders chose types of opposite
#: polarity within the same material/verbal family (joint drills: MOBILIZE or COOPERATE; a recalled envoy:
#: SANCTION or RETREAT) or put the two actors in swapped roles (free word order)
CROSS_LANGUAGE_AGREEMENT = 0.5
#: the date compatibility of a clash where one date was carried from an earlier sentence (the paragraph's or the
#: lead's date, ``Event.date_source`` "context"): as unknown as no date, since a later paragraph's "37 people were
#: detained" need not have happened on the day the lead names
CARRIED_DATE = 0.4
#: ... when the two dates are at most this many days apart (both day-precise): a later paragraph's act is near
#: the lead's day, not months from the other report's date
CARRIED_SLACK_DAYS = 3
#: the penalty when both events count something and no count is the same (two reports of one act repeat its
#: numbers; "at least 14" and "15" may still join on the rest)
COUNT_CLASH = 0.15


def _date_parts(date: str | None) -> tuple[int, ...] | None:
    if not date:
        return None
    try:
        return tuple(int(p) for p in date.split("-")[:3])
    except ValueError:
        return None


def date_compatibility(a: str | None, b: str | None) -> float | None:
    """1.0 same date, 0.7 one contains the other, 0.4 unknown, None when they clash."""
    return _parts_compatibility(_date_parts(a), _date_parts(b))


def _parts_compatibility(pa: tuple[int, ...] | None, pb: tuple[int, ...] | None) -> float | None:
    if pa is None or pb is None:
        return 0.4
    n = min(len(pa), len(pb))
    if pa[:n] == pb[:n]:
        return 1.0 if len(pa) == len(pb) else 0.7
    if len(pa) == len(pb) == 3 and pa[:2] == pb[:2] and abs(pa[2] - pb[2]) <= DAY_SLACK:
        return 0.6
    return None


def type_compatibility(a: str, b: str) -> float:
    """1.0 same type, 0.7 same quad class, 0.35 neighbouring classes, 0.05 opposite."""
    if a == b:
        return 1.0
    qa, qb = QUAD.get(a), QUAD.get(b)
    if qa == qb:
        return 0.7
    if frozenset({qa, qb}) in _NEIGHBOURS:
        return 0.35
    return 0.05


class Actors:
    """Actor identity at two levels: the entity itself, and the state it belongs to."""

    def __init__(self, entities: list[Entity]) -> None:
        self.by_id = {e.id: e for e in entities}

    def names(self, eid: str | None) -> tuple[bool, frozenset[str]]:
        """Whether the actor is an unnamed group (``Entity.generic``), and its lower-cased name and aliases.

        Each document keeps its own groups, so one article's "Police" and another's "Police of Chile" (alias
        "Police") are different entities that the same word names.
        """
        e = self.by_id.get(eid) if eid else None
        if e is None:
            return False, frozenset()
        return e.generic, frozenset(n.lower() for n in [e.name, *e.aliases] if n)

    def key(self, eid: str | None) -> str | None:
        """The actor's identity: its KB id, else its entity id (an unknown id stands for itself)."""
        e = self.by_id.get(eid) if eid else None
        if e is None:
            return eid
        return e.kb_id or e.id

    def state(self, eid: str | None) -> str | None:
        """The country a state-level actor (country, its people, its officials) belongs to."""
        e = self.by_id.get(eid) if eid else None
        return e.country if e is not None and e.type in ("GPE", "PERSON", "ORG", "NORP") else None



def quantity_terms(event: Event) -> frozenset[str]:
    """The counted quantities of an event as wording terms ("#14"): two reports of one act give its numbers
    ("arrested 14 protesters", "detained 14 people"), which the content words (letters only) leave out."""
    return frozenset(f"#{q.value:g}" for q in event.quantities if q.value is not None)


@functools.lru_cache(maxsize=8)
def _trigger_words(extra_paths: tuple[str, ...] = ()) -> dict[str, frozenset[str]]:
    """PLOVER type -> the lemmas that evoke it, read from the event lexicon and each user file.

    Only used to find *where* in a long evidence sentence an event sits; the extractor owns the lexicon.
    """
    words: dict[str, set[str]] = defaultdict(set)
    for data in layers("events", extra_paths):
        for section in ("verbs", "nouns", "particles", "negated"):
            for lemma, value in (data.get(section) or {}).items():
                if isinstance(value, str):
                    words[value.split("/")[0]].update(str(lemma).split())
        for frame in data.get("frames") or []:
            if isinstance(frame, dict) and isinstance(frame.get("type"), str):
                words[frame["type"].split("/")[0]].update(map(str, frame.get("verbs", [])))
                words[frame["type"].split("/")[0]].update(map(str, frame.get("objects", [])))
    return {t: frozenset(term_key(w) for w in ws if len(w) >= MIN_TRIGGER_LEN) for t, ws in words.items()}


def _focus_text(ev: Event, triggers: dict[str, frozenset[str]]) -> str:
    """The words around the event's trigger in its evidence (a sentence may report several events)."""
    text = " ".join(s.text for s in ev.evidence) or ev.summary
    keys = triggers.get(ev.type)
    if not keys:
        return text
    words = text.split()
    lengths = {len(k) for k in keys}
    # a word evokes the type when its key starts with a trigger key: test each prefix length once
    wkeys = [term_key(w) for w in words]
    hits = [i for i, tk in enumerate(wkeys) if any(tk[:n] in keys for n in lengths if len(tk) >= n)]
    if not hits:
        return text
    keep = sorted({j for i in hits for j in range(max(0, i - FOCUS_WORDS), min(len(words), i + FOCUS_WORDS + 1))})
    return " ".join(words[j] for j in keep)


@dataclass
class WordingStats:
    """How many events the corpus holds, and per view of their wording (``event_terms``) how many of them
    hold each term: given to ``cluster_story_events`` when it clusters a part of the corpus."""
    n_events: int
    doc_freq: list[Mapping[str, int]]


def event_terms(events: list[Event], lexicon_paths: tuple[str, ...] = ()) -> list[list[frozenset[str]]]:
    """The content terms of each event, two views: the words around its trigger, and its whole evidence."""
    triggers = _trigger_words(lexicon_paths)
    texts = [" ".join(s.text for s in e.evidence) or e.summary for e in events]
    counts = [quantity_terms(e) for e in events]
    return [[content_terms(_focus_text(e, triggers)) | q for e, q in zip(events, counts)],
            [content_terms(t) | q for t, q in zip(texts, counts)]]


class _Wording:
    """Similarity of events' evidence, seen two ways: the words around each event's trigger (a
    sentence may report several events) and the whole sentence (two reports of one speech share its
    setting: "St. Petersburg International Economic Forum on June 17"). The better of the two counts."""

    def __init__(self, events: list[Event], lexicon_paths: tuple[str, ...] = (),
                 stats: WordingStats | None = None) -> None:
        self.views = []
        self.doc_freq: list[Counter[str]] = []
        for view, bags in enumerate(event_terms(events, lexicon_paths)):
            df = Counter(t for b in bags for t in b)
            self.doc_freq.append(df)
            n = len(events)
            if stats is not None:   # a part of a larger corpus: its frequencies
                n = stats.n_events
                df = Counter({t: stats.doc_freq[view].get(t, c) for t, c in df.items()})
            common = frozenset(t for t, c in df.items() if c > max(2, RARE_SHARE * n))
            vecs = []
            for bag in bags:
                vec = {t: math.log((n + 1) / (df[t] + 0.5)) for t in bag}
                norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
                vecs.append({t: v / norm for t, v in vec.items()})
            self.views.append((bags, common, vecs))

    def similarity(self, i: int, j: int) -> float:
        """0..1: half IDF cosine, half count of shared rare words, each saturating; best view."""
        best = 0.0
        for bags, common, vecs in self.views:
            rare = len((bags[i] & bags[j]) - common)
            sim = 0.5 * min(1.0, _cosine(vecs[i], vecs[j]) / TEXT_SATURATION) + 0.5 * min(1.0, rare / RARE_SATURATION)
            best = max(best, sim)
        return best


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    return sum(a[t] * b[t] for t in a.keys() & b.keys())


class PairFacts:
    """What scoring reads of each event, looked up once: actor keys and states, date parts, class.

    A story's events are compared in many pairs, each event in hundreds of them; the plain
    per-pair version these scores equal is ``tests/reference/story_events.py``.
    """

    def __init__(self, events: list[Event], actors: Actors, langs: Sequence[str] | None = None) -> None:
        self.events = events
        #: each event's language (None: one language, as every English corpus): only across languages does a
        #: publication-day date give way to a stated one
        self.langs = list(langs) if langs is not None and len(set(langs)) > 1 else None
        self.src = [(e.source, actors.key(e.source), actors.state(e.source), *actors.names(e.source))
                    if e.source else None for e in events]
        self.tgt = [(e.target, actors.key(e.target), actors.state(e.target), *actors.names(e.target))
                    if e.target else None for e in events]
        self.counts = [quantity_terms(e) for e in events]
        self.dates = [_date_parts(e.date) for e in events]
        self.pole = [QUAD.get(e.type, "").split("_")[-1] for e in events]
        #: cross-language similarity of event pairs (``cross_language_similarity``), set by the clustering
        self.across: Mapping[tuple[int, int], float] = {}

    def agree_across(self, i: int, j: int) -> bool:
        """Whether ``i`` and ``j`` are reports in two languages that read alike (``CROSS_LANGUAGE_AGREEMENT``) and
        name the same actors, whatever role each coder gave them."""
        if self.langs is None or self.langs[i] == self.langs[j]:
            return False
        if self.across.get((min(i, j), max(i, j)), 0.0) < CROSS_LANGUAGE_AGREEMENT:
            return False
        ki = {a[1] for a in (self.src[i], self.tgt[i]) if a is not None}
        kj = {a[1] for a in (self.src[j], self.tgt[j]) if a is not None}
        return bool(ki) and ki == kj

    def date_compatibility(self, i: int, j: int) -> float | None:
        """``date_compatibility`` of the two events' dates; across languages, a date that is only the publication
        day of its article is unknown (0.4), not a clash, when the other is a stated date up to
        ``PUBLICATION_SLACK_DAYS`` before it or another publication day up to as many days either side."""
        found = _parts_compatibility(self.dates[i], self.dates[j])
        if found is None and "context" in (self.events[i].date_source, self.events[j].date_source) \
                and QUAD.get(self.events[i].type) == QUAD.get(self.events[j].type):
            gap = _days_between(self.dates[i], self.dates[j])
            if gap is not None and abs(gap) <= CARRIED_SLACK_DAYS:
                return CARRIED_DATE  # a date carried from an earlier sentence is a guess, not the act's own date
        if found is not None or self.langs is None or self.langs[i] == self.langs[j]:
            return found
        for weak, other in ((i, j), (j, i)):
            if self.events[weak].date_source == "publication":
                gap = _days_between(self.dates[other], self.dates[weak])
                # a stated date lies before the report; two publication days may be either way round
                low = 0 if self.events[other].date_source != "publication" else -PUBLICATION_SLACK_DAYS
                if gap is not None and low <= gap <= PUBLICATION_SLACK_DAYS:
                    return 0.4
        return None

    @staticmethod
    def _match(a: tuple | None, b: tuple | None, unknown: float) -> float:
        """1.0 same actor, 0.7 same state or an unnamed group a named actor is aliased as (``Actors.names``),
        ``unknown`` when one is missing, 0 when different."""
        if a is None or b is None:
            return unknown
        if a[1] == b[1]:
            return 1.0
        if a[2] and a[2] == b[2]:
            return 0.7
        if a[3] != b[3] and a[4] & b[4]:
            return 0.7
        return 0.0

    def blocked(self, i: int, j: int) -> bool:
        """Hard checks: cooperation and conflict are different events; so are swapped roles (A→B vs B→A)."""
        if {self.pole[i], self.pole[j]} == {"cooperation", "conflict"} and not (
                _material(self.events[i].type) == _material(self.events[j].type) and self.agree_across(i, j)):
            return True
        si, ti, sj, tj = self.src[i], self.tgt[i], self.src[j], self.tgt[j]
        if self.agree_across(i, j):
            return False  # the same two actors, told alike in two languages: a role swap is one coder's error
        if si and sj and ti and tj:
            m = self._match
            if m(si, tj, 0) == 1.0 and m(ti, sj, 0) == 1.0 and m(si, sj, 0) < 0.7:
                return True
        return False

    def score(self, i: int, j: int, text_sim: float) -> float:
        """How likely events ``i`` and ``j`` report the same event (0..1; below 0 when dates clash).

        ``text_sim`` is the 0..1 similarity of their evidence (``_Wording.similarity``).
        """
        return self.with_text(self.facts(i, j), text_sim)

    @staticmethod
    def with_text(facts: tuple[float, float, float, float, bool], text_sim: float) -> float:
        """``score`` from a pair's ``facts`` and a text similarity: a pair tried with the best similarity there
        can be, then with its own, looks its facts up once."""
        types, source, target, date, clash = facts
        score = W_TYPE * types + W_SOURCE * source + W_TARGET * target + W_TEXT * text_sim
        # a date clash makes the same event unlikely but not impossible (per-document dates are guesses)
        score += W_DATE * date
        if clash:
            score -= COUNT_CLASH  # "detained 14 protesters", "detained 23 traders": two arrests
        return score

    def facts(self, i: int, j: int) -> tuple[float, float, float, float, bool]:
        """What ``score`` weighs of events ``i`` and ``j`` besides their wording: type, source and target
        agreement, the date term (-2 on a clash) and whether their counts clash."""
        a, b = self.events[i], self.events[j]
        date = self.date_compatibility(i, j)
        types = type_compatibility(a.type, b.type)
        source, target = self._match(self.src[i], self.src[j], 0.3), self._match(self.tgt[i], self.tgt[j], 0.4)
        if self.agree_across(i, j):
            # one event in two languages: the types as close as neighbouring classes, the actors as named
            types = max(types, 0.35) if _material(a.type) == _material(b.type) else types
            source, target = max(source, self._match(self.src[i], self.tgt[j], 0.3)), \
                max(target, self._match(self.tgt[i], self.src[j], 0.4))
        clash = bool(self.counts[i] and self.counts[j] and not self.counts[i] & self.counts[j])
        return types, source, target, date if date is not None else -2.0, clash


def _material(etype: str) -> bool:
    """Whether a type's quad class is material (an act), not verbal (a statement); neutral counts as verbal."""
    return QUAD.get(etype, "").startswith("material")


def _days_between(earlier: tuple[int, ...] | None, later: tuple[int, ...] | None) -> int | None:
    """Days from one day-precise date to another (None unless both are day-precise and valid)."""
    if earlier is None or later is None or len(earlier) != 3 or len(later) != 3:
        return None
    try:
        return (datetime.date(*later) - datetime.date(*earlier)).days
    except ValueError:
        return None


def _summary(members: list[Event]) -> str:
    best = max(members, key=lambda e: (bool(e.summary), e.modality == "asserted", -len(e.summary or "")))
    return best.summary or (best.evidence[0].text if best.evidence else "")


def _majority(values: Sequence[str | None]) -> str | None:
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else None


def _cluster_date(members: list[Event]) -> str | None:
    """The most precise date every dated member is compatible with (else the most common one)."""
    dates = [e.date for e in members if e.date]
    for d in sorted(set(dates), key=lambda d: (-len(d), -dates.count(d), d)):
        if all(date_compatibility(d, o) is not None and (o.startswith(d) or d.startswith(o)) for o in dates):
            return d
    return _majority(dates)


#: the most days two day-precise dates can be apart and still not clash (``PairFacts.date_compatibility``: the same
#: month within ``DAY_SLACK``, a carried date within ``CARRIED_SLACK_DAYS``, a publication day across languages
#: within ``PUBLICATION_SLACK_DAYS``)
DATE_REACH = max(DAY_SLACK, CARRIED_SLACK_DAYS, PUBLICATION_SLACK_DAYS)
#: whether a date clash alone keeps a pair under the threshold, however alike the rest (0.55 < 0.6 with the
#: weights above): then pairs of day-precise dates more than ``DATE_REACH`` days apart need not be scored
CLASH_BLOCKS = W_TYPE + W_SOURCE + W_TARGET + W_TEXT - 2.0 * W_DATE < MERGE_THRESHOLD


def _day_numbers(events: list[Event]) -> list[int | None]:
    """Each event's day as a number, when its date is day-precise and valid (else None: it may suit any date)."""
    out: list[int | None] = []
    for e in events:
        parts = _date_parts(e.date)
        try:
            out.append(datetime.date(*parts).toordinal() if parts is not None and len(parts) == 3 else None)
        except ValueError:
            out.append(None)
    return out


def _close_pairs(members: list[int], day: list[int | None]) -> list[tuple[int, int]]:
    """The pairs of ``members`` (ascending) whose dates may not clash: either without a day-precise date, or
    both dated at most ``DATE_REACH`` days apart. A term shared by events of many stories months apart (a place,
    a rare word of several stories) then yields the pairs of each story's days, not of every story with every
    other: the pairs of a term stop growing with the corpus's time span."""
    wild = [i for i in members if day[i] is None]
    dated = sorted((d, i) for i in members if (d := day[i]) is not None)
    pairs = list(combinations(wild, 2))
    pairs += [(min(i, j), max(i, j)) for i in wild for _, j in dated]
    for pos, (d, i) in enumerate(dated):
        for d2, j in dated[pos + 1:]:
            if d2 - d > DATE_REACH:
                break
            pairs.append((min(i, j), max(i, j)))
    return pairs


def _candidate_pairs(events: list[Event], wording: _Wording, actors: Actors) -> list[tuple[int, int]]:
    """Pairs worth scoring: they share a not-too-common evidence word, or the same source and target (and their
    dates do not clash, ``_close_pairs``, when a clash blocks a merge: the pairs left out could not merge)."""
    day = _day_numbers(events) if CLASH_BLOCKS else None
    index: dict[str, set[int]] = defaultdict(set)
    for bags, _, _ in wording.views:
        for i, bag in enumerate(bags):
            for term in bag:
                index[term].add(i)
    for i, e in enumerate(events):
        if e.source and e.target:
            index[f"\x00{actors.key(e.source)}\x00{actors.key(e.target)}"].add(i)
    pairs: set[tuple[int, int]] = set()
    for term, idx in index.items():
        members = sorted(idx)
        if len(members) <= CANDIDATE_DF_CAP:
            pairs.update(combinations(members, 2) if day is None else _close_pairs(members, day))
        elif term.startswith("\x00"):
            # a dyad reported thousands of times: compare each report with its nearest neighbours
            # in date order only, so the work stays linear (clusters still chain through them)
            members.sort(key=lambda i: (events[i].date or "", i))
            for pos, i in enumerate(members):
                for j in members[pos + 1:pos + 1 + CANDIDATE_DF_CAP]:
                    pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


def cross_language_similarity(events: list[Event], doc_of: list[str], documents: list[Document],
                              settings: Settings) -> dict[tuple[int, int], float]:
    """Evidence similarity in [0, 1] of event pairs told in two languages, which share no words: the cosine of
    their sentences' multilingual vectors above ``MULTILINGUAL_FLOOR``. Empty for a one-language corpus (and
    without the encoder), so English-only corpora are untouched."""
    import numpy as np

    from storyline.nlp.embeddings import MULTILINGUAL_FLOOR, kept_rows, load_multilingual

    lang_of = {d.id: d.language or "en" for d in documents}
    langs = [lang_of.get(d, "en") for d in doc_of]
    if len(set(langs)) < 2:
        return {}
    encoder = load_multilingual(settings.multilingual_model)
    if encoder is None:
        return {}
    vecs = kept_rows(encoder, [e.evidence[0].text if e.evidence else e.summary for e in events], settings)
    out = {}
    for b in range(0, len(events), 1024):   # blocks keep memory at 1024 x n, not n x n
        cos = vecs[b:b + 1024] @ vecs.T
        for i, j in zip(*np.nonzero(cos > MULTILINGUAL_FLOOR)):
            x, y = b + int(i), int(j)
            if x < y and langs[x] != langs[y]:
                out[(x, y)] = (float(cos[i, j]) - MULTILINGUAL_FLOOR) / (1 - MULTILINGUAL_FLOOR)
    return out


def score_pairs(shared: tuple, block: Sequence[tuple[int, int]]) -> list[tuple[float, int, int]]:
    """The candidate pairs of ``block`` similar enough to merge, with their scores (a pure function of
    the block and ``shared`` = (pair facts, wording, cross-language similarities, stored story event of
    each event, document of each event), so blocks can be scored anywhere)."""
    facts, wording, across, stored, doc_of = shared
    out = []
    for i, j in block:
        if (stored[i] is not None and stored[j] is not None) or facts.blocked(i, j):
            continue
        need = MERGE_THRESHOLD + (SAME_DOC_EXTRA if doc_of[i] == doc_of[j] else 0.0)
        known = facts.facts(i, j)
        if facts.with_text(known, 1.0) < need:
            continue  # even identical wording would not make it: skip comparing the words
        s = facts.with_text(known, max(wording.similarity(i, j), across.get((i, j), 0.0)))
        if s >= need:
            out.append((s, i, j))
    return out


def cluster_story_events(events: list[Event], entities: list[Entity], documents: list[Document],
                         settings: Settings, stats: WordingStats | None = None,
                         stats_out: list[WordingStats] | None = None,
                         fixed: Mapping[str, str] | None = None,
                         mapper: Mapper | None = None) -> tuple[list[StoryEvent], dict[str, str]]:
    """Cluster event mentions across documents into story events.

    Args:
        events: every event of the corpus, actors already remapped to global entity ids.
        entities: the global entities.
        documents: the corpus documents (for outlets).
        settings: storyline settings (read-only).
        stats: the wording frequencies of the whole corpus, when ``events`` are a part of it.
        stats_out: receives the wording frequencies of ``events`` (kept by the incremental fuse).
        fixed: event id -> the stored story event it stays in (the incremental fuse): the events of one
            start as one cluster, two clusters holding stored events never merge, and pairs of stored
            events are not scored; the other events join them or each other as usual.
        mapper: runs the scoring of candidate pairs in blocks (``storyline.fuse.mapper``); local by default.

    Returns:
        The story events (one per cluster, singletons included) and the map event id -> story event id.
    """
    if not events:
        return [], {}
    actors = Actors(entities)
    wording = _Wording(events, tuple(str(p) for p in settings.event_lexicon_paths), stats)
    if stats_out is not None:
        stats_out.append(WordingStats(len(events), list(wording.doc_freq)))
    doc_of = [e.doc or (e.evidence[0].doc if e.evidence else "") for e in events]
    lang_of = {d.id: d.language or "en" for d in documents}
    facts = PairFacts(events, actors, [lang_of.get(d, "en") for d in doc_of])
    stored = [(fixed or {}).get(e.id) for e in events]
    pairs: list[tuple[float, int, int]] = []
    across = cross_language_similarity(events, doc_of, documents, settings)
    facts.across = across
    candidates = sorted(set(_candidate_pairs(events, wording, actors)) | set(across))
    mapper = mapper or LOCAL
    shared = (facts, wording, across, stored, doc_of)
    for block in mapper.map(score_pairs, chunks(candidates, mapper.parallelism), shared):
        pairs.extend(block)
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    cluster = list(range(len(events)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(events))}
    first: dict[str, int] = {}
    for i, sid in enumerate(stored):
        if sid is not None:
            c = first.setdefault(sid, i)
            if c != i:
                cluster[i] = c
                members[c].append(members.pop(i)[0])
    anchored = set(first.values())
    # two clusters that cannot merge are met again by every other pair between them; a cluster's members
    # only grow, so (its id, its size) names one set of events and a refusal holds until either grows
    refused: set[tuple[int, int, int, int]] = set()
    for _, i, j in pairs:
        ci, cj = cluster[i], cluster[j]
        if ci == cj or (ci in anchored and cj in anchored):
            continue
        key = (ci, len(members[ci]), cj, len(members[cj]))
        if key in refused:
            continue
        cross_ok = all(facts.date_compatibility(x, y) is not None
                       and not facts.blocked(x, y)
                       for x in members[ci] for y in members[cj])
        if not cross_ok:
            refused.add(key)
            continue
        for x in members[cj]:
            cluster[x] = ci
        members[ci].extend(members.pop(cj))
        if cj in anchored:
            anchored.add(ci)
    outlet_of = {d.id: (d.outlet or d.id) for d in documents}
    story_events: list[StoryEvent] = []
    mapping: dict[str, str] = {}
    ordered = sorted(members.values(), key=min)
    for n, idx in enumerate(ordered, start=1):
        group = [events[i] for i in sorted(idx)]
        sid = f"se{n}"
        docs = sorted({doc_of[i] for i in idx if doc_of[i]})
        types = Counter(e.type for e in group)
        top = max(types.values())
        etype = next(e.type for e in group if types[e.type] == top)  # ties: first reported
        story_events.append(StoryEvent(
            id=sid, type=etype, date=_cluster_date(group), source=_majority([e.source for e in group]),
            target=_majority([e.target for e in group]), summary=_summary(group),
            events=[e.id for e in group], docs=docs, n_outlets=len({outlet_of.get(d, d) for d in docs})))
        for e in group:
            mapping[e.id] = sid
    LOGGER.debug("clustered %d events into %d story events", len(events), len(story_events))
    return story_events, mapping
