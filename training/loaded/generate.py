"""Write training/loaded/generated.jsonl: template sentences for the loaded-language model (seeded, repeatable).

Each template is a news sentence with slots; every slot has neutral fillers and loaded ones, marked
``[[like this]]``. A sentence draws 0, 1 or 2 loaded fillers, so the set holds near-twins that differ only
in the writer's wording (the boundary the model must learn). Hard neutral fillers use strong words in a
neutral sense (disasters, terms of art, literal meanings) or put loaded words inside a quote attributed to a
speaker, which the convention (README) leaves to the speaker.

Run: python training/loaded/generate.py
"""
import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 1717
N = 1300

# --- slot fillers: neutral | loaded ----------------------------------------------------------------------
GROUP_N = ["the protesters", "the demonstrators", "the strikers", "the activists", "the campaigners", "the rioters",
           "a crowd of about 500 people", "supporters of the party", "the opposition supporters", "young men",
           "the farmers", "the settlers", "the residents", "the fans", "the students", "the workers"]
GROUP_L = ["the [[thugs]]", "a [[rabble]] of protesters", "the [[goons]]", "[[hooligans]]", "the [[louts]]",
           "a [[lynch mob]]", "the [[rent-a-mob]]", "[[hired hoodlums]]", "the [[ragtag]] protesters",
           "[[anarchist]] [[scum]]", "the [[agitators]]", "the [[rioting savages]]", "[[rampaging]] youths",
           "the [[brave]] protesters", "the [[heroic]] strikers", "[[courageous]] campaigners",
           "[[freedom fighters]]", "[[martyrs]] of the movement", "a [[pack]] of [[zealots]]", "[[fanatics]]",
           "the [[extremist]] fringe", "[[crazed]] activists", "the [[unruly]] crowd", "a [[baying]] crowd"]
LEADER_N = ["the president", "the prime minister", "the governor", "the finance minister", "the mayor",
            "the party leader", "the chief executive", "the health secretary", "the senator", "the chairman",
            "the foreign minister", "the council leader", "the general", "the premier", "the commissioner"]
LEADER_L = ["the [[crooked]] president", "the [[spineless]] prime minister", "the [[hapless]] governor",
            "the [[inept]] finance minister", "the [[bumbling]] mayor", "the [[discredited]] party leader",
            "the [[greedy]] chief executive", "the [[feckless]] health secretary", "the [[sleazy]] senator",
            "the [[autocrat]]", "the [[strongman]]", "the [[demagogue]]", "the [[wannabe dictator]]",
            "the [[visionary]] president", "the [[wise]] leader", "the [[tireless]] governor",
            "the [[beloved]] chairman", "the [[great helmsman]]", "the [[tyrannical]] premier",
            "the [[failed]] commissioner", "the [[out-of-touch]] mayor", "the [[arrogant]] minister",
            "the [[incompetent]] minister", "the [[venal]] senator", "the [[clownish]] prime minister",
            "the [[despotic]] ruler", "the [[disgraced]] chairman", "the [[embattled]] premier"]
GOV_N = ["the government", "the administration", "the cabinet", "the authorities", "the ruling party",
         "the coalition", "the ministry", "the city council", "the state government", "parliament"]
GOV_L = ["the [[regime]]", "the [[junta]]", "the [[clique]] in power", "the [[cabal]] in the capital",
         "the [[corrupt]] government", "the [[authoritarian]] government", "the [[kleptocracy]]",
         "the [[ruling gang]]", "the [[puppet]] administration", "the [[so-called]] government",
         "the [[illegitimate]] government", "the [[totalitarian]] state", "the [[bloated]] ministry",
         "the [[wise]] government", "the [[patriotic]] government", "the [[criminal]] regime",
         "the [[shambolic]] coalition", "the [[chaotic]] administration", "the [[hard-line]] cabinet"]
SAY_N = ["said", "told reporters", "said in a statement", "wrote on social media", "told parliament",
         "said on Tuesday", "told a news conference", "argued", "responded", "replied"]
SAY_L = ["[[ranted]]", "[[fumed]]", "[[whined]]", "[[bleated]]", "[[sneered]]", "[[crowed]]", "[[gloated]]",
         "[[raged]]", "[[moaned]]", "[[spluttered]]", "[[bragged]]", "[[blustered]]", "[[whinged]]",
         "[[thundered]]", "[[boasted]]"]
CRIT_N = ["criticised", "rejected", "questioned", "opposed", "objected to", "challenged", "disputed",
          "voted against", "raised concerns about", "called for changes to"]
CRIT_L = ["[[slammed]]", "[[blasted]]", "[[lambasted]]", "[[savaged]]", "[[ripped into]]", "[[tore into]]",
          "[[trashed]]", "[[railed against]]", "[[hammered]]", "[[skewered]]", "[[eviscerated]]",
          "[[mauled]]", "[[laid into]]", "[[rubbished]]", "[[excoriated]]", "[[pilloried]]"]
PLAN_N = ["the plan", "the proposal", "the budget", "the reform", "the bill", "the new rules", "the policy",
          "the tax increase", "the spending cuts", "the deal", "the agreement", "the scheme", "the measures"]
PLAN_L = ["the [[half-baked]] plan", "the [[harebrained]] proposal", "the [[ruinous]] budget",
          "the [[sham]] reform", "the [[draconian]] bill", "the [[oppressive]] new rules",
          "the [[idiotic]] policy", "the [[punishing]] tax increase", "the [[savage]] spending cuts",
          "the [[sell-out]] deal", "the [[shoddy]] agreement", "the [[boondoggle]]",
          "the [[preposterous]] measures", "the [[bogus]] reform", "the [[vanity project]]",
          "the [[landmark]] bill", "the [[bold]] reform", "the [[visionary]] plan", "the [[historic]] deal",
          "the [[ludicrous]] scheme", "the [[cockamamie]] scheme", "the [[disastrous]] policy",
          "the [[botched]] rollout", "the [[heavy-handed]] measures", "the [[punitive]] rules",
          "the [[so-called]] reform", "the [[\"reform\"]]", "the [[\"peace plan\"]]", "the [[\"rescue package\"]]"]
PASS_N = ["passed", "approved", "adopted", "introduced", "announced", "signed", "extended", "published",
          "finalised", "unveiled"]
PASS_L = ["[[rammed through]]", "[[railroaded]]", "[[bulldozed through]]", "[[sneaked through]]",
          "[[smuggled through]]", "[[foisted]]", "[[forced through]]", "[[steamrollered]]",
          "[[cooked up]]", "[[trumpeted]]", "[[peddled]]", "[[hatched]]"]
MONEY_N = ["spent", "received", "was paid", "earned", "allocated", "was awarded", "raised", "budgeted"]
MONEY_L = ["[[squandered]]", "[[splurged]]", "[[pocketed]]", "[[blew]]", "[[frittered away]]",
           "[[wasted]]", "[[raked in]]", "[[trousered]]", "[[grabbed]]", "[[siphoned off]]",
           "[[looted]]", "[[plundered]]", "[[embezzled]]", "[[hoovered up]]"]
MIG_N = ["migrants arrived", "asylum seekers crossed the border", "refugees reached the islands",
         "people applied for asylum", "workers moved to the region", "families settled in the district"]
MIG_L = ["migrants [[swarmed]] across the border", "a [[flood]] of migrants [[poured]] in",
         "a [[horde]] of asylum seekers descended on the town", "an [[invasion]] of illegals arrived",
         "a [[tide]] of foreigners [[swamped]] the islands", "[[illegals]] [[infested]] the district",
         "a [[plague]] of migrants hit the port", "[[hordes]] of refugees [[overran]] the camps"]
INTENS = ["[[shockingly]]", "[[outrageously]]", "[[shamefully]]", "[[brazenly]]", "[[blatantly]]",
          "[[cynically]]", "[[recklessly]]", "[[callously]]", "[[scandalously]]", "[[nakedly]]",
          "[[disgracefully]]", "[[grotesquely]]", "[[ruthlessly]]", "[[arrogantly]]", "[[sneakily]]"]
RESULT_N = ["a loss", "a deficit", "higher costs", "delays", "a shortfall", "job cuts", "a backlog",
            "fewer services", "longer waits"]
RESULT_L = ["a [[staggering]] loss", "a [[catastrophic]] deficit", "[[eye-watering]] costs",
            "[[endless]] delays", "a [[gaping]] shortfall", "[[brutal]] job cuts", "a [[shameful]] backlog",
            "[[crippling]] costs", "[[appalling]] waits", "a [[monstrous]] bill", "[[obscene]] costs",
            "an [[epic]] failure", "an [[abject]] failure", "a [[fiasco]]", "a [[debacle]]", "a [[shambles]]"]
PLACE = ["Marlow", "Tervik", "Santa Lucia", "Kesterton", "Obu", "Hallenburg", "Port Ilan", "Dunbridge",
         "Varosh", "Nueva Esperanza", "Lakemoor", "Ashgrove", "Kiruna Bay", "Melcote", "Ondara", "Pellworth"]
NUM = ["12", "40", "150", "3,000", "27", "85", "1.2 million", "600", "9", "48"]
MONEY = ["$3 million", "£450,000", "€12 million", "$80,000", "£2.4 billion", "€900,000", "$65 million"]
DAY = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "last week", "overnight",
       "on Saturday", "this week", "in March", "in the spring"]
# strong words in a neutral sense: physical force, markets, terms of art, literal meanings
HARD_N = [
    "The cyclone devastated {place}, flattening {num} homes {day}.",
    "Floodwaters ravaged farmland around {place} and swept away two bridges {day}.",
    "A fire gutted a warehouse in {place} {day}; nobody was hurt.",
    "A swarm of locusts destroyed crops across {num} hectares near {place}.",
    "Rats infested the disused grain store in {place}, health inspectors found.",
    "Shares in the airline plunged {num} percent {day} after a profit warning.",
    "Oil prices soared to their highest level in a year {day}.",
    "The tax regime for small firms will change in April, the treasury said.",
    "The sanctions regime was extended for another six months {day}.",
    "The man was convicted of terrorism offences and jailed for {num} years.",
    "The group was designated a terrorist organisation by the foreign ministry in 2017.",
    "The alleged fraud cost investors {money}, prosecutors said.",
    "A pack of wolves killed {num} sheep on a farm near {place} {day}.",
    "The blast shattered windows across {place} and injured {num} people.",
    "The heatwave killed {num} people, most of them elderly, officials said.",
    "The army crushed the uprising in 1956, a history that still shapes the country.",
    "The victims of the massacre were buried in a mass grave outside {place}, investigators said.",
    "Hundreds of people queued for bread in {place} after the mill closed.",
    "The landslide buried the village of {place} under tonnes of mud.",
    "The epidemic overwhelmed hospitals in {place} and killed {num} people.",
    "The military junta promised a return to civilian rule by 2027.",
    "The firefighters were honoured for rescuing {num} people from the burning tower.",
    "The court heard that the attack on the pensioner was brutal and lasted several minutes.",
    "The company slashed prices by {num} percent in its winter sale.",
    "Economists expect inflation to ease to {num} percent by the end of the year.",
    "The hurricane battered the coast with winds of 200 km/h {day}.",
    "The drought wiped out the harvest in {place} for the second year running.",
    "The insurgents seized the airport {day}, the army said.",
    "The deadly crash closed the motorway near {place} for six hours.",
    "The outbreak spread quickly through the prison in {place}.",
]
# quoted loaded words attributed to a speaker: the speaker's, not the writer's
QUOTE_N = [
    "{leader} called the plan \"a disgrace\" and promised to fight it.",
    "\"They are thugs and cowards,\" {leader} said of the attackers.",
    "{leader} described the protesters as \"paid agitators\", without giving evidence.",
    "Critics called the bill \"draconian\"; the government said it was proportionate.",
    "The union said the offer was \"an insult to every nurse in the country.\"",
    "Residents described the new tower as \"a monstrous eyesore\" at the hearing in {place}.",
    "\"This regime has no shame,\" the opposition leader told a rally in {place}.",
    "The ambassador called the report \"slanderous lies\" in a letter to the newspaper.",
    "Her lawyer said the prosecution was \"a witch hunt\" and that she would appeal.",
    "The minister said the strikers were \"holding the country to ransom\".",
    "Placards read \"Tyrants out\" and \"No more lies\" as the march reached the square.",
    "The coach called the referee's decision \"a joke\" after the match.",
    "\"It was heroic,\" a neighbour said of the rescue. \"He saved three children.\"",
    "{leader} dismissed the allegations as \"fake news\" in a post on social media.",
    "The rights group called the trial \"a farce\" and urged the court to release the men.",
    "One shopper told the paper the price rises were \"daylight robbery\".",
]


def pick(rng, neutral, loaded, p):
    return (rng.choice(loaded), True) if rng.random() < p else (rng.choice(neutral), False)


TEMPLATES = [
    "{group} {crit} {plan} {day} in {place}.",
    "{leader} {crit} {plan}, saying it would lead to {result}.",
    "{gov} {pass_} {plan} {day}.",
    "{gov} {pass_} {plan} despite objections from {group}.",
    "\"We will not accept this,\" {leader} {say} {day}.",
    "{leader} {say} that the figures were accurate.",
    "{leader} {money} {moneyv} on a new official residence, records show.",
    "The department {money} {moneyv} on consultants in {place} last year.",
    "{gov} {intens_opt}ignored warnings about {result} in {place}.",
    "{plan} will mean {result} for hospitals in {place}, according to {leader}.",
    "{group} gathered outside the parliament in {place} {day}.",
    "{group} blocked the main road into {place} for {num} hours.",
    "Police arrested {num} people after {group} clashed with officers in {place}.",
    "{mig} {day}, according to the interior ministry.",
    "In {place}, {mig} last year, officials said.",
    "{leader} met {group} in {place} {day} to discuss {plan}.",
    "{gov} {intens_opt}cut funding for schools in {place} by {money}.",
    "{leader} {crit} {gov} over {result} at the port of {place}.",
    "{plan} left taxpayers facing {result}, an audit found.",
    "After {num} days of talks, {gov} {pass_} {plan}.",
    "{leader} visited {place} {day} and promised to rebuild the bridge.",
    "{gov} said {plan} would take effect in January.",
    "{leader} defended {plan} in a speech to {group} in {place}.",
    "{group} accused {gov} of {intens_opt}breaking its promises on {plan}.",
]


def render(tpl: str, rng: random.Random, p: float) -> tuple[str, bool]:
    flags = []

    def slot(neutral, loaded):
        text, loaded_ = pick(rng, neutral, loaded, p)
        flags.append(loaded_)
        return text

    vals = {
        "group": slot(GROUP_N, GROUP_L), "leader": slot(LEADER_N, LEADER_L), "gov": slot(GOV_N, GOV_L),
        "say": slot(SAY_N, SAY_L), "crit": slot(CRIT_N, CRIT_L), "plan": slot(PLAN_N, PLAN_L),
        "pass_": slot(PASS_N, PASS_L), "money": slot(MONEY_N, MONEY_L), "result": slot(RESULT_N, RESULT_L),
        "mig": slot(MIG_N, MIG_L), "intens_opt": (rng.choice(INTENS) + " ") if rng.random() < p / 2 else "",
        "place": rng.choice(PLACE), "num": rng.choice(NUM), "moneyv": rng.choice(MONEY), "day": rng.choice(DAY),
    }
    text = tpl.format(**vals)
    return text[0].upper() + text[1:] if not text.startswith(("\"", "[")) else text, True


def unmark(marked: str) -> tuple[str, list[str]]:
    spans = re.findall(r"\[\[(.+?)\]\]", marked)
    text = re.sub(r"\[\[(.+?)\]\]", r"\1", marked)
    if text[:1].islower():
        text = text[0].upper() + text[1:]
        spans = [s[0].upper() + s[1:] if text.startswith(s[0].upper() + s[1:]) and i == 0 and marked.startswith("[[")
                 else s for i, s in enumerate(spans)]
    return text, spans


def main() -> None:
    rng = random.Random(SEED)
    rows, seen = [], set()
    registers = ["wire", "tabloid", "blog", "opinion", "state", "translated", "broadsheet", "local"]
    while len(rows) < N:
        r = rng.random()
        if r < 0.16:
            marked = rng.choice(HARD_N).format(place=rng.choice(PLACE), num=rng.choice(NUM),
                                               money=rng.choice(MONEY), day=rng.choice(DAY))
        elif r < 0.24:
            leader = rng.choice(LEADER_N)
            marked = rng.choice(QUOTE_N).format(leader=leader, place=rng.choice(PLACE))
        else:
            # about half the template sentences stay neutral: every slot neutral
            p = 0.0 if rng.random() < 0.45 else 0.35
            marked, _ = render(rng.choice(TEMPLATES), rng, p)
            if p and "[[" not in marked:
                marked, _ = render(rng.choice(TEMPLATES), rng, 0.6)
        marked = marked[0].upper() + marked[1:] if marked[:1].islower() else marked
        if marked.startswith("[[") and marked[2:3].islower():
            marked = "[[" + marked[2].upper() + marked[3:]
        text, spans = unmark(marked)
        if text in seen:
            continue
        seen.add(text)
        rows.append({"id": f"tl-{5001 + len(rows)}", "text": text, "spans": spans,
                     "register": rng.choice(registers)})
    with open(HERE / "generated.jsonl", "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} sentences, {sum(1 for r in rows if r['spans'])} loaded")


if __name__ == "__main__":
    main()
