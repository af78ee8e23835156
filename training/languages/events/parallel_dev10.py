#!/usr/bin/env python
"""Write ``training/languages/events/parallel_dev10.jsonl``: eleven invented events, each told in en/ru/uk/es, in the
format of parallel_dev.jsonl. A tenth development set of the parallel check (``scripts/eval_events_languages.py --set
training/languages/events/dev4 --parallel training/languages/events/parallel_dev10.jsonl``), written in the sixteenth
round before any change of code, from the PLOVER definitions (``storyline/data/plover_definitions.yaml``), never from
the seeds, the demo corpus or frozen/. Each article is by its own invented outlet and written natively, not
translated. What it leans on, beyond dev5-dev9:

- targets after a genitive or a possessive ("запрос Швеции", "план Фінляндії", "la petición de Suecia", "Finland's
  plan"), in the dative ("Мозамбику", "Гаяні", "Мадриду") and in Spanish "a" / "ante" phrases;
- inflected people's names on either side (accusative "Анну Лисовскую", instrumental "Мартином Ковачем");
- acronyms in one language and full names in another (EU / Евросоюз / Європейський Союз / UE; ICRC / МККК /
  Міжнародний комітет Червоного Хреста / CICR; NATO / НАТО / OTAN; KGB / КГБ / КДБ);
- capitals for countries in one language only (Анкара, Каракас, Рабат, Мадрид);
- a pronoun or a description as the source in a second sentence ("Он", "Відомство", "El ministro");
- passives with the agent in a by-phrase ("fue acusado por", "was detained by", "fue detenida por");
- a third party in the sentence or the one before (a mediator, a country that asked for the act, the body that hands
  the aid out, a company, a regional union calling for calm).

    python training/languages/events/parallel_dev10.py
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from parallel_rows import names, write

OUT = Path(__file__).resolve().parent / "parallel_dev10.jsonl"

# (event, type, source, target, event day, {lang: (outlet, title, text, published or None for the event's day)})
EVENTS = [
    ("p10-01", "ACCUSE", names("Lucía Ferreyra", "Лусия Феррейра", "Лусія Феррейра", "Lucía Ferreyra"),
     names("Paraguay", "Парагвай", "Парагвай", "Paraguay"), "2026-03-04", {
         "en": ("River Plate Observer", "Argentina accuses Paraguay over river dredging",
                "Argentine Foreign Minister Lucía Ferreyra on Wednesday accused Paraguay of dredging the Paraná "
                "river without consulting Buenos Aires, a day after Brazil offered to mediate.", None),
         "ru": ("Латиноамериканский курьер", "Аргентина обвинила Парагвай в самовольных работах на реке",
                "Бразилия накануне предложила свое посредничество. Однако в среду министр иностранных дел "
                "Аргентины Лусия Феррейра обвинила Парагвай в том, что он углубляет русло Параны без согласования "
                "с Буэнос-Айресом.", None),
         "uk": ("Південна панорама", "Буенос-Айрес звинуватив Асунсьйон",
                "Міністерка закордонних справ Аргентини Лусія Феррейра в середу звинуватила Парагвай у "
                "поглибленні русла Парани без погодження з аргентинською стороною.", None),
         "es": ("La Gaceta del Litoral", "Paraguay, acusado de dragar el Paraná sin consultar",
                "Paraguay fue acusado este miércoles por la canciller argentina, Lucía Ferreyra, de dragar el río "
                "Paraná sin consultar a Buenos Aires. Brasil se había ofrecido el martes como mediador.", None),
     }),
    ("p10-02", "SANCTION", names("European Union", "Евросоюз", "Європейський Союз", "Unión Europea"),
     names("Nicaragua", "Никарагуа", "Нікарагуа", "Nicaragua"), "2026-03-06", {
         "en": ("Continental Brief", "EU sanctions Nicaragua at Costa Rica's request",
                "The EU imposed new sanctions on Nicaragua on Friday, freezing the assets of six officials, after "
                "Costa Rica asked Brussels to act over the closure of the border.", None),
         "ru": ("Европейское обозрение", "Евросоюз ввел санкции против Никарагуа",
                "Евросоюз в пятницу ввел новые санкции против Никарагуа: активы шести чиновников заморожены. "
                "Об этом Брюссель просила Коста-Рика.", None),
         "uk": ("Брюссельський тиждень", "ЄС запровадив санкції проти Нікарагуа",
                "Європейський Союз у п'ятницю запровадив нові санкції проти Нікарагуа на прохання Коста-Рики, "
                "заморозивши активи шістьох посадовців.", None),
         "es": ("Diario Centroamericano", "La UE sanciona a Nicaragua",
                "La UE sancionó este viernes a Nicaragua con la congelación de bienes de seis funcionarios, a "
                "petición de Costa Rica.", None),
     }),
    ("p10-03", "AID", names("Japan", "Япония", "Японія", "Japón"),
     names("Mozambique", "Мозамбик", "Мозамбік", "Mozambique"), "2026-03-09", {
         "en": ("Indian Ocean Report", "Japan sends cyclone aid to Mozambique",
                "Japan has given Mozambique 40 million dollars in emergency aid after Cyclone Ilda, to be "
                "distributed by the UN Development Programme.", None),
         "ru": ("Азия и Африка сегодня", "Токио выделил помощь Мозамбику",
                "Япония передала Мозамбику 40 миллионов долларов экстренной помощи после циклона «Ильда». "
                "Распределять средства будет Программа развития ООН.", None),
         "uk": ("Міжнародний огляд", "Мозамбік отримав від Японії 40 мільйонів доларів",
                "Мозамбік отримав від Японії 40 мільйонів доларів екстреної допомоги після циклону «Ільда».",
                None),
         "es": ("Crónica Austral", "Japón dona 40 millones a Mozambique tras el ciclón",
                "Japón donó a Mozambique 40 millones de dólares de ayuda de emergencia tras el ciclón Ilda, que "
                "repartirá el Programa de las Naciones Unidas para el Desarrollo.", None),
     }),
    ("p10-04", "REJECT", names("Turkey", "Турция", "Туреччина", "Turquía"),
     names("Sweden", "Швеция", "Швеція", "Suecia"), "2026-03-10", {
         "en": ("Bosphorus Letter", "Turkey turns down Sweden's extradition request",
                "Turkey on Tuesday rejected Sweden's request to extradite the businessman Orhan Kaplan, who is "
                "wanted in Stockholm for fraud.", None),
         "ru": ("Черноморские новости", "Анкара отклонила запрос Стокгольма",
                "Анкара во вторник отклонила запрос Швеции об экстрадиции бизнесмена Орхана Каплана, которого в "
                "Стокгольме обвиняют в мошенничестве.", None),
         "uk": ("Думка", "Туреччина не видасть Швеції підприємця",
                "Туреччина відхилила запит Швеції про видачу підприємця Орхана Каплана, якого шведська "
                "прокуратура підозрює в шахрайстві.", None),
         "es": ("El Mirador", "Turquía rechaza extraditar a un empresario reclamado por Suecia",
                "Turquía rechazó el martes la petición de Suecia de extraditar al empresario Orhan Kaplan, "
                "investigado por fraude en Estocolmo.", None),
     }),
    ("p10-05", "THREATEN", names("Venezuela", "Венесуэла", "Венесуела", "Venezuela"),
     names("Guyana", "Гайана", "Гаяна", "Guyana"), "2026-03-11", {
         "en": ("Caribbean Times", "Venezuela threatens Guyana over offshore licences",
                "Venezuela threatened Guyana on Wednesday with \"consequences\" if it lets the company Atlantic "
                "Shelf Energy drill in disputed waters.", None),
         "ru": ("Новый континент", "Каракас пригрозил Гайане",
                "Каракас в среду пригрозил Гайане «последствиями», если она разрешит компании Atlantic Shelf "
                "Energy бурение в спорных водах.", None),
         "uk": ("Світ сьогодні", "Венесуела погрожує Гаяні",
                "Компанія Atlantic Shelf Energy отримала ліцензію на буріння у спірних водах. Венесуела в середу "
                "пригрозила Гаяні «наслідками», якщо роботи почнуться.", None),
         "es": ("El Nacional del Sur", "Caracas advierte a Georgetown",
                "El Gobierno de Venezuela amenazó este miércoles a Guyana con \"consecuencias\" si permite que "
                "Atlantic Shelf Energy perfore en aguas en disputa.", None),
     }),
    ("p10-06", "CONSULT", names("Pavel Horák", "Павел Хорак", "Павел Горак", "Pavel Horák"),
     names("Martin Kováč", "Мартин Ковач", "Мартін Ковач", "Martin Kováč"), "2026-03-16", {
         "en": ("Central Europe Today", "Czech and Slovak prime ministers meet in Bratislava",
                "Czech Prime Minister Pavel Horák met his Slovak counterpart Martin Kováč in Bratislava on Monday "
                "to discuss the shared gas pipeline.", None),
         "ru": ("Дунайский вестник", "Премьеры Чехии и Словакии обсудили газопровод",
                "Премьер-министр Чехии Павел Хорак в понедельник провел в Братиславе переговоры со словацким "
                "коллегой Мартином Ковачем о совместном газопроводе.", None),
         "uk": ("Центральноєвропейський огляд", "Горак і Ковач обговорили газогін",
                "Прем'єр-міністр Чехії Павел Горак у понеділок зустрівся в Братиславі зі словацьким колегою "
                "Мартіном Ковачем. Вони обговорили спільний газогін.", None),
         "es": ("Europa Central Hoy", "Horák y Kováč hablan del gasoducto común",
                "El primer ministro checo, Pavel Horák, se reunió el lunes en Bratislava con su homólogo eslovaco, "
                "Martin Kováč, para hablar del gasoducto que comparten.", None),
     }),
    ("p10-07", "COERCE", names("KGB of Belarus", "КГБ Белоруссии", "КДБ Білорусі", "KGB de Bielorrusia"),
     names("Anna Lisovskaya", "Анна Лисовская", "Анна Лісовська", "Anna Lisóvskaya"), "2026-03-18", {
         "en": ("Press Freedom Wire", "Belarusian journalist detained in Grodno",
                "The journalist Anna Lisovskaya was detained by the KGB of Belarus in Grodno on Wednesday, the "
                "Polish Foreign Ministry said.", None),
         "ru": ("Свободное слово", "В Гродно задержана журналистка",
                "КГБ Белоруссии в среду задержал в Гродно журналистку Анну Лисовскую. Об этом сообщил МИД Польши.",
                None),
         "uk": ("Вільна преса", "У Гродні затримали журналістку Анну Лісовську",
                "Журналістку Анну Лісовську в середу затримав у Гродні КДБ Білорусі, повідомило МЗС Польщі.",
                None),
         "es": ("Periodistas sin Fronteras Hoy", "Detenida en Grodno la periodista Anna Lisóvskaya",
                "La periodista Anna Lisóvskaya fue detenida el miércoles en Grodno por el KGB de Bielorrusia, según "
                "informó el Ministerio de Exteriores de Polonia.", None),
     }),
    ("p10-08", "PROTEST", names("Morocco", "Марокко", "Марокко", "Marruecos"),
     names("Spain", "Испания", "Іспанія", "España"), "2026-03-19", {
         "en": ("Maghreb Digest", "Morocco protests to Spain over Canary fishing rules",
                "Morocco lodged a formal protest with Spain on Thursday over new fishing rules announced by the "
                "government of the Canary Islands.", None),
         "ru": ("Средиземноморье", "Рабат заявил протест Мадриду",
                "Рабат в четверг заявил официальный протест Мадриду из-за новых правил рыболовства, объявленных "
                "властями Канарских островов.", None),
         "uk": ("Новини Середземномор'я", "Марокко висловило протест Іспанії",
                "Уряд Канарських островів оголосив нові правила рибальства. У четвер Марокко висловило Іспанії "
                "офіційний протест.", None),
         "es": ("Atlántico Noticias", "Marruecos protesta ante España por la pesca en Canarias",
                "Marruecos presentó el jueves una protesta formal ante España por las nuevas normas de pesca "
                "anunciadas por el Gobierno de Canarias.", None),
     }),
    ("p10-09", "MOBILIZE", names("Ethiopia", "Эфиопия", "Ефіопія", "Etiopía"),
     names("Eritrea", "Эритрея", "Еритрея", "Eritrea"), "2026-03-23", {
         "en": ("Horn Monitor", "Ethiopia moves troops to Eritrean border",
                "Ethiopia deployed two armoured brigades to its border with Eritrea on Monday. The African Union "
                "called on both sides to show restraint.", None),
         "ru": ("Африканский обозреватель", "Эфиопия стягивает войска к границе с Эритреей",
                "Эфиопия в понедельник перебросила две бронетанковые бригады к границе с Эритреей. Африканский "
                "союз призвал стороны к сдержанности.", None),
         "uk": ("Африка сьогодні", "Ефіопія перекинула бригади до кордону з Еритреєю",
                "Африканський союз закликав сторони до стриманості після того, як Ефіопія в понеділок перекинула "
                "дві бронетанкові бригади до кордону з Еритреєю.", None),
         "es": ("Cuerno de África Hoy", "Etiopía despliega tropas en la frontera con Eritrea",
                "Etiopía desplegó el lunes dos brigadas blindadas en la frontera con Eritrea. La Unión Africana "
                "pidió contención a ambas partes.", None),
     }),
    ("p10-10", "SUPPORT", names("NATO", "НАТО", "НАТО", "OTAN"),
     names("Finland", "Финляндия", "Фінляндія", "Finlandia"), "2026-03-25", {
         "en": ("Northern Security Review", "NATO backs Finland's Arctic air patrol plan",
                "NATO on Wednesday backed Finland's plan for joint air patrols over Lapland, which Norway had "
                "proposed to extend to its own territory.", None),
         "ru": ("Северный дозор", "НАТО поддержало план Финляндии",
                "НАТО в среду поддержало план Финляндии по совместному патрулированию воздушного пространства "
                "над Лапландией. Норвегия предлагала распространить его и на свою территорию.", None),
         "uk": ("Безпековий оглядач", "Альянс підтримав план Фінляндії",
                "НАТО в середу підтримало план Фінляндії щодо спільного повітряного патрулювання над Лапландією.",
                None),
         "es": ("Revista de Seguridad", "La OTAN respalda el plan de Finlandia para patrullar Laponia",
                "La OTAN respaldó el miércoles el plan de Finlandia de patrullas aéreas conjuntas sobre Laponia, "
                "que Noruega quería extender a su territorio.", None),
     }),
    ("p10-11", "REQUEST", names("International Committee of the Red Cross", "МККК", "Міжнародний комітет Червоного "
                                "Хреста", "CICR"),
     names("Azerbaijan", "Азербайджан", "Азербайджан", "Azerbaiyán"), "2026-03-27", {
         "en": ("Humanitarian Affairs", "Red Cross urges Azerbaijan to allow prison visits",
                "The International Committee of the Red Cross on Friday urged Azerbaijan to let its delegates "
                "visit detainees, after Armenia raised the issue in Geneva.", None),
         "ru": ("Кавказский узел новостей", "МККК призвал Баку допустить делегатов к задержанным",
                "Армения подняла этот вопрос в Женеве. В пятницу МККК призвал Азербайджан допустить своих "
                "делегатов к задержанным.", None),
         "uk": ("Гуманітарний вісник", "Червоний Хрест закликав Азербайджан допустити делегатів",
                "Міжнародний комітет Червоного Хреста в п'ятницю закликав Азербайджан дозволити його делегатам "
                "відвідати затриманих.", None),
         "es": ("Agenda Humanitaria", "El CICR pide a Azerbaiyán acceso a los detenidos",
                "El CICR pidió el viernes a Azerbaiyán que permita a sus delegados visitar a los detenidos, "
                "después de que Armenia planteara el asunto en Ginebra.", None),
     }),
]


if __name__ == "__main__":
    write(EVENTS, OUT)
