"""Hand-made spaCy ``Doc``s and ``Parsed`` bodies, so stage tests run without a trained model.

As spaCy's own tests do, a ``Doc`` is built from words, spaces, heads, dependency labels and
entity spans. Here the words come from a small tokenizer over the text (so ``doc.text`` is the
text given) and only the tokens a test cares about get a parse; the rest attach to their
sentence's root with the label ``dep`` and a POS guessed from their shape (punctuation, number,
a closed-class word, else PROPN when capitalised). A token is named by its word, or ``"word#n"``
for its n-th occurrence (from 0).

    sdoc = make_spacy_doc("Ilka Renholt said the dam would hold.",
                          tree={"said": ("VERB", "ROOT", None), "Renholt": ("PROPN", "nsubj", "said"),
                                "Ilka": ("PROPN", "compound", "Renholt")},
                          lemmas={"said": "say"}, ents=[("Ilka Renholt", "PERSON")])
"""
from __future__ import annotations

import re

import spacy
from spacy.tokens import Doc

from storyline.model import Block, Document, Entity, Mention, Span
from storyline.nlp.pipeline import Parsed

#: a blank English vocabulary: lexical attributes (``lower_``, ``like_num``) but no trained parts
VOCAB = spacy.blank("en").vocab
#: as spaCy splits: a possessive, a number (with inner dots and commas), a word (with inner
#: apostrophes; hyphens split it), or one other character
_TOKEN = re.compile(r"['’]s\b|\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’](?!s\b)[^\W\d_]+)*|\S")
_SENT_END = re.compile(r"[.!?]")
_CLOSERS = set('"”»’')
TAGS = {"PROPN": "NNP", "NOUN": "NN", "VERB": "VBD", "AUX": "VBZ", "PRON": "PRP", "DET": "DT",
        "PUNCT": ".", "NUM": "CD", "ADP": "IN", "ADJ": "JJ", "ADV": "RB", "CCONJ": "CC", "PART": "POS",
        "SCONJ": "IN"}


#: closed-class words get their usual tag, so that a capitalised "The" is not taken for a name
CLOSED_CLASS = {**dict.fromkeys(("the", "a", "an", "this", "that"), "DET"),
                **dict.fromkeys(("of", "in", "on", "to", "by", "with", "for", "at", "from"), "ADP"),
                **dict.fromkeys(("he", "she", "it", "they", "we", "i"), "PRON"),
                **dict.fromkeys(("and", "or", "but"), "CCONJ"),
                **dict.fromkeys(("is", "was", "are", "were", "be", "will", "would"), "AUX")}


def _shape_pos(word: str) -> str:
    """The POS of a token the tree leaves out: punctuation, number, closed-class word, else by case."""
    if not any(ch.isalnum() for ch in word):
        return "PUNCT"
    if word[0].isdigit():
        return "NUM"
    if word.lower() in CLOSED_CLASS:
        return CLOSED_CLASS[word.lower()]
    return "PROPN" if word[0].isupper() else "X"


def _index(words: list[str], key: str) -> int:
    word, _, nth = key.partition("#")
    hits = [i for i, w in enumerate(words) if w == word]
    n = int(nth or 0)
    if len(hits) <= n:
        raise KeyError(f"no token {key!r} in {words}")
    return hits[n]


def make_spacy_doc(text: str, tree: dict[str, tuple[str, str, str | None]] | None = None,
                   lemmas: dict[str, str] | None = None, tags: dict[str, str] | None = None,
                   ents: list[tuple[str, str]] = ()) -> Doc:
    """A parsed ``Doc`` over ``text`` (single spaces between tokens, or none).

    Args:
        tree: token -> (POS, dependency label, head token or None for a sentence root).
        lemmas: token -> lemma (default: the lower-cased word).
        tags: token -> fine-grained tag (default: from the POS).
        ents: (phrase, label) entity spans; a phrase repeated in the text is an entity at each place,
            ``"phrase#n"`` only at its n-th occurrence (from 0).
    """
    matches = list(_TOKEN.finditer(text))
    words = [m.group() for m in matches]
    spaces = [m.end() < len(text) and text[m.end()] == " " for m in matches]
    assert "".join(w + (" " if s else "") for w, s in zip(words, spaces)) == text, "use single spaces"
    n = len(words)
    pos = [_shape_pos(w) for w in words]
    deps, heads, explicit = ["dep"] * n, [None] * n, {}
    for key, (p, dep, head) in (tree or {}).items():
        i = _index(words, key)
        pos[i], deps[i] = p, dep
        explicit[i] = _index(words, head) if head is not None else i
    # sentences end after . ! ? and any closing quote marks after them
    sents, start = [], 0
    for i, w in enumerate(words):
        last = i + 1 == n
        ends = not last and _SENT_END.fullmatch(w) and (spaces[i] or words[i + 1] not in _CLOSERS)
        closes = w in _CLOSERS and i > 0 and _SENT_END.fullmatch(words[i - 1]) and not spaces[i - 1]
        if last or ends or closes:
            sents.append((start, i + 1))
            start = i + 1
    for s, e in sents:
        roots = [i for i in range(s, e) if explicit.get(i) == i]
        root = roots[0] if roots else s
        for i in range(s, e):
            heads[i] = explicit.get(i, root)
        if not roots:
            deps[root] = "ROOT"
    lemma_list = [w.lower() for w in words]
    for key, lemma in (lemmas or {}).items():
        lemma_list[_index(words, key)] = lemma
    tag_list = [TAGS.get(p, "XX") for p in pos]
    for key, tag in (tags or {}).items():
        tag_list[_index(words, key)] = tag
    ent_tags = ["O"] * n
    for key, label in ents:
        phrase, _, nth = key.partition("#")
        found = list(re.finditer(re.escape(phrase), text))
        for m in found[int(nth):int(nth) + 1] if nth else found:
            inside = [i for i, t in enumerate(matches) if m.start() <= t.start() and t.end() <= m.end()]
            aligned = bool(inside) and matches[inside[0]].start() == m.start() \
                and matches[inside[-1]].end() == m.end()
            assert aligned, f"entity {phrase!r} does not fall on token boundaries"
            ent_tags[inside[0]] = f"B-{label}"
            for i in inside[1:]:
                ent_tags[i] = f"I-{label}"
    return Doc(VOCAB, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tag_list,
               lemmas=lemma_list, ents=ent_tags)


def make_document(text: str, doc_id: str = "t1", published: str | None = None) -> Document:
    """A document whose every non-empty line is a body block."""
    blocks = [Block(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    return Document(id=doc_id, source=f"{doc_id}.txt", raw=text, blocks=blocks, published=published)


def make_parsed(doc: Document, *block_docs: Doc) -> Parsed:
    """The ``Parsed`` body of ``doc``: one hand-made ``Doc`` per block, in order; missing ones unparsed
    beyond their sentences (``make_spacy_doc`` with no tree)."""
    out = []
    for k, block in enumerate(doc.blocks):
        sdoc = block_docs[k] if k < len(block_docs) and block_docs[k] is not None else \
            make_spacy_doc(doc.raw[block.start:block.end])
        assert sdoc.text == doc.raw[block.start:block.end], f"block {k} text differs from its Doc"
        out.append((block.start, sdoc))
    return Parsed(doc.id, out)


def mention(doc: Document, phrase: str, type_: str, entity: str | None, nth: int = 0) -> Mention:
    """A resolved mention over the ``nth`` occurrence of ``phrase`` in ``doc.raw``."""
    start = -1
    for _ in range(nth + 1):
        start = doc.raw.index(phrase, start + 1)
    return Mention(doc.id, start, start + len(phrase), phrase, type_, entity)


def entities_of(mentions: list[Mention], names: dict[str, tuple[str, str]],
                **facts: dict[str, str]) -> list[Entity]:
    """Entities for ``mentions``: ``names`` maps an entity id to (name, type); ``facts`` maps a field
    (``role``, ``country``) to {entity id: value}."""
    out = []
    for eid, (name, type_) in names.items():
        own = [m for m in mentions if m.entity == eid]
        ent = Entity(id=eid, name=name, type=type_, aliases=sorted({m.text for m in own}),
                     mentions=[Span(m.doc, m.start, m.end, m.text) for m in own])
        for attr, values in facts.items():
            if eid in values:
                setattr(ent, attr, values[eid])
        out.append(ent)
    return out


def token(sdoc: Doc, key: str):
    """The token named ``key`` ("word" or "word#n", as in ``make_spacy_doc``)."""
    return sdoc[_index([t.text for t in sdoc], key)]
