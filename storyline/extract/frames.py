"""Argument cues of the event lexicon and the speech frames they drive ("X said:", a leader's stance)."""
from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.data import load
from storyline.extract.actors import SUBJECT_DEPS, Actors, entity_of, first_child
from storyline.model import Entity
from storyline.nlp.tokens import BlockTokens, read_tokens

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

LOGGER = logging.getLogger(__name__)

#: paragraphs after a "...:" line that may still be the introduced speaker's points (a list of
#: a speech's main points runs to a handful of paragraphs; narration resumes after it)
MAX_FRAMED_BLOCKS = 8


@dataclass(frozen=True)
class ArgumentCues:
    """Word lists of the ``arguments`` section of the event lexicon (see ``events.yaml``)."""
    causal_aid_nouns: frozenset[str]
    naming_verbs: frozenset[str]
    speech_nouns: frozenset[str]
    stance_verbs: frozenset[str]
    leader_titles: tuple[str, ...]
    located_types: frozenset[str]
    crowd_nouns: frozenset[str] = frozenset()
    crowd_suffixes: tuple[str, ...] = ()
    institution_nouns: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=8)
def load_argument_cues(extra_paths: tuple[str, ...] = ()) -> ArgumentCues:
    """The ``arguments`` section of the shipped event lexicon, extended by user lexicon files."""
    # user files extend each list (the data layer's overlay rule)
    data = {key: [str(w).lower() for w in words or []]
            for key, words in (load("events", extra_paths).get("arguments") or {}).items()}

    def words(key: str) -> frozenset[str]:
        return frozenset(data.get(key, []))

    return ArgumentCues(causal_aid_nouns=words("causal_aid_nouns"), naming_verbs=words("naming_verbs"),
                        speech_nouns=words("speech_nouns"), stance_verbs=words("stance_verbs"),
                        leader_titles=tuple(sorted(data.get("leader_titles", []), key=len, reverse=True)),
                        located_types=frozenset(w.upper() for w in data.get("located_types", [])),
                        crowd_nouns=words("crowd_nouns"), crowd_suffixes=tuple(data.get("crowd_suffixes", [])),
                        institution_nouns=words("institution_nouns"))


def _frame_speaker(sent, actors: Actors, cues: ArgumentCues, reporting: frozenset[str]) -> str | None:
    """The actor a "...:" sentence introduces as speaker ("the main points of X's speech were:", "X said:")."""
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "NOUN" and lemma in cues.speech_nouns:
            for c in tok.children:
                holder = c if c.dep_ == "poss" else (first_child(c, ("pobj",)) if c.dep_ == "prep"
                                                     and c.lower_ in ("of", "by") else None)
                ent = entity_of(holder, actors, allow_pronoun=False)
                if ent:
                    return ent
        elif tok.pos_ == "VERB" and lemma in reporting:
            ent = entity_of(first_child(tok, SUBJECT_DEPS), actors, allow_pronoun=False)
            if ent:
                return ent
    return None


def framed_speakers(blocks: list[tuple[int, Doc]], actors: Actors, cues: ArgumentCues,
                    reporting: frozenset[str],
                    tokens: Callable[[Doc], BlockTokens] = read_tokens) -> dict[int, str]:
    """id(block parse) -> the speaker whose statement a preceding "...:" paragraph introduces.

    The frame runs over the following paragraphs until one ends with a colon itself, or names
    the speaker again (the narrator speaking about the speaker), or ``MAX_FRAMED_BLOCKS``.
    ``tokens`` gives a block parse's token attributes (``Parsed.tokens`` reads them once).
    """
    out: dict[int, str] = {}
    for n, (_, sdoc) in enumerate(blocks):
        # most paragraphs end otherwise: test the text before building sentence spans
        if not tokens(sdoc).text.rstrip().endswith(":"):
            continue
        sents = list(sdoc.sents)
        if not sents:
            continue
        speaker = _frame_speaker(sents[-1], actors, cues, reporting)
        if speaker is None:
            continue
        for _, nxt in blocks[n + 1:n + 1 + MAX_FRAMED_BLOCKS]:
            toks = tokens(nxt)
            if toks.text.rstrip().endswith(":") or any(
                    actors.at(nxt[i]) == speaker for i, pos in enumerate(toks.pos) if pos == "PROPN"):
                break
            out[id(nxt)] = speaker
    return out


def leads(person: Entity, cues: ArgumentCues) -> bool:
    """The person's resolved role is the leadership of a country ("President of X", "Prime Minister")."""
    role = (person.role or "").lower()
    return person.type == "PERSON" and bool(person.country) and role.startswith(cues.leader_titles)


def stance_source(pred: Token, source: str | None, speaker: str | None, entities: dict[str, Entity],
                  cues: ArgumentCues) -> str | None:
    """A leader stating his own country's stance performs it: "X noted that <X's country> does not recognise ..." -> X.

    Only stance verbs (recognise, support, condemn ...): what the country *does* stays the
    country's ("X said that <country> raised its defence budget").
    """
    if speaker is None or source is None or pred.lemma_.lower() not in cues.stance_verbs:
        return source
    sp, src = entities.get(speaker), entities.get(source)
    if sp and src and src.type == "GPE" and leads(sp, cues) and sp.country == src.country:
        return speaker
    return source
