"""Build frozen/languages/{ru,uk,es}/{entities,events}.jsonl and parallel.jsonl from the sources in src/.

Run: python frozen/languages/build.py           (writes the jsonl files)
     python frozen/languages/build.py --check   (exit 1 if a written file differs from a fresh build)

Source formats (see README.md):
- src/LANG/entities.txt: articles opened by `=== ID ===`; first line the title, paragraphs separated by
  blank lines; every entity mention marked inline as [[surface|PER]], [[surface|ORG]] or [[surface|LOC]].
- src/LANG/events.txt: one sentence per line, either `- | sentence` (no event) or
  `TYPE | modality | source | target | sentence` with `-` for a null source or target.
- src/parallel.txt: events opened by `=== par-NN ===`, then `type:`, `source:` and `target:` lines
  (`en=...; ru=...; uk=...; es=...`), then one `--- LANG` block per language with `outlet:`, `title:`,
  `published:` lines and the article text.
Lines starting with `#` are comments everywhere. Output is deterministic, so a rerun is byte-identical.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LANGS = ("ru", "uk", "es")
PAR_LANGS = ("en", "ru", "uk", "es")
MARK = re.compile(r"\[\[([^\[\]|]+)\|([A-Z]+)\]\]")
HEAD = re.compile(r"^=== (\S+) ===$")


def strip_markup(raw: str) -> tuple[str, list[dict]]:
    """Remove [[surface|TYPE]] markup; offsets are taken in the clean text."""
    out, ents, pos, clean_len = [], [], 0, 0
    for m in MARK.finditer(raw):
        chunk = raw[pos:m.start()]
        out.append(chunk)
        clean_len += len(chunk)
        surface = m.group(1)
        ents.append({"start": clean_len, "end": clean_len + len(surface), "text": surface, "type": m.group(2)})
        out.append(surface)
        clean_len += len(surface)
        pos = m.end()
    out.append(raw[pos:])
    return "".join(out), ents


def blocks(text: str) -> list[tuple[str, list[str]]]:
    """Split a source into (id, lines) blocks at `=== ID ===` headers, dropping comment lines."""
    res: list[tuple[str, list[str]]] = []
    for ln in text.split("\n"):
        m = HEAD.match(ln)
        if m:
            res.append((m.group(1), []))
        elif ln.startswith("#"):
            continue
        elif res:
            res[-1][1].append(ln.rstrip())
        elif ln.strip():
            raise SystemExit(f"text before the first header: {ln!r}")
    return res


def normalise_paragraphs(lines: list[str]) -> str:
    """Join lines into paragraphs separated by exactly one blank line."""
    paras, cur = [], []
    for ln in lines:
        if ln.strip():
            cur.append(ln.strip())
        elif cur:
            paras.append(" ".join(cur))
            cur = []
    if cur:
        paras.append(" ".join(cur))
    return "\n\n".join(paras)


def build_entities(lang: str) -> list[dict]:
    rows = []
    for bid, lines in blocks((HERE / "src" / lang / "entities.txt").read_text(encoding="utf-8")):
        # the title is the first line and stays a paragraph of its own
        text, ents = strip_markup(normalise_paragraphs(lines))
        rows.append({"id": bid, "lang": lang, "text": text, "entities": ents})
    return rows


def build_events(lang: str) -> list[dict]:
    rows: list[dict] = []
    for ln in (HERE / "src" / lang / "events.txt").read_text(encoding="utf-8").split("\n"):
        if not ln.strip() or ln.startswith("#"):
            continue
        n = len(rows) + 1
        rid = f"{lang}-v-{n:03d}"
        if ln.startswith("- | "):
            rows.append({"id": rid, "lang": lang, "text": ln[4:].strip(), "event": None})
            continue
        parts = [p.strip() for p in ln.split(" | ")]
        if len(parts) != 5:
            raise SystemExit(f"{lang}/events.txt: bad line {ln!r}")
        typ, modality, source, target, sentence = parts
        event: dict[str, str | None] = {"type": typ, "source": None if source == "-" else source,
                                        "target": None if target == "-" else target, "modality": modality}
        rows.append({"id": rid, "lang": lang, "text": sentence, "event": event})
    return rows


def parse_names(value: str) -> dict[str, str | None]:
    names: dict[str, str | None] = {}
    for part in value.split(";"):
        k, _, v = part.strip().partition("=")
        names[k.strip()] = None if v.strip() == "-" else v.strip()
    return names


def build_parallel() -> list[dict]:
    rows: list[dict] = []
    for bid, lines in blocks((HERE / "src" / "parallel.txt").read_text(encoding="utf-8")):
        meta: dict[str, str] = {}
        arts: list[tuple[str, list[str]]] = []
        for ln in lines:
            if ln.startswith("--- "):
                arts.append((ln[4:].strip(), []))
            elif arts:
                arts[-1][1].append(ln)
            elif ln.strip():
                k, _, v = ln.partition(":")
                meta[k.strip()] = v.strip()
        source, target = parse_names(meta["source"]), parse_names(meta["target"])
        for lang, body in arts:
            head: dict[str, str] = {}
            rest = list(body)
            while rest and (not rest[0].strip() or rest[0].split(":")[0] in ("outlet", "title", "published")):
                ln = rest.pop(0)
                if ln.strip():
                    k, _, v = ln.partition(":")
                    head[k.strip()] = v.strip()
            rows.append({"id": f"{bid}-{lang}", "event": bid, "lang": lang, "outlet": head["outlet"],
                         "title": head["title"], "published": head["published"], "text": normalise_paragraphs(rest),
                         "type": meta["type"], "source": source, "target": target})
    return rows


def render(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def outputs() -> dict[Path, str]:
    out = {}
    for lang in LANGS:
        out[HERE / lang / "entities.jsonl"] = render(build_entities(lang))
        out[HERE / lang / "events.jsonl"] = render(build_events(lang))
    out[HERE / "parallel.jsonl"] = render(build_parallel())
    return out


def main(argv: list[str]) -> int:
    check = "--check" in argv
    bad = 0
    for path, content in outputs().items():
        data = content.encode("utf-8")
        if check:
            if not path.exists() or path.read_bytes() != data:
                print(f"stale: {path.relative_to(HERE)} differs from a fresh build")
                bad += 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {path.relative_to(HERE)}: {content.count(chr(10))} lines")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
