#!/usr/bin/env python
"""Write training/stories_dev3/: long articles about many same-kind stories in the same weeks.

    python scripts/write_stories_dev3.py [--out training/stories_dev3]
    python scripts/write_stories_dev3.py --sheets stories_train3_sheets --out training/stories_train3 \
        --prefix t --seed 33

Every story has a hand-written fact sheet (places, people, figures, day, a few sentences only it has);
an article is put together from paragraphs written for its story's kind, filled with its sheet, in one of
several shapes (wire report, a rewrite of the wire, a local report, a follow-up days later, an analysis that
recaps another story of the same kind at length, a short undated brief). Paragraph choice, order, outlets
and date lines come from a fixed random seed, so the set is reproducible. Names of towns, people, firms and
outlets are invented; countries, provinces and rivers are real. For development only: never trained on.
"""
from __future__ import annotations

import argparse
import importlib
import random
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten",
         11: "eleven", 12: "twelve"}


def n(x: int) -> str:
    return f"{x:,}"


def dateline(d: date, rng: random.Random) -> str:
    shape = rng.randrange(5)
    if shape == 0:
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if shape == 1:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if shape == 2:
        return d.isoformat()
    if shape == 3:
        return f"{WEEKDAYS[d.weekday()]}, {d.day} {MONTHS[d.month - 1]} {d.year}"
    return f"Published {MONTHS[d.month - 1][:3]}. {d.day}, {d.year}"


def slots(story: dict, prefix: str = "") -> dict[str, str]:
    """The sheet's values as template slots (numbers written with thousands commas, days as weekdays)."""
    out: dict[str, str] = {}
    for k, v in story.items():
        if isinstance(v, (bool, list, dict)):
            continue
        if isinstance(v, int):
            out[prefix + k] = str(v) if k.endswith("year") else n(v)
            out[prefix + k + "_w"] = WORDS.get(v, n(v))
        elif isinstance(v, date):
            out[prefix + k + "_wd"] = WEEKDAYS[v.weekday()]
            out[prefix + k + "_md"] = f"{MONTHS[v.month - 1]} {v.day}"
            out[prefix + k + "_dm"] = f"{v.day} {MONTHS[v.month - 1]}"
        elif k.endswith("_quote"):   # a quote followed by "said X" ends in a comma
            out[prefix + k] = v[:-1] + "," if v.endswith(".") else v
            out[prefix + k + "_full"] = v
        else:
            out[prefix + k] = str(v)
    return out


def fill(template: str, values: dict[str, str]) -> str:
    return template.format(**values)


def pick(rng: random.Random, options: list[str], used: set[str]) -> str:
    fresh = [o for o in options if o not in used] or options
    choice = rng.choice(fresh)
    used.add(choice)
    return choice


def article(story: dict, kind: dict, shape: str, rng: random.Random, others: list[dict]) -> tuple[str, str]:
    """(title, body paragraphs) of one article of ``story`` (of ``kind``'s paragraphs) in ``shape``."""
    v = slots(story)
    if others:
        v.update(slots(others[0], "o_"))
        gap = abs((story["day"] - others[0]["day"]).days)
        v["o_gap"] = WORDS.get(gap, n(gap)) if gap else "the same"
        v["o_when"] = "earlier" if others[0]["day"] < story["day"] else "later"
    used: set[str] = set()
    paras: list[str] = []
    local = list(story["local"])
    rng.shuffle(local)
    if shape == "followup":
        title = fill(pick(rng, kind["followup_title"], used), v)
        paras.append(fill(pick(rng, kind["followup_lead"], used), v))
        paras.append(fill(pick(rng, kind["followup_detail"], used), v) + " " + local[0])
        paras.append(fill(pick(rng, kind["quote"], used), v))
        paras.append(fill(pick(rng, kind["recap_own"], used), v))
        paras.append(fill(pick(rng, kind["followup_detail"], used), v))
        paras.append(fill(pick(rng, kind["background"], used), v))
        if others and rng.random() < 0.6:
            paras.append(fill(pick(rng, kind["recap_other"], used), v))
        paras.append(fill(pick(rng, kind["national"], used), v))
        paras.append(fill(pick(rng, kind["quote"], used), v))
        paras.insert(3, fill(pick(rng, kind["scene"], used), v))
        paras.append(fill(pick(rng, kind["reaction"], used), v))
        paras.append(fill(pick(rng, kind["explainer"], used), v))
    elif shape == "analysis":
        title = fill(pick(rng, kind["analysis_title"], used), v)
        paras.append(fill(pick(rng, kind["analysis_lead"], used), v))
        paras.append(fill(pick(rng, kind["recap_own"], used), v) + " " + local[0])
        paras.append(fill(pick(rng, kind["background"], used), v))
        for o in others[:2]:
            w = dict(v)
            w.update(slots(o, "o_"))
            gap = abs((story["day"] - o["day"]).days)
            w["o_gap"] = WORDS.get(gap, n(gap)) if gap else "the same"
            w["o_when"] = "earlier" if o["day"] < story["day"] else "later"
            paras.append(fill(pick(rng, kind["recap_other"], used), w))
            paras.append(fill(pick(rng, kind["recap_other_long"], used), w))
        paras.append(fill(pick(rng, kind["quote"], used), v))
        paras.append(fill(pick(rng, kind["national"], used), v))
        paras.insert(3, fill(pick(rng, kind["explainer"], used), v))
        paras.insert(2, fill(pick(rng, kind["scene"], used), v))
        paras.append(fill(pick(rng, kind["reaction"], used), v))
        paras.append(fill(pick(rng, kind["explainer"], used), v))
        paras.append(fill(pick(rng, kind["analysis_close"], used), v))
    elif shape == "brief":
        title = fill(pick(rng, kind["title"], used), v)
        paras.append(fill(pick(rng, kind["lead"], used), v))
        paras.append(fill(pick(rng, kind["detail"], used), v) + " " + local[0])
        paras.append(fill(pick(rng, kind["quote"], used), v))
        paras.append(fill(pick(rng, kind["background"], used), v))
        paras.append(fill(pick(rng, kind["detail"], used), v))
        if others:
            paras.append(fill(pick(rng, kind["recap_other"], used), v))
        paras.append(fill(pick(rng, kind["national"], used), v))
        paras.insert(2, fill(pick(rng, kind["scene"], used), v))
        paras.append(fill(pick(rng, kind["explainer"], used), v))
    else:   # wire, rewrite, local
        title = fill(pick(rng, kind["title"], used), v)
        paras.append(fill(pick(rng, kind["lead"], used), v))
        paras.append(fill(pick(rng, kind["detail"], used), v))
        paras.append(fill(pick(rng, kind["quote"], used), v))
        paras.append(" ".join(local[:2]))
        paras.append(fill(pick(rng, kind["detail"], used), v))
        paras.append(fill(pick(rng, kind["quote"], used), v))
        paras.append(fill(pick(rng, kind["background"], used), v))
        if others and (shape != "local" or rng.random() < 0.5):
            paras.append(fill(pick(rng, kind["recap_other"], used), v))
        paras.append(fill(pick(rng, kind["national"], used), v))
        paras.insert(4, fill(pick(rng, kind["scene"], used), v))
        paras.append(fill(pick(rng, kind["explainer"], used), v))
        if shape == "local" or rng.random() < 0.5:
            paras.append(fill(pick(rng, kind["reaction"], used), v))
        if shape == "local":
            paras.insert(2, fill(pick(rng, kind["scene"], used), v))
            paras.append(fill(pick(rng, kind["quote"], used), v))
            paras.append(fill(pick(rng, kind["detail"], used), v))
        paras.append(fill(pick(rng, kind["close"], used), v))
    # two paragraphs of context in the middle of every shape: a long article says more than the news
    for _ in range(2):
        paras.insert(rng.randrange(2, len(paras)), fill(pick(rng, kind["context"], used), v))
    # and more of the long paragraphs not used yet while it is shorter than a long article
    spare = [t for part in ("context", "explainer", "scene", "reaction", "detail", "background")
             for t in kind[part] if t not in used]
    rng.shuffle(spare)
    while spare and sum(len(p.split()) for p in paras) < 440:
        paras.insert(rng.randrange(2, len(paras)), fill(spare.pop(), v))
    return title, "\n\n".join(paras)


def rewrite(body: str, rng: random.Random) -> str:
    """A rewrite of a wire report: some paragraphs kept word for word, the order of the middle changed,
    a paragraph dropped."""
    paras = body.split("\n\n")
    middle = paras[1:-1]
    rng.shuffle(middle)
    if len(middle) > 4:
        middle.pop(rng.randrange(len(middle)))
    return "\n\n".join([paras[0], *middle, paras[-1]])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "training" / "stories_dev3")
    ap.add_argument("--sheets", default="stories_dev3_sheets", help="module of scripts/ with KINDS and STORIES")
    ap.add_argument("--prefix", default="d", help="file names: PREFIX + number")
    ap.add_argument("--seed", type=int, default=3)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "scripts"))
    sheets = importlib.import_module(args.sheets)
    kinds, stories = sheets.KINDS, sheets.STORIES
    rng = random.Random(args.seed)
    docs: list[tuple[str, str, str, date | None, str]] = []   # story id, title, outlet, published, body
    for story in stories:
        same_kind = [o for o in stories if o["kind"] == story["kind"] and o["id"] != story["id"]]
        same_kind.sort(key=lambda o: (abs((o["day"] - story["day"]).days), o["id"]))
        wire_body = wire_title = ""
        for k, shape in enumerate(story["articles"]):
            others = same_kind[:3] if shape == "analysis" else same_kind[k % max(len(same_kind), 1):][:1]
            if shape == "analysis":
                rng.shuffle(others)
            delay = {"followup": story.get("followup_days", 5), "analysis": rng.choice([2, 3, 6, 9])}.get(
                shape, rng.choice([0, 0, 1, 1, 2]))
            pub: date | None = story["day"] + timedelta(days=delay)
            if shape in ("brief",) or rng.random() < 0.28:
                pub = None
            outlet = rng.choice(story["outlets"] + kinds[story["kind"]]["outlets"])
            if shape == "rewrite" and wire_body:
                title = fill(rng.choice(kinds[story["kind"]]["title"]), slots(story))
                body = rewrite(wire_body, rng)
            elif shape == "copy" and wire_body:
                title, body = wire_title, wire_body
                outlet = rng.choice(kinds[story["kind"]]["outlets"])
            else:
                title, body = article(story, kinds[story["kind"]], shape, rng, others)
            if shape == "wire":
                wire_body, wire_title = body, title
                outlet = rng.choice(["Meridian Press Agency", "Continental Wire", "Atlas News Service"])
            docs.append((story["id"], title, outlet, pub, body))
    rng.shuffle(docs)
    folder = args.out / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    gold = []
    for k, (sid, title, outlet, pub, body) in enumerate(docs, 1):
        head = [title[0].upper() + title[1:]]
        if pub is not None:
            head.append(dateline(pub, rng))
        head.append(outlet if rng.random() < 0.7 else f"By {rng.choice(REPORTERS)}, {outlet}")
        (folder / f"{args.prefix}{k:03d}.txt").write_text("\n".join(head) + "\n\n" + body + "\n", encoding="utf-8")
        gold.append(f"  {args.prefix}{k:03d}: {sid}")
    (args.out / "gold.yaml").write_text(
        f"# Gold of {args.out.name} (written by scripts/write_stories_dev3.py --sheets {args.sheets}): many same-kind\n"
        "# stories in the same weeks, long articles. stories: file stem -> story id.\n"
        "stories:\n" + "\n".join(gold) + "\n", encoding="utf-8")
    print(f"wrote {len(docs)} articles of {len(stories)} stories to {args.out}")
    return 0


REPORTERS = ["Lena Marsh", "Tomás Rendal", "Aiko Brenner", "Sofía Galván", "Piet Ostrander", "Nadia Okafor",
             "Marek Lisowy", "Helen Tarrow", "Joaquim Seixal", "Ruth Abernathy", "Kemal Durusoy", "Ilse Varnholt"]

if __name__ == "__main__":
    raise SystemExit(main())
