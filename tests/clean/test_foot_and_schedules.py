"""Issue 15, session 29: two kinds of the story's lines the cleaning lost.

A schedule the story lists between its paragraphs (a programme's title, then its time and channel; an event's time
and venue) repeats one template in several gaps between paragraphs, as a forum's post headers do, and the
post-furniture rule (``structure.post_furniture``) removed it whole. A time of day followed by the name of where it
happens, with no date, year or poster's mark, is a schedule's row (``structure.schedule_row``): its gap stays. A
forum's post headers, which date the post or name the poster, still go.

A story's last paragraph is often one short sentence giving when its next step happens ("The next sale is on 14
July."), which the line model, taught on pages whose foot holds the site's notices, removed in hybrid mode
(``line_model_tail`` / ``sentence_model``). Such a sentence right under the story's last paragraph, with no furniture
evidence of its own, stays (``line_model.foot_paragraph``); a notice written plainly at the foot still goes.

The articles are invented for these tests.
"""
from __future__ import annotations

import pytest

from storyline.clean import clean_document
from storyline.clean.structure import schedule_row
from storyline.config import Settings
from storyline.model import Document

RADIO_PICKS = """Wavelength Weekly
Sunday on the radio: three to catch
6 September 2026
Full schedule
The Salt Road
10.30am, Coast FM
A walk along the old packhorse route from the harbour to the moor, with a farmer whose family has grazed it.
Night Signals
9pm, Radio Fenwick
The second part of the series about the amateur operators who tracked the first satellites from their back gardens.
Folk on the Quay
11.15pm, Harbour Sound
Recorded live at the summer festival, with three bands who have never been on the radio before.
Sponsored
Our picks are chosen by our editors.
"""

RADIO_ROWS = ("The Salt Road", "10.30am, Coast FM", "Night Signals", "9pm, Radio Fenwick", "Folk on the Quay",
              "11.15pm, Harbour Sound")

FIESTA = """Diario del Valle
Fiestas de San Roque: el programa del sábado
14 de agosto de 2026
Pregón de las fiestas
20:30, Plaza Mayor
La escritora Marta Llorente leerá el pregón desde el balcón del ayuntamiento, como hizo su abuelo hace cuarenta años.
Concierto de la banda municipal
22:00, Paseo del Río
La banda estrena una pieza compuesta para las fiestas por un profesor del conservatorio de la comarca.
Fuegos artificiales
23:45, Puente Viejo
El ayuntamiento ha pedido a los vecinos que no aparquen junto al río desde las siete de la tarde.
Publicidad
"""

FIESTA_ROWS = ("Pregón de las fiestas", "20:30, Plaza Mayor", "Concierto de la banda municipal",
               "22:00, Paseo del Río", "Fuegos artificiales", "23:45, Puente Viejo")

FORUM = """Allotment Talk forum
Blight on outdoor tomatoes already?
greenfinger_jo
Posted 14 Jul 2026 7:42 am
Found brown patches on the lower leaves of my outdoor tomatoes this morning. Is it blight this early in the year?
Reply Quote
plotholder22
Posted 14 Jul 2026 9:15 am
Sounds like it. Take the affected leaves off and burn them, and don't water from above.
Reply Quote
marrowman
Posted 15 Jul 2026 6:03 pm
Mine went the same way last year in the wet spell. The blight-resistant varieties did much better for me.
Reply Quote
"""


def _text(raw: str, mode: str) -> str:
    return clean_document(Document(id="t", source="t.txt", raw=raw), Settings(clean_lines=mode)).text


@pytest.mark.parametrize("mode", ["rules", "hybrid"])
@pytest.mark.parametrize("raw,rows", [(RADIO_PICKS, RADIO_ROWS), (FIESTA, FIESTA_ROWS)], ids=["radio", "fiesta"])
def test_a_schedule_between_the_paragraphs_is_kept(raw: str, rows: tuple[str, ...], mode: str):
    lines = set(_text(raw, mode).splitlines())
    for row in rows:
        assert row in lines, row


@pytest.mark.parametrize("mode", ["rules", "hybrid"])
def test_post_headers_that_date_the_post_still_go(mode: str):
    text = _text(FORUM, mode)
    for header in ("Posted 14 Jul 2026 7:42 am", "Posted 14 Jul 2026 9:15 am", "Posted 15 Jul 2026 6:03 pm"):
        assert header not in text, header
    assert "The blight-resistant varieties did much better for me." in text


@pytest.mark.parametrize("text,expected", [
    ("9pm, Radio Fenwick", True), ("10.30am – Market Square", True), ("19:30 Town Hall", True),
    ("13:58 GMT", False),  # a live blog's stamp with its time zone
    ("Mon Mar 04, 2024 8:12 pm", False), ("Posted 14 Jul 2026 7:42 am", False), ("8:12 pm", False),
    ("2.50 million people", False), ("10 Downing Street", False), ("21:00 · tidewatcher", False),
    ("7:42 am greenfinger_jo", False), ("6:03 pm marrowman", False),  # a post's time and its poster's handle
    ("20:30 市民会館", True),  # a script without capitals
])
def test_schedule_row_shape(text: str, expected: bool):
    assert schedule_row(text) is expected


MARKET_STORY = """Brackenford Post
Farmers' market returns to the square after repairs
2 July 2026
By Tomasz Wielgosz

The monthly farmers' market returned to Brackenford's square on Saturday after six months away for repaving.
Twenty-two stalls sold cheese, bread, plants and meat, and the organisers said about 1,500 people came.
Stallholders had traded from the school car park during the works, where trade fell by a third, a baker said.
The next market is on 1 August.
Share this article
Most read
Bypass plans go on show
"""

AUCTION_STORY = """Valley Farmer
Store lambs sell well at Kirkholme
18 September 2026

Store lambs averaged £94 a head at Kirkholme mart on Tuesday, up £6 on the same sale last year, with 3,200 forward.
Buyers from the lowlands were keen on strong lambs for finishing on turnips, the auctioneer said.
The next store sale is on 2 October.
Related
Ewe prices hold at autumn sales
"""

NOTICE_FOOT = """Brackenford Post
Flood barrier test on the river front
9 March 2026

The council tested its demountable flood barrier along the river front on Sunday, closing Quay Street for four hours.
Crews put up 180 metres of the barrier in just under two hours, twenty minutes faster than at last year's test.
Data on river levels are supplied by the environment agency and may change.
Share this article
"""


@pytest.mark.parametrize("raw,closing", [(MARKET_STORY, "The next market is on 1 August."),
                                         (AUCTION_STORY, "The next store sale is on 2 October.")],
                         ids=["market", "auction"])
def test_the_story_s_closing_sentence_of_its_next_date_is_kept_in_hybrid(raw: str, closing: str):
    text = _text(raw, "hybrid")
    assert closing in text.splitlines()
    assert "Share this article" not in text and "Most read" not in text


def test_a_notice_at_the_foot_written_as_a_sentence_still_goes():
    text = _text(NOTICE_FOOT, "hybrid")
    assert "Data on river levels are supplied by the environment agency and may change." not in text
    assert "twenty minutes faster than at last year's test." in text


@pytest.mark.parametrize("foot", ["Brackenford Post, 2 July 2026.", "Wielgosz Media, 2 July 2026."])
def test_an_outlet_and_date_line_at_the_foot_still_goes(foot: str):
    # review33: a name and a date ending on a stop, every word capitalised, is the page's credit, not a sentence
    raw = MARKET_STORY.replace("The next market is on 1 August.", foot)
    assert foot not in _text(raw, "hybrid").splitlines()


FORUM_TIMES = """Allotment Talk forum
Blight on outdoor tomatoes already?
7:42 am greenfinger_jo
Found brown patches on the lower leaves of my outdoor tomatoes this morning. Is it blight this early in the year?
Reply Quote
9:15 am plotholder22
Sounds like it. Take the affected leaves off and burn them, and don't water from above.
Reply Quote
6:03 pm marrowman
Mine went the same way last year in the wet spell. The blight-resistant varieties did much better for me.
Reply Quote
"""


@pytest.mark.parametrize("mode", ["rules", "hybrid"])
def test_post_headers_of_a_time_and_a_handle_still_go(mode: str):
    # review33: a time then a poster's handle is no schedule's row
    text = _text(FORUM_TIMES, mode)
    for header in ("7:42 am greenfinger_jo", "9:15 am plotholder22", "6:03 pm marrowman"):
        assert header not in text, header
