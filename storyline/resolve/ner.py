"""Name-shaped spans of a document: spaCy NER plus rules for what statistical NER misses in news.

Sources, from weakest to strongest claim on a stretch of text:
- spaCy entities (split at brackets, bars, dashes and slashes; trimmed of "the", possessives,
  glued digits; dropped in ALL-CAPS lines and when in a script the English model cannot read);
- knowledge-base surface forms (countries, capitals, metonyms, demonyms, IGO acronyms, known
  people), matched in their own case and, when a spaCy entity or proper-noun tag agrees, lower-
  or upper-cased (outlets that write "russia", "putin", "rf" on purpose);
- rules: an initial plus a surname ("J. Smith"), a name followed by an appositive title
  ("X Y, an expert at ..."), a quoted multiword name ("'Russian NATO'"), role phrases that stand
  for a person ("the Kazakh president").
Type fixes: a name after "order of" or before "drones" is not a person; a name in an
appositive after "the manufacturer ..." is an organisation; a word that is another mention's
surname is a person.

Span completion (compound surnames, particles, surname repeats, acronym names, ORG anaphora) is in
``storyline.resolve.name_spans``.
"""
from __future__ import annotations

import bisect
import functools
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass

from storyline.clean.places import place_key, place_names
from storyline.data import load, resource_path
from storyline.model import Document
from storyline.nlp.pipeline import Parsed
from storyline.resolve.descriptions import lexicon as description_lexicon
from storyline.resolve.kb import KB, KIND_ALIAS, KIND_DEMONYM, KIND_NAME, KIND_SURNAME, RUN
from storyline.resolve.name_spans import (
    CONTEXT_CHARS,
    LETTER_WORD,
    MAX_ACRONYM_NAME_WORDS,
    MIN_SURNAME_KEY,
    NAME_PARTICLES,
    PRIORITY,
    Cand,
    acronym_names,
    complete_names,
    is_cap,
    title_at_end,
    title_pattern,
    word_spans,
)
from storyline.resolve.names import ADDRESS_TITLES, PLACE_BEFORE, fold, given_names, name_key

__all__ = ["CONTEXT_CHARS", "LEXICON", "MAX_ACRONYM_NAME_WORDS", "MAX_QUOTED_NAME", "MIN_SURNAME_KEY",
           "PRIORITY", "SPACY_TYPES", "Cand", "find_candidates", "head_noun_types", "kb_candidates",
           "place_types", "role_matches", "select_candidates", "speaker_types"]

LOGGER = logging.getLogger(__name__)
#: The shipped word lists; read here for the keys the KB loader does not pass through.
LEXICON = resource_path("kb/lexicon")

SPACY_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC", "EVENT": "EVENT",
               "NORP": "NORP", "WORK_OF_ART": "MISC", "LAW": "MISC", "PRODUCT": "MISC"}
#: A quoted name longer than this is a phrase, not a name.
MAX_QUOTED_NAME = 40
_SPLIT = re.compile(r"\s*(?:[()\[\]|/]|\s[–—-]\s)\s*")
_QUOTED = re.compile(rf"[‘'\"“«]([^‘’'\"“”«»\n]{{3,{MAX_QUOTED_NAME}}})[’'\"”»]")
#: Initials and a surname ("J. Smith", "D.J. Smith", "John F. K. Smith"), with the given name before
#: the initials when there is one (group "given"): a middle initial must not cut the name in two.
_INITIAL = re.compile(r"(?:(?<![^\W\d_])(?P<given>[^\W\d_][^\W\d_'’-]+)\s)?"
                      r"(?<![^\W\d_.])(?P<init>(?:[^\W\d_]\.\s?){1,3})(?P<sur>[^\W\d_][^\W\d_]+(?:-[^\W\d_]+)?)")
#: Words for KB n-grams: a possessive "'s" is not part of the word, an inner apostrophe is (N'Djamena).
_KB_WORD = re.compile(r"[^\W_]+(?:[-‐.][^\W_]+|['’](?!s\b)[^\W_]+)*")
_NAME_SHAPED = re.compile(r"[^\W\d_]+(?:[\s\-‐'’.]+[^\W\d_]+)*\.?")
_LATIN_OR_CYRILLIC = re.compile(r"[A-Za-zÀ-ɏЀ-ӿ]")
#: A courtesy title and the capitalised name after it ("Mr Obi", "Dr Sato Hiroshi").
_ADDRESSED = re.compile(r"(?<![^\W_])(?:Mr|Mrs|Ms|Mx|Dr)\.?\s"
                        r"(?P<name>[A-ZÀ-Þ][^\W\d_]+(?:[- ][A-ZÀ-Þ][^\W\d_]+){0,2})(?![^\W_])")
#: An acronym (two to eight capitals) after an article.
_THE_ACRONYM = re.compile(r"\b[Tt]he\s([A-Z]{2,8})(?![^\W_])")
#: A character of the kind every role phrase is made of (see ``role_matches``).
_ROLE_CHAR = re.compile(r"[\w\s’'\-]")
#: Lower-case words a quoted title-case name may hold ("Bank of the South"): function words and
#: the name particles of ``data/names.yaml``.
_SMALL = frozenset({"of", "the", "and", "for", "in", *load("names")["particles"]})


def _caps_lines(view: str) -> list[tuple[int, int]]:
    """Spans of lines written in capitals (headlines, labels): no acronym can be trusted there."""
    out, pos = [], 0
    for line in view.split("\n"):
        if _all_caps(line):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _all_caps(line: str) -> bool:
    """At least three letters, all upper-case; stops at the first lower-case one (most lines are prose)."""
    letters = 0
    for c in line:
        if c.isalpha():
            if not c.isupper():
                return False
            letters += 1
    return letters >= 3


def _title_lines(view: str) -> list[tuple[int, int]]:
    """Spans of headline-style lines (every longer word capitalised): spaCy spans there are unreliable."""
    out, pos = [], 0
    for line in view.split("\n"):
        if _title_case(line):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _title_case(line: str) -> bool:
    """At least two words of four letters or more, all capitalised; stops at the first one that is not."""
    words = 0
    for m in LETTER_WORD.finditer(line):
        if len(m.group()) >= 4:
            if not is_cap(m.group()):
                return False
            words += 1
    return words >= 2


def _trim(view: str, start: int, end: int) -> tuple[int, int]:
    """Trim a span of lower-case articles, possessives, glued digits and punctuation."""
    text = view[start:end]
    m = re.match(r"^(?:the\s+|a\s+|an\s+|\d+(?=[^\W\d_]))", text)
    if m:
        start += m.end()
    text = view[start:end]
    m = re.search(r"(?:['’]s?|[\s.,:;!?\"“”‘’«»-])+$", text)
    if m and not re.search(r"\b[A-Z]\.$|\b(?:St|Jr|Sr|Inc|Ltd|Co)\.$", text):
        end = start + m.start()
    return start, end


def _spacy_cands(parsed: Parsed, view: str, caps: list[tuple[int, int]]) -> list[Cand]:
    out = []
    for offset, sdoc in parsed.blocks:
        block_text = parsed.tokens(sdoc).text
        for ent in sdoc.ents:
            label = SPACY_TYPES.get(ent.label_)
            if label is None:
                continue
            s0, e0 = offset + ent.start_char, offset + ent.end_char
            if any(a <= s0 and e0 <= b for a, b in caps):
                continue
            # ``ent.text`` would join the entity's tokens anew
            if block_text[ent.start_char:ent.end_char].islower() and ent.root.pos_ not in ("PROPN", "NOUN"):
                continue   # "harden/GPE": a lower-case verb is no name
            pos = s0
            for piece in _SPLIT.split(view[s0:e0]):
                i = view.find(piece, pos, e0) if piece else -1
                if i < 0:
                    continue
                pos = i + len(piece)
                s, e = _trim(view, i, i + len(piece))
                # the sentence-initial "The" belongs to the sentence, a mid-sentence one to the name
                if view[s:e].startswith("The ") and (s == offset or view[max(0, s - 2):s].strip() in (".", "")):
                    s += 4
                text = view[s:e]
                if e - s < 2 or not _LATIN_OR_CYRILLIC.search(text) or not any(c.isalpha() for c in text):
                    continue
                if s > s0 + 4 and len(text.split()) == 1:
                    continue   # a one-word tail after a bracket or dash ("– Channel")
                out.append(Cand(s, e, label, "spacy", info={"label": ent.label_}))
    return out


def _token_info(parsed: Parsed) -> tuple[dict[int, str], list[tuple[int, int]]]:
    """POS of the token starting at each raw offset, and the raw spans of spaCy entities."""
    pos: dict[int, str] = {}
    ents: list[tuple[int, int]] = []
    for offset, sdoc in parsed.blocks:
        toks = parsed.tokens(sdoc)
        pos.update(zip([offset + i for i in toks.idx], toks.pos))
        ents += [(offset + e.start_char, offset + e.end_char) for e in sdoc.ents]
    return pos, ents


def kb_candidates(view: str, kb: KB, pos: dict[int, str], ents: list[tuple[int, int]],
              caps: list[tuple[int, int]]) -> list[Cand]:
    """Every KB surface form in the body, longest first, at word boundaries."""
    out = []
    matches = list(_KB_WORD.finditer(view))
    words = [m.span() for m in matches]
    folded = [fold(m.group()) for m in matches]   # once per word, not once per n-gram
    opens = kb.first_tokens
    # words that can open a form (a word folding to nothing might be part of an exact one)
    openers = [i for i, f in enumerate(folded) if not f or f.partition(" ")[0] in opens]
    taken_until = -1
    for i in openers:
        ws = words[i][0]
        if ws < taken_until:
            continue
        longest = 5 if _may_open_form(view, ws, folded, i, kb) else 1
        for n in range(longest, 0, -1):
            if i + n > len(words):
                continue
            s, e = ws, words[i + n - 1][1]
            if "\n" in view[s:e]:
                continue
            text = view[s:e]
            hits = kb.surface.get(text)
            loose = False
            if not hits and _NAME_SHAPED.fullmatch(text):
                hits = kb.folded.get(" ".join(folded[i:i + n]))
                loose = bool(hits)
            if not hits:
                continue
            if any(a <= s and e <= b for a, b in caps) and (text.isupper() and len(text) <= 5):
                continue   # acronym-shaped word in an ALL-CAPS line
            if loose and not text.isupper():
                agreed = any(a < e and s < b for a, b in ents) or pos.get(s) == "PROPN"
                is_loose_form = any(fold(text) == fold(x) for kid, _ in hits
                                    for x in (kb.entries[kid].loose if kid in kb.entries else []))
                if not (agreed or is_loose_form):
                    continue
            if all(kind == KIND_SURNAME for _, kind in hits) and not is_cap(text) and pos.get(s) not in (
                    "PROPN", "NOUN"):
                continue
            # "the Kremlin": take the article with a metonym that is listed with it
            if s >= 4 and view[s - 4:s].lower() == "the " and kb.lookup("the " + text):
                s -= 4
            out.append(Cand(s, e, _kb_type(kb, hits), "kb", kb=list(hits)))
            taken_until = e
            break
    return out


def _may_open_form(view: str, start: int, folded: list[str], i: int, kb: KB) -> bool:
    """Whether word ``i`` (at ``start``) and what follows can open a KB surface form of two words or more.

    An n-gram of two or more words begins with the first two letter/digit runs of the text from
    ``start`` (every run lies inside one word), and its folded key with the first two folded words
    of words ``i`` and ``i + 1`` (a word that folds to nothing leaves a key no form has). Forms
    rarely share those openings, so most words only need their one-word lookup.
    """
    first = RUN.match(view, start)
    second = RUN.search(view, first.end()) if first else None
    if first and second and (first.group(), second.group()) in kb.exact_openings:
        return True
    head = folded[i].split()
    if len(head) == 1 and i + 1 < len(folded):
        head += folded[i + 1].split()[:1]
    return len(head) >= 2 and (head[0], head[1]) in kb.folded_openings


def _kb_type(kb: KB, hits: list[tuple[str, str]]) -> str:
    kb_id, kind = hits[0]
    if kind == KIND_DEMONYM:
        return "NORP"
    entry = kb.entries.get(kb_id)
    return entry.type if entry else "MISC"


def _rule_cands(view: str, kb: KB) -> list[Cand]:
    """Initial + surname, names with an appositive title, quoted multiword names."""
    out = []
    address = title_pattern(kb)
    for m in _INITIAL.finditer(view):
        if not (is_cap(m.group("init")) and is_cap(m.group("sur")) and not kb.lookup(m.group("sur"))):
            continue
        if len(m.group("init").strip()) > 2 and kb.lookup(m.group("init").strip()):
            continue   # "U.S. Army": the initials are a name of their own
        given = m.group("given")
        start = m.start("init")
        # the given name, unless it is a title ("Secretary J. Smith") or an article opening a sentence
        if given and is_cap(given) and not address.fullmatch(given) and fold(given) not in ADDRESS_TITLES \
                and fold(given) not in _SMALL and not kb.lookup(given):
            start = m.start("given")
        out.append(Cand(start, m.end(), "PERSON", "rule"))
    titles = title_pattern(kb)
    words = word_spans(view)
    capital = [view[a].isupper() for a, _ in words]   # is_cap of each word, read once
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and capital[j] and (j == i or view[words[j - 1][1]:words[j][0]] == " "):
            j += 1
        if j - i in (2, 3):
            s, e = words[i][0], words[j - 1][1]
            after = view[e:e + CONTEXT_CHARS]
            comma = re.match(r",\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}?", after)
            if comma and titles.match(after, comma.end()) and not any(kb.lookup(view[a:b]) for a, b in words[i:j]):
                out.append(Cand(s, e, "PERSON", "rule", info={"appositive": True}))
        i = max(j, i + 1)
    for m in _ADDRESSED.finditer(view):
        # "Mr Obi", "Ms Mokoena": a courtesy title makes the word after it a person's name
        if not kb.lookup(m.group("name")):
            # the title stays out of the span, as in the parser's own PERSON spans
            out.append(Cand(m.start("name"), m.end("name"), "PERSON", "rule"))
    caps = _caps_lines(view)
    for m in _THE_ACRONYM.finditer(view):
        # "the INVH", "the BDDK": an acronym after an article is an organisation's name
        if not kb.lookup(m.group(1)) and not any(a <= m.start(1) < b for a, b in caps):
            out.append(Cand(m.start(1), m.end(1), "ORG", "rule"))
    for m in _QUOTED.finditer(view):
        inner = m.group(1).strip()
        ws = inner.split()
        if len(ws) >= 2 and all(is_cap(w) or w in _SMALL for w in ws) and is_cap(ws[0]):
            s = m.start(1) + m.group(1).index(inner)
            out.append(Cand(s, s + len(inner), "MISC", "quote"))
    return out


def _role_cands(view: str, kb: KB) -> list[Cand]:
    """Role phrases standing for a person: 'the Kazakh president', 'the president of Kazakhstan'."""
    out = []
    for m in role_matches(view, tuple(kb.lexicon.get("head_titles", []))):
        country_word = m.group("c1") or m.group("c2")
        title = (m.group("t1") or m.group("t2")).lower()
        country = kb.country_of(country_word)
        if not country:
            continue
        nxt = view[m.end():m.end() + 40]
        if re.match(r",?\s+[A-ZЀ-Я][^\W\d_]+", nxt) and not re.match(r",?\s+(?:The|This|That|He|She|It)\b", nxt):
            continue   # a title before a name: context for that name, not a mention of its own
        if title == "leader" and view[m.end():m.end() + 1] == "s":
            continue
        out.append(Cand(m.start(), m.end(), "PERSON", "role", info={"country": country, "title": title}))
    return out


def role_matches(view: str, head_titles: tuple[str, ...]) -> Iterator[re.Match[str]]:
    r"""The matches of ``_RoleRegexes.phrase`` in ``view``, in order.

    The phrase pattern is slow to try at every word, so it runs only on the pieces of text between
    characters it can never match that hold a head title. Those characters are not word characters,
    so ``\b`` and the lookahead read the same at a piece's ends as in the whole text.
    """
    regexes = _role_regexes(head_titles)
    for piece in regexes.pieces.finditer(view):
        if regexes.head.search(view, piece.start(), piece.end()):
            yield from regexes.phrase.finditer(view, piece.start(), piece.end())


@dataclass(frozen=True)
class _RoleRegexes:
    """The role-phrase patterns of one head-title list."""
    #: 'the Kazakh president' / 'the president of Kazakhstan'
    phrase: re.Pattern[str]
    #: a head title (at the start of a word when titles open with a letter): every phrase holds one
    head: re.Pattern[str]
    #: a stretch of the characters a phrase may contain
    pieces: re.Pattern[str]


@functools.lru_cache(maxsize=8)
def _role_regexes(head_titles: tuple[str, ...]) -> _RoleRegexes:
    """The role-phrase patterns for these head titles (built once per list)."""
    heads = sorted(head_titles, key=len, reverse=True)
    head_re = "|".join(re.escape(h) for h in heads)
    word = r"[^\W\d_][^\W\d_'’-]*(?:['’]s)?"
    phrase = re.compile(
        rf"\b(?:(?:the|his|her|its|their)\s+)?(?:top\s+)?(?P<c1>{word})\s+(?P<t1>{head_re})\b(?!\s+of\b)"
        rf"|\b(?:the\s+)?(?P<t2>{head_re})\s+of\s+(?:the\s+)?(?P<c2>{word}(?:\s(?-i:[A-Z]){word})?)", re.I)
    # letters, digits, whitespace, apostrophes, hyphens, and whatever else a title is spelt with
    extra = sorted({ch for h in heads for ch in h if not _ROLE_CHAR.fullmatch(ch)})
    # case-insensitive like the phrase, so that no character the phrase matches can cut a piece
    pieces = re.compile(r"[\w\s’'\-" + "".join(re.escape(ch) for ch in extra) + "]+", re.I)
    # a phrase's title follows whitespace or a word boundary: a word boundary when titles open with a letter
    bound = r"\b" if all(re.match(r"\w", h) for h in heads) else ""
    return _RoleRegexes(phrase, re.compile(rf"{bound}(?:{head_re})", re.I), pieces)


def select_candidates(cands: list[Cand]) -> list[Cand]:
    """Keep the strongest, then longest, of overlapping candidates."""
    chosen: list[Cand] = []
    # The chosen spans never overlap, so sorted by (start, end) their ends never decrease: a new
    # span overlaps one of them exactly when it overlaps the last one that starts before its end.
    spans: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
        before_end = bisect.bisect_left(spans, (c.end,))
        if before_end and spans[before_end - 1][1] > c.start:
            continue
        chosen.append(c)
        bisect.insort(spans, (c.start, c.end))
    return sorted(chosen, key=lambda c: c.start)


def _org_head_words(kb: KB) -> frozenset[str]:
    """Last words that make a name an organisation's: the lexicon's organisation, business, media and
    military heads, and a few more that name bodies ("board", "centre", "service"), each also in its plural
    ("Doha Maritime Holdings", "Sinar Jaya Industries")."""
    heads = (kb.word_list("org_heads") + kb.word_list("business_heads")
             + kb.word_list("media_heads") + kb.word_list("military_heads")
             + ["board", "centre", "center", "control", "service", "office", "court", "exchange",
                "league", "club", "bureau", "department", "administration", "police", "airways"])
    return _with_plurals(tuple(heads))


@functools.lru_cache(maxsize=8)
def _with_plurals(words: tuple[str, ...]) -> frozenset[str]:
    """``words`` and their plurals, once per word list (asked three times per document; keyed on the list itself,
    so a KB with other lexicon words gets its own set)."""
    return frozenset(h for w in words for h in (w, w[:-1] + "ies" if w.endswith("y") else w + "s"))


def _split_spacy(sp: list[Cand], kbc: list[Cand], view: str, pos: dict[int, str],
                 titles: list[tuple[int, int]], kb: KB) -> list[Cand]:
    """Reconcile spaCy spans with KB spans inside them (glued 'Chile Gabriel Boric')."""
    out = []
    org_heads = _org_head_words(kb)
    surnames = _place_surnames(sp, kbc, view)
    for c in sp:
        inner = [k for k in kbc if c.start <= k.start and k.end <= c.end and (k.start, k.end) != (c.start, c.end)]
        if not inner:
            out.append(c)
            continue
        if fold(view[c.start:c.end]) in surnames and c.type in ("PERSON", "ORG", "MISC"):
            # "Gustavo Pereira Lima", then "Pereira Lima": a surname that is also a capital's name
            out.append(Cand(c.start, c.end, "PERSON", "spacy_long", info=c.info))
            continue
        rest = view[c.start:c.end]
        for k in inner:
            rest = rest.replace(view[k.start:k.end], " ")
        rest_caps = [w for w in LETTER_WORD.findall(rest) if is_cap(w)]
        if not rest_caps:
            continue   # the KB spans say it all ("Ukrainian LPR")
        first = inner[0]
        lead_is_demonym = all(kid.startswith("norp:") for kid, _ in first.kb)
        # an organisation named after its country keeps the country ("Ghana Cocoa Board")
        keeps_country = c.type in ("ORG", "EVENT") and len(inner) == 1 and first.start == c.start \
            and rest_caps and fold(rest_caps[-1]) in org_heads
        if keeps_country:
            out.append(Cand(c.start, c.end, c.type, "spacy_long", info=c.info))
            continue
        if _named_of_country(c, inner, view, kb):
            out.append(Cand(c.start, c.end, "ORG", "spacy_long", info=c.info))
            continue
        if first.start == c.start and len(rest_caps) >= 2 and (not lead_is_demonym or c.type in ("PERSON", "NORP")):
            s, e = _trim(view, first.end, c.end)
            s += len(view[s:e]) - len(view[s:e].lstrip())
            if e > s:   # "Chile Gabriel Boric" → the country, then the person
                out.append(Cand(s, e, "PERSON" if c.type in ("PERSON", "NORP") else c.type, "spacy",
                                info={**c.info, "split": True}))
            continue
        if any(a <= c.start and c.end <= b for a, b in titles):
            continue   # "Chile Leaves The Trade Bloc": trust the KB span in a headline
        last_pos = pos.get(c.start + max(view[c.start:c.end].rfind(" ") + 1, 0))
        if c.type in ("ORG", "EVENT", "LOC", "MISC") and last_pos in ("PROPN", "NOUN") and \
                len(LETTER_WORD.findall(view[c.start:c.end])) >= 2:
            out.append(Cand(c.start, c.end, c.type, "spacy_long", info=c.info))
        else:
            out.append(c)
    return out


#: a name's words, then "of" or a particle, at the end of the text before a country ("Petróleos de ")
_OF_COUNTRY = re.compile(r"(?P<name>[A-ZÀ-Þ][^\W\d_]+(?: [A-ZÀ-Þ][^\W\d_]+){0,3}) (?:of|" + "|".join(NAME_PARTICLES)
                         + r")(?: the| la| el)? \Z")


def _named_of_country(c: Cand, inner: list[Cand], view: str, kb: KB) -> bool:
    """Whether a span the parser typed a person, work or organisation is a body named "X of <country>"
    ("Petróleos de Venezuela", "Friends of Ghana"): capitalised words, "of" or a particle, then a country that
    ends the span, the first word no title, role or place head ("President of Peru", "Gulf of Thailand")."""
    if c.type not in ("ORG", "PERSON", "MISC", "EVENT") or len(inner) != 1:
        return False
    k = inner[0]
    m = _OF_COUNTRY.fullmatch(view, c.start, k.start)
    if not m or k.end != c.end or not _is_country(k, kb):
        return False
    first = m.group("name").split()[0]
    lex = description_lexicon(kb)
    return not (title_pattern(kb).fullmatch(first) or fold(first) in lex.person_heads
                or fold(first) in kb.word_list("place_heads") or kb.lookup(m.group("name")))


def _place_surnames(sp: list[Cand], kbc: list[Cand], view: str) -> set[str]:
    """The folded words of spaCy's person names that start with a known given name and end in a place the KB
    knows ("Gustavo Pereira Lima"), and their tails without the given name ("Pereira Lima"): the KB's place is
    a word of a person's name there."""
    given = given_names()
    found: set[str] = set()
    for c in sp:
        words = LETTER_WORD.findall(view[c.start:c.end])
        if c.type not in ("PERSON", "ORG", "MISC") or not 2 <= len(words) <= 4 or fold(words[0]) not in given \
                or not all(is_cap(w) or fold(w) in NAME_PARTICLES for w in words):
            continue
        inner = [k for k in kbc if c.start <= k.start and k.end <= c.end]
        if inner and all(k.start > c.start and k.end == c.end and k.type in ("GPE", "LOC") for k in inner):
            folded = [fold(w) for w in words]
            found.update(" ".join(folded[i:]) for i in range(len(folded) - 1))
    return found


def place_types(cands: list[Cand], view: str) -> None:
    """A name spaCy typed a person or a work that the gazetteer knows as a place ("Odesa", "São Paulo",
    "Can Tho") is the place, unless it is a word of a person's name in the text ("Paris Hilton", then "Paris")
    or a title or a given name stands before it."""
    known = place_names()
    given = given_names()
    person_words = {name_key(w) for c in cands if c.type == "PERSON" and place_key(view[c.start:c.end]) not in known
                    for w in LETTER_WORD.findall(view[c.start:c.end])
                    if len(LETTER_WORD.findall(view[c.start:c.end])) >= 2}
    for c in cands:
        if c.source not in ("spacy", "spacy_long") or c.type not in ("PERSON", "MISC") or c.info.get("split"):
            continue
        text = view[c.start:c.end]
        words = LETTER_WORD.findall(text)
        if not words or len(words) > 3 or not all(is_cap(w) for w in words) or place_key(text) not in known:
            continue
        if any(name_key(w) in person_words for w in words):
            continue
        before = LETTER_WORD.findall(view[max(0, c.start - 30):c.start])[-1:]
        if before and is_cap(before[0]) and (fold(before[0].rstrip(".")) in ADDRESS_TITLES
                                             or fold(before[0]) in given):
            continue
        c.type = "GPE"


def head_noun_types(cands: list[Cand], view: str, kb: KB) -> None:
    """A multi-word name whose last word is a place or organisation head noun ("Hoover Dam", "Ostland
    Energy") is that, not a person: the small model calls unfamiliar two-word names people."""
    places = set(kb.word_list("place_heads"))
    orgs = set(kb.word_list("org_heads")) | set(kb.word_list("business_heads"))
    for c in cands:
        if c.source in ("kb", "role") or c.type not in ("PERSON", "MISC", "ORG"):
            continue
        words = fold(view[c.start:c.end]).split()
        if len(words) < 2:
            continue
        if words[-1] in places and c.type in ("PERSON", "MISC"):
            c.type = "LOC"
        elif words[-1] in orgs and c.type == "PERSON":
            c.type = "ORG"


def fix_types(cands: list[Cand], view: str, kb: KB) -> None:
    """Context rules on types: awards and products are not people; surnames of people are."""
    lex = kb.lexicon
    before_np = tuple(lex.get("non_person_before", []))
    after_prod = set(lex.get("product_after", []))
    modifier_after = set(lex.get("modifier_after", []))
    org_app = set(lex.get("org_appositive", []))
    event_heads = set(lex.get("event_heads", []))
    media = set(lex.get("media_heads", []))
    title_before = title_at_end(tuple(kb.lexicon.get("titles", {})))
    surnames = {name_key(view[c.start:c.end].rsplit(maxsplit=1)[-1]) for c in cands
                if c.type == "PERSON" and c.source in ("spacy", "rule") and len(view[c.start:c.end].split()) >= 2}
    surnames |= {name_key(view[c.start:c.end]) for c in cands if c.type == "PERSON" and (
        c.source == "spacy" or any(kind == KIND_SURNAME for _, kind in c.kb))}
    for c in cands:
        if c.source in ("kb", "role"):
            continue
        text = view[c.start:c.end]
        before = view[max(0, c.start - CONTEXT_CHARS):c.start].lower()
        after = view[c.end:c.end + 20].lower().split()
        last = name_key(text.split()[-1]) if text.split() else ""
        if (c.type in ("ORG", "MISC", "LOC", "GPE", "PERSON") and last in surnames and c.type != "PERSON"
                and (len(text.split()) == 1 or all(is_cap(w) for w in text.split()))):
            c.type = "PERSON"
        if c.type in ("ORG", "MISC") and title_before.ends(before) \
                and len(text.split()) in (2, 3):
            c.type = "PERSON"
        prev = before.rstrip().split()[-1:] or [""]
        if c.type in ("PERSON", "GPE", "LOC") and (prev[0] in org_app or prev[0] in media):
            c.type = "ORG"   # "the television channel RT"
        if c.type == "PERSON":
            if before.rstrip().endswith(before_np) or (after and after[0].strip(".,;:") in after_prod):
                c.type = "MISC"
            elif after and after[0].strip(".,;:") in modifier_after and len(text.split()) == 1:
                c.type = "MISC"   # "the Schengen area": the name qualifies a thing
            else:
                m = re.search(r"(?:^|[\s(])(?:the|a|an)\s+([\w-]+)(?:\s+[\w-]+){0,3},\s*$", before)
                if m and m.group(1) in org_app:
                    c.type = "ORG"
        if c.type in ("ORG", "MISC", "LOC") and fold(text).split() and fold(text).split()[-1] in event_heads:
            c.type = "EVENT"
        # the small model also calls an unfamiliar person a place ("the Nigerian epidemiologist Ifeoma Okafor"):
        # a name the gazetteer does not know as a place is read as for an organisation
        if c.type in ("ORG", "GPE", "LOC") and c.source.startswith("spacy") \
                and (c.type == "ORG" or not _known_place(text, kb)) and _person_shaped(text, before, kb):
            c.type = "PERSON"


#: "a Zimbabwean businessman, ", "the prosecutor in the case, ": a person noun (and what qualifies it) and the
#: comma of an apposition, right before a name
_PERSON_NOUN_BEFORE = re.compile(r"(?:^|\s)(?:a|an|the)\s+(?:[\w’'-]+\s+){0,2}?(?P<noun>[a-z]+)"
                                 r"(?:\s+(?:in|of|for|at)\s+[^,.;:]{1,30})?,\s*$")


def _known_place(text: str, kb: KB) -> bool:
    """A name the gazetteer, pycountry's regions or the GeoNames cities know as a place ("Belo Horizonte")."""
    return place_key(text) in place_names() or bool(kb.city_country(text) or kb.region_country(text))


def _person_shaped(text: str, before: str, kb: KB) -> bool:
    """A name the parser typed ORG that is a person's: two or three capitalised words with no word of an
    organisation's name, opened by a known given name or in apposition to a person noun ("a Zimbabwean
    businessman, Tapiwa Chiwenga")."""
    words = text.split()
    if not 2 <= len(words) <= 3 or not all(is_cap(w) and w.isalpha() for w in words):
        return False
    lex = description_lexicon(kb)
    heads = set(kb.word_list("org_heads")) | set(kb.word_list("business_heads")) | lex.org_heads.keys()
    if any(fold(w) in heads or fold(w) in _SMALL or kb.country_of(w) for w in words) or kb.lookup(text):
        return False   # "China Coast Guard", "El Flaco": a country's body, a nickname with its article
    if fold(words[0]) in given_names():
        return True
    # every article may open the phrase: in "the extradition of a Zimbabwean businessman, " the first match's noun
    # is "extradition", the person noun is in a later one
    for art in re.finditer(r"(?:^|\s)(?:a|an|the)\s", before):
        m = _PERSON_NOUN_BEFORE.match(before, art.start())
        if m and m.group("noun") in lex.person_heads and m.group("noun") not in lex.org_heads:
            return True
    return False


@functools.lru_cache(maxsize=8)
def _speech_regexes(verbs: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """(a speech verb right after a name, one right before it) once per verb list; None without verbs."""
    alt = "|".join(re.escape(v) for v in verbs)
    if not alt:
        return None
    return re.compile(rf"\s+(?:{alt})\b"), re.compile(rf"\b(?:{alt})\s+$")


def speaker_types(cands: list[Cand], view: str, kb: KB) -> None:
    """A person-shaped name spaCy took for a title or product speaks: '"...," Jane Roe-Smith said.'"""
    patterns = _speech_regexes(tuple(kb.word_list("speech_verbs")))
    if patterns is None:
        return
    after, before = patterns
    for c in cands:
        if c.type != "MISC" or c.source not in ("spacy", "spacy_long"):
            continue
        words = view[c.start:c.end].split()
        if not 2 <= len(words) <= 4 or not all(is_cap(w) or fold(w) in NAME_PARTICLES for w in words):
            continue
        if after.match(view, c.end) or before.search(view[max(0, c.start - 20):c.start]):
            c.type = "PERSON"


def find_candidates(doc: Document, parsed: Parsed, kb: KB) -> list[Cand]:
    """Name-shaped spans of the document body with types, KB hits and rule info (raw offsets)."""
    view = doc.body_view()
    caps = _caps_lines(view)
    pos, ents = _token_info(parsed)
    kbc = kb_candidates(view, kb, pos, ents, caps)
    sp = _split_spacy(_spacy_cands(parsed, view, caps), kbc, view, pos, _title_lines(view), kb)
    rules = _rule_cands(view, kb) + _role_cands(view, kb) + acronym_names(view, sp)
    cands = select_candidates(sp + kbc + rules)
    title_led_people(cands, view, kb)
    head_noun_types(cands, view, kb)  # first: a "person" Hoover Dam would make "Dam" a surname
    fix_types(cands, view, kb)
    speaker_types(cands, view, kb)
    place_types(cands, view)
    # mended before completion (a whole name completes better) and after it (completion gives a cut tail its
    # particle: "Sheikha Mariam" + "bint Saud Al-Kuwari")
    return mend_names(complete_names(mend_names(cands, view, kb), view, kb, pos), view, kb)


def title_led_people(cands: list[Cand], view: str, kb: KB) -> None:
    """A span the parser typed an organisation or a place that opens with a person's title or role word and goes
    on in two to four capitalised words ("Magistrate Rosa Elvira Quispe") is that person: the title word
    decides the type, and it stays out of the span as in the parser's own PERSON spans ("Mr Obi")."""
    lex = description_lexicon(kb)
    titles = title_pattern(kb)
    heads = set(kb.word_list("org_heads")) | set(kb.word_list("business_heads")) \
        | set(kb.word_list("place_heads")) | lex.org_heads.keys()
    for c in cands:
        if not c.source.startswith("spacy") or c.type not in ("ORG", "MISC", "GPE", "LOC"):
            continue
        words = list(LETTER_WORD.finditer(view, c.start, c.end))
        if not 3 <= len(words) <= 5 or not all(is_cap(w.group()) for w in words):
            continue
        first = fold(words[0].group().rstrip("."))
        if not (titles.fullmatch(words[0].group().rstrip(".")) or first in lex.person_heads) \
                or first in lex.org_heads:
            continue
        rest = words[1:]
        if any(fold(w.group()) in heads or fold(w.group()) in _SMALL or kb.country_of(w.group()) for w in rest) \
                or kb.lookup(view[rest[0].start():c.end]):
            continue   # "President Bank", "Governor of Texas": a body's or a place's name
        c.start, c.type = rest[0].start(), "PERSON"
        c.info = {**c.info, "title_led": True}


def _is_country(c: Cand, kb: KB) -> bool:
    """Whether the candidate is a country by its name or alias (not a capital, a demonym or a metonym)."""
    return c.type == "GPE" and any(kind in (KIND_NAME, KIND_ALIAS) for _, kind in c.kb)


def mend_names(cands: list[Cand], view: str, kb: KB) -> list[Cand]:
    """Join the pieces of one name the parser cut in two.

    - An organisation's name that goes on in a country word, the whole run capitalised ("Persatuan Sepakbola
      Seluruh" + "Indonesia"): a name of two words or more that does not end in a head noun of its own (not
      "the Associated Press" + "Ukraine would ...") is continued by the country right after it.
    - An organisation's name, "and", and a capitalised run that ends in an organisation head no other source
      claims ("Qatar International Court" and "Dispute Resolution Centre"), or that the parser took for a second
      organisation when the first is two words or more with no head noun of its own ("Kenya Power" and
      "Lighting Company"; not "the World Bank" and "International Monetary Fund"): one body's name.
    - A person's name and a person's name right after it that opens with a particle ("Sheikha Mariam" +
      "bint Saud Al-Kuwari") or is one capitalised word no knowledge base knows ("Rosa Elvira Quispe" +
      "Huamán"): one person (two people are never written side by side without punctuation).
    - A country's name right before an organisation's name the parser found ("Liberia" + "Budget Transparency
      Network", "Mauritania" + "Airlines International"): the body's name opens with its country; a city's or
      region's name likewise when the organisation's name holds a head noun ("Copenhagen" + "Malmö Port").
    """
    org_heads = _org_head_words(kb)
    cands = sorted(cands, key=lambda c: c.start)
    out: list[Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        if prev is not None and (_country_opens(prev, c, view, kb) or _place_opens(prev, c, view, org_heads)):
            c.start = prev.start
            c.info = {**c.info, "mended": True}
            out[-1] = c
            continue
        if prev is not None and _continues(prev, c, view, kb, org_heads):
            prev.end = c.end
            prev.info = {**prev.info, "mended": True}
            continue
        out.append(c)
    for c in out:
        if c.type == "ORG" and c.source.startswith("spacy"):
            tail = _AND_ORG_TAIL.match(view, c.end)
            if tail and fold(tail.group("last")) in org_heads and not any(
                    o is not c and o.type != "PERSON" and o.start < tail.end() and tail.start() < o.end
                    and not _cut_before_and(c, o, tail, view, org_heads) for o in out):
                c.end = tail.end()
                c.info = {**c.info, "mended": True}
    # a rule's "person" inside a mended organisation's name is no person
    orgs = [(c.start, c.end) for c in out if c.info.get("mended") and c.type == "ORG"]
    return [c for c in out if c.info.get("mended") or not any(a <= c.start and c.end <= b for a, b in orgs)]


def _country_opens(prev: Cand, c: Cand, view: str, kb: KB) -> bool:
    """Whether country ``prev`` opens the name of organisation ``c`` right after it: one space between, ``c``
    found by the parser, capitalised and not opening with an article ("Mali The Gold Board" is no name)."""
    if c.type != "ORG" or not c.source.startswith("spacy") or view[prev.end:c.start] != " " \
            or not _is_country(prev, kb):
        return False
    words = LETTER_WORD.findall(view[c.start:c.end])
    return bool(words) and all(is_cap(w) or (w.islower() and len(w) <= 3) for w in words) and fold(words[0]) != "the"


def _place_opens(prev: Cand, c: Cand, view: str, org_heads: frozenset[str]) -> bool:
    """Whether place ``prev`` (a city, a region: not a country, which ``_country_opens`` reads) opens the name of
    organisation ``c`` right after it ("Copenhagen" + "Malmö Port", "Brussels" + "Court of First Instance"): one
    space between, ``c`` found by the parser, capitalised, not opening with an article, and holding a head noun
    (a bare "Copenhagen" + "Carlsberg" may be two names side by side; a port, a court or a police command named
    after its city is one)."""
    if prev.type != "GPE" or c.type != "ORG" or not c.source.startswith("spacy") or view[prev.end:c.start] != " ":
        return False
    if not all(is_cap(w) for w in LETTER_WORD.findall(view[prev.start:prev.end])):
        return False
    # "In Frankfurt Deutsche Bank shares fell", "At Heathrow British Airways cancelled ...": a place after a
    # preposition is where the body acts, an adverbial the writer left without its comma, not its name's first word
    if PLACE_BEFORE.search(view[max(0, prev.start - 25):prev.start]):
        return False
    words = LETTER_WORD.findall(view[c.start:c.end])
    return (bool(words) and all(is_cap(w) or (w.islower() and len(w) <= 3) for w in words)
            and fold(words[0]) != "the" and any(fold(w) in org_heads for w in words if is_cap(w)))


def _cut_before_and(c: Cand, o: Cand, tail: re.Match[str], view: str, org_heads: frozenset[str]) -> bool:
    """Whether organisation ``o``, the capitalised run after "and" that follows ``c``, is the rest of ``c``'s name:
    ``c`` has two words or more and no head noun at its end, ``o`` is that run and no knowledge-base name."""
    words = LETTER_WORD.findall(view[c.start:c.end])
    return o.type == "ORG" and o.source.startswith("spacy") and (o.start, o.end) == (tail.start() + 5, tail.end()) \
        and len(words) >= 2 and fold(words[-1]) not in org_heads


#: " and " and a run of two to five capitalised words (group "last": the last one)
_AND_ORG_TAIL = re.compile(r" and (?:[A-ZÀ-Þ][^\W\d_]+[ -]){1,4}(?P<last>[A-ZÀ-Þ][^\W\d_]+)\b(?![-‐'’])")


def _continues(prev: Cand, c: Cand, view: str, kb: KB, org_heads: frozenset[str]) -> bool:
    """Whether candidate ``c`` goes on with the name of ``prev`` right before it (see ``mend_names``)."""
    if view[prev.end:c.start] != " ":
        return False
    text = view[c.start:c.end]
    words = LETTER_WORD.findall(view[prev.start:prev.end])
    if prev.type == "ORG" and prev.source.startswith("spacy") and _is_country(c, kb):
        if len(words) >= 2 and fold(words[-1]) in ("of", "de", "du", "da", "do") and is_cap(words[0]):
            return True   # "Constitutional Court of" + "Georgia": a name never ends in "of"
        return len(words) >= 2 and all(is_cap(w) for w in words) and fold(words[-1]) not in org_heads \
            and not _CAPITAL_NEXT.match(view, c.end)
    if prev.type != "PERSON" or c.type != "PERSON" or prev.source == "role" or c.source == "role":
        return False
    first = text.split()[0]
    if fold(first) in NAME_PARTICLES and first.islower():
        return True
    return len(words) >= 2 and " " not in text and is_cap(text) and not kb.lookup(text) \
        and fold(text) not in given_names()


#: a capitalised word right after a space: the run of capitals goes on
_CAPITAL_NEXT = re.compile(r" [A-ZÀ-Þ]")
