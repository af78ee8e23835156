#!/usr/bin/env python
"""Write ``training/languages/events/parallel_dev9.jsonl``: ten invented events, each told in en/ru/uk/es, in the format
of parallel_dev.jsonl. A ninth development set of the parallel check (``scripts/eval_events_languages.py --set
training/languages/events/dev2 --parallel training/languages/events/parallel_dev9.jsonl``), written in the fifteenth
round before any change of code, from the PLOVER definitions (``storyline/data/plover_definitions.yaml``), never from
the seeds, the demo corpus or frozen/. Each article is by its own invented outlet and written natively, not
translated. What it leans on, beyond dev5-dev8:

- a third party named in the same sentence or the one before: a counterpart met before the accusation, the person to be
  extradited, the donor who paid for the aid, the country an aid package is for, a ministry that announced the act;
- a source carried over a sentence boundary by a Spanish dropped subject right after another person was named;
- transliteration that differs between Russian and Ukrainian (Haugland: Хаугланд / Гаугланд; Diego: Диего / Дієго);
- passives with the agent in a by-phrase in English and Spanish ("were frozen by", "fue rechazada por",
  "extraditado por"), a Ukrainian object fronted before its verb;
- capitals for countries in one language only (Минск, Кито / Богота, Загреб / Белград, Будапешт, Мадрид, Лондон);
- organisations by acronym in one language and full name in another (WFP / ВПП ООН / Всесвітня продовольча програма /
  PMA; RSF / СБР / Сили швидкого реагування / FAR), a government by an adjective ("El Gobierno británico");
- types not used as often before: PROTEST (a formal protest), COOPERATE (an extradition), CONCEDE (a dropped veto),
  SUPPORT, ASSAULT.

    python training/languages/events/parallel_dev9.py
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from parallel_rows import names, write

OUT = Path(__file__).resolve().parent / "parallel_dev9.jsonl"

# (event, type, source, target, event day, {lang: (outlet, title, text, published or None for the event's day)})
EVENTS = [
    ("p9-01", "ACCUSE", names("Ingrid Haugland", "Ингрид Хаугланд", "Інгрід Гаугланд", "Ingrid Haugland"),
     names("Belarus", "Белоруссия", "Білорусь", "Bielorrusia"), "2026-02-02", {
         "en": ("Nordic Affairs Weekly", "Norway accuses Belarus of pushing migrants to Lithuanian border",
                "Norwegian Foreign Minister Ingrid Haugland accused Belarus on Monday of organising the movement of "
                "migrants towards the Lithuanian border, after talks in Vilnius with her Lithuanian counterpart "
                "Tomas Petrauskas.", None),
         "ru": ("Балтийский вестник", "Глава МИД Норвегии обвинила Минск",
                "Министр иностранных дел Норвегии Ингрид Хаугланд в понедельник обвинила Минск в том, что он "
                "направляет мигрантов к литовской границе. Заявление прозвучало после её встречи в Вильнюсе с "
                "литовским коллегой Томасом Петраускасом.", None),
         "uk": ("Північний кур'єр", "Норвегія звинуватила Білорусь у тиску мігрантами",
                "Очільниця МЗС Норвегії Інгрід Гаугланд звинуватила в понеділок Білорусь в організації потоку "
                "мігрантів до кордону з Литвою.", None),
         "es": ("Diario del Norte de Europa", "Noruega acusa a Bielorrusia de empujar migrantes hacia Lituania",
                "La ministra noruega de Asuntos Exteriores, Ingrid Haugland, se reunió este lunes en Vilna con su "
                "homólogo lituano, Tomas Petrauskas. Tras el encuentro, acusó a Bielorrusia de organizar el envío "
                "de migrantes hacia la frontera lituana.", None),
     }),
    ("p9-02", "SANCTION", names("United Kingdom", "Великобритания", "Велика Британія", "Reino Unido"),
     names("Myanmar", "Мьянма", "М'янма", "Myanmar"), "2026-02-03", {
         "en": ("City and Empire Gazette", "Britain freezes assets of five Myanmar generals",
                "The assets of five senior Myanmar generals were frozen by the United Kingdom on Tuesday over the "
                "bombing of villages in Sagaing.", None),
         "ru": ("Международная панорама", "Лондон ввёл санкции против генералов Мьянмы",
                "Лондон во вторник ввёл санкции против пяти генералов Мьянмы из-за бомбардировок деревень в "
                "районе Сикайн.", None),
         "uk": ("Голос світу", "Британія запровадила санкції проти генералів М'янми",
                "Велика Британія у вівторок запровадила санкції проти п'ятьох генералів М'янми через бомбардування "
                "сіл у регіоні Сікайн.", None),
         "es": ("El Observador Asiático", "Londres sanciona a cinco generales birmanos",
                "El Gobierno británico congeló el martes los bienes de cinco generales de Myanmar por el bombardeo "
                "de aldeas en la región de Sagaing.", None),
     }),
    ("p9-03", "AID", names("World Food Programme", "ВПП ООН", "Всесвітня продовольча програма", "PMA"),
     names("Haiti", "Гаити", "Гаїті", "Haití"), "2026-02-05", {
         "en": ("Relief Monitor", "WFP ships food to Haiti with Canadian funds",
                "The World Food Programme (WFP) delivered 1,200 tonnes of food to Haiti on Thursday, a shipment "
                "paid for by Canada.", None),
         "ru": ("Гуманитарный обзор", "ВПП ООН доставила продовольствие на Гаити",
                "ВПП ООН в четверг доставила на Гаити 1200 тонн продовольствия, закупленного на средства Канады.",
                None),
         "uk": ("Світова допомога", "Гаїті отримало 1200 тонн продовольства",
                "Всесвітня продовольча програма ООН у четвер передала Гаїті 1200 тонн продовольства, "
                "профінансованого Канадою.", None),
         "es": ("Noticias del Caribe", "El PMA entrega 1.200 toneladas de alimentos a Haití",
                "El Programa Mundial de Alimentos (PMA) entregó ayer a Haití 1.200 toneladas de alimentos "
                "financiados por Canadá.", "2026-02-06"),
     }),
    ("p9-04", "REJECT", names("Ecuador", "Эквадор", "Еквадор", "Ecuador"),
     names("Colombia", "Колумбия", "Колумбія", "Colombia"), "2026-02-06", {
         "en": ("Andean Report", "Ecuador turns down Colombian extradition request",
                "Ecuador has turned down Colombia's request to extradite businessman Rafael Montoya, the foreign "
                "ministry in Quito said on Friday.", None),
         "ru": ("Южноамериканский обозреватель", "Кито отказал Боготе в выдаче бизнесмена",
                "Кито отказал Боготе в экстрадиции бизнесмена Рафаэля Монтойи, сообщил в пятницу МИД Эквадора.",
                None),
         "uk": ("Латиноамериканський тиждень", "Еквадор не видасть Колумбії підприємця Монтою",
                "Еквадор відхилив запит Колумбії про видачу підприємця Рафаеля Монтої, повідомило в п'ятницю "
                "міністерство закордонних справ країни.", None),
         "es": ("El Heraldo de Quito", "Ecuador rechaza extraditar a Rafael Montoya",
                "La extradición del empresario Rafael Montoya, solicitada por Colombia, fue rechazada este viernes "
                "por el Gobierno de Ecuador.", None),
     }),
    ("p9-05", "PROTEST", names("Croatia", "Хорватия", "Хорватія", "Croacia"),
     names("Serbia", "Сербия", "Сербія", "Serbia"), "2026-02-09", {
         "en": ("Adriatic Times", "Croatia lodges formal protest with Serbia",
                "Croatia lodged a formal protest with Serbia on Monday over maps in Serbian school textbooks that "
                "show parts of Croatian territory as Serbian.", None),
         "ru": ("Балканский экспресс", "Хорватия вручила Сербии ноту протеста",
                "Хорватия в понедельник вручила Сербии ноту протеста из-за карт в сербских школьных учебниках, на "
                "которых часть хорватской территории показана как сербская.", None),
         "uk": ("Європа сьогодні", "Загреб висловив протест Белграду через шкільні карти",
                "Загреб у понеділок висловив офіційний протест Белграду через карти в сербських шкільних "
                "підручниках.", None),
         "es": ("Crónica Balcánica", "Croacia protesta ante Serbia por unos mapas escolares",
                "Croacia presentó el lunes una protesta formal ante Serbia por los mapas de los libros de texto "
                "serbios que muestran parte del territorio croata como serbio.", None),
     }),
    ("p9-06", "COOPERATE", names("Spain", "Испания", "Іспанія", "España"),
     names("Argentina", "Аргентина", "Аргентина", "Argentina"), "2026-02-11", {
         "en": ("Iberian Wire", "Spain hands former banker Ferraro to Argentina",
                "Spain extradited former banker Julio Ferraro to Argentina on Wednesday, where he faces charges of "
                "fraud.", None),
         "ru": ("Правовой вестник", "Испания выдала Аргентине бывшего банкира",
                "Испания в среду выдала Аргентине бывшего банкира Хулио Ферраро, обвиняемого в мошенничестве.",
                None),
         "uk": ("Судова хроніка", "Іспанія видала Аргентині колишнього банкіра",
                "Колишнього банкіра Хуліо Ферраро Іспанія в середу видала Аргентині, де його звинувачують у "
                "шахрайстві.", None),
         "es": ("La Gaceta de Buenos Aires", "Llega a Argentina el exbanquero Ferraro",
                "España extraditó este miércoles a Argentina al exbanquero Julio Ferraro, acusado de fraude.", None),
     }),
    ("p9-07", "CONCEDE", names("Hungary", "Венгрия", "Угорщина", "Hungría"),
     names("European Union", "Евросоюз", "ЄС", "Unión Europea"), "2026-02-10", {
         "en": ("Continental Post", "Hungary drops veto on EU aid for Moldova",
                "Hungary dropped its veto on the European Union's new aid package for Moldova on Tuesday, after "
                "weeks of talks in Brussels.", None),
         "ru": ("Европейский курьер", "Будапешт снял вето",
                "Венгрия во вторник сняла вето на новый пакет помощи Евросоюза Молдавии после нескольких недель "
                "переговоров в Брюсселе.", None),
         "uk": ("Дунайський вісник", "Будапешт більше не блокує допомогу Молдові",
                "Угорщина у вівторок зняла вето на новий пакет допомоги ЄС для Молдови.", None),
         "es": ("Tribuna Europea", "Hungría levanta su veto a la ayuda para Moldavia",
                "Hungría levantó ayer su veto al nuevo paquete de ayuda de la Unión Europea para Moldavia, tras "
                "semanas de negociaciones en Bruselas.", "2026-02-11"),
     }),
    ("p9-08", "SUPPORT", names("Diego Salcedo", "Диего Сальседо", "Дієго Сальседо", "Diego Salcedo"),
     names("Guatemala", "Гватемала", "Гватемала", "Guatemala"), "2026-02-12", {
         "en": ("Americas Today", "Mexico backs Guatemala's Security Council bid",
                "Mexico's foreign minister, Diego Salcedo, endorsed Guatemala's bid for a seat on the UN Security "
                "Council on Thursday.", None),
         "ru": ("Новости Латинской Америки", "Мексика поддержала Гватемалу",
                "Глава МИД Мексики Диего Сальседо в четверг поддержал заявку Гватемалы на место в Совете "
                "Безопасности ООН.", None),
         "uk": ("Міжнародне життя", "Сальседо підтримав заявку Гватемали",
                "Заявку Гватемали на місце в Раді безпеки ООН у четвер підтримав міністр закордонних справ Мексики "
                "Дієго Сальседо.", None),
         "es": ("Milenio Diplomático", "Salcedo respalda a Guatemala para el Consejo de Seguridad",
                "El canciller mexicano, Diego Salcedo, respaldó este jueves la candidatura de Guatemala a un "
                "puesto en el Consejo de Seguridad de la ONU.", None),
     }),
    ("p9-09", "THREATEN", names("Algeria", "Алжир", "Алжир", "Argelia"),
     names("Spain", "Испания", "Іспанія", "España"), "2026-02-14", {
         "en": ("Mediterranean Energy Review", "Algeria warns Spain over gas supplies",
                "Spain was warned by Algeria on Saturday that gas supplies through the Medgaz pipeline could be "
                "cut if Madrid resells Algerian gas to Morocco.", None),
         "ru": ("Энергетика и политика", "Алжир пригрозил Испании прекратить поставки газа",
                "Алжир в субботу пригрозил Испании прекращением поставок газа по трубопроводу Medgaz, если "
                "Мадрид будет перепродавать алжирский газ Марокко.", None),
         "uk": ("Енергетичний огляд", "Алжир погрожує перекрити газ",
                "Алжир у суботу пригрозив Мадриду припинити постачання газу трубопроводом Medgaz у разі "
                "перепродажу алжирського газу Марокко.", None),
         "es": ("El Periódico de la Energía", "Argel amenaza con cortar el gas a España",
                "Argelia amenazó el sábado a España con cortar el suministro de gas por el gasoducto Medgaz si "
                "revende gas argelino a Marruecos.", None),
     }),
    ("p9-10", "ASSAULT", names("Rapid Support Forces", "СБР", "Сили швидкого реагування", "FAR"),
     names("El Fasher", "Эль-Фашер", "Ель-Фашер", "El Fasher"), "2026-02-15", {
         "en": ("Africa Security Brief", "RSF shells El Fasher again",
                "KHARTOUM (AFP) — The paramilitary Rapid Support Forces (RSF) shelled the city of El Fasher on "
                "Sunday, killing at least twelve civilians, the Sudanese army said.", None),
         "ru": ("Африка сегодня", "СБР обстреляли Эль-Фашер",
                "Военизированные Силы быстрого реагирования (СБР) в воскресенье обстреляли Эль-Фашер, погибли не "
                "менее двенадцати мирных жителей, сообщила армия Судана.", None),
         "uk": ("Африканський огляд", "Ель-Фашер знову під обстрілом",
                "Сили швидкого реагування в неділю обстріляли місто Ель-Фашер, загинули щонайменше дванадцять "
                "цивільних.", None),
         "es": ("Agencia Sahel de Noticias", "Las FAR bombardean El Fasher",
                "Las Fuerzas de Apoyo Rápido (FAR) bombardearon el domingo la ciudad de El Fasher y mataron al menos "
                "a doce civiles, según el Ejército sudanés.", None),
     }),
]


def main() -> None:
    write(EVENTS, OUT)


if __name__ == "__main__":
    main()
