"""State institutions as actors of their own: "the central bank", "parliament", "the army", "Congress".

The news names most institutions by a common noun. Resolution leaves such a phrase an unnamed group (with the
country a demonym or a possessor gives it) or an organisation with no country, and the fuse stage would fold a
state's group into the state. An institution is neither: it is an actor of one country, with a sector, and
every mention of it, in any article, is that one actor. ``mark_institutions`` reads the kind of each such
organisation from its words (``data/institution_kinds.yaml``: "Brazil's central bank", "the Defence
Ministry", "Ministry of Foreign Affairs of Peru"), takes its country from the phrase, else from the entity,
else from the country the article is plainly about, and gives it an identity: the knowledge-base institution
of that country and kind when there is one ("Central Bank of Brazil"), else ``inst:<country>:<kind>``.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from storyline.data import load
from storyline.model import Entity, Mention
from storyline.resolve.kb import KB
from storyline.resolve.names import fold

__all__ = ["INSTITUTION_PREFIX", "MIN_ARTICLE_COUNTRY_MENTIONS", "MIN_ARTICLE_COUNTRY_SHARE", "Institution",
           "article_country", "institution_identity", "institution_kind", "mark_institutions"]

#: the article is plainly about one country when that country holds this share of its country-bearing
#: mentions of places and peoples ("Congress" in a story about Ukraine told from Washington is no guess to make)
MIN_ARTICLE_COUNTRY_SHARE = 0.7
#: ... and this many of them
MIN_ARTICLE_COUNTRY_MENTIONS = 2
#: the id of an institution the knowledge base does not hold: ``inst:<country>:<kind>`` (no KB entry behind it,
#: so the name rules still compare it with the organisations of the corpus)
INSTITUTION_PREFIX = "inst:"
#: knowledge-base sectors of state institutions (a firm or an IGO named "... Bank" is not one)
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD"})


@functools.lru_cache(maxsize=4)
def _kinds(extra_paths: tuple[str, ...] = ()) -> tuple[dict[str, str], dict[str, tuple[str, str]], frozenset[str]]:
    """(folded name → kind, kind → (label, sector), folded modifiers)."""
    data = load("institution_kinds", extra_paths)
    names = {fold(n): kind for kind, k in data["kinds"].items() for n in k["names"]}
    info = {kind: (k["label"], k["sector"]) for kind, k in data["kinds"].items()}
    return names, info, frozenset(fold(m) for m in data.get("modifiers") or [])


def institution_kind(name: str, kb: KB) -> tuple[str, str | None] | None:
    """(kind, the country the phrase names) of an institution's name ("Brazil's central bank" → ("central_bank",
    "BRA"), "the Defence Ministry" → ("defence_ministry", None)), or None for any other name."""
    names = _kinds()[0]
    kept, country = _core(name, kb)
    kind = names.get(" ".join(kept))
    return (kind, country) if kind else None


def _core(name: str, kb: KB) -> tuple[list[str], str | None]:
    """(the folded words of a name without "the", country words and modifiers, the country they name)."""
    modifiers = _kinds()[2]
    words = fold(re.sub(r"['’]s\b", "", name)).split()
    if words[:1] == ["the"]:
        words = words[1:]
    country = None
    kept: list[str] = []
    i = 0
    while i < len(words):
        pair = kb.country_of(" ".join(words[i:i + 2])) if i + 1 < len(words) else None
        if pair:
            country, i = country or pair, i + 2
            continue
        one = kb.country_of(words[i])
        if one:
            country, i = country or one, i + 1
            continue
        if words[i] not in modifiers:
            kept.append(words[i])
        i += 1
    # "Central Bank of Brazil", "Ministry of Defence of the Republic": the "of" the country stood behind
    while kept and kept[-1] in ("of", "the"):
        kept.pop()
    return kept, country


def _kb_institutions(kb: KB) -> dict[tuple[str, str], str]:
    """(country, kind) → the id of the knowledge-base institution of that kind ("US Congress": legislature)."""
    return kb.derived("institutions", _build_kb_institutions)


def _build_kb_institutions(kb: KB) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for e in kb.entries.values():
        if e.type != "ORG" or not e.country or e.sector not in STATE_SECTORS:
            continue
        for n in (e.name, *e.aliases):
            found = institution_kind(n, kb)
            if found is None and e.sector == "GOV" and _core(n, kb) == (["bank"], e.country):
                # a state's "Bank of Japan", "Bank of Mexico": its central bank
                found = ("central_bank", e.country)
            if found and found[1] in (None, e.country):
                out.setdefault((e.country, found[0]), e.kb_id)
    return out


@dataclass(frozen=True)
class Institution:
    """A country's institution of one kind as an actor: its identity, name, country and sector."""

    kb_id: str
    name: str
    country: str
    sector: str


def institution_identity(country: str, kind: str, kb: KB) -> Institution:
    """The actor a country's institution of ``kind`` is (``country``: an ISO code): the knowledge-base institution of
    that country and kind when there is one ("Central Bank of Brazil"), else ``inst:<country>:<kind>`` named
    "<label> of <country>" ("Police of Albania")."""
    label, sector = _kinds()[1][kind]
    identity = _kb_institutions(kb).get((country, kind))
    entry = kb.entries.get(identity) if identity else None
    if entry is not None:
        return Institution(entry.kb_id, entry.name, country, entry.sector or sector)
    return Institution(f"{INSTITUTION_PREFIX}{country}:{kind}", f"{label} of {kb.country_name(country)}", country,
                       sector)


def article_country(mentions: list[Mention], entities: list[Entity]) -> str | None:
    """The country an article is plainly about: the one its places and peoples name most, when it holds
    ``MIN_ARTICLE_COUNTRY_SHARE`` of those mentions and at least ``MIN_ARTICLE_COUNTRY_MENTIONS``."""
    by_id = {e.id: e for e in entities}
    votes: Counter[str] = Counter()
    for m in mentions:
        e = by_id.get(m.entity or "")
        if e is not None and e.country and e.type in ("GPE", "NORP"):
            votes[e.country] += 1
    if not votes:
        return None
    top, n = votes.most_common(1)[0]
    return top if n >= MIN_ARTICLE_COUNTRY_MENTIONS and n >= MIN_ARTICLE_COUNTRY_SHARE * sum(votes.values()) else None


def mark_institutions(mentions: list[Mention], entities: list[Entity], kb: KB) -> tuple[list[Mention], list[Entity]]:
    """``mentions`` and ``entities`` with every institution named by its kind made an actor of its own.

    An organisation (named or an unnamed group) with no knowledge-base id whose name is of an institution kind
    and whose country is known gets the country, the kind's sector and an identity (see the module doc); two
    entities of one article that get one identity become one, the first keeping its id.
    """
    home = None
    home_read = False
    by_identity: dict[str, Entity] = {}
    renamed: dict[str, str] = {}
    kept: list[Entity] = []
    for e in entities:
        found = None
        if e.type == "ORG" and not e.kb_id:
            found = next((k for n in dict.fromkeys([e.name, *e.aliases]) if (k := institution_kind(n, kb))), None)
        if found is None:
            kept.append(e)
            continue
        kind, named = found
        country = named or e.country
        if country is None:
            if not home_read:
                home, home_read = article_country(mentions, entities), True
            country = home
        if country is None:
            kept.append(e)
            continue
        made = institution_identity(country, kind, kb)
        known = made.kb_id in kb.entries
        e.kb_id = made.kb_id
        # a name the text gives keeps its words for the name rules across articles ("Interior Ministry" ~
        # "French Interior Ministry"); an unnamed group gets one
        e.name = made.name if known or e.generic else e.name
        e.country, e.sector, e.generic = country, made.sector, False
        first = by_identity.get(e.kb_id)
        if first is None:
            by_identity[e.kb_id] = e
            kept.append(e)
            continue
        first.mentions = sorted([*first.mentions, *e.mentions], key=lambda s: s.start)
        first.aliases += [a for a in e.aliases if a not in first.aliases]
        renamed[e.id] = first.id
    if renamed:
        for m in mentions:
            if m.entity in renamed:
                m.entity = renamed[m.entity]
    return mentions, kept
