#!/usr/bin/env python3
"""The NORP-or-place decision (``storyline.fuse.norp_places``) on its held-out passages (``make eval``).

    python scripts/eval_norp_places.py [--set frozen/norp_places/test.jsonl] [--show]

The set (the training passages' format: a passage and its names labelled place or group; other regions and topics
than ``training/norp_places/``) was written before the model was trained; report its figures, never fit to them.
Beside the trained decision, the rules' baseline (every such name a place, stories29).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from train_norp_places import dataset  # noqa: E402

from storyline.fuse.norp_places import load_norp_place_model  # noqa: E402

FROZEN = ROOT / "frozen" / "norp_places" / "test.jsonl"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", type=Path, default=FROZEN)
    ap.add_argument("--show", action="store_true", help="list the names the model gets wrong")
    a = ap.parse_args(argv)
    rows, ys, _, names = dataset(a.set)
    model = load_norp_place_model()
    got = [int(model.is_place(r)) for r in rows]
    hits = sum(int(g == y) for g, y in zip(got, ys, strict=True))
    places_lost = sum(int(y and not g) for g, y in zip(got, ys, strict=True))
    groups_kept = sum(int(g and not y) for g, y in zip(got, ys, strict=True))
    print(f"norp places {a.set}: {len(rows)} names ({sum(ys)} places): trained accuracy {hits / len(rows):.3f} "
          f"(places read as groups {places_lost}, groups read as places {groups_kept}); "
          f"rules (every name a place) {sum(ys) / len(ys):.3f}")
    if a.show:
        for name, g, y in zip(names, got, ys, strict=True):
            if g != y:
                print(f"  {name!r}: gold {'place' if y else 'group'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
