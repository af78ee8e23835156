"""Within-document resolution: candidate mentions → document-local entities.

Rules, in order:
1. KB surface forms link to their entry (metonyms and capitals to the country, demonyms to the
   country's NORP entity, IGO acronyms to the organisation).
2. Full person names cluster by name key (surname variants + compatible given names);
   a surname alone joins the nearest full name with that surname, else the KB person with it.
3. A person's country and role come from the KB or from context: a title before the name
   ("Kazakh President X", "China's defence minister X", "President of Ukraine X") or an
   appositive after it ("X, an expert at the Ukrainian ...").
4. Organisations: "Name (ACR)" and "Name (Other Name)" join; a quoted name after "so-called"
   joins the actor before it; equal content words or matching initials join; content words of
   a KB name link to the KB.
5. Role phrases ("the Kazakh president", "his Russian counterpart") resolve to the document's
   person from that country, else to the KB head of state/government in office.
"""
from __future__ import annotations

import functools
import itertools
import logging
import re
from collections import Counter
from dataclasses import dataclass, field

from storyline.data import load
from storyline.model import Document, Entity, Mention, Span
from storyline.resolve.descriptions import (
    Antecedent,
    DescriptionExample,
    candidates,
    choose,
    demonym,
    find_descriptions,
    lexicon,
    load_ranker,
    opens_sentence,
    pair_features,
    rule_choice,
    speech_subject,
)
from storyline.resolve.kb import KB, KIND_CAPITAL, KIND_SURNAME
from storyline.resolve.names import (
    ADDRESS_TITLES,
    HONORIFICS,
    PLACE_BEFORE,
    acronym_letters,
    content_words,
    expanded_otherwise,
    fold,
    foreign_institution_word,
    generation,
    given_name_match,
    is_acronym_for,
    looks_like_acronym,
    name_key,
    persons_match,
    split_given,
    split_person,
    surnames_match,
)
from storyline.resolve.ner import Cand

LOGGER = logging.getLogger(__name__)

#: How far (characters) before/after a name its title or appositive is looked for.
CONTEXT_WINDOW = 80
_SENT_END = re.compile(r"[.!?]\s|\n")
_PLACE_TYPES = frozenset({"GPE", "LOC", "NORP", "PERSON"})
_GOV_WORDS = frozenset({"ministry", "government", "parliament", "cabinet", "administration", "presidency",
                        "duma", "senate", "council", "office", "embassy", "committee", "service"})


@dataclass
class _Cluster:
    """A growing local entity (internal working state)."""
    type: str
    kb_id: str | None = None
    members: list[Cand] = field(default_factory=list)
    countries: Counter = field(default_factory=Counter)
    titles: Counter = field(default_factory=Counter)

    def full_names(self, view: str) -> list[str]:
        return [view[c.start:c.end] for c in self.members
                if c.source != "role" and split_person(view[c.start:c.end])[0]]

    def surnames(self, view: str) -> list[str]:
        out = [split_person(view[c.start:c.end])[1] for c in self.members if c.source != "role"]
        # "Carmen Ibarra Soto" is "Ibarra" too: a first surname before the second
        for name in self.full_names(view):
            given = split_given(split_person(name)[0])
            if len(given) >= 2 and len(name_key(given[-1])) > 1 and given[-1][:1].isupper():
                out.append(given[-1])
        return out

    def generations(self, view: str) -> set[str]:
        """The generation suffixes its names carry ('junior' for "Jr.")."""
        return {g for c in self.members if c.source != "role" and (g := generation(view[c.start:c.end]))}


#: "the younger Dela Cruz", "the elder Caldwell": a description that picks a generation
_GENERATION_WORDS = {"younger": "junior", "elder": "senior", "older": "senior"}


def _generation_before(view: str, start: int) -> str | None:
    m = re.search(r"\b(younger|elder|older)\s+$", view[max(0, start - 12):start], re.I)
    return _GENERATION_WORDS[m.group(1).lower()] if m else None


@dataclass(frozen=True)
class _TitleRules:
    """The title patterns of one title list, compiled once (a KB's titles do not change after loading)."""
    #: "the Armenian Prime Minister X", "China's defence minister X": a title right before the name
    before: re.Pattern[str]
    #: "President of Ukraine X"
    before_of: re.Pattern[str]
    #: a title word in an appositive after the name ("X, an expert at the Ukrainian ...")
    after: re.Pattern[str]
    #: any title ending the text: ``before`` can only match where this does, and this one is cheap
    #: when searched from ``longest`` characters before the end instead of across the whole context
    at_end: re.Pattern[str]
    longest: int


#: A word "of" followed only by what ``_TitleRules.before_of`` allows to the end: without it that
#: pattern (a long alternation tried at every position) cannot match.
_OF_TAIL = re.compile(r"\sof\s[\w\-’'\s]*,?\s*$", re.I)


@functools.lru_cache(maxsize=8)
def _title_rules(titles: tuple[str, ...]) -> _TitleRules:
    ordered = sorted(titles, key=len, reverse=True)
    alt = "|".join(re.escape(t) for t in ordered)
    return _TitleRules(
        before=re.compile(rf"(?P<lead>(?:[^\W\d_][\w\-’']*\s+){{0,3}}?)(?P<t>{alt})\s*,?\s*$", re.I),
        before_of=re.compile(rf"(?P<t>{alt})\s+of\s+(?:the\s+)?(?P<cw>[^\W\d_][\w\-’' ]*?)\s*,?\s*$", re.I),
        after=re.compile(rf"\b(?P<t>{alt})\b", re.I),
        at_end=re.compile(rf"(?:{alt})\s*,?\s*$", re.I),
        longest=max((len(t) for t in ordered), default=0))


def _kb_title_rules(kb: KB) -> _TitleRules:
    return _title_rules((*kb.lexicon.get("titles", {}), "counterpart", "guest"))


def _ends_in_title(pre: str, rules: _TitleRules) -> bool:
    """True when a title ends ``pre`` (before an optional comma): ``rules.before`` needs one."""
    # The title ends where only whitespace and one comma remain; a case-insensitive match is as long
    # as the title, so it starts at most ``longest`` characters before that.
    tail = pre.rstrip()
    if tail.endswith(","):
        tail = tail[:-1].rstrip()
    return rules.at_end.search(pre, max(0, len(tail) - rules.longest)) is not None


def _context(view: str, c: Cand, kb: KB, rules: _TitleRules) -> tuple[str | None, str | None]:
    """(country, title) a person's name gets from the words around it."""
    # an address title left outside the name goes first: its full stop ("Dr. ") is no sentence end
    pre = _office_apposition(view[max(0, c.start - CONTEXT_WINDOW):c.start])
    cut = [m.end() for m in _SENT_END.finditer(pre)]
    pre = pre[cut[-1]:] if cut else pre
    post = view[c.end:c.end + CONTEXT_WINDOW]
    m = rules.before.search(pre) if _ends_in_title(pre, rules) else None
    country = title = None
    if m:
        title = m.group("t").lower()
        # the country word nearest the title: "the Armenian Prime Minister", "China's defence minister"
        country = country_in_words(m.group("lead").split(), kb)
    m2 = rules.before_of.search(pre) if _OF_TAIL.search(pre) else None
    if m2:
        title = m2.group("t").lower()
        country = kb.country_of(m2.group("cw")) or country
    if title is None:
        m3 = re.match(r"\s*,\s*(?:(?:a|an|the)\s+)?(?P<body>[^,.;:()\n]{0,80})", post)
        if m3:
            t = rules.after.search(m3.group("body"))
            if t:
                title = t.group("t").lower()
                # ", a former ambassador to Ethiopia,": a country after "to" is where the office is held, not
                # whose it is
                words = re.findall(r"[^\W\d_][\w\-’']*", m3.group("body"))
                for pos in range(len(words)):
                    if pos and words[pos - 1].lower() in ("to", "in", "at"):
                        continue
                    country = country_in_words(words[max(0, pos - 1):pos + 1], kb, actor=True)
                    if country:
                        break
    if country is None:
        # "Mexico's Lucía Ferrán", "the Kenyan lawmaker X", "a Pentagon spokesman X": a country word
        # (or a state institution) in the words that lead straight into the name
        country = country_in_words(_lead_words(pre), kb, actor=True)
    if country is None:
        # "A Finnish engineer, Antti Leinonen", "Venezuela's defence minister, General Ramiro Mendoza": a person
        # noun with a country word, then the comma of an apposition (and an address title) before the name
        country = appositive_lead_country(pre, kb)
    if country is None:
        # ", who is from Eritrea", ", a native of Chile": an origin stated after the name
        m4 = _FROM_AFTER.match(post)
        if m4:
            country = kb.country_of(m4.group("cw").strip())
    if title in ("counterpart", "guest"):
        title = None
    return country, title


#: Abbreviated ranks and academic titles before a name → the noun a description calls the person by
_RANK_WORDS = {"prof": "professor", "dr": "doctor", "gen": "general", "col": "colonel", "lt": "lieutenant",
               "sgt": "sergeant", "capt": "captain", "adm": "admiral", "maj": "major", "cmdr": "commander"}
#: Words of address NER may leave outside a name: office titles ("President") and honorifics ("Sir", "Dr")
_ADDRESS_WORDS = ADDRESS_TITLES | frozenset(load("names")["honorifics"])


def _office_apposition(pre: str) -> str:
    """``pre`` without the address titles NER left outside a name after an office in apposition ("The defence
    secretary, Sir " → "The defence secretary, ", "Its president, Dr. "): the office is the person's title."""
    out = pre
    while (m := re.search(r"(\S+)\s*$", out)) and not m.group(1).endswith(",") and \
            fold(m.group(1)).strip(".") in _ADDRESS_WORDS:
        out = out[:m.start()]
    return out if out is not pre and out.rstrip().endswith(",") else pre


def appositive_lead_country(pre: str, kb: KB) -> str | None:
    """The country of a role phrase the name is in apposition to ("a Zimbabwean businessman, X", "Mexico's
    president, X", "Venezuela's defence minister, General X"), when the phrase holds a person noun."""
    tail = pre.rstrip()
    words = tail.split()
    while words and fold(words[-1]).strip(".") in ADDRESS_TITLES and not words[-1].endswith(","):
        words.pop()
    if not words or not words[-1].endswith(","):
        return None
    phrase = " ".join(words)[:-1]
    # "An Indian engineer on the team, X": the person noun's phrase goes on in where the person works
    phrase = _WORKPLACE_TAIL.sub("", phrase)
    lead = _lead_words(phrase + " ")
    people = lexicon(kb).person_heads
    # "a Nigerian co-author", "the Samoan vice-chancellor": a compound noun is a person by its last part
    if not any(re.sub(r"['’]s$", "", w.lower()) in people or w.lower().rsplit("-", 1)[-1] in people for w in lead):
        # "a spokeswoman for the Russian Foreign Ministry, X": the person noun is before the body it speaks for
        m = _NOUN_FOR_BODY.search(" ".join(words))
        if m and m.group("noun") in people:
            return country_in_words(m.group("body").split(), kb, actor=True)
        return None
    return country_in_words(lead, kb, actor=True)


#: " on the team", " at the firm", " in the unit" ending the phrase of a person noun before a name's comma: where
#: the person works (lower-case words only: " in Nairobi" names a place, which says where, not whose)
_WORKPLACE_TAIL = re.compile(r"\s+(?:on|at|in|with)\s+(?:the|a|an|its|his|her|their)\s+"
                             r"[a-z][a-z\-]*(?:\s+[a-z][a-z\-]*)?$")


#: "spokeswoman for the Russian Foreign Ministry," "head of Kenya's power company,": a person noun, then the body
#: (up to where it sits: "in Nairobi" is not whose it is) that ends the phrase before a name's comma
_NOUN_FOR_BODY = re.compile(r"(?P<noun>[a-z]+)\s+(?:for|of|at)\s+(?:the\s+)?(?P<body>(?:(?!\s(?:in|at|on)\s)[^,;:()])"
                            r"{1,50}?)(?:\s+(?:in|at|on)\s+[^,;:()]{1,30})?,$")


#: ", who is from Eritrea", ", a native of Chile", ", who comes from Kosovo" right after a name
_FROM_AFTER = re.compile(r"\s*,\s*(?:who\s+(?:is|was|comes|came)\s+(?:originally\s+)?from|(?:a|an)\s+native\s+of"
                         r"|originally\s+from)\s+(?:the\s+)?(?P<cw>[A-Z][\w\-’']*(?:\s+[A-Z][\w\-’']*)?)")


def country_in_words(words: list[str], kb: KB, actor: bool = False) -> str | None:
    """The country of the country word nearest the end of ``words`` ("the South Sudanese rebel commander" →
    SSD: two-word demonyms and names before their last word), or of a state institution's name with ``actor``."""
    look = kb.country_of_actor if actor else kb.country_of
    for i in range(len(words) - 1, -1, -1):
        country = (kb.country_of(f"{words[i - 1]} {words[i]}") if i else None) or look(words[i])
        if country:
            return country
    return None


#: Words that end the phrase leading into a name ("met the Kenyan minister X": the phrase is "Kenyan minister").
_LEAD_STOP = frozenset({"the", "a", "an", "and", "or", "with", "by", "for", "to", "of", "from", "said", "says",
                        "told", "met", "as", "at", "in", "on", "that", "who", "when", "after", "before", "while"})
_LEAD_WORD = re.compile(r"[^\W\d_][\w\-’'.]*")


def _lead_words(pre: str) -> list[str]:
    """The words right before a name, back to punctuation or a function word (at most four)."""
    tail = re.split(r"[,;:()\"“”\n]|[.!?]\s", pre)[-1]
    words = _LEAD_WORD.findall(tail)[-4:]
    out: list[str] = []
    for w in reversed(words):
        if w.lower() in _LEAD_STOP:
            break
        out.insert(0, w)
    return out


#: "its president, ", "the authority's chairwoman, ", "Kenya's defence secretary, " right before a name: a
#: possessor (or "the") and up to four lower-case words of an office, then the comma of the apposition
_OFFICE_BEFORE = re.compile(r"(?:\b(?:[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Tt]he)|['’]s)\s+"
                            r"((?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)\s*,\s*$")
#: ", 54," after a name: the person's age
_AGE = re.compile(r"^\s*,\s*(\d{2,3})\s*,")


def _role_words(view: str, c: Cand, kb: KB) -> set[str]:
    """Lower-case words of the roles a person is given around a mention: the title leading into the
    name ("Defence Secretary", "Mexico's finance minister") and an appositive after it (", the
    central bank governor,")."""
    words = {w.lower().strip(".") for w in _lead_words(view[max(0, c.start - CONTEXT_WINDOW):c.start])}
    # a title inside the span ("President Ana Roe")
    name = view[c.start:c.end].split()
    for w in name[:-1]:
        if fold(w) in _RANK_WORDS:
            words.add(_RANK_WORDS[fold(w)])   # "Prof. Ana Roe" is "the professor", "Gen. Luis Ortiz" "the general"
            continue
        if fold(w) not in ADDRESS_TITLES:
            break
        words.add(w.lower().strip("."))
    # the same abbreviations NER left outside the name ("Prof. Dr. [Ayşe Karadağ]")
    for w in reversed(view[max(0, c.start - 16):c.start].split()[-2:]):
        if fold(w) not in _RANK_WORDS:
            break
        words.add(_RANK_WORDS[fold(w)])
    # an office in apposition before the name ("Its chairwoman, Dana Omarova", "India's defence secretary,
    # Rajendra Kulkarni"): the comma ends the lead words above, yet the office is the person's
    before = _OFFICE_BEFORE.search(view, max(0, c.start - CONTEXT_WINDOW), c.start)
    if before:
        words |= {w.lower() for w in before.group(1).split()}
    post = view[c.end:c.end + CONTEXT_WINDOW]
    m = re.match(r"\s*,\s*(?:\d{2,3}\s*,\s*)?(?:(?:a|an|the)\s+)?([^,.;:()\n]{0,60})[,.;]", post)
    if m:
        words |= {w.lower() for w in re.findall(r"[^\W\d_][\w\-’']*", m.group(1))}
    entry_title = next((kb.entries[kid].title for kid, _ in c.kb if kid in kb.entries and kb.entries[kid].title), None)
    if entry_title:
        words |= set(entry_title.split())
    return {re.sub(r"['’]s$", "", w) for w in words}


def _gender_of(k: _Cluster, view: str) -> str | None:
    """'f'/'m' from a gendered word right before or inside a name ("Mrs Wanjiru", "Sheikh X") or the given name."""
    word_gender, name_gender = gender_lexicon()
    votes: Counter[str] = Counter()
    for c in k.members:
        if c.source == "role":
            continue
        words = re.findall(r"[^\W\d_][\w'’-]*", view[max(0, c.start - 12):c.end])
        pre = re.findall(r"[^\W\d_][\w'’-]*", view[max(0, c.start - 12):c.start])[-1:]
        inside = re.findall(r"[^\W\d_][\w'’-]*", view[c.start:c.end])
        for w in pre + inside[:1]:
            if fold(w).strip(".") in word_gender:
                votes[word_gender[fold(w).strip(".")]] += 1
        given = split_person(view[c.start:c.end])[0]
        first = given.split()[-1:] if given else []
        for w in (first or words[-1:])[:1]:
            if w.lower() in name_gender and given:
                votes[name_gender[w.lower()]] += 1
    if len(votes) == 1:
        return next(iter(votes))
    return None


@functools.lru_cache(maxsize=1)
def gender_lexicon() -> tuple[dict[str, str], dict[str, str]]:
    """(word → gender, given name → gender), "f"/"m"; words and names lower-cased."""
    words = load("gender_words")
    names = load("given_names")
    return ({w: g for g, key in (("f", "female"), ("m", "male")) for w in words[key]},
            {n.lower(): g for g, key in (("f", "female"), ("m", "male")) for n in names[key]})


def _subjects(k: _Cluster, view: str, kb: KB) -> int:
    """Mentions that open a sentence or are followed by a speech verb: a subject, a salient antecedent."""
    verbs = frozenset(kb.word_list("speech_verbs"))
    return sum(opens_sentence(view, c.start) or speech_subject(view, c.end, verbs) for c in k.members)


def _antecedent(k: _Cluster, view: str, kb: KB) -> Antecedent:
    entry = kb.entries.get(k.kb_id) if k.kb_id else None
    spans = sorted((c.start, c.end) for c in k.members)
    names = [view[c.start:c.end] for c in k.members if c.source != "role"]
    # "Universiteti i Durrësit", "La Superintendencia de Bancos del Norte" read as a person: a body in
    # another language, which "the rector" or "the superintendent" does not name
    if k.type == "PERSON" and (k.kb_id or not (names and all(foreign_institution_word(n) for n in names))):
        words = set().union(*(_role_words(view, c, kb) for c in k.members if c.source != "role"))
        words |= set(" ".join(k.titles).split())
        ages = {m.group(1) for c in k.members if (m := _AGE.match(view[c.end:c.end + 8]))}
        country = entry.country if entry else (k.countries.most_common(1)[0][0] if k.countries else None)
        return Antecedent("PERSON", spans, words, kb_title=entry.title if entry else None,
                          gender=_gender_of(k, view), country=country, ages=ages, subjects=_subjects(k, view, kb))
    names = [view[c.start:c.end] for c in k.members] + ([entry.name] if entry else [])
    words = {w.lower() for n in names for w in re.findall(r"[^\W\d_][\w'’-]*", n)}
    country, sector = _org_facts(max(names, key=len), kb) if names else (None, None)
    if entry is not None:
        country, sector = entry.country or country, entry.sector or sector
    return Antecedent("ORG" if k.type == "PERSON" else k.type, spans, words, country=country, sector=sector,
                      subjects=_subjects(k, view, kb))


def _nationality(c: Cand, view: str, kb: KB) -> bool:
    """A nationality word ("Spanish", "Frenchwoman", whatever type NER gave it): a description holding it
    ("the Spanish club", "The Frenchwoman") gives way to neither."""
    text = view[c.start:c.end]
    if c.type == "NORP":
        return True
    country = demonym(text, kb)[0] if " " not in text else None
    return country is not None and kb.country_name(country).lower() != text.lower()


def _descriptions(view: str, cands: list[Cand], clusters: list[_Cluster], kb: KB, mode: str,
                  model_path: str = "") -> None:
    """'the president', 'the company', 'the 54-year-old', 'The Frenchwoman': a definite description standing
    for an entity named before it joins that entity (``storyline.resolve.descriptions``: the trained ranker,
    or the rules for ``mode="rules"``). Descriptions with no antecedent stay unmarked."""
    live = [k for k in clusters if k.members]
    if not live:
        return
    # a nationality word inside a description ("The Frenchwoman", "the Spanish club") gives way to it
    taken = [(c.start, c.end) for c in cands if not _nationality(c, view, kb)] + [
        (c.start, c.end) for k in live for c in k.members if not _nationality(c, view, kb)]
    descs = find_descriptions(view, kb, taken)
    if not descs:
        return
    ants = [_antecedent(k, view, kb) for k in live]
    model = load_ranker(model_path) if mode == "trained" else None
    lex = lexicon(kb)
    roles = lex.person_heads - lex.generic_heads
    for d in descs:
        if d.appos is not None:
            # "The prosecutor, Igor Savelyev, ...": the person named in apposition, who holds the role the
            # description gives; a description before something else there ("the minister, Nairobi said") is
            # left alone, as a title before a name is
            i = next((n for n, k in enumerate(live) if k.type == "PERSON"
                      and any(c.start == d.appos and c.source != "role" for c in k.members)), None)
            if i is not None and d.head not in ("man", "woman"):
                live[i].titles[d.head] += 1
        else:
            i = choose(view, d, ants, mode, model, roles)
        if i is None:
            continue
        for k in live:
            k.members = [c for c in k.members
                         if not (d.start <= c.start and c.end <= d.end and _nationality(c, view, kb))]
        live[i].members.append(Cand(d.start, d.end, live[i].type, "role", info={"desc": True}))
        if live[i].type == "PERSON":
            # "The Kenyan coach", "the French minister": the description says whose the person is
            country = country_in_words(_LEAD_WORD.findall(view[d.start:d.end]), kb)
            if country:
                live[i].countries[country] += 1
        ants[i].spans.append((d.start, d.end))
        ants[i].spans.sort()
        if d.kind == "PERSON" and not d.generic:
            ants[i].words.add(d.head)   # "the judge" said so: a later "the finance minister" is someone else


def description_examples(doc: Document, cands: list[Cand], kb: KB) -> list[DescriptionExample]:
    """Training rows of the description ranker for one document, the entities built as ``build_entities``
    builds them (``scripts/train_descriptions.py`` labels them against gold mentions by offsets)."""
    view, clusters = _local_clusters(doc, cands, kb)
    live = [k for k in clusters if k.members]
    taken = [(c.start, c.end) for c in cands if not _nationality(c, view, kb)] + [
        (c.start, c.end) for k in live for c in k.members if not _nationality(c, view, kb)]
    ants = [_antecedent(k, view, kb) for k in live]
    out = []
    for d in find_descriptions(view, kb, taken):
        found = candidates(d, ants)
        if found:
            out.append(DescriptionExample(d, [[(c.start, c.end) for c in live[i].members] for i, _ in found],
                                          pair_features(view, d, ants, found),
                                          [n for n, (i, _) in enumerate(found) if i == rule_choice(d, ants, found)]))
    return out


#: Titles held by profession ("Dr"), which an office title ("Minister") does not name (``data/names.yaml``).
_PROFESSIONAL = frozenset(load("names").get("professional_titles", []))


def _titles_of(c: Cand, view: str, office: frozenset[str] = frozenset()) -> set[str]:
    """The folded titles a person's mention carries: the office around it, a professional title opening it or
    right before it, and words of ``office`` (the KB's title words) opening the span ("Admiral Fathy")."""
    title = c.info.get("context", (None, None))[1]
    out = set(fold(title).split()) if title else set()
    words = [w.strip(".") for w in fold(view[c.start:c.end]).split()]
    # "Dr Sato Hiroshi" where the tagger left the title outside the span: the word right before it
    before = re.findall(r"([^\W\d_]+)\.?\s+$", view[max(0, c.start - 16):c.start])
    out |= (set(words[:1]) | {fold(w) for w in before}) & _PROFESSIONAL
    return out | (set(words[:-1]) & office)


def _titles_clash(single: set[str], cluster: set[str]) -> bool:
    """A surname called by an office ("Minister Sato") and a person the article calls only by a professional
    title ("Dr Sato Hiroshi"), or the other way round: two people, whatever their surnames."""
    if not single or not cluster or single & cluster:
        return False
    return (single <= _PROFESSIONAL) != (cluster <= _PROFESSIONAL) and not (single & _PROFESSIONAL
                                                                           and cluster & _PROFESSIONAL)


def _person_clusters(cands: list[Cand], view: str, kb: KB, date: str | None) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    persons = [c for c in cands if c.type == "PERSON" and c.source != "role"]
    rules = _kb_title_rules(kb)
    # words of office that may open a span: the KB's titles and the address titles a name is split without
    office = (frozenset(w for t in kb.lexicon.get("titles", {}) for w in fold(t).split()) | ADDRESS_TITLES) - {
        "of", "the"}
    for c in persons:
        c.info["context"] = _context(view, c, kb, rules)
    full = [c for c in persons if split_person(view[c.start:c.end])[0]]
    single = [c for c in persons if not split_person(view[c.start:c.end])[0]]
    for c in full:
        name = view[c.start:c.end]
        gen = generation(name)
        homes = [k for k in clusters if any(persons_match(name, n) for n in k.full_names(view))]
        if gen == "junior":
            # the son is introduced with his suffix: a name without one seen before is the father
            homes = [k for k in homes if k.generations(view) & {"junior"}]
        elif gen is None and len(homes) > 1:
            homes = [k for k in homes if "junior" not in k.generations(view)] or homes
        home = homes[0] if homes else None
        if home is None:
            home = _Cluster("PERSON")
            clusters.append(home)
        home.members.append(c)
    for c in single:
        name = view[c.start:c.end]
        bare = split_person(name)[1] or name
        matches = [k for k in clusters if any(surnames_match(bare, s) for s in k.surnames(view))]
        # "Caldwell Jr.", "the younger Caldwell": the generation picks among namesakes
        gen = generation(name) or _generation_before(view, c.start)
        if gen and len(matches) > 1:
            matches = [k for k in matches if gen in k.generations(view)] or (
                [k for k in matches if not k.generations(view) & {"junior"}] if gen == "senior" else matches)
        if not matches:
            # "Yulia", "Bobby", "Dame Helen": the given name (or a pet form) of the one person who has it
            matches = [k for k in clusters if any(given_name_match(bare, split_person(n)[0])
                                                  for n in k.full_names(view))]
            if len(matches) > 1:
                matches = []
        if mine := _titles_of(c, view, office):
            titled = [(k, set().union(*(_titles_of(m, view, office) for m in k.members))) for k in matches]
            titled = [(k, t) for k, t in titled if not _titles_clash(mine, t)]
            matches = [k for k, _ in titled]
            if len(matches) > 1:
                # "Minister Sato" among two Satos: the one whose office fits, else neither (nearness is no
                # evidence when the title names someone the article has not called by that office)
                fits = [k for k, t in titled if mine & (t - _PROFESSIONAL)]
                matches = fits if len(fits) == 1 else []
        if len(matches) > 0 and (gender := _gender_of(_Cluster("PERSON", members=[c]), view)):
            # "Ms Mwangi" is not the article's "Peter Mwangi": a gendered title against a given name of the other sex
            matches = [k for k in matches if _gender_of(k, view) in (None, gender)]
        if matches:
            # called at once by min(), but bind the mention's start anyway: no late binding to reason about
            def distance(k: _Cluster, at: int = c.start) -> tuple[int, int]:
                before = [at - m.start for m in k.members if m.start < at]
                return (0, min(before)) if before else (1, min(m.start - at for m in k.members))
            min(matches, key=distance).members.append(c)
        else:
            home = _Cluster("PERSON")
            clusters.append(home)
            home.members.append(c)
    for k in clusters:
        for c in k.members:
            country, title = c.info.get("context", (None, None))
            if country:
                k.countries[country] += 1
            if title:
                k.titles[title] += 1
        names = k.full_names(view) or [view[c.start:c.end] for c in k.members]
        entry = kb.find_person(max(names, key=len), date)
        if entry is None:
            entry = next((kb.entries[kid] for c in k.members for kid, kind in c.kb if kind == KIND_SURNAME
                          and not k.full_names(view)), None)
        if entry is not None and (not k.countries or entry.country in k.countries):
            k.kb_id = entry.kb_id
    return clusters


def _head_compatible(title: str, kb_title: str | None) -> bool:
    if title in ("leader", "counterpart", "guest", "host", "head of state", "president", "supreme leader"):
        return kb_title in ("president", "supreme leader", "leader", "king", None) or title in (
            "leader", "counterpart", "guest", "host")
    return kb_title in ("prime minister", "premier", "chancellor")


def _resolve_roles(cands: list[Cand], clusters: list[_Cluster], view: str, kb: KB, date: str | None) -> None:
    by_kb = {k.kb_id: k for k in clusters if k.kb_id}
    for c in (c for c in cands if c.source == "role"):
        country, title = c.info["country"], c.info["title"]

        def country_of(k: _Cluster) -> str | None:
            e = kb.entries.get(k.kb_id) if k.kb_id else None
            return e.country if e else (k.countries.most_common(1)[0][0] if k.countries else None)
        local = [k for k in clusters if k.type == "PERSON" and country_of(k) == country and k.members]
        if local:
            heads = [k for k in local if set(k.titles) & set(kb.lexicon.get("head_titles", []))
                     or (k.kb_id and kb.entries[k.kb_id].title)]
            best = max(heads or local, key=lambda k: len(k.members))
            best.members.append(c)
            continue
        entries = [e for e in kb.heads_of(country, date) if _head_compatible(title, e.title)]
        if len(entries) > 1:
            entries = [e for e in entries if e.title == "president"] or entries
        if len(entries) == 1:
            k = by_kb.get(entries[0].kb_id)
            if k is None:
                k = by_kb[entries[0].kb_id] = _Cluster("PERSON", kb_id=entries[0].kb_id)
                clusters.append(k)
            k.members.append(c)


#: What follows a dateline's place: a date ("NAIROBI, June 4 —"), an agency in brackets, or a dash.
_DATELINE_AFTER = re.compile(r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|,?\s*\([^()\n]{1,40}\)\s*[—–-]|\s*[—–])")


def _is_dateline(c: Cand, view: str) -> bool:
    """A place that opens a line and is followed by a date, an agency or a dash ("NAIROBI, June 4 —"): where the
    story was filed, not the government the capital stands for elsewhere."""
    line_start = view.rfind("\n", 0, c.start) + 1
    return not view[line_start:c.start].strip() and _DATELINE_AFTER.match(view, c.end) is not None


def _is_place_use(c: Cand, view: str) -> bool:
    """A capital named as a place ("talks in Moscow", "flew to Tehran", a dateline), not for its government."""
    if not c.kb or any(kind != KIND_CAPITAL for _, kind in c.kb):
        return False
    return PLACE_BEFORE.search(view[max(0, c.start - 25):c.start]) is not None or _is_dateline(c, view)


def _bare(text: str) -> str:
    return re.sub(r"^[Tt]he\s+", "", text)


#: The fewest letters of a KB acronym that yields to a body the document names whose initials it spells.
MIN_YIELDING_ACRONYM = 3


def _acronyms_of_other_bodies(others: list[Cand], view: str, kb: KB) -> set[int]:
    """The candidates (by id) of an acronym the KB reads as one body while the document names another body whose
    initials it spells and never names the KB's ("The Nordvik Cargo Federation ... the NCF" beside a KB forum
    called NCF): an acronym is short and many bodies share one, and the document's own expansion is the better
    reading. Where the document names the KB's body too, the KB reading stands."""
    kb_of = {id(c): c.kb[0][0] if c.kb else kb.org_by_words(view[c.start:c.end]) for c in others}
    # the KB bodies the document names by a name, not by an acronym
    named = {kb_of[id(c)] for c in others if kb_of[id(c)] and not looks_like_acronym(_bare(view[c.start:c.end]))}
    out: set[int] = set()
    for c in others:
        acronym = _bare(view[c.start:c.end])
        kb_id = kb_of[id(c)]
        # Latin acronyms only: a KB's Cyrillic acronym is the KB's name in its language, not a reading of initials.
        # A body's only: "the US" beside the "University of Sydney" is still the country. Of three letters or more: a
        # two-letter one spells too many names ("UN": the "University of Nairobi") for the document's to be its reading
        entry = kb.entries.get(kb_id) if kb_id else None
        if not c.kb or kb_id in named or not looks_like_acronym(acronym) or not acronym.isascii() \
                or c.type in _PLACE_TYPES or entry is None or entry.type != "ORG" \
                or len(acronym_letters(acronym)) < MIN_YIELDING_ACRONYM:
            continue
        if any(d.type not in _PLACE_TYPES and kb_of[id(d)] != kb_id
               and not looks_like_acronym(name := _bare(view[d.start:d.end])) and len(name.split()) >= 2
               and is_acronym_for(acronym, name) for d in others):
            out.add(id(c))
    return out


def _kb_expands_otherwise(k: _Cluster, text: str, spelled: list[str], kb: KB) -> bool:
    """True when ``k`` is a KB body whose own names spell out one of its acronyms ``spelled`` and ``text`` is none
    of them: the KB knows what the acronym stands for ("UN": United Nations), so another expansion of its letters
    ("University of Nairobi") is another body, which the KB look-up would have linked were it this one."""
    entry = kb.entries.get(k.kb_id) if k.kb_id else None
    return entry is not None and any(expanded_otherwise(a, text, (entry.name, *entry.aliases)) for a in spelled)


def _org_clusters(cands: list[Cand], view: str, kb: KB) -> list[_Cluster]:
    """Clusters of KB-linked and other non-person candidates."""
    clusters: list[_Cluster] = []
    by_kb: dict[str, _Cluster] = {}
    by_words: dict[frozenset[str], _Cluster] = {}
    owner: dict[int, _Cluster] = {}
    # the country that owns a named body, where its mentions say so: one per cluster, and the clusters by name
    # words and owner
    owned_by: dict[int, str] = {}
    by_owned: dict[tuple[frozenset[str], str], _Cluster] = {}
    others = [c for c in cands if c.type != "PERSON"]

    def join(c: Cand, k: _Cluster) -> None:
        k.members.append(c)
        owner[id(c)] = k

    yielding = _acronyms_of_other_bodies(others, view, kb)
    for c in others:
        text = view[c.start:c.end]
        if id(c) in yielding:
            c.kb = []
            continue
        kb_id = c.kb[0][0] if c.kb else kb.org_by_words(text)
        entry = kb.entries.get(kb_id) if kb_id else None
        if entry is not None and entry.type == "ORG" and entry.country and c.type != "GPE":
            # "Pakistan's Foreign Office" is not Britain's, whose name it shares: a body another country owns
            # is that country's own
            owned = owner_country(c, view, kb)
            if owned and owned != entry.country:
                kb_id, c.kb = None, []
        if kb_id is not None and _is_place_use(c, view):
            # "talks in Moscow": the capital as a city, not the state it stands for elsewhere
            country = kb.entries[kb_id].country if kb_id in kb.entries else None
            kb_id = f"city:{country}:{'-'.join(fold(text).split())}"
            k = by_kb.get(kb_id)
            if k is None:
                k = by_kb[kb_id] = _Cluster("GPE", kb_id=kb_id)
                if country:
                    k.countries[country] += 1
                clusters.append(k)
            join(c, k)
            continue
        if kb_id is not None:
            k = by_kb.get(kb_id)
            if k is None:
                entry = kb.entries.get(kb_id)
                k = by_kb[kb_id] = _Cluster(entry.type if entry else c.type, kb_id=kb_id)
                clusters.append(k)
            join(c, k)
    # "Name (ACR)", "Name (Other Name – ...)", "(A or B ...)": the bracket renames the actor before it
    for i, c in enumerate(others):
        gap = view[c.end:others[i + 1].start] if i + 1 < len(others) else ""
        if not re.fullmatch(r"\s*\(\s*", gap):
            continue
        close = view.find(")", c.end)
        inside = [d for d in others[i + 1:] if close < 0 or d.end <= close]
        if c.type in _PLACE_TYPES:
            continue   # "Samarkand (Uzbekistan)" locates, it does not rename
        for d in inside[:3]:
            if d.type in _PLACE_TYPES:
                continue
            kc, kd = owner.get(id(c)), owner.get(id(d))
            if kc and kd and kc is not kd:
                continue   # two different KB actors
            if kd is None and kc is not None:
                join(d, kc)
            elif kc is None and kd is not None:
                join(c, kd)
            elif kc is None and kd is None:
                k = _Cluster(c.type)
                clusters.append(k)
                join(c, k)
                join(d, k)
    # 'the so-called "Russian NATO"': a quoted name renames the nearest actor before it
    for i, c in enumerate(others):
        if c.source != "quote" or id(c) in owner:
            continue
        if re.search(r"(?:so-called|known as|dubbed|nicknamed)\s*[‘'\"“«]?$", view[max(0, c.start - 20):c.start]):
            prev = [d for d in others[:i] if d.type not in ("NORP",) and not _SENT_END.search(view[d.end:c.start])]
            if prev:
                if id(prev[-1]) not in owner:
                    k = _Cluster(prev[-1].type)
                    clusters.append(k)
                    join(prev[-1], k)
                    by_words.setdefault(content_words(view[prev[-1].start:prev[-1].end]), k)
                join(c, owner[id(prev[-1])])
    # the rest: a descriptive anaphor's antecedent ("the basin authority" → the authority named
    # before), equal content words, quoted text, or acronym ↔ expansion
    at = {(d.start, d.end): d for d in others}
    for c in others:
        if id(c) in owner:
            continue
        text = view[c.start:c.end]
        words = content_words(text)
        ante = at.get(tuple((c.info or {}).get("antecedent") or ()))
        home = owner.get(id(ante)) if ante is not None else None
        owned = owner_country(c, view, kb) if c.type in ("ORG", "MISC", "EVENT") else None
        if home is None and words:
            home = by_words.get(words)
            if home is not None and owned and owned_by.setdefault(id(home), owned) != owned:
                # "Colombia's defence ministry" and "Venezuela's defence ministry": one name, two bodies
                home = by_owned.get((words, owned))
        if home is None and c.type != "NORP":
            for k in clusters:
                if k.type in ("GPE", "NORP", "PERSON"):
                    continue
                names = [view[m.start:m.end] for m in k.members]
                spelled = [a for a in map(_bare, names) if a.isupper() and is_acronym_for(a, text)]
                if spelled and not text.isupper() and any(
                        not n.isupper() and content_words(n) != words and any(is_acronym_for(a, n) for a in spelled)
                        for n in map(_bare, names)):
                    continue   # two expansions of one acronym the document writes are two bodies
                if spelled and not text.isupper() and _kb_expands_otherwise(k, text, spelled, kb):
                    continue   # the KB spells the acronym out as another name: "University of Nairobi" is no UN
                if any((n.isupper() and is_acronym_for(n, text)) or (text.isupper() and is_acronym_for(text, n))
                       for n in names):
                    home = k
                    break
        if home is None:
            home = _Cluster(c.type)
            clusters.append(home)
        join(c, home)
        if words:
            by_words.setdefault(words, home)
            if owned:
                owned_by.setdefault(id(home), owned)
                by_owned.setdefault((words, owned), home)
    for k in clusters:
        if k.kb_id is None:   # a quoted nickname takes its type from the actor it names
            k.type = Counter(m.type for m in k.members if m.source != "quote").most_common(1)[0][0] \
                if any(m.source != "quote" for m in k.members) else k.type
    return clusters


#: the text between a person's name and another name the text says is theirs: "Rohan Deshpande, known to
#: team-mates as Bunty", "X, nicknamed Y", "X, whose full name is Y", "X (real name Y)"
_ALIAS_BETWEEN = re.compile(
    r"^\s*(?:,\s*(?:who\s+is\s+|also\s+)?(?:(?:better|widely|popularly|commonly|also)\s+)?known"
    r"(?:\s+(?:to|among|across|in|as)\s+(?:the\s+)?[\w\-’']+(?:\s+[\w\-’']+)?)??\s+as|,\s*nicknamed|,\s*dubbed"
    r"|,\s*whose\s+(?:full|real|nick)\s*name\s+is|\(\s*(?:real|full|born|nick)\s*name:?)\s*[\"“‘']?$", re.I)
#: "Titi, as opposition lawmaker Raden Ayu Kusumawati is widely known": the name before, the person after
_ALIAS_AS_BEFORE = re.compile(r"^[\"”’']?\s*,\s*as\s+(?:[\w\-’'.]+\s+){0,4}$")
_ALIAS_AS_AFTER = re.compile(r"^\s+is\s+(?:(?:widely|better|popularly|commonly|also)\s+)?(?:known|called)\b")


def _join_stated_aliases(view: str, clusters: list[_Cluster]) -> None:
    """A name the text says is a person's other name joins that person: a nickname shares no letters
    with the name ("Bunty", "Titi"), so no name rule could join them, but the sentence does."""
    spans = sorted(((c.start, c.end, k) for k in clusters for c in k.members if c.source != "role"),
                   key=lambda t: t[0])
    for (_, e1, k1), (s2, e2, k2) in itertools.pairwise(spans):
        if k1 is k2 or not k1.members or not k2.members or (k1.kb_id and k2.kb_id):
            continue
        between = view[e1:s2]
        if len(between) > 80 or _SENT_END.search(between):
            continue
        if _ALIAS_BETWEEN.search(between):
            person, alias = k1, k2
        elif _ALIAS_AS_BEFORE.match(between) and _ALIAS_AS_AFTER.match(view[e2:e2 + 40]):
            person, alias = k2, k1
        else:
            continue
        if "PERSON" not in (person.type, alias.type):
            continue
        person.members += alias.members
        person.countries.update(alias.countries)
        person.titles.update(alias.titles)
        person.kb_id = person.kb_id or alias.kb_id
        person.type = "PERSON"
        alias.members = []


def _best_name(k: _Cluster, view: str) -> str:
    names = [view[c.start:c.end] for c in k.members if c.source not in ("role", "quote")] or \
        [view[c.start:c.end] for c in k.members]
    counts = Counter(re.sub(r"^[Tt]he\s+", "", n) for n in names)
    if k.type == "PERSON":
        return max(counts, key=lambda n: (len(n.split()), counts[n], len(n)))
    return max(counts, key=lambda n: (not n.isupper(), counts[n], len(n)))


def _org_facts(name: str, kb: KB) -> tuple[str | None, str | None]:
    """(country, sector) of an organisation from the words of its name."""
    lex = kb.lexicon
    words = fold(name).split()
    country = next((kb.country_of(w) for w in name.split() if kb.country_of(w)), None)
    sector = None
    if any(w in lex.get("media_heads", []) for w in words):
        sector = "MED"
    elif any(w in lex.get("military_heads", []) for w in words):
        sector = "MIL"
    elif any(w in _GOV_WORDS for w in words):
        sector = "GOV"
    elif any(w in lex.get("business_heads", []) for w in words):
        sector = "BUS"
    return country, sector


#: "China's Foreign Ministry", "the Kenyan Treasury", "the Ministry of Energy of Ghana", "Mexico's
#: Pemex": a country word (possessive or demonym) leading straight into an organisation's name.
_OWNER_BEFORE = re.compile(r"(?:^|\s)([^\W\d_][\w\-’'.]*?)(?:['’]s)?\s+(?:(?:state|state-owned|national|"
                           r"federal|top|main|largest|biggest)\s+)?$")
_OF_AFTER = re.compile(r"^\s+(?:of|in)\s+(?:the\s+)?([A-Z][\w\-’'.]*(?:\s[A-Z][\w\-’'.]*)?)")


def owner_country(c: Cand, view: str, kb: KB) -> str | None:
    """The country one organisation mention is owned by: "China's commerce ministry", "South Africa's National
    Prosecuting Authority", "the Kenyan Treasury", "the Ministry of Energy of Ghana", "the ministry in Caracas"."""
    lo = max(0, c.start - 30)
    m = _OWNER_BEFORE.search(view[lo:c.start])
    if m:
        # the possessor may be two or three words long ("South Africa's", "the United States'")
        before = _LEAD_WORD.findall(view[max(0, lo - 30):lo + m.start(1)])[-2:]
        for n in range(len(before), -1, -1):
            country = kb.country_of_actor(" ".join([*before[len(before) - n:], m.group(1)]))
            if country:
                return country
    m2 = _OF_AFTER.match(view[c.end:c.end + 40])
    return kb.country_of(m2.group(1)) if m2 else None


def _country_around(k: _Cluster, view: str, kb: KB) -> str | None:
    """The country an organisation's mentions are owned by (``owner_country``), by vote."""
    votes: Counter[str] = Counter(country for c in k.members if (country := owner_country(c, view, kb)))
    return votes.most_common(1)[0][0] if votes else None


#: A gendered word of address right before a name NER left outside its span ("Mr" of "Mr Nowak")
_ADDRESS_BEFORE = re.compile(r"\b([^\W\d_]+)\.?\s$")


def _titled_surnames(k: _Cluster, doc: Document, aliases: list[str]) -> list[str]:
    """A lone surname as written with the gendered word of address before it ("Mr Nowak"), new to ``aliases``: the
    title says the person's sex, which tells apart, in another article, namesakes of the other sex ("Ewa Nowak"
    beside "Krzysztof Nowak"); NER leaves the title outside the name, so the name alone cannot say it."""
    word_gender, _ = gender_lexicon()
    out: list[str] = []
    for c in k.members:
        text = re.sub(r"['’]s$", "", doc.raw[c.start:c.end])
        if c.source == "role" or " " in text.strip() or split_person(text)[0]:
            continue
        m = _ADDRESS_BEFORE.search(doc.raw[max(0, c.start - 8):c.start])
        if m and fold(m.group(1)) in word_gender and fold(m.group(1)) in HONORIFICS:
            titled = f"{m.group(1)} {text}"
            if titled not in aliases and titled not in out:
                out.append(titled)
    return out


def _to_entity(k: _Cluster, n: int, doc: Document, view: str, kb: KB) -> Entity:
    entry = kb.entries.get(k.kb_id) if k.kb_id else None
    name = entry.name if entry else _best_name(k, view)
    country = entry.country if entry else (k.countries.most_common(1)[0][0] if k.countries else None)
    role = entry.role if entry else None
    sector = entry.sector if entry else None
    if entry is None and k.type == "PERSON":
        country = k.countries.most_common(1)[0][0] if k.countries else None
        if k.titles:
            title = k.titles.most_common(1)[0][0]
            sector = kb.lexicon.get("titles", {}).get(title)
            # an office is "of" a country; a profession is not ("expert", "editor-in-chief")
            office = country if sector in ("GOV", "MIL") else None
            role = f"{title.title()} of {kb.country_name(office)}" if office else title[:1].upper() + title[1:]
    elif entry is None and k.type in ("ORG", "EVENT", "MISC"):
        country, sector = _org_facts(name, kb)
        country = country or _country_around(k, view, kb)
    elif entry is None and k.type in ("GPE", "LOC") and country is None:
        # "Texas", "England": a region only one country has; "Monterrey": a city one country has (or has most)
        country = kb.region_country(name) or kb.city_country(name)
    aliases: list[str] = []
    for c in k.members:
        text = re.sub(r"['’]s$", "", doc.raw[c.start:c.end])
        if c.source != "role" and text not in aliases:
            aliases.append(text)
    if k.type == "PERSON":
        aliases += _titled_surnames(k, doc, aliases)
    mentions = [Span(doc.id, c.start, c.end, doc.raw[c.start:c.end]) for c in sorted(k.members, key=lambda c: c.start)]
    return Entity(id=f"{doc.id}/e{n}", name=name, type=k.type, country=country, role=role, sector=sector,
                  aliases=aliases, mentions=mentions, kb_id=k.kb_id)


#: Types NER gives a lone surname it does not know as a person's ("Yıldırımoğlu" ORG, "Subramanian" NORP)
_SURNAME_MISTYPES = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})


def _surnames_as_people(cands: list[Cand], view: str, kb: KB) -> None:
    """Type PERSON a lone capitalised word NER called an organisation, a place or a people when it spells the
    surname (or one part of a compound surname) of a person the article names in full and nothing else says what
    it is: the knowledge base does not know it, it is no known city, and no longer name of the article holds it
    ("Brandauer" beside "Brandauer Logistik" and "Felix Brandauer" may be the firm). The people are then
    clustered by name as usual, so "Yıldırımoğlu" joins "Ahmet Emre Yıldırımoğlu" in its article."""
    surnames = {split_person(view[c.start:c.end])[1] for c in cands
                if c.type == "PERSON" and c.source != "role" and split_person(view[c.start:c.end])[0]}
    if not surnames:
        return
    others = [fold(view[c.start:c.end]).split() for c in cands if c.type != "PERSON"]
    for c in cands:
        text = view[c.start:c.end]
        if c.type not in _SURNAME_MISTYPES or c.kb or c.source == "role" or " " in text.strip() \
                or not text[:1].isupper() or text.isupper() or kb.country_of(text) or kb.city_country(text):
            continue
        word = fold(text)
        if any(word in words for words in others if len(words) >= 2):
            continue
        if any(surnames_match(text, s) for s in surnames):
            c.type = "PERSON"


def _local_clusters(doc: Document, cands: list[Cand], kb: KB) -> tuple[str, list[_Cluster]]:
    view = doc.body_view()
    date = doc.published
    _surnames_as_people(cands, view, kb)
    persons = _person_clusters(cands, view, kb, date)
    _resolve_roles(cands, persons, view, kb, date)
    return view, persons + _org_clusters(cands, view, kb)


def build_entities(doc: Document, cands: list[Cand], kb: KB, description_coref: str = "trained",
                   description_model: str = "") -> tuple[list[Mention], list[Entity]]:
    """Cluster a document's candidates into local entities; mentions point at them.

    ``description_coref``: who links definite descriptions to the entity they stand for, "trained" (the
    ranker of ``storyline.resolve.descriptions``, from ``description_model`` or the shipped file) or "rules"."""
    view, clusters = _local_clusters(doc, cands, kb)
    _join_stated_aliases(view, clusters)
    _descriptions(view, cands, clusters, kb, description_coref, description_model)
    clusters = [k for k in clusters if k.members]
    # one KB actor, one local entity (a person linked by name and by role phrase alike)
    merged: dict[str, _Cluster] = {}
    final: list[_Cluster] = []
    for k in clusters:
        if k.kb_id and k.kb_id in merged:
            merged[k.kb_id].members += k.members
            continue
        if k.kb_id:
            merged[k.kb_id] = k
        final.append(k)
    final.sort(key=lambda k: min(c.start for c in k.members))
    entities, mentions = [], []
    for n, k in enumerate(final, start=1):
        ent = _to_entity(k, n, doc, view, kb)
        entities.append(ent)
        for c in sorted(k.members, key=lambda c: c.start):
            mentions.append(Mention(doc.id, c.start, c.end, doc.raw[c.start:c.end],
                                    c.type if c.source == "role" else (k.type if c.source == "quote" else c.type),
                                    ent.id))
    mentions.sort(key=lambda m: m.start)
    return mentions, entities
