#!/usr/bin/env python
"""Build and check the Russian, Ukrainian and Spanish quote sets from their marked-up sources.

    python scripts/build_quotes_languages.py            # src/{ru,uk,es}.txt -> {ru,uk,es}.jsonl in each set
    python scripts/build_quotes_languages.py --check    # exit 1 if a jsonl differs from a fresh build or is invalid

Sets: ``frozen/languages/quotes`` (held out) and ``training/languages/quotes/dev``. A source holds passages opened
by ``=== ID ===`` (a title line, then paragraphs separated by a blank line); every quote is marked inline as
``[[words|d|Speaker|near]]`` (``d`` direct: the words between the marks; ``r`` reported: the clause after the
complementiser or the according-to phrase), with ``-`` for an unattributed quote's speaker and near. The build
writes ``{"id", "lang", "text", "quotes": [{"quote", "start", "end", "direct", "speaker", "speaker_near"}]}`` with
``text[start:end] == quote``; ``speaker`` and ``speaker_near`` are strings printed in the text (or null).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SETS = (ROOT / "frozen" / "languages" / "quotes", ROOT / "training" / "languages" / "quotes" / "dev")
LANGS = ("ru", "uk", "es")
MARK = re.compile(r"\[\[([^\[\]|]+)\|([dr])\|([^|\]]+)\|([^|\]]+)\]\]")
HEAD = re.compile(r"^=== (\S+) ===$", re.M)
#: the held-out set must hold at least this many attributed quotes per language
MIN_FROZEN = 100


def parse(source: str, lang: str) -> list[dict[str, Any]]:
    """The records of one marked-up source."""
    parts = HEAD.split(source)
    out = []
    for rid, body in zip(parts[1::2], parts[2::2]):
        text, quotes, pos = [], [], 0
        raw = body.strip("\n")
        length = 0
        for m in MARK.finditer(raw):
            chunk = raw[pos:m.start()]
            text.append(chunk)
            length += len(chunk)
            words, kind, speaker, near = m.groups()
            quotes.append({"quote": words, "start": length, "end": length + len(words), "direct": kind == "d",
                           "speaker": None if speaker == "-" else speaker,
                           "speaker_near": None if near == "-" else near})
            text.append(words)
            length += len(words)
            pos = m.end()
        text.append(raw[pos:])
        out.append({"id": rid, "lang": lang, "text": "".join(text), "quotes": quotes})
    return out


def problems(records: list[dict[str, Any]]) -> list[str]:
    """What is wrong with a built set: marks left, offsets, speakers not printed in the text, duplicate ids."""
    errs, seen = [], set()
    for r in records:
        if r["id"] in seen:
            errs.append(f"{r['id']}: duplicate id")
        seen.add(r["id"])
        if "[[" in r["text"] or "]]" in r["text"]:
            errs.append(f"{r['id']}: markup left in the text")
        for q in r["quotes"]:
            if r["text"][q["start"]:q["end"]] != q["quote"]:
                errs.append(f"{r['id']}: offsets of {q['quote'][:30]!r}")
            for key in ("speaker", "speaker_near"):
                if q[key] is not None and not re.search(r"(?<!\w)" + re.escape(q[key]) + r"(?!\w)", r["text"]):
                    errs.append(f"{r['id']}: {key} {q[key]!r} is not printed in the text")
            if (q["speaker"] is None) != (q["speaker_near"] is None):
                errs.append(f"{r['id']}: speaker and speaker_near must both be null or both set")
    return errs


def build(check: bool) -> int:
    failed = 0
    for folder in SETS:
        for lang in LANGS:
            src = folder / "src" / f"{lang}.txt"
            if not src.is_file():
                continue
            records = parse(src.read_text(encoding="utf-8"), lang)
            errs = problems(records)
            attributed = sum(q["speaker"] is not None for r in records for q in r["quotes"])
            if folder == SETS[0] and attributed < MIN_FROZEN:
                errs.append(f"{lang}: {attributed} attributed quotes, fewer than {MIN_FROZEN}")
            out = folder / f"{lang}.jsonl"
            data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
            if check and (not out.is_file() or out.read_text(encoding="utf-8") != data):
                errs.append(f"{out.relative_to(ROOT)} differs from a fresh build")
            elif not check:
                out.write_text(data, encoding="utf-8")
            total = sum(len(r["quotes"]) for r in records)
            direct = sum(q["direct"] for r in records for q in r["quotes"])
            print(f"{folder.relative_to(ROOT)}/{lang}: {len(records)} passages, {total} quotes "
                  f"({direct} direct, {total - direct} reported, {total - attributed} unattributed)")
            for e in errs:
                print("  ERROR " + e)
            failed += bool(errs)
    return 1 if failed else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="check, write nothing")
    return build(ap.parse_args().check)


if __name__ == "__main__":
    sys.exit(main())
