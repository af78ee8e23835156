"""Quotes in Russian, Ukrainian and Spanish: quoted speech and reported speech with their speakers.

The English quote finder reads a parse; these languages have no parser here, so a quote is found by its marks
and its words, all data (``data/quote_languages.yaml``):

- dialogue: a paragraph opened by a dash, up to the dash before its speech verb ("— ..., — сказал Веснин. — ...",
  "—... —dijo Beltrán—. ...");
- direct: a span between quote marks (« » „ “ " ”, ``quote_marks.marked_spans``) of at least ``MIN_WORDS`` words,
  with a speech verb of the language in the same sentence, after it ("«...», — сказал Веснин", "«...», dijo
  Beltrán") or before it ("Веснин заявил: «...»"); a quoted span with no speech verb is a title or a name
  («Война и мир»), not a quote;
- reported: "по словам X, ...", "за словами X, ...", "según X, ..." (the speaker after the phrase), and a speech
  verb followed by its complementiser ("X заявил, что ...", "X afirmó que ...").

The speaker is the named actor nearest the speech verb on its side of the quote (a person before an organisation
or a place); a third-person pronoun beside the verb ("она добавила", "ella dijo") stands for the last person named
before it in the document. No speaker is guessed otherwise: the quote is kept with ``speaker=None``.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from storyline.data import load
from storyline.extract.quote_marks import marked_spans, n_words, trim_marks
from storyline.model import Document, Mention, Quote, Sentence

__all__ = ["MIN_WORDS", "QuoteCues", "extract_language_quotes", "load_quote_cues"]

#: a quoted span shorter than this is a name or a scare quote («Газпром», «зеленый коридор»), not speech
MIN_WORDS = 3
#: how far (characters) from a direct quote its speech verb may stand, on either side, within its sentence
CUE_WINDOW = 120
#: entity types that can speak, best first: a person, then a body, then a state
SPEAKER_TYPES = ("PERSON", "ORG", "GPE", "NORP")
_WORD = re.compile(r"\w[\w'’-]*", re.UNICODE)


@dataclass(frozen=True)
class QuoteCues:
    """The speech words of one language (lower case)."""

    speech_verbs: tuple[str, ...]
    according_to: tuple[str, ...]
    complementisers: tuple[str, ...]
    pronouns: tuple[str, ...]


@functools.lru_cache(maxsize=8)
def load_quote_cues(lang: str) -> QuoteCues | None:
    """The cues of ``lang`` from ``data/quote_languages.yaml``; None for a language it does not list."""
    entry = load("quote_languages")["languages"].get(lang)
    if not entry:
        return None

    def words(key: str) -> tuple[str, ...]:
        return tuple(w.lower() for w in entry.get(key) or ())

    return QuoteCues(words("speech_verbs"), words("according_to"), words("complementisers"), words("pronouns"))


def _words(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    return [(m.group().lower(), offset + m.start(), offset + m.end()) for m in _WORD.finditer(text)]


def _hits(stems: tuple[str, ...], words: list[tuple[str, int, int]], exact: bool = False) -> list[tuple[int, int]]:
    """(start, end) where a stem (a word prefix, or words whose last is a prefix) matches the words."""
    out = []
    for stem in stems:
        parts = stem.split()
        for i in range(len(words) - len(parts) + 1):
            last = words[i + len(parts) - 1][0]
            if all(words[i + k][0] == p for k, p in enumerate(parts[:-1])) and \
                    (last == parts[-1] if exact else last.startswith(parts[-1])):
                out.append((words[i][1], words[i + len(parts) - 1][2]))
    return sorted(set(out))


class _Speakers:
    """The document's actor mentions, for the nearest-name and pronoun rules."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = sorted((m for m in mentions if m.entity and m.type in SPEAKER_TYPES),
                               key=lambda m: m.start)

    def nearest(self, at: int, lo: int, hi: int, skip: tuple[int, int] | None = None) -> str | None:
        """The entity of the speaker-like mention inside [lo, hi) nearest ``at`` (outside ``skip``, the quote);
        a person wins over a body or a state at any distance."""
        inside = [m for m in self.mentions if lo <= m.start and m.end <= hi
                  and not (skip and skip[0] <= m.start < skip[1])]
        for kind in SPEAKER_TYPES:
            found = [m for m in inside if m.type == kind]
            if found:
                best = min(found, key=lambda m: min(abs(m.start - at), abs(m.end - at)))
                return best.entity
        return None

    def is_person(self, entity: str) -> bool:
        """Whether ``entity`` is named as a person somewhere: a person wins over a body or a state."""
        return any(m.entity == entity and m.type == "PERSON" for m in self.mentions)

    def named_in(self, view: str, lo: int, hi: int) -> str | None:
        """A person named earlier whose name a capitalised word of view[lo:hi] repeats in another form or a short
        one the tagger did not mark ("— уточнил Артюх-Бан", "—precisó García Espada")."""
        for word in _WORD.finditer(view, lo, hi):
            w = word.group()
            if len(w) < 3 or not w[:1].isupper():
                continue
            key = w.lower()[:max(3, len(w) - 2)]
            for m in reversed([m for m in self.mentions if m.type == "PERSON" and m.start < lo]):
                if any(part.lower().startswith(key) and abs(len(part) - len(w)) <= 3
                       for part in _WORD.findall(m.text)):
                    return m.entity
        return None

    def last_body(self, before: int) -> str | None:
        """The organisation named last before ``before``: who "сообщили в компании", "señalaron desde la empresa"
        stands for when no name stands by the verb."""
        bodies = [m for m in self.mentions if m.type == "ORG" and m.end <= before]
        return bodies[-1].entity if bodies else None

    def last_person(self, before: int) -> str | None:
        """The person named last before ``before``: whom a third-person pronoun by a speech verb stands for."""
        people = [m for m in self.mentions if m.type == "PERSON" and m.end <= before]
        return people[-1].entity if people else None


def _sentence_at(sentences: list[Sentence], at: int) -> tuple[int, int] | None:
    for s in sentences:
        if s.start <= at < s.end:
            return s.start, s.end
    return None


#: endings of a plural speech verb with no subject of its own ("сообщили в компании", "повідомили в Мінфіні",
#: "señalaron desde la empresa"): the body named last speaks
_PLURAL_VERB_ENDS = ("ли", "ron")


def _fallback_speaker(view: str, lo: int, hi: int, cue: tuple[int, int], speakers: _Speakers) -> str | None:
    """When no mention stands by the speech verb: a person named earlier and repeated here unmarked, else, for a
    plural verb with no name, the organisation named last before it."""
    named = speakers.named_in(view, lo, hi)
    if named is not None:
        return named
    verb = view[cue[0]:cue[1]].lower()
    if verb.endswith(_PLURAL_VERB_ENDS):
        return speakers.last_body(cue[0])
    return None


def _pronoun_speaker(text: str, offset: int, cue: tuple[int, int], cues: QuoteCues, speakers: _Speakers) -> str | None:
    """The last person named before a third-person pronoun that stands right beside the speech verb."""
    words = _words(text, offset)
    idx = next((i for i, w in enumerate(words) if w[1] == cue[0]), None)
    if idx is None:
        return None
    for j in (idx - 1, idx + 1):
        if 0 <= j < len(words) and words[j][0] in cues.pronouns:
            return speakers.last_person(words[j][1])
    return None


def _direct(doc: Document, view: str, sentences: list[Sentence], cues: QuoteCues,
            speakers: _Speakers) -> list[tuple[int, int, str | None]]:
    blocks = [(b.start, b.end) for b in sorted(doc.blocks, key=lambda b: b.start) if b.end > b.start]
    if not blocks:
        blocks = [(0, len(view))]
    out = []
    for start, end, _ in marked_spans(view, blocks):
        s, e = trim_marks(view, start, end)
        if n_words(view[s:e]) < MIN_WORDS:
            continue
        # the words around the quote, up to its sentences' ends and CUE_WINDOW: after it first ("«...», — сказал")
        before_sent = _sentence_at(sentences, max(s - 2, 0))
        after_sent = _sentence_at(sentences, min(e + 1, len(view) - 1))
        lo = max(before_sent[0] if before_sent else s - CUE_WINDOW, s - CUE_WINDOW, 0)
        hi = min(after_sent[1] if after_sent else e + CUE_WINDOW, e + CUE_WINDOW, len(view))
        after = _hits(cues.speech_verbs, _words(view[e:hi], e))
        before = _hits(cues.speech_verbs, _words(view[lo:s], lo))
        if after:
            cue, side = after[0], (e, hi)
        elif before:
            cue, side = before[-1], (lo, s)
        else:
            continue  # a title or a name in quote marks, not speech
        speaker = speakers.nearest(cue[0], side[0], side[1], skip=(s, e))
        if speaker is None:
            speaker = _pronoun_speaker(view[side[0]:side[1]], side[0], cue, cues, speakers)
        if speaker is None:
            speaker = _fallback_speaker(view, side[0], side[1], cue, speakers)
        out.append((s, e, speaker))
    return out


#: a dialogue dash (em or en dash; a hyphen only with a space after it)
_DASH = re.compile(r"[—–]|-(?=\s)")


def _dialogue(view: str, blocks: list[tuple[int, int]], cues: QuoteCues,
              speakers: _Speakers) -> list[tuple[int, int, str | None]]:
    """Direct speech printed as dialogue: a dash that opens a paragraph or follows a sentence's end, the words up to
    the next dash, the attribution with its speech verb (to its sentence's end, or to the dash that closes it in
    Spanish), and the words after a dash right after the attribution, a second part of the same speech ("— Мы не
    уйдём, — сказал Веснин. — Завод будет работать.", "—No cederemos —dijo Beltrán—. Seguiremos."). A dashed
    line whose attribution has no speech verb is a list, a timeline or a route ("Ванино — Холмск")."""
    out = []
    for start, end in blocks:
        dashes = [m.start() for m in _DASH.finditer(view, start, end)]
        i = 0
        while i + 1 < len(dashes):
            at = dashes[i]
            before = view[start:at].rstrip()
            if before and before[-1] not in ".!?…»\"":
                i += 1
                continue  # a dash inside a sentence: no dialogue opens here
            said_lo = dashes[i + 1] + 1
            stop = re.search(r"[.!?…](?=\s|$)", view[said_lo:end])
            said_hi = said_lo + stop.start() if stop else end
            closing = next((d for d in dashes[i + 2:] if d < said_hi), None)  # "—dijo Beltrán—."
            if closing is not None:
                said_hi = closing
            verbs = _hits(cues.speech_verbs, _words(view[said_lo:said_hi], said_lo))
            if not verbs:
                i += 1
                continue
            speaker = speakers.nearest(verbs[0][0], said_lo, said_hi)
            if speaker is None:
                speaker = _pronoun_speaker(view[said_lo:said_hi], said_lo, verbs[0], cues, speakers)
            if speaker is None:
                speaker = _fallback_speaker(view, said_lo, said_hi, verbs[0], speakers)
            parts = [(at + 1, dashes[i + 1])]
            rest = [d for d in dashes[i + 2:] if d >= said_hi]
            nxt = rest[0] if rest else None
            if nxt is not None and not view[said_hi:nxt].strip(" .!?…"):
                after = rest[1:]
                parts.append((nxt + 1, after[0] if after else end))
                i = dashes.index(nxt) + (1 if after else 0)
            else:
                i = dashes.index(nxt) if nxt is not None else len(dashes)
            for q_lo, q_hi in parts:
                q_lo, q_hi = _strip(view, q_lo, q_hi)
                while q_lo < q_hi and view[q_lo] in ".!?":
                    q_lo += 1  # "—. Seguiremos": the period closes the attribution
                q_lo, q_hi = _strip(view, q_lo, q_hi)
                if n_words(view[q_lo:q_hi]) >= MIN_WORDS:
                    out.append((q_lo, q_hi, speaker))
    return out


def _reported(view: str, sent: Sentence, cues: QuoteCues, speakers: _Speakers) -> tuple[int, int, str | None] | None:
    """A reported quote of one sentence: "по словам X, ..." or "X заявил, что ..." (content, speaker)."""
    words = _words(view[sent.start:sent.end], sent.start)
    phrase = _hits(cues.according_to, words, exact=True)
    if phrase:
        p_start, p_end = phrase[0]
        comma = view.find(",", p_end, sent.end)
        # the speaker right after the phrase, before its comma ("по словам Веснина,"), or the person in apposition
        # after that comma ("según el alcalde de Málaga, Javier Ocaña, ..."); the content is the rest of the sentence
        speaker = speakers.nearest(p_end, p_end, comma if comma > 0 else sent.end)
        second = view.find(",", comma + 1, sent.end) if comma > 0 else -1
        if second > 0 and n_words(view[comma + 1:second]) <= 4:
            person = speakers.nearest(comma + 1, comma + 1, second)
            if person is not None and speakers.is_person(person):
                speaker, comma = person, second
        if speaker is not None:
            if comma > 0 and p_start - sent.start <= 2:
                return comma + 1, sent.end, speaker
            # "..., según X." / "El sindicato, según su portavoz X, no firmará": the sentence is what X says
            return sent.start, sent.end, speaker
    for verb in _hits(cues.speech_verbs, words):
        after = [w for w in words if w[1] >= verb[1]][:3]
        comp = next((w for w in after if w[0] in cues.complementisers), None)
        if comp is None:
            continue
        speaker = speakers.nearest(verb[0], sent.start, comp[1])
        if speaker is None:
            speaker = _pronoun_speaker(view[sent.start:sent.end], sent.start, verb, cues, speakers)
        if speaker is None:
            continue  # "сообщается, что ...": nobody says it
        return comp[2], sent.end, speaker
    return None


def extract_language_quotes(doc: Document, sentences: list[Sentence], mentions: list[Mention],
                            lang: str) -> list[Quote]:
    """Direct and reported quotes of one Russian, Ukrainian or Spanish document.

    Args:
        doc: the document (raw text, blocks).
        sentences: its sentences with raw offsets (the language's segmenter).
        mentions: resolved mentions (``entity`` = local entity id).
        lang: the document's language (none of the listed ones: no quotes).

    Returns:
        Quotes with raw offsets of the quoted or reported words and the speaker's local entity id (None when no
        name or pronoun stands by the speech verb), in text order.
    """
    cues = load_quote_cues(lang)
    if cues is None:
        return []
    view = doc.body_view() if doc.blocks else doc.raw  # an uncleaned document: its raw text is its body
    speakers = _Speakers(mentions)
    found = _direct(doc, view, sentences, cues, speakers)
    blocks = [(b.start, b.end) for b in sorted(doc.blocks, key=lambda b: b.start) if b.end > b.start] or \
        [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", view)]
    found += [q for q in _dialogue(view, blocks, cues, speakers)
              if not any(q[0] < e and s < q[1] for s, e, _ in found)]
    direct = len(found)
    for sent in sentences:
        if any(s < sent.end and sent.start < e for s, e, _ in found[:direct]):
            continue  # a sentence with quoted speech is reported once, as that
        reported = _reported(view, sent, cues, speakers)
        if reported is not None:
            found.append(reported)
    quotes = []
    for n, (start, end, speaker) in enumerate(sorted(found, key=lambda q: q[0])):
        s, e = trim_marks(view, start, end)
        s, e = _strip(view, s, e)
        if e <= s:
            continue
        quotes.append(Quote(id=f"{doc.id}/q{n + 1}", doc=doc.id, speaker=speaker, text=doc.raw[s:e], start=s,
                            end=e, direct=any(start == f[0] for f in found[:direct])))
    return quotes


def _strip(view: str, start: int, end: int) -> tuple[int, int]:
    """Past spaces, and a dash or comma left at the edges of reported content."""
    while start < end and (view[start].isspace() or view[start] in ",—–-:"):
        start += 1
    while end > start and (view[end - 1].isspace() or view[end - 1] in ",—–-:"):
        end -= 1
    return start, end
