"""Session 26 (review27): adversarial pages for the trained title judgement without the top-line guard
(``document._trained_title``) and for its features ``top_over_long`` / ``top_over_short`` / ``year_under_name``:
a headline on the page's top line with the outlet's name, a credit or a date under it, in several languages; a
masthead over a label; one-line pages, a top line that is a date, pages where every line is short. Invented text."""
from __future__ import annotations

from dataclasses import replace

import pytest

from storyline.clean import clean_document
from storyline.clean.document import title_lines
from storyline.clean.lexicon import load_lexicon
from storyline.clean.title_model import features, judged
from storyline.config import Settings
from storyline.model import Document
from tests.clean.titles import line_features, page_title

BODY = ("The river authority said on Tuesday that the footbridge would stay shut until divers had checked its "
        "piers for damage.\n\nThe council expects the inspection to take two weeks and has set up a shuttle boat "
        "for residents.\n")

RU_BODY = ("Городская администрация сообщила во вторник, что пешеходный мост будет закрыт до окончания проверки опор "
           "водолазами.\n\nПроверка займёт около двух недель, для жителей пущен катер.\n")
GR_BODY = ("Η δημοτική αρχή ανακοίνωσε την Τρίτη ότι η πεζογέφυρα θα μείνει κλειστή μέχρι να ελεγχθούν τα βάθρα της "
           "από δύτες.\n\nΟ έλεγχος αναμένεται να διαρκέσει δύο εβδομάδες.\n")


@pytest.mark.parametrize("raw, headline", [
    # the shapes the guard protected: a sentence-shaped short headline on top, a name-shaped outlet or credit under it
    (f"Footbridge closed after the flood\nRiverside Herald\n\n{BODY}", "Footbridge closed after the flood"),
    (f"Footbridge shut for repairs\nValley Desk (agency)\nTuesday, 9 June 2026\n\n{BODY}",
     "Footbridge shut for repairs"),
    (f"Passerelle fermée après la crue\nLe Courrier du Val\n\n{BODY}", "Passerelle fermée après la crue"),
    (f"Ponte pedonale chiuso dopo la piena\nGazzetta della Valle\n9 giugno 2026\n\n{BODY}",
     "Ponte pedonale chiuso dopo la piena"),
    (f"Fußgängerbrücke nach Hochwasser gesperrt\nTalbote Nachrichten\n\n{BODY}",
     "Fußgängerbrücke nach Hochwasser gesperrt"),
    (f"Kładka zamknięta po powodzi\nKurier Doliny\n\n{BODY}", "Kładka zamknięta po powodzi"),
    (f"Пешеходный мост закрыт после паводка\nРечной Вестник\n\n{RU_BODY}", "Пешеходный мост закрыт после паводка"),
    (f"Мост закрыт\nРечной Вестник\n\n{RU_BODY}", "Мост закрыт"),
    (f"Η πεζογέφυρα έκλεισε μετά την πλημμύρα\nΚοιλάδα Σήμερα\n\n{GR_BODY}",
     "Η πεζογέφυρα έκλεισε μετά την πλημμύρα"),
    (f"Έκλεισε η γέφυρα\nΚοιλάδα Σήμερα\n\n{GR_BODY}", "Έκλεισε η γέφυρα"),
    # short headlines on top (two words, or in title case), the outlet's name or a credit under them: with the guard
    # the rules' and the model's title was the line under them
    (f"Footbridge shut\nRiverside Herald\n\n{BODY}", "Footbridge shut"),
    (f"Bridge reopens\nStaff reporter\n\n{BODY}", "Bridge reopens"),
    (f"Footbridge Closed After Flood\nRiverside Herald\n\n{BODY}", "Footbridge Closed After Flood"),
    # a headline holding a year on top, a name-shaped outlet under it: not a masthead's motto
    (f"Flood of 2026 shuts footbridge\nRiverside Herald\n\n{BODY}", "Flood of 2026 shuts footbridge"),
])
def test_a_headline_on_top_stays_the_title(raw: str, headline: str) -> None:
    assert page_title(raw) == headline


@pytest.mark.parametrize("raw, headline", [
    # a masthead on top, a label under it, the short headline below: the masthead is passed over as before
    (f"Riverside Herald\nLocal news\nFootbridge shut\n\n{BODY}", "Footbridge shut"),
    (f"Riverside Herald\nBy Ana Whitlow\n\nFootbridge closed after the flood waters rose overnight on the river\n\n"
     f"{BODY}", "Footbridge closed after the flood waters rose overnight on the river"),
])
def test_a_masthead_on_top_is_not_the_title(raw: str, headline: str) -> None:
    assert page_title(raw) == headline


def test_a_motto_with_a_year_under_the_masthead_is_not_the_title() -> None:
    raw = f"The Riverside Herald\nServing the valley since 1887\nLocal news\nFootbridge shut\n\n{BODY}"
    assert page_title(raw) != "Serving the valley since 1887"
    assert line_features(raw, "Serving the valley since 1887")["year_under_name"] == 1


def test_a_headline_with_a_year_under_the_masthead_and_its_motto_is_the_title() -> None:
    # the rules pass over the short headline for the standfirst; the model takes the headline, not the motto
    standfirst = "Divers will check the piers before the council decides whether the crossing can reopen this summer"
    raw = f"Riverside Herald\n\nSince 1887\n\nBudget 2027 unveiled\n\n{standfirst}\n\n{BODY}"
    assert page_title(raw, "rules") == standfirst
    assert page_title(raw) == "Budget 2027 unveiled"


def test_a_year_under_a_label_is_no_founding_year() -> None:
    raw = f"Local news\nBudget 2027 unveiled\n\n{BODY}"
    assert line_features(raw, "Budget 2027 unveiled")["year_under_name"] == 0


def test_the_top_features_on_edge_pages() -> None:
    # one line only: nothing under the top line, neither feature fires (and nothing raises)
    one = "Footbridge shut\n"
    f = line_features(one, "Footbridge shut")
    assert f["top_over_long"] == f["top_over_short"] == 0
    # a top line over a longer headline-shaped line is a masthead's or a label's place
    raw = f"Riverside Herald\nFootbridge closed after the flood waters rose overnight\n\n{BODY}"
    f = line_features(raw, "Riverside Herald")
    assert (f["top_over_long"], f["top_over_short"]) == (1, 0)
    # a top line over a date: the headline of a page without a masthead
    raw = f"Footbridge shut\n9 June 2026\n\n{BODY}"
    f = line_features(raw, "Footbridge shut")
    assert (f["top_over_long"], f["top_over_short"]) == (0, 1)
    # under a date at the page's top the headline is not the header's top line
    raw = f"9 June 2026\nFootbridge shut\nRiverside Herald\n\n{BODY}"
    assert line_features(raw, "Footbridge shut")["top_over_short"] == 0


def test_a_line_outside_an_empty_header_is_not_its_top_line() -> None:
    # the lines of a page none of which stands in the header: no line is the header's top line (its place in the
    # header would be read as the header's length, 0)
    raw = f"Footbridge shut\n9 June 2026\n\n{BODY}"
    view = [replace(ln, in_header=False) for ln in title_lines(Document(id="t", source="t.txt", raw=raw))]
    f = features(view, 0, load_lexicon())
    assert f["top_over_long"] == f["top_over_short"] == 0


@pytest.mark.parametrize("raw", [
    "Footbridge shut\n",
    "9 June 2026\n",
    "\n\n\n",
    "Riverside Herald\n\n\n\nFootbridge shut\n",
    # every line short: a list of notices
    "\n".join(f"Notice {k} posted" for k in range(40)) + "\n",
    # a very long top line and nothing else
    " ".join(["footbridge"] * 400) + "\n",
    # a script without spaces: the model does not judge it
    "河川橋が閉鎖\n河畔新聞\n\n当局は火曜日、橋脚の点検が終わるまで歩道橋を閉鎖すると発表した。\n",
])
def test_odd_pages_keep_their_text_and_never_raise(raw: str) -> None:
    doc = Document(id="t", source="t.txt", raw=raw)
    for mode in ("trained", "rules"):
        cleaned = clean_document(doc, Settings(clean_lines="rules", clean_titles=mode))
        assert cleaned.title is None or cleaned.title.strip() in raw


def test_a_caseless_script_is_not_judged() -> None:
    raw = "河川橋が閉鎖\n河畔新聞\n\n当局は火曜日、橋脚の点検が終わるまで歩道橋を閉鎖すると発表した。\n"
    view = title_lines(Document(id="t", source="t.txt", raw=raw))
    assert not any(judged(ln) for ln in view)
