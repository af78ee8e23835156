#!/usr/bin/env python
"""Write ``training/languages/events/dev3/parallel_dev.jsonl``: six invented events, each told in en/ru/uk/es by its
own invented outlet in its own words (not translations of one another), the format of parallel_dev.jsonl. The
third development set of the parallel check (``scripts/eval_events_languages.py --set training/languages/events/dev3``),
written from the PLOVER definitions before the fifth round of cross-language work, never from frozen/.

    python training/languages/events/parallel_dev3.py
"""
from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parent / "dev3" / "parallel_dev.jsonl"


def names(en: str, ru: str, uk: str, es: str) -> dict[str, str]:
    return {"en": en, "ru": ru, "uk": uk, "es": es}


EVENTS = [
    ("p3-01", "AGREE", names("Egypt", "Египет", "Єгипет", "Egipto"), names("Greece", "Греция", "Греція", "Grecia"),
     "2025-06-03", {
         "en": ("Egypt and Greece sign undersea cable deal",
                "Egypt signed an agreement with Greece on Tuesday to lay a power cable under the Mediterranean, "
                "officials in Cairo said. The link is due to carry electricity from Egyptian solar farms to Crete "
                "by 2030."),
         "ru": ("Каир и Афины договорились о подводном кабеле",
                "Египет и Греция во вторник подписали соглашение о прокладке энергетического кабеля по дну "
                "Средиземного моря. По кабелю на Крит пойдет электроэнергия египетских солнечных станций."),
         "uk": ("Єгипет і Греція уклали угоду про енергоміст",
                "Єгипет у вівторок підписав із Грецією угоду про підводний електричний кабель. Його мають "
                "прокласти до 2030 року, щоб постачати на Крит енергію сонячних електростанцій."),
         "es": ("Egipto y Grecia firman el acuerdo del cable eléctrico submarino",
                "Egipto y Grecia firmaron el martes en El Cairo un acuerdo para tender un cable eléctrico bajo el "
                "Mediterráneo. La interconexión llevará a Creta energía de las plantas solares egipcias."),
     }),
    ("p3-02", "ACCUSE", names("Serbia", "Сербия", "Сербія", "Serbia"),
     names("Croatia", "Хорватия", "Хорватія", "Croacia"), "2025-06-10", {
         "en": ("Serbia accuses Croatia of stoking tension",
                "Serbia accused Croatia on Monday of stoking ethnic tension ahead of a disputed commemoration, "
                "the foreign ministry in Belgrade said in a statement. Zagreb dismissed the charge."),
         "ru": ("Белград обвинил Загреб в разжигании напряженности",
                "Сербия обвинила Хорватию в разжигании межнациональной розни накануне спорной памятной "
                "церемонии, говорится в заявлении МИД в Белграде. В Загребе обвинения отвергли."),
         "uk": ("Сербія звинуватила Хорватію",
                "Сербія в понеділок звинуватила Хорватію в розпалюванні етнічної ворожнечі перед спірними "
                "урочистостями, йдеться в заяві сербського МЗС. Загреб із цим не погодився."),
         "es": ("Serbia acusa a Croacia de avivar la tensión",
                "Serbia acusó el lunes a Croacia de avivar la tensión étnica antes de una conmemoración polémica, "
                "según un comunicado de la cancillería serbia. Zagreb calificó la acusación de infundada."),
     }),
    ("p3-03", "SANCTION", names("Canada", "Канада", "Канада", "Canadá"), names("Iran", "Иран", "Іран", "Irán"),
     "2025-06-17", {
         "en": ("Canada imposes new sanctions on Iran",
                "Canada imposed sanctions on Iran on Wednesday, targeting twelve officials over the crackdown on "
                "protesters, the government in Ottawa announced. Their assets in Canada are frozen."),
         "ru": ("Оттава ввела новые санкции",
                "Канада ввела санкции против Ирана из-за подавления протестов: в список попали двенадцать "
                "чиновников, сообщило правительство страны в среду. Их активы заморожены."),
         "uk": ("Канада запровадила санкції проти Ірану",
                "Канада в середу запровадила санкції проти Ірану через жорстоке придушення протестів. До списку "
                "увійшли дванадцять посадовців, їхні активи заблоковано."),
         "es": ("Canadá sanciona a Irán por la represión",
                "Canadá sancionó el miércoles a Irán por la represión de las protestas, anunció el Gobierno en "
                "Ottawa. La medida afecta a doce funcionarios, cuyos bienes quedan congelados."),
     }),
    ("p3-04", "AID", names("Norway", "Норвегия", "Норвегія", "Noruega"),
     names("Moldova", "Молдавия", "Молдова", "Moldavia"), "2025-06-24", {
         "en": ("Norway gives Moldova energy aid",
                "Norway gave Moldova 40 million euros in aid on Thursday to help it buy gas for the winter, "
                "the Norwegian embassy said. The money will also pay for insulating schools."),
         "ru": ("Норвегия выделила Молдавии 40 миллионов евро",
                "Норвегия выделила Молдавии 40 миллионов евро помощи на закупку газа к зиме, сообщило посольство "
                "в четверг. Часть средств пойдет на утепление школ."),
         "uk": ("Норвегія надала Молдові допомогу",
                "Норвегія надала Молдові 40 мільйонів євро допомоги, щоб країна закупила газ на зиму. Частину "
                "коштів спрямують на утеплення шкіл, повідомило посольство."),
         "es": ("Noruega dona 40 millones a Moldavia",
                "Noruega donó el jueves 40 millones de euros a Moldavia para la compra de gas de cara al invierno, "
                "informó la embajada noruega. Parte del dinero se destinará a aislar escuelas."),
     }),
    ("p3-05", "REQUEST", names("Chidi Okonkwo", "Чиди Оконкво", "Чіді Оконкво", "Chidi Okonkwo"),
     names("Ghana", "Гана", "Гана", "Ghana"), "2025-07-01", {
         "en": ("Nigerian minister urges Ghana to reopen border markets",
                "Nigeria's trade minister Chidi Okonkwo urged Ghana on Tuesday to reopen the border markets closed "
                "last month. Okonkwo said traders on both sides were losing their livelihoods."),
         "ru": ("Нигерия просит Гану открыть приграничные рынки",
                "Министр торговли Нигерии Чиди Оконкво призвал Гану вновь открыть приграничные рынки, закрытые "
                "в прошлом месяце. По словам Оконкво, торговцы по обе стороны границы теряют заработок."),
         "uk": ("Чіді Оконкво закликав Гану відкрити ринки",
                "Міністр торгівлі Нігерії Чіді Оконкво закликав Гану знову відкрити прикордонні ринки. Оконкво "
                "заявив, що торговці з обох боків кордону втрачають засоби до існування."),
         "es": ("Nigeria pide a Ghana reabrir los mercados fronterizos",
                "El ministro de Comercio de Nigeria, Chidi Okonkwo, instó el martes a Ghana a reabrir los mercados "
                "fronterizos cerrados el mes pasado. Según Okonkwo, los comerciantes se quedan sin sustento."),
     }),
    ("p3-06", "MOBILIZE", names("Finland", "Финляндия", "Фінляндія", "Finlandia"), None, "2025-07-08", {
         "en": ("Finland begins large military exercise in Lapland",
                "Finland began a large military exercise in Lapland on Monday, deploying 8,000 troops near the "
                "northern border, the defence forces said. The drills will last two weeks."),
         "ru": ("Финляндия начала масштабные учения в Лапландии",
                "Финляндия в понедельник начала крупные военные учения в Лапландии, развернув у северной границы "
                "8 тысяч военнослужащих, сообщили силы обороны. Маневры продлятся две недели."),
         "uk": ("Фінляндія розпочала навчання в Лапландії",
                "Фінляндія в понеділок розпочала масштабні військові навчання в Лапландії та розгорнула біля "
                "північного кордону 8 тисяч військових. Навчання триватимуть два тижні."),
         "es": ("Finlandia despliega 8.000 soldados en Laponia",
                "Finlandia inició el lunes unas grandes maniobras militares en Laponia y desplegó 8.000 soldados "
                "cerca de su frontera norte, informaron las Fuerzas de Defensa. Los ejercicios durarán dos "
                "semanas."),
     }),
]
OUTLETS = {"en": "Harbour Gazette", "ru": "Северная почта", "uk": "Полтавський кур'єр", "es": "El Heraldo Austral"}


def main() -> None:
    rows = []
    for event, etype, source, target, day, texts in EVENTS:
        for lang, (title, text) in texts.items():
            rows.append({"id": f"{event}-{lang}", "event": event, "lang": lang, "outlet": OUTLETS[lang],
                         "title": title, "published": day, "text": text, "type": etype,
                         "source": source, "target": target})
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


if __name__ == "__main__":
    main()
