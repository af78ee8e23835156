"""Standard forms of a corpus entity's name, added to its aliases after the merge (issue 17).

A reader names an actor by its common form ("United States", "European Union", "Ministry of Defence", "Hany
Fahmy") while the articles may only write another ("U.S.", "EU", "Defence Ministry", "Fahmy"). After the
corpus-wide merge each entity's aliases gain:

- the knowledge-base entry's name and aliases in Latin script (pycountry's short, common and official names for
  a country);
- the other way of writing a ministry or department ("Defence Ministry" ↔ "Ministry of Defence", "Foreign
  Ministry" ← "Ministry of Foreign Affairs"), and the form qualified by the entity's country demonym ("German
  Defence Ministry");
- the expansion of an acronym written in its articles ("Kenya Revenue Authority" for "KRA"), when exactly one
  run of capitalised words there spells it;
- a full name for a person named by a surname only, when its articles write exactly one known given name
  before that surname and no other entity bears that full name.

The forms are added after the merge so that they never join two entities; aliases found in the text keep their
order (most used first) and the standard forms follow.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from storyline.model import DocAnalysis, Entity
from storyline.resolve.kb import KB
from storyline.resolve.names import fold, given_names, is_acronym_for, looks_like_acronym

#: Heads of government bodies written either way round ("Defence Ministry" / "Ministry of Defence").
BODY_HEADS = ("Ministry", "Department")
#: Short words a capitalised run of a name may hold ("Bank of the Republic", "Banco de la República").
_PARTICLES = r"(?:of|the|for|and|on|de|del|la|las|los|du|des|der|und|di|da|do|dos|das|el|al|y|e)"
_CAP_WORD = r"[A-ZÀ-ÖØ-Þ][\w’'-]*"
#: A run of capitalised words, short particles between them.
_CAP_RUN = re.compile(rf"{_CAP_WORD}(?:\s+(?:{_PARTICLES}\s+)*{_CAP_WORD})*")
#: The longest acronym expansion looked for, in words.
MAX_EXPANSION_WORDS = 10


def _title(words: str) -> str:
    """A lower-case phrase of the text written as a name ("health" → "Health"); capitals kept."""
    return " ".join(w if w[:1].isupper() or w in ("of", "and", "the") else w[:1].upper() + w[1:]
                    for w in words.split())


def body_forms(name: str, demonym: str | None = None) -> list[str]:
    """The other ways of writing a ministry's or department's name.

    >>> body_forms("Defence Ministry", "German")
    ['Ministry of Defence', 'German Defence Ministry']
    >>> body_forms("Ministry of Foreign Affairs")
    ['Foreign Affairs Ministry', 'Foreign Ministry']
    """
    text = re.sub(r"^[Tt]he\s+", "", name.strip())
    out: list[str] = []
    for head in BODY_HEADS:
        m = re.fullmatch(rf"(?P<x>[\w’' -]+?)\s+{head}", text, flags=re.I)
        if m and m.group("x").split()[0].lower() not in ("the", "a"):
            x = _title(m.group("x"))
            out += [f"{head} of {x}", f"{x} {head}"]
        m = re.fullmatch(rf"{head}\s+of\s+(?:the\s+)?(?P<x>[\w’' -]+)", text, flags=re.I)
        if m:
            x = _title(m.group("x"))
            out += [f"{head} of {x}", f"{x} {head}"]
            if x.endswith(" Affairs"):
                out.append(f"{x[:-len(' Affairs')]} {head}")   # "Ministry of Foreign Affairs" is the Foreign Ministry
    if out and demonym:
        out += [f"{demonym} {f}" for f in out if not f.startswith(BODY_HEADS)]
    seen = {fold(text)}
    return [f for f in dict.fromkeys(out) if fold(f) not in seen]


def acronym_expansions(acronym: str, texts: Iterable[str]) -> set[str]:
    """The runs of capitalised words in ``texts`` whose initials spell ``acronym`` (with the particles that
    end a run trimmed: "the Kenya Revenue Authority" → "Kenya Revenue Authority")."""
    out: set[str] = set()
    for text in texts:
        for m in _CAP_RUN.finditer(text):
            words = m.group().split()
            # a run may open with a word that starts a sentence ("The", "Officials at the ..."): try its tails
            for i in range(len(words)):
                run = words[i:]
                if len(run) < 2 or len(run) > MAX_EXPANSION_WORDS or not run[0][:1].isupper():
                    continue
                if run[0].lower() in ("the", "a", "an"):
                    continue
                phrase = re.sub(r"['’]s$", "", " ".join(run))
                if phrase != acronym and not looks_like_acronym(phrase) and is_acronym_for(acronym, phrase):
                    out.add(phrase)
                    break
    return out


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 for c in name if c.isalpha())


def full_names(surname: str, texts: Iterable[str]) -> set[str]:
    """"Given Surname" runs in ``texts`` whose first word is a known given name."""
    given = given_names()
    pattern = re.compile(rf"\b({_CAP_WORD})\s+{re.escape(surname)}\b")
    return {f"{m.group(1)} {surname}" for text in texts for m in pattern.finditer(text) if fold(m.group(1)) in given}


def standard_forms(e: Entity, kb: KB, texts: Sequence[str], taken: dict[str, str]) -> list[str]:
    """The standard forms of ``e``'s name its aliases lack (see the module docstring).

    Args:
        e: a corpus entity after the merge.
        kb: the knowledge base.
        texts: the texts of the documents ``e`` is mentioned in.
        taken: folded names and aliases of all the corpus entities → the id of the entity bearing them.
    """
    names = [e.name, *e.aliases]
    forms: list[str] = []
    entry = kb.entries.get(e.kb_id) if e.kb_id else None
    if entry is not None:
        # in Latin script: the export names actors in the articles' script, and the other scripts' names
        # stay the knowledge base's to match with
        forms += [n for n in [entry.name, *entry.aliases] if _latin(n)]
    if e.type in ("ORG", "MISC") and not e.generic:
        demonym = None
        if e.country:
            country = kb.entries.get(f"gpe:{e.country}")
            demonym = country.demonyms[0] if country and country.demonyms else None
        for n in names:
            forms += body_forms(n, demonym)
    if e.type in ("ORG", "MISC", "GPE", "LOC", "EVENT") and not e.generic:
        acronyms = [n for n in names if looks_like_acronym(n) and 2 <= len(n.replace(".", "")) <= 8]
        for acr in acronyms:
            if any(is_acronym_for(acr, n) for n in names if n != acr):
                continue
            found = acronym_expansions(acr, texts)
            if len({fold(f) for f in found}) == 1 and taken.get(fold(next(iter(found))), e.id) == e.id:
                forms.append(next(iter(found)))
    if e.type == "PERSON" and not e.generic and all(len(n.split()) == 1 for n in names):
        surnames = {n for n in names if n[:1].isupper()}
        if len(surnames) == 1:
            found = full_names(next(iter(surnames)), texts)
            if len({fold(f) for f in found}) == 1 and taken.get(fold(next(iter(found))), e.id) == e.id:
                forms.append(next(iter(found)))
    have = {fold(n) for n in names}
    out: list[str] = []
    for f in forms:
        if f and fold(f) not in have:
            have.add(fold(f))
            out.append(f)
    return out


def add_standard_aliases(ents: list[Entity], analyses: Sequence[DocAnalysis], kb: KB) -> None:
    """Append to each corpus entity's aliases the standard forms of its name it lacks (in place)."""
    text_of = {a.document.id: a.document.text or a.document.raw or "" for a in analyses}
    taken: dict[str, str] = {}
    for e in ents:
        for n in [e.name, *e.aliases]:
            taken.setdefault(fold(n), e.id)
    for e in ents:
        docs = sorted({m.doc for m in e.mentions})
        extra = standard_forms(e, kb, [text_of[d] for d in docs if d in text_of], taken)
        if extra:
            e.aliases = [*e.aliases, *extra]
