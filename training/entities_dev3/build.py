"""Build training/entities_dev3/dev.jsonl from the marked-up sources in src/NN.txt.

The source format and parser are training/entities' (one format for every entity set); only the corpus ids
differ (``edev3-NN``). Usage: python training/entities_dev3/build.py
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "dev.jsonl"


def _entities_module(name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(f"entities_{name}", HERE.parent / "entities" / f"{name}.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def records() -> list[dict]:
    build = _entities_module("build")
    out = []
    for path in sorted((HERE / "src").glob("*.txt")):
        rec = build.parse_source(path)
        old, new = rec["id"], f"edev3-{path.stem}"
        rec["id"] = new
        for d in rec["docs"]:
            d["id"] = new + d["id"][len(old):]
        out.append(rec)
    return out


def main() -> None:
    recs = records()
    with OUT.open("w", encoding="utf-8") as fh:
        for rec in recs:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(recs)} mini-corpora to {OUT}")


if __name__ == "__main__":
    main()
