"""Tables, forum furniture, transcript and wire furniture judged across lines (issue 15).

The pages are invented for these tests; each test failed on the cleaning before structure.py.
"""
from __future__ import annotations

from storyline.clean import clean_document
from storyline.clean.lexicon import load_lexicon
from storyline.clean.lines import classify_unit
from storyline.clean.structure import post_furniture, row_shape, shape_key
from storyline.config import Settings
from storyline.model import Document

LEX = load_lexicon()


def _clean(raw: str) -> Document:
    return clean_document(Document(id="t", source="t.txt", raw=raw), Settings())


def _lines(text: str) -> list[str]:
    return [" ".join(x.split()) for x in text.splitlines()]


def test_an_aligned_results_table_with_its_header_row_is_body():
    raw = ("Harbour Post\nGreens win Eastgate ward by 97 votes\nBy Ana Ruiz\n4 May 2024\n"
           "The Green candidate won the Eastgate ward on Thursday in a close count that went to a recount.\n"
           "The declared result was:\n"
           "Candidate        Party        Votes\n"
           "Lena Ford        Green        1,204\n"
           "Omar Aziz        Labour       1,107\n"
           "Rita Kell        Reform         512\n"
           "The council stays under no overall control, the returning officer said.\n"
           "Share on Facebook\n")
    body = _lines(_clean(raw).text)
    for row in ("The declared result was:", "Candidate Party Votes", "Lena Ford Green 1,204",
                "Omar Aziz Labour 1,107", "Rita Kell Reform 512"):
        assert row in body, row
    assert "Share on Facebook" not in body


def test_a_single_spaced_league_table_and_a_pipe_table_are_body():
    raw = ("City Sport\nRovers go top with late winner\n12 May 2024\n"
           "Rovers beat Albion 2-1 with a goal in the 89th minute and lead the league by a point.\n"
           "Table after round 20:\n"
           "Pos Team P W D L Pts\n"
           "1 Rovers 20 13 4 3 43\n"
           "2 Albion 20 13 3 4 42\n"
           "3 Wanderers 20 11 5 4 38\n"
           "Prices at the club shop also went up this season, the supporters' trust said:\n"
           "| Item | 2023 | 2024 |\n|---|---|---|\n| Home shirt | 55 | 65 |\n| Season ticket | 410 | 455 |\n"
           "The club said the rises covered higher costs.\n")
    body = _lines(_clean(raw).text)
    for row in ("Pos Team P W D L Pts", "1 Rovers 20 13 4 3 43", "3 Wanderers 20 11 5 4 38",
                "| Item | 2023 | 2024 |", "| Home shirt | 55 | 65 |", "| Season ticket | 410 | 455 |"):
        assert row in body, row


def test_rows_of_figures_away_from_the_body_are_still_furniture():
    raw = ("Storm closes schools\n"
           "Schools across the county closed on Monday as the storm brought down trees and power lines.\n"
           "Trending\nTopic\tReplies\tViews\nBus lane cameras\t41\t2100\nAllotment list\t12\t780\n")
    body = _lines(_clean(raw).text)
    assert "Bus lane cameras 41 2100" not in body


def test_row_shapes():
    assert row_shape("Diesel\t179.21\t183.02\t+3.81") == ("cells", 4)
    assert row_shape("Northern Samar — 17 — 54 — 9") == ("cells", 4)
    assert row_shape("ZPHS Uppal 212 209 98.6%") == ("figures", 3)
    assert row_shape("Police said 14 people were hurt.") is None


def test_post_header_templates_match_across_posts():
    assert shape_key("Post by tidewatcher » Mon Mar 04, 2024 8:12 pm") == \
        shape_key("Post by marram_grass » Tue Mar 05, 2024 7:03 am")
    assert shape_key("Posts: 1412") == shape_key("Posts: 388") != shape_key("Majority: 281")


FORUM = """Riverside Residents Forum
Board index › Local news
Night buses to be cut from June - who is affected?
Post by quaywalker » Mon Apr 08, 2024 9:12 pm
The operator says the two night routes to the hospital will stop from the first of June to save money.
quaywalker
Posts: 812
Joined: Sat Feb 02, 2019 4:10 pm
Post by nightnurse_k » Mon Apr 08, 2024 10:40 pm
I finish at midnight three days a week and the night bus is the only way home for most of the ward staff.
nightnurse_k
Posts: 35
Joined: Wed Jan 10, 2024 8:00 am
Post by quaywalker » Tue Apr 09, 2024 7:05 am
The council meets the operator next Tuesday, and written questions can be sent until Friday.
Reply With Quote
"""


def test_a_forums_post_headers_are_removed_and_its_posts_kept():
    doc = _clean(FORUM)
    body = _lines(doc.text)
    assert doc.title == "Night buses to be cut from June - who is affected?"
    assert doc.published == "2024-04-08"  # the first post's date, not a member's join date
    for furniture in ("Post by nightnurse_k » Mon Apr 08, 2024 10:40 pm", "nightnurse_k", "Posts: 35",
                      "Joined: Wed Jan 10, 2024 8:00 am", "quaywalker"):
        assert furniture not in body, furniture
    assert any(x.startswith("I finish at midnight three days a week") for x in body)
    assert any(x.startswith("The council meets the operator next Tuesday") for x in body)
    assert all(r.reason for r in doc.removed)


def test_comment_furniture_with_relative_times_is_removed():
    raw = ("Valley News\nLibrary to close on Sundays\nBy Ian Moss\n3 March 2024\n"
           "The town library will close on Sundays from April to save money, the council said on Friday.\n"
           "Comments (2)\nmoss_fan\n2 hours ago\nSundays are the only day I can go.\nReply · 4 likes · Report\n"
           "old_reader\n5 hours ago\nA sad day for the town.\nReply · 1 like · Report\n")
    body = _lines(_clean(raw).text)
    for furniture in ("moss_fan", "2 hours ago", "old_reader", "Reply · 4 likes · Report"):
        assert furniture not in body, furniture
    assert "The town library will close on Sundays from April to save money, the council said on Friday." in body


def test_post_furniture_leaves_repeated_headings_of_an_article_alone():
    texts = ["Flood defences", "The council approved the new wall on Monday after a long debate.",
             "Flood defences", "Work starts in May and will take two years, the engineers said."]
    assert post_furniture(texts, ["short", "body", "short", "body"], set()) == set()


def test_transcript_time_codes_and_stage_directions_are_removed_speech_kept():
    raw = ("Evening News Transcript\nBridge Closure Angers Commuters\nAired March 3, 2024 - 21:00 ET\n"
           "[21:00:14]\nANCHOR: Good evening. The main bridge into the city closes tomorrow for six months.\n"
           "REPORTER: Commuters here are angry. Some face an extra hour each way.\nANCHOR: Any sign of a delay?\n"
           "REPORTER: No.\n(COMMERCIAL BREAK)\n00:12:40\n"
           "ANCHOR: Welcome back. The council says buses will run every ten minutes.\n")
    doc = _clean(raw)
    body = _lines(doc.text)
    assert doc.published == "2024-03-03"
    for junk in ("[21:00:14]", "(COMMERCIAL BREAK)", "00:12:40"):
        assert junk not in body, junk
    assert "REPORTER: No." in body
    assert classify_unit("(The vote was five to three.)", LEX).label != "junk"


def test_wire_slug_version_and_sign_off_lines_are_furniture():
    for line in ("KENYA-FLOODS/", "BC-Port-Strike,0412", "INDONESIA-VOLCANO/ (UPDATE 1, PIX)", "UPDATE 2",
                 "URGENT", "ENDS", "-30-", "((maria.ruiz@example.com; +34 91 555 0100))", "Word count: 412"):
        assert classify_unit(line, LEX).label == "junk", line
    for line in ("COVID-19", "Update on the talks", "More than 40 people were hurt."):
        assert classify_unit(line, LEX).label != "junk", line


def test_wire_copy_title_date_and_credits():
    raw = ("Southern Wire Service\nPORT-STRIKE/\nDock workers extend strike at Valparaiso port\n"
           "VALPARAISO, Chile, March 11 (Southern Wire) - Dock workers at Valparaiso extended their strike on "
           "Monday after rejecting a new pay offer, the union said.\n"
           "The port handles about a third of the country's container traffic.\n"
           "(Reporting by Ana Soto; Editing by Tom Hale)\nENDS\n© 2024 Southern Wire Service\n")
    doc = _clean(raw)
    assert doc.title == "Dock workers extend strike at Valparaiso port"
    assert doc.published == "2024-03-11"
    body = _lines(doc.text)
    assert not any(x in body for x in ("PORT-STRIKE/", "ENDS", "(Reporting by Ana Soto; Editing by Tom Hale)"))


def test_a_byline_with_place_and_date_segments_dates_the_article():
    v = classify_unit("By Camila Reyes | Santiago | 9 October 2023", LEX)
    assert v.label == "meta" and v.date is not None and v.date.value == "2023-10-09"
    assert v.byline is not None and v.byline.names == ("Camila Reyes",)
