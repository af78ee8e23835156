"""Genre classification on hand-written articles."""
from __future__ import annotations

import re

from storyline.config import Settings
from storyline.extract.genre import classify_genre
from storyline.model import Block, Document
from storyline.nlp.pipeline import parse


def genre(text: str, title: str | None = None) -> str:
    blocks = [Block(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    doc = Document(id="t", source="t.txt", raw=text, blocks=blocks, title=title)
    return classify_genre(doc, parse(doc, Settings()))


REPORT = ("The regional council approved a new flood defence plan on Tuesday, officials said.\n"
          "The plan will raise the river walls by one metre, council leader Anna Berg told reporters. "
          "“Work will begin in April and should take two years,” Berg said.\n"
          "According to the council, the project will cost 40 million euros, paid partly by the state. "
          "Residents will be consulted in March, a spokesman said.")
OPINION = ("Why do we keep paying for walls that never hold? Obviously the council has learned nothing.\n"
           "We were promised safety, and of course we got another shameful plan from the same tyrant "
           "who ran the last one into the ground. Needless to say, our town deserves better!\n"
           "It is clear that the so-called experts will be wrong again. Shame on them.")
ANALYSIS = ("Analysis\nThe new flood plan is likely to reduce damage, but the data suggests the benefit "
            "depends on rainfall. Analysts point to two scenarios: in the long term, higher walls may well "
            "push water downstream; on the other hand, wetlands could absorb part of it. This means the "
            "cost per household is uncertain, and however the council decides, the trade-off remains.")


def test_reporting():
    assert genre(REPORT) == "reporting"


def test_opinion():
    assert genre(OPINION) == "opinion"


def test_analysis():
    assert genre(ANALYSIS) == "analysis"


def test_too_short_is_other():
    assert genre("Photo: the river at dawn.") == "other"


def test_header_check_equals_the_line_start_regex() -> None:
    import re

    from storyline.extract.genre import _has_header

    headers = ["comment", "our view", "q&a"]
    one_regex = r"(?:^|\n)\s*(?:" + "|".join(re.escape(h) for h in headers) + r")\s*[:|\n]"
    for text in ("Comment: the talks", "  \n Our View\nText", "No comment: here", "Text\nQ&A | x",
                 "Text\n\n  comment\n", "commentary: x", "", "\ncomment", "x comment:"):
        assert _has_header(text, headers) == bool(re.search(one_regex, text, flags=re.I)), text
