"""Validate training/quotes/*.jsonl (issue 17's written quote-speaker data) and count the phenomena covered.

Checks every record: fields, ids, registers, 2-16 sentences; every quote occurs exactly in the text (with
`occurrence` when its words occur more than once); a direct quote is the whole span between a pair of quote
marks (or a transcript answer after a speaker label); an indirect quote is not inside marks; the speaker and
`speaker_near` occur as whole words, `speaker_near` outside every direct quote. Marked spans of three words
or more that no record annotates are reported as warnings.
Usage: python training/quotes/validate.py [files...]
"""
import collections
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIELDS = {"id", "text", "register", "region", "domain", "quotes"}
QFIELDS = {"quote", "direct", "speaker", "speaker_near"}
REGISTER = set("wire tabloid broadsheet transcript local opinion translated blog".split())
REGION = set("africa asia europe latam mideast namerica oceania global".split())
DOMAIN = set(("politics sport business courts health crime science local entertainment diplomacy military "
              "environment labour tech education culture").split())
OPEN = "“\"«„‘'‹»"
CLOSE = "”\"»“’'‹«"
PAIRS = {"“": "”", '"': '"', "«": "»", "„": "“", "‘": "’", "'": "'", "‹": "›", "»": "«"}
PRONOUNS = {"he", "she", "they", "him", "her", "his", "them", "i", "we", "it"}
ABBR = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Gen|Lt|Col|Sgt|Capt|Prof|St|Rev|Sen|Rep|Gov|Insp|Supt|Det|Jr|Sr|No|U\.S|U\.N|"
                  r"Maj|Adm|Cpl|Fr|Hon|Mt|[A-Z])\.")
CUES = ["quoted as saying", "according to", "in a statement", "told reporters", "told", "said", "says", "added",
        "insisted", "warned", "wrote", "writes", "posted", "asked", "replied", "admitted", "claimed", "tweeted",
        "explained", "recalled", "conceded", "declared", "argued", "noted", "stressed", "urged", "shouted",
        "whispered", "joked", "complained", "vowed", "announced", "confirmed", "denied", "testified", "continued",
        "answered", "responded", "promised", "suggested", "protested", "interjected", "went on", "put it"]
TITLES = re.compile(r"\b(Dr\.|Gen\.|Mr\.|Ms\.|Mrs\.|Sheikh|Prof\.|Col\.|Lt\.|Sgt\.|Capt\.|Rev\.|Sen\.|Rep\.|"
                    r"Judge|Justice|Imam|Rabbi|Father|Sister|Chief|Insp\.|Det\.|Maj\.|Adm\.|President|Minister)\b")


def is_label(prefix: str) -> bool:
    """A transcript speaker label ending a line's start: 'Q: ', 'MODERATOR: ', 'ANA RUIZ: ', 'Ruiz: '."""
    if not prefix.endswith(": "):
        return False
    label = prefix[:-2]
    return label.isupper() or bool(re.fullmatch(r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}", label))


def words_at(text: str, s: str) -> list[int]:
    """Start offsets where s occurs as whole words."""
    out = []
    for m in re.finditer(re.escape(s), text):
        a, b = m.start(), m.end()
        if (a == 0 or not (text[a - 1].isalnum() and s[0].isalnum())) and \
                (b == len(text) or not (text[b].isalnum() and s[-1].isalnum())):
            out.append(a)
    return out


def sentences(text: str) -> int:
    n = 0
    for para in text.split("\n\n"):
        p = ABBR.sub("X", para)
        n += max(1, len(re.findall(r"[.!?][”\"»’')]*(?:\s+(?=[“\"«„‘'A-Z0-9])|$)", p)))
    return n


def marked_spans(text: str) -> list[tuple[int, int]]:
    """Spans between double marks (curly, straight, guillemets, low-high) inside one paragraph."""
    spans = []
    for m in re.finditer(r"“([^”“\n]*)”|\"([^\"\n]*)\"|«\s?([^»\n]*?)\s?»|„([^“\n]*)“", text):
        g = next(i for i in range(1, 5) if m.group(i) is not None)
        spans.append((m.start(g), m.end(g)))
    return spans


def check(path: str) -> tuple[list[dict], list[str], list[str]]:
    errors: list[str] = []
    warnings: list[str] = []
    rows = []
    for ln, line in enumerate(open(path, encoding="utf-8"), 1):
        def err(msg: str) -> None:
            errors.append(f"{os.path.basename(path)}:{ln}: {msg}")
        try:
            o = json.loads(line)
        except json.JSONDecodeError as e:
            err(f"bad JSON: {e}")
            continue
        if set(o) != FIELDS:
            err(f"fields {sorted(set(o) ^ FIELDS)}")
            continue
        t = o["text"]
        if not re.fullmatch(r"tq-\d{4}", o["id"]):
            err("bad id")
        if o["register"] not in REGISTER:
            err(f"bad register {o['register']!r}")
        if o["region"] not in REGION:
            err(f"bad region {o['region']!r}")
        if o["domain"] not in DOMAIN:
            err(f"bad domain {o['domain']!r}")
        if t != t.strip() or "  " in t or "\n\n\n" in t or re.search(r"(?<!\n)\n(?!\n)", t):
            err("stray whitespace in text")
        ns = sentences(t)
        if not 2 <= ns <= 16:
            err(f"{ns} sentences")
        if not o["quotes"]:
            err("no quotes")
        direct_spans = []
        for q in o["quotes"]:
            extra = set(q) - QFIELDS - {"occurrence"}
            if extra or not QFIELDS <= set(q):
                err(f"quote fields {sorted(q)}")
                continue
            s = q["quote"]
            occ = [m.start() for m in re.finditer(re.escape(s), t)] if s else []
            k = q.get("occurrence", 0)
            if not occ:
                err(f"quote not in text: {s[:50]!r}")
                continue
            if len(occ) > 1 and "occurrence" not in q:
                err(f"quote occurs {len(occ)} times, no occurrence: {s[:40]!r}")
            if k >= len(occ):
                err(f"occurrence {k} out of range: {s[:40]!r}")
                continue
            a, b = occ[k], occ[k] + len(s)
            q["_span"] = (a, b)
            before, after = t[max(0, a - 2):a], t[b:b + 2]
            marked = before[-1:] in OPEN or (before[-1:] == " " and before[:1] in "«»") if before else False
            closed = (after[:1] in CLOSE or (after[:1] == " " and after[1:2] in "»«") or after[:2] == "\n\n" or b == len(t))
            if q["direct"] is True:
                if marked and closed:
                    direct_spans.append((a, b))
                elif is_label(t[t.rfind("\n", 0, a) + 1:a]) and o["register"] == "transcript":
                    q["_label"] = True
                elif re.match(r"[—–]|- ", t[t.rfind("\n", 0, a) + 1:a]):
                    direct_spans.append((a, b))    # a dialogue turn: its paragraph opens with a dash (quotes17b)
                else:
                    err(f"direct quote not between marks: {s[:40]!r} [{before!r}|{after!r}]")
                if s != s.strip():
                    err(f"quote has edge spaces: {s[:40]!r}")
            elif q["direct"] is False:
                if marked and closed:
                    err(f"indirect quote inside marks: {s[:40]!r}")
                if s[-1] in ".,":
                    err(f"indirect quote ends in punctuation: {s[-20:]!r}")
            else:
                err("direct must be true/false")
        for q in o["quotes"]:
            sp, nr = q["speaker"], q["speaker_near"]
            if (sp is None) != (nr is None):
                err(f"speaker {sp!r} / near {nr!r}: null together or not at all")
                continue
            if sp is None:
                continue
            if not words_at(t, sp):
                err(f"speaker not in text: {sp!r}")
            # a nested quote's speaker may be named inside the quote that holds it
            own = q.get("_span", (0, 0))
            outside = [p for p in words_at(t, nr)
                       if not any(a <= p < b and not ((a, b) != own and a <= own[0] and own[1] <= b)
                                  for a, b in direct_spans)]
            if not outside:
                err(f"speaker_near not in text outside quotes: {nr!r}")
            elif "_span" in q:
                qa, qb = q["_span"]
                q["_near"] = min(outside, key=lambda p: min(abs(p - qa), abs(p - qb)))
        annotated = {q["_span"] for q in o["quotes"] if "_span" in q}
        for a, b in marked_spans(t):
            frag = t[a:b]
            if (a, b) not in annotated and len(frag.split()) >= 3:
                warnings.append(f"{os.path.basename(path)}:{ln} {o['id']}: unannotated marked span {frag[:50]!r}")
        rows.append(o)
    return rows, errors, warnings


def phenomena(o: dict) -> collections.Counter:
    """Count what each quote of a passage exercises, from the text and its annotation."""
    c: collections.Counter = collections.Counter()
    t = o["text"]
    paras, pos = [], 0
    for p in t.split("\n\n"):
        paras.append((pos, pos + len(p)))
        pos += len(p) + 2

    def para_of(i: int) -> int:
        return next(k for k, (a, b) in enumerate(paras) if a <= i <= b)

    qs = [q for q in o["quotes"] if "_span" in q]
    speakers = [q["speaker"] for q in qs]
    c["passages:" + o["register"]] += 1
    c["domain:" + o["domain"]] += 1
    c["region:" + o["region"]] += 1
    if "he" in re.findall(r"\b[Hh]e\b", t) and re.search(r"\b[Ss]he\b", t):
        c["passage: both he and she"] += 1
    named = [s for s in set(speakers) if s]
    if len(named) >= 2 and any(speakers.count(s) >= 2 for s in named):
        seq = [s for s in speakers if s]
        if sum(1 for x, y in zip(seq, seq[1:]) if x != y) >= 2:
            c["passage: two speakers alternating"] += 1
    for i, q in enumerate(qs):
        a, b = q["_span"]
        s = q["quote"]
        c["quotes"] += 1
        c["direct" if q["direct"] else "indirect"] += 1
        if q["speaker"] is None:
            c["unattributed (speaker null)"] += 1
            continue
        if q.get("_label"):
            c["transcript label"] += 1
        if q["direct"] and not q.get("_label"):
            mark = t[a - 1] if t[a - 1] != " " else t[a - 2]
            c["mark " + mark] += 1
            pre = t[max(0, a - 3):a - 1]
            if re.search(r"[A-Za-z,;]\s$|[a-z]$", pre) and not re.search(r"[:,]\s*$", t[max(0, a - 3):a - 1]):
                c["partial quote mid-sentence"] += 1
            if s[-1:] in "!?" and re.match(r"[”\"»“]\s+(?:[A-Z][a-z]+ )*[A-Z]", t[b:b + 30]) and \
                    not re.match(r"[”\"»“]\s+(?:he|she|they)\b", t[b:b + 30]):
                c["?/! then capitalised word"] += 1
            if re.search(r"[‘'„“\"«]\w", s) and any(q2 is not q and q2["_span"][0] >= a and q2["_span"][1] <= b
                                                    for q2 in qs):
                c["nested quote (outer)"] += 1
            if any(q2 is not q and q2["direct"] and q2["_span"][0] <= a and q2["_span"][1] >= b for q2 in qs):
                c["nested quote (inner)"] += 1
        near = q.get("_near")
        nr = q["speaker_near"]
        if nr.lower() in PRONOUNS:
            c["near is pronoun"] += 1
        elif nr[0].islower() or nr.split()[0] in ("The", "A", "An") or nr == nr.lower():
            c["near is role description"] += 1
        else:
            c["near is name"] += 1
        if TITLES.search(q["speaker"]) or TITLES.search(nr):
            c["title in name"] += 1
        if near is None:
            continue
        if para_of(near) != para_of(a):
            c["speaker from another paragraph"] += 1
        elif near < a:
            same_before = [q2 for q2 in qs[:i] if q2["speaker"] == q["speaker"] and q2["_span"][1] < a
                           and q2["_span"][1] > near and para_of(q2["_span"][0]) == para_of(a)]
            c["speaker inside (between parts)" if same_before else "speaker before"] += 1
        else:
            c["speaker after"] += 1
        if para_of(near) == para_of(a):
            lo, hi = (near, a) if near < a else (b, near + len(nr) + 40)
            window = t[lo:hi].lower()
            found = next((cue for cue in CUES if re.search(r"\b" + cue + r"\b", window)), None)
            if found:
                c["cue: " + found] += 1
            if re.search(r"\btold (?:Mr\.|Mrs\.|Ms\.|Dr\.|reporters|journalists|[A-Z])", t[lo:hi]):
                c["'told X' (speaker is the teller)"] += 1
        if i and para_of(a) > 0 and any(para_of(q2["_span"][0]) == para_of(a) - 1 and q2["speaker"] == q["speaker"]
                                        for q2 in qs[:i]):
            c["consecutive quote paragraphs, same speaker"] += 1
    return c


def main() -> None:
    paths = sys.argv[1:] or sorted(glob.glob(os.path.join(HERE, "*.jsonl")))
    allerr, allwarn = [], []
    ids: collections.Counter = collections.Counter()
    texts: collections.Counter = collections.Counter()
    total: collections.Counter = collections.Counter()
    for p in paths:
        rows, errors, warnings = check(p)
        allerr += errors
        allwarn += warnings
        fc: collections.Counter = collections.Counter()
        for o in rows:
            ids[o["id"]] += 1
            texts[o["text"]] += 1
            fc += phenomena(o)
        total += fc
        print(f"{os.path.basename(p)}: {len(rows)} passages, {fc['quotes']} quotes")
    allerr += [f"duplicate id {i}" for i, n in ids.items() if n > 1]
    allerr += [f"duplicate text {t[:40]!r}" for t, n in texts.items() if n > 1]
    for w in allwarn:
        print("warning:", w)
    for e in allerr:
        print("error:", e)
    passages = sum(ids.values())
    print(f"total: {passages} passages, {total['quotes']} quotes, {len(allerr)} errors, {len(allwarn)} warnings")
    groups = collections.defaultdict(list)
    for k, v in total.items():
        groups[k.split(":")[0] if ":" in k else ""].append((k, v))
    for g in sorted(groups):
        print("  " + ", ".join(f"{k}={v}" for k, v in sorted(groups[g], key=lambda kv: -kv[1])))
    sys.exit(1 if allerr else 0)


if __name__ == "__main__":
    main()
