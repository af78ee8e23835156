"""Fact sheets and paragraph templates of training/stories_dev3 (``write_stories_dev3.py``).

Towns, people, firms, unions and outlets are invented; countries, provinces and rivers are real.
Rounds of one negotiation are one story (as follow-ups, verdicts and deals are in the team's other story
sets): a story is one real-world matter followed over time, not one day's event.
"""
# ruff: noqa: C408 (a fact sheet reads as keyword arguments)
from __future__ import annotations

from datetime import date, timedelta

# ---------------------------------------------------------------- floods: six provinces of Argentina, March 2025
FLOOD = {
    "outlets": ["Diario del Litoral", "La Voz Provincial", "Radio Nacional Norte (transcript)",
                "The Southern Cone Herald", "El Observador Federal", "Buenos Aires Gazette"],
    "title": [
        "{river} floods {town}, {dead} dead and {evac} evacuated",
        "Floods in {region}: {town} under water after record rain",
        "Thousands flee as {river} bursts its banks at {town}",
        "{town} counts its losses as the water rises",
        "Rain of {rain} mm swamps {town} in {region} province",
    ],
    "lead": [
        "At least {dead} people died and {evac} were evacuated after the {river} burst its banks at {town}, in "
        "{region} province, on {day_wd}, when {rain} millimetres of rain fell in less than two days, local officials "
        "said.",
        "Residents of {town} spent {day_wd} night on rooftops and in the {shelter} as water from the {river} rose to "
        "{river_m} metres, forcing the evacuation of {evac} people in {region}. {dead_w_cap} people were confirmed "
        "dead by the morning.",
        "Floods in {region} province have left {dead} people dead and {missing} missing, the mayor of {town}, "
        "{mayor}, said on {day_wd}, as rescue boats continued to search the lower districts of the town.",
    ],
    "detail": [
        "The water cut {road} in two places, leaving {town} reachable only by boat. Army trucks carried drinking water "
        "and mattresses to the {shelter}, where {evac} people were registered by the evening.",
        "According to the provincial water authority, the {river} stood at {river_m} metres at the {town} gauge, "
        "more than a metre above the evacuation mark. {homes} homes were flooded, most of them in the low "
        "neighbourhoods near the old railway embankment.",
        "Of the {dead} dead, most were found in the rural area south of {town}, where farm workers tried to move "
        "cattle to higher ground. {missing_w_cap} people were still missing on {day_wd} evening.",
        "Schools in {town} will remain closed for the rest of the week. The provincial health ministry sent two "
        "mobile clinics and warned of leptospirosis and contaminated wells once the water goes down.",
        "The regional weather office measured {rain} millimetres in 40 hours at its {town} station, about what the "
        "area usually receives in three months.",
    ],
    "quote": [
        "\"We have never seen the {river} come up this fast,\" said {mayor}, the mayor of {town}. \"In the "
        "night the water climbed a metre in two hours. We lost people who had lived by that river all their lives.\"",
        "\"We got the children out first, then the old people, then whoever we could reach,\" said {rescuer}, "
        "{rescuer_role}. \"Some families refused to leave their animals, and we had to go back for them twice.\"",
        "\"Everything we own is under the water,\" said {resident}, {resident_age}, who spent the night in the "
        "{shelter} with her three children. \"The house, the furniture, the school books. We start from zero.\"",
        "{mayor_s} asked the provincial government to declare an emergency. \"The municipality has no more "
        "boats, no more fuel and no more money,\" the mayor told reporters in front of the flooded town hall.",
    ],
    "background": [
        "{region} has flooded before: in {prev_year} the {river} rose to a similar height and the town was cut off "
        "for nine days. A flood wall promised after that disaster was never finished; its unfinished concrete "
        "sections stand in a field north of {town}.",
        "Environmental groups have long warned that the clearing of native forest upstream for soy fields makes "
        "floods in {region} faster and higher, because the bare soil no longer holds the rain.",
        "Farmers' associations in {region} estimate that a third of the season's crops around {town} are lost. "
        "The harvest was due to start in April.",
    ],
    "recap_own": [
        "The {river} flooded {town} on {day_md} after {rain} millimetres of rain; {dead} people died and {evac} "
        "were evacuated to the {shelter} and other shelters in {region} province.",
        "When the water came on the night of {day_md}, {town} had a few hours of warning. {dead_w_cap} people died "
        "and {homes} homes were flooded.",
    ],
    "recap_other": [
        "The flooding comes {o_gap} days after the {o_river} swamped {o_town}, in {o_region} province, where "
        "{o_dead} people died and {o_evac} had to leave their homes.",
        "It is the second flood of the month to hit a provincial town: on {o_day_md} the {o_river} broke through "
        "at {o_town} ({o_region}), killing {o_dead} and forcing {o_evac} people from their homes.",
        "Rescuers sent to {town} came partly from {o_town}, in {o_region}, which the {o_river} flooded {o_gap} "
        "days {o_when}; there {o_dead} people died and the {o_shelter} still houses evacuees.",
    ],
    "recap_other_long": [
        "In {o_town}, {o_region}, the picture was similar. The {o_river} reached {o_river_m} metres there on "
        "{o_day_md}, {o_evac} people were evacuated and {o_dead} died. \"We did not have enough boats,\" "
        "{o_mayor}, the town's mayor, said at the time. {o_homes} homes were flooded and {o_road} was closed for "
        "a week.",
        "{o_town}'s flood, in {o_region}, began with {o_rain} millimetres of rain and ended with {o_dead} dead and "
        "{o_missing} missing. Its mayor, {o_mayor}, has since asked for the same emergency funds.",
    ],
    "national": [
        "Gustavo Ferreyra Lanz, head of the national emergency management system, said federal teams were "
        "deployed in several provinces and that the weather service expected more rain over the weekend.",
        "Security Minister Patricia Olmedo announced that the armed forces would send helicopters and that the "
        "national government would release emergency funds for the provinces hit by floods this month.",
        "The national weather service kept an orange alert for heavy rain in the northeast. Its spokesman, Ignacio "
        "Berro, said the rains were linked to an unusually warm Atlantic.",
    ],
    "close": [
        "The provincial government said it would publish a list of the dead once families had been informed.",
        "Donations of water, clothes and cleaning products are being collected at the {shelter}.",
        "Officials expect the {river} to stay high for at least another week.",
    ],
    "followup_title": [
        "{town} begins to clean up {fu_gap_w} days after the flood",
        "Flood toll in {town} rises to {dead2}",
        "Anger in {town} as evacuees wait for help",
    ],
    "followup_lead": [
        "{fu_gap_w_cap} days after the {river} flooded {town}, the water has begun to go down, but {homes} homes "
        "remain uninhabitable and many families are still sleeping in the {shelter}.",
        "The death toll from the floods in {town}, in {region} province, rose to {dead2} on {fu_wd}, after "
        "rescuers found more bodies in a drainage canal south of the town.",
    ],
    "followup_detail": [
        "Residents returning home found a layer of mud up to their knees. The municipality has handed out "
        "{kits} cleaning kits and says it needs three hundred more.",
        "Provincial inspectors are checking the {river} embankment north of {town}, where the breach opened; the "
        "repair is expected to take a month.",
        "{mayor_s} said {evac} people had been registered as evacuees and that the provincial subsidy promised on "
        "{day_wd} had not yet arrived.",
    ],
    "analysis_title": [
        "Why the northeast keeps flooding",
        "Five floods in one month: what went wrong in the provinces",
        "After {town}, questions about Argentina's flood defences",
    ],
    "analysis_lead": [
        "The flood in {town} is not an isolated disaster. Since the start of March, towns in several provinces of "
        "the northeast have been swamped by rivers that rose faster than anyone expected, and the same questions "
        "are being asked in each of them: why were the defences not finished, and why did the warnings come so late?",
        "Every March brings rain to the northeast, but this one has been different. {town} is the latest of a "
        "series of provincial towns to go under water, and its story, told by those who lived it, repeats that of "
        "its neighbours.",
    ],
    "analysis_close": [
        "Engineers interviewed for this article agree on one point: without the unfinished walls and a working "
        "warning system, the next flood will find the same towns just as exposed.",
        "For the people of {town}, the debate is abstract. They want their houses back before winter.",
    ],
}

FLOODS = [
    dict(id="flood-san-aurelio-corrientes", kind="flood", town="San Aurelio del Monte", region="Corrientes",
         river="Paraná", mayor="Marcelo Ibarrola", mayor_s="Ibarrola", rescuer="Daniela Sosa",
         rescuer_role="a volunteer firefighter in San Aurelio", resident="Graciela Mendieta", resident_age=41,
         shelter="Escuela Normal gymnasium", road="National Route 12", dead=4, dead2=6, missing=3, evac=2140,
         homes=610, rain=212, river_m="7.8", prev_year=1998, kits=900, day=date(2025, 3, 8), followup_days=6,
         articles=["wire", "rewrite", "local", "followup", "brief", "copy"],
         outlets=["El Litoral de Corrientes"],
         local=["In the San Roque chapel, the water reached the altar; the parish priest moved the statues to the "
                "bell tower.", "The town's only bridge over the Arroyo Pindó was closed after a barge struck it.",
                "A fishing cooperative lent its eleven boats to the rescue."]),
    dict(id="flood-villa-quebrachal-chaco", kind="flood", town="Villa Quebrachal", region="Chaco",
         river="Bermejo", mayor="Norma Arguello", mayor_s="Arguello", rescuer="Ramón Toledo",
         rescuer_role="head of Chaco's provincial civil defence", resident="Estela Cabral", resident_age=56,
         shelter="Club Atlético Quebrachal", road="Provincial Route 9", dead=2, dead2=3, missing=5, evac=870,
         homes=240, rain=176, river_m="5.1", prev_year=2019, kits=400, day=date(2025, 3, 9), followup_days=4,
         articles=["wire", "local", "followup", "analysis"],
         outlets=["Diario Chaqueño"],
         local=["Two Qom communities north of the town were cut off for three days and received food by helicopter.",
                "The cotton gin, the town's largest employer, had its machinery under a metre of water.",
                "A tractor convoy brought the last families out along the railway line."]),
    dict(id="flood-puerto-lavalleja-santafe", kind="flood", town="Puerto Lavalleja", region="Santa Fe",
         river="Salado", mayor="Hugo Benvenuto", mayor_s="Benvenuto", rescuer="Carla Pietrobón",
         rescuer_role="a coast guard officer", resident="Mirta Gauna", resident_age=67,
         shelter="Parroquia Santa Rita hall", road="Provincial Route 70", dead=2, dead2=2, missing=3, evac=3300,
         homes=1150, rain=248, river_m="8.3", prev_year=2003, kits=1500, day=date(2025, 3, 12), followup_days=7,
         articles=["wire", "rewrite", "followup", "local"],
         outlets=["El Santafesino"],
         local=["The dairy plant on the edge of Puerto Lavalleja poured 40,000 litres of milk away because no truck "
                "could reach it.", "Volunteers filled sandbags at the football ground through the night.",
                "The old port warehouses, now a cultural centre, took in 300 evacuees."]),
    dict(id="flood-colonia-ubajay-entrerios", kind="flood", town="Colonia Ubajay Sur", region="Entre Ríos",
         river="Uruguay", mayor="Raúl Spahn", mayor_s="Spahn", rescuer="Leandro Giménez",
         rescuer_role="commander of the local fire brigade", resident="Silvia Rougier", resident_age=38,
         shelter="Escuela Técnica 4", road="National Route 14", dead=3, dead2=5, missing=2, evac=1480,
         homes=390, rain=190, river_m="12.6", prev_year=2009, kits=700, day=date(2025, 3, 15), followup_days=5,
         articles=["wire", "local", "followup", "brief"],
         outlets=["Uno Entre Ríos"],
         local=["The town's Volga German museum saved its archive by carrying the boxes to the church loft.",
                "Citrus growers said the water had reached the orchards for the first time in sixteen years.",
                "The border crossing to Uruguay was closed for a day."]),
    dict(id="flood-aristobulo-misiones", kind="flood", town="Aristóbulo Verde", region="Misiones",
         river="Iguazú", mayor="Fabiana Krause", mayor_s="Krause", rescuer="Osvaldo Benítez",
         rescuer_role="a Misiones police diver", resident="Julia Da Silva", resident_age=29,
         shelter="Polideportivo Municipal", road="National Route 101", dead=5, dead2=7, missing=4, evac=960,
         homes=310, rain=265, river_m="9.4", prev_year=2014, kits=500, day=date(2025, 3, 17), followup_days=3,
         articles=["wire", "rewrite", "local", "followup"],
         outlets=["El Territorio Digital"],
         local=["A landslide after the rain buried part of the road to the yerba mate cooperative.",
                "Two of the dead were brothers whose truck was swept off a bridge.",
                "Tourist lodges upstream stayed open and sent food to the shelters."]),
    dict(id="flood-san-isidro-tucuman", kind="flood", town="San Isidro de Lules Alto", region="Tucumán",
         river="Salí", mayor="Ernesto Palavecino", mayor_s="Palavecino", rescuer="Mónica Ledesma",
         rescuer_role="a Red Cross coordinator", resident="Antonia Nieva", resident_age=72,
         shelter="Colegio San Martín", road="Provincial Route 301", dead=2, dead2=2, missing=2, evac=1720,
         homes=530, rain=158, river_m="4.7", prev_year=2017, kits=650, day=date(2025, 3, 22), followup_days=4,
         articles=["wire", "local", "analysis", "followup"],
         outlets=["La Gaceta del Norte"],
         local=["Sugar cane lorries stood abandoned on the flooded road to the mill.",
                "The mountain stream that runs through the town carried boulders as big as cars.",
                "A maternity ward was moved to the upper floor of the hospital."]),
]

# ---------------------------------------------------------------- strikes: five unions in one Portuguese city
STRIKE = {
    "outlets": ["Jornal de Valdomar", "Correio do Atlântico", "The Lisbon Courier", "Rádio Valdomar (bulletin)",
                "Iberian Business Review", "Público Norte"],
    "title": [
        "{workers_cap} strike in Valdomar over {demand_short}",
        "Valdomar {workers} walk out for {days_w} days",
        "Strike by {union} halts {service} in Valdomar",
        "{union} strike: {service} stops in Valdomar",
    ],
    "lead": [
        "About {strikers} {workers} in Valdomar walked out on {day_wd}, halting {service} for {days_w} days, after "
        "talks between the {union} and {employer} over {demand_short} broke down, the union said.",
        "{service_cap} in Valdomar came to a standstill on {day_wd} as {strikers} {workers} began a {days_w}-day "
        "strike called by the {union}, which is demanding {demand}.",
        "The {union} began a strike of {days_w} days in Valdomar on {day_md}, with {turnout}% of {workers} "
        "joining on the first day according to the union, and {employer_turnout}% according to {employer}.",
    ],
    "detail": [
        "{employer} said minimum services were in place and accused the union of breaking an agreement signed in "
        "{prev_year}. The company estimates the cost of each day of strike at {cost} euros.",
        "The union is asking for {demand}. {employer} offered {offer} last week, which the union's members "
        "rejected by {reject}% in a vote on {vote_wd}.",
        "Pickets gathered from six in the morning outside {site}, where police kept a lane open. No incidents "
        "were reported.",
        "It is the {nth} strike by the {union} in Valdomar in two years; the last one, in {prev_year}, ended after "
        "eleven days with a partial deal.",
    ],
    "quote": [
        "\"We are not asking for luxuries, we are asking to live in the city we work in,\" said {leader}, "
        "{leader_role} of the {union}, speaking to strikers outside {site}.",
        "\"The door is open, but we cannot pay what the union asks without putting jobs at risk,\" said "
        "{boss}, {boss_role} of {employer}.",
        "\"I have done this job for nineteen years and my rent has doubled in five,\" said {striker}, one of the "
        "{workers} on the picket line. \"Something has to give.\"",
        "{leader_s} told reporters the strike could be extended. \"If {employer} does not come back with a real "
        "offer, we will be here again next month,\" {leader_pronoun} said.",
    ],
    "background": [
        "Valdomar, Portugal's third port city, has seen housing costs rise faster than anywhere in the country "
        "since short-term rentals spread through its old centre; unions say wages have not followed.",
        "Labour relations in Valdomar have been tense since the city's council renegotiated its service contracts "
        "in {prev_year}, a process several unions say cut their members' pay in real terms.",
        "The city's mayor, Rui Castanheira, has offered to mediate in several of this spring's disputes, so far "
        "without result.",
    ],
    "recap_own": [
        "The {union}'s {days_w}-day strike began on {day_md}, when {strikers} {workers} stopped work over "
        "{demand_short}.",
        "{workers_cap} in Valdomar struck from {day_md}, called out by the {union} after talks with {employer} "
        "failed.",
    ],
    "recap_other": [
        "The walkout comes {o_gap} days after a strike by the {o_union}, which stopped {o_service} in the "
        "city over {o_demand_short}.",
        "Valdomar has already lived through one strike this month: on {o_day_md}, {o_strikers} {o_workers} "
        "stopped work for {o_days_w} days, called out by the {o_union}.",
        "Residents are weary: the {o_union}'s strike, {o_gap} days {o_when}, left {o_service} stopped and its "
        "dispute with {o_employer} is still not settled.",
    ],
    "recap_other_long": [
        "The {o_union}'s dispute is a case in point. Its {o_strikers} {o_workers} stopped work on {o_day_md} to "
        "demand {o_demand}; {o_employer} offered {o_offer}. \"We are tired of promises,\" {o_leader} said "
        "then. The {o_days_w}-day strike ended without a deal.",
        "The {o_workers}' strike of {o_day_md}, led by {o_leader}, is still unresolved; {o_employer} says it "
        "cost {o_cost} euros a day.",
    ],
    "national": [
        "Labour Minister Helena Macedo said on {day_wd} that the government was following the disputes in "
        "Valdomar closely and urged both sides to use the public mediation service.",
        "Mayor Rui Castanheira said the city could not \"live from strike to strike\" and called the unions and "
        "employers to a meeting at the town hall.",
        "The country's largest union confederation, the CGTP-V, expressed support for the strikers and said the "
        "disputes reflected a national problem of low wages.",
    ],
    "close": [
        "The strike is due to end at midnight on the {days_w_ord} day unless a deal is reached first.",
        "Another round of talks is scheduled at the labour ministry's Valdomar office next week.",
        "{employer} said it would publish its full offer on its website.",
    ],
    "followup_title": [
        "Valdomar {workers}' strike ends without a deal",
        "{union} and {employer} reach deal after {days_w}-day strike",
        "{workers_cap} back at work, but the {union} dispute goes on",
    ],
    "followup_lead": [
        "The {days_w}-day strike by Valdomar's {workers} ended on {fu_wd} with {service} resuming, but the "
        "{union} said its dispute with {employer} over {demand_short} was far from over.",
        "{employer} and the {union} reached a provisional agreement on {fu_wd}, {fu_gap_w} days after "
        "{strikers} {workers} walked out in Valdomar.",
    ],
    "followup_detail": [
        "Under the provisional deal, which members will vote on next week, pay rises by {deal}, less than the "
        "union's demand of {demand}.",
        "{leader_s} said the union would consult its members before deciding on new strike days.",
        "{employer} said the strike had cost {cost} euros a day and that it would not pay for the days lost.",
    ],
    "analysis_title": [
        "Valdomar's spring of strikes",
        "Why Valdomar cannot stop striking",
        "Five disputes, one city: the cost of living behind Valdomar's walkouts",
    ],
    "analysis_lead": [
        "In the space of a few weeks, Valdomar has seen its {workers} walk out, and they are not alone. The city "
        "has become the scene of one labour dispute after another, each with its own employer and demands, but "
        "all rooted in the same complaint: pay that no longer covers the rent.",
        "The {union}'s strike is the latest in a series that has made this spring the most troubled in Valdomar's "
        "labour history.",
    ],
    "analysis_close": [
        "Economists expect more disputes as long as rents rise faster than pay in the city.",
        "Whether the mayor's offer of mediation can break the cycle remains to be seen.",
    ],
}

STRIKES = [
    dict(id="strike-valdomar-dockers", kind="strike", workers="dockworkers", service="cargo handling at the port",
         union="Valdomar Port Workers' Union (SETP-V)", employer="the port operator Atlanterm",
         demand="a 9% pay rise and an end to daily hiring", demand_short="pay and casual hiring",
         leader="Nuno Carreira", leader_s="Carreira", leader_role="president", leader_pronoun="he",
         boss="Filipa Azevedo", boss_role="chief executive", striker="Joaquim Matos",
         site="the container terminal gate",
         strikers=1100, days=4, turnout=92, employer_turnout=71, cost=1800000, offer="4.5%", reject=88, deal="6%",
         prev_year=2022, nth="third", vote_wd="Friday", day=date(2025, 3, 10), followup_days=5,
         articles=["wire", "rewrite", "local", "followup", "copy"],
         outlets=["Shipping Today"],
         local=["Fourteen container ships waited at anchor off the breakwater by the second day.",
                "A Danish shipping line diverted two vessels to Sines.",
                "Truck drivers queued for six kilometres on the port access road."]),
    dict(id="strike-valdomar-metro", kind="strike", workers="metro drivers", service="the metro",
         union="Union of Rail and Metro Drivers (SMAQ-V)", employer="Metro de Valdomar",
         demand="a 7% pay rise and shorter night shifts", demand_short="pay and night shifts",
         leader="Sandra Vilela", leader_s="Vilela", leader_role="general secretary", leader_pronoun="she",
         boss="Alberto Quintas", boss_role="board chairman", striker="Paulo Serôdio", site="the Campo Largo depot",
         strikers=340, days=3, turnout=97, employer_turnout=80, cost=420000, offer="3%", reject=91, deal="4.8%",
         prev_year=2023, nth="second", vote_wd="Monday", day=date(2025, 3, 13), followup_days=4,
         articles=["wire", "local", "followup", "brief"],
         outlets=["Jornal de Valdomar"],
         local=["Buses were packed and the city added 40 extra services on the Lines 2 and 5 routes.",
                "Commuters from the southern suburbs took up to two hours to reach the centre.",
                "Bicycle-hire stations in the centre ran empty by eight in the morning."]),
    dict(id="strike-valdomar-nurses", kind="strike", workers="nurses",
         service="non-urgent care at the city's hospitals",
         union="Nurses' Union of the North (SEN)", employer="the Valdomar Hospital Centre",
         demand="the hiring of 300 nurses and overtime paid in full", demand_short="staffing and overtime",
         leader="Catarina Lobo", leader_s="Lobo", leader_role="regional coordinator", leader_pronoun="she",
         boss="Dr Jorge Anjos", boss_role="director", striker="Rita Falcão", site="São Brás hospital",
         strikers=1650, days=5, turnout=79, employer_turnout=52, cost=250000, offer="150 new posts", reject=83,
         deal="220 new posts", prev_year=2021, nth="fourth", vote_wd="Sunday", day=date(2025, 3, 17),
         followup_days=6, articles=["wire", "rewrite", "local", "analysis"],
         outlets=["Saúde Notícias"],
         local=["1,900 outpatient appointments and 130 planned operations were postponed in the first two days.",
                "Emergency departments, cancer treatment and dialysis kept running with minimum staff.",
                "Patients' groups said they supported the nurses but feared longer waiting lists."]),
    dict(id="strike-valdomar-refuse", kind="strike", workers="refuse collectors", service="rubbish collection",
         union="Municipal Workers' Union (STML-V)", employer="the city's waste company Limpa Valdomar",
         demand="a risk allowance of 150 euros a month", demand_short="a risk allowance",
         leader="Armando Teixeira", leader_s="Teixeira", leader_role="spokesman", leader_pronoun="he",
         boss="Inês Pimentel", boss_role="administrator", striker="Vítor Bragança", site="the Alto da Serra depot",
         strikers=620, days=6, turnout=95, employer_turnout=85, cost=90000, offer="60 euros", reject=94,
         deal="100 euros", prev_year=2020, nth="second", vote_wd="Thursday", day=date(2025, 3, 20),
         followup_days=7, articles=["wire", "local", "followup", "brief"],
         outlets=["Jornal de Valdomar"],
         local=["By the fourth day, 3,500 tonnes of rubbish had piled up, and gulls tore open bags in the Ribeira.",
                "Restaurants in the old town hired private collectors at their own cost.",
                "The city's health officer warned of rats near the fish market."]),
    dict(id="strike-valdomar-teachers", kind="strike", workers="secondary teachers", service="classes in 41 schools",
         union="Teachers' Federation of Valdomar (FPV)", employer="the regional education directorate",
         demand="the recovery of frozen years of service", demand_short="frozen service time",
         leader="Manuel Esteves", leader_s="Esteves", leader_role="leader", leader_pronoun="he",
         boss="Clara Neves", boss_role="regional director", striker="Teresa Aragão", site="the Liceu Camões",
         strikers=2900, days=2, turnout=74, employer_turnout=58, cost=150000, offer="two years over four", reject=79,
         deal="three years over three", prev_year=2023, nth="fifth", vote_wd="Wednesday", day=date(2025, 3, 26),
         followup_days=5, articles=["wire", "rewrite", "local", "followup"],
         outlets=["Educação Hoje"],
         local=["Mock exams planned for the week were moved to April.",
                "Parents' associations at three schools organised childcare in the school halls.",
                "Pupils at the Liceu Camões held a sit-in in support of their teachers."]),
]

# ---------------------------------------------------------------- four court rulings about one German company
RULING = {
    "outlets": ["Rheinische Wirtschaftszeitung", "Handelsblatt Nord", "The Frankfurt Ledger", "Chemie Report",
                "Kessbach Anzeiger", "Law & Industry Weekly"],
    "title": [
        "Court {verdict_short} in Braxmoor {matter_short} case",
        "Braxmoor loses {matter_short} case in {court_short}",
        "{court_short} rules on Braxmoor {matter_short}",
        "Judges {verdict_short}: setback for Braxmoor Chemie",
    ],
    "lead": [
        "The {court} on {day_wd} {verdict} in a case brought {case_by} over {matter}, a ruling that {effect}.",
        "Braxmoor Chemie AG suffered a setback on {day_wd} when the {court} {verdict}, ending a dispute over "
        "{matter} that began in {prev_year}.",
        "In a ruling read out on {day_md}, {judge}, presiding over the {court}, {verdict}; the case concerned "
        "{matter}.",
    ],
    "detail": [
        "The case concerns {matter}. {plaintiff_side} argued {argument}; Braxmoor's lawyers said {defence}.",
        "The court found that {finding}. The amount at stake is {amount} euros.",
        "The ruling can be appealed within one month. {appeal}",
        "The hearing lasted {hearing_days_w} days and heard {witnesses} witnesses, among them {witness}.",
    ],
    "quote": [
        "\"{judge_quote}\" said {judge} in reading the ruling.",
        "\"We respect the court but we disagree with its reading of the facts,\" said Braxmoor's spokesman Torben "
        "Kray. \"We will study the written judgment before deciding on next steps.\"",
        "\"{plaintiff_quote}\" said {plaintiff_person}, {plaintiff_role}, outside the court building in {city}.",
    ],
    "background": [
        "Braxmoor Chemie, based in Kessbach, employs about 14,000 people and makes coatings, adhesives and "
        "industrial solvents. Its chief executive, Annelie Voss, has been in office since 2021.",
        "The company has faced a string of legal disputes since its merger with the Dutch firm Veldhaven "
        "Coatings in 2023, which critics say was followed by cost-cutting at its German plants.",
        "Braxmoor's shares fell 1.8% in Frankfurt after the ruling was published.",
    ],
    "recap_own": [
        "On {day_md}, the {court} {verdict} in the dispute over {matter}.",
        "The {court_short} ruling of {day_md} concerned {matter}; the court {verdict}.",
    ],
    "recap_other": [
        "It is the second ruling against the company this month: {o_gap} days {o_when}, the {o_court} {o_verdict} "
        "in a separate case over {o_matter}.",
        "The ruling is separate from the {o_court_short} case over {o_matter}, in which the court {o_verdict} on "
        "{o_day_md}.",
        "Braxmoor is also fighting on another front: on {o_day_md} the {o_court} {o_verdict} in a case brought "
        "{o_case_by}.",
    ],
    "recap_other_long": [
        "That other case, over {o_matter}, was brought {o_case_by}. {o_plaintiff_side} argued {o_argument}. The "
        "{o_court_short}, presided over by {o_judge}, found that {o_finding}. At stake: {o_amount} euros.",
        "In the {o_court_short} case, decided on {o_day_md}, {o_plaintiff_person} said: \"{o_plaintiff_quote_full}\"",
    ],
    "national": [
        "The German chemical industry association VCI-Nord said the cases showed the need for faster courts and "
        "clearer rules, without commenting on the rulings themselves.",
        "Analysts at Hansa Securities said the company's legal provisions of 60 million euros should cover the "
        "cases decided so far.",
        "Annelie Voss, the chief executive, told shareholders in February that the company would \"defend its "
        "position in every court\".",
    ],
    "close": [
        "The full written judgment is expected within six weeks.",
        "Braxmoor said it would comment further after reviewing the judgment.",
        "{plaintiff_side} said they would hold a press conference next week.",
    ],
    "followup_title": [
        "Braxmoor {follow_title}",
        "After the {matter_short} ruling, Braxmoor {follow_title}",
    ],
    "followup_lead": [
        "{fu_gap_w_cap} days after the {court} {verdict}, Braxmoor Chemie {follow_action}.",
        "Braxmoor Chemie said on {fu_wd} that it {follow_action}, following the {court_short} ruling of {day_md} "
        "on {matter}.",
    ],
    "followup_detail": [
        "{follow_detail}",
        "{plaintiff_person} welcomed the move but said {plaintiff_side_short} would keep watching the company closely.",
        "The case over {matter} had been running since {prev_year}.",
    ],
    "analysis_title": [
        "Braxmoor in the dock: four cases, one pattern?",
        "What Braxmoor's month in court means for the company",
    ],
    "analysis_lead": [
        "Braxmoor Chemie has had a bruising few weeks in German courtrooms. The {court_short} ruling on "
        "{matter_short} is only one of several cases in which judges have looked at how the company behaved "
        "after its 2023 merger, and each case stands on its own facts.",
        "Few German companies have spent as much time in court this spring as Braxmoor Chemie.",
    ],
    "analysis_close": [
        "None of the cases is linked in law, and lawyers warn against reading a pattern into them. Investors, "
        "however, may draw their own conclusions.",
        "The company's annual meeting in May promises to be lively.",
    ],
}

RULINGS = [
    dict(id="ruling-braxmoor-lindenau-fine", kind="ruling", court="administrative court in Lindenau",
         court_short="Lindenau court", city="Lindenau", judge="Judge Sabine Oelkers",
         verdict="upheld a fine of 4.2 million euros", verdict_short="upholds fine",
         matter="solvent emissions from its Lindenau plant", matter_short="emissions",
         case_by="by Braxmoor against the state environment agency", plaintiff_side="The environment agency",
         plaintiff_side_short="the agency", plaintiff_person="Dr Kai Bremer", plaintiff_role="head of the state "
         "environment agency", argument="that the plant exceeded its solvent limits on 212 days in 2022 and 2023",
         defence="the measurements were taken by a faulty sensor", finding="the sensor readings were reliable "
         "and the company had been warned three times", amount=4200000, appeal="Braxmoor said it would appeal.",
         judge_quote="A company that is warned three times cannot claim it did not know.",
         plaintiff_quote="The people of Lindenau have waited two years for this.", effect="could cost the company "
         "more than the fine itself if the plant must be refitted", hearing_days=3, witnesses=9,
         witness="a former plant engineer", follow_title="to refit Lindenau plant",
         follow_action="will spend 18 million euros refitting the Lindenau plant's filters",
         follow_detail="The refit will take fourteen months; production of one solvent line will stop meanwhile.",
         prev_year=2023, day=date(2025, 3, 5), followup_days=8,
         articles=["wire", "local", "followup", "rewrite"], outlets=["Lindenauer Tageblatt"],
         local=["Residents of the Eichgrund estate, downwind of the plant, had complained of headaches and a sweet "
                "smell at night.", "A citizens' initiative collected 2,300 signatures in 2023.",
                "The state environment agency installed two monitors on the estate's school roof."]),
    dict(id="ruling-braxmoor-kessbach-dismissals", kind="ruling", court="regional labour court in Kessbach",
         court_short="labour court", city="Kessbach", judge="Judge Martin Falkenrath",
         verdict="ordered the reinstatement of 38 dismissed workers", verdict_short="orders reinstatement",
         matter="the dismissal of 38 workers at the Kessbach packaging unit", matter_short="dismissals",
         case_by="by 38 former employees backed by the IG Chemie union", plaintiff_side="The workers",
         plaintiff_side_short="the union", plaintiff_person="Yvonne Hackl", plaintiff_role="a works council member",
         argument="that the works council had not been consulted", defence="the unit was closed for economic "
         "reasons", finding="the works council had been informed only after the decision was taken",
         amount=2900000, appeal="IG Chemie urged the company not to appeal.",
         judge_quote="Consultation after the fact is not consultation.",
         plaintiff_quote="We got our jobs back, and we got our dignity back.", effect="the union called a "
         "landmark for works councils", hearing_days=2, witnesses=6, witness="the plant's former HR director",
         follow_title="takes back dismissed Kessbach workers",
         follow_action="would take back the 38 workers and not appeal",
         follow_detail="The workers will return on April 1 and receive back pay for eleven months.",
         prev_year=2024, day=date(2025, 3, 12), followup_days=6,
         articles=["wire", "local", "rewrite", "followup"], outlets=["Kessbach Anzeiger"],
         local=["Several of the workers had been with the company for more than twenty years.",
                "The packaging unit's work had been moved to a contractor in Poland.",
                "Colleagues gathered outside the court with a banner reading \"38 of us\"."]),
    dict(id="ruling-braxmoor-patent", kind="ruling", court="Federal Patent Court in Munich",
         court_short="patent court", city="Munich", judge="Judge Dr Heike Strasser",
         verdict="declared void Braxmoor's patent on a low-odour floor coating", verdict_short="voids patent",
         matter="a patent on a low-odour floor coating", matter_short="patent",
         case_by="by the rival coatings maker Ostermann & Quast", plaintiff_side="Ostermann & Quast",
         plaintiff_side_short="the rival", plaintiff_person="Felix Quast", plaintiff_role="managing partner of "
         "Ostermann & Quast", argument="that the process had been described in a Japanese journal in 2016",
         defence="the journal described a different catalyst", finding="the invention was not new",
         amount=31000000, appeal="An appeal lies to the Federal Court of Justice.",
         judge_quote="What was published cannot be patented again.",
         plaintiff_quote="This patent blocked the whole market for four years.", effect="opens the market for the "
         "coating to competitors", hearing_days=1, witnesses=2, witness="a chemist from Aachen",
         follow_title="appeals patent ruling", follow_action="has lodged an appeal with the Federal Court of "
         "Justice", follow_detail="The appeal does not suspend the ruling; rivals may sell the coating meanwhile.",
         prev_year=2022, day=date(2025, 3, 19), followup_days=9,
         articles=["wire", "analysis", "followup", "brief"], outlets=["IP Review Europe"],
         local=["The coating, sold as Silentfloor, earned Braxmoor about 120 million euros a year.",
                "Ostermann & Quast is a family firm with 600 employees near Bielefeld.",
                "The Japanese paper was found by a retired librarian hired by the rival."]),
    dict(id="ruling-braxmoor-shareholders", kind="ruling", court="regional court in Düsseldorf",
         court_short="Düsseldorf court", city="Düsseldorf", judge="Judge Thomas Reimers",
         verdict="dismissed a damages claim by minority shareholders", verdict_short="dismisses claim",
         matter="the price paid to shareholders in the 2023 merger with Veldhaven Coatings",
         matter_short="merger", case_by="by 214 minority shareholders", plaintiff_side="The shareholders",
         plaintiff_side_short="the shareholders", plaintiff_person="Gerda Lindqvist", plaintiff_role="spokeswoman "
         "of the shareholders' association SdK-West", argument="that the exchange ratio undervalued their shares "
         "by 11 euros each", defence="the ratio had been set by independent auditors", finding="the valuation "
         "was within the range an auditor could reasonably reach", amount=56000000,
         appeal="The shareholders said they would consider an appeal.",
         judge_quote="The court does not set share prices; it checks that they were set properly.",
         plaintiff_quote="We will not give up; small shareholders paid for this merger.",
         effect="removes the largest financial risk of the company's pending cases", hearing_days=4, witnesses=5,
         witness="the auditor who set the ratio", follow_title="shareholders file appeal",
         follow_action="faces an appeal from the shareholders it defeated", follow_detail="The appeal goes to the "
         "higher regional court in Düsseldorf; a hearing is not expected before next year.",
         prev_year=2023, day=date(2025, 4, 2), followup_days=7,
         articles=["wire", "rewrite", "followup", "local"], outlets=["Börsen-Kurier"],
         local=["Many of the claimants are pensioners who held Veldhaven shares for decades.",
                "The hearing was held in the court's largest room to fit the claimants.",
                "Braxmoor's share price rose 2.4% after the ruling."]),
]

# ---------------------------------------------------------------- two water negotiations in Central Asia
TALKS = {
    "outlets": ["Central Asia Monitor", "Steppe Herald", "Eurasia Desk", "Radio Azattyk-East (transcript)",
                "The Diplomatic Courier", "Water Policy Bulletin"],
    "title": [
        "{a} and {b} {round_verb} {reservoir} talks",
        "{reservoir}: {round_name} of water talks {round_result}",
        "Water talks over {reservoir} {round_result}",
    ],
    "lead": [
        "Negotiators from {a} and {b} {round_text} on {day_wd} in {venue}, in the {round_name} of talks over "
        "how to share the water of the {reservoir} on the {river}, officials said.",
        "The {round_name} of talks between {a} and {b} on the {reservoir} {round_text} in {venue} on {day_md}, "
        "with {mediator} again in the chair.",
    ],
    "detail": [
        "At stake is how much water {a} releases from the {reservoir} in summer, when {b}'s farms downstream need "
        "it, and how much {b} pays in electricity or gas for the winter storage. {b} asks for {release} cubic "
        "metres a second in July and August; {a} has offered {offer}.",
        "The talks began in {start_month} after a dry summer in which {fields} hectares of cotton and wheat were "
        "lost downstream.",
        "{a}'s delegation is led by deputy water minister {a_lead}; {b}'s by {b_lead}, an adviser to the "
        "president.",
        "{round_detail}",
    ],
    "quote": [
        "\"{a_quote}\" said {a_lead} after the session.",
        "\"{b_quote}\" {b_lead} told reporters in {venue}.",
        "\"Both sides came with maps, figures and goodwill, which is more than we had a year ago,\" said "
        "{mediator}, the mediator.",
    ],
    "background": [
        "The {reservoir} was built in the Soviet era, when water and energy were traded within one state; since "
        "independence, summers of shortage have brought border tension.",
        "Water disputes in the region date back to the break-up of the Soviet Union, which left dams in the "
        "mountain states and the farms in the plains.",
    ],
    "recap_own": [
        "The talks on the {reservoir} opened in {start_month}; the {round_name}, on {day_md}, {round_text}.",
        "{a} and {b} have been negotiating over the {reservoir} since {start_month}.",
    ],
    "recap_other": [
        "{mediator} is also mediating talks between {o_a} and {o_b} over the {o_reservoir}, whose latest round "
        "was held {o_gap} days {o_when} in {o_venue}.",
        "The talks run in parallel with negotiations between {o_a} and {o_b} over the {o_reservoir} on the "
        "{o_river}, which {o_round_text} on {o_day_md}.",
    ],
    "recap_other_long": [
        "In the {o_reservoir} talks, {o_b} asks for {o_release} cubic metres a second in summer and {o_a} offers "
        "{o_offer}. \"{o_a_quote}\" said {o_a_lead}.",
        "The {o_reservoir} negotiations, led by {o_a_lead} and {o_b_lead}, began in {o_start_month}.",
    ],
    "national": [
        "The regional water commission, which {mediator} chairs on behalf of the UN development programme, has "
        "called this year \"the year of agreements\".",
        "Diplomats in the region say a deal before the summer irrigation season is the goal of both governments.",
    ],
    "close": [
        "The next round is expected in {next_venue}.",
        "Neither side published the draft texts.",
    ],
    "followup_title": [
        "{a} and {b} sign {reservoir} water deal",
        "Deal on the {reservoir} after months of talks",
    ],
    "followup_lead": [
        "{a} and {b} signed an agreement on the {reservoir} on {fu_wd}, ending talks that began in "
        "{start_month}, under which {a} will release {deal} cubic metres a second in July and August.",
    ],
    "followup_detail": [
        "In return {b} will supply electricity in winter; the deal runs for five years.",
        "{mediator} called it \"a model for the region\".",
        "Farmers' groups downstream welcomed the deal but asked for the water to be measured at the border.",
    ],
    "analysis_title": [
        "Can Central Asia share its water?",
        "Two sets of water talks, one summer deadline",
    ],
    "analysis_lead": [
        "The talks over the {reservoir} are one of several attempts this spring to settle how the region shares "
        "its rivers. Each pair of governments negotiates its own reservoir, but the same mediators and the same "
        "dry summers hang over all of them.",
    ],
    "analysis_close": [
        "Whether the deals survive a dry summer is the real test.",
    ],
}

TALKS_ROUNDS = [
    # one negotiation, five articles: rounds 1-4 and the deal (the deal is a follow-up of round 4)
    dict(round_name="first round", round_text="opened talks", round_verb="open", round_result="opens with maps",
         round_detail="The first round was devoted to data: each side presented its measurements of the river's "
         "flow since 2015.", day=date(2025, 3, 4), venue="Almaty"),
    dict(round_name="second round", round_text="ended without agreement", round_verb="fail to agree at",
         round_result="ends without agreement", round_detail="The second round stalled over the summer release; "
         "the gap between the two figures did not narrow.", day=date(2025, 3, 13), venue="Bishkek"),
    dict(round_name="third round", round_text="narrowed their differences", round_verb="narrow gap in",
         round_result="narrows the gap", round_detail="In the third round the two sides agreed on a joint "
         "measuring station at the border.", day=date(2025, 3, 21), venue="Geneva"),
    dict(round_name="fourth round", round_text="agreed a draft text", round_verb="agree draft in",
         round_result="ends with a draft", round_detail="The fourth round produced a draft that both delegations "
         "took home for approval.", day=date(2025, 4, 1), venue="Almaty"),
]

TALKS_STORIES = [
    dict(id="talks-koshtepa-reservoir", kind="talks", a="Kyrgyzstan", b="Kazakhstan", reservoir="Koshtepa reservoir",
         river="Chu", mediator="Ingrid Solberg-Aas", a_lead="Almazbek Toktorov", b_lead="Dauren Seitkali",
         release=220, offer="160", deal=190, fields=41000, start_month="February", next_venue="Tashkent",
         a_quote="Our reservoir is not a tap that others can open at will.",
         b_quote="Our farmers cannot plant without knowing how much water will come.",
         rounds=TALKS_ROUNDS, followup_days=6, outlets=["Kazakh Times"]),
    dict(id="talks-sarvan-canal", kind="talks", a="Tajikistan", b="Uzbekistan", reservoir="Sarvan canal headworks",
         river="Zeravshan", mediator="Ingrid Solberg-Aas", a_lead="Farrukh Nazarov", b_lead="Otabek Yuldashev",
         release=140, offer="95", deal=120, fields=28000, start_month="January", next_venue="Dushanbe",
         a_quote="We need the winter water for our own power plants.",
         b_quote="The canal has fed the Samarkand fields for centuries.",
         rounds=[dict(TALKS_ROUNDS[1], day=date(2025, 3, 6), venue="Dushanbe",
                      round_detail="The round stalled over winter electricity prices."),
                 dict(TALKS_ROUNDS[2], day=date(2025, 3, 18), venue="Samarkand",
                      round_detail="Both sides agreed to exchange daily flow data."),
                 dict(TALKS_ROUNDS[3], day=date(2025, 3, 27), venue="Geneva",
                      round_detail="A draft was initialled by both delegations.")],
         followup_days=8, outlets=["Tashkent Review"]),
]

# ---------------------------------------------------------------- earthquakes: three in Indonesia, two in Peru
QUAKE = {
    "outlets": ["Pacific Rim Report", "Asia Disaster Watch", "The Equator Post", "Global Hazards Brief",
                "Andean Mail", "Reliefline"],
    "title": [
        "Magnitude {mag} quake kills {dead} in {region}",
        "Earthquake strikes {region}: {dead} dead in {town}",
        "{town} quake: rescuers search rubble",
        "Strong earthquake shakes {region}, {country}",
    ],
    "lead": [
        "A magnitude {mag} earthquake struck {region}, {country}, on {day_wd}, killing at least {dead} people and "
        "damaging {buildings} buildings in and around {town}, the {agency} said.",
        "At least {dead} people were killed when a magnitude {mag} quake shook {town} in {region} early on "
        "{day_wd}, bringing down houses, a market hall and part of a school.",
        "Rescuers in {town}, {region}, dug through rubble on {day_wd} after an earthquake of magnitude {mag} "
        "killed {dead} people and injured {injured}.",
    ],
    "detail": [
        "The quake struck at {time} local time at a depth of {depth} kilometres, with its epicentre {dist} "
        "kilometres {dir} of {town}, according to the {geo}.",
        "{injured} people were injured, {serious} of them seriously, and {displaced} spent the night outside for "
        "fear of aftershocks. {aftershocks} aftershocks were recorded in the first twelve hours.",
        "The worst damage was in {district}, where older brick houses collapsed. The {hospital} treated the "
        "injured in tents in its car park.",
        "No tsunami warning was issued. Power was cut to {power} homes and the road to {town} was blocked by "
        "landslides for several hours.",
    ],
    "quote": [
        "\"The ground moved like a wave, and then the house fell,\" said {resident}, who was pulled out of the "
        "rubble of her home in {district} after six hours.",
        "\"Our priority is to find those still trapped,\" said {agency_head}, head of the {agency}. \"Heavy "
        "machinery is on its way, but the roads are damaged.\"",
        "\"We have not enough doctors and not enough blood,\" said {doctor}, a doctor at the {hospital}.",
        "{official}, the head of {region}'s government, said: \"We will rebuild every school that fell.\"",
    ],
    "background": [
        "{country} lies on the Pacific Ring of Fire and is shaken by thousands of earthquakes a year, most too "
        "small to be felt. The last deadly quake in {region} was in {prev_year}.",
        "Building codes in {country} require quake-resistant construction, but inspectors say they are rarely "
        "applied in small towns such as {town}.",
    ],
    "recap_own": [
        "The magnitude {mag} quake of {day_md} killed {dead} people around {town} in {region}.",
        "The earthquake that hit {town} on {day_md} had a magnitude of {mag}; {dead} people died.",
    ],
    "recap_other": [
        "The quake comes {o_gap} days after a magnitude {o_mag} earthquake killed {o_dead} people around "
        "{o_town} in {o_region}, {o_country}.",
        "It is the second deadly quake in weeks: on {o_day_md}, a magnitude {o_mag} tremor struck {o_town} "
        "({o_region}), killing {o_dead}.",
        "Rescue teams that had worked in {o_town}, {o_region}, after the quake of {o_day_md} were sent on to {town}.",
    ],
    "recap_other_long": [
        "In {o_town}, the magnitude {o_mag} quake of {o_day_md} struck at a depth of {o_depth} kilometres; "
        "{o_dead} people died and {o_injured} were injured, most in {o_district}. \"We are still counting,\" "
        "{o_agency_head} said at the time.",
        "The {o_town} quake left {o_displaced} people without homes; the {o_hospital} is still treating the "
        "injured.",
    ],
    "national": [
        "{agency_head}, head of the {agency}, said {agency_short} teams were already stretched by the disasters "
        "of the past weeks but that the government had released emergency funds.",
        "The president expressed condolences and said ministers would visit {region} on the next day.",
    ],
    "close": [
        "The {geo} warned that aftershocks could continue for several days.",
        "The {agency} said the toll could rise as rescuers reach remote villages.",
    ],
    "followup_title": [
        "{town} quake toll rises to {dead2}",
        "A week after the quake, {town} lives in tents",
    ],
    "followup_lead": [
        "The death toll from the magnitude {mag} earthquake in {region} rose to {dead2} on {fu_wd}, the {agency} "
        "said, as rescuers ended their search of the collapsed buildings in {town}.",
        "{fu_gap_w_cap} days after the earthquake, {displaced} people from {town} are still living in tents.",
    ],
    "followup_detail": [
        "The government promised {grant} in aid per destroyed house.",
        "Schools in {district} will reopen in temporary classrooms next week.",
        "Engineers have marked {unsafe} buildings in {town} as unsafe.",
    ],
    "analysis_title": [
        "Why small-town quakes kill so many",
        "A run of deadly earthquakes: what the tremors have in common",
    ],
    "analysis_lead": [
        "The earthquake that hit {town} was not the strongest of recent weeks, but like the others it exposed the "
        "weakness of buildings in small towns far from the capital. Each quake had its own fault and its own "
        "victims; the pattern of collapse was the same.",
    ],
    "analysis_close": [
        "Seismologists say such quakes cannot be predicted, but the toll can be cut.",
    ],
}

QUAKES = [
    dict(id="quake-tomaluli-sulawesi", kind="quake", country="Indonesia", region="Central Sulawesi",
         town="Tomaluli", mag="6.1", dead=23, dead2=31, injured=180, serious=40, displaced=4200, buildings=870,
         depth=14, dist=22, dir="north-east", time="04:12", aftershocks=37, power=16000, district="Pasar Lama",
         hospital="Tomaluli regional hospital", resident="Sri Wahyuni", doctor="Dr Andi Mappanyukki",
         official="Governor Rusdy Lamadjido", agency="national disaster mitigation agency (BNPB)", agency_short="BNPB",
         agency_head="Dwi Harsono", geo="meteorology and geophysics agency (BMKG)", prev_year=2018,
         grant="50 million rupiah", unsafe=320, day=date(2025, 3, 7), followup_days=5,
         articles=["wire", "rewrite", "local", "followup", "brief"], outlets=["Sulawesi Pos"],
         local=["The old Dutch-era church in Pasar Lama lost its tower.", "A clove warehouse collapsed on six "
                "workers.", "Fishermen in the bay felt the sea pull back but no wave came."]),
    dict(id="quake-sembalun-ntb", kind="quake", country="Indonesia", region="West Nusa Tenggara",
         town="Sembalun Baru", mag="5.8", dead=9, dead2=11, injured=64, serious=12, displaced=1800, buildings=340,
         depth=9, dist=8, dir="south", time="21:47", aftershocks=52, power=5000, district="Lendang Nangka",
         hospital="Selong general hospital", resident="Baiq Nurhayati", doctor="Dr Lalu Fathurrahman",
         official="Governor Lalu Hamzani", agency="national disaster mitigation agency (BNPB)", agency_short="BNPB",
         agency_head="Dwi Harsono", geo="meteorology and geophysics agency (BMKG)", prev_year=2018,
         grant="50 million rupiah", unsafe=150, day=date(2025, 3, 11), followup_days=4,
         articles=["wire", "local", "followup", "analysis"], outlets=["Lombok Post"],
         local=["Two hundred trekkers on the volcano's slopes were brought down by guides.",
                "A mosque's loudspeaker fell during evening prayers.", "Rice terraces cracked along the slope."]),
    dict(id="quake-waipia-maluku", kind="quake", country="Indonesia", region="Maluku", town="Waipia",
         mag="6.4", dead=14, dead2=17, injured=95, serious=21, displaced=3100, buildings=610, depth=27, dist=35,
         dir="west", time="13:05", aftershocks=24, power=9000, district="Negeri Lama",
         hospital="Masohi district hospital", resident="Maria Latuheru", doctor="Dr Johan Pattiasina",
         official="Governor Murad Lessy", agency="national disaster mitigation agency (BNPB)", agency_short="BNPB",
         agency_head="Dwi Harsono", geo="meteorology and geophysics agency (BMKG)", prev_year=2019,
         grant="50 million rupiah", unsafe=260, day=date(2025, 3, 18), followup_days=6,
         articles=["wire", "rewrite", "followup", "local", "copy"], outlets=["Ambon Ekspres"],
         local=["A ferry crossing to Ambon was suspended.", "The clove and nutmeg harvest was under way.",
                "Villagers slept in the church of Negeri Lama, one of the few buildings left standing."]),
    dict(id="quake-chuquibamba-arequipa", kind="quake", country="Peru", region="Arequipa",
         town="Chuquibamba Alta", mag="6.0", dead=7, dead2=8, injured=88, serious=15, displaced=2500,
         buildings=730, depth=41, dist=18, dir="south-west", time="06:30", aftershocks=19, power=7000,
         district="Barrio Santa Ana", hospital="Hospital de Aplao", resident="Lucía Huamaní",
         doctor="Dr Ricardo Zegarra", official="Regional Governor Elmer Cáceres Llica",
         agency="national civil defence institute (INDECI)", agency_short="INDECI", agency_head="Rosa Quispe Llamas",
         geo="Geophysical Institute of Peru", prev_year=2001, grant="15,000 soles", unsafe=410,
         day=date(2025, 3, 14), followup_days=5, articles=["wire", "local", "followup", "brief"],
         outlets=["Correo del Sur"],
         local=["Adobe houses on the terraces above the river collapsed in rows.", "Alpaca herders in the "
                "highlands were reached by radio.", "The colonial church of Santa Ana lost its bell."]),
    dict(id="quake-huancapi-ayacucho", kind="quake", country="Peru", region="Ayacucho", town="Huancapi Nuevo",
         mag="5.6", dead=4, dead2=5, injured=37, serious=6, displaced=900, buildings=280, depth=55, dist=11,
         dir="north", time="17:52", aftershocks=11, power=3000, district="Pampamarca", hospital="Hospital de "
         "Huancapi", resident="Rosa Ccori", doctor="Dr Walter Pariona", official="Regional Governor Wilfredo "
         "Oscorima", agency="national civil defence institute (INDECI)", agency_short="INDECI",
         agency_head="Rosa Quispe Llamas", geo="Geophysical Institute of Peru", prev_year=2016, grant="15,000 soles",
         unsafe=120, day=date(2025, 3, 24), followup_days=4, articles=["wire", "rewrite", "analysis", "followup"],
         outlets=["La República Sur"],
         local=["The market hall's roof fell minutes after traders had left.", "Schoolchildren were evacuated "
                "to the football pitch.", "A landslide dammed a stream above Pampamarca."]),
]

# ---------------------------------------------------------------- elections: three Colombian towns on one day, two more
ELECTION = {
    "outlets": ["El Tiempo Regional", "Colombia Hoy", "The Bogotá Post", "Latin Elections Monitor", "Semana Rural",
                "Radio Andina (bulletin)"],
    "title": [
        "{winner} wins {town} mayoral election",
        "{town} elects {winner} as mayor",
        "{party} candidate takes {town} in special election",
        "Close race in {town}: {winner} declared mayor",
    ],
    "lead": [
        "{winner} of the {party} won the special mayoral election in {town}, {region}, on {day_wd} with {share}% "
        "of the vote, beating {loser} by {margin} votes, according to the national registry.",
        "Voters in {town}, {region}, elected {winner} as their mayor on {day_wd} in a special election called "
        "after {reason}. Turnout was {turnout}%.",
        "{winner} will be the next mayor of {town} after winning {votes} votes in {day_wd}'s special election in "
        "{region}, ahead of {loser} of the {loser_party}.",
    ],
    "detail": [
        "{winner} took {votes} votes against {loser_votes} for {loser}; {others} votes went to the other three "
        "candidates and {blank} were blank.",
        "The election was called after {reason}. The new mayor will serve until the end of the term in 2027.",
        "Turnout was {turnout}%, {turnout_cmp} than in the regular election of 2023.",
        "Observers from the Electoral Observation Mission reported {complaints} complaints, mostly about vote "
        "buying and transport of voters.",
    ],
    "quote": [
        "\"{winner_quote}\" {winner} told supporters in the town's main square.",
        "\"{loser_quote}\" said {loser}.",
        "\"People voted for water and roads, not for parties,\" said {voter}, a shopkeeper in {town}.",
    ],
    "background": [
        "Special elections are held when a mayor dies, resigns or is removed; this year the registry has "
        "organised several on the same days to save costs.",
        "{region} has long been a stronghold of the {loser_party}; the result in {town} is read as a warning "
        "ahead of the regional elections.",
    ],
    "recap_own": [
        "{winner} won the {town} election of {day_md} with {share}% of the vote.",
        "In {town}, {region}, voters chose {winner} on {day_md}.",
    ],
    "recap_other": [
        "On {o_day_md}, voters in {o_town}, {o_region}, elected {o_winner} of the {o_party}.",
        "The result comes {o_gap} days after {o_winner} won the special election in {o_town}, {o_region}.",
        "In {o_town} ({o_region}), which also voted, {o_winner} beat {o_loser} by {o_margin} votes.",
    ],
    "recap_other_long": [
        "In {o_town}, the election was called after {o_reason}. {o_winner} took {o_share}% and turnout was "
        "{o_turnout}%. \"{o_winner_quote}\" {o_winner} said.",
        "The {o_town} race was tighter: {o_margin} votes separated {o_winner} from {o_loser}.",
    ],
    "national": [
        "The national registrar, Hernán Zuluaga Prieto, said the day had passed calmly and that results were "
        "published within two hours of the polls closing.",
        "Interior Minister Alejandra Pombo congratulated the new mayors and said the government would work with "
        "them \"regardless of party\".",
    ],
    "close": [
        "The new mayor is expected to take office within fifteen days.",
        "{loser} has three days to file a challenge with the electoral council.",
    ],
    "followup_title": [
        "{winner} sworn in as {town} mayor",
        "Recount confirms {winner}'s win in {town}",
    ],
    "followup_lead": [
        "{winner} was sworn in as mayor of {town} on {fu_wd}, {fu_gap_w} days after winning the special "
        "election in {region}.",
        "A partial recount requested by {loser} confirmed {winner}'s victory in {town}, the electoral council "
        "said on {fu_wd}.",
    ],
    "followup_detail": [
        "{winner} named {cabinet} as government secretary and promised an audit of the previous administration.",
        "The recount covered {tables} polling tables and changed the result by {changed} votes.",
    ],
    "analysis_title": [
        "What the special elections tell us",
        "Small towns, big message: the special elections",
    ],
    "analysis_lead": [
        "The special election in {town} was one of several held this month, each in a town whose mayor had left "
        "office early, and each with its own local quarrels.",
    ],
    "analysis_close": [
        "The regional elections will show whether the trend holds.",
    ],
}

ELECTIONS = [
    dict(id="election-sotaquira-boyaca", kind="election", town="Sotaquirá del Valle", region="Boyacá",
         winner="Edilberto Gamboa", party="Green Alliance", loser="Mireya Cárdenas", loser_party="Liberal Party",
         share="46.2", margin=312, votes=4210, loser_votes=3898, others=780, blank=96, turnout=58,
         turnout_cmp="higher", complaints=14, reason="the former mayor was removed for irregular contracts",
         winner_quote="This town voted against the old ways.", loser_quote="We will review every table.",
         voter="Ana Rita Pinzón", cabinet="Julio Avella", tables=18, changed=7, day=date(2025, 3, 16),
         followup_days=6, articles=["wire", "local", "followup", "brief"], outlets=["Boyacá 7 Días"],
         local=["Voting was slowed by rain in the rural tables of the páramo.", "The town's dairy cooperative "
                "lent its trucks to carry ballot boxes.", "A brass band played in the square after the count."]),
    dict(id="election-la-cruz-narino", kind="election", town="La Cruz de Mayasquer", region="Nariño",
         winner="Yolanda Ortega", party="Historical Pact", loser="Jairo Benavides", loser_party="Conservative Party",
         share="52.8", margin=1140, votes=5630, loser_votes=4490, others=410, blank=120, turnout=61,
         turnout_cmp="higher", complaints=9, reason="the mayor died in a road accident",
         winner_quote="I will be the mayor of the villages, not only of the centre.",
         loser_quote="The people have spoken and we accept it.", voter="Segundo Chamorro", cabinet="Rubiela Erazo",
         tables=6, changed=2, day=date(2025, 3, 16), followup_days=5, articles=["wire", "rewrite", "local", "followup"],
         outlets=["Diario del Sur"],
         local=["Indigenous guards helped organise the queues at the rural polling stations.",
                "Voters in three villages crossed a river by cable car to vote.",
                "The late mayor's widow voted first."]),
    dict(id="election-timana-huila", kind="election", town="Timaná Bajo", region="Huila", winner="Óscar Perdomo",
         party="Radical Change", loser="Luz Dary Cuéllar", loser_party="Green Alliance", share="39.5", margin=87,
         votes=3020, loser_votes=2933, others=1410, blank=210, turnout=54, turnout_cmp="lower", complaints=21,
         reason="the mayor resigned to run for the regional assembly", winner_quote="Every vote counted today.",
         loser_quote="Eighty-seven votes is not a mandate; we want a recount.", voter="Hernando Trujillo",
         cabinet="Marleny Polanco", tables=24, changed=11, day=date(2025, 3, 16), followup_days=7,
         articles=["wire", "local", "followup", "analysis"], outlets=["La Nación Huila"],
         local=["Coffee pickers were given the morning off to vote.", "Police seized cash in a car near a rural "
                "polling station.", "The count ran past midnight in two tables."]),
    dict(id="election-san-vicente-caldas", kind="election", town="San Vicente de Guática", region="Caldas",
         winner="Beatriz Arango", party="Liberal Party", loser="Fabio Londoño", loser_party="Democratic Centre",
         share="48.9", margin=640, votes=3880, loser_votes=3240, others=520, blank=88, turnout=57,
         turnout_cmp="slightly higher", complaints=6, reason="the mayor was suspended by the inspector general",
         winner_quote="Coffee country deserves honest government.", loser_quote="We congratulate the winner.",
         voter="Gloria Valencia", cabinet="Andrés Hoyos", tables=4, changed=1, day=date(2025, 3, 30),
         followup_days=4, articles=["wire", "rewrite", "local", "followup"], outlets=["La Patria Regional"],
         local=["Arango is the first woman to be mayor of the town.",
                "Rain closed a rural road and ballot boxes went by mule.",
                "Supporters released balloons in the party's colour."]),
    dict(id="election-puerto-nare-antioquia", kind="election", town="Puerto Nare Viejo", region="Antioquia",
         winner="Gilberto Restrepo", party="Democratic Centre", loser="Diana Mesa", loser_party="Historical Pact",
         share="50.4", margin=410, votes=4420, loser_votes=4010, others=330, blank=140, turnout=49,
         turnout_cmp="lower", complaints=12, reason="the mayor was arrested for links to illegal mining",
         winner_quote="We will take the town back from the miners.", loser_quote="The fight against corruption "
         "goes on.", voter="Wilmer Arboleda", cabinet="Natalia Giraldo", tables=9, changed=3, day=date(2025, 3, 30),
         followup_days=5, articles=["wire", "local", "followup", "brief"], outlets=["El Colombiano Regional"],
         local=["The army guarded the river ports where ballot boxes arrived.", "Turnout was lowest in the mining "
                "settlements upriver.", "The cement plant gave its workers time off."]),
]

# ---------------------------------------------------------------- fires: three in Portugal (one in Valdomar)
FIRE = {
    "outlets": ["Correio do Atlântico", "Jornal de Valdomar", "The Lisbon Courier", "Notícias do Centro",
                "Rádio Renascer (bulletin)"],
    "title": [
        "Fire destroys {site} in {town}",
        "{town}: blaze at {site}, {hurt} hurt",
        "Firefighters fight {hours}-hour blaze at {town} {site_short}",
    ],
    "lead": [
        "A fire destroyed {site} in {town} on {day_wd}, injuring {hurt} people and sending a column of black "
        "smoke over the {area}, the civil protection authority said.",
        "More than {firefighters} firefighters took {hours} hours to bring under control a fire that broke out at "
        "{site} in {town} on {day_wd} night.",
    ],
    "detail": [
        "The fire started at about {time} in {origin}, according to the local fire commander, {commander}. "
        "{hurt_w_cap} people were treated for smoke inhalation, {serious} of them in hospital.",
        "{firefighters} firefighters and {engines} engines from {n_brigades} brigades fought the blaze. Residents "
        "within 500 metres were told to keep their windows closed.",
        "The {site_short} employed {staff} people. The owner, {owner}, estimated the damage at {damage} euros.",
        "The judicial police opened an investigation into the cause.",
    ],
    "quote": [
        "\"The roof came down within twenty minutes; there was nothing left to save,\" said {commander}.",
        "\"We built this over thirty years and it burned in one night,\" said {owner}.",
        "\"I saw the flames from my kitchen and called everyone I know,\" said {witness}, a neighbour.",
    ],
    "background": [
        "Fires at industrial sites have risen in Portugal in recent years; the civil protection authority "
        "blames old electrical installations and stored flammable goods.",
        "The {area} has had several fires in the last decade, the largest in {prev_year}.",
    ],
    "recap_own": [
        "The fire at {site} in {town} on {day_md} injured {hurt} people.",
    ],
    "recap_other": [
        "It is the second large fire in the region in weeks, after the blaze at {o_site} in {o_town} on {o_day_md}.",
        "The fire comes {o_gap} days after flames destroyed {o_site} in {o_town}.",
    ],
    "recap_other_long": [
        "The {o_town} fire, at {o_site}, started in {o_origin} and took {o_firefighters} firefighters {o_hours} "
        "hours to control; {o_hurt} people were hurt.",
    ],
    "national": [
        "The national civil protection commander, José Fragateiro, said investigators were looking at each fire "
        "separately and that no link had been found.",
        "The interior ministry said it would review fire safety rules for warehouses.",
    ],
    "close": [
        "Firefighters stayed on site overnight to prevent flare-ups.",
        "The cause of the fire is not yet known.",
    ],
    "followup_title": [
        "{town} fire: investigators point to {cause}",
        "After the {town} fire, {staff} jobs in doubt",
    ],
    "followup_lead": [
        "Investigators said on {fu_wd} that the fire that destroyed {site} in {town} was probably caused by "
        "{cause}.",
        "{fu_gap_w_cap} days after the fire at {site} in {town}, the {staff} people who worked there do not know "
        "whether they still have a job.",
    ],
    "followup_detail": [
        "{owner} said the company would rebuild if the insurers paid.",
        "The municipality offered temporary premises in its industrial park.",
    ],
    "analysis_title": ["Why Portugal's warehouses keep burning"],
    "analysis_lead": [
        "The fire in {town} is one of several large industrial fires this spring, each with its own cause.",
    ],
    "analysis_close": ["Inspectors say most warehouses have never been checked."],
}

FIRES = [
    dict(id="fire-valdomar-port-warehouse", kind="fire", town="Valdomar", site="a cork warehouse at the port",
         site_short="port", area="port district", hurt=3, serious=1, firefighters=120, engines=34, n_brigades=9,
         hours=11, time="22:40", origin="a forklift charging bay", commander="Commander Sérgio Malheiro",
         staff=85, owner="Amadeu Corticeira", damage=9000000, witness="Lurdes Pinho", cause="an electrical fault",
         prev_year=2017, day=date(2025, 3, 15), followup_days=5, articles=["wire", "local", "followup", "rewrite"],
         outlets=["Jornal de Valdomar"],
         local=["Dockworkers on strike outside the terminal helped move cars away from the flames.",
                "Cork bales burned for two days after the fire was declared under control.",
                "The smoke closed the port access road."]),
    dict(id="fire-arrifana-textile", kind="fire", town="Arrifana do Sousa", site="a textile factory",
         site_short="factory", area="Sousa valley", hurt=7, serious=2, firefighters=90, engines=25, n_brigades=7,
         hours=6, time="03:15", origin="the dyeing hall", commander="Commander Paula Rebelo", staff=140,
         owner="Manuel Sousa Vieira", damage=4500000, witness="Hélio Baptista", cause="a dryer left running",
         prev_year=2020, day=date(2025, 3, 20), followup_days=6, articles=["wire", "local", "followup", "analysis"],
         outlets=["Notícias do Vale"],
         local=["The night shift of seven workers escaped through a loading door.",
                "Rolls of dyed cloth burned in the yard.", "The factory made shirts for a Spanish chain."]),
    dict(id="fire-ourique-recycling", kind="fire", town="Ourique Velho", site="a plastics recycling plant",
         site_short="plant", area="Alentejo plain", hurt=2, serious=1, firefighters=150, engines=40, n_brigades=12,
         hours=14, time="15:05", origin="a pile of shredded plastic", commander="Commander Rui Amaral", staff=60,
         owner="Fernando Calisto, who runs Ecociclo Sul", damage=3200000, witness="Dores Calado",
         cause="self-heating of stored plastic",
         prev_year=2019, day=date(2025, 3, 27), followup_days=4, articles=["wire", "rewrite", "local", "followup"],
         outlets=["Diário do Alentejo"],
         local=["Toxic smoke led to the closure of two schools.", "Air quality monitors showed high levels of fine "
                "particles in Beja.", "Cork oaks at the edge of the site were scorched."]),
]

KINDS = {"flood": FLOOD, "strike": STRIKE, "ruling": RULING, "talks": TALKS, "quake": QUAKE, "election": ELECTION,
         "fire": FIRE}


def _prepared(story: dict) -> dict:
    s = dict(story)
    s["fu"] = s["day"] + timedelta(days=s.get("followup_days", 5))
    s["fu_gap"] = s.get("followup_days", 5)
    for key in ("days", "dead", "missing", "hurt", "fu_gap"):
        if key in s:
            words = {0: "no", 1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
                     9: "nine", 10: "ten", 11: "eleven", 12: "twelve", 14: "fourteen", 23: "twenty-three"}
            w = words.get(s[key], f"{s[key]:,}")
            s[key + "_w_cap"] = w[0].upper() + w[1:]
    if "days" in s:
        s["days_w_ord"] = {2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth"}[s["days"]]
    for key in ("workers", "service", "site"):
        if key in s:
            s[key + "_cap"] = s[key][0].upper() + s[key][1:]
    if "strikers" in s:
        s["leader_pronoun"] = s.get("leader_pronoun", "they")
    return s


def _talks(story: dict) -> list[dict]:
    """A negotiation's rounds as articles of one story: each round a report, the last also a deal."""
    out = []
    base = {k: v for k, v in story.items() if k != "rounds"}
    rounds = story["rounds"]
    for k, r in enumerate(rounds):
        s = dict(base, **r)
        s["articles"] = ["wire"] if k < len(rounds) - 1 else ["wire", "followup"]
        s["local"] = [r["round_detail"], f"The session in {r['venue']} lasted two days."]
        out.append(s)
    return out


STORIES: list[dict] = [_prepared(s) for s in FLOODS + STRIKES + RULINGS + QUAKES + ELECTIONS + FIRES]
STORIES += [_prepared(s) for t in TALKS_STORIES for s in _talks(t)]

# ---------------------------------------------------------------- longer paragraphs every shape draws on
FLOOD.update(
    scene=[
        "By mid-morning on {day_wd} the main street of {town} had become a brown river. Men waded chest-deep to "
        "reach the pharmacy, shopkeepers stacked goods on the counters, and a priest rowed past the bank with two "
        "elderly women and a dog in the boat. On the edge of town, where the fields begin, only the tops of the "
        "fence posts showed above the water, and cattle stood on the embankment of {road}, the only dry ground for "
        "kilometres.",
        "In the {shelter}, camp beds stood in rows under the basketball hoops. Volunteers handed out soup and dry "
        "clothes, a nurse checked blood pressure at a folding table, and children drew pictures of boats. Families "
        "had brought what they could carry: a television wrapped in plastic, a birdcage, a box of documents. "
        "Lists of the evacuated were pinned by the door so that relatives could find each other.",
    ],
    explainer=[
        "Hydrologists say the floods of this season follow a pattern. Heavy rain falls on soil that is already "
        "saturated, the small rivers and streams rise within hours, and the big rivers of the basin, slower to "
        "react, stay high for weeks and stop the tributaries from draining. Towns built on the flood plain, often "
        "around old railway stations or river ports, are hit first and drain last.",
        "Argentina's provinces are responsible for flood defences, but most depend on federal money to build them. "
        "An audit published last year found that two out of three flood works financed since 2010 were either "
        "unfinished or had never been maintained, and that few towns had tested evacuation plans.",
    ],
    reaction=[
        "Opposition deputies in the provincial legislature called for an inquiry into why the warning reached "
        "{town} so late. The provincial governor promised a reconstruction plan within thirty days.",
        "The Catholic charity Cáritas and the Red Cross opened collection points in the provincial capital, and a "
        "group of football clubs announced a match to raise money for the families of {town}.",
    ],
)
STRIKE.update(
    scene=[
        "At dawn the pickets lit braziers against the cold and hung their union's banners from the railings. A "
        "van sold coffee, retired members came with bread and cheese, and a loudspeaker played old protest songs. "
        "Passers-by stopped to sign a petition on a clipboard; a few argued, most shrugged. By nine o'clock the "
        "crowd outside {site} had grown to several hundred, and the police had closed one lane of the avenue.",
        "For the people of Valdomar the strike was one more thing to plan around. Parents swapped messages about "
        "who could take whom where, shops put up handwritten signs, and the city's radio station read out the "
        "list of what was running and what was not between the traffic news and the weather.",
    ],
    explainer=[
        "Under Portuguese law a strike must be announced at least five working days in advance in essential "
        "services, and an arbitration panel sets the minimum services that must be kept. Unions and employers "
        "often dispute those minimums, and the panel's decisions are regularly challenged in court.",
        "Wages in Valdomar are close to the national average, but rents in the city have risen by more than half "
        "in five years, according to the national statistics office. Many workers now commute from towns thirty "
        "or forty kilometres away, where housing is cheaper but transport is scarce.",
    ],
    reaction=[
        "Business associations in Valdomar said the strikes were damaging the city's image at the start of the "
        "tourist season and asked the government to intervene.",
        "Left-wing councillors joined the pickets and called on the city to use its own budget to settle the "
        "dispute; the centre-right majority on the council said it could not pay for every demand.",
    ],
)
RULING.update(
    scene=[
        "The courtroom in {city} was full long before the judges came in. Lawyers in black robes sorted their "
        "files, a few journalists took the press bench, and {plaintiff_side_short}'s supporters filled the public "
        "seats. The reading of the ruling took under half an hour; the reasons, the presiding judge said, would "
        "follow in writing.",
        "Outside the court building, television crews waited in the rain. When the lawyers came out, they gave "
        "short statements on the steps, each side choosing its words carefully, before getting into their cars.",
    ],
    explainer=[
        "German courts rarely decide such cases quickly: a first-instance judgment often takes two years, and an "
        "appeal can add two more. Rulings of a single court bind only the parties, though lawyers read them "
        "closely for how the judges weigh evidence and duties.",
        "Companies facing several cases at once usually set aside provisions in their accounts for the expected "
        "costs; auditors check whether those provisions are large enough each year.",
    ],
    reaction=[
        "Shareholder groups asked the company to explain at its annual meeting how many other legal disputes it "
        "is facing and what they might cost.",
        "Lawyers not involved in the case said the ruling was carefully reasoned and likely to survive an appeal.",
    ],
)
TALKS.update(
    scene=[
        "The delegations met in a hotel conference room with a long table, two flags at either end and a map of "
        "the basin on an easel. Experts sat behind the negotiators with laptops full of flow data. Coffee breaks "
        "ran long; most of the real bargaining, participants said, happened in the corridor.",
        "Reporters waited in the lobby for most of the day. When the doors opened, the heads of delegation came "
        "out together, which observers took as a good sign, and spoke for a few minutes each.",
    ],
    explainer=[
        "Upstream countries in the region store water in winter to generate electricity, when demand for power is "
        "highest; downstream countries need that water in summer for irrigation. Without an agreement, both "
        "lose: dams release water at the wrong time, and fields go dry while turbines stand idle.",
        "Similar agreements were signed in the 1990s but lapsed when the barter of water for energy broke down "
        "over prices and late deliveries.",
    ],
    reaction=[
        "Environmental groups asked that any deal include a minimum flow for the river's wetlands.",
        "Farmers' unions downstream said they would judge any deal by the water that reaches their canals in July.",
    ],
)
QUAKE.update(
    scene=[
        "In {district} whole rows of houses had folded in on themselves. Neighbours worked with shovels and bare "
        "hands, passing bricks along a human chain, and fell silent whenever a rescuer raised a hand to listen "
        "for voices. Families sat on plastic chairs in the street beside what they had saved: a mattress, a gas "
        "bottle, a framed photograph.",
        "At the {hospital} the injured lay on stretchers in the courtyard, because staff feared that the "
        "building itself was not safe. Doctors worked under lamps powered by a generator, and relatives queued "
        "at a table where volunteers kept a handwritten list of names.",
    ],
    explainer=[
        "Shallow earthquakes do more damage than deep ones of the same magnitude, because the energy has less "
        "rock to travel through before it reaches the surface. Houses of unreinforced brick or adobe, common in "
        "small towns, collapse easily, while reinforced concrete frames usually survive shaking of this kind.",
        "Aftershocks are common for days or weeks after a strong quake and can bring down buildings that were "
        "weakened by the first shock, which is why officials tell residents not to return to damaged houses.",
    ],
    reaction=[
        "Aid agencies sent tents, water purification tablets and blankets, and neighbouring regions offered "
        "search teams and sniffer dogs.",
        "Opposition politicians asked why a school built only six years ago had collapsed and called for an "
        "inquiry into its construction.",
    ],
)
ELECTION.update(
    scene=[
        "Queues formed outside the schools used as polling stations before they opened at eight. Soldiers "
        "guarded the ballot boxes, party volunteers in coloured caps handed out leaflets at a legal distance, and "
        "food stalls sold arepas and coffee. In the afternoon rain thinned the lines, and officials hurried to "
        "finish the count before dark.",
        "When the result was announced, supporters of the winner poured into the square with flags and drums. "
        "Fireworks went off over the church; the losing camp's headquarters, a few blocks away, stayed dark.",
    ],
    explainer=[
        "Colombia holds special elections when a mayor's post falls vacant with more than eighteen months of "
        "the term left. They are run by the national registry, with the same rules as regular elections, and "
        "often attract lower turnout.",
        "Local elections in Colombia are watched closely for vote buying and for pressure from armed groups; the "
        "Electoral Observation Mission sends observers to towns where it sees a risk.",
    ],
    reaction=[
        "Party leaders in Bogotá claimed the result as a sign of their strength, although local alliances in "
        "small towns often cross national party lines.",
        "Civil society groups asked the new mayor to publish the town's contracts online within a month.",
    ],
)
FIRE.update(
    scene=[
        "Flames could be seen from several kilometres away. Firefighters poured water on the neighbouring "
        "buildings to stop the fire spreading while the roof of the burning hall sagged and fell. Police closed "
        "the surrounding roads, and neighbours watched from behind the tape, some in their nightclothes.",
        "In the morning the site was a field of twisted steel and ash. Firefighters walked through it with hoses, "
        "damping down hot spots, while the owner and a group of workers stood at the gate looking at what was "
        "left.",
    ],
    explainer=[
        "Warehouses and factories built before the 2008 fire safety rules are not required to install "
        "sprinklers unless they are renovated, and many in the older industrial zones never were.",
        "Investigators usually take weeks to determine the cause of a large fire, because the hottest part of "
        "the blaze often destroys the evidence.",
    ],
    reaction=[
        "The municipality's mayor visited the site and promised help for the workers.",
        "Environmental groups asked for the results of air measurements to be published.",
    ],
)

FLOOD["context"] = [
    "Local radio stations turned into emergency switchboards, reading out the names of families waiting to be "
    "picked up and the streets the boats had already searched. The municipal hall kept its lights on all "
    "night with a generator, and the town's two ambulances shuttled between the shelters and the small "
    "hospital, where doctors treated hypothermia, cuts and a few snake bites.",
    "Many of the families who live closest to the river are recent arrivals, who built on cheap land the "
    "municipality had never officially opened to housing. Officials in {region} acknowledge that moving them "
    "would be expensive and unpopular, and that every flood brings the question back.",
    "Insurance covers few of the homes in {town}, and farmers who lost crops will have to rely on the "
    "provincial agricultural emergency law, which allows them to postpone taxes and loan payments for a year.",
]
STRIKE["context"] = [
    "The dispute has divided opinion in the city. A poll for the local newspaper last month found that a "
    "majority of residents sympathised with the demands of the city's workers, but that a similar share "
    "said the repeated strikes were making daily life difficult and hurting small businesses.",
    "Union membership in Valdomar is higher than the national average, a legacy of the shipyards that once "
    "employed tens of thousands in the city. The yards closed in the 1990s, but the unions kept their "
    "offices, their social clubs and their habit of mobilising quickly.",
    "Previous disputes in the city have usually ended with a compromise brokered in the last hours before a "
    "strike, and both sides say privately that they expected this one to end the same way.",
]
RULING["context"] = [
    "Braxmoor's legal department has grown from a handful of lawyers to more than forty since 2021, according "
    "to the company's annual report, and it now uses outside law firms in several cities. The company says "
    "the number of cases reflects its size rather than any change in how it behaves.",
    "Critics, among them the union IG Chemie and several environmental groups, argue that the company became "
    "more aggressive after the merger with Veldhaven, cutting costs and contesting fines it would once have "
    "paid. The company rejects that description.",
    "Annual reports show that Braxmoor's profits rose after the merger, while its workforce in Germany fell by "
    "about 1,200 people, mostly through early retirement.",
]
TALKS["context"] = [
    "The region's rivers rise in the glaciers of the high mountains and cross several borders before they "
    "reach the plains. Climate scientists say the glaciers are shrinking, which for now increases the summer "
    "flow but will reduce it within a few decades, making agreements on storage more urgent.",
    "Relations between the governments have improved in recent years, with new border crossings, direct "
    "flights and trade agreements, and diplomats say a water deal would be the most important sign yet that "
    "old quarrels can be settled at the table rather than at the border posts.",
    "Past summers of shortage led to clashes between villagers at canals near the border, and in one case to "
    "shots fired between border guards; both governments want to avoid a repetition.",
]
QUAKE["context"] = [
    "Rescue work was slowed by the terrain. Roads to outlying villages wind along steep valleys, and "
    "landslides triggered by the shaking blocked several of them. Teams on motorbikes and on foot reached "
    "some hamlets only in the afternoon, and helicopters dropped food and tarpaulins where no vehicle could "
    "pass.",
    "Officials said the number of dead could rise because communications with several villages were cut. "
    "Mobile phone masts went down with the power, and the only news from some communities came from people "
    "who walked out to the main road.",
    "Reconstruction after earlier quakes in the country has been slow: families in some villages still live "
    "in temporary shelters years later, and audits have found that aid money was spent on houses that were "
    "never built.",
]
ELECTION["context"] = [
    "Campaigns in small towns are short and personal. Candidates go door to door, hold rallies in the main "
    "square and promise roads, water pipes and jobs at the town hall, which is often the largest employer. "
    "National parties lend their logos but rarely their money.",
    "The town's previous administration left debts with suppliers and several unfinished works, among them a "
    "sewage plant and a covered market, which the new mayor will have to deal with in the first months.",
    "Observers said the campaign had been calm, with no reports of violence, although candidates complained "
    "of posters torn down and of rumours spread on messaging groups in the final days.",
]
FIRE["context"] = [
    "Neighbours said they had heard small explosions before the flames broke through the roof, probably gas "
    "bottles or chemical drums stored on the site. Firefighters said the materials inside made the fire "
    "hard to put out, and that foam had to be brought from another district.",
    "The site lies in an industrial zone built in the 1980s close to houses, a mix that planners now avoid. "
    "Residents' associations have asked for years for the riskiest businesses to be moved further out.",
    "Insurance experts said the loss was likely to be covered, but that rebuilding could take more than a year "
    "and that some customers would move their orders elsewhere in the meantime.",
]
