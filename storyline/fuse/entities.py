"""Cross-document entity merging: document-local entities → global entities ``e1``, ``e2``, ….

Two local entities merge when
- they link to the same knowledge-base entry; or
- they are people whose names are spelling/transliteration variants (same surname key, or same
  consonants one vowel apart; compatible given names or initials) and whose countries do not
  conflict; a surname-only entity joins the one full-name person with that surname, using
  shared country and co-occurring actors to choose when several exist (else it stays apart); or
- they are organisations/events/places with the same name key (content words), a shared alias,
  an acronym that spells the other's name, or (for long names with the same head word) one
  name's words contained in the other's ("St. Petersburg Economic Forum" ⊂ "St. Petersburg
  International Economic Forum").
Merging never joins two different KB entries or two different known countries.

That is the rule merge (``Settings.entity_matcher='rules'``, the baseline). The default, 'trained', starts
from its groups and joins the pairs a trained matcher scores high (``storyline.fuse.entity_matcher``).

Names the knowledge base does not know keep one entity whatever type NER gave each mention: the
small English model calls an unfamiliar country a person in one article and an organisation in the
next. Same-named organisations, places and demonyms merge across types; a one-word "person" joins
them only when the corpus also uses a demonym made from that name ("Meravian", read as anything
but a person, beside "Meravia"), which makes the name a place, typed GPE.
"""
from __future__ import annotations

import functools
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from storyline.config import Settings
from storyline.data import load
from storyline.fuse import description_links, entity_matcher
from storyline.fuse.entity_aliases import add_standard_aliases
from storyline.model import DocAnalysis, Entity, Span
from storyline.nlp.quantities import singular
from storyline.resolve.institutions import INSTITUTION_PREFIX
from storyline.resolve.kb import KB, foreign_country_names, load_kb
from storyline.resolve.names import (
    ADDRESS_TITLES,
    acronym_key,
    acronym_letters,
    acronym_of,
    blocking_keys,
    capital_initials,
    content_words,
    every_initial,
    expanded_otherwise,
    fold,
    generation,
    is_acronym_for,
    looks_like_acronym,
    persons_match,
    split_person,
    surname_key,
    surnames_match,
)

LOGGER = logging.getLogger(__name__)

#: Shortest org/event name (content words) for the subset rule; shorter names collide
#: ("Economic Forum" ⊂ many forums).
MIN_SUBSET_WORDS = 3
#: Types NER confuses for one unfamiliar name ("Meravia" as ORG here, GPE there, LOC elsewhere).
_CONFUSABLE_TYPES = frozenset({"ORG", "GPE", "LOC", "NORP", "FAC"})
#: Endings that make a demonym of a place name: Meravia-n, Kenya-n, Uzbekistan-i, Iran-ian, Sudan-ese.
_DEMONYM_ENDINGS = ("n", "an", "ian", "i", "ese")


#: Types whose names may name the country a body belongs to ("Ministry of Defence of Latvia")
_ORG_TYPES = ("ORG", "EVENT", "MISC")


@functools.lru_cache(maxsize=65536)
def _name_countries(name: str) -> frozenset[str]:
    """``entity_matcher.named_countries`` of one name, cached: a body's name comes back in every article. Only the
    country words written as such: a cannot-link on an inflected reading split "Indiana University" from its "IU"
    of the United States."""
    return entity_matcher.named_countries((name,), inflected=False)


def _countries_of(e: Entity) -> frozenset[str]:
    """The country an entity is given and, of an organisation, those its name names: "Ministry of Defence of
    Latvia" and "Ministry of Defence of Estonia" are two bodies though neither was given a country."""
    named = _name_countries(e.name) if e.type in _ORG_TYPES else frozenset()
    return named | {e.country} if e.country else named


class _Groups:
    """Union-find over local entities that refuses to join different KB entries or countries (given, or named by
    an organisation's name)."""

    def __init__(self, ents: list[Entity]) -> None:
        self.parent = list(range(len(ents)))
        self.kb = [e.kb_id for e in ents]
        self.country = [e.country for e in ents]
        self.countries = [_countries_of(e) for e in ents]
        # father and son share a name: "Jr." and "Sr." (or "III") never meet in one group
        self.generation = [_generation_of(e) for e in ents]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def compatible(self, i: int, j: int) -> bool:
        a, b = self.find(i), self.find(j)
        if self.kb[a] and self.kb[b] and self.kb[a] != self.kb[b]:
            return False
        if self.generation[a] and self.generation[b] and self.generation[a] != self.generation[b]:
            return False
        if self.countries[a] and self.countries[b] and not self.countries[a] & self.countries[b]:
            return False
        return not (self.country[a] and self.country[b] and self.country[a] != self.country[b])

    def union(self, i: int, j: int) -> bool:
        a, b = self.find(i), self.find(j)
        if a == b:
            return True
        if not self.compatible(a, b):
            return False
        self.bind(a, b)
        return True

    def bind(self, i: int, j: int) -> None:
        """Join whatever the cannot-links say: two parts of one entity a store already holds (``union`` joins
        through here once the cannot-links allow it, so the group's KB id, country and generation follow alike)."""
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[b] = a
            self.kb[a] = self.kb[a] or self.kb[b]
            self.country[a] = self.country[a] or self.country[b]
            self.countries[a] = self.countries[a] or self.countries[b]
            self.generation[a] = self.generation[a] or self.generation[b]


def _regrouped(ents: list[Entity], roots: list[int]) -> _Groups:
    """The groups ``roots`` gives, as they were decided (a group a store bound may hold what a union refuses)."""
    groups = _Groups(ents)
    for i, r in enumerate(roots):
        groups.bind(r, i)
    return groups


def _generation_of(e: Entity) -> str | None:
    """A person's generation suffix ('junior' for "Jr."), from any of its names."""
    if e.type != "PERSON":
        return None
    return next((g for n in [e.name, *e.aliases] if (g := generation(n))), None)


def _person_names(e: Entity) -> list[str]:
    """Full names (with a given name or initial) among an entity's name and aliases."""
    return [n for n in [e.name, *e.aliases] if split_person(n)[0]]


def _surname(e: Entity) -> str:
    names = _person_names(e) or [e.name]
    return split_person(max(names, key=len))[1]


def _first_start(e: Entity, doc: str) -> int:
    """Where an entity is first mentioned in a document (-1: nowhere there)."""
    return min((m.start for m in e.mentions if m.doc == doc), default=-1)


def _merge_people(ents: list[Entity], idx: list[int], groups: _Groups, doc_of: list[str],
                  names_in_doc: dict[str, set[str]], also_in: Mapping[int, Collection[str]] | None = None) -> None:
    names = {i: _person_names(ents[i]) for i in idx}
    surname = {i: _surname(ents[i]) for i in idx}
    # the articles each name's copies are in (the certain merges made before: one spelling, many articles; a copy
    # standing for others, ``_copies``, is in theirs too)
    copies_in: dict[int, set[str]] = defaultdict(set)
    for x in range(len(ents)):
        copies_in[groups.find(x)].add(doc_of[x])
    for x, docs in (also_in or {}).items():
        copies_in[groups.find(x)].update(docs)
    # read before this function's own unions: a full name's copies, not what the lone names joined to it since
    root_before = {i: groups.find(i) for i in idx}
    # a popular surname is written the same way by hundreds of representatives: each pair of spellings
    # is compared once
    person_pairs: dict[tuple[str, str], bool] = {}
    surname_pairs: dict[tuple[str, str], bool] = {}

    def same_surname(a: str, b: str) -> bool:
        if (a, b) not in surname_pairs:
            surname_pairs[(a, b)] = surnames_match(a, b)
        return surname_pairs[(a, b)]

    def join_if_same(a: int, b: int) -> None:
        # a pair already joined, or one the union would refuse, needs no comparison of names
        if groups.find(a) == groups.find(b) or not groups.compatible(a, b):
            return
        for x in names[a]:
            for y in names[b]:
                if (x, y) not in person_pairs:
                    person_pairs[(x, y)] = persons_match(x, y)
                if person_pairs[(x, y)]:
                    groups.union(a, b)
                    return

    buckets: dict[str, list[int]] = defaultdict(list)
    for i in idx:
        # blocking_keys: Шмигаль and Shmyhal, Сальседо and Salcedo, Менсахом and Mensah meet
        for key in blocking_keys(surname[i]) if surname[i] else ("",):
            buckets[key].append(i)
    # "Yamamoto Haruki" ~ "Haruki Yamamoto": two-word names also meet under their unordered word keys
    pairs: dict[frozenset[str], list[int]] = defaultdict(list)
    for i in idx:
        for n in names[i]:
            # "Dr Hiroshi Sato" ~ "Sato Hiroshi": a title of address is not a word of the name
            words = [w for w in n.split() if fold(w) not in _HONORIFIC_WORDS]
            if len(words) == 2:
                pairs[frozenset(surname_key(w) for w in words)].append(i)
                break
    for members in pairs.values():
        for a_pos, a in enumerate(members):
            for b in members[a_pos + 1:]:
                join_if_same(a, b)
    for members in buckets.values():
        full = [i for i in members if names[i]]
        single = [i for i in members if not names[i]]
        for a_pos, a in enumerate(full):
            for b in full[a_pos + 1:]:
                join_if_same(a, b)
        full_by_surname: dict[str, list[int]] = defaultdict(list)
        for f in full:
            full_by_surname[surname[f]].append(f)
        for s in single:
            matching = [f for sn, fs in full_by_surname.items() if same_surname(ents[s].name, sn) for f in fs]
            # a full name its own article introduces after the lone name is another person: an article names the
            # person it calls "Mr Nystrom" before it ("Mr Nystrom" ... "the harbour master, Eva Nyström"); so is one
            # named before it that the article's resolver left apart and no other article names ("Mr Brannock"
            # after "a surgeon, Dr Ruth Brannock", beside the Paul Brannock of the other articles): the co-occurring
            # names below would favour that namesake over the person of the other articles
            here = doc_of[s]
            own: set[int] = set()
            for f in matching:
                if doc_of[f] != here:
                    continue
                g = groups.find(f)
                if _first_start(ents[f], here) > _first_start(ents[s], here) or all(
                        copies_in[root_before[x]] == {here} for x in full if groups.find(x) == g):
                    own.add(g)
            cands = {g for f in matching if groups.compatible(s, f) and (g := groups.find(f)) not in own}
            if len(cands) > 1 and ents[s].country:
                cands = {g for g in cands if groups.country[g] == ents[s].country} or cands
            if len(cands) > 1 and (role := _role_phrase(ents[s].role)):
                # "Minister Sato" is the Sato who is a minister, not the doctor of the same surname
                cands = {g for g in cands if any(groups.find(f) == g and _roles_fit(role, _role_phrase(ents[f].role))
                                                 for f in matching)} or cands
            if len(cands) > 1:
                # co-occurring actors: the person whose documents share the most names with this one's
                mine = names_in_doc[doc_of[s]]
                near: dict[int, set[str]] = defaultdict(set)
                for f in full:
                    if (g := groups.find(f)) in cands:
                        near[g] |= names_in_doc[doc_of[f]]
                score = {g: len(mine & near[g]) for g in cands}
                top = max(score.values())
                cands = {g for g in cands if score[g] == top} if top else cands
            if len(cands) == 1:
                groups.union(next(iter(cands)), s)
            elif not cands and not matching:
                for t in single:
                    if t != s and same_surname(ents[s].name, ents[t].name) and groups.find(t) != groups.find(s):
                        groups.union(t, s)


def _names_match(a: Entity, b: Entity) -> bool:
    na, nb = [a.name, *a.aliases], [b.name, *b.aliases]
    if {fold(x) for x in na} & {fold(x) for x in nb}:
        return True
    if content_words(a.name) and content_words(a.name) == content_words(b.name):
        return True
    for x in na:
        for y in nb:
            if (looks_like_acronym(x) and is_acronym_for(x, y) and not expanded_otherwise(x, y, na)) or \
                    (looks_like_acronym(y) and is_acronym_for(y, x) and not expanded_otherwise(y, x, nb)):
                return True
    if a.type in ("ORG", "EVENT") and b.type == a.type:
        wa, wb = content_words(a.name), content_words(b.name)
        small, big = sorted((wa, wb), key=len)
        if len(small) >= MIN_SUBSET_WORDS and small <= big and \
                fold(a.name).split()[-1:] == fold(b.name).split()[-1:]:
            return True
    return False


def _signature(e: Entity) -> tuple:
    return (e.type, e.kb_id, e.country, fold(e.name), frozenset(fold(a) for a in e.aliases))


def _representatives(ents: list[Entity], idx: list[int], groups: _Groups) -> list[int]:
    """Join entities that are written identically (the same actor in many articles) and keep one each.

    The pairwise rules below then compare distinct spellings, not every article's copy: the
    cost grows with the number of distinct names, not with the corpus (a 2,000-article story
    names its main actors 2,000 times).
    """
    first: dict[tuple, int] = {}
    for i in idx:
        sig = _signature(ents[i])
        if sig in first:
            groups.union(first[sig], i)
        else:
            first[sig] = i
    return list(first.values())


#: Words a company's name may add or drop without naming another company ("Ford Motor Co." ~ "Ford Motor").
_CORPORATE = frozenset({"co", "inc", "ltd", "llc", "plc", "corp", "corporation", "company", "group", "holdings",
                        "holding", "sa", "ag", "gmbh", "limited", "technology", "technologies", "international",
                        "the", "union",
                        # legal forms of other countries' company law ("Sinar Jaya Holdings Berhad", "PT Astra
                        # International Tbk", "Grupo Norte S.A.B.", "Vale Ltda")
                        "berhad", "bhd", "sdn", "tbk", "pt", "pty", "ltda", "sab", "spa", "srl", "sarl", "sas",
                        "nv", "bv", "ab", "oy", "oyj", "asa", "kk", "jsc", "pjsc", "ojsc", "llp", "lp", "pte",
                        "pvt", "se", "kg", "kgaa", "cv", "sl"})


#: Languages whose names of countries (pycountry's translations of ISO 3166) an organisation's own name may hold
#: ("Banco de España", "Banque du Liban", "Türkiye Cumhuriyet Merkez Bankası")
_NAME_LANGUAGES = ("es", "fr", "pt", "it", "de", "nl", "pl", "cs", "ro", "sv", "tr", "id")
#: Shortest foreign country name read ("Fas", Turkish for Morocco, is a word of too many names)
_MIN_FOREIGN_COUNTRY = 4


def _country_word(words: list[str], i: int, kb: KB) -> tuple[str | None, int]:
    """(the country named by the folded words from ``i`` — in English, a demonym, or another language's name —,
    how many words name it)."""
    foreign = foreign_country_names(_NAME_LANGUAGES, _MIN_FOREIGN_COUNTRY)
    for n in (3, 2, 1):
        if i + n > len(words):
            continue
        phrase = " ".join(words[i:i + n])
        code = kb.country_of(phrase) or foreign.get(phrase)
        if code:
            return code, n
    return None, 1


def _org_keys(e: Entity, kb: KB) -> tuple[frozenset[str], tuple[str, ...], frozenset[str], bool]:
    """(content words without country words, folded words without corporate suffixes, content words with the
    country they name, whether a word was read in another language) of an organisation: "the Chinese foreign
    ministry" and "Foreign Ministry" share the first when their countries agree, "Huaxin New Energy Technology
    Co." and "Huaxin New Energy" the second, "Banco de España" and "Bank of Spain" the third ({bank, @ESP}). The
    content words are glossed into English word by word, so a body named in its own language meets its English
    name ("Supremo Tribunal Federal" ~ "Supreme Federal Court")."""
    words = content_words(e.name)
    glossed = {w: entity_matcher.gloss(w) or w for w in words if w not in entity_matcher.FOREIGN_STOP}
    no_country = frozenset(g for w, g in glossed.items() if not kb.country_of(w))
    core = tuple(w for w in fold(e.name).split() if w not in _CORPORATE)
    # a subsidiary named by its country after the brand ("Ubuntu Mining South Africa" ~ "Ubuntu Mining SA"): the
    # brand is the core; the country a name holds keeps two countries' subsidiaries apart (``_Groups``)
    for n in (3, 2, 1):
        if len(core) - n >= 2 and core[-n - 1] not in _NAME_FUNCTION_WORDS and kb.country_of(" ".join(core[-n:])):
            core = core[:-n]
            break
    # the country a name holds, read in any of the languages above, and the words beside it
    folded = [w for w in fold(re.sub(r"['’]s\b", "", e.name)).split() if w != "the"]
    codes, rest = _countries_and_words(folded, kb, glossed.get)
    with_country = frozenset(rest | {"@" + next(iter(codes))}) if len(codes) == 1 and rest else frozenset()
    foreign = any(g != w for w, g in glossed.items())
    return (no_country if len(no_country) >= 2 else frozenset()), core, with_country, foreign


#: Words one form of a state body's name adds and another drops ("Ministerio de Defensa Nacional" ~ "Defence
#: Ministry", "National Electoral Commission" ~ "Electoral Commission" of the same country)
_OPTIONAL_ORG_WORDS = frozenset({"national", "federal", "state", "republic"})


def _bare_key(no_country: frozenset[str]) -> frozenset[str]:
    """The content-word key without the words a body's name may drop, when that leaves two or more words."""
    bare = no_country - _OPTIONAL_ORG_WORDS
    return bare if len(bare) >= 2 and bare != no_country else frozenset()


def _merge_org_keys(ents: list[Entity], reps: list[int], groups: _Groups, kb: KB) -> None:
    """Organisations that agree on a key (see ``_org_keys``), and a one-word name that is the distinctive
    word of exactly one longer organisation name ("Meridian" ~ "Meridian Pipeline Holdings", "Tolosa" ~
    "Real Club Deportivo Tolosa"). A name read in another language also meets a knowledge-base organisation
    by those keys ("Communauté économique des États de l'Afrique de l'Ouest" ~ ECOWAS's English name), as the
    knowledge base lists a body by its English names. Dictionaries, not pairs: the cost grows with the names."""
    heads = set(kb.lexicon.get("org_heads", [])) | set(kb.lexicon.get("business_heads", [])) | \
        set(kb.lexicon.get("media_heads", [])) | _CORPORATE | {"club", "football", "bank", "board"}
    first: dict[tuple, int] = {}
    known: dict[tuple, int] = {}
    by_word: dict[str, set[int]] = defaultdict(set)
    singles: list[int] = []
    orgs = [i for i in reps if ents[i].type in ("ORG", "EVENT", "MISC")]
    keyed = {i: _org_keys(ents[i], kb) for i in orgs}
    for i in orgs:
        kb_id = ents[i].kb_id
        if kb_id and not kb_id.startswith(INSTITUTION_PREFIX):
            no_country, _, with_country, _ = keyed[i]
            for kb_key in ((0, no_country), (2, with_country)):
                if kb_key[1]:
                    known.setdefault(kb_key, i)
    for i in orgs:
        e = ents[i]
        # an institution the KB does not hold ("inst:FRA:interior_ministry") still meets its other names here
        if e.kb_id and not e.kb_id.startswith(INSTITUTION_PREFIX):
            continue
        no_country, core, with_country, foreign = keyed[i]
        keys: list[tuple[int, frozenset[str] | tuple[str, ...]]] = [
            (0, no_country), (1, core if len(core) >= 2 else ()), (2, with_country), (0, _bare_key(no_country))]
        for key in keys:
            if not key[1]:
                continue
            if foreign and key[0] != 1 and key in known and groups.compatible(known[key], i):
                groups.union(known[key], i)
            if key in first:
                if groups.compatible(first[key], i):
                    groups.union(first[key], i)
            else:
                first[key] = i
        words = fold(e.name).split()
        if len(words) == 1:
            singles.append(i)
        else:
            for w in content_words(e.name):
                if len(w) >= 4 and w not in heads and not kb.country_of(w):
                    by_word[w].add(i)
    for i in singles:
        owners = {groups.find(j) for j in by_word.get(fold(ents[i].name), ())}
        if len(owners) == 1:
            groups.union(next(iter(owners)), i)


def _candidate_pairs(ents: list[Entity], members: list[int]) -> list[tuple[int, int]]:
    """Every pair of ``members`` that ``_names_match`` may accept, found by blocking keys instead of by
    trying all pairs: a shared folded name, the same content words, an acronym against the initials of a
    name, and for the subset rule the names holding the rarest word of a short name (with its type and
    last word). A superset of the matching pairs, in the order the all-pairs loop meets them."""
    shared: dict[tuple, list[int]] = defaultdict(list)
    spelled: dict[tuple, list[int]] = defaultdict(list)      # name side of the acronym rule
    acronyms: dict[int, set[tuple]] = defaultdict(set)        # acronym side
    holders: dict[tuple, list[int]] = defaultdict(list)        # (type, last word, word) → names with that word
    for i in members:
        e = ents[i]
        names = [e.name, *e.aliases]
        for key in {("f", fold(x)) for x in names}:
            shared[key].append(i)
        words = content_words(e.name)
        if words:
            shared[("c", words)].append(i)
        for x in names:
            spelled[("s", "".join(sorted(acronym_of(x))))].append(i)
            spelled[("e", every_initial(x))].append(i)
            if not looks_like_acronym(x) and len(caps := capital_initials(x)) >= 3:
                spelled[("e", caps)].append(i)
            if looks_like_acronym(x):
                acr = acronym_letters(x)
                acronyms[i].add(("s", "".join(sorted(acr))))
                if len(acr) >= 3:
                    acronyms[i].add(("e", acr))
                    # the same acronym in another script (ЄЦБ ~ ЕЦБ, ЮНСИТРАЛ ~ UNCITRAL): one ``acronym_key``
                    spelled[("x", acronym_key(acr))].append(i)
                    acronyms[i].add(("x", acronym_key(acr)))
        if e.type in ("ORG", "EVENT"):
            last = fold(e.name).split()[-1:]
            for w in words:
                holders[(e.type, *last, w)].append(i)
    pairs: set[tuple[int, int]] = set()

    def add(i: int, others: list[int]) -> None:
        pairs.update((min(i, j), max(i, j)) for j in others if j != i)

    for block in shared.values():
        for pos, i in enumerate(block):
            add(i, block[pos + 1:])
    for i, keys in acronyms.items():
        for key in keys:
            add(i, spelled.get(key, []))
    for i in members:
        e = ents[i]
        words = content_words(e.name)
        if e.type in ("ORG", "EVENT") and len(words) >= MIN_SUBSET_WORDS:
            last = fold(e.name).split()[-1:]
            # a name that holds every word of this one holds its rarest
            add(i, min((holders[(e.type, *last, w)] for w in words), key=len))
    return sorted(pairs)


def merge_type(e: Entity, kb: KB | None = None) -> str:
    """The type an entity is compared under by the rule merge: organisations, events and MISC as "ORG", and so an
    acronym NER called a place ("AZRK", "MoD" typed GPE) that neither the KB nor the country names know: a place
    is seldom written in capitals, a body's short name often is, and its long form is an ORG elsewhere."""
    if e.type in ("ORG", "EVENT", "MISC"):
        return "ORG"
    if e.type in ("GPE", "LOC") and not e.kb_id and kb is not None and looks_like_acronym(e.name) and \
            not kb.country_of(e.name):
        return "ORG"
    return e.type


def _merge_others(ents: list[Entity], idx: list[int], groups: _Groups, kb: KB | None = None) -> None:
    by_type: dict[str, list[int]] = defaultdict(list)
    reps = _representatives(ents, idx, groups)
    if kb is not None:
        _merge_org_keys(ents, reps, groups, kb)
    for i in reps:
        by_type[merge_type(ents[i], kb)].append(i)
    for members in by_type.values():
        # members ascend, so the sorted candidate pairs come in the all-pairs loop's order
        for a, b in _candidate_pairs(ents, members):
            if groups.find(a) != groups.find(b) and _names_match(ents[a], ents[b]):
                groups.union(a, b)


def demonym_forms(name: str) -> set[str]:
    """The folded demonyms a place called ``name`` could have ("meravia" -> "meravian", ...)."""
    base = fold(name)
    if not base or " " in base:
        return set()
    forms = {base + end for end in _DEMONYM_ENDINGS if end != "n"}
    if base[-1] in "aeiou":
        forms.add(base + "n")
    return forms


def _place_names(ents: list[Entity]) -> set[str]:
    """Folded names of entities unknown to the KB whose demonym the corpus also uses. NER may call
    the demonym an organisation ("Valdessan" ORG), never a person: "Christian" is a given name."""
    demonyms = {fold(e.name) for e in ents if e.type != "PERSON"}
    return {fold(e.name) for e in ents if not e.kb_id and demonym_forms(e.name) & demonyms}


@functools.lru_cache(maxsize=8)
def _demonyms_of(places: frozenset[str]) -> frozenset[str]:
    return frozenset(d for p in places for d in demonym_forms(p))


def places_demonyms(places: Collection[str]) -> frozenset[str]:
    """Every demonym form of the folded place names ``places``."""
    return _demonyms_of(frozenset(places))


def _merge_across_types(ents: list[Entity], idx: list[int], groups: _Groups, places: frozenset[str]) -> None:
    """Join unknown-to-the-KB entities written alike whose types NER confused (see the module doc)."""
    first: dict[str, int] = {}
    for i in idx:
        e = ents[i]
        if e.kb_id:
            continue
        key = fold(e.name)
        one_word_place = e.type == "PERSON" and not split_person(e.name)[0] and (
            key in places or key in places_demonyms(places))
        if not key or (e.type not in _CONFUSABLE_TYPES and not one_word_place):
            continue
        if key in first:
            groups.union(first[key], i)
        else:
            first[key] = i


def _most(values: list, default=None):
    values = [v for v in values if v]
    return Counter(values).most_common(1)[0][0] if values else default


def _global(members: list[Entity], doc_rank: dict[str, int], places: Collection[str] = frozenset()) -> Entity:
    kb_ent = next((e for e in members if e.kb_id), None)
    mention_count: Counter[str] = Counter()
    for e in members:
        mention_count[e.name] += len(e.mentions)
    if kb_ent is not None:
        name = kb_ent.name
    elif _most([e.type for e in members if not e.generic] or [e.type for e in members]) == "PERSON":
        # the fullest name, spelled out rather than with an initial ("Maria K." < "Maria Kowalska"); a description
        # joined to the person is no name of theirs ("German finance minister" is longer than "Jürgen Weißmüller")
        named_count = Counter({n: c for n, c in mention_count.items()
                               if any(e.name == n and not e.generic for e in members)}) or mention_count
        name = max(named_count, key=lambda n: (len(n.split()), "." not in n, named_count[n], len(n), n))
    else:
        name = max(mention_count, key=lambda n: (not n.isupper(), mention_count[n], len(n), n))
    aliases: Counter[str] = Counter()
    for e in members:
        for a in e.aliases:
            aliases[a] += 1
    mentions: list[Span] = sorted((m for e in members for m in e.mentions),
                                  key=lambda m: (doc_rank.get(m.doc, 0), m.start))
    # a description joined to a named actor says what it is less well than the names do ("the prime minister"
    # is typed an organisation of the government)
    named = [e for e in members if not e.generic] or members
    etype = kb_ent.type if kb_ent else _most([e.type for e in named], "MISC")
    if kb_ent is None and etype != "NORP" and fold(name) in places:
        etype = "GPE"  # the corpus makes a demonym of it: a place, whatever NER called it
    elif kb_ent is None and fold(name) in places_demonyms(places):
        etype = "NORP"  # "Valdessan" beside the place "Valdessa" is its demonym, not an organisation
    return Entity(
        id="", name=name, type=etype,
        country=kb_ent.country if kb_ent and kb_ent.country else _most([e.country for e in members]),
        role=kb_ent.role if kb_ent and kb_ent.role else _most([e.role for e in members]),
        sector=kb_ent.sector if kb_ent and kb_ent.sector else _most([e.sector for e in members]),
        aliases=sorted(aliases, key=lambda a: (-aliases[a], a)), mentions=mentions,
        kb_id=kb_ent.kb_id if kb_ent else None, generic=all(e.generic for e in members))


#: Types that belong to a country (an organisation, a person, a place); events and works do not.
_OWNED_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
#: Share of the country-bearing mentions of an actor's articles the leading country must hold (0.5 and 3 mentions
#: before issue 17's dev sets: 0.4 and one mention gave country .928/.925/.910/.881 → .952/.925/.942/.926 on
#: training/entities_dev2-5, the cluster figures unchanged; a foreign actor in a one-country story is rarer than
#: a local one the text never places).
MIN_CONTEXT_SHARE = 0.4
#: ... and at least this many of those mentions.
MIN_CONTEXT_MENTIONS = 1


def _countries_from_context(ents: list[Entity]) -> None:
    """Give an actor without a country the country its articles are mostly about.

    A local official, a city or a firm the text never ties to a country is, in a story told about
    one country, most likely of that country. The count is over mentions of actors that carry a
    country (places, demonyms, institutions, placed people) in the documents the actor appears in;
    the leading country must hold ``MIN_CONTEXT_SHARE`` of them. Places, IGOs and unnamed groups are left
    alone. A guess, not a stated fact: ``Settings.entity_country_from_context`` turns it off.
    """
    per_doc: dict[str, Counter[str]] = defaultdict(Counter)
    for e in ents:
        if e.country and e.sector != "IGO":
            for m in e.mentions:
                per_doc[m.doc][e.country] += 1
    for e in ents:
        # a place without a country is foreign to the knowledge base ("Kosovo"), not the story's own
        if e.country or e.type not in _OWNED_TYPES or e.type in ("GPE", "LOC") or e.sector == "IGO" or e.generic:
            continue
        votes: Counter[str] = Counter()
        # in document order, not hash order: most_common() breaks a tie by which country was counted first
        for d in sorted({m.doc for m in e.mentions}):
            votes.update(per_doc.get(d, Counter()))
        if not votes:
            continue
        top, n = votes.most_common(1)[0]
        if n >= MIN_CONTEXT_MENTIONS and n >= MIN_CONTEXT_SHARE * sum(votes.values()):
            e.country = top


def _initials_key(name: str) -> str:
    """Initials of a full name's words, particles left in ("Ana Clara Bastos Oliveira" → "ACBO")."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    return "".join(w[0].upper() for w in words) if len(words) >= 2 else ""


def _merge_initials(ents: list[Entity], people: list[int], groups: _Groups) -> None:
    """"JBM", "ACBO": a person called by the initials of their full name, in any article of the corpus.

    A dictionary from initials to the people whose full names spell them: one look-up per
    all-capital name, no pairs.
    """
    by_initials: dict[str, set[int]] = defaultdict(set)
    for i in people:
        for n in _person_names(ents[i]):
            key = _initials_key(n)
            if len(key) >= 3:
                by_initials[key].add(i)
    if not by_initials:
        return
    for i, e in enumerate(ents):
        if e.kb_id or e.generic or e.type not in ("PERSON", "ORG", "MISC"):
            continue
        short = e.name.replace(".", "")
        if not (short.isupper() and short.isalpha() and 3 <= len(short) <= 5):
            continue
        owners = {groups.find(j) for j in by_initials.get(short, ())}
        if len(owners) == 1:
            groups.union(next(iter(owners)), i)


def _rule_groups(ents: list[Entity], doc_of: list[str], names_in_doc: dict[str, set[str]], settings: Settings,
                 places: frozenset[str], also_in: Mapping[int, Collection[str]] | None = None) -> _Groups:
    """The rule merge: KB entries, then people, initials, organisations and type-confused names (``also_in``: the
    other documents of an entity standing for its copies there, ``_copies``)."""
    groups = _Groups(ents)
    _merge_kb(ents, groups)
    # a described speaker ("a senior official") is the document's own, as an unnamed group is
    people = _representatives(ents, [i for i, e in enumerate(ents) if e.type == "PERSON" and not e.generic], groups)
    _merge_people(ents, people, groups, doc_of, names_in_doc, also_in)
    _merge_initials(ents, people, groups)
    # an unnamed group ("police") stays the document's own: two articles' police need not be one force;
    # one a country owns ("China's commerce ministry") is that country's, whichever article names it
    _merge_others(ents, [i for i, e in enumerate(ents) if e.type != "PERSON" and (not e.generic or e.country)],
                  groups, load_kb(tuple(settings.kb_paths)))
    _merge_across_types(ents, [i for i, e in enumerate(ents) if not e.generic], groups, places)
    return groups


def _merge_kb(ents: list[Entity], groups: _Groups) -> None:
    by_kb: dict[str, int] = {}
    for i, e in enumerate(ents):
        if e.kb_id:
            if e.kb_id in by_kb:
                groups.union(by_kb[e.kb_id], i)
            else:
                by_kb[e.kb_id] = i


@dataclass
class MatchProblem:
    """The trained matcher's view of a corpus: entities, the pairs it scores and their feature rows.

    ``members`` are the entities left after the certain merges (one KB entry, one spelling with one type
    and country); ``pairs`` index ``ents``.
    """
    ents: list[Entity]
    doc_of: list[str]
    members: list[int]
    pairs: list[tuple[int, int]]
    rows: list[list[float]]
    rule_root: list[int]
    infos: list[entity_matcher.Info | None]
    #: per entity, the first entity it is bound to (``merge_entities(together=...)``; empty: none bound)
    bound: list[int] = field(default_factory=list)


def _named_speaker(e: Entity, surnames: set[str], givens: Collection[str] = ()) -> bool:
    """A speaker the quote finder kept as a description whose words are a person's name: a title and
    capitalised names ("Mr Ibáñez"), or one capitalised word that is the surname of a named person of the
    corpus ("Tanabe said ..." after "Hiroshi Tanabe") or the first given name of one (``givens``: where people
    are called by their given name, "Azman said ..." after "Datuk Seri Azman bin Ismail", "Habtamu said ...")."""
    words = e.name.split()
    # a surname's particles are written in lower case ("Mr de la Fuente", "Mr al-Zuhairi")
    if not e.generic or e.kb_id or not words or not words[0][:1].isupper() or len(words) > 4 or not all(
            w[:1].isupper() or fold(w.split("-")[0]) in _NAME_PARTICLES for w in words):
        return False
    if len(words) == 1:
        return fold(e.name) in surnames or fold(e.name) in givens
    given, surname = split_person(e.name)
    # the title was dropped: what is left is fewer words than the span
    return bool(surname) and len((given + " " + surname).split()) < len(words) and fold(words[0]) != "the"


#: Lower-case words a multi-word name holds ("Frente Unido del Magdalena", "Ministry of Defence")
_NAME_FUNCTION_WORDS = frozenset({"of", "for", "and", "the", "on", "in", "de", "del", "de la", "la", "las", "los",
                                  "el", "y", "e", "do", "da", "dos", "das", "du", "des", "et", "le", "les", "di",
                                  "della", "al", "bin", "binti", "lil", "li", "wa", "ng", "van", "der", "und", "fur"})


def _capitalised_name(e: Entity, kb: KB) -> bool:
    """An unnamed group or described speaker whose words are a name: two or more words, each capitalised or a
    function word of a name ("de", "of", "al-"), at least two capitalised ones that are not a country, a demonym
    or the sentence's first word after "The" alone ("Church Leaders" at a sentence start is one such word and a
    head)."""
    if not e.generic or e.kb_id:
        return False
    words = re.sub(r"^[Tt]he\s+", "", e.name).split()
    if not 2 <= len(words) <= 8:
        return False
    caps = 0
    for w in words:
        low = fold(w.split("-")[0]) if "-" in w and w[:1].islower() else fold(w)
        if w[:1].isupper():
            caps += not kb.country_of(fold(w))
        elif low not in _NAME_FUNCTION_WORDS:
            return False
    return caps >= 2 and words[-1][:1].isupper()


def _first_given_names(ents: list[Entity]) -> set[str]:
    """The first given name (titles of address dropped) of each named person of the corpus, when the people who
    bear it have one surname (one person, named in several articles): a lone word two people share names
    neither."""
    titles = _HONORIFIC_WORDS | ADDRESS_TITLES
    seen: dict[str, set[str]] = defaultdict(set)
    for e in ents:
        if e.type != "PERSON" or e.generic:
            continue
        for n in _person_names(e):
            given, surname = split_person(n)
            words = [w for w in given.split() if fold(w.rstrip(".")) not in titles]
            if words and len(fold(words[0])) >= 3 and fold(surname):
                seen[fold(words[0])].add(fold(surname).split()[-1])
    return {g for g, last in seen.items() if len(last) == 1}


def _alike(ents: list[Entity]) -> list[list[int]]:
    """The entities written alike (every field but the id and the mentions), as lists of indices in order of first
    appearance: a store's popular entity takes part in an update as thousands of such per-article parts, and what
    ``local_entities`` decides of a name it decides once per form, each copy counting as one entity."""
    forms: dict[tuple, list[int]] = {}
    for i, e in enumerate(ents):
        forms.setdefault((e.name, e.type, e.country, e.role, e.sector, tuple(e.aliases), e.kb_id, e.generic),
                         []).append(i)
    return list(forms.values())


def local_entities(analyses: list[DocAnalysis]) -> list[Entity]:
    """The document-local entities of a corpus, a speaker known by name but kept as a description made a
    named person or, for an acronym or a capitalised name, a named organisation (a copy: the analyses keep
    theirs)."""
    ents: list[Entity] = [e for a in analyses for e in a.entities]
    kb = load_kb()
    alike = _alike(ents)
    forms = [ents[ix[0]] for ix in alike]
    surnames = {fold(split_person(e.name)[1]) for e in forms
                if e.type == "PERSON" and not e.generic and split_person(e.name)[0]}
    givens = _first_given_names(forms) - surnames
    out = list(ents)
    for ix, e in zip(alike, forms):
        changes: dict[str, Any] = {}
        if _named_speaker(e, surnames, givens):
            changes = {"type": "PERSON", "generic": False}
        elif e.generic and not e.kb_id and looks_like_acronym(bare := re.sub(r"^[Tt]he\s+", "", e.name)) \
                and " " not in bare:
            # "The DoD said": a body named by its acronym is a named organisation
            changes = {"name": bare, "type": "ORG", "generic": False, "aliases": [*e.aliases, bare]}
        elif e.type != "PERSON" and _capitalised_name(e, kb):
            # "The Frente Unido del Magdalena said", "the Malaysian Anti-Corruption Commission has": a name NER
            # missed, kept by the group or quote finder as a description, is a named organisation
            bare = re.sub(r"^[Tt]he\s+", "", e.name)
            changes = {"name": bare, "type": "ORG", "generic": False, "aliases": [*e.aliases, bare]}
        if changes:
            for i in ix:
                # each copy its own list of aliases, as when each is read
                own: dict[str, Any] = {**changes, "aliases": list(changes["aliases"])} if "aliases" in changes \
                    else changes
                out[i] = replace(ents[i], **own)
    # the copies of a form stay alike through the changes above: the same lists count them
    return _persons_by_address(_corpus_acronyms(out, alike), alike)


def _corpus_acronyms(ents: list[Entity], alike: list[list[int]]) -> list[Entity]:
    """An acronym the KB reads as a body of one country ("BOJ", the Bank of Japan) stands for the corpus's own body
    of another country whose name it spells ("Bank of Jamaica") when the corpus never writes the KB's name: the
    link is dropped, and the acronym is matched as written. An acronym is short and many bodies share one; the
    corpus's own expansion is the better reading. ``alike``: the entities written alike (``_alike``), read once."""
    spelled: dict[str, list[Entity]] = defaultdict(list)
    for ix in alike:
        e = ents[ix[0]]
        # a KB-linked body spells its initials too ("China Coast Guard", a state's institution, beside "CCG" read
        # as the Gulf body by a foreign-language alias): only the acronym's own KB entry is left out below
        if merge_type(e) == "ORG" and not e.generic:
            for n in dict.fromkeys([e.name, *e.aliases]):
                if not looks_like_acronym(n) and len(n.split()) >= 2 and len(initials := every_initial(n)) >= 2:
                    spelled[initials].append(e)
    if not spelled:
        return ents
    # how many entities write each name: the KB's name written by none but the acronym's own entity
    written: Counter[str] = Counter()
    for ix in alike:
        e = ents[ix[0]]
        for f in {fold(n) for n in [e.name, *e.aliases]}:
            written[f] += len(ix)
    out = list(ents)
    for ix in alike:
        e = ents[ix[0]]
        # the mentions' texts read last, for a name no other entity writes (no copy of it either): a store's popular
        # entity is many parts
        # its names, not its descriptions: "The BOJ ... the bank" is still a body named by its acronym alone
        if e.type == "ORG" and e.kb_id and not e.generic and written[fold(e.name)] <= 1 and \
                len(texts := {bare for m in e.mentions
                              if (bare := re.sub(r"^[Tt]he\s+", "", m.text))[:1].isupper()}) == 1:
            acronym = next(iter(texts))
            # Latin acronyms only: a KB's Cyrillic acronym (ЄАЕС) is the KB's name in its language, not a reading
            owners = [o for o in spelled.get(acronym_letters(acronym), []) if o.kb_id != e.kb_id] \
                if looks_like_acronym(acronym) and acronym.isascii() else []
            if owners and all(o.country != e.country for o in owners):
                out[ix[0]] = replace(e, name=acronym, aliases=[acronym], kb_id=None, country=None, sector=None)
    return out


#: Lower-case words inside a surname ("de la Fuente", "al-Zuhairi"; ``data/names.yaml``)
_NAME_PARTICLES = frozenset(load("names")["particles"])
#: Titles of address that only a person carries ("Mr Chiwenga", "Dr Ayala"; ``data/names.yaml``)
_HONORIFIC_WORDS = frozenset(load("names")["honorifics"])


def _persons_by_address(ents: list[Entity], alike: list[list[int]]) -> list[Entity]:
    """A name NER typed an organisation or a place that is a person's: a title of address and a surname the corpus
    gives a person ("Congresswoman Quispe" beside "Rosa Quispe"), or the one two-word name ending with the surname
    a person is addressed by ("Tapiwa Chiwenga" ORG beside "Mr Chiwenga") when no person of the corpus has a full
    name with that surname. ``alike``: lists of entities whose name, aliases, type, KB id and kind are alike (each
    read once, each entity counted)."""
    forms = [ents[ix[0]] for ix in alike]
    people = [e for e in forms if e.type == "PERSON" and not e.generic]
    full_surnames = {fold(split_person(n)[1]) for e in people for n in _person_names(e)}
    addressed = {fold(w[1]) for e in people for n in [e.name, *e.aliases]
                 if len(w := n.split()) == 2 and fold(w[0]) in _HONORIFIC_WORDS}
    titles = _HONORIFIC_WORDS | ADDRESS_TITLES

    def two_words(e: Entity) -> list[str]:
        words = e.name.split()
        ok = (e.type != "PERSON" and not e.kb_id and not e.generic and len(words) == 2
              and all(w[:1].isupper() for w in words))
        return words if ok else []

    # how many entities (every copy) end with each word after a first word that is no title
    enders: Counter[str] = Counter()
    for ix, e in zip(alike, forms):
        if (words := two_words(e)) and fold(words[0]) not in titles:
            enders[fold(words[1])] += len(ix)
    out = list(ents)
    for ix, e in zip(alike, forms):
        if not (words := two_words(e)):
            continue
        last = fold(words[1])
        titled = fold(words[0]) in titles and last in full_surnames
        # the one such entity: itself, without a copy
        if titled or (last in addressed and last not in full_surnames and fold(words[0]) not in titles
                      and enders[last] == 1):
            for i in ix:
                out[i] = replace(ents[i], type="PERSON")
    return out


def match_problem(analyses: list[DocAnalysis], settings: Settings) -> MatchProblem:
    """Candidate pairs and features of a corpus's document-local entities (``scripts/train_entities.py``
    builds its rows with this, so training and use share one path)."""
    ents = local_entities(analyses)
    doc_of, names_in_doc = _documents_of(ents)
    return _problem(ents, doc_of, names_in_doc, settings, frozenset(_place_names(ents)))


def _documents_of(ents: list[Entity]) -> tuple[list[str], dict[str, set[str]]]:
    doc_of = [e.mentions[0].doc if e.mentions else e.id.rsplit("/", 1)[0] for e in ents]
    names_in_doc: dict[str, set[str]] = defaultdict(set)
    for e, d in zip(ents, doc_of):
        names_in_doc[d].add(e.kb_id or fold(e.name))
    return doc_of, names_in_doc


def _certain_groups(ents: list[Entity]) -> tuple[_Groups, list[int]]:
    """One KB entry, or one spelling with one type, country and KB id (not an unnamed group): the merges
    the matcher does not question, and the entities left to compare."""
    groups = _Groups(ents)
    _merge_kb(ents, groups)
    reps = _representatives(ents, [i for i, e in enumerate(ents) if not e.generic], groups)
    # an unnamed group has no keys of its own: it meets others only in a group the rules formed
    return groups, sorted(reps + [i for i, e in enumerate(ents) if e.generic])


def _problem(ents: list[Entity], doc_of: list[str], names_in_doc: dict[str, set[str]], settings: Settings,
             places: frozenset[str], near: _Near | None = None, bound: list[int] | None = None,
             also_in: Mapping[int, Collection[str]] | None = None) -> MatchProblem:
    """``near``: score only the pairs near the wanted entities (``_Near``); else every pair. ``bound``: per entity,
    the entity it starts in one group with (``merge_entities(together=...)``); ``also_in``: see ``_rule_groups``."""
    rules = _rule_groups(ents, doc_of, names_in_doc, settings, places, also_in)
    rule_root = [rules.find(i) for i in range(len(ents))]
    certain, members = _certain_groups(ents)
    infos: list[entity_matcher.Info | None] = [None] * len(ents)
    for i in members:
        infos[i] = entity_matcher.info_of(ents[i])
    pairs = entity_matcher.candidate_pairs(infos, members, rule_root)  # type: ignore[arg-type]

    def scope(i: int, j: int) -> bool:
        return entity_matcher.in_scope(infos[i], infos[j])  # type: ignore[arg-type]

    # a description's partners decide its "sole" feature: read from every judged pair of a description (all of
    # them, not only those near the wanted entities, so an update and a whole run see the same feature)
    generic = {i for i in members if infos[i] is not None and infos[i].generic}  # type: ignore[union-attr]
    sole = entity_matcher.sole_partners([(i, j) for i, j in pairs if (i in generic or j in generic) and scope(i, j)],
                                        infos, rule_root)

    # mention counts per certain group, read from its busiest article: a store's entity holds all its articles'
    # mentions where a whole run compares one article's copy, and the two must give one feature
    busiest: dict[int, int] = {}
    for i, e in enumerate(ents):
        root = certain.find(i)
        busiest[root] = max(busiest.get(root, 1), entity_matcher.busiest_article(e))

    def row(i: int, j: int) -> list[float]:
        return entity_matcher.pair_features(ents[i], ents[j], infos[i], infos[j],  # type: ignore[arg-type]
                                            rule_same=rule_root[i] == rule_root[j], same_doc=doc_of[i] == doc_of[j],
                                            sole=i in sole or j in sole,
                                            mentions=(busiest[certain.find(i)], busiest[certain.find(j)]))

    if near is None:
        pairs = [(i, j) for i, j in pairs if scope(i, j)]
        rows = [row(i, j) for i, j in pairs]
    else:   # the pairs' scope is asked only of those near the wanted entities
        pairs, rows = near.pairs(ents, pairs, scope, row, [certain.find(i) for i in range(len(ents))], rule_root,
                                 bound or [])
    return MatchProblem(ents=ents, doc_of=doc_of, members=members, pairs=pairs, rows=rows, rule_root=rule_root,
                        infos=infos, bound=bound or [])


@dataclass
class _Near:
    """The pairs whose scores can change the groups of the ``wanted`` entities (the incremental fuse's new ones).

    A merge of average-link needs a pair at the threshold across the two groups (an average never exceeds the
    best pair), so a wanted entity's final group lies in the component of its starting group (the certain merges
    and the rules' groups) under pairs scoring ``threshold`` or more, and only pairs inside such components
    change it. The components are grown from the wanted entities, scoring the pairs of each entity reached;
    pairs between two entities no such chain reaches are not scored (their groups are not wanted). Exact for the
    matcher: the wanted groups, their averages and their order of merging are those of scoring every pair. The
    rules that run after it (descriptions, portfolios, central banks) see the entities no chain reaches in their
    starting groups, as a store holds its entities apart.
    """
    wanted: Callable[[Entity], bool]
    probability: Callable[[list[list[float]]], list[float]]
    threshold: float

    def pairs(self, ents: list[Entity], pairs: list[tuple[int, int]], scope: Callable[[int, int], bool],
              row: Callable[[int, int], list[float]], certain_root: list[int], rule_root: list[int],
              bound: list[int]) -> tuple[list[tuple[int, int]], list[list[float]]]:
        """Of the candidate ``pairs``, those in the matcher's ``scope`` near the wanted entities, and their rows."""
        # the starting groups, joined whatever the union's refusals (a superset only widens what is scored)
        parent = list(range(len(ents)))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for i in range(len(ents)):
            for r in (certain_root[i], rule_root[i], bound[i] if bound else i):   # joining i to i is a no-op
                a, b = find(i), find(r)
                if a != b:
                    parent[max(a, b)] = min(a, b)
        unit: dict[int, list[int]] = defaultdict(list)
        for i in range(len(ents)):
            unit[find(i)].append(i)
        of: dict[int, list[int]] = defaultdict(list)
        for k, (i, j) in enumerate(pairs):
            of[i].append(k)
            of[j].append(k)
        rows: dict[int, list[float]] = {}
        out_of_scope: set[int] = set()
        reached: set[int] = set()
        frontier = {x for i, e in enumerate(ents) if self.wanted(e) for x in unit[find(i)]}
        while frontier:
            reached |= frontier
            todo = sorted({k for i in frontier for k in of.get(i, ()) if k not in rows and k not in out_of_scope})
            out_of_scope.update(k for k in todo if not scope(*pairs[k]))
            todo = [k for k in todo if k not in out_of_scope]
            batch = [row(*pairs[k]) for k in todo]
            rows.update(zip(todo, batch))
            frontier = set()
            for k, p in zip(todo, self.probability(batch) if batch else []):
                if p >= self.threshold - 1e-9:   # a margin only widens the components
                    frontier.update(x for y in pairs[k] if y not in reached for x in unit[find(y)])
            frontier -= reached
        kept = sorted(rows)
        return [pairs[k] for k in kept], [rows[k] for k in kept]


def cluster_problem(problem: MatchProblem, probs: list[float], threshold: float, same_doc_cannot_link: bool = True,
                    from_rules: bool = True) -> list[int]:
    """The group root of every entity after the pairs at or above ``threshold`` are joined to the rules' groups
    (``from_rules``) or to the certain merges only."""
    groups, _ = _certain_groups(problem.ents)
    for i, b in enumerate(problem.bound):
        groups.bind(b, i)
    if from_rules:
        for i, root in enumerate(problem.rule_root):
            groups.union(root, i)
    full_names = [[n for n in inf.names if split_person(n)[0]] if inf is not None and inf.person else []
                  for inf in problem.infos]
    single = [inf is not None and inf.single and not inf.given for inf in problem.infos]
    probs = [0.0 if _kept_apart(problem, i, j) else p for (i, j), p in zip(problem.pairs, probs)]
    vague = _ambiguous_descriptions(problem, probs, threshold, groups)
    probs = [0.0 if i in vague or j in vague else p for (i, j), p in zip(problem.pairs, probs)]
    genders = [inf.gender if inf is not None else "" for inf in problem.infos]
    entity_matcher.join_best_first(groups, problem.pairs, probs, threshold, problem.doc_of, full_names, single,
                                   same_doc_cannot_link, genders)
    return [groups.find(i) for i in range(len(problem.ents))]


def _ambiguous_descriptions(problem: MatchProblem, probs: list[float], threshold: float, groups: _Groups) -> set[int]:
    """Descriptions of organisations ("the carrier") whose likely partners include two named entities that are
    neither in one group nor a likely pair themselves: two airlines a corpus names leave "the carrier" alone, which
    its kind alone cannot tell apart. Decided on the pairs, so a store's candidates (every stored airline the
    description's keys find) give the verdict a whole run gives."""
    partners: dict[int, set[int]] = defaultdict(set)
    likely: set[tuple[int, int]] = set()
    for (i, j), p in zip(problem.pairs, probs):
        if p < threshold:
            continue
        a, b = problem.infos[i], problem.infos[j]
        if a is None or b is None:
            continue
        if a.generic != b.generic:
            d, n = (i, j) if a.generic else (j, i)
            if problem.ents[d].type == "ORG":
                partners[d].add(n)
        elif not a.generic:
            likely.add((i, j))
    out: set[int] = set()
    for d, named in partners.items():
        ns = sorted(named)
        if any(groups.find(x) != groups.find(y) and (x, y) not in likely
               for pos, x in enumerate(ns) for y in ns[pos + 1:]):
            out.add(d)
    return out


def _kept_apart(problem: MatchProblem, i: int, j: int) -> bool:
    """A lone name and a full name of one article that holds that word, which the article's resolver kept apart
    (it joins such a pair unless the titles clash, "Minister Sato" beside "Dr Sato Hiroshi"): not the matcher's
    to join."""
    if problem.doc_of[i] != problem.doc_of[j]:
        return False
    a, b = problem.infos[i], problem.infos[j]
    if a is None or b is None or not (a.person and b.person):
        return False
    if b.single and not b.given:
        a, b = b, a
    return a.single and not a.given and bool(b.given) and bool(a.words) and a.words <= b.words


def _trained_roots(ents: list[Entity], doc_of: list[str], names_in_doc: dict[str, set[str]], settings: Settings,
                   places: frozenset[str], wanted: Callable[[Entity], bool] | None = None,
                   bound: list[int] | None = None, also_in: Mapping[int, Collection[str]] | None = None) -> list[int]:
    model = entity_matcher.load_matcher(settings.entity_matcher_model)
    near = None
    if wanted is not None:
        def probability(rows: list[list[float]]) -> list[float]:
            return [float(p) for p in model.classifier.predict_proba(rows)[:, 1]]
        near = _Near(wanted, probability, model.threshold)
    problem = _problem(ents, doc_of, names_in_doc, settings, places, near, bound, also_in)
    probs: list[float] = []
    if problem.rows:
        probs = [float(p) for p in model.classifier.predict_proba(problem.rows)[:, 1]]
    return cluster_problem(problem, probs, model.threshold, model.info.get("same_doc_cannot_link", True),
                           model.info.get("from_rules", True))


#: Words before a description's role that do not change whom it names ("the former minister").
_DESCRIPTION_MODIFIERS = frozenset({"the", "former", "then", "new", "current", "acting", "outgoing", "incoming"})


#: Head nouns of a description that names whoever leads a body, not an office ("the central bank chief", "the
#: company's boss", "the bank's head")
_LEADER_NOUNS = frozenset({"chief", "boss", "head", "leader"})
#: Last words of the roles of people who lead a body, the ones such a description may name
_LEADING_ROLES = frozenset({"governor", "executive", "ceo", "director", "director-general", "chairman", "chairwoman",
                            "chair", "chairperson", "president", "head", "leader", "commissioner", "mayor"})


def role_keys(e: Entity) -> set[str]:
    """The keys by which ``_link_descriptions`` may join a person's description to a named person: the head of
    the description or of the person's role ("minister"), and "*leader" for a description that names a body's
    leader ("the central bank chief") and a person whose role leads one. A store looks its candidates up by them,
    so that a description in a new article meets the stored people a whole run would give it."""
    # a description is matched against people's roles whatever type its article gave it ("The rector said" may
    # come typed an organisation), as ``_link_descriptions`` does
    if not (e.type == "PERSON" or (e.generic and e.type == "ORG")):
        return set()
    phrase = _description_phrase(e.name) if e.generic else _role_phrase(e.role)
    if not phrase:
        return set()
    head = phrase.split()[-1]
    leader = head in _LEADER_NOUNS and _common_words(e.name) if e.generic else head in _LEADING_ROLES
    return {head, "*leader"} if leader else {head}


def _common_words(name: str) -> bool:
    """A description in common nouns only: no capitalised word but its opening one."""
    return not any(w[:1].isupper() for w in name.split()[1:])


def _role_phrase(role: str | None) -> str:
    """A person's role as a description would say it: folded, before "of" ("Prime Minister of Japan" → "prime
    minister")."""
    return fold(re.split(r"\bof\b", role.lower())[0]) if role else ""


def _description_phrase(name: str) -> str:
    words = fold(name).split()
    while words and words[0] in _DESCRIPTION_MODIFIERS:
        words.pop(0)
    return " ".join(words)


def _roles_fit(description: str, role: str) -> bool:
    """"the prime minister" ~ Prime Minister, "the German finance minister" ~ Finance Minister, "the minister" ~
    Foreign Minister: one phrase is the other or ends with it."""
    return bool(description and role) and (description == role or description.endswith(" " + role)
                                           or role.endswith(" " + description))


def _link_descriptions(ents: list[Entity], roots: list[int], doc_of: list[str],
                       other_docs: Mapping[int, Collection[str]] | None = None) -> list[int]:
    """Join an unlinked description of a person ("the prime minister", "the INEC chairman") to the one person
    whose role it names: the one of its own article if there is one there, else the one of the corpus.

    An article's resolver links a description to a person named before it; one that comes before the name,
    or in an article that never names the person, is left alone and would stay an actor of its own. A role
    two people of the corpus hold ("the minister" beside two ministers) links nothing: in a large corpus a
    bare "the prime minister" stays unlinked.

    ``other_docs``: per entity standing for its copies (``_Collapsed``), their documents: it names its group there too.
    """
    groups = _regrouped(ents, roots)
    also = other_docs or {}
    # people by the head word of their role (a fitting role ends with the description's head): look-ups, not a
    # scan of every person per description
    by_head: dict[str, list[tuple[int, str]]] = defaultdict(list)
    leaders: list[int] = []
    for i, e in enumerate(ents):
        if e.type == "PERSON" and not e.generic and (role := _role_phrase(e.role)):
            by_head[role.split()[-1]].append((i, role))
            if role.split()[-1] in _LEADING_ROLES:
                leaders.append(i)
    # per description phrase: the groups of the people it fits, in the corpus and per article
    fitting: dict[tuple[str, str | None], tuple[set[int], dict[str, set[int]]]] = {}
    # the words of every named organisation's group, and the groups each article names
    org_words: dict[int, set[str]] = defaultdict(set)
    orgs_in_doc: dict[str, set[int]] = defaultdict(set)
    for i, e in enumerate(ents):
        # an organisation NER typed an event or MISC ("Namib Nature Forum") names its group as well as an ORG does
        if merge_type(e) == "ORG" and not e.generic:
            root = groups.find(i)
            # and glossed: "the hospital" of "Helsingin yliopistollinen sairaala", "the club" of "Tromsø Idrettslag"
            org_words[root].update(w for n in [e.name, *e.aliases] for w in (*fold(n).split(),
                                                                             *entity_matcher.org_words(n)))
            for d in (doc_of[i], *also.get(i, ())):
                orgs_in_doc[d].add(root)
    named_roots = {groups.find(i) for i, e in enumerate(ents) if not e.generic}
    for i, e in enumerate(ents):
        # a description already in a named actor's group was linked by its article or the matcher
        if not e.generic or e.type not in ("PERSON", "ORG") or e.kb_id or groups.find(i) in named_roots:
            continue
        phrase = _description_phrase(e.name)
        if not phrase or (" " not in phrase and len(phrase) < 4):
            continue
        if (phrase, e.country) not in fitting:
            # a role that holds the whole phrase ("Foreign Minister" for "the foreign minister") before one the
            # phrase only ends with ("Minister"); never a person of another country than the description's
            fits = [j for j, role in by_head.get(phrase.split()[-1], ()) if _roles_fit(phrase, role)
                    and not (e.country and ents[j].country and ents[j].country != e.country)]
            whole = [j for j in fits if len(_role_phrase(ents[j].role)) >= len(phrase)]
            fits = whole or fits
            if not fits and phrase.split()[-1] in _LEADER_NOUNS and _common_words(e.name):
                # "the central bank chief" names no office: the one person the corpus gives a leading role; a body
                # named in it ("Visayas Air's chief") may be another than the one that person leads
                fits = [j for j in leaders if not (e.country and ents[j].country and ents[j].country != e.country)]
            per_doc: dict[str, set[int]] = defaultdict(set)
            for j in fits:
                for d in (doc_of[j], *also.get(j, ())):
                    per_doc[d].add(groups.find(j))
            fitting[(phrase, e.country)] = ({groups.find(j) for j in fits}, per_doc)
        corpus, per_doc = fitting[(phrase, e.country)]
        if not corpus:
            # "the commission" is the one organisation its article names whose names hold every word of it
            # ("Malaysian Anti-Corruption Commission", named "MACC" there); never one of another article:
            # two articles' "police" need not be one force
            words = set(phrase.split())
            owners = {r for r in orgs_in_doc.get(doc_of[i], ()) if all(_word_held(w, org_words[r]) for w in words)}
            if len(owners) == 1 and groups.compatible(next(iter(owners)), i):
                groups.union(next(iter(owners)), i)
            continue
        chosen = per_doc.get(doc_of[i]) or corpus
        if len(chosen) == 1 and groups.compatible(next(iter(chosen)), i):
            groups.union(next(iter(chosen)), i)
    return [groups.find(i) for i in range(len(ents))]


#: Candidate groups a description's look-up may give before it says too little to be judged ("the company" in a
#: corpus of many firms): the description is then left alone, as two fitting candidates leave it.
MAX_LINK_CANDIDATES = 8


@dataclass
class LinkCandidates:
    """One unlinked description (its index) and the named groups (their roots) it may stand for, with what the
    look-ups found of each."""
    description: int
    roots: list[int]
    fits: list[description_links.Fit]


def description_link_candidates(ents: list[Entity], roots: list[int], doc_of: list[str]) -> list[LinkCandidates]:
    """The descriptions of people and organisations no step joined to a named actor, each with its candidate named
    groups: people whose role the description names (or who lead a body, for "the chief"), bodies whose names hold
    the description's head or a word of its kind ("the carrier" ~ "... Airways"). Look-ups by the head word only: a
    description meets the few groups its head indexes, never every entity (``MAX_LINK_CANDIDATES``)."""
    groups = _regrouped(ents, roots)
    root = [groups.find(i) for i in range(len(ents))]
    # the articles of every group, read from its mentions (a store's parts keep their own articles' ids)
    docs: dict[int, set[str]] = defaultdict(set)
    mentions: Counter[int] = Counter()
    named_in: dict[str, set[int]] = defaultdict(set)
    country: dict[int, str] = {}
    for i, e in enumerate(ents):
        if e.generic:
            continue
        r = root[i]
        seen = {s.doc for s in e.mentions} or {doc_of[i]}
        docs[r] |= seen
        mentions[r] += len(e.mentions) or 1
        for doc in seen:
            named_in[doc].add(r)
        if e.country:
            country.setdefault(r, e.country)
    by_head: dict[str, list[tuple[int, str]]] = defaultdict(list)
    leaders: list[int] = []
    org_index: dict[str, set[int]] = defaultdict(set)
    org_words: dict[int, set[str]] = defaultdict(set)
    orgs_named_in: dict[str, set[int]] = defaultdict(set)
    for i, e in enumerate(ents):
        if e.generic:
            continue
        if merge_type(e) == "PERSON" and (role := _role_phrase(e.role)):
            by_head[role.split()[-1]].append((i, role))
            if role.split()[-1] in _LEADING_ROLES:
                leaders.append(i)
        elif merge_type(e) == "ORG":
            held = _singulars(w for n in [e.name, *e.aliases] for w in (*fold(n).split(),
                                                                        *entity_matcher.org_words(n)))
            org_words[root[i]] |= held
            for doc in {s.doc for s in e.mentions} or {doc_of[i]}:
                orgs_named_in[doc].add(root[i])
            for w in held:
                org_index[w].add(i)
    kinds = entity_matcher.kind_words()
    out: list[LinkCandidates] = []
    for i, e in enumerate(ents):
        if not e.generic or e.type not in ("PERSON", "ORG") or e.kb_id or root[i] in mentions:
            continue
        phrase = _description_phrase(re.sub(r"['’]s\b", "", e.name))
        if not phrase or (" " not in phrase and len(phrase) < 4):
            continue
        words = phrase.split()
        head, common = words[-1], _common_words(e.name)
        # the words before the head that may be words of the body's name ("the rail operator" ~ "Khovd Rail Freight")
        mods = sorted(entity_matcher.description_modifiers(e.name))
        # heads of other sectors: "the company" is no "High Court Division"
        unlike = _singulars(entity_matcher.unlike_heads(e.name))
        person = e.type == "PERSON"
        found: dict[int, description_links.Fit] = defaultdict(
            lambda p=person: description_links.Fit(person_description=p))  # type: ignore[misc]
        for j, role in by_head.get(head, ()):
            if _roles_fit(phrase, role):
                f = found[root[j]]
                if len(role) >= len(phrase):
                    f.role_whole = True
                else:
                    f.role_part = True
        if not found and head in _LEADER_NOUNS and common:
            for j in leaders:
                found[root[j]].leader = True
        # a plural head is a group ("shipping lines said"), not the one body
        if common and singular(head) == head:
            for j in org_index.get(head, ()):
                found[root[j]].org_head = True
            for w in _singulars(kinds.get(head, ())) - {head}:
                for j in org_index.get(w, ()):
                    found[root[j]].org_kind = True
            for w in mods:
                for j in org_index.get(w, ()):
                    found[root[j]]   # a candidate by its name's word alone
            # "the company" of an article that names its firm in words no kind holds ("Khovd Rail Freight"): the
            # bodies its own article names, told apart by the model (their number is a feature)
            if head in kinds:
                for r in orgs_named_in.get(doc_of[i], ()):
                    if r not in found:
                        found[r].article_org = True
        if not found or len(found) > MAX_LINK_CANDIDATES:
            continue
        here = doc_of[i]
        cands = sorted(found)
        for r in cands:
            f = found[r]
            f.modifiers = len(mods)
            f.modifiers_held = sum(_word_held(w, org_words.get(r, ())) for w in mods)
            f.kind_clash = bool(unlike & org_words.get(r, set()))
            f.same_article = here in docs[r]
            f.candidate_articles = len(docs[r])
            if e.country and country.get(r):
                f.country = 1 if country[r] == e.country else -1
            f.mentions = mentions[r]
            # the story: the other actors this article names that the candidate's other articles name too
            others = named_in.get(here, set()) - {r}
            elsewhere = docs[r] - {here}
            f.story_share = (sum(bool(docs[o] & elsewhere) for o in others) / len(others)) if others else 0.0
            f.common_words = common
            f.description_mentions = len(e.mentions) or 1
        out.append(LinkCandidates(i, cands, [found[r] for r in cands]))
    return out


def _link_across_articles(ents: list[Entity], roots: list[int], doc_of: list[str], settings: Settings,
                          unlinked: Callable[[Entity], bool] | None = None) -> list[int]:
    """The trained decision (``storyline.fuse.description_links``) over the descriptions the rules left alone, but
    those ``unlinked`` accepts (a store's descriptions whose candidates it could not all look up)."""
    model = description_links.load_linker(settings.description_links_model)
    if model is None:
        return roots
    found = description_link_candidates(ents, roots, doc_of)
    groups = _regrouped(ents, roots)
    for c in found:
        if unlinked is not None and unlinked(ents[c.description]):
            continue
        pick = model.choose(c.fits)
        if pick is not None and groups.compatible(c.roots[pick], c.description):
            groups.union(c.roots[pick], c.description)
    return [groups.find(i) for i in range(len(ents))]


def description_owners(ents: list[Entity]) -> dict[str, str]:
    """Corpus entities known only by a description ("the regulator", "the rector", "the shipping line") and the one
    named corpus entity each likely stands for: a person whose role the description names (as
    ``_link_descriptions`` reads roles), else an organisation whose names hold the description's head or a word
    that head calls a name by (``name_words`` of ``data/descriptions.yaml``: "the regulator" ~ "... Authority",
    "the shipping line" ~ "Northwind Freight Lines"), narrowed by the other words when several do; none when none or
    several fit, or the countries differ.

    A reading for ranking, not a merge: ``_link_descriptions`` leaves an organisation's description in another
    article alone, because "the union" of one article need not be another's union, and a store fused in batches
    could not follow a corpus-wide choice. How important an article's "the regulator" is, though, is told better
    by the regulator the corpus names than by its one mention (``entity_salience.ranking_map``)."""
    named = [e for e in ents if not e.generic]
    by_id = {e.id: e for e in named}
    people = [(e, role) for e in named if merge_type(e) == "PERSON" and (role := _role_phrase(e.role))]
    orgs = [(e, _singulars(w for n in [e.name, *e.aliases] for w in (*fold(n).split(), *entity_matcher.org_words(n))))
            for e in named if merge_type(e) == "ORG"]
    out: dict[str, str] = {}
    # what fits a phrase is found once per phrase: a corpus's descriptions repeat a few phrases ("the ministry",
    # "officials"), and each search scans every person and organisation (once per description, it grew with the
    # square of the corpus: 70 CPU-s at 10k generated documents, 0.1 at 4k)
    found: dict[tuple[str, bool], set[str]] = {}
    for d in ents:
        if not d.generic or d.kb_id or d.type not in ("PERSON", "ORG"):
            continue
        phrase = _description_phrase(re.sub(r"['’]s\b", "", d.name))
        if not phrase or (" " not in phrase and len(phrase) < 4):
            continue
        common = _common_words(d.name)
        if (phrase, common) not in found:
            found[(phrase, common)] = _fitting(phrase, common, people, orgs)
        fits = {i for i in found[(phrase, common)]
                if not (d.country and by_id[i].country and by_id[i].country != d.country)}
        if len(fits) == 1:
            out[d.id] = next(iter(fits))
    return out


def _fitting(phrase: str, common: bool, people: list[tuple[Entity, str]],
             orgs: list[tuple[Entity, set[str]]]) -> set[str]:
    """``description_owners``'s candidates for a description ``phrase`` (``common``: written in common words)."""
    words = phrase.split()
    fits = {e.id for e, role in people if _roles_fit(phrase, role)}
    if not fits and words[-1] in _LEADER_NOUNS and common:
        fits = {e.id for e, role in people if role.split()[-1] in _LEADING_ROLES}
    # a plural head is a group ("shipping lines said"), not the one body
    if not fits and common and _singulars([words[-1]]) == {words[-1]}:
        head = _singulars([words[-1]])
        head |= _singulars(entity_matcher.kind_words().get(words[-1], ()))
        owners = [(e, held) for e, held in orgs if any(_word_held(w, held) for w in head)]
        if len(owners) > 1:
            owners = [(e, held) for e, held in owners
                      if all(_word_held(w, held) for w in _singulars(words[:-1]))]
        fits = {e.id for e, _ in owners}
    return fits


def _singulars(words: Iterable[str]) -> set[str]:
    """Folded words in the singular (``singular``), so that "the shipping line" meets "Northwind Freight Lines"."""
    return {singular(fold(w)) for w in words}


#: Shortest description word read as the head of a compound name word ("bank" of "Andelsbanken")
MIN_COMPOUND_HEAD = 4
#: Letters of an inflection after a compound's head (the definite "-en" of "Andelsbanken", "-et", "-s")
MAX_INFLECTION = 2


def _word_held(word: str, words: Collection[str]) -> bool:
    """A description's word is a word of an organisation's names, or the head its compound word ends with
    (inflected or not): the Nordic, German and Dutch languages write "Andelsbanken", "Bundesbank", "Sykehuset"."""
    if word in words:
        return True
    if len(word) < MIN_COMPOUND_HEAD:
        return False
    # ends at most MAX_INFLECTION letters before the word's end: found in its last len(word) + MAX_INFLECTION letters
    # (one substring test, not one per inflection length: this runs for every description and organisation pair)
    tail = len(word) + MAX_INFLECTION
    return any(len(w) >= len(word) + 3 and word in w[len(w) - tail:] for w in words)


#: A ministry named by its portfolio: "Ministry of Water Resources and Irrigation", "the irrigation ministry".
_PORTFOLIO = re.compile(r"^(?:the\s+)?(?:ministry|department|secretariat)\s+(?:of|for)\s+(?:the\s+)?(?P<a>.+)$"
                        r"|^(?:the\s+)?(?P<b>[^,]+?)\s+(?:ministry|department)$", re.I)
_PORTFOLIO_STOP = frozenset({"and", "of", "the", "for", "&"})


def _portfolio(e: Entity) -> frozenset[str]:
    """The folded portfolio words of a ministry's name ("Ministry of Investment, Trade and Industry" → investment,
    trade, industry), empty for another name."""
    for name in dict.fromkeys([e.name, *e.aliases]):
        m = _PORTFOLIO.match(name.strip())
        if m:
            words = frozenset(fold(m.group("a") or m.group("b")).replace(",", " ").split()) - _PORTFOLIO_STOP
            if words:
                return words
    return frozenset()


def _merge_portfolios(ents: list[Entity], roots: list[int], order: list[int] | None = None) -> list[int]:
    """Join a country's ministry named by part of its portfolio ("the trade ministry", "the irrigation ministry")
    to the one ministry of that country whose portfolio holds it ("Ministry of Investment, Trade and Industry"),
    across articles; a part two of its ministries hold joins neither.

    ``order``: the entities in the order to judge them, an entity once per copy it stands for (``_Collapsed.order``):
    a copy judged again after others joined may find one home where it found two."""
    groups = _regrouped(ents, roots)
    words_of: dict[int, frozenset[str]] = {}
    by_country: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(ents):
        if e.type == "ORG" and e.country and (words := _portfolio(e)):
            words_of[i] = words
            by_country[e.country].append(i)
    judged: dict[str, list[int]] = defaultdict(list)
    for i in (range(len(ents)) if order is None else order):
        if i in words_of:
            judged[ents[i].country or ""].append(i)
    for country, items in by_country.items():
        for i in judged[country]:
            words = words_of[i]
            homes = {groups.find(j) for j in items
                     if groups.find(j) != groups.find(i) and (words <= words_of[j] or words_of[j] <= words)}
            if len(homes) == 1:
                groups.union(next(iter(homes)), i)
    return [groups.find(i) for i in range(len(ents))]


#: Words a state's central bank is named by besides its country ("National Bank of Ukraine", "Banco Central de la
#: República Argentina", "Reserve Bank of India", "People's Bank of China"), glossed into English
_CENTRAL_BANK_WORDS = frozenset({"bank", "central", "national", "reserve", "state", "republic", "people", "peoples"})


def _countries_and_words(words: list[str], kb: KB, gloss: Callable[[str], str | None]) -> tuple[set[str], set[str]]:
    """The countries a name's words hold (a country may take several words, in any language the KB reads) and its
    other words as ``gloss`` gives them (None leaves a word out)."""
    codes: set[str] = set()
    rest: set[str] = set()
    i = 0
    while i < len(words):
        code, n = _country_word(words, i, kb)
        if code:
            codes.add(code)
        else:
            glossed = gloss(words[i])
            if glossed is not None:
                rest.add(glossed)
        i += n
    return codes, rest


def _central_bank_country(e: Entity, kb: KB) -> str | None:
    """The country of a named organisation whose name is only a bank word, state words and a country ("National
    Bank of Ukraine", "Bank of Spain", "Banque du Liban"): a state's central bank, named as its own news names it."""
    words = [w for w in fold(re.sub(r"['’]s\b", "", e.name)).split()
             if w not in entity_matcher.FOREIGN_STOP and w != "the"]
    links = ("of", "de", "du", "la")
    codes, rest = _countries_and_words(words, kb, lambda w: None if w in links else entity_matcher.gloss(w) or w)
    if "bank" not in rest or not rest <= _CENTRAL_BANK_WORDS:
        return None
    return next(iter(codes)) if len(codes) == 1 else (e.country if not codes else None)


def _merge_central_banks(ents: list[Entity], roots: list[int], kb: KB) -> list[int]:
    """Join a country's central bank named by its kind ("the Ukrainian central bank", ``inst:UKR:central_bank``)
    to the one organisation of that country the corpus names as a central bank by its own name ("National Bank
    of Ukraine", "NBU" beside it); two such names of one country join neither."""
    groups = _regrouped(ents, roots)
    named: dict[str, set[int]] = defaultdict(set)
    for i, e in enumerate(ents):
        if e.type == "ORG" and not e.generic and not (e.kb_id or "").startswith(INSTITUTION_PREFIX) and (
                code := _central_bank_country(e, kb)) and not (e.country and e.country != code):
            named[code].add(groups.find(i))
    for i, e in enumerate(ents):
        kb_id = e.kb_id or ""
        if kb_id.startswith(INSTITUTION_PREFIX) and kb_id.endswith(":central_bank"):
            homes = named.get(kb_id.split(":")[1], set())
            if len(homes) == 1 and groups.compatible(next(iter(homes)), i):
                groups.union(next(iter(homes)), i)
    return [groups.find(i) for i in range(len(ents))]


def _copies(ents: list[Entity], doc_of: list[str], bound: list[int], labelled: list[bool]) -> list[int]:
    """Per entity, the entity that stands for it before the matcher: the first of the parts of one bound group
    (``merge_entities(together=...)``: a stored entity's per-document parts) written alike (names, type, country,
    role, sector, KB id) in other documents; itself for any other entity.

    A store's popular entity (a country, a big firm) takes part in an update as thousands of such parts, one per
    article, that the certain merges join at once; the first of them is the one the matcher compares (the certain
    merges' representative), so the others change nothing but the documents and mention counts the rules and the
    features read off a group, which the one standing for them carries (``_collapse``). An unnamed group
    (compared one by one) and a part with mentions outside its own document stand for themselves.
    """
    out = list(range(len(ents)))
    first: dict[tuple, int] = {}
    docs: dict[int, set[str]] = {}
    for i, e in enumerate(ents):
        if not labelled[i] or e.generic or any(m.doc != doc_of[i] for m in e.mentions):
            continue
        key = (bound[i], e.name, tuple(e.aliases), e.type, e.country, e.role, e.sector, e.kb_id)
        held = first.setdefault(key, i)
        if held != i and doc_of[i] not in docs[held]:
            docs[held].add(doc_of[i])
            out[i] = held
        elif held == i:
            docs[i] = {doc_of[i]}
    return out


@dataclass
class _Collapsed:
    """The entities that stand for their copies (``_copies``) and how to put the copies back: ``kept`` (their
    indices in the whole list), ``stands`` (per entity of the whole list, the one standing for it), ``ents`` (each
    holding its copies' mentions: the busiest article of a group is read off them), ``doc_of`` and ``bound`` of
    the kept list, and ``other_docs`` (per kept index, its copies' documents: the rules' articles of a name's
    copies, ``also_in``)."""
    kept: list[int]
    stands: list[int]
    ents: list[Entity]
    doc_of: list[str]
    bound: list[int]
    other_docs: dict[int, set[str]]

    def expand(self, roots: list[int]) -> list[int]:
        """Roots over the kept list as roots over the whole list: every copy in the group of the one standing for
        it, as the certain merges and the bound group put it in a run over all of them."""
        pos = {i: n for n, i in enumerate(self.kept)}
        return [self.kept[roots[pos[s]]] for s in self.stands]

    def order(self, n: int) -> list[int]:
        """Per entity of the whole list (``n`` of them), in its order, the kept index standing for it."""
        pos = {i: k for k, i in enumerate(self.kept)}
        return [pos[self.stands[i]] for i in range(n)]


def _collapse(ents: list[Entity], doc_of: list[str], bound: list[int], labelled: list[bool]) -> _Collapsed | None:
    """The entities standing for their copies (``_copies``), or None when none stands for another."""
    stands = _copies(ents, doc_of, bound, labelled)
    kept = [i for i in range(len(ents)) if stands[i] == i]
    if len(kept) == len(ents):
        return None
    pos = {i: n for n, i in enumerate(kept)}
    mentions: dict[int, list[Span]] = defaultdict(list)
    other_docs: dict[int, set[str]] = defaultdict(set)
    for i, s in enumerate(stands):
        mentions[s].extend(ents[i].mentions)
        if s != i:
            other_docs[pos[s]].add(doc_of[i])
    small = [replace(ents[i], mentions=mentions[i]) if pos[i] in other_docs else ents[i] for i in kept]
    return _Collapsed(kept, stands, small, [doc_of[i] for i in kept], [pos[bound[i]] for i in kept], other_docs)


def _rule_and_matcher_roots(ents: list[Entity], doc_of: list[str], names_in_doc: dict[str, set[str]],
                            settings: Settings, places: frozenset[str], wanted: Callable[[Entity], bool] | None,
                            bound: list[int], labelled: list[bool] | None = None) -> list[int]:
    """The groups of the merge before the trained description links: the matcher's (or the rules'), then the
    portfolios, central banks and the rules' description links. ``labelled`` (a store's per-document parts, see
    ``merge_entities(together=...)``) lets the matcher and the rules after it take identical parts once
    (``_collapse``): each copy is in the group of the one standing for it from the start, so what the rules after
    the matcher do to it is what they do to that one (``names_in_doc`` is the one of every entity)."""
    collapsed = _collapse(ents, doc_of, bound, labelled) \
        if settings.entity_matcher == "trained" and labelled else None
    if collapsed is not None:
        roots = _trained_roots(collapsed.ents, collapsed.doc_of, names_in_doc, settings, places, wanted,
                               collapsed.bound, collapsed.other_docs)
        roots = _after_matcher(collapsed.ents, roots, collapsed.doc_of, settings, collapsed.order(len(ents)),
                               collapsed.other_docs)
        return collapsed.expand(roots)
    if settings.entity_matcher == "trained":
        roots = _trained_roots(ents, doc_of, names_in_doc, settings, places, wanted, bound)
    elif settings.entity_matcher == "rules":
        groups = _rule_groups(ents, doc_of, names_in_doc, settings, places)
        for i, b in enumerate(bound):
            groups.bind(b, i)
        roots = [groups.find(i) for i in range(len(ents))]
    else:
        raise ValueError(f"unknown entity_matcher {settings.entity_matcher!r}: 'trained' or 'rules'")
    return _after_matcher(ents, roots, doc_of, settings)


def _after_matcher(ents: list[Entity], roots: list[int], doc_of: list[str], settings: Settings,
                   order: list[int] | None = None, other_docs: Mapping[int, Collection[str]] | None = None
                   ) -> list[int]:
    """The portfolios, central banks and the rules' description links after the matcher; ``order`` and
    ``other_docs``: see ``_merge_portfolios`` and ``_link_descriptions``."""
    roots = _merge_portfolios(ents, roots, order)
    roots = _merge_central_banks(ents, roots, load_kb(tuple(settings.kb_paths)))
    return _link_descriptions(ents, roots, doc_of, other_docs)


def link_examples(analyses: list[DocAnalysis],
                  settings: Settings) -> tuple[list[Entity], list[int], list[LinkCandidates]]:
    """The document-local entities of ``analyses``, their groups before the trained link step and the descriptions
    it would judge with their candidates, as ``merge_entities`` meets them (``scripts/train_description_links.py``)."""
    ents = local_entities(analyses)
    doc_of, names_in_doc = _documents_of(ents)
    roots = _rule_and_matcher_roots(ents, doc_of, names_in_doc, settings, frozenset(_place_names(ents)), None, [])
    return ents, roots, description_link_candidates(ents, roots, doc_of)


def merge_entities(analyses: list[DocAnalysis], settings: Settings,
                   wanted: Callable[[Entity], bool] | None = None,
                   together: Callable[[Entity], str | None] | None = None,
                   unlinked: Callable[[Entity], bool] | None = None) -> tuple[list[Entity], dict[str, str]]:
    """Merge document-local entities into global ones.

    Args:
        analyses: per-document results (their ``entities`` are local, ids ``doc/eN``).
        settings: ``entity_matcher`` picks the rule merge or the trained pair matcher.
        wanted: when given, only the groups of the entities it accepts are wanted (the incremental fuse's new
            entities): the trained matcher scores only the pairs that can change them (``_Near``); the other
            entities' groups are those of the rules.
        together: when given, entities it gives one label start in one group, whatever the cannot-links (the
            per-document parts of an entity a store holds: each is compared as the whole run compares that
            document's entity, not as the merged entity whose names grew with earlier batches).
        unlinked: when given, descriptions it accepts are left out of the trained cross-article links (a store's
            descriptions one of whose keys more stored entities hold than it looks up: a whole run meets them all
            and finds too many candidates to link).
    Returns:
        (global entities ``e1``, ``e2``, … ordered by mention count, then name; map local id → global id).
    """
    ents = local_entities(analyses)
    doc_of, names_in_doc = _documents_of(ents)
    doc_rank = {a.document.id: n for n, a in enumerate(analyses)}
    # frozen once: the demonym look-ups per entity and per cluster then reuse one cached set
    places = frozenset(_place_names(ents))
    bound: list[int] = []
    labelled: list[bool] = []
    if together is not None:
        first: dict[str, int] = {}
        labelled = [together(e) is not None for e in ents]
        bound = [first.setdefault(label, i) if (label := together(e)) is not None else i for i, e in enumerate(ents)]
    roots = _rule_and_matcher_roots(ents, doc_of, names_in_doc, settings, places, wanted, bound, labelled)
    if settings.description_links == "trained":
        roots = _link_across_articles(ents, roots, doc_of, settings, unlinked)
    elif settings.description_links != "rules":
        raise ValueError(f"unknown description_links {settings.description_links!r}: 'trained' or 'rules'")
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(ents)):
        clusters[roots[i]].append(i)
    built = [(_global([ents[i] for i in members], doc_rank, places), members) for members in clusters.values()]
    if settings.entity_country_from_context:
        _countries_from_context([g for g, _ in built])
    built.sort(key=lambda gm: (-len(gm[0].mentions), gm[0].name.lower(), ents[gm[1][0]].id))
    mapping: dict[str, str] = {}
    out = []
    for n, (g, members) in enumerate(built, start=1):
        g.id = f"e{n}"
        out.append(g)
        for i in members:
            mapping[ents[i].id] = g.id
    # after the merge, so that a standard form never joins two entities
    add_standard_aliases(out, analyses, load_kb(tuple(settings.kb_paths)))
    LOGGER.debug("merged %d local entities into %d", len(ents), len(out))
    return out, mapping
