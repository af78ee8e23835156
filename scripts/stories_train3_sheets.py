"""Fact sheets and paragraph templates of training/stories_train3 (``write_stories_dev3.py --sheets``).

Other kinds, countries and people than training/stories_dev3 (which is never trained on): mine accidents,
storms, protests cleared by police, bus crashes, trials in one court, and two pay negotiations told round
by round. Towns, people, firms and outlets are invented; countries, provinces and states are real. Rounds of
one negotiation are one story.
"""
# ruff: noqa: C408 (a fact sheet reads as keyword arguments)
from __future__ import annotations

from datetime import date, timedelta

MINE = {
    "outlets": ["Mining Weekly Africa", "The Highveld Star", "Lusaka Daily Mail", "Reef Radio (bulletin)",
                "African Resources Review"],
    "title": ["{dead} miners killed in {mine} accident", "Rescue under way at {mine} after {cause_short}",
              "{mine}: {trapped} miners trapped underground", "Deadly {cause_short} at {company}'s {mine}"],
    "lead": [
        "{dead} miners were killed and {trapped} trapped on {day_wd} after {cause} at the {mine}, a {mineral} "
        "mine run by {company} near {town} in {region}, the company said.",
        "Rescue teams worked through {day_wd} night to reach {trapped} workers trapped {depth} metres "
        "underground at the {mine} near {town}, where {cause} killed {dead} of their colleagues.",
    ],
    "detail": [
        "The accident happened at about {time} on level {level}, where a team of {team} was working on a new "
        "section. {injured} workers were brought to the surface injured and taken to {hospital}.",
        "{company} said it had suspended operations at the {mine}, which employs {staff} people and produces "
        "{mineral}. The mine had been inspected in {inspected}.",
        "Families gathered at the mine gate waiting for news; the company set up a tent with lists of names.",
        "The {union} said it had warned about {warning} at the {mine} for months.",
    ],
    "quote": [
        "\"We are doing everything possible to reach our colleagues,\" said {boss}, {company}'s {boss_role}.",
        "\"My brother is down there. Nobody tells us anything,\" said {relative}, outside the gate of the {mine}.",
        "\"This was not an accident, it was negligence,\" said {union_leader} of the {union}.",
    ],
    "background": [
        "{region} is one of the country's main mining regions; the last deadly accident at the {mine} was in "
        "{prev_year}.",
        "Deaths in the country's mines fell for a decade but have risen again, with falls of ground and gas "
        "the main causes.",
    ],
    "recap_own": ["On {day_md}, {cause} at the {mine} near {town} killed {dead} miners."],
    "recap_other": [
        "The accident comes {o_gap} days after {o_dead} miners died at the {o_mine} near {o_town}, in {o_region}.",
        "It is the second deadly mine accident in weeks, after {o_cause} killed {o_dead} workers at {o_company}'s "
        "{o_mine} on {o_day_md}.",
    ],
    "recap_other_long": [
        "At the {o_mine}, run by {o_company}, {o_cause} trapped {o_trapped} men at {o_depth} metres; {o_dead} "
        "died. \"We warned them,\" {o_union_leader} said then.",
    ],
    "national": [
        "Mineral Resources Minister {minister} said inspectors had been sent to the mine and that the "
        "department would review safety at all deep mines.",
        "The chief inspector of mines, {inspector}, said an inquiry would establish the cause.",
    ],
    "close": ["The company said it would cooperate fully with inspectors.",
              "Operations at the mine remain suspended."],
    "followup_title": ["{mine} rescue ends; toll {dead2}", "Inquiry into {mine} deaths opens"],
    "followup_lead": [
        "The death toll at the {mine} near {town} rose to {dead2} on {fu_wd} as the last bodies were brought "
        "up, {fu_gap_w} days after {cause}.",
        "An inquiry into the accident that killed {dead2} miners at the {mine} opened on {fu_wd} in {town}.",
    ],
    "followup_detail": ["{company} offered each family a payment and to pay for funerals.",
                        "The {union} called a day of mourning and a stoppage at the company's other mines."],
    "analysis_title": ["Why the mines are deadly again"],
    "analysis_lead": ["The {mine} disaster is the latest in a series of deadly accidents in the country's "
                      "mines, each with its own cause and its own grieving town."],
    "analysis_close": ["Unions say inspections must be more frequent and unannounced."],
    "scene": [
        "At the gate of the {mine} women in blankets sat on the kerb through the night, some holding photographs. "
        "Company buses came and went, and every time one stopped the crowd pressed forward to read the faces at "
        "the windows.",
        "At the shaft head, rescue teams in orange overalls checked their breathing sets before going down in the "
        "cage. Each shift lasted four hours; those coming up were covered in dust and said little.",
    ],
    "explainer": [
        "Falls of ground, when rock collapses from the roof of a tunnel, are the most common cause of deaths "
        "underground. Deep mines are more exposed because the pressure on the rock rises with depth.",
        "Mining companies must report every accident to the inspectorate, which can halt work at a mine until "
        "safety is restored; unions say the inspectorate has too few staff to visit mines regularly.",
    ],
    "reaction": ["Church leaders held a vigil at the mine gate.",
                 "Investors asked the company how the accident would affect production."],
    "context": [
        "The mine is the main employer in {town}, where most families have at least one member underground or "
        "working for a contractor, and shops, taxis and schools depend on the wages it pays.",
        "Commodity prices have been high this year, and unions say the pressure to produce more has led to "
        "shortcuts on safety, a charge companies deny.",
        "Many of the miners are migrant workers from other provinces and neighbouring countries, who send most "
        "of their wages home and live in hostels near the shafts.",
    ],
}

MINES = [
    dict(id="mine-kwamatla-limpopo", kind="mine", mine="Kwamatla platinum mine", town="Kwamatla", region="Limpopo",
         company="Sable Platinum", mineral="platinum", cause="a fall of ground", cause_short="rockfall", dead=6,
         dead2=8, trapped=11, depth=1200, time="10:20", level=23, team=19, injured=5, hospital="Mokopane hospital",
         staff=3400, inspected="January", union="National Union of Mine Workers", warning="cracks in the hanging wall",
         boss="Pieter Oosthuizen", boss_role="chief operating officer", relative="Thandi Mabuza",
         union_leader="Sipho Ngwenya", minister="Lindiwe Moyo-Khumalo", inspector="Dr Karel Venter",
         prev_year=2019, day=date(2024, 9, 3), followup_days=5, articles=["wire", "rewrite", "local", "followup"],
         outlets=["Limpopo Mirror"], local=["The mine's shaft headgear is visible from the N1 highway.",
                                            "Two of the dead were brothers from Lesotho."]),
    dict(id="mine-rietfontein-mpumalanga", kind="mine", mine="Rietfontein colliery", town="Rietfontein Oos",
         region="Mpumalanga", company="Highveld Coal Holdings", mineral="coal", cause="a methane explosion",
         cause_short="explosion", dead=9, dead2=12, trapped=4, depth=180, time="02:45", level=3, team=26,
         injured=14, hospital="Witbank general hospital", staff=1900, inspected="June", union="National Union of "
         "Mine Workers", warning="faulty gas detectors", boss="Nomsa Dlamini", boss_role="chief executive",
         relative="Bongani Mahlangu", union_leader="Sipho Ngwenya", minister="Lindiwe Moyo-Khumalo",
         inspector="Dr Karel Venter", prev_year=2013, day=date(2024, 9, 7), followup_days=4,
         articles=["wire", "local", "followup", "analysis"], outlets=["Highveld Chronicle"],
         local=["The blast was heard in the township three kilometres away.", "Coal trucks queued empty at the "
                "gate for days."]),
    dict(id="mine-boitumelo-northwest", kind="mine", mine="Boitumelo chrome mine", town="Boitumelo",
         region="North West", company="Magalies Chrome", mineral="chrome", cause="a flood of underground water",
         cause_short="flooding", dead=3, dead2=4, trapped=7, depth=650, time="14:10", level=12, team=15, injured=2,
         hospital="Rustenburg provincial hospital", staff=1100, inspected="March", union="Association of Mineworkers",
         warning="pumps that kept failing", boss="Andile Zulu", boss_role="general manager", relative="Refilwe Tau",
         union_leader="Mpho Letsoalo", minister="Lindiwe Moyo-Khumalo", inspector="Dr Karel Venter", prev_year=2016,
         day=date(2024, 9, 12), followup_days=6, articles=["wire", "rewrite", "followup", "brief"],
         outlets=["Platinum Belt News"], local=["Divers from the navy joined the rescue.", "The water came from an "
                                                "old abandoned working."]),
    dict(id="mine-chililabombwe-zambia", kind="mine", mine="Kasompe copper mine", town="Kasompe", region="Copperbelt",
         company="Luanshya Copper Partners", mineral="copper", cause="the collapse of an open-pit wall",
         cause_short="pit collapse", dead=11, dead2=14, trapped=6, depth=90, time="07:30", level=4, team=30,
         injured=9, hospital="Nchanga north hospital", staff=5200, inspected="May", union="Mineworkers Union of "
         "Zambia", warning="heavy rain weakening the pit walls", boss="Chanda Mulenga", boss_role="managing director",
         relative="Mutale Bwalya", union_leader="Joseph Chileshe", minister="Paul Kabwe Mwanza",
         inspector="Esther Lungu", prev_year=2021, day=date(2024, 9, 5), followup_days=5,
         articles=["wire", "local", "rewrite", "followup"], outlets=["Copperbelt Times"],
         local=["Informal miners digging in the pit at night were among the dead.", "Excavators were brought from "
                "a neighbouring mine."]),
    dict(id="mine-mufulira-zambia", kind="mine", mine="Mwambashi cobalt mine", town="Mwambashi",
         region="Copperbelt", company="Kafue Cobalt", mineral="cobalt", cause="a fire in a ventilation shaft",
         cause_short="fire", dead=5, dead2=5, trapped=10, depth=480, time="19:05", level=9, team=22, injured=6,
         hospital="Kitwe central hospital", staff=2100, inspected="April", union="Mineworkers Union of Zambia",
         warning="a ventilation fan that overheated", boss="Grace Phiri", boss_role="operations director",
         relative="Bupe Sichone", union_leader="Joseph Chileshe", minister="Paul Kabwe Mwanza",
         inspector="Esther Lungu", prev_year=2018, day=date(2024, 9, 14), followup_days=4,
         articles=["wire", "followup", "local", "brief"], outlets=["Zambia Business Mail"],
         local=["Smoke rose from the ventilation shaft for a day.", "The trapped men sheltered in a refuge chamber."]),
]

STORM = {
    "outlets": ["Manila Observer", "Asia Weather Desk", "The Mekong Times", "Typhoon Watch (bulletin)",
                "Pacific Relief News"],
    "title": ["Typhoon {storm} kills {dead} in {region}", "{storm} slams {region}: {town} devastated",
              "Storm {storm} leaves {evac} homeless in {region}"],
    "lead": [
        "Typhoon {storm} made landfall near {town} in {region} on {day_wd} with winds of {wind} km/h, killing at "
        "least {dead} people and forcing {evac} to flee, officials said.",
        "At least {dead} people died as Typhoon {storm} tore through {region}, {country}, on {day_wd}, flattening "
        "houses in {town} and cutting power to {power} homes.",
    ],
    "detail": [
        "{storm} brought {rain} millimetres of rain in 24 hours; rivers around {town} burst their banks and "
        "landslides buried two villages in the hills of {district}.",
        "{missing} people were missing, most of them fishermen who had gone to sea before the warnings.",
        "The airport at {airport} was closed and {ferries} ferry routes were suspended.",
        "{evac} people were in {centres} evacuation centres in {region} on {day_wd} night.",
    ],
    "quote": [
        "\"The wind took the roof, then the walls,\" said {resident}, a fisherman in {town}.",
        "\"We pre-positioned food, but the roads to {district} are cut,\" said {official}, {official_role}.",
        "\"We have never had a storm this strong here,\" said {mayor}, mayor of {town}.",
    ],
    "background": ["{region} is hit by several typhoons a year; the deadliest in recent memory struck in {prev_year}.",
                   "Coastal towns such as {town} are exposed to storm surges because many houses stand on the beach."],
    "recap_own": ["Typhoon {storm} struck {town} on {day_md}, killing {dead}."],
    "recap_other": [
        "{storm} follows Typhoon {o_storm}, which killed {o_dead} people in {o_region} {o_gap} days {o_when}.",
        "The region has barely recovered from {o_storm}, which hit {o_town} on {o_day_md}.",
    ],
    "recap_other_long": ["{o_storm} made landfall near {o_town} in {o_region} with winds of {o_wind} km/h; {o_dead} "
                         "died and {o_evac} fled. \"{o_mayor_quote}\" said {o_mayor}."],
    "national": ["The national disaster council's spokesman, {spokesman}, said relief goods were being flown in.",
                 "The weather bureau warned that another storm was forming in the ocean to the east."],
    "close": ["The disaster council said the toll could rise.", "Classes were suspended across {region}."],
    "followup_title": ["{storm} toll rises to {dead2}", "A week after {storm}, {town} waits for aid"],
    "followup_lead": ["The death toll from Typhoon {storm} rose to {dead2} on {fu_wd}, the disaster council said.",
                      "{fu_gap_w_cap} days after Typhoon {storm}, residents of {town} are still without power."],
    "followup_detail": ["Power was restored to half of {town}.", "The government declared a state of calamity in "
                        "{region}."],
    "analysis_title": ["Typhoon season: why the toll keeps rising"],
    "analysis_lead": ["{storm} is one of several storms that have struck the region this season."],
    "analysis_close": ["Experts say better warnings save lives, but houses must be built stronger."],
    "scene": [
        "In {town} the morning after, streets were carpeted with roof sheets, branches and broken glass. Families "
        "picked through the ruins of their houses for anything dry, and children queued at a water truck.",
        "Along the coast, fishing boats lay upturned among palm trees, and the concrete sea wall had been torn "
        "open in several places.",
    ],
    "explainer": [
        "Typhoons draw their strength from warm ocean water; scientists say warmer seas make the strongest storms "
        "more frequent.",
        "Storm surges, walls of seawater pushed ashore by the wind, often kill more people than the wind itself.",
    ],
    "reaction": ["Aid agencies appealed for funds.", "Neighbouring countries offered help."],
    "context": [
        "Many of the houses in {town} are built of wood and corrugated iron, cheap to put up and easy to lose. "
        "Government programmes to build storm-resistant homes have reached only a fraction of families.",
        "The fishing season was at its height, and many families lost both their homes and their boats, the "
        "two things they live from.",
        "Power lines and mobile networks went down across the region, and news from outlying islands arrived "
        "slowly over radio.",
    ],
}

STORMS = [
    dict(id="storm-halina-samar", kind="storm", storm="Halina", country="the Philippines", region="Eastern Samar",
         town="San Policarpo Norte", district="Balangkayan Hills", airport="Borongan", wind=185, dead=17, dead2=23,
         evac=42000, power=90000, rain=310, missing=8, ferries=12, centres=140, resident="Ramil Abucejo",
         official="Teresita Obsioma", official_role="the regional civil defence director", mayor="Arnel Gabane",
         mayor_quote="We have never had a storm this strong here.", spokesman="Romeo Dizon", prev_year=2013,
         day=date(2024, 10, 2), followup_days=5, articles=["wire", "rewrite", "local", "followup"],
         outlets=["Samar Tribune"], local=["The church bell tower was the only building left standing in one "
                                            "village.", "A coast guard ship brought water from Tacloban."]),
    dict(id="storm-marites-cagayan", kind="storm", storm="Marites", country="the Philippines", region="Cagayan",
         town="Santa Praxedes Sur", district="Claveria uplands", airport="Tuguegarao", wind=160, dead=9, dead2=11,
         evac=28000, power=60000, rain=420, missing=3, ferries=4, centres=90, resident="Nestor Agcaoili",
         official="Ferdinand Battung", official_role="the provincial disaster officer", mayor="Lorna Tumaliuan",
         mayor_quote="The river came into the town hall.", spokesman="Romeo Dizon", prev_year=2018,
         day=date(2024, 10, 9), followup_days=4, articles=["wire", "local", "followup", "brief"],
         outlets=["Northern Luzon Daily"], local=["Rice fields ready for harvest were flattened.",
                                                   "The Cagayan River rose nine metres."]),
    dict(id="storm-kiko-batanes", kind="storm", storm="Kiko", country="the Philippines", region="Batanes",
         town="Itbud Daya", district="Sabtang island", airport="Basco", wind=215, dead=3, dead2=4, evac=6000,
         power=9000, rain=250, missing=2, ferries=6, centres=30, resident="Cornelio Cabal",
         official="Ana Lizardo", official_role="the provincial governor", mayor="Eusebio Gato",
         mayor_quote="Our stone houses held.", spokesman="Romeo Dizon", prev_year=2016, day=date(2024, 10, 16),
         followup_days=6, articles=["wire", "rewrite", "followup", "analysis"], outlets=["Batanes Bulletin"],
         local=["Traditional stone houses with thick thatch survived better than concrete ones.",
                "Cattle were lost on the hillsides."]),
    dict(id="storm-hai-yen-quangngai", kind="storm", storm="Soulik", country="Vietnam", region="Quảng Ngãi",
         town="Bình Hải Tây", district="Trà Bồng mountains", airport="Chu Lai", wind=150, dead=12, dead2=15,
         evac=55000, power=120000, rain=520, missing=6, ferries=3, centres=200, resident="Nguyễn Văn Lộc",
         official="Trần Thị Hoa", official_role="deputy chair of the provincial people's committee",
         mayor="Phạm Quốc Dũng", mayor_quote="The sea came over the dunes.", spokesman="Lê Minh Khoa",
         prev_year=2020, day=date(2024, 10, 5), followup_days=5, articles=["wire", "local", "followup", "rewrite"],
         outlets=["Saigon Economic Times"], local=["Shrimp ponds along the coast were washed away.",
                                                     "Soldiers carried the elderly to the commune school."]),
    dict(id="storm-trami-hatinh", kind="storm", storm="Noru", country="Vietnam", region="Hà Tĩnh",
         town="Kỳ Xuân Đông", district="Hương Khê valley", airport="Vinh", wind=140, dead=6, dead2=8, evac=31000,
         power=70000, rain=380, missing=4, ferries=2, centres=120, resident="Hoàng Thị Mai",
         official="Đỗ Văn Thành", official_role="head of the provincial flood committee", mayor="Bùi Đức Anh",
         mayor_quote="We moved everyone before dark.", spokesman="Lê Minh Khoa", prev_year=2017,
         day=date(2024, 10, 13), followup_days=4, articles=["wire", "followup", "local", "brief"],
         outlets=["Hanoi Herald"], local=["The steel plant on the coast shut down for two days.",
                                          "Landslides cut the railway north of the town."]),
]

PROTEST = {
    "outlets": ["Daily Nation Regional", "East Africa Monitor", "The Rift Standard", "Capital FM (bulletin)",
                "Kenya Civic Watch"],
    "title": ["Police disperse {group} protest in {town}", "Tear gas in {town} as {group} march over {issue}",
              "{arrests} arrested at {town} {issue} protest"],
    "lead": [
        "Police in {town}, {region} County, fired tear gas on {day_wd} to disperse about {crowd} {group} "
        "protesting against {issue}, and arrested {arrests} people, witnesses said.",
        "A march by {group} against {issue} in {town} ended in clashes with police on {day_wd}, leaving "
        "{injured} people injured and {arrests} in custody.",
    ],
    "detail": [
        "The protest started at {place} and headed for the {target}, where the marchers wanted to hand over a "
        "petition. Police blocked the road with trucks.",
        "{injured} people were treated at {hospital}, {shot} of them for rubber bullet wounds, the hospital said.",
        "Shops in the centre of {town} closed early; traffic on the main road was diverted for hours.",
        "The organisers, {organiser_group}, said the march had been notified to police in advance.",
    ],
    "quote": [
        "\"We came with placards, they came with guns,\" said {organiser} of {organiser_group}.",
        "\"The protesters were warned to disperse and became violent,\" said {police}, {town}'s police commander.",
        "\"All we want is {want},\" said {marcher}, who joined the march.",
    ],
    "background": ["{issue_cap} has been a grievance in {town} for months.",
                   "{region} County has seen several protests this year over the cost of living."],
    "recap_own": ["The {town} march against {issue} on {day_md} was broken up with tear gas."],
    "recap_other": [
        "The protest came {o_gap} days after police dispersed {o_group} marching against {o_issue} in {o_town}.",
        "A similar march in {o_town}, {o_region} County, on {o_day_md} ended with {o_arrests} arrests.",
    ],
    "recap_other_long": ["In {o_town}, {o_crowd} {o_group} had marched against {o_issue}; {o_injured} were hurt. "
                         "\"We came with placards,\" {o_organiser} said."],
    "national": ["Interior Cabinet Secretary {minister} said the right to protest did not include the right to "
                 "destroy property.", "The police service spokesman, {spokesman}, said officers had acted lawfully."],
    "close": ["Those arrested will appear in court on Monday.", "The organisers promised to march again."],
    "followup_title": ["{town} protesters charged", "{town} protest: talks after clashes"],
    "followup_lead": ["{arrests} people arrested at the {town} protest were charged on {fu_wd} with unlawful "
                      "assembly.", "County officials in {town} met protest leaders on {fu_wd}, {fu_gap_w} days after "
                      "police broke up their march against {issue}."],
    "followup_detail": ["The court released them on bail.", "The county promised to review {issue}."],
    "analysis_title": ["Why Kenyans keep taking to the streets"],
    "analysis_lead": ["The march in {town} is one of several protests in recent weeks, each about a local grievance."],
    "analysis_close": ["Analysts expect more protests before the budget."],
    "scene": [
        "Clouds of tear gas drifted over the market as traders pulled down their shutters. Young men threw "
        "stones from behind a burning tyre; others ran into side streets with wet cloths over their faces.",
        "By evening the streets of {town} were quiet, littered with stones, spent canisters and torn placards.",
    ],
    "explainer": ["Kenya's constitution guarantees the right to assemble peacefully; organisers must notify "
                  "police but need no permit.", "Rights groups have documented dozens of deaths at protests in "
                  "recent years and accuse police of excessive force."],
    "reaction": ["The Law Society condemned the use of live ammunition.",
                 "Opposition politicians called for an inquiry."],
    "context": [
        "Youth unemployment in {region} County is high, and many of the marchers were young people who said "
        "they had no work and little hope of finding it soon.",
        "Local politicians were quick to take sides, and rights groups warned that protests were being used in "
        "quarrels between county and national leaders.",
        "Police have been criticised for their handling of protests, and an oversight authority is "
        "investigating several deaths at demonstrations this year.",
    ],
}

PROTESTS = [
    dict(id="protest-naivasha-traders", kind="protest", town="Kikopey", region="Nakuru", group="market traders",
         issue="new county market fees", issue_cap="New county market fees", crowd=800, arrests=23, injured=14,
         shot=3, place="the old bus park", target="county offices", hospital="Kikopey sub-county hospital",
         organiser="Wanjiru Kamau", organiser_group="the Kikopey Traders' Association", police="Joseph Kiprotich",
         marcher="Esther Njeri", want="fees we can pay", minister="Kithure Omondi-Lang'at",
         spokesman="Resila Onyango", day=date(2024, 6, 4), followup_days=3,
         articles=["wire", "local", "followup", "rewrite"], outlets=["Rift Valley Times"],
         local=["Traders carried sacks of onions as a symbol of their losses.", "A matatu was set on fire."]),
    dict(id="protest-kisumu-fishermen", kind="protest", town="Dunga Bay", region="Kisumu", group="fishermen",
         issue="a ban on night fishing", issue_cap="A ban on night fishing", crowd=500, arrests=11, injured=9,
         shot=1, place="the beach landing site", target="fisheries office", hospital="Jaramogi Oginga hospital",
         organiser="Otieno Okoth", organiser_group="the Lake Fishers' Union", police="Caroline Wafula",
         marcher="Achieng Atieno", want="to fish at night as our fathers did", minister="Kithure Omondi-Lang'at",
         spokesman="Resila Onyango", day=date(2024, 6, 6), followup_days=5,
         articles=["wire", "rewrite", "local", "followup"], outlets=["Lakeside Post"],
         local=["Boats were pulled up on the beach with banners on their hulls.", "Police boats patrolled the bay."]),
    dict(id="protest-thika-students", kind="protest", town="Gatuanyaga", region="Kiambu", group="university students",
         issue="higher tuition fees", issue_cap="Higher tuition fees", crowd=2000, arrests=40, injured=22, shot=4,
         place="the university gate", target="the highway", hospital="Thika level five hospital",
         organiser="Brian Mwangi", organiser_group="the Students' Council", police="Daniel Mutua",
         marcher="Faith Wambui", want="to finish our degrees", minister="Kithure Omondi-Lang'at",
         spokesman="Resila Onyango", day=date(2024, 6, 11), followup_days=4,
         articles=["wire", "local", "followup", "analysis"], outlets=["Campus Voice"],
         local=["Students blocked the Thika superhighway for an hour.", "The university closed for a week."]),
    dict(id="protest-machakos-water", kind="protest", town="Kaseveni", region="Machakos", group="residents",
         issue="weeks without piped water", issue_cap="Weeks without piped water", crowd=600, arrests=8,
         injured=6, shot=0, place="the chief's camp", target="the water company offices",
         hospital="Machakos level five hospital", organiser="Mwende Musyoka", organiser_group="the Kaseveni "
         "Residents' Committee", police="Patrick Kilonzo", marcher="Kioko Mutiso", want="water in our taps",
         minister="Kithure Omondi-Lang'at", spokesman="Resila Onyango", day=date(2024, 6, 13), followup_days=6,
         articles=["wire", "rewrite", "followup", "brief"], outlets=["Eastern Echo"],
         local=["Marchers carried empty jerrycans.", "A water bowser was sent the next morning."]),
]

BUS = {
    "outlets": ["The Hindustan Courier", "National Highway News", "India Roads Monitor", "The Deccan Star",
                "All India Radio (bulletin)"],
    "title": ["{dead} killed as bus falls into gorge near {town}", "{state} bus crash: {dead} dead",
              "Bus carrying {passengers} crashes near {town}"],
    "lead": [
        "At least {dead} people were killed and {injured} injured when a {operator} bus carrying {passengers} "
        "passengers {crash} near {town} in {state} on {day_wd}, police said.",
        "A bus on its way from {origin} to {dest} {crash} near {town}, {state}, on {day_wd}, killing {dead}.",
    ],
    "detail": [
        "The accident happened at about {time} on the {road}. Police said the driver, {driver}, {driver_fate}.",
        "The injured were taken to {hospital}; {critical} were in a critical condition.",
        "Most of the passengers were {who}.",
        "Rescue work was slowed by {obstacle}.",
    ],
    "quote": [
        "\"The bus was going too fast on the curve,\" said {survivor}, a passenger.",
        "\"We are investigating whether the brakes failed,\" said {police}, superintendent of police.",
        "\"My son called me from the bus an hour before,\" said {relative}.",
    ],
    "background": ["The {road} has a history of accidents; {prev_dead} people died on it last year.",
                   "Road accidents kill about 150,000 people a year in India."],
    "recap_own": ["On {day_md}, a bus {crash} near {town}, killing {dead}."],
    "recap_other": ["The crash comes {o_gap} days after {o_dead} people died when a bus {o_crash} near {o_town}, "
                    "{o_state}.", "Another bus crash, near {o_town} on {o_day_md}, killed {o_dead}."],
    "recap_other_long": ["Near {o_town}, the {o_operator} bus from {o_origin} to {o_dest} {o_crash}; {o_dead} "
                         "died. \"{o_survivor_quote}\" said {o_survivor}."],
    "national": ["Road Transport Minister {minister} announced compensation for the families of the dead.",
                 "The prime minister expressed grief on social media and announced aid from the relief fund."],
    "close": ["A case of negligent driving has been registered.", "The road was reopened in the evening."],
    "followup_title": ["{town} bus crash: operator's permit suspended", "{town} crash toll rises to {dead2}"],
    "followup_lead": ["{state} suspended the permit of {operator} on {fu_wd}, {fu_gap_w} days after its bus "
                      "{crash} near {town}.", "The toll from the {town} bus crash rose to {dead2} on {fu_wd}."],
    "followup_detail": ["An inquiry found the bus had no valid fitness certificate.",
                        "Two more victims died in hospital."],
    "analysis_title": ["India's deadly roads"],
    "analysis_lead": ["The {town} crash is one of several deadly bus accidents of recent weeks."],
    "analysis_close": ["Experts call for speed governors and better road barriers."],
    "scene": ["Villagers formed a human chain down the slope to carry the injured up to the road. The bus lay "
              "on its side among the rocks, its windows shattered and luggage scattered around it.",
              "At the hospital, relatives crowded the corridor, asking for names, while doctors called for "
              "blood donors."],
    "explainer": ["Overloading, speeding and poorly maintained vehicles are the main causes of bus crashes in "
                  "India, according to the transport ministry.",
                  "Private operators run many long-distance routes; state inspectors check few of their buses."],
    "reaction": ["Opposition leaders demanded the transport minister's resignation.",
                 "Passenger groups called for better enforcement of speed limits."],
    "context": [
        "Mountain roads in the region are narrow and often lack barriers, and landslides after the rains leave "
        "sections with only one lane open for weeks.",
        "Drivers on long routes often work more than twelve hours a day, and unions say fatigue causes many "
        "accidents that are later blamed on the weather or the road.",
        "Families of victims often wait months for compensation, and many never receive it.",
    ],
}

BUSES = [
    dict(id="bus-sarahan-himachal", kind="bus", town="Sarahan Kalan", state="Himachal Pradesh",
         operator="state transport", passengers=48, crash="fell 200 metres into a gorge", dead=16, dead2=19,
         injured=27, critical=6, origin="Shimla", dest="Rampur", time="07:40", road="Hindustan-Tibet road",
         driver="Kuldeep Negi", driver_fate="was among the dead", hospital="Indira Gandhi Medical College",
         who="workers and students going to Rampur", obstacle="the steep slope", survivor="Ritu Thakur",
         survivor_quote="It went over the edge without a sound.", police="Sanjay Chauhan", relative="Mohan Lal",
         prev_dead=37, minister="Anil Deshmukh-Rao", day=date(2024, 8, 6), followup_days=4,
         articles=["wire", "rewrite", "local", "followup"], outlets=["Himachal Times"],
         local=["Apple orchards below the road broke the bus's fall.", "Army climbers reached the bus by rope."]),
    dict(id="bus-devprayag-uttarakhand", kind="bus", town="Devalgarh", state="Uttarakhand", operator="private",
         passengers=34, crash="plunged into the Alaknanda river", dead=12, dead2=14, injured=15, critical=3,
         origin="Rishikesh", dest="Badrinath", time="15:20", road="Badrinath highway", driver="Rakesh Bisht",
         driver_fate="is missing", hospital="AIIMS Rishikesh", who="pilgrims from Gujarat", obstacle="the fast "
         "current", survivor="Bhavna Patel", survivor_quote="The water was freezing.", police="Neha Rawat",
         relative="Kiran Shah", prev_dead=52, minister="Anil Deshmukh-Rao", day=date(2024, 8, 10), followup_days=5,
         articles=["wire", "local", "followup", "brief"], outlets=["Garhwal Post"],
         local=["Divers of the state disaster force searched the river.", "Pilgrims' bags were found downstream."]),
    dict(id="bus-malshej-maharashtra", kind="bus", town="Khubi Phata", state="Maharashtra", operator="private",
         passengers=52, crash="overturned on a hairpin bend", dead=8, dead2=9, injured=33, critical=5, origin="Pune",
         dest="Kalyan", time="23:50", road="Malshej ghat road", driver="Santosh Jadhav", driver_fate="fled the "
         "scene", hospital="Junnar rural hospital", who="families returning from a wedding", obstacle="fog and rain",
         survivor="Sunita Pawar", survivor_quote="We were asleep when it turned over.", police="Vikram Shinde",
         relative="Ganesh More", prev_dead=21, minister="Anil Deshmukh-Rao", day=date(2024, 8, 14), followup_days=3,
         articles=["wire", "rewrite", "followup", "analysis"], outlets=["Pune Mirror Daily"],
         local=["The wedding party's gifts lay on the road.", "The ghat was closed for six hours."]),
    dict(id="bus-sakleshpur-karnataka", kind="bus", town="Kadagarahalli", state="Karnataka",
         operator="state transport", passengers=41, crash="collided with a lorry", dead=10, dead2=10, injured=22,
         critical=4, origin="Bengaluru", dest="Mangaluru", time="04:15", road="Shiradi ghat highway",
         driver="Manjunath Gowda", driver_fate="was injured", hospital="Hassan Institute of Medical Sciences",
         who="overnight travellers", obstacle="the wreckage blocking both lanes", survivor="Lakshmi Rao",
         survivor_quote="The lorry came straight at us.", police="Prakash Hegde", relative="Shobha Shetty",
         prev_dead=29, minister="Anil Deshmukh-Rao", day=date(2024, 8, 8), followup_days=6,
         articles=["wire", "local", "followup", "rewrite"], outlets=["Mangalore Today"],
         local=["The lorry was carrying timber.", "Coffee estate workers helped pull passengers out."]),
]

TRIAL = {
    "outlets": ["Gazeta Regionalna", "Polish Legal News", "Warsaw Herald", "Radio Południe (bulletin)",
                "Court Reporter PL"],
    "title": ["{accused} {verdict_short} in {charge_short} case", "Gorzelin court: {accused} {verdict_short}",
              "Verdict in {charge_short} trial of {accused}"],
    "lead": [
        "The regional court in Gorzelin on {day_wd} {verdict} {accused}, {accused_role}, who was accused of "
        "{charge}.", "{accused}, {accused_role}, was {verdict_passive} by the regional court in Gorzelin on "
        "{day_wd} in a case of {charge}.",
    ],
    "detail": [
        "Judge {judge} said the evidence showed that {finding}.",
        "Prosecutors had asked for {asked}. The defence argued that {defence}.",
        "The case began in {began} after {trigger}.",
        "{witnesses} witnesses testified over {hearings} hearings.",
    ],
    "quote": ["\"{judge_quote}\" said Judge {judge}.", "\"{accused_quote}\" {accused} said after the verdict.",
              "\"We will appeal,\" said {lawyer}, the defence lawyer."],
    "background": ["The court in Gorzelin hears the region's most serious criminal cases.",
                   "The case drew wide attention in the region."],
    "recap_own": ["On {day_md}, the Gorzelin court {verdict} {accused} in the {charge_short} case."],
    "recap_other": ["The same court {o_verdict} {o_accused} in a separate case {o_gap} days {o_when}.",
                    "Earlier this month the Gorzelin court heard the case of {o_accused}, accused of {o_charge}."],
    "recap_other_long": ["{o_accused}, {o_accused_role}, was accused of {o_charge}; Judge {o_judge} found that "
                         "{o_finding}. \"{o_accused_quote}\" {o_accused} said."],
    "national": ["The justice ministry declined to comment on the verdict.",
                 "The national prosecutor's office said it was studying the ruling."],
    "close": ["The verdict is not final.", "The written reasons will be published within a month."],
    "followup_title": ["{accused} appeals Gorzelin verdict", "Prosecutors appeal {accused} ruling"],
    "followup_lead": ["{lawyer} filed an appeal on {fu_wd} against the verdict in the case of {accused}.",
                      "Prosecutors said on {fu_wd} they would appeal the verdict in the {charge_short} case of "
                      "{accused}."],
    "followup_detail": ["The appeal court in Katowice is expected to hear it next year.",
                        "{accused} remains {status} pending the appeal."],
    "analysis_title": ["A month in the Gorzelin courtroom"],
    "analysis_lead": ["The {accused} case is one of several high-profile trials in Gorzelin this month, each "
                      "with its own facts and defendants."],
    "analysis_close": ["Lawyers say the court has handled the cases carefully."],
    "scene": ["The courtroom was packed; journalists sat on the floor. {accused} listened without moving, then "
              "turned to look at the family in the public gallery.",
              "Outside, supporters and opponents stood on opposite sides of the street, separated by police."],
    "explainer": ["In Poland, a regional court's first-instance verdict can be appealed to a court of appeal, "
                  "which can confirm, change or annul it.",
                  "Lay judges sit alongside professional judges in serious criminal cases."],
    "reaction": ["Victims' groups welcomed the verdict.", "Legal experts said the sentence was in line with "
                 "similar cases."],
    "context": [
        "The Gorzelin regional court has struggled with a backlog of cases, and several of this year's trials "
        "waited years for a hearing date.",
        "Local media followed the case closely, and the court limited the number of seats for the public.",
        "Defence lawyers in the region have complained that pre-trial detention lasts too long.",
    ],
}

TRIALS = [
    dict(id="trial-gorzelin-mayor-bribes", kind="trial", accused="Zbigniew Kałużny", accused_role="the former mayor "
         "of Rudnik Wielki", charge="taking bribes for building permits", charge_short="bribery",
         verdict="sentenced to four years in prison", verdict_passive="sentenced to four years in prison",
         verdict_short="jailed", judge="Agnieszka Wrona", finding="he took 340,000 zlotys from two developers",
         asked="six years", defence="the payments were loans", began="2021", trigger="an anonymous tip-off",
         witnesses=31, hearings=14, judge_quote="Public office is not for sale.", accused_quote="I am innocent.",
         lawyer="Marek Sobieraj", status="free", day=date(2024, 11, 5), followup_days=6,
         articles=["wire", "local", "followup", "rewrite"], outlets=["Rudnik Weekly"],
         local=["Two developers were given suspended sentences in the same case.", "Kałużny was mayor for 12 years."]),
    dict(id="trial-gorzelin-nurse", kind="trial", accused="Halina Mroczek", accused_role="a nurse at the Gorzelin "
         "care home", charge="the deaths of three residents", charge_short="care home deaths",
         verdict="acquitted", verdict_passive="acquitted", verdict_short="acquitted", judge="Tomasz Lewandowicz",
         finding="the residents died of natural causes", asked="fifteen years", defence="no poison was found",
         began="2022", trigger="a colleague's complaint", witnesses=42, hearings=20,
         judge_quote="Suspicion is not proof.", accused_quote="I cared for them for ten years.",
         lawyer="Ewa Zawadzka", status="free", day=date(2024, 11, 8), followup_days=5,
         articles=["wire", "rewrite", "followup", "brief"], outlets=["Nasz Gorzelin"],
         local=["Mroczek had spent eighteen months in pre-trial detention.",
                "Relatives of one resident wept in court."]),
    dict(id="trial-gorzelin-footballer", kind="trial", accused="Kamil Grabowiec", accused_role="a second-division "
         "footballer", charge="causing a fatal car crash while drunk", charge_short="drunk-driving",
         verdict="sentenced to six years in prison", verdict_passive="sentenced to six years in prison",
         verdict_short="jailed", judge="Agnieszka Wrona", finding="he drove at 140 km/h with 1.9 per mille of "
         "alcohol", asked="eight years", defence="the other car ran a red light", began="2023",
         trigger="the crash on the Gorzelin ring road", witnesses=12, hearings=6,
         judge_quote="He chose to drive; two people paid.", accused_quote="I will live with this forever.",
         lawyer="Piotr Kaczmarczyk", status="in custody", day=date(2024, 11, 14), followup_days=4,
         articles=["wire", "local", "followup", "analysis"], outlets=["Sport i Prawo"],
         local=["His club terminated his contract.", "The victims were a teacher and her son."]),
    dict(id="trial-gorzelin-fraud", kind="trial", accused="Renata Sokal-Wiśniewska", accused_role="the owner of a "
         "travel agency", charge="defrauding 800 customers", charge_short="travel fraud",
         verdict="sentenced to three years in prison", verdict_passive="sentenced to three years in prison",
         verdict_short="jailed", judge="Tomasz Lewandowicz", finding="she sold holidays she knew could not take "
         "place", asked="five years", defence="the pandemic ruined the business", began="2022",
         trigger="the agency's collapse", witnesses=56, hearings=11, judge_quote="The pandemic does not explain "
         "this.", accused_quote="I lost everything too.", lawyer="Jan Bielecki", status="free",
         day=date(2024, 11, 20), followup_days=7, articles=["wire", "rewrite", "local", "followup"],
         outlets=["Gazeta Biznesu"], local=["Customers lost 4.6 million zlotys.",
                                            "The agency had 11 branches in the region."]),
]

PAY = {
    "outlets": ["Frankfurter Arbeitsblatt", "Tarif Aktuell", "The Berlin Ledger", "Deutschlandfunk (transcript)",
                "HR Weekly Germany"],
    "title": ["{sector} pay talks: {round_name} {round_result}", "{union} and {employers}: {round_result}",
              "No breakthrough yet in {sector} pay round"],
    "lead": [
        "Talks between {union} and {employers} on pay for {workers} {round_text} on {day_wd} in {venue}, the "
        "{round_name} of negotiations.", "The {round_name} of pay talks for {workers} {round_text} in {venue} "
        "on {day_md}.",
    ],
    "detail": ["{union} demands {demand}; {employers} have offered {offer}.",
               "{round_detail}", "The current agreement expired in {expired}.",
               "{union}'s negotiator is {union_lead}; the employers are led by {emp_lead}."],
    "quote": ["\"{union_quote}\" said {union_lead}.", "\"{emp_quote}\" said {emp_lead}."],
    "background": ["Collective bargaining in Germany is free of state interference; the government does not sit "
                   "at the table.", "Warning strikes are allowed during talks once the old deal has expired."],
    "recap_own": ["The {sector} talks began in {start}; the {round_name}, on {day_md}, {round_text}."],
    "recap_other": ["Separately, talks on pay for {o_workers} {o_round_text} on {o_day_md}.",
                    "The {o_sector} talks between {o_union} and {o_employers} are also continuing."],
    "recap_other_long": ["In the {o_sector} talks, {o_union} demands {o_demand}. \"{o_union_quote}\" said "
                         "{o_union_lead}."],
    "national": ["Labour Minister {minister} said she trusted both sides to reach a fair deal.",
                 "Economists at the Bundesbank warned that high pay deals could keep inflation up."],
    "close": ["The next round is set for {next}.", "Both sides agreed not to brief the press on details."],
    "followup_title": ["{sector} pay deal agreed", "{union} and {employers} strike a deal"],
    "followup_lead": ["{union} and {employers} agreed a pay deal for {workers} on {fu_wd}, ending talks that "
                      "began in {start}: pay rises by {deal}."],
    "followup_detail": ["The deal runs for 24 months.", "Members will vote on the deal in a ballot."],
    "analysis_title": ["Germany's spring of pay talks"],
    "analysis_lead": ["The {sector} talks are one of several pay rounds this spring, each with its own union "
                      "and employers."],
    "analysis_close": ["The outcome will set a benchmark for other sectors."],
    "scene": ["Outside the hotel in {venue}, union members with whistles and flags rallied while the negotiators "
              "met inside.", "The talks ran late into the night; negotiators left through a side door."],
    "explainer": ["Pay rounds in Germany often take several rounds and warning strikes before a deal.",
                  "A deal usually covers two years and sets pay for hundreds of thousands of workers."],
    "reaction": ["Employers' associations warned of job losses.", "Other unions said they were watching the talks."],
    "context": [
        "Inflation has eaten into real wages for three years, and unions say their members want to recover "
        "what they have lost, while employers point to weak orders and high energy prices.",
        "Warning strikes during the talks have hit commuters and businesses, and public patience is thinning.",
        "Both sides have hinted that arbitration could be needed if the next round fails.",
    ],
}

PAY_ROUNDS = [
    dict(round_name="first round", round_text="opened without an offer", round_result="opens without offer",
         round_detail="The employers did not table an offer in the first round."),
    dict(round_name="second round", round_text="ended without agreement", round_result="ends without agreement",
         round_detail="The employers' first offer was rejected as insulting."),
    dict(round_name="third round", round_text="broke off after two days", round_result="breaks off",
         round_detail="The third round broke off over the length of the deal."),
]

PAY_STORIES = [
    dict(id="pay-public-sector", kind="pay", sector="public sector", workers="2.5 million public employees",
         union="ver.di-Nord", employers="the federal and municipal employers", union_lead="Frank Werneke-Hollstein",
         emp_lead="Karin Welge-Ostrowski", demand="10.5%", offer="5% over 27 months", deal="8.2% over 24 months",
         expired="December", start="January", next="late March", minister="Hubertine Kleiber",
         union_quote="Our members are at the limit.", emp_quote="The municipalities cannot pay this.",
         rounds=[dict(PAY_ROUNDS[0], day=date(2024, 2, 6), venue="Potsdam"),
                 dict(PAY_ROUNDS[1], day=date(2024, 2, 22), venue="Potsdam"),
                 dict(PAY_ROUNDS[2], day=date(2024, 3, 8), venue="Potsdam")],
         followup_days=9, outlets=["Kommunal Heute"]),
    dict(id="pay-rail", kind="pay", sector="rail", workers="180,000 rail employees", union="the rail union EVG-Süd",
         employers="Deutsche Bahn Nord", union_lead="Cosima Ingenschay", emp_lead="Martin Seiler-Brandt",
         demand="650 euros more a month", offer="a one-off payment and 5%", deal="410 euros more a month",
         expired="February", start="February", next="April", minister="Hubertine Kleiber",
         union_quote="We will not be fobbed off with one-off payments.", emp_quote="Our offer is the highest in "
         "our history.", rounds=[dict(PAY_ROUNDS[0], day=date(2024, 2, 13), venue="Fulda"),
                                 dict(PAY_ROUNDS[2], day=date(2024, 3, 1), venue="Fulda")],
         followup_days=12, outlets=["Bahn Report"]),
]

KINDS = {"mine": MINE, "storm": STORM, "protest": PROTEST, "bus": BUS, "trial": TRIAL, "pay": PAY}


def _prepared(story: dict) -> dict:
    s = dict(story)
    s["fu"] = s["day"] + timedelta(days=s.get("followup_days", 5))
    s["fu_gap"] = s.get("followup_days", 5)
    words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
             10: "ten", 11: "eleven", 12: "twelve"}
    w = words.get(s["fu_gap"], str(s["fu_gap"]))
    s["fu_gap_w_cap"] = w[0].upper() + w[1:]
    return s


def _rounds(story: dict) -> list[dict]:
    base = {k: v for k, v in story.items() if k != "rounds"}
    out = []
    for k, r in enumerate(story["rounds"]):
        s = dict(base, **r)
        s["articles"] = ["wire"] if k < len(story["rounds"]) - 1 else ["wire", "followup"]
        s["local"] = [r["round_detail"], f"The round in {r['venue']} lasted two days."]
        out.append(s)
    return out


STORIES: list[dict] = [_prepared(s) for s in MINES + STORMS + PROTESTS + BUSES + TRIALS]
STORIES += [_prepared(s) for t in PAY_STORIES for s in _rounds(t)]
