"""Session 23 (clean24a): the order of day and month in a date in figures decided from the rest of the page, a
yearless wire dateline checked against its lead's weekday, a publication statement inside a line, and headlines
below a section's label, a navigation trail or above a post's credit line (pages written for these tests)."""
from __future__ import annotations

import pytest

from storyline.clean import clean_document, metadata
from storyline.config import Settings
from storyline.model import Document

BODY = ("Officers are appealing for witnesses after a cyclist was hurt in a collision with a van on the ring road "
        "late on Tuesday evening.\n\n"
        "Anyone with dashcam footage of the junction is asked to get in touch with the force.\n")


def _clean(raw: str) -> Document:
    return clean_document(Document(id="t", source="t.txt", raw=raw), Settings(clean_lines="rules"))


def test_a_date_in_figures_that_reads_both_ways_records_how_it_was_read() -> None:
    assert metadata.parse_date_line("02/07/2026").day_first is False     # "/" alone: month first
    assert metadata.parse_date_line("02.07.2026").day_first is True
    assert metadata.parse_date_line("21/07/2026").day_first is None     # only one reading
    assert metadata.parse_date_line("07/07/2026").day_first is None     # the same either way
    assert metadata.parse_date_line("2 July 2026").day_first is None


@pytest.mark.parametrize("page, language, expected", [
    # another date in figures with a field above 12 settles it, whatever else the page says
    ("Posted 21/01/2025 20:14. Price $40.", "en", True),
    ("Posted 01/21/2025 20:14. Price £40.", "en", False),
    ("Posted 21/01/2025 and 01/21/2025", "en", None),       # both orders: no evidence
    ("Publicado em 12/08/2026", "pt", True),                # only English pages write the month first
    ("发布于 12/08/2026", "zh", None),                        # a year-first language says nothing of this order
    ("The collision happened at about 6.40pm.", "en", True),
    ("Tickets cost £12 on the door.", "en", True),
    ("The meeting on November 8 was cancelled.", "en", False),
    ("The meeting on 8 November was cancelled.", "en", True),
    ("The meeting was cancelled.", "en", None),
])
def test_the_page_tells_which_field_is_the_day(page: str, language: str, expected: bool | None) -> None:
    assert metadata.day_first_page(page, language) is expected


def test_a_date_read_again_in_the_page_order() -> None:
    guess = metadata.parse_date_line("02/07/2026 14:20")
    assert metadata.in_page_order(guess, True).value == "2026-07-02"
    assert metadata.in_page_order(guess, False).value == "2026-02-07"
    assert metadata.in_page_order(guess, None).value == "2026-02-07"
    # a weekday that fits only the other reading makes it a guess
    friday = metadata.parse_date_line("Friday 02/07/2026")   # 7 February 2026 is a Saturday, 2 July a Thursday
    assert metadata.in_page_order(friday, True).precision == "uncertain"


def test_a_british_page_dates_its_figures_day_first() -> None:
    raw = ("Drayshire Police\nAppeal after cyclist hurt on ring road\n02/07/2026 14:20\n" + BODY
           + "The collision happened at about 6.40pm near the Orchard Way roundabout.\n")
    assert _clean(raw).published == "2026-07-02"


def test_an_american_page_keeps_month_first() -> None:
    raw = ("Lakeview Police Department\nAppeal after cyclist hurt on ring road\n02/07/2026 14:20\n" + BODY
           + "The previous crash at the junction, on March 14, injured two people.\n")
    assert _clean(raw).published == "2026-02-07"


def test_a_thread_s_stamps_follow_the_page_order_when_none_of_them_says() -> None:
    stamps = [(3, 4, 2025, "/"), (3, 4, 2025, "/")]
    assert metadata.numeric_stamp_dates(stamps) == ["2025-03-04", "2025-03-04"]
    assert metadata.numeric_stamp_dates(stamps, True) == ["2025-04-03", "2025-04-03"]
    # a stamp with a field above 12 outranks the page
    assert metadata.numeric_stamp_dates([(3, 4, 2025, "/"), (3, 14, 2025, "/")], True)[0] == "2025-03-04"


def test_a_lead_s_weekday() -> None:
    assert metadata.lead_weekday("Workers voted on Thursday to strike from next week") == 3
    assert metadata.lead_weekday("Workers voted to strike") is None
    assert metadata.dateline_fits_weekday("2025-02-06", 3)        # a Thursday
    assert metadata.dateline_fits_weekday("2025-02-07", 3)        # filed the morning after
    assert not metadata.dateline_fits_weekday("2022-02-06", 3)    # a Sunday


WIRE = ("Miners vote to strike over bonus cut\n"
        "LUSAKA, Feb 6 (Meridian News) - Workers at the Kavuma copper mine voted on Thursday to strike from next "
        "week after the operator cut their annual production bonus by half, their union said.\n"
        "An earlier strike at the mine in {year} lasted nine days and ended with a 7% pay rise.\n")


def test_a_yearless_dateline_takes_the_copy_s_year_only_when_the_lead_s_weekday_fits() -> None:
    fits = _clean(WIRE.format(year=2025))            # 6 February 2025 is a Thursday
    assert (fits.published, fits.published_precision) == ("2025-02-06", "uncertain")
    assert _clean(WIRE.format(year=2022)).published is None   # a Sunday: 2022 is an earlier event's year


def test_a_dateline_alone_on_its_line_is_checked_against_the_next_line() -> None:
    raw = ("Earthquake strikes off northern coast\nMERIDA BAY, Dec 12 (Coast Press Agency) \u2014\n"
           "An earthquake of magnitude 5.8 struck off the northern coast early on Thursday, the seismology "
           "institute said.\nThe region was hit by a stronger earthquake in 2016 that killed 11 people.\n")
    assert _clean(raw).published is None             # 12 December 2016 was a Monday


@pytest.mark.parametrize("line, value", [
    ("Received 4 February 2025; accepted 30 June 2025. Published online 9 September 2025.", "2025-09-09"),
    ("Posted on 3 May 2024 | Filed under Events", "2024-05-03"),
    ("The report, published on 3 May 2024, found gaps.", None),     # another publication's date
    ("It was. Published on May 3, 2024, it sold well.", None),      # the date does not close the sentence
    ("Posted on 02/03/2024.", None),                                # figures that read both ways
    # a book's details before it: the book's date, not the page's
    ("The Long Road by Anna Field (Faber, 320pp). Published 4 March 1998.", None),
    ("Received: 4 February 2025. Accepted for publication: 30 June 2025. Published: 9 September 2025.",
     "2025-09-09"),
])
def test_a_publication_statement_inside_a_line(line: str, value: str | None) -> None:
    found = metadata.publication_statement(line)
    assert (found.value if found else None) == value


def test_a_paper_dated_by_its_publication_statement() -> None:
    raw = ("Journal of Rural Transport Studies\nDemand-responsive buses in sparse areas: evidence from pilots\n"
           "We study three demand-responsive bus pilots run in upland districts over two years.\n"
           "Ridership grew in all three, but the cost per passenger remained high throughout the trial.\n"
           "Received 4 February 2025; accepted 30 June 2025. Published online 9 September 2025.\n")
    assert _clean(raw).published == "2025-09-09"


@pytest.mark.parametrize("line, expected", [
    ("Asked by newbie_nina", True),
    ("posted by u/cwm_idwal 6h ago", True),
    ("Started by hazel_w", True),
    ("Asked by the council to explain the delay, the contractor said the pipes were late.", False),
    ("Read by thousands", False),
])
def test_a_post_s_credit_line(line: str, expected: bool) -> None:
    assert metadata.post_credit(line) is expected


def test_a_question_below_the_site_s_notice_is_the_headline() -> None:
    raw = ("MoneyTalk Community\n"
           "MoneyTalk Community is a place for discussion, not financial advice. Always check with an adviser.\n"
           "Do I need to file a return for a small side income?\n"
           "Asked by newbie_nina\n"
           "I started selling cakes at a weekend market in June and have made about 1,400 pounds so far this year.\n"
           "I have read that there is an allowance but I cannot find a clear answer on the government site.\n")
    assert _clean(raw).title == "Do I need to file a return for a small side income?"


def test_a_question_below_a_navigation_trail_is_the_headline() -> None:
    raw = ("GrowYourOwn Forums\nBoard index \u2039 Vegetables \u2039 Brassicas\n"
           "Clubroot on my cabbages \u2013 is the bed finished?\n"
           "Pulled up three cabbages today and the roots are all swollen and knobbly, so I think it is clubroot.\n"
           "Not never, but it stays in the soil for fifteen years or more, so lime the bed and wait.\n")
    assert _clean(raw).title == "Clubroot on my cabbages \u2013 is the bed finished?"


def test_a_section_label_above_the_headline_is_not_the_title() -> None:
    raw = ("Travel and weather\nLast updated: 07:42\n"
           "Snow closes Haldon Hill road as schools shut across the county\n"
           "The A380 over Haldon Hill is closed in both directions after heavy snow overnight, police said.\n"
           "At least 64 schools have closed for the day, and the full list is on the council website.\n")
    assert _clean(raw).title == "Snow closes Haldon Hill road as schools shut across the county"


def test_a_short_headline_above_a_longer_line_is_kept_when_that_line_is_a_name() -> None:
    raw = ("Storm hits coast\nThe Rift Valley Observer\n"
           "Winds of up to 90mph brought down trees and power lines along the coast overnight, forecasters said.\n"
           "About 20,000 homes were without power on Monday morning, the network operator said.\n")
    assert _clean(raw).title == "Storm hits coast"


def test_labels_above_the_headline_are_passed_over_however_many() -> None:
    raw = ("St Cuthbert's, Lowmoor\nParish bulletin\nWeekly notices: Sunday 27 September\n"
           "Welcome to everyone worshipping with us this morning, especially those who have come for the baptism.\n"
           "Tuesday, 10am: coffee morning in the church hall. All welcome, and bring a friend.\n")
    assert _clean(raw).title == "Weekly notices: Sunday 27 September"


@pytest.mark.parametrize("line, expected", [
    ("Climate digest \u2014 2 December 2025", True),
    ("Weekly notices, 3 May 2024", True),
    ("Published: Monday 3 May 2024", False),
    ("Last updated on 3 May 2024", False),
    ("LONDON, 3 May 2024", False),
    ("Kyiv (Ukraine) \u2013 3 May 2024", False),
    ("Updated 3 May 2024, 14:30 GMT", False),
    ("Climate digest", False),            # no date
])
def test_a_date_line_that_names_what_it_dates(line: str, expected: bool) -> None:
    assert metadata.date_line_title(line) is expected


def test_a_digest_titled_by_its_date_line() -> None:
    raw = ("Climate digest \u2014 2 December 2025\nOpen in browser\n"
           "This week: a wind farm gets the go-ahead, flood defences fall behind schedule and a city tries buses.\n"
           "Wind farm approved\n"
           "Ministers approved the 42-turbine wind farm on Monday, overruling the local council's objection.\n")
    doc = _clean(raw)
    assert (doc.title, doc.published) == ("Climate digest \u2014 2 December 2025", "2025-12-02")


@pytest.mark.parametrize("name, line, value", [
    ("Helen Marchetti", "Chair, 15 January 2025", "2025-01-15"),
    ("Helen Marchetti", "Chief Executive \u2014 3 March 2026", "2026-03-03"),
    ("Helen Marchetti", "London, 15 January 2025", None),          # a dateline's place, not a role
    ("The board met", "Chair, 15 January 2025", None),             # no name above it
    ("Jane Roe and John Doe", "Trustees, 15 January 2025", None),  # one signatory only
    ("Helen Marchetti", "Chair, 02/03/2025", None),                # figures that read both ways
])
def test_a_signatory_s_date(name: str, line: str, value: str | None) -> None:
    found = metadata.signed_date(name, line)
    assert (found.value if found else None) == value


def test_a_report_dated_by_its_signature() -> None:
    raw = ("Westdale Community Trust | Annual Report and Accounts 2024\nChair's report\n"
           "2024 was the busiest year in the trust's history, and our advice service helped more people than ever.\n"
           "I would like to thank our staff, our volunteers and our funders for all they have done.\n"
           "Helen Marchetti\nChair, 15 January 2025\n")
    assert _clean(raw).published == "2025-01-15"


@pytest.mark.parametrize("line, expected", [
    ("March 3, 1951 - August 4, 2026", True),
    ("3 March 1951 \u2013 4 August 2026", True),
    ("Posted August 8, 2026", False),
    ("Climate digest \u2014 2 December 2025", False),
    ("1951-2026", False),                 # years only: not full dates
])
def test_a_line_of_dates_alone(line: str, expected: bool) -> None:
    assert metadata.dates_only(line) is expected


def test_an_obituary_s_life_span_is_not_its_headline() -> None:
    raw = ("Lindqvist Family Funeral Home\nHome | Obituaries | Services | Contact\n"
           "Robert \"Bob\" Ellery Dunn\nMarch 3, 1951 - August 4, 2026\nPosted August 8, 2026\n"
           "Robert \"Bob\" Ellery Dunn, 75, of Millbrook, passed away on August 4, 2026, after a long illness.\n"
           "He worked for forty years at the paper mill and coached the junior football team for twenty.\n")
    doc = _clean(raw)
    assert (doc.title, doc.published) == ("Robert \"Bob\" Ellery Dunn", "2026-08-08")


@pytest.mark.parametrize("page, expected", [
    # an American report of a British deal: the pound sign is the deal's, not the page's
    ("The British rival bid £40 million ($52 million) for the chain.", None),
    ("The bid, £40 million, beat the $35 million offer and the $38 million one.", None),
    ("Tickets cost £12 on the door, or £10 online; parking is $5 for visitors from abroad.", True),
])
def test_a_pound_sign_is_evidence_only_where_pounds_outnumber_dollars(page: str, expected: bool | None) -> None:
    assert metadata.day_first_page(page, "en") is expected


def test_an_american_page_reporting_a_british_deal_keeps_its_dates_month_first() -> None:
    raw = ("Springfield Gazette\nCity council approves sale of the downtown bus depot\n02/07/2026\n" + BODY
           + "A British operator's bid of £40 million ($52 million) was the highest of the three received.\n")
    assert _clean(raw).published == "2026-02-07"


def test_a_book_review_is_not_dated_by_the_book_s_publication() -> None:
    raw = ("Book review: The Long Road\n" + BODY
           + "The Long Road by Anna Field (Faber, 320pp). Published 4 March 1998.\n")
    assert _clean(raw).published is None


@pytest.mark.parametrize("foot", [
    "Related stories\nJohn Smith\nColumnist, 3 March 2019\n",           # another story's teaser
    "Related stories\nSam Reid\nPosted on 3 May 2019 | Filed under Roads\n",
])
def test_another_story_s_teaser_does_not_date_the_page(foot: str) -> None:
    raw = "Cyclist hurt on ring road\n" + BODY + foot
    assert _clean(raw).published is None
