"""Whether a name the recogniser typed a group (NORP) and the knowledge base links to no demonym is a place.

The recogniser types a province or town named as a modifier NORP ("Mendoza province", "a Mendoza prosecutor",
stories29), and it types parties, faiths and peoples NORP too ("Republicans", "Sunni", "Kurdish"). The story features
want the first as places and the second left out. A logistic regression (``storyline/models/norp_places.npz``,
``scripts/train_norp_places.py`` from the team's passages in ``training/norp_places/``) decides from what the document
does with the name: whether a gazetteer knows it, which words stand before and after its mentions (a place's head noun,
a preposition of place, "the", a lowercase noun it modifies, a possessive), whether the recogniser names it a place
elsewhere in the document, whether the document writes another form of it ("Republican" beside "Republicans",
"Kurd" beside "Kurdish") and how the name ends (a plural, a demonym's or an adherent's ending, learned from the
passages' endings). The model overrides a prior, not a coin toss: every such name stays a place (stories29's rule)
unless the model is confident it is a group, its P(place) under ``group_below`` (chosen on the training passages'
held-out folds), since a place named with no signal (a bare river, a town named only as a modifier) that the model
doubts costs a story its key (stories31 read a name a place from P >= 0.4 and lost such places).
``Settings.norp_places = "rules"`` keeps the baseline: every such name is a place.
"""
from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from storyline.cache import read_shipped_model
from storyline.extract.quote_speakers import load_cues

#: a name the model finds less probable a place than this is read as a group; every other one keeps the prior, a place
DEFAULT_GROUP_BELOW = 0.3
_WORD_AFTER = re.compile(r"[\s-]+([^\W\d_]+)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+$")
_ENDS_PHRASE = re.compile(r"\s*(?:[,.;:)!?]|$)")
_POSSESSIVE = re.compile(r"['’]s?\b")
_TOKEN = re.compile(r"[^\W\d_][^\W\d_'’-]*")


@functools.lru_cache(maxsize=1)
def _place_words() -> tuple[frozenset[str], frozenset[str]]:
    """Head nouns that make the name before them a place's ("Sindhupalchok district", "Kampot province") and the
    prepositions of place ("in", "near"): the quote cues' ``place_words`` and ``place_prepositions``, the one list of
    each."""
    cues = load_cues()
    return cues.place_words, frozenset(w.lower() for w in cues.place_prepositions)


def norp_features(name: str, spans: Sequence[tuple[int, int]], raw: str, *, gazetteer: bool,
                  place_elsewhere: bool) -> dict[str, Any]:
    """The features of the name ``name`` whose mentions are ``spans`` (offsets into ``raw``): ``gazetteer`` when a
    gazetteer knows it as a country, province or city, ``place_elsewhere`` when the recogniser types another mention
    of it a place (GPE, LOC) in the same document."""
    words, prepositions = _place_words()
    last = name.rsplit(maxsplit=1)[-1].lower() if name.split() else ""
    counts = dict.fromkeys(("noun_after", "preposition_before", "preposition_end", "the_before", "lower_after",
                            "capital_after", "possessive", "sentence_start"), 0)
    for start, end in spans:
        after = _WORD_AFTER.match(raw[end:end + 30])
        before = _WORD_BEFORE.search(raw[max(start - 30, 0):start])
        prev = before.group(1).lower() if before else ""
        if after and after.group(1).lower() in words:
            counts["noun_after"] += 1
        elif after and after.group(1)[:1].islower():
            counts["lower_after"] += 1   # a modifier: "Mendoza police", "Catholic schools"
        elif after and after.group(1)[:1].isupper():
            counts["capital_after"] += 1  # "Christian Democrats", "Kidal Region"
        if prev in prepositions:
            counts["preposition_before"] += 1
            if _ENDS_PHRASE.match(raw[end:end + 3]):
                # "a court in Tarvish," (a group after one modifies: "in Catholic schools")
                counts["preposition_end"] += 1
        if prev == "the":
            counts["the_before"] += 1   # "the Drina", "the Republicans"
        if _POSSESSIVE.match(raw[end:end + 3]):
            counts["possessive"] += 1
        if not raw[:start].strip() or raw[:start].rstrip()[-1:] in ".!?\n":
            counts["sentence_start"] += 1
    n = max(len(spans), 1)
    row: dict[str, Any] = {k: v / n for k, v in counts.items()}
    tokens = {t.lower() for t in _TOKEN.findall(raw) if t[:1].isupper()}
    # another form of the name in the document: "Republican" beside "Republicans", "Kurd" beside "Kurdish"
    stem = last[:max(len(last) - 2, 4)]
    row["other_form"] = int(any(t != last and t.startswith(stem) for t in tokens)) if len(last) >= 4 else 0
    row["plural"] = int(last.endswith("s") and not last.endswith("ss"))
    row["words"] = min(len(name.split()), 3)
    row["lowercase"] = int(not name[:1].isupper())
    row["mentions"] = math.log(n)
    row["gazetteer"] = int(gazetteer)
    row["place_elsewhere"] = int(place_elsewhere)
    # how the name ends, learned from the passages: demonyms' and adherents' endings ("-an", "-ish", "-ist") against
    # a town's
    row["end2=" + last[-2:]] = 1
    row["end3=" + last[-3:]] = 1
    return row


@dataclass
class NorpPlaceModel:
    """A fitted pipeline (feature dicts -> P(place)), the probability under which a name is read as a group, and what
    the training script recorded."""
    pipeline: Any
    group_below: float = DEFAULT_GROUP_BELOW
    info: dict = field(default_factory=dict)

    def probability(self, row: dict[str, Any]) -> float:
        """P(place) of one name's features (``norp_features``)."""
        return float(self.pipeline.predict_proba([row])[0, 1])

    def is_place(self, row: dict[str, Any]) -> bool:
        """Whether one name's features (``norp_features``) leave it a place: yes unless the model is confident it is
        a group."""
        return self.probability(row) >= self.group_below

    def save(self, path: Path) -> None:
        from storyline import modelfile

        modelfile.save(path, {"pipeline": self.pipeline, "group_below": self.group_below, "info": self.info})


def default_model_path() -> Path:
    return Path(str(resources.files("storyline").joinpath("models", "norp_places.npz")))


@functools.lru_cache(maxsize=4)
def load_norp_place_model(path: str = "") -> NorpPlaceModel:
    """The model at ``path`` (default: the one shipped in the package), loaded once per process.

    Raises:
        FileNotFoundError: with the command that builds the model.
    """
    data = read_shipped_model(path, default_model_path, on_problem="raise",
                              missing="no NORP-place model at {path}: run `make train` (or set norp_places='rules')")
    return NorpPlaceModel(pipeline=data["pipeline"],
                          group_below=float(data.get("group_below", DEFAULT_GROUP_BELOW)), info=data.get("info", {}))
