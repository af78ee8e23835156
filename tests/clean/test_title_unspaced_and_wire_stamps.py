"""Session 29 (title33): title misses of issue 15 that are not the title model's.

A page in a script written without spaces (Chinese, Japanese) had no line of prose to the header's rules (a
paragraph is one or two tokens to a count of spaces), so the header ran to the page's foot and a contact line below
the story, with spaces in it, was taken for the headline; and a stamp of date and time with the poster's name after
a bar ("2026年4月2日 9時30分 | 社名") read as a trail, not as the stamp the headline stands over. A thread's question
("…吗？") stays its headline. A wire's header line of date, agency in brackets and time ("Mar 12 (Harbour Wire)
09:15", tokenised "( Harbour Wire ) 09: 15") was no date line, so it became the title. A long headline over a
post's header opening with a lowercase "by" ("by fennel » Mon Apr 07, 2025 6:18 pm") was joined with it as one
hard-wrapped line. Hand-written pages."""
from __future__ import annotations

import pytest

from storyline.clean.metadata import parse_date_line
from tests.clean.titles import page_title

_JA = ("ニュース配信センター スターライン\n"
       "ホーム | 新着 | 企業 | 地域 | 検索\n"
       "青葉製菓、北浜町に物流拠点を開設 来春から出荷開始\n"
       "2026年4月2日 9時30分 | 青葉製菓株式会社\n"
       "青葉製菓株式会社は4月2日、北浜町の工業団地に新しい物流拠点を開設すると発表した。総工費は約35億円で、来年春の出荷開始を"
       "予定している。\n"
       "新拠点では菓子の保管と配送をまとめて行い、地元で約80人を採用する計画だ。\n"
       "同社の広報担当者は「東日本への配送時間を半日短縮できる」と話した。\n"
       "お問い合わせ先：青葉製菓株式会社 総務部 電話 045-555-0192\n"
       "この記事をシェアする：X | Facebook | LINE\n")
_ZH = ("城市快讯网 新闻中心\n"
       "首页 | 本地 | 经济 | 社会\n"
       "临江市新建三座公园 年底前对市民开放\n"
       "2026年5月14日 10点15分 | 临江市园林局\n"
       "临江市园林局14日表示，市区东部的三座新公园将在今年年底前建成并对市民免费开放。\n"
       "三座公园总面积约四十公顷，将种植两万多棵树，并修建步道和儿童游乐场。\n"
       "园林局负责人说，新公园建成后，东部居民步行十分钟就能到达一座公园。\n"
       "联系人：王 先生 电话 0571 5555 0131\n"
       "版权所有 城市快讯网\n")
#: a thread's question over its first post: a question is its headline, not the story's first paragraph
_QUESTION = ("河畔社区论坛\n"
             "首页 › 生活 › 交通\n"
             "明天早上八点以后东门的公交车还会经过河畔小区吗？\n"
             "发表于 2026-6-3 21:05 | 只看该作者\n"
             "听说东门那边要修路，公交车可能改道。有没有人知道明天早上的车还经过河畔小区？\n"
             "回复 举报\n")


@pytest.mark.parametrize("raw, headline", [
    (_JA, "青葉製菓、北浜町に物流拠点を開設 来春から出荷開始"),
    (_ZH, "临江市新建三座公园 年底前对市民开放"),
    (_QUESTION, "明天早上八点以后东门的公交车还会经过河畔小区吗？"),
])
@pytest.mark.parametrize("mode", ["trained", "rules"])
def test_unspaced_page_headline_not_a_contact_line_below_the_story(raw: str, headline: str, mode: str) -> None:
    assert page_title(raw, mode) == headline


_WIRE = ("Harbour Wire\n"
         "{headline}\n"
         "{stamp}\n"
         "Dock workers at the port of Selmer walked out on Tuesday over a pay offer their union called an insult , "
         "halting the loading of grain ships .\n"
         "The port authority said talks would resume on Thursday .\n")


@pytest.mark.parametrize("stamp", ["Mar 12 ( Harbour Wire ) 09: 15", "Mar 12 (Harbour Wire) 09:15",
                                   "12 March 2026 ( Harbour Wire )"])
def test_wire_stamp_with_agency_in_brackets_is_no_title(stamp: str) -> None:
    # the agency's tag before the headline is its slug, not the headline's words (``document._WIRE_TAG``)
    headline = "Selmer dock workers strike over pay offer"
    raw = _WIRE.format(headline="UPDATE 2-" + headline, stamp=stamp)
    assert page_title(raw) == headline
    assert page_title(raw, "rules") == headline


@pytest.mark.parametrize("line, month, day", [
    ("Oct 5 ( Meridian ) 07: 41", 10, 5),
    ("4 June 2025 (Coastline Press Agency)", 6, 4),
    ("31 October 2023 (SABW)", 10, 31),
])
def test_date_with_agency_in_brackets_reads_as_a_date(line: str, month: int, day: int) -> None:
    guess = parse_date_line(line)
    assert guess is not None and (guess.month, guess.day) == (month, day)


@pytest.mark.parametrize("line", ["Talks end March 3 (Geneva)", "Oct 5 (Meridian) sells its port stake",
                                  "March 3 (and what came after)"])
def test_words_around_a_bracketed_name_are_no_date_line(line: str) -> None:
    assert parse_date_line(line) is None


@pytest.mark.parametrize("header", ["by marrow_mike » Tue Jun 09, 2026 8:40 pm", "by Tess Abara | 9 June 2026",
                                    "by pip · 9 June 2026, 20:40"])
def test_long_headline_over_a_post_header_opening_with_by(header: str) -> None:
    # the headline (50+ characters, no stop) was joined with the header under it as one hard-wrapped line
    headline = "Slugs have eaten every one of my lettuce seedlings overnight"
    raw = ("Riverside Allotment Society Forum\nBoard index ‹ Pests and diseases\nPost a reply\n"
           f"{headline}\n{header}\nI planted out twenty lettuces on Sunday and this morning there is nothing left "
           "but stalks. Beer traps caught a few slugs but not nearly enough.\nWhat else works on heavy clay?\n")
    assert page_title(raw) == headline
    assert page_title(raw, "rules") == headline


def test_a_wrapped_sentence_carries_on_after_by() -> None:
    from storyline.clean.lines import split_units
    text = ("The new footbridge over the river was approved last week\nby the planning committee, which met in the "
            "town hall.\n")
    assert len(split_units(text)) == 1
