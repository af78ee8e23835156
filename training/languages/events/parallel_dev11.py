#!/usr/bin/env python
"""Write ``training/languages/events/parallel_dev11.jsonl``: ten invented events, each told in en/ru/uk/es, in the
format of parallel_dev.jsonl. An eleventh development set of the parallel check (``scripts/eval_events_languages.py
--set training/languages/events/dev4 --parallel training/languages/events/parallel_dev11.jsonl``), written in the
seventeenth round before any change, from the PLOVER definitions (``storyline/data/plover_definitions.yaml``), never
from the seeds, the demo corpus or frozen/. Each article is by its own invented outlet and written natively, not
translated. What it leans on:

- targets in an oblique case: genitive after "от" / "від" / "из" / "з", the owner of the object noun ("запрос
  Нигерии", "la solicitud de Nigeria"), datives ("Монголии", "Мадриду"), instrumentals ("со Всемирным банком");
- Spanish "a" / "de" / "ante" / "contra" phrases ("exigió a Noruega", "ante el encargado de negocios de Bielorrusia");
- passives with the agent in a by-phrase or the instrumental ("fue acusada por", "был отклонён властями Ганы",
  "was rejected by") and a fronted object (uk);
- inflected and abbreviated names (ФРГ, МИД, МЗС, uk instrumental people), a surname alone after the first mention;
- a pronoun or a description as the source ("Він", "Ведомство", "El Gobierno argelino");
- a third party in the sentence (a fishing company, a UN rapporteur, a mediator, the Red Cross, a businessman to be
  extradited, the animal health body, a guarantor).

    python training/languages/events/parallel_dev11.py
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from parallel_rows import names, write

OUT = Path(__file__).resolve().parent / "parallel_dev11.jsonl"

# (event, type, source, target, event day, {lang: (outlet, title, text, published or None for the event's day)})
EVENTS = [
    ("p11-01", "REQUEST", names("Iceland", "Исландия", "Ісландія", "Islandia"),
     names("Norway", "Норвегии", "Норвегії", "Noruega"), "2026-05-12", {
         "en": ("North Atlantic Ledger", "Iceland demands compensation from Norway over trawler collision",
                "Iceland on Tuesday demanded compensation from Norway for the damage a Norwegian trawler owned by "
                "the Havbruk group caused to two Icelandic research buoys.", None),
         "ru": ("Северный вестник", "Исландия потребовала от Норвегии компенсации",
                "Исландия во вторник потребовала от Норвегии возместить ущерб, который норвежский траулер "
                "компании «Хавбрук» нанес двум исландским исследовательским буям.", None),
         "uk": ("Морський кур'єр", "Рейк'явік вимагає від Осло компенсації",
                "Ісландія у вівторок зажадала від Норвегії компенсації за пошкодження двох дослідницьких буїв, "
                "яке спричинив траулер норвезької компанії «Гавбрук».", None),
         "es": ("Diario del Atlántico Norte", "Islandia exige a Noruega una indemnización por los daños de un "
                "pesquero", "Islandia exigió el martes a Noruega una indemnización por los daños que un pesquero "
                "de la empresa noruega Havbruk causó a dos boyas científicas islandesas.", None),
     }),
    ("p11-02", "SANCTION", names("Canada", "Канада", "Канада", "Canadá"),
     names("Myanmar", "Мьянмы", "М'янми", "Myanmar"), "2026-05-14", {
         "en": ("Ottawa Dispatch", "Canada sanctions Myanmar's generals",
                "Canada imposed sanctions on Thursday on the military leadership of Myanmar, citing a report by the "
                "UN special rapporteur on forced labour in jade mines.", None),
         "ru": ("Международная панорама", "Канада ввела санкции против военных Мьянмы",
                "Канада в четверг ввела санкции против военного руководства Мьянмы, сославшись на доклад "
                "спецдокладчика ООН о принудительном труде на нефритовых рудниках.", None),
         "uk": ("Світовий огляд", "Оттава запровадила санкції проти хунти М'янми",
                "Санкції проти військового керівництва М'янми в четвер запровадила Канада. Підставою стала "
                "доповідь спецдоповідача ООН про примусову працю на нефритових копальнях.", None),
         "es": ("El Heraldo Internacional", "Canadá sanciona a la cúpula militar de Myanmar",
                "Canadá impuso el jueves sanciones contra la cúpula militar de Myanmar, tras un informe del "
                "relator especial de la ONU sobre trabajo forzoso en las minas de jade.", None),
     }),
    ("p11-03", "ACCUSE", names("Tomás Aravena", "Томас Аравена", "Томас Аравена", "Tomás Aravena"),
     names("Bolivia", "Боливию", "Болівію", "Bolivia"), "2026-05-13", {
         "en": ("Andean Times", "Chile accuses Bolivia of sheltering smugglers",
                "Chile's interior minister, Tomás Aravena, accused Bolivia on Wednesday of sheltering the smuggling "
                "gangs that cross the Atacama border, after talks hosted by Peru broke down.", None),
         "ru": ("Вести Латинской Америки", "Глава МВД Чили обвинил Боливию в укрывательстве контрабандистов",
                "Переговоры при посредничестве Перу сорвались. В среду министр внутренних дел Чили Томас Аравена "
                "обвинил Боливию в том, что она укрывает банды контрабандистов.", None),
         "uk": ("Південноамериканський тиждень", "Чилі звинуватило Болівію",
                "Міністр внутрішніх справ Чилі Томас Аравена в середу виступив після зриву переговорів у Перу. "
                "Він звинуватив Болівію в переховуванні банд контрабандистів, які перетинають кордон в Атакамі.",
                None),
         "es": ("La Tercera Hora", "Bolivia, acusada por Aravena de proteger a contrabandistas",
                "Bolivia fue acusada este miércoles por el ministro del Interior de Chile, Tomás Aravena, de "
                "proteger a las bandas de contrabando que cruzan la frontera de Atacama, tras el fracaso de la "
                "mediación peruana.", None),
     }),
    ("p11-04", "AID", names("Japan", "Японией", "Японія", "Japón"),
     names("Mongolia", "Монголии", "Монголії", "Mongolia"), "2026-05-15", {
         "en": ("Asia Relief Wire", "Japan sends winter aid to Mongolia",
                "Japan delivered 300 tonnes of fodder and medicine to Mongolia on Friday after a harsh winter killed "
                "livestock, the Mongolian Red Cross said; it will hand the aid out to herders.", None),
         "ru": ("Азиатский обозреватель", "Япония помогла Монголии после суровой зимы",
                "Гуманитарный груз для Монголии — 300 тонн кормов и лекарств — был отправлен Японией в пятницу. "
                "Раздавать помощь скотоводам будет Монгольский Красный Крест.", None),
         "uk": ("Гуманітарний вісник", "Японія надала Монголії 300 тонн допомоги",
                "Японія в п'ятницю надала Монголії 300 тонн кормів і ліків після суворої зими, повідомив "
                "Монгольський Червоний Хрест, який роздаватиме допомогу скотарям.", None),
         "es": ("Agencia Oriente", "Japón envía ayuda invernal a Mongolia",
                "Japón entregó el viernes a Mongolia 300 toneladas de forraje y medicinas tras un invierno que "
                "diezmó el ganado, según la Cruz Roja de Mongolia, que la repartirá entre los pastores.", None),
     }),
    ("p11-05", "CONSULT", names("Katrin Weber", "Катрин Вебер", "Катрін Вебер", "Katrin Weber"),
     names("Yerlan Saparov", "Ерланом Сапаровым", "Єрланом Сапаровим", "Yerlan Saparov"), "2026-05-18", {
         "en": ("Berlin Briefing", "German foreign minister holds talks in Astana",
                "German Foreign Minister Katrin Weber met Kazakhstan's President Yerlan Saparov in Astana on Monday "
                "to discuss rare earth supplies, a week after Uzbekistan offered Berlin similar deals.", None),
         "ru": ("Евразия сегодня", "Глава МИД ФРГ провела переговоры в Астане",
                "Глава МИД ФРГ Катрин Вебер в понедельник провела в Астане переговоры с президентом Казахстана "
                "Ерланом Сапаровым о поставках редкоземельных металлов.", None),
         "uk": ("Центральна Азія", "Вебер зустрілася з Сапаровим",
                "Очільниця МЗС Німеччини Катрін Вебер у понеділок зустрілася в Астані з президентом Казахстану "
                "Єрланом Сапаровим. Сторони обговорили постачання рідкісноземельних металів.", None),
         "es": ("Crónica Global", "La canciller alemana se reúne con Saparov en Astaná",
                "La ministra alemana de Exteriores, Katrin Weber, se reunió el lunes en Astaná con el presidente de "
                "Kazajistán, Yerlan Saparov, para hablar del suministro de tierras raras.", None),
     }),
    ("p11-06", "PROTEST", names("Lithuania", "Литва", "Литва", "Lituania"),
     names("Belarus", "Белоруссии", "Мінську", "Bielorrusia"), "2026-05-19", {
         "en": ("Baltic Monitor", "Lithuania protests to Belarus over balloon incursions",
                "Lithuania lodged a formal protest with Belarus on Tuesday over balloons that crossed into its "
                "airspace, and asked the European Commission to raise the matter in Brussels.", None),
         "ru": ("Балтийское обозрение", "Вильнюс вручил ноту протеста",
                "Литва во вторник вручила ноту протеста временному поверенному в делах Белоруссии из-за "
                "воздушных шаров, залетевших в ее воздушное пространство. Ведомство также обратилось к "
                "Еврокомиссии.", None),
         "uk": ("Литовські новини", "Литва висловила протест Мінську",
                "Литва у вівторок висловила рішучий протест Мінську через повітряні кулі, що залетіли в її "
                "повітряний простір, і звернулася до Єврокомісії.", None),
         "es": ("Noticias del Báltico", "Lituania protesta ante Bielorrusia por los globos",
                "Lituania presentó el martes una protesta formal ante el encargado de negocios de Bielorrusia por "
                "los globos que penetraron en su espacio aéreo y pidió a la Comisión Europea que intervenga.", None),
     }),
    ("p11-07", "REJECT", names("Ghana", "Ганы", "Гана", "Ghana"),
     names("Nigeria", "Нигерии", "Нігерії", "Nigeria"), "2026-05-20", {
         "en": ("West Africa Review", "Ghana refuses to extradite businessman to Nigeria",
                "Nigeria's request to extradite the businessman Kwabena Osei was rejected by Ghana on Wednesday, "
                "Accra said, citing the risk of an unfair trial.", None),
         "ru": ("Африканский курьер", "Гана не выдаст бизнесмена Нигерии",
                "Запрос Нигерии об экстрадиции бизнесмена Квабены Осеи был отклонен властями Ганы в среду: Аккра "
                "сослалась на риск несправедливого суда.", None),
         "uk": ("Африка сьогодні", "Гана відхилила запит Нігерії",
                "Гана в середу відхилила запит Нігерії про видачу бізнесмена Квабени Осеї, пославшись на ризик "
                "несправедливого суду.", None),
         "es": ("El Observador Africano", "Ghana rechaza la petición de Nigeria de extraditar a Osei",
                "Ghana rechazó el miércoles la solicitud de Nigeria de extraditar al empresario Kwabena Osei, por "
                "el riesgo de un juicio injusto.", None),
     }),
    ("p11-08", "RETREAT", names("Philippines", "Филиппины", "Філіппіни", "Filipinas"),
     names("Spain", "Испании", "Іспанії", "España"), "2026-05-21", {
         "en": ("Manila Business Daily", "Philippines lifts ban on Spanish pork",
                "The Philippines lifted its ban on pork imports from Spain on Thursday after the World Organisation "
                "for Animal Health declared the Spanish herd free of African swine fever.", None),
         "ru": ("Аграрный вестник", "Филиппины сняли запрет на испанскую свинину",
                "Филиппины в четверг сняли запрет на ввоз свинины из Испании после того, как Всемирная "
                "организация по охране здоровья животных признала испанское поголовье свободным от "
                "африканской чумы свиней.", None),
         "uk": ("Агроринок", "Філіппіни скасували заборону на свинину з Іспанії",
                "Філіппіни в четвер скасували заборону на ввезення свинини з Іспанії, після того як міжнародна "
                "ветеринарна організація визнала іспанське поголів'я вільним від африканської чуми свиней.", None),
         "es": ("Campo y Mercado", "Filipinas levanta el veto al cerdo español",
                "Filipinas levantó el jueves el veto a las importaciones de carne de cerdo de España, después de "
                "que la Organización Mundial de Sanidad Animal declarara la cabaña española libre de peste porcina "
                "africana.", None),
     }),
    ("p11-09", "THREATEN", names("Algeria", "Алжир", "Алжир", "Argelia"),
     names("Spain", "Испании", "Мадриду", "España"), "2026-05-22", {
         "en": ("Mediterranean Post", "Algeria threatens Spain with gas cuts",
                "Algeria threatened on Friday to cut gas deliveries to Spain if Madrid kept backing Morocco's plan "
                "for the disputed territory.", None),
         "ru": ("Средиземноморье", "Алжир пригрозил Испании прекращением поставок газа",
                "Алжир в пятницу пригрозил Испании прекратить поставки газа, если Мадрид продолжит поддерживать "
                "план Марокко по спорной территории.", None),
         "uk": ("Енергетичний тиждень", "Алжир погрожує Мадриду газовим ембарго",
                "Алжир у п'ятницю пригрозив Мадриду припинити постачання газу, якщо Іспанія й надалі "
                "підтримуватиме план Марокко щодо спірної території.", None),
         "es": ("El Correo del Sur", "Argelia amenaza a España con cortar el gas",
                "El Gobierno argelino amenazó el viernes a España con cortar el suministro de gas si sigue "
                "apoyando el plan de Marruecos para el territorio en disputa.", None),
     }),
    ("p11-10", "AGREE", names("Moldova", "Молдавия", "Молдова", "Moldavia"),
     names("World Bank", "Всемирным банком", "Світовим банком", "Banco Mundial"), "2026-05-25", {
         "en": ("Danube Finance", "Moldova signs loan deal with World Bank",
                "Moldova signed a loan agreement with the World Bank on Monday to rebuild rural roads, with Romania "
                "guaranteeing part of the credit.", None),
         "ru": ("Деловая Молдова", "Кишинев подписал кредитное соглашение",
                "Молдавия в понедельник подписала со Всемирным банком кредитное соглашение на восстановление "
                "сельских дорог; часть кредита гарантирует Румыния.", None),
         "uk": ("Фінансовий огляд", "Молдова уклала угоду зі Світовим банком",
                "Молдова в понеділок підписала зі Світовим банком кредитну угоду на відновлення сільських доріг. "
                "Частину кредиту гарантує Румунія.", None),
         "es": ("Economía Europea", "Moldavia firma un préstamo con el Banco Mundial",
                "Moldavia firmó el lunes con el Banco Mundial un acuerdo de préstamo para reconstruir carreteras "
                "rurales, con la garantía parcial de Rumanía.", None),
     }),
]


if __name__ == "__main__":
    write(EVENTS, OUT)
