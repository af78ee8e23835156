#!/usr/bin/env python
"""Write ``training/languages/events/dev8/parallel_dev.jsonl``: ten invented events, each told in en/ru/uk/es, in the
format of parallel_dev.jsonl. An eighth development set of the parallel check (``scripts/eval_events_languages.py --set
training/languages/events/dev8``), written in the fourteenth round before any change of code, from the PLOVER
definitions (``storyline/data/plover_definitions.yaml``), never from the seeds, the demo corpus or frozen/. Each article
is by its own invented outlet and written natively, not translated: the languages put the actors in other orders and
other cases. What it leans on:

- names in oblique cases, the instrumental above all ("с президентом Польши Мареком Ковальчиком", "з Гаяною",
  "властями Грузии"), and a surname alone after the first mention;
- organisations by acronym in one language and by full name in another (IMF / МВФ / Міжнародний валютний фонд /
  Fondo Monetario Internacional, ЕС / Європейський Союз / la UE, ОБСЕ / OSCE, ВОЗ / OMS, ФРГ for Germany), and a
  company written in Latin letters by one Cyrillic outlet and transliterated by the other;
- a pronoun as the source ("He accused ...", "Он обвинил ...") and a Spanish null subject ("Acusó a ...");
- passive voice with the agent in the by-phrase ("was detained by", "введены Евросоюзом", "fue detenido por");
- an object fronted before its verb (Ukrainian), a wire dateline, "вчера" / "ayer" in an outlet published a day
  later, a capital for its country ("Баку").

    python training/languages/events/parallel_dev8.py
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from parallel_rows import names, write

OUT = Path(__file__).resolve().parent / "dev8" / "parallel_dev.jsonl"



# (event, type, source, target, event day, {lang: (outlet, title, text, published or None for the event's day)})
EVENTS = [
    ("p8-01", "CONSULT", names("Aino Lehtinen", "Айно Лехтинен", "Айно Лехтінен", "Aino Lehtinen"),
     names("Marek Kowalczyk", "Марек Ковальчик", "Марек Ковальчик", "Marek Kowalczyk"), "2026-01-05", {
         "en": ("Baltic Sea Observer", "Finnish and Polish leaders discuss Baltic security",
                "Finnish Prime Minister Aino Lehtinen held talks with Polish President Marek Kowalczyk in Warsaw on "
                "Monday, focusing on undersea cables and air defence.", None),
         "ru": ("Северный курьер", "Лехтинен провела переговоры в Варшаве",
                "В понедельник в Варшаве премьер-министр Финляндии Айно Лехтинен встретилась с президентом Польши "
                "Мареком Ковальчиком. Главной темой стала защита подводных кабелей.", None),
         "uk": ("Європейська панорама", "Прем'єрка Фінляндії зустрілася з президентом Польщі",
                "Прем'єр-міністерка Фінляндії Айно Лехтінен провела в понеділок у Варшаві переговори з президентом "
                "Польщі Мареком Ковальчиком щодо безпеки на Балтиці.", None),
         "es": ("Agencia Europea de Noticias", "Lehtinen y Kowalczyk abordan la seguridad del Báltico",
                "VARSOVIA, 5 ene (EFE).- La primera ministra de Finlandia, Aino Lehtinen, se reunió este lunes en "
                "Varsovia con el presidente polaco, Marek Kowalczyk, para hablar de la protección de los cables "
                "submarinos y de la defensa aérea.", None),
     }),
    ("p8-02", "SANCTION", names("European Union", "ЕС", "Європейський Союз", "UE"),
     names("Nicaragua", "Никарагуа", "Нікарагуа", "Nicaragua"), "2026-01-06", {
         "en": ("Brussels Brief", "EU sanctions nine Nicaraguan officials",
                "The European Union imposed sanctions on nine officials of Nicaragua on Tuesday over the closure "
                "of independent newspapers, freezing their assets in the bloc.", None),
         "ru": ("Мир за неделю", "Евросоюз ввёл санкции против чиновников Никарагуа",
                "Санкции против девяти чиновников Никарагуа введены во вторник Евросоюзом из-за закрытия "
                "независимых газет. ЕС заморозил их активы.", None),
         "uk": ("Дипломатичний оглядач", "ЄС покарав нікарагуанських посадовців за закриття газет",
                "Проти дев'ятьох посадовців Нікарагуа у вівторок запровадив санкції Європейський Союз. Причина — "
                "закриття незалежних газет.", None),
         "es": ("La Voz de Centroamérica", "La UE sanciona a nueve funcionarios nicaragüenses",
                "La UE sancionó ayer a nueve funcionarios de Nicaragua por el cierre de periódicos independientes "
                "y congeló sus bienes en territorio europeo.", "2026-01-07"),
     }),
    ("p8-03", "AID", names("International Monetary Fund", "МВФ", "Міжнародний валютний фонд", "FMI"),
     names("Sri Lanka", "Шри-Ланка", "Шрі-Ланка", "Sri Lanka"), "2026-01-07", {
         "en": ("Global Markets Daily", "IMF releases $340 million to Sri Lanka",
                "The IMF disbursed $340 million to Sri Lanka on Wednesday, the fourth tranche of its bailout, "
                "after the board approved a review of the country's reforms.", None),
         "ru": ("Финансовый обозреватель", "МВФ перечислил Шри-Ланке очередной транш",
                "МВФ в среду выделил Шри-Ланке 340 миллионов долларов — четвёртый транш программы помощи, "
                "одобренный после проверки реформ.", None),
         "uk": ("Економічна правда світу", "Шрі-Ланка отримала транш від МВФ",
                "Міжнародний валютний фонд у середу надав Шрі-Ланці 340 мільйонів доларів четвертого траншу "
                "програми допомоги.", None),
         "es": ("Mercados al Día", "El Fondo Monetario Internacional desembolsa 340 millones para Sri Lanka",
                "El Fondo Monetario Internacional entregó este miércoles a Sri Lanka 340 millones de dólares, el "
                "cuarto tramo de su programa de rescate, tras aprobar la revisión de las reformas.", None),
     }),
    ("p8-04", "ACCUSE", names("Dainius Kvedaras", "Дайнюс Кведарас", "Дайнюс Кведарас", "Dainius Kvedaras"),
     names("Belarus", "Белоруссия", "Білорусь", "Bielorrusia"), "2026-01-08", {
         "en": ("Northern Europe Report", "Lithuania blames Belarus for balloon incursions",
                "Lithuanian Foreign Minister Dainius Kvedaras spoke to reporters in Vilnius on Thursday. He accused "
                "Belarus of sending smuggling balloons into Lithuanian airspace to disrupt flights at Vilnius "
                "airport.", None),
         "ru": ("Балтийский вестник", "Глава МИД Литвы обвинил Минск в запуске шаров",
                "Министр иностранных дел Литвы Дайнюс Кведарас в четверг выступил перед журналистами в Вильнюсе. "
                "Он обвинил Белоруссию в запуске контрабандных воздушных шаров, из-за которых закрывался аэропорт.",
                None),
         "uk": ("Балтійський огляд", "Кведарас звинуватив Білорусь у запуску повітряних куль",
                "Білорусь свідомо запускає повітряні кулі з контрабандою до Литви, звинуватив у четвер міністр "
                "закордонних справ Литви Дайнюс Кведарас.", None),
         "es": ("Diario del Norte de Europa", "Lituania culpa a Bielorrusia de los globos con contrabando",
                "El ministro de Exteriores de Lituania, Dainius Kvedaras, compareció el jueves ante la prensa en "
                "Vilna. Acusó a Bielorrusia de lanzar globos con contrabando que obligaron a cerrar el aeropuerto.",
                None),
     }),
    ("p8-05", "COERCE", names("Georgia", "Грузия", "Грузія", "Georgia"),
     names("Levan Beridze", "Леван Беридзе", "Леван Берідзе", "Levan Beridze"), "2026-01-09", {
         "en": ("Caucasus Today", "Georgia arrests opposition journalist Levan Beridze",
                "Georgia arrested opposition journalist Levan Beridze in Tbilisi on Friday, accusing him of "
                "organising unauthorised rallies, his lawyer said.", None),
         "ru": ("Кавказский узел новостей", "В Тбилиси задержан журналист Беридзе",
                "Оппозиционный журналист Леван Беридзе был задержан в пятницу властями Грузии в Тбилиси, сообщил "
                "его адвокат.", None),
         "uk": ("Голос Кавказу", "Грузія затримала журналіста Левана Берідзе",
                "Грузія вчора затримала опозиційного журналіста Левана Берідзе в Тбілісі, повідомив його адвокат.",
                "2026-01-10"),
         "es": ("Crónica del Cáucaso", "Detenido en Tiflis el periodista opositor Levan Beridze",
                "El periodista opositor Levan Beridze fue detenido el viernes en Tiflis por las autoridades de "
                "Georgia, según informó su abogado.", None),
     }),
    ("p8-06", "REJECT", names("Azerbaijan", "Азербайджан", "Азербайджан", "Azerbaiyán"),
     names("OSCE", "ОБСЕ", "ОБСЄ", "OSCE"), "2026-01-12", {
         "en": ("Eurasia Wire", "Azerbaijan turns down OSCE observers",
                "Azerbaijan on Monday rejected a request by the Organization for Security and Co-operation in "
                "Europe to send observers to next month's local elections.", None),
         "ru": ("Евразийское обозрение", "Баку отказал наблюдателям ОБСЕ",
                "Азербайджан в понедельник отклонил запрос ОБСЕ о направлении наблюдателей на февральские "
                "муниципальные выборы.", None),
         "uk": ("Південний Кавказ", "Баку відмовив спостерігачам ОБСЄ",
                "Баку в понеділок відхилив запит ОБСЄ про направлення спостерігачів на місцеві вибори.", None),
         "es": ("Noticias de Eurasia", "Azerbaiyán rechaza la misión de observación de la OSCE",
                "Azerbaiyán rechazó este lunes la petición de la OSCE de enviar observadores a las elecciones "
                "municipales del próximo mes.", None),
     }),
    ("p8-07", "THREATEN", names("Rosa Quispe", "Роса Киспе", "Роса Кіспе", "Rosa Quispe"),
     names("Minera Tambo", "Минера Тамбо", "Minera Tambo", "Minera Tambo"), "2026-01-13", {
         "en": ("Andes Mining Journal", "Peru threatens to revoke Minera Tambo licence",
                "Peru's Energy and Mines Minister Rosa Quispe threatened on Tuesday to revoke the licence of "
                "Minera Tambo if the company does not clean up a tailings spill in the Apurimac river.", None),
         "ru": ("Горный вестник", "Власти Перу пригрозили отозвать лицензию у «Минера Тамбо»",
                "Министр энергетики и горнорудной промышленности Перу Роса Киспе во вторник пригрозила отозвать "
                "лицензию у компании «Минера Тамбо», если та не устранит последствия утечки в реке Апуримак.",
                None),
         "uk": ("Сировинний ринок", "Перу може позбавити Minera Tambo ліцензії",
                "Міністерка енергетики та гірництва Перу Роса Кіспе у вівторок пригрозила відкликати ліцензію "
                "компанії Minera Tambo через витік відходів у річку Апурімак.", None),
         "es": ("El Comercio Andino", "Quispe advierte a Minera Tambo con retirarle la licencia",
                "La ministra de Energía y Minas, Rosa Quispe, amenazó este martes con revocar la licencia de Minera "
                "Tambo si la empresa no limpia el vertido de relaves en el río Apurímac.", None),
     }),
    ("p8-08", "REQUEST", names("WHO", "ВОЗ", "Всесвітня організація охорони здоров'я", "OMS"),
     names("Uganda", "Уганда", "Уганда", "Uganda"), "2026-01-14", {
         "en": ("Health Policy Watch Africa", "World Health Organization urges Uganda to widen Ebola testing",
                "The World Health Organization on Wednesday urged Uganda to expand Ebola testing in border "
                "districts after three new cases were confirmed.", None),
         "ru": ("Медицинский обозреватель", "ВОЗ призвала Уганду расширить тестирование на Эболу",
                "ВОЗ в среду призвала Уганду расширить тестирование на лихорадку Эбола в приграничных районах "
                "после трёх новых случаев заражения.", None),
         "uk": ("Здоров'я планети", "ВООЗ закликала Уганду посилити тестування",
                "Всесвітня організація охорони здоров'я в середу закликала Уганду розширити тестування на Еболу в "
                "прикордонних районах.", None),
         "es": ("Salud Global", "La OMS pide a Uganda ampliar las pruebas de ébola",
                "Tras confirmarse tres nuevos casos, la OMS pidió el miércoles a Uganda que amplíe las pruebas de "
                "ébola en los distritos fronterizos.", None),
     }),
    ("p8-09", "SUPPORT", names("Germany", "ФРГ", "Німеччина", "Alemania"),
     names("Moldova", "Молдавия", "Молдова", "Moldavia"), "2026-01-15", {
         "en": ("Central Europe Digest", "Germany backs Moldova's EU membership bid",
                "Germany on Thursday voiced strong support for Moldova's bid to join the European Union, praising "
                "its judicial reforms.", None),
         "ru": ("Европа сегодня", "Берлин поддержал евроинтеграцию Кишинёва",
                "ФРГ в четверг поддержала стремление Молдавии вступить в Евросоюз и высоко оценила её судебную "
                "реформу.", None),
         "uk": ("Європейський вибір", "Німеччина підтримала вступ Молдови до ЄС",
                "Німеччина в четвер висловила підтримку прагненню Молдови вступити до ЄС і похвалила її судову "
                "реформу.", None),
         "es": ("El Diario Europeo", "Alemania respalda la adhesión de Moldavia a la UE",
                "Alemania respaldó ayer la candidatura de Moldavia a la Unión Europea y elogió su reforma "
                "judicial.", "2026-01-16"),
     }),
    # no target: the border the troops went to is a place (the place convention, README.md beside this file)
    ("p8-10", "MOBILIZE", names("Venezuela", "Венесуэла", "Венесуела", "Venezuela"), None, "2026-01-16", {
         "en": ("Caribbean Security Review", "Venezuela moves troops to Guyana border",
                "Venezuela deployed some 2,000 troops to its border with Guyana on Friday, escalating the dispute "
                "over the Essequibo region.", None),
         "ru": ("Латинская Америка сегодня", "Каракас стягивает войска к границе",
                "Венесуэла в пятницу перебросила около двух тысяч военных к границе с Гайаной на фоне спора о "
                "регионе Эссекибо.", None),
         "uk": ("Світ і безпека", "Венесуела перекинула війська до кордону з Гаяною",
                "Венесуела в п'ятницю перекинула близько двох тисяч військових до кордону з Гаяною через "
                "суперечку щодо регіону Есекібо.", None),
         "es": ("El Nacional del Caribe", "Venezuela despliega tropas en la frontera con Guyana",
                "CARACAS, 16 ene (AFP).- Venezuela desplegó este viernes unos 2.000 militares en la frontera con "
                "Guyana, en plena disputa por el Esequibo.", None),
     }),
]


def main() -> None:
    write(EVENTS, OUT)

if __name__ == "__main__":
    main()
