#!/usr/bin/env python
"""How the corpus-level stage (fuse) grows with the corpus, on distinct synthetic analyses (``make bench-scale``).

``make bench`` fuses copies of a few articles, which hides everything that grows with the number of
*different* documents, actors and stories. This script writes per-document analyses
(``DocAnalysis``: document, sentences, mentions, entities, events, quotes, claims, lead vector) of the
shape the per-document stages produce, without running them:

* actors from large pools that grow with the corpus: people (Faker, many Latin-script locales, with
  a country, role and sector), companies and institutions (some known by an acronym), cities and
  outlets, and every country pycountry knows (linked to the knowledge base as ``gpe:<alpha3>``), each
  pool drawn with Zipf-like popularity (a few actors and outlets are in much of the news);
* stories of 2-8 documents sharing main actors, places, dates, key events and rare words, beside
  many singletons; a few syndicated copies (near-duplicates) of a story's article by another outlet;
* name variants inside and across documents: full name, surname only, title + surname, initial,
  the name without diacritics, an institution's acronym;
* events of the 16 PLOVER types with actors, dates and evidence sentences; quotes; the claims are
  those ``storyline.extract.claims.find_claims`` finds in the generated sentences (some are written
  with the stance lexicon's phrases); lead vectors from the configured embedder (the static table).

Everything is a function of ``--seed``. Each size runs in a fresh process (peak memory is that
process's maximum RSS) with a time limit; the fuse steps of ``Settings.fuse_pipeline`` are timed one
by one, as ``storyline.fuse.fuse`` runs them. The table gives seconds per step and size, the total,
the peak memory, and the growth exponent (log-log slope) between consecutive sizes and fitted over
all of them. For the largest size it also adds 100 documents to a store of N (the incremental fuse,
``storyline.store.incremental``), next to storing and fusing those 100 alone.

Usage: ``python scripts/bench_scale.py [--sizes 1000,10000] [--full] [--timeout 600] [--json out.json]``;
``--spark local[1],local[2]`` instead times fuse per step with its per-block work on each Spark master;
``--articles PATH... [--keep analyses.pkl]`` instead compares fuse with per-document analysis on real articles
(CPU seconds per fuse step, and its share of the per-document analysis's).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from bisect import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate, pairwise
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a plain script from a checkout
    sys.path.insert(0, str(REPO))

from storyline.config import Settings  # noqa: E402
from storyline.extract.claims import find_claims  # noqa: E402
from storyline.model import (  # noqa: E402
    PLOVER_TYPES,
    Block,
    DocAnalysis,
    Document,
    Entity,
    Event,
    LoadedTerm,
    Mention,
    Quote,
    Removal,
    Sentence,
    Span,
)

DEFAULT_SIZES = (1000, 10000)
FULL_SIZE = 100000
#: documents added to the largest store to price an update
PLUS = 100
#: sizes above this are fused from a store in batches of this many (``--batch``)
BATCH = 10000
#: documents of the fuse that loads lexicons and models before the timed one
WARM_UP = 50
#: Latin-script locales (the articles are English; names keep their own letters and diacritics)
LOCALES = ("en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "pl_PL", "pt_BR", "nl_NL", "sv_SE",
           "tr_TR", "en_IN", "id_ID", "cs_CZ", "ro_RO", "hu_HU", "fi_FI", "da_DK", "en_NG", "sw")
#: the country (alpha-3) a locale's people, companies and cities belong to
LOCALE_COUNTRY = {"en_US": "USA", "en_GB": "GBR", "de_DE": "DEU", "fr_FR": "FRA", "es_ES": "ESP",
                  "it_IT": "ITA", "pl_PL": "POL", "pt_BR": "BRA", "nl_NL": "NLD", "sv_SE": "SWE",
                  "tr_TR": "TUR", "en_IN": "IND", "id_ID": "IDN", "cs_CZ": "CZE", "ro_RO": "ROU",
                  "hu_HU": "HUN", "fi_FI": "FIN", "da_DK": "DNK", "en_NG": "NGA", "sw": "KEN"}
#: (title before a surname, role, sector) of the people in the news
OFFICES = (("President", "President", "GOV"), ("Minister", "Minister", "GOV"), ("Senator", "Senator", "GOV"),
           ("Governor", "Governor", "GOV"), ("Mayor", "Mayor", "GOV"), ("General", "General", "MIL"),
           ("Judge", "Judge", "JUD"), ("Dr", "Researcher", "EDU"), ("Mr", "Chief executive", "BUS"),
           ("Ms", "Spokeswoman", "GOV"), ("Mr", "Spokesman", "GOV"), ("Ms", "Chairwoman", "CVL"),
           ("Mr", "Chairman", "CVL"), ("Ms", "Lawyer", "JUD"), ("Mr", "Analyst", "BUS"))
INSTITUTION_KINDS = ("Agency", "Authority", "Council", "Commission", "Institute", "Union", "Federation",
                     "Board", "Party", "Front", "Movement", "Association")
#: unnamed groups that act (the resolver's generic ORG actors), with their sector
GROUPS = (("police", "security"), ("protesters", "civil"), ("the union", "labour"), ("the company", "business"),
          ("officials", "government"), ("residents", "civil"), ("the ministry", "government"),
          ("troops", "military"), ("workers", "labour"), ("investors", "business"), ("activists", "civil"),
          ("prosecutors", "judicial"), ("rebels", "rebel"), ("lawmakers", "government"))
#: how a sentence writes an event of each type: (with a target, without one)
EVENT_VERBS = {
    "AGREE": ("agreed with {t} on", "agreed on"), "CONSULT": ("held talks with {t} about", "held talks about"),
    "SUPPORT": ("voiced support for {t} over", "voiced support for"),
    "CONCEDE": ("gave ground to {t} on", "conceded on"),
    "COOPERATE": ("signed a deal with {t} on", "signed a deal on"), "AID": ("sent aid to {t} after", "sent aid after"),
    "RETREAT": ("withdrew from {t} over", "withdrew from"), "REQUEST": ("urged {t} to settle", "called for talks on"),
    "ACCUSE": ("accused {t} of", "made accusations over"), "REJECT": ("rejected the offer of {t} on", "rejected"),
    "THREATEN": ("threatened {t} over", "threatened action over"), "PROTEST": ("protested against {t} over",
                                                                             "held a protest over"),
    "SANCTION": ("imposed sanctions on {t} over", "announced sanctions over"),
    "MOBILIZE": ("deployed troops near {t} amid", "mobilised forces amid"),
    "COERCE": ("detained members of {t} over", "arrested people over"), "ASSAULT": ("attacked {t} during",
                                                                                  "launched an attack during"),
}
TOPIC_NOUNS = ("dispute", "plan", "deal", "row", "crisis", "talks", "probe", "reform", "strike", "project",
               "accord", "scandal", "vote", "tariffs", "programme", "merger", "drought", "election")
SAYS = ("said", "told reporters", "said in a statement", "wrote on social media", "told a news conference")
OUTLET_WORDS = ("Herald", "Times", "Post", "Gazette", "Chronicle", "Observer", "Tribune", "Daily", "News",
                "Courier", "Standard", "Journal", "Express", "Independent", "Monitor", "Record")
#: (phrase, loaded-language kind) a few articles use
LOADED = (("slammed", "emotive"), ("regime", "name_calling"), ("thugs", "name_calling"), ("outrageous", "emotive"),
          ("disastrous", "emotive"), ("so-called", "sarcasm"), ("radical", "name_calling"), ("shameful", "emotive"))
#: sentences whose phrases the stance lexicon reads (alignment, framing, cause, quantity claims)
STANCE = ("{a} is moving away from {b} over the {w} {n}.", "{a} remains a close ally of {b} despite the {w} {n}.",
          "{a} called the {w} {n} a provocation.", "{a} described the {w} {n} as routine.",
          "The {w} {n} was caused only by {b}, {a} said.", "The {w} {n} has nothing to do with {b}, {a} said.",
          "About {k},000 people joined the {w} {n}, {a} said.", "The {w} {n} will cost {k} million dollars.",
          "{a} said {b} helped to circumvent sanctions on the {w} {n}.")
GENRES = (("reporting", 80), ("opinion", 8), ("analysis", 8), ("other", 4))
FIRST_DAY = date(2023, 1, 1)
DAYS = 3 * 365
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


# -- the world: pools of actors, places, outlets and words ----------------------------------------------


@dataclass
class Actor:
    """One real-world actor of the synthetic world and the ways articles write its name."""
    key: str
    type: str                      # PERSON | ORG | GPE
    name: str
    country: str | None = None
    kb_id: str | None = None
    role: str | None = None
    sector: str | None = None
    title: str = ""                # PERSON: "President", "Ms"
    acronym: str = ""              # ORG: "NWA" for "National Water Authority"


class Pool:
    """Items drawn with Zipf-like popularity (weight 1/rank^s), by bisecting cumulative weights."""

    def __init__(self, items: list[Any], s: float = 1.0) -> None:
        self.items = items
        self.cum = list(accumulate(1.0 / (r + 1) ** s for r in range(len(items))))

    def draw(self, rng: random.Random) -> Any:
        return self.items[min(bisect(self.cum, rng.random() * self.cum[-1]), len(self.items) - 1)]


def ascii_form(name: str) -> str:
    """The name without diacritics ("Ježek" -> "Jezek"): how some outlets write foreign names."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")


def _words(*sources: Any) -> list[str]:
    out: set[str] = set()
    for src in sources:
        for item in src:
            for w in str(item).replace("-", " ").replace("/", " ").replace(",", " ").split():
                if w.isalpha() and len(w) > 2:
                    out.add(w.lower())
    return sorted(out)


def stable_lists(faker: Any) -> None:
    """Sort the word lists a locale builds from a set (it_IT's cities): their order, and so what a seeded
    draw returns, would otherwise change with the interpreter's string hash seed."""
    for provider in faker.providers:
        for name, value in vars(type(provider)).items():
            if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
                setattr(provider, name, sorted(value))


class World:
    """The pools every generated article draws from; their sizes grow with the corpus."""

    def __init__(self, n_docs: int, seed: int) -> None:
        import pycountry
        from faker import Faker
        from faker.providers.company.en_US import Provider as Company
        from faker.providers.job.en_US import Provider as Job
        from faker.providers.lorem.en_US import Provider as Lorem

        rng = random.Random(seed)
        fakers = []
        for k, loc in enumerate(LOCALES):
            f = Faker(loc)
            f.seed_instance(seed * 1000 + k)
            stable_lists(f)
            fakers.append((loc, f))
        countries = [Actor(f"gpe:{c.alpha_3}", "GPE", getattr(c, "common_name", None) or c.name, c.alpha_3,
                           f"gpe:{c.alpha_3}") for c in pycountry.countries if "," not in c.name]
        # the news is about some countries much more than others: the locales' countries lead the ranking
        rng.shuffle(countries)
        countries.sort(key=lambda a: a.country not in LOCALE_COUNTRY.values())
        self.countries = Pool(countries, 1.1)
        self.country_of = {a.country: a for a in countries}
        people, orgs, cities = [], [], []
        n_people, n_orgs, n_cities = max(500, int(0.8 * n_docs)), max(200, int(0.3 * n_docs)), max(200, n_docs // 10)
        for i in range(n_people):
            loc, f = fakers[rng.randrange(len(fakers))]
            title, role, sector = OFFICES[rng.randrange(len(OFFICES))]
            given, surname = f.first_name(), f.last_name()
            people.append(Actor(f"p{i}", "PERSON", f"{given} {surname}", LOCALE_COUNTRY[loc], None,
                                f"{role}", sector, title))
        # the popularity ranks are shuffled: an alphabetical list would make "ability" the commonest word.
        # With a generator of their own, not ``rng`` (whose state depends on how many people were drawn): the
        # commonest words then depend on the corpus size, and some ("century", "behind", "drop") are read as
        # claims, which made the claims per document grow with the corpus (1.17 at 1k, 1.73 at 100k)
        vocabulary = random.Random(f"{seed}/words")
        words = _words(Lorem.word_list)
        rare = _words(*Company.catch_phrase_words, *Company.bsWords, Job.jobs)
        vocabulary.shuffle(words)
        vocabulary.shuffle(rare)
        for i in range(n_orgs):
            loc, f = fakers[rng.randrange(len(fakers))]
            if rng.random() < 0.4:
                parts = [rng.choice(rare).capitalize() for _ in range(rng.randint(1, 2))]
                name = " ".join(["National", *parts, rng.choice(INSTITUTION_KINDS)])
                acronym = "".join(w[0] for w in name.split()).upper()
                orgs.append(Actor(f"o{i}", "ORG", name, LOCALE_COUNTRY[loc], None, None, "GOV", "", acronym))
            else:
                orgs.append(Actor(f"o{i}", "ORG", f.company(), LOCALE_COUNTRY[loc], None, None, "BUS"))
        for i in range(n_cities):
            loc, f = fakers[rng.randrange(len(fakers))]
            cities.append(Actor(f"c{i}", "GPE", f.city(), LOCALE_COUNTRY[loc]))
        # the best-known person is in about a tenth of the articles, as a head of state in world news
        self.people, self.orgs, self.cities = Pool(people, 0.8), Pool(orgs, 0.8), Pool(cities)
        self.common = Pool(words, 1.0)
        # a story's own words: rare vocabulary and place names, whose number grows with the corpus
        places = sorted({w for c in cities for w in _words([c.name])})
        rng.shuffle(places)
        self.rare = Pool(rare + places, 0.6)
        outlets = []
        for _ in range(max(30, n_docs // 20)):
            loc, f = fakers[rng.randrange(len(fakers))]
            outlets.append(f"The {f.city()} {rng.choice(OUTLET_WORDS)}" if rng.random() < 0.8
                           else f"{f.last_name()} {rng.choice(('News', 'Media', 'Wire', 'Radio'))}")
        self.outlets = Pool(outlets, 1.1)
        self.authors = [fakers[rng.randrange(len(fakers))][1].name() for _ in range(max(50, n_docs // 8))]


# -- stories ------------------------------------------------------------------------------------------------


@dataclass
class KeyEvent:
    type: str
    source: Actor
    target: Actor | None
    day: date


@dataclass
class StoryPlan:
    """What the documents of one story share."""
    day: date
    actors: list[Actor]
    places: list[Actor]
    words: list[str]
    noun: str
    events: list[KeyEvent]


def plan_story(world: World, rng: random.Random) -> StoryPlan:
    day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    actors: list[Actor] = []
    for _ in range(rng.randint(2, 4)):
        pool = rng.choices((world.people, world.orgs, world.countries), (5, 3, 2))[0]
        a = pool.draw(rng)
        if a not in actors:
            actors.append(a)
    places = [world.cities.draw(rng) for _ in range(rng.randint(1, 2))]
    places.append(world.country_of.get(places[0].country or "") or world.countries.draw(rng))
    words = list(dict.fromkeys(world.rare.draw(rng) for _ in range(rng.randint(4, 8))))
    events = []
    for _ in range(rng.randint(1, 3)):
        src, tgt = rng.sample(actors, 2) if len(actors) > 1 else (actors[0], None)
        events.append(KeyEvent(rng.choice(PLOVER_TYPES), src, tgt if rng.random() < 0.8 else None,
                               day - timedelta(days=rng.randint(0, 2))))
    return StoryPlan(day, actors, places, words, rng.choice(TOPIC_NOUNS), events)


def story_sizes(n: int, rng: random.Random) -> list[int]:
    """Story sizes summing to ``n``: about half the documents alone, the rest in stories of 2-8."""
    sizes: list[int] = []
    left = n
    while left > 0:
        k = 1 if rng.random() < 0.75 else rng.choices(range(2, 9), (30, 22, 16, 12, 9, 6, 5))[0]
        sizes.append(min(k, left))
        left -= sizes[-1]
    return sizes


# -- one article --------------------------------------------------------------------------------------------


class Writer:
    """Raw text written piece by piece, with the offsets of every sentence, name and quote."""

    def __init__(self, doc_id: str) -> None:
        self.doc = doc_id
        self.parts: list[str] = []
        self.pos = 0
        self.sentences: list[Sentence] = []
        self.mentions: list[Mention] = []
        self.entities: dict[str, Entity] = {}    # actor key -> local entity
        self.forms: dict[str, list[str]] = {}    # actor key -> name forms used (aliases)
        self.loaded: list[LoadedTerm] = []
        self.blocks: list[Block] = []
        self.n_groups = 0

    def write(self, text: str) -> int:
        start = self.pos
        self.parts.append(text)
        self.pos += len(text)
        return start

    def local(self, actor: Actor, generic: bool = False) -> Entity:
        ent = self.entities.get(actor.key)
        if ent is None:
            if generic:
                self.n_groups += 1
                eid = f"{self.doc}/g{self.n_groups}"
            else:
                eid = f"{self.doc}/e{sum(1 for e in self.entities.values() if not e.generic) + 1}"
            ent = Entity(eid, actor.name, actor.type, actor.country, actor.role, actor.sector, kb_id=actor.kb_id,
                         generic=generic)
            self.entities[actor.key] = ent
        return ent

    def name(self, actor: Actor, form: str, generic: bool = False) -> None:
        """Write ``form`` as a mention of ``actor``."""
        start = self.write(form)
        ent = self.local(actor, generic)
        self.mentions.append(Mention(self.doc, start, self.pos, form, actor.type, ent.id))
        ent.mentions.append(Span(self.doc, start, self.pos, form))
        if not form.startswith(actor.title + " ") or not actor.title:
            forms = self.forms.setdefault(actor.key, [])
            if form not in forms:
                forms.append(form)

    def sentence(self, pieces: list[str | tuple[Actor, str] | tuple[Actor, str, bool]]) -> Sentence:
        start, first = self.pos, len(self.parts)
        for p in pieces:
            if isinstance(p, str):
                self.write(p)
            else:
                self.name(p[0], p[1], len(p) > 2 and bool(p[2]))
        sent = Sentence(self.doc, start, self.pos, "".join(self.parts[first:]))
        self.sentences.append(sent)
        return sent

    def text(self) -> str:
        return "".join(self.parts)


def name_form(actor: Actor, first: bool, rng: random.Random) -> str:
    """How this mention writes the actor's name: the full name first, then shorter variants."""
    if actor.type == "PERSON":
        given, _, surname = actor.name.partition(" ")
        if first:
            r = rng.random()
            if r < 0.08:
                return ascii_form(actor.name)
            if r < 0.12:
                return f"{given[0]}. {surname}"
            if r < 0.2:
                return f"{actor.title} {surname}"   # only the title and surname in this article
            return actor.name
        return rng.choice((surname, surname, f"{actor.title} {surname}"))
    if actor.acronym and not first and rng.random() < 0.6:
        return actor.acronym
    return actor.name


def _entity_name(etype: str, forms: list[str]) -> str:
    if etype == "PERSON":
        full = [f for f in forms if " " in f]
        return max(full, key=len) if full else forms[0]
    return max(forms, key=len)


def _doc_id(seed: int, index: int) -> str:
    return hashlib.sha1(f"{seed}:{index}".encode(), usedforsecurity=False).hexdigest()[:16]


def _day_words(day: date, published: date, rng: random.Random) -> str:
    r = rng.random()   # drawn whatever the dates, so a copy's text stays the original's
    if day == published or (published - day).days > 6 or r < 0.3:
        return f"on {day.strftime('%B')} {day.day}"
    return f"on {WEEKDAYS[day.weekday()]}"


def _filler(world: World, rng: random.Random, plan: StoryPlan, n: int) -> str:
    words = [world.common.draw(rng) for _ in range(n)]
    if rng.random() < 0.5:
        words.insert(rng.randrange(len(words) + 1), rng.choice(plan.words))
    return " ".join(words).capitalize() + "."


def write_article(world: World, plan: StoryPlan, doc_id: str, content_seed: int, outlet: str, author: str,
                  published: date | None, genre: str, copy: bool = False) -> DocAnalysis:
    """One article of a story (a copy keeps the content of ``content_seed`` and adds a closing line)."""
    rng = random.Random(content_seed)
    w = Writer(doc_id)
    lead_actor = plan.actors[0]
    ev0 = plan.events[0]
    verb = EVENT_VERBS[ev0.type][1].split(" {")[0].split(" ")[0]
    title = f"{lead_actor.name if lead_actor.type != 'PERSON' else lead_actor.name.split()[-1]} {verb} " \
            f"{plan.words[0]} {plan.noun} in {plan.places[0].name}"
    removed = [Removal(0, len(title), title, "title")]
    w.write(title + "\n\n")
    byline = f"By {author}"
    removed.append(Removal(w.write(byline), w.pos, byline, "byline"))
    w.write("\n")
    day = published or plan.day
    dateline = f"{day.strftime('%B')} {day.day}, {day.year}"
    if published:
        removed.append(Removal(w.write(dateline), w.pos, dateline, "dateline"))
    w.write("\n\n")
    seen: set[str] = set()
    extras = [rng.choice((world.people, world.orgs, world.countries, world.cities)).draw(rng)
              for _ in range(rng.randint(2, 6))]
    groups = [Actor(f"{doc_id}:{g}", "ORG", g, sector=s) for g, s in rng.sample(GROUPS, rng.randint(1, 3))]
    events: list[Event] = []
    quotes: list[Quote] = []

    def nm(a: Actor) -> tuple[Actor, str]:
        form = name_form(a, a.key not in seen, rng)
        seen.add(a.key)
        return (a, form)

    def topic() -> str:
        return f" the {' '.join(rng.sample(plan.words, min(len(plan.words), rng.randint(1, 2))))} {plan.noun}"

    def event(etype: str, src: Actor, tgt: Actor | None, when: date | None, generic: bool = False) -> None:
        with_t, alone = EVENT_VERBS[etype]
        src_piece: tuple[Actor, str] | tuple[Actor, str, bool] = \
            (src, src.name[0].upper() + src.name[1:], True) if generic else nm(src)
        if tgt is not None:
            before, _, after = with_t.partition("{t}")
            pieces: list[Any] = [src_piece, f" {before}", nm(tgt), f"{after}{topic()}"]
        else:
            pieces = [src_piece, f" {alone}{topic()}"]
        if when is not None:
            pieces.append(f" {_day_words(when, day, rng)}")
        if rng.random() < 0.4:
            pieces += [" in ", nm(rng.choice(plan.places))]
        modality = "asserted"
        if rng.random() < 0.25:
            pieces += [", ", nm(rng.choice(plan.actors)), f" {rng.choice(SAYS)}"]
            modality = "reported"
        sent = w.sentence([*pieces, "."])
        k = len(events) + 1
        src_ent = w.entities[src.key]
        events.append(Event(f"{doc_id}/v{k}", etype, src_ent.id, w.entities[tgt.key].id if tgt else None,
                            when.isoformat() if when else None, "day" if when else None,
                            rng.choice(("sentence", "context", "publication")) if when else None, modality,
                            summary="", evidence=[Span(doc_id, sent.start, sent.end, sent.text)], doc=doc_id))

    def quote(speaker: Actor) -> None:
        said = " ".join(world.common.draw(rng) for _ in range(rng.randint(6, 14)))
        said = f"The {rng.choice(plan.words)} {plan.noun} {said}"
        if rng.random() < 0.6:
            start = w.pos + 1
            sent = w.sentence([f"\u201c{said},\u201d ", nm(speaker), f" {rng.choice(SAYS)}."])
            span = (start, start + len(said) + 1, True)
        else:
            sent = w.sentence([nm(speaker), f" {rng.choice(SAYS)} that ", said.lower(), "."])
            span = (sent.end - 1 - len(said), sent.end - 1, False)
        quotes.append(Quote(f"{doc_id}/q{len(quotes) + 1}", doc_id, w.entities[speaker.key].id,
                            w.text()[span[0]:span[1]], span[0], span[1], span[2]))

    paragraphs = rng.randint(5, 9)
    for p in range(paragraphs):
        start = w.pos
        for s in range(rng.randint(1, 3)):
            r = rng.random()
            if p == 0 and s == 0:
                ke = plan.events[0]
                event(ke.type, ke.source, ke.target, ke.day)
            elif r < 0.3:
                ke = rng.choice(plan.events)
                if rng.random() < 0.7:
                    event(ke.type, ke.source, ke.target, ke.day if rng.random() < 0.8 else None)
                else:   # an event of this article only, often by an unnamed group
                    g = rng.choice(groups)
                    event(rng.choice(PLOVER_TYPES), g, rng.choice([*plan.actors, *extras]),
                          day if rng.random() < 0.5 else None, generic=True)
            elif r < 0.45:
                people = [a for a in [*plan.actors, *extras] if a.type == "PERSON"]
                quote(rng.choice(people) if people else rng.choice(plan.actors))
            elif r < 0.52:
                a, b = rng.sample([*plan.actors, *extras], 2)
                text = rng.choice(STANCE).format(a="\x01", b="\x02", w=rng.choice(plan.words), n=plan.noun,
                                                 k=rng.randint(1, 9))
                pieces: list[Any] = []
                for chunk in re.split(r"([\x01\x02])", text):
                    pieces.append(nm(a) if chunk == "\x01" else nm(b) if chunk == "\x02" else chunk)
                w.sentence(pieces)
            elif r < 0.62:
                x = rng.choice(extras)
                w.sentence(["In ", nm(rng.choice(plan.places)), ", ", nm(x), " ",
                            _filler(world, rng, plan, rng.randint(6, 14)).lower()])
            else:
                text = _filler(world, rng, plan, rng.randint(8, 22))
                if rng.random() < 0.05:
                    term, kind = rng.choice(LOADED)
                    text = f"{text[:-1]}, a {term} move."
                    sent = w.sentence([text])
                    at = sent.start + text.rindex(term)
                    w.loaded.append(LoadedTerm(at, at + len(term), term, kind))
                else:
                    w.sentence([text])
            w.write(" ")
        w.parts[-1] = ""
        w.pos -= 1
        w.blocks.append(Block(start, w.pos))
        w.write("\n\n")
    if copy:   # a syndicated copy: the same text, and the reprinting outlet's closing line
        sent = w.sentence([f"This article first appeared in {world.outlets.draw(rng)}."])
        w.blocks.append(Block(sent.start, sent.end))
    raw = w.text().rstrip("\n")
    for key, ent in w.entities.items():
        # the resolver names a local entity by its fullest form; a title ("President") is not a name
        forms = w.forms.get(key) or [ent.name.split()[-1] if ent.type == "PERSON" else ent.name]
        ent.name = _entity_name(ent.type, forms)
        ent.aliases = list(forms)
    body = "\n\n".join(raw[b.start:b.end] for b in w.blocks)
    document = Document(
        id=doc_id, source=f"synthetic/{doc_id}.txt", raw=raw, title=title, outlet=outlet, author=author,
        url=f"https://{outlet.lower().replace(' ', '-')}.example/{day.isoformat()}/{doc_id[:8]}",
        published=published.isoformat() if published else None, published_precision="day" if published else None,
        language="en", genre=genre, text=body, removed=removed, loaded_language=w.loaded, blocks=w.blocks)
    return DocAnalysis(document=document, sentences=w.sentences, mentions=w.mentions,
                       entities=list(w.entities.values()), events=events, quotes=quotes,
                       claims=find_claims(doc_id, w.sentences))


def generate(n: int, seed: int = 0, vectors: str = "synthetic", settings: Settings | None = None) -> list[DocAnalysis]:
    """``n`` distinct synthetic analyses (in shuffled order), a function of ``seed``.

    ``vectors``: "synthetic" (see ``lead_vector_model``), "embedder" (``settings.embedding_model`` over
    the generated leads, as ``storyline analyze`` stores them) or "" (none: stories compare TF-IDF).
    """
    return [a for chunk in generate_chunks(n, seed, vectors, settings) for a in chunk]


def generate_chunks(n: int, seed: int = 0, vectors: str = "synthetic", settings: Settings | None = None,
                    size: int = 2048) -> Iterator[list[DocAnalysis]]:
    """``generate``'s analyses, in its order, ``size`` at a time: only the plans of the articles (a few
    numbers each) are held for the whole corpus, so a 100k corpus can be written to a store chunk by chunk."""
    rng = random.Random(seed)
    world = World(n, seed)
    # (plan, document id, content seed, outlet, author, published, genre, copy, topic family, story number):
    # every draw from ``rng`` in the order the articles were once written in, so the corpus is the same
    specs: list[tuple[Any, ...]] = []
    index = 0
    for story, size_ in enumerate(story_sizes(n, rng)):
        plan = plan_story(world, rng)
        first_seed = None
        for k in range(size_):
            doc_id = _doc_id(seed, index)
            published = plan.day + timedelta(days=rng.randint(0, 3)) if rng.random() < 0.95 else None
            copy = k > 0 and first_seed is not None and rng.random() < 0.08
            content_seed = first_seed if copy and first_seed is not None else rng.getrandbits(64)
            first_seed = first_seed or content_seed
            genre = rng.choices([g for g, _ in GENRES], [c for _, c in GENRES])[0]
            outlet, author = world.outlets.draw(rng), rng.choice(world.authors)
            specs.append((plan, doc_id, content_seed, outlet, author, published, genre, copy,
                          TOPIC_NOUNS.index(plan.noun), story))
            index += 1
    rng.shuffle(specs)
    model = LeadVectors(seed) if vectors == "synthetic" else None
    for b in range(0, len(specs), size):
        batch = specs[b:b + size]
        out = [write_article(world, *spec[:8]) for spec in batch]
        if model is not None:
            for a, spec in zip(out, batch):
                a.vector = model.vector(spec[8], spec[9], spec[2])
        elif vectors:
            from storyline.nlp.embeddings import lead_vectors

            settings = settings or Settings()
            for e in range(0, len(out), 512):
                part = out[e:e + 512]
                for a, v in zip(part, lead_vectors([a.document for a in part], settings)):
                    a.vector = v
        yield out


#: squared weights of a synthetic lead vector's parts: what every lead shares (a static embedding's
#: common direction), its topic family, its story, its own words. Cosines: 0.2 between unrelated
#: leads, 0.35 within a topic family (both under the static model's 0.4 floor, with the spread of
#: 384 dimensions), 0.7 within a story, 1.0 between copies
VECTOR_PARTS = (0.2, 0.15, 0.35, 0.3)
VECTOR_DIM = 384


class LeadVectors:
    """Lead vectors with a known similarity structure (``VECTOR_PARTS``), in place of embedding word
    salad: generated leads share their common words, so a real embedder finds nearly every pair of
    them related (measured: 82 % of the pairs over the floor at 2,000 documents), which no news
    corpus does."""

    def __init__(self, seed: int) -> None:
        import numpy as np

        self.np = np
        self.seed = seed
        rng = np.random.default_rng([seed, 0])
        self.common = self._unit(rng)
        self.families = [self._unit(rng) for _ in TOPIC_NOUNS]
        self.weights = [math.sqrt(w) for w in VECTOR_PARTS]

    def _unit(self, rng: Any) -> Any:
        v = rng.standard_normal(VECTOR_DIM)
        return v / self.np.linalg.norm(v)

    def vector(self, family: int, story: int, own: int) -> list[float]:
        np = self.np
        story_v = self._unit(np.random.default_rng([self.seed, 1, story]))
        own_v = self._unit(np.random.default_rng([self.seed, 2, own]))
        wc, wf, ws, wo = self.weights
        v = wc * self.common + wf * self.families[family] + ws * story_v + wo * own_v
        # rounded as one array (np.round, not a round() call per dimension: a third of generating at 100k)
        return np.round(v / np.linalg.norm(v), 5).tolist()  # type: ignore[no-any-return]


# -- timing -------------------------------------------------------------------------------------------------


def timed_fuse(analyses: list[DocAnalysis], settings: Settings, report: Any = None,
               state_out: list[Any] | None = None, mapper: Any = None) -> dict[str, float]:
    """Run the fuse steps as ``storyline.fuse.fuse`` does, timing each; ``report(name, seconds)`` after each
    (``state_out`` receives the fuse state; ``mapper`` runs the per-block work, ``storyline.fuse.mapper``)."""
    from storyline.fuse import fuse_pipeline
    from storyline.fuse.steps import FuseState
    from storyline.model import Corpus

    state = FuseState(analyses=analyses, corpus=Corpus(documents=[a.document for a in analyses]), mapper=mapper)
    times: dict[str, float] = {}
    for part in fuse_pipeline(settings):
        t0, c0 = time.perf_counter(), time.process_time()
        part.run(state, settings)
        times[part.name] = time.perf_counter() - t0
        if report:   # (name, wall seconds, this process's CPU seconds: what other processes on the cores do not change)
            report(part.name, times[part.name], time.process_time() - c0)
    if state_out is not None:
        state_out.append(state)
    return times


def incremental_add(base: list[DocAnalysis], state: Any, more: list[DocAnalysis], settings: Settings) -> dict[str, Any]:
    """Seconds to add ``more`` to a store holding ``base`` fused (``state``): storing their analyses, the
    incremental fuse (per part), and the outputs (export and report, as ``storyline analyze`` writes them);
    beside them, a full fuse of ``more`` alone."""
    from storyline.engine.local import fuse_store
    from storyline.export.json import write_json_store
    from storyline.report.render import write_report, write_summary
    from storyline.store.incremental import invalidate, update, write_index

    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp, _open(Path(tmp) / "storyline.duckdb", settings) as store:
        t0 = time.perf_counter()
        store.add_analyses(base)
        invalidate(store)
        store.replace_corpus(state.corpus)
        write_index(store, state, settings)
        out["write_base"] = time.perf_counter() - t0
        # the export of the base, as the run that made it wrote it (filling the export's row cache)
        cache = Path(tmp) / "export.cache.json"
        t0 = time.perf_counter()
        write_json_store(store, Path(tmp) / "export.json", cache=cache)
        out["export_base"] = time.perf_counter() - t0
        t0, c0 = time.perf_counter(), time.process_time()
        store.add_analyses(more)
        out["store_new"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        stats = update(store, more, settings)
        out["update"] = time.perf_counter() - t0
        out["update_cpu"] = time.process_time() - c0   # storing and the update, CPU seconds
        out["update_parts"] = stats.seconds
        out["update_cpu_parts"] = stats.cpu
        out["scope"] = {"entity_candidates": stats.entity_candidates, "story_candidates": stats.story_candidates,
                        "stories_changed": stats.stories_changed, "scope_documents": stats.scope_documents,
                        "events_reclustered": stats.events_reclustered}
        # what `storyline analyze` writes after an update: the export streamed from the store, and
        # (above settings.report_max_documents) the summary page instead of the single-page report
        t0 = time.perf_counter()
        write_json_store(store, Path(tmp) / "export.json", cache=cache)
        out["export"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        write_json_store(store, Path(tmp) / "export_uncached.json")
        out["export_uncached"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        if store.count("documents") > settings.report_max_documents:
            write_summary(store, Path(tmp) / "report.html")
        else:
            write_report(store.corpus(), Path(tmp) / "report.html")
        out["report"] = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp, _open(Path(tmp) / "storyline.duckdb", settings) as store:
        t0, c0 = time.perf_counter(), time.process_time()
        store.add_analyses(more)
        fuse_store(store, more, settings)
        out["alone"] = time.perf_counter() - t0
        out["alone_cpu"] = time.process_time() - c0
    return out


def _open(path: Path, settings: Settings) -> Any:
    """A store opened as ``storyline analyze`` opens it (DuckDB's memory limit and threads from the settings)."""
    from storyline.store import Store

    return Store(path, memory_limit=settings.store_memory_limit, threads=settings.store_threads)


def _rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def child(n: int, seed: int, plus: int, vectors: str, batch: int = 0) -> None:
    """One size in this (fresh) process: one JSON line per finished part, flushed, so a run that is
    stopped at its time limit still tells which steps finished."""
    def emit(**kv: Any) -> None:
        # every record carries the process's CPU seconds so far and its RSS: a run stopped (or still
        # running) part way through tells how far it got and at what cost
        print(json.dumps({**kv, "cpu_so_far": round(time.process_time(), 2), "rss_now_mb": round(_rss_mb())}),
              flush=True)

    settings = Settings()
    if batch and n > batch:
        stored_child(n, seed, plus, vectors, settings, batch, emit)
        return
    t0 = time.perf_counter()
    analyses = generate(n + plus, seed, vectors, settings=settings)
    emit(kind="generated", seconds=time.perf_counter() - t0, rss_mb=_rss_mb(),
         events=sum(len(a.events) for a in analyses), entities=sum(len(a.entities) for a in analyses),
         claims=sum(len(a.claims) for a in analyses))
    # the first fuse of a process loads lexicons and trained models: that one-off cost is timed apart on
    # a small corpus of other documents, so that the sizes compare what grows with the corpus
    t0 = time.perf_counter()
    timed_fuse(generate(WARM_UP, seed + 1, vectors, settings=settings), settings)
    emit(kind="warm_up", seconds=time.perf_counter() - t0)
    # in corpus order, as ``fuse_store`` fuses a store: the fuse index then holds what an update finds again
    # (the pair model's stored probabilities are those of sentence pairs in corpus order)
    base = sorted(analyses[:n], key=lambda a: (a.document.source, a.document.id))
    state: list[Any] = []
    cpu0 = time.process_time()
    times = timed_fuse(base, settings, lambda name, s, c: emit(kind="step", name=name, seconds=s, cpu=c), state)
    emit(kind="fused", seconds=sum(times.values()), cpu=time.process_time() - cpu0,
         peak_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    if plus:
        emit(kind="plus", n=n + plus, **incremental_add(base, state[0], analyses[n:], settings),
             peak_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def _duckdb_mb(store: Any) -> float:
    """What DuckDB's buffer pool holds now (MB): its share of the process's RSS."""
    row = store.con.execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchone()
    return round((row[0] or 0) / 2**20) if row else 0.0


def _hwm_mb(reset: bool = False) -> float:
    """The process's peak RSS since the last reset (VmHWM; ``reset``: start again from the current RSS)."""
    if reset:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def stored_child(n: int, seed: int, plus: int, vectors: str, settings: Settings, batch: int, emit: Any) -> None:
    """A size above ``--batch``: fused as ``storyline.engine.local.fuse_store(batch=batch)`` fuses a store that large.

    The analyses are generated chunk by chunk into a store (never all in memory), then the first ``batch``
    documents in date order are fused in full (timed per step) and written with the fuse index, and the
    others are added ``batch`` at a time by the incremental fuse (timed per part, summed over the batches),
    as ``storyline.engine.local.fuse_store`` does. "fused" times all of it, store writes included."""
    from storyline.engine.local import fuse_store

    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
        more = generated_store(Path(tmp) / "storyline.duckdb", n, seed, plus, vectors, settings, emit)
        with _open(Path(tmp) / "storyline.duckdb", settings) as store:
            added = _fuse_batched(store, seed, vectors, plus, settings, batch, emit, more)
    if plus:
        out = added
        with tempfile.TemporaryDirectory() as tmp, _open(Path(tmp) / "storyline.duckdb", settings) as store:
            t0, c0 = time.perf_counter(), time.process_time()
            store.add_analyses(out["more"])
            fuse_store(store, out["more"], settings)
            out["alone"] = time.perf_counter() - t0
            out["alone_cpu"] = time.process_time() - c0
        del out["more"]
        emit(kind="plus", n=n + plus, **out, peak_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def generated_store(path: Path, n: int, seed: int, plus: int, vectors: str, settings: Settings,
                    emit: Any) -> list[DocAnalysis]:
    """Generate ``n`` analyses into a store at ``path``, chunk by chunk; returns the ``plus`` analyses after them.

    With ``BENCH_STORE_CACHE`` set (a folder), the generated store and the ``plus`` analyses are kept there under
    their size, seed and vectors and copied from it by later runs: generating 100k costs about 300 CPU-s, the same
    for every run of the fuse it feeds."""
    import gc
    import pickle
    import shutil


    cache_dir = os.environ.get("BENCH_STORE_CACHE")
    cached = Path(cache_dir) / f"generated-{n}-{plus}-{seed}-{vectors or 'none'}" if cache_dir else None
    if cached is not None and (cached / "done").exists():
        t0 = time.perf_counter()
        shutil.copyfile(cached / "storyline.duckdb", path)
        more = pickle.loads((cached / "more.pkl").read_bytes())  # noqa: S301 (the bench's own file)
        emit(kind="generated", seconds=time.perf_counter() - t0, rss_mb=_rss_mb(),
             **json.loads((cached / "done").read_text(encoding="utf-8")), copied_from=str(cached))
        return more
    t0 = time.perf_counter()
    counts = {"events": 0, "entities": 0, "claims": 0}
    more = []
    done = 0
    with _open(path, settings) as store:
        for chunk in generate_chunks(n + plus, seed, vectors, settings):
            keep, more_part = chunk[:max(0, n - done)], chunk[max(0, n - done):]
            done += len(chunk)
            store.add_analyses(keep)
            more += more_part
            for a in keep:
                counts["events"] += len(a.events)
                counts["entities"] += len(a.entities)
                counts["claims"] += len(a.claims)
            del chunk, keep
            emit(kind="progress", generated_and_stored=min(done, n), seconds=time.perf_counter() - t0)
    gc.collect()
    if cached is not None:
        cached.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, cached / "storyline.duckdb")
        (cached / "more.pkl").write_bytes(pickle.dumps(more))
        (cached / "done").write_text(json.dumps(counts), encoding="utf-8")
    emit(kind="generated", seconds=time.perf_counter() - t0, rss_mb=_rss_mb(), **counts)
    return more


def _fuse_batched(store: Any, seed: int, vectors: str, plus: int, settings: Settings, batch: int, emit: Any,
                  more: list[DocAnalysis]) -> Any:
    """``stored_child``'s fuse of the generated store; returns the add-``plus`` figures (with the analyses added,
    ``more``) when ``plus``."""
    import gc

    from storyline.fuse import clear_text_caches
    from storyline.store.incremental import invalidate, update, write_index
    from storyline.store.summaries import write_summaries

    t0 = time.perf_counter()
    timed_fuse(generate(WARM_UP, seed + 1, vectors, settings=settings), settings)
    emit(kind="warm_up", seconds=time.perf_counter() - t0)
    gc.collect()
    _hwm_mb(reset=True)
    start, cpu0 = time.perf_counter(), time.process_time()
    # in date order, as a stream arrives (undated ones last): a batch then meets the stories of its own days, not a
    # random slice of every story of the store; BENCH_ORDER=corpus: source and id order, as before session 30 (its
    # figures compare with the earlier ones)
    by = "source, id" if os.environ.get("BENCH_ORDER") == "corpus" else "published NULLS LAST, source, id"
    order = [r[0] for r in store.con.execute(f"SELECT id FROM documents ORDER BY {by}").fetchall()]  # noqa: S608
    t0, c0 = time.perf_counter(), time.process_time()
    first = store.analyses_of(order[:batch])
    emit(kind="step", name=f"read first {batch:,} from the store", seconds=time.perf_counter() - t0,
         cpu=time.process_time() - c0)
    states: list[Any] = []
    timed_fuse(first, settings, lambda name, s, c: emit(kind="step", name=name, seconds=s, cpu=c), states)
    t0, c0 = time.perf_counter(), time.process_time()
    invalidate(store)
    store.replace_corpus(states[0].corpus, summaries=False)   # as fuse_store: summaries once, at the end
    write_index(store, states[0], settings)
    emit(kind="step", name="write corpus and fuse index", seconds=time.perf_counter() - t0,
         cpu=time.process_time() - c0)
    del states, first
    parts: dict[str, float] = {}
    cpu_parts: dict[str, float] = {}
    for b in range(batch, len(order), batch):
        clear_text_caches()   # as storyline.engine.local._update_in_batches
        gc.collect()
        t0, c0 = time.perf_counter(), time.process_time()
        analyses = store.analyses_of(order[b:b + batch])
        parts["read"] = parts.get("read", 0.0) + time.perf_counter() - t0
        cpu_parts["read"] = cpu_parts.get("read", 0.0) + time.process_time() - c0
        t0, c0 = time.perf_counter(), time.process_time()
        stats = update(store, analyses, settings, summaries=False)
        emit(kind="batch", n=len(analyses), seconds=time.perf_counter() - t0, cpu=time.process_time() - c0,
             parts=stats.seconds, cpu_parts=stats.cpu, rss_parts=stats.rss_mb,
             hwm_mb=_hwm_mb(), duckdb_mb=_duckdb_mb(store), scope={"entity_candidates": stats.entity_candidates,
                                      "story_candidates": stats.story_candidates,
                                      "scope_documents": stats.scope_documents})
        for k, v in stats.seconds.items():
            parts[k] = parts.get(k, 0.0) + v
        for k, v in stats.cpu.items():
            cpu_parts[k] = cpu_parts.get(k, 0.0) + v
        del analyses
    for k, v in parts.items():
        emit(kind="step", name=f"batches: {k}", seconds=v, cpu=cpu_parts.get(k))
    gc.collect()
    t0, c0 = time.perf_counter(), time.process_time()
    write_summaries(store)
    emit(kind="step", name="summary tables (once)", seconds=time.perf_counter() - t0, cpu=time.process_time() - c0,
         hwm_mb=_hwm_mb())
    emit(kind="fused", seconds=time.perf_counter() - start, cpu=time.process_time() - cpu0, peak_mb=_hwm_mb())
    if plus:
        t0, c0 = time.perf_counter(), time.process_time()
        store.add_analyses(more)
        store_new = time.perf_counter() - t0
        t0 = time.perf_counter()
        stats = update(store, more, settings)
        return {"store_new": store_new, "update": time.perf_counter() - t0,
                "update_cpu": time.process_time() - c0,
                "update_parts": stats.seconds, "update_cpu_parts": stats.cpu,
                "scope": {"entity_candidates": stats.entity_candidates,
                          "story_candidates": stats.story_candidates,
                          "stories_changed": stats.stories_changed,
                          "scope_documents": stats.scope_documents,
                          "events_reclustered": stats.events_reclustered}, "more": more}
    return None


@dataclass
class Result:
    n: int
    steps: dict[str, float] = field(default_factory=dict)
    total: float | None = None
    peak_mb: float | None = None
    gen_seconds: float | None = None
    gen_mb: float | None = None
    timed_out: float | None = None
    plus: dict[str, Any] | None = None
    info: dict[str, Any] = field(default_factory=dict)
    warm_up: float | None = None
    #: CPU seconds of this process (per step, and the fuse's): unlike wall time, not slowed by other processes
    cpu_steps: dict[str, float] = field(default_factory=dict)
    cpu: float | None = None
    #: per batch of a batched fuse: documents, seconds, peak RSS (MB) since the fuse began
    batches: list[dict[str, Any]] = field(default_factory=list)


def run_size(n: int, seed: int, plus: int, timeout: float, vectors: str, batch: int = BATCH) -> Result:
    res = Result(n)
    lines: list[str] = []
    proc = subprocess.Popen([sys.executable, __file__, "--child", str(n), "--seed", str(seed), "--plus", str(plus),
                             "--vectors", vectors, "--batch", str(batch)],
                            stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})

    def relay() -> None:   # each record to stderr as it comes: a long size shows its progress while it runs
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line)
            print(f"  [{n:,}] {line.rstrip()}", file=sys.stderr, flush=True)

    reader = threading.Thread(target=relay, daemon=True)
    reader.start()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        res.timed_out = timeout
    reader.join()
    for line in lines:
        rec = json.loads(line)
        if rec["kind"] == "generated":
            res.gen_seconds, res.gen_mb = rec["seconds"], rec["rss_mb"]
            res.info = {k: rec[k] for k in ("events", "entities", "claims")}
        elif rec["kind"] == "warm_up":
            res.warm_up = rec["seconds"]
        elif rec["kind"] == "step":
            res.steps[rec["name"]] = rec["seconds"]
            if "cpu" in rec:
                res.cpu_steps[rec["name"]] = rec["cpu"]
        elif rec["kind"] == "batch":
            res.batches.append(rec)
        elif rec["kind"] == "fused":
            res.total, res.peak_mb, res.cpu = rec["seconds"], rec["peak_mb"], rec.get("cpu")
        elif rec["kind"] == "plus":
            res.plus = rec
    return res


def slope(xs: list[float], ys: list[float]) -> float | None:
    """Least-squares slope of log y over log x (the growth exponent); None with fewer than two points."""
    pts = [(math.log(x), math.log(y)) for x, y in zip(xs, ys) if y and y > 0]
    if len(pts) < 2:
        return None
    mx, my = sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
    den = sum((p[0] - mx) ** 2 for p in pts)
    return sum((p[0] - mx) * (p[1] - my) for p in pts) / den if den else None


def _short(n: int) -> str:
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)


def table(results: list[Result], steps: list[str]) -> str:
    sizes = [r.n for r in results]
    head = f"{'step':<38}" + "".join(f"{n:>11,}" for n in sizes)
    pairs = [f"{_short(a)}→{_short(b)}" for a, b in pairwise(sizes)]
    head += "".join(f"{p:>10}" for p in pairs) + (f"{'fit':>7}" if len(sizes) > 2 else "")
    lines = [head, "-" * len(head)]

    def row(label: str, values: list[float | None], exponent: bool = True, unit: str = "s") -> str:
        cells = []
        for r, v in zip(results, values):
            if v is None:
                cells.append(f"{'over ' + str(int(r.timed_out)) + ' s' if r.timed_out else '—':>11}")
            else:
                cells.append(f"{v:>10.2f}{unit}")
        line = f"{label:<38}" + "".join(cells)
        if exponent:
            for (a, va), (b, vb) in zip(zip(sizes, values), zip(sizes[1:], values[1:])):
                e = slope([a, b], [va, vb]) if va and vb else None
                line += f"{e:>10.2f}" if e is not None else f"{'':>10}"
            if len(sizes) > 2:
                known = [(n, v) for n, v in zip(sizes, values) if v]
                e = slope([n for n, _ in known], [v for _, v in known])
                line += f"{e:>7.2f}" if e is not None else ""
        return line

    for name in steps:
        lines.append(row(name.removeprefix("storyline.fuse."), [r.steps.get(name) for r in results]))
    lines.append(row("fuse total", [r.total for r in results]))
    lines.append(row("peak RSS (MB)", [r.peak_mb for r in results], unit=" "))
    lines.append(row("RSS after generating (MB)", [r.gen_mb for r in results], unit=" "))
    lines.append(row("generating (not fuse)", [r.gen_seconds for r in results], exponent=False))
    lines.append(row(f"first fuse of {WARM_UP} (loads models)", [r.warm_up for r in results], exponent=False))
    return "\n".join(lines)


def spark_compare(sizes: list[int], masters: list[str], seed: int, vectors: str) -> None:
    """Fuse each size with its per-block work on each Spark master (``storyline.engine.spark.spark_mapper``):
    seconds per step and master, and the speed-up of the last Spark master over the first; the exports must agree.
    The master ``none`` fuses in this process (the local engine), as a baseline."""
    import copy

    from storyline.engine.spark import spark_mapper, spark_session
    from storyline.model import to_dict

    settings = Settings()
    for n in sizes:
        analyses = generate(n, seed, vectors, settings)
        times: dict[str, dict[str, float]] = {}
        exports = []
        timed_fuse(copy.deepcopy(analyses[:200]), settings)   # load models and lexicons outside the timing
        for master in masters:
            mapper = None if master == "none" else spark_mapper(master)
            if mapper is not None:
                mapper.map(lambda _, b: b, [0, 1])   # start the session and its workers outside the timing
            states: list[Any] = []
            times[master] = timed_fuse(copy.deepcopy(analyses), settings, state_out=states, mapper=mapper)
            exports.append(to_dict(states[0].corpus))
            if mapper is not None:
                spark_session(master).stop()   # the next master needs a session of its own
        same = all(e == exports[0] for e in exports)
        print(f"# {n:,} documents, fuse seconds per step on Spark (export identical across masters: {same})")
        # the speed-up compares the first and last Spark masters (more cores); "none" is only a baseline
        spark = [m for m in masters if m != "none"] or masters
        first, last = spark[0], spark[-1]
        print(f"{'step':42s}" + "".join(f"{m:>12s}" for m in masters) + f"   {first} / {last}")
        for step in times[masters[0]]:
            row = [times[m][step] for m in masters]
            print(f"{step:42s}" + "".join(f"{t:12.2f}" for t in row)
                  + f"   {times[first][step] / max(times[last][step], 1e-9):.2f}x")
        total = [sum(times[m].values()) for m in masters]
        ratio = sum(times[first].values()) / max(sum(times[last].values()), 1e-9)
        print(f"{'total':42s}" + "".join(f"{t:12.2f}" for t in total) + f"   {ratio:.2f}x", flush=True)


def articles_share(paths: list[str], workers: int = 1, keep: str = "") -> None:
    """Fuse against per-document analysis on real articles (the issue's "fuse <= 25 % of per-document analysis"):
    the articles under ``paths`` (distinct by content, as ``storyline analyze`` reads them) go through the
    per-document stages (``storyline.engine.local.analyze_all``, ``workers`` processes), then through the
    fuse steps one by one; CPU seconds of this process and its workers for each, models loaded beforehand.
    ``keep``: a pickle of the analyses, written after analysing (read instead of analysing when it exists,
    to time fuse alone again)."""
    import copy
    import pickle

    from storyline.engine.local import analyze_all
    from storyline.ingest import read_paths
    from storyline.model import IngestError

    settings = Settings(workers=workers)
    docs, seen = [], set()
    for item in read_paths(paths, settings):
        if not isinstance(item, IngestError) and item.id not in seen:
            seen.add(item.id)
            docs.append(item)

    def cpu() -> float:   # this process and its finished workers
        own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime

    # load the pipelines' models and lexicons outside the timing: a spread of the articles, analysed and fused
    kept = keep and Path(keep).exists()
    sample = docs[::max(1, len(docs) // 24)]
    if kept:
        with open(keep, "rb") as fh:
            analyses, analysis = pickle.load(fh)   # noqa: S301 (a file this function wrote)
        warm = copy.deepcopy(analyses[::max(1, len(analyses) // 24)])
    else:
        warm = [a for a in analyze_all(sample, Settings(), None) if isinstance(a, DocAnalysis)]
    timed_fuse(copy.deepcopy(warm), settings)
    t0, c0 = time.perf_counter(), cpu()
    if not kept:
        analyses = [a for a in analyze_all(docs, settings, None) if isinstance(a, DocAnalysis)]
        analysis = cpu() - c0
        if keep:
            with open(keep, "wb") as out:
                pickle.dump((analyses, analysis), out)
    wall = time.perf_counter() - t0
    steps: dict[str, float] = {}
    timed_fuse(analyses, settings, lambda name, s, c: steps.__setitem__(name, c))
    fuse_cpu = sum(steps.values())
    failed = "read from --keep" if kept else f"{len(docs) - len(analyses)} failed"
    print(f"# {len(analyses)} distinct articles ({failed}), {workers} worker(s); "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'per-document analysis':42s}{analysis:9.2f} CPU-s  ("
          + ("as measured when --keep was written, " if kept else f"{wall:.1f} s wall, ")
          + f"{len(analyses) / max(analysis, 1e-9):.1f} articles per CPU-s)")
    for name, c in steps.items():
        print(f"  {name.removeprefix('storyline.fuse.'):40s}{c:9.2f} CPU-s  {100 * c / max(analysis, 1e-9):5.1f} %")
    print(f"{'fuse':42s}{fuse_cpu:9.2f} CPU-s  {100 * fuse_cpu / max(analysis, 1e-9):5.1f} % of per-document analysis",
          flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="comma-separated corpus sizes")
    ap.add_argument("--full", action="store_true", help=f"add {FULL_SIZE:,} documents to the sizes")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds per size (generation included)")
    ap.add_argument("--plus", type=int, default=PLUS, help="documents added to the largest size (0: skip)")
    ap.add_argument("--vectors", default="synthetic", choices=("synthetic", "embedder", ""),
                    help="lead vectors: synthetic (known similarity structure), the configured embedder over the "
                         "generated leads, or none")
    ap.add_argument("--json", help="also write the results here")
    ap.add_argument("--spark", help="comma-separated Spark masters (local[1],local[2]; none: in process): fuse each "
                                    "size on each, its per-block work through storyline.engine.spark.spark_mapper")
    ap.add_argument("--batch", type=int, default=BATCH,
                    help="sizes above this are generated into a store and fused in batches of this many, as "
                         "storyline.engine.local.fuse_store(batch=...) fuses them (0: every size in memory)")
    ap.add_argument("--articles", nargs="+", metavar="PATH",
                    help="instead: analyse these real articles (files, folders) and compare fuse with per-document "
                         "analysis, in CPU seconds per fuse step")
    ap.add_argument("--workers", type=int, default=1, help="worker processes of --articles' per-document analysis")
    ap.add_argument("--keep", default="", help="--articles: pickle the analyses here, or read them from it if it "
                                               "exists (its per-document CPU seconds with them)")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child is not None:
        child(args.child, args.seed, args.plus, args.vectors, args.batch)
        return 0
    if args.articles:
        articles_share(args.articles, args.workers, args.keep)
        return 0
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()} | ({FULL_SIZE} if args.full else set()))
    if args.spark:
        spark_compare(sizes, [m.strip() for m in args.spark.split(",") if m.strip()], args.seed, args.vectors)
        return 0
    settings = Settings()
    from storyline.fuse import fuse_pipeline

    steps = [p.name for p in fuse_pipeline(settings)]
    results = []
    for n in sizes:
        res = run_size(n, args.seed, args.plus if n == sizes[-1] else 0, args.timeout, args.vectors, args.batch)
        results.append(res)
        print(f"# {n:,} documents: generated in {res.gen_seconds or 0:.1f} s ({res.info}); fuse "
              + (f"{res.total:.1f} s" if res.total is not None else f"over {args.timeout:.0f} s"), flush=True)
    steps += list(dict.fromkeys(name for r in results for name in r.steps if name not in steps))
    print()
    print(table(results, steps))
    if any(r.cpu for r in results):   # the cores are often shared: CPU seconds give the exponent load does not bend
        print("\nCPU seconds of the fusing process (the fuse steps timed in full):")
        print(table([Result(r.n, steps=r.cpu_steps, total=r.cpu, peak_mb=r.peak_mb, timed_out=r.timed_out)
                     for r in results], [s for s in steps if any(s in r.cpu_steps for r in results)]))
    for r in results:
        if r.batches:   # the high-water mark after each batch: flat when a batch's memory does not grow with the store
            print(f"# {r.n:,}: peak RSS after each batch (MB): "
                  + ", ".join(f"{b['hwm_mb']:.0f}" for b in r.batches)
                  + "; seconds per batch: " + ", ".join(f"{b['seconds']:.0f}" for b in r.batches))
    last = results[-1]
    print()
    if last.plus and last.total is not None:
        p = last.plus
        parts = ", ".join(f"{k} {v:.2f}" for k, v in p["update_parts"].items())
        if p.get("update_cpu_parts"):
            parts += "; CPU-s: " + ", ".join(f"{k} {v:.2f}" for k, v in p["update_cpu_parts"].items())
        print(f"adding {args.plus} documents to {last.n:,} (incremental fuse, storyline.store.incremental):\n"
              f"  store their analyses {p['store_new']:.2f} s, incremental fuse {p['update']:.2f} s ({parts});\n"
              f"  scope {p['scope']};\n"
              + (f"  outputs: export.json streamed from the store {p['export']:.2f} s with its row cache "
                 f"({p['export_uncached']:.2f} s without; {p['export_base']:.2f} s for the base), report.html "
                 f"{p['report']:.2f} s (grow with the corpus); " if "export" in p else "  ")   # not timed batched
              + f"peak RSS {p['peak_mb']:.0f} MB;\n"
              f"  the same {args.plus} documents alone, stored and fully fused: {p['alone']:.2f} s "
              f"(ratio {(p['store_new'] + p['update']) / p['alone']:.2f}; in CPU seconds "
              f"{p.get('update_cpu', 0):.2f} / {p.get('alone_cpu', 0):.2f} = "
              f"{p.get('update_cpu', 0) / max(p.get('alone_cpu', 0), 1e-9):.2f}; with the outputs "
              f"{(p['store_new'] + p['update'] + p.get('export', 0) + p.get('report', 0)) / p['alone']:.2f}); "
              f"full fuse of {last.n:,}: {last.total:.2f} s"
              + (f";\n  writing the {last.n:,}-document store and its fuse index once: {p['write_base']:.2f} s"
                 if "write_base" in p else ""))
    elif args.plus:
        print(f"adding {args.plus} documents to {last.n:,}: not measured (the base fuse did not finish)")
    if args.json:
        Path(args.json).write_text(json.dumps([r.__dict__ for r in results], indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
