"""Quotes in Russian, Ukrainian and Spanish: quoted speech and reported speech with their speakers.

The English quote finder reads a parse; these languages have no parser here, so a quote is found by its marks
and its words, all data (``data/quote_languages.yaml``):

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

    def last_person(self, before: int) -> str | None:
        """The person named last before ``before``: whom a third-person pronoun by a speech verb stands for."""
        people = [m for m in self.mentions if m.type == "PERSON" and m.end <= before]
        return people[-1].entity if people else None


def _sentence_at(sentences: list[Sentence], at: int) -> tuple[int, int] | None:
    for s in sentences:
        if s.start <= at < s.end:
            return s.start, s.end
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
        out.append((s, e, speaker))
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
