#!/usr/bin/env python
"""Write ``training/languages/events/parallel_dev16.jsonl``: ten invented events, each told in en/ru/uk/es, in the
format of parallel_dev.jsonl. A sixteenth development set of the parallel check (``scripts/eval_events_languages.py
--set training/languages/events/dev4 --parallel training/languages/events/parallel_dev16.jsonl``), written in the
twenty-third round before any change, from the PLOVER definitions (``storyline/data/plover_definitions.yaml``), never
from the seeds, the demo corpus or frozen/. Each article is by its own invented outlet and written natively, not
translated. What it leans on:

- actors from regions no earlier parallel set named: the lower Danube (Romania, Bulgaria), the Adriatic's south
  (Albania, Montenegro), the Gulf of Aden (Qatar, Djibouti), the Zambezi and the Rift lakes (Zambia, Malawi,
  Tanzania), the Caribbean's north (Cuba, the Dominican Republic), Polynesia and Melanesia (Tonga, Vanuatu), the
  Amu Darya (Turkmenistan, Tajikistan), the Himalaya and the Nile's south (Bhutan, South Sudan), the Baltic's north
  (Latvia, Estonia);
- passives with the agent in the instrumental or after "por" ("было отклонено Румынией", "был задержан албанской
  полицией", "була доставлена до Джибуті", "fue rechazada por Rumanía", "fue detenido por la policía albanesa");
- targets in an oblique case after a preposition ("в Малави", "до Малаві", "из Южного Судана", "з Південного Судану",
  "с премьер-министром Вануату"), a dative ("пригрозил Таджикистану"), a genitive owner ("кандидатуру Эстонии",
  "суднам із Замбії"), the Spanish personal "a" ("acusó a la República Dominicana");
- places that are no participant, many after "на" / "в" / "у" / "en": a river or a lake ("через Дунай", "на озере
  Танганьика", "en el lago Tanganica"), a port, a border crossing, a base, the venue of talks (Auckland, Riga).

    python training/languages/events/parallel_dev16.py
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from parallel_rows import names, write

OUT = Path(__file__).resolve().parent / "parallel_dev16.jsonl"

# (event, type, source, target, event day, {lang: (outlet, title, text, published or None for the event's day)})
EVENTS = [
    ("p16-01", "REJECT", names("Romania", "Румынией", "Румунія", "Rumanía"),
     names("Bulgaria", "Болгарии", "Болгарії", "Bulgaria"), "2026-10-12", {
         "en": ("Danube Business Review", "Romania says no to shared bridge costs",
                "Romania on Monday rejected Bulgaria's proposal to split the cost of a second road bridge across "
                "the Danube, saying the project was not in its budget until 2030.", None),
         "ru": ("Балканский курьер", "Второго моста через Дунай пока не будет",
                "Предложение Болгарии поровну разделить расходы на второй автомобильный мост через Дунай было "
                "отклонено Румынией в понедельник: в Бухаресте заявили, что до 2030 года денег на него нет.", None),
         "uk": ("Дунайський оглядач", "Румунія не платитиме за новий міст",
                "Румунія в понеділок відхилила пропозицію Болгарії навпіл розділити витрати на другий "
                "автомобільний міст через Дунай, пославшись на брак коштів у бюджеті.", None),
         "es": ("Crónica de los Balcanes", "Rumanía frena el segundo puente sobre el Danubio",
                "La propuesta de Bulgaria de repartir a medias el coste de un segundo puente sobre el Danubio fue "
                "rechazada el lunes por Rumanía, que alegó falta de fondos hasta 2030.", None),
     }),
    ("p16-02", "COERCE", names("Albania", "албанской полицией", "албанською поліцією", "policía albanesa"),
     names("Dragan Vujović", "Драган Вуйович", "Драган Вуйович", "Dragan Vujović"), "2026-10-13", {
         "en": ("Adriatic Wire", "Montenegrin businessman held in Durrës",
                "Albanian police detained Montenegrin businessman Dragan Vujović in the port of Durrës on Tuesday "
                "on suspicion of laundering money through a ferry company.", None),
         "ru": ("Новости Адриатики", "В Дурресе задержан черногорский бизнесмен",
                "Черногорский предприниматель Драган Вуйович был задержан албанской полицией во вторник в порту "
                "Дурреса по подозрению в отмывании денег через паромную компанию.", None),
         "uk": ("Балкани сьогодні", "В Албанії затримали бізнесмена з Чорногорії",
                "Чорногорський підприємець Драган Вуйович у вівторок був затриманий албанською поліцією в порту "
                "Дурреса за підозрою у відмиванні грошей через поромну компанію.", None),
         "es": ("Diario del Adriático", "Detenido en Durrës un empresario montenegrino",
                "El empresario montenegrino Dragan Vujović fue detenido ayer por la policía albanesa en el puerto "
                "de Durrës, acusado de blanquear dinero a través de una naviera.", "2026-10-14"),
     }),
    ("p16-03", "AID", names("Qatar", "Катара", "Катар", "Catar"),
     names("Djibouti", "Джибути", "Джибуті", "Yibuti"), "2026-10-14", {
         "en": ("Gulf Relief Monitor", "Qatar flies food to drought-hit Djibouti",
                "Qatar delivered 300 tonnes of food and water tanks to Djibouti on Wednesday for villages in the "
                "north hit by a third year of drought.", None),
         "ru": ("Гуманитарный вестник", "Джибути получила помощь из Персидского залива",
                "Партия продовольствия и цистерны с водой от Катара в среду были доставлены в Джибути для "
                "деревень на севере страны, третий год страдающих от засухи.", None),
         "uk": ("Світ допомоги", "Катар передав Джибуті 300 тонн продовольства",
                "Катар у середу доставив до Джибуті 300 тонн продовольства та цистерни з водою для сіл на півночі, "
                "які третій рік потерпають від посухи.", None),
         "es": ("Ayuda Global Hoy", "Catar envía alimentos a Yibuti",
                "Catar envió el miércoles a Yibuti 300 toneladas de alimentos y tanques de agua para las aldeas "
                "del norte, castigadas por tres años de sequía.", None),
     }),
    ("p16-04", "SANCTION", names("Zambia", "Замбия", "Замбія", "Zambia"),
     names("Malawi", "Малави", "Малаві", "Malaui"), "2026-10-15", {
         "en": ("Southern Africa Trade Journal", "Zambia halts maize exports to Malawi",
                "Zambia banned maize exports to Malawi on Thursday, and lorries queued at the Mchinji border "
                "crossing as officials cited a poor harvest at home.", None),
         "ru": ("Агрорынки Африки", "Замбия закрыла кукурузу для соседа",
                "Замбия в четверг запретила экспорт кукурузы в Малави; на пограничном переходе Мчинджи "
                "выстроились очереди грузовиков.", None),
         "uk": ("Аграрний огляд", "Замбія зупинила вивезення кукурудзи",
                "Замбія в четвер заборонила експорт кукурудзи до Малаві через поганий урожай, і на прикордонному "
                "переході Мчінджі утворилися черги вантажівок.", None),
         "es": ("Mercados Africanos", "Zambia prohíbe vender maíz a Malaui",
                "Zambia prohibió el jueves las exportaciones de maíz a Malaui por la mala cosecha, y decenas de "
                "camiones quedaron varados en el paso fronterizo de Mchinji.", None),
     }),
    ("p16-05", "ACCUSE", names("Cuba", "Куба", "Куба", "Cuba"),
     names("Dominican Republic", "Доминиканскую Республику", "Домініканську Республіку", "República Dominicana"),
     "2026-10-16", {
         "en": ("Caribbean Desk", "Cuba accuses Dominican Republic over migrants",
                "Cuba on Friday accused the Dominican Republic of mistreating Cuban migrants held in detention "
                "centres in Santo Domingo and demanded consular access.", None),
         "ru": ("Карибское обозрение", "Гавана недовольна обращением с мигрантами",
                "Куба в пятницу обвинила Доминиканскую Республику в жестоком обращении с кубинскими мигрантами, "
                "которых держат в центрах содержания в Санто-Доминго.", None),
         "uk": ("Латинська Америка щодня", "Куба звинуватила сусідів у знущанні з мігрантів",
                "Куба в п'ятницю звинуватила Домініканську Республіку в жорстокому поводженні з кубинськими "
                "мігрантами у центрах утримання в Санто-Домінго.", None),
         "es": ("Prensa del Caribe", "Cuba denuncia maltrato a sus migrantes",
                "Cuba acusó este viernes a la República Dominicana de maltratar a los migrantes cubanos retenidos "
                "en centros de detención de Santo Domingo.", None),
     }),
    ("p16-06", "CONSULT", names("Tonga", "Тонга", "Тонга", "Tonga"),
     names("Vanuatu", "Вануату", "Вануату", "Vanuatu"), "2026-10-17", {
         "en": ("Pacific Islands Report", "Tonga and Vanuatu leaders talk fisheries in Auckland",
                "The prime minister of Tonga held talks with the prime minister of Vanuatu in Auckland on Saturday "
                "on joint patrols against illegal tuna fishing.", None),
         "ru": ("Тихоокеанский обозреватель", "Тонга и Вануату обсудили рыболовство",
                "Премьер-министр Тонга в субботу провёл в Окленде переговоры с премьер-министром Вануату о "
                "совместном патрулировании против незаконного лова тунца.", None),
         "uk": ("Океанія", "Прем'єри Тонги і Вануату зустрілися в Окленді",
                "Прем'єр-міністр Тонги в суботу провів в Окленді переговори з прем'єр-міністром Вануату щодо "
                "спільного патрулювання проти незаконного вилову тунця.", None),
         "es": ("Noticias del Pacífico", "Tonga y Vanuatu hablan de pesca ilegal",
                "El primer ministro de Tonga se reunió el sábado en Auckland con el primer ministro de Vanuatu "
                "para coordinar patrullas contra la pesca ilegal de atún.", None),
     }),
    ("p16-07", "THREATEN", names("Turkmenistan", "Туркменистан", "Туркменістан", "Turkmenistán"),
     names("Tajikistan", "Таджикистану", "Таджикистану", "Tayikistán"), "2026-10-18", {
         "en": ("Central Asia Energy Brief", "Turkmenistan warns Tajikistan over gas debt",
                "Turkmenistan threatened on Sunday to cut off gas supplies to Tajikistan unless it pays $40 million "
                "in arrears by the end of the month.", None),
         "ru": ("Энергетика Евразии", "Ашхабад грозит перекрыть газ",
                "Туркменистан в воскресенье пригрозил Таджикистану прекращением поставок газа, если тот до конца "
                "месяца не погасит долг в 40 миллионов долларов.", None),
         "uk": ("Газовий ринок", "Туркменістан може залишити Таджикистан без газу",
                "Туркменістан у неділю пригрозив Таджикистану припинити постачання газу, якщо той до кінця місяця "
                "не сплатить борг у 40 мільйонів доларів.", None),
         "es": ("Energía y Poder", "Turkmenistán amenaza con cortar el gas",
                "Turkmenistán amenazó el domingo a Tayikistán con cortar el suministro de gas si no salda antes de "
                "fin de mes una deuda de 40 millones de dólares.", None),
     }),
    ("p16-08", "SANCTION", names("Tanzania", "Танзания", "Танзанія", "Tanzania"),
     names("Zambia", "Замбии", "Замбії", "Zambia"), "2026-10-19", {
         "en": ("Great Lakes Observer", "Tanzania bars Zambian boats from its waters",
                "Tanzania on Monday barred fishing boats from Zambia from its part of Lake Tanganyika, accusing "
                "their crews of using illegal nets.", None),
         "ru": ("Вести Великих озёр", "Танзания закрыла свою часть озера для соседей",
                "Танзания в понедельник запретила рыболовецким судам из Замбии ловить рыбу на озере Танганьика в "
                "своих водах, обвинив их экипажи в использовании запрещённых сетей.", None),
         "uk": ("Африканський тиждень", "Танзанія не пускає замбійських рибалок",
                "Танзанія в понеділок заборонила рибальським суднам із Замбії рибалити на озері Танганьїка у своїх "
                "водах через заборонені сіті.", None),
         "es": ("El Observador de los Lagos", "Tanzania veta a los pesqueros zambianos",
                "Tanzania prohibió el lunes a los barcos pesqueros de Zambia faenar en sus aguas del lago "
                "Tanganica, al acusar a sus tripulaciones de usar redes ilegales.", None),
     }),
    ("p16-09", "RETREAT", names("Bhutan", "Бутан", "Бутан", "Bután"),
     names("South Sudan", "Южного Судана", "Південного Судану", "Sudán del Sur"), "2026-10-20", {
         "en": ("Himalayan Times Online", "Bhutan brings its peacekeepers home",
                "Bhutan withdrew its 120 peacekeepers from South Sudan on Tuesday, closing its camp at a base "
                "near Malakal after seven years.", None),
         "ru": ("Азиатский обозреватель", "Бутанские миротворцы возвращаются домой",
                "Бутан во вторник вывел 120 своих миротворцев из Южного Судана, закрыв лагерь на базе под "
                "Малакалем после семи лет службы.", None),
         "uk": ("Миротворчий вісник", "Бутан завершив місію в Африці",
                "Бутан у вівторок вивів 120 своїх миротворців з Південного Судану й закрив табір на базі поблизу "
                "Малакаля.", None),
         "es": ("Revista de Paz", "Bután retira a sus cascos azules",
                "Bután retiró el martes a sus 120 cascos azules de Sudán del Sur y cerró su campamento en una base "
                "cercana a Malakal tras siete años de misión.", None),
     }),
    ("p16-10", "SUPPORT", names("Latvia", "Латвия", "Латвія", "Letonia"),
     names("Estonia", "Эстонии", "Естонії", "Estonia"), "2026-10-21", {
         "en": ("Baltic Policy Watch", "Latvia backs Estonian bid for UN council seat",
                "Latvia on Wednesday endorsed Estonia's candidacy for a seat on the UN Human Rights Council, its "
                "foreign minister said after a meeting in Riga.", None),
         "ru": ("Балтийский дневник", "Рига поддержит Таллин в ООН",
                "Латвия в среду поддержала кандидатуру Эстонии в Совет ООН по правам человека, сообщил министр "
                "иностранных дел после встречи в Риге.", None),
         "uk": ("Північна Європа", "Латвія підтримала Естонію",
                "Латвія в середу підтримала кандидатуру Естонії до Ради ООН з прав людини, повідомив міністр "
                "закордонних справ після зустрічі в Ризі.", None),
         "es": ("Báltico al Día", "Letonia apoya a Estonia en la ONU",
                "Letonia respaldó el miércoles la candidatura de Estonia al Consejo de Derechos Humanos de la ONU, "
                "según su canciller tras una reunión en Riga.", None),
     }),
]


if __name__ == "__main__":
    write(EVENTS, OUT)
    print(f"{OUT}: {sum(len(texts) for *_, texts in EVENTS)} articles")
