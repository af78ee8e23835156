#!/usr/bin/env python
"""Write ``training/languages/events/dev7/parallel_dev.jsonl``: ten invented events, each told in en/ru/uk/es, in the
format of parallel_dev.jsonl. A seventh development set of the parallel check (``scripts/eval_events_languages.py --set
training/languages/events/dev7``), written in the twelfth round before any change of code, from the PLOVER definitions
(``storyline/data/plover_definitions.yaml``), never from the seeds, the demo corpus or frozen/. Each article is by its
own invented outlet, in that outlet's style (wire lead with a dateline, regional daily, business weekly, opinionated
portal). What it leans on:

- people whose names come from Turkish, Arabic, Japanese and Malay, written in Cyrillic by the ru/uk outlets
  ("Хакан Йылдырым" / "Хакан Йилдирим" = Hakan Yildirim, "Фейсал аль-Рашед", "Харуто Накамура", "Фарид Исмаил"),
  in oblique cases ("с Фейсалом аль-Рашедом", "Омара Хаддада") and named by surname alone after the first mention
  ("Накамура заявил", "Ismail pidió");
- targets after Spanish "de" in long sentences ("las importaciones de carne bovina de Brasil, ..., según ...") and
  Russian / Ukrainian genitives ("генералов Мьянмы", "запрос Эквадора", "з Бразилії");
- easing and lifting restrictions (RETREAT in every language: "смягчила ограничения", "flexibilizó"), releasing a
  prisoner (RETREAT), a rejected extradition request (REJECT), sanctions on generals (SANCTION), a detention (COERCE);
- acronyms per language (ОАЭ / ОАЕ / EAU), a capital for its country ("Пекин", "Pekín"), a weekday, "вчера" / "ayer"
  in an outlet published a day later, a background event before the event in one language.

    python training/languages/events/parallel_dev7.py
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from parallel_rows import names, write

OUT = Path(__file__).resolve().parent / "dev7" / "parallel_dev.jsonl"



# (event, type, source, target, event day, {lang: (outlet, title, text, published or None for the event's day)})
EVENTS = [
    ("p7-01", "RETREAT", names("South Korea", "Южная Корея", "Південна Корея", "Corea del Sur"),
     names("Brazil", "Бразилия", "Бразилія", "Brasil"), "2025-12-01", {
         "en": ("Pacific Trade Wire", "South Korea eases curbs on Brazilian beef",
                "SEOUL, Dec 1 (Reuters) - South Korea eased restrictions on beef imports from Brazil on Monday, "
                "two years after a disease scare halted most shipments, the agriculture ministry said.", None),
         "ru": ("Аграрное обозрение", "Сеул смягчил ограничения на бразильскую говядину",
                "Южная Корея в понедельник смягчила ограничения на импорт говядины из Бразилии, введённые два года "
                "назад из-за вспышки болезни скота, сообщило министерство сельского хозяйства страны.", None),
         "uk": ("Світовий ринок", "Південна Корея послабила обмеження на яловичину з Бразилії",
                "Південна Корея вчора послабила обмеження на імпорт яловичини з Бразилії, запроваджені два роки "
                "тому через спалах хвороби худоби.", "2025-12-02"),
         "es": ("Diario del Campo", "Corea del Sur abre la puerta a la carne brasileña",
                "Corea del Sur flexibilizó el lunes las restricciones sanitarias que desde hace dos años frenaban "
                "las importaciones de carne bovina de Brasil, según confirmó en un comunicado el Ministerio de "
                "Agricultura surcoreano.", None),
     }),
    ("p7-02", "CONSULT", names("Hakan Yildirim", "Хакан Йылдырым", "Хакан Йилдирим", "Hakan Yıldırım"),
     names("Faisal Al-Rashed", "Фейсал аль-Рашед", "Фейсал аль-Рашед", "Faisal al Rashed"), "2025-12-02", {
         "en": ("Gulf Diplomatic Review", "Turkish and Saudi ministers meet in Riyadh",
                "Turkish Foreign Minister Hakan Yildirim held talks with his Saudi counterpart Faisal Al-Rashed in "
                "Riyadh on Tuesday on the war in Sudan and regional trade.", None),
         "ru": ("Ближневосточный курьер", "Главы МИД Турции и Саудовской Аравии провели переговоры",
                "Министр иностранных дел Турции Хакан Йылдырым во вторник провёл в Эр-Рияде переговоры с "
                "саудовским коллегой Фейсалом аль-Рашедом. Йылдырым и аль-Рашед обсудили войну в Судане и торговлю.",
                None),
         "uk": ("Міжнародний тиждень", "Йилдирим провів переговори в Ер-Ріяді",
                "Очільник МЗС Туреччини Хакан Йилдирим у вівторок зустрівся в Ер-Ріяді з міністром закордонних "
                "справ Саудівської Аравії Фейсалом аль-Рашедом. Сторони обговорили війну в Судані.", None),
         "es": ("Agencia Mediterránea", "Yıldırım y Al Rashed abordan la guerra de Sudán",
                "RIAD, 2 dic (EFE).- El ministro turco de Asuntos Exteriores, Hakan Yıldırım, se reunió este martes "
                "en Riad con su homólogo saudí, Faisal al Rashed, para abordar la guerra de Sudán y el comercio "
                "regional.", None),
     }),
    ("p7-03", "ACCUSE", names("Haruto Nakamura", "Харуто Накамура", "Харуто Накамура", "Haruto Nakamura"),
     names("China", "Китай", "Китай", "China"), "2025-12-03", {
         "en": ("East Asia Today", "Japan's defence chief accuses China over drones",
                "Japanese Defence Minister Haruto Nakamura on Wednesday accused China of flying military drones "
                "into Japanese airspace near Yonaguni island three times in a week.", None),
         "ru": ("Тихоокеанский вестник", "Токио обвинил Пекин в нарушении воздушного пространства",
                "Министр обороны Японии Харуто Накамура выступил в среду в парламенте. Накамура обвинил Китай в "
                "том, что его военные беспилотники трижды за неделю залетали в воздушное пространство Японии у "
                "острова Йонагуни.", None),
         "uk": ("Азія онлайн", "Японія звинуватила Китай у порушенні повітряного простору",
                "Міністр оборони Японії Харуто Накамура в середу звинуватив Китай у тому, що його військові "
                "безпілотники тричі за тиждень залітали в повітряний простір Японії.", None),
         "es": ("El Observador Asiático", "Japón acusa a Pekín de violar su espacio aéreo con drones",
                "El ministro de Defensa de Japón, Haruto Nakamura, acusó ayer a China de enviar drones militares "
                "al espacio aéreo japonés cerca de la isla de Yonaguni tres veces en una semana. Nakamura habló "
                "ante el Parlamento.", "2025-12-04"),
     }),
    ("p7-04", "SANCTION", names("Australia", "Австралия", "Австралія", "Australia"),
     names("Myanmar", "Мьянма", "М'янма", "Myanmar"), "2025-12-04", {
         "en": ("Southern Cross Herald", "Australia sanctions five Myanmar generals",
                "CANBERRA, Dec 4 (AP) - Australia imposed sanctions on five Myanmar generals on Thursday over "
                "air strikes on villages in Sagaing, freezing their assets and banning them from travel.", None),
         "ru": ("Мировые новости", "Австралия ввела санкции против генералов Мьянмы",
                "Австралия в четверг ввела санкции против пяти генералов Мьянмы из-за авиаударов по деревням в "
                "районе Сагайна: их активы заморожены, въезд в страну запрещён.", None),
         "uk": ("Глобальний огляд", "Австралія запровадила санкції проти м'янманських генералів",
                "Австралія в четвер запровадила санкції проти п'ятьох генералів М'янми через авіаудари по селах у "
                "регіоні Сагайн.", None),
         "es": ("Crónica Internacional", "Australia sanciona a la cúpula militar birmana",
                "Australia impuso el jueves sanciones a cinco generales de Myanmar, a los que responsabiliza de los "
                "bombardeos contra aldeas de la región de Sagaing, y congeló sus bienes en el país.", None),
     }),
    ("p7-05", "AID", names("United Arab Emirates", "ОАЭ", "ОАЕ", "EAU"),
     names("Somalia", "Сомали", "Сомалі", "Somalia"), "2025-12-05", {
         "en": ("Horn of Africa Monitor", "UAE sends food aid to drought-hit Somalia",
                "The United Arab Emirates delivered 300 tonnes of food aid to Somalia on Friday as drought left "
                "two million people short of food, the Somali disaster agency said.", None),
         "ru": ("Африканский дайджест", "ОАЭ доставили продовольствие в Сомали",
                "ОАЭ в пятницу направили Сомали 300 тонн продовольственной помощи для пострадавших от засухи, "
                "сообщило национальное агентство по чрезвычайным ситуациям.", None),
         "uk": ("Гуманітарний огляд", "ОАЕ надали Сомалі 300 тонн продовольства",
                "ОАЕ вчора надали Сомалі 300 тонн продовольчої допомоги для постраждалих від посухи.",
                "2025-12-06"),
         "es": ("Solidaridad Global", "Los EAU envían 300 toneladas de alimentos a Somalia",
                "La sequía ha dejado sin alimentos suficientes a dos millones de personas en Somalia.\n\n"
                "Los EAU entregaron el viernes 300 toneladas de ayuda alimentaria a Somalia, informó la agencia "
                "somalí de gestión de desastres.", None),
     }),
    ("p7-06", "REJECT", names("Colombia", "Колумбия", "Колумбія", "Colombia"),
     names("Ecuador", "Эквадор", "Еквадор", "Ecuador"), "2025-12-08", {
         "en": ("Andean Times", "Colombia rejects Ecuador's extradition request",
                "Colombia on Monday rejected a request from Ecuador to extradite former energy minister Andrés "
                "Paredes, saying he faced political persecution at home.", None),
         "ru": ("Латинская Америка сегодня", "Богота отказалась выдать Кито бывшего министра",
                "Колумбия в понедельник отклонила запрос Эквадора об экстрадиции бывшего министра энергетики "
                "Андреса Паредеса, сославшись на риск политического преследования.", None),
         "uk": ("Новини двох Америк", "Колумбія відмовилася видати Еквадору ексміністра",
                "Колумбія в понеділок відхилила запит Еквадору про екстрадицію колишнього міністра енергетики "
                "Андреса Паредеса.", None),
         "es": ("El Heraldo Andino", "Colombia niega la extradición de Paredes a Ecuador",
                "El Gobierno de Colombia rechazó este lunes la solicitud de extradición del exministro de Energía "
                "Andrés Paredes presentada por la Fiscalía de Ecuador, al considerar que sería objeto de "
                "persecución política.", None),
     }),
    ("p7-07", "RETREAT", names("Iran", "Иран", "Іран", "Irán"),
     names("Claire Duval", "Клэр Дюваль", "Клер Дюваль", "Claire Duval"), "2025-12-09", {
         "en": ("Continental Report", "Iran frees French aid worker Claire Duval",
                "Iran released French aid worker Claire Duval on Tuesday after fourteen months in Evin prison, "
                "the French foreign ministry said.", None),
         "ru": ("Европейский обозреватель", "Иран освободил французскую гуманитарную сотрудницу",
                "Иран во вторник освободил французскую сотрудницу гуманитарной организации Клэр Дюваль, которая "
                "провела четырнадцать месяцев в тюрьме Эвин.", None),
         "uk": ("Вільне слово", "Іран звільнив француженку Клер Дюваль",
                "Іран учора звільнив французьку гуманітарну працівницю Клер Дюваль після чотирнадцяти місяців "
                "ув'язнення.", "2025-12-10"),
         "es": ("Noticias de Francia", "Irán libera a la cooperante francesa Claire Duval",
                "Irán liberó el martes a la cooperante francesa Claire Duval tras catorce meses en la cárcel de "
                "Evin, según el Ministerio de Exteriores de Francia.", None),
     }),
    ("p7-08", "COERCE", names("Jordan", "Иордания", "Йорданія", "Jordania"),
     names("Omar Haddad", "Омар Хаддад", "Омар Хаддад", "Omar Haddad"), "2025-12-10", {
         "en": ("Levant Post", "Jordan arrests opposition leader Omar Haddad",
                "Jordanian authorities arrested opposition politician Omar Haddad at his home in Amman on "
                "Wednesday, his party said.", None),
         "ru": ("Восточный экспресс", "В Аммане задержан оппозиционер Омар Хаддад",
                "Власти Иордании в среду задержали оппозиционного политика Омара Хаддада в его доме в Аммане, "
                "сообщила его партия.", None),
         "uk": ("Близький Схід сьогодні", "В Йорданії затримали опозиціонера Хаддада",
                "Йорданія в середу заарештувала опозиційного політика Омара Хаддада в його будинку в Аммані, "
                "повідомила партія політика.", None),
         "es": ("Oriente Próximo Hoy", "Jordania detiene al opositor Omar Haddad",
                "AMÁN, 10 dic (EFE).- Las autoridades de Jordania detuvieron este miércoles en su domicilio de "
                "Amán al político opositor Omar Haddad, según denunció su partido.", None),
     }),
    ("p7-09", "REQUEST", names("Farid Ismail", "Фарид Исмаил", "Фарід Ісмаїл", "Farid Ismail"),
     names("Thailand", "Таиланд", "Таїланд", "Tailandia"), "2025-12-11", {
         "en": ("Straits Chronicle", "Malaysian PM urges Thailand to reopen border",
                "Malaysian Prime Minister Farid Ismail on Thursday urged Thailand to reopen the Bukit Kayu Hitam "
                "border crossing, closed since floods last month.", None),
         "ru": ("Юго-Восточная Азия", "Премьер Малайзии призвал Таиланд открыть границу",
                "Премьер-министр Малайзии Фарид Исмаил в четверг призвал Таиланд вновь открыть пограничный переход "
                "Букит-Кайю-Хитам, закрытый после наводнений.", None),
         "uk": ("Тихоокеанський огляд", "Ісмаїл закликав Таїланд відкрити кордон",
                "Прем'єр-міністр Малайзії Фарід Ісмаїл у четвер закликав Таїланд знову відкрити прикордонний "
                "перехід, закритий після повеней.", None),
         "es": ("Asia Pacífico Noticias", "Malasia pide a Tailandia reabrir la frontera",
                "El primer ministro malasio, Farid Ismail, visitó ayer la frontera norte. Ismail pidió a Tailandia "
                "que reabra el paso fronterizo de Bukit Kayu Hitam, cerrado desde las inundaciones del mes pasado.",
                "2025-12-12"),
     }),
    ("p7-10", "AGREE", names("Kenya", "Кения", "Кенія", "Kenia"),
     names("China", "Китай", "Китай", "China"), "2025-12-12", {
         "en": ("East African Business", "Kenya signs $2 billion railway deal with China",
                "NAIROBI, Dec 12 (Reuters) - Kenya signed a $2 billion agreement with China on Friday to extend "
                "its standard-gauge railway to the Ugandan border, the transport ministry said.", None),
         "ru": ("Деловая Африка", "Кения и Китай договорились о продлении железной дороги",
                "Кения в пятницу подписала с Китаем соглашение на 2 миллиарда долларов о продлении железной дороги "
                "до границы с Угандой, сообщило министерство транспорта.", None),
         "uk": ("Економічний вісник", "Кенія підписала з Китаєм угоду на $2 млрд",
                "Кенія в п'ятницю підписала з Китаєм угоду на 2 мільярди доларів про продовження залізниці до "
                "кордону з Угандою.", None),
         "es": ("Economía Africana", "Kenia firma con China un acuerdo ferroviario de 2.000 millones",
                "Kenia firmó el viernes con China un acuerdo de 2.000 millones de dólares para prolongar su línea "
                "ferroviaria hasta la frontera con Uganda, informó el Ministerio de Transporte.", None),
     }),
]


def main() -> None:
    write(EVENTS, OUT)

if __name__ == "__main__":
    main()
