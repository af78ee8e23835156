#!/usr/bin/env python3
"""Build (`--build [DIR]`) and check training/events/c_health_crime_economy.jsonl from its compact source.
Also: `--build [DIR]` first rebuilds the jsonl from the compact source files DIR/c_src_*.txt
(default: this directory). Source line: TYPE[/mode] | source | target | trigger | modality | domain |
region | register | syntax | text [| note], with short codes expanded by AB below."""
import json, sys, glob, os, collections
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "c_health_crime_economy.jsonl")
PLOVER = yaml.safe_load(open(os.path.join(HERE, "..", "..", "storyline", "data", "plover.yaml")))["types"]
MODES = {t: set(v.get("modes", [])) for t, v in PLOVER.items()}
DOMAINS = set("elections protests trade courts military health energy local diplomacy labour environment crime migration tech sport other".split())
REGIONS = set("africa asia europe latam mideast namerica oceania global".split())
REGISTERS = set("wire tabloid opinion translated local broadcast".split())
SYNTAX = set("active passive nominal reported coordination relative question other".split())
MODALITY = set("asserted reported planned hypothetical denied".split())
AB = {
 "mod": dict(a="asserted", r="reported", p="planned", h="hypothetical", d="denied"),
 "dom": dict(he="health", cr="crime", tr="trade", mi="migration", en="environment", te="tech", la="labour",
             co="courts", pr="protests", lo="local", di="diplomacy", ml="military", eg="energy", ot="other",
             sp="sport", el="elections"),
 "reg": dict(as_="asia", af="africa", oc="oceania", me="mideast", gl="global", eu="europe", la="latam", na="namerica"),
 "regi": dict(w="wire", l="local", o="opinion", t="translated", tb="tabloid", b="broadcast"),
 "syn": dict(ac="active", pa="passive", no="nominal", re="reported", co="coordination", rel="relative", q="question", ot="other"),
}
AB["reg"]["as"] = "asia"

def build(d):
    rows = []
    for fn in sorted(glob.glob(os.path.join(d, "c_src_*.txt"))):
        for ln, line in enumerate(open(fn, encoding="utf-8"), 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            p = [x.strip() for x in line.split(" | ")]
            if len(p) not in (10, 11):
                sys.exit(f"{fn}:{ln}: {len(p)} fields: {line}")
            tm, src, tgt, trig, mod, dom, reg, regi, syn, text = p[:10]
            note = p[10] if len(p) == 11 else None
            t, _, m = tm.partition("/")
            ev = t != "NONE"
            g = lambda k, v: AB[k].get(v, v)
            fix = []
            for v in (src, tgt, trig):
                if v and v not in text and v.lower() in text.lower():
                    i = text.lower().index(v.lower()); v = text[i:i + len(v)]
                fix.append(v)
            src, tgt, trig = fix
            rows.append({"text": text, "event": ev, "type": t if ev else None, "mode": m or None,
                         "source": src or None, "target": tgt or None, "trigger": trig or None,
                         "modality": g("mod", mod) if ev else None, "domain": g("dom", dom),
                         "region": g("reg", reg), "register": g("regi", regi), "syntax": g("syn", syn),
                         "note": note, "_loc": f"{os.path.basename(fn)}:{ln}"})
    with open(OUT, "w", encoding="utf-8") as f:
        for i, r in enumerate(rows, 1):
            loc = r.pop("_loc")
            o = {"id": f"tc-{i:04d}"}; o.update(r)
            if o["note"] is None: del o["note"]
            f.write(json.dumps(o, ensure_ascii=False) + "\n")

def validate():
    errs = []; seen = set(); texts = collections.Counter()
    types = collections.Counter(); notes = collections.Counter(); nonev = 0
    for ln, line in enumerate(open(OUT, encoding="utf-8"), 1):
        try:
            o = json.loads(line)
        except Exception as e:
            errs.append(f"{ln}: bad json {e}"); continue
        E = lambda m: errs.append(f"{ln} {o.get('id')}: {m} :: {o.get('text')}")
        for k in ("id", "text", "event", "type", "mode", "source", "target", "trigger", "modality", "domain", "region", "register", "syntax"):
            if k not in o: E(f"missing {k}")
        if not str(o["id"]).startswith("tc-") or o["id"] in seen: E("bad/dup id")
        seen.add(o["id"]); texts[o["text"]] += 1
        if o["event"]:
            t = o["type"]
            if t not in PLOVER: E(f"bad type {t}"); continue
            types[t] += 1
            if o["mode"] is not None and o["mode"] not in MODES[t]: E(f"bad mode {o['mode']} for {t}")
            if o["modality"] not in MODALITY: E(f"bad modality {o['modality']}")
            if not o["trigger"]: E("event without trigger")
            if not o["source"] and not o["target"]: E("event with neither source nor target")
            for k in ("source", "target", "trigger"):
                if o[k] is not None and o[k] not in o["text"]: E(f"{k} {o[k]!r} not substring")
        else:
            nonev += 1
            for k in ("type", "mode", "source", "target", "trigger", "modality"):
                if o[k] is not None: E(f"non-event with {k}")
        if o["domain"] not in DOMAINS: E(f"bad domain {o['domain']}")
        if o["region"] not in REGIONS: E(f"bad region {o['region']}")
        if o["register"] not in REGISTERS: E(f"bad register {o['register']}")
        if o["syntax"] not in SYNTAX: E(f"bad syntax {o['syntax']}")
        if o.get("note"): notes[o["note"]] += 1
    for t, c in texts.items():
        if c > 1: errs.append(f"duplicate text: {t}")
    for e in errs: print("ERR", e)
    print("types:", dict(sorted(types.items(), key=lambda x: -x[1])))
    print("events", sum(types.values()), "non-events", nonev, "total", sum(types.values()) + nonev)
    single = [n for n, c in notes.items() if c == 1 and n.startswith("cc")]
    print("contrast notes:", sum(1 for n in notes if n.startswith("cc")), "sentences in contrasts:", sum(c for n, c in notes.items() if n.startswith("cc")), "singleton cc notes:", single)
    return not errs

if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--build":
        build(sys.argv[2] if len(sys.argv) > 2 else HERE)
    sys.exit(0 if validate() else 1)
