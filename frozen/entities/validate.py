"""Validate frozen/entities/test.jsonl against its sources and print its aggregate counts.

Run: python frozen/entities/validate.py   (exit 1 on any error)
"""
import collections
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from build import build_one  # noqa: E402

TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP"}
MENTION_TAGS = {"variant", "initial", "title", "desc", "nick", "acronym", "institution", "metonym", "demonym", "lookalike"}
ENTITY_TAGS = {"jr", "shared_surname", "role_country", "lookalike"} | MENTION_TAGS
ISO3 = re.compile(r"^[A-Z]{3}$")


def main(path=HERE / "test.jsonl"):
    errs = []
    rows = [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    fresh = [build_one(p) for p in sorted((HERE / "src").glob("*.txt"))]
    if rows != fresh:
        errs.append("test.jsonl is stale: re-run build.py")
    doc_ids = set()
    ment_tags, ent_tags, types = collections.Counter(), collections.Counter(), collections.Counter()
    n_docs = n_ment = 0
    words = []
    for r in rows:
        cid = r["id"]
        def e(msg): errs.append(f"{cid}: {msg}")
        if not r.get("story"): e("no story line")
        ents = r["entities"]
        if not 2 <= len(r["docs"]) <= 5: e(f"{len(r['docs'])} docs (want 2-5)")
        for k, v in ents.items():
            if v["type"] not in TYPES: e(f"{k}: type {v['type']}")
            if v["country"] is not None and not ISO3.match(v["country"]): e(f"{k}: country {v['country']}")
            for t in v["phenomena"]:
                if t not in ENTITY_TAGS: e(f"{k}: entity tag {t}")
                ent_tags[t] += 1
            types[v["type"]] += 1
        if not any(v["main"] for v in ents.values()): e("no main entity")
        used = set()
        for d in r["docs"]:
            n_docs += 1
            if d["id"] in doc_ids: e(f"dup doc id {d['id']}")
            doc_ids.add(d["id"])
            t = d["text"]
            nw = len(t.split())
            words.append(nw)
            if not 80 <= nw <= 250: e(f"doc {d['id']}: {nw} words (want 80-250)")
            if "[[" in t or "]]" in t or "|" in t: e(f"doc {d['id']}: markup left in text")
            last = 0
            for m in d["mentions"]:
                n_ment += 1
                s, en = m["start"], m["end"]
                if t[s:en] != m["text"]: e(f"doc {d['id']}: offsets {s}-{en} give {t[s:en]!r} not {m['text']!r}")
                if m["text"] != m["text"].strip(): e(f"doc {d['id']}: unstripped mention {m['text']!r}")
                if s < last: e(f"doc {d['id']}: overlapping mention {m['text']!r}")
                if (s > 0 and t[s - 1].isalnum()) or (en < len(t) and t[en].isalnum()):
                    e(f"doc {d['id']}: mention {m['text']!r} cuts a word")
                last = en
                if m["key"] not in ents: e(f"doc {d['id']}: undeclared key {m['key']}")
                used.add(m["key"])
                for tg in m["phenomena"]:
                    if tg not in MENTION_TAGS: e(f"doc {d['id']}: mention tag {tg}")
                    ment_tags[tg] += 1
        for k in set(ents) - used: e(f"declared key {k} never mentioned")
    for x in errs:
        print(x)
    print(f"{len(rows)} mini-corpora, {n_docs} docs, {n_ment} mentions, "
          f"{sum(len(r['entities']) for r in rows)} entities; words/doc min {min(words)} max {max(words)} "
          f"mean {sum(words) / len(words):.0f}")
    print("entity types:", dict(types.most_common()))
    print("mention phenomena:", dict(ment_tags.most_common()))
    print("entity phenomena:", dict(ent_tags.most_common()))
    multi = sum(1 for r in rows for k in r["entities"]
                if len({d["id"] for d in r["docs"] for m in d["mentions"] if m["key"] == k}) > 1)
    print(f"entities mentioned in more than one doc: {multi}")
    return 1 if errs or len(rows) < 30 else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "test.jsonl"))
