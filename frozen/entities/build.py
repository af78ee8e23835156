"""Build frozen/entities/test.jsonl from the marked-up sources in src/NN.txt.

Run: python frozen/entities/build.py   (then python frozen/entities/validate.py)

Source format (see README.md): a header of `story:` and `@key TYPE COUNTRY main|minor [tags]`
lines, then documents, each opened by `=== doc ID ===` and an optional `outlet: NAME` line.
Mentions are marked inline as [[surface|key]] or [[surface|key|tag,tag]]; the markup is
stripped and offsets are taken in the clean text.
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"\[\[([^\[\]|]+)\|([a-z0-9_]+)(?:\|([a-z_,]+))?\]\]")
DOC = re.compile(r"^=== doc (\S+) ===$")


def parse_header(lines, name):
    story, ents = None, {}
    for ln in lines:
        ln = ln.strip()
        if not ln or ln.startswith("#"):
            continue
        if ln.startswith("story:"):
            story = ln[6:].strip()
        elif ln.startswith("@"):
            parts = ln[1:].split()
            key, typ, country, main = parts[:4]
            tags = parts[4].split(",") if len(parts) > 4 else []
            if key in ents:
                raise SystemExit(f"{name}: duplicate key {key}")
            ents[key] = {"type": typ, "country": None if country == "null" else country,
                         "main": main == "main", "phenomena": tags}
        else:
            raise SystemExit(f"{name}: bad header line {ln!r}")
    return story, ents


def parse_doc(doc_id, body):
    lines = body.strip("\n").split("\n")
    outlet = None
    if lines and lines[0].startswith("outlet:"):
        outlet = lines[0][7:].strip()
        lines = lines[1:]
    raw = "\n".join(lines).strip()
    out, mentions, pos = [], [], 0
    clean_len = 0
    for m in MARK.finditer(raw):
        chunk = raw[pos:m.start()]
        out.append(chunk)
        clean_len += len(chunk)
        surface = m.group(1)
        mentions.append({"start": clean_len, "end": clean_len + len(surface), "text": surface,
                         "key": m.group(2), "phenomena": m.group(3).split(",") if m.group(3) else []})
        out.append(surface)
        clean_len += len(surface)
        pos = m.end()
    out.append(raw[pos:])
    return {"id": doc_id, "outlet": outlet, "text": "".join(out), "mentions": mentions}


def build_one(path):
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    starts = [i for i, ln in enumerate(lines) if DOC.match(ln)]
    if not starts:
        raise SystemExit(f"{path.name}: no documents")
    story, ents = parse_header(lines[:starts[0]], path.name)
    docs = []
    for j, s in enumerate(starts):
        e = starts[j + 1] if j + 1 < len(starts) else len(lines)
        docs.append(parse_doc(DOC.match(lines[s]).group(1), "\n".join(lines[s + 1:e])))
    return {"id": "fe-" + path.stem, "story": story, "entities": ents, "docs": docs}


def main():
    rows = [build_one(p) for p in sorted((HERE / "src").glob("*.txt"))]
    with open(HERE / "test.jsonl", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} mini-corpora to {HERE / 'test.jsonl'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
