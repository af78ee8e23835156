"""Stories: group the documents that cover the same real-world story.

Two documents are scored on what identifies a story rather than its kind: the named
actors and places they share (weighted by rarity in the corpus, so "police" or a
country every article names counts little), their text similarity (sentence
embeddings for paraphrases, TF-IDF when no embedder is installed), shared event
types, and their dates. Copies (near-duplicates) always join. Documents are grouped
by average-linkage clustering, so one shared name does not chain two stories together
— two earthquakes read alike but happen to different places and people.

Who decides a pair (``Settings.stories``): ``rules`` (the default) is the weighted sum above;
``trained`` is a logistic regression (``storyline/models/stories.npz``, ``scripts/train_stories.py``
from ``training/stories/`` and ``training/stories_train2/`` to ``stories_train4/``) over the rules'
score and the terms that tell two same-kind stories apart: shared places, people and figures (by their
rarity in the corpus), whether each one's main actor is in the other, the day gap, title words, and what
the two leads name — a long article's background recaps another story of its kind with that story's
town, people and figures, its lead tells its own: the leads' actors, lead-weighted mention counts, the
lead's figures in the other article, the leads' towns, countries and provinces (gazetteer levels). It
only judges the pairs whose rules score reaches ``STORY_GATE`` (the others score 0), so the candidate
search stays the rules' blocked one; pairs dated far apart are halved as the rules halve them. A pair whose rules
score reaches the model's ``sure`` (chosen with the threshold by cross-validation on the training stories) joins
without the model: the rules decide what they are sure of, the model the middle band, where same-kind stories
sharing an official, a court or a region look alike. In a link's average, a pair the model does not judge weighs
the model's ``unjudged`` (``StoryScorer.weight``, also chosen by cross-validation). A second pass
(``ClusterMerger``, when the model file has one) then weighs whole clusters that a pair at ``LINK_GATE`` links: a
second logistic regression over the pairs across them, what the two clusters name, where and when, and how many
documents and outlets back each side (with the evidence chained through a third document), merging the most probable
first while it reaches its own threshold (trained on cluster pairs of the training stories, among
them ``training/stories_train5/``'s stories told by many outlets). A last pass (``ClusterSplitter``, when the model
file has one) splits a cluster at its weakest join when a third logistic regression over the two sides finds two
stories more probable than one: merging cannot undo a join of two same-kind stories of one week.
"""
from __future__ import annotations

import functools
import hashlib
import logging
import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from storyline.clean.metadata import DATE_FORMS, MAX_YEAR, MIN_YEAR, MONTHS, WEEKDAYS, recognition_form
from storyline.clean.places import place_key
from storyline.config import Settings
from storyline.fuse.duplicates import find_near_duplicates
from storyline.fuse.norp_places import load_norp_place_model, norp_features
from storyline.model import DocAnalysis, Entity, NearDuplicate, Story
from storyline.modelfile import expit
from storyline.nlp.embeddings import (
    LEAD_CHARS,
    lead_vector,
    related_leads,
    story_lead,
)
from storyline.resolve.kb import load_kb

LOGGER = logging.getLogger(__name__)

#: Weights of the pair score; calibrated as a set on tests/fixtures/stories (two
#: stories of each kind) — entities carry the identity, text the topic.
W_ENTITIES = 0.5
W_TEXT = 0.4
W_TYPES = 0.1
#: Entity types that identify a story.
STORY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "EVENT", "MISC")
#: ...of which places: two same-kind stories in one country name different towns
PLACE_TYPES = ("GPE", "LOC")
#: a pair whose rules score is below this is not judged by the trained decision (it scores 0): the
#: candidates stay those the rules' blocking finds. Lower gates judge more pairs but the blocking then
#: passes over most keys (at 0.12, 2.3x the candidates of 0.22 on 3k synthetic documents; 1.2x at 0.17);
#: 0.12-0.17 gave the same out-of-fold and dev figures, and 0.17-0.19 the same out-of-fold F1 with four training
#: sets: the highest of those, fewer candidates (two reports months apart whose halved score is under it are
#: not judged)
STORY_GATE = 0.19
#: the second pass (``ClusterMerger``) weighs two clusters when a pair across them has a rules score of at least this
#: (or is a copy): a story's foreign two-liner and its feature can share too little for the pair gate
LINK_GATE = 0.12
#: a judged pair at least this probable is one story more likely than two: the second pass counts such pairs across
#: two clusters (``ClusterMerger.features``)
STRONG_PAIR = 0.5
#: the features of the trained decision, in order (``StoryScorer.pair_features``)
PAIR_FEATURES = ("rules", "entities", "text", "types", "places", "place_conflict", "main_missing", "people",
                 "numbers", "number_conflict", "day_gap", "far_apart", "no_day", "title",
                 "lead_keys", "lead_cosine", "lead_numbers", "lead_town", "lead_town_conflict", "lead_no_town",
                 "lead_country_conflict", "lead_province_conflict")
#: the features of the trained cluster decision, in order (``ClusterMerger.features``): the pairs across two clusters
#: (the trained pair scores: best, mean, mean of the judged ones, the share judged; the rules' best and mean; the
#: leads' similarity, best and mean), what the whole clusters name (keys, lead-weighted salience, each one's main
#: actor in the other, the leads' towns, provinces and countries, the leads' figures in the other), how far apart
#: their dates lie; how many documents back each side: the mean over a side's documents of its best pair across and of
#: its best lead similarity across, and the share of them a judged pair ties to the other (the lower and the higher
#: side; a story told by nine outlets in fragments has most of its documents near some document of the other fragment,
#: two same-kind stories one or two through a shared official), the rarity-weighted share of the names a side repeats
#: (in two or more of its documents, all of a single document's) that the other side names, whether one outlet wrote in
#: both on one day, the number of judged pairs across that the pair model finds one story (log), and the chained
#: evidence (the mean over the pairs across of the strongest two-step path through a document of either cluster: a
#: brief tied to its own side's feature, which is tied to the other side); and how much closer the sides hold together
#: than they stand apart (the mean lead similarity and pair score inside the sides less those across). Not the sides'
#: sizes nor their outlet counts (stories18-20): with them the model learned that two large clusters are two stories,
#: and held a story's fragments of seven and four apart as firmly as two same-kind stories
CLUSTER_FEATURES = ("best", "mean", "judged_mean", "judged_share", "rules_best", "rules_mean", "text_best",
                    "text_mean", "keys", "salience", "main_shared", "towns", "town_conflict", "province_conflict",
                    "country_conflict", "numbers", "day_gap", "no_day", "support_low", "support_high",
                    "recurring_low", "recurring_high", "outlet_day", "chain_mean", "strong", "text_support_low",
                    "text_support_high", "linked_low", "linked_high", "text_gap", "score_gap")
#: the features of the trained split decision (``ClusterSplitter.features``): those of the two sides of a cluster's
#: weakest cut as two clusters (``CLUSTER_FEATURES``), the sides' sizes and outlet counts (log; the split learns from
#: cuts of whole clusters, where a side of one document is most often a story's brief), how close each side holds
#: together against the pairs across (the mean pair score inside the looser and the tighter side, the looser one's mean
#: less the mean across), and what each side names that the other does not (rarity-weighted shares of its names and of
#: its leads' names, the lower and the higher of the two sides): two stories each have their own people and places, a
#: story's brief or foreign two-liner names only what its feature names too
#: ... and what ties the two sides' cores together (``ClusterSplitter.ties``): the share of each side's documents that
#: name the other side's main actor (the lower and the higher), and of the two sides' central documents (the one
#: closest to the rest of its side) the rarity-weighted share of names in common and whether each one's main actor is
#: in the other. A long story told from two places keeps its main actor (the tanker, the firm, the quake) in most
#: documents of both sides and in both sides' central reports, though each side names its own officials and towns;
#: two same-kind stories meet through a background recap in one or two documents, not in their cores
SPLIT_FEATURES = (*CLUSTER_FEATURES, "smaller", "larger", "outlets_low", "outlets_high", "inner_low", "inner_high",
                  "cohesion_gap", "own_low", "own_high", "lead_own_low", "lead_own_high", "reach_low", "reach_high",
                  "central_keys", "central_main")
#: clusters of more documents than this are not weighed for a split (every pair inside is scored): a story told by
#: hundreds of articles is not two same-kind stories of one week
SPLIT_MAX = 150
#: a mention in the title or the lead counts this many times in the lead-weighted salience: what the
#: article is about, not the earlier story its background paragraph recaps
LEAD_WEIGHT = 3
#: figures that tell one story from another: counts of 10 and more, decimals ("5.9", "51.2"); not the
#: small counts every story has, nor years
FIGURE = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\w]|[.,]\d)")
STOPWORDS = frozenset(
    "the a an and or of to in on at for with by from as is are was were be been it its this that "
    "these those he she they his her their we our you i not no but if than then so said says say "
    "would will can could has have had after before over about into more most also which who whom "
    "what when where while".split())
CAPITALISED = re.compile(r"(?<=[a-z,;:] )[A-Z][\w'-]+(?: [A-Z][\w'-]+)*")
#: Day-precise date shapes inside running text ("Monday, October 21", "5 March 2025", "2025-03-05"),
#: not glued to other digits ("March 2025" is a month, not March 20)
BODY_DATE_FORMS = [re.compile(rf"(?<![\w,.-]){f.pattern}(?![\w-])", re.I) for f in DATE_FORMS[:3]]
#: How many years either side of the corpus's dates a yearless body date may fall
YEARS_AROUND = 6
#: relative slack on the overlap a pair must reach to be scored: the bounds are sums of floats
PREFIX_MARGIN = 1e-9
#: ...and on the score a pair's numpy estimate must reach to be scored exactly (sums in another order)
SCORE_MARGIN = 1e-9
#: Key blocks of more documents than this are paired by a date window (``_pair_codes``), smaller ones whole
WINDOW_BLOCK = 64


@dataclass
class StoryFeatures:
    """What the story grouping reads of one document."""
    id: str
    title: str
    day: date | None
    keys: set[str] = field(default_factory=set)
    #: mentions per key: what the article is mostly about
    salience: Counter = field(default_factory=Counter)
    types: set[str] = field(default_factory=set)
    text: str = ""
    vector: list[float] | None = None
    #: the keys that name places and people (a part of ``keys``)
    places: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)
    #: figures written in the body (``figures``)
    numbers: set[str] = field(default_factory=set)
    #: keys named in the title or the lead (the first ``LEAD_CHARS`` of the body); of its places, those below
    #: province level (a town, a district: not a country or province of the gazetteer); the countries (ISO
    #: codes) its places lie in, and the provinces it names (``place_key`` forms); the figures of the lead
    lead_keys: set[str] = field(default_factory=set)
    lead_towns: set[str] = field(default_factory=set)
    lead_countries: set[str] = field(default_factory=set)
    lead_provinces: set[str] = field(default_factory=set)
    lead_numbers: set[str] = field(default_factory=set)
    #: ``salience`` with the lead's mentions counted ``LEAD_WEIGHT`` times
    lead_salience: Counter = field(default_factory=Counter)
    #: the outlet (``Document.outlet``), none when unknown
    outlet: str | None = None


def figures(text: str) -> set[str]:
    """The figures of ``text`` that can tell a story apart ("11", "1200" from "1,200", "5.9"): whole
    numbers from 10 up that are not years (1900-2099), and decimals."""
    out = set()
    for m in FIGURE.finditer(text):
        whole, frac = m.group(1).replace(",", ""), m.group(2)
        if frac:
            out.add(f"{int(whole)}.{frac}")
        elif int(whole) >= 10 and not (len(whole) == 4 and 1900 <= int(whole) <= 2099):
            out.add(str(int(whole)))
    return out


def _day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def story_type(etype: str, kb_id: str | None, named_place: bool = True) -> str | None:
    """The type the story features read an entity of type ``etype`` as: its own among ``STORY_TYPES``; a NORP that
    the knowledge base links to no demonym entry (no ``kb_id``) a place, GPE; None for the rest.

    A demonym ("Chilean", "Indian") is every story of its country's and stays out. But the recogniser also types a
    province or district named as a modifier NORP ("Mendoza police", "Sindhupalchok district", "a Mendoza
    prosecutor"): dropped, a long story told from two places lost its main place in half its articles (stories29).
    Parties, faiths and peoples are typed NORP with no entry too ("Republicans", "Sunni"): ``named_place`` is the
    decision whether this one is a place (``norp_is_place``; the rule of stories29, every one, when not given).
    """
    if etype in STORY_TYPES:
        return etype
    if etype == "NORP" and not kb_id and named_place:
        return "GPE"
    return None


def gazetteer_place(name: str) -> bool:
    """Whether a gazetteer knows ``name`` as a country or province (pycountry, ``place_level``) or as a city or a
    one-country region (the knowledge base's GeoNames cities and pycountry's subdivisions)."""
    if place_level(name)[0]:
        return True
    kb = load_kb()
    return bool(kb.city_country(name) or kb.region_country(name))


def norp_is_place(e: Entity, a: DocAnalysis, mode: str = "trained") -> bool:
    """Whether the NORP entity ``e`` of document ``a``, which the knowledge base links to no demonym, is a place:
    ``mode`` 'rules' says every one is (the baseline, stories29); 'trained' keeps that prior unless the NORP-place
    model (``storyline.fuse.norp_places``) is confident, from what the document does with the name, that it is a
    group."""
    if mode == "rules":
        return True
    model = load_norp_place_model()
    key = e.name.casefold()
    elsewhere = any(o.id != e.id and o.type in PLACE_TYPES and o.name.casefold() == key for o in a.entities)
    row = norp_features(e.name, [(m.start, m.end) for m in e.mentions], a.document.raw,
                        gazetteer=gazetteer_place(e.name), place_elsewhere=elsewhere)
    return model.is_place(row)


def story_features(a: DocAnalysis, canonical: dict[str, str] | None = None,
                   norp_places: str = "trained") -> StoryFeatures:
    """The document's title, day, actor keys (``canonical``: local entity id -> corpus-wide id),
    event types, lead text and vector (``norp_places``: who decides whether an unlinked NORP is a place,
    ``Settings.norp_places``)."""
    doc = a.document
    body = doc.text or doc.raw
    title = doc.title or body.strip().split("\n", 1)[0][:120]
    keys: set[str] = set()
    places: set[str] = set()
    people: set[str] = set()
    salience: Counter = Counter()
    lead_salience: Counter = Counter()
    lead_keys: set[str] = set()
    lead_towns: set[str] = set()
    lead_countries: set[str] = set()
    lead_provinces: set[str] = set()
    lead_end = lead_offset(doc.raw, body) + LEAD_CHARS   # mention offsets are into the raw text
    for e in a.entities:
        etype = story_type(e.type, e.kb_id,
                           e.type != "NORP" or bool(e.kb_id) or norp_is_place(e, a, norp_places))
        if etype is None or not e.name or e.generic:
            continue  # an unnamed group ("police") is every story's: it tells none apart
        # the corpus-wide entity, when known: two spellings of one name merged across documents are one actor
        key = (canonical or {}).get(e.id) or e.kb_id or e.name.lower()
        keys.add(key)
        salience[key] += len(e.mentions)
        # an entity kept without its mentions (no offsets) could be anywhere: it counts once, in the lead
        in_lead = sum(m.start < lead_end for m in e.mentions) if e.mentions else 1
        lead_salience[key] += max(len(e.mentions), 1) + (LEAD_WEIGHT - 1) * in_lead
        own = [key]
        if etype in PLACE_TYPES:
            places.add(key)
        if e.type == "PERSON":
            people.add(key)
            if len(e.name.split()) > 1:
                keys.add(e.name.split()[-1].lower())   # surname: "Ms Marr" and "Dalia Marr" meet
                people.add(e.name.split()[-1].lower())
                own.append(e.name.split()[-1].lower())
        if in_lead:
            lead_keys.update(own)
            if etype in PLACE_TYPES:
                # a country or province is shared by every story there; a town is not
                countries, province = place_level(e.name)
                lead_countries.update(countries)
                if province:
                    lead_provinces.add(province)
                elif not countries:
                    lead_towns.add(place_key(e.name))   # by name: one town tagged two ways is one
    if not keys:  # no actor stage: capitalised words inside sentences stand in for names
        keys = {m.lower() for m in CAPITALISED.findall(body)}
    # the news day: its publication date, else the day its events are dated from the body (the
    # middle one: a report also names earlier days and days to come)
    ev_days = sorted(d for e in a.events if e.date_precision == "day" and e.date_source != "publication"
                     and (d := _day(e.date)))
    day = _day(doc.published) or (ev_days[(len(ev_days) - 1) // 2] if ev_days else None)
    return StoryFeatures(doc.id, title, day, keys, salience, {e.type for e in a.events},
                        story_lead(doc), a.vector, places, people, figures(body), lead_keys, lead_towns, lead_countries,
                        lead_provinces, figures(title + "\n" + body[:LEAD_CHARS]), lead_salience,
                        (doc.outlet or "").strip().lower() or None)


@functools.lru_cache(maxsize=1)
def gazetteer_levels() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """pycountry's countries and provinces (first-level subdivisions and the like) by ``place_key``: the ISO
    codes of the countries each name stands for, or lies in ("Punjab": India and Pakistan)."""
    import pycountry

    countries: dict[str, set[str]] = {}
    provinces: dict[str, set[str]] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if value := getattr(c, attr, None):
                countries.setdefault(place_key(value), set()).add(c.alpha_2)
    for sub in pycountry.subdivisions:
        provinces.setdefault(place_key(sub.name), set()).add(sub.country_code)
    return ({k: frozenset(v) for k, v in countries.items() if k},
            {k: frozenset(v) for k, v in provinces.items() if k and k not in countries})


def place_level(name: str) -> tuple[frozenset[str], str | None]:
    """The countries (ISO codes) a place name stands for or lies in, and its ``place_key`` when it names a
    province; (empty, None) for a town or any place the gazetteer does not know."""
    countries, provinces = gazetteer_levels()
    key = place_key(name)
    key = key[4:] if key.startswith("the ") else key
    if key in countries:
        return countries[key], None
    if key in provinces:
        return provinces[key], key
    return frozenset(), None


def lead_offset(raw: str, body: str) -> int:
    """Where ``body`` (the cleaned text) begins in ``raw``: entity offsets are into the raw text, and a
    title, date line and byline stand before it (0 when its opening is not found verbatim)."""
    head = body.strip()[:60]
    at = raw.find(head) if head else -1
    return max(at, 0)


@dataclass(frozen=True)
class BodyDate:
    """A day-precise date written in a text; ``year`` and ``weekday`` when written."""
    month: int
    day: int
    year: int | None = None
    weekday: int | None = None


def body_dates(text: str) -> list[BodyDate]:
    """The day-precise dates written in ``text`` ("on Monday, October 21", "5 March 2025"), in order."""
    found: list[tuple[int, BodyDate]] = []
    text = recognition_form(text)
    for form in BODY_DATE_FORMS:
        for m in form.finditer(text):
            g = m.groupdict()
            month = int(g["mnum"]) if g.get("mnum") else MONTHS[g["month"].lower().rstrip(".")]
            year = int(g["year"]) if g.get("year") else None
            if not 1 <= month <= 12 or not 1 <= int(g["day"]) <= 31 or \
                    (year is not None and not MIN_YEAR <= year <= MAX_YEAR):
                continue
            weekday = WEEKDAYS[g["weekday"].lower().rstrip(".")] if g.get("weekday") else None
            found.append((m.start(), BodyDate(month, int(g["day"]), year, weekday)))
    return [d for _, d in sorted(found, key=lambda x: x[0])]


def _on(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve_body_date(d: BodyDate, near: date | None) -> date | None:
    """The calendar day ``d`` stands for: its own year; else the year around ``near`` (the corpus's
    dates) whose weekday matches the written one, nearest to ``near`` (None: no year to read it in).

    A year written elsewhere in the text is not used: it is as often a background year ("the
    barriers were removed in 2022") as the news year.
    """
    if d.year is not None:
        day = _on(d.year, d.month, d.day)
        return day if day and (d.weekday is None or day.weekday() == d.weekday) else None
    if near is None:
        return None
    days = [x for y in range(near.year - YEARS_AROUND, near.year + YEARS_AROUND + 1)
            if (x := _on(y, d.month, d.day)) and (d.weekday is None or x.weekday() == d.weekday)]
    return min(days, key=lambda x: (abs((x - near).days), x)) if days else None


def body_day(text: str, near: date | None) -> date | None:
    """The day a text without a publication date tells of: the middle of the dates its body writes,
    yearless ones placed near ``near``."""
    days = sorted(x for d in body_dates(text) if (x := resolve_body_date(d, near)))
    return days[(len(days) - 1) // 2] if days else None


def corpus_story_features(analyses: list[DocAnalysis], canonical: dict[str, str] | None = None,
                          norp_places: str = "trained") -> list[StoryFeatures]:
    """``story_features`` of every document; a document with no date of its own (no publication
    date, no dated event) is dated by the date line above its body (a wire's "KRAKOW, Oct 3", which the
    metadata leaves unread without a year), else by the dates written in its body, yearless ones read near the
    middle of the corpus's known dates."""
    feats = [story_features(a, canonical, norp_places) for a in analyses]
    known = sorted(f.day for f in feats if f.day)
    if len(known) == len(feats):
        return feats
    near = known[(len(known) - 1) // 2] if known else None
    for f, a in zip(feats, analyses):
        if f.day is None:
            doc = a.document
            body = doc.text or doc.raw
            f.day = body_day(doc.raw[:lead_offset(doc.raw, body)], near) or body_day(body, near)
    return feats


def _tfidf_vectors(texts: list[str]) -> list[dict[str, float]]:
    bags = [Counter(w for w in re.findall(r"[a-z][a-z'-]+", t.lower()) if w not in STOPWORDS) for t in texts]
    df = Counter(w for bag in bags for w in bag)
    n = len(texts)
    vecs = []
    for bag in bags:
        v = {w: c * math.log(1 + n / df[w]) for w, c in bag.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({w: x / norm for w, x in v.items()})
    return vecs


class _TextSimilarity:
    """Lead similarity in [0, 1] per pair: embedding cosine above the model's floor, else TF-IDF.

    With vectors, the pairs above the floor are found by a blockwise matrix product and kept (a
    story corpus relates few of its pairs); TF-IDF relates any two leads sharing a content word.
    """

    def __init__(self, feats: list[StoryFeatures], analyses: list[DocAnalysis], settings: Settings,
                 first_row: int = 0) -> None:
        n = len(feats)
        vectors = [f.vector for f in feats] if n > 1 and settings.embedding_model else []
        if vectors and any(v is None for v in vectors):
            # analyses stored before vectors were computed per document (or by a run without an embedder)
            vectors = [v if v is not None else lead_vector(a.document, settings) for v, a in zip(vectors, analyses)]
        self.tf: list[dict[str, float]] = []
        self.above: dict[tuple[int, int], float] | None = None
        if vectors and all(v is not None for v in vectors):
            # pairs (i, j), i < j: only those with j from ``first_row`` on; an English and a Russian report of one
            # event compare in the multilingual space (the incremental fuse gives features alone, no analyses)
            docs = [a.document for a in analyses] if len(analyses) == n else None
            self.above = related_leads(docs, vectors, settings, first_row, [f.day for f in feats],
                                       [f.keys for f in feats])
        if self.above is None:
            self.tf = _tfidf_vectors([f.text for f in feats])

    def __call__(self, i: int, j: int) -> float:
        if self.above is not None:
            return self.above.get((min(i, j), max(i, j)), 0.0)
        a, b = self.tf[i], self.tf[j]
        if len(b) < len(a):
            a, b = b, a
        return sum(x * b.get(w, 0.0) for w, x in a.items())

    def related(self) -> set[tuple[int, int]]:
        """Pairs (i < j) whose similarity is above zero."""
        if self.above is not None:
            return set(self.above)
        return _pairs_sharing([set(v) for v in self.tf])

    def related_codes(self, n: int):
        """``related`` as sorted codes ``i * n + j``."""
        import numpy as np

        if self.above is not None:
            if not hasattr(self, "above_codes"):
                self.above_codes = np.array([i * n + j for i, j in self.above], dtype=np.int64)
                order = np.argsort(self.above_codes)
                self.above_codes = self.above_codes[order]
                self.above_values = np.array(list(self.above.values()), dtype=np.float64)[order]
            return self.above_codes
        return _pair_codes([set(v) for v in self.tf])

    def of_pairs(self, first, second, n: int):
        """The similarity of every pair (``first[p]``, ``second[p]``), i < j, summed in numpy order
        (equal to ``__call__`` up to rounding)."""
        import numpy as np

        if self.above is not None:
            codes = first * n + second
            known = self.related_codes(n)
            pos = np.minimum(np.searchsorted(known, codes), max(len(known) - 1, 0))
            hit = known[pos] == codes if len(known) else np.zeros(len(codes), dtype=bool)
            return np.where(hit, self.above_values[pos] if len(known) else 0.0, 0.0)
        if not hasattr(self, "incidence"):
            self.incidence = _Incidence(self.tf)
        pair, x, y = self.incidence.shared(first, second)
        return np.bincount(pair, weights=x * y, minlength=len(first))


def _pairs_sharing(sets: list[set[str]]) -> set[tuple[int, int]]:
    """Pairs (i < j) of sets with an element in common, from an inverted index."""
    index: dict[str, list[int]] = {}
    for i, items in enumerate(sets):
        for x in items:
            index.setdefault(x, []).append(i)
    return {(a, b) for docs in index.values() for n, a in enumerate(docs) for b in docs[n + 1:]}


def _pair_codes(sets: list[set[str]], days=None, max_days: int = 0):
    """``_pairs_sharing`` as sorted codes ``i * n + j`` (numpy), without a Python tuple per pair.

    ``days`` (ordinals, NaN when undated): only pairs dated at most ``max_days`` apart or with an undated
    side. A large block (a country many articles name) is then walked in date order, each document paired
    with the window after it, so its pairs grow with the documents of a few weeks, not with its square."""
    import numpy as np

    n = len(sets)
    index: dict[str, list[int]] = {}
    for i, items in enumerate(sets):
        for x in items:
            index.setdefault(x, []).append(i)
    parts = [np.zeros(0, dtype=np.int64)]
    for docs in index.values():
        if len(docs) < 2:
            continue
        d = np.array(docs, dtype=np.int64)
        if days is None or len(d) <= WINDOW_BLOCK:
            a, b = np.triu_indices(len(d), 1)
            parts.append(np.minimum(d[a], d[b]) * n + np.maximum(d[a], d[b]))
            continue
        dd = days[d]
        undated = d[np.isnan(dd)]
        dated = d[~np.isnan(dd)]
        dated = dated[np.argsort(days[dated], kind="stable")]
        t = days[dated]
        # each dated document with the later ones up to max_days after it
        ends = np.searchsorted(t, t + max_days, side="right")
        counts = ends - np.arange(len(t)) - 1
        first = np.repeat(np.arange(len(t)), counts)
        second = np.arange(len(first)) - np.repeat(np.cumsum(counts) - counts, counts) + first + 1
        a, b = dated[first], dated[second]
        parts.append(np.minimum(a, b) * n + np.maximum(a, b))
        if len(undated):   # an undated document meets every other holder
            u = np.repeat(undated, len(d))
            o = np.tile(d, len(undated))
            keep = u != o
            parts.append(np.minimum(u, o)[keep] * n + np.maximum(u, o)[keep])
    codes = _distinct(np.concatenate(parts))
    if days is not None and len(codes):
        gap = np.abs(days[codes // n] - days[codes % n])
        codes = codes[np.isnan(gap) | (gap <= max_days)]
    return codes


def _distinct(codes):
    """Sorted distinct values (a sort, faster than ``np.unique`` on millions of pair codes)."""
    import numpy as np

    codes = np.sort(codes)
    return codes[np.concatenate([[True], codes[1:] != codes[:-1]])] if len(codes) else codes


class _Incidence:
    """Per-document weights of named items (keys, event types, words) as sorted arrays, to sum the
    items two documents share for many pairs at once."""

    def __init__(self, rows: list[dict[str, float]]) -> None:
        import numpy as np

        vocab: dict[str, int] = {}
        self.width = 0
        codes, values, counts = [], [], []
        for r in rows:
            counts.append(len(r))
            for item, value in r.items():
                codes.append(vocab.setdefault(item, len(vocab)))
                values.append(value)
        self.width = max(len(vocab), 1)
        self.counts = np.array(counts, dtype=np.int64)
        self.starts = np.concatenate([[0], np.cumsum(self.counts)[:-1]]).astype(np.int64)
        doc = np.repeat(np.arange(len(rows), dtype=np.int64), self.counts)
        keyed = doc * self.width + np.array(codes, dtype=np.int64)
        self.items = np.array(codes, dtype=np.int64)
        self.values = np.array(values, dtype=np.float64)
        self.order = np.argsort(keyed, kind="stable")
        self.sorted_codes = keyed[self.order]

    def shared(self, first, second):
        """For pairs (``first[p]``, ``second[p]``): per item of ``first[p]`` that ``second[p]`` also
        holds, the pair index and both weights."""
        import numpy as np

        counts = self.counts[first]
        pair = np.repeat(np.arange(len(first), dtype=np.int64), counts)
        # the positions of each first document's items: its start, plus 0, 1, ... within it
        offset = np.arange(len(pair), dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts)
        at = self.starts[first][pair] + offset
        query = second[pair] * self.width + self.items[at]
        pos = np.minimum(np.searchsorted(self.sorted_codes, query), max(len(self.sorted_codes) - 1, 0))
        found = self.sorted_codes[pos] == query if len(self.sorted_codes) else np.zeros(len(query), dtype=bool)
        return pair[found], self.values[at[found]], self.values[self.order[pos[found]]]


class StoryScorer:
    """The same-story score of two documents.

    A pair scores ``W_ENTITIES`` x shared actors + ``W_TEXT`` x lead similarity + ``W_TYPES`` x
    shared event types, halved when their dates lie more than ``story_max_days`` apart; copies
    (``near_duplicates``, computed here when not given) score 1. ``canonical`` maps document-local
    entity ids to corpus-wide ones, so that spellings merged across documents count as shared.

    With ``settings.stories == "trained"`` the score is the trained model's probability that the pair
    is one story (``pair_features``), for the pairs whose rules score reaches ``STORY_GATE``; 0 for the
    others; 1 for copies and the pairs whose rules score reaches the model's ``sure``. ``threshold`` is the
    score at which average linkage joins.
    """

    def __init__(self, analyses: list[DocAnalysis], settings: Settings,
                 near_duplicates: dict[str, list[NearDuplicate]] | None,
                 canonical: dict[str, str] | None = None, *, features: list[StoryFeatures] | None = None,
                 doc_freq: Mapping[str, int] | None = None, n_docs: int | None = None,
                 lead_rows: int | None = None) -> None:
        # ``features``, ``doc_freq`` and ``n_docs``: a part of a larger corpus (the incremental fuse), scored
        # with the whole corpus's key frequencies; ``lead_rows``: only pairs with one of the documents from this
        # index on are scored (the new ones), so their lead similarities are the only ones computed
        self.feats = features if features is not None else \
            corpus_story_features(analyses, canonical, settings.norp_places)
        n = n_docs if n_docs is not None else len(self.feats)
        df = Counter(k for f in self.feats for k in f.keys)
        if doc_freq is not None:
            for k in df:
                df[k] = doc_freq.get(k, df[k])
        self.idf = {k: math.log(1 + n / c) for k, c in df.items()}
        self.text = _TextSimilarity(self.feats, analyses, settings, lead_rows or 0)
        dups = near_duplicates if near_duplicates is not None else \
            find_near_duplicates([a.document for a in analyses], settings)
        index = {f.id: i for i, f in enumerate(self.feats)}
        self.copies = {(min(index[d], index[nd.doc]), max(index[d], index[nd.doc]))
                       for d, near in dups.items() if d in index for nd in near if nd.doc in index}
        self.max_days = settings.story_max_days
        self.model = load_story_model(settings.story_model) if settings.stories == "trained" else None
        self.threshold = story_threshold(settings)
        # per-document halves of the two entity measures, so a pair only sums what it shares
        self.key_weight = [sum(self.idf[k] for k in f.keys) for f in self.feats]
        self.salience_norm = [math.sqrt(sum((c * self.idf[k]) ** 2 for k, c in f.salience.items()))
                              for f in self.feats]

    @property
    def second_pass(self) -> bool:
        """Whether whole clusters are weighed after the pair stage (the trained model has a cluster decision)."""
        return self.model is not None and self.model.clusters is not None

    def entity_overlap(self, i: int, j: int) -> float:
        """Breadth (idf-weighted Jaccard of shared names) or focus (cosine of mention counts x
        rarity: the same few main actors), whichever is stronger."""
        fi, fj = self.feats[i], self.feats[j]
        idf = self.idf
        shared = sum(idf[k] for k in fi.keys & fj.keys)
        union = self.key_weight[i] + self.key_weight[j] - shared
        jaccard = shared / union if union > 0 else 0.0
        a, b = fi.salience, fj.salience
        norms = self.salience_norm[i] * self.salience_norm[j]
        cosine = sum(a[k] * b[k] * idf[k] ** 2 for k in a.keys() & b.keys()) / norms if norms else 0.0
        return max(jaccard, cosine)

    def __call__(self, i: int, j: int, related: bool = True) -> float:
        """Score of documents ``i`` and ``j``; ``related=False`` skips the entity and text terms,
        which are zero for a pair that shares no key and whose leads are not related."""
        base = self.rules(i, j, related)
        if self.model is None or (min(i, j), max(i, j)) in self.copies:
            return base
        if base < STORY_GATE:
            return 0.0
        if base >= self.model.sure:
            # the rules are sure (the shared names and the leads say one story): the model decides the middle band,
            # where same-kind stories sharing an official, a court or a region look alike to the rules
            return 1.0
        return self.model.probability(self.pair_features(i, j, base)) * self.far_apart(i, j)

    def weight(self, i: int, j: int) -> float:
        """How much the pair counts in the average link of two clusters: 1, or for the trained decision, the
        model's ``unjudged`` for a pair it does not judge (rules score under ``STORY_GATE``, not a copy).

        Nine outlets telling one event each word it their own way: a three-line foreign brief and a long
        feature share too little for the rules to put them in the gate, though each is close to some of the
        others. Counted as a full zero, such pairs pull a many-outlet story apart; counted less, a link is
        mostly the average of the pairs the model judged. A link stays at most the best pair across it (the
        judged pairs' average), so clusters still only join through a pair at the threshold.
        """
        if self.model is None or self.model.unjudged == 1.0 or (min(i, j), max(i, j)) in self.copies:
            return 1.0
        return 1.0 if self.rules(i, j) >= STORY_GATE else self.model.unjudged

    def weights(self, first, second):
        """``weight`` of every pair (``first[p]``, ``second[p]``), i < j, in numpy (exact: the pairs near or
        above the gate are decided one by one)."""
        import numpy as np

        out = np.ones(len(first))
        if self.model is None or self.model.unjudged == 1.0:
            return out
        base = self.rules_scores(first, second)
        out[base < STORY_GATE - SCORE_MARGIN] = self.model.unjudged
        for p in np.flatnonzero(base >= STORY_GATE - SCORE_MARGIN):
            out[p] = self.weight(int(first[p]), int(second[p]))
        return out

    def far_apart(self, i: int, j: int) -> float:
        """0.5 for documents dated more than ``story_max_days`` apart (rarely one story, however alike
        they read: two strikes in one city months apart), else 1."""
        fi, fj = self.feats[i], self.feats[j]
        return 0.5 if fi.day and fj.day and abs((fi.day - fj.day).days) > self.max_days else 1.0

    def _overlap(self, a: set[str], b: set[str]) -> tuple[float, float]:
        """Two documents' key sets ``a`` and ``b`` (their places, or people): the rarity-weighted Jaccard,
        and 1 when both have keys but share none (two stories set in two towns)."""
        if not a or not b:
            return 0.0, 0.0
        idf = self.idf
        shared = sum(idf.get(k, 0.0) for k in a & b)
        union = sum(idf.get(k, 0.0) for k in a | b)
        return shared / union if union > 0 else 0.0, float(not a & b)

    def pair_features(self, i: int, j: int, base: float | None = None) -> list[float]:
        """The trained decision's features of documents ``i`` and ``j`` (``PAIR_FEATURES``)."""
        fi, fj = self.feats[i], self.feats[j]
        if base is None:
            base = self.rules(i, j)
        types = len(fi.types & fj.types) / len(fi.types | fj.types) if fi.types | fj.types else 0.0
        places, place_conflict = self._overlap(fi.places, fj.places)
        people, _ = self._overlap(fi.people, fj.people)
        numbers = number_conflict = 0.0
        if fi.numbers and fj.numbers:
            numbers = len(fi.numbers & fj.numbers) / len(fi.numbers | fj.numbers)
            number_conflict = float(not fi.numbers & fj.numbers)
        if fi.day and fj.day:
            # a follow-up days later is common, weeks later rarer: the gap on a log scale, capped at a year
            gap, no_day = min(math.log1p(abs((fi.day - fj.day).days)) / math.log1p(365), 1.0), 0.0
        else:
            gap, no_day = 0.0, 1.0
        # each one's main actor (most mentioned x rarest: the town, the accused, not the country): a report
        # that names another story in passing shares that story's names, not its main one
        main_missing = (float(bool(fi.keys) and self.main_key(i) not in fj.keys)
                        + float(bool(fj.keys) and self.main_key(j) not in fi.keys)) / 2
        ti, tj = title_words(fi.title), title_words(fj.title)
        title = len(ti & tj) / len(ti | tj) if ti | tj else 0.0
        return [base, self.entity_overlap(i, j), self.text(i, j), types, places, place_conflict, main_missing, people,
                numbers, number_conflict, gap, float(self.far_apart(i, j) < 1.0), no_day, title,
                *self.lead_features(i, j)]

    def lead_features(self, i: int, j: int) -> list[float]:
        """The lead's terms of ``PAIR_FEATURES``: what each article's title and lead name, against the other.

        A background paragraph recaps another story of the same kind with that story's town, people and
        figures; the lead tells the article's own. So: the rarity-weighted Jaccard of the two leads' keys; the
        cosine of the mention counts with the lead's mentions counted ``LEAD_WEIGHT`` times (rarity-weighted);
        the share of each lead's figures that the other article writes; the leads' towns (places below the
        gazetteer's countries and provinces, by name): their Jaccard, both named and none shared, one lead
        naming none (unknown, not a conflict); the leads' countries both known and none shared, their
        provinces both named and none shared (two floods in two provinces of one country).
        """
        fi, fj = self.feats[i], self.feats[j]
        idf = self.idf
        lead_keys, _ = self._overlap(fi.lead_keys, fj.lead_keys)
        a, b = fi.lead_salience, fj.lead_salience
        norm = math.sqrt(sum((c * idf.get(k, 0.0)) ** 2 for k, c in a.items())) * \
            math.sqrt(sum((c * idf.get(k, 0.0)) ** 2 for k, c in b.items()))
        cosine = sum(a[k] * b[k] * idf.get(k, 0.0) ** 2 for k in a.keys() & b.keys()) / norm if norm else 0.0
        nums = [len(x & y) / len(x) for x, y in ((fi.lead_numbers, fj.numbers), (fj.lead_numbers, fi.numbers)) if x]
        towns, town_conflict = town_overlap(fi.lead_towns, fj.lead_towns)
        no_town = float(not fi.lead_towns or not fj.lead_towns)
        country_conflict = float(bool(fi.lead_countries and fj.lead_countries)
                                 and not fi.lead_countries & fj.lead_countries)
        province_conflict = float(bool(fi.lead_provinces and fj.lead_provinces)
                                  and not fi.lead_provinces & fj.lead_provinces)
        return [lead_keys, cosine, sum(nums) / len(nums) if nums else 0.0, towns, town_conflict, no_town,
                country_conflict, province_conflict]

    def main_key(self, i: int) -> str | None:
        """Document ``i``'s most mentioned key weighted by rarity (ties: the first in sorted order)."""
        f = self.feats[i]
        if not f.keys:
            return None
        return max(sorted(f.keys), key=lambda k: f.salience.get(k, 0) * self.idf.get(k, 0.0))

    def rules(self, i: int, j: int, related: bool = True) -> float:
        """The rules' score of documents ``i`` and ``j`` (``related`` as in ``__call__``)."""
        if (min(i, j), max(i, j)) in self.copies:
            return 1.0
        fi, fj = self.feats[i], self.feats[j]
        types = len(fi.types & fj.types) / len(fi.types | fj.types) if fi.types | fj.types else 0.0
        s = W_TYPES * types
        if related:
            s += W_ENTITIES * self.entity_overlap(i, j) + W_TEXT * self.text(i, j)
        if fi.day and fj.day and abs((fi.day - fj.day).days) > self.max_days:
            s *= 0.5
        return s

    def related(self) -> set[tuple[int, int]]:
        """Pairs that can score above ``W_TYPES`` (the rules) or 0 (trained): a shared key, related
        leads, or a copy."""
        return _pairs_sharing([f.keys for f in self.feats]) | self.text.related() | self.copies

    def reachable(self, threshold: float) -> set[tuple[int, int]]:
        """Pairs (i < j) that can score ``threshold`` or more: every such pair is among them.

        Copies and related leads are all kept. A pair sharing keys but not related leads scores at
        most ``W_TYPES + W_ENTITIES * entity_overlap``, so its overlap must reach ``(threshold -
        W_TYPES) / W_ENTITIES``; those pairs are found by prefix filtering (``overlap_prefixes``),
        which passes over the keys of most of the corpus (a country named by every fourth article).
        The result does not depend on any cap: what is left out is shown unable to reach the threshold.
        Trained: the pairs whose rules score can reach ``STORY_GATE``, kept when their score reaches
        ``threshold``.
        """
        if self.model is not None:
            gated = self.rules_reachable(STORY_GATE) if threshold > 0 else self.related()
            return {p for p in gated if self(*p) >= threshold}
        return self.rules_reachable(threshold)

    def rules_reachable(self, threshold: float) -> set[tuple[int, int]]:
        """``reachable`` of the rules' score."""
        import numpy as np

        need = (threshold - W_TYPES) / W_ENTITIES
        if need <= 0:
            return self.related()
        n = len(self.feats)
        copies = np.array([i * n + j for i, j in self.copies], dtype=np.int64)
        # a pair dated more than story_max_days apart scores half: without related leads its overlap must reach
        # (2 x threshold - W_TYPES) / W_ENTITIES, so the long prefixes pair only documents near in time (or
        # undated), and documents far apart meet by the short prefixes of that larger need (none above 1)
        days = np.array([f.day.toordinal() if f.day else np.nan for f in self.feats], dtype=np.float64)
        near = _pair_codes(self.overlap_prefixes(need), days, self.max_days)
        far_need = (2 * threshold - W_TYPES) / W_ENTITIES
        far = _pair_codes(self.overlap_prefixes(far_need)) if far_need <= 1 else np.zeros(0, dtype=np.int64)
        codes = _distinct(np.concatenate([near, far, self.text.related_codes(n), copies]))
        first, second = codes // n, codes % n
        close = self.rules_scores(first, second) >= threshold - SCORE_MARGIN
        return {(int(i), int(j)) for i, j in zip(first[close], second[close])}

    def scores(self, first, second):
        """``__call__`` of every pair (``first[p]``, ``second[p]``), i < j, in numpy. The rules: equal up
        to the rounding of sums taken in another order, so it only sorts out the pairs far from the
        threshold. Trained: equal (the pairs near or above the gate are scored one by one)."""
        import numpy as np

        base = self.rules_scores(first, second)
        if self.model is None:
            return base
        out = np.zeros(len(base))
        for p in np.flatnonzero(base >= STORY_GATE - SCORE_MARGIN):   # copies score 1 in both
            out[p] = self(int(first[p]), int(second[p]))
        return out

    def rules_scores(self, first, second):
        """``rules`` of every pair, in numpy (``scores``)."""
        import numpy as np

        if not hasattr(self, "incidence"):
            self.incidence = (
                _Incidence([{k: self.idf[k] for k in f.keys} for f in self.feats]),
                _Incidence([{k: c * self.idf[k] for k, c in f.salience.items()} for f in self.feats]),
                _Incidence([dict.fromkeys(f.types, 1.0) for f in self.feats]))
            # per-document arrays built once, not per call: an update calls this for each of thousands of groups
            # of a few documents, and rebuilding them from every document's features was most of its stories part
            n = len(self.feats)
            self.doc_arrays = (np.array(self.key_weight), np.array(self.salience_norm),
                               np.array([f.day.toordinal() if f.day else np.nan for f in self.feats], dtype=np.float64),
                               np.array([i * n + j for i, j in self.copies], dtype=np.int64))
        keys, salience, types = self.incidence
        weight, salience_norm, days, copies = self.doc_arrays
        m = len(first)
        pair, w, _ = keys.shared(first, second)
        shared = np.bincount(pair, weights=w, minlength=m)
        union = weight[first] + weight[second] - shared
        jaccard = np.divide(shared, union, out=np.zeros(m), where=union > 0)
        pair, a, b = salience.shared(first, second)
        norms = salience_norm[first] * salience_norm[second]
        cosine = np.divide(np.bincount(pair, weights=a * b, minlength=m), norms, out=np.zeros(m), where=norms > 0)
        pair, _, _ = types.shared(first, second)
        inter = np.bincount(pair, minlength=m).astype(np.float64)
        either = types.counts[first] + types.counts[second] - inter
        s = W_TYPES * np.divide(inter, either, out=np.zeros(m), where=either > 0)
        s += W_ENTITIES * np.maximum(jaccard, cosine) + W_TEXT * self.text.of_pairs(first, second, len(self.feats))
        gap = np.abs(days[first] - days[second])
        s[~np.isnan(gap) & (gap > self.max_days)] *= 0.5
        s[np.isin(first * len(self.feats) + second, copies)] = 1.0
        return s

    def overlap_prefixes(self, need: float) -> list[set[str]]:
        """Per document, the keys two documents must share one of (in both prefixes) for their
        ``entity_overlap`` to reach ``need``.

        Keys are ordered rarest first (corpus-wide). If every key a pair shares lies past document
        i's prefix, the shared weight is at most the weight w of i's suffix, so the weighted Jaccard
        is at most w / (i's key weight); and by Cauchy-Schwarz the salience cosine is at most the
        norm of i's suffix over i's norm. The prefix ends where both bounds fall below ``need``, so a
        pair reaching ``need`` has its rarest shared key in both documents' prefixes.
        """
        need *= 1 - PREFIX_MARGIN   # rounding in the sums below must not drop a pair at the boundary
        prefixes = []
        for i, f in enumerate(self.feats):
            order = sorted(f.keys, key=lambda k: (-self.idf[k], k))
            weight = self.key_weight[i] * need
            # no salience (no actor stage): the cosine is zero and bounds nothing
            norm = (self.salience_norm[i] * need) ** 2 if self.salience_norm[i] else math.inf
            cut = len(order)
            suffix_w = suffix_s = 0.0
            # walk back from the rarest-last end while the suffix stays under both bounds
            while cut > 0:
                k = order[cut - 1]
                w = suffix_w + self.idf[k]
                s = suffix_s + (f.salience.get(k, 0) * self.idf[k]) ** 2
                if w >= weight or s >= norm:
                    break
                suffix_w, suffix_s, cut = w, s, cut - 1
            prefixes.append(set(order[:cut]))
        return prefixes


def town_overlap(a: set[str], b: set[str]) -> tuple[float, float]:
    """Two sets of lead towns (``place_key`` forms): their Jaccard, and 1 when both are named and none is shared.

    A name whose words are all in the other's is one place: a lead writes "the Sarna" where another writes "the
    Sarna River", "Geneva" where another writes "Lake Geneva"."""
    if not a or not b:
        return 0.0, 0.0
    words = {t: set(t.split()) for t in a | b}

    def met(x: str, other: set[str]) -> bool:
        return any(words[x] <= words[y] or words[y] <= words[x] for y in other)

    # matched on both sides (two towns of one side can meet one of the other): the Jaccard stays within 0..1
    shared = min(sum(met(x, b) for x in a), sum(met(y, a) for y in b))
    return shared / (len(a) + len(b) - shared), float(not shared)


def title_words(title: str) -> set[str]:
    """A title's content words, lowercased."""
    return {w for w in re.findall(r"\w[\w'-]+", title.lower()) if w not in STOPWORDS and not w.isdigit()}


@dataclass
class ClusterModel:
    """The trained same-story decision of two whole clusters: a logistic regression over ``CLUSTER_FEATURES``
    and the probability from which they merge."""
    coef: list[float]
    intercept: float
    threshold: float

    def probability(self, row: list[float]) -> float:
        """The probability that two clusters with features ``row`` (``CLUSTER_FEATURES``) are one story."""
        z = self.intercept + sum(w * x for w, x in zip(self.coef, row))
        return expit(z)


@dataclass
class StoryModel:
    """The trained same-story decision: a logistic regression over ``PAIR_FEATURES``, the average
    probability at which documents are joined, and ``sure``: the rules' score from which a pair is one story
    without asking the model (1.0; ``math.inf``: never); ``unjudged``: the weight in a link's average of a pair the
    model does not judge (``StoryScorer.weight``; 1: as much as a judged pair); ``clusters``: the decision of the
    second pass, which merges whole clusters (``ClusterMerger``)."""
    coef: list[float]
    intercept: float
    threshold: float
    info: dict = field(default_factory=dict)
    sure: float = math.inf
    unjudged: float = 1.0
    #: the second pass over the clusters of the pair stage (``ClusterMerger``); none: no second pass
    clusters: ClusterModel | None = None
    #: the last pass, which splits a cluster at its weakest cut (``ClusterSplitter``, over ``SPLIT_FEATURES``; the
    #: probability is that of two stories); none: no split
    splits: ClusterModel | None = None

    def probability(self, row: list[float]) -> float:
        """The probability that a pair with features ``row`` (``PAIR_FEATURES``) is one story, from the stored
        weights (the model file holds coefficients, not a scikit-learn object)."""
        z = self.intercept + sum(w * x for w, x in zip(self.coef, row))
        return expit(z)


def default_model_path() -> Path:
    """The story model shipped in the package (``make train`` writes it)."""
    return Path(str(resources.files("storyline").joinpath("models", "stories.npz")))


@functools.lru_cache(maxsize=4)
def load_story_model(path: str = "") -> StoryModel:
    """The model at ``path`` (default: the one shipped in the package), loaded once per process.

    Raises:
        FileNotFoundError: with the command that builds the model.
        ValueError: when the file was trained on other features than this module computes.
    """
    from storyline.cache import read_shipped_model

    stale = "story model {path} has other features than this version: run `make train`"
    data: dict[str, Any] = read_shipped_model(
        path, default_model_path, on_problem="raise", features=PAIR_FEATURES, mismatch=stale,
        missing="no story model at {path}: run `make train` (or set stories='rules')")
    target = Path(path) if path else default_model_path()
    if data.get("gate") != STORY_GATE:   # the pairs it judged were gated otherwise: its features mean other pairs
        raise ValueError(stale.format(path=target))
    clusters = None
    if (part := data.get("clusters")) is not None:
        if tuple(part["features"]) != CLUSTER_FEATURES:
            raise ValueError(f"story model {target} has other cluster features than this version: run `make train`")
        clusters = ClusterModel([float(w) for w in part["coef"]], float(part["intercept"]), float(part["threshold"]))
        # the pair stage stops this much above the pair model's threshold when the second pass follows
        data = {**data, "threshold": float(data["threshold"]) + float(part.get("pair_step", 0.0))}
    splits = None
    if (part := data.get("splits")) is not None:
        if tuple(part["features"]) != SPLIT_FEATURES:
            raise ValueError(f"story model {target} has other split features than this version: run `make train`")
        splits = ClusterModel([float(w) for w in part["coef"]], float(part["intercept"]), float(part["threshold"]))
    return StoryModel([float(w) for w in data["coef"]], float(data["intercept"]), float(data["threshold"]),
                      data.get("info", {}), float(data.get("sure", math.inf)), float(data.get("unjudged", 1.0)),
                      clusters, splits)


def link_gate(settings: Settings) -> float:
    """The rules score a pair needs to count for the trained decision: ``STORY_GATE`` for the pair stage, lower
    (``LINK_GATE``) when the model's second pass links clusters by such pairs."""
    if settings.stories == "trained" and load_story_model(settings.story_model).clusters is not None:
        return min(STORY_GATE, LINK_GATE)
    return STORY_GATE


def story_threshold(settings: Settings) -> float:
    """The average link at which documents join one story: ``story_threshold`` for the rules, the
    trained model's own for ``stories='trained'``."""
    if settings.stories == "trained":
        return load_story_model(settings.story_model).threshold
    return settings.story_threshold


def components(n: int, edges: list[tuple[int, int]]) -> list[list[int]]:
    """Connected components (each sorted) of the graph on 0..n-1 with ``edges``."""
    parent = list(range(n))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for x in range(n):
        groups.setdefault(root(x), []).append(x)
    return list(groups.values())


def story_clusters(analyses: list[DocAnalysis], settings: Settings,
                    near_duplicates: dict[str, list[NearDuplicate]] | None,
                    canonical: dict[str, str] | None = None) -> list[list[int]]:
    """The clusters ``average_linkage`` makes of every pair's ``StoryScorer`` score, without
    scoring every pair.

    Average linkage merges two clusters only when some pair across them scores at least the
    threshold, so it never joins documents that no chain of such pairs connects. Clustering each
    connected component of those pairs on its own therefore gives the clusters of the whole
    matrix. Only pairs ``StoryScorer.reachable`` keeps can reach the threshold (the event-type term
    alone stays below it, and the entity term of the others is shown too small); the others are
    scored inside a component only.
    """
    return decide_clusters(StoryScorer(analyses, settings, near_duplicates, canonical))


def decide_clusters(score: StoryScorer) -> list[list[int]]:
    """The clusters (index lists into ``score.feats``) of the whole decision over the scorer's documents: average
    linkage per connected component of the pairs reaching the threshold, then the trained second pass and split.
    ``story_clusters`` over a corpus; the incremental fuse over the documents a batch reaches."""
    threshold = score.threshold
    n = len(score.feats)
    if threshold <= (W_TYPES if score.model is None else 0.0):   # any pair can reach it: one component
        related = {p: score(*p) for p in sorted(score.related())}
        comps = [list(range(n))]
    elif score.model is not None:   # the gated pairs, each scored once (``reachable`` would score them again)
        gate = min(STORY_GATE, LINK_GATE) if score.second_pass else STORY_GATE
        related = {p: score(*p) for p in sorted(score.rules_reachable(gate))}
        comps = components(n, [p for p, s in related.items() if s >= threshold])
    else:
        related = {p: score(*p) for p in sorted(score.reachable(threshold))}
        comps = components(n, [p for p, s in related.items() if s >= threshold])
    clusters = []
    for comp in comps:
        if len(comp) == 1:
            clusters.append(comp)
            continue
        m = [[1.0] * len(comp) for _ in comp]
        w = [[1.0] * len(comp) for _ in comp]
        for a in range(len(comp)):
            for b in range(a + 1, len(comp)):
                i, j = comp[a], comp[b]
                m[a][b] = m[b][a] = related[(i, j)] if (i, j) in related else score(i, j)
                w[a][b] = w[b][a] = score.weight(i, j)
        clusters.extend([comp[k] for k in members] for members in average_linkage(m, threshold, w))
    if score.model is not None and score.model.clusters is not None:
        # the second pass: clusters linked by a judged pair (or a copy) are weighed whole
        edges = [p for p in related if p in score.copies or score.rules(*p) >= LINK_GATE]
        merger = ClusterMerger(score, lambda i, j: related[(i, j)] if (i, j) in related else score(i, j))
        clusters = merger.merge(clusters, edges, score.model.clusters)
        if score.model.splits is not None:
            clusters = ClusterSplitter(merger).split(clusters, score.model.splits)
    return clusters


def average_linkage(scores: list[list[float]], threshold: float,
                    weights: list[list[float]] | None = None, until: int = 1) -> list[list[int]]:
    """Average-linkage agglomerative clustering, merging while the best link reaches ``threshold`` and more
    than ``until`` clusters are left (``-math.inf`` and 2: the dendrogram's top cut, ``ClusterSplitter``).

    ``weights``: each pair's weight in the average (``StoryScorer.weight``; none: all 1), a link being the
    weighted mean of the pairs across two clusters.

    Each step merges the pair of clusters with the highest average link; ties go to the last pair
    in row order. Cluster-to-cluster score sums are kept in one matrix, and each row remembers its
    best link to a later row, so a merge updates the rows it touches instead of searching every
    pair again: about n^2 work in all rather than n^3, for stories told by thousands of articles.
    """
    import numpy as np

    n = len(scores)
    sums = np.array(scores, dtype=np.float64).reshape(n, n)
    # the weight sums of the pairs across two clusters (the pair count when every weight is 1)
    mass = np.ones((n, n)) if weights is None else np.array(weights, dtype=np.float64).reshape(n, n)
    members = [[i] for i in range(n)]
    alive = np.ones(n, dtype=bool)
    link = sums / mass
    link[np.tril_indices(n)] = -np.inf   # only pairs i < j are links
    best_j = np.zeros(n, dtype=np.int64)
    best_v = np.full(n, -np.inf)

    def refresh(i: int) -> None:
        row = link[i]
        best_j[i] = n - 1 - int(np.argmax(row[::-1]))   # the last maximum, as the tie rule says
        best_v[i] = row[best_j[i]]

    for i in range(n):
        refresh(i)
    left = n
    while left > max(until, 1):
        top = best_v.max()
        if not top >= threshold:
            break
        left -= 1
        a = n - 1 - int(np.argmax(best_v[::-1] == top))
        b = int(best_j[a])
        sums[a, :] += sums[b, :]
        sums[:, a] += sums[:, b]
        mass[a, :] += mass[b, :]
        mass[:, a] += mass[:, b]
        members[a] = sorted(members[a] + members[b])
        alive[b] = False
        link[b, :] = link[:, b] = -np.inf
        best_v[b] = -np.inf
        later = np.flatnonzero(alive[a + 1:]) + a + 1
        link[a, later] = sums[a, later] / mass[a, later]
        earlier = np.flatnonzero(alive[:a])
        link[earlier, a] = sums[earlier, a] / mass[earlier, a]
        refresh(a)
        for stale in np.flatnonzero(alive[:b] & ((best_j[:b] == a) | (best_j[:b] == b))):
            refresh(int(stale))   # their best link changed or is gone
        gained = earlier[(link[earlier, a] > best_v[earlier])
                         | ((link[earlier, a] == best_v[earlier]) & (best_j[earlier] < a))]
        best_v[gained], best_j[gained] = link[gained, a], a
    return [members[c] for c in np.flatnonzero(alive)]


@dataclass
class _Summary:
    """What ``ClusterMerger`` reads of one cluster: the union of its documents' story features."""
    keys: set[str]
    salience: Counter
    main: str | None
    towns: set[str]
    provinces: set[str]
    countries: set[str]
    numbers: set[str]
    lead_numbers: set[str]
    first: date | None
    last: date | None
    #: the keys two or more of its documents name (a single document: all of its keys)
    recurring: set[str] = field(default_factory=set)
    #: (outlet, day) of its documents; a document of no known outlet is an outlet of its own
    outlet_days: set[tuple[str, date | None]] = field(default_factory=set)


class ClusterMerger:
    """The second pass of the trained decision: whole clusters of the pair stage judged one story or two.

    Average linkage over pair probabilities cannot both keep a story told by nine outlets whole (a three-line
    foreign brief and a long feature share too little to be judged a pair) and keep same-kind stories of one
    week apart (they share an official and a region). Two clusters together say more than any of their pairs:
    the best and the mean of the pairs across, the names both clusters hold, each one's main actor, the towns,
    provinces and countries their leads name, their figures, how far apart their dates lie and their sizes
    (``CLUSTER_FEATURES``). Two clusters are weighed only when a judged pair (rules score at ``STORY_GATE``) or
    a copy links them, so the blocked search is still the rules' one; they merge greedily, the most probable
    first, while the probability reaches the model's threshold.
    """

    def __init__(self, scorer: StoryScorer, pair_score) -> None:
        self.scorer = scorer
        self.pair_score = pair_score
        self.pairs: dict[tuple[int, int], tuple[float, float, float, bool]] = {}

    def pair(self, i: int, j: int) -> tuple[float, float, float, bool]:
        """(score, rules score, lead similarity, judged) of documents ``i`` < ``j``, computed once."""
        key = (min(i, j), max(i, j))
        if key not in self.pairs:
            sc = self.scorer
            rules = sc.rules(*key)
            judged = key in sc.copies or rules >= STORY_GATE
            self.pairs[key] = (self.pair_score(*key) if judged else 0.0, rules, sc.text(*key), judged)
        return self.pairs[key]

    def summary(self, members: list[int]) -> _Summary:
        sc = self.scorer
        feats = [sc.feats[i] for i in members]
        keys = set().union(*(f.keys for f in feats))
        salience: Counter = Counter()
        for f in feats:
            salience.update(f.lead_salience)
        main = max(sorted(keys), key=lambda k: salience.get(k, 0) * sc.idf.get(k, 0.0)) if keys else None
        days = sorted(f.day for f in feats if f.day)
        named = Counter(k for f in feats for k in f.keys)
        recurring = {k for k, c in named.items() if c > 1} if len(feats) > 1 else set(keys)
        return _Summary(keys, salience, main, set().union(*(f.lead_towns for f in feats)),
                        set().union(*(f.lead_provinces for f in feats)),
                        set().union(*(f.lead_countries for f in feats)), set().union(*(f.numbers for f in feats)),
                        set().union(*(f.lead_numbers for f in feats)), days[0] if days else None,
                        days[-1] if days else None, recurring,
                        {(f.outlet or "\x00" + f.id, f.day) for f in feats})

    def features(self, a: list[int], b: list[int], sa: _Summary | None = None,
                 sb: _Summary | None = None) -> list[float]:
        """``CLUSTER_FEATURES`` of clusters ``a`` and ``b`` (document indices)."""
        sa = sa or self.summary(a)
        sb = sb or self.summary(b)
        rows = [self.pair(i, j) for i in a for j in b]
        n = len(rows)
        judged = [r[0] for r in rows if r[3]]
        idf = self.scorer.idf
        keys, _ = self.scorer._overlap(sa.keys, sb.keys)
        x, y = sa.salience, sb.salience
        norm = math.sqrt(sum((c * idf.get(k, 0.0)) ** 2 for k, c in x.items())) * \
            math.sqrt(sum((c * idf.get(k, 0.0)) ** 2 for k, c in y.items()))
        cosine = sum(x[k] * y[k] * idf.get(k, 0.0) ** 2 for k in x.keys() & y.keys()) / norm if norm else 0.0
        main = (float(sa.main is not None and sa.main in sb.keys)
                + float(sb.main is not None and sb.main in sa.keys)) / 2
        towns, town_conflict = town_overlap(sa.towns, sb.towns)
        nums = [len(p & q) / len(p) for p, q in ((sa.lead_numbers, sb.numbers), (sb.lead_numbers, sa.numbers)) if p]
        if sa.first and sb.first and sa.last and sb.last:
            # the days between the two clusters' spans (0 when they overlap), on a log scale as the pairs' gap
            apart = max((sb.first - sa.last).days, (sa.first - sb.last).days, 0)
            gap, no_day = min(math.log1p(apart) / math.log1p(365), 1.0), 0.0
        else:
            gap, no_day = 0.0, 1.0
        # each document's best pair across, averaged per side (rows run over b within a)
        best_a = [max(r[0] for r in rows[k * len(b):(k + 1) * len(b)]) for k in range(len(a))]
        best_b = [max(rows[k * len(b) + x][0] for k in range(len(a))) for x in range(len(b))]
        support = sorted((sum(best_a) / len(best_a), sum(best_b) / len(best_b)))
        recurring = sorted((self.share(sa.recurring, sb.keys), self.share(sb.recurring, sa.keys)))
        same_day = float(any(d is not None for _, d in sa.outlet_days & sb.outlet_days))
        chain = self.chain(a, b)
        # evidence that grows with the documents behind it, not with the sides' sizes (a story's fragments of seven and
        # four are as large as two stories): the judged pairs across that the pair model finds more likely one story
        # than two (a story in fragments has several, two same-kind stories
        # one or two through a shared official), each side's documents' best lead similarity across, and the share of
        # each side's documents that a judged pair ties to the other
        strong = sum(1 for r in rows if r[3] and r[0] >= STRONG_PAIR)
        text_a = [max(r[2] for r in rows[k * len(b):(k + 1) * len(b)]) for k in range(len(a))]
        text_b = [max(rows[k * len(b) + x][2] for k in range(len(a))) for x in range(len(b))]
        text_support = sorted((sum(text_a) / len(text_a), sum(text_b) / len(text_b)))
        linked_a = [any(r[3] for r in rows[k * len(b):(k + 1) * len(b)]) for k in range(len(a))]
        linked_b = [any(rows[k * len(b) + x][3] for k in range(len(a))) for x in range(len(b))]
        linked = sorted((sum(linked_a) / len(linked_a), sum(linked_b) / len(linked_b)))
        # how much closer each side holds together than it stands to the other, by the leads and by the pair scores:
        # fragments of one story are as near across as inside, two stories nearer inside; neither grows with size
        inner = [self.closeness(side) for side in (a, b) if len(side) > 1]
        text_gap = sum(x[1] for x in inner) / len(inner) - sum(r[2] for r in rows) / n if inner else 0.0
        score_gap = sum(x[0] for x in inner) / len(inner) - sum(r[0] for r in rows) / n if inner else 0.0
        return [max(r[0] for r in rows), sum(r[0] for r in rows) / n, sum(judged) / len(judged) if judged else 0.0,
                len(judged) / n, max(r[1] for r in rows), sum(r[1] for r in rows) / n, max(r[2] for r in rows),
                sum(r[2] for r in rows) / n, keys, cosine, main, towns,
                town_conflict,
                float(bool(sa.provinces and sb.provinces) and not sa.provinces & sb.provinces),
                float(bool(sa.countries and sb.countries) and not sa.countries & sb.countries),
                sum(nums) / len(nums) if nums else 0.0, gap, no_day, *support, *recurring, same_day, chain,
                math.log1p(strong), *text_support, *linked, text_gap, score_gap]

    def closeness(self, members: list[int]) -> tuple[float, float]:
        """The mean pair score and lead similarity over the pairs inside ``members`` (at most ``SPLIT_MAX`` of its
        documents, the first: every pair inside is scored)."""
        side = members[:SPLIT_MAX]
        rows = [self.pair(i, j) for x, i in enumerate(side) for j in side[x + 1:]]
        return sum(r[0] for r in rows) / len(rows), sum(r[2] for r in rows) / len(rows)

    def chain(self, a: list[int], b: list[int]) -> float:
        """The mean over the pairs across ``a`` and ``b`` of the strongest path of one or two steps through a
        document of either (the weaker of its two pair scores). Over ``SPLIT_MAX`` documents together, the paths of
        one step only (the mean pair across): every pair inside is scored, which a story of thousands cannot afford."""
        import numpy as np

        if len(a) + len(b) > SPLIT_MAX:
            return sum(self.pair(i, j)[0] for i in a for j in b) / (len(a) * len(b))
        both = [*a, *b]
        k = len(both)
        m = np.eye(k)
        for x in range(k):
            for y in range(x + 1, k):
                m[x, y] = m[y, x] = self.pair(both[x], both[y])[0]
        # through k: min(m[i, k], m[k, j]) for every i of a, j of b; a path of one step is k = i or k = j
        across = np.minimum(m[:len(a), None, :], m[None, len(a):, :])
        return float(across.max(axis=2).mean())

    def share(self, names: set[str], other: set[str]) -> float:
        """The rarity-weighted share of ``names`` that ``other`` holds (0 without names)."""
        idf = self.scorer.idf
        total = sum(idf.get(k, 0.0) for k in names)
        return sum(idf.get(k, 0.0) for k in names & other) / total if total > 0 else 0.0

    def merge(self, clusters: list[list[int]], edges, model: ClusterModel,
              fixed: set[int] | None = None) -> list[list[int]]:
        """``clusters`` (document index lists) with the pairs of clusters the model finds one story merged, the
        most probable first (ties: the lowest pair of cluster numbers), while the probability reaches its
        threshold. Only clusters with a pair of ``edges`` (document index pairs) across are weighed; two of
        ``fixed`` (cluster numbers: stored stories) never merge. Returns the clusters in their order, a merged one
        at the place of its first part."""
        members = {c: sorted(m) for c, m in enumerate(clusters)}
        of = {i: c for c, m in members.items() for i in m}
        fixed = set(fixed or ())
        links: dict[int, set[int]] = {c: set() for c in members}
        for i, j in edges:
            if i in of and j in of and of[i] != of[j]:
                links[of[i]].add(of[j])
                links[of[j]].add(of[i])
        summaries = {c: self.summary(m) for c, m in members.items() if links[c]}
        probs: dict[tuple[int, int], float] = {}

        def weigh(a: int, b: int) -> None:
            a, b = min(a, b), max(a, b)
            if a in fixed and b in fixed:
                return
            probs[a, b] = model.probability(self.features(members[a], members[b], summaries[a], summaries[b]))

        for a in sorted(links):
            for b in sorted(links[a]):
                if a < b:
                    weigh(a, b)
        while probs:
            (a, b), p = min(probs.items(), key=lambda kv: (-kv[1], kv[0]))
            if p < model.threshold:
                break
            members[a] = sorted(members[a] + members.pop(b))
            if b in fixed:
                fixed.add(a)
            summaries[a] = self.summary(members[a])
            neighbours = (links[a] | links.pop(b)) - {a, b}
            links[a] = neighbours
            for c in neighbours:
                links[c] = (links[c] - {b}) | {a}
            probs = {k: v for k, v in probs.items() if a not in k and b not in k}
            for c in sorted(neighbours):
                weigh(a, c)
        return [members[c] for c in sorted(members)]


class ClusterSplitter:
    """The last pass of the trained decision: a cluster judged one story or two at its weakest cut.

    Average linkage over pair probabilities and a second pass that only merges cannot undo a join: two same-kind
    stories of one week whose articles share an official, a court and a region end in one cluster once a few pairs
    across them pass (a long article's background recaps the other story). The cut is the top of the cluster's own
    average-linkage dendrogram over its pair scores (the two parts its members came together from, the weakest join);
    the two sides are weighed as two clusters (``ClusterMerger.features``) and by how close each holds together against
    the pairs across (``SPLIT_FEATURES``). A cut the model judges two stories splits, and each side is weighed again,
    top down; a side the model keeps stays whole.
    """

    def __init__(self, merger: ClusterMerger) -> None:
        self.merger = merger

    def scores(self, members: list[int]) -> tuple[list[list[float]], list[list[float]]]:
        """The pair scores (``ClusterMerger.pair``) and link weights (``StoryScorer.weight``) inside a cluster."""
        k = len(members)
        m = [[1.0] * k for _ in range(k)]
        w = [[1.0] * k for _ in range(k)]
        for a in range(k):
            for b in range(a + 1, k):
                i, j = members[a], members[b]
                m[a][b] = m[b][a] = self.merger.pair(i, j)[0]
                w[a][b] = w[b][a] = self.merger.scorer.weight(min(i, j), max(i, j))
        return m, w

    def cut(self, members: list[int]) -> tuple[list[int], list[int]]:
        """The two sides of the cluster's weakest join (sorted; the side of its first document first)."""
        members = sorted(members)
        m, w = self.scores(members)
        sides = sorted((sorted(members[k] for k in part) for part in average_linkage(m, -math.inf, w, until=2)),
                       key=lambda side: side[0])
        return sides[0], sides[1]

    def inner(self, members: list[int]) -> float:
        """The mean pair score inside a side (1 for a single document)."""
        return self.merger.closeness(members)[0] if len(members) > 1 else 1.0

    def own(self, names: set[str], other: set[str]) -> float:
        """The rarity-weighted share of ``names`` that ``other`` does not hold (0 without names)."""
        idf = self.merger.scorer.idf
        total = sum(idf.get(k, 0.0) for k in names)
        return sum(idf.get(k, 0.0) for k in names - other) / total if total > 0 else 0.0

    def features(self, a: list[int], b: list[int]) -> list[float]:
        """``SPLIT_FEATURES`` of the sides ``a`` and ``b`` of a cut."""
        sa, sb = self.merger.summary(a), self.merger.summary(b)
        row = self.merger.features(a, b, sa, sb)
        outlets = sorted(len({o for o, _ in s.outlet_days}) for s in (sa, sb))
        low, high = sorted((self.inner(a), self.inner(b)))
        feats = self.merger.scorer.feats
        keys = [set().union(*(feats[i].keys for i in side)) for side in (a, b)]
        lead = [set().union(*(feats[i].lead_keys for i in side)) for side in (a, b)]
        own = sorted((self.own(keys[0], keys[1]), self.own(keys[1], keys[0])))
        lead_own = sorted((self.own(lead[0], keys[1]), self.own(lead[1], keys[0])))
        return [*row, math.log1p(min(len(a), len(b))), math.log1p(max(len(a), len(b))), math.log1p(outlets[0]),
                math.log1p(outlets[1]), low, high, low - row[CLUSTER_FEATURES.index("mean")], *own, *lead_own,
                *self.ties(a, b, sa.main, sb.main)]

    def central(self, members: list[int]) -> int:
        """The document of a side with the highest mean pair score to the side's others (ties: the first; at most
        ``SPLIT_MAX`` documents, the first, are weighed)."""
        side = members[:SPLIT_MAX]
        if len(side) == 1:
            return side[0]
        return max(side, key=lambda i: sum(self.merger.pair(i, j)[0] for j in side if j != i))

    def ties(self, a: list[int], b: list[int], main_a: str | None, main_b: str | None) -> list[float]:
        """The last four ``SPLIT_FEATURES`` of the sides ``a`` and ``b`` whose main actors (``_Summary.main``) are
        ``main_a`` and ``main_b``: the shares of each side's documents naming the other's main actor (lower, higher),
        the rarity-weighted Jaccard of the central documents' names, and the share of the two central documents whose
        main actor the other names."""
        scorer = self.merger.scorer
        feats = scorer.feats
        reach = sorted(sum(main is not None and main in feats[i].keys for i in side) / len(side)
                       for side, main in ((b, main_a), (a, main_b)))
        ca, cb = self.central(a), self.central(b)
        keys, _ = scorer._overlap(feats[ca].keys, feats[cb].keys)
        mains = [(scorer.main_key(x), feats[y].keys) for x, y in ((ca, cb), (cb, ca))]
        central_main = sum(m is not None and m in other for m, other in mains) / 2
        return [*reach, keys, central_main]

    def split(self, clusters: list[list[int]], model: ClusterModel, fixed: set[int] | None = None) -> list[list[int]]:
        """``clusters`` (document index lists) with each cut the model finds two stories split, top down; ``fixed``
        (cluster numbers: stored stories) and clusters over ``SPLIT_MAX`` documents stay whole. The parts of a
        cluster take its place, in the order of their first documents."""
        out = []
        for c, members in enumerate(clusters):
            if fixed and c in fixed:
                out.append(members)
                continue
            parts, todo = [], [sorted(members)]
            while todo:
                part = todo.pop()
                if not 2 <= len(part) <= SPLIT_MAX:
                    parts.append(part)
                    continue
                a, b = self.cut(part)
                if model.probability(self.features(a, b)) >= model.threshold:
                    todo += [b, a]
                else:
                    parts.append(part)
            out.extend(sorted(parts, key=lambda p: p[0]))
        return out


def story_of(members: list[StoryFeatures]) -> Story:
    """The story of these documents (in corpus order): id ``story-<hash of its doc ids>``, the title of
    its earliest dated document (else its first), the earliest known date."""
    ids = sorted(f.id for f in members)
    dated = sorted((day, f.id) for f in members if (day := f.day) is not None)
    first = next((f for f in members if f.id == dated[0][1]), None) if dated else members[0]
    sid = "story-" + hashlib.sha1("\n".join(ids).encode("utf-8"), usedforsecurity=False).hexdigest()[:10]
    return Story(id=sid, title=first.title if first else "", date=dated[0][0].isoformat() if dated else None,
                 docs=ids)


def group_stories(analyses: list[DocAnalysis], settings: Settings,
                  near_duplicates: dict[str, list[NearDuplicate]] | None = None,
                  canonical: dict[str, str] | None = None) -> list[Story]:
    """Group documents into stories (every document is in exactly one story).

    Args:
        analyses: per-document results (document, entities, events are used).
        settings: ``story_threshold``, ``story_max_days``, ``embedding_model``,
            ``near_duplicate_threshold``.
        near_duplicates: copies per document (computed when not given).
        canonical: document-local entity id -> corpus-wide entity id (``merge_entities``).

    Returns:
        Stories, largest first; id ``story-<hash of its doc ids>`` (stable across runs),
        title of its earliest document, date the earliest known date.
    """
    if not analyses:
        return []
    feats = corpus_story_features(analyses, canonical, settings.norp_places)
    stories = [story_of([feats[i] for i in members])
               for members in story_clusters(analyses, settings, near_duplicates, canonical)]
    stories.sort(key=lambda s: (-len(s.docs), s.id))
    LOGGER.debug("%d documents -> %d stories", len(analyses), len(stories))
    return stories
