"""Token attributes of one parsed block, read once into plain lists.

Every ``Token`` a stage touches is a new Python object built by spaCy on access, and every
``tok.pos_`` a string-store lookup; stages that scan whole sentences for a few cue words spent
most of their time on that. ``BlockTokens`` reads the attributes of all tokens of a block in one
``Doc.to_array`` call, so a scan only builds ``Token`` objects for the tokens it keeps.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc


@dataclass(frozen=True)
class BlockTokens:
    """Per-token attributes of one spaCy ``Doc`` (index ``i`` is ``doc[i]``)."""
    #: the block's text (``doc.text``)
    text: str
    #: ``tok.idx``: character offset in the block
    idx: list[int]
    #: ``tok.idx + len(tok.text)``
    end: list[int]
    pos: list[str]
    tag: list[str]
    dep: list[str]
    #: ``tok.lemma_.lower()``
    lemma: list[str]
    #: ``tok.lower_``
    lower: list[str]

    def __len__(self) -> int:
        return len(self.idx)


def read_tokens(sdoc: Doc, names: dict[int, str] | None = None) -> BlockTokens:
    """The attributes of every token of ``sdoc``, read in one pass.

    ``names`` maps string-store hashes to their strings and is filled as blocks are read: a
    caller reading many blocks (``Parsed``, one batch of documents) passes one map to all of them,
    saving a lookup (which decodes a new string) for every common word of every block. A hash is a
    fixed function of its string in every spaCy vocab, so the map never goes stale.
    """
    from spacy.attrs import DEP, IDX, LEMMA, LOWER, ORTH, POS, SPACY, TAG

    rows = sdoc.to_array([IDX, SPACY, ORTH, POS, TAG, DEP, LEMMA, LOWER])
    idx, spacy, *hashed = rows.T.tolist() if len(rows) else ([],) * 8
    strings = sdoc.vocab.strings
    names = {} if names is None else names
    for h in set().union(*hashed).difference(names):
        names[h] = strings[h]
    orth, pos, tag, dep, lemma, lower = (list(map(names.__getitem__, col)) for col in hashed)
    lowered = {w: w.lower() for w in set(lemma)}
    # ``Doc.text`` joins ``text_with_ws`` over new Token objects; the same join over the lists
    text = "".join([w + " " if ws else w for w, ws in zip(orth, spacy)])
    return BlockTokens(text=text, idx=idx, end=[i + len(w) for i, w in zip(idx, orth)], pos=pos, tag=tag,
                       dep=dep, lemma=list(map(lowered.__getitem__, lemma)), lower=lower)
