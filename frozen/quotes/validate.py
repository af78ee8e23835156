"""Validate frozen/quotes/test.jsonl (the frozen quote-attribution test set) and print its make-up.

Run: python frozen/quotes/validate.py   (exit status 1 on any error)
"""
import collections
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIELDS = {"id", "text", "register", "region", "domain", "quotes"}
QFIELDS = {"quote", "direct", "speaker", "speaker_near", "tags"}
REGISTERS = set("wire tabloid broadsheet transcript local opinion translated blog".split())
REGIONS = set("africa asia europe latam mideast namerica oceania global".split())
DOMAINS = set("politics diplomacy courts crime health business sport science local tech "
              "environment labour culture military education transport".split())
# Informational per-quote tags (not gold fields): where the speaker mention sits, which phenomenon the quote tests.
TAGS = set("before after inside excl addr pron carry consec nested nested_inner role partial transcript alt "
           "guil low ascii null title indirect".split())
MARKS = "\"“”„«»‘’'"
# Rough sentence splitter, only for the 2–8 sentence guideline (warnings, not errors).
SENT = re.compile(r"(?<=[.!?])[”\"’»]?\s+(?=[A-Z“\"«„‘¿¡])")


def main(path: Path = HERE / "test.jsonl") -> int:
    errs: list[str] = []
    warns: list[str] = []
    ids: set[str] = set()
    texts: set[str] = set()
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        def e(msg: str, n: int = n) -> None:
            errs.append(f"line {n}: {msg}")
        try:
            r = json.loads(line)
        except json.JSONDecodeError as x:
            e(f"bad json {x}")
            continue
        rows.append(r)
        if set(r) != FIELDS:
            e(f"fields {sorted(set(r) ^ FIELDS)}")
        i = r.get("id", "")
        if not re.fullmatch(r"fq-\d{4}", str(i)) or i != f"fq-{n:04d}":
            e(f"bad or out-of-order id {i}")
        if i in ids:
            e(f"dup id {i}")
        ids.add(i)
        t = r.get("text", "")
        if not isinstance(t, str) or not t or t != t.strip():
            e("empty/unstripped text")
            continue
        if t in texts:
            e("duplicate text")
        texts.add(t)
        paras = t.split("\n\n")
        if any(not p.strip() or p != p.strip() or "\n" in p for p in paras):
            e("paragraphs must be non-empty, stripped and separated by exactly one blank line")
        nsent = sum(len(SENT.split(p)) for p in paras)
        if not 2 <= nsent <= 8:
            warns.append(f"{i}: ~{nsent} sentences")
        if r.get("register") not in REGISTERS:
            e(f"register {r.get('register')}")
        if r.get("region") not in REGIONS:
            e(f"region {r.get('region')}")
        if r.get("domain") not in DOMAINS:
            e(f"domain {r.get('domain')}")
        qs = r.get("quotes")
        if not isinstance(qs, list) or not qs:
            e("no quotes")
            continue
        seen = set()
        for k, q in enumerate(qs):
            def qe(msg: str, k: int = k) -> None:
                e(f"quote {k}: {msg}")
            extra = set(q) - QFIELDS - {"occurrence"}
            if extra or not set(q) >= QFIELDS:
                qe(f"fields {sorted(set(q))}")
                continue
            s = q["quote"]
            if not isinstance(s, str) or not s or s != s.strip():
                qe("empty/unstripped quote")
                continue
            if s[0] in MARKS.replace("‘", "") or s[-1] in "\"“”„«»":
                qe(f"quote keeps its outer marks: {s[:30]!r}")
            if s.endswith(","):
                qe(f"trailing comma belongs to the attribution, not the quote: {s[-30:]!r}")
            cnt = t.count(s)
            occ = q.get("occurrence")
            if cnt == 0:
                qe(f"not in text: {s[:50]!r}")
            elif cnt > 1 and not (isinstance(occ, int) and 0 <= occ < cnt):
                qe(f"occurs {cnt} times; needs occurrence 0..{cnt - 1}: {s[:40]!r}")
            elif cnt == 1 and occ not in (None, 0):
                qe("occurrence given but the quote occurs once")
            key = (s, occ or 0)
            if key in seen:
                qe("same quote listed twice")
            seen.add(key)
            if not isinstance(q["direct"], bool):
                qe("direct must be true/false")
            sp, near = q["speaker"], q["speaker_near"]
            if sp is None:
                if near is not None:
                    qe("speaker_near without speaker")
            else:
                if not isinstance(sp, str) or sp not in t:
                    qe(f"speaker not in text: {sp!r}")
                if not isinstance(near, str) or near not in t:
                    qe(f"speaker_near not in text: {near!r}")
            tags = q["tags"]
            if not isinstance(tags, list):
                qe("tags must be a list")
                continue
            bad = [g for g in tags if g not in TAGS and not re.fullmatch(r"c=\w+", g)]
            if bad:
                qe(f"unknown tags {bad}")
            if ("indirect" in tags) == bool(q["direct"]):
                qe("tag indirect must match direct=false")
            if ("null" in tags) != (sp is None):
                qe("tag null must match speaker=null")
            if "guil" in tags and "«" not in t:
                qe("tag guil but no « in text")
            if "low" in tags and "„" not in t:
                qe("tag low but no „ in text")
            if "ascii" in tags and '"' not in t:
                qe('tag ascii but no " in text')
    for x in errs:
        print("ERROR", x)
    for x in warns:
        print("warn", x)
    quotes = [q for r in rows for q in r.get("quotes", []) if isinstance(q, dict)]
    print(f"{len(rows)} passages, {len(quotes)} quotes; errors {len(errs)}, sentence-count warnings {len(warns)}")
    if len(rows) < 120 or len(quotes) < 300:
        print("ERROR: the set needs at least 120 passages and 300 quotes")
        errs.append("size")
    tagc = collections.Counter(g for q in quotes for g in q.get("tags", []) if not g.startswith("c="))
    cues = collections.Counter(g[2:] for q in quotes for g in q.get("tags", []) if g.startswith("c="))
    ndirect = sum(q.get("direct") is True for q in quotes)
    nindirect = sum(q.get("direct") is False for q in quotes)
    print("direct", ndirect, "indirect", nindirect, "speaker null", sum(q.get("speaker") is None for q in quotes))
    print("tags:", dict(sorted(tagc.items(), key=lambda kv: -kv[1])))
    print("cue verbs other than said (tagged):", sum(cues.values()), dict(cues.most_common()))
    for f in ("register", "region", "domain"):
        print(f + ":", dict(collections.Counter(r.get(f) for r in rows).most_common()))
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "test.jsonl"))
