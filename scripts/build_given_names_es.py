#!/usr/bin/env python
"""Rebuild ``storyline/data/given_names_es.yaml``: given names of Faker's Spanish-language person providers that
``given_names.yaml`` leaves out because they are given to both genders ("Carmen", "José", "María", "Rosario").

    python scripts/build_given_names_es.py

The gendered list needs a gender; the Spanish name model only needs to know a word is a given name (a feature of
``nlp.names_model.features``). Country names in Spanish are left out. Storyline never imports Faker.
"""
from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyline.data import load  # noqa: E402
from storyline.nlp.names_model import country_names  # noqa: E402

OUT = ROOT / "storyline" / "data" / "given_names_es.yaml"


def main() -> int:
    import faker.providers.person as person

    gendered = {n.lower() for key in ("female", "male") for n in load("given_names").get(key) or []}
    names: set[str] = set()
    for info in pkgutil.iter_modules(person.__path__):
        if not info.name.startswith("es"):
            continue
        provider = importlib.import_module(f"faker.providers.person.{info.name}").Provider
        for attr in ("first_names_female", "first_names_male"):
            value = getattr(provider, attr, None)
            if isinstance(value, (list, tuple, dict, set)):
                names.update(value)
    countries = country_names("es")
    out = sorted(n for n in names if n.lower() not in gendered and " " not in n and len(n) > 2
                 and n.lower() not in countries)
    OUT.write_text("# Given names of Faker's Spanish-language person providers that given_names.yaml leaves out\n"
                   "# (given to both genders). Built by scripts/build_given_names_es.py; do not edit by hand.\n"
                   f"names: [{', '.join(repr(n).replace(chr(39), chr(34)) for n in out)}]\n", encoding="utf-8")
    print(f"{len(out)} names -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
