#!/usr/bin/env python3
"""Generate furniture and body sentences for the cleaning's sentence model (issue 15) into generated.tsv.

Templates with invented slot fillers: furniture written as sentences (subscription and newsletter pitches,
author bios, reporting credits, partnership and funding notes, corrections, legal lines, comment policies,
broadcast notices, the site's own events, tips, disclaimers, helplines, forum rules) and body sentences
that look like them (a story about a newsletter, a correction of a fact, a partnership between companies,
a reporter at the scene, an app, a helpline, a broadcast, a quote that speaks to "you"). Deterministic:

    python training/clean/sentences/generate.py [--check]
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PER_TEMPLATE = 14

SLOTS: dict[str, list[str]] = {
    "outlet": ["the Brackley Messenger", "the Orwell Standard", "Kinross Today", "the Lowther Times", "the Cape Vale Argus",
               "the Tamar Bulletin", "the Mossgiel Record", "Harbour City News", "the Vantage Daily", "the Kilnsey Post",
               "the Upland Clarion", "the Nairn Leader", "the Pemberton Express", "Delta Morning", "the Kerala Sentinel",
               "the Otago Ledger", "the Prairie Dispatch", "the Shire Weekly", "the Coral Coast Mail", "Metro Ninety"],
    "Outlet": ["The Brackley Messenger", "The Orwell Standard", "Kinross Today", "The Lowther Times", "The Cape Vale Argus",
               "The Tamar Bulletin", "Harbour City News", "The Vantage Daily", "The Kilnsey Post", "Delta Morning",
               "The Otago Ledger", "The Prairie Dispatch", "The Shire Weekly", "Metro Ninety", "The Kerala Sentinel"],
    "station": ["Radio Pennant", "Wave 104", "Channel Eleven", "Skerry FM", "Northline TV", "Radio Maru", "Capital Talk 88",
                "Valley Sound", "TV Kestrel", "Lakeside Radio"],
    "show": ["The Morning Brief", "Drive at Five", "Week in Review", "The Farming Hour", "Newsnight East", "Sunday Sport",
             "Talkback", "The Business Desk", "City Beat", "Late Edition"],
    "person": ["Amara Okoye", "Jonas Pettersen", "Lucia Marin", "Hamid Rahimi", "Chloe Barnard", "Kenji Mori",
               "Siobhan Kearney", "Thabo Nkosi", "Priya Venkat", "Mateo Alvarez", "Ruth Ellery", "Dmitri Volkov",
               "Fiona Gallagher", "Sani Abubakar", "Lena Hoffmann", "Owen Treharne", "Isabel Duarte", "Tariq Aziz",
               "Mariam Yusuf", "Connor Blake", "Ana Lima", "Ravi Menon", "Helga Sorensen", "Nia Roberts"],
    "beat": ["health", "education", "crime", "politics", "business", "the environment", "transport", "farming",
             "local government", "sport", "technology", "housing", "courts", "science", "arts and culture"],
    "role": ["chief reporter", "political editor", "health correspondent", "business reporter", "news editor",
             "sports writer", "community reporter", "investigations editor", "environment correspondent", "features writer"],
    "place": ["Carrow", "Dunmere", "Ellisford", "Kilbride", "Marrakech", "Port Hedley", "Nakuru", "Cebu", "Leipzig",
              "Gdansk", "Tamale", "Brisbane", "Halifax", "Mysore", "Arequipa", "Tromso", "Wexbury", "Lowestone"],
    "fund": ["the Harrow Trust", "the Civic Journalism Fund", "the Northcott Foundation", "the Bay Area Press Initiative",
             "the Ridley Family Foundation", "the Open Coasts Fund", "the Public Interest News Network", "the Lanyard Trust"],
    "series": ["Left Behind", "The Water Question", "Small Towns", "Climate Frontlines", "Health Matters", "The Cost of Living",
               "Future of Work", "Rural Lives"],
    "company": ["Norland Foods", "Arctis Energy", "Brightpath Telecom", "Kestrel Motors", "Halden Bank", "Veritas Pharma",
                "Sundial Airlines", "Marlow Steel", "Ocean Crest Shipping", "Tamarind Retail", "Greyfield Homes",
                "Novus Robotics", "Pennine Water", "Orchid Hotels", "Lakeshore Dairy"],
    "company2": ["a Japanese battery maker", "the state railway", "a Danish wind developer", "two local universities",
                 "the regional health authority", "a French engineering group", "a start-up from Nairobi", "the port authority"],
    "body": ["the council", "the health board", "the ministry", "the police", "the club", "the university", "the regulator",
             "the water company", "the school", "the hospital trust", "the airline", "the festival organisers"],
    "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "date": ["3 March", "14 June", "21 September", "9 November", "1 February", "28 April", "12 July", "5 December"],
    "time": ["6am", "7pm", "8.30pm", "noon", "10am", "9pm", "5.30pm", "11am"],
    "price": ["£1", "$2", "€3", "£4.99", "$9.99", "Rs 99", "R49", "$1.50", "£2.50"],
    "n": ["40", "120", "2,300", "15", "600", "1,100", "75", "9,400", "38", "250", "12", "3,800"],
    "email": ["news@brackleymessenger.example", "tips@orwellstandard.example", "desk@kinrosstoday.example",
              "letters@lowthertimes.example", "editor@tamarbulletin.example", "hello@metroninety.example"],
    "phone": ["01632 555 0142", "0800 555 0177", "(555) 014 2290", "020 5550 1234", "1-800-555-0147"],
    "topic": ["the election", "the floods", "the strike", "the budget", "the trial", "the heatwave", "the new stadium",
              "the housing crisis", "the by-election", "the school closures"],
    "thing": ["the bridge", "the library", "the bus station", "the swimming pool", "the market hall", "the ferry terminal",
              "the clinic", "the museum", "the sports centre", "the mill"],
    "pron": ["She", "He"],
    "fact": ["the name of the school", "the age of the victim", "the cost of the scheme", "the date of the hearing",
             "the title of the report", "the number of jobs affected", "the spelling of her surname",
             "the location of the crash"],
    "app": ["app", "website", "online portal", "text service", "hotline"],
    "job": ["teacher", "nurse", "farmer", "engineer", "GP", "solicitor", "civil servant", "headteacher", "police officer"],
    "committee": ["planning committee", "licensing panel", "parish council", "finance committee", "health scrutiny panel",
                  "harbour board"],
    "law": ["Children and Young Persons Act", "Sexual Offences Act", "Contempt of Court Act", "Youth Justice Act"],
}

FURNITURE = [
    # subscriptions and memberships
    "Subscribe to {outlet} for {price} a week and get unlimited access to our journalism.",
    "Support independent reporting in {place}: become a subscriber today.",
    "You have read all of your free articles this month. Subscribe now to keep reading.",
    "Become a member of {outlet} and help us hold power to account in {place}.",
    "This article is for subscribers. Start your free trial to read the rest.",
    "Our journalism is funded by readers. Join them from just {price} a month.",
    "If you value our coverage of {beat}, please consider a donation to {outlet}.",
    "Members of {Outlet} get early access to our investigations and an ad-free website.",
    # newsletters
    "Sign up for {outlet}'s free {beat} newsletter and get the week's stories every {day}.",
    "Get the latest news from {place} delivered to your inbox every morning.",
    "Want more stories like this? Sign up to our newsletter.",
    "Sign up to our {beat} briefing, sent every {day} at {time}.",
    "Thanks for reading. Our newsletter brings you the best of {outlet} every {day}.",
    # apps and social
    "Download the {Outlet} app to get breaking news alerts from {place}.",
    "Get the free {Outlet} app and turn on notifications for {beat} news.",
    "Follow {outlet} on Facebook, Instagram and X for the latest from {place}.",
    "Join our WhatsApp community to get the day's headlines from {place}.",
    "Watch our latest videos on the {Outlet} YouTube channel.",
    # bios
    "{person} is {outlet}'s {role}.",
    "{person} is {outlet}'s {role}. {pron} has covered {beat} since 2015.",
    "{person} covers {beat} for {outlet}.",
    "{person} is a freelance journalist based in {place}.",
    "{person} is a reporter at {outlet}, where {pron2} writes about {beat}.",
    "{person} has reported on {beat} for more than a decade and is based in {place}.",
    "{person} joined {outlet} in 2019 and writes about {beat}.",
    "{person} is {outlet}'s {role} and can be reached at {email}.",
    "The author is a researcher in {beat} at the University of {place}.",
    # credits
    "{person} contributed reporting from {place}.",
    "Additional reporting by {person} in {place}.",
    "Reporting by {person}; editing by {person2}.",
    "{person} in {place} contributed to this report.",
    "Writing by {person}; additional reporting by {person2} in {place}.",
    # partnerships and funding
    "This article was produced in partnership with {fund}.",
    "This story is part of {series}, a series supported by {fund}.",
    "This reporting was funded by {fund}, which had no editorial control over its content.",
    "{Outlet}'s coverage of {beat} is supported by {fund}.",
    "This story was co-published with {outlet} as part of a reporting partnership.",
    "This content was produced in association with {company}.",
    # updates (a correction of a fact is the story's: BODY)
    "This story has been updated to include a response from {body}.",
    "This article has been updated since it was first published on {date}.",
    "This is a developing story. Check back for updates.",
    # legal and copyright
    "Copyright {Outlet} 2025. All rights reserved.",
    "This material may not be published, broadcast, rewritten or redistributed without permission from {outlet}.",
    "All content on this site is the property of {outlet} and may not be reproduced without permission.",
    "The views expressed in this article are the author's own and do not reflect those of {outlet}.",
    "{Outlet} is not responsible for the content of external websites.",
    "{Outlet} is published by Tallis Media Ltd, registered in England and Wales.",
    # comment policy
    "Comments on this article are closed after {n} hours.",
    "Please keep comments civil. {Outlet} reserves the right to remove comments that break our rules.",
    "Comments are reviewed by moderators before they appear.",
    "To comment on this story, you must be logged in.",
    # broadcast notices
    "{show} is on {station} every {day} at {time}.",
    "{show} airs weekdays at {time} on {station}.",
    "Listen to {show} again on the {station} app.",
    "You can watch {show} on {station} at {time} on {day}.",
    "This transcript of {show} has been edited for clarity.",
    "This is an automated transcript and may contain errors.",
    "Coming up on {show}: the latest on {topic}.",
    # the site's events and promotions
    "Join {outlet}'s reporters for a live Q&A about {topic} on {day} at {time}.",
    "Tickets for the {Outlet} Awards are on sale now.",
    "Nominate a local hero for {outlet}'s community awards before {date}.",
    "Enter our competition to win tickets to see {topic} at {thing}.",
    "Join us at {thing} in {place} on {date} for an evening with our editors.",
    # tips and contact
    "Do you have a story? Contact {outlet} at {email}.",
    "If you have information about {topic}, contact our newsroom on {phone}.",
    "Have your say on {topic}: write to us at {email}.",
    "Spotted an error? Email {email}.",
    # disclaimers and data
    "Data provided by {company}. Prices are delayed by {n} minutes.",
    "Prices and opening times were correct at the time of publication.",
    "{Outlet} may earn a commission from purchases made through links in this article.",
    "This article does not constitute financial advice.",
    "Results are supplied by the clubs and published as received.",
    "Listings are provided by the venues and may change.",
    # helplines
    "If you are affected by any of the issues in this article, call the helpline on {phone}.",
    "Support is available for anyone affected by {topic}: call {phone}, free and confidential.",
    # forum furniture
    "This thread was closed automatically after {n} days without a reply.",
    "Please read the rules of the forum before you post in this section.",
    "Posts on this forum are the views of their authors and not of {outlet}.",
    "You must be a registered member to reply to this thread.",
    # outlet self-description
    "{Outlet} is an independent, non-profit newsroom covering {place}.",
    "{Outlet} has been serving {place} since 1888.",
    "{Outlet} is a member of the Independent Press Standards Organisation.",
    "Read more of {outlet}'s coverage of {topic}.",
    # press-release boilerplate, op-ed notes, phone-ins, meeting notices, community rules
    "{company} is a leading provider of services to businesses in {place}, founded in 1999 and employing {n} people.",
    "About {company}: {company} was founded in {place} in 2004 and has offices in {n2} countries.",
    "{company} is listed on the stock exchange and employs more than {n} people worldwide.",
    "{person} is a retired {job} who lives in {place}. The views expressed here are {pron2_pos} own.",
    "{person} is a {job} and a member of {fund}. This is an edited version of a speech given in {place}.",
    "Text {show} on {phone}; texts are charged at your network's standard rate.",
    "Call the {show} phone-in on {phone} or email {email}.",
    "The next meeting of the {committee} is on {day} {date} at {time}.",
    "Papers for the {committee} can be read on the council website a week before the meeting.",
    "The public may attend meetings of the {committee} and may ask questions if they register in advance.",
    "This is a space for {place} residents to share news and ask questions. Be respectful of each other.",
    "Welcome to the {Outlet} community. Please introduce yourself before posting.",
    "Reporting restrictions apply to this case under the {law}.",
    "{Outlet} does not identify victims of sexual offences.",
    "Listings are published in good faith. Please confirm with the organisers before attending.",
    "Details were correct when we went to press but may change.",
    "{person} travelled to {place} as a guest of {company}.",
    "{Outlet} received a free review copy from the publisher.",
    "{Outlet} is a not-for-profit publisher. Our reporters are paid, and your support keeps them working.",
    "Our coverage of {place} is free to read because of readers who support us.",
    "For all the latest on {topic}, visit our live page.",
]

BODY = [
    "{Body} said residents could sign up to its newsletter for updates on {thing}, but few had done so.",
    "{Body} launched a free {app} in {date} that lets residents report problems at {thing}.",
    "More than {n} people have downloaded the {app} since {body} launched it, a spokesperson said.",
    "Subscriptions to {company}'s streaming service fell by {n} in the quarter, the company said.",
    "{company} said it would refund customers who had been wrongly charged for subscriptions.",
    "{Body} corrected its figures on {day}, saying {n} people, not {n2}, had been affected.",
    "{Body} later issued a correction, saying it had given the wrong date for {thing} reopening.",
    "The report was corrected after {person} pointed out that {fact} was wrong.",
    "{company} and {company2} announced a partnership on {day} to build a plant near {place}.",
    "The project is a partnership between {body} and {company}, which will pay for half of it.",
    "{company} signed a partnership with {company2} in {date} to supply parts for the new trains.",
    "The scheme is funded by {fund} and will run for three years in {place}.",
    "A reporter for {outlet} who visited {thing} on {day} saw water pouring through the roof.",
    "{person}, a journalist who was at {thing} when the fire started, helped carry children out.",
    "Journalists from {outlet} were refused entry to the meeting on {day}.",
    "{person}, who has reported on {beat} in {place} for 20 years, was among those detained.",
    "{person} told {outlet} that she had waited {n} days for an appointment.",
    "{Body} said the copyright in the photographs belonged to the family.",
    "The court ruled that {company} had breached copyright by using the song in an advert.",
    "Comments made by {person} at the meeting on {day} were criticised by {body}.",
    "{Body} declined to comment on the allegations when contacted on {day}.",
    "\"We want people to download the {app} and tell us where the problems are,\" said {person}.",
    "\"If you are worried, please call us. That is what we are here for,\" said {person}, who runs the helpline.",
    "\"You can't plan a business when the rules change every six months,\" said {person}, who owns a shop in {place}.",
    "\"We will keep fighting until {thing} reopens,\" said {person}.",
    "\"Our members have had enough,\" {person} told reporters outside {thing} on {day}.",
    "{station} said it would stop broadcasting {show} from {date} to save money.",
    "{show}, which has aired on {station} since 1994, was watched by {n},000 people on {day}.",
    "About {n} people attended the open day at {thing} on {day}.",
    "{thing} reopened on {day} after a {n}-day closure.",
    "The charity said calls to its helpline had risen by a third since {topic}.",
    "The helpline set up after {topic} has received more than {n} calls.",
    "{person}, who joined {body} in 1998, is a former nurse and has lived in {place} all her life.",
    "{person} was born in {place} and worked as a teacher before she was elected in 2019.",
    "Members of the club voted by {n} to {n2} to accept the offer.",
    "The newspaper, founded in 1871, will print its last edition on {date}, its owners said.",
    "{Body} will hold a public meeting about {topic} at {thing} on {day} at {time}.",
    "Tickets for the concert at {thing} sold out within {n} minutes.",
    "Residents have until {date} to comment on the plans for {thing}.",
    "{Body} asked anyone with information to call {phone}.",
    "{Body} said the closure of {thing} would save {price} million a year.",
    "The inquiry heard that {body} had been warned about {thing} in 2019.",
    "{Body} said {n} homes in {place} were without power on {day} night.",
    "Police said a man aged {n2} had been arrested in {place} on {day}.",
    "The price of diesel in {place} rose to {price} a litre, the highest since 2022.",
    "{company} said profits rose {n2}% last year as sales in {place} recovered.",
    "Work on {thing} is due to finish in {date}, two years later than planned.",
    "Voters in {place} go to the polls on {day} in a by-election called after the death of the sitting member.",
    "Farmers near {place} said the dry spring had cut their yields by a third.",
    "{company}, founded in {place} in 2004, said it would cut {n} jobs after losing its largest contract.",
    "{person}, a retired {job} who lives in {place}, said she had waited {n} days for the repair.",
    "The {committee} voted on {day} to refuse the application for {thing}.",
    "Members of the public were asked to leave the {committee} meeting after shouting at councillors.",
    "The judge lifted reporting restrictions on {day}, allowing the defendant to be named.",
    "{person} said she had travelled to {place} at her own expense to give evidence.",
    "Listeners flooded the {show} phone-in with calls about {topic}.",
    "The next hearing in the case is due on {date}.",
    "The hospital in {place} said it had cancelled {n} operations because of the strike.",
    # corrections of a fact: the dev sets since clean_dev4 keep them as the story's (session 19 moved them here)
    "Correction: An earlier version of this story misstated {fact}.",
    "This article was amended on {date} to correct {fact}.",
    "An earlier version of this article gave the wrong figure for {fact}. We apologise for the error.",
]


def fill(template: str, rnd: random.Random) -> str:
    values = {k: rnd.choice(v) for k, v in SLOTS.items()}
    values["Body"] = values["body"][0].upper() + values["body"][1:]
    values["person2"] = rnd.choice([p for p in SLOTS["person"] if p != values["person"]])
    values["n2"] = rnd.choice([n for n in SLOTS["n"] if n != values["n"]])
    values["pron2"] = values["pron"].lower()
    values["pron2_pos"] = "her" if values["pron"] == "She" else "his"
    return template.format(**values)


def generate() -> str:
    rnd = random.Random(15)
    rows: set[tuple[str, str]] = set()
    for label, templates in (("furniture", FURNITURE), ("body", BODY)):
        for t in templates:
            for _ in range(PER_TEMPLATE):
                rows.add((label, fill(t, rnd)))
    return "".join(f"{lab}\t{s}\n" for lab, s in sorted(rows))


def main(argv: list[str]) -> int:
    out = HERE / "generated.tsv"
    text = generate()
    if "--check" in argv:
        same = out.is_file() and out.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{out} differs from the generator")
        return 0 if same else 1
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}: {text.count(chr(10))} sentences")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
