"""Name keys: spelling- and transliteration-tolerant keys for names of people and organisations.

Outlets romanise the same Cyrillic, Kazakh or Arabic name in many ways (``q``/``k``,
``zh``/``j``, ``y``/``i``, doubled consonants, a glide ``y`` between vowels, accents).
``name_key`` folds those differences into one spelling; ``skeleton`` keeps only the
consonants so that a vowel ending (``-o``/``-a``) still matches. Equality of keys is
a *candidate* match: callers combine it with context (first names, country, role).
"""
from __future__ import annotations

import functools
import logging
import re
from collections.abc import Collection, Iterable

from rapidfuzz.distance import Levenshtein
from unidecode import unidecode

from storyline.data import load

LOGGER = logging.getLogger(__name__)

#: Ordered rewrites from common romanisation variants to one spelling. Longer patterns first.
_REWRITES: tuple[tuple[str, str], ...] = (
    ("shch", "sh"), ("sch", "sh"), ("tch", "ch"), ("dzh", "j"), ("zh", "j"), ("dj", "j"),
    ("kh", "h"), ("gh", "g"), ("ck", "k"), ("q", "k"), ("x", "ks"), ("w", "v"), ("ph", "f"),
    ("tz", "ts"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("y", "i"), ("ii", "i"), ("c", "k"),
)
_VOWELS = "aeiou"
#: Words after which a place is one something happens in, goes to or comes from ("talks in Moscow", "at Heathrow"):
#: not the government a capital stands for, nor the first word of a body's name.
PLACE_BEFORE = re.compile(r"\b(?:in|to|from|at|near|outside|into|across|around|through|via|towards?|"
                          r"visit|visited|visits|visiting|reached|left|leaving|streets\s+of|centre\s+of|"
                          r"center\s+of|downtown|central|suburbs?\s+of)\s+$", re.I)

#: A glide "i" (from "y") between vowels carries no distinctive sound: Zuyev ~ Zuev.
_GLIDE = re.compile(r"(?<=[aeiou])i(?=[aeiou])")
_DOUBLE = re.compile(r"(.)\1+")
_VOWEL_PAIR = re.compile(r"([aou])e")
#: French/German-era spellings of the Slavic "-ov"/"-ev" endings: Smirnoff ~ Smirnov, Rachmaninow ~ -ov.
_FF_ENDING = re.compile(r"(?<=[oe])ff$")
_NON_LETTER = re.compile(r"[^a-z]+")
#: Cyrillic marks no Latin letter stands for: the soft and hard signs and the apostrophe Ukrainian writes inside a
#: word ("п'ятниця", "в'єтнамською"); unidecode gives them a quote that ``fold`` read as a word break ("азійського"
#: folded to "aziis kogo")
_CYRILLIC_SILENT = re.compile(r"[ьЬъЪ]|(?<=[\u0400-\u04ff])['’ʼ](?=[\u0400-\u04ff])")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
#: Minimum key length for the one-edit vowel tolerance (short keys collide too easily).
MIN_FUZZY_KEY_LEN = 6
#: Words dropped from a person's name before it is split (titles of address, not names: "Mr", "Dr", "Gen").
HONORIFICS = frozenset(load("names")["honorifics"])
#: Lower-case words inside a surname (``data/names.yaml``).
_PARTICLES = frozenset(load("names")["particles"])
#: Rank and office words that may open a name span ("President", "Deputy Minister", "Lady Justice").
ADDRESS_TITLES = frozenset(load("names").get("address_titles", []))
#: Generation suffixes ("Jr.", "Sr.", "III") → which generation they name.
GENERATIONS: dict[str, str] = dict(load("names").get("generations", {}))
#: Folded short form of a given name → the folded formal names it stands for (``data/nicknames.yaml``).
#: A pet form made with a diminutive ending keeps a stem of the formal name (Tavinho ~ Otávio).
_DIMINUTIVE = re.compile(r"(?:inho|inha|ito|ita|ico|ica|cito|cita|ek|ka|ushka|enka|chen)$")
#: Shortest short form accepted as a prefix of a formal given name (Alex ~ Alexander, not Al ~ Alan).
MIN_SHORT_FORM = 3


def latin(text: str) -> str:
    """The one transliteration every key of a name reads (``fold``, ``name_key``, ``acronym_key``, the glosses):
    unidecode, after the Cyrillic marks that stand for no letter are dropped."""
    return unidecode(_CYRILLIC_SILENT.sub("", text))


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """ASCII, lower-case, letters and single spaces only."""
    return " ".join(_NON_LETTER.sub(" ", latin(text).lower()).split())


@functools.cache
def folded_given_names() -> frozenset[str]:
    """The folded given names of ``data/given_names.yaml`` (its female and male lists).

    Folding its ~26,000 names took 0.08 CPU-s in every process that resolves or fuses, so the set is kept in
    storyline's cache directory under a key of the file, this module's code (``fold``) and unidecode's version.
    """
    from pathlib import Path

    from storyline.cache import data_cache_path, read_through
    from storyline.data import resource_path

    def build() -> frozenset[str]:
        names = load("given_names")
        return frozenset(fold(str(n)) for key in ("female", "male") for n in names.get(key) or [])

    try:
        data = resource_path("given_names").read_bytes()
        code = Path(__file__).read_bytes()
    except OSError:
        return build()  # ``load`` says what is wrong with the file
    cached = data_cache_path("given_names-folded", data + b"\0" + code, "fold", ("Unidecode",))
    return frozenset(read_through(cached, build))


@functools.lru_cache(maxsize=65536)
def name_key(word: str) -> str:
    """Transliteration-normalised key of one name word (``Qadyrbek`` → ``kadirbek``)."""
    # Đ/đ is "dj" in Serbian and Croatian spellings without diacritics (Đorđević ~ Djordjevic)
    s = _NON_LETTER.sub("", latin(word.replace("Đ", "Dj").replace("đ", "dj")).lower())
    if len(s) >= MIN_FUZZY_KEY_LEN:
        s = _FF_ENDING.sub("v", s)
    for old, new in _REWRITES:
        s = s.replace(old, new)
    s = _GLIDE.sub("", s)
    if len(s) >= MIN_FUZZY_KEY_LEN:
        # German umlauts written out (Müller ~ Mueller), Persian/Arabic vowel pairs (Rezaei ~ Rezai);
        # only in longer keys, where dropping a vowel leaves the name recognisable
        s = _VOWEL_PAIR.sub(r"\1", s)
    return _DOUBLE.sub(r"\1", s)


def skeleton(word: str) -> str:
    """Consonants of the name key (vowel endings and vowel choices ignored)."""
    return "".join(c for c in name_key(word) if c not in _VOWELS)


def words_match(a: str, b: str) -> bool:
    """Two name words are variants of one another (same key, or same consonants and one vowel apart)."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    return (min(len(ka), len(kb)) >= MIN_FUZZY_KEY_LEN and skeleton(a) == skeleton(b)
            and Levenshtein.distance(ka, kb, score_cutoff=1) <= 1)


@functools.cache
def _nicknames() -> dict[str, frozenset[str]]:
    """Folded short form → folded formal names (``data/nicknames.yaml``), read once."""
    out: dict[str, set[str]] = {}
    for formal, shorts in load("nicknames")["nicknames"].items():
        for short in shorts:
            out.setdefault(fold(short), set()).add(fold(formal))
    return {k: frozenset(v) for k, v in out.items()}


def is_short_form(short: str, formal: str) -> bool:
    """``short`` is a pet or short form of the given name ``formal`` (Bob ~ Robert, Alex ~ Alexander)."""
    fs, ff = fold(short), fold(formal)
    if not fs or not ff or fs == ff:
        return False
    if ff in _nicknames().get(fs, ()):
        return True
    ks, kf = name_key(short), name_key(formal)
    if len(ks) >= MIN_SHORT_FORM and len(kf) > len(ks) and kf.startswith(ks):
        return True
    stem = _DIMINUTIVE.sub("", ks)
    return stem != ks and len(stem) >= MIN_SHORT_FORM and stem in kf


def given_match(a: str, b: str) -> bool:
    """Given names (or an initial, or a short form) that may denote the same person."""
    pa, pb = split_given(a), split_given(b)
    if not pa or not pb:
        return True
    a0, b0 = pa[0], pb[0]
    if len(name_key(a0)) == 1 or len(name_key(b0)) == 1:   # an initial
        if name_key(a0)[:1] != name_key(b0)[:1]:
            return False
        # "R. J. Hall" and "Robert K. Hall": the middle initials differ
        ia, ib = _initials(pa), _initials(pb)
        return ia.startswith(ib) or ib.startswith(ia) or len(ia) == 1 or len(ib) == 1
    if words_match(a0, b0) or script_words_match(a0, b0) or _silent_h(a0, b0) or _silent_h(b0, a0):
        return True
    if _oblique_given(a0, b0) or _oblique_given(b0, a0):
        return True
    # the first vowel of a given name shifts between languages (Aleksandr / Oleksandr)
    sa, sb = skeleton(a0), skeleton(b0)
    if len(sa) >= 3 and sa == sb:
        return True
    # "José María" ~ "Chema": a short form of the whole given name or of its first part
    return (is_short_form(a0, b0) or is_short_form(b0, a0) or is_short_form(a0, " ".join(pb))
            or is_short_form(b0, " ".join(pa)))


def _silent_h(latin: str, other: str) -> bool:
    """A Latin given name opening with a silent h that Cyrillic leaves out (Helena ~ Элена, Hugo ~ Уго); asked only
    once the surnames agree."""
    if _other_script(latin) or not _other_script(other):
        return False
    key = name_key(latin)
    return len(key) >= 4 and key[0] == "h" and key[1] in _VOWELS and words_match(key[1:], name_key(other))


#: case endings a Russian or Ukrainian normaliser leaves on a foreign given name it does not know ("с Фейсалом
#: аль-Рашедом" -> "Фейсалом аль-Рашед"): instrumental, genitive, dative, locative; longest first
_OBLIQUE_ENDINGS = ("ові", "еві", "ом", "ем", "ём", "єм", "ым", "ой", "ей", "ою", "ею", "а", "я", "у", "ю", "е", "і")


def _oblique_given(latin: str, other: str) -> bool:
    """A Latin name word and a Cyrillic one that is the same word with a case ending (Faisal ~ Фейсалом); asked of a
    given name once the surnames agree, of a surname once both given names are there and agree."""
    if _other_script(latin) or not _other_script(other):
        return False
    low = other.lower()
    for ending in _OBLIQUE_ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            stem = other[:-len(ending)]
            # a stem closed by й: "Аксоєм", "Аксоем" of "Аксой" (Aksoy)
            for form in (stem, stem + "й") if ending[0] in "еєё" else (stem,):
                if words_match(latin, form) or script_words_match(latin, form):
                    return True
    return False


def given_name_match(single: str, given: str) -> bool:
    """A one-word mention that is the given name of a full name, or a short form of it ("Bobby" for
    "Robert Kane", "Luizinho" for "Luiz Oliveira", "Yulia" for "Yulia Volkova")."""
    parts = split_given(given)
    if not parts or len(name_key(parts[0])) < 2:
        return False
    return words_match(single, parts[0]) or is_short_form(single, parts[0]) or is_short_form(single, given)


def _initials(parts: list[str]) -> str:
    return "".join(name_key(p)[:1] for p in parts)


def generation(name: str) -> str | None:
    """'junior' or 'senior' (or 'third') when the name carries a generation suffix ("Jr.", "Sr.", "III")."""
    for w in reversed(name.replace(",", " ").split()[1:]):
        g = GENERATIONS.get(fold(w))
        if g:
            return g
    return None


def split_given(given: str) -> list[str]:
    """Parts of a given name: 'Kassym-Jomart' → ['Kassym', 'Jomart']; 'R.' → ['R']."""
    return [p for p in re.split(r"[\s\-‐‑.]+", given) if p]


@functools.lru_cache(maxsize=65536)
def split_person(name: str, surname_first: bool = False) -> tuple[str, str]:
    """(given names, surname) of a person's name; the surname may be empty for a one-word name."""
    words = [w for w in name.replace("’", "'").replace(",", " ").split() if fold(w) not in HONORIFICS]
    while words and fold(words[-1]) in GENERATIONS:
        words.pop()
    # "President Ana Roe", "Deputy Minister Lan": a title is never the given name
    while len(words) > 1 and (fold(words[0]) in ADDRESS_TITLES or not fold(words[0])):
        words.pop(0)
    if not words:
        return "", ""
    if len(words) == 1:
        return "", words[0]
    if surname_first:
        return " ".join(words[1:]), words[0]
    # "Bashar al-Assad", "Ursula von der Leyen": particles belong to the surname
    i = len(words) - 1
    while i > 0 and fold(words[i - 1]) in _PARTICLES:
        i -= 1
    # "Van der Aue" at a sentence start is a surname with its particles, not a given name "Van"
    return " ".join(words[:i]), " ".join(words[i:])


#: An Arabic article written glued to the surname ("Elamin" ~ "el-Amin", "Alrashidi" ~ "al-Rashidi").
_GLUED_ARTICLES = ("al", "el", "ul", "as", "ash", "ad", "ar", "at", "az", "an")


#: A family name's masculine ending → the endings of its feminine forms, in languages whose surnames take the bearer's
#: gender (Slavic, Baltic, Greek, Central Asian, Icelandic patronymics): "Rahimov"/"Rahimova", "Stojanovski"/
#: "Stojanovska", "Novák"/"Nováková", "Žukauskas"/"Žukauskienė", "Papadopoulos"/"Papadopoulou", "Einarsson"/
#: "Einarsdóttir". Folded, lower case; longest ending first.
_GENDERED_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("sson", ("sdottir",)), ("ski", ("ska",)), ("cki", ("cka",)), ("sky", ("ska",)), ("cky", ("cka",)),
    ("ov", ("ova",)), ("ev", ("eva",)), ("in", ("ina",)), ("yn", ("yna",)), ("as", ("iene", "aite")),
    ("os", ("ou",)), ("ny", ("na",)), ("", ("ova",)),
)
#: Shortest stem a gendered ending is read on ("Ov" is no surname with an ending)
_MIN_GENDER_STEM = 3


def gendered_forms(a: str, b: str) -> bool:
    """Two surnames that are the masculine and the feminine form of one family name ("Stojanovski" and
    "Stojanovska", "Rahimov" and "Rahimova"): the same family, never the same person."""
    fa, fb = fold(a).replace(" ", ""), fold(b).replace(" ", "")
    # both forms open with the same stem of _MIN_GENDER_STEM letters or more: most pairs differ within it
    if fa == fb or fa[:_MIN_GENDER_STEM] != fb[:_MIN_GENDER_STEM]:
        return False
    for masc, fems in _GENDERED_ENDINGS:
        for x, y in ((fa, fb), (fb, fa)):
            if not x.endswith(masc) or len(stem := x[:len(x) - len(masc)]) < _MIN_GENDER_STEM:
                continue
            if any(y == stem + fem for fem in fems):
                return True
    return False


# cached: a pure function of two strings (module constants only), asked of the same pairs again and again by the KB's
# person look-up and by clustering and entity matching (tests/resolve/test_names_cache.py)
@functools.lru_cache(maxsize=65536)
def surnames_match(a: str, b: str) -> bool:
    """Surnames that are spelling or transliteration variants of one another."""
    la, lb = _surname_core(a), _surname_core(b)
    if not la or not lb or gendered_forms(a, b):
        return False
    if words_match(la, lb):
        return True
    # "Wiśniewska-Nowak" ~ "Wiśniewska", "Oyelaran-Cole" ~ "Oyelaran": a double-barrelled surname is shortened to
    # its first part as often as to its last
    fa, fb = _first_part(a), _first_part(b)
    if (fa != la or fb != lb) and (fa, fb) != (la, lb) and (words_match(fa, lb) or words_match(la, fb)
                                                            or words_match(fa, fb)):
        return True
    if script_words_match(la, lb):
        return True
    # "el-Amin" ~ "Elamin": the article glued on one side, written apart on the other
    ka, kb = name_key(la), name_key(lb)
    short, long_ = sorted((ka, kb), key=len)
    return len(short) >= 3 and long_.endswith(short) and long_[:-len(short)] in _GLUED_ARTICLES


#: Shortest transliteration key of a surname read one letter apart ("Khalifa" ~ "Khalifah"; "Hill" / "Hall" are two)
MIN_ONE_EDIT_KEY = 5


def surnames_one_edit(a: str, b: str) -> bool:
    """Surnames one letter apart once transliterated, beyond what ``surnames_match`` accepts: a letter added,
    dropped or traded ("Khalifa" ~ "Khalifah", "Ghanem" ~ "Ghanim", "Yusupov" ~ "Iusupov"). Often one person
    spelled two ways, sometimes two families ("Martin" / "Martins"): a matcher feature, never a rule."""
    la, lb = _surname_core(a), _surname_core(b)
    if not la or not lb or gendered_forms(a, b):
        return False
    ka, kb = name_key(la), name_key(lb)
    return (ka != kb and min(len(ka), len(kb)) >= MIN_ONE_EDIT_KEY
            and Levenshtein.distance(ka, kb, score_cutoff=1) <= 1 and not words_match(la, lb))


def surname_key(surname: str) -> str:
    """A blocking key for a surname: the consonants of its last part that is not a particle, glued
    article left out ("Abdel-Rahman" and "Abdul Rahman" share "rhmn", "Elamin" and "el-Amin" "mn")."""
    core = name_key(_surname_core(surname))
    for art in _GLUED_ARTICLES:
        if core.startswith(art) and len(core) - len(art) >= 3:
            core = core[len(art):]
            break
    return "".join(c for c in core if c not in _VOWELS)


#: an h that is a letter of its own (not of sh, kh, zh, ch): Ukrainian and Belarusian г, Russian г as g
_LONE_H = re.compile(r"(?<![skzc])h")


def _other_script(word: str) -> bool:
    """Whether ``word`` is written in a script other than Latin (Cyrillic, Greek ...)."""
    # most name words are ASCII: one C-level check instead of a Python loop over their letters (the name matchers
    # ask this of every candidate pair)
    return not word.isascii() and any(ord(c) > 0x24F and c.isalpha() for c in word)


def _cross_script(key: str) -> str:
    """A name key with the letters transliteration across scripts confuses folded: a lone h as g (Ukrainian г is
    Russian г), v as f (German Vogt is Russian Фогт, as w is в: Wagner ~ Вагнер, ``name_key`` folds w to v), and
    the ch of a Cyrillic ч (key "kh": ``name_key`` has made every х an h before c became k) as the c that Latin
    spellings of South Slavic names keep of ć and č once the accent is gone (Ilić ~ Илич, Kovač ~ Ковач), and
    the Polish digraphs as the Cyrillic letters they are written with: cz (key "kz") as ч, sz and the sh of ш as s
    (Kowalczyk ~ Ковальчик, Szymański ~ Шиманский)."""
    return _LONE_H.sub("g", key).replace("v", "f").replace("kh", "k").replace("kz", "k").replace("sz", "s") \
        .replace("sh", "s")


#: a Latin c before e, i or y, which Cyrillic writes as с in Spanish, Portuguese, French and English names (Salcedo ~
#: Сальседо) and as ч in Italian ones (Ricci ~ Риччи, whose key "kh" ``_cross_script`` folds into k)
_SOFT_C = re.compile(r"[cC](?=[eiyéíEIY])")


#: a Latin j before a vowel, which Cyrillic writes й in Baltic, Slavic, German, Dutch and Nordic names (Jonas ~
#: Йонас, Jan ~ Ян); ``name_key`` keeps j for ж / дж (Zhukov, Джон), so the reading as y is one more spelling
_VOWEL_J = re.compile(r"[jJ](?=[aeiouAEIOU])")
#: the Portuguese digraphs lh and nh between vowels, the palatal l and n Cyrillic writes ль / нь (Carvalho ~
#: Карвалью, Coutinho ~ Коутинью); read as li / ni, which is what the Cyrillic spelling's key holds
_PALATAL_H = re.compile(r"(?<=[aeiouãõáéíóúâêôAEIOU])([lnLN])h(?=[aeiouãõáéíóúâêô])")


#: the Albanian digraph xh, the sound Cyrillic writes дж (Hoxha ~ Ходжа; ``name_key`` keys дж as j)
_ALBANIAN_XH = re.compile(r"[xX]h")
#: a Latin j where Spanish writes the kh of a Cyrillic х (Rajímov ~ Рахимов, Farruj ~ Фаррух, Juan ~ Хуан)
_SPANISH_J = re.compile(r"[jJ]")


def _spellings(word: str) -> tuple[str, ...]:
    """A name word as Cyrillic may have heard it: itself, and for a Latin word with a soft c, with that c an s, with
    a j before a vowel a y or any j the h of a Cyrillic х, with Portuguese lh / nh as li / ni and Albanian xh as j
    (each reading on top of the others)."""
    if _other_script(word):
        return (word,)
    out = [word]
    for pattern, repl in ((_SOFT_C, "s"), (_VOWEL_J, "y"), (_SPANISH_J, "h"), (_PALATAL_H, r"\1i"),
                          (_ALBANIAN_XH, "j")):
        if pattern.search(word):
            out += [pattern.sub(repl, w) for w in out]
    return tuple(dict.fromkeys(out))


def script_words_match(a: str, b: str) -> bool:
    """One name word in two scripts whose Latin spelling writes Ukrainian г as h (Шмигаль ~ Shmyhal,
    Олег ~ Oleh), German v as f (Vogt ~ Фогт) or a soft c as s (Salcedo ~ Сальседо); only across scripts, as Latin
    Hall is no Gall, Vogt no Fogt."""
    if _other_script(a) == _other_script(b):
        return False
    return any(words_match(_cross_script(name_key(x)), _cross_script(name_key(y)))
               for x in _spellings(a) for y in _spellings(b))


def surnames_agree(a: str, b: str) -> bool:
    """One surname written in any script: the cross-script key must agree, and two spellings in one script must
    also be variants of each other, as the consonant key alone makes Latin "Como" of "Kim"."""
    if not set(script_keys(a)) & set(script_keys(b)):
        return False
    return _other_script(a) != _other_script(b) or words_match(a, b) or script_words_match(a, b)


def script_key(surname: str) -> str:
    """The key one surname shares across scripts and transliterations: Токаев, Тоқаев and Tokayev,
    Шмигаль and Shmyhal, Vogt and Фогт. ``surname_key`` with a lone h read as g, as Ukrainian г is Russian г, and
    v as f (a blocking key: two Latin spellings that share it still have to match as words)."""
    return _cross_script(surname_key(surname))


def blocking_keys(surname: str) -> tuple[str, ...]:
    """The keys under which a surname meets its spellings in other scripts: ``script_keys``, and for a Cyrillic
    surname a normaliser left in an oblique case ("Менсахом", "Іліча"), its key without the ending, where
    ``persons_match`` may find the Latin spelling (Mensah, Ilić)."""
    core = _surname_core(surname)
    stems = [core[:-len(e)] + glide for e in _OBLIQUE_ENDINGS
             if _other_script(core) and core.lower().endswith(e) and len(core) - len(e) >= 3
             for glide in (("", "й") if e[0] in "еєё" else ("",))]
    return tuple(dict.fromkeys([*script_keys(surname), *(script_key(s) for s in stems)]))


def script_keys(surname: str) -> tuple[str, ...]:
    """Every ``script_key`` a surname may share with its spelling in another script: its own, and for a Latin one
    with a soft c, that c read as s (Salcedo ~ Сальседо beside Ricci ~ Риччи). A Cyrillic surname has one."""
    return tuple(dict.fromkeys(script_key(s) for s in _spellings(surname)))


#: "Abdel-Rahman": the first part of an Arabic theophoric name is no surname of its own
_SERVANT_PREFIXES = frozenset({"abd", "abdel", "abdul", "abdal", "abdol", "abdou"})


@functools.lru_cache(maxsize=65536)
def _first_part(surname: str) -> str:
    """The first part of a hyphenated surname that is not a particle ("Wiśniewska" of "Wiśniewska-Nowak"); the
    core of any other surname."""
    if "-" not in surname.strip("-"):
        return _surname_core(surname)
    parts = [p for p in re.split(r"[\s\-]+", surname) if p and fold(p) not in _PARTICLES]
    ok = len(parts) >= 2 and len(name_key(parts[0])) >= 3 and fold(parts[0]) not in _SERVANT_PREFIXES
    return parts[0] if ok else _surname_core(surname)


@functools.lru_cache(maxsize=65536)
def _surname_core(surname: str) -> str:
    """The last part of a surname that is not a particle ('' if none); cached, as clustering asks often."""
    parts = [p for p in re.split(r"[\s\-]+", surname) if p and fold(p) not in _PARTICLES]
    return parts[-1] if parts else ""


# cached like ``surnames_match``: the KB's person look-up compares each new name with every KB person
@functools.lru_cache(maxsize=65536)
def persons_match(a: str, b: str, a_surname_first: bool = False, b_surname_first: bool = False) -> bool:
    """Two person names that may denote one person: surnames match, given names agree and no
    generation suffix tells them apart ("Richard Caldwell Jr." is not "Richard Caldwell Sr.")."""
    ga, sa = split_person(a, a_surname_first)
    gb, sb = split_person(b, b_surname_first)
    if not sa or not sb:
        return False
    gen_a, gen_b = generation(a), generation(b)
    if gen_a and gen_b and gen_a != gen_b:
        return False
    if surnames_match(sa, sb):
        if given_match(ga, gb):
            return True
        # "Barreto Falcão" ~ "Luciana Barreto Falcão", "Lado Wani" ~ "James Lado Wani": both surnames without the
        # given name, the first read as a given name
        pa, pb = split_given(ga), split_given(gb)
        return (len(pa) == 1 and len(pb) >= 2 and words_match(pa[0], pb[-1])) or (
            len(pb) == 1 and len(pa) >= 2 and words_match(pb[0], pa[-1]))
    # "Кофі Менсахом" ~ "Kofi Mensah": a full name the normaliser left in an oblique case, across scripts only
    if ga and gb and (_oblique_given(_surname_core(sa), _surname_core(sb))
                      or _oblique_given(_surname_core(sb), _surname_core(sa))) and given_match(ga, gb):
        return True
    # "Yamamoto Haruki" ~ "Haruki Yamamoto": family name first in one outlet, last in another
    if ga and gb and " " not in ga and " " not in gb and words_match(ga, sb) and words_match(gb, sa):
        return True
    # "Carmen Ibarra Soto" ~ "Carmen Ibarra": a second surname (Spanish, Portuguese) may be left out
    pa, pb = split_given(ga), split_given(gb)
    if len(pa) >= 2 and len(pb) >= 1 and surnames_match(pa[-1], sb) and given_match(" ".join(pa[:-1]), gb):
        return True
    return len(pb) >= 2 and len(pa) >= 1 and surnames_match(pb[-1], sa) and given_match(ga, " ".join(pb[:-1]))


#: Function words of organisation names in English and the languages news names bodies in (they
#: carry no initial in an acronym: "Confederação Nacional dos Estivadores" → CNE; the romanised Russian "po" and
#: "i", "Federalnaya sluzhba po ..." → FS..., Filipino "ng", "Bangko Sentral ng Pilipinas" → BSP, Indonesian "dan").
_STOP = frozenset({"the", "of", "and", "for", "in", "on", "de", "la", "del", "des", "du", "a", "an", "&",
                   "da", "do", "dos", "das", "di", "della", "degli", "delle", "y", "e", "et", "und", "fur",
                   "los", "las", "le", "les", "el", "der", "den", "het", "van", "von", "ve", "och",
                   "po", "i", "ng", "dan"})


def content_words(name: str) -> frozenset[str]:
    """Content words of an organisation or event name, order-free ('Organization of the X' ~ 'X Organization')."""
    return frozenset(_content_word_list(name))


def _content_word_list(name: str) -> list[str]:
    """``content_words`` in the name's order."""
    words = fold(name.replace("Organisation", "Organization").replace("organisation", "organization")).split()
    return [w for w in words if w not in _STOP]


#: Latin letters an acronym's Cyrillic spelling writes otherwise (ECOWAS / ЭКОВАС, UNCTAD / ЮНКТАД, UNCITRAL /
#: ЮНСИТРАЛ) and the two letters unidecode gives one iotated Cyrillic vowel (ЄЦБ / ЕЦБ, Ї)
_ACRONYM_FOLDS = (("IU", "U"), ("YU", "U"), ("IA", "A"), ("YA", "A"), ("IE", "E"), ("YE", "E"), ("YI", "I"),
                  ("KH", "H"), ("W", "V"), ("Y", "I"))


def acronym_key(acronym: str) -> str:
    """The letters an acronym keeps across scripts: transliterated (``latin``), a Latin c read as k (s before e / i),
    w as v, an iotated vowel as its vowel (ЮНСИТРАЛ, UNCITRAL: UNSITRAL; ЄЦБ, ЕЦБ: ETSB)."""
    text = latin(acronym).upper()
    text = re.sub(r"C(?=[EI])", "S", text).replace("C", "K")
    for a, b in _ACRONYM_FOLDS:
        text = text.replace(a, b)
    return text


@functools.cache
def _cyrillic_skip() -> frozenset[str]:
    """The short function words Russian and Ukrainian bodies' names leave out of their acronyms ("и", "з", "по")."""
    skip = load("kb/languages").get("acronym_skip") or {}
    return frozenset(w.lower() for lang in ("ru", "uk") for w in skip.get(lang) or ())


def acronym_letters(name: str) -> str:
    """The letters of a name written as an acronym ("U.S." → "US", "DoD" → "DOD"); a Cyrillic one by its capitals
    ("ЮжБР" → "ЮБР": the small letter is the second of a word) under ``acronym_key``, the key its initials and its
    spelling in Latin letters share."""
    if _CYRILLIC.search(name):
        return acronym_key("".join(c for c in name if c.isupper()))
    return re.sub(r"[^A-Za-z]", "", name).upper()


def _initial_words(name: str) -> list[str]:
    """The words whose initials an acronym of ``name`` may spell: transliterated (``latin``), a possessive "'s"
    dropped so that "Women's Union" spells "WU"."""
    return re.findall(r"[A-Za-zÀ-ÿ]+", latin(re.sub(r"['’]s\b", "", name)))


def acronym_words(name: str, skip: Collection[str] = ()) -> list[str]:
    """The content words of a name whose initials its acronym spells: of a Cyrillic name its own words (their
    initials are read by ``acronym_key``, since the transliterated word may open with another letter: "Європейський"
    is unidecode's "Ievropeiskii"), of another the transliterated ones. Function words are left out: ``_STOP``, the
    Russian and Ukrainian ones of ``acronym_skip`` and the caller's ``skip`` (a language's own list)."""
    if _CYRILLIC.search(name):
        words = re.findall(r"[^\W\d_]+", _CYRILLIC_SILENT.sub("", name))
        return [w for w in words if w.lower() not in _cyrillic_skip() and w.lower() not in skip
                and fold(w) not in _STOP]
    return [w for w in _initial_words(name) if w.lower() not in _STOP and w.lower() not in skip]


def acronym_of(name: str, skip: Collection[str] = ()) -> str:
    """Initials of the content words of a name (``acronym_words``: 'Collective Security Treaty Organization' →
    'CSTO'); of a Cyrillic name under ``acronym_key`` ("Європейський банк ..." → "EB..."), the key an acronym of it
    written in either script gives (``acronym_letters``). The one computation of a name's initials."""
    initials = "".join(w[0] for w in acronym_words(name, skip)).upper()
    return acronym_key(initials) if _CYRILLIC.search(name) else initials


def every_initial(name: str) -> str:
    """Initials of every word but "the"/"and" ("Department of Justice" → "DOJ"): the acronyms that keep the "of"."""
    return "".join(w[0].upper() for w in _initial_words(name)
                   if w.lower() not in ("the", "and", "&"))


def is_acronym_for(acronym: str, name: str) -> bool:
    """True when ``acronym`` spells the initials of ``name`` (in order, or as a set for reordered names). Across
    scripts both sides are read by ``acronym_key``: a Cyrillic acronym spells the initials of a Russian or Ukrainian
    name (ИБР, Исламский банк развития), or is another acronym transliterated (ЭКОВАС, ECOWAS; ЄЦБ, ЕЦБ)."""
    if _CYRILLIC.search(acronym) or _CYRILLIC.search(name):
        acr = acronym_key(acronym_letters(acronym))
        if len(acr) < 2:
            return False
        if looks_like_acronym(name):
            return len(acr) >= 3 and acr == acronym_key(acronym_letters(name))
        initials = acronym_key(acronym_of(name))
        return acr == initials or (len(acr) >= 3 and sorted(acr) == sorted(initials))
    acr = acronym_letters(acronym)
    if len(acr) < 2:
        return False
    initials = acronym_of(name)
    if acr == initials or (len(acr) >= 3 and sorted(acr) == sorted(initials)):
        return True
    # "DOJ" for "Department of Justice": some acronyms keep the "of"
    every = every_initial(name)
    if len(acr) >= 3 and acr in (every, capital_initials(name)):
        return True
    # "UMSA" for "Ubuntu Mining SA", "BBVA" for "Banco Bilbao Vizcaya Argentaria": a short word written in
    # capitals (a legal form, an acronym inside the name) gives all its letters
    words = _initial_words(name)
    spelled = "".join(w if w.isupper() and 2 <= len(w) <= 3 else w[0].upper() for w in words
                      if w[0].isupper() and w.lower() not in _STOP)
    return len(acr) >= 3 and spelled != every and acr == spelled


def expanded_otherwise(acronym: str, name: str, own: Iterable[str]) -> bool:
    """True when ``own`` (the other names of the actor called ``acronym``) spell ``acronym`` out as a name sharing
    no content word with ``name``: the actor's own expansion says what the letters stand for, so a second one
    is another body ("UN", United Nations, and the "University of Nairobi"). A spelling of the same expansion
    ("World Health Organisation" / "Organization") shares its words and is not another body."""
    words = content_words(name)
    return any(n != acronym and not looks_like_acronym(n) and is_acronym_for(acronym, n)
               and not content_words(n) & words and not _spelt_alike(n, name) for n in own)


#: Two words of one name in two languages ("nations" / "naciones", "etats" / "estados") are spelt at least this
#: alike (Levenshtein similarity of the folded words); two bodies' words sharing an initial are not
#: ("united" / "university" 0.4, "nations" / "nairobi" 0.43).
TRANSLATED_WORD_SIMILARITY = 0.5


def _spelt_alike(a: str, b: str) -> bool:
    """Whether two expansions of one acronym are one name in two languages: their content words, in order, each
    spelt near the other's ("Organisation des Nations unies" / "Organización de las Naciones Unidas")."""
    wa, wb = _content_word_list(a), _content_word_list(b)
    return len(wa) == len(wb) and all(Levenshtein.normalized_similarity(x, y) >= TRANSLATED_WORD_SIMILARITY
                                      for x, y in zip(wa, wb))


#: An acronym written with the small letters of its short words ("DoD", "MoD", "DfE", "ЮжБР"): 2-4 capitals, each
#: followed by at most one small letter.
_MIXED_ACRONYM = re.compile(r"(?:[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ]?){2,4}")


def looks_like_acronym(name: str) -> bool:
    """An all-capital name ("WHO", "U.S.") or one with the small letters of short words ("DoD", "DfE")."""
    bare = name.replace(".", "")
    return len(bare) >= 2 and (bare.isupper() or (bool(_MIXED_ACRONYM.fullmatch(bare))
                                                  and sum(c.isupper() for c in bare) >= 2))


def capital_initials(name: str) -> str:
    """Initials of the capitalised words of a name only: a lower-case head or a word the text adds is no part
    of the acronym ("United Auto Workers union" → "UAW", "Rift Valley Rovers club" → "RVR")."""
    words = _initial_words(name)
    return "".join(w[0] for w in words if w[0].isupper() and w.lower() not in _STOP)


@functools.cache
def glosses() -> dict[str, str]:
    """Folded word of an institution's name in another language → its English gloss (``data/name_glosses.yaml``)."""
    out: dict[str, str] = {}
    for english, forms in load("name_glosses")["glosses"].items():
        for form in [english, *forms]:
            out.setdefault(fold(form), fold(english))
    return out


def romanisation_key(word: str) -> str:
    """A folded word with the vowel spellings Russian and Ukrainian romanisations disagree on made one: y and runs of
    i as one i ("razvitiya" and unidecode's "razvitiia" of "развития", "federalnyy" and "federalnyi")."""
    return re.sub(r"i+", "i", word.replace("y", "i"))


#: unidecode's marks of a Cyrillic word (ий, ия, ии: "ii"; ый: "yi"), which a romanised gloss form spells otherwise
_UNIDECODE_CYRILLIC = re.compile(r"ii|yi$")


@functools.cache
def _gloss_keys() -> dict[str, str]:
    """``romanisation_key`` of each gloss form → its English gloss, where the key names one gloss only."""
    keyed: dict[str, set[str]] = {}
    for form, english in glosses().items():
        keyed.setdefault(romanisation_key(form), set()).add(english)
    return {k: next(iter(v)) for k, v in keyed.items() if len(v) == 1}


def gloss(word: str) -> str | None:
    """The English gloss of a folded institution word of another language ("tribunal" → "court"), None when it is
    none. A word folded from Cyrillic ("razvitiia" of "развития") is also read by ``romanisation_key``, as the file
    romanises it one way ("razvitiya"); only such a word, as an English "autonomy" would meet a gloss form
    "autonomi"."""
    found = glosses().get(word)
    if found is None and _UNIDECODE_CYRILLIC.search(word):
        found = _gloss_keys().get(romanisation_key(word))
    return found


def given_names() -> frozenset[str]:
    """The folded given names of ``data/given_names.yaml`` (``folded_given_names``, kept under the name fuse uses)."""
    return folded_given_names()


#: Shortest foreign institution word that makes a name an organisation's (``foreign_institution_word``)
MIN_INSTITUTION_WORD = 5


def foreign_institution_word(name: str) -> bool:
    """Whether a name holds another language's common institution word (``glosses``: "universiteti", "sairaala",
    "federatsiyasy") and does not open with a known given name."""
    words = fold(name).split()
    if not words or words[0] in given_names():
        return False
    return any(len(w) >= MIN_INSTITUTION_WORD and gloss(w) not in (None, w) for w in words)
