"""Session 23 (clean23): forum post stamps written in figures ("09-14-2023, 07:12 AM #1"), Buddhist-era years of Thai
and Lao pages, a date printed only in a header line or under the headline, and a date line never taken for the
headline (pages written for these tests)."""
from __future__ import annotations

import pytest

from storyline.clean import clean_document, metadata
from storyline.config import Settings
from storyline.model import Document


def _clean(raw: str, lang: str | None = None) -> Document:
    given = {"language": lang} if lang else {}
    return clean_document(Document(id="t", source="t.txt", raw=raw, given=given), Settings(clean_lines="rules"))


def _thread(first: str, second: str, third: str) -> str:
    return ("Lakeside Anglers Forum\n\nForum › Coarse fishing › Tackle\n\n"
            "Best line weight for tench in weedy lakes?\n\n"
            f"{first} #1\n\nreed_warbler\n\nJunior Member · Join Date: Apr 2019 · Posts: 41\n\n"
            "I keep losing fish in the lilies at the far end of our club lake. I am using 6lb line straight through "
            "with a size 12 hook. Should I go heavier, or is it the way I am playing them?\n\nReply With Quote\n\n"
            f"{second} #2\n\ncarp_and_co\n\nSenior Member · Join Date: Jun 2010 · Posts: 3,110\n\n"
            "Go up to 10lb line at least near lilies, and lock the clutch. You have to stop them in the first few "
            "seconds or they are in the stems and gone.\n\nReply With Quote\n\n"
            f"{third} #3\n\nreed_warbler\n\nTried 10lb on Saturday and landed all four I hooked. Thanks for the "
            "advice, everyone, it made all the difference.\n\nReply With Quote\n")


@pytest.mark.parametrize("stamps, published", [
    # the second post's stamp has a day above 12 in the second field: the forum writes the month first
    (("05-04-2026, 09:41 PM", "05-14-2026, 10:05 PM", "05-16-2026, 08:17 AM"), "2026-05-04"),
    # a day above 12 in the first field: the forum writes the day first
    (("05.04.2026, 21:41", "14.04.2026, 22:05", "16.04.2026, 08:17"), "2026-04-05"),
])
def test_a_threads_date_in_figures_is_read_with_its_other_stamps(stamps: tuple[str, str, str],
                                                                 published: str) -> None:
    doc = _clean(_thread(*stamps))
    assert (doc.published, doc.published_precision) == (published, "day")


def test_figures_without_a_time_are_not_a_post_stamp() -> None:
    assert metadata.numeric_stamp("Catalogue number 05-04-2026 in stock") is None
    assert metadata.numeric_stamp("v1.05-04-2026, 09:41") is None
    assert metadata.numeric_stamp("05-04-2026, 09:41 PM #1") == (5, 4, 2026, "-")


@pytest.mark.parametrize("text, lang, value", [
    ("14 กรกฎาคม 2569 เวลา 10:15 น.", "th", "2026-07-14"),
    ("3 มีนาคม 2568", "th", "2025-03-03"),
    ("14 กรกฎาคม 2026", "th", "2026-07-14"),   # some Thai pages print the common era
])
def test_a_buddhist_era_year_is_given_in_the_common_era(text: str, lang: str, value: str) -> None:
    assert metadata.full_date_in_language(text, lang) == value


def test_a_buddhist_era_year_is_read_only_where_the_language_counts_years_so() -> None:
    assert metadata.common_era_year(2569, "th") == 2026
    assert metadata.common_era_year(2569, "en") == 2569
    assert metadata.common_era_year(2026, "th") == 2026


THAI_PAGE = ("ข่าวเมืองเหนือวันนี้\n\n"
             "ตลาดน้ำริมคลองเปิดใหม่หลังซ่อมแซมนานหนึ่งปี\n\n"
             "14 กรกฎาคม 2569 เวลา 10:15 น.\n\n"
             "ตลาดน้ำริมคลองของเทศบาลเปิดให้บริการอีกครั้งเมื่อวันเสาร์ หลังจากปิดซ่อมแซมท่าเรือและทางเดินนานหนึ่งปี "
             "มีผู้ค้ากว่าแปดสิบรายกลับมาขายสินค้า\n\n"
             "นายกเทศมนตรีกล่าวว่า ตลาดจะเปิดทุกวันเสาร์และอาทิตย์ ตั้งแต่เวลาเจ็ดโมงเช้าถึงบ่ายสามโมง "
             "และจะมีเรือรับส่งนักท่องเที่ยวจากท่าน้ำหน้าวัด\n\n"
             "ผู้ค้าหลายรายกล่าวว่า ยอดขายในวันแรกดีกว่าที่คาดไว้มาก\n\n"
             "แชร์ข่าวนี้\n")


def test_a_thai_page_dated_in_the_buddhist_era_keeps_its_headline_and_date() -> None:
    doc = _clean(THAI_PAGE, "th")
    assert doc.title == "ตลาดน้ำริมคลองเปิดใหม่หลังซ่อมแซมนานหนึ่งปี"
    assert (doc.published, doc.published_precision) == ("2026-07-14", "day")


def test_a_date_under_the_headline_on_a_post_header_dates_the_page() -> None:
    raw = ("Harbour Road Residents' Board\n\n"
           "Welcome to the board. Please read the posting rules before starting a new thread, and keep it civil.\n\n"
           "Bin collections moving to Tuesdays from next month\n\n"
           "Started by gull_watcher, 9 June 2026\n\n"
           "The council has sent round a leaflet saying our bins will be collected on Tuesdays instead of Fridays "
           "from July, and garden waste every other week. Has anyone heard why?\n\n"
           "Reply from marina_jo\n\n"
           "They have changed the rounds across the whole town because two crews were cut. My sister in Eastcliff "
           "got the same leaflet last week.\n")
    doc = _clean(raw)
    assert (doc.published, doc.published_precision) == ("2026-06-09", "day")


def test_a_date_in_the_body_far_below_the_header_does_not_date_the_page() -> None:
    raw = ("Bin collections move to Tuesdays\n\n"
           "The council will collect bins on Tuesdays instead of Fridays from next month, it said on Monday, after "
           "cutting two of its crews to save money.\n\n"
           "Garden waste will be collected every other week. Residents can ask for a larger bin free of charge.\n\n"
           "The change follows a vote by the cabinet on 3 March 2021 to review every round in the town.\n")
    assert _clean(raw).published is None


def test_a_date_in_the_paragraph_under_the_headline_is_the_storys_not_the_pages() -> None:
    raw = ("Lakeside Courier\n\nBin collections move to Tuesdays\n\n"
           "Parish notes\n\n"
           "The council will collect bins on Tuesdays from next month, keeping to a decision its cabinet took on "
           "3 March 2021 to review every round in the town once the new depot opened.\n\n"
           "Garden waste will be collected every other week. Residents can ask for a larger bin free of charge.\n")
    assert _clean(raw).published is None


@pytest.mark.parametrize("text, lang, value", [
    ("၂၀၂၆ မေ ၂", "my", "2026-05-02"),                        # Burmese, year first, a two-letter month name
    ("ថ្ងៃទី៨ ខែតុលា ឆ្នាំ២០២៦", "km", "2026-10-08"),         # Khmer: "day 8, month October, year 2026", glued
])
def test_dates_whose_words_are_short_or_glued_to_their_numbers(text: str, lang: str, value: str) -> None:
    assert metadata.full_date_in_language(text, lang) == value


def test_a_two_letter_latin_word_is_not_a_month() -> None:
    assert metadata.full_date_in_language("a3 de mayo de 2024", "es") is None
    assert all(len(name) >= 3 for name in metadata.language_month_names("es") or {})


BURMESE_PAGE = ("ရွာသတင်း\n\n"
                "မြို့သစ်ဆေးရုံ ဖွင့်လှစ်\n\n"
                "၂၀၂၆ ဇွန် ၁၄\n\n"
                "မြို့နယ်ဆေးရုံသစ်ကို ယမန်နေ့က ဖွင့်လှစ်ခဲ့ပြီး ကုတင်ငါးဆယ်ပါဝင်သည်။ ဆရာဝန်ဆယ်ဦးနှင့် သူနာပြုသုံးဆယ်ဦး "
                "တာဝန်ထမ်းဆောင်မည်ဖြစ်သည်။\n\n"
                "ဒေသခံများက ဆေးကုသမှုခံယူရန် မြို့ကြီးသို့ သွားစရာမလိုတော့ကြောင်း ပြောကြားကြသည်။ "
                "ဆေးရုံသည် နေ့စဉ် နံနက်ရှစ်နာရီမှ ညနေလေးနာရီအထိ ဖွင့်မည်ဖြစ်သည်။\n\n"
                "မျှဝေရန်\n")


def test_a_date_line_in_a_script_without_capitals_is_not_the_headline() -> None:
    doc = _clean(BURMESE_PAGE, "my")
    assert doc.title == "မြို့သစ်ဆေးရုံ ဖွင့်လှစ်"
    assert (doc.published, doc.published_precision) == ("2026-06-14", "day")


def test_a_stamp_with_a_clock_is_not_the_headline_and_teasers_with_their_age_are_passed_over() -> None:
    raw = ("城南资讯\n\n"
           "市区新增两座公园 · 城南日报 · 3小时前\n\n"
           "老城区道路改造完成 · 城南晚报 · 5小时前\n\n"
           "城南将新建三座过街天桥\n\n"
           "2026年6月14日 09:40 来源：城南日报\n\n"
           "城南区交通局14日宣布，今年将在三个主要路口新建过街天桥，方便学生和老人出行，预计十月底前完工。\n\n"
           "交通局负责人说，天桥将设置电梯和无障碍坡道，并在夜间提供照明，保障行人安全。\n\n"
           "不少市民表示欢迎，也希望同时增加公交站点。\n")
    doc = _clean(raw, "zh")
    assert doc.title == "城南将新建三座过街天桥"
    assert (doc.published, doc.published_precision) == ("2026-06-14", "day")


def test_an_age_in_a_chinese_sentence_is_not_a_stamp() -> None:
    from storyline.clean.structure import RELATIVE_TIME
    assert RELATIVE_TIME.search("城南日报 · 3小时前")
    assert RELATIVE_TIME.search("2時間前")
    assert not RELATIVE_TIME.search("这座桥是30年前建成的。")
    assert not RELATIVE_TIME.search("2026年前")


def test_a_release_date_labelled_released_anchors_the_headline_under_the_portals_name() -> None:
    raw = ("PressPoint Wire — Releases from companies and public bodies\n\n"
           "Home | Latest releases | By industry | Log in\n\n"
           "Energy · Utilities · Scotland\n\n"
           "Glenmore Heat to connect 3,000 homes to its district heating network\n\n"
           "Released: 14 June 2026 10:00 BST | Source: Glenmore Heat Ltd\n\n"
           "Glenmore Heat, which runs the district heating network in Kelvinside, said on Monday it would connect "
           "3,000 more homes over two years, starting with council flats in Partick in the autumn.\n\n"
           "The network takes heat from a river source heat pump and a waste incinerator. The company said customers "
           "would pay about a tenth less for heat than they do with gas boilers.\n")
    doc = _clean(raw)
    assert doc.title == "Glenmore Heat to connect 3,000 homes to its district heating network"
    assert (doc.published, doc.published_precision) == ("2026-06-14", "day")


def test_a_weekday_without_a_comma_and_the_part_of_the_day_make_a_date_line() -> None:
    raw = ("صحيفة الوادي\n\n"
           "الرئيسية | محليات | اقتصاد | رياضة\n\n"
           "افتتاح جسر جديد فوق النهر في مدينة الوادي\n\n"
           "الأحد 14 يونيو 2026 - 09:40 صباحا\n\n"
           "افتتحت بلدية الوادي يوم الأحد جسرا جديدا فوق النهر يربط الحي الشرقي بوسط المدينة، بعد عامين من العمل.\n\n"
           "وقال رئيس البلدية إن الجسر سيختصر زمن الرحلة إلى النصف، وإنه مخصص للسيارات والمشاة والدراجات.\n")
    doc = _clean(raw, "ar")
    assert doc.title == "افتتاح جسر جديد فوق النهر في مدينة الوادي"
    assert (doc.published, doc.published_precision) == ("2026-06-14", "day")
