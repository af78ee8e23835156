"""Check training/entities/train.jsonl (or given files) and print counts by phenomenon.

Checks: offsets agree with mention text, keys declared and used, ISO 3166 alpha-3 codes valid, no leftover
markup, no overlapping mentions, mentions on word boundaries, 2-5 docs of 80-250 words from distinct outlets.
Usage: python training/entities/validate.py [train.jsonl ...]
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP"}
TITLE = re.compile(r"^(Mr|Mrs|Ms|Mx|Dr|Prof|Gen|Lt|Col|Maj|Capt|Adm|Sgt|Judge|Justice|Sen|Rep|Gov|President|Minister|"
                   r"Sheikh|Imam|Rev|Father|Sister|Chief|Coach|Mayor|Inspector|Commissioner|Senator|Governor|"
                   r"Ambassador|Prince|Princess|King|Queen|Dame|Sir|Lord|Madam|Bishop|Cardinal|Detective|Officer|"
                   r"Deputy|Speaker|Chancellor|Premier|Emir|Sultan)\.? [A-Z]")
MIDDLE_INITIAL = re.compile(r"\b[A-Z][a-z]+ (?:[A-Z]\. )+[A-Z]")
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]{1,7}$")
LEFTOVER = re.compile(r"\[\[|\]\]|\[\w|\|\w+\]")


def iso3_codes() -> set[str]:
    try:
        import pycountry
    except ImportError:  # the checks still run; only the code check becomes a shape check
        return set()
    codes = {c.alpha_3 for c in pycountry.countries}
    return codes | {"XKX"}  # Kosovo's user-assigned code is widely used


def check_record(rec: dict, codes: set[str], errors: list[str]) -> None:
    rid = rec.get("id", "?")
    ents = rec["entities"]
    docs = rec["docs"]
    if not 2 <= len(docs) <= 5:
        errors.append(f"{rid}: {len(docs)} docs (want 2-5)")
    outlets = [d["outlet"] for d in docs]
    if len(set(outlets)) != len(outlets):
        errors.append(f"{rid}: repeated outlet")
    for key, ent in ents.items():
        if ent["type"] not in TYPES:
            errors.append(f"{rid}: {key} bad type {ent['type']}")
        c = ent["country"]
        if c is not None and (not re.fullmatch(r"[A-Z]{3}", c) or (codes and c not in codes)):
            errors.append(f"{rid}: {key} bad country {c}")
    used: Counter[str] = Counter()
    doc_ids = set()
    for doc in docs:
        did, text = doc["id"], doc["text"]
        if did in doc_ids:
            errors.append(f"{rid}: doc id repeated {did}")
        doc_ids.add(did)
        words = len(text.split())
        if not 80 <= words <= 250:
            errors.append(f"{did}: {words} words (want 80-250)")
        leftover = LEFTOVER.search(text)
        if leftover:
            errors.append(f"{did}: leftover markup near {leftover.group(0)!r}")
        last_end = -1
        for m in doc["mentions"]:
            s, e = m["start"], m["end"]
            if text[s:e] != m["text"]:
                errors.append(f"{did}: offset mismatch {m}")
            if m["text"] != m["text"].strip() or not m["text"]:
                errors.append(f"{did}: mention has outer whitespace {m['text']!r}")
            if m["key"] not in ents:
                errors.append(f"{did}: undeclared key {m['key']}")
            if s < last_end:
                errors.append(f"{did}: overlapping mention {m['text']!r}")
            last_end = max(last_end, e)
            if (s > 0 and text[s - 1].isalnum()) or (e < len(text) and text[e].isalnum()):
                errors.append(f"{did}: mention splits a word {m['text']!r}")
            used[m["key"]] += 1
    for key in ents:
        if not used[key]:
            errors.append(f"{rid}: key declared but unused: {key}")


def phenomena(records: list[dict], tags: Counter[str]) -> list[tuple[str, int]]:
    c: Counter[str] = Counter()
    for rec in records:
        ents = rec["entities"]
        surfaces: dict[str, set[str]] = {k: set() for k in ents}
        docs_of: dict[str, set[str]] = {k: set() for k in ents}
        for doc in rec["docs"]:
            for m in doc["mentions"]:
                t, etype = m["text"], ents[m["key"]]["type"]
                surfaces[m["key"]].add(t)
                docs_of[m["key"]].add(doc["id"])
                c[f"mentions {etype}"] += 1
                if etype == "PERSON":
                    words = t.split()
                    if t[0].islower() or (words[0] == "The" and len(words) > 1 and words[1][0].islower()):
                        c["PERSON description mentions ('the minister', 'the 54-year-old')"] += 1
                    if TITLE.match(t):
                        c["PERSON title + name mentions"] += 1
                    if MIDDLE_INITIAL.search(t):
                        c["PERSON mentions with middle initial"] += 1
                    if "Jr" in t or "Sr" in t.split():
                        c["PERSON Jr./Sr. mentions"] += 1
                    if ACRONYM.match(t):
                        c["PERSON initials/acronym mentions"] += 1
                if etype == "ORG" and ACRONYM.match(t):
                    c["ORG acronym mentions"] += 1
        for key, ent in ents.items():
            if len(docs_of[key]) >= 2:
                c[f"{ent['type']} keys in 2+ docs"] += 1
            proper = {s for s in surfaces[key] if s[:1].isupper() and not s.startswith("The ")}
            if len(proper) >= 2:
                c[f"{ent['type']} keys with 2+ distinct name forms"] += 1
        keys_of: dict[str, set[str]] = {}
        for doc in rec["docs"]:
            for m in doc["mentions"]:
                keys_of.setdefault(m["text"].lower(), set()).add(m["key"])
        ambiguous = {t for t, ks in keys_of.items() if len(ks) >= 2}
        c["surface forms used for 2+ keys in one corpus (Lima city/Peru, Ford firm/person)"] += len(ambiguous)
        last: Counter[str] = Counter()
        for key, ent in ents.items():
            if ent["type"] == "PERSON":
                lasts = {s.split()[-1] for s in surfaces[key] if s[:1].isupper() and len(s.split()) >= 2}
                last.update(lasts)
        c["corpora with a surname shared by 2+ PERSON keys"] += any(n >= 2 for n in last.values())
        c["corpora"] += 1
        c["docs"] += len(rec["docs"])
        c["entities"] += len(ents)
    rows = sorted(c.items())
    rows += [(f"tag: {t} (corpora)", n) for t, n in sorted(tags.items())]
    return rows


def main() -> None:
    files = [Path(a) for a in sys.argv[1:]] or [HERE / "train.jsonl"]
    records = [json.loads(line) for f in files for line in f.read_text(encoding="utf-8").splitlines() if line]
    codes = iso3_codes()
    errors: list[str] = []
    for rec in records:
        check_record(rec, codes, errors)
    tags: Counter[str] = Counter()
    src = HERE / "src"
    if files == [HERE / "train.jsonl"] and src.is_dir():
        for p in sorted(src.glob("*.txt")):
            for line in p.read_text(encoding="utf-8").splitlines():
                if line.startswith("# phenomena:"):
                    tags.update(t.strip() for t in line.split(":", 1)[1].split(",") if t.strip())
    for name, n in phenomena(records, tags):
        print(f"{n:6d}  {name}")
    for e in errors:
        print("ERROR", e)
    print(f"{len(errors)} errors in {len(records)} records")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
