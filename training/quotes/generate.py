"""Template generator for part of the quote-speaker training set; called by build.py.

Each template writes one passage from invented slot fillers (people of many regions with their gender,
role descriptions, per-domain leads, quotes, partial quotes and reported clauses) and records every quote
with its speaker and the mention nearest to it. A seeded random.Random makes the output reproducible.
"""
import random

PEOPLE = {  # (full name, gender) per region
    "africa": [("Amara Okeke", "f"), ("Kwame Mensah", "m"), ("Fatou Diop", "f"), ("Tendai Moyo", "m"),
               ("Zanele Khumalo", "f"), ("Yohannes Tesfaye", "m"), ("Aisha Bello", "f"), ("Samuel Otieno", "m")],
    "asia": [("Mei Chen", "f"), ("Hiroshi Yamada", "m"), ("Priya Sharma", "f"), ("Arjun Patel", "m"),
             ("Siti Rahmah", "f"), ("Nguyen Van Minh", "m"), ("Kim Ji-woo", "f"), ("Ramon Villanueva", "m")],
    "europe": [("Ingrid Larsen", "f"), ("Pierre Dubois", "m"), ("Katarzyna Wójcik", "f"), ("Lars Becker", "m"),
               ("Elena Popescu", "f"), ("Giorgos Nikolaou", "m"), ("Siobhán Kelly", "f"), ("Jan de Jong", "m")],
    "latam": [("Lucía Fernández", "f"), ("Diego Morales", "m"), ("Camila Rocha", "f"), ("João Pereira", "m"),
              ("Valentina Cruz", "f"), ("Alejandro Ríos", "m")],
    "mideast": [("Layla Hassan", "f"), ("Omar Al-Khatib", "m"), ("Yasmin Farouk", "f"), ("Karim Nasser", "m"),
                ("Noa Levi", "f"), ("Mehmet Yılmaz", "m")],
    "namerica": [("Jennifer Walsh", "f"), ("Marcus Johnson", "m"), ("Rebecca Stone", "f"), ("Tyler Brooks", "m"),
                 ("Maria Gonzalez", "f"), ("Kevin O'Brien", "m")],
    "oceania": [("Aroha Ngata", "f"), ("Liam Fraser", "m"), ("Chloe Bennett", "f"), ("Sione Taufa", "m")],
}
PLACES = {"africa": ["Accra", "Dakar", "Kampala", "Lusaka"], "asia": ["Hanoi", "Kuala Lumpur", "Pune", "Osaka"],
          "europe": ["Lyon", "Gdańsk", "Porto", "Utrecht"], "latam": ["Córdoba", "Medellín", "Recife", "Valparaíso"],
          "mideast": ["Amman", "Izmir", "Muscat", "Haifa"], "namerica": ["Tulsa", "Spokane", "Halifax", "Dayton"],
          "oceania": ["Hamilton", "Geelong", "Suva", "Dunedin"]}

# per domain: roles for named people, unnamed role descriptions (text, gender or None), leads, quotes,
# partial phrases, reported clauses. {place} is filled with a city of the passage's region.
DOMAINS = {
    "politics": dict(
        roles=["the opposition leader", "the interior minister", "a senior lawmaker", "the party's chairwoman",
               "the finance minister", "the mayor"],
        anon=[("a senior official", None), ("the spokeswoman", "f"), ("the spokesman", "m"),
              ("a government source", None), ("a senior party figure", None)],
        leads=["The coalition in {place} came close to collapse on Tuesday over the budget.",
               "Lawmakers in {place} voted late on Wednesday to delay the election law.",
               "The regional government in {place} announced a new cabinet on Monday.",
               "Protesters gathered outside the assembly in {place} for a third day."],
        quotes=["We will not sign a budget we have not read.", "This government has run out of ideas.",
                "The door is open, but it will not stay open forever.", "Nobody voted for this.",
                "We are ready to talk tomorrow morning.", "The numbers simply do not add up.",
                "I have the votes, and I intend to use them.", "Let the people decide."],
        partial=["a cynical stunt", "reckless and irresponsible", "a step in the right direction",
                 "the worst kind of politics"],
        clauses=["the vote would go ahead as planned", "the party would not join any coalition",
                 "talks would resume after the holiday", "the reforms had been rushed"]),
    "sport": dict(
        roles=["the head coach", "the club captain", "the team's striker", "the federation president"],
        anon=[("a club official", None), ("the team doctor", None), ("a source close to the player", None)],
        leads=["{place} City lost 2-1 at home on Saturday, their fourth defeat in a row.",
               "The national team arrived in {place} on Monday ahead of the qualifier.",
               "A late goal settled the derby in {place} on Sunday."],
        quotes=["We were not good enough, simple as that.", "The lads gave everything tonight.",
                "I am not going to blame the referee.", "We will be back stronger next season.",
                "Nobody is bigger than this club.", "It hurts, and it should hurt."],
        partial=["the worst half of the season", "a proper team performance", "unacceptable",
                 "a night to forget"],
        clauses=["the team had lacked energy in the second half", "the injury was not serious",
                 "the squad would travel on Thursday", "the player had asked to leave"]),
    "business": dict(
        roles=["the chief executive", "the company's finance director", "the union's negotiator",
               "the bank's chief economist"],
        anon=[("a company spokesperson", None), ("an analyst at a regional bank", None),
              ("a person familiar with the talks", None)],
        leads=["Shares in the {place} carmaker fell 9 percent on Thursday after a profit warning.",
               "The {place} port operator said on Monday it would cut 800 jobs.",
               "A {place} food retailer agreed on Friday to buy a smaller rival."],
        quotes=["The second half will be tough, and we will not pretend otherwise.",
                "Our customers are spending less, and we see that every day.",
                "This deal makes us stronger in every market we serve.",
                "We expect demand to recover next year.", "Nobody takes decisions like this lightly."],
        partial=["painful but necessary", "a turning point", "a very difficult year", "cautiously optimistic"],
        clauses=["the company would close two plants", "profits would fall in the second half",
                 "the merger would be completed by March", "prices would rise again in the spring"]),
    "courts": dict(
        roles=["the defence lawyer", "the prosecutor", "the judge", "the victim's mother"],
        anon=[("a court official", None), ("a lawyer for the family", None), ("a legal source", None)],
        leads=["A court in {place} on Tuesday jailed a former councillor for fraud.",
               "The trial of three police officers opened in {place} on Monday.",
               "An appeals court in {place} overturned a murder conviction on Friday."],
        quotes=["Justice has been done today.", "My client will appeal this verdict.",
                "The evidence was never there.", "You betrayed the trust of the public.",
                "We waited six years for this day."],
        partial=["a miscarriage of justice", "deeply flawed", "beyond reasonable doubt", "a shameful episode"],
        clauses=["the defendant had shown no remorse", "the evidence had been mishandled",
                 "the family would seek a retrial", "the sentence was too lenient"]),
    "health": dict(
        roles=["the health minister", "the hospital's medical director", "an epidemiologist", "a ward nurse"],
        anon=[("a hospital spokeswoman", "f"), ("a senior doctor", None), ("a health ministry official", None)],
        leads=["Hospitals in {place} postponed routine surgery on Wednesday as flu cases surged.",
               "Health officials in {place} confirmed nine new cases of measles on Monday.",
               "A new children's ward opened in {place} on Friday after years of delays."],
        quotes=["The wards are full and the staff are exhausted.", "Vaccination is still the best protection.",
                "We have never seen numbers like this in January.", "Please do not come to the emergency room "
                "unless it is an emergency.", "We need more nurses, not more promises."],
        partial=["under severe pressure", "entirely preventable", "a wake-up call", "close to breaking point"],
        clauses=["the outbreak was under control", "more beds would open next week",
                 "waiting times had doubled since last year", "the vaccine was safe for children"]),
    "crime": dict(
        roles=["the detective in charge", "the police chief", "a neighbour", "the shop owner"],
        anon=[("a police source", None), ("a police spokeswoman", "f"), ("a witness", None)],
        leads=["Police in {place} arrested two men on Saturday after a jewellery shop robbery.",
               "A man was stabbed outside a bar in {place} early on Sunday.",
               "Thieves stole copper cable from a railway line near {place} overnight."],
        quotes=["We heard shouting and then the glass went.", "We are following several lines of inquiry.",
                "This is a quiet street. Nothing happens here.", "Anyone with information should call us.",
                "I locked the door and called the police."],
        partial=["a targeted attack", "brazen", "shocking and senseless", "an isolated incident"],
        clauses=["the suspects had fled in a stolen car", "the victim was in a stable condition",
                 "officers had recovered some of the goods", "no shots had been fired"]),
    "science": dict(
        roles=["the study's lead author", "a marine biologist", "the mission's chief scientist", "a geologist"],
        anon=[("a researcher who was not involved in the study", None), ("the agency's spokesperson", None)],
        leads=["Researchers in {place} reported on Wednesday a new way to store solar heat in salt.",
               "A probe launched from {place} sent back its first images on Monday.",
               "Scientists in {place} found a coral reef that had survived two heatwaves."],
        quotes=["This is a first step, not a cure.", "We did not expect the signal to be so clear.",
                "The data will keep us busy for years.", "Nature is more resilient than we thought.",
                "We need to repeat this before anyone gets excited."],
        partial=["genuinely surprising", "a small but real advance", "too good to be true", "a game changer"],
        clauses=["the results would need to be confirmed", "the reef had adapted to warmer water",
                 "the method could be cheap enough for villages", "the probe was working normally"]),
    "local": dict(
        roles=["the council leader", "a local shopkeeper", "the head teacher", "a resident of forty years"],
        anon=[("a council spokesperson", None), ("one resident", None), ("a parent at the school gate", None)],
        leads=["The council in {place} approved a new cycle lane on Thursday after a heated debate.",
               "The only bank branch in the village outside {place} will close in May.",
               "A footbridge in {place} reopened on Saturday after two years of repairs."],
        quotes=["This is where we buy our bread and pay our bills.", "Nobody asked the people who live here.",
                "It should never have taken two years.", "We fought for this and we won.",
                "Where are the elderly supposed to go?"],
        partial=["a lifeline for the village", "a total waste of money", "long overdue", "a disgrace"],
        clauses=["the council had consulted widely", "the bridge was safe to use",
                 "the branch was no longer viable", "parking would be reviewed in the autumn"]),
    "entertainment": dict(
        roles=["the director", "the film's star", "the festival organiser", "the band's singer"],
        anon=[("a studio spokesperson", None), ("a source close to the production", None)],
        leads=["The festival in {place} opened on Friday with a sold-out premiere.",
               "A concert in {place} was cancelled on Sunday an hour before the doors opened.",
               "The musical that started in a {place} pub theatre is moving to a larger stage."],
        quotes=["We made the film we wanted to make.", "I am so sorry to everyone who travelled.",
                "The audience is the only critic that matters.", "I never expected any of this.",
                "We will reschedule as soon as we can."],
        partial=["a dream come true", "deeply disappointed", "the hardest role of my career", "electric"],
        clauses=["the tour would resume in June", "tickets would be refunded in full",
                 "the sequel was already being written", "the singer had lost her voice"]),
}
MARKS = [("“", "”")] * 6 + [('"', '"')] * 3 + [("«", "»"), ("„", "“")]
REGISTERS = ["wire", "wire", "broadsheet", "local", "tabloid", "translated", "blog"]


class Passage:
    """Text built piece by piece; a quote's start is recorded as it is written."""

    def __init__(self, register: str, region: str, domain: str, marks: tuple[str, str]):
        self.paras: list[str] = []
        self.cur = ""
        self.quotes: list[tuple[int, dict]] = []
        self.meta = dict(register=register, region=region, domain=domain)
        self.open, self.close = marks

    def offset(self) -> int:
        return sum(len(p) + 2 for p in self.paras) + len(self.cur)

    def add(self, s: str) -> "Passage":
        self.cur += s
        return self

    def q(self, words: str, speaker: str | None, near: str | None, direct: bool = True,
          marks: bool = True) -> "Passage":
        marks = direct and marks
        if marks:
            self.cur += self.open
        self.quotes.append((self.offset(), {"quote": words, "direct": direct, "speaker": speaker,
                                            "speaker_near": near}))
        self.cur += words
        if marks:
            self.cur += self.close
        return self

    def para(self) -> "Passage":
        self.paras.append(self.cur.strip())
        self.cur = ""
        return self

    def record(self) -> dict:
        if self.cur:
            self.para()
        text = "\n\n".join(self.paras)
        quotes = []
        for start, q in self.quotes:
            found = [i for i in range(len(text)) if text.startswith(q["quote"], i)]
            # offsets shift by the strip of each paragraph's edges: match the nearest occurrence
            k = min(range(len(found)), key=lambda j: abs(found[j] - start))
            if len(found) > 1:
                q["occurrence"] = k
            quotes.append(q)
        return dict(id=None, text=text, quotes=quotes, **self.meta)


def comma(sentence: str) -> str:
    """A quoted sentence before its attribution ends in a comma, unless it ends in ? or !."""
    return sentence if sentence[-1] in "?!" else sentence[:-1] + ","


def surname(name: str) -> str:
    parts = name.split()
    if name.startswith("Kim ") or name.startswith("Nguyen "):
        return parts[0]
    return " ".join(parts[-2:]) if parts[-2] == "de" else parts[-1]


def person(rng: random.Random, region: str, domain: str, gender: str | None = None,
           avoid: tuple[str, ...] = ()) -> dict:
    pool = [p for p in PEOPLE[region] if (gender is None or p[1] == gender) and p[0] not in avoid]
    name, g = rng.choice(pool)
    full = name
    if domain in ("health", "science") and rng.random() < 0.5:
        full = ("Dr. " if domain == "health" else rng.choice(["Dr. ", "Prof. "])) + name
    elif region == "mideast" and g == "m" and rng.random() < 0.4:
        full = "Sheikh " + name
    elif domain == "politics" and rng.random() < 0.15:
        full = "Gen. " + name
    courtesy = ("Mr. " if g == "m" else "Ms. ") + surname(name)
    return dict(name=name, full=full, last=surname(name), g=g, he="he" if g == "m" else "she",
                He="He" if g == "m" else "She", courtesy=courtesy,
                role=rng.choice([r for r in DOMAINS[domain]["roles"] if r not in avoid]))


SAY = ["said", "said", "said", "told reporters", "added", "insisted", "warned", "admitted", "claimed"]


def t_after(rng, p, d, region, place):
    """Lead, then a quote with the speaker after it, inverted or not, and a second quote."""
    a = person(rng, region, d)
    q1, q2 = rng.sample(DOMAINS[d]["quotes"], 2)
    p.add(rng.choice(DOMAINS[d]["leads"]).format(place=place)).para()
    if rng.random() < 0.5:
        p.add("").q(comma(q1), a["full"], a["full"]).add(f" said {a['full']}, {a['role']}.")
    else:
        p.add("").q(comma(q1), a["full"], a["full"]).add(f" {a['full']}, {a['role']}, {rng.choice(SAY)}.")
    p.add(" ").q(q2, a["full"], a["full"]).para()


def t_before(rng, p, d, region, place):
    """Speaker before the quote, with a colon; a second speaker of the other gender answers with a pronoun."""
    a = person(rng, region, d)
    b = person(rng, region, d, gender="m" if a["g"] == "f" else "f", avoid=(a["name"], a["role"]))
    q1, q2, q3 = rng.sample(DOMAINS[d]["quotes"], 3)
    p.add(rng.choice(DOMAINS[d]["leads"]).format(place=place) + " ")
    cue = rng.choice(["said", "told reporters", "wrote on social media", "said in a statement", "posted online",
                      "admitted", "claimed", "warned"])
    p.add(f"{a['full']}, {a['role']}, {cue}: ")
    p.q(q1, a["full"], a["full"]).para()
    p.add(f"{b['full']}, {b['role']}, disagreed. ").q(comma(q2), b["full"], b["he"])
    p.add(f" {b['he']} {rng.choice(['said', 'replied', 'insisted'])}. ").q(q3, b["full"], b["he"]).para()


def t_split(rng, p, d, region, place):
    """One quoted sentence split by its attribution at a comma: "part one," X said, "part two." """
    a = person(rng, region, d)
    splittable = [q for q in DOMAINS[d]["quotes"] if ", " in q]
    if not splittable:
        return t_after(rng, p, d, region, place)
    q = rng.choice(splittable)
    head, tail = q.split(", ", 1)
    p.add(rng.choice(DOMAINS[d]["leads"]).format(place=place)).para()
    if rng.random() < 0.5:
        p.q(head + ",", a["full"], a["full"]).add(f" {a['full']}, {a['role']}, {rng.choice(['said', 'added', 'explained'])}, ")
    else:
        p.add(f"{a['full']}, {a['role']}, was blunt. ").q(head + ",", a["full"], a["he"])
        p.add(f" {a['he']} {rng.choice(['said', 'warned', 'admitted'])}, ")
    p.q(tail, a["full"], a["full"] if p.quotes[-1][1]["speaker_near"] == a["full"] else a["he"]).para()


def t_pronoun_pair(rng, p, d, region, place):
    """A man and a woman are named; each later quote is attributed by a pronoun only (gender decides)."""
    a = person(rng, region, d)
    b = person(rng, region, d, gender="m" if a["g"] == "f" else "f", avoid=(a["name"], a["role"]))
    q1, q2, q3 = rng.sample(DOMAINS[d]["quotes"], 3)
    p.add(f"{a['full']}, {a['role']}, met {b['full']}, {b['role']}, in {place} on {rng.choice(['Monday', 'Tuesday', 'Friday'])}. ")
    p.add(f"{a['He']} said afterwards that ").q(rng.choice(DOMAINS[d]["clauses"]), a["full"], a["He"], direct=False)
    p.add(".").para()
    p.q(comma(q1), b["full"], b["he"]).add(f" {b['he']} said. ").q(q2, b["full"], b["he"]).para()
    p.q(comma(q3), a["full"], a["he"]).add(f" {a['he']} {rng.choice(['replied', 'said', 'countered'])}.").para()


def t_subject(rng, p, d, region, place):
    """Two people of the same gender: the pronoun of the next sentence takes the subject."""
    a = person(rng, region, d)
    b = person(rng, region, d, gender=a["g"], avoid=(a["name"], a["role"]))
    if b["last"] == a["last"]:
        return t_after(rng, p, d, region, place)
    q1 = rng.choice(DOMAINS[d]["quotes"])
    p.add(f"{a['full']} {rng.choice(['called', 'telephoned', 'wrote to'])} {b['full']} on {rng.choice(['Sunday', 'Wednesday'])}, ")
    p.add(f"according to {a['last']}'s office. ").q(comma(q1), a["full"], a["he"])
    p.add(f" {a['he']} said later.").para()


def t_told(rng, p, d, region, place):
    """X told Mr. Y / told reporters: the teller is the speaker."""
    a = person(rng, region, d)
    b = person(rng, region, d, avoid=(a["name"], a["role"]))
    if b["last"] == a["last"]:
        b = dict(b, courtesy="the visiting delegation", last="delegation")
    q1, q2 = rng.sample(DOMAINS[d]["quotes"], 2)
    p.add(rng.choice(DOMAINS[d]["leads"]).format(place=place)).para()
    p.add(f"{a['full']} told {b['courtesy']} that ").q(rng.choice(DOMAINS[d]["clauses"]), a["full"], a["full"], direct=False)
    p.add(f", according to {rng.choice(['two people present', 'a readout of the meeting', 'an aide'])}. ")
    p.q(comma(q1), a["full"], a["last"]).add(f" {a['last']} told {rng.choice(['reporters', 'journalists', b['courtesy']])} afterwards.").para()
    if rng.random() < 0.3:
        p.q(comma(q2), None, None).add(f" {rng.choice(['read a banner outside', 'chanted the crowd', 'read one placard'])}.").para()


def t_question(rng, p, d, region, place):
    """A quote ending in ?/! followed by a capitalised name, then an answer."""
    a = person(rng, region, d)
    b = person(rng, region, d, gender="m" if a["g"] == "f" else "f", avoid=(a["name"], a["role"]))
    ask = rng.choice(["Who is going to pay for this?", "Why now?", "Where were you last year?",
                      "How long must we wait?", "Enough is enough!", "Shame on you!"])
    verb = "asked" if ask.endswith("?") else rng.choice(["shouted", "said"])
    p.add(rng.choice(DOMAINS[d]["leads"]).format(place=place)).para()
    p.q(ask, a["full"], a["full"]).add(f" {a['full']} {verb}, ")
    p.add(f"interrupting {b['full']}, {b['role']}. ").q(comma(rng.choice(DOMAINS[d]["quotes"])), b["full"], b["he"])
    p.add(f" {b['he']} {rng.choice(['replied', 'answered', 'shot back'])}.").para()


def t_carried(rng, p, d, region, place):
    """Speaker introduced in one paragraph, quoted without a name in the next one(s)."""
    a = person(rng, region, d)
    q1, q2, q3 = rng.sample(DOMAINS[d]["quotes"], 3)
    p.add(rng.choice(DOMAINS[d]["leads"]).format(place=place) + " ")
    p.add(f"{a['full']}, {a['role']}, said ").q(rng.choice(DOMAINS[d]["clauses"]), a["full"], a["full"], direct=False)
    p.add(".").para()
    p.q(comma(q1), a["full"], a["he"]).add(f" {a['he']} said. ").q(q2, a["full"], a["he"]).para()
    p.q(q3, a["full"], a["he"]).para()


def t_role(rng, p, d, region, place):
    """An unnamed speaker given by a role description, and a partial quote mid-sentence."""
    role, _g = rng.choice(DOMAINS[d]["anon"])
    a = person(rng, region, d)
    q1 = rng.choice(DOMAINS[d]["quotes"])
    part = rng.choice(DOMAINS[d]["partial"])
    p.add(rng.choice(DOMAINS[d]["leads"]).format(place=place)).para()
    p.q(comma(q1), role, role).add(f" {role} said, {rng.choice(['speaking on condition of anonymity', 'asking not to be named', 'without giving details'])}.").para()
    p.add(f"{a['full']}, {a['role']}, called it ").q(part, a["full"], a["full"]).add(".")
    p.para()


def t_source(rng, p, d, region, place):
    """According to / in a statement / quoted as saying."""
    a = person(rng, region, d)
    q1, q2 = rng.sample(DOMAINS[d]["quotes"], 2)
    form = rng.randrange(3)
    p.add(rng.choice(DOMAINS[d]["leads"]).format(place=place) + " ")
    if form == 0:
        p.add(f"{a['full']} was quoted as saying ").q(q1, a["full"], a["full"]).para()
    elif form == 1:
        p.add(f"In a statement, {a['full']} said: ").q(q1, a["full"], a["full"]).para()
    else:
        p.add("").q(comma(q1), a["full"], a["full"]).add(f" according to {a['full']}, {a['role']}.").para()
    p.add(f"{a['He']} also said that ").q(rng.choice(DOMAINS[d]["clauses"]), a["full"], a["He"], direct=False)
    p.add(".").para()


def t_transcript(rng, p, d, region, place):
    """A transcript with labels; questions from an unnamed interviewer."""
    a = person(rng, region, d)
    label = a["full"].upper() if rng.random() < 0.5 else a["last"].upper()
    q1, q2 = rng.sample(DOMAINS[d]["quotes"], 2)
    qlab = rng.choice(["Q", "INTERVIEWER", "MODERATOR"])
    p.add(f"{rng.choice(['Transcript of an interview with', 'Edited transcript:'])} {a['full']}, {a['role']}, in {place}.").para()
    p.add(f"{qlab}: ").q(rng.choice(["What happens now?", "Were you surprised?", "What is your message tonight?"]),
                         None, None, marks=False).para()
    p.add(f"{label}: ").q(q1, a["full"], label, marks=False).para()
    p.add(f"{qlab}: ").q(rng.choice(["And the critics?", "Will you stay on?", "Any regrets?"]), None, None,
                         marks=False).para()
    p.add(f"{label}: ").q(q2, a["full"], label, marks=False).para()


def t_alternate(rng, p, d, region, place):
    """Two named speakers alternating, then a short unattributed line."""
    a = person(rng, region, d)
    b = person(rng, region, d, avoid=(a["name"], a["role"]))
    if b["last"] == a["last"]:
        return t_split(rng, p, d, region, place)
    q1, q2, q3, q4 = rng.sample(DOMAINS[d]["quotes"], 4)
    p.add(f"{a['full']} and {b['full']} have never agreed on much.").para()
    p.q(comma(q1), a["full"], a["last"]).add(f" said {a['last']}.").para()
    p.q(comma(q2), b["full"], b["last"]).add(f" {b['last']} {rng.choice(['replied', 'answered', 'said'])}.").para()
    p.q(comma(q3), a["full"], a["last"]).add(f" {a['last']} {rng.choice(['said', 'insisted'])}. ")
    p.q(comma(q4), b["full"], b["last"]).add(f" said {b['last']}.").para()


TEMPLATES = [t_after, t_before, t_split, t_pronoun_pair, t_subject, t_told, t_question, t_carried, t_role,
             t_source, t_transcript, t_alternate]


def passages(rng: random.Random, n: int = 156) -> list[dict]:
    out, seen = [], set()
    i = 0
    while len(out) < n:
        tpl = TEMPLATES[i % len(TEMPLATES)]
        i += 1
        d = rng.choice(sorted(DOMAINS))
        region = rng.choice(sorted(PEOPLE))
        register = "transcript" if tpl is t_transcript else rng.choice(REGISTERS)
        marks = rng.choice(MARKS) if register != "translated" else rng.choice([("«", "»"), ("„", "“"), ("“", "”")])
        p = Passage(register, region, d, marks)
        tpl(rng, p, d, region, rng.choice(PLACES[region]))
        o = p.record()
        if o["text"] in seen:
            continue
        seen.add(o["text"])
        out.append(o)
    return out
