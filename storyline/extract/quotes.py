"""Direct and indirect quotes with their speaker resolved to a document entity.

Four passes, in order of confidence; a later pass never overlaps an earlier one:

1. marked quotes: spans between quote marks (“ ” « » „ " and reversed » «), tolerant
   of scraped text (a closing mark with no opener, a quote running over paragraphs,
   fragments split by a stray inner mark), attributed by the cue after them
   (``…,” the expert noted``, ``…,” — said X``, ``…,” The Daily Example.``) or before
   them (``X told Y that “…”``, via the dependency parse);
2. unmarked trailing attributions: ``…, – the expert noted.`` / ``…, X believes.``;
3. indirect speech: a cue verb with a clause complement (``X said that …``);
4. ``according to X``.

A speaker phrase is resolved through the mentions (actor stage), pronouns through
the nearest preceding person, role phrases (``the Kazakh leader``) through the words
that describe each person where the text introduces them. A direct quote that names
its own speaker in the third person is flagged ``doubtful``.
"""
from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from storyline.config import Settings
from storyline.model import Document, Entity, Mention, Quote

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan, Token

    from storyline.nlp.pipeline import Parsed

LOGGER = logging.getLogger(__name__)
LEXICON = Path(__file__).parent / "lexicon" / "quote_cues.yaml"

#: A marked span shorter than this (in words) is a scare quote or a term, not a quote,
#: unless a cue attributes it.
MIN_QUOTE_WORDS = 4
#: Unattributed marked quotes are kept only from this length on (anonymous quotes).
MIN_UNATTRIBUTED_WORDS = 8
#: Most words of a descriptor before a named speaker ("French carmaker X").
MAX_DESCRIPTOR_WORDS = 3
#: A speaker phrase longer than this (words) is not a speaker phrase.
MAX_SPEAKER_WORDS = 8
#: Window after a quote searched for its attribution (characters).
AFTER_WINDOW = 120
#: Two marked fragments separated by at most this many words (and no cue) are one quote.
MERGE_GAP_WORDS = 4
#: A role phrase resolves only to people mentioned within this many characters before it.
ROLE_LOOKBACK = 6000

#: Most words between two quotes of one speaker in one paragraph ('"A," X, chair of Y, said. "B."').
MAX_CONTINUATION_GAP_WORDS = 25
#: Stands in for the period of an abbreviation while speaker phrases are matched (same length).
ABBREV_MASK = "\u00b7"
#: Share of longer words capitalised from which a quoted span reads as a title ("Rivers Under Pressure").
TITLE_CASE_SHARE = 0.6

OPENERS = "“„«"
CLOSERS = "”»"
PUNCT_EDGE = " \t\n,.;:!?–—-"
#: Mention types that can speak when they head the speaker phrase (NORP "Kazakh" cannot).
SPEAKER_TYPES = ("PERSON", "ORG", "GPE")


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


def _forms(lemma: str, irregular: dict[str, list[str]]) -> list[str]:
    """Surface forms of a regular English verb (or the listed irregular ones)."""
    if lemma in irregular:
        return list(irregular[lemma])
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d"]
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied"]
    return [lemma, lemma + "s", lemma + "ed"]


@functools.lru_cache(maxsize=2)
def load_cues(path: str = str(LEXICON)) -> _Cues:
    """Load and validate the cue lexicon once per process."""
    data: dict[str, Any] = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
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
    return _Cues(frozenset(verbs), frozenset(data.get("clause_only") or []), dict(particles),
                 "(?:" + "|".join(forms) + ")", frozenset(data.get("indefinite") or []),
                 frozenset(data.get("pronouns") or []), synonyms, abbrev_re,
                 re.compile(rf"\b(?:{title_words})\s*[,:]?\s*$", re.I),
                 # "called it 'X Y Z'", "named the plan 'X Y Z'": up to two object words between
                 re.compile(rf"\b(?:{naming_words})(?:\s+[\w'’-]+){{0,2}}\s*[,:]?\s*$", re.I))


def _mask_abbreviations(cues: _Cues, text: str) -> str:
    """Same-length copy of ``text`` with the periods of abbreviations and initials replaced."""
    return cues.abbrev_re.sub(lambda m: m.group()[:-1] + ABBREV_MASK, text)


# --------------------------------------------------------------------------- marks
def _mark_role(text: str, i: int, in_quote: bool) -> str | None:
    """'open', 'close' or None for the quote mark at ``text[i]``, from its shape and context."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    space_before = before.isspace() or before in "([—–-"
    space_after = after.isspace() or after in ",.;:!?)–—"
    if ch == '"':
        if in_quote:
            return "close" if not space_before or space_after else "open"
        return "open" if not space_after else ("close" if not space_before else None)
    if ch == "»":
        return "close" if in_quote else "open"   # German/Danish style opens with »
    if ch == "«":
        return "open" if not in_quote else "close"
    if ch in OPENERS:
        # a typographic opener followed by punctuation closes (“…charter “, a comment)
        if after in ",.;:!?":
            return "close"
        return None if space_after and space_before else ("close" if space_after else "open")
    if ch in CLOSERS:
        return "close"
    return None


def _marked_spans(view: str, blocks: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """(start, end, orphan) of quoted content; ``orphan`` when no opener was seen."""
    spans: list[tuple[int, int, bool]] = []
    open_at: int | None = None
    for bi, (bstart, bend) in enumerate(blocks):
        for i in range(bstart, bend):
            if view[i] not in '"“”„«»':
                continue
            role = _mark_role(view, i, open_at is not None)
            if role == "open" and open_at is None:
                open_at = i + 1
            elif role == "close" and open_at is not None:
                spans.append((open_at, i, False))
                open_at = None
            elif role == "close":
                spans.append((bstart, i, True))      # closer with no opener in this paragraph
        if open_at is not None:
            nxt = blocks[bi + 1] if bi + 1 < len(blocks) else None
            if nxt and _continues(view[nxt[0]:nxt[1]]):
                continue                              # a quote running into the next paragraph
            spans.append((open_at, bend, False))
            open_at = None
    return spans


def _continues(text: str) -> bool:
    """True when a paragraph continues an open quote (closer before any opener, or opens itself)."""
    stripped = text.lstrip()
    if stripped[:1] in OPENERS + '"':
        return True
    for ch in stripped:
        if ch in CLOSERS:
            return True
        if ch in OPENERS:
            return False
    return False


def _trim(view: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past surrounding whitespace and quote marks."""
    while start < end and (view[start].isspace() or view[start] in '"“”„«»'):
        start += 1
    while end > start and (view[end - 1].isspace() or view[end - 1] in '"“”„«»'):
        end -= 1
    return start, end


def _ends_sentence(view: str, end: int) -> bool:
    """A quote ending in '.!?' whose closer is followed by a capitalised word ends its sentence."""
    if view[end - 1:end] not in (".", "!", "?"):
        return False
    nxt = re.match(r"[\"”»«“’]*\s*(\S)", view[end:end + 6])
    return bool(nxt and nxt.group(1).isupper())


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


# --------------------------------------------------------------------------- context
@dataclass
class _Ctx:
    doc: Document
    view: str
    cues: _Cues
    mentions: list[Mention]
    entities: dict[str, Entity]
    sents: list[tuple[int, int, "SpacySpan", int]]   # raw start, raw end, span, block offset
    quoted: list[tuple[int, int]]
    descriptors: dict[str, set[str]]

    def sentence_at(self, pos: int) -> tuple[int, int, "SpacySpan", int] | None:
        for s in self.sents:
            if s[0] <= pos < s[1]:
                return s
        return None


def _tok_start(tok: "Token", offset: int) -> int:
    return offset + tok.idx


def _descriptors(view: str, mentions: list[Mention],
                 sents: list[tuple[int, int, "SpacySpan", int]]) -> dict[str, set[str]]:
    """Words that introduce each person (``the Kazakh President, X``; ``X, an expert at Y``)."""
    out: dict[str, set[str]] = {}
    for m in mentions:
        if m.entity is None or m.type != "PERSON":
            continue
        words = out.setdefault(m.entity, set())
        sent = next((x for x in sents if x[0] <= m.start < x[1]), None)
        if sent is not None:
            before = [t for t in sent[2] if _tok_start(t, sent[3]) + len(t.text) <= m.start]
            commas = 0
            for tok in reversed(before):      # title words right before the name
                if tok.text == "," and commas == 0 and words is not None:
                    commas += 1
                    continue
                if tok.pos_ not in ("PROPN", "NOUN", "ADJ"):
                    break
                words.add(tok.text.lower())
        appos = re.match(r",\s+(?:an?|the)\s+(.{2,80}?)(?=[,.;:()]|\s(?:of|at|in|for|with|from|to|on)\s|$)",
                         view[m.end:m.end + 90])
        if appos:
            words.update(w.lower() for w in re.findall(r"[^\W\d_][\w'-]*", appos.group(1))[:4])
    return out


def _share_stem(a: str, b: str) -> bool:
    """Nationality adjective vs country name: 'kazakh' ~ 'kazakhstan', 'russian' ~ 'russia'."""
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return a == b or n >= 5


def _role_entity(ctx: _Ctx, phrase_words: list[str], pos: int) -> str | None:
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


def _nearest_person(ctx: _Ctx, pos: int) -> str | None:
    """The person mentioned last before ``pos`` outside quoted text."""
    for m in sorted(ctx.mentions, key=lambda m: -m.start):
        if m.start < pos and m.type == "PERSON" and m.entity is not None \
                and not any(a <= m.start < b for a, b in ctx.quoted):
            return m.entity
    return None


def _resolve_phrase(ctx: _Ctx, start: int, end: int) -> tuple[bool, str | None]:
    """(is a speaker phrase, entity id or None for an anonymous source) for ``raw[start:end]``."""
    text = ctx.view[start:end].strip()
    words = re.findall(r"[\w’'.-]+", text)
    if not words or len(words) > MAX_SPEAKER_WORDS:
        return False, None
    first = words[0].lower()
    inside = [m for m in ctx.mentions if m.start < end and m.end > start and m.entity]
    # "Putin's spokesman" is not Putin
    persons = [m for m in inside if m.type == "PERSON" and not re.match(r"[’']s\b", ctx.view[m.end:m.end + 3])]
    if first in ctx.cues.indefinite:
        return True, None
    if persons:
        return True, persons[-1].entity
    heads = [m for m in inside if m.type in SPEAKER_TYPES and ctx.view[m.end:end].strip() == ""]
    if heads and ctx.view[start:heads[0].start].strip().lower() in ("", "the"):
        return True, heads[0].entity
    # "Terminal operator X", "Opposition party X": a descriptor, then the name it describes
    if heads and not re.search(r"\b(?:of|in|for|at|from|with|by|to|and|or)\b|[,;:]", ctx.view[start:heads[0].start],
                               flags=re.I) and _words(ctx.view[start:heads[0].start]) <= MAX_DESCRIPTOR_WORDS:
        return True, heads[0].entity
    if len(words) == 1 and first in ctx.cues.pronouns:
        return True, _nearest_person(ctx, start) if first in ("he", "she") else None
    if first == "the" or words[0][:1].isupper():
        return True, _role_entity(ctx, words, start)
    return False, None


def _subject_of(tok: "Token") -> "Token | None":
    """The grammatical subject of a cue verb, climbing through conj/xcomp/pcomp/advcl."""
    for _ in range(5):
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return subj[0]
        if tok.dep_ == "ROOT" or tok.head is tok:
            return None
        tok = tok.head
    return None


def _is_cue(ctx: _Ctx, tok: "Token") -> bool:
    if tok.lemma_.lower() not in ctx.cues.lemmas or tok.pos_ not in ("VERB", "AUX"):
        return False
    particle = ctx.cues.need_particle.get(tok.lemma_.lower())
    return particle is None or any(c.lower_ == particle for c in tok.children)


def _speaker_of_verb(ctx: _Ctx, tok: "Token", offset: int) -> tuple[bool, str | None]:
    subj = _subject_of(tok)
    if subj is None:
        return False, None
    left, right = subj.left_edge, subj.right_edge
    s, e = _tok_start(left, offset), _tok_start(right, offset) + len(right.text)
    # cut a long subject to its head's neighbourhood ("the expert, who …")
    if _words(ctx.view[s:e]) > MAX_SPEAKER_WORDS:
        # a long subject ("President of X Jane Doe at the meeting of …"): keep its first words
        s = _tok_start(left, offset)
        e = _tok_start(subj.doc[min(left.i + MAX_SPEAKER_WORDS, right.i)], offset)
        near = [m for m in ctx.mentions if s <= m.start < e and m.type == "PERSON" and m.entity]
        if near:
            return True, near[0].entity
        s, e = _tok_start(subj, offset), _tok_start(subj, offset) + len(subj.text)
    return _resolve_phrase(ctx, s, e)


# --------------------------------------------------------------------------- attribution
def _after(ctx: _Ctx, end: int) -> tuple[bool, str | None]:
    """Attribution right after a quote: ``, X said`` / ``, said X`` / ``, The Daily Example.``"""
    window = _mask_abbreviations(ctx.cues, ctx.view[end:end + AFTER_WINDOW])
    window = re.split(r"(?<=[.!?])\s|[\n“”«»\"]", window.lstrip('"”»«“'), maxsplit=1)[0]
    lead = len(ctx.view[end:end + AFTER_WINDOW]) - len(ctx.view[end:end + AFTER_WINDOW].lstrip('"”»«“'))
    base = end + lead
    np = r"(?P<np>[^\W\d_][^,.;:!?()\"“”«»\n]{0,80}?)"
    edge = r"^[\s,.;:!?–—-]*"
    for pat in (edge + np + r"\s+" + ctx.cues.forms_re + r"\b",
                edge + ctx.cues.forms_re + r"\s+" + np + r"\s*(?:[,.;:!?]|$)"):
        m = re.match(pat, window, flags=re.I)
        if m:
            ok, spk = _resolve_phrase(ctx, base + m.start("np"), base + m.end("np"))
            if ok:
                return ok, spk
    m = re.match(edge + np + r"\s*[.!]?\s*$", window)
    if m and re.match(r"[\s,–—-]", window):
        # a bare source after the quote: `"…," The Daily Example.`
        s, e = base + m.start("np"), base + m.end("np")
        inside = [x for x in ctx.mentions if x.start < e and x.end > s and x.entity]
        first = m.group("np").split()[0].lower()
        if first in ctx.cues.indefinite:
            return True, None
        if inside and ctx.view[s:inside[0].start].strip().lower() in ("", "the"):
            return True, inside[0].entity
    return False, None


def _before(ctx: _Ctx, start: int) -> tuple[bool, str | None]:
    """Attribution before a quote in its sentence (or a previous sentence ending with ':')."""
    sent = ctx.sentence_at(start)
    cands: list[tuple["Token", int]] = []
    if sent is not None:
        cands = [(t, sent[3]) for t in sent[2] if _tok_start(t, sent[3]) < start - 1 and _is_cue(ctx, t)
                 and not any(a <= _tok_start(t, sent[3]) < b for a, b in ctx.quoted)]
        if not cands:
            prev = [s for s in ctx.sents if s[1] <= start and ctx.view[s[0]:s[1]].rstrip().endswith(":")]
            if prev and start - prev[-1][1] < 4:
                cands = [(t, prev[-1][3]) for t in prev[-1][2] if _is_cue(ctx, t)]
    for tok, off in reversed(cands):
        ok, spk = _speaker_of_verb(ctx, tok, off)
        if ok:
            return ok, spk
    return False, None


def _doubtful(ctx: _Ctx, speaker: str | None, start: int, end: int) -> bool:
    """A speaker quoted talking about himself by name in the third person."""
    ent = ctx.entities.get(speaker or "")
    if ent is None or ent.type != "PERSON":
        return False
    names = {ent.name, *ent.aliases}
    # only proper names: a role alias ("the Kazakh leader") says nothing about self-reference
    surnames = {n.split()[-1] for n in names if n.split() and n.split()[-1][:1].isupper()}
    text = ctx.view[start:end]
    return any(len(s) >= 3 and re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text) for s in surnames)


def _continues_after_cue(ctx: _Ctx, prev_end: int, start: int) -> bool:
    """True when only one attribution sentence ('," X said on Monday. "') separates two quotes."""
    gap = ctx.view[prev_end:start]
    if "\n" in gap or _words(gap) > MAX_CONTINUATION_GAP_WORDS:
        return False
    masked = _mask_abbreviations(ctx.cues, gap).strip(PUNCT_EDGE + '"“”„«»')
    if re.search(r"[.!?;:]", masked) or re.search(r"[“”«»\"]", masked):
        return False                                  # a second sentence between them
    return bool(re.search(r"\b" + ctx.cues.forms_re + r"\b", masked, flags=re.I))


def _is_title(ctx: _Ctx, start: int, end: int) -> bool:
    """An unattributed quoted span that names a document, programme or work, not speech."""
    before = ctx.view[max(0, start - 40):start].rstrip('"“”„«» ')
    if ctx.cues.title_before_re.search(before):
        return True
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", ctx.view[start:end]) if len(w) >= 4]
    title_case = bool(words) and sum(w[:1].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)
    return title_case and bool(ctx.cues.naming_before_re.search(before))


# --------------------------------------------------------------------------- passes
def _marked_quotes(ctx: _Ctx, blocks: list[tuple[int, int]]) -> list[tuple[int, int, str | None, bool]]:
    raw_spans = []
    for s, e, orphan in _marked_spans(ctx.view, blocks):
        if orphan:   # quote from the start of the closer's sentence
            sent = ctx.sentence_at(e - 1)
            s = max(s, sent[0]) if sent else s
        s, e = _trim(ctx.view, s, e)
        if e > s:
            raw_spans.append([s, e, orphan])
    ctx.quoted = [(s, e) for s, e, _ in raw_spans]
    # merge fragments split by a stray inner mark: “A it” feeds “B,” the expert noted.
    merged: list[list[Any]] = []
    for span in raw_spans:
        if merged and not span[2]:
            prev = merged[-1]
            gap = ctx.view[prev[1]:span[0]]
            if "\n" not in gap and _words(gap) <= MERGE_GAP_WORDS and not re.search(r"[.!?]", gap) \
                    and _words(ctx.view[prev[0]:prev[1]]) >= MIN_QUOTE_WORDS \
                    and not re.search(r"\b" + ctx.cues.forms_re + r"\b", gap, flags=re.I):
                prev[1] = span[1]
                continue
        merged.append(list(span))
    out = []
    last_speaker: tuple[int, str | None] | None = None
    for s, e, orphan in merged:
        ok, spk = False, None
        if not _ends_sentence(ctx.view, e):
            ok, spk = _after(ctx, e)
        if not ok and not orphan:
            ok, spk = _before(ctx, s)
        if not ok and last_speaker and ctx.view[last_speaker[0]:s].strip(PUNCT_EDGE + '"“”„«»') == "":
            ok, spk = True, last_speaker[1]           # the next paragraph of the same quote
        if not ok and last_speaker and last_speaker[1] and _continues_after_cue(ctx, last_speaker[0], s):
            ok, spk = True, last_speaker[1]           # '"A," X said. "B."': B is X's too
        if not ok and _is_title(ctx, s, e):
            continue                                  # 'a report titled "..."' names a document
        n = _words(ctx.view[s:e])
        if (ok and n >= MIN_QUOTE_WORDS - 1) or n >= MIN_UNATTRIBUTED_WORDS and not orphan:
            out.append((s, e, spk if ok else None, True))
            last_speaker = (e, spk if ok else None)
    return out


def _trailing_quotes(ctx: _Ctx) -> list[tuple[int, int, str | None, bool]]:
    """``…, – the expert noted.`` / ``…, X believes.`` without quote marks."""
    pat = re.compile(r"(?P<sep>(?:^|[,\s])\s*[–—-]+|,)\s*(?P<np>[^\W\d_][^,.;:!?()\"“”«»\n]{0,80}?)\s+"
                     + ctx.cues.forms_re + r"\s*[.!]?\s*$", flags=re.I)
    out = []
    for i, (s0, e0, _span, _off) in enumerate(ctx.sents):
        m = pat.search(ctx.view[s0:e0])
        if not m:
            continue
        ok, spk = _resolve_phrase(ctx, s0 + m.start("np"), s0 + m.end("np"))
        if not ok:
            continue
        start, end = s0, s0 + m.start("sep")
        if _words(ctx.view[start:end]) < MIN_QUOTE_WORDS and i > 0 \
                and "\n" not in ctx.view[ctx.sents[i - 1][0]:s0]:
            start = ctx.sents[i - 1][0]               # "…? – the expert noted." after a question
        start, end = _trim(ctx.view, start, end)
        if _words(ctx.view[start:end]) >= MIN_QUOTE_WORDS:
            # "…, – the expert noted." reproduces words; "…, X believes." reports them
            out.append((start, end, spk, bool(re.search(r"[–—-]", m.group("sep")))))
    return out


def _indirect_quotes(ctx: _Ctx) -> list[tuple[int, int, str | None, bool]]:
    """Cue verb + clause complement, and ``according to X``."""
    out = []
    for s0, _e0, span, off in ctx.sents:
        for tok in span:
            if _is_cue(ctx, tok):
                # the complement after the verb ("X said that …"); a left one is "…, X said"
                comp = [c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i] \
                    or [c for c in tok.children if c.dep_ == "ccomp"]
                if not comp:
                    continue
                ok, spk = _speaker_of_verb(ctx, tok, off)
                if not ok:
                    continue
                c = comp[0]
                s = _tok_start(c.left_edge, off)
                e = _tok_start(c.right_edge, off) + len(c.right_edge.text)
                s, e = _trim(ctx.view, s, e)
                if _words(ctx.view[s:e]) >= MIN_QUOTE_WORDS:
                    out.append((s, e, spk, False))
            elif tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
                to = tok.doc[tok.i + 1]
                objs = [c for c in to.children if c.dep_ == "pobj"]
                if not objs:
                    continue
                ps = _tok_start(objs[0].left_edge, off)
                pe = _tok_start(objs[0].right_edge, off) + len(objs[0].right_edge.text)
                # "according to X, an economist at Y, ...": the name before the appositive speaks
                comma = ctx.view.find(",", ps, pe)
                ok, spk = _resolve_phrase(ctx, ps, comma if comma > ps else pe)
                sent_s, sent_e = s0, off + span.end_char
                a = _tok_start(tok, off)
                s, e = (pe, sent_e) if a - sent_s < sent_e - pe else (sent_s, a)
                s, e = _trim(ctx.view, s, e)
                while s < e and ctx.view[s] in PUNCT_EDGE:   # the comma after "according to X"
                    s += 1
                if ok and _words(ctx.view[s:e]) >= MIN_QUOTE_WORDS:
                    out.append((s, e, spk, False))
    return out


def _overlaps(a: tuple[int, int], kept: list[tuple[int, int, Any, Any]]) -> bool:
    for s, e, *_ in kept:
        inter = min(a[1], e) - max(a[0], s)
        if inter > 0.3 * min(a[1] - a[0], e - s):
            return True
    return False


def extract_quotes(doc: Document, parsed: "Parsed", mentions: list[Mention], entities: list[Entity],
                   settings: Settings) -> list[Quote]:
    """Direct and indirect quotes of ``doc``, each with its speaker (a local entity id) or None.

    Args:
        doc: the cleaned document (blocks set).
        parsed: its spaCy parse (``storyline.nlp.pipeline.parse``).
        mentions: name mentions with raw offsets and resolved ``entity`` ids.
        entities: the document's local entities.
        settings: run settings (unused for now; kept for a uniform stage signature).

    Returns:
        Quotes in text order, ids ``f"{doc.id}/q{n}"``; start/end are raw offsets of the content.
    """
    del settings
    view = doc.body_view()
    sents = []
    for off, sent in parsed.spacy_sentences():
        sents.append((off + sent.start_char, off + sent.end_char, sent, off))
    mentions = sorted(mentions, key=lambda m: m.start)
    ctx = _Ctx(doc, view, load_cues(), mentions, {e.id: e for e in entities}, sents, [],
               _descriptors(view, mentions, sents))
    blocks = sorted((b.start, b.end) for b in doc.blocks) or [(0, len(view))]
    kept: list[tuple[int, int, str | None, bool]] = []
    for found in (_marked_quotes(ctx, blocks), _trailing_quotes(ctx), _indirect_quotes(ctx)):
        for q in found:
            if not _overlaps((q[0], q[1]), kept):
                kept.append(q)
    kept.sort()
    quotes = []
    for n, (s, e, spk, direct) in enumerate(kept, 1):
        quotes.append(Quote(id=f"{doc.id}/q{n}", doc=doc.id, speaker=spk, text=view[s:e], start=s, end=e,
                            direct=direct, doubtful=direct and _doubtful(ctx, spk, s, e)))
    LOGGER.debug("%s: %d quotes", doc.id, len(quotes))
    return quotes
