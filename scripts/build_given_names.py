#!/usr/bin/env python
"""Rebuild ``storyline/data/given_names.yaml`` from the gendered first-name lists Faker ships.

    python scripts/build_given_names.py

Faker (a dev requirement) carries first names by gender for about 80 locales, in their own scripts.
A name listed under both genders anywhere is left out: the file is evidence for pronoun agreement
(``storyline.extract.speaker_model``), and an ambiguous name is no evidence. Storyline itself never
imports Faker; it reads the YAML through the data layer.
"""
from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "storyline" / "data" / "given_names.yaml"


def gendered_names() -> tuple[set[str], set[str]]:
    import faker.providers.person as person

    female: set[str] = set()
    male: set[str] = set()
    for info in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"faker.providers.person.{info.name}").Provider
        female.update(getattr(provider, "first_names_female", None) or ())
        male.update(getattr(provider, "first_names_male", None) or ())
    # one-letter and compound entries are not single given names
    keep = {n for n in female | male if len(n) > 1 and " " not in n}
    both = female & male
    return sorted((female - both) & keep), sorted((male - both) & keep)


def main() -> int:
    female, male = gendered_names()
    lines = ["# Given names by gender, built by scripts/build_given_names.py from Faker's person providers",
             "# (about 80 locales). Names listed under both genders are left out. Do not edit by hand.",
             "female: [" + ", ".join(f'"{n}"' for n in female) + "]",
             "male: [" + ", ".join(f'"{n}"' for n in male) + "]", ""]
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(female)} female, {len(male)} male names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
