"""Validate the frozen language sets (ru/uk/es entities and events, parallel.jsonl) and print their counts.

Run: python frozen/languages/validate.py   (exit 1 on any error)
"""
from __future__ import annotations

import collections
import datetime
import json
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
from build import LANGS, PAR_LANGS, outputs  # noqa: E402

PLOVER = set(yaml.safe_load((ROOT / "storyline/data/plover_definitions.yaml").read_text(encoding="utf-8"))
             ["definitions"])
ENT_TYPES = {"PER", "ORG", "LOC"}
MODALITY = {"asserted", "planned", "denied", "hypothetical"}
MIN_ARTICLES, MIN_SENTENCES, MIN_PER_TYPE = 30, 150, 4
CYRILLIC = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ]")
LATIN = re.compile(r"[A-Za-z]")


def load(path: Path) -> list[dict]:
    return [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def check_entities(lang: str, errs: list[str]) -> None:
    rows = load(HERE / lang / "entities.jsonl")
    types: collections.Counter[str] = collections.Counter()
    words, multi, latin, quoted = [], 0, 0, 0
    for n, r in enumerate(rows, 1):
        rid = r.get("id")

        def e(msg: str, rid: object = rid) -> None:
            errs.append(f"{lang}/entities {rid}: {msg}")
        if rid != f"{lang}-e-{n:03d}":
            e(f"id out of sequence (want {lang}-e-{n:03d})")
        if r.get("lang") != lang:
            e("lang field")
        t = r["text"]
        if "[[" in t or "]]" in t or "|" in t:
            e("markup left in text")
        paras = t.split("\n\n")
        if len(paras) < 3 or any(not p.strip() or "\n" in p for p in paras):
            e("want a title line and at least two paragraphs separated by single blank lines")
        nw = len(t.split())
        words.append(nw)
        if not 90 <= nw <= 220:
            e(f"{nw} words (want 90-220)")
        last = 0
        if not r["entities"]:
            e("no entities")
        for m in r["entities"]:
            s, en, surf = m["start"], m["end"], m["text"]
            if t[s:en] != surf:
                e(f"offsets {s}-{en} give {t[s:en]!r} not {surf!r}")
            if surf != surf.strip() or not surf:
                e(f"unstripped mention {surf!r}")
            if s < last:
                e(f"overlapping or unsorted mention {surf!r}")
            if (s > 0 and t[s - 1].isalnum()) or (en < len(t) and t[en].isalnum()):
                e(f"mention {surf!r} cuts a word")
            if m["type"] not in ENT_TYPES:
                e(f"type {m['type']}")
            last = en
            types[m["type"]] += 1
            multi += " " in surf or "-" in surf
            latin += bool(lang != "es" and LATIN.search(surf) and not CYRILLIC.search(surf))
            quoted += s > 0 and t[s - 1] in "«\"„“"
    if len(rows) < MIN_ARTICLES:
        errs.append(f"{lang}/entities: {len(rows)} articles (want >= {MIN_ARTICLES})")
    print(f"{lang} entities: {len(rows)} articles, {sum(types.values())} mentions {dict(types.most_common())}; "
          f"words/article min {min(words)} max {max(words)} mean {sum(words) / len(words):.0f}; "
          f"multiword {multi}, quoted {quoted}" + (f", Latin-script {latin}" if lang != "es" else ""))


def check_events(lang: str, errs: list[str]) -> None:
    rows = load(HERE / lang / "events.jsonl")
    types: collections.Counter[str] = collections.Counter()
    modal: collections.Counter[str] = collections.Counter()
    texts: set[str] = set()
    for n, r in enumerate(rows, 1):
        rid = r.get("id")

        def e(msg: str, rid: object = rid) -> None:
            errs.append(f"{lang}/events {rid}: {msg}")
        if rid != f"{lang}-v-{n:03d}":
            e(f"id out of sequence (want {lang}-v-{n:03d})")
        if set(r) != {"id", "lang", "text", "event"} or r["lang"] != lang:
            e("fields")
        t = r["text"]
        if not t or t != t.strip() or "\n" in t:
            e("empty, unstripped or multi-line text")
        if t in texts:
            e("duplicate text")
        texts.add(t)
        ev = r["event"]
        if ev is None:
            types["none"] += 1
            continue
        if set(ev) != {"type", "source", "target", "modality"}:
            e(f"event fields {sorted(ev)}")
            continue
        if ev["type"] not in PLOVER:
            e(f"type {ev['type']}")
        if ev["modality"] not in MODALITY:
            e(f"modality {ev['modality']}")
        for f in ("source", "target"):
            v = ev[f]
            if v is not None and (not isinstance(v, str) or v not in t):
                e(f"{f} {v!r} is not a substring of the text")
        if ev["source"] is not None and ev["source"] == ev["target"]:
            e("source equals target")
        types[ev["type"]] += 1
        modal[ev["modality"]] += 1
    n_ev = len(rows) - types["none"]
    if len(rows) < MIN_SENTENCES:
        errs.append(f"{lang}/events: {len(rows)} sentences (want >= {MIN_SENTENCES})")
    if rows and not 0.5 <= n_ev / len(rows) <= 0.7:
        errs.append(f"{lang}/events: event share {n_ev / len(rows):.2f} (want about 0.6)")
    for ty in sorted(PLOVER):
        if types[ty] < MIN_PER_TYPE:
            errs.append(f"{lang}/events: {ty} {types[ty]} times (want >= {MIN_PER_TYPE})")
    by_type = dict(sorted((k, v) for k, v in types.items() if k != "none"))
    print(f"{lang} events: {len(rows)} sentences, {n_ev} events, {types['none']} none; "
          f"types {by_type}; modality {dict(modal.most_common())}")


def name_in(name: str, text: str) -> bool:
    """A name counts as present if each word's stem (inflection endings cut) occurs in the text."""
    low = text.lower()
    return all(w[:max(3, len(w) - 2)].lower() in low for w in name.split())


def check_parallel(errs: list[str]) -> None:
    rows = load(HERE / "parallel.jsonl")
    by_event: dict[str, list[dict]] = collections.defaultdict(list)
    words = []
    fields = ["id", "event", "lang", "outlet", "title", "published", "text", "type", "source", "target"]
    for r in rows:
        rid = r.get("id")

        def e(msg: str, rid: object = rid) -> None:
            errs.append(f"parallel {rid}: {msg}")
        if list(r) != fields:
            e("fields")
            continue
        if rid != f"{r['event']}-{r['lang']}" or not re.fullmatch(r"par-\d\d", r["event"]):
            e("id/event")
        if r["type"] not in PLOVER:
            e(f"type {r['type']}")
        try:
            datetime.date.fromisoformat(r["published"])
        except ValueError:
            e(f"published {r['published']!r}")
        nw = len(r["text"].split())
        words.append(nw)
        if not 60 <= nw <= 150:
            e(f"{nw} words (want 60-150)")
        for f in ("source", "target"):
            names = r[f]
            if set(names) != set(PAR_LANGS):
                e(f"{f} languages {sorted(names)}")
                continue
            own = names[r["lang"]]
            if f == "source" and own is None:
                e("null source")
            if own is not None and not name_in(own, r["title"] + " " + r["text"]):
                e(f"{f} {own!r} not found in the article")
        by_event[r["event"]].append(r)
    for ev, arts in sorted(by_event.items()):
        if sorted(a["lang"] for a in arts) != sorted(PAR_LANGS):
            errs.append(f"parallel {ev}: languages {sorted(a['lang'] for a in arts)}")
        if len({a["outlet"] for a in arts}) != len(arts):
            errs.append(f"parallel {ev}: outlets repeat")
        for f in ("type", "source", "target"):
            if len({json.dumps(a[f], sort_keys=True) for a in arts}) != 1:
                errs.append(f"parallel {ev}: {f} differs between languages")
    if len(by_event) < 10:
        errs.append(f"parallel: {len(by_event)} events (want 10)")
    types = collections.Counter(arts[0]["type"] for arts in by_event.values())
    print(f"parallel: {len(by_event)} events, {len(rows)} articles, words/article min {min(words)} max {max(words)} "
          f"mean {sum(words) / len(words):.0f}; types {dict(sorted(types.items()))}")


def main() -> int:
    errs: list[str] = []
    for path, content in outputs().items():
        if not path.exists() or path.read_bytes() != content.encode("utf-8"):
            errs.append(f"{path.relative_to(HERE)} is stale: re-run build.py")
    for lang in LANGS:
        check_entities(lang, errs)
        check_events(lang, errs)
    check_parallel(errs)
    for x in errs:
        print(x)
    print(f"{len(errs)} errors")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
