#!/usr/bin/env python
"""Write ``training/languages/events/parallel_dev13.jsonl``: ten invented events, each told in en/ru/uk/es, in the
format of parallel_dev.jsonl. A thirteenth development set of the parallel check (``scripts/eval_events_languages.py
--set training/languages/events/dev4 --parallel training/languages/events/parallel_dev13.jsonl``), written in the
nineteenth round before any change, from the PLOVER definitions (``storyline/data/plover_definitions.yaml``), never
from the seeds, the demo corpus or frozen/. Each article is by its own invented outlet and written natively, not
translated. What it leans on:

- actors from regions no earlier parallel set used: the western Balkans, Central and East Africa, Central and South
  Asia, the Levant and Gulf, the Río de la Plata and Central America;
- people whose names inflect in Russian and Ukrainian (Albanian, Tajik, Lebanese, Zambian names in the instrumental,
  genitive and dative, by surname alone after the first mention) and whose Spanish spelling differs from the English
  one (Rakhimov / Rajímov);
- organisations by acronym in one language and by full name in another (IAEA / МАГАТЭ / Міжнародне агентство з
  атомної енергії / OIEA, UNHCR / УВКБ ООН / Управління ООН у справах біженців / ACNUR, ECOWAS / ЭКОВАС /
  Економічне співтовариство країн Західної Африки / CEDEAO, African Union / АС / UA);
- a capital for its country in one language only (Кигали, Катманду, Нью-Делі, Montevideo), a government by its
  adjective ("Іракська влада", "las autoridades iraquíes"), the owner of the object noun ("членство Габона",
  "la propuesta de la CEDEAO"), a venue that is no target (by the place convention of ``README.md``).

    python training/languages/events/parallel_dev13.py
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from parallel_rows import names, write

OUT = Path(__file__).resolve().parent / "parallel_dev13.jsonl"

# (event, type, source, target, event day, {lang: (outlet, title, text, published or None for the event's day)})
EVENTS = [
    ("p13-01", "CONSULT", names("Arben Hoxha", "Арбен Ходжа", "Арбен Ходжа", "Arben Hoxha"),
     names("Milica Vuković", "Милицей Вукович", "Мілицею Вукович", "Milica Vuković"), "2026-08-05", {
         "en": ("Adriatic Report", "Albanian and Montenegrin ministers discuss border crossings",
                "Albania's foreign minister Arben Hoxha held talks with his Montenegrin counterpart Milica Vuković in "
                "Podgorica on Wednesday on reopening two mountain border crossings.", None),
         "ru": ("Балканский обозреватель", "Ходжа и Вукович обсудили пограничные переходы",
                "Министр иностранных дел Албании Арбен Ходжа в среду провёл в Подгорице переговоры с черногорской "
                "коллегой Милицей Вукович. Ходжа предложил открыть два горных пропускных пункта.", None),
         "uk": ("Південна Європа сьогодні", "Албанія і Чорногорія говорили про кордон",
                "У середу в Подгориці очільник албанської дипломатії Арбен Ходжа зустрівся з міністеркою "
                "закордонних справ Чорногорії Мілицею Вукович. Сторони обговорили відкриття двох гірських пунктів "
                "пропуску.", None),
         "es": ("Crónica Balcánica", "Hoxha y Vuković negocian la reapertura de dos pasos de montaña",
                "El ministro de Exteriores albanés, Arben Hoxha, mantuvo el miércoles en Podgorica una reunión con "
                "su homóloga montenegrina, Milica Vuković, sobre la reapertura de dos pasos fronterizos de "
                "montaña.", None),
     }),
    ("p13-02", "REQUEST", names("Bangladesh", "Бангладеш", "Бангладеш", "Bangladés"),
     names("IAEA", "МАГАТЭ", "Міжнародного агентства з атомної енергії", "OIEA"), "2026-08-06", {
         "en": ("South Asia Energy Wire", "Bangladesh asks IAEA to inspect Rooppur reactor",
                "DHAKA, Aug 6 - Bangladesh asked the IAEA on Thursday to send inspectors to the Rooppur nuclear "
                "plant after a cooling pump failed during tests.", None),
         "ru": ("Атомный вестник", "Бангладеш попросил МАГАТЭ проверить АЭС Руппур",
                "Бангладеш обратился к МАГАТЭ с просьбой направить инспекторов на АЭС Руппур после того, как во "
                "время испытаний отказал насос системы охлаждения. Об этом в четверг сообщило правительство "
                "страны.", None),
         "uk": ("Енергетичний огляд", "Дакка звернулася до МАГАТЕ",
                "Бангладеш у четвер попросив Міжнародне агентство з атомної енергії надіслати інспекторів на АЕС "
                "Руппур, де під час випробувань вийшов з ладу насос охолодження.", None),
         "es": ("Energía y Sociedad", "Bangladés pide al OIEA una inspección en Rooppur",
                "El Gobierno de Bangladés solicitó ayer al Organismo Internacional de Energía Atómica (OIEA) que "
                "envíe inspectores a la central nuclear de Rooppur tras la avería de una bomba de refrigeración.",
                "2026-08-07"),
     }),
    ("p13-03", "ACCUSE", names("Burundi", "Бурунди", "Бурунді", "Burundi"),
     names("Rwanda", "Руанду", "Кігалі", "Ruanda"), "2026-08-11", {
         "en": ("Great Lakes Dispatch", "Burundi accuses Rwanda of arming rebels",
                "Burundi on Tuesday accused Rwanda of training and arming rebels who attacked a border post in "
                "Cibitoke province last week.", None),
         "ru": ("Восточная Африка", "Бурунди обвинило Руанду в поддержке повстанцев",
                "Бурунди во вторник обвинило Руанду в том, что она обучает и вооружает повстанцев, напавших на "
                "прошлой неделе на пограничный пост в провинции Чибитоке. В Кигали обвинения отвергли.", None),
         "uk": ("Африканський оглядач", "Бурунді звинуватила Кігалі у підтримці повстанців",
                "Влада Бурунді у вівторок звинуватила Кігалі в тому, що той навчає та озброює повстанців, які "
                "минулого тижня напали на прикордонний пост у провінції Чибітоке.", None),
         "es": ("Diario de los Grandes Lagos", "Burundi acusa a Ruanda de armar a los rebeldes",
                "Burundi acusó este martes a Ruanda de entrenar y armar a los rebeldes que atacaron la semana "
                "pasada un puesto fronterizo en la provincia de Cibitoke.", None),
     }),
    ("p13-04", "SANCTION", names("African Union", "Африканский союз", "АС", "UA"),
     names("Gabon", "Габона", "Габону", "Gabón"), "2026-08-13", {
         "en": ("Continental Affairs", "African Union suspends Gabon after delayed vote",
                "The African Union suspended Gabon from all its bodies on Thursday after the country's transitional "
                "authorities postponed the presidential election for a second time.", None),
         "ru": ("Панафриканский курьер", "Африканский союз приостановил членство Габона",
                "Африканский союз в четверг приостановил членство Габона во всех своих органах после того, как "
                "переходные власти страны вновь перенесли президентские выборы.", None),
         "uk": ("Світ за тиждень", "АС призупинив членство Габону",
                "Через повторне перенесення президентських виборів АС у четвер призупинив членство Габону в усіх "
                "своїх органах.", None),
         "es": ("El Noticiero Africano", "La UA suspende a Gabón por aplazar las elecciones",
                "ADÍS ABEBA, 13 ago (Agencias) - La UA suspendió este jueves a Gabón de todos sus órganos después "
                "de que las autoridades de transición aplazaran por segunda vez las elecciones presidenciales.",
                None),
     }),
    ("p13-05", "THREATEN", names("Farrukh Rakhimov", "Фаррух Рахимов", "Фаррух Рахімов", "Farruj Rajímov"),
     names("Afghanistan", "Афганистан", "Афганістану", "Afganistán"), "2026-08-18", {
         "en": ("Pamir Times", "Tajikistan threatens to cut power to Afghanistan over debt",
                "Tajik energy minister Farrukh Rakhimov threatened on Tuesday to cut electricity supplies to "
                "Afghanistan unless the authorities in Kabul settle 40 million dollars of unpaid bills.", None),
         "ru": ("Центральноазиатский вестник", "Душанбе пригрозил Кабулу отключением электричества",
                "Министр энергетики Таджикистана Фаррух Рахимов во вторник пригрозил прекратить поставки "
                "электроэнергии в Афганистан, если Кабул не погасит долг в 40 миллионов долларов.", None),
         "uk": ("Азія-інфо", "Таджикистан може знеструмити північ Афганістану",
                "Міністр енергетики Таджикистану Фаррух Рахімов у вівторок пригрозив припинити постачання "
                "електроенергії до Афганістану. За словами Рахімова, борг Кабула сягнув 40 мільйонів доларів.",
                None),
         "es": ("Asia Central Hoy", "Tayikistán amenaza con cortar la luz a Afganistán",
                "El ministro de Energía de Tayikistán, Farruj Rajímov, amenazó el martes con cortar el suministro "
                "eléctrico a Afganistán si las autoridades de Kabul no saldan una deuda de 40 millones de dólares.",
                None),
     }),
    ("p13-06", "AID", names("UNHCR", "УВКБ ООН", "Управління ООН у справах біженців", "ACNUR"),
     names("Honduras", "Гондурас", "Гондурасу", "Honduras"), "2026-08-20", {
         "en": ("Humanitarian Bulletin", "UNHCR flies tents and water filters to Honduras",
                "The UN refugee agency UNHCR delivered 3,000 tents and water filters to Honduras on Thursday for "
                "families displaced by floods along the Ulúa river.", None),
         "ru": ("Гуманитарный обзор", "УВКБ ООН доставило палатки в Гондурас",
                "УВКБ ООН в четверг доставило в Гондурас 3000 палаток и фильтров для воды для семей, лишившихся "
                "жилья из-за наводнения на реке Улуа.", None),
         "uk": ("Милосердя і світ", "ООН передала Гондурасу намети",
                "Управління ООН у справах біженців у четвер передало Гондурасу три тисячі наметів і фільтрів для "
                "води для родин, яких повінь на річці Улуа залишила без житла.", None),
         "es": ("El Heraldo Centroamericano", "ACNUR entrega carpas y filtros a Honduras",
                "SAN PEDRO SULA - ACNUR entregó este jueves a Honduras 3.000 carpas y filtros de agua para las "
                "familias desplazadas por las inundaciones del río Ulúa.", None),
     }),
    ("p13-07", "COERCE", names("Iraq", "Ирака", "Іракська влада", "las autoridades iraquíes"),
     names("Nabil Khoury", "Набиля Хури", "Набіля Хурі", "Nabil Khoury"), "2026-08-24", {
         "en": ("Levant Business Review", "Iraq detains Lebanese contractor Nabil Khoury",
                "Iraqi authorities on Monday detained Lebanese contractor Nabil Khoury at Basra airport over a "
                "housing project that was paid for but never built.", None),
         "ru": ("Ближневосточный курьер", "В Басре задержан ливанский подрядчик",
                "Власти Ирака в понедельник задержали в аэропорту Басры ливанского подрядчика Набиля Хури. Его "
                "компания получила деньги за жилой квартал, который так и не построила.", None),
         "uk": ("Близький Схід сьогодні", "У Басрі затримали ліванського підрядника",
                "Іракська влада в понеділок затримала в аеропорту Басри ліванського підрядника Набіля Хурі через "
                "оплачений, але так і не збудований житловий квартал.", None),
         "es": ("Oriente Medio Económico", "Detenido en Basora el contratista libanés Nabil Khoury",
                "Las autoridades iraquíes detuvieron el lunes en el aeropuerto de Basora al contratista libanés "
                "Nabil Khoury por un proyecto de viviendas que se pagó y nunca se construyó.", None),
     }),
    ("p13-08", "PROTEST", names("Nepal", "Непала", "Катманду", "Nepal"),
     names("India", "Индии", "Нью-Делі", "India"), "2026-08-26", {
         "en": ("Himalayan Times Weekly", "Nepal protests to India over road in disputed area",
                "Nepal lodged a formal protest with India on Wednesday over a road being built in the disputed "
                "Kalapani area.", None),
         "ru": ("Южная Азия", "Непал заявил протест Индии",
                "МИД Непала в среду вручил послу Индии ноту протеста в связи со строительством дороги в спорном "
                "районе Калапани.", None),
         "uk": ("Гімалайський вісник", "Катманду протестує через дорогу в Калапані",
                "Катманду у середу висловив Нью-Делі протест через будівництво дороги у спірному районі "
                "Калапані.", None),
         "es": ("Mirada Asiática", "Nepal protesta ante la India por una carretera",
                "Nepal presentó el miércoles una protesta formal ante la India por la construcción de una "
                "carretera en la zona en disputa de Kalapani.", None),
     }),
    ("p13-09", "AGREE", names("Uruguay", "Уругвай", "Уругвай", "Montevideo"),
     names("Panama", "Панамой", "Панамою", "Panamá"), "2026-08-28", {
         "en": ("Americas Trade Journal", "Uruguay and Panama sign free trade agreement",
                "Uruguay signed a free trade agreement with Panama on Friday, removing tariffs on beef, rice and "
                "pharmaceuticals, the foreign ministry said.", None),
         "ru": ("Латинская Америка сегодня", "Уругвай и Панама отменят пошлины",
                "Уругвай в пятницу подписал с Панамой соглашение о свободной торговле, которое отменяет пошлины на "
                "говядину, рис и лекарства.", None),
         "uk": ("Торговий огляд", "Уругвай уклав угоду з Панамою",
                "У п'ятницю Уругвай підписав з Панамою угоду про вільну торгівлю: мита на яловичину, рис і ліки "
                "буде скасовано.", None),
         "es": ("El Observador Rioplatense", "Montevideo firma un TLC con Panamá",
                "Montevideo firmó el viernes con Panamá un tratado de libre comercio que elimina los aranceles a "
                "la carne, el arroz y los medicamentos, informó la Cancillería.", None),
     }),
    ("p13-10", "REJECT", names("Burkina Faso", "Буркина-Фасо", "Буркіна-Фасо", "Burkina Faso"),
     names("ECOWAS", "ЭКОВАС", "Економічного співтовариства країн Західної Африки", "CEDEAO"), "2026-08-31", {
         "en": ("Sahel Monitor", "Burkina Faso rejects ECOWAS observer mission",
                "Burkina Faso on Monday rejected a proposal by ECOWAS to send election observers, calling it "
                "interference in its internal affairs.", None),
         "ru": ("Сахель-Инфо", "Уагадугу отказался от наблюдателей",
                "Буркина-Фасо в понедельник отвергла предложение ЭКОВАС направить в страну наблюдателей на "
                "выборы, назвав его вмешательством во внутренние дела.", None),
         "uk": ("Західна Африка", "Буркіна-Фасо не пустить спостерігачів",
                "Буркіна-Фасо в понеділок відхилила пропозицію Економічного співтовариства країн Західної Африки "
                "направити до країни спостерігачів на вибори.", None),
         "es": ("Sahel Actualidad", "Burkina Faso rechaza la misión de observación de la CEDEAO",
                "Burkina Faso rechazó el lunes la propuesta de la CEDEAO de enviar observadores electorales, a la "
                "que calificó de injerencia en sus asuntos internos.", None),
     }),
]


if __name__ == "__main__":
    write(EVENTS, OUT)
