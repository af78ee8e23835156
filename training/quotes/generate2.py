"""Second template generator for the quote-speaker training set (quotes3); called by build.py.

It writes the phenomena the first generator and the hand-written passages have few of: a quote paragraph
carried over an attribution tail, a pronoun after a described speaker, anonymous group sources ("…, officials
said"), "X told Ms. Y" with the addressee named again, "?”/!” Name asked", a pronoun whose nearest person has
the other gender, split quotes and speech verbs beyond "said", transcripts with "Name:" turns and Q/A
interviews, colon introductions, translated quotes, "…,” he told officers" and quoted words nobody says
(slogans, sign texts, titles, scare quotes). People, places, quotes and clauses are invented here and share
nothing with the dev set (training/quotes/dev/). A seeded random.Random makes the output reproducible.
"""
import random

from generate import MARKS, Passage, comma

PEOPLE = {  # (given name, surname, gender) per region
    "africa": [("Nomvula", "Dlamini", "f"), ("Chinedu", "Eze", "m"), ("Abena", "Asare", "f"),
               ("Kofi", "Boakye", "m"), ("Halima", "Yusuf", "f"), ("Tesfaye", "Bekele", "m"),
               ("Mariam", "Traoré", "f"), ("Baraka", "Mwangi", "m")],
    "asia": [("Anjali", "Nair", "f"), ("Rahul", "Verma", "m"), ("Mei", "Huang", "f"), ("Daisuke", "Ono", "m"),
             ("Nurul", "Huda", "f"), ("Bayu", "Santoso", "m"), ("Min-ji", "Park", "f"), ("Thanh", "Pham", "m")],
    "europe": [("Sofie", "Janssen", "f"), ("Mikkel", "Andersen", "m"), ("Chiara", "Galli", "f"),
               ("Tomás", "Novák", "m"), ("Aoife", "Brennan", "f"), ("Henrik", "Lund", "m"),
               ("Magdalena", "Kowalczyk", "f"), ("Florian", "Maier", "m")],
    "latam": [("Daniela", "Castro", "f"), ("Santiago", "Vega", "m"), ("Renata", "Souza", "f"),
              ("Andrés", "Quiroga", "m"), ("Paola", "Méndez", "f"), ("Emilio", "Barrios", "m")],
    "mideast": [("Rania", "Aziz", "f"), ("Tariq", "Mahmoud", "m"), ("Zeynep", "Arslan", "f"),
                ("Hassan", "Rahimi", "m"), ("Dana", "Shapiro", "f"), ("Youssef", "Amin", "m")],
    "namerica": [("Courtney", "Haynes", "f"), ("Derek", "Lawson", "m"), ("Monica", "Reyes", "f"),
                 ("Brandon", "Fisher", "m"), ("Shauna", "McBride", "f"), ("Trevor", "Knox", "m")],
    "oceania": [("Mere", "Kawhia", "f"), ("Hamish", "Doyle", "m"), ("Leilani", "Fonoti", "f"),
                ("Brodie", "Carr", "m")],
}
PLACES = {"africa": ["Kisumu", "Tamale", "Mombasa", "Bulawayo"], "asia": ["Cebu", "Surabaya", "Nagpur", "Sendai"],
          "europe": ["Aarhus", "Brno", "Bologna", "Cork"], "latam": ["Rosario", "Cusco", "Manaus", "Mendoza"],
          "mideast": ["Irbid", "Bursa", "Sfax", "Tabriz"], "namerica": ["Boise", "Fresno", "Moncton", "Akron"],
          "oceania": ["Nelson", "Ballarat", "Apia", "Napier"]}

DOMAINS = {
    "politics": dict(
        roles=["the deputy speaker", "the regional governor", "the opposition whip", "the health secretary"],
        desc=["a senior aide to the governor", "a regional lawmaker", "an adviser to the cabinet",
              "a party organiser", "a veteran councillor"],
        lead=["The regional assembly in {place} voted on Thursday to scrap the road toll.",
              "A recount in {place} ended on Monday with the incumbent ahead by 312 votes.",
              "Coalition partners in {place} traded accusations on Wednesday over a leaked memo."],
        quotes=["Nobody in this building has read the whole bill.", "We asked for a debate and got a decree.",
                "The toll was a tax with a barrier on it.", "I will serve out my term, whatever they say.",
                "Voters are tired of being promised the moon.", "This memo was never meant to leave the room.",
                "There is a majority for change, if people stop being afraid.", "Read the small print, then vote."],
        clauses=["the vote had been rushed through at night", "the memo had been taken out of context",
                 "the coalition would survive until the budget", "the recount had been fair"]),
    "business": dict(
        roles=["the plant manager", "the airline's chief executive", "the union steward", "the retailer's founder"],
        desc=["a supplier who works with the firm", "a former manager at the plant", "a trader in the port",
              "an investor in the company"],
        lead=["The textile plant in {place} told 900 workers on Tuesday it would close in March.",
              "A budget airline based in {place} cancelled 40 flights on Friday, citing a fuel shortage.",
              "Shares in a {place} grocery chain jumped 12 percent after a takeover offer."],
        quotes=["The orders stopped coming in August, and they never came back.",
                "We overbooked the summer and underpaid the pilots.", "A takeover is not a rescue.",
                "Nobody told the night shift anything.", "We are profitable again, and we intend to stay that way.",
                "Every month the electricity bill is a surprise.", "The customers have not left us, the banks have."],
        clauses=["the plant had lost money for three years", "the flights would resume next week",
                 "the offer undervalued the company", "suppliers had not been paid since spring"]),
    "health": dict(
        roles=["the hospital's chief nurse", "the district health officer", "the paediatrician on duty",
               "the clinic director"],
        desc=["a midwife at the district hospital", "a pharmacist in the town centre", "a junior doctor on the ward",
              "an ambulance driver"],
        lead=["A cholera outbreak in {place} has infected more than 300 people since Sunday, officials said.",
              "The only maternity ward in {place} will close at night from next month.",
              "Hospitals in {place} have postponed routine surgery for a second week."],
        quotes=["We are washing the same sheets twice a day.", "A mother should not have to drive ninety minutes to give birth.",
                "The water trucks came once and never again.", "We have two doctors for forty thousand people.",
                "Nobody trained me for a ward this full.", "The medicine is there, the money to move it is not."],
        clauses=["the outbreak had started at a market well", "night births would be moved to the city",
                 "surgery would restart on Monday", "staff had not been paid overtime"]),
    "courts": dict(
        roles=["the defence counsel", "the presiding judge", "the chief prosecutor", "the family's lawyer"],
        desc=["a juror who asked not to be named", "a court clerk", "a lawyer who attended the hearing",
              "a relative of the accused"],
        lead=["A court in {place} on Wednesday acquitted a former police chief of taking bribes.",
              "The retrial of a {place} property developer opened on Monday under heavy security.",
              "Judges in {place} suspended the hearing after a witness collapsed."],
        quotes=["The evidence was a rumour with a stamp on it.", "My client has waited four years for this day.",
                "The law does not end where the money starts.", "We will appeal, and we will win.",
                "Nobody in that courtroom believed the witness.", "Justice was slow, but it came."],
        clauses=["the evidence had been gathered unlawfully", "the witness had been intimidated",
                 "the verdict would be appealed", "the developer had left the country once before"]),
    "environment": dict(
        roles=["the river authority's director", "the forestry officer", "the climate scientist", "the park ranger"],
        desc=["a fisherman on the lake", "a volunteer who counts the birds", "a farmer upstream",
              "an engineer at the dam"],
        lead=["The lake near {place} has shrunk by a third since 2010, satellite images show.",
              "Wildfires burned 8,000 hectares of forest around {place} in four days.",
              "Flood barriers in {place} failed on Sunday night for the first time."],
        quotes=["My father fished here with a rowing boat. Now I could walk across.",
                "The fire jumped the road like it was not there.", "The barrier was built for the old rain.",
                "We count fewer birds every spring.", "Nobody upstream wants to share the water.",
                "The trees we planted are taller than the fire breaks."],
        clauses=["the lake was fed by fewer streams every year", "the fire had been started by a power line",
                 "the barriers had not been inspected since 2019", "the dam would release water on Friday"]),
    "sport": dict(
        roles=["the head coach", "the team captain", "the club's sporting director", "the veteran goalkeeper"],
        desc=["a club employee", "a long-time season ticket holder", "a scout for a rival club",
              "a member of the board"],
        lead=["{place} Rovers were relegated on Saturday after a 3-0 defeat at home.",
              "The national cycling team arrived in {place} on Tuesday for altitude training.",
              "A penalty in the last minute decided the cup final in {place}."],
        quotes=["We were relegated in October, not today.", "The legs were heavy from the first kilometre.",
                "I have missed penalties before, I will miss them again.", "The supporters deserved more than this.",
                "Nobody wanted the ball in the last ten minutes.", "We train at altitude so the race feels easy."],
        clauses=["the squad would be rebuilt over the summer", "the team had trained in the heat for a month",
                 "the penalty had been correctly awarded", "the coach would stay on"]),
}

SLOGANS = ["Bread Before Bullets", "No Jobs On A Dead Planet", "Our Water, Our Future", "Not For Sale",
           "Hands Off Our Hospital", "Teachers Are Not Volunteers", "Fair Pay Now", "Let Us Breathe"]
TITLES = ["Salt In The River", "The Quiet Year", "A Map Of Small Towns", "Winter Of The Long Strike",
          "The Night Shift", "Glass Harbour"]
SCARE = ["restructuring", "temporary measures", "efficiency savings", "voluntary departures", "community partners"]
VERBS = ["insisted", "warned", "conceded", "quipped", "admitted", "argued", "noted", "added", "explained"]
TOLD_GROUPS = ["officers", "the committee", "the inspectors", "the council", "investigators", "the panel"]
QUESTIONER = ["Q", "REPORTER", "INTERVIEWER", "HOST", "MODERATOR"]
CHAIR = ["CHAIR", "THE COURT", "CORONER", "THE SPEAKER"]


def person(rng, region, gender=None, avoid=()):
    pool = [p for p in PEOPLE[region] if (gender is None or p[2] == gender) and p[1] not in avoid]
    given, last, g = rng.choice(pool)
    return dict(full=f"{given} {last}", last=last, g=g, he="he" if g == "m" else "she",
                He="He" if g == "m" else "She", his="his" if g == "m" else "her",
                title=("Mr." if g == "m" else "Ms.") + " " + last)


def other(g):
    return "f" if g == "m" else "m"


def t_carry_tail(rng, p, d, region, place):
    """'“A,” said X, who …' then a paragraph of only a quote: X's too."""
    D = DOMAINS[d]
    a = person(rng, region)
    q1, q2, q3 = rng.sample(D["quotes"], 3)
    p.add(rng.choice(D["lead"]).format(place=place)).para()
    tail = rng.choice(["who has worked there for eighteen years", "speaking by telephone from " + place,
                       "who was at the meeting", "as the crowd outside grew"])
    p.q(comma(q1), a["full"], a["full"]).add(f" said {rng.choice(D['roles'])} {a['full']}, {tail}.").para()
    p.q(q2, a["full"], a["full"]).para()
    if rng.random() < 0.6:
        b = person(rng, region, other(a["g"]), avoid=(a["last"],))
        p.add(f"{b['full']} saw it differently. ").q(comma(q3), b["full"], b["he"]).add(f" {b['he']} said.").para()


def t_described_pronoun(rng, p, d, region, place):
    """A described speaker reports something, then a pronoun quote is theirs; a named person of either
    gender is near."""
    D = DOMAINS[d]
    named = person(rng, region)
    desc = rng.choice(D["desc"])
    g = rng.choice(["m", "f"])
    pro = "he" if g == "m" else "she"
    q1, q2 = rng.sample(D["quotes"], 2)
    p.add(rng.choice(D["lead"]).format(place=place) + " ")
    p.add(f"{named['full']}, {rng.choice(D['roles'])}, declined to comment.").para()
    Desc = desc[0].upper() + desc[1:]
    extra = rng.choice(["", ", who did not want to be named,", ", speaking on condition of anonymity,"])
    p.add(f"{Desc}{extra} said ").q(rng.choice(D["clauses"]), Desc, Desc, direct=False).add(". ")
    p.q(comma(q1), Desc, pro).add(f" {pro} said.")
    if rng.random() < 0.5:
        p.para().q(q2, Desc, pro).para()


def t_group_source(rng, p, d, region, place):
    """'…, officials said.' and a described speaker after the quote."""
    D = DOMAINS[d]
    group = rng.choice(["officials", "police", "residents", "local officials", "witnesses", "sources",
                        "two officials", "three people familiar with the matter"])
    when = rng.choice(["", " on Monday", " on Friday", " late on Tuesday"])
    clause = rng.choice(D["clauses"])
    p.add(clause[0].upper() + clause[1:]).add(f", {group} said{when}.")
    p.quotes.append((0, {"quote": clause[0].upper() + clause[1:], "direct": False, "speaker": group,
                         "speaker_near": group}))
    p.para()
    desc = rng.choice(D["desc"])
    p.q(comma(rng.choice(D["quotes"])), desc, desc).add(f" {desc} {rng.choice(['said', 'told reporters', 'told local radio'])}.").para()


def t_told_titled(rng, p, d, region, place):
    """'“A,” X told Ms. Y.' / 'X told Dr. Y that …': the teller speaks; Y answers by title."""
    D = DOMAINS[d]
    a = person(rng, region)
    b = person(rng, region, avoid=(a["last"],))
    addressee = rng.choice([b["title"], "Dr. " + b["last"]])
    q1, q2 = rng.sample(D["quotes"], 2)
    p.add(rng.choice(D["lead"]).format(place=place) + " ")
    p.add(f"{a['full']} and {b['full']} met afterwards.").para()
    if rng.random() < 0.5:
        p.q(comma(q1), a["full"], a["last"]).add(f" {a['last']} told {addressee}.").para()
    else:
        p.q(comma(q1), a["full"], a["full"]).add(f" {a['full']} told {addressee} at the door.").para()
    p.q(comma(q2), b["full"], addressee).add(f" {addressee} {rng.choice(['replied', 'said', 'answered'])}.").para()


def t_exclaim(rng, p, d, region, place):
    """'“…?” Name asked' / '“…!” Name shouted': the name after ?/! is the speaker."""
    D = DOMAINS[d]
    a = person(rng, region)
    b = person(rng, region, avoid=(a["last"],))
    ask = rng.choice(["Who signed this?", "Where is the money?", "Why were we not told?", "Is anyone listening?",
                      "Not again!", "Give us an answer!", "How much longer?"])
    verb = "asked" if ask.endswith("?") else rng.choice(["shouted", "yelled", "cried"])
    p.add(rng.choice(D["lead"]).format(place=place)).para()
    form = rng.randrange(3)
    if form == 0:
        p.q(ask, a["full"], a["full"]).add(f" {a['full']} {verb} {b['full']}.")
    elif form == 1:
        p.add(f"{a['full']} sat in the front row. ")
        p.q(ask, a["full"], a["last"]).add(f" {a['last']} {verb}, pointing at {b['full']}.")
    else:
        p.q(ask, a["full"], a["full"]).add(f" {verb} {a['full']}, interrupting {b['full']}.")
    p.add(" ").q(comma(rng.choice(D["quotes"])), b["full"], b["last"]).add(f" {b['last']} {rng.choice(['replied', 'said'])}.").para()


def t_pronoun_possessor(rng, p, d, region, place):
    """The nearest person has the other gender; the pronoun goes further back."""
    D = DOMAINS[d]
    a = person(rng, region)
    b = person(rng, region, other(a["g"]), avoid=(a["last"],))
    q1, q2 = rng.sample(D["quotes"], 2)
    p.add(f"{a['full']} and {b['full']} spoke at the same meeting in {place}. ")
    p.add(f"{b['last']} said ").q(rng.choice(D["clauses"]), b["full"], b["last"], direct=False).add(".").para()
    lead_in = rng.choice([f"Asked about {b['last']}'s remarks, {a['he']} said: ",
                          f"Minutes after {b['last']} left, {a['he']} said: "])
    p.add(lead_in).q(q1, a["full"], a["he"]).para()
    p.q(comma(q2), b["full"], b["he"]).add(f" {b['he']} {rng.choice(['replied', 'said', 'shot back'])}.").para()


def t_verbs_split(rng, p, d, region, place):
    """Split quotes and speech verbs beyond 'said', inverted or not."""
    D = DOMAINS[d]
    a = person(rng, region)
    b = person(rng, region, avoid=(a["last"],))
    splittable = [q for q in D["quotes"] if ", " in q] or D["quotes"]
    q = rng.choice(splittable)
    head, _, tail = q.partition(", ")
    if not tail:
        words = q.split()
        head, tail = " ".join(words[:3]), " ".join(words[3:])
    v = rng.choice(VERBS)
    p.add(rng.choice(D["lead"]).format(place=place)).para()
    if rng.random() < 0.5:
        p.q(head + ",", a["full"], a["full"]).add(f" {v} {a['full']}, ")
        near = a["full"]
    else:
        p.add(f"{a['full']}, {rng.choice(D['roles'])}, spoke first. ")
        p.q(head + ",", a["full"], a["he"]).add(f" {a['he']} {v}, ")
        near = a["he"]
    p.q(tail[0].lower() + tail[1:], a["full"], near).para()
    medium = rng.choice(["tweeted", "wrote on social media", "posted online", "wrote in a letter to staff"])
    p.add(f"{b['full']} {medium}: ").q(rng.choice(D["quotes"]), b["full"], b["full"]).para()


def t_transcript_names(rng, p, d, region, place):
    """Turns labelled with names in title case, or by a chair and named members."""
    D = DOMAINS[d]
    a = person(rng, region)
    b = person(rng, region, avoid=(a["last"],))
    q1, q2, q3 = rng.sample(D["quotes"], 3)
    full_labels = rng.random() < 0.4
    la, lb = (a["full"], b["full"]) if full_labels else (a["last"], b["last"])
    p.add(f"{rng.choice(['Excerpts from the recorded meeting between', 'From the minutes of the session with'])} "
          f"{a['full']} and {b['full']} in {place}.").para()
    p.add(f"{la}: ").q(q1, a["full"], la, marks=False).para()
    p.add(f"{lb}: ").q(q2, b["full"], lb, marks=False).para()
    if rng.random() < 0.5:
        p.add("Chair: ").q("Please keep to the agenda.", "Chair", "Chair", marks=False).para()
    p.add(f"{la}: ").q(q3, a["full"], la, marks=False).para()


def t_transcript_qa(rng, p, d, region, place):
    """An interview: Q/A or a questioner label, the answers by the person the introduction names; or a
    chair or court label that speaks."""
    D = DOMAINS[d]
    a = person(rng, region)
    q1, q2 = rng.sample(D["quotes"], 2)
    asks = rng.sample(["What went wrong?", "Were you warned?", "What happens now?", "Do you regret it?",
                       "Who is responsible?"], 2)
    p.add(f"{rng.choice(['Q&A with', 'An interview with', 'Our conversation with'])} "
          f"{rng.choice(D['roles'])} {a['full']}, edited for length.").para()
    form = rng.randrange(3)
    if form == 0:
        ql, al = "Q", "A"
        qspk = None
    elif form == 1:
        ql, al = rng.choice(QUESTIONER[1:]), a["last"].upper()
        qspk = None
    else:
        ql, al = rng.choice(CHAIR), a["last"].upper()
        qspk = ql
    for ask, ans in zip(asks, (q1, q2)):
        p.add(f"{ql}: ").q(ask, qspk, qspk, marks=False).para()
        p.add(f"{al}: ").q(ans, a["full"], al, marks=False).para()


def t_colon(rng, p, d, region, place):
    """A colon introduces the quote after a clause with no speech verb."""
    D = DOMAINS[d]
    a = person(rng, region)
    b = person(rng, region, other(a["g"]), avoid=(a["last"],))
    q1, q2 = rng.sample(D["quotes"], 2)
    p.add(rng.choice(D["lead"]).format(place=place)).para()
    intro = rng.choice(["was blunt", "was more measured", "had a message for the government",
                        "did not hide " + a["his"] + " anger"])
    p.add(f"{rng.choice(D['roles']).capitalize()}, {a['full']}, {intro}: ").q(q1, a["full"], a["full"]).para()
    p.q(comma(q2), b["full"], b["full"]).add(f" said {b['full']}, who {rng.choice(['disagreed', 'was also there'])}.").para()


def t_translated(rng, p, d, region, place):
    """A quote in another language or in guillemets, the speaker after it with a note on translation."""
    D = DOMAINS[d]
    a = person(rng, region)
    q1, q2 = rng.sample(D["quotes"], 2)
    foreign = rng.choice(["Nous ne lâcherons rien", "No vamos a rendirnos", "Non abbiamo paura",
                          "Wir bleiben hier", "Não vamos desistir"])
    p.add(rng.choice(D["lead"]).format(place=place)).para()
    sp = rng.random() < 0.5
    o, c = ("« ", " »") if sp else ("«", "»")
    p.add(o).q(foreign, a["full"], a["full"], marks=False).add(c + f", {a['full']} said in a speech, in remarks "
                                                              "translated by the organisers. ")
    p.add(o).q(q1[:-1] if q1.endswith(".") else q1, a["full"], a["he"], marks=False).add(c + f", {a['he']} added.").para()
    if rng.random() < 0.5:
        p.add(f"According to a translation provided by {a['his']} office, {a['he']} also said that ")
        p.q(rng.choice(D["clauses"]), a["full"], a["he"], direct=False).add(".").para()


def t_told_group(rng, p, d, region, place):
    """'“…,” he told officers': the group after the quote is told, the pronoun's person speaks."""
    D = DOMAINS[d]
    a = person(rng, region)
    b = person(rng, region, other(a["g"]), avoid=(a["last"],))
    group = rng.choice(TOLD_GROUPS)
    q1, q2 = rng.sample(D["quotes"], 2)
    p.add(f"{b['full']} questioned {a['full']} for two hours on {rng.choice(['Monday', 'Thursday'])}.").para()
    p.q(comma(q1), a["full"], a["he"]).add(f" {a['he']} told {group}.")
    if rng.random() < 0.6:
        p.add(" ").q(comma(q2), b["full"], b["he"]).add(f" {b['he']} {rng.choice(['replied', 'told him' if a['g'] == 'm' else 'told her'])}.")
    p.para()


def t_unattributed(rng, p, d, region, place):
    """Quoted words nobody in the passage says, beside a real quote."""
    D = DOMAINS[d]
    a = person(rng, region)
    q1 = rng.choice(D["quotes"])
    form = rng.randrange(4)
    if form == 0:
        s = rng.choice(SLOGANS)
        p.add(f"Marchers in {place} carried banners reading ").q(s, None, None).add(" through the city centre.")
    elif form == 1:
        s = rng.choice(TITLES)
        p.add("The book ").q(s, None, None).add(f" has sold 40,000 copies since it came out in {place} in May.")
    elif form == 2:
        s = rng.choice(SCARE)
        p.add("The company calls the job cuts ").q(s, None, None).add(". Unions call them something else.")
    else:
        s = rng.choice(SLOGANS)
        p.add(f"A sign on the door in {place} says ").q(s, None, None).add(".")
    p.para()
    p.q(comma(q1), a["full"], a["full"]).add(f" said {a['full']}, {rng.choice(D['roles'])}.").para()


TEMPLATES = [t_carry_tail, t_described_pronoun, t_group_source, t_told_titled, t_exclaim, t_pronoun_possessor,
             t_verbs_split, t_transcript_names, t_transcript_qa, t_colon, t_translated, t_told_group,
             t_unattributed]
REGISTERS = ["wire", "wire", "broadsheet", "local", "tabloid", "blog", "opinion"]


def passages(rng: random.Random, n: int = 208) -> list[dict]:
    out, seen = [], set()
    i = 0
    while len(out) < n:
        tpl = TEMPLATES[i % len(TEMPLATES)]
        i += 1
        d = rng.choice(sorted(DOMAINS))
        region = rng.choice(sorted(PEOPLE))
        register = "transcript" if tpl in (t_transcript_names, t_transcript_qa) else \
            "translated" if tpl is t_translated else rng.choice(REGISTERS)
        p = Passage(register, region, d, rng.choice(MARKS))
        tpl(rng, p, d, region, rng.choice(PLACES[region]))
        o = p.record()
        if o["text"] in seen:
            continue
        seen.add(o["text"])
        out.append(o)
    return out
