"""Candidate name spans (``Cand``), the words names are made of, and the rules that complete them.

Rules that widen a person's span to the parts spaCy cut off (a given name before a lone surname,
hyphenated and particle-led compound surnames, glued articles), add what spaCy missed (a bare
surname repeated after the full name, the words a bracketed acronym abbreviates) and link a
descriptive phrase to the organisation it names ("the basin authority").
"""
from __future__ import annotations

import bisect
import functools
import logging
import math
import re
from dataclasses import dataclass, field
from typing import Any

from storyline.data import load
from storyline.resolve.kb import KB
from storyline.resolve.names import acronym_of, fold, given_names, name_key

LOGGER = logging.getLogger(__name__)

#: Claim strength of each source when spans overlap (higher wins; then the longer span).
PRIORITY = {"spacy": 1, "kb": 2, "spacy_long": 3, "quote": 4, "rule": 4, "role": 5}
#: How far (characters) before a name the title/award/appositive rules look.
CONTEXT_CHARS = 60
#: A word of letters, its parts joined by hyphens, apostrophes or dots ("Castelli-Ba", "O'Neill", "Gen.").
LETTER_WORD = re.compile(r"[^\W\d_]+(?:[-‐'’.][^\W\d_]+)*\.?")
#: Lower-case words inside a surname ("Ursula von der Leyen", "Jean de La Fontaine", "Ahmed bin Saleh").
NAME_PARTICLES: tuple[str, ...] = tuple(load("names")["particles"])
#: Arabic-style article glued to a surname by a hyphen ("al-Rashidi", "el-Sayed", "ash-Shami").
_GLUED_ARTICLE = r"(?:al|el|as|ash|ad|ar|at|az|an|abd|abu|bin|ibn)[-‐‑]"
_NAME_WORD = r"[^\W\d_]+(?:['’](?!s\b)[^\W\d_]+)?"
#: A hyphenated tail spaCy leaves out of a person's name ("Marchetti" + "-Obi", "Ortiz" + "-Vela").
_HYPHEN_TAIL = re.compile(r"[-‐‑](" + _NAME_WORD + ")")
#: Particles and the capitalised rest of a surname after a given name ("Jean" + " de La Fontaine").
_PARTICLE_TAIL = re.compile(r"\s(?i:(?:" + "|".join(NAME_PARTICLES) + r")\s){1,3}(?:" + _GLUED_ARTICLE + ")?("
                            + _NAME_WORD + r"(?:[-‐‑]" + _NAME_WORD + ")?)")
#: Particles right before a surname ("Van der" + "Aue").
_PARTICLES_BEFORE = re.compile(r"(?<![^\W\d_])((?i:(?:" + "|".join(NAME_PARTICLES) + r")\s){1,3})\Z")
#: The last particle of ``_PARTICLES_BEFORE`` alone: a cheap test, searched only as far back as a
#: particle is long, before that pattern is searched across the whole context.
_PARTICLE_AT_END = re.compile(r"(?i:(?:" + "|".join(NAME_PARTICLES) + r"))\s\Z")
_LONGEST_PARTICLE = max(len(p) for p in NAME_PARTICLES)
#: A given name right before a particle-led surname ("Maarten" + " van der Aue").
_GIVEN_BEFORE = re.compile(r"(?<![^\W\d_])(" + _NAME_WORD + r") $")
#: A glued article right before a surname ("al-" + "Rashidi").
_GLUED_BEFORE = re.compile(r"(?<![^\W\d_])" + _GLUED_ARTICLE + "$", re.I)
#: The surname after a trailing particle ("van" + " Broek").
_WORD_AFTER_PARTICLE = re.compile(r"\s(" + _NAME_WORD + ")")
#: The hyphens that join the parts of a compound surname.
_HYPHENS = re.compile(r"[-‐‑]")
#: A glued article and surname after a given name ("Omar" + " al-Rashidi").
_GLUED_TAIL = re.compile(r"\s" + _GLUED_ARTICLE + "(" + _NAME_WORD + r"(?:[-‐‑]" + _NAME_WORD + ")?)")
#: "Name (ACR)": a bracketed acronym right after the words whose initials it spells.
_BRACKET_ACRONYM = re.compile(r"\(([A-ZÀ-Þ]{2,8})\)")
#: Most words looked back from a bracketed acronym for the name it abbreviates.
MAX_ACRONYM_NAME_WORDS = 10
#: A repeated bare surname is added only from this key length on (short keys are common words).
MIN_SURNAME_KEY = 3
#: A possessive ending ("Ghenciu's", "Ghenciu’"): not part of a repeated surname.
_POSSESSIVE_END = re.compile(r"['’]s?$")
#: A word of a descriptive phrase ("basin", "anti-graft").
_LOWER_WORD = re.compile(r"[a-z][a-z-]*")
_DESCRIPTIVE = re.compile(r"\b[Tt]he\s+((?:[a-z][a-z-]*\s+){0,3}[a-z][a-z-]*)\b")


@dataclass
class Cand:
    """A candidate mention inside the resolve stage (not a model record)."""
    start: int
    end: int
    type: str
    source: str
    kb: list[tuple[str, str]] = field(default_factory=list)
    info: dict[str, Any] = field(default_factory=dict)

    @property
    def priority(self) -> int:
        return PRIORITY[self.source]


def is_cap(word: str) -> bool:
    """Whether the word opens with a capital letter."""
    return word[:1].isupper()


def title_pattern(kb: KB) -> re.Pattern[str]:
    """Any title of the KB lexicon ("minister", "Gen.") as a whole word, in any case."""
    return _titles_regex(tuple(kb.lexicon.get("titles", {})))


@functools.lru_cache(maxsize=8)
def _titles_regex(titles: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``titles`` as a whole word, longest first (built once per title list, not per document)."""
    ordered = sorted(titles, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(t) for t in ordered) + r")\b", re.I)


@dataclass(frozen=True)
class TitleAtEnd:
    r"""``\b(title)\b\s*,?\s*$`` for one title list, searched only where such a match can start."""
    pattern: re.Pattern[str]
    longest: int

    def ends(self, text: str) -> bool:
        """Whether a title, then at most a comma and whitespace, ends ``text``."""
        # the title ends where only whitespace and one comma remain, and a case-insensitive match
        # is as long as the title: no match starts before ``longest`` characters ahead of that
        tail = text.rstrip()
        if tail.endswith(","):
            tail = tail[:-1].rstrip()
        return self.pattern.search(text, max(0, len(tail) - self.longest)) is not None


@functools.lru_cache(maxsize=8)
def title_at_end(titles: tuple[str, ...]) -> TitleAtEnd:
    """The test for text that ends in one of ``titles`` (built once per title list)."""
    return TitleAtEnd(re.compile(_titles_regex(titles).pattern + r"\s*,?\s*$", re.I),
                       max((len(t) for t in titles), default=0))


def complete_names(cands: list[Cand], view: str, kb: KB, pos: dict[int, str]) -> list[Cand]:
    """The typed candidates completed: persons' spans widened to the given names and surname parts
    spaCy cut off, bare surname repeats added, and descriptive names of organisations linked.

    Args:
        cands: the chosen, typed candidates of the document (their spans may be widened in place).
        view: the document's body view (raw offsets).
        kb: the knowledge base.
        pos: the part-of-speech tag of the token starting at each raw offset.

    Returns:
        The candidates in text order, with those the rules added.
    """
    _extend_names(cands, view, kb, pos)
    _extend_second_surnames(cands, view, kb, pos)
    cands = _extend_compound_names(cands, view, kb, pos)
    cands = _extend_compound_names(cands + _surname_repeats(cands, view, pos), view, kb, pos)
    cands.sort(key=lambda c: c.start)
    return sorted(cands + _org_anaphora(cands, view), key=lambda c: c.start)


def _extend_names(cands: list[Cand], view: str, kb: KB, pos: dict[int, str]) -> None:
    """Give a lone surname the given name spaCy left out before it ('Qasym-Jomart' + 'Toqaev')."""
    titles = title_pattern(kb)
    taken = {(c.start, c.end) for c in cands}
    ends = {c.end for c in cands}
    for c in cands:
        if c.type != "PERSON" or c.source == "role":
            continue
        m = re.search(r"([^\W\d_][^\W\d_'’]*(?:-[^\W\d_]+)*) $", view[max(0, c.start - 40):c.start])
        if not m:
            continue
        word = m.group(1)
        # a longer name gets only a known given name ("Governor Ahmet" + "Emre Yıldırımoğlu": spaCy read the first
        # given name as part of the title)
        if " " in view[c.start:c.end].strip() and fold(word) not in given_names():
            continue
        start = c.start - len(word) - 1
        # a courtesy title ("Mr", "Dr") is not a given name: the span stays the name alone
        if (is_cap(word) and pos.get(start) == "PROPN" and not kb.lookup(word) and not titles.fullmatch(word)
                and fold(word).rstrip(".") not in _HONORIFICS
                and (start, c.start - 1) not in taken and c.start - 1 not in ends):
            c.start = start


#: Capitalised words that follow a name without being a part of it
_NOT_SURNAME = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
                          r"May|June|July|August|September|October|November|December|Jr|Sr|The|And|But|In|On|At)\b")
#: A capitalised word right after a name, then no other capitalised word ("Camila Vallejo" + " Prieto said")
_SECOND_SURNAME = re.compile(r" ([A-ZÀ-ÖØ-Þ][^\W\d_]+)(?=[,.;:]?\s+[^\W\d_A-ZÀ-ÖØ-Þ]|[,.;:]\s)")


def _extend_second_surnames(cands: list[Cand], view: str, kb: KB, pos: dict[int, str]) -> None:
    """Give a given name and a surname the second surname spaCy cut off ("Camila Vallejo" + "Prieto"): a
    capitalised proper noun right after, that no knowledge base, calendar or other candidate claims and that is no
    given name, followed by a lower-case word or a stop."""
    starts = {c.start for c in cands}
    for c in cands:
        words = view[c.start:c.end].split()
        if c.type != "PERSON" or c.source == "role" or len(words) != 2 or fold(words[0]) not in given_names():
            continue
        m = _SECOND_SURNAME.match(view, c.end)
        if not m or c.end + 1 in starts or pos.get(c.end + 1) != "PROPN":
            continue
        word = m.group(1)
        if _NOT_SURNAME.fullmatch(word) or kb.lookup(word) or fold(word) in given_names():
            continue
        c.end = c.end + 1 + len(word)


#: courtesy titles of address ("mr", "dr"), kept in the names data
_HONORIFICS = frozenset(load("names")["honorifics"])


@functools.lru_cache(maxsize=4)
def word_spans(view: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every ``LETTER_WORD`` of the text; cached, as several rules walk the same words."""
    return tuple((m.start(), m.end()) for m in LETTER_WORD.finditer(view))


@functools.lru_cache(maxsize=4)
def _lower_words(view: str) -> frozenset[str]:
    """Words the document writes in lower case (so a capitalised one may be a common word).

    Cached: the span rules ask for the same document's words several times in a row.
    """
    return frozenset(w for w in re.findall(r"\b[^\W\d_]+\b", view) if w.islower())


def _tail_is_own_name(tail: str, c: Cand, cands: list[Cand], view: str, kb: KB) -> bool:
    """True when a hyphenated tail is a name in its own right ('Marchetti-Xu talks', 'Putin-Xi')."""
    if kb.lookup(tail):
        return True
    key = name_key(tail)
    for o in cands:
        if o is c or o.type != "PERSON":
            continue
        words = view[o.start:o.end].split()
        if words and name_key(words[-1]) == key and len(words) >= 1:
            return True
    return False


def _extend_compound_names(cands: list[Cand], view: str, kb: KB, pos: dict[int, str]) -> list[Cand]:
    """Give a person the surname parts spaCy cut off: '-Obi', ' de La Fontaine', ' al-Rashidi', 'al-'."""
    drop: set[int] = set()
    particles = set(NAME_PARTICLES)
    lower_words = _lower_words(view)
    for c in cands:
        if c.type != "PERSON" or c.source == "role" or id(c) in drop:
            continue
        while True:
            rest = view[c.end:c.end + CONTEXT_CHARS]
            ends_in_particle = fold(view[c.start:c.end].rsplit(maxsplit=1)[-1]) in particles
            hyphen = _HYPHEN_TAIL.match(rest)
            m = hyphen or _GLUED_TAIL.match(rest) or _PARTICLE_TAIL.match(rest) or (
                _WORD_AFTER_PARTICLE.match(rest) if ends_in_particle else None)
            if not m:
                break
            tail = m.group(1)
            t_end = c.end + m.end()
            last = _HYPHENS.split(tail)[-1]
            if not is_cap(tail) or not is_cap(last) or fold(tail) in particles or "\n" in view[c.end:t_end]:
                break
            if hyphen and _tail_is_own_name(tail, c, cands, view, kb):
                break   # "the Haldane-Okoro meeting": two people
            if not hyphen and kb.lookup(tail):
                break   # "Jorge de Lima" is fine, "Smith de France" is not a surname
            inside = [o for o in cands if o is not c and id(o) not in drop and o.start < t_end and c.end < o.end]
            # after a particle the next word is the surname whatever spaCy called it ("van" + "Broek"/GPE)
            if any(o.end > t_end or o.kb or (o.type != "PERSON" and hyphen) for o in inside):
                break
            drop.update(id(o) for o in inside)
            c.end = t_end
        # particles before the name ("Van der" + "Aue" at a sentence start), then a given name
        # before a particle-led surname ("Maarten" + "van der Aue")
        b = _particles_before(view, c.start)
        if b and is_cap(view[c.start:c.end]):
            c.start = b.start(1)
        first = view[c.start:c.end].split(maxsplit=1)[0] if view[c.start:c.end].split() else ""
        g = None
        if fold(first) in particles:
            g = _GIVEN_BEFORE.search(view[max(0, c.start - CONTEXT_CHARS):c.start])
        if g and is_cap(g.group(1)) and not kb.lookup(g.group(1)) \
                and (pos.get(c.start - len(g.group(1)) - 1) == "PROPN" or g.group(1).lower() not in lower_words) \
                and not any(o.start < c.start and c.start - len(g.group(1)) - 1 < o.end for o in cands):
            c.start -= len(g.group(1)) + 1
        # a glued article before the surname: "al-" + "Rashidi"
        g = _GLUED_BEFORE.search(view[max(0, c.start - 6):c.start])
        if g:
            c.start -= len(g.group())
    return [c for c in cands if id(c) not in drop]


def _particles_before(view: str, start: int) -> re.Match[str] | None:
    """``_PARTICLES_BEFORE`` ending at ``start``, searched only when a particle and a space end there."""
    lo = max(0, start - CONTEXT_CHARS)
    if not _PARTICLE_AT_END.search(view, max(lo, start - _LONGEST_PARTICLE - 1), start):
        return None
    return _PARTICLES_BEFORE.search(view, lo, start)


def _surname_repeats(cands: list[Cand], view: str, pos: dict[int, str]) -> list[Cand]:
    """Bare surnames spaCy missed on a later reference ('..., Ghenciu said'), from the full names."""
    keys = set()
    for c in cands:
        words = view[c.start:c.end].split()
        if c.type == "PERSON" and c.source != "role" and len(words) >= 2 and is_cap(words[-1]):
            keys.add(name_key(words[-1]))
    keys.discard("")
    if not keys:
        return []
    lower_words = _lower_words(view)
    taken = SpanIndex([(c.start, c.end) for c in cands])
    out = []
    for s, end in word_spans(view):
        if not is_cap(view[s:end]):
            continue
        word = _POSSESSIVE_END.sub("", view[s:end].rstrip("."))
        e = s + len(word)
        if not is_cap(word) or name_key(word) not in keys or len(name_key(word)) < MIN_SURNAME_KEY:
            continue
        if taken.overlaps(s, e):
            continue
        # a surname that is also a common word ("Young", "Rose") only when tagged as a proper noun
        if word.lower() in lower_words and pos.get(s) != "PROPN":
            continue
        out.append(Cand(s, e, "PERSON", "rule", info={"surname_repeat": True}))
    return out


def acronym_names(view: str, spacy: list[Cand]) -> list[Cand]:
    """'Name in any language (ACR)': the words before a bracketed acronym whose initials spell it."""
    out = []
    for m in _BRACKET_ACRONYM.finditer(view):
        acr = fold(m.group(1)).upper()
        lo = max(0, m.start() - 40 * MAX_ACRONYM_NAME_WORDS)
        words = list(re.finditer(r"[^\W\d_][^\W\d_'’‐-]*", view[lo:m.start()]))[-MAX_ACRONYM_NAME_WORDS:]
        for k in range(2, len(words) + 1):
            s, e = lo + words[-k].start(), lo + words[-1].end()
            if view[e:m.start()].strip() or re.search(r"[\n.;:!?()\[\]\"“”]", view[s:e]):
                break
            if not is_cap(words[-k].group()) or acronym_of(view[s:e]) != acr:
                continue
            same = [c for c in spacy if c.start < e and s < c.end]
            if any(c.type == "PERSON" for c in same):
                break
            kind = next((c.type for c in same if c.type in ("ORG", "EVENT", "MISC")), "ORG")
            if not any((c.start, c.end) == (s, e) for c in same):
                out.append(Cand(s, e, kind, "rule", info={"acronym": m.group(1)}))
            # the acronym is a mention even where the parser found the name itself exactly
            if not any(c.start < m.end(1) and m.start(1) < c.end for c in spacy):
                out.append(Cand(m.start(1), m.end(1), kind, "rule", info={"acronym_of": (s, e)}))
            break
    return out


def _org_anaphora(cands: list[Cand], view: str) -> list[Cand]:
    """'the basin authority' after 'Intergovernmental Basin Authority': a descriptive name of that body.

    The phrase's head noun must end the name of an organisation mentioned before it (the most
    recent such one) and its other words must be words of that name. A bare head ("the agency")
    is kept only when the organisation is a knowledge-base actor, whose link it then shares: a
    bare head on its own would otherwise become an actor called "agency".
    """
    orgs = sorted((c for c in cands if c.type in ("ORG", "EVENT") and c.source != "quote"), key=lambda c: c.start)
    if not orgs:
        return []
    # organisations by the last word of their name, in text order: the antecedents a head can have
    by_head: dict[str, list[Cand]] = {}
    for c in orgs:
        name = fold(view[c.start:c.end]).split()
        if name:
            by_head.setdefault(name[-1], []).append(c)
    taken = SpanIndex([(c.start, c.end) for c in cands])
    out = []
    for m in _DESCRIPTIVE.finditer(view):
        s, base = m.start(), m.start(1)
        words = list(_LOWER_WORD.finditer(m.group(1)))
        if not any(w.group() in by_head for w in words):
            continue
        found = None
        for k in range(len(words), 0, -1):      # the longest phrase that names an organisation
            e = base + words[k - 1].end()
            head, mods = words[k - 1].group(), [w.group() for w in words[:k - 1]]
            if taken.overlaps(s, e):
                continue
            ante = next((c for c in reversed(by_head.get(head, [])) if c.end <= s), None)
            if ante is None:
                continue
            names = set(fold(view[ante.start:ante.end]).split())
            if all(w in names for w in mods) and (mods or ante.kb):
                found = (e, ante)
                break
        if found is None:
            continue
        e, ante = found
        out.append(Cand(s, e, ante.type, "rule", kb=list(ante.kb),
                        info={"antecedent": (ante.start, ante.end), "descriptive": True}))
    return out


class SpanIndex:
    """Spans (start, end), asked whether any overlaps a range, in log time instead of a scan of all."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        by_end = sorted(spans, key=lambda span: span[1])
        self._ends = [end for _, end in by_end]
        # _first_start[i]: the smallest start among the spans from the i-th smallest end on
        self._first_start: list[float] = [math.inf] * (len(by_end) + 1)
        for i in range(len(by_end) - 1, -1, -1):
            self._first_start[i] = min(by_end[i][0], self._first_start[i + 1])

    def overlaps(self, start: int, end: int) -> bool:
        """True when some span (a, b) has a < end and start < b."""
        return self._first_start[bisect.bisect_right(self._ends, start)] < end
