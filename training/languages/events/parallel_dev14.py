#!/usr/bin/env python
"""Write ``training/languages/events/parallel_dev14.jsonl``: ten invented events, each told in en/ru/uk/es, in the
format of parallel_dev.jsonl. A fourteenth development set of the parallel check (``scripts/eval_events_languages.py
--set training/languages/events/dev4 --parallel training/languages/events/parallel_dev14.jsonl``), written in the
twentieth round before any change, from the PLOVER definitions (``storyline/data/plover_definitions.yaml``), never
from the seeds, the demo corpus or frozen/. Each article is by its own invented outlet and written natively, not
translated. What it leans on:

- actors from regions no earlier parallel set used: the Baltic north, the Pacific islands, the Gulf, Southern Africa,
  Indochina, the Caribbean, the Lusophone Atlantic, the Alps and West Africa's coast;
- targets after a preposition in an oblique case in Russian and Ukrainian ("с ... Мартом Сааром", "к Азиатскому банку
  развития", "до АБР", "в Йемен", "до Ємену", "на Ямайку", "до Ямайки", "с Кабо-Верде"), the Spanish personal "a"
  ("acusó a Zimbabue"), "ante" and "con";
- passives with the agent in the instrumental or after "por" ("заморожены властями Швейцарии", "затриманий
  в'єтнамською поліцією", "fue detenido por la policía vietnamita", "was rejected by the WTO");
- organisations by acronym in one language and by full name in another (ADB / Азиатский банк развития / АБР / Banco
  Asiático de Desarrollo, WTO / ВТО / Світова організація торгівлі / OMC), a regional body as a venue only (SADC /
  САДК / Співдружність розвитку Півдня Африки / SADC), which is no target (the place convention of ``README.md``);
- venues that are no target (Tallinn, Gaborone, Praia), a next-day "вчера" / "ayer", a wire dateline.

    python training/languages/events/parallel_dev14.py
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from parallel_rows import names, write

OUT = Path(__file__).resolve().parent / "parallel_dev14.jsonl"

# (event, type, source, target, event day, {lang: (outlet, title, text, published or None for the event's day)})
EVENTS = [
    ("p14-01", "CONSULT", names("Kārlis Bērziņš", "Карлис Берзиньш", "Карліс Берзіньш", "Kārlis Bērziņš"),
     names("Mart Saar", "Мартом Сааром", "Мартом Сааром", "Mart Saar"), "2026-09-15", {
         "en": ("Baltic Times Online", "Latvian and Estonian ministers discuss rail link",
                "Latvian Foreign Minister Kārlis Bērziņš held talks with his Estonian counterpart Mart Saar in "
                "Tallinn on Tuesday about delays on the joint rail line to Warsaw.", None),
         "ru": ("Северный курьер", "Берзиньш и Саар обсудили железную дорогу",
                "Глава МИД Латвии Карлис Берзиньш во вторник встретился в Таллине с эстонским коллегой Мартом "
                "Сааром. Министры обсудили задержки со строительством общей железнодорожной линии.", None),
         "uk": ("Балтійський оглядач", "Латвія та Естонія говорили про залізницю",
                "Міністр закордонних справ Латвії Карліс Берзіньш у вівторок провів у Таллінні переговори з "
                "естонським колегою Мартом Сааром щодо затримок на спільній залізничній лінії.", None),
         "es": ("Noticias del Báltico", "Letonia y Estonia revisan las obras del tren",
                "El canciller letón, Kārlis Bērziņš, se reunió el martes en Tallin con su homólogo estonio, Mart "
                "Saar, para analizar los retrasos del corredor ferroviario común.", None),
     }),
    ("p14-02", "REQUEST", names("Solomon Islands", "Соломоновы Острова", "Соломонові Острови", "Islas Salomón"),
     names("Asian Development Bank", "Азиатскому банку развития", "АБР", "Banco Asiático de Desarrollo"),
     "2026-09-16", {
         "en": ("Pacific Islands Wire", "Solomon Islands seeks emergency loan after cyclone",
                "HONIARA, Sept 16 - The Solomon Islands asked the Asian Development Bank on Wednesday for an "
                "emergency loan to rebuild roads and wharves destroyed by Cyclone Mele.", None),
         "ru": ("Тихоокеанский вестник", "Соломоновы Острова попросили кредит",
                "Правительство Соломоновых Островов в среду обратилось к Азиатскому банку развития с просьбой о "
                "срочном кредите на восстановление дорог и причалов, разрушенных циклоном «Меле».", None),
         "uk": ("Світ і економіка", "Соломонові Острови просять допомоги в АБР",
                "Соломонові Острови звернулися до АБР із проханням надати екстрений кредит на відбудову доріг і "
                "причалів після циклону «Меле». Про це вчора повідомив уряд країни.", "2026-09-17"),
         "es": ("Diario del Pacífico", "Islas Salomón pide un préstamo de emergencia",
                "Las Islas Salomón solicitaron el miércoles al Banco Asiático de Desarrollo un préstamo de "
                "emergencia para reconstruir las carreteras y los muelles que destruyó el ciclón Mele.", None),
     }),
    ("p14-03", "SANCTION", names("Switzerland", "Швейцарии", "Швейцарія", "Suiza"),
     names("Mamadou Baldé", "Мамаду Бальде", "Мамаду Бальде", "Mamadou Baldé"), "2026-09-17", {
         "en": ("Alpine Finance Daily", "Switzerland freezes assets of Guinea-Bissau junta leader",
                "Switzerland on Thursday froze the bank accounts of Colonel Mamadou Baldé, the head of "
                "Guinea-Bissau's military junta, citing the seizure of power in July.", None),
         "ru": ("Деньги и мир", "В Швейцарии заморожены счета главы хунты Гвинеи-Бисау",
                "Банковские счета полковника Мамаду Бальде, возглавляющего военную хунту Гвинеи-Бисау, в четверг "
                "заморожены властями Швейцарии из-за июльского захвата власти.", None),
         "uk": ("Фінансовий тиждень", "Швейцарія заморозила рахунки полковника Бальде",
                "Швейцарія в четвер заморозила банківські рахунки полковника Мамаду Бальде, який очолює військову "
                "хунту Гвінеї-Бісау, через липневе захоплення влади.", None),
         "es": ("El Observador Económico", "Congelan las cuentas del jefe de la junta de Guinea-Bisáu",
                "Las cuentas bancarias del coronel Mamadou Baldé, líder de la junta militar de Guinea-Bisáu, fueron "
                "congeladas el jueves por Suiza a raíz del golpe de julio.", None),
     }),
    ("p14-04", "AID", names("Kuwait", "Кувейт", "Кувейт", "Kuwait"), names("Yemen", "Йемен", "Ємену", "Yemen"),
     "2026-09-21", {
         "en": ("Gulf Herald", "Kuwait flies medical aid to Yemen",
                "Kuwait on Monday sent two planes loaded with medicines and water purification kits to Yemen, where "
                "a cholera outbreak has spread to four provinces.", None),
         "ru": ("Ближневосточное обозрение", "Кувейт направил медикаменты в Йемен",
                "Кувейт в понедельник направил в Йемен два самолёта с лекарствами и установками для очистки воды. "
                "Вспышка холеры охватила уже четыре провинции страны.", None),
         "uk": ("Голос Сходу", "Кувейт надіслав ліки до Ємену",
                "У понеділок Кувейт відправив до Ємену два літаки з ліками та обладнанням для очищення води, "
                "оскільки спалах холери поширився на чотири провінції.", None),
         "es": ("Mundo Árabe Hoy", "Kuwait envía ayuda médica a Yemen",
                "Kuwait envió ayer a Yemen dos aviones con medicamentos y equipos de potabilización de agua para "
                "frenar un brote de cólera que ya afecta a cuatro provincias.", "2026-09-22"),
     }),
    ("p14-05", "ACCUSE", names("Botswana", "Ботсвана", "Ботсвана", "Botsuana"),
     names("Zimbabwe", "Зимбабве", "Зімбабве", "Zimbabue"), "2026-09-22", {
         "en": ("Southern Africa Monitor", "Botswana accuses Zimbabwe over cattle smuggling",
                "Botswana accused Zimbabwe on Tuesday of turning a blind eye to cattle smuggling across their "
                "border, at a meeting of the Southern African Development Community in Gaborone.", None),
         "ru": ("Африка сегодня", "Ботсвана обвинила Зимбабве в попустительстве контрабанде",
                "На заседании САДК в Габороне во вторник Ботсвана обвинила Зимбабве в том, что та закрывает глаза "
                "на контрабанду скота через общую границу.", None),
         "uk": ("Континент", "Ботсвана звинуватила Зімбабве",
                "Ботсвана у вівторок звинуватила Зімбабве в потуранні контрабанді худоби через спільний кордон. "
                "Заява пролунала в Габороне на засіданні Співдружності розвитку Півдня Африки.", None),
         "es": ("Crónica Austral", "Botsuana acusa a Zimbabue de tolerar el contrabando de ganado",
                "Botsuana acusó el martes a Zimbabue de hacer la vista gorda ante el contrabando de ganado en la "
                "frontera común, durante una reunión de la SADC celebrada en Gaborone.", None),
     }),
    ("p14-06", "COERCE", names("Vietnam", "Вьетнама", "в'єтнамською поліцією", "policía vietnamita"),
     names("Chea Sophal", "Чеа Сопхал", "Чеа Сопхал", "Chea Sophal"), "2026-09-23", {
         "en": ("Mekong Press", "Cambodian activist arrested in Ho Chi Minh City",
                "Vietnamese police arrested Cambodian opposition activist Chea Sophal in Ho Chi Minh City on "
                "Wednesday, his party said.", None),
         "ru": ("Азия онлайн", "Во Вьетнаме задержан камбоджийский оппозиционер",
                "Камбоджийский оппозиционный активист Чеа Сопхал в среду задержан властями Вьетнама в Хошимине, "
                "сообщила его партия.", None),
         "uk": ("Азійський тиждень", "Камбоджійського активіста затримали у В'єтнамі",
                "Камбоджійський опозиційний активіст Чеа Сопхал був затриманий в'єтнамською поліцією в середу в "
                "Хошиміні, повідомила його партія.", None),
         "es": ("Asia Hoy", "Detienen en Vietnam a un activista camboyano",
                "El activista opositor camboyano Chea Sophal fue detenido el miércoles por la policía vietnamita "
                "en Ciudad Ho Chi Minh, según informó su partido.", None),
     }),
    ("p14-07", "PROTEST", names("Papua New Guinea", "Папуа — Новая Гвинея", "Папуа Нова Гвінея",
                                "Papúa Nueva Guinea"),
     names("Australia", "Австралии", "Австралії", "Australia"), "2026-09-24", {
         "en": ("Coral Sea Times", "Papua New Guinea protests to Australia over patrol boat",
                "Papua New Guinea lodged a formal protest with Australia on Thursday after an Australian patrol "
                "boat entered its waters in the Torres Strait without notice.", None),
         "ru": ("Океания", "Папуа — Новая Гвинея заявила протест Австралии",
                "Папуа — Новая Гвинея в четверг заявила официальный протест Австралии после того, как "
                "австралийский патрульный катер без уведомления вошёл в её воды в Торресовом проливе.", None),
         "uk": ("Тихий океан", "Папуа Нова Гвінея протестує",
                "Уряд Папуа Нової Гвінеї в четвер висловив протест Австралії: австралійський патрульний катер "
                "без попередження зайшов у територіальні води країни в Торресовій протоці.", None),
         "es": ("La Voz de Oceanía", "Papúa Nueva Guinea protesta ante Australia",
                "Papúa Nueva Guinea presentó el jueves una protesta formal ante Australia después de que una "
                "patrullera australiana entrara sin aviso en sus aguas del estrecho de Torres.", None),
     }),
    ("p14-08", "REJECT", names("WTO", "ВТО", "Світова організація торгівлі", "Organización Mundial del Comercio"),
     names("Indonesia", "Индонезии", "Індонезії", "Indonesia"), "2026-09-25", {
         "en": ("Trade Ledger", "WTO turns down Indonesia's nickel appeal",
                "Indonesia's appeal against the ruling on its nickel export ban was rejected by the WTO on "
                "Friday.", None),
         "ru": ("Внешняя торговля", "ВТО отклонила апелляцию Индонезии",
                "ВТО в пятницу отклонила апелляцию Индонезии на решение по запрету экспорта никелевой руды. "
                "Джакарта обещает изучить вердикт.", None),
         "uk": ("Економіка світу", "СОТ не підтримала Джакарту",
                "Світова організація торгівлі в п'ятницю відхилила апеляцію Індонезії щодо рішення про заборону "
                "експорту нікелевої руди.", None),
         "es": ("Comercio Global", "La OMC rechaza la apelación de Indonesia sobre el níquel",
                "La Organización Mundial del Comercio rechazó el viernes la apelación de Indonesia contra el fallo "
                "sobre su veto a la exportación de mineral de níquel.", None),
     }),
    ("p14-09", "THREATEN", names("Trinidad and Tobago", "Тринидад и Тобаго", "Тринідад і Тобаго",
                                 "Trinidad y Tobago"),
     names("Jamaica", "Ямайку", "Ямайки", "Jamaica"), "2026-09-28", {
         "en": ("Caribbean Energy Report", "Trinidad threatens to halt gas shipments to Jamaica",
                "PORT OF SPAIN, Sept 28 - Trinidad and Tobago threatened on Monday to halt liquefied gas shipments "
                "to Jamaica unless a $40 million debt is settled by the end of October.", None),
         "ru": ("Карибский обозреватель", "Тринидад и Тобаго пригрозил прекратить поставки газа",
                "Тринидад и Тобаго в понедельник пригрозил прекратить поставки сжиженного газа на Ямайку, если "
                "долг в 40 миллионов долларов не будет погашен до конца октября.", None),
         "uk": ("Енергетика сьогодні", "Тринідад і Тобаго погрожує зупинити газ",
                "Тринідад і Тобаго в понеділок пригрозив зупинити постачання скрапленого газу до Ямайки, якщо борг "
                "у 40 мільйонів доларів не буде сплачено до кінця жовтня.", None),
         "es": ("El Caribe Hoy", "Trinidad y Tobago amenaza con cortar el gas a Jamaica",
                "Trinidad y Tobago amenazó el lunes con suspender los envíos de gas licuado a Jamaica si no se "
                "salda antes de fin de octubre una deuda de 40 millones de dólares.", None),
     }),
    ("p14-10", "AGREE", names("Portugal", "Португалия", "Португалія", "Portugal"),
     names("Cabo Verde", "Кабо-Верде", "Кабо-Верде", "Cabo Verde"), "2026-09-29", {
         "en": ("Atlantic Wire", "Portugal and Cabo Verde sign fisheries deal",
                "Portugal signed a five-year fisheries agreement with Cabo Verde in Praia on Tuesday, opening the "
                "archipelago's waters to forty Portuguese tuna boats.", None),
         "ru": ("Морские новости", "Португалия подписала соглашение о рыболовстве с Кабо-Верде",
                "Португалия во вторник подписала в Прае пятилетнее соглашение о рыболовстве с Кабо-Верде. Воды "
                "архипелага откроют для сорока португальских тунцеловов.", None),
         "uk": ("Атлантика", "Португалія та Кабо-Верде домовилися про рибальство",
                "У вівторок у Праї Португалія уклала з Кабо-Верде п'ятирічну угоду про рибальство, яка відкриє "
                "води архіпелагу для сорока португальських тунцеловів.", None),
         "es": ("Mar y Pesca", "Portugal y Cabo Verde firman un acuerdo pesquero",
                "Portugal firmó el martes en Praia un acuerdo pesquero de cinco años con Cabo Verde que abre las "
                "aguas del archipiélago a cuarenta atuneros portugueses.", None),
     }),
]

if __name__ == "__main__":
    write(EVENTS, OUT)
    print(f"wrote {OUT} ({len(EVENTS)} events x 4 languages)")
