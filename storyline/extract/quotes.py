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

Quote marks are scanned in ``storyline.extract.quote_marks``; the cue lexicon and the resolution
of speaker phrases are in ``storyline.extract.quote_speakers``.
"""
from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from storyline.config import Settings
from storyline.extract.quote_marks import (
    CLOSERS,
    OPENERS,
    ends_sentence,
    marked_spans,
    n_words,
    single_marks_as_double,
    trim_marks,
)
from storyline.extract.quote_speakers import (
    ABBREV_MASK,
    ANTECEDENT,
    DESCRIBED,
    HANDLE_RE,
    LEXICON,
    MAX_DESCRIPTOR_WORDS,
    MAX_SPEAKER_WORDS,
    PREVIOUS_DESCRIBED,
    ROLE_LOOKBACK,
    SPEAKER_TYPES,
    Attribution,
    QuoteSpan,
    SpeakerContext,
    add_untagged,
    cue_at,
    cue_subject,
    has_given_name,
    load_cues,
    mask_abbreviations,
    nearest_person,
    resolve_phrase,
    speaker_descriptors,
    speaker_name,
    speaker_of_verb,
    token_start,
)
from storyline.extract.speaker_model import (
    antecedent_phrase,
    can_speak,
    described_type,
    inner_antecedent,
    layout_of,
    quote_shape,
)
from storyline.model import Document, Entity, Mention, Quote

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from storyline.nlp.pipeline import Parsed

__all__ = ["ABBREV_MASK", "AFTER_WINDOW", "CLOSERS", "LEXICON", "MAX_CONTINUATION_GAP_WORDS",
           "MAX_DESCRIPTOR_WORDS", "MAX_PARTIAL_WORDS", "MAX_SPEAKER_WORDS", "MERGE_GAP_WORDS", "MIN_CLAUSE_WORDS",
           "MIN_CUED_WORDS", "MIN_QUOTE_WORDS",
           "MIN_UNATTRIBUTED_WORDS", "OPENERS", "PUNCT_EDGE", "ROLE_LOOKBACK",
           "SPEAKER_TYPES", "TITLE_CASE_SHARE", "QuoteResult", "SpeakerRanker", "extract_quotes", "find_quotes",
           "load_cues"]

LOGGER = logging.getLogger(__name__)

#: chooses each quote's speaker (an entity id or None) from the context and the quotes found
SpeakerRanker = Callable[[SpeakerContext, list[QuoteSpan]], list[str | None]]

#: A marked span shorter than this (in words) is a scare quote or a term, not a quote,
#: unless a cue attributes it.
MIN_QUOTE_WORDS = 4
#: A marked span a cue verb and its speaker follow is speech from this length on ("“She insists,” said X").
MIN_CUED_WORDS = 2
#: A reported clause with its own subject is indirect speech from this length on ("said he resigned").
MIN_CLAUSE_WORDS = 2
#: Unattributed marked quotes are kept only from this length on (anonymous quotes).
MIN_UNATTRIBUTED_WORDS = 8
#: Window after a quote searched for its attribution (characters).
AFTER_WINDOW = 120
#: Two marked fragments separated by at most this many words (and no cue) are one quote.
MERGE_GAP_WORDS = 4
#: Most words between two quotes of one speaker in one paragraph ('"A," X, chair of Y, said. "B."').
MAX_CONTINUATION_GAP_WORDS = 25
#: Share of longer words capitalised from which a quoted span reads as a title ("Rivers Under Pressure").
TITLE_CASE_SHARE = 0.6
PUNCT_EDGE = " \t\n,.;:!?–—-"
#: Most words of a partial quote (a phrase quoted inside the writer's own sentence).
MAX_PARTIAL_WORDS = 8
#: A transcript's speaker label at the start of a paragraph: capitals ("SEN. ANA PARK:", "KEÏTA:"), Q / A, or a
#: name in title case ("Rhonda Pierce:", "Chair:"), which counts only when repeated or a person's name.
_LABEL = re.compile(r"\s*(?P<label>[^\W\d_](?:[^\W\d_]|[.'’ -]){0,40}?)\s*:\s+(?=\S)")
#: Most words of a title-case label ("Mei Lin Tan:").
MAX_LABEL_WORDS = 4


# --------------------------------------------------------------------------- attribution
def _after(ctx: SpeakerContext, end: int, cue_only: bool = False) -> Attribution:
    """Attribution right after a quote: ``, X said`` / ``, said X`` / ``, The Daily Example.``

    ``cue_only``: after a quote ending in "!" or "?" only a cue verb attributes ("Enough!” Ana
    Ruiz shouted): a bare name there starts the next sentence.
    """
    raw = ctx.view[end:end + AFTER_WINDOW]
    # the closing marks, with the space French and Italian put before a guillemet ("… started », he said"); not
    # across a paragraph break into the next quote ('… is mine.” / “Then explain it,” X said': "Then" is no speaker)
    lead = len(re.match(r'(?:[^\S\n]*["”»«“])*', raw).group())  # type: ignore[union-attr]
    window = re.split(r"(?<=[.!?])\s|[\n“”«»\"]", mask_abbreviations(ctx.cues, raw)[lead:], maxsplit=1)[0]
    base = end + lead
    np = r"(?P<np>[^\W\d_][^,.;:!?()\"“”«»\n]{0,80}?)"
    edge = r"^[\s,.;:!?–—-]*"
    # an appositive or a parenthetical may stand between the name and the cue: ', X, the health minister, said',
    # ', X — who grew up there — said', ', X (pictured) said', ', said X (right), who …'
    paren = r"\s*\([^()\n]{1,40}\)"
    appos = r"(?:,\s*[^,;:!?()\"“”«»\n]{1,100},|\s*[—–]\s*[^;:!?()\"“”«»\n—–]{1,100}[—–]|" + paren + r")?"
    for pat in (edge + np + appos + r"\s+" + ctx.cues.forms_re + r"\b",
                edge + ctx.cues.forms_re + r"\s+" + np + f"(?:{paren})?" + r"\s*(?:[,.;:!?]|$)"):
        m = re.match(pat, window, flags=re.I)
        if m:
            ps, pe = base + m.start("np"), base + m.end("np")
            ok, spk = resolve_phrase(ctx, ps, pe)
            named = _appositive_person(ctx, pe)
            role_first = m.group("np").split()[0].lower() in ("the", "a", "an", "its", "his", "her", "their")
            if named is not None and (spk is None or ctx.entities[spk].type != "PERSON" or role_first):
                # 'said Lithuania's foreign minister, Gabrielius Vaitkus': the name the role introduces
                return Attribution(True, named.entity, (named.start, named.end), "after")
            if ok:
                return Attribution(ok, spk, (ps, pe), "after")
    if cue_only:
        return Attribution(False)
    m = re.match(edge + np + r"\s*[.!]?\s*$", window)
    if m and re.match(r"[\s,–—-]", window):
        # a bare source after the quote: `"…," The Daily Example.`
        s, e = base + m.start("np"), base + m.end("np")
        inside = [x for x in ctx.mentions if x.start < e and x.end > s and x.entity]
        first = m.group("np").split()[0].lower()
        if first in ctx.cues.indefinite:
            return Attribution(True, None, (s, e), "after_source")
        if inside and ctx.view[s:inside[0].start].strip().lower() in ("", "the"):
            return Attribution(True, inside[0].entity, (s, e), "after_source")
    return Attribution(False)


def _appositive_person(ctx: SpeakerContext, end: int) -> Mention | None:
    """A person named right after a role phrase that ends at ``end`` (", Gabrielius Vaitkus")."""
    m = re.match(r",\s*", ctx.view[end:end + 4])
    if m is None:
        return None
    at = end + m.end()
    return next((x for x in ctx.mentions if x.start == at and x.type == "PERSON" and x.entity), None)


def _before(ctx: SpeakerContext, start: int) -> Attribution:
    """Attribution before a quote in its sentence (or a previous sentence ending with ':')."""
    sent = ctx.sentence_at(start)
    cands: list[tuple[Token, int]] = []
    if sent is not None:
        span, off = sent[2], sent[3]
        sdoc, toks = span.doc, ctx.tokens(span.doc)
        cands = [(sdoc[i], off) for i in range(span.start, span.end)
                 if off + toks.idx[i] < start - 1 and cue_at(ctx, toks, sdoc, i)
                 and not any(a <= off + toks.idx[i] < b for a, b in ctx.quoted)]
        if not cands:
            prev = [s for s in ctx.sents if s[1] <= start and ctx.view[s[0]:s[1]].rstrip().endswith(":")]
            if prev and start - prev[-1][1] < 4:
                span, off = prev[-1][2], prev[-1][3]
                sdoc, toks = span.doc, ctx.tokens(span.doc)
                cands = [(sdoc[i], off) for i in range(span.start, span.end) if cue_at(ctx, toks, sdoc, i)]
    for tok, off in reversed(cands):
        found = speaker_of_verb(ctx, tok, off)
        if found.ok:
            return found
    if sent is not None and not cands:
        return _colon_intro(ctx, start, sent)
    return Attribution(False)


def _colon_intro(ctx: SpeakerContext, start: int, sent: tuple[int, int, Any, int]) -> Attribution:
    """A quote introduced by a colon with no cue verb ('His coach, X, was more measured: “…”'): the
    subject of the clause before the colon."""
    s0, _e0, span, off = sent
    head = ctx.view[s0:start].rstrip(' "“„«\'‘')
    if not head.endswith(":") or s0 + len(head) - 1 < s0:
        return Attribution(False)
    colon = s0 + len(head) - 1
    tok = next((t for t in reversed(list(span)) if off + t.idx < colon and not t.is_punct), None)
    for _ in range(6):                                # climb to the clause's verb
        if tok is None or tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    if tok is None or tok.pos_ not in ("VERB", "AUX"):
        return _name_colon(ctx, s0, colon)
    found = speaker_of_verb(ctx, tok, off, "colon")
    return found if found.ok and found.phrase and found.phrase[1] <= colon else _name_colon(ctx, s0, colon)


#: a possessive pronoun and a noun phrase before a colon: the possessor's words follow ("Her verdict:")
_POSSESSIVE_COLON = re.compile(r"\s*(His|Her|Their)\s+(?:[^\W\d_]+\s+){0,4}[^\W\d_]+\s*")


def _name_colon(ctx: SpeakerContext, s0: int, colon: int) -> Attribution:
    """A name and a colon before a quote, with no verb ("Ingrid Halvorsen: “…”", "Head coach X: “…”", a
    headline's "Ramaphosa: “…”"): the named person or body speaks. A few descriptor words may stand before
    the name; anything longer is a sentence the parse did not give a verb."""
    at = next((m for m in ctx.mentions if m.entity and m.end <= colon and
               ctx.view[m.end:colon].strip() == ""), None)
    owner = _POSSESSIVE_COLON.fullmatch(ctx.view, s0, colon)
    if at is None and owner is not None:
        # "Her verdict: “…”", "His answer to the critics: “…”": the words are the possessor's, a pronoun phrase
        word = owner.group(1).lower()
        gender = {"her": "f", "his": "m"}.get(word)
        return Attribution(True, nearest_person(ctx, s0, gender) if gender else None, owner.span(1), "colon")
    if at is None or (at.type not in SPEAKER_TYPES and not has_given_name(at.text)):
        return Attribution(False)
    lead = ctx.view[s0:at.start]
    if n_words(lead) > MAX_DESCRIPTOR_WORDS or re.search(r"[,;:.!?()\"“”«»]", lead):
        return Attribution(False)
    return Attribution(True, at.entity, (at.start, at.end), "colon")


_NEXT_SOURCE = re.compile(r"(?:th(?:at|ose|ese|is)|so|such|the words|the account|the verdict|the view|the warning)\b",
                          re.I)


def _next_sentence(ctx: SpeakerContext, end: int, blocks: list[tuple[int, int]]) -> Attribution:
    """A whole quoted sentence whose speaker is named in the sentence after it ("“…” That was the verdict of
    X, who …" / "So says X" / "The words were X's"): a sentence that opens by pointing back at the words and
    names one person or body in its first clause."""
    block_end = next((be for bs, be in blocks if bs <= end <= be), end)
    nxt = next((x for x in ctx.sents if end <= x[0] < block_end), None)
    if nxt is None or ctx.view[end:nxt[0]].strip(PUNCT_EDGE + '"“”„«»’') != "":
        return Attribution(False)
    text = ctx.view[nxt[0]:nxt[1]]
    if not _NEXT_SOURCE.match(text):
        return Attribution(False)
    clause_end = nxt[0] + (re.search(r"[,;:]|$", text).start())  # type: ignore[union-attr]
    named = [m for m in ctx.mentions if m.entity and nxt[0] <= m.start < clause_end
             and (m.type in ("PERSON", "ORG") or has_given_name(m.text))]
    if len({m.entity for m in named}) != 1:
        return Attribution(False)
    return Attribution(True, named[0].entity, (named[0].start, named[0].end), "next")



def _lede_speaker(ctx: SpeakerContext, start: int, end: int, blocks: list[tuple[int, int]]) -> Attribution:
    """An article that opens with a paragraph that is nothing but a quoted sentence names its speaker in the next
    paragraph's first sentence ("“…” / The warning came from X, …", "“…” / For X, the sentence is …"): the first
    person named there. A headline quote has no full stop inside its mark and is left to the headline pass."""
    if len(blocks) < 2 or not (blocks[0][0] <= start and end <= blocks[0][1]):
        return Attribution(False)
    if ctx.view[blocks[0][0]:start].strip('"“„«‘ ') or ctx.view[end:blocks[0][1]].strip('"”»’ ') \
            or ctx.view[end - 1:end] not in (".", "!", "?"):
        return Attribution(False)
    nxt = next((x for x in ctx.sents if blocks[1][0] <= x[0] < blocks[1][1]), None)
    if nxt is None:
        return Attribution(False)
    named = next((m for m in ctx.mentions if m.entity and nxt[0] <= m.start < nxt[1]
                  and not any(a <= m.start < b for a, b in ctx.quoted)
                  and (m.type == "PERSON" or has_given_name(m.text))), None)
    if named is None:
        return Attribution(False)
    return Attribution(True, named.entity, (named.start, named.end), "next")

def _rest_of_paragraph(ctx: SpeakerContext, end: int, blocks: list[tuple[int, int]]) -> str:
    """The words of the quote's paragraph after the quote, without marks and punctuation."""
    block_end = next((be for bs, be in blocks if bs <= end <= be), end)
    return ctx.view[end:block_end].strip(PUNCT_EDGE + '"“”„«»')


def _partial(ctx: SpeakerContext, start: int, end: int) -> Attribution:
    """A phrase quoted inside the writer's own sentence ('X called the plan "reckless and cruel"'): the
    subject of the speech or naming verb that governs it owns the words."""
    sent = ctx.sentence_at(start)
    if sent is None or n_words(ctx.view[start:end]) > MAX_PARTIAL_WORDS:
        return Attribution(False)
    s0, _e0, span, off = sent
    if ctx.view[s0:start].strip(PUNCT_EDGE + '"“”„«»') == "":
        return Attribution(False)                     # a quote that opens its sentence is not partial
    if _captioned(ctx, start, end):
        return Attribution(False)
    tok = next((t for t in span if off + t.idx >= start), None)
    for _ in range(6):
        if tok is None:
            break
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_ in ctx.cues.partial_lemmas:
            # "a plan called 'X'" names a thing: a verb that modifies a noun has no speaker
            return Attribution(False) if tok.dep_ in ("acl", "relcl", "amod") else \
                speaker_of_verb(ctx, tok, off, "partial")
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return Attribution(False)


def _label_speaker(ctx: SpeakerContext, label: tuple[int, int]) -> str | None:
    """The person a transcript label names ('TAUFA', 'SEN. ANA PARK'): its last word is a word of the
    person's name; None for a role label ('MODERATOR', 'Q')."""
    words = [w.casefold() for w in re.findall(r"[^\W\d_]+", ctx.view[label[0]:label[1]])]
    if not words or " ".join(words) in ctx.cues.questioners:
        return None                                   # "QUESTION:" is nobody, whatever the tagger made of it
    for ent in ctx.entities.values():
        if ent.type == "PERSON" and words[-1] in {w.casefold() for n in (ent.name, *ent.aliases)
                                                 for w in re.findall(r"[^\W\d_]+", n)}:
            return ent.id
    return _role_label_speaker(ctx, words)


def _role_label_speaker(ctx: SpeakerContext, words: list[str]) -> str | None:
    """The one person the text gives the role a label names ('THE COURT' → 'Judge X', 'THE DEFENDANT' → 'the
    defendant, Y'); None when no person or several have it: a role label alone names nobody."""
    label_roles = ctx.cues.label_roles or {}
    roles = {r for w in words if w not in ("the", "a", "an", "mr", "mrs", "ms", "dr") for r in label_roles.get(w, {w})}
    if not roles:
        return None
    # a role word is said of a person before or after the name ("Judge X", "X, the defendant"), in the name, or
    # between the name and the mention before it in the sentence ("The witness, a guard named X", "chaired by X")
    holders = [ent.id for ent in ctx.entities.values() if ent.type == "PERSON" and roles & (
        ctx.descriptors.get(ent.id, set()) | {ent.role or ""} | _words_before_first_mention(ctx, ent.id)
        | {w.casefold() for n in (ent.name, *ent.aliases) for w in re.findall(r"[^\W\d_]+", n)})]
    return holders[0] if len(holders) == 1 else None


def _words_before_first_mention(ctx: SpeakerContext, entity: str) -> set[str]:
    """The words and lemmas of the sentence that first names ``entity``, from the mention or colon before it (or
    the sentence start) to the name."""
    first = next((m for m in ctx.mentions if m.entity == entity), None)
    sent = ctx.sentence_at(first.start) if first is not None else None
    if first is None or sent is None:
        return set()
    # a colon ends an introduction: "CORONER: Mr. Hollis, …" is a turn addressing the person, not a role given
    colon = ctx.view.rfind(":", sent[0], first.start)
    since = max([sent[0], colon + 1] + [m.end for m in ctx.mentions
                                        if sent[0] <= m.end <= first.start and m.entity != entity])
    return {w for t in sent[2] if since <= sent[3] + t.idx < first.start and t.is_alpha
            for w in (t.lower_, t.lemma_.lower())}


def _label_kind(label: str) -> str | None:
    """'caps' for a label in capitals ('THE COURT', 'Q'), 'title' for one in title case ('Rhonda Pierce')."""
    if label.isupper():
        return "caps"
    words = label.split()
    if len(words) <= MAX_LABEL_WORDS and all(w[:1].isupper() for w in words) and not label.endswith((" ", "-")):
        return "title"
    return None


def _interviewee(ctx: SpeakerContext, before: int) -> str | None:
    """The person an interview's introduction names last ('Q&A with champion Faith Chepkoech'): who the
    'A:' turns are."""
    people = [m for m in ctx.mentions if m.start < before and m.type == "PERSON" and m.entity]
    return people[-1].entity if people else None


def _transcript_quotes(ctx: SpeakerContext, blocks: list[tuple[int, int]]) -> list[QuoteSpan]:
    """The turns of a transcript: paragraphs that open with a speaker label ('MODERATOR:', 'SEN. PARK:',
    'Q:', 'Menon:'), read only in a document with at least two of them. A label in title case counts
    when it labels two paragraphs or names a person of the document ('Update:' once is no turn)."""
    found = []
    for bs, be in blocks:
        m = _LABEL.match(ctx.view, bs, be)
        kind = _label_kind(m.group("label")) if m else None
        if m and kind:
            found.append((m, be, kind))
    repeated = {lab for lab in (m.group("label") for m, _, _ in found)
                if sum(x.group("label") == lab for x, _, _ in found) >= 2}
    turns = [(m, be) for m, be, kind in found
             if kind == "caps" or m.group("label") in repeated
             or _label_speaker(ctx, (m.start("label"), m.end("label"))) is not None]
    if len(turns) < 2:
        return []
    out = []
    for m, be in turns:
        s, e = trim_marks(ctx.view, m.end(), be)
        if e > s:
            label = (m.start("label"), m.end("label"))
            speaker = _label_speaker(ctx, label)
            if speaker is None and m.group("label") == "A":
                speaker = _interviewee(ctx, turns[0][0].start())
            out.append(QuoteSpan(s, e, True, Attribution(True, speaker, label, "label")))
    return out


def _doubtful(ctx: SpeakerContext, speaker: str | None, start: int, end: int) -> bool:
    """A speaker quoted talking about himself by name in the third person."""
    ent = ctx.entities.get(speaker or "")
    if ent is None or ent.type != "PERSON":
        return False
    names = {ent.name, *ent.aliases}
    # only proper names: a role alias ("the Kazakh leader") says nothing about self-reference
    surnames = {n.split()[-1] for n in names if n.split() and n.split()[-1][:1].isupper()}
    text = ctx.view[start:end]
    return any(len(s) >= 3 and re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text) for s in surnames)


def _continues_after_cue(ctx: SpeakerContext, prev_end: int, start: int) -> bool:
    """True when only one attribution sentence ('," X said on Monday. "') separates two quotes."""
    gap = ctx.view[prev_end:start]
    if "\n" in gap or n_words(gap) > MAX_CONTINUATION_GAP_WORDS:
        return False
    masked = mask_abbreviations(ctx.cues, gap).strip(PUNCT_EDGE + '"“”„«»')
    if re.search(r"[.!?;:]", masked) or re.search(r"[“”«»\"]", masked):
        return False                                  # a second sentence between them
    return bool(re.search(r"\b" + ctx.cues.forms_re + r"\b", masked, flags=re.I))


def _opens_paragraph(ctx: SpeakerContext, start: int, blocks: list[tuple[int, int]]) -> bool:
    """The quote at ``start`` is the first thing in its paragraph."""
    bs = next((b for b, be in blocks if b <= start <= be), None)
    return bs is not None and ctx.view[bs:start].strip(PUNCT_EDGE + '"“”„«»') == ""


def _after_attribution_tail(ctx: SpeakerContext, prev_end: int, start: int, blocks: list[tuple[int, int]]) -> bool:
    """True when the last quote's paragraph goes on only with its attribution ('…,” said X, who has run
    the rank for years.') and this quote opens the next paragraph: the speaker carries over."""
    bi = next((k for k, (bs, be) in enumerate(blocks) if bs <= prev_end <= be), None)
    if bi is None or bi + 1 >= len(blocks) or not blocks[bi + 1][0] <= start <= blocks[bi + 1][1]:
        return False
    if ctx.view[blocks[bi + 1][0]:start].strip(PUNCT_EDGE + '"“”„«»') != "":
        return False
    tail = ctx.view[prev_end:blocks[bi][1]]
    masked = mask_abbreviations(ctx.cues, tail).strip(PUNCT_EDGE + '"“”„«»')
    # one sentence of attribution, no second quote and no new sentence that could bring in another speaker
    return n_words(tail) <= MAX_CONTINUATION_GAP_WORDS and not re.search(r"[.!?;:“”«»\"]", masked)


def _stands_alone(ctx: SpeakerContext, start: int) -> bool:
    """A quote that opens its sentence or follows a colon: not a word quoted inside the writer's sentence."""
    sent = ctx.sentence_at(start)
    before = ctx.view[sent[0] if sent else start:start].rstrip(' "“„«\'‘')
    return before == "" or before.endswith(":") or bool(re.search(r"[.!?][\"”»’]?$", before))


def _opens_sentence(ctx: SpeakerContext, start: int) -> bool:
    """The quote at ``start`` opens its sentence (no colon before it)."""
    sent = ctx.sentence_at(start)
    before = ctx.view[sent[0] if sent else start:start].rstrip(' "“„«\'‘')
    return before == "" or bool(re.search(r"[.!?][\"”»’]?$", before))


def _captioned(ctx: SpeakerContext, start: int, end: int) -> bool:
    """A short phrase quoted inside a sentence right after a word for a text ("posted a photo with the caption
    'Onwards and upwards'", "banners reading 'X'"): the words of that text, not the speech of the sentence's
    subject. A whole quoted sentence there ("wrote in the report: 'We failed.'") is speech."""
    return n_words(ctx.view[start:end]) <= MAX_PARTIAL_WORDS and not _stands_alone(ctx, start) \
        and bool(ctx.cues.title_before_re.search(ctx.view[max(0, start - 40):start].rstrip('"“”„«» ')))


def _is_title(ctx: SpeakerContext, start: int, end: int) -> bool:
    """An unattributed quoted span that names a document, programme or work, not speech."""
    before = ctx.view[max(0, start - 40):start].rstrip('"“”„«» ')
    if ctx.cues.title_before_re.search(before):
        return True
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", ctx.view[start:end]) if len(w) >= 4]
    title_case = bool(words) and sum(w[:1].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)
    return title_case and bool(ctx.cues.naming_before_re.search(before))


# --------------------------------------------------------------------------- passes
#: Quoted words in a headline: double marks, guillemets, and the single marks headlines use where the body uses
#: double ones ("‘We cannot live on applause’: nurses walk out"); a bare ASCII apostrophe is left alone ("I'D").
_HEADLINE_QUOTE = re.compile(r"[“„«\"‘](?P<q>[^“”„«»\"‘’\n]{2,160}?)[”»\"’](?!\w)")
#: Most words of a first paragraph read as a headline (it also ends without a full stop).
MAX_HEADLINE_WORDS = 25


def _headline_block(ctx: SpeakerContext, blocks: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first paragraph when it reads as a headline: short, not ending a sentence, more text after it. One
    ending inside its closing mark ('“We will not be blackmailed.”', 'A sign reads “Owners on probation.”') still
    holds quoted words to find; ``_ends_inside_mark`` keeps the headline's named person from being their speaker."""
    if len(blocks) < 2:
        return None
    hs, he = blocks[0]
    text = ctx.view[hs:he].rstrip()
    if not text or n_words(text) > MAX_HEADLINE_WORDS or text[-1] in ".;,":
        return None
    return hs, he


def _ends_inside_mark(ctx: SpeakerContext, head: tuple[int, int]) -> bool:
    """A first paragraph whose sentence ends inside its closing mark: a lede or a sign, not a headline line."""
    text = ctx.view[head[0]:head[1]].rstrip()
    return text[-1:] in ("”", "\"", "»", "’", "'") and text.rstrip("”\"»’'")[-1:] in (".", ";", ",")


def _headline_quotes(ctx: SpeakerContext, blocks: list[tuple[int, int]]) -> list[QuoteSpan]:
    """The quoted words of a headline. A headline quote has no cue of its own ('“We will not be blackmailed”:
    PM rejects ultimatum') and is short, so the body passes drop it; its speaker is settled after ranking
    (``_headline_speaker``) from the body quote it echoes or the person the headline names."""
    head = _headline_block(ctx, blocks)
    if head is None:
        return []
    out = []
    for m in _HEADLINE_QUOTE.finditer(ctx.view, *head):
        s, e = trim_marks(ctx.view, m.start("q"), m.end("q"))
        if n_words(ctx.view[s:e]) >= 2:
            out.append(QuoteSpan(s, e, True, Attribution(False, how="headline")))
    return out


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _contains(outer: list[str], inner: list[str]) -> bool:
    """``inner`` is a run of consecutive words of ``outer``."""
    k = len(inner)
    return k > 0 and any(outer[i:i + k] == inner for i in range(len(outer) - k + 1))


def _headline_speaker(ctx: SpeakerContext, q: QuoteSpan, kept: list[QuoteSpan], speakers: list[str | None],
                      head: tuple[int, int], ranked: str | bool | None = False) -> str | None:
    """A headline quote's speaker: the speaker of the body quote that repeats its words (headlines quote the
    article, in capitals or cut short: “A disgrace” from “It's a disgrace. The rats …”), else the ranker's choice
    (``ranked``: a person the headline names), else the one person the headline names when the words read as
    speech ('“I'D WALK TO MADRID” — striker Oumar Sissoko begs for move'); “Betrayal”, “secret wedding” and a
    scare-quoted “cold-blooded” beside one named person are nobody's."""
    words = _words(ctx.view[q.start:q.end])
    for other, spk in zip(kept, speakers):
        # an entity only: a described speaker ("the 24-year-old forward") is made from the echo's own phrase later
        if spk not in ctx.entities or other.start < head[1] or not other.direct:
            continue
        theirs = _words(ctx.view[other.start:other.end])
        if _contains(theirs, words) or (len(theirs) >= 3 and _contains(words, theirs)):
            return spk
    if isinstance(ranked, str) and ranked in ctx.entities:
        return ranked
    if not _reads_as_speech(ctx, q) or _ends_inside_mark(ctx, head):
        # “Betrayal”, “secret wedding”, a scare-quoted “cold-blooded”; a sign's sentence beside a named visitor
        return None
    named = {m.entity for m in ctx.mentions if m.entity and head[0] <= m.start < head[1]
             and not (q.start <= m.start < q.end) and ctx.entities.get(m.entity) is not None
             and ctx.entities[m.entity].type == "PERSON"}
    return next(iter(named)) if len(named) == 1 else None


def _reads_as_speech(ctx: SpeakerContext, q: QuoteSpan) -> bool:
    """Quoted words someone could have said ('“I'D WALK TO MADRID”', '“Load-shedding will end this year”'): a verb,
    a first or second person, or a question or exclamation; a label, a nickname or a scare-quoted term has none."""
    shape = quote_shape(ctx, q, layout_of(ctx))
    return bool(shape.get("verb") or shape.get("first_person") or shape.get("second_person")) \
        or ctx.view[q.end - 1:q.end] in ("!", "?")


def _marked_quotes(ctx: SpeakerContext, blocks: list[tuple[int, int]]) -> list[QuoteSpan]:
    raw_spans = []
    for s, e, orphan in marked_spans(ctx.view, blocks):
        if orphan:   # quote from the start of the closer's sentence
            sent = ctx.sentence_at(e - 1)
            s = max(s, sent[0]) if sent else s
        s, e = trim_marks(ctx.view, s, e)
        if e > s:
            raw_spans.append([s, e, orphan])
    ctx.quoted = [(s, e) for s, e, _ in raw_spans]
    # merge fragments split by a stray inner mark: “A it” feeds “B,” the expert noted.
    merged: list[list[Any]] = []
    for span in raw_spans:
        if merged and not span[2]:
            prev = merged[-1]
            gap = ctx.view[prev[1]:span[0]]
            if "\n" not in gap and n_words(gap) <= MERGE_GAP_WORDS and not re.search(r"[.!?]", gap) \
                    and n_words(ctx.view[prev[0]:prev[1]]) >= MIN_QUOTE_WORDS \
                    and not re.search(r"\b" + ctx.cues.forms_re + r"\b", gap, flags=re.I):
                prev[1] = span[1]
                continue
        merged.append(list(span))
    out: list[QuoteSpan] = []
    #: where the last kept quote ends, and its attribution (a described speaker has a phrase, no entity)
    last: tuple[int, Attribution] | None = None
    for s, e, orphan in merged:
        att = Attribution(False)
        exclaimed = ctx.view[e - 1:e] in ("!", "?")
        if not ends_sentence(ctx.view, e) or exclaimed:
            att = _after(ctx, e, cue_only=ends_sentence(ctx.view, e))
        if not att.ok and not orphan and not _captioned(ctx, s, e):
            att = _before(ctx, s)
        if not att.ok and last and (ctx.view[last[0]:s].strip(PUNCT_EDGE + '"“”„«»') == ""
                                    or _after_attribution_tail(ctx, last[0], s, blocks)) \
                and (_rest_of_paragraph(ctx, e, blocks) == ""
                     or (ctx.view[e - 1:e] == "." and ends_sentence(ctx.view, e) and _opens_paragraph(ctx, s, blocks))):
            # a paragraph that is only a quote goes on the last speaker's quote; words after it
            # ('…,” she countered.') are an attribution the cues did not read, not a continuation. A whole
            # quoted sentence that opens the paragraph goes on too ('“Then the hillside burned.” Officials …')
            att = Attribution(True, last[1].speaker, last[1].phrase, "carry")     # the next paragraph of the quote
        if not att.ok and last and last[1].ok and (last[1].speaker or last[1].phrase) \
                and _continues_after_cue(ctx, last[0], s):
            att = Attribution(True, last[1].speaker, last[1].phrase, "continue")  # '"A," X said. "B."': X's too
        if not att.ok and not orphan and _stands_alone(ctx, s) and ends_sentence(ctx.view, e):
            att = _next_sentence(ctx, e, blocks)
        if not att.ok and not orphan and last is None:
            att = _lede_speaker(ctx, s, e, blocks)
        if not att.ok and not orphan and _opens_sentence(ctx, s) and not _opens_paragraph(ctx, s, blocks):
            att = _previous_subject(ctx, s, blocks)
        if not att.ok and _is_title(ctx, s, e):
            continue                                  # 'a report titled "..."' names a document
        if not att.ok and not orphan:
            att = _partial(ctx, s, e)
        n = n_words(ctx.view[s:e])
        # an exclamation or question a cue verb attributes is speech however short ("Enough!” she
        # shouted), and so is a phrase quoted as someone's words ('called it "electric"')
        # and a two-word quote a cue verb follows is speech too ("“Name one,” Ms. Kinsella replied")
        # and so is a quote that is a sentence of its own a speaker owns ("“Never,” he said.", '… said only: “Tired.”')
        # a phrase quoted inside a sentence whose cue verb comes before it ('X said in a response that it
        # "welcomes scrutiny"') is the speaker's words as much as a partial quote the parse hangs on the verb; a
        # single word there is more often the writer's scare quote ('said its "restructuring" was a success')
        least = 1 if (exclaimed and att.how == "after") or att.how == "partial" else \
            MIN_CUED_WORDS if att.how == "before" and not _stands_alone(ctx, s) else \
            1 if att.how in ("after", "before", "continue", "carry", "colon", "next", "prev_subject") \
            and _stands_alone(ctx, s) else \
            MIN_CUED_WORDS if att.how == "after" else MIN_QUOTE_WORDS - 1
        if (att.ok and n >= least) or (n >= MIN_UNATTRIBUTED_WORDS and not orphan):
            out.append(QuoteSpan(s, e, True, att))
            last = (e, att)
    return out


#: a dialogue dash opening a paragraph: an em or en dash, or a hyphen with a space after it (not "-30 degrees")
_DIALOGUE_DASH = re.compile(r"[^\S\n]*(?:[—–]|-(?=\s))\s*")


def _dialogue_quotes(ctx: SpeakerContext, blocks: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Speech printed as dialogue, without marks ("— Why? asked one critic.", "– We will not go back, she said. We
    will stay."): a paragraph that opens with a dash is a turn when a ',', '?' or '!' in it is followed by a speech
    verb and its speaker, read as the cue after a marked quote is. The words from the dash to that mark are the
    speech, and the words after the attribution's sentence are its second part. A dashed paragraph with no cue (a
    list item, a byline) is no turn."""
    out: list[QuoteSpan] = []
    for bs, be in blocks:
        dash = _DIALOGUE_DASH.match(ctx.view, bs, be)
        if dash is None:
            continue
        start = dash.end()
        for sep in re.finditer(r"[,?!]", ctx.view[start:be]):
            end = start + sep.end() if sep.group() in "?!" else start + sep.start()
            att = _after(ctx, start + sep.start() if sep.group() == "," else end, cue_only=True)
            if not att.ok or att.how != "after" or att.phrase is None:
                continue
            s, e = trim_marks(ctx.view, start, end)
            if e > s:
                out.append(QuoteSpan(s, e, True, att))
            # the rest of the turn: what follows the sentence that holds the attribution ("…, she said. We will …")
            tail = re.search(r"[.!?]\s+(?=\S)", mask_abbreviations(ctx.cues, ctx.view[att.phrase[1]:be]))
            if tail is not None:
                s2, e2 = trim_marks(ctx.view, att.phrase[1] + tail.end(), be)
                if n_words(ctx.view[s2:e2]) >= MIN_QUOTE_WORDS - 1:
                    out.append(QuoteSpan(s2, e2, True, Attribution(True, att.speaker, att.phrase, "continue")))
            break
    return out


@functools.lru_cache(maxsize=8)
def _trailing_pattern(forms_re: str) -> re.Pattern[str]:
    """The trailing attribution's pattern for one set of cue verb forms, compiled once (each document asked for it,
    and re's own cache of 512 patterns is crowded out by the run's other patterns)."""
    # a short time or setting may follow the cue: "…, a doctor there said on Monday."
    return re.compile(r"(?P<sep>(?:^|[,\s])\s*[–—-]+|,)\s*(?P<np>[^\W\d_][^,.;:!?()\"“”«»\n]{0,80}?)\s+"
                      + forms_re
                      + r"(?:\s+(?:on|in|at|late|early|last|this|during)\s+[\w-]+(?:\s+[\w-]+){0,2})?"
                      # wire copy goes on after the attribution: "…, the agency said, leaving aid groups to …",
                      # "…, the ministry said, as fighting keeps …"
                      + r"(?:\s*[.!]?\s*$|,\s+(?:as|while|after|amid|leaving|adding|citing|with|but|although)\s)",
                      flags=re.I)


def _trailing_quotes(ctx: SpeakerContext) -> list[QuoteSpan]:
    """``…, – the expert noted.`` / ``…, X believes.`` without quote marks."""
    pat = _trailing_pattern(ctx.cues.forms_re)
    out = []
    for i, (s0, e0, _span, _off) in enumerate(ctx.sents):
        m = pat.search(mask_abbreviations(ctx.cues, ctx.view[s0:e0]))   # "…, Sheriff's Lt. Ann Roe said."
        if not m:
            continue
        phrase = (s0 + m.start("np"), s0 + m.end("np"))
        ok, spk = resolve_phrase(ctx, *phrase)
        if not ok:
            continue
        start, end = s0, s0 + m.start("sep")
        if n_words(ctx.view[start:end]) < MIN_QUOTE_WORDS and i > 0 \
                and "\n" not in ctx.view[ctx.sents[i - 1][0]:s0]:
            start = ctx.sents[i - 1][0]               # "…? – the expert noted." after a question
        # a dateline opening the sentence ("KHARTOUM — Cholera has …") is the writer's, not the source's words
        dateline = re.match(r"[^\W\d_a-z][^\Wa-z\d]*(?:[ .'’-]+[^\W\d_a-z][^\Wa-z\d]*)*(?:,[^\n—–]{0,40})?\s*[—–]\s*",
                            ctx.view[start:end])
        if dateline:
            start += dateline.end()
        start, end = trim_marks(ctx.view, start, end)
        if n_words(ctx.view[start:end]) >= MIN_QUOTE_WORDS:
            # "…, – the expert noted." reproduces words; "…, X believes." reports them
            out.append(QuoteSpan(start, end, bool(re.search(r"[–—-]", m.group("sep"))),
                                 Attribution(True, spk, phrase, "trailing")))
    return out


def _indirect_quotes(ctx: SpeakerContext) -> list[QuoteSpan]:
    """Cue verb + clause complement, and ``according to X``."""
    out = []
    for s0, _e0, span, off in ctx.sents:
        sdoc, toks = span.doc, ctx.tokens(span.doc)
        lower = toks.lower
        for i in range(span.start, span.end):
            # only cue verbs and "according to" are read: the attribute lists pick them out
            if cue_at(ctx, toks, sdoc, i):
                tok = sdoc[i]
                # the complement after the verb ("X said that …"); a left one is "…, X said"
                comp = [c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i] \
                    or [c for c in tok.children if c.dep_ == "ccomp"] or _statement_clause(tok)
                if not comp:
                    continue
                att = speaker_of_verb(ctx, tok, off, "indirect")
                if not att.ok:
                    continue
                subj = cue_subject(tok) if toks.lemma[i] in ctx.cues.address_verbs else None
                if att.speaker is None and subj is not None and not can_speak(ctx, subj, off):
                    continue                          # "Every day of delay tells X that …": no one speaks
                for first, last in _clause_parts(comp[0]):
                    s = token_start(first, off)
                    e = token_start(last, off) + len(last.text)
                    s, e = trim_marks(ctx.view, s, e)
                    # a short clause with its own subject is reported speech too ("said he would appeal")
                    least = MIN_CLAUSE_WORDS if any(d.dep_ in ("nsubj", "nsubjpass") for d in comp[0].children) \
                        else MIN_QUOTE_WORDS
                    if n_words(ctx.view[s:e]) >= least:
                        out.append(QuoteSpan(s, e, False, att))
            elif lower[i] == "according" and i + 1 < len(lower) and lower[i + 1] == "to":
                tok, to = sdoc[i], sdoc[i + 1]
                objs = [c for c in to.children if c.dep_ == "pobj"]
                if not objs:
                    continue
                ps = token_start(objs[0].left_edge, off)
                pe = token_start(objs[0].right_edge, off) + len(objs[0].right_edge.text)
                # "according to X, an economist at Y, ...": the name before the appositive speaks
                comma = ctx.view.find(",", ps, pe)
                phrase = (ps, comma if comma > ps else pe)
                ok, spk = resolve_phrase(ctx, *phrase)
                owner = _figures_owner(ctx, phrase)
                if not ok and owner is not None:
                    # "according to figures from the Statistics Office", the parse hanging "from …" elsewhere
                    pe = owner.end
                    phrase = (ps, pe)
                    ok, spk = True, owner.entity
                sent_s, sent_e = s0, off + span.end_char
                a = token_start(tok, off)
                s, e = (pe, sent_e) if a - sent_s < sent_e - pe else (sent_s, a)
                s, e = trim_marks(ctx.view, s, e)
                while s < e and ctx.view[s] in PUNCT_EDGE:   # the comma after "according to X"
                    s += 1
                if ok and n_words(ctx.view[s:e]) >= MIN_QUOTE_WORDS:
                    out.append(QuoteSpan(s, e, False, Attribution(True, spk, phrase, "according")))
    return out


def _clause_parts(clause: Token) -> list[tuple[Token, Token]]:
    """The first and last tokens of each reported clause in a cue verb's complement. A second clause joined by
    "and that" ("said the decision was “a joke” and that the players had been told …") is a statement of its own,
    as the annotation has it; without "that" the conjunction may join two verbs of one clause, which stays whole."""
    joined = [c for c in clause.children if c.dep_ == "conj" and c.i > clause.i
              and any(d.dep_ == "mark" and d.lower_ == "that" for d in c.children)]
    if not joined:
        return [(clause.left_edge, clause.right_edge)]
    doc = clause.doc
    starts = [clause.left_edge.i] + [c.left_edge.i for c in joined]
    ends = [c.left_edge.i - 1 for c in joined] + [clause.right_edge.i]
    parts = []
    for a, b in zip(starts, ends):
        while b > a and doc[b].dep_ in ("cc", "punct"):
            b -= 1                                    # the "and" and the comma before the next clause
        parts.append((doc[a], doc[b]))
    return parts


def _wraps_partials(view: str, a: tuple[int, int], q: QuoteSpan, kept: list[QuoteSpan]) -> bool:
    """An indirect clause whose only overlap with the quotes kept is marked quotes wholly inside it (the partial
    quotes of "said the audit was “long overdue”"): both are kept, as the annotation counts both, and the clause
    keeps words of its own outside the marks."""
    inside = [k for k in kept if min(a[1], k.end) > max(a[0], k.start)]
    if q.direct or not inside or not all(k.direct and a[0] <= k.start and k.end <= a[1] for k in inside):
        return False
    own, at = [], a[0]
    for k in sorted(inside, key=lambda k: k.start):
        own.append(view[at:k.start])
        at = k.end
    own.append(view[at:a[1]])
    return n_words(" ".join(own)) >= MIN_CLAUSE_WORDS


def _statement_clause(verb: Token) -> list[Token]:
    """The "that" clause the parser hung on the noun of "said in a statement that …" / "said in a post that …"
    instead of on the verb."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i > verb.i):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            for clause in obj.children:
                if clause.dep_ in ("acl", "relcl", "ccomp") and clause.i > obj.i and \
                        any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
                    return [clause]
    return []


def _previous_subject(ctx: SpeakerContext, start: int, blocks: list[tuple[int, int]]) -> Attribution:
    """A quoted sentence with no cue right after a sentence of the same paragraph whose subject is a person
    ("Efraín laughed. “…”", "The principal is unapologetic. “…”"): the subject of that sentence speaks. The
    sentence before must hold no quote of its own."""
    bs = next((b for b, be in blocks if b <= start <= be), None)
    before = [x for x in ctx.sents if x[1] <= start and bs is not None and x[0] >= bs]
    if not before or ctx.view[before[-1][1]:start].strip(' "“„«‘\'') != "":
        return Attribution(False)
    s0, e0, span, off = before[-1]
    if any(s0 <= a < e0 for a, _ in ctx.quoted) or re.search(r"[\"“”«»]", ctx.view[s0:e0]):
        return Attribution(False)
    root = span.root
    if root.pos_ not in ("VERB", "AUX"):
        return Attribution(False)
    found = speaker_of_verb(ctx, root, off, "prev_subject")
    if not found.ok or found.phrase is None:
        return Attribution(False)
    phrase = ctx.view[found.phrase[0]:found.phrase[1]].strip().lower()
    if found.speaker is None and phrase in ("it", "this", "that", "there"):
        return Attribution(False)
    return found


def _figures_owner(ctx: SpeakerContext, phrase: tuple[int, int]) -> Mention | None:
    """The organisation right after a phrase of figures ("data", "estimates") joined by from/of/by."""
    words = re.findall(r"[^\W\d_]+", ctx.view[phrase[0]:phrase[1]].lower())
    if not words or words[-1] not in ctx.cues.source_nouns:
        return None
    link = re.match(r"\s+(?:from|of|by|at)\s+(?:the\s+)?", ctx.view[phrase[1]:phrase[1] + 12])
    if link is None:
        return None
    at = phrase[1] + link.end()
    return next((m for m in ctx.mentions if m.start == at and m.entity and m.type in SPEAKER_TYPES), None)


#: a quote inside a quote: single marks, the opener not after a letter ("Nana's") and the closer not before one
#: ("isn't"); the outer quote's own double marks are already trimmed off its span
_INNER_QUOTE = re.compile(r"(?<![\w’'])[‘'](?=[^\W_]|[¿¡])(?P<q>[^‘’\n]*?[^\s‘’])[’'](?![\w’'])")
#: a quote in double marks inside a transcript's answer ("Q: … / VEGA: One of the veterans said, “Skip, …”"): the
#: answer's own marks are the label's, so its inner quotes take the double ones
_INNER_DOUBLE_QUOTE = re.compile(r"[“\"](?=[^\W_]|[¿¡])(?P<q>[^“”\"\n]*?[^\s“”\"])[”\"]")
#: how far back from an inner quote's mark its cue verb may stand ("he told me, ‘…", "she kept shouting: ‘…")
INNER_CUE_TOKENS = 4


def _inner_speaker(ctx: SpeakerContext, outer: QuoteSpan, start: int, outer_speaker: str | None = None,
                   outer_spans: tuple[tuple[int, int], ...] = ()) -> Attribution | None:
    """The speaker of a quote inside the quote ``outer`` whose mark opens at ``start``: the subject of the cue verb
    just before the mark inside the outer quote ("They told us, ‘…’", "My attending told me, ‘…’"). None when no
    cue introduces it (a scare quote or a title inside speech stays part of the outer quote). "I" or "we" is the
    outer speaker (``how="nested_self"``); "he"/"she" the nearest person of that gender before it in the outer
    quote or the sentences just before it, named or described ("the minister phoned him. “He said, ‘…’”"), other
    than the outer speaker (``outer_speaker``, its mentions and phrase ``outer_spans``), else the last person of
    that gender the text named; "they" the nearest body or people there ("the dam company came. “They told us,
    ‘…’”"), else no one; a described subject ("My teacher") a described person of its own."""
    sent = ctx.sentence_at(start)
    if sent is None:
        return None
    _s0, _e0, span, off = sent
    before = [t for t in span if off + t.idx + len(t.text) <= start and off + t.idx >= outer.start]
    if not before or before[-1].text not in (",", ":"):
        return None
    verb = next((t for t in reversed(before[-1 - INNER_CUE_TOKENS:-1])
                 if t.pos_ in ("VERB", "AUX") and t.lemma_ in ctx.cues.lemmas), None)
    if verb is None:
        return None
    subj = cue_subject(verb)
    if subj is None or not (outer.start <= off + subj.idx < start):
        return Attribution(True, None, None, "nested")
    word = subj.lower_
    if word in ("i", "we"):
        return Attribution(True, None, None, "nested_self")
    at = off + subj.idx
    if word in ("he", "she", "they"):
        gender = {"he": "m", "she": "f"}.get(word, "p")
        outer_speaker = outer_speaker or outer.speaker
        near = inner_antecedent(ctx, outer.start, at, gender, list(outer_spans), outer_speaker)
        if near is not None:
            return Attribution(True, near[2], near[:2], "nested")
        if gender == "p":
            return Attribution(True, None, None, "nested")
        genders = ctx.genders()
        for m in sorted(ctx.mentions, key=lambda m: -m.start):
            if m.start < at and m.entity is not None and m.entity != outer_speaker \
                    and (m.type == "PERSON" or has_given_name(m.text)) and genders.get(m.entity, gender) == gender:
                return Attribution(True, m.entity, (m.start, m.end), "nested")
        return Attribution(True, None, None, "nested")
    if word in ctx.cues.pronouns or word in ("you", "someone", "somebody", "everyone", "everybody", "people"):
        return Attribution(True, None, None, "nested")
    att = speaker_of_verb(ctx, verb, off, "nested")
    if not att.ok and subj.pos_ == "NOUN" and can_speak(ctx, subj, off):
        # "my landlord said, ‘…’": a person the speaker describes, named nowhere else
        att = Attribution(True, None, (token_start(subj.left_edge, off), at + len(subj.text)), "nested")
    if not att.ok or att.phrase is None or not (outer.start <= att.phrase[0] < start):
        return Attribution(True, None, None, "nested")
    return att


def _nested_quotes(ctx: SpeakerContext, kept: list[QuoteSpan], speakers: list[str | None],
                   mentions: list[Mention]) -> list[tuple[QuoteSpan, int]]:
    """Quotes inside direct quotes that a cue inside the outer quote introduces, each with the index of its outer
    quote in ``kept``: "He said, ‘If it isn't written down, it didn't happen.’" holds the words of the "he".
    ``speakers``: the outer quotes' settled speakers; ``mentions``: every mention, a described speaker's too."""
    out: list[tuple[QuoteSpan, int]] = []
    for k, q in enumerate(kept):
        if not q.direct:
            continue
        spk = speakers[k]
        spans = tuple((m.start, m.end) for m in mentions if spk is not None and m.entity == spk)
        if q.attribution.phrase is not None:
            spans += (q.attribution.phrase,)
        # an answer's inner quotes take double marks where the text's own quotes do, single ones where the text
        # keeps its double marks for other quotes (a lede's “…” beside "OKAFOR: My father told me, ‘…’")
        marks = (_INNER_QUOTE, _INNER_DOUBLE_QUOTE) if q.attribution.how == "label" else (_INNER_QUOTE,)
        found = sorted((m for inner in marks for m in inner.finditer(ctx.view, q.start, q.end)),
                       key=lambda m: m.start())
        for m in found:
            s, e = trim_marks(ctx.view, m.start("q"), m.end("q"))
            if e <= s:
                continue
            att = _inner_speaker(ctx, q, m.start(), spk, spans)
            if att is not None:
                out.append((QuoteSpan(s, e, True, att), k))
    return out


def _overlaps(a: tuple[int, int], kept: list[QuoteSpan]) -> bool:
    for q in kept:
        s, e = q.start, q.end
        inter = min(a[1], e) - max(a[0], s)
        if inter > 0.3 * min(a[1] - a[0], e - s):
            return True
    return False


@dataclass
class QuoteResult:
    """Quotes of one document, and the mentions and entities with the speakers they introduce."""
    quotes: list[Quote]
    mentions: list[Mention]
    entities: list[Entity]


#: a preposition of place right before a place's mention ("the government in ", "officials from ")
_PLACE_PREP = re.compile(r"\s+(?:in|at|from|near|outside)\s+(?:the\s+)?\Z", re.I)


def _before_place(view: str, span: tuple[int, int], mentions: list[Mention]) -> tuple[int, int]:
    """A described speaker's words up to a place the document names inside them ("The government in Bogotá" is
    "The government"): the place is a mention of its own, not a word of the description."""
    s, e = span
    for m in mentions:
        if s < m.start and m.end <= e and m.type in ("GPE", "LOC"):
            prep = _PLACE_PREP.search(view, s, m.start)
            if prep and prep.start() > s:
                return s, prep.start()
    return span


def _description_span(view: str, phrase: tuple[int, int]) -> tuple[int, int]:
    """Where a described speaker's words are: the phrase without marks, up to a comma ("a senior
    official, who asked not to be named" is "a senior official")."""
    s, e = trim_marks(view, *phrase)
    handle = HANDLE_RE.search(view, s, e)
    if handle is not None:
        return handle.span()                          # "Another user, @kettlecorn88,": the account speaks
    comma = view.find(",", s, e)
    s, e = trim_marks(view, s, comma) if comma > s else (s, e)
    # "the central bank's figures" is the central bank
    owner = re.search(r"[’']s\s+[^\W\d_]+$", view[s:e])
    if owner and view[s:e].rsplit(None, 1)[-1].lower() in load_cues().source_nouns:
        e = s + owner.start()
    return s, e


def _described(doc: Document, view: str, span: tuple[int, int], n: int, kind: str,
               named: bool = False) -> tuple[Entity, Mention]:
    """A speaker known only by a description ("a senior official"): an actor of this document alone.
    ``named``: the words are a person's name the actor stage missed ("Mr Ibáñez" as ``Ibáñez``)."""
    s, e = span
    text = view[s:e]
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    if named:
        return Entity(id=f"{doc.id}/s{n}", name=text, type="PERSON"), Mention(doc.id, s, e, text, "PERSON",
                                                                             f"{doc.id}/s{n}")
    ent = Entity(id=f"{doc.id}/s{n}", name=text, type=kind,
                 role=words[-1].lower() if words and kind == "PERSON" else None, generic=True)
    return ent, Mention(doc.id, s, e, text, kind, ent.id)


def find_quotes(doc: Document, parsed: Parsed, mentions: list[Mention], entities: list[Entity],
                settings: Settings, rank: SpeakerRanker | None = None) -> QuoteResult:
    """Direct and indirect quotes of ``doc``, each with its speaker (a local entity id) or None.

    Args:
        doc: the cleaned document (blocks set).
        parsed: its spaCy parse (``storyline.nlp.pipeline.parse``).
        mentions: name mentions with raw offsets and resolved ``entity`` ids.
        entities: the document's local entities.
        settings: run settings (unused for now; kept for a uniform stage signature).
        rank: a speaker chooser (``storyline.extract.speaker_model``) given the context and the
            quotes found; None keeps the speakers the attribution rules found. It may answer
            ``DESCRIBED``: the quote's speaker phrase becomes a described person of this document.

    Returns:
        Quotes in text order, ids ``f"{doc.id}/q{n}"``; start/end are raw offsets of the content;
        the mentions and entities with any described speakers added.
    """
    del settings
    view = single_marks_as_double(doc.body_view())
    sents = []
    for off, sent in parsed.spacy_sentences():
        sents.append((off + sent.start_char, off + sent.end_char, sent, off))
    given_mentions = mentions
    mentions = sorted(mentions, key=lambda m: m.start)
    ctx = SpeakerContext(doc, view, load_cues(), mentions, {e.id: e for e in entities}, sents, [],
               speaker_descriptors(view, mentions, sents, parsed.tokens), parsed.tokens)
    blocks = sorted((b.start, b.end) for b in doc.blocks) or [(0, len(view))]
    kept: list[QuoteSpan] = []
    for found in (_transcript_quotes(ctx, blocks), _marked_quotes(ctx, blocks), _dialogue_quotes(ctx, blocks),
                  _trailing_quotes(ctx), _indirect_quotes(ctx), _headline_quotes(ctx, blocks)):
        for q in found:
            if not _overlaps((q.start, q.end), kept) or _wraps_partials(view, (q.start, q.end), q, kept):
                kept.append(q)
    kept.sort(key=lambda q: (q.start, q.end))
    if rank is not None:
        # people the tagger missed in a speech verb's subject slot: the ranker's candidates, kept if it picks them
        add_untagged(ctx, doc.id)
    speakers = [q.speaker for q in kept] if rank is None else rank(ctx, kept)
    head = _headline_block(ctx, blocks)
    if head is not None:
        speakers = [_headline_speaker(ctx, q, kept, speakers, head, spk if rank is not None else False)
                    if q.attribution.how == "headline" else spk for q, spk in zip(kept, speakers)]
    added_entities: list[Entity] = []
    added_mentions: list[Mention] = []
    described: dict[str, str] = {}
    quotes = []
    def settle(q: QuoteSpan, spk: str | None, n: int) -> str | None:
        """The entity a ranker's answer names, a described speaker made a person of this document."""
        phrase = q.attribution.phrase
        if spk == ANTECEDENT:
            phrase = antecedent_phrase(ctx, q, layout_of(ctx))
            spk = DESCRIBED
        if spk == DESCRIBED and phrase:
            span = _before_place(view, _description_span(view, phrase), ctx.mentions)
            name = speaker_name(ctx, *span)
            if name is not None:
                # "Mr Ibáñez", "Vollmer himself", "coach Emeka Nwachukwu": a named person, not a description
                span = name[:2]
            key = view[span[0]:span[1]].casefold()
            if name is not None and name[2] is not None:
                spk = name[2]
                if not any(m.entity == spk and m.start < span[1] and span[0] < m.end
                           for m in ctx.mentions + added_mentions):
                    added_mentions.append(Mention(doc.id, span[0], span[1], view[span[0]:span[1]],
                                                  ctx.entities[spk].type, spk))
            else:
                if key not in described:              # the same words describe the same speaker
                    ent, mention = _described(doc, view, span, n,
                                              "PERSON" if name is not None else described_type(ctx, phrase),
                                              named=name is not None)
                    added_entities.append(ent)
                    added_mentions.append(mention)
                    ctx.entities[ent.id] = ent
                    described[key] = ent.id
                spk = described[key]
        elif spk == DESCRIBED:
            spk = None
        return spk

    previous: str | None = None
    settled: list[str | None] = []
    for n, (q, spk) in enumerate(zip(kept, speakers), 1):
        if spk == PREVIOUS_DESCRIBED:
            spk = previous if previous in described.values() else None
        spk = settle(q, spk, n)
        settled.append(spk)
        previous = spk
        if q.attribution.how == "label" and spk and spk in ctx.entities and q.attribution.phrase:
            # the label names the speaker ("MS. HARLOW:"): it is a mention of the person
            ls, le = q.attribution.phrase
            if not any(m.entity == spk and m.start < le and ls < m.end for m in ctx.mentions + added_mentions):
                ent = ctx.entities[spk]
                added_mentions.append(Mention(doc.id, ls, le, view[ls:le], ent.type, spk))
        s, e = q.start, q.end
        quotes.append(Quote(id=f"{doc.id}/q{n}", doc=doc.id, speaker=spk, text=view[s:e], start=s, end=e,
                            direct=q.direct, doubtful=q.direct and _doubtful(ctx, spk, s, e)))
    # a quote inside a quote is its own speaker's ("They told us, ‘…’"): read after the outer speakers are settled,
    # numbered after them, and kept in text order
    for n, (q, k) in enumerate(_nested_quotes(ctx, kept, settled, ctx.mentions + added_mentions), len(kept) + 1):
        att = q.attribution
        spk = settled[k] if att.how == "nested_self" else att.speaker if att.speaker else \
            settle(q, DESCRIBED, n) if att.phrase else None
        s, e = q.start, q.end
        quotes.append(Quote(id=f"{doc.id}/q{n}", doc=doc.id, speaker=spk, text=view[s:e], start=s, end=e,
                            direct=True, doubtful=_doubtful(ctx, spk, s, e)))
    quotes.sort(key=lambda x: (x.start, -x.end))
    LOGGER.debug("%s: %d quotes", doc.id, len(quotes))
    untagged = sorted({q.speaker for q in quotes if q.speaker in ctx.untagged})
    if untagged:
        added_entities += [ctx.entities[u] for u in untagged]
        added_mentions += [m for m in ctx.mentions if m.entity in untagged]
    if not added_mentions:
        return QuoteResult(quotes, given_mentions, entities)
    return QuoteResult(quotes, sorted(given_mentions + added_mentions, key=lambda m: (m.start, m.end)),
                       entities + added_entities)


def extract_quotes(doc: Document, parsed: Parsed, mentions: list[Mention], entities: list[Entity],
                   settings: Settings) -> list[Quote]:
    """The quotes of ``doc`` with the speakers the attribution rules find (``find_quotes``)."""
    return find_quotes(doc, parsed, mentions, entities, settings).quotes
