#!/usr/bin/env python
"""Build ``pairs.jsonl`` from the hand-written ``hand_*.txt`` and from slot-filled templates.

    python training/disagreements/build.py      # writes training/disagreements/pairs.jsonl

Hand-written lines are ``label | side A || side B`` under an ``@ story`` line, the evidence in
``[[...]]``. The templates below give the rest: for each kind of disagreement a handful of sentence
shapes and many slot fillers (acts, counts, periods, reasons, attitudes), each drawn twice, once so
that the two sides disagree and once so that they say the same thing differently (``none``: other
number forms, units, synonyms of the same status, an added detail, equal hedging, attribution).
Every text is invented; the random draw is seeded, so the file is reproducible.
"""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "pairs.jsonl"
OUTLETS = ["Harbour Courier", "Northgate Times", "Valley Ledger", "The Morning Post of Aster", "Riverside Wire",
           "Capital Dispatch", "Eastbank Herald", "Coastline News", "Plains Observer", "Metro Gazette",
           "Hillside Tribune", "Daily Compass", "Lantern Review", "Summit Chronicle", "Bridgeport Sentinel"]
EVIDENCE = re.compile(r"\[\[(.+?)\]\]")


def _outlets(rng: random.Random) -> tuple[str, str]:
    a, b = rng.sample(OUTLETS, 2)
    return a, b


def _side(marked: str) -> tuple[str, str | None]:
    ev = EVIDENCE.search(marked)
    return EVIDENCE.sub(lambda m: m.group(1), marked).strip(), (ev.group(1) if ev else None)


def hand_pairs() -> list[dict]:
    rng = random.Random(17)
    out: list[dict] = []
    for path in sorted(HERE.glob("hand_*.txt")):
        story = ""
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("@"):
                story = line[1:].strip()
                continue
            label, _, rest = line.partition("|")
            a_marked, _, b_marked = rest.partition("||")
            (a, ea), (b, eb) = _side(a_marked), _side(b_marked)
            oa, ob = _outlets(rng)
            out.append(_row(f"h-{len(out) + 1:03d}", story, oa, a, ob, b, label.strip(), ea, eb))
    return out


def _row(pid: str, story: str, oa: str, a: str, ob: str, b: str, label: str, ea: str | None, eb: str | None) -> dict:
    if label == "none":
        ea = eb = None
    return {"id": pid, "story": story, "a": {"outlet": oa, "text": a}, "b": {"outlet": ob, "text": b},
            "label": label, "evidence_a": ea, "evidence_b": eb}


# --- slot fillers --------------------------------------------------------------------------------

SAID = ["", "", "", " officials said", " police said", " the ministry said", " a spokeswoman said",
        " according to the local authorities", " the company said", " organisers said", " witnesses said"]
LEADS = ["", "", "", "Meanwhile, ", "In a statement, ", "Separately, ", ""]
TAILS = ["", "", "", " It was the second such incident this year.", " Investigators are at the scene.",
         " The regional governor visited the site on Tuesday.", " Talks are continuing.",
         " The news was first reported by local radio."]

# (what is counted, the predicate, typical size)
COUNTS = [
    ("people", "were injured in the bus crash", 40), ("homes", "were damaged by the storm", 900),
    ("workers", "joined the walkout", 3000), ("passengers", "were stranded at the airport", 2500),
    ("flights", "were cancelled because of the fog", 300), ("students", "took part in the sit-in", 600),
    ("trees", "were felled to make way for the road", 1200), ("cattle", "died in the barn fire", 80),
    ("protesters", "gathered outside parliament", 10000), ("jobs", "will be lost at the plant", 1500),
    ("patients", "were moved to other hospitals", 120), ("shops", "were looted during the unrest", 60),
    ("cars", "were swept away by the flood", 200), ("villages", "were cut off by the landslide", 14),
    ("migrants", "were rescued off the coast", 350), ("teachers", "signed the open letter", 4000),
    ("seats", "were sold for the opening night", 1800), ("buildings", "collapsed in the quake", 230),
    ("sheep", "were killed by wolves this summer", 90), ("new cases", "were recorded last week", 450),
]
MONEY = [("the new bridge", "will cost"), ("the rescue package", "is worth"), ("the stolen jewels", "are worth"),
         ("the stadium deal", "is valued at"), ("the fine imposed on the airline", "amounts to"),
         ("the hospital's deficit", "stands at"), ("the flood defences", "will cost"),
         ("the club's debt", "totals"), ("the annual festival budget", "is")]
CURRENCIES = [("$", " million"), ("€", " million"), ("£", "m"), ("$", " billion"), ("€", "bn")]
MEASURES = [  # (unit a, unit b, factor b per a, predicate template with {q})
    ("kilometres", "metres", 1000, "The new tunnel runs for {q} under the river."),
    ("tonnes", "kilograms", 1000, "Customs seized {q} of cocaine hidden in banana crates."),
    ("hectares", "square kilometres", 0.01, "The fire destroyed {q} of woodland."),
    ("miles", "kilometres", 1.609, "The oil slick stretches for {q} along the coast."),
    ("litres", "cubic metres", 0.001, "The leak released {q} of diesel into the canal."),
]
WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
         10: "ten", 11: "eleven", 12: "twelve", 14: "fourteen", 15: "fifteen", 20: "twenty", 30: "thirty",
         40: "forty", 50: "fifty", 60: "sixty", 80: "eighty", 90: "ninety", 100: "a hundred"}
APPROX = ["about", "around", "roughly", "some", "nearly", "almost", "more than", "close to", "an estimated"]

PERIODS = [  # (amount, unit, hours per unit)
    ("hour", 1), ("day", 24), ("week", 168), ("month", 730), ("year", 8760)]
SAME_DURATIONS = [("48 hours", "two days"), ("72 hours", "three days"), ("two weeks", "a fortnight"),
                  ("14 days", "two weeks"), ("six months", "half a year"), ("12 months", "a year"),
                  ("90 minutes", "an hour and a half"), ("24 hours", "a full day"), ("seven days", "a week"),
                  ("three years", "36 months"), ("a decade", "ten years"), ("30 minutes", "half an hour"),
                  ("two years", "24 months"), ("eight weeks", "two months")]
DURATION_ACTS = ["The strike will last {d}.", "The road will be closed for {d}.", "The ban will stay in force for {d}.",
                 "The repairs are expected to take {d}.", "The trial is expected to last {d}.",
                 "The curfew was imposed for {d}.", "The minister was suspended for {d}.",
                 "The museum will shut for {d} while the roof is replaced.", "The drill will go on for {d}.",
                 "The players' contract runs for {d}.", "The visa freeze will last {d}.",
                 "The well was out of service for {d}."]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DATE_ACTS = ["The ship sank {t}.", "The fire broke out {t}.", "The suspect was arrested {t}.",
             "The minister resigned {t}.", "The new line opened {t}.", "The two leaders met {t}.",
             "The explosion happened {t}.", "The hostages were freed {t}.", "The dam gave way {t}.",
             "The vote will take place {t}.", "The festival opens {t}.", "The results will be published {t}."]
DAY_PARTS = ["", " morning", " afternoon", " evening", " night"]

# (subject, done, planned, blocked/denied, done synonym, planned synonym, blocked synonym)
ACTS = [
    ("The council", "approved the ring road", "will vote on the ring road next month",
     "rejected the ring road", "voted through the ring road", "is due to vote on the ring road",
     "threw out the ring road plan"),
    ("The minister", "resigned", "is expected to resign", "refused to resign", "stepped down",
     "is set to step down", "said she would not resign"),
    ("The airline", "cancelled its order for 40 jets", "is considering cancelling its jet order",
     "denied it would cancel its jet order", "scrapped its order for 40 jets",
     "may cancel its order for 40 jets", "ruled out cancelling its jet order"),
    ("The government", "raised the minimum wage", "plans to raise the minimum wage",
     "has blocked a rise in the minimum wage", "increased the minimum wage", "intends to raise the minimum wage",
     "vetoed a rise in the minimum wage"),
    ("The club", "sacked its manager", "is preparing to sack its manager", "insisted it would keep its manager",
     "fired its manager", "is poised to sack its manager", "has refused to sack its manager"),
    ("The company", "closed its factory in Renk", "will close its factory in Renk next year",
     "denied reports that it would close its Renk factory", "shut its factory in Renk",
     "intends to shut its Renk factory", "ruled out closing its Renk factory"),
    ("The university", "banned phones in lecture halls", "is proposing a ban on phones in lecture halls",
     "dropped plans to ban phones in lecture halls", "prohibited phones in lecture halls",
     "wants to ban phones in lecture halls", "abandoned a proposed phone ban"),
    ("The court", "released the journalist on bail", "will rule on bail for the journalist on Friday",
     "refused bail for the journalist", "freed the journalist on bail", "is due to decide on bail for the journalist",
     "denied the journalist bail"),
    ("The city", "reopened the old harbour bridge", "will reopen the old harbour bridge in spring",
     "has postponed the reopening of the harbour bridge", "opened the old harbour bridge again",
     "aims to reopen the harbour bridge in spring", "delayed reopening the harbour bridge"),
    ("The regulator", "fined the bank", "is investigating the bank and may fine it", "cleared the bank",
     "imposed a fine on the bank", "is weighing a fine against the bank", "found no wrongdoing by the bank"),
    ("The two countries", "signed a trade agreement", "are negotiating a trade agreement",
     "abandoned talks on a trade agreement", "concluded a trade agreement", "hope to sign a trade agreement",
     "broke off trade talks"),
    ("The union", "accepted the pay offer", "will ballot members on the pay offer", "rejected the pay offer",
     "agreed to the pay offer", "is to put the pay offer to a vote", "turned down the pay offer"),
    ("The mayor", "banned cars from the old town", "wants to ban cars from the old town",
     "dropped a plan to ban cars from the old town", "barred cars from the old town",
     "is planning to bar cars from the old town", "scrapped the car ban for the old town"),
    ("Police", "charged the driver", "are expected to charge the driver", "released the driver without charge",
     "brought charges against the driver", "are likely to charge the driver", "freed the driver without charge"),
]

# (actor, act) for attitudes
ATTITUDE_ACTS = [("Farmers", "the new water rules"), ("Teachers' unions", "the school reform"),
                 ("Local businesses", "the pedestrian zone"), ("The opposition", "the budget"),
                 ("Doctors", "the smoking ban"), ("Environmental groups", "the new pipeline"),
                 ("Residents", "the wind farm"), ("Shipping firms", "the port fees"),
                 ("Pensioners' groups", "the pension reform"), ("Fans", "the ticket price rise"),
                 ("The neighbouring state", "the border deal"), ("Students", "the tuition change"),
                 ("Truck drivers", "the new toll"), ("Landlords", "the rent cap"), ("Winemakers", "the export deal")]
POSITIVE = ["welcomed", "praised", "backed", "supported", "hailed", "applauded", "endorsed", "cheered"]
NEGATIVE = ["condemned", "criticised", "opposed", "denounced", "attacked", "slammed", "protested against",
            "rejected"]

# outcome, reasons that compete, paraphrase pairs of one reason
REASONS = [
    ("The match was postponed", ["because of heavy snow", "after a security threat", "because of a waterlogged pitch",
                                 "because the visiting team's flight was delayed"]),
    ("The train service was suspended", ["because of a signal failure", "after a bomb scare",
                                         "due to a strike by drivers", "because of flooding on the line"]),
    ("The factory was evacuated", ["after a gas leak", "because of a fire alarm", "after a bomb threat",
                                   "because of a chemical spill"]),
    ("The minister resigned", ["over a spending scandal", "for health reasons", "after losing a confidence vote",
                               "to spend more time with her family"]),
    ("The fish died", ["because of a chemical spill", "because of low oxygen in the warm water",
                       "due to a virus", "after sewage was released into the river"]),
    ("Prices rose", ["because of the drought", "due to higher fuel costs", "after the currency fell",
                     "because of new import taxes"]),
    ("The flight was diverted", ["because of a sick passenger", "after a bird strike",
                                 "due to an engine warning", "because of a bomb threat"]),
    ("The school was closed", ["because of a burst pipe", "after a measles case", "due to a teachers' strike",
                               "because of storm damage"]),
    ("The festival was cancelled", ["because of poor ticket sales", "due to the heatwave",
                                    "after the main sponsor pulled out", "over safety concerns"]),
    ("The bridge was closed", ["because of cracks in the deck", "after a lorry hit it",
                               "due to high winds", "for scheduled maintenance"]),
]
SAME_REASON = [("because of heavy snow", "after heavy snowfall"), ("due to a strike by drivers", "because drivers went on strike"),
               ("after a gas leak", "because gas was leaking"), ("for health reasons", "because of ill health"),
               ("due to higher fuel costs", "because fuel became more expensive"),
               ("after a bird strike", "because a bird hit an engine"), ("because of a burst pipe", "after a pipe burst"),
               ("due to the heatwave", "because of the extreme heat"), ("due to high winds", "because of strong winds"),
               ("over safety concerns", "because of worries about safety")]

HEDGES = [("may have {v}", "{V}"), ("might have {v}", "{V}"), ("could have {v}", "{V}"), ("is thought to have {v}", "{V}"),
          ("is believed to have {v}", "{V}"), ("reportedly {V}", "{V}"), ("allegedly {V}", "{V}"),
          ("possibly {V}", "{V}"), ("appears to have {v}", "{V}"), ("is suspected to have {v}", "{V}")]
# (subject, past participle, simple past, rest)
HEDGE_FACTS = [("A faulty heater", "caused", "caused", "the fire"), ("The driver", "fallen", "fell", "asleep at the wheel"),
               ("The virus", "spread", "spread", "from a farm near the town"),
               ("Hackers", "stolen", "stole", "the tax records"), ("The leak", "started", "started", "in the cooling system"),
               ("The goalkeeper", "broken", "broke", "his wrist in training"),
               ("The treasurer", "taken", "took", "money from the charity"),
               ("The rebels", "used", "used", "drones in the attack"), ("The ship", "dumped", "dumped", "oil at sea"),
               ("The senator", "met", "met", "the lobbyists before the vote"),
               ("A crack in the hull", "sunk", "sank", "the trawler"),
               ("The company", "hidden", "hid", "losses from investors")]
AGENTS = [("Firefighters", "Soldiers", "rescued the hikers"), ("The police", "Private guards", "found the missing boy"),
          ("A local builder", "A foreign contractor", "built the new stand"),
          ("The navy", "A merchant ship", "picked up the survivors"),
          ("The prime minister", "The finance minister", "announced the tax cut"),
          ("Villagers", "Army engineers", "repaired the levee"), ("Fishermen", "The coastguard", "spotted the whale"),
          ("A rebel group", "Government troops", "shelled the market")]
AGENT_SAME = [("Firefighters", "The fire brigade"), ("The police", "Officers"), ("The navy", "Naval vessels"),
              ("Villagers", "Local people"), ("The coastguard", "Coastguard crews"), ("Soldiers", "Troops")]


def _fmt(n: float) -> str:
    return f"{int(n):,}" if n >= 1000 else f"{int(n)}"


def _rough(n: int) -> int:
    """A figure a reporter would round to."""
    for step in (1000, 100, 10, 5):
        if n >= step * 4:
            return int(round(n / step) * step)
    return n


def _word_or_digits(n: int, rng: random.Random) -> str:
    if n in WORDS and rng.random() < 0.5:
        return WORDS[n]
    if n >= 1000 and n % 1000 == 0 and rng.random() < 0.4:
        return f"{n // 1000} thousand"
    return _fmt(n)


def _say(s: str, rng: random.Random) -> str:
    said = rng.choice(SAID)
    s = s.rstrip(".")
    lead = rng.choice(LEADS)
    if lead:
        s = lead + s[0].lower() + s[1:] if not s[:2].isupper() else lead + s
    return s + (("," + said) if said else "") + "." + rng.choice(TAILS)


def _cap(s: str) -> str:
    return s[0].upper() + s[1:]


def gen_figure(rng: random.Random, out: list) -> None:
    for noun, pred, size in COUNTS:
        for _ in range(2):
            n = max(3, int(size * rng.uniform(0.5, 2.0)))
            n = _rough(n) if rng.random() < 0.6 else n
            factor = rng.choice([rng.uniform(0.15, 0.6), rng.uniform(1.7, 5.0)])
            m = _rough(max(2, int(n * factor)))
            if abs(m - n) / max(m, n) < 0.25:
                m = n * 3
            a_num, b_num = _word_or_digits(n, rng), _word_or_digits(m, rng)
            a = f"{_cap(a_num)} {noun} {pred}"
            b = f"{rng.choice(['', 'At least ', 'Only ', 'Some ', ''])}{b_num} {noun} {pred}"
            out.append(("figure", _say(a, rng), _say(_cap(b), rng), f"{a_num} {noun}", f"{b_num} {noun}"))
            # none: the same figure, approximated, rounded or spelled out
            r = _rough(n)
            form = rng.choice(["approx", "word", "same"])
            if form == "approx":
                b2 = f"{_cap(rng.choice(APPROX))} {_fmt(r)} {noun} {pred}"
            elif form == "word":
                b2 = f"{_cap(_word_or_digits(n, rng))} {noun} {pred}"
            else:
                b2 = f"{_cap(_fmt(n))} {noun} {pred}, {rng.choice(['up from last year', 'the highest figure in years', 'a figure the mayor called shocking', 'most of them in the north'])}"
            out.append(("none", _say(a, rng), _say(b2, rng), None, None))
    for thing, verb in MONEY:
        sym, scale = rng.choice(CURRENCIES)
        n = rng.choice([12, 45, 80, 150, 300, 2, 7])
        m = n * rng.choice([3, 4, 0.25, 0.2, 5])
        mtxt = f"{m:g}"
        a_amt, b_amt = f"{sym}{n}{scale}", f"{sym}{mtxt}{scale}"
        out.append(("figure", _say(f"{_cap(thing)} {verb} {a_amt}", rng), _say(f"{_cap(thing)} {verb} {b_amt}", rng),
                    a_amt, b_amt))
        near = f"{rng.choice(['about', 'around', 'roughly', 'just under', 'nearly'])} {sym}{n}{scale}"
        out.append(("none", _say(f"{_cap(thing)} {verb} {a_amt}", rng), _say(f"{_cap(thing)} {verb} {near}", rng),
                    None, None))
    for ua, ub, k, tpl in MEASURES:
        for _ in range(2):
            q = rng.choice([2, 3, 4, 5, 8, 12, 20, 40, 150])
            qb = q * k
            qb_txt = f"{qb:,.0f}" if qb >= 10 else f"{qb:.2g}"
            out.append(("none", _say(tpl.format(q=f"{q} {ua}"), rng), _say(tpl.format(q=f"{qb_txt} {ub}"), rng),
                        None, None))
            wrong = q * rng.choice([3, 5, 0.3])
            wtxt = f"{wrong:g}"
            out.append(("figure", _say(tpl.format(q=f"{q} {ua}"), rng), _say(tpl.format(q=f"{wtxt} {ua}"), rng),
                        f"{q} {ua}", f"{wtxt} {ua}"))
    for _ in range(8):  # shares: "half" / "50%", "a quarter" / "25 per cent"
        share, words = rng.choice([(50, "half"), (25, "a quarter"), (75, "three-quarters"), (33, "a third"),
                                   (20, "one in five"), (10, "one in ten"), (66, "two-thirds")])
        who = rng.choice(["of voters backed the plan", "of the harvest was lost", "of the staff will go",
                          "of households have no heating", "of the forest burned"])
        out.append(("none", _say(f"{_cap(words)} {who}", rng), _say(f"{share}% {who}", rng), None, None))
        other = rng.choice([s for s in (10, 20, 50, 75, 90) if abs(s - share) > 15])
        out.append(("figure", _say(f"{_cap(words)} {who}", rng), _say(f"{other}% {who}", rng), words, f"{other}%"))


def _duration(hours: float, rng: random.Random) -> str:
    for unit, h in reversed(PERIODS):
        n = hours / h
        if n >= 1 and abs(n - round(n)) < 1e-6:
            n = int(round(n))
            num = WORDS.get(n, str(n)) if rng.random() < 0.6 else str(n)
            return f"{num} {unit}{'s' if n != 1 else ''}" if n != 1 else f"one {unit}"
    return f"{hours:g} hours"


def gen_duration(rng: random.Random, out: list) -> None:
    for tpl in DURATION_ACTS:
        for _ in range(2):
            unit, h = rng.choice(PERIODS[1:])
            n = rng.choice([2, 3, 4, 6, 10])
            a = _duration(n * h, rng)
            other_unit, oh = rng.choice(PERIODS[1:])
            m = rng.choice([1, 2, 3, 5, 8])
            if abs(m * oh - n * h) / max(m * oh, n * h) < 0.3:
                m, oh = n * 4, h
            b = _duration(m * oh, rng)
            out.append(("duration", _say(tpl.format(d=a), rng), _say(tpl.format(d=b), rng), a, b))
        x, y = rng.choice(SAME_DURATIONS)
        out.append(("none", _say(tpl.format(d=x), rng), _say(tpl.format(d=y), rng), None, None))
        x2 = rng.choice(["about ", "roughly ", "nearly ", ""]) + x
        out.append(("none", _say(tpl.format(d=x), rng), _say(tpl.format(d=x2), rng), None, None))


def gen_date(rng: random.Random, out: list) -> None:
    for tpl in DATE_ACTS:
        d1, d2 = rng.sample(DAYS, 2)
        p1, p2 = rng.choice(DAY_PARTS), rng.choice(DAY_PARTS)
        out.append(("date", _say(tpl.format(t=f"on {d1}{p1}"), rng), _say(tpl.format(t=f"on {d2}{p2}"), rng),
                    f"on {d1}{p1}", f"on {d2}{p2}"))
        day, (m1, m2) = rng.randint(1, 28), rng.sample(MONTHS, 2)
        out.append(("date", _say(tpl.format(t=f"on {day} {m1}"), rng), _say(tpl.format(t=f"in {m2}"), rng),
                    f"{day} {m1}", f"in {m2}"))
        d3 = rng.randint(1, 25)
        out.append(("date", _say(tpl.format(t=f"on {d3} {m1}"), rng), _say(tpl.format(t=f"on {d3 + 3} {m1}"), rng),
                    f"{d3} {m1}", f"{d3 + 3} {m1}"))
        # none: the same day in other words, or a detail added
        out.append(("none", _say(tpl.format(t=f"on {d1}"), rng),
                    _say(tpl.format(t=f"{rng.choice(['early on', 'late on', 'on'])} {d1}{p1}"), rng), None, None))
        out.append(("none", _say(tpl.format(t=f"on {day} {m1}"), rng), _say(tpl.format(t=f"on {m1} {day}"), rng),
                    None, None))
        out.append(("none", _say(tpl.format(t=f"in {m1}"), rng), _say(tpl.format(t=f"on {day} {m1}"), rng), None, None))


def gen_status(rng: random.Random, out: list) -> None:
    for subj, done, planned, blocked, done2, planned2, blocked2 in ACTS:
        for (ka, xa), (kb, xb) in [((0, done), (1, planned)), ((0, done), (2, blocked)), ((1, planned), (2, blocked))]:
            if rng.random() < 0.5:
                (ka, xa), (kb, xb) = (kb, xb), (ka, xa)
            out.append(("status", _say(f"{subj} {xa}", rng), _say(f"{subj} {xb}", rng), xa, xb))
        for x, y in ((done, done2), (planned, planned2), (blocked, blocked2)):
            out.append(("none", _say(f"{subj} {x}", rng), _say(f"{subj} {y}", rng), None, None))


def gen_attitude(rng: random.Random, out: list) -> None:
    for (who, act), _ in ((x, k) for x in ATTITUDE_ACTS for k in range(2)):
        p, n = rng.choice(POSITIVE), rng.choice(NEGATIVE)
        a, b = f"{who} {p} {act}", f"{who} {n} {act}"
        if rng.random() < 0.5:
            a, b, p, n = b, a, n, p
        out.append(("attitude", _say(a, rng), _say(b, rng), p, n))
        pol = rng.choice([POSITIVE, NEGATIVE])
        x, y = rng.sample(pol, 2)
        out.append(("none", _say(f"{who} {x} {act}", rng), _say(f"{who} {y} {act}", rng), None, None))


def gen_reason(rng: random.Random, out: list) -> None:
    for outcome, reasons in REASONS:
        r1, r2 = rng.sample(reasons, 2)
        out.append(("reason", _say(f"{outcome} {r1}", rng), _say(f"{outcome} {r2}", rng), r1, r2))
        r3, r4 = rng.sample(reasons, 2)
        if {r3, r4} != {r1, r2}:
            out.append(("reason", _say(f"{outcome} {r3}", rng), _say(f"{outcome} {r4}", rng), r3, r4))
        same = [p for p in SAME_REASON if p[0] in reasons]
        if same:
            x, y = same[0]
            out.append(("none", _say(f"{outcome} {x}", rng), _say(f"{outcome} {y}", rng), None, None))
        # none: one side gives a reason the other leaves out
        out.append(("none", _say(f"{outcome} {r1}", rng), _say(f"{outcome} on {rng.choice(DAYS)}", rng), None, None))


def gen_hedged(rng: random.Random, out: list) -> None:
    for (subj, part, past, rest), hedge in ((f, h) for f in HEDGE_FACTS for h, _ in rng.sample(HEDGES, 2)):
        hv = hedge.format(v=part, V=past)
        cue = hv.replace(f" {part}", "").replace(f" {past}", "") if "{v}" in hedge else hedge.split()[0]
        out.append(("hedged_vs_firm", _say(f"{subj} {hv} {rest}", rng), _say(f"{subj} {past} {rest}", rng),
                    cue, past))
        h2, _ = rng.choice([h for h in HEDGES if h[0] != hedge])
        hv2 = h2.format(v=part, V=past)
        out.append(("none", _say(f"{subj} {hv} {rest}", rng), _say(f"{subj} {hv2} {rest}", rng), None, None))
        # attribution alone is not hedging
        src = rng.choice(["police said", "the report found", "investigators said", "the inquiry concluded"])
        out.append(("none", f"{subj} {past} {rest}, {src}.", f"{subj} {past} {rest}.", None, None))


def gen_actor(rng: random.Random, out: list) -> None:
    for x, y, act in AGENTS:
        out.append(("actor", _say(f"{x} {act}", rng), _say(f"{y} {act}", rng), x, y))
    for x, y in AGENT_SAME:
        act = rng.choice([a for _, _, a in AGENTS])
        out.append(("none", _say(f"{x} {act}", rng), _say(f"{y} {act}", rng), None, None))


def gen_reasons_apart(rng: random.Random, out: list) -> None:
    """none: two reasons of two different outcomes (a reason disagreement explains one outcome two ways)."""
    for k, (outcome, reasons) in enumerate(REASONS):
        other, others = REASONS[(k + 1 + rng.randrange(len(REASONS) - 1)) % len(REASONS)]
        out.append(("none", _say(f"{outcome} {rng.choice(reasons)}", rng), _say(f"{other} {rng.choice(others)}", rng),
                    None, None))


# (the thing acted on, passive verb, active verb, agents that compete, another way to name the first agent)
PASSIVE_ACTS = [
    ("the ferry", "was stopped", "stopped", ["customs officers", "the navy", "striking dock workers"], "officers from customs"),
    ("the ballot boxes", "were seized", "seized", ["the police", "opposition supporters", "election officials"],
     "police officers"),
    ("the warehouse", "was set on fire", "set fire to", ["rioters", "the owner", "a gang of teenagers"], "a crowd of rioters"),
    ("the hostages", "were freed", "freed", ["special forces", "tribal elders", "a rival militia"], "commandos"),
    ("the report", "was leaked", "leaked", ["a senior civil servant", "an opposition lawmaker", "a hacker group"],
     "a high-ranking civil servant"),
    ("the goal", "was scored", "scored", ["the captain", "a substitute", "the veteran striker"], "the team's captain"),
    ("the pipeline", "was damaged", "damaged", ["a ship's anchor", "saboteurs", "a landslide"], "the anchor of a ship"),
    ("the painting", "was bought", "bought", ["a Gulf museum", "a private collector", "the national gallery"],
     "a museum in the Gulf"),
    ("the climbers", "were rescued", "rescued", ["a helicopter crew", "other climbers", "mountain guides"],
     "the crew of a helicopter"),
    ("the contract", "was signed", "signed", ["the defence minister", "the army chief", "the president"],
     "the minister of defence"),
]
#: (an act as a noun, what claims or blame are said of it)
BLAMED_ACTS = [("the bombing", ["a separatist group", "a criminal gang", "foreign agents"]),
               ("the cyberattack", ["hackers linked to a foreign state", "a disgruntled employee", "a ransomware gang"]),
               ("the ambush", ["rebel fighters", "bandits", "a rival clan"]),
               ("the arson attack", ["far-right activists", "the building's owner", "local youths"])]


def gen_agents(rng: random.Random, out: list) -> None:
    """actor: one act, two agents, written in the passive, the active, as blame or as a claim; none: the same agent
    in the active and the passive, or two different acts each with its agent."""
    for k, (thing, passive, active, agents, same) in enumerate(PASSIVE_ACTS):
        x, y = rng.sample(agents, 2)
        shapes = [(f"{_cap(thing)} {passive} by {x}", f"{_cap(y)} {active} {thing}"),
                  (f"{_cap(thing)} {passive} by {x}", f"{_cap(thing)} {passive} by {y}")]
        a, b = rng.choice(shapes)
        out.append(("actor", _say(a, rng), _say(b, rng), x, y))
        out.append(("none", _say(f"{_cap(agents[0])} {active} {thing}", rng),
                    _say(f"{_cap(thing)} {passive} by {rng.choice([agents[0], same])}", rng), None, None))
        other, _, _, other_agents, _ = PASSIVE_ACTS[(k + 1 + rng.randrange(len(PASSIVE_ACTS) - 1)) % len(PASSIVE_ACTS)]
        o = PASSIVE_ACTS[[p[0] for p in PASSIVE_ACTS].index(other)]
        out.append(("none", _say(f"{_cap(thing)} {passive} by {x}", rng), _say(f"{_cap(o[0])} {o[1]} by {o[3][0]}", rng),
                    None, None))
    for act, agents in BLAMED_ACTS:
        x, y = rng.sample(agents, 2)
        a = rng.choice([f"Officials blamed {act} on {x}", f"{_cap(act)} was blamed on {x}", f"{_cap(act)} was claimed by {x}",
                        f"{_cap(x)} claimed responsibility for {act}"])
        b = rng.choice([f"{_cap(act)} was the work of {y}", f"Police blamed {act} on {y}", f"{_cap(act)} was claimed by {y}"])
        out.append(("actor", _say(a, rng), _say(b, rng), x, y))
        out.append(("none", _say(f"{_cap(x)} claimed responsibility for {act}", rng),
                    _say(f"{_cap(act)} was claimed by {x}", rng), None, None))


def _found(text: str, ev: str | None) -> str | None:
    if ev is None:
        return None
    at = text.lower().find(ev.lower())
    return text[at:at + len(ev)] if at >= 0 else ev


def template_pairs() -> list[dict]:
    rng = random.Random(1717)
    raw: list[tuple] = []
    for gen in (gen_figure, gen_duration, gen_date, gen_status, gen_attitude, gen_reason, gen_hedged, gen_actor):
        before = len(raw)
        gen(rng, raw)
        del before
    gen_reasons_apart(random.Random(1718), raw)   # its own draws: the older pairs keep theirs
    gen_agents(random.Random(1719), raw)
    out, seen = [], set()
    for label, a, b, ea, eb in raw:
        if (a, b) in seen or a == b:
            continue
        ea, eb = _found(a, ea), _found(b, eb)  # a capitalised or lower-cased filler: the text's own spelling
        seen.add((a, b))
        if rng.random() < 0.5:
            a, b, ea, eb = b, a, eb, ea
        oa, ob = _outlets(rng)
        story = f"gen-{label}-{len(out) // 3:03d}"
        out.append(_row(f"g-{len(out) + 1:03d}", story, oa, a, ob, b, label, ea, eb))
    return out


def build() -> list[dict]:
    return hand_pairs() + template_pairs()


def main() -> None:
    rows = build()
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} pairs -> {OUT}")


if __name__ == "__main__":
    main()
