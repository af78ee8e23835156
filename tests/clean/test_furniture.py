"""Page furniture the first lexicon missed: disclaimers, syndication notes, standards links,
download/print prompts, button runs, wire credits (lines written for these tests)."""
from __future__ import annotations

import pytest

from storyline.clean.lexicon import load_lexicon
from storyline.clean.lines import classify_unit

LEX = load_lexicon()


@pytest.mark.parametrize("line, reason", [
    ("Opinions expressed here are solely those of the contributor.", "disclaimer"),
    ("The views expressed in this essay are the writer's own", "disclaimer"),
    ("This story was republished from Harbour Weekly.", "syndication"),
    ("Reprinted with permission", "syndication"),
    ("Our Standards: The Example Press Editorial Code.", "standards"),
    ("Editorial standards and ethics", "standards"),
    ("Ethics: read how we report", "standards"),
    ("Corrections policy", "standards"),
    ("Save this report as PDF", "download"),
    ("Download the printable version", "download"),
    ("Printer-friendly version", "download"),
    ("Get the Valley Times app", "download"),
    ("Support our work: Give today", "subscribe"),
    ("Join the discussion: 7 comments", "comments"),
    ("Follow Harbour Weekly on Bluesky | Get our newsletter", "share"),
])
def test_new_furniture_lines(line: str, reason: str) -> None:
    v = classify_unit(line, LEX)
    assert (v.label, v.reason) == ("junk", reason), v


@pytest.mark.parametrize("line", [
    "Tweet   Print   Mail",
    "Facebook · Bluesky · Email · Copy link",
    "Like  Share  Save",
    "Email this story Print",
])
def test_runs_of_buttons(line: str) -> None:
    assert classify_unit(line, LEX).label == "junk"


@pytest.mark.parametrize("line", [
    # body text that shares words with the patterns above must stay
    "The ethics committee met twice.",
    "Views expressed by residents were mixed.",
    "Share prices fell sharply on Monday.",
    "Print media lost readers again last year.",
    "She downloaded the data as a spreadsheet.",
    "Standards",
    "Like",
])
def test_look_alikes_are_not_furniture(line: str) -> None:
    assert classify_unit(line, LEX).label != "junk"


@pytest.mark.parametrize("line", [
    "(Reporting by Ana Vell; Editing by Tom Poe)",
    "(Additional reporting by Ana Vell in Porto)",
])
def test_wire_credit_lines(line: str) -> None:
    assert classify_unit(line, LEX).label == "junk"


def test_promotional_subscription_prompts() -> None:
    for line in ("Subscribe to Harbour Weekly Plus for ad-free reading.",
                 "Become a member today for unlimited access to every story."):
        assert classify_unit(line, LEX).label == "junk", line


def test_section_label_beside_reading_time() -> None:
    v = classify_unit("Features | Reading time: 7 minutes", LEX)
    assert v.label == "meta"
    v = classify_unit("Opinion | 14 May 2023", LEX)
    assert (v.label, v.date.value) == ("meta", "2023-05-14")
    # two labels and nothing else is not metadata
    assert classify_unit("Opinion | Columnists", LEX).label != "meta"
