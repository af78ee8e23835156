"""The header of an article: masthead, kicker, title, bare-name bylines, credits, outlet
(short articles written for these tests)."""
from __future__ import annotations

from storyline.clean import clean_document
from storyline.config import Settings
from storyline.model import Document

BODY = ("The lake authority opened its new pumping station on Monday after three years of work "
        "and a long dispute over the cost.\n\n"
        "Engineers said the station would lower flood risk for about 4,000 homes along the shore.\n")


def _clean(raw: str) -> Document:
    return clean_document(Document(id="t", source="t.txt", raw=raw), Settings())


def test_masthead_with_tagline_is_not_the_title_but_names_the_outlet() -> None:
    raw = ("Lake Watch — independent reporting on lakes and rivers\n\n"
           "Features | Reading time: 4 minutes\n\n"
           "Pumps or walls? How the shore towns chose their flood defence\n\n"
           "By Mira Castell\n2024-05-06\n\n" + BODY)
    d = _clean(raw)
    assert d.title == "Pumps or walls? How the shore towns chose their flood defence"
    assert d.outlet == "Lake Watch"
    assert d.author == "Mira Castell"
    assert "Lake Watch" not in d.text and "Reading time" not in d.text


def test_bare_name_beside_the_date_line_is_the_author() -> None:
    raw = ("Valley Herald | Opinion\n\nCOMMENT\n\nThe pumping station came three years too late\n\n"
           "Tomas Erlingsen\n06.05.2024 | 18:30\n\n" + BODY)
    d = _clean(raw)
    assert d.title == "The pumping station came three years too late"
    assert d.author == "Tomas Erlingsen"
    assert d.outlet == "Valley Herald"
    assert (d.published, d.published_precision) == ("2024-05-06", "day")
    assert "COMMENT" not in d.text and "Tomas Erlingsen" not in d.text


def test_desk_or_agency_beside_the_date_is_a_credit_not_an_author() -> None:
    for credit in ("Editorial Board", "Northern Wire Service"):
        raw = f"A station at last\n\n{credit}\n6 May 2024\n\n" + BODY
        d = _clean(raw)
        assert d.author is None, credit
        assert credit not in d.text


def test_a_bare_name_far_from_a_date_is_not_taken() -> None:
    raw = "Flood defence\n\nMira Castell\n\n" + BODY
    assert _clean(raw).author is None


def test_dateline_place_is_neither_outlet_nor_missing_date() -> None:
    raw = ("Shore towns open new pumping station\n\nBy Mira Castell, Lisbon\n"
           "LISBON, Mon 6 May 2024 09:10 WEST\n\n" + BODY +
           "\n\u00a9 2024 The Valley Herald. All rights reserved.\n")
    d = _clean(raw)
    assert d.author == "Mira Castell"
    assert d.outlet == "The Valley Herald"
    assert (d.published, d.published_precision) == ("2024-05-06", "day")


def test_syndication_note_is_removed_and_does_not_name_this_outlet() -> None:
    raw = ("Harbour Weekly > News > Europe\n\nShore towns open new pumping station\n\n"
           "Northern Wire Service\n\n" + BODY +
           "\nThis article was syndicated from Northern Wire Service.\n")
    d = _clean(raw)
    assert d.outlet == "Harbour Weekly"
    assert "syndicated" not in d.text and "Northern Wire Service" not in d.text


# --- outlet, author and date lines under the title (issue 15) ---------------------------------------------

TITLE = "Shore towns open new pumping station\n"


def _header_case(lines: str) -> Document:
    return _clean(TITLE + lines + "\n\n" + BODY)


def test_outlet_byline_and_date_on_their_own_lines_under_the_title() -> None:
    for header in ("Harbour Ledger\nBy Mira Castell\nMarch 3, 2024",
                   "By Mira Castell\nHarbour Ledger\n3 March 2024",
                   "Kestrel Valley Voice\nBy Mira Castell\n2024-03-03"):
        d = _header_case(header)
        outlet = header.split("\n")[0] if not header.startswith("By") else "Harbour Ledger"
        assert (d.author, d.outlet, d.published) == ("Mira Castell", outlet, "2024-03-03"), header
        assert d.text.startswith("The lake authority"), header
        assert {r.reason for r in d.removed} >= {"outlet", "byline", "dateline"}, header


def test_outlet_byline_and_date_on_one_line_with_separators() -> None:
    for header in ("Harbour Ledger | By Mira Castell | March 3, 2024",
                   "By Mira Castell — Harbour Ledger — 3 March 2024",
                   "March 3, 2024 · Harbour Ledger · By Mira Castell",
                   "Kestrel Valley Voice · By Mira Castell · 3 March 2024 13 : 38"):
        d = _header_case(header)
        assert d.author == "Mira Castell", header
        assert d.outlet in ("Harbour Ledger", "Kestrel Valley Voice"), header
        assert (d.published, d.published_precision) == ("2024-03-03", "day"), header
        assert d.text.startswith("The lake authority"), header
        (line,) = [r for r in d.removed if r.reason != "title"]
        assert line.text == header and line.reason == "byline"


def test_outlet_worded_name_beside_the_date_is_the_outlet_not_the_author() -> None:
    d = _header_case("3 March 2024\nHarbour Ledger")
    assert (d.author, d.outlet) == (None, "Harbour Ledger")


def test_header_outlet_leaves_places_sections_and_body_alone() -> None:
    d = _header_case("By Mira Castell | Lisbon | 3 March 2024")
    assert d.outlet is None and d.author == "Mira Castell"
    d = _header_case("World News | By Mira Castell")
    assert d.outlet is None
    # a name-shaped line with no byline beside it stays what it was (a heading of the body here)
    raw = TITLE + "\nHarbour Ledger\n\n" + BODY
    assert _clean(raw).outlet is None


def test_dateline_opening_the_lead_stays_in_the_body_and_dates_the_article() -> None:
    d = _clean(TITLE + "\nKORVEL, March 3, 2024 (Wire) — " + BODY)
    assert d.text.startswith("KORVEL, March 3, 2024 (Wire) — The lake authority")
    assert (d.published, d.published_precision) == ("2024-03-03", "day")
    assert d.outlet == "Wire"
    assert not [r for r in d.removed if r.reason == "dateline"]


def test_dateline_alone_on_its_line_is_metadata() -> None:
    d = _clean(TITLE + "\nKORVEL, March 3, 2024 (Wire) —\n\n" + BODY)
    assert d.text.startswith("The lake authority")
    assert [r.text for r in d.removed if r.reason == "dateline"] == ["KORVEL, March 3, 2024 (Wire) —"]
    assert (d.published, d.published_precision) == ("2024-03-03", "day")


def test_author_note_without_full_stop_below_the_story_is_removed() -> None:
    raw = (TITLE + "Mira Castell\nWed 6 Mar 2024 06.00 GMT\n\n" + BODY +
           "\nMira Castell is a water engineer and chair of the Shore Towns Trust\n\n"
           "Do you have an opinion on this story? Write to the letters page before Friday.\n")
    d = _clean(raw)
    assert (d.author, d.published) == ("Mira Castell", "2024-03-06")
    assert "water engineer" not in d.text
    assert [r.reason for r in d.removed if "water engineer" in r.text] == ["author_bio"]


def test_short_label_beside_the_date_line_is_furniture_but_a_later_heading_is_kept() -> None:
    raw = (TITLE + "Science & environment\n6 May 2024\nMatch report\n" + BODY +
           "\nWhat happens next\n\nThe station will be tested again in the autumn, the authority said.\n")
    d = _clean(raw)
    assert "Science & environment" not in d.text and "Match report" not in d.text
    assert {r.text: r.reason for r in d.removed}["Match report"] == "section_label"
    assert "What happens next" in d.text
    assert d.published == "2024-05-06"


def test_masthead_after_a_cookie_wall_is_not_the_title() -> None:
    raw = ("Manage consent\n\nWe and our partners use cookies to store and read information on your device.\n\n"
           "Accept all\n\nReject all\n\nThe Lakeshore Courier\n\n"
           "Shore towns vote to share the cost of a new pumping station\n\n2 May 2024\n\n" + BODY)
    d = _clean(raw)
    assert d.title == "Shore towns vote to share the cost of a new pumping station"
    assert d.published == "2024-05-02"


def test_slashed_section_trail_is_not_the_title_in_another_language() -> None:
    body = ("Озёрное управление в понедельник открыло новую насосную станцию после трёх лет работы и долгого "
            "спора о её стоимости.\n\nПо словам инженеров, станция снизит риск наводнений для четырёх тысяч домов.\n")
    raw = ("Озёрный вестник\n\nГлавная / Город\n\nНа берегу озера открыли новую насосную станцию\n\n"
           "6 мая 2024\n\n" + body)
    d = _clean(raw)
    assert d.title == "На берегу озера открыли новую насосную станцию"
    assert d.published == "2024-05-06"


def test_site_name_repeated_in_the_footer_is_not_the_title() -> None:
    body = ("El ayuntamiento abrió el lunes la nueva estación de bombeo tras tres años de obras y una larga "
            "disputa sobre su coste.\n\nLos ingenieros dijeron que la estación reducirá el riesgo de inundación.\n")
    raw = ("Noticias del Lago\n\nLa nueva estación de bombeo ya funciona en la orilla\n\n6 de mayo de 2024\n\n" + body
           + "\n© 2024 Noticias del Lago. Todos los derechos reservados.\n")
    d = _clean(raw)
    assert d.title == "La nueva estación de bombeo ya funciona en la orilla"


def test_a_label_below_the_title_does_not_take_its_place() -> None:
    raw = ("Lake authority opens its new pumping station at last\n\nSCIENCE & environment\n\n"
           "For immediate release\n\n6 May 2024\n\n" + BODY)
    d = _clean(raw)
    assert d.title == "Lake authority opens its new pumping station at last"
