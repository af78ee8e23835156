#!/usr/bin/env python
"""The person-noun check (``storyline.extract.person_nouns``) on a held-out noun list (``make eval``).

    python scripts/eval_person_nouns.py [--set frozen/quotes/person_nouns_test.txt] [--show]

The list (``lemma<TAB>person|other`` a line) was written before the check was trained; report its figures, do
not fit to them. Beside the trained check, the rule it replaced (quotes29): a lemma nearer the person prototypes
("person", "official", "workers", "soldiers") than the institution, place, thing and document ones of
``extract.roles.PROTOTYPES``, a gendered word always a person. Both read the gendered words first.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyline.extract.person_nouns import is_person_noun  # noqa: E402
from storyline.extract.roles import PROTOTYPES, WordVectors  # noqa: E402
from storyline.resolve.coref import gender_lexicon  # noqa: E402

FROZEN = ROOT / "frozen" / "quotes" / "person_nouns_test.txt"
TRAINING = ROOT / "training" / "person_nouns"


def training_words() -> set[str]:
    """Every lemma of the training lists (one-word or not), to keep the held-out list apart from them."""
    words = set()
    for name in ("person.txt", "other.txt"):
        for line in (TRAINING / name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                words.add(line.split("\t")[0].strip().lower())
    return words


def prototype_rule(vectors: WordVectors, lemma: str) -> bool:
    """The prototype test ``speaker_model`` used before the trained check (the baseline)."""
    _, sims = vectors.of(lemma)
    if sims is None:
        return False
    by = dict(zip(PROTOTYPES, (float(v) for v in sims)))
    return max(by["person"], by["official"], by["worker"], by["soldier"]) > \
        max(by["institution"], by["company"], by["government"], by["place"], by["thing"], by["document"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", type=Path, default=FROZEN)
    parser.add_argument("--show", action="store_true", help="print the trained check's errors")
    args = parser.parse_args()
    items = []
    for line in args.set.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, label = line.split("\t")
            items.append((word.strip().lower(), label.strip() == "person"))
    shared = sorted(training_words() & {w for w, _ in items})
    if shared:
        print(f"the held-out list shares {len(shared)} nouns with training/person_nouns/: {', '.join(shared)}")
        return 1
    vectors = WordVectors()
    gendered = gender_lexicon()[0]
    print(f"person nouns, {args.set.relative_to(ROOT) if args.set.is_relative_to(ROOT) else args.set}: "
          f"{len(items)} nouns ({sum(p for _, p in items)} person)")
    print("  check        accuracy  person  other")
    for name, judge in (("trained", is_person_noun), ("prototypes", lambda w: prototype_rule(vectors, w))):
        said = [w in gendered or judge(w) for w, _ in items]
        right = [s == p for s, (_, p) in zip(said, items)]
        pos = [r for r, (_, p) in zip(right, items) if p]
        neg = [r for r, (_, p) in zip(right, items) if not p]
        print(f"  {name:<12} {sum(right) / len(right):.3f}     {sum(pos) / len(pos):.3f}   {sum(neg) / len(neg):.3f}")
        if args.show and name == "trained":
            print("    wrong: " + ", ".join(w for (w, _), r in zip(items, right) if not r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
