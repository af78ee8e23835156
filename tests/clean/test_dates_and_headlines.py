"""Session 22 (clean22): date lines with a label or a time beside them, year-first dates (figures, or a month name
in the page's language), and a headline below a notice the page opens with (lines and pages written for these
tests)."""
from __future__ import annotations

import pytest

from storyline.clean import clean_document, metadata
from storyline.clean.lexicon import load_lexicon
from storyline.clean.lines import classify_unit
from storyline.config import Settings
from storyline.model import Document

BODY = ("The lake authority opened its new pumping station on Monday after three years of work "
        "and a long dispute over the cost.\n\n"
        "Engineers said the station would lower flood risk for about 4,000 homes along the shore.\n")


def _clean(raw: str) -> Document:
    return clean_document(Document(id="t", source="t.txt", raw=raw), Settings(clean_lines="rules"))


@pytest.mark.parametrize("line, value", [
    ("2024-5-6", "2024-05-06"),
    ("2024/05/06", "2024-05-06"),
    ("2024.5.6", "2024-05-06"),
    ("发布于 2024-5-6 08:12", "2024-05-06"),
    ("פורסם 2024/5/6", "2024-05-06"),
])
def test_year_first_dates_in_figures(line: str, value: str) -> None:
    guess = metadata.parse_date_line(line)
    assert guess is not None and (guess.value, guess.precision) == (value, "day")


@pytest.mark.parametrize("line", [
    "2024-5-66",            # no such day
    "v2024.5.6.1",          # a version number
    "Reference 2024/5/6/1",
    "Until 6 May 2024",     # a Latin-script word before a date is not taken for a label: it may be the story's
])
def test_what_is_not_a_year_first_date_line(line: str) -> None:
    assert metadata.parse_date_line(line) is None


def test_a_full_date_inside_a_line_may_be_year_first() -> None:
    assert metadata.full_date_in("Weekly notes, 2024-5-6, from the pumping station").value == "2024-05-06"
    assert metadata.full_date_in("build 1.2024-5-6 released") is None


def test_time_of_day() -> None:
    assert metadata.is_time_of_day("6.00pm") and metadata.is_time_of_day("13: 38 GMT")
    assert not metadata.is_time_of_day("6 May") and not metadata.is_time_of_day("Evening")


def test_a_label_and_a_time_beside_a_date_make_a_date_line() -> None:
    lex = load_lexicon()
    for line, value in [("Transcript - 6 May 2024 - 6.00pm", "2024-05-06"),
                        ("发表于 2024-5-6 07:46 | 只看该作者", "2024-05-06")]:
        v = classify_unit(line, lex)
        assert v.label == "meta" and v.date is not None and v.date.value == value, line
    # a sentence with a date in it is not a date line
    assert classify_unit("The pumping station - opened on 6 May 2024 - cost 4 million", lex).label != "meta"


def test_year_first_date_with_a_month_name_in_the_pages_language() -> None:
    assert metadata.full_date_in_language("2024 മേയ് 6", "ml") == "2024-05-06"
    assert metadata.full_date_in_language("Publié le 6 mai 2024", "fr") == "2024-05-06"
    assert metadata.full_date_in_language("2024 മേയ് 45", "ml") is None


def test_headline_below_a_notice_the_page_opens_with() -> None:
    raw = ("Lakeside Radio\n\n"
           "Lakeside Mornings is on weekdays from 6am on 101.2 FM and on the Lakeside app.\n\n"
           "Pumping station opens after three years of work\n\n"
           "By Mira Castell\n\n6 May 2024\n\n" + BODY)
    d = _clean(raw)
    assert d.title == "Pumping station opens after three years of work"
    assert d.published == "2024-05-06"
    assert "The lake authority opened its new pumping station" in d.text


def test_a_question_headline_above_a_post_header_with_its_date() -> None:
    raw = ("Shore Towns Forum\n\n"
           "Please note: the views expressed on this forum are those of its members, not of the council.\n\n"
           "Does anyone know when the new pumping station starts?\n\n"
           "Posted by reedwarbler on 6 May 2024 at 09:14\n\n" + BODY)
    assert _clean(raw).title == "Does anyone know when the new pumping station starts?"


def test_a_dated_header_keeps_its_own_headline() -> None:
    # the header has its date: a short line under the first paragraph, above a later date, is not the headline
    raw = ("Pumping station opens after three years of work\n\n6 May 2024\n\n" + BODY
           + "\nWhat happens next\n\nUpdated 7 May 2024\n\nThe authority will test the pumps every week.\n")
    assert _clean(raw).title == "Pumping station opens after three years of work"


def test_a_weekday_before_a_date_in_another_language_still_anchors_the_headline() -> None:
    body = ("Η λιμνοθάλασσα απέκτησε νέο αντλιοστάσιο τη Δευτέρα, ύστερα από τρία χρόνια εργασιών και μια μακρά "
            "διαμάχη για το κόστος.\n\nΟι μηχανικοί είπαν ότι ο σταθμός θα μειώσει τον κίνδυνο πλημμύρας για "
            "περίπου 4.000 σπίτια.\n")
    raw = ("Νέα της Λίμνης\n\nΑρχική › Ειδήσεις › Περιφέρεια\n\nΣε λειτουργία το νέο αντλιοστάσιο στην όχθη της "
           "λίμνης\n\nΔευτέρα, 6 Μαΐου 2024\n\n" + body)
    assert _clean(raw).title == "Σε λειτουργία το νέο αντλιοστάσιο στην όχθη της λίμνης"


def test_an_agency_tag_is_not_part_of_the_headline() -> None:
    # the tagged line is the slug when the plain headline follows it; alone, the tag is taken off
    raw = ("UPDATE 1-LAKES/PUMPS ( PIX )\n\nLake authority opens its new pumping station at last\n\n"
           "Mon May 6, 2024 1: 38pm GMT\n\n" + BODY)
    assert _clean(raw).title == "Lake authority opens its new pumping station at last"
    raw = "UPDATE 2-Lake authority opens its new pumping station at last\n\nBy Mira Castell\n\n6 May 2024\n\n" + BODY
    assert _clean(raw).title == "Lake authority opens its new pumping station at last"
    # a headline that opens with capitals and a hyphen is not tagged
    raw = "NATO-led crews help open the lake's new pumping station\n\n6 May 2024\n\n" + BODY
    assert _clean(raw).title == "NATO-led crews help open the lake's new pumping station"


@pytest.mark.parametrize("line, value", [
    ("2024年5月6日", "2024-05-06"),
    ("2024年5月6日 08:15", "2024-05-06"),
    ("2024년 5월 6일", "2024-05-06"),
])
def test_dates_marked_by_year_month_and_day_characters(line: str, value: str) -> None:
    guess = metadata.parse_date_line(line)
    assert guess is not None and (guess.value, guess.precision) == (value, "day")


def test_figures_of_other_scripts_are_read_in_a_date() -> None:
    assert metadata.full_date_in_language("৬ মার্চ ২০২৪", "bn") == "2024-03-06"
    assert metadata.recognition_form("৬ মে ২০২৪") == "6 মে 2024"
    assert metadata.recognition_form("Grüße, Łódź") == "Grüße, Łódź"


def test_a_headline_without_spaces_is_not_passed_over_for_the_sites_name() -> None:
    body = ("湖区管理局周一启用了新的抽水站，这项工程历时三年，其间围绕费用争论不断。\n\n"
            "工程师表示，抽水站将降低湖岸约四千户居民的洪水风险。\n")
    raw = "湖畔日报\n\n湖区新抽水站正式启用\n\n2024年5月6日\n\n" + body
    d = _clean(raw)
    assert d.title == "湖区新抽水站正式启用"
    assert d.published == "2024-05-06"
