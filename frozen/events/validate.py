"""Validate frozen/events/test.jsonl (the frozen event test set). Run: python frozen/events/validate.py"""
import json, sys, collections
from pathlib import Path
import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PLOVER = yaml.safe_load((ROOT / "storyline/data/plover.yaml").read_text())["types"]
MODES = {t: set(v.get("modes") or []) for t, v in PLOVER.items()}
FIELDS = ["id", "text", "event", "type", "mode", "source", "target", "trigger", "modality",
          "domain", "region", "register", "syntax"]
MODALITY = {"asserted", "reported", "planned", "hypothetical", "denied"}
DOMAINS = set("elections protests trade courts military health energy local diplomacy labour environment crime migration tech sport other".split())
REGIONS = set("africa asia europe latam mideast namerica oceania global".split())
REGISTERS = set("wire tabloid opinion translated local broadcast".split())
SYNTAX = set("active passive nominal reported coordination relative question other".split())


def main(path=HERE / "test.jsonl"):
    errs, ids, texts, rows = [], set(), set(), []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        def e(msg): errs.append(f"line {n}: {msg}")
        try:
            r = json.loads(line)
        except Exception as x:
            e(f"bad json {x}"); continue
        rows.append(r)
        for f in FIELDS:
            if f not in r: e(f"missing {f}")
        extra = set(r) - set(FIELDS) - {"note"}
        if extra: e(f"extra fields {extra}")
        i = r.get("id", "")
        if not (isinstance(i, str) and i.startswith("ft-") and len(i) == 7 and i[3:].isdigit()): e(f"bad id {i}")
        if i in ids: e(f"dup id {i}")
        ids.add(i)
        t = r.get("text", "")
        if not t or t != t.strip(): e("empty/unstripped text")
        if t in texts: e(f"dup text {t[:40]}")
        texts.add(t)
        if r.get("domain") not in DOMAINS: e(f"domain {r.get('domain')}")
        if r.get("region") not in REGIONS: e(f"region {r.get('region')}")
        if r.get("register") not in REGISTERS: e(f"register {r.get('register')}")
        if r.get("syntax") not in SYNTAX: e(f"syntax {r.get('syntax')}")
        if r.get("event") is True:
            ty = r.get("type")
            if ty not in PLOVER: e(f"type {ty}"); continue
            m = r.get("mode")
            if m is not None and m not in MODES[ty]: e(f"mode {m} not allowed for {ty}")
            if r.get("modality") not in MODALITY: e(f"modality {r.get('modality')}")
            if not r.get("trigger"): e("event without trigger")
            for f in ("source", "target", "trigger"):
                v = r.get(f)
                if v is not None and (not isinstance(v, str) or v not in t): e(f"{f} {v!r} not a substring")
            # source may be null when the sentence names no actor (agentless passive/nominal)
        elif r.get("event") is False:
            for f in ("type", "mode", "source", "target", "trigger", "modality"):
                if r.get(f) is not None: e(f"non-event has {f}")
        else:
            e("event must be true/false")
    for x in errs: print(x)
    ev = [r for r in rows if r.get("event") is True]
    c = collections.Counter(r.get("type") for r in ev)
    print(f"{len(rows)} rows, {len(ev)} events, {len(rows)-len(ev)} non-events")
    print("types:", dict(sorted(c.items())))
    for f in ("domain", "region", "register", "syntax", "modality"):
        print(f + ":", dict(collections.Counter(r.get(f) for r in rows).most_common()))
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "test.jsonl"))
