"""Prose in scripts without capitals (issue 15, session 20): a sentence is told by its own script's full stop, not
by a capital, and a Japanese line is not "another language" because kanji outnumber kana in it.

The articles are invented for these tests.
"""
from __future__ import annotations

from storyline.clean import clean_document
from storyline.clean.line_model import JudgedLine, protected, sentence_like, strong_prose
from storyline.clean.lines import caseless_share, opens_sentence, sentence_ends
from storyline.config import Settings
from storyline.model import Document


def _body(text: str) -> JudgedLine:
    return JudgedLine(text=text, raw=text, label="body", reason="")


def test_sentences_end_with_the_full_stop_of_their_script():
    assert sentence_ends("ग्राम सभा ने नया कुआं खोदने का प्रस्ताव पास किया। काम अगले हफ़्ते शुरू होगा।") == 2
    assert sentence_ends("渡口今天恢复通航。船票价格不变。") == 2
    assert sentence_ends("هل تكفي المياه للصيف؟ يقول المهندسون إنها تكفي.") == 2
    assert sentence_ends("The ferry sailed at noon . It was full.") == 2
    assert sentence_ends("Share this article") == 0


def test_a_sentence_in_a_script_without_capitals_opens_as_a_sentence():
    for text in ("ग्राम सभा ने नया कुआं खोदने का प्रस्ताव पास किया।", "قالت البلدية إن الطريق سيفتح غدا.",
                 "渡口今天恢复通航。", "სოფელში ახალი ხიდი გაიხსნა."):
        assert opens_sentence(text) and sentence_like(text), text
        assert caseless_share(text) > 0.9
    assert not sentence_like("the ferry sailed at noon.")  # a Latin sentence still opens with a capital
    assert caseless_share("The ferry sailed.") == 0.0


def test_the_caseless_share_counts_letters_only_in_a_mixed_line():
    # 4 Latin letters, 2 Chinese ones; figures, spaces and the full stop are no letters
    assert caseless_share("Port 7: 渡口.") == 2 / 6
    assert caseless_share("Über die Brücke") == 0.0   # accented Latin letters have capitals
    assert caseless_share("Паром отплыл.") == 0.0     # so has Cyrillic
    assert caseless_share("2026 – 12") == caseless_share("") == 0.0


def test_a_chinese_paragraph_counts_its_words_as_prose_does():
    line = _body("渡口管理处表示，新码头启用后，每天往返的班次将从十班增加到二十班，候船时间也会缩短一半。")
    assert strong_prose(line) and protected(line)
    assert not strong_prose(_body("分享到："))


def test_a_japanese_line_written_mostly_in_kanji_is_not_another_language():
    raw = ("港の新しい桟橋が完成\n\n市は十日、港の新しい桟橋が完成したと発表した。"
           "漁船が一度に六隻とまれるようになる。\n\n漁業組合長の山田健一氏は歓迎の意向を示した。\n\n"
           "市によると、総工費は約十二億円で、国が半分を負担した。")
    doc = clean_document(Document(id="t", source="t.txt", raw=raw), Settings(clean_lines="rules"))
    assert "漁業組合長の山田健一氏は歓迎の意向を示した。" in doc.text
    assert not any(r.reason == "other_language" for r in doc.removed)
