"""Who speaks a quote: the cue lexicon, and a speaker phrase or cue verb resolved to an entity."""
from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyline.data import load, read, resource_path
from storyline.extract.patterns import grouped_alternation
from storyline.extract.quote_marks import n_words
from storyline.model import Document, Entity, Mention
from storyline.nlp.tokens import BlockTokens, read_tokens
from storyline.resolve.coref import gender_lexicon

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

LOGGER = logging.getLogger(__name__)
LEXICON = resource_path("quote_cues")

#: Most words of a descriptor before a named speaker ("French carmaker X").
MAX_DESCRIPTOR_WORDS = 3
#: A speaker phrase longer than this (words) is not a speaker phrase.
MAX_SPEAKER_WORDS = 8
#: A role phrase resolves only to people mentioned within this many characters before it.
ROLE_LOOKBACK = 6000
#: Stands in for the period of an abbreviation while speaker phrases are matched (same length).
ABBREV_MASK = "\u00b7"
#: Mention types that can speak when they head the speaker phrase (NORP "Kazakh" cannot).
SPEAKER_TYPES = ("PERSON", "ORG", "GPE")


#: a speaker chooser's answer for a speaker phrase that describes someone it does not name
#: ("a senior official"): the phrase becomes a described person of the document
DESCRIBED = "<described>"
#: a speaker chooser's answer for a pronoun quote whose speaker is an unnamed person described as the subject
#: of a sentence before it ("The woman who runs the shelter has heard it all. “…,” she said."): see
#: ``speaker_model.antecedent_phrase``
ANTECEDENT = "<antecedent>"
#: a speaker chooser's answer for a quote whose speaker is the described person of the quote before it
#: ("A petrol station manager … said he had heard that before. “Every month they say next week,” he said.")
PREVIOUS_DESCRIBED = "<previous-described>"


@dataclass(frozen=True)
class Attribution:
    """How a quote's speaker was found: whether a speaker phrase was read, the entity it names (None
    for an anonymous or unresolved phrase), where the phrase is, and by which route (``how``:
    after, after_source, before, carry, continue, trailing, indirect, according, none)."""
    ok: bool
    speaker: str | None = None
    phrase: tuple[int, int] | None = None
    how: str = "none"


@dataclass
class QuoteSpan:
    """A quote found by the passes of ``extract.quotes``, before its speaker is final."""
    start: int
    end: int
    direct: bool
    attribution: Attribution

    @property
    def speaker(self) -> str | None:
        return self.attribution.speaker if self.attribution.ok else None


@dataclass
class _Cues:
    lemmas: frozenset[str]
    clause_only: frozenset[str]
    need_particle: dict[str, str]
    forms_re: str
    indefinite: frozenset[str]
    pronouns: frozenset[str]
    synonyms: dict[str, str]
    abbrev_re: re.Pattern[str]
    title_before_re: re.Pattern[str]
    naming_before_re: re.Pattern[str]
    partial_lemmas: frozenset[str] = frozenset()
    groups: frozenset[str] = frozenset()
    questioners: frozenset[str] = frozenset()
    source_nouns: frozenset[str] = frozenset()
    quantifiers: frozenset[str] = frozenset()
    address_verbs: frozenset[str] = frozenset()
    #: a transcript label word → the role words it stands for ("court" → judge, magistrate, …)
    label_roles: dict[str, frozenset[str]] | None = None
    #: words before a quoted span that mention a term, a name or a chant ("so-called", "nicknamed", "chanting")
    term_before_re: re.Pattern[str] | None = None
    #: prepositions whose object is a place ("a youth centre in Ibadan", "outside Can Tho"): a place, not a speaker
    place_prepositions: frozenset[str] = frozenset()
    #: last words of places' names ("Halsey Street", "the Fergana valley"): a name ending in one is a place
    place_words: frozenset[str] = frozenset()
    #: head nouns of things that carry written words ("the act", "a sign", "the label"): quoted, never speaking
    text_nouns: frozenset[str] = frozenset()


def _forms(lemma: str, irregular: dict[str, list[str]]) -> list[str]:
    """Surface forms of a regular English verb (or the listed irregular ones)."""
    if lemma in irregular:
        return list(irregular[lemma])
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d"]
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied"]
    stem = lemma.replace("qu", "q")               # the u of "qu" is no vowel: "quip" doubles like "slip"
    if re.search(r"[aeiou][b-df-hj-np-tvz]$", stem) and not re.search(r"[aeiou]{2}.$", stem):
        # a final stressed consonant may double ("quipped", "admitted"); an unstressed one does not
        # ("answered"): both past forms are listed, the one English does not use never matches
        return [lemma, lemma + "s", lemma + "ed", lemma + lemma[-1] + "ed"]
    return [lemma, lemma + "s", lemma + "ed"]


@functools.lru_cache(maxsize=2)
def load_cues(path: str = str(LEXICON)) -> _Cues:
    """Load and validate the cue lexicon once per process."""
    data: dict[str, Any] = load("quote_cues") if Path(path) == LEXICON else read(path, "quote_cues")
    verbs = [v for v in data.get("verbs") or [] if isinstance(v, str) and v.strip()]
    if not verbs:
        raise ValueError(f"{path}: `verbs` must list at least one cue verb lemma")
    irregular = data.get("irregular") or {}
    particles = data.get("need_particle") or {}
    forms = []
    for lemma in verbs:
        suffix = rf"\s+{particles[lemma]}" if lemma in particles else ""
        forms += [re.escape(f) + suffix for f in _forms(lemma, irregular)]
    forms.sort(key=len, reverse=True)
    synonyms = {w: group[0] for group in data.get("role_synonyms") or [] for w in group}
    abbrevs = [str(a).rstrip(".") for a in data.get("abbreviations") or []]
    # "Dr." / "J." inside a speaker phrase: the period ends neither the phrase nor the sentence
    abbrev_re = re.compile(r"(?<![^\W\d_])(?:[A-Z]|" + "|".join(re.escape(a) for a in abbrevs) + r")\.")
    title_words = "|".join(re.escape(w) for w in data.get("title_before") or ["titled"])
    naming_words = "|".join(re.escape(w) for w in data.get("naming_before") or ["called"])
    term_words = "|".join(re.escape(str(w)) for w in data.get("term_before") or ["so-called"])
    return _Cues(frozenset(verbs), frozenset(data.get("clause_only") or []), dict(particles),
                 grouped_alternation(forms), frozenset(data.get("indefinite") or []),
                 frozenset(data.get("pronouns") or []), synonyms, abbrev_re,
                 re.compile(rf"\b(?:{title_words})\s*[,:]?\s*$", re.I),
                 # "called it 'X Y Z'", "named the plan 'X Y Z'": up to two object words between
                 re.compile(rf"\b(?:{naming_words})(?:\s+[\w'’-]+){{0,2}}\s*[,:]?\s*$", re.I),
                 frozenset(data.get("partial_verbs") or []) | frozenset(verbs),
                 frozenset(data.get("group_sources") or []), frozenset(data.get("questioner_labels") or []),
                 frozenset(data.get("source_nouns") or []), frozenset(data.get("quantifiers") or []),
                 frozenset(data.get("address_verbs") or []),
                 {str(k): frozenset(map(str, v)) for k, v in (data.get("label_roles") or {}).items()},
                 re.compile(rf"(?<![\w-])(?:{term_words})\s*$", re.I),
                 frozenset(map(str, data.get("place_prepositions") or [])),
                 frozenset(str(w).lower() for w in data.get("place_words") or []),
                 frozenset(str(w).lower() for w in data.get("text_nouns") or []))


def mask_abbreviations(cues: _Cues, text: str) -> str:
    """Same-length copy of ``text`` with the periods of abbreviations and initials replaced."""
    return cues.abbrev_re.sub(lambda m: m.group()[:-1] + ABBREV_MASK, text)


# --------------------------------------------------------------------------- context
@dataclass
class SpeakerContext:
    doc: Document
    view: str
    cues: _Cues
    mentions: list[Mention]
    entities: dict[str, Entity]
    sents: list[tuple[int, int, SpacySpan, int]]   # raw start, raw end, span, block offset
    quoted: list[tuple[int, int]]
    descriptors: dict[str, set[str]]
    #: the token attributes of a block parse (``Parsed.tokens`` keeps them once per document)
    tokens: Callable[[Doc], BlockTokens] = read_tokens
    #: ``entity_genders`` of this context, read once
    gender_cache: dict[str, str] | None = None
    #: ``speaker_model.pronoun_evidence`` of this context, read once: (sentence, entity id, "m"/"f")
    pronoun_cache: list[tuple[int, str, str]] | None = None
    #: people the tagger never named, set as a speech verb's subject or apposed to it (``untagged_names``): entity
    #: id → the slot ("cue", "appos"); they are candidates only, kept as people when a quote is theirs
    untagged: dict[str, str] = field(default_factory=dict)

    def genders(self) -> dict[str, str]:
        if self.gender_cache is None:
            self.gender_cache = entity_genders(self)
        return self.gender_cache

    def sentence_at(self, pos: int) -> tuple[int, int, SpacySpan, int] | None:
        for s in self.sents:
            if s[0] <= pos < s[1]:
                return s
        return None


def token_start(tok: Token, offset: int) -> int:
    return offset + tok.idx


def has_given_name(name: str) -> bool:
    """A known given name before the last word of ``name`` ("Biologist Anneke de Vries"): a person, whatever
    type the tagger gave the mention ("Pierre-Alain Dufresne" as an organisation)."""
    names = gender_lexicon()[1]
    words = re.findall(r"[^\W\d_][\w'’-]*", name)
    return any(w.lower() in names or any(p.lower() in names for p in w.split("-")[:1]) for w in words[:-1])


#: gendered words that say nothing about a described person: a possessor ("his son") or a plural group ("women")
_NOT_PERSON_WORDS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself", "women", "men"})


def entity_genders(ctx: SpeakerContext) -> dict[str, str]:
    """The gender the text gives each person entity ("m"/"f"), from the word before a mention (a
    title), the words that introduce the person, the given name, and a possessive right after a
    mention ("Anneke de Vries and her colleague"); ties give nothing.

    A name the tagger typed otherwise ("Biologist Anneke de Vries" as an organisation) is read by its
    given name alone: a title word inside an organisation's name says nothing about a person.
    """
    word_gender, name_gender = gender_lexicon()
    votes: dict[str, list[str]] = {}
    for m in ctx.mentions:
        if m.entity is None:
            continue
        person = m.type == "PERSON"
        words = re.findall(r"[^\W\d_][\w'’-]*", m.text)
        # the given name: the first word the lexicons know, before the last word (a lone word is more
        # often a surname than a given name); role words before it ("Finance Minister") are skipped
        given = None
        for w in words[:-1]:
            lw = w.lower()
            if person and lw in word_gender:          # "Mrs Ruiz" inside the mention itself
                given = word_gender[lw]
                break
            if lw in name_gender:
                given = name_gender[lw]
                break
        if not person and given is None:
            continue
        ent_votes = votes.setdefault(m.entity, [])
        if given:
            ent_votes.append(given)
        if person:
            before = re.findall(r"[^\W\d_]+", ctx.view[max(0, m.start - 12):m.start].replace(ABBREV_MASK, "."))
            if before and before[-1].lower() in word_gender:
                ent_votes.append(word_gender[before[-1].lower()])
        after = re.match(r"(?:,\s*|\s+and\s+)(his|her)\b", ctx.view[m.end:m.end + 12])
        if after:
            ent_votes.append("m" if after.group(1) == "his" else "f")
    for ent, desc in ctx.descriptors.items():
        votes.setdefault(ent, []).extend(word_gender[w] for w in desc if w in word_gender)
    for m in ctx.mentions:
        ent_obj = ctx.entities.get(m.entity or "")
        if ent_obj is None or ent_obj.type == "PERSON" or not (ent_obj.generic or ent_obj.name[:1].islower()):
            continue
        # a person known by a description the resolver kept as a group ("Her mother, who travels with her",
        # "The driver, a grandmother …", "a woman who joined the firm"): its gendered words are the person's,
        # so a later "she" can take it up; a plural group ("mothers") has none of these words
        words = [w.lower() for w in re.findall(r"[^\W\d_]+", m.text)] + _appositive_words(ctx.view, m)
        votes.setdefault(m.entity or "", []).extend(word_gender[w] for w in words
                                                    if w in word_gender and w not in _NOT_PERSON_WORDS)
    out: dict[str, str] = {}
    for ent, vs in votes.items():
        female, male = vs.count("f"), vs.count("m")
        if female != male:
            out[ent] = "f" if female > male else "m"
    return out


def person_evidence(ctx: SpeakerContext) -> frozenset[str]:
    """Entities the tagger typed as a body or a place that the text treats as a person: a mention followed by an age
    ("Tobi Ogunleye, 23, said") or right after a title of address ("Alhaji Danjuma", "Eng. Asante-Mensah"). Names
    the given-name lexicon does not know are common in news from many regions; these frames hold for any name."""
    titles = _name_lexicon()[0]
    out = set()
    for m in ctx.mentions:
        ent = ctx.entities.get(m.entity or "")
        if ent is None or ent.type == "PERSON" or ent.generic or not m.text[:1].isupper():
            continue
        before = re.findall(r"[^\W\d_]+", ctx.view[max(0, m.start - 12):m.start].replace(ABBREV_MASK, "."))
        if re.match(r",\s*\d{1,3}\s*[,.;)]", ctx.view[m.end:m.end + 8]) or \
                (before and before[-1].casefold() in titles and ctx.view[m.start - 1:m.start].isspace()):
            out.add(ent.id)
    return frozenset(out)


def speaker_descriptors(view: str, mentions: list[Mention], sents: list[tuple[int, int, SpacySpan, int]],
                 tokens: Callable[[Doc], BlockTokens] = read_tokens) -> dict[str, set[str]]:
    """Words that introduce each person (``the Kazakh President, X``; ``X, an expert at Y``).

    ``tokens`` gives a block parse's token attributes (as ``SpeakerContext.tokens``).
    """
    out: dict[str, set[str]] = {}
    for m, words, sent in _people(mentions, sents, out):
        if sent is not None:
            span, off = sent[2], sent[3]
            toks = tokens(span.doc)
            before = [i for i in range(span.start, span.end) if off + toks.end[i] <= m.start]
            commas = 0
            for i in reversed(before):        # title words right before the name
                text = toks.text[toks.idx[i]:toks.end[i]]
                if text == "," and commas == 0 and words is not None:
                    commas += 1
                    continue
                if toks.pos[i] not in ("PROPN", "NOUN", "ADJ"):
                    break
                words.add(text.lower())
        words.update(_appositive_words(view, m))
    return out


def _people(mentions: list[Mention], sents: list[tuple[int, int, SpacySpan, int]],
            out: dict[str, set[str]]) -> Iterator[tuple[Mention, set[str], tuple[int, int, SpacySpan, int] | None]]:
    """(mention, its person's descriptor set in ``out``, its sentence) for each resolved person mention."""
    for m in mentions:
        if m.entity is None or m.type != "PERSON":
            continue
        yield m, out.setdefault(m.entity, set()), next((x for x in sents if x[0] <= m.start < x[1]), None)


def _appositive_words(view: str, m: Mention) -> list[str]:
    """Up to four words of an appositive right after a name ("X, an expert at Y" -> ["expert"])."""
    appos = re.match(r",\s+(?:an?|the)\s+(.{2,80}?)(?=[,.;:()]|\s(?:of|at|in|for|with|from|to|on)\s|$)",
                     view[m.end:m.end + 90])
    return [w.lower() for w in re.findall(r"[^\W\d_][\w'-]*", appos.group(1))[:4]] if appos else []


def _share_stem(a: str, b: str) -> bool:
    """Nationality adjective vs country name: 'kazakh' ~ 'kazakhstan', 'russian' ~ 'russia'."""
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return a == b or n >= 5


def _role_entity(ctx: SpeakerContext, phrase_words: list[str], pos: int) -> str | None:
    """Resolve a definite role phrase to the best-described person mentioned before ``pos``."""
    content = [w for w in phrase_words if w.lower() not in ("the", "this", "that", "his", "her", "its")]
    if not content:
        return None
    best: tuple[float, int, str] | None = None
    for m in ctx.mentions:
        if m.entity is None or m.type != "PERSON" or m.start >= pos or pos - m.start > ROLE_LOOKBACK:
            continue
        ent = ctx.entities.get(m.entity)
        desc = set(ctx.descriptors.get(m.entity, set()))
        if ent is not None:
            desc.update(w.lower() for w in re.findall(r"\w+", " ".join(filter(None, [ent.role, ent.country]))))
        score, noun_hit = 0.0, False
        for w in content:
            lw = w.lower()
            syn = ctx.cues.synonyms.get(lw, lw)
            if w[:1].isupper() and any(_share_stem(lw, d) for d in desc):
                score += 2.0                          # nationality / proper adjective
            elif any(ctx.cues.synonyms.get(d, d) == syn for d in desc):
                score, noun_hit = score + 1.0, True
        if noun_hit and (best is None or (score, m.start) > best[:2]):
            best = (score, m.start, m.entity)
    return best[2] if best else None


def nearest_person(ctx: SpeakerContext, pos: int, gender: str | None = None) -> str | None:
    """The person mentioned last before ``pos`` outside quoted text; with ``gender`` ("m"/"f"), the
    last one the text does not give the other gender ("she" after "Helena Vasquez ... Król's")."""
    genders = ctx.genders() if gender else {}
    for m in sorted(ctx.mentions, key=lambda m: -m.start):
        if m.start < pos and m.type == "PERSON" and m.entity is not None \
                and not any(a <= m.start < b for a, b in ctx.quoted) \
                and genders.get(m.entity, gender) == gender:
            return m.entity
    return None


def resolve_phrase(ctx: SpeakerContext, start: int, end: int) -> tuple[bool, str | None]:
    """(is a speaker phrase, entity id or None for an anonymous source) for ``raw[start:end]``."""
    text = ctx.view[start:end].strip()
    # "Vollmer himself said": the reflexive adds emphasis, not a second person
    reflexive = re.search(r"\s+(?:himself|herself|themselves|itself)$", text)
    if reflexive:
        text = text[:reflexive.start()]
        end = start + len(ctx.view[start:end]) - len(ctx.view[start:end].lstrip()) + len(text)
    words = re.findall(r"[\w’'.-]+", text)
    if not words:
        return False, None
    first = words[0].lower()
    inside = [m for m in ctx.mentions if m.start < end and m.end > start and m.entity]
    if HANDLE_RE.search(text) and len(words) <= MAX_SPEAKER_WORDS:
        # "dustbunny_dev wrote", "Another user, @kettlecorn88, replied": an account speaks; a name tagged on the
        # handle is its holder, else the ranker may take the phrase as a person the text names only here
        handle = HANDLE_RE.search(ctx.view, start, end)
        on_handle = [m for m in inside if handle and m.start < handle.end() and handle.start() < m.end]
        return True, on_handle[0].entity if on_handle else None
    # "Putin's spokesman" is not Putin; a name the tagger typed otherwise is a person by its given name
    persons = [m for m in inside if (m.type == "PERSON" or (m.type in SPEAKER_TYPES and has_given_name(m.text)))
               and not re.match(r"[’']s\b", ctx.view[m.end:m.end + 3])]
    # "The state mining company, Codelco", "A second worker, Kwame Asante from Ghana": a description, a comma and
    # the name it introduces
    named = [m for m in inside if (m.type in SPEAKER_TYPES or has_given_name(m.text)) and start < m.start
             and ctx.view[:m.start].rstrip().endswith(",")
             and not re.search(r"[,;:]", ctx.view[m.end:end].rstrip(" ,"))]
    if named and (first in ("the", "its", "his", "her", "their") or first in ctx.cues.indefinite) \
            and n_words(ctx.view[start:named[0].start]) <= 5:
        return True, named[0].entity
    if len(words) > MAX_SPEAKER_WORDS:
        # "said a fund manager in New York who asked not to be named": a long description is still a source
        if first in ctx.cues.indefinite:
            return True, persons[-1].entity if persons else None
        return False, None
    if first in ctx.cues.indefinite:
        return True, None
    if persons:
        return True, persons[-1].entity
    heads = [m for m in inside if m.type in SPEAKER_TYPES and _source_tail(ctx, ctx.view[m.end:end])]
    if words[0].lower() in ctx.cues.source_nouns:
        # "data from the National Water Authority", "figures of the central bank": the body behind the figures
        owner = [m for m in inside if m.type in SPEAKER_TYPES and ctx.view[m.end:end].strip() == ""
                 and re.fullmatch(r"(?:[^\W\d_]+\s+){1,3}(?:from|of|by|at)\s+(?:the\s+)?",
                                  ctx.view[start:m.start].strip() + " ", flags=re.I)]
        if owner:
            return True, owner[-1].entity
    if heads and ctx.view[start:heads[0].start].strip().lower() in ("", "the"):
        return True, heads[0].entity
    # "Terminal operator X", "Opposition party X": a descriptor, then the name it describes
    if heads and not re.search(r"\b(?:of|in|for|at|from|with|by|to|and|or)\b|[,;:]", ctx.view[start:heads[0].start],
                               flags=re.I) \
            and n_words(ctx.view[start:heads[0].start]) <= MAX_DESCRIPTOR_WORDS:
        return True, heads[0].entity
    if len(words) == 1 and first in ctx.cues.pronouns:
        return True, nearest_person(ctx, start, "m" if first == "he" else "f") if first in ("he", "she") else None
    if all(w.islower() or w.isdigit() for w in words) and words[-1].lower() in ctx.cues.groups:
        return True, None                             # "officials", "local residents": an anonymous source
    # "his barrister said", "their coach said": a possessive description names a speaker as "the" does
    if first in ("the", "his", "her", "their", "its") or words[0][:1].isupper():
        return True, _name_words_person(ctx, words) or _role_entity(ctx, words, start)
    return False, None


def _name_words_person(ctx: SpeakerContext, words: list[str]) -> str | None:
    """The one person whose name holds every word of a capitalised speaker phrase the tagger left unnamed
    ("…,” Fanchon said" after "Odile Fanchon" was introduced); None when no person or several do."""
    titles = _name_lexicon()[0]
    while len(words) > 1 and words[0].rstrip(".").casefold() in titles:
        words = words[1:]                             # "Mr Ibáñez" is Ibáñez
    if not all(w[:1].isupper() for w in words) or len(words) > 3:
        return None
    wanted = {w.casefold() for w in words}
    holders = [e.id for e in ctx.entities.values() if e.type == "PERSON" and not e.generic and wanted <= {
        x.casefold() for n in (e.name, *e.aliases) for x in re.findall(r"[\w’'.-]+", n)}]
    return holders[0] if len(holders) == 1 else None


@functools.lru_cache(maxsize=1)
def _name_lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(titles of address, surname particles, head nouns of places and organisations), folded."""
    names = load("names")
    lexicon = load("kb/lexicon")
    titles = frozenset(str(w) for w in (*names.get("honorifics", []), *names.get("address_titles", [])))
    heads = frozenset(str(w) for key in ("place_heads", "org_heads", "business_heads", "military_heads", "media_heads")
                      for w in lexicon.get(key) or [])
    return titles, frozenset(str(w) for w in names.get("particles", [])), heads


_REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself"})


def _name_holder(ctx: SpeakerContext, words: list[str]) -> str | None:
    """The one named actor whose name holds every word: a person, else a name with a known given name the tagger
    typed otherwise ("Dietrich Vollmer" as an organisation)."""
    wanted = {w.casefold() for w in words}
    for fits in (lambda e: e.type == "PERSON", lambda e: e.type in SPEAKER_TYPES and has_given_name(e.name)):
        holders = [e.id for e in ctx.entities.values() if not e.generic and fits(e) and wanted <= {
            x.casefold() for n in (e.name, *e.aliases) for x in re.findall(r"[\w’'.-]+", n)}]
        if holders:
            return holders[0] if len(holders) == 1 else None
    return None


#: an account's handle: "@" and a name, or a word joined by an underscore ("mirja_k"); never a plain word
HANDLE_RE = re.compile(r"(?<![\w@.])(?:@[^\W_][\w.]*\w|[^\W\d_][^\W_]*_\w*[^\W_])(?![\w@])")


def speaker_name(ctx: SpeakerContext, start: int, end: int) -> tuple[int, int, str | None] | None:
    """The person's name a speaker phrase ends in, when the ranker took the phrase for a description: a title
    of address and a capitalised name ("Mr Ibáñez", "President Ruto"), a name that starts with a known given name
    ("Super Eagles coach Emeka Nwachukwu"), or the words of a named actor's name ("Vollmer himself" after
    "Dietrich Vollmer"). (start, end, the named entity or None for a person the text names only here); None for a
    description ("a senior official", "the founder") or a group ("Residents")."""
    handle = HANDLE_RE.search(ctx.view, start, end)
    if handle is not None:
        # "@kettlecorn88", "dustbunny_dev": an account's handle names its holder, whatever its case
        s, e = handle.span()
        holders = {m.entity for m in ctx.mentions if m.entity and m.start < e and s < m.end}
        return s, e, next(iter(holders)) if len(holders) == 1 else None
    words = [(start + m.start(), start + m.end(), m.group())
             for m in re.finditer(r"[^\W\d_][\w'’.-]*", ctx.view[start:end])]
    if words and words[-1][2].lower() in _REFLEXIVES:
        words = words[:-1]
    if not words or re.search(r"[’']s?$", words[-1][2]):
        return None                                   # "a pal of Jodie's": the possessor does not speak
    titles, particles, heads = _name_lexicon()
    i = len(words)
    while i > 0 and (words[i - 1][2][:1].isupper() or (i < len(words) and words[i - 1][2] in particles)):
        i -= 1
    run = words[i:]
    n_titles = 0
    while n_titles < len(run) and run[n_titles][2].rstrip(".").casefold() in titles:
        n_titles += 1
    names = run[n_titles:]
    folded = [w.casefold() for _, _, w in names]
    if not names or len(names) > 4 or names[0][2] in particles or any(w in titles or w in heads for w in folded):
        return None
    s, e = names[0][0], names[-1][1]
    holder = _name_holder(ctx, [w for _, _, w in names])
    if holder is not None:
        return s, e, holder
    if len(names) >= 2 and has_given_name(ctx.view[s:e]):
        return s, e, None
    if n_titles and not any(m.start < e and s < m.end and m.type not in ("PERSON", "NORP")
                            for m in ctx.mentions if m.entity):
        return s, e, None                             # not "the Justice Department": the tagger's body or place
    return None


def _source_tail(ctx: SpeakerContext, tail: str) -> bool:
    """Nothing, or only words for figures, after a name in a speaker phrase: "Regional Water Agency data" and
    "the bank's estimates" are the organisation's."""
    words = re.findall(r"[^\W\d_]+", re.sub(r"^\s*[’']s\b", "", tail))
    return all(w.lower() in ctx.cues.source_nouns for w in words) and \
        not re.search(r"[,;:()]", tail) and (not words or tail.strip()[:1].islower() or tail.strip()[:1] in "’'")


def _subject_of(tok: Token) -> Token | None:
    """The grammatical subject of a cue verb, climbing through conj/xcomp/pcomp/advcl."""
    for _ in range(5):
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            # the one nearest the verb: a dateline parsed as a second subject ("CARACAS — The candidate,
            # X, told …") stands further off
            return min(subj, key=lambda c: abs(c.i - tok.i))
        if tok.dep_ == "ROOT" or tok.head is tok:
            return None
        tok = tok.head
    return None


def cue_subject(tok: Token) -> Token | None:
    """The grammatical subject of the cue verb ``tok`` (through conj/xcomp/pcomp/advcl), None without one."""
    return _subject_of(tok)


def cue_at(ctx: SpeakerContext, toks: BlockTokens, sdoc: Doc, i: int) -> bool:
    """Token ``i`` of ``sdoc`` is a cue verb (with its particle when the cue needs one).

    Read off the block's token attributes: a Token is built only for a particle check.
    """
    lemma = toks.lemma[i]
    if lemma not in ctx.cues.lemmas or toks.pos[i] not in ("VERB", "AUX"):
        return False
    particle = ctx.cues.need_particle.get(lemma)
    return particle is None or any(c.lower_ == particle for c in sdoc[i].children)


def speaker_of_verb(ctx: SpeakerContext, tok: Token, offset: int, how: str = "before") -> Attribution:
    """The speaker a cue verb's subject names, with the subject's span."""
    subj = _subject_of(tok)
    if subj is None and tok.dep_ == "acl" and tok.tag_ == "VBD" and tok.head.i < tok.i \
            and tok.head.pos_ in ("NOUN", "PROPN"):
        # "One resident, X, replied under the post: …": the parser hung a finite cue verb on its subject as a
        # clause of the noun; the noun phrase before the verb is the subject
        s, e = token_start(tok.head.left_edge, offset), token_start(tok, offset)
        e = s + len(ctx.view[s:e].rstrip(" ,"))
        ok, speaker = resolve_phrase(ctx, s, e)
        if ok:
            return Attribution(ok, speaker, (s, e), how)
    if subj is None:
        return _opening_name(ctx, tok, offset, how)
    left, right = subj.left_edge, subj.right_edge
    s, e = token_start(left, offset), token_start(right, offset) + len(right.text)
    holder = appositive_name(ctx, subj, offset)
    if holder is not None:
        return Attribution(True, holder.entity, (holder.start, holder.end), how)
    clause = [c for c in subj.children if c.dep_ == "relcl" and c.i > subj.i
              and c.left_edge.lower_ in ("who", "whose", "which") and c.left_edge.i > 0
              and c.doc[c.left_edge.i - 1].text == ","]
    if clause:
        # "X, who runs Astilleros Kantauri, told analysts": a relative clause set off by commas says who X is; a
        # body it names does not speak
        cut = token_start(min(clause, key=lambda c: c.i).left_edge, offset)
        if cut > s and ctx.view[s:cut].strip(" ,"):
            e = s + len(ctx.view[s:cut].rstrip(" ,"))
    # cut a long subject to its head's neighbourhood ("the expert, who …")
    if n_words(ctx.view[s:e]) > MAX_SPEAKER_WORDS:
        # a long subject ("President of X Jane Doe at the meeting of …"): keep its first words
        s = token_start(left, offset)
        e = token_start(subj.doc[min(left.i + MAX_SPEAKER_WORDS, right.i)], offset)
        # "Bekele's assistant, a former steeplechaser named X": a possessor is not the speaker
        near = [m for m in ctx.mentions if s <= m.start < e and m.type == "PERSON" and m.entity
                and not re.match(r"[’']s\b", ctx.view[m.end:m.end + 3])]
        if near:
            return Attribution(True, near[0].entity, (near[0].start, near[0].end), how)
        # "A petrol station manager in Bole, who did not want to be named, said": the words before the comma
        comma = ctx.view.find(",", s, token_start(right, offset))
        if comma > s and n_words(ctx.view[s:comma]) <= MAX_SPEAKER_WORDS:
            e = comma
        else:
            # the words up to the head noun ("A senior aide [on the committee who …]")
            e = token_start(subj, offset) + len(subj.text)
            if n_words(ctx.view[s:e]) > MAX_SPEAKER_WORDS:
                s = token_start(subj, offset)
    ok, speaker = resolve_phrase(ctx, s, e)
    if ok and speaker is None and ctx.view[s:e].split()[:1] and \
            ctx.view[s:e].split()[0].lower() in ctx.cues.quantifiers:
        group = quantified_group(ctx, subj, offset)
        if group is not None:
            found, named = resolve_phrase(ctx, *group)
            return Attribution(True, named if found else None, group, how)
    return Attribution(ok, speaker, (s, e), how)


def appositive_name(ctx: SpeakerContext, subj: Token, offset: int) -> Mention | None:
    """The name set in apposition after a subject that is a common noun ("The World Health Organization's
    representative in Uganda, Dr. X, said", "Real Madrid's new signing, the winger Y, said"): the post's holder
    speaks, not the body or the place that owns the post, and a long description would otherwise be cut before
    the name. A dateline the parser took for the subject ("MADRID — Real Madrid's new signing, the winger Y,
    said") is no speaker either: its appositions are read the same way. None when the subject is a name itself or
    no name stands in apposition to it."""
    at = token_start(subj, offset)
    dateline = subj.i == subj.sent.start and subj.text.isupper() and \
        re.match(r"\s*[—–-]", ctx.view[at + len(subj.text):at + len(subj.text) + 3]) is not None
    if subj.pos_ != "NOUN" and not dateline:
        return None
    for app in (c for c in subj.children if c.dep_ == "appos" and c.i > subj.i):
        a, b = token_start(app.left_edge, offset), token_start(app.right_edge, offset) + len(app.right_edge.text)
        if not dateline and not ctx.view[:a].rstrip().endswith(","):
            continue
        names = [m for m in ctx.mentions if a <= m.start < b and m.entity
                 and (m.type == "PERSON" or (m.type in SPEAKER_TYPES and has_given_name(m.text)))
                 and not re.match(r"[’']s\b", ctx.view[m.end:m.end + 3])]
        if names:
            return names[0]
    return None


def _opening_name(ctx: SpeakerContext, tok: Token, offset: int, how: str) -> Attribution:
    """The speaker of a cue verb the parser left without a subject after a long apposition chain
    ("X, a professor at Y who sat on Z and now advises W, said …"): the name that opens the sentence, set off
    by a comma, when a comma stands right before the verb."""
    sent = tok.sent
    start = token_start(sent[0], offset)
    verb_at = token_start(tok, offset)
    if not ctx.view[start:verb_at].rstrip().endswith(","):
        return Attribution(False)
    opening = next((m for m in ctx.mentions if m.start == start and m.entity
                    and (m.type in SPEAKER_TYPES or has_given_name(m.text))), None)
    if opening is None or not ctx.view[opening.end:opening.end + 2].startswith(","):
        return Attribution(False)
    return Attribution(True, opening.entity, (opening.start, opening.end), how)


def _noun_span(tok: Token, offset: int) -> tuple[int, int]:
    """A noun with the words before it in its phrase ("local rice farmers"), without what follows it."""
    return token_start(tok.left_edge, offset), token_start(tok, offset) + len(tok.text)


def quantified_group(ctx: SpeakerContext, subj: Token, offset: int) -> tuple[int, int] | None:
    """The group a quantifier heading a subject speaks for: "Most of the growers" is "the growers", and a bare
    "Many" (or "Many of them") is the plural noun last a subject before it
    ("Farmers in the valley lost a third of the harvest. Many said …"). None when no group is found: a
    quantifier is no speaker, the group is."""
    if subj.lower_ not in ctx.cues.quantifiers:
        return None                                   # "Many farmers" names its group already
    for prep in (c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")):
            return _noun_span(obj, offset)
    here = token_start(subj, offset)
    index = next((k for k, x in enumerate(ctx.sents) if x[0] <= here < x[1]), None)
    if index is None:
        return None
    for k in range(index, max(-1, index - 3), -1):
        _s0, _e0, span, off = ctx.sents[k]
        nouns = [t for t in span if t.tag_ in ("NNS", "NNPS") and t.dep_ in ("nsubj", "nsubjpass")
                 and off + t.idx < here and not any(a <= off + t.idx < b for a, b in ctx.quoted)]
        if nouns:
            return _noun_span(nouns[-1], off)
    return None


_NAME_DEPS = ("compound", "flat", "nmod")


def _name_run(tok: Token) -> tuple[int, int]:
    """Token indexes [first, last] of the proper-noun run ``tok`` heads ("Bui Van Thanh", "Abdel-Rahman")."""
    doc, first, last = tok.doc, tok.i, tok.i
    sent = tok.sent

    def joined(i: int) -> bool:                       # "Abdel - Rahman" written "Abdel-Rahman"
        return doc[i].text in ("-", "‐") and not doc[i - 1].whitespace_ and not doc[i].whitespace_

    while first - 1 >= sent.start and (
            (doc[first - 1].pos_ == "PROPN" and first - 1 <= doc[first - 1].head.i <= last)
            or (first - 2 >= sent.start and joined(first - 1) and doc[first - 2].pos_ == "PROPN")):
        first -= 2 if doc[first - 1].pos_ != "PROPN" else 1
    while last + 1 < sent.end and (
            (doc[last + 1].pos_ == "PROPN" and doc[last + 1].dep_ in _NAME_DEPS and first <= doc[last + 1].head.i)
            or (last + 2 < sent.end and joined(last + 1) and doc[last + 2].pos_ == "PROPN")):
        last += 2 if doc[last + 1].pos_ != "PROPN" else 1
    return first, last


def untagged_names(ctx: SpeakerContext) -> list[tuple[int, int, str]]:
    """Capitalised names in a speech verb's subject slot ("Skipper X Y, whose family …, said", "“…,” said X Y"),
    or apposed to that subject ("A farmer in Kelvale, X Y, said"), that no mention covers: people the tagger missed,
    who could otherwise never be chosen as speakers. (start, end, slot) in the body view, titles left off; outside
    quoted text."""
    titles, particles, heads = _name_lexicon()
    word_gender = gender_lexicon()[0]
    out: list[tuple[int, int, str]] = []
    seen: set[tuple[int, int]] = set()
    for _s0, _e0, span, off in ctx.sents:
        for verb in span:
            if verb.pos_ not in ("VERB", "AUX") or verb.lemma_ not in ctx.cues.lemmas:
                continue
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects:
                # "“…,” said X Y": the parser may take an inverted subject for an object
                subjects = [c for c in verb.children if c.dep_ in ("dobj", "attr", "npadvmod") and c.i > verb.i
                            and c.pos_ == "PROPN"]
            slots = [(s, "cue") for s in subjects]
            # the parser often hangs the name on the nearest noun ("A farmer in Kelvale, X Y, said": on "Kelvale")
            slots += [(a, "appos") for s in subjects for a in s.subtree
                      if a.dep_ == "appos" and (s.left_edge.i < a.i < verb.i or a.head is s)]
            for head, slot in slots:
                if head.pos_ != "PROPN":
                    continue
                first, last = _name_run(head)
                doc = head.doc
                while first < last and doc[first].text.rstrip(".").casefold() in titles:
                    first += 1                        # "Dame X Y", "Skipper" stays when the lexicon lacks it
                s, e = off + doc[first].idx, off + doc[last].idx + len(doc[last].text)
                words = re.findall(r"[^\W\d_][\w'’.-]*", ctx.view[s:e])
                if not words or len(words) > 4 or (s, e) in seen or ctx.view[s:e].isupper() \
                        or any(w[:1].islower() and w not in particles for w in words) \
                        or any(w.casefold() in heads or w.casefold() in titles or w.lower() in ctx.cues.groups
                               or w.lower() in ctx.cues.source_nouns or w.lower() in word_gender for w in words) \
                        or any(a <= s < b for a, b in ctx.quoted):
                    continue
                seen.add((s, e))
                if not any(m.start < e and s < m.end for m in ctx.mentions):
                    out.append((s, e, slot))
    return out


def add_untagged(ctx: SpeakerContext, doc_id: str) -> None:
    """Adds the people ``untagged_names`` finds to ``ctx`` as candidates (``ctx.untagged``), with a mention at the
    name and at each later whole-word use of the name or of its last word outside quotes and other mentions
    ("Babatunde Ajayi … Ajayi said"). One entity per name."""
    found = untagged_names(ctx)
    if not found:
        return
    added: list[Mention] = []
    by_name: dict[str, str] = {}
    for s, e, slot in found:
        name = ctx.view[s:e]
        key = name.casefold()
        if key not in by_name:
            ent_id = f"{doc_id}/u{len(by_name) + 1}"
            by_name[key] = ent_id
            ctx.entities[ent_id] = Entity(id=ent_id, name=name, type="PERSON")
            ctx.untagged[ent_id] = slot
        ent_id = by_name[key]
        words = name.split()
        forms = [name] + ([words[-1]] if len(words) > 1 and len(words[-1]) > 2 else [])
        for form in forms:
            for m in re.finditer(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", ctx.view):
                a, b = m.span()
                if a < s and form != name:
                    continue                          # a surname before the full name is someone else's
                if any(x.start < b and a < x.end for x in ctx.mentions + added) \
                        or any(qa <= a < qb for qa, qb in ctx.quoted):
                    continue
                added.append(Mention(doc_id, a, b, ctx.view[a:b], "PERSON", ent_id))
    ctx.mentions = sorted(ctx.mentions + added, key=lambda m: m.start)
    ctx.gender_cache = None
    ctx.pronoun_cache = None
