"""clean_document end to end on short articles written for these tests."""
from __future__ import annotations

import copy

from storyline.clean import LineStats, clean_document
from storyline.config import Settings
from storyline.model import Document

ARTICLE = """News | Regions | Dam plan divides the valley

Dam plan divides the valley

By Ines Moreau
Wednesday, June 9, 2021
Share this article

The regional council approved plans on Tuesday for a dam that would flood three villages upstream.

Why the vote was close

Four councillors abstained.

Residents have until September to object. Read more: Farmers fear for their water rights Ines Moreau The fight over the river is not new In the meantime, engineers will survey the site.</p>

Dam plan divides the valley.

Related articles
River levels at a record low
Leave a comment
"""


def _clean(raw: str, **kw) -> Document:
    return clean_document(Document(id="t", source="t.txt", raw=raw, **kw), Settings())


def test_body_metadata_and_removals() -> None:
    d = _clean(ARTICLE)
    assert d.title == "Dam plan divides the valley"
    assert d.author == "Ines Moreau"
    assert (d.published, d.published_precision) == ("2021-06-09", "day")
    assert d.language == "en"
    assert "Why the vote was close" in d.text          # a body heading
    assert "Four councillors abstained." in d.text     # a short body line
    assert "engineers will survey the site." in d.text
    for junk in ("News | Regions", "Share this article", "Read more", "Farmers fear", "</p>",
                 "Related articles", "River levels", "Leave a comment", "By Ines", "2021"):
        assert junk not in d.text, junk
    assert "Dam plan divides the valley" not in d.text   # title and its repeats


def test_offsets_point_into_raw() -> None:
    d = _clean(ARTICLE)
    for r in d.removed:
        assert d.raw[r.start:r.end] == r.text and r.reason
    for b in d.blocks:
        assert d.raw[b.start:b.end].strip() == d.raw[b.start:b.end]
    assert d.text == "\n\n".join(d.body_view()[b.start:b.end] for b in d.blocks)
    assert {b.kind for b in d.blocks} == {"paragraph", "heading"}


def test_inline_teaser_splits_the_block() -> None:
    d = _clean(ARTICLE)
    texts = [d.raw[b.start:b.end] for b in d.blocks]
    assert "Residents have until September to object." in texts
    assert any(t.startswith("In the meantime") for t in texts)


def test_given_metadata_wins_and_input_is_untouched() -> None:
    doc = Document(id="t", source="t.json", raw=ARTICLE,
                   given={"title": "Valley dam approved", "author": "Desk", "published": "2021-06"})
    before = copy.deepcopy(doc)
    d = clean_document(doc, Settings())
    assert doc == before
    assert (d.title, d.author, d.published, d.published_precision) == \
        ("Valley dam approved", "Desk", "2021-06", "month")


def test_teaser_byline_is_not_the_author() -> None:
    raw = ("Ferry service to resume in spring\n\n"
           "The island ferry will run again from April, the operator announced on Friday after repairs.\n\n"
           "Engineers replaced both engines over the winter.\n\nYou may also like\n\n"
           "Harbour fees to rise\n\nBy Pavel Horak\n")
    d = _clean(raw)
    assert d.author is None
    assert "Harbour fees" not in d.text and "Engineers replaced both engines" in d.text


def test_byline_name_on_the_next_line_and_other_script() -> None:
    raw = ("\u0628\u0633\u0645 \u0627\u0644\u0644\u0647\n"
           "Where will the river go?\n"
           "The river has changed its course twice in a decade, the survey found, and may do so again.\n"
           "Written for the Press Office of the Green Alliance by\nMarta Olsen\n")
    d = _clean(raw)
    assert d.author == "Marta Olsen"
    assert d.outlet == "Green Alliance Press Office"
    assert d.title == "Where will the river go?"
    assert "ar" in d.other_languages and d.language == "en"
    assert d.text.startswith("The river has changed")


def test_homoglyph_repair_shows_in_text() -> None:
    raw = "Port strike ends\n\nThe dockers' leader \u0420. Halvorsen said the strike was over on Monday."
    d = _clean(raw)
    assert "P. Halvorsen" in d.text and d.repairs


def test_corpus_furniture_is_removed_with_stats() -> None:
    docs = [Document(id=str(i), source=f"{i}.txt",
                     raw=f"Headline number {i} here\n\nThe body of story {i} says something different "
                         f"about topic {i} and ends here.\n\nOur partners this week\n\nMore text of story "
                         f"{i}, which continues the report.")
            for i in range(3)]
    stats = LineStats.from_documents(docs)
    d = clean_document(docs[0], Settings(), stats)
    assert "Our partners this week" not in d.text
    assert any(r.reason == "repeated_across_corpus" for r in d.removed)
    # without the corpus the rules alone keep it (the trained line model, the default, may not)
    assert "Our partners this week" in clean_document(docs[0], Settings(clean_lines="rules")).text


def test_subscription_prompt_gives_the_outlet_but_a_body_sentence_does_not() -> None:
    body = ("Streaming prices rose again on Monday, and households that subscribe to Netflix Premium for "
            "films pay the most, the regulator said in a report covering three years of bills.\n\n"
            "The regulator said it would publish another review of the market in the spring.\n\n")
    prompt = "Subscribe to Harbour Gazette Premium for unlimited access.\n"
    assert _clean("Prices rise again\n\n" + body).outlet is None
    assert _clean("Prices rise again\n\n" + body + prompt).outlet == "Harbour Gazette"
