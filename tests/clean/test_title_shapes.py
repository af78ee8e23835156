"""Session 28 (title31): two shapes of header the title model missed. A short headline in capitals ("DIJK
VERSTERKT") under a label over an unpunctuated standfirst read as furniture, so the standfirst was the title; a
headline in title case on the page's top line over the outlet's name written like a name ("Ferry Fares Frozen" /
"Island Wire Service") gave the title to the outlet. Hand-written pages; each shape beside its counter-example (a
masthead or a label in capitals over a long headline, a masthead on top over a short headline in title case)."""
from __future__ import annotations

import pytest

from tests.clean.titles import page_title


@pytest.mark.parametrize("raw, headline", [
    ("Regio\nDIJK VERSTERKT\nHet waterschap begint in maart aan de versterking van drie kilometer dijk langs de "
     "rivier bij Oosterwolde\nHet waterschap versterkt vanaf maart drie kilometer dijk langs de rivier bij "
     "Oosterwolde, omdat de dijk bij hoog water te zwak bleek.\nDe werkzaamheden duren twee jaar.\n",
     "DIJK VERSTERKT"),
    ("Lokalt\nSKOLAN STÄNGS\nEfter mögelfynd i källaren flyttas eleverna i Bäckby skola till moduler på "
     "idrottsplatsen\nBäckby skola stängs från måndag sedan mögel hittats i källaren, och eleverna flyttas till "
     "moduler på idrottsplatsen, meddelade kommunen.\nSaneringen väntas ta hela terminen.\n", "SKOLAN STÄNGS"),
    ("Город\nМОСТ ЗАКРЫЛИ\nПосле осмотра инженеры запретили проезд машин по старому мосту через реку до весны\n"
     "Старый мост через реку закрыли для машин в понедельник после того, как инженеры нашли трещины в двух "
     "опорах.\nПешеходы могут ходить по мосту как раньше.\n", "МОСТ ЗАКРЫЛИ"),
    ("Kraj\nSZPITAL ZAMKNIĘTY\nPo wykryciu pęknięć w stropie dyrekcja przeniosła pacjentów do innych placówek w "
     "regionie\nSzpital w Dębinie został zamknięty w poniedziałek po wykryciu pęknięć w stropie, a pacjentów "
     "przeniesiono do innych szpitali w regionie.\nEkspertyza potrwa co najmniej miesiąc.\n", "SZPITAL ZAMKNIĘTY"),
    # longer ones were right before and stay so
    ("Local news\nMILL FIRE DESTROYS WAREHOUSE\nFirefighters from four stations fought the blaze at the old textile "
     "mill for most of the night\nA fire destroyed the warehouse of the old textile mill on Canal Street overnight, "
     "and firefighters from four stations spent most of the night stopping the blaze from spreading to houses "
     "nearby.\nNobody was hurt, the fire service said.\n", "MILL FIRE DESTROYS WAREHOUSE"),
])
def test_short_headline_in_capitals_over_its_standfirst(raw: str, headline: str) -> None:
    assert page_title(raw) == headline


@pytest.mark.parametrize("raw, headline", [
    # a masthead in capitals, or a label in capitals whose word comes back in the story, over the long headline
    ("THE MARSHLAND TIMES\nCouncil agrees to rebuild the sea wall at Port Ellery after winter storms breached it "
     "twice\nBy Ann Reed\nThe council agreed on Tuesday to rebuild the sea wall at Port Ellery, which storms "
     "breached twice last winter.\nWork will start in April.\n",
     "Council agrees to rebuild the sea wall at Port Ellery after winter storms breached it twice"),
    ("Marshland Times\nFLOODING\nCouncil agrees to rebuild the flood wall at Port Ellery after winter storms "
     "breached it twice\nThe council agreed on Tuesday to rebuild the flood wall at Port Ellery, which flooding "
     "breached twice last winter.\nWork will start in April.\n",
     "Council agrees to rebuild the flood wall at Port Ellery after winter storms breached it twice"),
])
def test_masthead_or_label_in_capitals_over_a_long_headline_stays_furniture(raw: str, headline: str) -> None:
    assert page_title(raw) == headline


@pytest.mark.parametrize("raw, headline", [
    ("Ferry Fares Frozen\nIsland Wire Service\n\nFares on the island ferry will stay frozen for another year, the "
     "operator said on Thursday, after a fall in the price of fuel.\nSeason tickets will also stay at last year's "
     "price.\n", "Ferry Fares Frozen"),
    ("Library Hours Cut\nNorth Riding Evening Post\n\nThe county will cut opening hours at nine branch libraries "
     "from April to save money, councillors agreed on Wednesday.\nTwo mobile library routes will also end.\n",
     "Library Hours Cut"),
    # the counter-example: the masthead on top over the short headline in title case
    ("The Upper Dale Courier\nBakery Wins Top Prize\n\nA family bakery in Thornby has won the top prize at the "
     "national baking awards for its sourdough, beating 400 other entries.\nThe bakery opened in 1962.\n",
     "Bakery Wins Top Prize"),
])
def test_title_case_headline_on_top_over_the_outlets_name(raw: str, headline: str) -> None:
    assert page_title(raw) == headline
