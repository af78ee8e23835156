"""The cleaning contract, and random documents to check it on (issue 15).

The contract, for every document cleaning returns:
1. every block and removal lies inside the raw text, and no two blocks overlap;
2. a removal's text is exactly the raw text it covers;
3. every character of raw that is not whitespace and not in a block lies in a recorded removal
   (or in the lifted title, itself a recorded removal): nothing disappears without a reason;
4. the body differs from raw only by recorded same-length repairs: each block's text in
   ``body_view()`` equals raw there, except at repair offsets.

``random_document(rng)`` builds an article from team-written pieces (furniture, teasers,
numbered and bulleted lists, quotes, numbers, tokenised text with spaced punctuation, mixed
scripts); none of them come from any real outlet.
"""
from __future__ import annotations

import random

from storyline.model import Document
from tests.clean import junk

PARAGRAPHS = [p for _, units in junk.ARTICLES for p in units if not p.startswith(("# ", "* "))]
TITLES = [t for t, _ in junk.ARTICLES]

TOKENISED = [
    "The convoy of 2. 5-ton trucks left the depot at 13: 38 , officials said .",
    "Prices rose 4. 2 per cent in May , the statistics office said ( see http: / / stats . example . org ) .",
    "\" We will not accept this , \" the mayor told reporters on Friday .",
    "Turnout was 61. 3 % , down from 64. 8 % in the last vote .",
]
LIST_ITEMS = [
    "{n}. Close the northern ring road between 10 pm and 5 am.",
    "{n}) Extend the night bus to the airport.",
    "{n}. Publish the air-quality readings every hour.",
    "- Free parking for residents of the old town",
    "• A new cycle lane along the river",
]
QUOTES = [
    "“We have done everything the court asked of us ”, the company said in a statement.",
    "\"It is too early to say ,\" the inspector said.",
    "‘Nobody warned us,’ said Oksana Hrytsenko, who runs a bakery near the bridge.",
]
SHORT = ["He declined.", "No one was hurt.", "The vote is on Monday.", "Talks continue,", "More to follow."]
MIXED = [
    "The delegation was led by Дмитрий Соколов and Ahmad al-Rashid (أحمد الراشد).",
    "Chen Wei (陈伟), the plant's director, said output would resume next week.",
    "Shops on Гагарина street stayed closed on Tuesday.",
    "The singer Ананья Шарма (अनन्या शर्मा) cancelled two concerts.",
]
BRANDS = [
    "iPhone sales fell in the quarter, the retailer said.",
    "eShop orders doubled during the storm, according to the company.",
    "McAllister's, the bakery chain, said it would hire 200 workers.",
    "Shares in zPay rose 6 per cent after the results.",
]
FURNITURE = [*junk.SHARE, *junk.FOLLOW, *junk.SUBSCRIBE, *junk.COMMENTS, *junk.PROMO, *junk.READING_TIME,
             "Advertisement", "Skip to content", "© 2023 The Evening Ledger. All rights reserved."]
DATES = ["March 4, 2021", "Published 12 May 2020, 08:10", "13: 38 , 4 March 2021", "2021-03-04"]


def random_document(rng: random.Random, i: int = 0) -> Document:
    """An invented article with furniture around and inside it, as a scraper leaves text."""
    lines: list[str] = []
    if rng.random() < 0.5:
        lines.append(rng.choice(FURNITURE))
    title = rng.choice(TITLES) + rng.choice(["", "", "!", "?", " - The Ledger"])
    lines.append(title)
    if rng.random() < 0.6:
        lines.append(rng.choice(DATES))
    if rng.random() < 0.4:
        lines.append(f"By {rng.choice(junk.NAMES)}")
    body_pool = [PARAGRAPHS, PARAGRAPHS, TOKENISED, QUOTES, SHORT, MIXED, BRANDS]
    for _ in range(rng.randint(3, 9)):
        kind = rng.random()
        if kind < 0.12:
            start = rng.randint(1, 3)
            lines.extend(rng.choice(LIST_ITEMS).format(n=start + k) for k in range(rng.randint(2, 4)))
        elif kind < 0.22:
            lines.append(rng.choice(FURNITURE))
        elif kind < 0.28:
            head = rng.choice(TITLES)
            lines.append(rng.choice(junk.READ_MORE).format(h=head))
        else:
            lines.append(rng.choice(rng.choice(body_pool)))
        if rng.random() < 0.3:
            lines.append("")
    if rng.random() < 0.5:
        lines.append(rng.choice(FURNITURE))
    sep = rng.choice(["\n", "\n\n"])
    raw = sep.join(lines)
    if rng.random() < 0.2:
        raw = raw.replace(" ", "  ", 1)
    return Document(id=f"gen{i:06d}", source=f"gen{i:06d}.txt", raw=raw)


def contract_violations(doc: Document) -> list[str]:
    """What in a cleaned document breaks the contract (empty when it holds)."""
    raw, out = doc.raw, []
    n = len(raw)
    covered = [False] * n
    last_end = -1
    for b in sorted(doc.blocks, key=lambda b: b.start):
        if not 0 <= b.start <= b.end <= n:
            out.append(f"block {b.start}-{b.end} outside raw ({n})")
            continue
        if b.start < last_end:
            out.append(f"blocks overlap at {b.start}")
        last_end = max(last_end, b.end)
        for k in range(b.start, b.end):
            covered[k] = True
    for r in doc.removed:
        if not 0 <= r.start <= r.end <= n:
            out.append(f"removal {r.start}-{r.end} outside raw")
            continue
        if raw[r.start:r.end] != r.text:
            out.append(f"removal text differs from raw at {r.start}: {r.text!r} vs {raw[r.start:r.end]!r}")
        for k in range(r.start, r.end):
            covered[k] = True
    lost = [k for k in range(n) if not covered[k] and not raw[k].isspace()]
    if lost:
        k = lost[0]
        out.append(f"{len(lost)} characters neither kept nor recorded as removed, first at {k}: "
                   f"{raw[max(0, k - 20):k + 30]!r}")
    view = doc.body_view()
    for b in doc.blocks:
        for k in range(max(0, b.start), min(b.end, n)):
            if view[k] != raw[k] and k not in doc.repairs:
                out.append(f"body differs from raw at {k} without a recorded repair")
                break
    for off, ch in doc.repairs.items():
        if len(ch) != 1:
            out.append(f"repair at {off} is not one character: {ch!r}")
    return out
