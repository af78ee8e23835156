"""Session 27 (title29): a short headline's words come back in its story (the title model's echo features), and a
headline whose verb is a cookie wall's word ("agree", "accept") is no consent button. Hand-written pages."""
from __future__ import annotations

import pytest

from tests.clean.titles import line_features, page_title

UNIFORMS = ("Ashby Courier\nWrenfield Notes\nUniform costs soar\n"
            "Parents say a blazer and a sports kit now cost more than a month's child benefit at some schools\n"
            "Uniform costs at secondary schools in Wrenfield have risen by a third in three years, according to a "
            "survey of parents by a family charity.\n"
            "Some schools require blazers with a stitched badge that only one shop in Wrenfield sells.\n")


def test_echo_reads_common_words_of_the_prose_below() -> None:
    # the headline's words come back in the first paragraph as common words: "costs" does ("Uniform" opens the
    # sentence with a capital, as a name would, and "soar" does not come back)
    f = line_features(UNIFORMS, "Uniform costs soar")
    assert f["echo_any"] == 1 and f["echo_share"] == pytest.approx(1 / 3)
    # a label naming the town: the town comes back only as a name, and a name is no echo
    f = line_features(UNIFORMS, "Wrenfield Notes")
    assert f["echo_any"] == 0 and f["echo_share"] == 0
    # the header's top line (a masthead or a headline without one) is not read for echoes
    f = line_features(UNIFORMS, "Ashby Courier")
    assert f["echo_top"] == 1 and "echo_share" not in f


@pytest.mark.parametrize("raw, headline", [
    # a short headline under a section's label, over an unpunctuated standfirst: session 26's model was not sure
    # enough (P 0.74 / 0.72) to take it over the standfirst the rules chose
    ("Lokalt\nBageriet stänger\n"
     "Efter 70 år lägger familjen Berg ner bageriet vid torget eftersom ingen vill ta över verksamheten\n"
     "Bageriet vid torget stänger i slutet av månaden efter 70 år, meddelade ägaren Anna Berg på måndagen.\n"
     "Ingen i familjen vill ta över bageriet, och ingen köpare har hittats.\n", "Bageriet stänger"),
    ("Region\nPiekarnia zamknięta\n"
     "Po sześćdziesięciu latach rodzina Nowaków kończy działalność przy rynku bo nie znalazła następcy\n"
     "Piekarnia Nowaków przy rynku zostanie zamknięta pod koniec miesiąca po sześćdziesięciu latach, "
     "poinformowała właścicielka.\n"
     "Nikt z rodziny nie chce przejąć piekarni, a kupca nie znaleziono.\n", "Piekarnia zamknięta"),
])
def test_short_headline_whose_words_come_back_under_a_label(raw: str, headline: str) -> None:
    assert page_title(raw) == headline


@pytest.mark.parametrize("raw, headline", [
    # a label naming the story's topic over a long headline: its word comes back in the story too
    ("Wrenfield Weekly\nSchools\n"
     "School uniform costs rise by a third in three years, parents' survey finds\nBy Ruth Allen\n"
     "Uniform costs at secondary schools in the county have risen by a third in three years, according to a "
     "survey of parents by the family charity Hearth.\n"
     "Some schools require blazers with a stitched badge that can only be bought from a single shop.\n",
     "School uniform costs rise by a third in three years, parents' survey finds"),
    # an outlet named after its subject over the headline
    ("Ferry News Weekly\nIsland ferry fares to rise next spring as operator blames fuel costs\n"
     "The operator says the rise is the first in four years and season tickets will go up by less\n"
     "Ferry fares to the island will rise by five per cent next spring, the operator said, blaming the cost of "
     "fuel and new safety rules.\nThe ferry company carried 410,000 passengers last year.\n",
     "Island ferry fares to rise next spring as operator blames fuel costs"),
    # a label in capitals over a long headline and its byline
    ("WEATHER\nGritters out early as frost and ice are forecast across the hills tonight\nBy Ruth Allen\n"
     "Gritters will be out on the county's main roads from 6pm on Thursday, the highways team said, with "
     "temperatures expected to fall to minus four on high ground.\nThe team has 9,000 tonnes of salt in its "
     "depots.\n", "Gritters out early as frost and ice are forecast across the hills tonight"),
])
def test_labels_and_outlets_that_echo_the_story_stay_labels(raw: str, headline: str) -> None:
    assert page_title(raw) == headline


@pytest.mark.parametrize("mode", ["rules", "trained"])
@pytest.mark.parametrize("raw, headline", [
    # headline, date, outlet: the headline's verb is a cookie wall's word, and it was taken for a consent button
    ("Dockers agree pay deal\n2026-03-04\nHarbour Wire\n\nDockers at the port voted on Wednesday to accept a pay "
     "deal worth 6 per cent over two years, ending a dispute that had threatened a strike before Easter.\n",
     "Dockers agree pay deal"),
    ("Fishermen accept offer; boats sail\n2026-10-21\nCoast Wire\n\nFishermen voted on Thursday to accept a new "
     "contract, ending a ten-day strike, and the first boats left the harbour in the evening.\n",
     "Fishermen accept offer; boats sail"),
    # the cookie wall's own buttons above the masthead stay furniture
    ("Accept all\nReject all\nI agree\nThe Marsh Weekly\nFarmers agree flood plan for the levels to protect the "
     "village\nBy Tom Hale\n\nFarmers on the levels have agreed to let two fields flood each winter, the drainage "
     "board said on Friday.\n", "Farmers agree flood plan for the levels to protect the village"),
])
def test_headline_with_a_consent_verb_is_no_button(raw: str, headline: str, mode: str) -> None:
    assert page_title(raw, mode) == headline


@pytest.mark.parametrize("mode", ["rules", "trained"])
@pytest.mark.parametrize("button", [
    # a cookie wall's button in quotes or brackets, or with a "yes" before its pronoun, is a button whatever follows
    # the verb; only the page's one short headline is below it (the rules took the button for the title)
    '"Accept all"', "[Accept all]", "(Accept)", "Yes, I agree to this", "OK, I accept the terms",
])
def test_quoted_and_yes_buttons_stay_furniture(button: str, mode: str) -> None:
    raw = (button + "\nFerry returns\n2 May 2024\n\nThe district council voted on Tuesday to reopen the ferry "
           "crossing at Kellingsby, closed since the operator went bankrupt two winters ago, with a new boat due in "
           "the spring.\n\nThe crossing saves drivers a forty-mile trip round the estuary, the council's transport "
           "officer said.\n")
    assert page_title(raw, mode) == "Ferry returns"


@pytest.mark.parametrize("raw, line", [
    # session 28 (title31): a script without case has no lowercase word, so the echo never fired (review29); its
    # words count whatever their case, and a script without spaces is compared by pairs of letters
    ("اقتصاد\nالحكومة ترفع أسعار الخبز\n\nقررت الحكومة يوم الاثنين رفع أسعار الخبز في جميع المحافظات بنسبة "
     "عشرة في المئة بعد ارتفاع تكلفة القمح المستورد.\n", "الحكومة ترفع أسعار الخبز"),
    ("כלכלה\nהממשלה מעלה את מחירי החשמל\n\nהממשלה החליטה ביום שני להעלות את מחירי החשמל לבתים פרטיים בשבעה "
     "אחוזים החל מהחודש הבא.\n", "הממשלה מעלה את מחירי החשמל"),
    ("地方\n渡船票价冻结\n\n岛屿渡船公司周四宣布，由于燃油价格下降，明年的渡船票价将保持不变，月票价格也不会上调。\n",
     "渡船票价冻结"),
    ("経済\n山川製鉄が新工場\n\n山川製鉄は月曜日、浜辺町に新工場を建設すると発表した。2028年の稼働を目指す。\n",
     "山川製鉄が新工場"),
    ("कारोबार\nसरकार ने बढ़ाए गेहूं के दाम\n\nसरकार ने सोमवार को गेहूं के न्यूनतम समर्थन मूल्य में दस प्रतिशत की "
     "बढ़ोतरी की घोषणा की।\n", "सरकार ने बढ़ाए गेहूं के दाम"),
])
def test_echo_reads_a_script_without_case(raw: str, line: str) -> None:
    assert line_features(raw, line)["echo_any"] == 1


@pytest.mark.parametrize("raw, line", [
    # a label whose words the story does not say again echoes nothing, in a script without case as in one with it
    ("صحيفة الوادي\nرياضة\nالحكومة ترفع أسعار الخبز\n\nقررت الحكومة يوم الاثنين رفع أسعار الخبز في جميع "
     "المحافظات.\n", "رياضة"),
    ("海岛日报\n体育新闻\n渡船票价冻结\n\n岛屿渡船公司周四宣布，明年的渡船票价将保持不变。\n", "体育新闻"),
])
def test_a_label_of_a_script_without_case_does_not_echo(raw: str, line: str) -> None:
    assert line_features(raw, line)["echo_any"] == 0
