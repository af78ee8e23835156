"""Session 24 (clean25a): the trained label-vs-headline judgement of the title (storyline.clean.title_model), on
pages written for these tests: a section label or kicker over a short headline, with an unpunctuated standfirst
under it, with and without a byline; the rules' baseline beside it."""
from __future__ import annotations

import pytest

from storyline.clean import clean_document
from storyline.clean.document import title_lines
from storyline.clean.lexicon import load_lexicon
from storyline.clean.title_model import features, judged, load_title_model
from storyline.config import Settings
from storyline.model import Document

BODY = ("The harbour board voted on Thursday to sell the old customs house to a trust that plans to turn it into "
        "a maritime museum and a cafe.\n\n"
        "The building has stood empty since 2019 and its roof has been patched twice. The trust says it will raise "
        "the money for repairs from grants and a public appeal.\n\n"
        "Board members said the sale price, one pound, reflected the cost of the repairs the buyer takes on.\n")


def _page(*header: str) -> str:
    return "\n\n".join(header) + "\n\n" + BODY


def _title(raw: str, mode: str) -> str | None:
    doc = Document(id="t", source="t.txt", raw=raw)
    return clean_document(doc, Settings(clean_lines="rules", clean_titles=mode)).title


STANDFIRST = "Trust to turn the empty building into a maritime museum with a cafe on the ground floor"


@pytest.mark.parametrize("header, headline", [
    (("The Saltmarsh Courier", "Heritage", "Customs house sold", STANDFIRST), "Customs house sold"),
    (("Local news", "Trust buys customs house", STANDFIRST, "By Rhiannon Prys", "12 March 2026"),
     "Trust buys customs house"),
    (("BUSINESS", "Board sells landmark", STANDFIRST), "Board sells landmark"),
])
def test_a_short_headline_under_a_label_is_the_title(header: tuple[str, ...], headline: str) -> None:
    raw = _page(*header)
    assert _title(raw, "trained") == headline
    # the rules' baseline passes over a line of three words or fewer for the longer standfirst
    assert _title(raw, "rules") == STANDFIRST


def test_a_label_over_a_long_headline_is_passed_over() -> None:
    long_headline = "Harbour board sells old customs house to museum trust for one pound"
    raw = _page("The Saltmarsh Courier", "Heritage", long_headline, "By Rhiannon Prys")
    assert _title(raw, "trained") == _title(raw, "rules") == long_headline


def test_the_model_reads_label_and_headline_apart() -> None:
    raw = _page("Heritage", "Customs house sold", STANDFIRST)
    view = title_lines(Document(id="t", source="t.txt", raw=raw))
    asked = [i for i, line in enumerate(view) if judged(line)]
    assert [view[i].text for i in asked] == ["Heritage", "Customs house sold"]
    model = load_title_model()
    label, headline = model.probabilities(view, asked, load_lexicon())
    assert label < model.threshold <= headline


def test_section_words_are_a_feature() -> None:
    view = title_lines(Document(id="t", source="t.txt", raw=_page("Business news", "Board sells landmark",
                                                                   STANDFIRST)))
    lex = load_lexicon()
    assert features(view, 0, lex)["all_section"] == 1
    assert features(view, 1, lex)["all_section"] == 0


def test_an_unknown_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="clean_titles"):
        clean_document(Document(id="t", source="t.txt", raw=_page("Heritage", "Customs house sold")),
                       Settings(clean_titles="guess"))


def test_a_label_the_rules_took_gives_way_to_the_headline_below_it() -> None:
    # no line of three words or more above the body: the rules take the first line, the label
    raw = _page("Heritage", "Quay saved")
    assert _title(raw, "rules") == "Heritage"
    assert _title(raw, "trained") == "Quay saved"


# Session 24 (review25): adversarial pages for the trained title, each a shape the rules already read right or that
# has no headline at all, so the model must not take the title wrongly, crash, or cost the square of the page.

def test_a_kicker_over_a_short_headline_with_no_standfirst() -> None:
    # its own story under it (session 27: over the customs house's story, whose lead never names a mayor, the
    # model's P fell to 0.48; the headline's words coming back in the lead is one of its features now)
    raw = ("EXCLUSIVE\n\nMayor quits\n\nThe town's mayor stood down on Thursday night after eleven years in "
           "office, telling the harbour board she wanted to go back to teaching.\n\nHer deputy will lead the "
           "town until an election in the spring.\n")
    assert _title(raw, "rules") == "EXCLUSIVE"
    assert _title(raw, "trained") == "Mayor quits"


def test_a_byline_at_the_top_of_the_page_does_not_hide_the_label() -> None:
    raw = _page("By Rhiannon Prys", "Heritage", "Quay saved")
    assert _title(raw, "trained") == "Quay saved"


@pytest.mark.parametrize("header", [
    # a menu of short lines, then a headline-long headline with no standfirst under it
    ("Home", "News", "Sport", "Weather", "Harbour board sells old customs house to museum trust"),
    # a label over a long headline and a standfirst
    ("Politics", "Harbour board sells old customs house to museum trust", STANDFIRST),
    # a short headline alone above the body
    ("Customs house sold",),
])
def test_where_the_rules_are_right_the_model_agrees(header: tuple[str, ...]) -> None:
    raw = _page(*header)
    assert _title(raw, "trained") == _title(raw, "rules") == header[-1 if header[-1] != STANDFIRST else -2]


@pytest.mark.parametrize("raw", ["", "\n\n  \n", "Tokyo bans cars\n",
                                 "Home\n\nNews\n\nSport\n\nSubscribe\n\nLog in\n\n\u00a9 2026 The Saltmarsh Courier\n"])
def test_a_page_without_a_body_is_titled_as_the_rules_title_it(raw: str) -> None:
    assert _title(raw, "trained") == _title(raw, "rules")


def test_the_model_reads_only_the_lines_beside_the_headline(monkeypatch: pytest.MonkeyPatch) -> None:
    # a page that is all header (a list with no paragraph of prose): every line is a short candidate, and each
    # line's features read the whole page, so asking about every line would cost the square of the page's length
    from storyline.clean import title_model

    asked: list[int] = []
    real = title_model.features

    def counted(lines: object, i: int, lex: object) -> dict:
        asked.append(i)
        return real(lines, i, lex)  # type: ignore[arg-type]

    monkeypatch.setattr(title_model, "features", counted)
    # a label on top: the first lot is the rules' headline below it, so the model is consulted
    raw = "Auction results\n\n" + "\n\n".join(f"Lot {i} sold" for i in range(200)) + "\n"
    _title(raw, "trained")
    assert 0 < len(asked) <= 5


@pytest.mark.parametrize("masthead, slogan", [
    ("The Saltmarsh Courier", "Fearless since 1851"),
    ("The Saltmarsh Courier", "Read. Think. Act."),
    ("Der Salzmarschbote", "Seit 1851 unabhängig"),
    ("Diario Valdemora", "Independiente desde 1902"),
])
def test_a_slogan_under_the_masthead_is_not_the_title(masthead: str, slogan: str) -> None:
    # a masthead's motto over a long headline with no standfirst is as short as a headline (review25: the model was
    # sure it was one until the features read a founding year, clipped phrases and the line under the page's top)
    long_headline = "Harbour board sells old customs house to museum trust for one pound"
    raw = _page(masthead, slogan, long_headline)
    assert _title(raw, "rules") == long_headline
    assert _title(raw, "trained") == long_headline


# Session 25 (title26): a headline printed twice in the page's title position (the page's name and the article's
# heading, a credit between them or not) above an unpunctuated standfirst: the copy beside it is no label recurring
# over the page, so the model must not pass over it for the standfirst (session 24's model did).

@pytest.mark.parametrize("header, headline", [
    (("The Saltmarsh Courier", "Customs House Finds a Buyer", "Customs House Finds a Buyer",
      "The trust plans a museum and a cafe on the ground floor"), "Customs House Finds a Buyer"),
    (("Home | News | Heritage", "Customs House Finds a Buyer", "Customs House Finds a Buyer",
      "The trust plans a museum and a cafe on the ground floor", "Rhiannon Prys, Harbour Reporter"),
     "Customs House Finds a Buyer"),
    (("Der Salzmarschbote", "Zollhaus verkauft", "Zollhaus verkauft",
      "Eine Stiftung will im leeren Gebäude ein Museum und ein Café eröffnen"), "Zollhaus verkauft"),
    (("El Faro del Sur", "Se vende la aduana", "Se vende la aduana",
      "La fundación abrirá un museo marítimo y una cafetería en la planta baja"), "Se vende la aduana"),
    # a bare credit between the copies, which the rules do not read as a byline
    (("The Saltmarsh Courier", "Customs House Finds a Buyer", "Rhiannon Prys", "Customs House Finds a Buyer",
      "The trust plans a museum and a cafe on the ground floor"), "Customs House Finds a Buyer"),
    (("Le Veilleur du Marais", "La douane trouve preneur", "Camille Roux | Le Veilleur du Marais",
      "La douane trouve preneur", "La fondation veut y ouvrir un musée maritime et un café au rez-de-chaussée"),
     "La douane trouve preneur"),
])
def test_a_headline_printed_twice_is_the_title(header: tuple[str, ...], headline: str) -> None:
    assert _title(_page(*header), "trained") == headline


def test_the_copy_beside_a_headline_and_a_label_recurring_below_read_apart() -> None:
    rail = "\n\nHeritage\n\nLighthouse keeper's cottage to let\n\nHeritage\n\nPier ballroom gets new roof\n"
    raw = _page("Heritage", "Customs house sold", STANDFIRST) + rail
    view = title_lines(Document(id="t", source="t.txt", raw=raw))
    lex = load_lexicon()
    label = features(view, 0, lex)
    assert label["repeat_below"] > 0 and label["repeat_adjacent"] == 0
    assert _title(raw, "trained") == "Customs house sold"
    twice = title_lines(Document(id="t", source="t.txt", raw=_page("Customs House Sold", "Customs House Sold",
                                                                   STANDFIRST)))
    assert features(twice, 0, lex)["repeat_adjacent"] == features(twice, 1, lex)["repeat_adjacent"] == 1


# Session 25 (review26): the model decides every article's title by default, so pages where the rules' title is
# right must keep it; a wrong title is worse than a missed one.

WIRE_BODY = ("The port authority said on Monday that the ferry would resume sailing once the harbour wall was "
             "repaired.\n\nEngineers expect the work to take three weeks.\n")


@pytest.mark.parametrize("raw, headline", [
    # a page without a masthead: the headline on top, the outlet's name or a credit under it, then a date or the body
    (f"Ferry service halted after storm\nHarbour Gazette (wire)\n\n{WIRE_BODY}", "Ferry service halted after storm"),
    (f"The ferry that never sailed\nDiario del Puerto\nMarch 4, 2026\n\n{WIRE_BODY}", "The ferry that never sailed"),
    (f"Storm toll rises to 12\nCoastal Watch bulletin\n\n{WIRE_BODY}", "Storm toll rises to 12"),
    # session 26 (title27): the model decides these itself (the guard that kept a top-line sentence-shaped rules
    # headline without asking is gone): short headlines on top, a name-shaped outlet or a date under them
    (f"Ferry halted\nHarbour Gazette\n\n{WIRE_BODY}", "Ferry halted"),
    (f"Fährverkehr eingestellt\nHafen-Anzeiger\n4. März 2026\n\n{WIRE_BODY}", "Fährverkehr eingestellt"),
    (f"Se suspende el ferri\nMarch 4, 2026\nDiario del Puerto\n\n{WIRE_BODY}", "Se suspende el ferri"),
])
def test_a_headline_on_top_keeps_the_title_over_the_outlet_under_it(raw: str, headline: str) -> None:
    assert _title(raw, "rules") == headline
    assert _title(raw, "trained") == headline


CYRILLIC_BODY = ("Портовый совет в четверг проголосовал за продажу старой таможни фонду, который намерен превратить её "
                 "в морской музей.\n\nЗдание пустует с 2019 года.\n")


@pytest.mark.parametrize("raw, headline", [
    (_page("Customs house sold", "By Rhiannon Prys", "12 March 2026"), "Customs house sold"),
    ("Customs house sold\n", "Customs house sold"),
    (_page("The Saltmarsh Courier", "Heritage", "Who buys a customs house?", STANDFIRST), "Who buys a customs house?"),
    (_page("Heritage", "'We had no choice'", STANDFIRST), "'We had no choice'"),
    (_page("Customs house sold , board says",
           "LONDON , March 12 ( Reuters ) - The harbour board voted on Thursday to sell the old customs house ."),
     "Customs house sold , board says"),
    (_page("BUSINESS", "CUSTOMS HOUSE SOLD", "By Rhiannon Prys", "12 March 2026"), "CUSTOMS HOUSE SOLD"),
    (_page("Harbour board sells old customs house to museum trust for one pound", "By Rhiannon Prys"),
     "Harbour board sells old customs house to museum trust for one pound"),
    ("Экономика\n\nПортовый совет продал старую таможню фонду за один фунт\n\nАвтор: Ирина Петрова\n\n" + CYRILLIC_BODY,
     "Портовый совет продал старую таможню фонду за один фунт"),
])
def test_the_model_keeps_a_title_the_rules_get_right(raw: str, headline: str) -> None:
    assert _title(raw, "rules") == headline
    assert _title(raw, "trained") == headline


@pytest.mark.parametrize("raw", [
    "", "\n\n  \n",
    "Home | News | Sport\n\nSubscribe now\n\nAccept all cookies\n\nShare\n\n"
    "© 2026 The Saltmarsh Courier. All rights reserved.\n",
    "By Rhiannon Prys\n\n12 March 2026\n",
])
def test_a_page_with_no_headline_gets_none(raw: str) -> None:
    assert _title(raw, "trained") is None


def test_the_model_is_loaded_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    import storyline.cache as cache
    import storyline.clean.title_model as title_model

    loads: list[object] = []
    real = cache.load_model_file

    def counting(path: object) -> dict:
        loads.append(path)
        return real(path)

    title_model.load_title_model.cache_clear()
    monkeypatch.setattr(cache, "load_model_file", counting)  # what read_shipped_model reads through
    try:
        for headline in ("Customs house sold", "Pier ballroom reopens", "Lighthouse for sale"):
            _title(_page("Heritage", headline, STANDFIRST), "trained")
    finally:
        title_model.load_title_model.cache_clear()
    assert len(loads) == 1


def test_a_page_repeating_a_line_thousands_of_times_costs_a_linear_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    # where the page states a line again is read over the whole page for each line the model judges: that must
    # stay a few passes over the page, not one per line of it
    import storyline.clean.title_model as title_model

    calls: list[str] = []
    real = title_model.normalise_line

    def counting(text: str) -> str:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(title_model, "normalise_line", counting)
    n = 1500
    raw = "Heritage\n\nCustoms house sold\n\n" + "\n\n".join(["Heritage", "Lighthouse keeper's cottage to let"] * n)
    assert _title(raw + "\n", "trained") is not None
    assert 0 < len(calls) <= 20 * (2 * n + 2)


def test_a_top_line_with_one_lowercase_word_is_still_judged_as_a_masthead() -> None:
    # "from" is a name's preposition, not a sentence's verb: the model still judges the top line, and passes over
    # the blog's name for the short headline a section's label stands over
    raw = _page("Notes from the Saltmarsh", "Heritage", "Customs house sold", STANDFIRST)
    assert _title(raw, "trained") == "Customs house sold"


# Session 26 (title27): a short headline holding a year under a section's label, and one in title case under a
# label below the masthead, over an unpunctuated standfirst (the rules take the standfirst); a motto with a
# founding year under the masthead stays no headline (test_a_slogan_under_the_masthead_is_not_the_title).

@pytest.mark.parametrize("header, headline", [
    (("Local news", "Tram line to open in 2029", STANDFIRST), "Tram line to open in 2029"),
    (("The Saltmarsh Courier", "Heritage", "Harbour Floods of 1953 Recalled", STANDFIRST),
     "Harbour Floods of 1953 Recalled"),
    (("The Saltmarsh Courier", "Local news", "Customs House Sold", STANDFIRST), "Customs House Sold"),
])
def test_a_short_headline_with_a_year_or_in_title_case_under_a_label(header: tuple[str, ...], headline: str) -> None:
    assert _title(_page(*header), "trained") == headline
