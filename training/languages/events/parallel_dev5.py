#!/usr/bin/env python
"""Write ``training/languages/events/dev5/parallel_dev.jsonl``: ten invented events, each told in en/ru/uk/es, in the
format of parallel_dev.jsonl. A fifth development set of the parallel check (``scripts/eval_events_languages.py --set
training/languages/events/dev5``), written in the ninth round before any change to story-event linking, from the
PLOVER definitions, never from frozen/. Harder than dev4: every article comes from a different invented outlet with
its own wording: wire datelines opening the lead in all four languages ("МОСКВА, 7 октября — ...", "KYIV (Reuters)
-", "MADRID, 7 oct (EFE).-"), a capital for its country in one language and the country in another ("Баку обвинил
Париж", "Azerbaijan accused France"), confusable wording of one type ("заблокировал" for a veto, "отозвал" for an
expulsion), a second, background event in the same article, and outlets that publish the day after ("вчера",
"ayer").

    python training/languages/events/parallel_dev5.py
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from parallel_rows import names, write

OUT = Path(__file__).resolve().parent / "dev5" / "parallel_dev.jsonl"



# (event, type, source, target, publication day, {lang: (outlet, title, text, published or None for the event's day)})
EVENTS = [
    ("p5-01", "AGREE", names("Kazakhstan", "Казахстан", "Казахстан", "Kazajistán"),
     names("Uzbekistan", "Узбекистан", "Узбекистан", "Uzbekistán"), "2025-10-07", {
         "en": ("Steppe Wire", "Kazakhstan and Uzbekistan sign water-sharing deal",
                "ASTANA, Oct 7 (Reuters) - Kazakhstan and Uzbekistan signed an agreement on Tuesday to share water "
                "from the Syr Darya river during the summer irrigation season, the two governments said.", None),
         "ru": ("Деловая Азия", "Астана и Ташкент поделили воду Сырдарьи",
                "АСТАНА, 7 октября — «Деловая Азия». Казахстан и Узбекистан во вторник подписали соглашение о "
                "совместном использовании воды Сырдарьи в летний поливной сезон.", None),
         "uk": ("Погляд", "Казахстан і Узбекистан домовилися про воду",
                "Казахстан та Узбекистан у вівторок підписали угоду про спільне використання води Сирдар'ї під час "
                "літнього поливного сезону.", None),
         "es": ("Diario del Sur", "Kazajistán y Uzbekistán firman un acuerdo sobre el agua",
                "ASTANÁ, 7 oct (EFE).- Kazajistán y Uzbekistán firmaron este martes un acuerdo para repartir el agua "
                "del río Sir Daria durante la temporada de riego.", None),
     }),
    ("p5-02", "RETREAT", names("Turkey", "Турция", "Туреччина", "Turquía"),
     names("Georgia", "Грузия", "Грузія", "Georgia"), "2025-10-08", {
         "en": ("Anatolia Ledger", "Turkey lifts ban on Georgian poultry",
                "Turkey on Wednesday lifted a ban on poultry imports from Georgia imposed during a bird flu outbreak "
                "in the spring, the agriculture ministry in Ankara said.", None),
         "ru": ("Закавказский курьер", "Турция сняла запрет на грузинскую птицу",
                "Турция вчера отменила запрет на ввоз птицы из Грузии, введённый весной из-за вспышки птичьего "
                "гриппа, сообщило министерство сельского хозяйства.", "2025-10-09"),
         "uk": ("Чорноморські новини", "Туреччина скасувала заборону на птицю з Грузії",
                "Туреччина в середу скасувала заборону на ввезення птиці з Грузії, запроваджену навесні через "
                "спалах пташиного грипу.", None),
         "es": ("El Faro", "Turquía levanta el veto a las aves de Georgia",
                "Turquía levantó el miércoles la prohibición de importar aves de corral de Georgia, impuesta en "
                "primavera por un brote de gripe aviar.", None),
     }),
    ("p5-03", "THREATEN", names("North Korea", "КНДР", "КНДР", "Corea del Norte"),
     names("Japan", "Япония", "Японія", "Japón"), "2025-10-09", {
         "en": ("Pacific Times", "North Korea threatens Japan over missile plan",
                "North Korea on Thursday threatened Japan with a \"merciless response\" if Tokyo deploys long-range "
                "missiles on its southern islands, state media said.", None),
         "ru": ("Восточный экспресс", "Пхеньян пригрозил Токио",
                "КНДР в четверг пригрозила Японии «беспощадным ответом», если Токио разместит ракеты большой "
                "дальности на южных островах.", None),
         "uk": ("Світ сьогодні", "КНДР погрожує Японії",
                "КНДР у четвер пригрозила Японії «нещадною відповіддю» в разі розміщення японських ракет великої "
                "дальності на південних островах.", None),
         "es": ("La Tribuna", "Corea del Norte amenaza a Japón",
                "Corea del Norte amenazó el jueves a Japón con una \"respuesta implacable\" si Tokio despliega "
                "misiles de largo alcance en sus islas del sur.", None),
     }),
    ("p5-04", "CONSULT", names("Helena Duarte", "Элена Дуарте", "Елена Дуарте", "Helena Duarte"),
     names("Angola", "Ангола", "Ангола", "Angola"), "2025-10-13", {
         "en": ("Atlantic Post", "Brazil's top diplomat holds talks in Luanda",
                "Brazilian Foreign Minister Helena Duarte held talks with the government of Angola in Luanda on "
                "Monday on oil investment and direct flights.", None),
         "ru": ("Международная панорама", "Глава МИД Бразилии провела переговоры в Луанде",
                "Министр иностранных дел Бразилии Элена Дуарте в понедельник провела переговоры с правительством "
                "Анголы о нефтяных инвестициях и прямом авиасообщении.", None),
         "uk": ("Дзеркало світу", "Елена Дуарте відвідала Анголу",
                "Міністерка закордонних справ Бразилії Елена Дуарте в понеділок відвідала Анголу й обговорила з "
                "урядом країни нафтові інвестиції та прямі рейси.", None),
         "es": ("El Observador", "La canciller brasileña, en Luanda",
                "La canciller de Brasil, Helena Duarte, se reunió el lunes en Luanda con el Gobierno de Angola para "
                "hablar de inversiones petroleras y vuelos directos.", None),
     }),
    ("p5-05", "SANCTION", names("Lithuania", "Литва", "Литва", "Lituania"),
     names("Belarus", "Белоруссия", "Білорусь", "Bielorrusia"), "2025-10-14", {
         "en": ("Baltic Monitor", "Lithuania expels Belarusian diplomat",
                "VILNIUS, Oct 14 (AP) - Lithuania expelled a diplomat of Belarus on Tuesday, declaring him persona "
                "non grata over what it called activities incompatible with his status.", None),
         "ru": ("Северо-Запад", "Вильнюс выслал белорусского дипломата",
                "Литва во вторник объявила персоной нон грата дипломата Белоруссии за деятельность, несовместимую "
                "с его статусом.", None),
         "uk": ("Голос Полісся", "Литва вислала дипломата Білорусі",
                "ВІЛЬНЮС, 14 жовтня — «Голос Полісся». Литва у вівторок вислала дипломата Білорусі, оголосивши його "
                "персоною нон грата.", None),
         "es": ("Crónica Europea", "Lituania expulsa a un diplomático de Bielorrusia",
                "Lituania expulsó el martes a un diplomático de Bielorrusia al que declaró persona non grata por "
                "actividades incompatibles con su estatus.", None),
     }),
    ("p5-06", "AID", names("Japan", "Япония", "Японія", "Japón"),
     names("Philippines", "Филиппины", "Філіппіни", "Filipinas"), "2025-10-15", {
         "en": ("Harbour Herald", "Japan sends typhoon aid to the Philippines",
                "Japan sent tents, generators and water purifiers to the Philippines on Wednesday after a typhoon "
                "left 200,000 people homeless. Last month Tokyo and Manila held coast guard drills.", None),
         "ru": ("Тихоокеанская звезда", "Япония помогла Филиппинам после тайфуна",
                "Япония в среду направила Филиппинам палатки, генераторы и установки для очистки воды после тайфуна, "
                "оставившего без крова 200 тысяч человек.", None),
         "uk": ("Новини Азії", "Японія передала Філіппінам допомогу",
                "Японія вчора передала Філіппінам намети, генератори та установки для очищення води. Тайфун залишив "
                "без даху 200 тисяч людей.", "2025-10-16"),
         "es": ("Noticias del Pacífico", "Japón envía ayuda a Filipinas tras el tifón",
                "Japón envió el miércoles a Filipinas tiendas de campaña, generadores y potabilizadoras de agua "
                "tras el paso de un tifón que dejó sin hogar a 200.000 personas.", None),
     }),
    ("p5-07", "ACCUSE", names("Azerbaijan", "Азербайджан", "Азербайджан", "Azerbaiyán"),
     names("France", "Франция", "Франція", "Francia"), "2025-10-16", {
         "en": ("Caspian Review", "Baku accuses Paris of meddling",
                "Azerbaijan on Thursday accused France of meddling in its internal affairs after French "
                "lawmakers passed a resolution on the South Caucasus.", None),
         "ru": ("Кавказский узел новостей", "Баку обвинил Париж во вмешательстве",
                "Азербайджан в четверг обвинил Францию во вмешательстве во внутренние дела после принятия "
                "французскими депутатами резолюции по Южному Кавказу.", None),
         "uk": ("Кавказ-інфо", "Азербайджан звинуватив Францію",
                "Азербайджан у четвер звинуватив Францію у втручанні у свої внутрішні справи після ухвалення "
                "французькими депутатами резолюції щодо Південного Кавказу.", None),
         "es": ("Mundo Hoy", "Azerbaiyán acusa a Francia de injerencia",
                "Azerbaiyán acusó el jueves a Francia de injerencia en sus asuntos internos tras la aprobación de "
                "una resolución sobre el Cáucaso Sur en la Asamblea francesa.", None),
     }),
    ("p5-08", "REJECT", names("Hungary", "Венгрия", "Угорщина", "Hungría"),
     names("European Union", "ЕС", "ЄС", "Unión Europea"), "2025-10-20", {
         "en": ("Continental Daily", "Hungary vetoes EU aid package",
                "BRUSSELS, Oct 20 (Reuters) - Hungary on Monday vetoed a new European Union aid package for "
                "farmers hit by drought, diplomats said.", None),
         "ru": ("Европейский обозреватель", "Будапешт наложил вето на пакет ЕС",
                "Венгрия в понедельник наложила вето на новый пакет помощи ЕС фермерам, пострадавшим от засухи, "
                "сообщили дипломаты.", None),
         "uk": ("Європейська правда дня", "Угорщина заблокувала пакет ЄС",
                "Угорщина в понеділок ветувала новий пакет допомоги ЄС для фермерів, які постраждали від посухи, "
                "повідомили дипломати.", None),
         "es": ("Gaceta de Bruselas", "Hungría veta el paquete de ayudas de la UE",
                "BRUSELAS, 20 oct (EFE).- Hungría vetó este lunes un nuevo paquete de ayudas de la Unión Europea para "
                "los agricultores afectados por la sequía, según fuentes diplomáticas.", None),
     }),
    ("p5-09", "COERCE", names("Serbia", "Сербия", "Сербія", "Serbia"),
     names("Marko Ilić", "Марко Илич", "Марко Іліч", "Marko Ilić"), "2025-10-21", {
         "en": ("Balkan Insight Daily", "Serbia detains opposition leader",
                "Serbia detained opposition leader Marko Ilić on Tuesday, hours before a planned rally in Novi "
                "Sad, his party said.", None),
         "ru": ("Балканский обзор", "В Сербии задержан лидер оппозиции",
                "Сербия во вторник задержала лидера оппозиции Марко Илича за несколько часов до запланированного "
                "митинга в Нови-Саде, сообщили в его партии.", None),
         "uk": ("Балкани сьогодні", "Сербія затримала опозиціонера Марка Іліча",
                "Сербія у вівторок затримала лідера опозиції Марка Іліча за кілька годин до запланованого мітингу "
                "в Нові-Саді.", None),
         "es": ("El Heraldo Balcánico", "Serbia detiene al líder opositor Marko Ilić",
                "Serbia detuvo el martes al líder opositor Marko Ilić horas antes de una manifestación convocada en "
                "Novi Sad, según su partido.", None),
     }),
    ("p5-10", "MOBILIZE", names("Venezuela", "Венесуэла", "Венесуела", "Venezuela"), None, "2025-10-22", {
         "en": ("Caribbean Star", "Venezuela moves troops to the east",
                "Venezuela deployed two army battalions and artillery to its eastern Bolivar state on Wednesday, "
                "the defence ministry said.", None),
         "ru": ("Латинская Америка сегодня", "Каракас перебросил войска на восток",
                "МОСКВА, 22 октября — «Латинская Америка сегодня». Венесуэла в среду перебросила два армейских "
                "батальона и артиллерию в восточный штат Боливар.", None),
         "uk": ("Світові новини", "Венесуела перекинула війська на схід",
                "Венесуела в середу перекинула два армійські батальйони та артилерію до східного штату Болівар, "
                "повідомило міністерство оборони.", None),
         "es": ("La Hora", "Venezuela despliega tropas en el este",
                "Venezuela desplegó ayer dos batallones del Ejército y artillería en el estado oriental de Bolívar, "
                "informó el Ministerio de Defensa.", "2025-10-23"),
     }),
]


def main() -> None:
    write(EVENTS, OUT)

if __name__ == "__main__":
    main()
