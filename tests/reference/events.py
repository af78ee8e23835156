"""Event candidates as first written: over spaCy ``Token`` objects, not the block's attribute lists."""
from __future__ import annotations

from typing import Any

from storyline.extract.arguments import ArgumentCues, causal_phrase
from storyline.extract.events import EventCandidate, drop_embedded, nominal_ok, type_verb, with_noun_mode
from storyline.extract.lexicon import EventLexicon
from storyline.extract.modality import is_negated


def event_candidates_over_tokens(sent: Any, lex: EventLexicon, mlex: Any,
                                 cues: ArgumentCues) -> list[EventCandidate]:
    """``event_candidates`` of one sentence (a spaCy span), reading each token's attributes."""
    out = []
    for tok in sent:
        if tok.pos_ in ("VERB", "AUX") or (tok.tag_ == "VBG" and tok.dep_ == "compound"):
            if tok.lemma_.lower() not in lex.verb_lemmas:
                continue
            cand = type_verb(tok, lex, is_negated(tok, mlex))
            if cand and cand.obj is not None and tok.lemma_.lower() in cues.naming_verbs:
                continue
            if cand:
                out.append(cand)
        elif tok.pos_ == "NOUN":
            code = lex.lookup_noun(tok.lemma_.lower())
            if code and tok.lemma_.lower() in lex.with_complement and any(
                    c.dep_ in ("acl", "relcl") or (c.dep_ == "prep" and c.lower_ == "for")
                    for c in tok.children):
                code = lex.with_complement[tok.lemma_.lower()]
            if code and tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in cues.naming_verbs:
                continue
            if code and causal_phrase(tok) and tok.lemma_.lower() in cues.causal_aid_nouns:
                code = "AID"
            if code and nominal_ok(tok):
                out.append(EventCandidate(tok, with_noun_mode(code, tok, lex), nominal=True))
    used = {c.obj.i for c in out if c.obj is not None}
    out = [c for c in out if not (c.nominal and c.pred.i in used)]
    return drop_embedded(out)
