"""A dev set of entity mini-corpora (training/entities_devN): built from its src/NN.txt with training/entities'
parser, checked with training/entities' checks. Each dev folder's build.py and validate.py call these with
their own folder; only the corpus ids differ (``edevN-NN``)."""

from __future__ import annotations

import collections
import importlib.util
import json
from pathlib import Path

ENTITIES = Path(__file__).resolve().parent


def entities_module(name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(f"entities_{name}", ENTITIES / f"{name}.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def prefix(folder: Path) -> str:
    """``entities_dev3`` -> ``edev3``."""
    return "e" + folder.name.removeprefix("entities_")


def records(folder: Path) -> list[dict]:
    build = entities_module("build")
    out = []
    for path in sorted((folder / "src").glob("*.txt")):
        rec = build.parse_source(path)
        old, new = rec["id"], f"{prefix(folder)}-{path.stem}"
        rec["id"] = new
        for d in rec["docs"]:
            d["id"] = new + d["id"][len(old):]
        out.append(rec)
    return out


def build(folder: Path) -> None:
    recs = records(folder)
    out = folder / "dev.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for rec in recs:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(recs)} mini-corpora to {out}")


def validate(folder: Path) -> int:
    """Print the phenomena and errors; the exit status (1 on an error)."""
    check = entities_module("validate")
    stored = [json.loads(line) for line in (folder / "dev.jsonl").read_text(encoding="utf-8").splitlines() if line]
    errors: list[str] = []
    if records(folder) != stored:
        errors.append("dev.jsonl differs from what src/ builds: run build.py")
    codes = check.iso3_codes()
    for rec in stored:
        check.check_record(rec, codes, errors)
    for name, n in check.phenomena(stored, collections.Counter()):
        print(f"{n:6d}  {name}")
    for e in errors:
        print("ERROR", e)
    print(f"{len(errors)} errors in {len(stored)} records")
    return 1 if errors else 0
