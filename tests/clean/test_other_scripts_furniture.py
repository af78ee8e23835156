"""Session 24 (issue 15): a page's share button, its row of networks, its app pitch and its rights line in the
scripts the lexicon did not know (Arabic, Persian, Urdu, the Indic scripts, CJK, Thai, Georgian, Ethiopic, Greek,
Hebrew) are furniture by the rules; a story's sentence about sharing or an app stays. Hand-written lines."""
from __future__ import annotations

import pytest

from storyline.clean.lexicon import load_lexicon
from storyline.clean.lines import classify_unit

LEX = load_lexicon()


@pytest.mark.parametrize("line", [
    "शेयर करें", "इस ख़बर को शेयर करें", "শেয়ার করুন", "شارك", "شارك هذا الخبر", "اشتراک\u200cگذاری", "شیئر کریں",
    "分享到：", "シェアする", "공유하기", "แชร์", "გაზიარება", "ያጋሩ", "Κοινοποίηση", "שתפו", "ಹಂಚಿಕೊಳ್ಳಿ",
    "微信 微博", "واٹس ایپ فیس بک", "फ़ेसबुक ट्विटर व्हाट्सऐप",
    "ਸਾਨੂੰ ਇੰਸਟਾਗ੍ਰਾਮ ਉੱਤੇ ਫਾਲੋ ਕਰੋ।", "ताज़ा ख़बरों के लिए हमारा ऐप डाउनलोड करें।", "版权所有，未经授权不得转载。",
    "Pobierz aplikację i czytaj wiadomości z regionu.",
])
def test_share_rows_app_pitches_and_rights_lines_are_furniture(line: str) -> None:
    assert classify_unit(line, LEX).label == "junk"


@pytest.mark.parametrize("line", [
    # a story's sentences about sharing, an app or a download: the words alone on a line are the button, not these
    "किसानों ने पानी को आपस में साझा करने का फ़ैसला किया है और पंचायत ने इसकी निगरानी का ज़िम्मा लिया है।",
    "市政府表示，新的公交应用上线首周已有三万人使用，市民可以查询车辆到站时间。",
    "وقال المدير إن الشركة ستشارك في المعرض المقبل مع ثلاثة مصانع أخرى من المنطقة.",
])
def test_a_storys_sentence_about_sharing_or_an_app_stays(line: str) -> None:
    assert classify_unit(line, LEX).label == "body"
