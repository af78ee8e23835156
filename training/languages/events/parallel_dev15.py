#!/usr/bin/env python
"""Write ``training/languages/events/parallel_dev15.jsonl``: ten invented events, each told in en/ru/uk/es, in the
format of parallel_dev.jsonl. A fifteenth development set of the parallel check (``scripts/eval_events_languages.py
--set training/languages/events/dev4 --parallel training/languages/events/parallel_dev15.jsonl``), written in the
twenty-first round before any change, from the PLOVER definitions (``storyline/data/plover_definitions.yaml``), never
from the seeds, the demo corpus or frozen/. Each article is by its own invented outlet and written natively, not
translated. What it leans on:

- actors from countries no earlier parallel set named: the Indian Ocean islands (Madagascar, Mauritius), the Maghreb
  and the Sahara's Atlantic edge (Tunisia, Mauritania, Senegal), Scandinavia's south (Denmark), Borneo (Brunei,
  Malaysia), the Mekong (Laos), Central Africa (Cameroon), Melanesia (Fiji, New Zealand), Southern Africa's west
  (Namibia), the central Mediterranean (Malta);
- bodies by a Cyrillic acronym in one language and a Latin acronym or the full name in another (IMF / МВФ / FMI,
  EBRD / ЕБРР / ЄБРР / BERD, UNICEF / ЮНИСЕФ / ЮНІСЕФ, African Development Bank / Африканский банк развития / АфБР /
  BAfD), some with names in no list;
- targets after a preposition in an oblique case ("обратился к МВФ", "звернувся до МВФ", "направила в Мавританию",
  "відправила до Мавританії", "с премьер-министром Фиджи", "з Малайзією", "с Африканским банком развития"), a dative
  ("пригрозил Габону"), a genitive owner ("заявку Туниса"), the Spanish personal "a" ("acusó al Reino Unido");
- passives with the agent in the instrumental or after "por" ("был задержан властями Мальты", "затриманий
  мальтійською владою", "fue detenido por las autoridades maltesas", "была отклонена ЕБРР", "was turned down by");
- venues that are no target (Suva, Bandar Seri Begawan), a next-day "вчера" / "ayer", a wire dateline.

    python training/languages/events/parallel_dev15.py
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from parallel_rows import names, write

OUT = Path(__file__).resolve().parent / "parallel_dev15.jsonl"

# (event, type, source, target, event day, {lang: (outlet, title, text, published or None for the event's day)})
EVENTS = [
    ("p15-01", "REQUEST", names("Madagascar", "Мадагаскар", "Мадагаскар", "Madagascar"),
     names("International Monetary Fund", "МВФ", "МВФ", "FMI"), "2026-10-05", {
         "en": ("Indian Ocean Ledger", "Madagascar seeks emergency IMF credit after cyclone",
                "Madagascar asked the International Monetary Fund on Monday for an emergency credit line to pay for "
                "food imports after Cyclone Haruna wiped out the rice harvest in the east.", None),
         "ru": ("Экономика Африки", "Мадагаскар попросил у фонда экстренный кредит",
                "Мадагаскар в понедельник обратился к МВФ с просьбой открыть экстренную кредитную линию: после "
                "циклона «Харуна» остров остался без урожая риса на востоке.", None),
         "uk": ("Фінансовий тиждень", "Мадагаскар просить у МВФ гроші на продовольство",
                "Уряд Мадагаскару в понеділок звернувся до МВФ із проханням про екстрену кредитну лінію для "
                "закупівлі продовольства після циклону «Харуна».", None),
         "es": ("Diario del Índico", "Madagascar pide ayuda urgente al FMI",
                "Madagascar solicitó este lunes al FMI una línea de crédito de emergencia para importar alimentos, "
                "después de que el ciclón Haruna arrasara la cosecha de arroz.", None),
     }),
    ("p15-02", "AID", names("Denmark", "Дания", "Данія", "Dinamarca"),
     names("Mauritania", "Мавританию", "Мавританії", "Mauritania"), "2026-10-06", {
         "en": ("Nordic Aid Monitor", "Denmark flies water purifiers to Mauritania",
                "Denmark sent Mauritania two cargo planes of water purification units and medical supplies on "
                "Tuesday for towns along the Senegal River hit by floods.", None),
         "ru": ("Гуманитарный обозреватель", "Дания отправила помощь пострадавшим от наводнения",
                "Дания направила в Мавританию два грузовых самолёта с установками для очистки воды и "
                "медикаментами для городов на реке Сенегал, пострадавших от наводнения, сообщил вчера МИД "
                "королевства.", "2026-10-07"),
         "uk": ("Світова допомога", "Данія передала допомогу після повені",
                "Данія у вівторок відправила до Мавританії два вантажні літаки з установками для очищення води та "
                "ліками для міст уздовж річки Сенегал.", None),
         "es": ("Agencia Sahel Noticias", "Dinamarca envía purificadores de agua a Mauritania",
                "NUAKCHOT, 6 oct (ASN).- Dinamarca envió este martes a Mauritania dos aviones de carga con "
                "potabilizadoras y medicamentos para las localidades inundadas junto al río Senegal.", None),
     }),
    ("p15-03", "COERCE", names("Malta", "Мальты", "мальтійською владою", "autoridades maltesas"),
     names("Karim Ben Salah", "Карим Бен Салах", "Карім Бен Салах", "Karim Ben Salah"), "2026-10-07", {
         "en": ("Mediterranean Shipping News", "Tunisian captain held in Valletta",
                "Tunisian ship captain Karim Ben Salah was detained by Maltese authorities in Valletta on Wednesday "
                "on suspicion of smuggling fuel.", None),
         "ru": ("Морской вестник", "В Валлетте задержан тунисский капитан",
                "Капитан тунисского танкера Карим Бен Салах был задержан в среду властями Мальты в порту Валлетты "
                "по подозрению в контрабанде топлива.", None),
         "uk": ("Порти і флот", "На Мальті затримали капітана з Тунісу",
                "Капітан туніського танкера Карім Бен Салах у середу був затриманий мальтійською владою в порту "
                "Валлетти за підозрою в контрабанді пального.", None),
         "es": ("El Faro Mediterráneo", "Detenido en Malta un capitán tunecino",
                "El capitán tunecino Karim Ben Salah fue detenido ayer por las autoridades maltesas en el puerto de "
                "La Valeta, acusado de contrabando de combustible.", "2026-10-08"),
     }),
    ("p15-04", "REJECT", names("European Bank for Reconstruction and Development", "ЕБРР", "ЄБРР", "BERD"),
     names("Tunisia", "Туниса", "Тунісу", "Túnez"), "2026-10-08", {
         "en": ("Development Finance Daily", "Tunisia's port loan request turned down",
                "The European Bank for Reconstruction and Development on Thursday turned down Tunisia's request "
                "for a loan to expand the port of Sfax, citing unpaid arrears.", None),
         "ru": ("Деловой Магриб", "ЕБРР не дал денег на порт Сфакс",
                "Заявка Туниса на кредит для расширения порта Сфакс была отклонена ЕБРР в четверг из-за "
                "просроченных платежей по прежним займам.", None),
         "uk": ("Економічна правда Півночі", "ЄБРР відмовив Тунісу в кредиті",
                "ЄБРР у четвер відхилив запит Тунісу на кредит для розширення порту Сфакс, пославшись на "
                "заборгованість за попередніми позиками.", None),
         "es": ("Mercados del Magreb", "El BERD rechaza financiar el puerto de Sfax",
                "El BERD rechazó el jueves la solicitud de Túnez de un préstamo para ampliar el puerto de Sfax por "
                "los atrasos acumulados en sus pagos.", None),
     }),
    ("p15-05", "ACCUSE", names("Mauritius", "Маврикий", "Маврикій", "Mauricio"),
     names("Britain", "Великобританию", "Велику Британію", "Reino Unido"), "2026-10-09", {
         "en": ("Island Affairs Weekly", "Mauritius accuses Britain of stalling on Chagos",
                "Mauritius on Friday accused Britain of stalling the handover of the Chagos Islands and of "
                "ignoring the resettlement timetable agreed last year.", None),
         "ru": ("Вести Индийского океана", "Маврикий обвинил Лондон в затягивании",
                "Маврикий в пятницу обвинил Великобританию в затягивании передачи архипелага Чагос и в "
                "нарушении согласованного графика переселения.", None),
         "uk": ("Острівний кур'єр", "Маврикій звинуватив Британію у зволіканні",
                "Маврикій звинуватив Велику Британію в тому, що вона затягує передачу островів Чагос, заявив у "
                "п'ятницю прем'єр-міністр острівної держави.", None),
         "es": ("Crónica Austral", "Mauricio acusa al Reino Unido de frenar la entrega de Chagos",
                "Mauricio acusó el viernes al Reino Unido de retrasar la devolución del archipiélago de Chagos y de "
                "incumplir el calendario de reasentamiento pactado.", None),
     }),
    ("p15-06", "CONSULT", names("Claire Whitmore", "Клэр Уитмор", "Клер Вітмор", "Claire Whitmore"),
     names("Sitiveni Koroi", "Ситивени Корои", "Сітівені Корої", "Sitiveni Koroi"), "2026-10-12", {
         "en": ("Pacific Report", "Whitmore and Koroi talk fisheries in Suva",
                "New Zealand Prime Minister Claire Whitmore held talks with Fijian Prime Minister Sitiveni Koroi in "
                "Suva on Monday on fisheries patrols and seasonal work visas.", None),
         "ru": ("Океания сегодня", "Уитмор прилетела в Суву",
                "Премьер-министр Новой Зеландии Клэр Уитмор в понедельник провела в Суве переговоры с "
                "премьер-министром Фиджи Ситивени Корои о патрулировании рыболовных зон и сезонных визах.", None),
         "uk": ("Тихоокеанський дайджест", "Прем'єрка Нової Зеландії відвідала Фіджі",
                "Прем'єр-міністерка Нової Зеландії Клер Вітмор у понеділок провела в Суві переговори з "
                "прем'єр-міністром Фіджі Сітівені Корої щодо патрулювання риболовних зон.", None),
         "es": ("Noticias del Pacífico Sur", "Whitmore y Koroi hablan de pesca en Suva",
                "La primera ministra de Nueva Zelanda, Claire Whitmore, se reunió el lunes en Suva con su homólogo "
                "fiyiano, Sitiveni Koroi, para tratar las patrullas pesqueras y los visados de temporada.", None),
     }),
    ("p15-07", "THREATEN", names("Cameroon", "Камерун", "Камерун", "Camerún"),
     names("Gabon", "Габону", "Габону", "Gabón"), "2026-10-13", {
         "en": ("Central Africa Observer", "Cameroon warns Gabon over border tolls",
                "Cameroon threatened on Tuesday to close its border with Gabon unless Libreville scraps new tolls on "
                "Cameroonian lorries.", None),
         "ru": ("Африканский обозреватель", "Яунде пригрозил закрыть границу",
                "Камерун во вторник пригрозил Габону закрытием границы, если Либревиль не отменит новые сборы с "
                "камерунских грузовиков.", None),
         "uk": ("Африка щодня", "Камерун погрожує Габону закриттям кордону",
                "Камерун пригрозив Габону закрити кордон, якщо Лібревіль не скасує нові збори з камерунських "
                "вантажівок, заявили у вівторок в Яунде.", None),
         "es": ("Gaceta de África Central", "Camerún amenaza a Gabón con cerrar la frontera",
                "Camerún amenazó el martes a Gabón con cerrar la frontera si Libreville no elimina los nuevos peajes "
                "a los camiones cameruneses.", None),
     }),
    ("p15-08", "COOPERATE", names("Brunei", "Бруней", "Бруней", "Brunéi"),
     names("Malaysia", "Малайзией", "Малайзією", "Malasia"), "2026-10-14", {
         "en": ("Borneo Bulletin Online", "Brunei and Malaysia start joint river patrols",
                "Brunei launched joint river patrols with Malaysia on Wednesday to curb timber smuggling along "
                "the Limbang.", None),
         "ru": ("Азия-пресс", "Бруней и Малайзия будут вместе патрулировать реку",
                "Бруней в среду начал совместное с Малайзией патрулирование реки Лимбанг, чтобы пресечь "
                "контрабанду леса.", None),
         "uk": ("Південно-Східна Азія", "Бруней і Малайзія разом патрулюватимуть Лімбанг",
                "Бруней спільно з Малайзією у середу розпочав патрулювання річки Лімбанг для боротьби з "
                "контрабандою деревини.", None),
         "es": ("Asia Hoy", "Brunéi y Malasia patrullarán juntos el río Limbang",
                "Brunéi puso en marcha el miércoles patrullas fluviales conjuntas con Malasia para frenar el "
                "contrabando de madera en el río Limbang.", None),
     }),
    ("p15-09", "AID", names("UNICEF", "ЮНИСЕФ", "ЮНІСЕФ", "UNICEF"), names("Laos", "Лаос", "Лаосу", "Laos"),
     "2026-10-15", {
         "en": ("Mekong Health Wire", "UNICEF delivers measles vaccines to Laos",
                "VIENTIANE, Oct 15 - UNICEF delivered 400,000 doses of measles vaccine to Laos on Thursday for a "
                "nationwide campaign in schools.", None),
         "ru": ("Медицина мира", "ЮНИСЕФ доставил вакцины от кори",
                "ЮНИСЕФ в четверг доставил в Лаос 400 тысяч доз вакцины против кори для общенациональной "
                "кампании в школах.", None),
         "uk": ("Здоров'я планети", "ЮНІСЕФ передав Лаосу вакцини від кору",
                "ЮНІСЕФ у четвер передав Лаосу 400 тисяч доз вакцини проти кору для загальнонаціональної "
                "кампанії в школах.", None),
         "es": ("Salud Global Hoy", "UNICEF entrega vacunas contra el sarampión a Laos",
                "UNICEF entregó ayer a Laos 400.000 dosis de vacuna contra el sarampión para una campaña nacional "
                "en las escuelas.", "2026-10-16"),
     }),
    ("p15-10", "AGREE", names("Namibia", "Намибия", "Намібія", "Namibia"),
     names("African Development Bank", "Африканским банком развития", "АфБР", "BAfD"), "2026-10-16", {
         "en": ("Windhoek Business Post", "Namibia signs desalination loan with AfDB",
                "Namibia signed a $220 million loan agreement with the African Development Bank on Friday to build "
                "a desalination plant near Walvis Bay.", None),
         "ru": ("Деловая Африка", "Намибия получит деньги на опреснитель",
                "Намибия в пятницу подписала с Африканским банком развития соглашение о займе в 220 миллионов "
                "долларов на строительство опреснительной станции у Уолфиш-Бея.", None),
         "uk": ("Бізнес-Африка", "Намібія та АфБР підписали кредитну угоду",
                "Намібія в п'ятницю підписала з АфБР угоду про позику на 220 мільйонів доларів для будівництва "
                "опріснювальної станції поблизу Уолфіш-Бею.", None),
         "es": ("Finanzas Africanas", "Namibia firma con el BAfD un crédito para desalar agua",
                "Namibia firmó el viernes con el BAfD un acuerdo de préstamo de 220 millones de dólares para "
                "construir una desaladora cerca de Walvis Bay.", None),
     }),
]


if __name__ == "__main__":
    write(EVENTS, OUT)
    print(f"wrote {OUT}: {sum(len(e[5]) for e in EVENTS)} articles, {len(EVENTS)} events")
