#!/usr/bin/env python
"""Write ``training/languages/events/dev6/parallel_dev.jsonl``: ten invented events, each told in en/ru/uk/es, in the
format of parallel_dev.jsonl. A sixth development set of the parallel check (``scripts/eval_events_languages.py --set
training/languages/events/dev6``; dev6 also holds the Russian sentence set of the ninth round), written in the tenth
round before any change of code, from the PLOVER definitions (``storyline/data/plover_definitions.yaml``), never from
frozen/. Harder than dev5, where every article named its actors by their country name in every language:

- actors named differently across languages: a capital for its country in one language only ("Москва сняла
  запрет", "Пекин", "Тбілісі", "Киев призвал Будапешт"), other country names ("Молдавия" / "Молдова" /
  "Moldavia"), a government for its country ("Власти Белоруссии", "El Gobierno de Polonia"), people with titles
  and in oblique cases ("с президентом Турции Эмре Аксоем", "журналиста Алеся Карповича"), transliterations that
  differ by more than an accent (Vogt / Фогт, Karpovich / Karpóvich);
- events typed near a boundary of the codebook: lifting and easing a ban (RETREAT: "ease a restriction"), expelling
  diplomats (SANCTION: "expelling diplomats"), recalling an ambassador (SANCTION, cutting ties; Spanish "llamar a
  consultas", a false friend of CONSULT), detaining a journalist (COERCE), withdrawing troops (RETREAT, once as a
  noun, "completó la retirada"), pledging aid (AGREE: a promise, not yet AID), a threat of sanctions (THREATEN,
  not SANCTION), a call to lift a ban (REQUEST, not RETREAT);
- dates given differently: a weekday ("on Tuesday"), a day and month ("4 ноября"), "вчера" / "ayer" in an outlet
  that publishes the next day, "el pasado martes";
- the event in the lead in one language and in a later paragraph, after a background event, in another.

    python training/languages/events/parallel_dev6.py
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from parallel_rows import names, write

OUT = Path(__file__).resolve().parent / "dev6" / "parallel_dev.jsonl"



# (event, type, source, target, event day, {lang: (outlet, title, text, published or None for the event's day)})
EVENTS = [
    ("p6-01", "RETREAT", names("Russia", "Москва", "Росія", "Rusia"),
     names("Moldova", "Молдавия", "Молдова", "Moldavia"), "2025-11-04", {
         "en": ("Dniester Daily", "Moscow lifts ban on Moldovan wine",
                "CHISINAU, Nov 4 (Reuters) - Russia on Tuesday lifted a ban on wine imports from Moldova that had "
                "been in place since 2023, Moldova's economy ministry said.\n\nThe Kremlin gave no reason for the "
                "decision.", None),
         "ru": ("Южный вестник", "Молдавские вина возвращаются на российский рынок",
                "Москва сняла запрет на ввоз вина из Молдавии, действовавший с 2023 года. Решение вступило в силу "
                "4 ноября, сообщили в министерстве экономики республики.", "2025-11-05"),
         "uk": ("Бессарабія сьогодні", "Росія скасувала заборону на молдовське вино",
                "Росія вчора скасувала заборону на ввезення вина з Молдови, запроваджену у 2023 році, повідомило "
                "міністерство економіки в Кишиневі.", "2025-11-05"),
         "es": ("El Correo del Este", "Rusia levanta el veto al vino moldavo",
                "Rusia levantó el pasado martes el veto a los vinos de Moldavia, vigente desde 2023, según informó "
                "el Ministerio de Economía moldavo.", "2025-11-06"),
     }),
    ("p6-02", "RETREAT", names("China", "Китай", "Китай", "China"),
     names("Japan", "Япония", "Японія", "Japón"), "2025-11-05", {
         "en": ("Orient Economic Review", "China eases curbs on Japanese seafood",
                "BEIJING, Nov 5 (AP) - China eased restrictions on seafood imports from Japan on Wednesday, "
                "allowing shipments from ten prefectures to resume, the customs administration said.", None),
         "ru": ("Дальневосточное обозрение", "Пекин смягчил ограничения на японские морепродукты",
                "Китай в среду смягчил ограничения на ввоз морепродуктов из Японии: поставки из десяти префектур "
                "возобновятся, сообщило таможенное ведомство КНР.", None),
         "uk": ("Азійський кур'єр", "Китай послабив обмеження для японських морепродуктів",
                "Китай послабив обмеження на ввезення морепродуктів з Японії. Відтепер дозволено поставки з десяти "
                "префектур, повідомила в середу митна служба країни.", None),
         "es": ("Mercados de Asia", "Pekín relaja las restricciones al marisco japonés",
                "China flexibilizó el miércoles las restricciones a la importación de productos del mar procedentes "
                "de Japón y permitirá de nuevo los envíos de diez prefecturas, según la Administración de Aduanas.",
                None),
     }),
    ("p6-03", "SANCTION", names("Poland", "Польша", "Польща", "Polonia"),
     names("Russia", "Россия", "Росія", "Rusia"), "2025-11-06", {
         "en": ("Vistula Post", "Poland expels three Russian diplomats",
                "Poland expelled three Russian diplomats on Thursday, accusing Moscow of plotting sabotage on a "
                "railway line, Foreign Minister Tomasz Wierzbicki said.", None),
         "ru": ("Балтийский телеграф", "Варшава высылает российских дипломатов",
                "Польша в четверг объявила персонами нон грата трёх сотрудников посольства России в Варшаве, "
                "обвинив Москву в подготовке диверсии на железной дороге.", None),
         "uk": ("Західний кур'єр", "Польща видворяє трьох російських дипломатів",
                "Польща видворила трьох дипломатів Росії через підозру в підготовці диверсії на залізниці, "
                "повідомив у четвер міністр закордонних справ Томаш Вежбицький.", None),
         "es": ("Diario Continental", "Polonia expulsa a tres diplomáticos rusos",
                "VARSOVIA, 6 nov (EFE).- El Gobierno de Polonia expulsó este jueves a tres diplomáticos de Rusia, a "
                "los que acusa de preparar un sabotaje contra una línea ferroviaria.", None),
     }),
    ("p6-04", "SANCTION", names("Peru", "Перу", "Перу", "Perú"),
     names("Mexico", "Мексика", "Мексика", "México"), "2025-11-10", {
         "en": ("Andes Courier", "Peru recalls its ambassador to Mexico",
                "Peru recalled its ambassador to Mexico on Monday in protest at remarks by the Mexican president "
                "about last month's election in Lima, the foreign ministry said.", None),
         "ru": ("Латиноамериканский обозреватель", "Лима отозвала посла из Мехико",
                "Перу в понедельник отозвало своего посла из Мексики в знак протеста против высказываний "
                "мексиканского президента о прошедших в стране выборах.", None),
         "uk": ("Південна Америка сьогодні", "Перу відкликало посла з Мексики",
                "Перу відкликало свого посла з Мексики на знак протесту проти заяв мексиканського президента про "
                "минулі вибори, повідомило в понеділок МЗС країни.", None),
         "es": ("La República del Sur", "Perú llama a consultas a su embajador en México",
                "El Gobierno peruano llamó a consultas este lunes a su embajador en México en protesta por las "
                "declaraciones de la presidenta mexicana sobre las elecciones del mes pasado en Perú.", None),
     }),
    ("p6-05", "COERCE", names("Belarus", "Белоруссия", "Білорусь", "Bielorrusia"),
     names("Ales Karpovich", "Алесь Карпович", "Алесь Карпович", "Ales Karpóvich"), "2025-11-11", {
         "en": ("Eastern Frontier News", "Belarus detains exiled journalist at Minsk airport",
                "Belarus detained journalist Ales Karpovich at Minsk airport on Tuesday as he returned from Vilnius, "
                "his employer said.", None),
         "ru": ("Свободный взгляд", "В минском аэропорту задержан журналист Алесь Карпович",
                "Власти Белоруссии во вторник задержали журналиста Алеся Карповича в аэропорту Минска, когда он "
                "возвращался из Вильнюса, сообщила редакция.", None),
         "uk": ("Полісся онлайн", "Журналіста Карповича затримали в Мінську",
                "Влада Білорусі вчора затримала журналіста Алеся Карповича в аеропорту Мінська, коли він "
                "повертався з Вільнюса.", "2025-11-12"),
         "es": ("Prensa Libre Europa", "Bielorrusia detiene al periodista Ales Karpóvich",
                "Bielorrusia detuvo el martes al periodista Ales Karpóvich en el aeropuerto de Minsk cuando "
                "regresaba de Vilna, informó su medio.", None),
     }),
    ("p6-06", "RETREAT", names("France", "Франция", "Франція", "Francia"),
     names("Chad", "Чад", "Чад", "Chad"), "2025-11-12", {
         "en": ("Sahel Observer", "France pulls last troops out of Chad",
                "France withdrew its last soldiers from Chad on Wednesday and handed the Abeche base over to the "
                "Chadian army, ending six decades of military presence.", None),
         "ru": ("Африка сегодня", "Париж завершил вывод войск из Чада",
                "Франция в среду вывела последних военнослужащих из Чада и передала базу в Абеше чадской армии.",
                None),
         "uk": ("Африканський огляд", "Франція вивела останніх військових із Чаду",
                "Франція в середу вивела з Чаду останніх військових і передала базу в Абеше чадській армії.", None),
         "es": ("El Mundo Africano", "Francia culmina su retirada militar de Chad",
                "Francia completó este miércoles la retirada de sus últimos soldados de Chad y entregó la base de "
                "Abéché al ejército chadiano.", None),
     }),
    ("p6-07", "AGREE", names("Norway", "Норвегия", "Норвегія", "Noruega"),
     names("Sudan", "Судан", "Судан", "Sudán"), "2025-11-13", {
         "en": ("Nordic Ledger", "Donors raise $1.2 billion for Sudan",
                "Donors meeting in Geneva on Thursday raised $1.2 billion for Sudan, where fighting has displaced "
                "twelve million people.\n\nNorway pledged $50 million in humanitarian aid to Sudan, the largest "
                "single contribution of the day.", None),
         "ru": ("Северная почта", "Норвегия пообещала Судану 50 млн долларов",
                "Норвегия в четверг пообещала выделить Судану 50 миллионов долларов гуманитарной помощи на "
                "донорской конференции в Женеве.", None),
         "uk": ("Гуманітарний вісник", "Донори зібрали для Судану 1,2 млрд доларів",
                "На донорській конференції в Женеві в четвер для Судану зібрали 1,2 мільярда доларів.\n\n"
                "Норвегія пообіцяла Судану 50 мільйонів доларів гуманітарної допомоги.", None),
         "es": ("Cooperación Hoy", "Noruega promete 50 millones de dólares a Sudán",
                "Noruega se comprometió este jueves a donar 50 millones de dólares en ayuda humanitaria a Sudán "
                "durante la conferencia de donantes celebrada en Ginebra.", None),
     }),
    ("p6-08", "CONSULT", names("Lena Vogt", "Лена Фогт", "Лена Фогт", "Lena Vogt"),
     names("Emre Aksoy", "Эмре Аксой", "Емре Аксой", "Emre Aksoy"), "2025-11-17", {
         "en": ("Bosphorus Bulletin", "Vogt and Aksoy discuss migration in Ankara",
                "German Chancellor Lena Vogt held talks with Turkish President Emre Aksoy in Ankara on Monday on "
                "migration and trade.", None),
         "ru": ("Европа и Восток", "Фогт и Аксой обсудили миграцию",
                "Канцлер ФРГ Лена Фогт в понедельник провела в Анкаре переговоры с президентом Турции Эмре Аксоем "
                "о миграции и торговле.", None),
         "uk": ("Дипломатичний тиждень", "Фогт зустрілася з Аксоєм в Анкарі",
                "Канцлерка Німеччини Лена Фогт учора зустрілася в Анкарі з президентом Туреччини Емре Аксоєм. "
                "Сторони обговорили міграцію та торгівлю.", "2025-11-18"),
         "es": ("Europa Press Sur", "Vogt y Aksoy hablan de migración en Ankara",
                "La canciller alemana, Lena Vogt, se reunió este lunes en Ankara con el presidente turco, Emre Aksoy, "
                "para hablar de migración y comercio.", None),
     }),
    ("p6-09", "THREATEN", names("European Union", "Евросоюз", "ЄС", "UE"),
     names("Georgia", "Грузия", "Тбілісі", "Georgia"), "2025-11-18", {
         "en": ("Caucasus Monitor", "EU warns Georgia of sanctions over agents law",
                "The European Union threatened Georgia with sanctions on Tuesday if its parliament passes a law on "
                "foreign agents.", None),
         "ru": ("Закавказье", "Евросоюз пригрозил Грузии санкциями",
                "Евросоюз во вторник пригрозил Грузии санкциями в случае принятия закона об иностранных агентах.",
                None),
         "uk": ("Європейський оглядач", "ЄС пригрозив Тбілісі санкціями",
                "ЄС у вівторок пригрозив Тбілісі санкціями, якщо грузинський парламент ухвалить закон про "
                "іноземних агентів.", None),
         "es": ("Diario de Bruselas", "Bruselas amenaza a Georgia con sanciones",
                "La UE amenazó este martes a Georgia con sanciones si el Parlamento georgiano aprueba la ley de "
                "agentes extranjeros.", None),
     }),
    ("p6-10", "REQUEST", names("Ukraine", "Киев", "Україна", "Ucrania"),
     names("Hungary", "Будапешт", "Угорщина", "Hungría"), "2025-11-20", {
         "en": ("Danube Times", "Ukraine urges Hungary to lift grain ban",
                "Hungary's parliament on Wednesday voted to extend a ban on grain imports for another year.\n\n"
                "Ukraine on Thursday urged Hungary to lift the ban, saying it breaks the EU's trade rules.", None),
         "ru": ("Дунайский вестник", "Киев призвал Будапешт снять запрет на зерно",
                "Киев в четверг призвал Будапешт отменить запрет на ввоз украинского зерна, заявив, что он "
                "нарушает торговые правила ЕС.", None),
         "uk": ("Аграрний тиждень", "Україна закликала Угорщину скасувати заборону",
                "Угорський парламент у середу продовжив заборону на ввезення зерна ще на рік.\n\nУкраїна в четвер "
                "закликала Угорщину скасувати заборону, яка, за її словами, порушує торговельні правила ЄС.", None),
         "es": ("El Agricultor", "Ucrania pide a Hungría que levante el veto al grano",
                "Ucrania pidió el jueves a Hungría que levante la prohibición de importar su grano, que a su juicio "
                "vulnera las normas comerciales de la UE.", None),
     }),
]


def main() -> None:
    write(EVENTS, OUT)

if __name__ == "__main__":
    main()
