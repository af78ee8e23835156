"""Third template generator for the quote-speaker training set (quotes5); called by build.py.

It writes quoted words that nobody in the passage says, in the frames that give the attribution rules a phrase
to hold on to: a sign, banner, caption or note introduced with a colon or "says"/"reads"; titles after "titled",
"called" or a bare noun; scare quotes; sayings and proverbs; hypothetical speech ("Imagine a minister who
said: …", "No one ever says …"); words quoted as words. Each passage also has real quotes whose speaker is named
once and then referred to by age or role ("the 34-year-old", "the spokeswoman"), or who is only described
("a spokeswoman for the port authority"). People, places, quotes and texts are invented here and share nothing
with the dev or blind sets. A seeded random.Random makes the output reproducible.
"""
import random

from generate import MARKS, Passage, comma

PEOPLE = {  # (given name, surname, gender) per region
    "africa": [("Wairimu", "Gachanja", "f"), ("Oluwaseun", "Adebayo", "m"), ("Nokuthula", "Zulu", "f"),
               ("Kwesi", "Appiah", "m"), ("Aminata", "Diallo", "f"), ("Yonas", "Haile", "m"),
               ("Chipo", "Moyo", "f"), ("Ikechukwu", "Okafor", "m")],
    "asia": [("Farzana", "Haque", "f"), ("Arjun", "Pillai", "m"), ("Xiaoling", "Zhou", "f"), ("Kenta", "Mori", "m"),
             ("Siti", "Rahmawati", "f"), ("Quang", "Le", "m"), ("Hye-jin", "Choi", "f"), ("Imran", "Chaudhry", "m")],
    "europe": [("Ingrid", "Dahl", "f"), ("Piotr", "Zielinski", "m"), ("Elena", "Moretti", "f"),
               ("Jakub", "Dvořák", "m"), ("Niamh", "Gallagher", "f"), ("Lars", "Eriksen", "m")],
    "latam": [("Valentina", "Rojas", "f"), ("Joaquín", "Herrera", "m"), ("Fernanda", "Lima", "f"),
              ("Mateo", "Salazar", "m"), ("Guadalupe", "Ortiz", "f"), ("Rodrigo", "Paredes", "m")],
    "mideast": [("Noor", "Haddad", "f"), ("Khalid", "Al-Mansouri", "m"), ("Elif", "Yilmaz", "f"),
                ("Omar", "Farouk", "m"), ("Yasmin", "Nasser", "f"), ("Reza", "Tehrani", "m")],
    "namerica": [("Latoya", "Simmons", "f"), ("Cody", "Brennan", "m"), ("Maribel", "Ochoa", "f"),
                 ("Dwayne", "Hollis", "m"), ("Kendra", "Walsh", "f"), ("Gordon", "Pike", "m")],
    "oceania": [("Ngaire", "Tamihana", "f"), ("Sione", "Vaipulu", "m"), ("Kirra", "Lawson", "f"),
                ("Mitchell", "Doyle", "m")],
}
PLACES = {"africa": ["Eldoret", "Kumasi", "Bamako", "Mutare"], "asia": ["Rajshahi", "Kochi", "Kunming", "Da Nang"],
          "europe": ["Tromsø", "Gdańsk", "Perugia", "Galway"], "latam": ["Arequipa", "Salta", "Recife", "Oaxaca"],
          "mideast": ["Zarqa", "Konya", "Sousse", "Shiraz"], "namerica": ["Dayton", "Yuma", "Sudbury", "Macon"],
          "oceania": ["Rotorua", "Cairns", "Suva", "Timaru"]}
ORGS = ["the port authority", "the regional hospital trust", "the water utility", "the city council",
        "the mining company", "the teachers' union", "the transport ministry", "the football club"]
ROLES_F = ["spokeswoman", "mother of three", "head nurse", "shop owner", "retired teacher", "councillor"]
ROLES_M = ["spokesman", "father of two", "night watchman", "shop owner", "retired miner", "councillor"]
QUOTES = ["We were told the work would take six weeks. It is now six months.",
          "Nobody asked the people who actually live here.",
          "I have never seen the river this low in my life.",
          "The money was promised in March and we are still waiting.",
          "My children ask me every night when we can go home.",
          "We will open again, but not at these prices.",
          "They fixed the road outside the mayor's house first.",
          "I counted forty trucks before breakfast.",
          "The old rules were bad. The new ones are worse.",
          "We did everything by the book and the book changed.",
          "There is no plan B. This was plan B.",
          "I do not blame the staff. I blame the people who cut the staff."]
SIGNS = ["No Entry Without Permit", "Closed For Good, Thanks For Everything", "Water Is Life, Not Profit",
         "Fix Our Roads Before Your Offices", "Beware Of The Goose", "Back In Ten Minutes, Maybe Twenty",
         "Keep Calm And Call A Plumber", "No Work, No Peace", "Save Our Library", "Free Tea For Volunteers",
         "Please Do Not Feed The Pelicans", "This Land Is Not For Sale"]
NOTES = ["Gone to the hospital, feed the cat please.", "Sorry for the noise, we are building a school.",
         "The key is under the blue pot.", "Thank you to whoever returned my wallet.",
         "Meeting moved to Thursday, bring chairs."]
TITLES = ["The Long Way to Market", "A River Without Banks", "Counting the Cranes", "Salt and Iron",
          "Roads Nobody Built", "The Year of the Empty Shelves", "Winter Wheat", "A Map of Small Mercies"]
WORKS = ["report", "documentary", "novel", "campaign", "album", "exhibition", "strategy", "play"]
SCARE = ["rationalisation", "right-sizing", "temporary relocation", "community engagement", "flexible working",
         "natural wastage", "service optimisation", "managed decline"]
SAYINGS = ["The sea gives, and the sea collects.", "A borrowed ladder is always short.",
           "The rain does not ask whose roof it is.", "You cannot plough a field by turning it over in your mind.",
           "A guest who stays three days becomes family or trouble.", "The well is only missed when it is dry."]
HYPOTHETICAL = ["We got this wrong and we are sorry.", "The numbers do not add up and never did.",
                "I did not read the report before I signed it.", "We have no idea what this will cost.",
                "The consultants were right and we ignored them."]
WORDS = ["resilience", "synergy", "transformational", "world-class", "stakeholders", "robust"]


def person(rng, region, gender=None, avoid=()):
    pool = [p for p in PEOPLE[region] if (gender is None or p[2] == gender) and p[1] not in avoid]
    given, last, g = rng.choice(pool)
    return dict(full=f"{given} {last}", last=last, g=g, he="he" if g == "m" else "she",
                He="He" if g == "m" else "She", his="his" if g == "m" else "her",
                role=rng.choice(ROLES_M if g == "m" else ROLES_F))


def real_quote(rng, p, region, place, avoid=()):
    """One real quote, its speaker named and then referred to by age, by role or by pronoun, or only
    described."""
    a = person(rng, region, avoid=avoid)
    q1, q2 = rng.sample(QUOTES, 2)
    form = rng.randrange(5)
    if form == 0:
        age = rng.randrange(19, 80)
        p.add(f"{a['full']}, {age}, has lived in {place} all {a['his']} life. ")
        p.q(comma(q1), a["full"], f"the {age}-year-old").add(f" the {age}-year-old said.")
    elif form == 1:
        p.add(f"{a['full']}, a {a['role']} in {place}, was not surprised. ")
        p.q(comma(q1), a["full"], f"the {a['role']}").add(f" the {a['role']} said.")
    elif form == 2:
        org = rng.choice(ORGS)
        role = "spokesman" if a["g"] == "m" else "spokeswoman"
        desc = f"a {role} for {org}"
        p.q(comma(q1), desc, desc).add(f" said {desc}, who declined to be named.")
    elif form == 3:
        p.add(f"{a['full']} runs a stall near the bus station. ")
        p.q(comma(q1), a["full"], a["he"]).add(f" {a['he']} said. ").q(q2, a["full"], a["he"])
    else:
        p.q(comma(q1), a["full"], a["full"]).add(f" said {a['full']}, who lives nearby.")
    p.para()
    return a


def t_sign(rng, p, region, place):
    """A sign, banner, placard or note introduced with a colon or with 'says'/'reads'."""
    if rng.random() < 0.7:
        thing = rng.choice(["A banner", "A hand-painted sign", "A placard", "Graffiti on the wall", "A poster",
                            "The sign on the gate", "A chalkboard outside"])
        text = rng.choice(SIGNS)
    else:
        thing = rng.choice(["A note taped to the door", "A message on the noticeboard", "A card in the window"])
        text = rng.choice(NOTES)
    frame = rng.randrange(4)
    if frame == 0:
        p.add(f"{thing} in {place} says: ").q(text, None, None)
    elif frame == 1:
        p.add(f"{thing} in {place} reads ").q(text, None, None)
    elif frame == 2:
        p.add(f"Outside the town hall in {place} hung {thing[0].lower() + thing[1:]}: ").q(text, None, None)
    else:
        p.add(f"{thing} read simply: ").q(text, None, None)
    p.add("." if not text.endswith(".") else "").para()
    real_quote(rng, p, region, place)


def t_title(rng, p, region, place):
    """A title after a work noun, 'titled' or 'called'."""
    a = person(rng, region)
    work, title = rng.choice(WORKS), rng.choice(TITLES)
    frame = rng.randrange(3)
    if frame == 0:
        p.add(f"The {work} ").q(title, None, None).add(f" opens in {place} next week.")
    elif frame == 1:
        p.add(f"A new {work}, titled ").q(title, None, None).add(f", was launched in {place} on Monday.")
    else:
        p.add(f"The {work} is called ").q(title, None, None).add(f", after a street in {place}.")
    p.para()
    q1 = rng.choice(QUOTES)
    p.add(f"Its author, {a['full']}, said the idea came from {a['his']} grandmother. ")
    p.q(comma(q1), a["full"], a["he"]).add(f" {a['he']} said.").para()


def t_scare(rng, p, region, place):
    """A scare-quoted phrase with no one saying it, or a so-called one."""
    word = rng.choice(SCARE)
    org = rng.choice(ORGS)
    frame = rng.randrange(3)
    if frame == 0:
        p.add("The so-called ").q(word, None, None).add(f" at {org} has cost 200 jobs in {place}.")
    elif frame == 1:
        p.add(f"What began as ").q(word, None, None).add(f" at {org} ended with the building sold.")
    else:
        p.add(f"In {place}, ").q(word, None, None).add(" has become a word people spit out.")
    p.para()
    real_quote(rng, p, region, place)


def t_saying(rng, p, region, place):
    """A saying or proverb the writer quotes."""
    saying = rng.choice(SAYINGS)
    frame = rng.randrange(3)
    if frame == 0:
        p.add("As the old saying goes, ").q(saying, None, None)
    elif frame == 1:
        p.add(f"There is a proverb in {place}: ").q(saying, None, None)
    else:
        p.add("An old proverb holds that ").q(saying, None, None)
    p.para()
    real_quote(rng, p, region, place)


def t_hypothetical(rng, p, region, place):
    """Speech nobody made: imagined, wished for or denied."""
    words = rng.choice(HYPOTHETICAL)
    role = rng.choice(["minister", "chief executive", "mayor", "regulator", "coach"])
    frame = rng.randrange(4)
    if frame == 0:
        p.add(f"Imagine a {role} who said: ").q(words, None, None)
    elif frame == 1:
        p.add(f"No {role} in {place} will ever stand up and say ").q(words[:-1], None, None).add(".")
    elif frame == 2:
        p.add(f"It would be refreshing to hear a {role} admit: ").q(words, None, None)
    else:
        p.add(f"Picture the press release from the {role}'s office: ").q(words, None, None)
    p.para()
    real_quote(rng, p, region, place)


def t_word(rng, p, region, place):
    """A word quoted as a word."""
    word = rng.choice(WORDS)
    n = rng.randrange(5, 40)
    frame = rng.randrange(2)
    if frame == 0:
        p.add("The word ").q(word, None, None).add(f" appears {n} times in the council's new plan for {place}.")
    else:
        p.add(f"In the plan for {place}, the word ").q(word, None, None).add(f" turns up on nearly every page.")
    p.para()
    real_quote(rng, p, region, place)


def t_liveblog(rng, p, region, place):
    """Timestamped entries: 'Name: “…”', 'Role Name tells our reporter: “…”', a sign a reader sent."""
    a = person(rng, region)
    b = person(rng, region, avoid=(a["last"],))
    q1, q2, q3 = rng.sample(QUOTES, 3)
    hour = rng.randrange(6, 21)
    p.add(f"Live: floods in {place}").para()
    role = rng.choice(["Fire chief", "Mayor", "Resident", "Shop owner", "Police commander", "Our reporter"])
    p.add(f"{hour:02d}:{rng.randrange(0, 6)}5 Water levels are still rising. {role} {a['full']}: ")
    p.q(q1, a["full"], a["full"]).para()
    form = rng.randrange(3)
    if form == 0:
        p.add(f"{hour + 1:02d}:10 {b['full']}, who lives by the river, tells our reporter: ").q(q2, b["full"], b["full"])
    elif form == 1:
        p.add(f"{hour + 1:02d}:10 A reader sends us a photo of a sign on a church door: ").q(rng.choice(SIGNS), None, None)
    else:
        p.add(f"{hour + 1:02d}:10 {b['full']} on local radio: ").q(q2, b["full"], b["full"])
    p.para()
    if rng.random() < 0.5:
        p.add(f"{hour + 1:02d}:40 {a['last']} again, a little later: ").q(q3, a["full"], a["last"]).para()


def t_release(rng, p, region, place):
    """A press release: the chief executive quoted with title after the name, a partner 'added'."""
    a = person(rng, region)
    b = person(rng, region, avoid=(a["last"],))
    q1, q2 = rng.sample(QUOTES, 2)
    org = rng.choice(["Harbour Freight Group", "Sunline Solar", "Kestrel Foods", "Meridian Clinics"])
    p.add(f"PRESS RELEASE — {org} today announced a new site in {place}.").para()
    p.q(comma(q1), a["full"], a["full"]).add(f" said {a['full']}, Chief Executive Officer of {org}.").para()
    if rng.random() < 0.5:
        p.q(comma(q2), b["full"], b["full"]).add(f" added {b['full']}, Head of Operations.").para()
    else:
        p.add(f"{b['full']}, Chair of the {place} Chamber of Commerce, said: ").q(q2, b["full"], b["full"]).para()
    p.add(f"About {org}: {org} is a company founded in {rng.randrange(1950, 2020)}.").para()


TEMPLATES = [t_sign, t_title, t_scare, t_saying, t_hypothetical, t_word, t_sign, t_liveblog, t_release]
REGISTERS = ["wire", "broadsheet", "local", "tabloid", "blog", "opinion"]


def passages(rng: random.Random, n: int = 180) -> list[dict]:
    out, seen = [], set()
    i = 0
    while len(out) < n:
        tpl = TEMPLATES[i % len(TEMPLATES)]
        i += 1
        region = rng.choice(sorted(PEOPLE))
        register = "blog" if tpl is t_liveblog else "wire" if tpl is t_release else rng.choice(REGISTERS)
        p = Passage(register, region, rng.choice(["local", "politics", "business", "culture"]),
                    rng.choice(MARKS))
        tpl(rng, p, region, rng.choice(PLACES[region]))
        o = p.record()
        if o["text"] in seen:
            continue
        seen.add(o["text"])
        out.append(o)
    return out
