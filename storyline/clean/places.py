"""A gazetteer of place names, to tell a dateline's place from an outlet's name.

"By Jane Roe, Geneva" names where the story was filed, "By Jane Roe, Northern
Ledger" who published it; "GENEVA, 12 March 2025" is a date line with its place.
The names are data: pycountry's countries (short, common and official names) and
subdivisions, the knowledge base's capitals (the one list of them: ``data/kb/countries.yaml``
and ``data/kb/territories.yaml``) and ``data/places.yaml`` (the cities datelines name most).
"""
from __future__ import annotations

import functools
import logging
import re

from unidecode import unidecode

from storyline.data import load, resource_path

LOGGER = logging.getLogger(__name__)

PLACES_PATH = resource_path("places")
#: "Geneva, Switzerland" is a place; longer comma lists are not a dateline's place.
MAX_PLACE_PARTS = 3
_NON_WORD = re.compile(r"[^\w]+")


def place_key(name: str) -> str:
    """The form names are compared in: ASCII, case-folded, punctuation as single spaces."""
    return " ".join(_NON_WORD.sub(" ", unidecode(name).casefold()).split())


@functools.lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Every known place name, as ``place_key`` forms (loaded once per process)."""
    import pycountry

    names: set[str] = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(place_key(value))
    for sub in pycountry.subdivisions:
        names.add(place_key(sub.name))
    names.update(place_key(str(c)) for c in capitals())
    names.update(place_key(str(c)) for c in load("places").get("cities", []))
    names.discard("")
    LOGGER.debug("gazetteer: %d place names", len(names))
    return frozenset(names)


def capitals() -> list[str]:
    """Capitals and seats of government of the knowledge base's countries and territories."""
    found = [c for spec in load("kb/countries").values() for c in _as_list(spec.get("capital"))]
    found += [c for e in load("kb/territories").get("entities") or [] for c in _as_list(e.get("capital"))]
    return found


def _as_list(value: str | list[str] | None) -> list[str]:
    return [value] if isinstance(value, str) else list(value or [])


def is_place(text: str) -> bool:
    """True when ``text`` is a place name, or a short comma list of them ("Kyiv, Ukraine")."""
    text = text.strip().strip(".;:")
    if not text:
        return False
    known = place_names()
    if place_key(text) in known:
        return True
    parts = [p for p in text.split(",") if p.strip()]
    return 1 < len(parts) <= MAX_PLACE_PARTS and all(place_key(p) in known for p in parts)
