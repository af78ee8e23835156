#!/usr/bin/env python
"""Write ``training/languages/events/parallel_dev.jsonl``: two invented events told in en/ru/uk/es by invented outlets
(the format of frozen/languages/parallel.jsonl), the dev set of the parallel check in
scripts/eval_events_languages.py --set training/languages/events. Written from the PLOVER definitions, not from frozen/.

    python training/languages/events/parallel_dev.py
"""
from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parent / "parallel_dev.jsonl"

EVENTS = [
    ("pd-01", "SANCTION", {"en": "Lithuania", "ru": "Литва", "uk": "Литва", "es": "Lituania"},
     {"en": "Belarus", "ru": "Белоруссия", "uk": "Білорусь", "es": "Bielorrusia"}, "2025-04-08", {
         "en": ("Lithuania expels two Belarusian diplomats",
                "Lithuania expelled two Belarusian diplomats on Monday over a series of provocations at the "
                "border, the foreign ministry in Vilnius said. The diplomats were given three days to leave "
                "the country. Minsk called the decision hostile and promised a response."),
         "ru": ("Литва выслала двух белорусских дипломатов",
                "Литва в понедельник выслала двух дипломатов Белоруссии из-за провокаций на границе, сообщил "
                "МИД республики. Дипломатам дали три дня на то, чтобы покинуть страну. В Минске решение "
                "назвали враждебным."),
         "uk": ("Литва вислала двох білоруських дипломатів",
                "Литва в понеділок вислала двох дипломатів Білорусі через провокації на кордоні, повідомило "
                "МЗС країни. Дипломатам дали три дні, щоб залишити країну. У Мінську рішення назвали "
                "ворожим."),
         "es": ("Lituania expulsa a dos diplomáticos bielorrusos",
                "Lituania expulsó el lunes a dos diplomáticos de Bielorrusia por una serie de provocaciones en la "
                "frontera, informó la cancillería en Vilna. Los diplomáticos tienen tres días para abandonar el "
                "país. Minsk calificó la decisión de hostil."),
     }),
    ("pd-02", "AID", {"en": "Japan", "ru": "Япония", "uk": "Японія", "es": "Japón"},
     {"en": "Peru", "ru": "Перу", "uk": "Перу", "es": "Perú"}, "2025-05-15", {
         "en": ("Japan sends medical equipment to Peru",
                "Japan delivered medical equipment worth five million dollars to Peru on Wednesday for hospitals "
                "in the flooded north of the country, the embassy in Lima said. The shipment includes "
                "ventilators and water purifiers."),
         "ru": ("Япония передала Перу медицинское оборудование",
                "Япония в среду передала Перу медицинское оборудование на пять миллионов долларов для больниц "
                "на пострадавшем от наводнений севере страны, сообщило посольство в Лиме. В партию вошли "
                "аппараты ИВЛ и очистители воды."),
         "uk": ("Японія передала Перу медичне обладнання",
                "Японія в середу передала Перу медичне обладнання на п'ять мільйонів доларів для лікарень на "
                "півночі країни, яку затопило, повідомило посольство в Лімі. До партії увійшли апарати ШВЛ та "
                "очищувачі води."),
         "es": ("Japón dona equipos médicos a Perú",
                "Japón entregó el miércoles a Perú equipos médicos por valor de cinco millones de dólares para los "
                "hospitales del norte inundado, informó la embajada en Lima. El envío incluye respiradores y "
                "potabilizadoras."),
     }),
]
OUTLETS = {"en": "Baltic Ledger", "ru": "Вечерний курьер", "uk": "Ранковий вісник", "es": "Diario del Sur"}


def main() -> None:
    rows = []
    for event, etype, source, target, day, texts in EVENTS:
        for lang, (title, text) in texts.items():
            rows.append({"id": f"{event}-{lang}", "event": event, "lang": lang, "outlet": OUTLETS[lang],
                         "title": title, "published": day, "text": text, "type": etype,
                         "source": source, "target": target})
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


if __name__ == "__main__":
    main()
