"""Named entities of Spanish text without a GPL model: capitalised candidates, typed by a small trained model.

spaCy's Spanish pipelines are GPL (an optional extra, ``nlp.ner_languages.spanish_names``). Without one,
Spanish documents still get their names: spaCy's rule tokenizer and sentencizer for Spanish (``blank("es")``,
MIT) cut the text; every run of capitalised words (joined through "de", "del", "la" ... when a
capitalised word follows: "Universidad de Salamanca") is a candidate; a logistic regression over its
words, its neighbours, its place in the sentence and the gazetteers (given names, country names in
Spanish) calls it PER, ORG, LOC or nothing (a capitalised sentence opener). The model is trained by
``scripts/train_names.py`` from ``training/languages/train/`` (``make train``), never from dev or frozen sets.
"""
from __future__ import annotations

import functools
import gettext
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyline.data import load
from storyline.model import Document, Sentence

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["Candidate", "NameModel", "candidates", "case_forms", "country_keys", "country_names", "default_model_path",
           "features", "finite_verb", "given_in_any_script", "hinted_candidates", "known_names", "latin_spellings",
           "load_name_model", "mend_country_spans", "retype_foreign_persons", "stem_key", "tokenize"]

#: lowercase words that may join capitalised ones inside a name ("Banco de España"); not "y" or "en", which
#: join two names far more often than they sit inside one ("Madrid y Tokio", "Ortega en Bruselas")
CONNECTORS = frozenset({"de", "del", "la", "las", "los", "el"})
NONE = "NONE"
_SAINTS = frozenset({"san", "santa", "santo", "don", "doña", "sor", "fray"})
_MODEL_FILE = "{lang}_names.npz"


@dataclass(frozen=True)
class Candidate:
    """A run of capitalised tokens: token indices ``[i, j)`` of its block's doc."""
    i: int
    j: int


def default_model_path(lang: str = "es") -> Path:
    return Path(__file__).resolve().parent.parent / "models" / _MODEL_FILE.format(lang=lang)


@functools.lru_cache(maxsize=4)
def _tokenizer(lang: str) -> Language:
    import spacy

    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    return nlp


def tokenize(texts: list[str], lang: str = "es") -> list[Doc]:
    """Tokens and sentences of ``texts`` in ``lang`` from spaCy's rules for it (no model)."""
    return list(_tokenizer(lang).pipe(texts))


def _capitalised(text: str) -> bool:
    return text[:1].isupper() and any(c.isalpha() for c in text)


def candidates(sdoc: Doc, lang: str = "es") -> list[Candidate]:
    """Runs of capitalised tokens, joined through connectors (Spanish) when a capitalised token follows them."""
    connectors = CONNECTORS if lang == "es" else frozenset()
    out = []
    i, n = 0, len(sdoc)
    while i < n:
        if not _capitalised(sdoc[i].text):
            i += 1
            continue
        j = i + 1
        while j < n:
            if _capitalised(sdoc[j].text) and not sdoc[j].is_sent_start:
                j += 1
                continue
            k = j
            while k < n and sdoc[k].lower_ in connectors and not sdoc[k].is_sent_start:
                k += 1
            if k > j and k < n and _capitalised(sdoc[k].text) and not sdoc[k].is_sent_start:
                j = k + 1
                continue
            break
        # two names side by side ("del Club América Diego Rangel"): a given name after a capitalised word
        # that is not one opens a new run (not after San, Santa: "San Pedro" is a place)
        given = _given_names()
        for k in range(i + 1, j):
            before = sdoc[k - 1].lower_
            if sdoc[k].lower_ in given and _capitalised(sdoc[k - 1].text) and before not in given and \
                    before not in _SAINTS and k + 1 < j and _capitalised(sdoc[k + 1].text):
                j = k
                break
        if lang == "es" and i >= 2 and sdoc[i - 1].lower_ in ("de", "del") \
                and sdoc[i - 2].lower_ in _portfolio_roles() \
                and not (i >= 3 and sdoc[i - 3].lower_ in _government_heads()):
            # "ministro de Comercio de Nigeria": the portfolio is part of a description of a person, not a name;
            # what follows its joint ("Nigeria", "la Junta de Andalucía") is a name of its own
            joint = next((k for k in range(i + 1, j) if sdoc[k].lower_ in ("de", "del")), None)
            if joint is None:
                i = j
                continue
            i = joint + 1
            while i < j and not _capitalised(sdoc[i].text):
                i += 1
        start = i
        # a sentence's opening function word is no part of a name ("El Gobierno", "Según Beltrán")
        while start < j and sdoc[start].is_sent_start is not False and sdoc[start].is_stop and (
                start == i and sdoc[start].is_sent_start):
            start += 1
        if start < j:
            out.append(Candidate(start, j))
        i = j
    return out


@functools.lru_cache(maxsize=1)
def _government_heads() -> frozenset[str]:
    """Spanish words that make a role noun a head of government ("primer ministro de Tonga": the state, no
    portfolio; ``government_heads`` in data/kb/languages.yaml)."""
    return frozenset(w.lower() for w in (load("kb/languages").get("government_heads", {}).get("es") or []))


@functools.lru_cache(maxsize=1)
def _portfolio_roles() -> frozenset[str]:
    """Spanish role nouns whose "de X" names a portfolio, not an organisation ("ministro de Comercio";
    ``portfolio_roles`` in data/kb/languages.yaml)."""
    return frozenset(w.lower() for w in (load("kb/languages").get("portfolio_roles", {}).get("es") or []))


#: case endings of Russian and Ukrainian nouns and adjectives, longest first: a stem is what a
#: name keeps in every case ("Україна", "України", "Україною" -> "україн")
_SLAVIC_ENDINGS = tuple(sorted({
    "ами", "ями", "ого", "его", "ому", "ему", "ими", "ыми", "ой", "ей", "ою", "ею", "ом", "ем", "ам", "ям",
    "ах", "ях", "ов", "ев", "ій", "ий", "ый", "ая", "яя", "ої", "ії", "ів", "им", "ым", "ую", "юю", "єю", "єм",
    "а", "я", "у", "ю", "е", "є", "і", "ї", "и", "ы", "о", "ь", "й"}, key=len, reverse=True))
_MIN_STEM = 3
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def stem_key(name: str) -> str:
    """A name's words, lower-cased, accents and Slavic case endings off: the lookup key of a place or
    an organisation in any of its inflected forms ('Казахстана' and 'Казахстан' -> 'казахстан')."""
    out = []
    for word in _WORD.findall(name.lower().replace("ё", "е")):
        if not _is_cyrillic(word):  # (Cyrillic й and ї are letters of their own, not accented ones)
            word = _strip_accents(word)
        else:
            for ending in _SLAVIC_ENDINGS:
                if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
                    word = word[:-len(ending)]
                    break
        out.append(word)
    return " ".join(out)


def _is_cyrillic(word: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in word)


#: words that join two names in a list ("Литви та Норвегії"): a hinted span is cut at them
_LIST_WORDS = frozenset({"та", "і", "й", "и", "або", "y", "e", "o"})


#: endings of a past-tense verb (ru, uk): "закликав", "заявила", "підписали"; a name word between names never ends so
#: and is lower case ("Банк розвитку Азії" keeps its joint)
_VERB_ENDINGS = ("ла", "ло", "ли", "ав", "ів", "ив", "ув", "ал", "ил", "ел", "ял")


def _verb_between_names(sdoc: Doc, k: int, first: int, end: int) -> bool:
    """Whether token ``k`` of a tagged span is a lower-case past-tense verb between two capitalised words: the
    tagger ran a name on into its verb and object ("Чіді Оконкво закликав Гану")."""
    if not first < k < end - 1:
        return False
    word = sdoc[k].text
    return (word.islower() and len(word) >= 4 and word.endswith(_VERB_ENDINGS)
            and _capitalised(sdoc[k - 1].text) and _capitalised(sdoc[k + 1].text))


def hinted_candidates(sdoc: Doc, offset: int, hints: list[tuple[int, int, str]],
                      lang: str = "uk") -> list[tuple[Candidate, str]]:
    """Candidates with what another tagger said of them: its spans (raw ``(start, end, type)``, cut at
    list words) with their type, and the capitalised runs it left alone with "none"."""
    out: list[tuple[Candidate, str]] = []
    covered: set[int] = set()
    for start, end, kind in hints:
        span = sdoc.char_span(start - offset, end - offset, alignment_mode="expand")
        if span is None:
            continue
        i = span.start
        # a name never opens with a lower-case word: the tagger glued the verb before it ("надала Молдові")
        while i < span.end - 1 and not _capitalised(sdoc[i].text):
            i += 1
        if span.end - i > 1 and sdoc[i].is_sent_start and not _is_given(sdoc[i].lower_):
            # a capitalised sentence opener the tagger glued to the name after it ("Уряд України"): apart
            out.append((Candidate(i, i + 1), kind))
            i += 1
            while i < span.end - 1 and not _capitalised(sdoc[i].text):
                i += 1  # and the lower-case words after it ("Міністр торгівлі Нігерії")
        for k in range(i, span.end + 1):
            if k == span.end or sdoc[k].lower_ in _LIST_WORDS or _verb_between_names(sdoc, k, i, span.end):
                if k > i:
                    out.append((Candidate(i, k), kind))
                i = k + 1
            elif k == i + 1 and k + 1 < span.end and stem_key(sdoc[i].text) in _stemmed(lang, "countries") \
                    and _capitalised(sdoc[k].text) and _capitalised(sdoc[k + 1].text):
                # a country in the genitive before a person's full name ("Нігерії Чіді Оконкво"): apart
                out.append((Candidate(i, k), kind))
                i = k
            elif k > i and k + 1 < span.end and _is_given(sdoc[k].lower_) and not _is_given(sdoc[k - 1].lower_):
                # a person's full name right after another name ("Поліссяліс Василю Мороз"): apart
                out.append((Candidate(i, k), kind))
                i = k
        covered.update(range(span.start, span.end))
    for cand in candidates(sdoc, lang):
        if not covered.intersection(range(cand.i, cand.j)):
            out.append((cand, "none"))
    return sorted(out, key=lambda c: c[0].i)


@functools.lru_cache(maxsize=4)
def country_names(lang: str) -> dict[str, str]:
    """Lower-cased country names in ``lang`` (pycountry's ISO 3166-1 translations) and in English -> ISO alpha-3."""
    import pycountry

    try:
        catalogue: gettext.NullTranslations = gettext.translation("iso3166-1", pycountry.LOCALES_DIR,
                                                                  languages=[lang])
    except OSError:
        catalogue = gettext.NullTranslations()
    out: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            english = getattr(c, attr, None)
            if english:
                for form in (english, catalogue.gettext(english)):
                    out.setdefault(form.lower(), c.alpha_3)
    return out


@functools.lru_cache(maxsize=4)
def known_names(lang: str) -> dict[str, str]:
    """Lower-cased names of known actors in ``lang`` (``data/kb/languages.yaml``) -> the kind of their
    kb_id (``org``, ``gpe``, ``per``)."""
    out: dict[str, str] = {}
    for kb_id, forms in (load("kb/languages")["names"].get(lang) or {}).items():
        for form in forms:
            out[form.lower()] = kb_id.split(":", 1)[0]
    return out


@functools.lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Given names, lower case: the gendered list and the Spanish names given to both genders ("Carmen", "José"),
    which the gendered list leaves out."""
    data = load("given_names")
    both = load("given_names_es").get("names") or []
    return frozenset(n.lower() for n in [*both, *(n for key in ("female", "male") for n in data.get(key) or [])])


#: Cyrillic letters -> their Latin spellings in the usual transliterations ("Кваме" -> "kvame", "kwame")
_LATIN = {"а": ("a",), "б": ("b",), "в": ("v", "w"), "г": ("g", "h"), "ґ": ("g",), "д": ("d",), "е": ("e",),
          "є": ("ye", "e"), "ё": ("yo", "e"), "ж": ("zh", "j"), "з": ("z",), "и": ("i", "y"), "і": ("i",),
          "ї": ("yi", "i"), "й": ("y", "i", "j"), "к": ("k", "c"), "л": ("l",), "м": ("m",), "н": ("n",),
          "о": ("o",), "п": ("p",), "р": ("r",), "с": ("s",), "т": ("t",), "у": ("u",), "ф": ("f",),
          "х": ("kh", "h"), "ц": ("ts", "c"), "ч": ("ch", "c"), "ш": ("sh",), "щ": ("shch", "sch"), "ъ": ("",),
          "ы": ("y", "i"), "ь": ("",), "э": ("e",), "ю": ("yu", "u", "ju"), "я": ("ya", "ia", "ja"),
          "'": ("",), "’": ("",), "ʼ": ("",)}
_MAX_SPELLINGS = 64


def latin_spellings(word: str) -> set[str]:
    """Latin spellings of a Cyrillic word in the usual transliterations (at most 64), lower case; a Latin word as
    it is, without accents."""
    word = word.lower()
    if not _is_cyrillic(word):
        return {_strip_accents(word)}
    out = {""}
    for ch in word:
        options = _LATIN.get(ch, (ch,))
        out = {o + x for o in out for x in options}
        if len(out) > _MAX_SPELLINGS:
            out = set(sorted(out)[:_MAX_SPELLINGS])
    return out


@functools.lru_cache(maxsize=1)
def _given_latin() -> frozenset[str]:
    return frozenset(_strip_accents(n) for n in _given_names())


def given_in_any_script(word: str) -> bool:
    """Whether ``word`` is a given name in any script: as listed ("Андрій", "Carmen"), in a case form of one
    ("Андрієм"), or a Cyrillic spelling of a Latin one ("Кваме", "Кармен")."""
    lowered = word.lower()
    if _is_given(lowered):
        return True
    return _is_cyrillic(lowered) and bool(latin_spellings(lowered) & _given_latin())


def features(sdoc: Doc, cand: Candidate, lang: str = "es", hint: str | None = None) -> dict[str, float]:
    """What the name model reads of one candidate: its words, neighbours, position and gazetteer hits;
    ``hint``: what another tagger called this stretch (natasha's type on Ukrainian text, or "none")."""
    toks = sdoc[cand.i:cand.j]
    words = [t.lower_ for t in toks]
    f: dict[str, float] = {"bias": 1.0, f"n={min(len(words), 4)}": 1.0,
                           f"first={words[0]}": 1.0, f"last={words[-1]}": 1.0,
                           f"suf={words[-1][-3:]}": 1.0, f"pre={words[0][:3]}": 1.0}
    for w in words:
        f[f"w={w}"] = 1.0
    opens = toks[0].is_sent_start
    if opens:
        f["opens"] = 1.0
        if len(words) == 1:
            f["opens_alone"] = 1.0
    if toks.text.isupper() and len(toks.text) > 1:
        f["caps"] = 1.0
    if any(w in CONNECTORS for w in words):
        f["connector"] = 1.0
    for k in (1, 2):
        prev = sdoc[cand.i - k].lower_ if cand.i - k >= 0 and not sdoc[cand.i - k + 1].is_sent_start else "<s>"
        f[f"prev{k}={prev}"] = 1.0
    nxt = sdoc[cand.j].lower_ if cand.j < len(sdoc) else "</s>"
    f[f"next={nxt}"] = 1.0
    if cand.j < len(sdoc) and sdoc[cand.j].text == ",":
        f["comma_after"] = 1.0
    if cand.i > 0 and sdoc[cand.i - 1].text == ",":
        f["comma_before"] = 1.0
    given = _given_names()
    if words[0] in given:
        f["given_first"] = 1.0
    if sum(w in given for w in words) >= 1 and len(words) >= 2:
        f["given_in_name"] = 1.0
    countries = country_names(lang)
    if toks.text.lower() in countries:
        f["country"] = 1.0
    elif any(w in countries for w in words):
        f["has_country"] = 1.0
    known = known_names(lang).get(toks.text.lower())
    if known:
        f[f"known={known}"] = 1.0
    if lang != "es":
        _inflected_features(f, words, toks.text, lang)
    if hint is not None:
        f[f"hint={hint}"] = 1.0
    if len(words) == 1 and any(t.lower_ == words[0] and not _capitalised(t.text) for t in sdoc):
        f["lower_elsewhere"] = 1.0
    if len(words) == 1 and any(
            t.lower_ == words[0] and (t.i < cand.i or t.i >= cand.j) and _capitalised(t.text) and (
                t.i > 0 and _capitalised(sdoc[t.i - 1].text) and not sdoc[t.i].is_sent_start)
            for t in sdoc):
        f["last_word_of_a_longer_name"] = 1.0  # "Beltrán" after "Ignacio Beltrán": a surname
    return f


@functools.lru_cache(maxsize=4)
def _org_heads(lang: str) -> frozenset[str]:
    """Stems of the nouns that head an organisation's name in ``lang`` ("банк", "рада"; data/kb/languages.yaml)."""
    return frozenset(stem_key(w) for w in (load("kb/languages").get("org_heads", {}).get(lang) or []))


def _inflected_features(f: dict[str, float], words: list[str], text: str, lang: str) -> None:
    """Features of a name in an inflected language: case endings, and gazetteer hits on stems."""
    for w in words:
        f[f"end2={w[-2:]}"] = 1.0
    f[f"first_end={words[0][-2:]}"] = 1.0
    key = stem_key(text)
    if key in _stemmed(lang, "countries"):
        f["country_stem"] = 1.0
    if key in _stemmed(lang, "known"):
        f["known_stem"] = 1.0
    if _is_given(words[0]):
        f["given_stem_first"] = 1.0
        if len(words) >= 2:
            f["given_stem_then_more"] = 1.0
    heads = _org_heads(lang)
    if any(stem_key(w) in heads for w in words):
        f["org_head"] = 1.0


@functools.lru_cache(maxsize=8)
def _stemmed(lang: str, which: str) -> frozenset[str]:
    names = country_names(lang) if which == "countries" else known_names(lang)
    return frozenset(stem_key(n) for n in names)


def _is_given(word: str) -> bool:
    """A given name, in any case form ("Андрій", "Андрієм")."""
    stems = _given_stems()
    return word in _given_names() or any(word[:k] in stems for k in range(3, len(word) + 1))


@functools.lru_cache(maxsize=1)
def _given_stems() -> frozenset[str]:
    """Given names less their last letter (a case ending's place: "Андрій" -> "Андрі", matching "Андрієм")."""
    return frozenset(n[:-1] for n in _given_names() if len(n) >= 4)


class NameModel:
    """A vectoriser and a classifier over ``features``: PER, ORG, LOC or NONE per candidate."""

    def __init__(self, vectorizer: Any, classifier: Any) -> None:
        self.vectorizer = vectorizer
        self.classifier = classifier

    def predict(self, rows: list[dict[str, float]]) -> list[str]:
        if not rows:
            return []
        return [str(label) for label in self.classifier.predict(self.vectorizer.transform(rows))]


@functools.lru_cache(maxsize=4)
def load_name_model(path: str = "", lang: str = "es") -> NameModel:
    """The trained name model at ``path`` (empty: the one shipped in the package for ``lang``)."""
    from storyline.cache import read_shipped_model

    data = read_shipped_model(path, functools.partial(default_model_path, lang), on_problem="raise",
                              missing=f"no {lang} name model at {{path}}: run `make train`")
    return NameModel(data["vectorizer"], data["classifier"])


def sentences_of(doc: Document, offset: int, sdoc: Doc) -> list[Sentence]:
    out = []
    for sent in sdoc.sents:
        text = sent.text_with_ws
        stripped = text.strip()
        if stripped:
            start = offset + sent.start_char + len(text) - len(text.lstrip())
            out.append(Sentence(doc.id, start, start + len(stripped), stripped))
    return out



@functools.lru_cache(maxsize=4)
def _morphology(lang: str) -> Any:
    """pymorphy3's analyser for ``lang`` (ru, uk), or None when it or its dictionary is missing."""
    try:
        import pymorphy3

        return pymorphy3.MorphAnalyzer(lang=lang)
    except Exception:  # noqa: BLE001 - a missing optional dictionary
        return None


def finite_verb(word: str, lang: str) -> bool:
    """Whether ``word`` reads as a finite verb: by morphology (ru, uk), else by a past-tense ending."""
    analyser = _morphology(lang)
    if analyser is None:
        # a reflexive verb ("зустрівся", "встретился") ends in its particle: the tense ending stands before it
        stem = word[:-2] if word.endswith(("ся", "сь")) else word
        return word.islower() and len(stem) >= 4 and stem.endswith(_VERB_ENDINGS)
    return analyser.parse(word)[0].tag.POS == "VERB"


_WORD_BEFORE = re.compile(r"([^\W\d_]+(?:-[^\W\d_]+)?) $")
_WORD_AFTER = re.compile(r"^ ([^\W\d_]+)")


def retype_foreign_persons(raw: str, spans: list[tuple[int, int, str]], lang: str) -> list[tuple[int, int, str]]:
    """Spans ``(start, end, type)`` of a Russian or Ukrainian text with foreign people's names mended: a given name in
    any script right before a span that no span holds joins it ("Кваме" + "Асанте"), and a name of two or more
    capitalised words that opens with a given name ("Кваме Асанте", "Кармен Бельтран") and stands right before a
    finite verb (the subject of "заявил", "зустрівся") is a person, whatever the tagger called it (taggers trained
    on Russian news call foreign names places). Only Cyrillic words count (a Latin name in Cyrillic text is mostly a
    brand: "Dragon Capital"); a country or known name is never retyped."""
    covered = [(s, e) for s, e, _ in spans]
    out = []
    for start, end, kind in spans:
        found = _WORD_BEFORE.search(raw[max(0, start - 40):start])
        if found is not None:
            word = found.group(1)
            at = start - len(word) - 1
            if _capitalised(word) and _is_cyrillic(word) and given_in_any_script(word) \
                    and not any(s < start and at < e for s, e in covered):
                start = at
        text = raw[start:end]
        words = text.split()
        nxt = _WORD_AFTER.match(raw[end:end + 40])
        if kind != "PERSON" and len(words) >= 2 and all(_capitalised(w) for w in words) \
                and _is_cyrillic(words[0]) and given_in_any_script(words[0]) and nxt is not None \
                and finite_verb(nxt.group(1), lang):
            key = stem_key(text)
            if key not in _stemmed(lang, "countries") and key not in _stemmed(lang, "known"):
                kind = "PERSON"
        out.append((start, end, kind))
    return out


# --- country names inside Russian / Ukrainian spans -------------------------------------------------------
# natasha (and the Ukrainian model over its hints) glue a country in the genitive to the name after it
# ("Малайзії Фарід", "Саудівської Аравії Фейсалом аль-Рашедом") and cut a country of two words to its noun
# ("Корея" of "Південна Корея"). The gazetteer (pycountry's catalogue, the curated names) knows each country's
# full name; its case forms are matched by ``stem_key`` plus the endings ``stem_key`` cannot fold.

#: nominative endings -> the oblique forms whose stem ``stem_key`` leaves different ("Малайзія" малайзі /
#: "Малайзії" малайз; "Об'єднані" / "Об'єднаних"), with the shortest word each is read in (a plural adjective is
#: long: "Малі" is Mali, not "small")
_OBLIQUE_ENDINGS = {"uk": (("ія", "ії", 5), ("і", "их", 7)), "ru": (("ия", "ии", 5), ("ые", "ых", 7), ("ие", "их", 7))}
#: the head noun's k and g turn to c and z before the Ukrainian dative and locative -і ("Шрі-Ланка" / "Шрі-Ланці",
#: "Рига" / "Ризі"); an adjective before it keeps them ("Саудівська" / "Саудівській")
_VELAR_DATIVE = {"uk": (("ка", "ці", 5), ("га", "зі", 5))}
#: longest country name, in words, looked for at the start or the end of a span
_MAX_COUNTRY_WORDS = 3


def _oblique(word: str, lang: str) -> str:
    for nominative, oblique, shortest in _OBLIQUE_ENDINGS.get(lang, ()):
        if word.endswith(nominative) and len(word) >= shortest:
            return word[:-len(nominative)] + oblique
    return word


def case_forms(name: str, lang: str) -> set[str]:
    """``name`` and its oblique forms whose ``stem_key`` differs from the nominative's (``_OBLIQUE_ENDINGS``):
    "Нова Зеландія" -> {"Нова Зеландія", "Нова Зеландії"}, "Об’єднані Арабські Емірати" -> its genitive too."""
    words = name.split()
    forms = {name, " ".join(_oblique(w, lang) for w in words)}
    if words:
        last = words[-1]
        for nominative, dative, shortest in _VELAR_DATIVE.get(lang, ()):
            if last.endswith(nominative) and len(last) >= shortest:
                forms.add(" ".join([*words[:-1], last[:-len(nominative)] + dative]))
                break
    return forms


@functools.lru_cache(maxsize=4)
def country_keys(lang: str) -> frozenset[str]:
    """``stem_key`` of every country's name in ``lang`` in any case form: pycountry's catalogue and the curated
    country names of ``data/kb/languages.yaml`` (capitals left out: "Москва" is a city inside a span)."""
    forms = list(country_names(lang))
    forms += [f for kb_id, fs in (load("kb/languages")["names"].get(lang) or {}).items() if kb_id.startswith("gpe:")
              for f in fs]
    capitals = {stem_key(c) for fs in (load("kb/languages").get("capitals", {}).get(lang) or {}).values() for c in fs}
    keys = {stem_key(c) for f in forms for c in case_forms(f.replace("’", "'"), lang)}
    return frozenset(k for k in keys - capitals if k)


_SPAN_WORD = re.compile(r"\S+")
_NAME_BEFORE = re.compile(r"([^\W\d_][\w'’ʼ-]*) $")


def _person_shaped(words: list[str]) -> bool:
    """Capitalised words, or a particle before a capitalised part ("аль-Рашедом", "бін"), at most four."""
    if not 1 <= len(words) <= 4 or not _capitalised(words[0]):
        return False
    return all(_capitalised(w) or ("-" in w and _capitalised(w.rsplit("-", 1)[1])) or len(w) <= 3 for w in words)


def _words_before(raw: str, start: int, most: int) -> list[int]:
    """Starts of the capitalised words right before ``start``, one space apart, nearest first (at most ``most``). A
    joining word between two of them ("Тринідад і Тобаго", "Босния и Герцеговина": the tagger cut the name at it)
    is stepped over: the caller keeps a longer span only when the gazetteer knows it as a country's name."""
    out: list[int] = []
    at = start
    for _ in range(most):
        found = _NAME_BEFORE.search(raw[max(0, at - 40):at])
        if found is not None and found.group(1) in _LIST_WORDS and out == [] and at == start:
            joined = _NAME_BEFORE.search(raw[max(0, at - len(found.group(1)) - 41):at - len(found.group(1)) - 1])
            if joined is not None and _capitalised(joined.group(1)):
                at = at - len(found.group(1)) - 1
                found = joined
        if found is None or not _capitalised(found.group(1)):
            break
        at = at - len(found.group(1)) - 1
        out.append(at)
    return out


def mend_country_spans(raw: str, spans: list[tuple[int, int, str]], lang: str) -> list[tuple[int, int, str]]:
    """Spans ``(start, end, type)`` of a Russian or Ukrainian text with country names mended (sorted by start):

    * a span that opens with a country's full name (one to three words, any case form) followed by a
      capitalised, person-shaped name is two spans, the country (LOC) and the person (PERSON): "Малайзії Фарід",
      "Саудівської Аравії Фейсалом аль-Рашедом"; a verb the tagger ran the name on into is left out;
    * a span grows to the left over the capitalised words right before it when the gazetteer knows the longer
      name as a country's ("Південна" + "Корея", "Об'єднаних" + "Арабських Еміратів Халід"); a span of those
      words alone is taken in;
    * a person-shaped span the tagger called a place or an organisation, right after a country's name
      ("послом Малайзії Фарідом"), is a person: a title, its country, then its holder.
    """
    keys = country_keys(lang)
    known = _stemmed(lang, "known")
    out: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(spans):
        words = list(_SPAN_WORD.finditer(raw[start:end]))
        best: tuple[int, int, int] | None = None  # (country start, words of the span in it, words of the person)
        for left in [start, *_words_before(raw, start, _MAX_COUNTRY_WORDS - 1)]:
            for n in range(min(_MAX_COUNTRY_WORDS, len(words)), 0, -1):
                if stem_key(raw[left:start + words[n - 1].end()]) not in keys:
                    continue
                rest = [w.group(0) for w in words[n:]]
                # the tagger ran the name on into its verb ("Індонезії Буді Сантосо зустрівся з"): the name ends there
                verb = next((k for k, w in enumerate(rest) if k and w.islower() and finite_verb(w, lang)), len(rest))
                rest = rest[:verb]
                if n < len(words) and (not _person_shaped(rest) or stem_key(" ".join(rest)) in keys | known):
                    continue
                if best is None or (start - left) + n > (start - best[0]) + best[1]:
                    best = (left, n, verb)
                break
        if best is None or (best[0] == start and best[1] == len(words)):
            out.append((start, end, kind))
            continue
        left, n, verb = best
        if left < start:
            # the words taken in may be spans of their own (a sentence opener the tagger set apart)
            if out and out[-1][0] < left < out[-1][1]:
                out.append((start, end, kind))
                continue
            while out and out[-1][0] >= left:
                out.pop()
        if n == len(words):
            out.append((left, end, "LOC" if kind == "PERSON" else kind))
            continue
        out.append((left, start + words[n - 1].end(), "LOC"))
        out.append((start + words[n].start(), start + words[n + verb - 1].end(), "PERSON"))
    return _persons_after_countries(raw, out, keys | known)


def _persons_after_countries(raw: str, spans: list[tuple[int, int, str]],
                             keys: frozenset[str]) -> list[tuple[int, int, str]]:
    """A person-shaped span the tagger called a place or an organisation, one space after a country's name (``keys``:
    countries' and known names' stems; an acronym before it is an organisation's)."""
    out = list(spans)
    for k in range(1, len(out)):
        (a, b, _), (start, end, kind) = out[k - 1], out[k]
        words = raw[start:end].split()
        if kind != "PERSON" and raw[b:start] == " " and stem_key(raw[a:b]) in keys and _person_shaped(words) \
                and stem_key(raw[start:end]) not in keys and not raw[a:b].isupper():
            out[k] = (start, end, "PERSON")
    return out
