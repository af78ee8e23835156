"""Faster stand-ins for spaCy's two rule-based components, with token-for-token identical output.

spaCy's ``attribute_ruler`` runs a general ``Matcher`` over every token to apply what is mostly
a tag map (tag → POS and morphology), and its ``lemmatizer`` walks tokens in Python. Together
they cost ~15% of ``en_core_web_sm`` (measured: 1.1 s of 7.6 s on the seeds and demo corpus).
Here the ruler's own patterns are indexed by the first token's tag or lower-case form and the
results written back with one ``Doc.from_array``; lemmas are cached per (form, POS, morphology),
the same key spaCy's lemmatizer caches on, and a form met for the first time is looked up in
set-indexed copies of spaCy's word lists (0.43 -> 0.05 CPU-s on 17k words of distinct text, where
spaCy scans lists). ``tests/nlp/test_fast_rules.py`` checks equality with
the original components on every test corpus.

A ruler whose patterns use something this module does not implement (an operator, another
attribute) is left as it is: ``fast_components`` then returns it unchanged.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

LOGGER = logging.getLogger(__name__)

#: token attributes a pattern may test, read per token as (tag, lower, dep, is_space)
_TESTED = ("TAG", "LOWER", "DEP", "IS_SPACE")
#: attributes a pattern may set; the first four are written with ``Doc.from_array``
_ARRAY_SET = ("POS", "MORPH", "LEMMA", "TAG")

Test = Callable[[tuple], bool]
#: Remembered results per process; cleared when full so a long run's memory stays bounded.
MEMO_LIMIT = 200_000


class UnsupportedPatternError(ValueError):
    """A pattern this module cannot reproduce exactly."""


def _value_test(pos: int, spec: Any) -> Test:
    if isinstance(spec, dict):
        if set(spec) == {"IN"}:
            allowed = frozenset(spec["IN"])
            return lambda t: t[pos] in allowed
        if set(spec) == {"NOT_IN"}:
            banned = frozenset(spec["NOT_IN"])
            return lambda t: t[pos] not in banned
        if set(spec) == {"REGEX"} and pos != 3:
            rx = re.compile(spec["REGEX"])
            return lambda t: bool(rx.search(t[pos]))
        raise UnsupportedPatternError(f"predicate {spec!r}")
    return lambda t: t[pos] == spec


def _token_test(spec: dict[str, Any]) -> Test:
    if not set(spec) <= set(_TESTED):
        raise UnsupportedPatternError(f"token attributes {sorted(spec)}")
    tests = [_value_test(_TESTED.index(k), v) for k, v in spec.items()]
    return lambda t: all(test(t) for test in tests)


@dataclass
class _Pattern:
    order: int             # the ruler's attribute id: later ids win
    tests: list[Test]      # one per token of the pattern
    attrs: dict[int, Any]  # normalised (attribute id -> value), as spaCy stores them
    index: int


class FastAttributeRuler:
    """Applies an ``AttributeRuler``'s patterns (exact values, IN, NOT_IN, REGEX; no operators).

    What a one-token pattern does to a token depends only on the token's (tag, lower-case form,
    dependency, is-space), so that is worked out once per distinct tuple and remembered.
    """

    def __init__(self, ruler: Any) -> None:
        from spacy.attrs import DEP

        self.dep_id = DEP
        self.single: list[_Pattern] = []
        self.multi: list[_Pattern] = []
        #: patterns by the value their first token requires (tag or lower-case form); the rest always tried
        self.by_tag: dict[str, list[_Pattern]] = {}
        self.by_lower: dict[str, list[_Pattern]] = {}
        self.always: list[_Pattern] = []
        for order, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices)):
            for pattern in ruler.matcher.get(str(order))[1]:
                if any("OP" in tok for tok in pattern):
                    raise UnsupportedPatternError("an operator")
                if not -len(pattern) <= index < len(pattern):
                    raise UnsupportedPatternError("index outside its pattern")
                p = _Pattern(order, [_token_test(tok) for tok in pattern], dict(attrs), index)
                (self.single if len(pattern) == 1 else self.multi).append(p)
                self._index(p, pattern[0])
        #: token attribute hashes -> ``_lookup`` of them
        self.memo: dict[tuple, tuple[list[tuple[int, dict[int, Any]]], list[_Pattern]]] = {}

    def _index(self, p: _Pattern, first: dict[str, Any]) -> None:
        for key, table in (("LOWER", self.by_lower), ("TAG", self.by_tag)):
            spec = first.get(key)
            if isinstance(spec, str):
                table.setdefault(spec, []).append(p)
                return
            if isinstance(spec, dict) and set(spec) == {"IN"}:
                for value in spec["IN"]:
                    table.setdefault(value, []).append(p)
                return
        self.always.append(p)

    def _lookup(self, feats: tuple) -> tuple[list[tuple[int, dict[int, Any]]], list[_Pattern]]:
        """(one-token patterns that apply in order, longer patterns whose first token matches)."""
        cands = {id(p): p for p in (*self.by_lower.get(feats[1], ()), *self.by_tag.get(feats[0], ()),
                                    *self.always) if p.tests[0](feats)}.values()
        hits = sorted(((p.order, p.attrs) for p in cands if len(p.tests) == 1), key=lambda h: h[0])
        return hits, [p for p in cands if len(p.tests) > 1]

    def __call__(self, doc: Doc) -> Doc:
        import numpy as np
        from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG

        array_ids = [POS, MORPH, LEMMA, TAG]
        strings = doc.vocab.strings

        def feats(key: tuple) -> tuple:
            return strings[key[0]], strings[key[1]], strings[key[2]], bool(key[3])

        # the memo is keyed by the token's attribute hashes: no Token objects, no string lookups
        keys = [tuple(k) for k in doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()]
        looked = []
        for key in keys:
            got = self.memo.get(key)
            if got is None:
                if len(self.memo) >= MEMO_LIMIT:
                    self.memo.clear()
                got = self.memo[key] = self._lookup(feats(key))
            looked.append(got)
        n = len(keys)
        multi: dict[int, list[tuple[int, dict[int, Any]]]] = {}
        for i, (_, starts) in enumerate(looked):
            for p in starts:
                width = len(p.tests)
                if i + width <= n and all(test(feats(keys[i + k])) for k, test in enumerate(p.tests[1:], 1)):
                    target = i + (p.index if p.index >= 0 else width + p.index)
                    multi.setdefault(target, []).append((p.order, p.attrs))
        rows = None
        deps = []
        for i, (hits, _) in enumerate(looked):
            if i in multi:
                hits = sorted([*hits, *multi[i]], key=lambda h: h[0])
            if not hits:
                continue
            if rows is None:
                rows = doc.to_array(array_ids).tolist()
            row = rows[i]
            for _, attrs in hits:
                for col, attr in enumerate(array_ids):
                    if attr in attrs:
                        row[col] = attrs[attr]
                if self.dep_id in attrs:
                    deps.append((i, attrs[self.dep_id]))
        if rows is not None:
            # thinc's Ints2d is a shape-typed array alias no plain numpy array satisfies statically
            doc.from_array(array_ids,
                           np.array(rows, dtype=np.uint64).reshape(len(rows), len(array_ids)))  # type: ignore[arg-type]
        for i, dep in deps:
            doc[i].dep = dep
        return doc


class RuleLemmas:
    """spaCy's rule lemmatizer (``Lemmatizer.rule_lemmatize``) with its word index as sets.

    spaCy keeps each part of speech's index of known lemmas as a list (57k nouns) and tests
    candidate forms against it with ``in``: a linear scan, ~0.2 ms per token it has not met
    before, which on real corpora (new words in every article) cost more than the tagger. A
    set gives the same answers in constant time; the rest follows spaCy step by step.
    """

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self._tables: dict[str, tuple[frozenset[str], dict[str, list[str]], list[list[str]]]] = {}

    def tables(self, univ_pos: str) -> tuple[frozenset[str], dict[str, list[str]], list[list[str]]]:
        if univ_pos not in self._tables:
            lookups = self.lemmatizer.lookups
            self._tables[univ_pos] = (
                frozenset(lookups.get_table("lemma_index", {}).get(univ_pos) or ()),
                lookups.get_table("lemma_exc", {}).get(univ_pos) or {},
                lookups.get_table("lemma_rules", {}).get(univ_pos) or [])
        return self._tables[univ_pos]

    def __call__(self, token: Any) -> list[str]:
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):
            return self.lemmatizer.rule_lemmatize(token)  # spaCy warns on a missing POS: let it
        if self.lemmatizer.is_base_form(token):
            return [string.lower()]
        index, exceptions, rules = self.tables(univ_pos)
        if not (index or exceptions or rules):
            return [string] if univ_pos == "propn" else [string.lower()]
        orig, string = string, string.lower()
        forms: list[str] = []
        oov_forms = []
        for old, new in rules:
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index or not form.isalpha():
                    if form in index:
                        forms.insert(0, form)
                    else:
                        forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(string, []):
            if form not in forms:
                forms.insert(0, form)
        return forms or oov_forms or [orig]


def rule_lemmas(lemmatizer: Any) -> Callable[[Any], list[str]]:
    """``lemmatizer.lemmatize``, through ``RuleLemmas`` when it is spaCy's own rule lemmatizer."""
    from spacy.pipeline import Lemmatizer

    own = getattr(type(lemmatizer), "rule_lemmatize", None) is Lemmatizer.rule_lemmatize
    rule_mode = getattr(lemmatizer.lemmatize, "__func__", None) is Lemmatizer.rule_lemmatize
    return RuleLemmas(lemmatizer) if own and rule_mode else lemmatizer.lemmatize


class CachedLemmatizer:
    """A rule lemmatizer's output, computed once per (form, POS, morphology) in this process."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.lemmatize = rule_lemmas(lemmatizer)
        self.cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        import numpy as np
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        arr = doc.to_array([ORTH, POS, MORPH, LEMMA]).astype(np.uint64)
        overwrite = self.lemmatizer.overwrite
        strings = doc.vocab.strings
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            got = self.cache.get(key)
            if got is None:
                if len(self.cache) >= MEMO_LIMIT:
                    self.cache.clear()
                got = self.cache[key] = strings.add(self.lemmatize(doc[i])[0])
            arr[i, 3] = got
            changed = True
        if changed:
            doc.from_array([LEMMA], arr[:, 3:4])  # type: ignore[arg-type]  # numpy array for thinc's Ints2d
        return doc


def fast_components(nlp: Language) -> dict[str, Callable[[Doc], Doc]]:
    """Stand-ins by pipe name for the pipeline's attribute ruler and rule lemmatizer, where possible."""
    out: dict[str, Callable[[Doc], Doc]] = {}
    for name, proc in nlp.pipeline:
        kind = type(proc).__name__
        try:
            if kind == "AttributeRuler":
                out[name] = FastAttributeRuler(proc)
            elif hasattr(proc, "lemmatize") and getattr(proc, "mode", "") == "rule":
                out[name] = CachedLemmatizer(proc)
        except UnsupportedPatternError as exc:
            LOGGER.info("%s kept as spaCy runs it: %s", name, exc)
    return out
