"""Actors in documents in other languages: the named spans of ``nlp.ner_languages`` as mentions and
document-local entities, linked to the knowledge base across scripts.

* Countries in the document's language come from pycountry's translations of ISO 3166-1 (its
  gettext catalogues), other actors' names from ``data/kb/languages.yaml``; both are looked up by a
  stem of each word, so inflected forms the normaliser missed ("України", "Україні") still match.
* People link to the knowledge base by ``names.script_key`` of their surname with compatible given
  names (Касым-Жомарт Токаев is Kassym-Jomart Tokayev), and a surname alone joins the full name the
  document used before it, as in English.
"""
from __future__ import annotations

import bisect
import functools
import gettext
import re
import unicodedata
from dataclasses import dataclass, field

from storyline.data import load
from storyline.model import Document, Entity, Mention, Span
from storyline.nlp.names_model import CONNECTORS, case_forms, finite_verb, given_in_any_script, stem_key
from storyline.nlp.ner_languages import NamedSpan
from storyline.resolve.institutions import Institution, institution_identity
from storyline.resolve.kb import KB, KBEntry, city_names, cyrillic_city_names
from storyline.resolve.names import (
    acronym_key,
    acronym_letters,
    acronym_of,
    acronym_words,
    script_key,
    script_keys,
    surnames_agree,
)

__all__ = ["known_name", "language_names", "resolve_names", "shared_key_forms", "stem_key"]

#: apostrophes Ukrainian text writes inside a word ("М'янма", "Об’єднані"), besides the catalogue's ’
_APOSTROPHES = ("'", "ʼ")


@functools.lru_cache(maxsize=8)
def _name_forms(lang: str) -> tuple[tuple[str, str, bool], ...]:
    """Every known actor's name in ``lang`` in the forms it is looked up by: (form, kb_id, curated). The countries
    of pycountry (their translated names) and the names of ``data/kb/languages.yaml`` (curated)."""
    import pycountry

    out: list[tuple[str, str, bool]] = []
    try:
        catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
    except OSError:
        catalogue = None
    for c in pycountry.countries:
        kb_id = f"gpe:{c.alpha_3}"
        for attr in ("name", "common_name", "official_name"):
            english = getattr(c, attr, None)
            if not english:
                continue
            forms = {english, catalogue.gettext(english) if catalogue else english}
            if attr == "official_name" and catalogue is not None:
                forms |= _short_from_official(c.name, english, catalogue.gettext(english), catalogue.gettext(c.name))
            for form in sorted(forms):
                # oblique forms stem_key cannot fold ("Малайзії" of "Малайзія") are keys of their own
                for case in sorted(case_forms(form, lang)):
                    out.append((case, kb_id, False))
                    # the catalogue writes the Ukrainian apostrophe as ’ ("М’янма"), news as often as ' or ʼ
                    out += [(case.replace("’", mark), kb_id, False) for mark in _APOSTROPHES]
    # the knowledge base's own names of its bodies in the language ("Африканский союз", "Unión Africana"), after the
    # catalogue's, which keeps a country's stem where the two share one
    for kb_id, names in _kb_file_names(lang):
        out += [(case, kb_id, False) for name in names for case in sorted(case_forms(name, lang))]
    data = load("kb/languages")
    for section in ("capitals", "names"):
        for kb_id, forms in (data.get(section, {}).get(lang) or {}).items():
            out += [(case, kb_id, True) for form in forms for case in sorted(case_forms(form, lang))]
    return tuple(out)


#: the knowledge-base files whose entries may name themselves per language (``names: {ru: [...], es: [...]}``)
_NAMED_KB_FILES = ("orgs", "institutions", "territories")


@functools.lru_cache(maxsize=8)
def _kb_file_names(lang: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(kb_id, its names in ``lang``) of every knowledge-base entry that lists names in that language
    (``data/kb/orgs.yaml``: "Міжнародне агентство з атомної енергії", "ACNUR"); for a language written in Latin
    letters its acronyms too, which outlets in any such language keep ("CEDEAO", "OTAN")."""
    out = []
    for name in _NAMED_KB_FILES:
        for raw in load(f"kb/{name}").get("entities") or []:
            forms = [str(f) for f in ((raw.get("names") or {}).get(lang) or ())]
            if lang in _LATIN_LANGUAGES:
                forms += [str(a) for a in raw.get("alias") or () if _ACRONYM.fullmatch(str(a))]
            if forms:
                out.append((str(raw["id"]), tuple(dict.fromkeys(forms))))
    return tuple(out)


#: languages written in Latin letters, whose outlets keep the Latin acronyms of international bodies
_LATIN_LANGUAGES = frozenset({"es"})
#: an acronym: two to eight capital letters of any script, one word ("CEDEAO", "ЭКОВАС", "АС", "МККК")
_ACRONYM = re.compile(r"[^\W\d_a-zа-яёіїєґ]{2,8}")


@functools.lru_cache(maxsize=8)
def language_names(lang: str) -> dict[str, str]:
    """``stem_key`` of every known actor's name in ``lang`` -> its kb_id (``_name_forms``)."""
    out: dict[str, str] = {}
    for form, kb_id, curated in _name_forms(lang):
        if curated:
            out[stem_key(form)] = kb_id  # the curated names win over a catalogue's
        else:
            out.setdefault(stem_key(form), kb_id)
    out.pop("", None)
    return out


@functools.lru_cache(maxsize=8)
def shared_key_forms(lang: str) -> dict[str, str]:
    """The exact forms (lower case) of the names whose ``stem_key`` two actors share -> the kb_id of each: Ukrainian
    "Нігерії" (of Нігерія) and "Нігер" both fold to "нігер", so the stem alone gave Niger for Nigeria."""
    owners: dict[str, set[str]] = {}
    for form, kb_id, _ in _name_forms(lang):
        owners.setdefault(stem_key(form), set()).add(kb_id)
    out: dict[str, str] = {}
    for form, kb_id, _ in _name_forms(lang):
        if len(owners.get(stem_key(form), ())) > 1:
            out.setdefault(form.lower(), kb_id)
    return out


def known_name(text: str, normal: str, lang: str) -> str | None:
    """The kb_id of a name span of ``lang`` by its normal form or its text: an exact form first where two actors
    share a stem (``shared_key_forms``), else the stem (``language_names``)."""
    exact = shared_key_forms(lang)
    names = language_names(lang)
    return (exact.get(normal.lower()) or exact.get(text.lower())
            or names.get(stem_key(normal)) or names.get(stem_key(text)))


#: the country's own name at the end of a translated official name ("República Democrática Popular de Argelia")
_OFFICIAL_TAIL = re.compile(r"\s(?:de|del|de la|de las|de los|d')\s*([^\s].*)$")


def _short_from_official(name: str, official: str, official_tr: str, name_tr: str) -> set[str]:
    """The translated short name a catalogue lacks (Spanish has "República Democrática Popular de Argelia" for
    Algeria's official name but leaves "Algeria" untranslated): the tail of the translated official name, when the
    English official name ends "of <the short name>" and the catalogue gave the short name no translation."""
    if name_tr != name or official_tr == official or not re.search(rf"\bof (?:the )?{re.escape(name)}$", official):
        return set()
    m = _OFFICIAL_TAIL.search(official_tr)
    return {m.group(1)} if m else set()


@dataclass
class _Cluster:
    type: str
    spans: list[NamedSpan] = field(default_factory=list)
    kb_id: str | None = None

    @property
    def name(self) -> str:
        # the longest normal form: the full name, not the surname a later sentence uses
        return max((s.normal for s in self.spans), key=lambda n: (len(n.split()), len(n)))


def _person_words(name: str) -> list[str]:
    return [w for w in re.split(r"\s+", name.strip()) if w]


def _find_person(kb: KB, name: str, date: str | None) -> KBEntry | None:
    """The KB person whose surname shares ``name``'s cross-script key and whose given name's key agrees."""
    words = _person_words(name)
    if not words:
        return None
    key = script_key(words[-1])
    hits = []
    for e in kb.people():
        kb_words = _person_words(e.name)
        surname = kb_words[0] if e.surname_first else kb_words[-1]
        if key not in script_keys(surname) or len(key) < 2 or not surnames_agree(surname, words[-1]):
            continue
        given = [w for w in words[:-1] if len(w) > 1]
        kb_given = kb_words[1:] if e.surname_first else kb_words[:-1]
        if given and kb_given and script_key(given[0])[:2] != script_key(kb_given[0])[:2]:
            continue
        hits.append(e)
    if len(hits) > 1:
        hits = [e for e in hits if e.valid_on(date)] or hits
    return hits[0] if len(hits) == 1 else None


def _add_person(span: NamedSpan, clusters: list[_Cluster]) -> None:
    """Put a person's span in the cluster of the person it names, or in a new one.

    A name of one word joins the latest person whose family names (every word but the first: Spanish
    names carry two) include it; a full name joins a person with the same surname and no other given
    name."""
    words = _person_words(span.normal)
    keys = [script_key(w) for w in words]
    people = [k for k in reversed(clusters) if k.type == "PERSON"]
    for k in people:
        full = [ws for s in k.spans if len(ws := _person_words(s.normal)) > 1]
        family = {script_key(w) for ws in full for w in ws[1:]}
        if len(words) == 1:
            if keys[0] in family or any(script_key(s.normal) == keys[0] for s in k.spans):
                k.spans.append(span)
                return
            continue
        given = {script_key(ws[0])[:2] for ws in full}
        if keys[-1] in family and (not given or keys[0][:2] in given):
            k.spans.append(span)
            return
        if not full and any(script_key(s.normal) == keys[-1] for s in k.spans):
            k.spans.append(span)  # a surname first, the full name after it
            return
    clusters.append(_Cluster("PERSON", [span]))


#: a capital's consonant key this short ("Лима" lm, "Баку" bk) matches too many other names to stand for its country
_MIN_CAPITAL_KEY = 3
_PLACE_TYPES = frozenset({"GPE", "LOC"})
_CAPITAL_TYPES = _PLACE_TYPES | {"ORG"}


def _capital_keys(kb: KB) -> dict[str, str]:
    """``script_key`` of each country's capital in the knowledge base (English spellings) -> the country's kb_id,
    for capitals whose key no other capital shares: "Тбілісі" and "Tbilisi" share the key "tbls", so a capital
    written in any script stands for its country as the English metonym does ("Будапешт призвал")."""
    return kb.derived("capital_keys", _build_capital_keys)


def _build_capital_keys(kb: KB) -> dict[str, str]:
    seen: dict[str, set[str]] = {}
    for entry in kb.entries.values():
        if entry.kb_id.startswith("gpe:"):
            for capital in entry.capitals:
                key = script_key(capital)
                if len(key) >= _MIN_CAPITAL_KEY and " " not in capital.strip():
                    seen.setdefault(key, set()).add(entry.kb_id)
    return {key: next(iter(ids)) for key, ids in seen.items() if len(ids) == 1}


def _authority_country(span: NamedSpan, lang: str, names: dict[str, str]) -> str | None:
    """The country a span names after a word for its government ("Власти Белоруссии", "Влада Білорусі", "El
    Gobierno de Polonia"): the authorities act for the state, as "the Belarusian authorities" do in English."""
    heads = (load("kb/languages").get("authority_heads") or {}).get(lang) or ()
    joiners = (load("kb/languages").get("authority_joiners") or {}).get(lang) or ()
    words = span.text.split()
    while words and words[0].lower() in joiners:
        words = words[1:]
    if len(words) == 2 and stem_key(words[1]) in _authority_heads(lang) and lang not in _ADJECTIVE_AFTER:
        found = demonym_country(words[0], lang)  # "Белорусские власти", "Білоруська влада"
        return found if found and found.startswith("gpe:") else None
    if len(words) < 2 or words[0].lower() not in heads:
        return None
    rest = words[1:]
    while rest and rest[0].lower() in joiners:
        rest = rest[1:]
    kb_id = names.get(stem_key(" ".join(rest))) if rest else None
    if not kb_id and len(rest) == 1:
        kb_id = demonym_country(rest[0], lang)  # "El Gobierno peruano"
    return kb_id if kb_id and kb_id.startswith("gpe:") else None


def _authority_heads(lang: str) -> frozenset[str]:
    return frozenset(stem_key(h) for h in (load("kb/languages").get("authority_heads") or {}).get(lang) or ())


#: languages whose adjective of nationality follows the word for the government ("el Gobierno peruano"); in the
#: others it comes before it ("белорусские власти", "білоруська влада")
_ADJECTIVE_AFTER = frozenset({"es"})
_WORD_RUN = re.compile(r"[^\W\d_]+")


def _authority_mentions(doc: Document, spans: list[NamedSpan], lang: str) -> list[NamedSpan]:
    """A government named by the adjective of its country ("El Gobierno peruano", "Белорусские власти",
    "Білоруська влада"): taggers see no name there, but the authorities act for the state as "Власти Белоруссии"
    do. Spans the tagger put inside the phrase ("Білоруська") give way to it."""
    heads = _authority_heads(lang)
    if not heads:
        return []
    view = doc.body_view()
    words = list(_WORD_RUN.finditer(view))
    out = []
    for n, m in enumerate(words):
        if stem_key(m.group(0)) not in heads:
            continue
        k = n + 1 if lang in _ADJECTIVE_AFTER else n - 1
        if not 0 <= k < len(words):
            continue
        adj = words[k]
        first, last = (m, adj) if k > n else (adj, m)
        if view[first.end():last.start()].strip() or demonym_country(adj.group(0), lang) is None:
            continue
        text = doc.raw[first.start():last.end()]
        out.append(NamedSpan(first.start(), last.end(), text, "ORG", text))
    return out


@functools.lru_cache(maxsize=8)
def _agent_heads(lang: str) -> tuple[tuple[tuple[str, ...], str, bool], ...]:
    """The institution nouns of ``agent_heads`` in ``lang``: (its words, lower case; its kind; whether it is also an
    adjective, marked "~": "военные", "militares"), the longest first."""
    by_kind = (load("kb/languages").get("agent_heads") or {}).get(lang) or {}
    out = [(tuple(_plain(w) for w in form.rstrip("~").split()), kind, form.endswith("~"))
           for kind, forms in by_kind.items() for form in forms]
    return tuple(sorted(out, key=lambda h: -len(h[0])))


#: longest lower-case word that may stand before a Spanish noun-adjective head ("por", "los", "con", "sus"): a longer
#: one is most often the noun the adjective qualifies ("ejercicios militares rusos")
_SHORT_FUNCTION_WORD = 3


def _head_is_noun(words: list[re.Match[str]], first: int, last: int, adjective_after: bool, lang: str) -> bool:
    """Whether an institution word that is also an adjective ("военные", "militares") is the noun of its phrase
    here: in Russian and Ukrainian (adjective, head) no lower-case word but a verb follows it ("российские военные
    задержали", not "российские военные учения"); in Spanish (head, adjective) an article or a short function word
    stands before it ("los militares rusos", "por militares rusos", not "ejercicios militares rusos")."""
    if adjective_after:
        before = words[first - 1].group(0) if first > 0 else ""
        return not before or not before.islower() or before in CONNECTORS or len(before) <= _SHORT_FUNCTION_WORD
    after = words[last + 1].group(0) if last + 1 < len(words) else ""
    return not after or not after.islower() or finite_verb(after, lang)


def _agent_mentions(doc: Document, lang: str) -> list[tuple[NamedSpan, str, str]]:
    """A state's police, army, navy or coast guard named by the adjective of its country ("албанская полиция",
    "албанською поліцією", "la policía albanesa", "российские военные"): no tagger sees a name there, but the phrase
    names one actor, the institution English names "Police of Albania". Each as (the span, its country code, its
    institution kind); the span holds the adjective and the institution word."""
    heads = _agent_heads(lang)
    if not heads:
        return []
    view = doc.body_view()
    words = list(_WORD_RUN.finditer(view))
    plain = [_plain(w.group(0)) for w in words]
    after = lang in _ADJECTIVE_AFTER
    out = []
    n = 0
    while n < len(words):
        found = next(((forms, kind, adjectival) for forms, kind, adjectival in heads
                      if _starts_head(plain, n, forms)), None)
        if found is None:
            n += 1
            continue
        forms, kind, adjectival = found
        last = n + len(forms) - 1
        k = last + 1 if after else n - 1
        country = demonym_country(words[k].group(0), lang) if 0 <= k < len(words) else None
        near = 0 <= k < len(words) and not view[min(words[k].end(), words[n].end()):
                                                max(words[k].start(), words[n].start())].strip()
        if country is None or not country.startswith("gpe:") or not near \
                or (adjectival and not _head_is_noun(words, min(n, k), max(last, k), after, lang)):
            n += 1
            continue
        start, end = min(words[n].start(), words[k].start()), max(words[last].end(), words[k].end())
        text = doc.raw[start:end]
        out.append((NamedSpan(start, end, text, "ORG", text), country.removeprefix("gpe:"), kind))
        n = max(last, k) + 1
    return out


def _starts_head(plain: list[str], n: int, forms: tuple[str, ...]) -> bool:
    """Whether the words from ``n`` on are an institution noun: a one-word stem starts the word ("полици" ->
    "полицией"), the words of a longer one are the text's ("береговой охраной")."""
    if len(forms) == 1:
        return plain[n].startswith(forms[0])
    return tuple(plain[n:n + len(forms)]) == forms


#: a word with the apostrophes Ukrainian writes inside one ("здоров'я", "М’янма")
_APOSTROPHE_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")


@functools.lru_cache(maxsize=8)
def _phrase_names(lang: str) -> tuple[tuple[tuple[str, ...], str, str], ...]:
    """The names of ``data/kb/languages.yaml`` and of the knowledge base's entries in ``lang`` that hold a lower-case
    word ("Міжнародний валютний фонд", "Всесвітня організація охорони здоров'я"), as the ``stem_key`` of each word,
    the written form and the kb_id; the longest first."""
    data = load("kb/languages")
    out = []
    named = [*((kb_id, tuple(forms)) for kb_id, forms in (data.get("names", {}).get(lang) or {}).items()),
             *_kb_file_names(lang)]
    for kb_id, forms in named:
        for form in forms:
            words = _APOSTROPHE_WORD.findall(form)
            if len(words) >= 2 and any(w[:1].islower() for w in words[1:]):
                out.append((tuple(stem_key(w) for w in words), form, kb_id))
    return tuple(sorted(out, key=lambda p: -len(p[0])))


def _phrase_mentions(doc: Document, lang: str) -> list[NamedSpan]:
    """A known organisation written out in words that are not all capitalised ("Міжнародний валютний фонд у
    середу надав ...", "Всесвітньої організації охорони здоров'я"): a tagger keeps only its capitalised first word,
    or nothing, and that word alone links to no one. Each of its words may be in any case form (by ``stem_key``)."""
    phrases = _phrase_names(lang)
    if not phrases:
        return []
    view = doc.body_view()
    words = list(_APOSTROPHE_WORD.finditer(view))
    keys = [stem_key(w.group(0)) for w in words]
    out = []
    n = 0
    while n < len(words):
        found = None
        if words[n].group(0)[:1].isupper():
            found = next(((stems, form, kb_id) for stems, form, kb_id in phrases
                          if tuple(keys[n:n + len(stems)]) == stems
                          and not any(view[a.end():b.start()].strip()
                                      for a, b in zip(words[n:n + len(stems)], words[n + 1:n + len(stems)]))),
                         None)
        if found is None:
            n += 1
            continue
        stems, form, kb_id = found
        first, last = words[n], words[n + len(stems) - 1]
        text = doc.raw[first.start():last.end()]
        out.append(NamedSpan(first.start(), last.end(), text, "GPE" if kb_id.startswith("gpe:") else "ORG", form))
        n += len(stems)
    return out


#: fewest letters an adjective must share with the start of a country's name to be its demonym ("перу|анское")
_MIN_DEMONYM_PREFIX = 4
#: at most this many letters of the country's name may differ at its end ("поль|ша" ~ "поль|ские", "угор|щина" ~
#: "угор|ська")
_MAX_NAME_TAIL = 4


@functools.lru_cache(maxsize=8)
def _country_words(lang: str) -> tuple[tuple[str, str], ...]:
    """(one-word country name in ``lang``, lower-case and without accents; its kb_id): pycountry's names and the
    curated ones of ``data/kb/languages.yaml``."""
    import pycountry

    try:
        catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
    except OSError:
        return ()
    out: dict[str, str] = {}
    for c in pycountry.countries:
        forms = [catalogue.gettext(english) for english in (c.name, getattr(c, "common_name", None)) if english]
        official = getattr(c, "official_name", None)
        if official:  # the short name only the official one holds ("argelino" ~ Argelia)
            forms += sorted(_short_from_official(c.name, official, catalogue.gettext(official),
                                                 catalogue.gettext(c.name)))
        for form in map(_plain, forms):
            if form and " " not in form:
                out.setdefault(form, f"gpe:{c.alpha_3}")
    for kb_id, forms in (load("kb/languages").get("names", {}).get(lang) or {}).items():
        for form in forms:
            if kb_id.startswith("gpe:") and " " not in form.strip() and not form.isupper():
                out.setdefault(_plain(form), kb_id)
    return tuple(out.items())


def _plain(word: str) -> str:
    """Lower case without Latin accents (Cyrillic й and ї stay letters of their own)."""
    return "".join(c if "\u0400" <= c <= "\u04ff" or not c.isalpha() else unicodedata.normalize("NFD", c)[0]
                   for c in word.lower().replace("ё", "е"))


@functools.lru_cache(maxsize=4096)
def demonym_country(word: str, lang: str) -> str | None:
    """The country an adjective of nationality names in ``lang`` ("peruano", "перуанское", "білоруська",
    "polacas"): the curated ``demonyms`` of ``data/kb/languages.yaml``, else the one country whose name in
    pycountry's catalogue shares the most leading letters with it (at least ``_MIN_DEMONYM_PREFIX``, all but
    ``_MAX_NAME_TAIL`` of the name's); None when two countries tie ("guineano")."""
    plain = _plain(word)
    curated = load("kb/languages").get("demonyms", {}).get(lang) or {}
    for kb_id, stems in curated.items():
        if any(plain.startswith(_plain(s)) for s in stems):
            return kb_id
    best, best_len, tie = None, 0, False
    for name, kb_id in _country_words(lang):
        n = 0
        for a, b in zip(plain, name):
            if a != b:
                break
            n += 1
        if n < _MIN_DEMONYM_PREFIX or len(name) - n > _MAX_NAME_TAIL or plain == name:
            continue
        if n > best_len:
            best, best_len, tie = kb_id, n, False
        elif n == best_len and kb_id != best:
            tie = True
    return None if tie else best


def _capital_country(span: NamedSpan, kb: KB) -> str | None:
    """The country whose capital a one-word place name is. A tagger may type the capital an organisation where it
    acts for its government ("протест Мадриду", "Лондон ввёл санкции"): the same metonym. First by the capital's
    own names in every script (``_capital_written``: "Сува", "Відень", whose consonant keys are too short or not
    the English name's), in any case form; else by its consonant key across scripts, where the capital has no name
    written in the span's script (``_capital_names``): the span must be one of them, as "Лисак" (a surname) shares
    Lusaka's key "lsk" but is not "Лусака"; a capital with no name in that script is still read by the key alone."""
    if span.type not in _CAPITAL_TYPES or " " in span.normal.strip():
        return None
    forms = {stem_key(span.normal), stem_key(span.text)}
    written_by = _capital_written(kb)
    found = {written_by[f] for f in forms if f in written_by}
    if len(found) == 1:
        return found.pop()
    keys = _capital_keys(kb)
    script = _script(span.text)
    for key in dict.fromkeys((script_key(span.normal), script_key(span.text))):
        kb_id = keys.get(key)
        if kb_id is None:
            continue
        written = {stem_key(n) for n in _capital_names(kb).get(kb_id, ()) if _script(n) == script}
        if not written or forms & written:
            return kb_id
    return None


def _capital_by_name(span: NamedSpan, kb: KB, lang: str) -> str | None:
    """The country of the one capital written exactly as the span (either case), where the span is no exact form of
    a country's or a body's name in ``lang``. The stem a country's name folds to can be a capital's written name:
    "Мале" (Malé) folds to the stem of "Мали" (Mali), and the stem lookup read the country; a whole written name is
    better evidence than a stem. "Алжир" (the country and its capital) stays the country's name."""
    if span.type not in _CAPITAL_TYPES or " " in span.normal.strip():
        return None
    written = {span.text.lower(), span.normal.lower()}
    if written & _exact_name_forms(lang):
        return None
    # GeoNames lists rare spellings too: "Ганой" (a Hanoi) is also Ghana's instrumental, "с Ганой"
    if any(_declined_from(form, w) for w in written for form in _name_forms_by_stem(lang).get(stem_key(w), ())):
        return None
    exact = _capital_exact(kb)
    found = {kb_id for w in written for kb_id in exact.get(w, ())}
    return found.pop() if len(found) == 1 else None


@functools.lru_cache(maxsize=8)
def _exact_name_forms(lang: str) -> frozenset[str]:
    """Every form of every known actor's name in ``lang`` (``_name_forms``), lower case."""
    return frozenset(form.lower() for form, _, _ in _name_forms(lang))


@functools.lru_cache(maxsize=8)
def _name_forms_by_stem(lang: str) -> dict[str, tuple[str, ...]]:
    """``stem_key`` -> the forms of known actors' names in ``lang`` with that key, lower case."""
    out: dict[str, tuple[str, ...]] = {}
    for form, _, _ in _name_forms(lang):
        low = form.lower()
        key = stem_key(low)
        if low not in out.get(key, ()):
            out[key] = (*out.get(key, ()), low)
    return out


#: the nominative endings of the names that decline in Russian and Ukrainian ("Гана" / "Ганой", "Гвинея" / "Гвинеи");
#: names ending otherwise ("Мали", "Перу", "Того") keep one form in every case
_DECLINING_ENDINGS = ("а", "я")


def _declined_from(name: str, word: str) -> bool:
    """Whether ``word`` reads as a case form of the one-word ``name``: the name less its ending, then at most two
    letters of another ending ("Гана" -> "Ганой", "Гане")."""
    if " " in name or not name.endswith(_DECLINING_ENDINGS) or word == name:
        return False
    base = name[:-1]
    return word.startswith(base) and 1 <= len(word) - len(base) <= 2


def _capital_exact(kb: KB) -> dict[str, frozenset[str]]:
    """Each one-word name a capital has in any script (``_capital_names``), lower case -> the countries whose
    capitals are written so; the same names as ``_capital_written`` keys, whole instead of stemmed."""
    return kb.derived("capital_exact", _build_capital_exact)


def _build_capital_exact(kb: KB) -> dict[str, frozenset[str]]:
    owners: dict[str, set[str]] = {}
    for kb_id, names in _capital_names(kb).items():
        for name in names:
            if _capital_name_usable(name):
                owners.setdefault(name.lower(), set()).add(kb_id)
    return {name: frozenset(ids) for name, ids in owners.items()}


def _capital_name_usable(name: str) -> bool:
    """A capital's name that may stand for its country alone: one capitalised word of at least
    ``_MIN_CAPITAL_NAME`` letters, not a code ("TSE", an airport's)."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= _MIN_CAPITAL_NAME and " " not in name.strip() and not name.isupper() and name[:1].isupper()


def _capital_names(kb: KB) -> dict[str, tuple[str, ...]]:
    """Country kb_id -> the names of its capitals: the knowledge base's (English) and GeoNames' in every script
    (``kb.city_names``: "Лусака", "Тбілісі", "Мадрид")."""
    return kb.derived("capital_names", _build_capital_names)


def _build_capital_names(kb: KB) -> dict[str, tuple[str, ...]]:
    capitals = {(capital, entry.kb_id): entry for entry in kb.entries.values() if entry.kb_id.startswith("gpe:")
                for capital in entry.capitals}
    geonames = city_names(frozenset((capital, kb_id[4:]) for capital, kb_id in capitals))
    out: dict[str, tuple[str, ...]] = {}
    for capital, kb_id in capitals:
        out[kb_id] = (*out.get(kb_id, ()), capital, *geonames.get((capital, kb_id[4:]), ()))
    return out


#: letters a capital's written name needs to stand for its country by itself ("Рим", "Баку"; not "Ош")
_MIN_CAPITAL_NAME = 3


def _capital_written(kb: KB) -> dict[str, str]:
    """``stem_key`` of each one-word name a capital has in any script (``_capital_names``) -> its country's kb_id,
    where no other country's capital has a name of that key. Codes in capitals ("TSE", an airport's) are left out."""
    return kb.derived("capital_written", _build_capital_written)


def _build_capital_written(kb: KB) -> dict[str, str]:
    owners: dict[str, set[str]] = {}
    for kb_id, names in _capital_names(kb).items():
        for name in names:
            if _capital_name_usable(name):
                owners.setdefault(stem_key(name), set()).add(kb_id)
    return {key: next(iter(ids)) for key, ids in owners.items() if key and len(ids) == 1}


def _script(word: str) -> str:
    """The script of a word's first letter ("LATIN", "CYRILLIC", "GREEK"), by its Unicode name."""
    letter = next((c for c in word if c.isalpha()), "")
    return unicodedata.name(letter, "").split(" ")[0] if letter else ""


@functools.lru_cache(maxsize=8)
def _acronyms(lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """Two indexes of the acronyms a known name may be written as in ``lang``, each kept only where one actor has it:
    the initials of every body's name of two or more words in the language (``_kb_file_names``, the curated ``names``),
    by ``acronym_of`` with the language's short words of ``acronym_skip`` left out ("Unión Africana" UA, "Африканський
    союз" АС under ``acronym_key``, the key ``acronym_letters`` reads a written acronym by); and for a language not
    written in Latin letters, ``acronym_key`` of the knowledge base's Latin acronyms (ECOWAS for ЭКОВАС)."""
    data = load("kb/languages")
    skip = frozenset((data.get("acronym_skip") or {}).get(lang) or ())
    named = [*((kb_id, tuple(forms)) for kb_id, forms in (data.get("names", {}).get(lang) or {}).items()),
             *_kb_file_names(lang)]
    initials: dict[str, set[str]] = {}
    for kb_id, forms in named:
        for form in forms:
            words = acronym_words(form, skip)
            # bodies only, of words that are no abbreviations themselves: "Ак Орда" gave "АО", a company's legal form
            if kb_id.startswith("org:") and len(words) >= 2 and all(len(w) >= 3 for w in words):
                initials.setdefault(acronym_of(form, skip), set()).add(kb_id)
    latin: dict[str, set[str]] = {}
    if lang not in _LATIN_LANGUAGES:
        for name in _NAMED_KB_FILES:
            for raw in load(f"kb/{name}").get("entities") or []:
                for alias in raw.get("alias") or ():
                    if _ACRONYM.fullmatch(str(alias)) and str(alias).isascii():
                        latin.setdefault(acronym_key(str(alias)), set()).add(str(raw["id"]))
    return ({k: next(iter(v)) for k, v in initials.items() if len(v) == 1},
            {k: next(iter(v)) for k, v in latin.items() if len(v) == 1})


def _acronym_owner(span: NamedSpan, lang: str) -> str | None:
    """The known body an acronym no list holds stands for ("La UA", "АС", "ЭКОВАС"): the one name in the language
    whose initials it spells, else the one Latin acronym it transliterates."""
    joiners = (load("kb/languages").get("authority_joiners") or {}).get(lang) or ()
    words = span.text.split()
    while len(words) > 1 and words[0].lower() in joiners:
        words = words[1:]
    if len(words) != 1 or not _ACRONYM.fullmatch(words[0]):
        return None
    initials, latin = _acronyms(lang)
    return initials.get(acronym_letters(words[0])) or latin.get(acronym_key(words[0]))


def _clusters(spans: list[NamedSpan], lang: str, kb: KB, date: str | None,
              institutions: dict[tuple[int, int], Institution] | None = None) -> list[_Cluster]:
    names = language_names(lang)
    clusters: list[_Cluster] = []
    by_key: dict[tuple[str, str | None], _Cluster] = {}
    for span in sorted(spans, key=lambda s: s.start):
        made = (institutions or {}).get((span.start, span.end))
        kb_id = made.kb_id if made is not None else (
            _capital_by_name(span, kb, lang) or known_name(span.text, span.normal, lang)
            or _authority_country(span, lang, names)
            or _capital_country(span, kb) or _acronym_owner(span, lang))
        if span.type == "PERSON" and kb_id is None:
            _add_person(span, clusters)
            continue
        # a name the knowledge base knows in this language is that actor, whatever type the tagger gave it
        key = ("KB", kb_id) if kb_id else (span.type, stem_key(span.normal))
        found = by_key.get(key)
        if found is None:
            entry = kb.entries.get(kb_id) if kb_id else None
            kind = entry.type if entry is not None else span.type
            found = by_key[key] = _Cluster(kind, kb_id=kb_id)
            clusters.append(found)
        found.spans.append(span)
    for k in clusters:
        if k.type == "PERSON":
            person = _find_person(kb, k.name, date)
            k.kb_id = person.kb_id if person is not None else None
    return clusters


#: a surname's inflected forms: the name (less its last letter) and at most this many letters of ending
_MAX_ENDING = 3
_CAPITALISED_WORD = re.compile(r"(?<![\w'’-])[^\W\d_][\w'’]*(?:-[\w'’]+)*")


def _surname_mentions(doc: Document, spans: list[NamedSpan]) -> list[NamedSpan]:
    """A person's surname again where the tagger missed it (a sentence opening with "Токаев заявил"):
    a capitalised word outside every span that is an inflected form of a family name of exactly one
    person the document names in full."""
    surnames: dict[str, set[str]] = {}
    for s in spans:
        words = _person_words(s.normal)
        if s.type == "PERSON" and len(words) > 1:
            for w in words[1:]:  # every family name: Spanish names carry two ("Rafael Montoya Vidal")
                if len(w) >= 4:
                    surnames.setdefault(w.lower(), set()).add(w)
    if not surnames:
        return []
    view = doc.body_view()
    taken = sorted((s.start, s.end) for s in spans)
    starts = [a for a, _ in taken]
    out = []
    for m in _CAPITALISED_WORD.finditer(view):
        if not m.group(0)[0].isupper():
            continue
        k = bisect.bisect_left(starts, m.end())  # the spans that start before this word ends
        if any(b > m.start() for _, b in taken[max(0, k - 2):k]):
            continue
        word = m.group(0).lower()
        hits = [name for key, names in surnames.items() for name in names
                if word.startswith(key[:-1]) and len(word) - len(key) <= _MAX_ENDING - 1]
        if len(hits) == 1:
            out.append(NamedSpan(m.start(), m.end(), doc.raw[m.start():m.end()], "PERSON", hits[0]))
    return out


#: a capitalised word and the hyphen that joins it to the span after it ("Буркіна-" of "Буркіна-Фасо")
_HYPHEN_HEAD = re.compile(r"(?<![\w'’-])[^\W\d_][\w'’]*-$")


def _hyphen_head(doc: Document, span: NamedSpan, lang: str) -> NamedSpan:
    """A span the tagger began after a hyphen inside a known name ("Фасо" of "Буркіна-Фасо") with that name's head."""
    m = _HYPHEN_HEAD.search(doc.raw[max(0, span.start - 40):span.start])
    if m is None or not m.group(0)[:1].isupper():
        return span
    start = span.start - len(m.group(0))
    text = doc.raw[start:span.end]
    kb_id = known_name(text, text, lang)
    if not kb_id or kb_id == known_name(span.text, span.normal, lang):
        return span
    return NamedSpan(start, span.end, text, "GPE" if kb_id.startswith("gpe:") else "ORG", text)


#: languages whose office titles take the place they govern in the genitive before the holder ("Мер Дніпра Лисак")
_GENITIVE_PLACE_LANGUAGES = frozenset({"ru", "uk"})


@functools.lru_cache(maxsize=1)
def _city_stems() -> tuple[frozenset[str], frozenset[str]]:
    """(``stem_key`` of every Cyrillic city name GeoNames has, those names in lower case)."""
    names = cyrillic_city_names()
    return frozenset(stem_key(n) for n in names), frozenset(n.lower() for n in names)


def _split_place_genitive(doc: Document, spans: list[NamedSpan], lang: str) -> list[NamedSpan]:
    """A person's span that opens with a city in an oblique case, right after another word, is two: the city (LOC)
    and the person. A title names the place it governs in the genitive before its holder ("Мер Дніпра Лисак",
    "мэра Казани Метшина") and a tagger runs the place on into the name; the place is a mention of its own and the
    person is the rest. The city's own (nominative) name is left alone: a surname may be spelled as a town is
    ("Иванов"); so is a given name some town's name folds with ("Буді Сантосо", "Аркадием Весниным")."""
    if lang not in _GENITIVE_PLACE_LANGUAGES:
        return spans
    stems, nominative = _city_stems()
    out: list[NamedSpan] = []
    for span in spans:
        words = list(re.finditer(r"\S+", span.text))
        first = words[0].group(0) if words else ""
        before = doc.raw[:span.start].rstrip()
        if span.type != "PERSON" or len(words) < 2 or not before or not before[-1:].isalpha() \
                or stem_key(first) not in stems or first.lower() in nominative or given_in_any_script(first) \
                or not all(w.group(0)[:1].isupper() for w in words[1:]):
            out.append(span)
            continue
        place_end = span.start + words[0].end()
        person_start = span.start + words[1].start()
        normal_words = span.normal.split()
        normal = " ".join(normal_words[1:]) if len(normal_words) == len(words) else doc.raw[person_start:span.end]
        out.append(NamedSpan(span.start, place_end, doc.raw[span.start:place_end], "LOC", first))
        out.append(NamedSpan(person_start, span.end, doc.raw[person_start:span.end], "PERSON", normal))
    return out


def _joined_known(doc: Document, spans: list[NamedSpan], lang: str) -> list[NamedSpan]:
    """Two spans one space apart that together are a known name the tagger cut in two ("УВКБ" + "ООН": "УВКБ ООН",
    the UN refugee agency, not the UN) as one span; the first alone must name someone else or no one. A span begun
    after a hyphen inside a known name takes its head first (``_hyphen_head``)."""
    ordered = sorted((_hyphen_head(doc, s, lang) for s in spans), key=lambda s: s.start)
    out: list[NamedSpan] = []
    n = 0
    while n < len(ordered):
        a = ordered[n]
        b = ordered[n + 1] if n + 1 < len(ordered) else None
        gap = doc.raw[a.end:b.start] if b is not None else "\n"
        if b is not None and a.end <= b.start and not gap.strip() and "\n" not in gap:
            text = doc.raw[a.start:b.end]
            kb_id = known_name(text, text, lang)
            if kb_id and kb_id != known_name(a.text, a.normal, lang):
                out.append(NamedSpan(a.start, b.end, text, "GPE" if kb_id.startswith("gpe:") else "ORG", text))
                n += 2
                continue
        out.append(a)
        n += 1
    return out


def resolve_names(doc: Document, spans: list[NamedSpan], lang: str, kb: KB) -> tuple[list[Mention], list[Entity]]:
    """Mentions and document-local entities (ids ``f"{doc.id}/e{n}"``) from a document's named spans.

    Args:
        doc: the cleaned document the spans were found in (raw offsets).
        spans: its named spans (``nlp.ner_languages``).
        lang: the document's language code, which picks the names of countries and actors.
        kb: the knowledge base (``resolve.kb.load_kb``).
    Returns:
        (mentions sorted by offset, each pointing at its entity; the entities in order of first mention).
    """
    entities: list[Entity] = []
    mentions: list[Mention] = []
    authorities = _authority_mentions(doc, spans, lang)
    if authorities:
        # the tagger's spans inside a government's phrase give way; a phrase inside a longer tagged name does
        kept = [a for a in authorities if not any(s.start < a.end and a.start < s.end
                                                  and not (a.start <= s.start and s.end <= a.end) for s in spans)]
        spans = [s for s in spans if not any(a.start <= s.start and s.end <= a.end for a in kept)] + kept
    agents = {(a.start, a.end): institution for a, *institution in _agent_mentions(doc, lang)
              if not any(s.start < a.end and a.start < s.end and not (a.start <= s.start and s.end <= a.end)
                         for s in spans)}
    if agents:
        # the tagger's spans inside an institution's phrase ("Албанской") give way to it
        spans = [s for s in spans if not any(a <= s.start and s.end <= b for a, b in agents)] + [
            NamedSpan(a, b, doc.raw[a:b], "ORG", doc.raw[a:b]) for a, b in agents]
    spans = _split_place_genitive(doc, _joined_known(doc, spans, lang), lang)
    phrases = _phrase_mentions(doc, lang)
    if phrases:
        # a known name written out in lower-case words wins over the tagger's spans inside or across it
        spans = [s for s in spans if not any(p.start < s.end and s.start < p.end for p in phrases)] + phrases
    spans = spans + _surname_mentions(doc, spans)
    institutions = {key: institution_identity(country, kind, kb) for key, (country, kind) in agents.items()}
    for n, k in enumerate(_clusters(spans, lang, kb, doc.published, institutions), start=1):
        entry = kb.entries.get(k.kb_id) if k.kb_id else None
        ent_id = f"{doc.id}/e{n}"
        name = k.name
        aliases = sorted({s.normal for s in k.spans} - {name})
        country = entry.country if entry is not None else None
        sector = entry.sector if entry is not None else None
        made = next((institutions[(s.start, s.end)] for s in k.spans if (s.start, s.end) in institutions), None)
        if made is not None and entry is None:
            # an institution the knowledge base does not hold: named and placed as English names it
            aliases = sorted({s.normal for s in k.spans})
            name, country, sector = made.name, made.country, made.sector
        entities.append(Entity(
            id=ent_id, name=name, type=k.type, country=country,
            role=entry.role if entry is not None else None, sector=sector,
            aliases=aliases, mentions=[Span(doc.id, s.start, s.end, s.text) for s in k.spans], kb_id=k.kb_id))
        for s in k.spans:
            mentions.append(Mention(doc.id, s.start, s.end, s.text, k.type, ent_id,
                                    normal=s.normal if s.normal != s.text else None))
    mentions.sort(key=lambda m: m.start)
    return mentions, entities
