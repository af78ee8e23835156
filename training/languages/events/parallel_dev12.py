#!/usr/bin/env python
"""Write ``training/languages/events/parallel_dev12.jsonl``: eleven invented events, each told in en/ru/uk/es, in the
format of parallel_dev.jsonl. A twelfth development set of the parallel check (``scripts/eval_events_languages.py
--set training/languages/events/dev4 --parallel training/languages/events/parallel_dev12.jsonl``), written in the
eighteenth round before any change, from the PLOVER definitions (``storyline/data/plover_definitions.yaml``), never
from the seeds, the demo corpus or frozen/. Each article is by its own invented outlet and written natively, not
translated. What it leans on:

- a place in the sentence that is only where the event happened (the venue of talks, the airport of a detention, the
  border troops were sent to): by the place convention of ``README.md`` beside this file it is never the target;
- the same person in four scripts and cases: Portuguese, Moroccan, Armenian and Lithuanian names in Cyrillic, in the
  instrumental, genitive and accusative, by surname alone after the first mention;
- countries by their capital in one language ("Вильнюс", "Мінськ", "Кито", "Пекін"), by another name ("Киргизия" /
  "Кыргызстан" / "Киргизстан" / "Kirguistán"), as the owner of the object noun ("предложение Эфиопии", "al
  embajador de Colombia") and in the dative ("заявил Турции протест");
- a third party in or before the sentence (a minister quoted, a border crossing, a mediator, a shipping company).

    python training/languages/events/parallel_dev12.py
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from parallel_rows import names, write

OUT = Path(__file__).resolve().parent / "parallel_dev12.jsonl"

# (event, type, source, target, event day, {lang: (outlet, title, text, published or None for the event's day)})
EVENTS = [
    ("p12-01", "CONSULT", names("Inês Carvalho", "Инеш Карвалью", "Інеш Карвалью", "Inês Carvalho"),
     names("Karim Alaoui", "Каримом Алауи", "Карімом Алауї", "Karim Alaoui"), "2026-06-02", {
         "en": ("Iberian Affairs Weekly", "Portuguese and Moroccan ministers meet in Rabat",
                "Portugal's foreign minister Inês Carvalho met her Moroccan counterpart Karim Alaoui in Rabat on "
                "Tuesday to discuss a ferry link between Faro and Tangier.", None),
         "ru": ("Средиземноморский обозреватель", "Глава МИД Португалии провела переговоры в Рабате",
                "Министр иностранных дел Португалии Инеш Карвалью во вторник провела в Рабате переговоры с "
                "марокканским коллегой Каримом Алауи. Стороны обсудили паромное сообщение между Фару и Танжером.",
                None),
         "uk": ("Дипломатичний тиждень", "Карвалью та Алауї обговорили поромне сполучення",
                "Очільниця МЗС Португалії Інеш Карвалью у вівторок зустрілася в Рабаті з марокканським колегою "
                "Карімом Алауї. Йшлося про поромну лінію між Фару і Танжером.", None),
         "es": ("La Gaceta del Estrecho", "Carvalho y Alaoui estudian un ferri entre Faro y Tánger",
                "La ministra de Asuntos Exteriores de Portugal, Inês Carvalho, se reunió el martes en Rabat con su "
                "homólogo marroquí, Karim Alaoui, para estudiar una línea de ferri entre Faro y Tánger.", None),
     }),
    ("p12-02", "ACCUSE", names("Lithuania", "Литва", "Литва", "Lituania"),
     names("Belarus", "Белоруссию", "Мінськ", "Bielorrusia"), "2026-06-04", {
         "en": ("Baltic Wire", "Lithuania accuses Belarus over smuggling balloons",
                "Lithuania on Thursday accused Belarus of letting smugglers launch balloons loaded with cigarettes "
                "into its airspace, after Vilnius airport was closed twice this week.", None),
         "ru": ("Балтийский курьер", "Вильнюс обвинил Минск в попустительстве контрабандистам",
                "Литва в четверг обвинила Белоруссию в том, что та позволяет контрабандистам запускать в её "
                "воздушное пространство шары с сигаретами. На этой неделе аэропорт Вильнюса дважды закрывался.",
                None),
         "uk": ("Голос Прибалтики", "Литва звинуватила Мінськ у потуранні контрабандистам",
                "Через повітряні кулі з цигарками аеропорт Вільнюса цього тижня двічі припиняв роботу. У четвер "
                "Литва звинуватила Мінськ у тому, що він не заважає контрабандистам.", None),
         "es": ("Diario del Báltico", "Lituania acusa a Bielorrusia de tolerar los globos de contrabando",
                "Lituania acusó el jueves a Bielorrusia de permitir que los contrabandistas lancen globos cargados "
                "de cigarrillos hacia su espacio aéreo, después de que el aeropuerto de Vilna cerrara dos veces esta "
                "semana.", None),
     }),
    ("p12-03", "SANCTION", names("Kazakhstan", "Казахстан", "Казахстан", "Kazajistán"),
     names("Kyrgyzstan", "Киргизию", "Киргизстану", "Kirguistán"), "2026-06-09", {
         "en": ("Central Asia Monitor", "Kazakhstan halts wheat exports to Kyrgyzstan",
                "Kazakhstan suspended wheat exports to Kyrgyzstan on Tuesday amid a dispute over unpaid rail fees, "
                "the agriculture ministry in Astana said.", None),
         "ru": ("Степной вестник", "Казахстан приостановил поставки пшеницы в Киргизию",
                "Казахстан во вторник приостановил экспорт пшеницы в Киргизию из-за спора о неоплаченных "
                "железнодорожных сборах, сообщили в министерстве сельского хозяйства.", None),
         "uk": ("Євразійський огляд", "Казахстан зупинив експорт зерна до Киргизстану",
                "Казахстан у вівторок призупинив експорт пшениці до Киргизстану через суперечку щодо несплачених "
                "залізничних зборів.", None),
         "es": ("El Observador de Asia Central", "Kazajistán suspende la exportación de trigo a Kirguistán",
                "Kazajistán suspendió este martes las exportaciones de trigo a Kirguistán por una disputa sobre "
                "tasas ferroviarias impagadas, informó el Ministerio de Agricultura kazajo.", None),
     }),
    ("p12-04", "AID", names("Turkey", "Турция", "Туреччина", "Turquía"),
     names("Libya", "Ливию", "Лівії", "Libia"), "2026-06-11", {
         "en": ("Mediterranean Relief Report", "Turkey flies aid to flood-hit Libya",
                "Turkey sent two cargo planes with tents, water pumps and medicine to Libya on Thursday, a week "
                "after floods cut off the port of Derna.", None),
         "ru": ("Восточный экспресс", "Анкара отправила гуманитарную помощь в Ливию",
                "Турция в четверг направила в Ливию два грузовых самолёта с палатками, насосами и лекарствами. "
                "Неделю назад наводнение отрезало от мира порт Дерна.", None),
         "uk": ("Гуманітарний вісник", "Туреччина надіслала допомогу Лівії",
                "Два вантажні літаки з наметами, насосами та ліками Туреччина в четвер відправила до Лівії, де "
                "повінь тиждень тому відрізала порт Дерну.", None),
         "es": ("Crónica Humanitaria", "Turquía envía dos aviones con ayuda a Libia",
                "ANKARA, 11 jun (EP).- Turquía envió este jueves a Libia dos aviones de carga con tiendas de "
                "campaña, bombas de agua y medicinas, una semana después de que las inundaciones aislaran el puerto "
                "de Derna.", None),
     }),
    ("p12-05", "REQUEST", names("Mongolia", "Монголия", "Монголія", "Mongolia"),
     names("China", "Китай", "Пекін", "China"), "2026-06-16", {
         "en": ("Steppe Business Journal", "Mongolia asks China to reopen coal crossing",
                "Mongolia on Tuesday asked China to reopen the Gashuunsukhait border crossing to coal trucks, "
                "closed since a customs dispute last month.", None),
         "ru": ("Деловая Азия", "Монголия попросила Китай открыть переход для угольных грузовиков",
                "Монголия во вторник попросила Китай вновь открыть для грузовиков с углём пограничный переход "
                "Гашуунсухайт, закрытый с прошлого месяца из-за таможенного спора.", None),
         "uk": ("Азійський діловий тижневик", "Улан-Батор просить Пекін відкрити перехід",
                "Монголія у вівторок звернулася до Пекіна з проханням знову відкрити для вантажівок з вугіллям "
                "прикордонний перехід Гашуунсухайт.", None),
         "es": ("Revista de Comercio Asiático", "Mongolia pide a China reabrir un paso fronterizo para el carbón",
                "Mongolia pidió el martes a China que reabra a los camiones de carbón el paso fronterizo de "
                "Gashuunsukhait, cerrado desde el mes pasado por una disputa aduanera.", None),
     }),
    ("p12-06", "REJECT", names("Egypt", "Египет", "Єгипет", "Egipto"),
     names("Ethiopia", "Эфиопии", "Ефіопії", "Etiopía"), "2026-06-18", {
         "en": ("Nile Basin Review", "Egypt rejects Ethiopia's proposal on dam talks",
                "Egypt on Thursday rejected Ethiopia's proposal for a new round of talks on the filling of the "
                "dam, saying the African Union mediator had not been consulted.", None),
         "ru": ("Африка сегодня", "Каир отверг предложение Аддис-Абебы",
                "Египет в четверг отклонил предложение Эфиопии провести новый раунд переговоров о заполнении "
                "плотины, заявив, что с посредником от Африканского союза его не согласовали.", None),
         "uk": ("Африканський кур'єр", "Єгипет відхилив пропозицію Ефіопії",
                "Єгипет у четвер відхилив пропозицію Ефіопії щодо нового раунду переговорів про наповнення "
                "греблі.", None),
         "es": ("El Diario del Nilo", "Egipto rechaza la propuesta etíope",
                "Egipto rechazó ayer la propuesta de Etiopía de celebrar una nueva ronda de negociaciones sobre "
                "el llenado de la presa, al considerar que no se consultó al mediador de la Unión Africana.",
                "2026-06-19"),
     }),
    ("p12-07", "COERCE", names("Georgia", "Грузии", "Грузії", "Georgia"),
     names("Aram Petrosyan", "Арама Петросяна", "Арама Петросяна", "Aram Petrosián"), "2026-06-23", {
         "en": ("Caucasus Media Watch", "Georgia detains Armenian journalist at Tbilisi airport",
                "Police in Georgia detained the Armenian journalist Aram Petrosyan at Tbilisi airport on Tuesday. "
                "Petrosyan had been reporting on a mining protest in Adjara.", None),
         "ru": ("Кавказский узел новостей", "В Тбилиси задержан армянский журналист",
                "Полиция Грузии во вторник задержала в аэропорту Тбилиси армянского журналиста Арама Петросяна, "
                "который освещал протест против рудника в Аджарии.", None),
         "uk": ("Медіаконтроль", "У Тбілісі затримали вірменського журналіста",
                "Поліція Грузії у вівторок затримала в аеропорту Тбілісі вірменського журналіста Арама "
                "Петросяна. Петросян висвітлював протест проти копальні в Аджарії.", None),
         "es": ("Reporteros del Cáucaso", "Detenido en Tiflis el periodista armenio Aram Petrosián",
                "La policía de Georgia detuvo el martes en el aeropuerto de Tiflis al periodista armenio Aram "
                "Petrosián, que cubría una protesta contra una mina en Ayaria.", None),
     }),
    ("p12-08", "THREATEN", names("Ecuador", "Эквадор", "Еквадор", "Ecuador"),
     names("Colombia", "Колумбии", "Колумбії", "Colombia"), "2026-06-25", {
         "en": ("Andean Report", "Ecuador threatens to expel Colombia's ambassador",
                "Ecuador threatened on Thursday to expel Colombia's ambassador if Bogota keeps granting asylum to "
                "a former Ecuadorian vice-president.", None),
         "ru": ("Латиноамериканский дайджест", "Эквадор пригрозил выслать посла Колумбии",
                "Эквадор в четверг пригрозил выслать посла Колумбии, если Богота продолжит укрывать бывшего "
                "вице-президента Эквадора.", None),
         "uk": ("Південна Америка", "Кіто погрожує вислати колумбійського посла",
                "Еквадор у четвер пригрозив вислати посла Колумбії, якщо Богота й далі надаватиме притулок "
                "колишньому віцепрезидентові Еквадору.", None),
         "es": ("El Comercio Andino", "Ecuador amenaza con expulsar al embajador colombiano",
                "Ecuador amenazó el jueves con expulsar al embajador de Colombia si Bogotá sigue dando asilo a un "
                "exvicepresidente ecuatoriano.", None),
     }),
    ("p12-09", "PROTEST", names("Cyprus", "Кипр", "Кіпр", "Chipre"),
     names("Turkey", "Турции", "Туреччині", "Turquía"), "2026-06-30", {
         "en": ("Levant Energy Brief", "Cyprus protests to Turkey over drilling ship",
                "Cyprus lodged a formal protest with Turkey on Tuesday after a Turkish drilling ship entered a "
                "block licensed to an Italian energy company.", None),
         "ru": ("Энергетика и политика", "Никосия заявила протест Анкаре",
                "Кипр во вторник заявил Турции официальный протест после того, как турецкое буровое судно вошло "
                "в блок, лицензию на который получила итальянская энергетическая компания.", None),
         "uk": ("Енергетичний огляд", "Кіпр заявив протест Туреччині",
                "Кіпр у вівторок заявив Туреччині офіційний протест: турецьке бурове судно зайшло в блок, "
                "ліцензію на який має італійська енергетична компанія.", None),
         "es": ("El Mediterráneo Hoy", "Chipre protesta ante Turquía por un buque de perforación",
                "Chipre presentó el martes una protesta formal ante Turquía después de que un buque de perforación "
                "turco entrara en un bloque adjudicado a una energética italiana.", None),
     }),
    ("p12-10", "RETREAT", names("Belarus", "Белоруссия", "Білорусь", "Bielorrusia"),
     names("Jonas Kazlauskas", "Йонаса Казлаускаса", "Йонаса Казлаускаса", "Jonas Kazlauskas"), "2026-07-02", {
         "en": ("Eastern Europe Today", "Belarus frees Lithuanian lorry driver",
                "Belarus on Thursday released Jonas Kazlauskas, a Lithuanian lorry driver held for eight months on "
                "smuggling charges, after mediation by the Vatican.", None),
         "ru": ("Пограничье", "Минск освободил литовского водителя",
                "Белоруссия в четверг освободила литовского водителя грузовика Йонаса Казлаускаса, который восемь "
                "месяцев провёл под стражей по обвинению в контрабанде. Посредником выступил Ватикан.", None),
         "uk": ("Литовсько-український вісник", "Білорусь звільнила литовського далекобійника",
                "Білорусь у четвер звільнила литовського далекобійника Йонаса Казлаускаса, якого вісім місяців "
                "тримали під вартою за звинуваченням у контрабанді.", None),
         "es": ("La Voz de Europa del Este", "Bielorrusia libera a un camionero lituano",
                "Bielorrusia liberó el jueves al camionero lituano Jonas Kazlauskas, detenido durante ocho meses por "
                "contrabando, tras la mediación del Vaticano.", None),
     }),
    ("p12-11", "MOBILIZE", names("Azerbaijan", "Азербайджан", "Азербайджан", "Azerbaiyán"), None, "2026-07-07", {
         "en": ("South Caucasus Defence", "Azerbaijan moves artillery towards Iranian border",
                "Azerbaijan moved artillery units to its border with Iran on Tuesday, days after Iranian drills "
                "near the Aras river.", None),
         "ru": ("Военное обозрение Кавказа", "Баку стягивает артиллерию к иранской границе",
                "Азербайджан во вторник перебросил артиллерийские подразделения к границе с Ираном, через несколько "
                "дней после иранских учений у реки Аракс.", None),
         "uk": ("Оборонний тиждень", "Азербайджан перекинув артилерію до кордону з Іраном",
                "Азербайджан у вівторок перекинув артилерійські підрозділи до кордону з Іраном після іранських "
                "навчань біля річки Аракс.", None),
         "es": ("Defensa y Seguridad", "Azerbaiyán despliega artillería en la frontera con Irán",
                "Azerbaiyán desplegó el martes unidades de artillería en la frontera con Irán, pocos días después "
                "de las maniobras iraníes junto al río Aras.", None),
     }),
]


if __name__ == "__main__":
    write(EVENTS, OUT)
