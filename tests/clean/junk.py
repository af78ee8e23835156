"""Synthetic boilerplate: clean team-written articles with web furniture injected.

``make_junk_corpus(seed)`` returns ``(text, junk_lines, body_lines)`` triples:
the text to clean, the injected junk (each must be gone after cleaning) and the
body lines (each must survive). The articles are invented for these tests; the
junk comes in many wordings per kind so that a cleaner cannot pass by knowing
one site's strings. ``make bench`` imports this module too.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

# --- the clean articles ------------------------------------------------------------------------
# Each article: title, then body units. A unit starting with "# " is a body heading,
# "* " a list item; everything else a paragraph.

ARTICLES: list[tuple[str, list[str]]] = [
    ("Harbour city votes to close its last coal plant", [
        "Councillors in Port Elsing voted on Tuesday to shut the coal-fired plant that has powered the harbour district since 1968.",
        "The decision passed by eleven votes to four after a debate that ran past midnight.",
        "# What happens to the workers",
        "About 240 people work at the plant. The council said most of them would be offered jobs at a new battery storage site on the same land.",
        "Union leaders were not convinced.",
        "\"We have heard promises like this before,\" said Mara Toivonen, who represents the plant's engineers.",
        "# A cleaner harbour by 2030",
        "The city expects the closure to cut its carbon emissions by almost a third.",
    ]),
    ("Drought forces farmers in the southern valley to sell cattle early", [
        "Ranchers across the Verano valley are selling cattle months ahead of schedule as the worst drought in two decades dries up pasture.",
        "Prices at the weekly auction in Santa Lidia fell by a fifth in August.",
        "Some families have farmed the valley for five generations. Few of them remember a summer like this one.",
        "# Help arrives slowly",
        "The regional government has promised emergency feed subsidies, but the first payments are not expected before November.",
        "\"By then there will be nothing left to feed,\" one rancher said.",
        "Meteorologists expect rain to return in October.",
    ]),
    ("Museum returns carved masks to their community after ninety years", [
        "The National Museum of Ostreva has returned seven carved masks to the island community from which they were taken in 1931.",
        "The masks were handed over at a ceremony attended by elders, museum staff and the culture minister.",
        "# How the masks left the island",
        "Records show the masks were bought by a colonial official for a few coins and shipped to the capital.",
        "For decades they were kept in storage. None of them was ever displayed.",
        "Community leaders first asked for their return in 1994.",
        "The museum's director called the handover overdue.",
    ]),
    ("Rail strike halts commuter trains for a second day", [
        "Commuter trains around the capital stood still for a second day on Thursday as drivers continued their strike over pay.",
        "The operator said it had cancelled about 1,900 services.",
        "# Talks resume",
        "Negotiators for the union and the operator are due to meet again on Friday morning.",
        "The union wants a raise of nine percent. The operator has offered five.",
        "Roads into the city were jammed by seven in the morning.",
        "Passengers should check for updates before travelling, the operator said.",
    ]),
    ("Scientists map a vast coral reef in deep water", [
        "Marine biologists have mapped a coral reef stretching more than 60 kilometres along the continental shelf, at depths where corals were thought to be rare.",
        "The survey used an underwater robot that spent three weeks photographing the sea floor.",
        "Why does it matter?",
        "Deep reefs may be sheltered from the heatwaves that bleach corals near the surface.",
        "# Next steps",
        "The team plans to return next year to measure water temperature along the reef.",
        "They also want to know how fish use it.",
    ]),
    ("City library extends opening hours after petition", [
        "The central library in Hallby will open until ten at night from next month, after more than 4,000 residents signed a petition.",
        "Students had complained that there was nowhere quiet to study in the evenings.",
        "The changes include:",
        "* evening opening on weekdays",
        "* a second reading room on Sundays",
        "* free printing for pupils",
        "The extra hours will cost about 180,000 crowns a year.",
        "Staff welcomed the plan.",
    ]),
    ("Election commission rejects complaint over ballot design", [
        "The national election commission on Monday rejected a complaint that the design of the presidential ballot favoured the incumbent.",
        "The opposition had argued that the incumbent's name was printed in larger type than the names of the other candidates.",
        "# The commission's reasoning",
        "In a written ruling, the commission said that all names had been printed in the same font and size.",
        "It said the impression of a difference came from a photograph taken at an angle.",
        "The opposition said it would appeal.",
        "Voting is scheduled for the first Sunday of March.",
    ]),
    ("Small bakery wins national bread prize", [
        "A two-person bakery from the mountain village of Brenn has won this year's national bread prize.",
        "The jury praised its rye loaf, which is baked in a wood-fired oven built by the owner's grandfather.",
        "It was a surprise.",
        "\"We only entered because a customer filled in the form for us,\" said co-owner Lukas Hafner.",
        "# Queues at dawn",
        "Since the prize was announced, customers have queued outside the shop before sunrise.",
        "The bakery now sells out by nine.",
    ]),
]

# --- the junk, in many wordings ----------------------------------------------------------------

NAMES = ["Anna Keller", "Tomasz Wrona", "Priya Raman", "Ewa Lind", "Jonas Meyer", "Carla Ruiz",
         "Daniel O'Neill", "Sofia Brandt", "Marco de Luca", "Hana Novak"]
OTHER_HEADLINES = [
    "Ten things to know about the new tax rules",
    "Opinion: why our cities need more trees",
    "Storm warning issued for the northern coast",
    "Local team reaches the cup final",
    "How to save on your heating bill this winter",
    "Minister under pressure over hospital waiting lists",
]
SHARE = ["Share this article", "Share on Facebook", "Tweet", "Share via WhatsApp",
         "Facebook Twitter LinkedIn Email", "Copy link", "Email this story", "Print",
         "Share this story with a friend", "Facebook | Twitter | Telegram"]
FOLLOW = ["Follow us on Telegram", "Follow us on Google News", "Like us on Facebook",
          "Join us on Instagram", "Follow our reporters on Twitter"]
SUBSCRIBE = ["Subscribe to our newsletter", "Sign up for our daily briefing",
             "Get the best stories delivered straight to your inbox",
             "Support independent journalism: become a member today",
             "Already a subscriber? Log in", "Subscribe now", "Sign up for the Evening Digest newsletter",
             "Sign up for free"]
COOKIES = ["We use cookies to improve your experience. By continuing to browse the site you agree to our use of cookies.",
           "Accept all cookies", "Cookie settings", "This website uses cookies",
           "Privacy policy", "Terms of use", "© 2023 Example Media Group. All rights reserved."]
COMMENTS = ["Join the discussion", "12 comments", "Add a comment", "Post a comment",
            "Be the first to comment", "Log in to comment", "Show comments (4)", "View all comments",
            "Comments", "What do you think? Leave your comment below"]
PROMO = ["Download our app for the latest updates", "Click here to get breaking news alerts",
         "Advertisement", "Sponsored content", "Most read", "Trending now", "Don't miss",
         "ADVERTISEMENT", "Continue reading below"]
READ_MORE = ["Read more: {h}", "READ ALSO: {h}", "See also: {h}", "Related: {h}", "Also read: {h}",
             "Read more >> {h}", "Recommended: {h}"]
READING_TIME = ["4 min read", "Reading time: 6 minutes", "2 minutes", "Estimated reading time: 5 min",
                "7 min"]
DATES = ["March 3, 2021", "Published: 14 October 2021, 09:15", "Updated 12.05.2022 18:40",
         "Mon, 7 Feb 2022", "2021-11-30", "Posted on August 9, 2020", "Friday, 3 December 2021",
         "12/04/2022", "Last updated: June 2, 2022 at 4:15 pm"]
BYLINES = ["By {n}", "BY {N}", "Author: {n}", "Story by {n}", "Written by {n}", "By {n} and {m}",
           "by {n}, Staff Reporter"]
BREADCRUMBS = ["Home > World > Europe", "Home / Politics / {t}", "News » Economy » Energy",
               "Main page | Opinion", "Home | Regions | Society"]
CREDITS = ["Photo: {n}/Reuters", "Image credit: {n}", "Photograph by {n}", "Illustration: {n}"]
HASHTAGS = ["#climate #energy", "#breaking", "#politics #elections2022"]
TEASER_HEADERS = ["You might also like", "Related stories", "More from this section",
                  "Recommended for you", "Read next"]
STRAY_TAGS = ["</div>", "<br/>", "< /span>", "</p>", "<p>"]
GLUED_LABELS = ["Listen to this article", "Photo gallery 12", "Video 3", "Exclusive report",
                "ADVERTISEMENT"]


@dataclass
class _Builder:
    rng: random.Random
    lines: list[str]
    junk: list[str]

    def add_junk(self, line: str) -> None:
        self.lines.append(line)
        self.junk.append(line)


def _pick(rng: random.Random, options: list[str], **fmt: str) -> str:
    return rng.choice(options).format(**fmt)


def _name_fmt(rng: random.Random) -> dict[str, str]:
    n, m = rng.sample(NAMES, 2)
    return {"n": n, "N": n.upper(), "m": m, "h": rng.choice(OTHER_HEADLINES)}


def _header(b: _Builder, title: str) -> None:
    rng = b.rng
    if rng.random() < 0.6:
        b.add_junk(_pick(rng, BREADCRUMBS, t=title))
    if rng.random() < 0.3:
        b.add_junk(_pick(rng, PROMO))
    b.lines.append(title)
    for kind in rng.sample(["date", "byline", "time", "share", "dup", "credit"], rng.randint(2, 5)):
        fmt = _name_fmt(rng)
        if kind == "date":
            b.add_junk(_pick(rng, DATES))
        elif kind == "byline":
            b.add_junk(_pick(rng, BYLINES, **fmt))
        elif kind == "time":
            b.add_junk(_pick(rng, READING_TIME))
        elif kind == "share":
            b.add_junk(_pick(rng, SHARE + FOLLOW))
        elif kind == "dup":
            dup = title if rng.random() < 0.5 else title.upper() if rng.random() < 0.5 else title + "."
            b.add_junk(dup)
        else:
            b.add_junk(_pick(rng, CREDITS, **fmt))


def _body(b: _Builder, units: list[str], body: list[str]) -> None:
    rng = b.rng
    for i, unit in enumerate(units):
        if unit.startswith("# "):
            b.lines.append(unit[2:])
            body.append(unit[2:])
            continue
        if unit.startswith("* "):
            b.lines.append("\u2022 " + unit[2:])
            body.append(unit[2:])
            continue
        roll = rng.random()
        if roll < 0.12 and i > 0 and unit[0].isupper():
            label = rng.choice(GLUED_LABELS)
            b.lines.append(label + unit)
            b.junk.append(label)
        elif roll < 0.24:
            tag = rng.choice(STRAY_TAGS)
            b.lines.append(unit + tag)
            b.junk.append(tag)
        else:
            b.lines.append(unit)
        body.append(unit)
        if rng.random() < 0.3 and i < len(units) - 1:
            fmt = _name_fmt(rng)
            pool = rng.choice([READ_MORE, PROMO, SUBSCRIBE, FOLLOW, CREDITS, SHARE])
            b.add_junk(_pick(rng, pool, **fmt))


def _footer(b: _Builder) -> None:
    rng = b.rng
    kinds = rng.sample(["hashtags", "share", "comments", "subscribe", "cookies", "teasers", "date"],
                       rng.randint(2, 5))
    for kind in kinds:
        _name_fmt(rng)
        if kind == "hashtags":
            b.add_junk(_pick(rng, HASHTAGS))
        elif kind == "share":
            b.add_junk(_pick(rng, SHARE))
        elif kind == "comments":
            b.add_junk(_pick(rng, COMMENTS))
        elif kind == "subscribe":
            b.add_junk(_pick(rng, SUBSCRIBE))
        elif kind == "cookies":
            b.add_junk(_pick(rng, COOKIES))
        elif kind == "date":
            b.add_junk(_pick(rng, DATES))
        else:
            b.add_junk(_pick(rng, TEASER_HEADERS))
            for h in rng.sample(OTHER_HEADLINES, rng.randint(1, 3)):
                b.add_junk(h)


def make_junk_corpus(seed: int = 0) -> list[tuple[str, list[str], list[str]]]:
    """Every article with boilerplate injected: (text, junk lines, body lines)."""
    rng = random.Random(seed)
    out = []
    for title, units in ARTICLES:
        b = _Builder(rng, [], [])
        body: list[str] = []
        _header(b, title)
        _body(b, units, body)
        _footer(b)
        sep = "\n\n" if rng.random() < 0.7 else "\n"
        out.append((sep.join(b.lines) + "\n", b.junk, body))
    return out


def article_titles() -> list[str]:
    """The titles of the clean articles, in corpus order."""
    return [t for t, _ in ARTICLES]
