"""Build b_protest_labour_elections.jsonl from the compact b_src_*.txt files (part B of issue 16).
Line format:  TYPE[/mode] CTX | source | target | trigger | text | note
              NONE CTX4 | text | note
CTX = domain region register syntax [modality], one letter each; '-' for a null source/target."""
import glob, json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
D = dict(p="protests", l="labour", e="elections", o="local", c="courts", r="crime", g="other", m="migration")
R = dict(L="latam", F="africa", E="europe", N="namerica")
G = dict(w="wire", l="local", t="tabloid", b="broadcast", x="translated", o="opinion")
S = dict(A="active", P="passive", N="nominal", R="reported", C="coordination", L="relative", Q="question", O="other")
M = dict(a="asserted", r="reported", p="planned", h="hypothetical", d="denied")
rows, bad = [], 0
for path in sorted(glob.glob(os.path.join(HERE, "b_src_*.txt"))):
    for ln, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.strip()
        if not line or line.startswith("#"): continue
        try:
            head, rest = line.split(" ", 1) if False else (line.split("|")[0].strip(), None)
            parts = [x.strip() for x in line.split("|")]
            tm, ctx = parts[0].split()
            t, _, mode = tm.partition("/")
            o = {"id": None}
            if t == "NONE":
                text = parts[1]; note = parts[2] if len(parts) > 2 and parts[2] else None
                o.update(text=text, event=False, type=None, mode=None, source=None, target=None, trigger=None, modality=None)
            else:
                src, tgt, trig, text = parts[1:5]; note = parts[5] if len(parts) > 5 and parts[5] else None
                o.update(text=text, event=True, type=t, mode=mode or None, source=None if src == "-" else src,
                         target=None if tgt == "-" else tgt, trigger=trig, modality=M[ctx[4]])
            for k in ("source", "target", "trigger"):
                v = o.get(k)
                if v and v not in o["text"]:
                    i = o["text"].lower().find(v.lower())
                    if i >= 0: o[k] = o["text"][i:i + len(v)]
            o.update(domain=D[ctx[0]], region=R[ctx[1]], register=G[ctx[2]], syntax=S[ctx[3]], note=note)
            rows.append(o)
        except Exception as e:
            bad += 1; print(f"{os.path.basename(path)}:{ln}: {e}: {line[:90]}")
import re
REPORTED = re.compile(r"\b(said|says|say|told|reported|reports|according to|claim|announced)\b")
for o in rows:  # reported speech: an event sentence written actively but framed by a speech verb
    if o["event"] and o["syntax"] == "active" and REPORTED.search(o["text"]):
        o["syntax"] = "reported"
for i, o in enumerate(rows, 1):
    o["id"] = f"tb-{i:04d}"
with open(os.path.join(HERE, "b_protest_labour_elections.jsonl"), "w", encoding="utf-8") as f:
    for o in rows: f.write(json.dumps(o, ensure_ascii=False) + "\n")
print(len(rows), "rows,", bad, "unparsed")
