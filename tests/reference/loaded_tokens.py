"""The loaded-language word features read off spaCy Token objects: the plain version that
``storyline.extract.loaded_model.block_sentence_tokens`` (plain lists of a block) must equal."""
from __future__ import annotations

from typing import Any

from storyline.extract.loaded import QUOTE_MIN_WORDS
from storyline.extract.loaded_model import (
    ATTRIBUTION_HOPS,
    ATTRIBUTION_LEMMAS,
    SentenceTokens,
    hyphen_compound,
    word_class,
)


def sentence_tokens(sent: Any, offset: int, quotes: list[tuple[int, int]], lexicon: list[Any]) -> SentenceTokens:
    """Features of every word of ``sent`` (a sentence of a block parsed at raw ``offset``).

    ``quotes``: (start, end) raw offsets of quoted content; ``lexicon``: the lexicon's hits in the document.
    """
    out = SentenceTokens()
    toks = list(sent)
    s_start, s_end = offset + sent.start_char, offset + sent.end_char
    here = [(qs, qe) for qs, qe in quotes if qs < s_end and qe > s_start]
    # attribution outside every quote: "X said", "called it '...'"
    attributed = any(t.lemma_.lower() in ATTRIBUTION_LEMMAS and not any(
        qs <= offset + t.idx < qe for qs, qe in here) for t in toks)
    lex_here = [t for t in lexicon if t.start < s_end and t.end > s_start]

    def governed(tok: Any, quote: tuple[int, int]) -> bool:
        for _ in range(ATTRIBUTION_HOPS):
            if tok.head.i == tok.i:
                return False
            tok = tok.head
            if tok.lemma_.lower() in ATTRIBUTION_LEMMAS and not quote[0] <= offset + tok.idx < quote[1]:
                return True
        return False

    for k, tok in enumerate(toks):
        if tok.is_punct or tok.is_space or tok.like_num or not any(c.isalpha() for c in tok.text):
            continue
        start = offset + tok.idx
        end = start + len(tok.text)
        quote = next(((qs, qe) for qs, qe in here if qs <= start < qe), None)
        n_words = len(sent.doc.text[quote[0] - offset:quote[1] - offset].split()) if quote else 0
        if n_words >= QUOTE_MIN_WORDS:
            continue   # someone's words, not the outlet's (as the lexicon rules it)
        lower = tok.text.lower()
        f: dict[str, Any] = {
            "w=" + lower: 1, "l=" + tok.lemma_.lower(): 1, "p=" + tok.pos_: 1, "t=" + tok.tag_: 1,
            "d=" + tok.dep_: 1, "s3=" + lower[-3:]: 1, "s2=" + lower[-2:]: 1, "c=" + word_class(tok.text): 1,
            "hp=" + tok.head.pos_ + ":" + tok.dep_: 1, "stop": int(tok.is_stop), "first": int(k == 0),
            "ent=" + (tok.ent_type_ or "-"): 1, "propn_noent": int(tok.pos_ == "PROPN" and not tok.ent_type_),
        }
        compound = hyphen_compound(sent.doc.text, tok.idx, tok.idx + len(tok.text))
        if compound is not None:
            whole = sent.doc.text[compound[0]:compound[1]].lower()
            f["cmp=" + whole] = 1
            f["cmp_part=" + ("first" if tok.idx == compound[0] else
                             "last" if tok.idx + len(tok.text) == compound[1] else "mid")] = 1
            f["cmp_digit"] = int(any(c.isdigit() for c in whole))
        for d, name in ((-1, "prev"), (1, "next"), (-2, "prev2"), (2, "next2")):
            j = k + d
            other = toks[j] if 0 <= j < len(toks) else None
            f[f"{name}p=" + (other.pos_ if other is not None else "<s>")] = 1
            if abs(d) == 1:
                f[f"{name}l=" + (other.lemma_.lower() if other is not None else "<s>")] = 1
        if quote is not None:
            f["inq"] = 1
            f["inq_len=" + ("1" if n_words == 1 else "2-3")] = 1
            f["inq_attr=" + str(attributed)] = 1
            f["inq_gov=" + str(governed(tok, quote))] = 1
            f["inq_lower=" + str(sent.doc.text[quote[0] - offset:quote[0] - offset + 1].islower())] = 1
        for term in lex_here:
            if term.start < end and term.end > start:
                f["lex=" + term.kind] = 1
        out.offsets.append((start, end))
        out.features.append(f)
        out.words.append(lower)
    return out
