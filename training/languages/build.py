#!/usr/bin/env python
"""Build the language sets: ``<lang>_dev.txt`` and ``train/<lang>_train.txt`` (entities marked inline) -> ``.jsonl``
beside them.

    python training/languages/build.py

A source file holds articles separated by a line ``---``; the first line of each is its id, the rest
its text, with every entity written ``[text|TYPE]`` (TYPE: PER, ORG or LOC). Lines starting with ``#``
are comments. Each record is ``{"id", "lang", "text", "entities": [{"start", "end", "text", "type"}]}``,
offsets into ``text`` (the format of the frozen language sets).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"\[([^\[\]|]+)\|(PER|ORG|LOC)\]")


def parse(block: str, lang: str) -> dict:
    lines = [ln for ln in block.strip().splitlines() if not ln.startswith("#")]
    doc_id, marked = lines[0].strip(), "\n\n".join(ln.strip() for ln in lines[1:] if ln.strip())
    text, entities, pos = [], [], 0
    length = 0
    for m in MARK.finditer(marked):
        before = marked[pos:m.start()]
        text.append(before)
        length += len(before)
        entities.append({"start": length, "end": length + len(m.group(1)), "text": m.group(1), "type": m.group(2)})
        text.append(m.group(1))
        length += len(m.group(1))
        pos = m.end()
    text.append(marked[pos:])
    full = "".join(text)
    if "[" in full or "|" in full:
        raise ValueError(f"{doc_id}: a mark is malformed")
    for e in entities:
        assert full[e["start"]:e["end"]] == e["text"]
    return {"id": doc_id, "lang": lang, "text": full, "entities": entities}


def main() -> None:
    for src in sorted([*HERE.glob("*_dev.txt"), *(HERE / "train").glob("*_train.txt")]):
        lang = src.name.split("_")[0]
        records = [parse(b, lang) for b in src.read_text(encoding="utf-8").split("\n---\n") if b.strip()]
        out = src.with_suffix(".jsonl")
        with open(out, "w", encoding="utf-8") as fh:
            for r in records:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{out.name}: {len(records)} articles, {sum(len(r['entities']) for r in records)} entities")


if __name__ == "__main__":
    main()
