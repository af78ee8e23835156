"""Validate training/events/*.jsonl (issue 16's written event data): fields, ids, exact substrings,
PLOVER types and modes; a file ``x_*.jsonl`` holds ids ``tx-NNNN``."""
import collections, glob, json, os, sys
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
PLOVER = yaml.safe_load(open(os.path.join(HERE, "..", "..", "storyline", "data", "plover.yaml")))
TYPES = {t: set(v.get("modes") or []) for t, v in PLOVER["types"].items()}
FIELDS = ["id", "text", "event", "type", "mode", "source", "target", "trigger", "modality",
          "domain", "region", "register", "syntax", "note"]
MODALITY = {"asserted", "reported", "planned", "hypothetical", "denied"}
DOMAIN = set("elections protests trade courts military health energy local diplomacy labour environment crime migration tech sport other".split())
REGION = set("africa asia europe latam mideast namerica oceania global".split())
REGISTER = set("wire tabloid opinion translated local broadcast".split())
SYNTAX = set("active passive nominal reported coordination relative question other".split())


def check(path):
    errors, ids, texts = [], set(), set()
    rows = []
    for ln, line in enumerate(open(path, encoding="utf-8"), 1):
        def err(msg):
            errors.append(f"{os.path.basename(path)}:{ln}: {msg}")
        try:
            o = json.loads(line)
        except json.JSONDecodeError as e:
            err(f"bad JSON: {e}"); continue
        missing = [k for k in FIELDS if k not in o and k != "note"]
        extra = [k for k in o if k not in FIELDS]
        if missing or extra:
            err(f"fields missing {missing} extra {extra}"); continue
        rows.append(o)
        if not str(o["id"]).startswith(f"t{os.path.basename(path)[0]}-"): err("id prefix")
        if o["id"] in ids: err("duplicate id")
        ids.add(o["id"])
        t = o["text"]
        if not isinstance(t, str) or len(t) < 15: err("text too short")
        if t in texts: err("duplicate text")
        if any(ch in t for ch in "|{}[]*"): err("markup character left in text")
        if t != t.strip() or "  " in t: err("stray whitespace in text")
        texts.add(t)
        for k, allowed in (("domain", DOMAIN), ("region", REGION), ("register", REGISTER), ("syntax", SYNTAX)):
            if o[k] not in allowed: err(f"bad {k} {o[k]!r}")
        if o["event"] is True:
            if o["type"] not in TYPES: err(f"bad type {o['type']!r}")
            elif o["mode"] is not None and o["mode"] not in TYPES[o["type"]]:
                err(f"mode {o['mode']!r} not allowed for {o['type']}")
            if o["modality"] not in MODALITY: err(f"bad modality {o['modality']!r}")
            if not o["trigger"]: err("event without trigger")
            for k in ("source", "target", "trigger"):
                if o[k] is not None and o[k] not in t: err(f"{k} {o[k]!r} not a substring")
            if o["source"] and o["target"] and o["source"] == o["target"]: err("source == target")
        elif o["event"] is False:
            for k in ("type", "mode", "source", "target", "trigger", "modality"):
                if o[k] is not None: err(f"non-event with {k}")
        else:
            err("event must be true/false")
    return rows, errors


def main():
    paths = sys.argv[1:] or sorted(glob.glob(os.path.join(HERE, "*.jsonl")))
    allrows, allerr = [], []
    for p in paths:
        rows, errors = check(p)
        allrows += rows; allerr += errors
    for e in allerr:
        print(e)
    c = collections.Counter(o["type"] or "NONE" for o in allrows)
    print("rows", len(allrows), "errors", len(allerr))
    print("types", dict(sorted(c.items())))
    by_note = collections.defaultdict(list)
    for o in allrows:
        if o.get("note"):
            by_note[o["note"]].append(o)
    # a contrast group: two or more sentences sharing a note and differing in type, event-ness or modality
    groups = {n: g for n, g in by_note.items()
              if len(g) >= 2 and len({(o["type"], o["modality"]) for o in g}) >= 2}
    print("contrast groups", len(groups), "sentences in them", sum(len(g) for g in groups.values()))
    for k in ("domain", "region", "register", "syntax", "modality"):
        print(k, dict(collections.Counter(o[k] for o in allrows).most_common()))
    return 1 if allerr else 0


if __name__ == "__main__":
    sys.exit(main())
