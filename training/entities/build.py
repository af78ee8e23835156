"""Build training/entities/train.jsonl from the marked-up sources in src/NN.txt.

Source format (shared with the held-out set, so one scorer reads both):
    # comment lines (ignored; "# phenomena: ..." lines list what a corpus exercises)
    @key TYPE country=ISO3|null main=yes|no
    === doc a | outlet=Outlet Name ===
    text with [[surface|key]] mentions ...
Usage: python training/entities/build.py [--src DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
ENTITY_LINE = re.compile(r"^@(\S+)\s+(PERSON|ORG|GPE|LOC|NORP)\s+country=(\S+)\s+main=(yes|no)\s*$")
DOC_LINE = re.compile(r"^=== doc (\S+) \| outlet=(.+?) ===\s*$")
MENTION = re.compile(r"\[\[([^\[\]|]+)\|([^\[\]|]+)\]\]")


def strip_markup(marked: str) -> tuple[str, list[dict[str, object]]]:
    """Remove [[surface|key]] markup; return plain text and mentions with offsets into it."""
    out: list[str] = []
    mentions: list[dict[str, object]] = []
    pos = 0
    length = 0
    for m in MENTION.finditer(marked):
        before = marked[pos:m.start()]
        out.append(before)
        length += len(before)
        surface, key = m.group(1), m.group(2).strip()
        mentions.append({"start": length, "end": length + len(surface), "text": surface, "key": key})
        out.append(surface)
        length += len(surface)
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), mentions


def parse_source(path: Path) -> dict[str, object]:
    """Parse one NN.txt source into a mini-corpus record."""
    corpus_id = f"etrain-{path.stem}"
    entities: dict[str, dict[str, object]] = {}
    docs: list[dict[str, object]] = []
    current: tuple[str, str] | None = None
    body: list[str] = []

    def flush() -> None:
        if current is None:
            return
        # Docs keep paragraph breaks; only the outer blank lines are trimmed.
        text, mentions = strip_markup("\n".join(body).strip())
        docs.append({"id": f"{corpus_id}-{current[0]}", "outlet": current[1], "text": text, "mentions": mentions})

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip()
        doc = DOC_LINE.match(line)
        if doc:
            flush()
            current, body = (doc.group(1), doc.group(2).strip()), []
            continue
        if current is None:
            if not line or line.startswith("#"):
                continue
            ent = ENTITY_LINE.match(line)
            if not ent:
                raise ValueError(f"{path.name}: bad header line: {line!r}")
            key, etype, country, main = ent.groups()
            if key in entities:
                raise ValueError(f"{path.name}: key declared twice: {key}")
            entities[key] = {"type": etype, "country": None if country == "null" else country, "main": main == "yes"}
            continue
        body.append(line)
    flush()
    return {"id": corpus_id, "docs": docs, "entities": entities}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--src", type=Path, default=HERE / "src")
    parser.add_argument("--out", type=Path, default=HERE / "train.jsonl")
    args = parser.parse_args()
    records = [parse_source(p) for p in sorted(args.src.glob("*.txt"))]
    with args.out.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} mini-corpora to {args.out}")


if __name__ == "__main__":
    main()
