#!/usr/bin/env python
"""Rebuild ``storyline/data/given_names.yaml`` from the gendered first-name lists Faker ships, checked against
the name-gender data nomquamgender ships.

    python scripts/build_given_names.py [--nomquamgender PATH]

Faker (a dev requirement) carries first names by gender for about 80 locales, in their own scripts. Its
lists are written for fake data, not as evidence: some locales list surnames and women's names among the men's
(Kenyan Kikuyu names such as Wanjiru or Njeri are "male" there). The file is evidence for pronoun agreement
(``storyline.extract.speaker_model``), and a wrong gender misleads it more than a missing one, so:

- a name Faker lists under both genders anywhere is left out;
- a word that is a title, a role or an occupation in storyline's own lexicons is left out: Faker lists
  "Judge", "General" and "Doctor" as men's names, which would make "Judge Mary Okoth" a man;
- when nomquamgender (MIT licence; p(female) of about 700,000 names from dozens of name-gender sources)
  has the name from enough records, it is the judge: Faker's gender stands when at least ``AGREE`` of the
  name's bearers have it, the name moves to the other gender when at most ``MOVE`` do, and it is left out
  (given to both) in between. A name it lacks, or has from too few records, keeps Faker's gender.

nomquamgender is read from the installed package, or from its wheel or its ``name_data.json`` given with
``--nomquamgender`` (``pip download --no-deps nomquamgender``); without it the file is Faker's lists alone.
Storyline itself never imports Faker or nomquamgender; it reads the YAML through the data layer.
"""
from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys
import unicodedata
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "storyline" / "data" / "given_names.yaml"
#: nomquamgender's share of Faker's gender at least this: Faker's gender stands
AGREE = 0.75
#: that share at most this: the name is clearly of the other gender, and moves to it
MOVE = 0.1
#: fewest records (people) behind a nomquamgender figure before it overrules Faker
MIN_COUNTS = 25


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
    return (female - both) & keep, (male - both) & keep


def role_words() -> set[str]:
    """Titles, honorifics, roles and occupations from storyline's lexicons, lower case, single words."""
    sys.path.insert(0, str(ROOT))
    from storyline.data import load

    descriptions, names, cues, kb = load("descriptions"), load("names"), load("quote_cues"), load("kb/lexicon")
    words = set(descriptions["occupations"]) | set(descriptions["person_nouns"]) | set(names["honorifics"]) \
        | set(names["address_titles"]) | {w for group in cues["role_synonyms"] for w in group} \
        | set(kb["titles"]) | set(kb["person_roles"]) | {str(a).lower() for a in cues["abbreviations"]}
    return {w.lower() for w in words if " " not in w}


def name_data(path: Path | None) -> dict[str, list] | None:
    """nomquamgender's table (lower-cased ASCII name -> [sources, counts, p(female), ...]), or None."""
    if path is None:
        try:
            from importlib import resources

            return json.loads(resources.files("nomquamgender").joinpath("name_data.json").read_text("utf-8"))
        except (ModuleNotFoundError, FileNotFoundError):
            return None
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as whl:
            return json.loads(whl.read("nomquamgender/name_data.json"))
    return json.loads(path.read_text("utf-8"))


def ascii_key(name: str) -> str | None:
    """The key nomquamgender files a name under: lower case, accents dropped ("Lucía" -> "lucia"); None for a
    name with a letter that has no ASCII base ("Adilə", "Auðdís"), which would lose the letter."""
    base = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return base.lower() if base.isascii() else None


def checked(female: set[str], male: set[str], data: dict[str, list]) -> tuple[set[str], set[str], dict[str, int]]:
    """Faker's lists with nomquamgender's verdicts applied; and how many names were dropped or moved."""
    out: dict[str, set[str]] = {"f": set(), "m": set()}
    counts = {"ambiguous": 0, "moved": 0}
    for names, gender in ((female, "f"), (male, "m")):
        for name in names:
            key = ascii_key(name)
            row = data.get(key) if key else None
            if row is None or row[1] < MIN_COUNTS:
                out[gender].add(name)
                continue
            p_female = float(row[2])
            agree = p_female if gender == "f" else 1.0 - p_female
            if agree >= AGREE:
                out[gender].add(name)
            elif agree <= MOVE:
                counts["moved"] += 1
                out["m" if gender == "f" else "f"].add(name)
            else:
                counts["ambiguous"] += 1
    both = out["f"] & out["m"]
    return out["f"] - both, out["m"] - both, counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--nomquamgender", type=Path, default=None,
                        help="nomquamgender's wheel or name_data.json (default: the installed package)")
    args = parser.parse_args()
    female, male = gendered_names()
    roles = role_words()
    dropped = {n for n in female | male if n.lower() in roles}
    female, male = female - dropped, male - dropped
    print(f"{len(dropped)} title or role words left out: {', '.join(sorted(dropped)[:12])}…")
    data = name_data(args.nomquamgender)
    source = "Faker's person providers (about 80 locales)"
    note = "Names listed under both genders, and title or role words, are left out."
    if data is not None:
        female, male, counts = checked(female, male, data)
        source += ", checked against nomquamgender's name-gender data"
        note = ("Names listed under both genders, title or role words, and names nomquamgender finds given "
                "to both are left out; its gender wins over Faker's.")
        print(f"nomquamgender: {counts['ambiguous']} ambiguous names left out, {counts['moved']} moved")
    else:
        print("nomquamgender not found: Faker's lists alone", file=sys.stderr)
    lines = [f"# Given names by gender, built by scripts/build_given_names.py from {source}.",
             f"# {note} Do not edit by hand.",
             "female: [" + ", ".join(f'"{n}"' for n in sorted(female)) + "]",
             "male: [" + ", ".join(f'"{n}"' for n in sorted(male)) + "]", ""]
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(female)} female, {len(male)} male names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
