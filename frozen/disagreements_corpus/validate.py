"""Validate a corpus-level disagreement set (articles per corpus folder + gold.yaml) and print its counts.

Run: python frozen/disagreements_corpus/validate.py   (exit 1 on any error)
"""
import collections
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
LABELS = {"hedged_vs_firm", "status", "figure", "duration", "date", "attitude", "reason", "actor"}
FIELDS = {"label", "doc_a", "evidence_a", "doc_b", "evidence_b"}
YEAR = re.compile(r"\b(19|20)\d\d\b")


def main(root=HERE):
    errs = []
    gold = yaml.safe_load((root / "gold.yaml").read_text(encoding="utf-8"))["corpora"]
    folders = sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))
    if sorted(gold) != folders:
        errs.append(f"gold corpora {sorted(set(gold) ^ set(folders))} do not match the folders")
    labels, n_articles, empty = collections.Counter(), 0, 0
    for cid in sorted(set(gold) & set(folders)):
        entry = gold[cid]
        def e(msg, cid=cid): errs.append(f"{cid}: {msg}")
        texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted((root / cid).glob("*.txt"))}
        n_articles += len(texts)
        if not 2 <= len(texts) <= 4: e(f"{len(texts)} articles (want 2-4)")
        if {p.name for p in (root / cid).iterdir()} != {f"{s}.txt" for s in texts}: e("files other than .txt")
        outlets = []
        for stem, text in texts.items():
            lines = text.splitlines()
            if len(lines) < 5 or not all(lines[:3]) or lines[3].strip():
                e(f"{stem}: want title, outlet and date lines then a blank line")
                continue
            outlets.append(lines[1])
            if not YEAR.search(lines[2]): e(f"{stem}: date line {lines[2]!r} has no year")
            words = len(text.split())
            if not 150 <= words <= 420: e(f"{stem}: {words} words (want 150-400 of text)")
        if len(set(outlets)) != len(outlets): e("two articles from the same outlet")
        if not entry.get("story"): e("no story")
        dis = entry.get("disagreements")
        if not isinstance(dis, list): e("disagreements is not a list"); continue
        if len(dis) > 3: e(f"{len(dis)} disagreements (want 0-3)")
        empty += not dis
        seen = set()
        for d in dis:
            if set(d) != FIELDS: e(f"fields {sorted(set(d) ^ FIELDS)}"); continue
            if d["label"] not in LABELS: e(f"label {d['label']}")
            labels[d["label"]] += 1
            if d["doc_a"] == d["doc_b"]: e("doc_a == doc_b")
            for s in ("a", "b"):
                doc, ev = str(d[f"doc_{s}"]), d[f"evidence_{s}"]
                if doc not in texts: e(f"doc_{s} {doc!r} is not an article"); continue
                if not ev or ev not in texts[doc]: e(f"evidence_{s} {ev!r} not in {doc}.txt")
                elif texts[doc].index(ev) < len("\n".join(texts[doc].splitlines()[:3])):
                    e(f"evidence_{s} {ev!r} is in the title lines")
            key = frozenset([(str(d["doc_a"]), d["evidence_a"]), (str(d["doc_b"]), d["evidence_b"])])
            if key in seen: e("duplicate disagreement")
            seen.add(key)
    for x in errs:
        print(x)
    print(f"{len(gold)} corpora, {n_articles} articles, {sum(labels.values())} disagreements, "
          f"{empty} corpora without any")
    print("labels:", dict(labels.most_common()))
    if len(gold) < 24: errs.append("fewer than 24 corpora")
    if empty < 3: errs.append("fewer than 3 corpora without a disagreement")
    if set(labels) != LABELS: errs.append(f"labels missing: {sorted(LABELS - set(labels))}")
    if errs[-1:] and errs[-1].startswith(("fewer", "labels missing")):
        print(errs[-1])
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE))
