#!/usr/bin/env python
"""Write ``training/languages/events/dev4/parallel_dev.jsonl``: five invented events, each told in en/ru/uk/es by its
own invented outlet in its own words, the format of parallel_dev.jsonl. A fourth development set of the parallel
check (``scripts/eval_events_languages.py --set training/languages/events/dev4``), written in the seventh round
before any change to story-event merging, from the PLOVER definitions, never from frozen/. It leans on what the
earlier dev sets lacked: names that do not decline in Russian and Ukrainian (Того, Чили, Перу, Малі), people
named in four scripts and spellings, an organisation's acronym per language, and an outlet that publishes the
day after and dates the event "yesterday".

    python training/languages/events/parallel_dev4.py
"""
from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parent / "dev4" / "parallel_dev.jsonl"


def names(en: str, ru: str, uk: str, es: str) -> dict[str, str]:
    return {"en": en, "ru": ru, "uk": uk, "es": es}


# (event, type, source, target, publication day, {lang: (title, text, published or None for the event's day)})
EVENTS = [
    ("p4-01", "REJECT", names("Chile", "Чили", "Чилі", "Chile"), names("Peru", "Перу", "Перу", "Perú"), "2025-09-04", {
        "en": ("Chile turns down Peru's fishing demand",
               "Chile on Wednesday rejected Peru's demand to reopen talks on fishing rights off the Atacama coast, "
               "the foreign ministry in Santiago said. Lima had asked for a joint commission.", None),
        "ru": ("Сантьяго не пошёл навстречу Лиме",
               "Чили в среду отвергло требование Перу возобновить переговоры о правах на рыболовство у побережья "
               "Атакамы. Об этом сообщило министерство иностранных дел страны.", None),
        "uk": ("Чилі відкинуло вимогу Перу",
               "Чилі в середу відкинуло вимогу Перу відновити переговори щодо права на вилов риби біля узбережжя "
               "Атаками, повідомило міністерство закордонних справ у Сантьяго.", None),
        "es": ("Chile rechaza reabrir la negociación pesquera con Perú",
               "Chile rechazó este miércoles la petición de Perú de reabrir el diálogo sobre los derechos de pesca "
               "frente a la costa de Atacama, informó la Cancillería chilena.", None),
    }),
    ("p4-02", "ACCUSE", names("Mali", "Мали", "Малі", "Malí"), names("France", "Франция", "Франція", "Francia"),
     "2025-09-09", {
         "en": ("Mali accuses France of arming rebels",
                "Mali accused France on Monday of supplying weapons to rebel groups in the north, a government "
                "spokesman said on state television in Bamako. Paris called the charge absurd.", None),
         "ru": ("Бамако предъявил Парижу обвинения",
                "Мали обвинило Францию в поставках оружия мятежникам на севере страны, заявил в понедельник "
                "представитель правительства в эфире государственного телевидения.", None),
         "uk": ("Малі звинуватило Францію у постачанні зброї",
                "Малі в понеділок звинуватило Францію в тому, що вона постачає зброю повстанцям на півночі країни. "
                "Париж назвав ці звинувачення абсурдними.", None),
         "es": ("Malí acusa a Francia de armar a los rebeldes",
                "Malí acusó el lunes a Francia de suministrar armas a grupos rebeldes del norte del país, según un "
                "portavoz del Gobierno en la televisión estatal.", None),
     }),
    ("p4-03", "AID", names("Norway", "Норвегия", "Норвегія", "Noruega"), names("Togo", "Того", "Того", "Togo"),
     "2025-09-16", {
         "en": ("Norway sends flood aid to Togo",
                "Norway sent 40 tonnes of tents, water filters and medicine to Togo on Tuesday after floods left "
                "thousands homeless near Lomé, the Norwegian aid agency said.", None),
         "ru": ("Норвегия помогла пострадавшим от наводнения",
                "Норвегия вчера направила в Того 40 тонн палаток, фильтров для воды и лекарств. Наводнение под "
                "Ломе оставило без крова тысячи людей.", "2025-09-17"),
         "uk": ("Норвегія надіслала допомогу Того",
                "Норвегія у вівторок передала Того 40 тонн наметів, фільтрів для води та ліків після повені, яка "
                "залишила без даху тисячі людей поблизу Ломе.", None),
         "es": ("Noruega envía ayuda a Togo tras las inundaciones",
                "Noruega envió el martes a Togo 40 toneladas de tiendas de campaña, filtros de agua y medicinas "
                "para los miles de damnificados por las inundaciones cerca de Lomé.", None),
     }),
    ("p4-04", "CONSULT", names("Ngozi Adeyemi", "Нгози Адейеми", "Нгозі Адеємі", "Ngozi Adeyemi"),
     names("Kofi Mensah", "Кофи Менсах", "Кофі Менсах", "Kofi Mensah"), "2025-09-23", {
         "en": ("Nigerian and Ghanaian ministers meet in Accra",
                "Nigeria's foreign minister Ngozi Adeyemi met her Ghanaian counterpart Kofi Mensah in Accra on "
                "Monday to discuss a common visa for West African traders.", None),
         "ru": ("Главы МИД Нигерии и Ганы обсудили общую визу",
                "Министр иностранных дел Нигерии Нгози Адейеми в понедельник провела в Аккре переговоры с "
                "министром иностранных дел Ганы Кофи Менсахом. Речь шла об общей визе для торговцев.", None),
         "uk": ("Нгозі Адеємі зустрілася з Кофі Менсахом",
                "Очільниця МЗС Нігерії Нгозі Адеємі в понеділок зустрілася в Аккрі з міністром закордонних справ "
                "Гани Кофі Менсахом, щоб обговорити спільну візу для торговців.", None),
         "es": ("Los cancilleres de Nigeria y Ghana se reúnen en Acra",
                "La canciller nigeriana, Ngozi Adeyemi, se reunió el lunes en Acra con su homólogo ghanés, Kofi "
                "Mensah, para hablar de un visado común para los comerciantes.", None),
     }),
    ("p4-05", "SANCTION", names("European Union", "ЕС", "ЄС", "Unión Europea"),
     names("Togo", "Того", "Того", "Togo"), "2025-09-30", {
         "en": ("EU freezes aid to Togo over election delay",
                "The European Union imposed sanctions on Togo on Thursday, freezing budget support after the "
                "government postponed elections for a second time, officials in Brussels said.", None),
         "ru": ("Брюссель наказал Ломе за перенос выборов",
                "ЕС в четверг ввёл санкции против Того и заморозил бюджетную помощь после того, как власти "
                "страны во второй раз перенесли выборы.", None),
         "uk": ("ЄС запровадив санкції проти Того",
                "ЄС у четвер запровадив санкції проти Того через повторне перенесення виборів і заморозив "
                "бюджетну підтримку країни, повідомили в Брюсселі.", None),
         "es": ("La UE sanciona a Togo por aplazar las elecciones",
                "La Unión Europea impuso el jueves sanciones a Togo y congeló el apoyo presupuestario después de "
                "que el Gobierno aplazara por segunda vez las elecciones.", None),
     }),
]

OUTLETS = {"en": "Coastline Courier", "ru": "Уральский вестник", "uk": "Волинська хвиля", "es": "La Voz del Litoral"}


def main() -> None:
    rows = []
    for event, etype, source, target, day, texts in EVENTS:
        for lang, (title, text, published) in texts.items():
            rows.append({"id": f"{event}-{lang}", "event": event, "lang": lang, "outlet": OUTLETS[lang],
                         "title": title, "published": published or day, "text": text, "type": etype,
                         "source": source, "target": target})
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


if __name__ == "__main__":
    main()
