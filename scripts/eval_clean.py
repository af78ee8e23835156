#!/usr/bin/env python3
"""Score storyline's cleaning on the frozen, team-written held-out cleaning set (frozen/clean/).

The set was written before the cleaning rules were changed and is never tuned on: these figures
are reported, not targets. Matching follows the cleaning part of the shared scorer
(../shared/tools/score.py), reimplemented here so this script runs without ../shared:
- clean.removed: a gold ``remove`` string must not survive in the cleaned body (a phrase of 25+
  characters counts anywhere; a shorter one only as a whole line or glued to a line's edge);
- clean.kept: a gold ``keep`` string must be in the cleaned body (or, 20+ characters, in the title);
- meta.title / meta.published: normalised equality (a gold null date is met by no date or an
  "uncertain" precision).

usage: eval_clean.py [--set frozen/clean] [--clean-lines rules|trained|hybrid] [--line-model PATH]
                     [--clean-titles rules|trained] [--json]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import yaml

from storyline.clean import LineStats, clean_document
from storyline.config import Settings
from storyline.ingest import read_paths
from storyline.model import Document

REPO = Path(__file__).resolve().parents[1]
FIGURES = ("clean.kept", "clean.removed", "meta.title", "meta.published")
_LEADING_NUMBER = re.compile(r"^\(?\d+[.)]\s*")


def norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "")
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s).strip().lower()


def still_there(phrase: str, raw_body: str) -> bool:
    """A long phrase counts anywhere; a short one only as a line, or glued to a line's edge."""
    p = norm(phrase)
    if len(p) >= 25:
        return p in norm(raw_body)
    for line in (norm(x) for x in (raw_body or "").splitlines()):
        if line == p:
            return True
        if line.startswith(p) and (len(p) >= 12 or not line[len(p)].isalpha() or not line[len(p)].islower()):
            return True
        if line.endswith(p) and len(p) >= 5:
            return True
    return False


def body_of(doc: Document) -> str:
    """The cleaned body read from the document's kept blocks (repairs applied), blank-line joined."""
    if not doc.blocks:
        return doc.text or ""
    view = doc.body_view()
    return "\n\n".join(view[b.start:b.end] for b in doc.blocks)


def key_of(source: str) -> str:
    return Path(str(source).split("#")[0]).name.split("_")[0]


def clean_set(articles: Path, clean_lines: str | None = None, line_model: str = "",
              clean_titles: str | None = None) -> dict[str, Document]:
    settings = Settings() if clean_lines is None else Settings(clean_lines=clean_lines)
    if line_model:
        settings = Settings(clean_lines=settings.clean_lines, clean_line_model=line_model)
    if clean_titles is not None:
        settings = Settings(clean_lines=settings.clean_lines, clean_line_model=settings.clean_line_model,
                            clean_titles=clean_titles)
    docs = [d for d in read_paths([articles], settings) if isinstance(d, Document)]
    stats = LineStats.from_documents(docs)
    return {key_of(d.source): clean_document(d, settings, stats) for d in docs}


def removed_by(doc: Document | None, phrase: str) -> str:
    """For the misses list: the reasons of the removals that took (part of) a lost gold line (": reason, ..."),
    so a kept miss is bucketed by the rule or model decision that removed it."""
    if doc is None or not phrase:
        return ""
    reasons = sorted({r.reason for r in doc.removed
                      if (t := norm(r.text)) and (t in phrase or phrase[:30] in t)})
    return ": " + ", ".join(reasons) if reasons else ""


def score(cleaned: dict[str, Document], gold: dict) -> tuple[dict[str, dict[str, list[int]]], list[str]]:
    """({group: {figure: [hits, n]}}, misses); group "all" plus one per format."""
    out: dict[str, dict[str, list[int]]] = defaultdict(lambda: {f: [0, 0] for f in FIGURES})
    misses: list[str] = []
    for k, g in gold["documents"].items():
        doc = cleaned.get(k)
        body = body_of(doc) if doc else ""
        nbody = norm(body)
        title = norm(doc.title if doc else "")
        groups = ("all", g.get("format", "other"))
        # bound as defaults: add() is called only within this iteration, but that should not need checking
        def add(fig: str, ok: bool, what: str, groups: tuple[str, str] = groups, k: str = k) -> None:
            for grp in groups:
                out[grp][fig][0] += ok
                out[grp][fig][1] += 1
            if not ok:
                misses.append(f"{k} {fig}: {what}")
        for p in g.get("remove") or []:
            add("clean.removed", not still_there(p, body), p)
        for p in g.get("keep") or []:
            np_ = norm(p)
            ok = np_ in nbody or (len(np_) >= 20 and np_ in title)
            # for the misses list only: was the line lost, or only its leading number cut off?
            bare = norm(_LEADING_NUMBER.sub("", p, count=1))
            tag = "[number cut] " if bare != np_ and bare and bare in nbody else f"[lost{removed_by(doc, np_)}] "
            add("clean.kept", ok, tag + p)
        if "title" in g:
            got = doc.title if doc else None
            add("meta.title", (got in (None, "")) if g["title"] is None else norm(str(got)) == norm(str(g["title"])),
                f"want {g['title']!r} got {got!r}")
        if "published" in g:
            got = doc.published if doc else None
            want = g["published"]
            if want is None:
                ok = got is None or "uncertain" in str(doc.published_precision if doc else "")
            else:
                ok = norm(str(got)) == norm(str(want))
            add("meta.published", ok, f"want {want!r} got {got!r}")
    return dict(out), misses


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default=str(REPO / "frozen" / "clean"))
    ap.add_argument("--clean-lines", choices=("rules", "trained", "hybrid"), help="override Settings.clean_lines")
    ap.add_argument("--line-model", default="", help="the trained line model file (default: the shipped one)")
    ap.add_argument("--clean-titles", choices=("rules", "trained"), help="override Settings.clean_titles")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--misses", action="store_true", help="list every missed gold string")
    a = ap.parse_args(argv)
    root = Path(a.set)
    gold = yaml.safe_load((root / "gold.yaml").read_text(encoding="utf-8"))
    cleaned = clean_set(root / "articles", a.clean_lines, a.line_model, a.clean_titles)
    res, misses = score(cleaned, gold)
    if a.json:
        print(json.dumps({g: {f: (h / n if n else None, n) for f, (h, n) in r.items()} for g, r in res.items()},
                         indent=1, sort_keys=True))
        return 0
    groups = ["all", *sorted(g for g in res if g != "all")]
    print(f"{'format':<14}" + "".join(f"{f:>22}" for f in FIGURES))
    for grp in groups:
        cells = []
        for f in FIGURES:
            h, n = res[grp][f]
            cells.append(f"{(h / n if n else float('nan')):.3f} ({h}/{n})" if n else "-")
        print(f"{grp:<14}" + "".join(f"{c:>22}" for c in cells))
    if a.misses:
        print()
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
