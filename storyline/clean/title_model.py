"""A trained judgement on a short line above the body: a section label or a short headline (issue 15).

The title rules of ``storyline.clean.document`` pass over a line of a few words above a longer headline-shaped line:
a section's label ("World", "Business news", "Política"), a kicker ("EXCLUSIVE") or a masthead stands there. A short
headline ("Tokyo bans cars", "Werft schließt") stands there too, with an unpunctuated standfirst under it, and the
rules' word count cannot tell the two apart. A small classifier, trained by ``scripts/train_title_lines.py`` from
the team's invented page headers in ``training/clean_titles/`` and shipped as ``storyline/models/title_lines.npz``,
reads a short line's features and its neighbours' and gives the probability that the line is the headline.

Features are of shape, never of words: length, case pattern, an English verb ending on a lowercase word, terminal
and inner punctuation, figures, the share of the line's words the lexicon names as section words and whether the
lexicon names the whole line (``boilerplate.yaml``: features, not the decision), where the line stands in the header,
the shape of the lines beside it and of the line after next (whether the line above is a section's label or only
furniture, whether a menu stands right under it), the header's first headline-shaped line written like a name (a
masthead), how far the byline or date line stands below it, where the page states it again (a copy beside it is a
headline printed twice; a label recurs in the menu or over the rails below the body) and a slogan's shape (a
founding year, clipped phrases between full stops, right under the page's top line; a year under a line written
like a name), whether the header's top line stands over a longer headline-shaped line (a masthead's or a label's
place) or over a short line or a date (the headline of a page without a masthead, the outlet's name under it), and
(session 27) how many of a line's words the first paragraph of prose says again as common words (a headline's words
come back in its lead; a masthead's town is a name there, a motto's or a label's words seldom come back), not read
on the header's top line, and the share of a line's later words written with a capital (a name in a masthead);
(session 28) in a script without case every word counts for the echo and a script without spaces is compared by
pairs of letters, the top line's own echo is read apart (and whether it echoes more than a short line under it: a
headline on top over the outlet's name), and whether the line under it is written like a name; (session 30) whether
a line in a script without case (with spaces: Arabic, Hebrew, Devanagari), which the model now judges, is read by
features of its own (the same ones, apart), learnt from training pages in such scripts.

``Settings.clean_titles`` chooses: 'trained' (this model, the default since session 25; how
``document._find_title`` consults it is described there) or 'rules' (the word count, the baseline).
"""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from storyline.cache import read_shipped_model
from storyline.clean.lexicon import Lexicon, normalise_line
from storyline.clean.lines import (
    CASELESS_LETTERS,
    SCRIPT_STOPS,
    caseless_share,
    ends_sentence,
    unspaced_runs,
    word_count,
)

#: The model judges lines of at most this many words (a longer line is a headline or a standfirst by the rules).
SHORT_TITLE_WORDS = 5
#: A line that repeats a label (a menu, a breadcrumb, a rail's heading) has at most this many words.
REPEAT_LINE_WORDS = 12
#: A neighbour's length is read up to this many words (a standfirst's or a headline's, not a paragraph's).
NEIGHBOUR_WORDS = 30
#: A line under a short one this long reads as a standfirst more often than as a headline.
STANDFIRST_WORDS = 13
#: A copy of a line at most this many lines (not junk) above or below it is the line printed twice in its place.
COPY_REACH = 2
#: The distance (in lines of the header) to the byline or date line below is read up to this.
META_DISTANCE = 4
#: P(headline) at or above which a short line is the headline, when the model file records none.
DEFAULT_THRESHOLD = 0.5
#: P(headline) at or above which a short line takes the title from the headline-long line the rules chose below it,
#: when the model file records none: most short lines above a headline are labels, so the model must be sure.
DEFAULT_OVERRIDE_THRESHOLD = 0.8
#: The first this many paragraphs of prose under a line are read for its words (a story's lead restates its headline;
#: further down, a motto's common words ("since") turn up by chance).
ECHO_PARAGRAPHS = 1
#: A word is compared by its first letters, this many at most ("fares" / "fare", "tomatoes" / "tomato"), and only
#: when it is this long (shorter ones are a sentence's joiners).
ECHO_STEM = 5
ECHO_MIN_CHARS = 4
#: In a script written without spaces, the letters are compared this many in a row (most of its words are two).
ECHO_NGRAM = 2
#: A body line of a script without spaces this long (``word_count``) that ends a sentence is prose.
UNSPACED_PROSE_WORDS = 8
#: Lowercase words these short, or these, join a name's words and say nothing of a sentence.
JOINER_LETTERS = 3
#: An English verb's ending on a lowercase word after the first ("Mill reopens", "Teacher cleared", "Prices rising").
_VERB_ENDING = re.compile(r"^[a-z]{2,}(?:s|ed|ing)$")
_PARTICIPLE = re.compile(r"^[a-z]{2,}ed$")
#: A participle on a word in title case ("Cleared", "Delayed"); not -s or -ing, which end as many of a name's nouns
#: ("Courts Service", "Evening News").
_CASED_PARTICIPLE = re.compile(r"^[A-Z][a-z]{2,}ed$")
_DIGIT = re.compile(r"\d")
#: A word: its letters with a caseless script's vowel signs and marks ("सरकार", "מחירי"), which ``\w`` splits off.
_WORD = re.compile(rf"(?:\w|[{CASELESS_LETTERS}])+")
#: The prefix of the features of a line in a script without case (read apart from the cased lines' features).
CASELESS_PREFIX = "caseless:"
#: Stops and commas of caseless scripts, inside their letters' blocks, that end a word rather than belong to it.
_SCRIPT_MARKS = SCRIPT_STOPS + "\u060c\u061b"


@dataclass(frozen=True)
class TitleLine:
    """A line of the page as the title rules see it: its text, their verdict, and where it stands."""
    text: str
    #: the rules' label of the line alone: junk | meta | body | short | heading
    label: str
    reason: str = ""
    #: a byline or date line of the article
    article_meta: bool = False
    #: the first paragraph of prose (or any later one)
    strong_prose: bool = False
    #: a headline-shaped line above the body the title rules may choose (not furniture, not a date)
    candidate: bool = False
    #: above the first paragraph of prose
    in_header: bool = False

    @functools.cached_property
    def words(self) -> int:
        return len(self.text.split())


def judged(line: TitleLine) -> bool:
    """Whether the model judges ``line``: a short headline-shaped line of the header in a script with spaces.

    A line in a script without case but with spaces (Arabic, Hebrew, Devanagari) is judged since session 30 (the
    training pages hold such scripts); one written without spaces (CJK, Thai) is not: its count of words, which
    makes a line short, says nothing there (a long headline is one token)."""
    return line.candidate and line.in_header and 1 <= line.words <= SHORT_TITLE_WORDS \
        and (caseless_share(line.text) <= 0.5 or not unspaced_runs(line.text))


def _shape(line: TitleLine | None, prefix: str) -> dict[str, Any]:
    if line is None:
        return {f"{prefix}none": 1}
    kind = ("meta" if line.article_meta else "prose" if line.strong_prose else line.label)
    return {f"{prefix}kind": kind, f"{prefix}words": min(line.words, NEIGHBOUR_WORDS) / NEIGHBOUR_WORDS,
            f"{prefix}short": int(line.words <= SHORT_TITLE_WORDS),
            f"{prefix}ends_sentence": int(ends_sentence(line.text)), f"{prefix}candidate": int(line.candidate)}


def features(lines: Sequence[TitleLine], i: int, lex: Lexicon) -> dict[str, Any]:
    """The features of ``lines[i]`` and of the lines beside it."""
    line = lines[i]
    text = line.text.strip()
    words = text.split()
    alpha = [w for w in words if any(c.isalpha() for c in w)]
    cased = [c for c in text if c.isupper() or c.islower()]
    lowered = _bare_words(text)
    later = lowered[1:]
    lower_content = [w for w in later if w[:1].islower() and len(w) > JOINER_LETTERS]
    # a section's name ("World", "Business news"): the words the lexicon names sections and a navigation trail's roots
    section = [w for w in lowered if _section_word(w, lex)]
    norm = normalise_line(text)
    f: dict[str, Any] = {
        "bias": 1,
        f"words={min(len(words), SHORT_TITLE_WORDS)}": 1,
        "chars": min(len(text), 60) / 60,
        "all_upper": int(len(cased) >= 2 and all(c.isupper() for c in cased)),
        "title_case": int(len(alpha) >= 2 and all(w[:1].isupper() for w in lowered if len(w) > JOINER_LETTERS)),
        "first_upper": int(bool(lowered) and lowered[0][:1].isupper()),
        "lower_content": min(len(lower_content), 3) / 3,
        # a name's capital after the first word, among lowercase ones ("Il Corriere delle Colline", "Дневни лист
        # Шумадија"): a masthead naming its place; a short headline's later words are mostly common ones
        "later_capitals": _later_capitals(later),
        "any_lower_content": int(bool(lower_content)),
        # a verb in the middle ("Tokyo bans cars") or a participle at the end ("Teacher cleared"); a last word in -s
        # is more often a plural ("Press notices") than a verb
        "verb_ending": int(any(_VERB_ENDING.match(w) for w in later[:-1])
                           or bool(later and _PARTICIPLE.match(later[-1]))),
        # a participle in a headline in title case ("Pipeline Permit Pulled", "Board Delayed Vote")
        "cased_participle": int(any(_CASED_PARTICIPLE.match(w) for w in later)),
        "plural_end": int(bool(later) and later[-1].endswith("s") and later[-1][:1].islower()),
        "ends_question": int(text.endswith("?")),
        "ends_exclaim": int(text.endswith("!")),
        "colon": int(":" in text),
        "comma": int("," in text),
        "ampersand": int("&" in text or " and " in f" {text.lower()} "),
        "digit": int(bool(_DIGIT.search(text))),
        "section_share": len(section) / len(lowered) if lowered else 0.0,
        "all_section": int(bool(lowered) and len(section) == len(lowered)),
        # a button's or a pitch's words ("Subscribe now", "Watch live", "Share")
        "furniture_words": int(any(w.lower() in lex.glued_label_words or w.lower() in lex.button_words
                                   for w in lowered)),
        "lexicon_line": int(lex.line_reason(norm) is not None),
        f"reason={line.reason or '-'}": 1,
    }
    header = [j for j in range(len(lines)) if lines[j].in_header and lines[j].label != "junk"]
    at = header.index(i) if i in header else len(header)
    f[f"position={min(at, 4)}"] = 1
    above = sum(1 for j in header[:at] if lines[j].candidate)
    f["candidates_above"] = min(above, 3) / 3
    # the header's first headline-shaped line, written like a name ("The Daily Ledger", "NORTH QUAY POST"): a
    # masthead, whatever consent buttons or menu steps stand above it
    f["first_name_shaped"] = int(above == 0 and bool(f["title_case"]) and not lower_content)
    prev = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].label != "junk"), None)
    nxt = next((lines[j] for j in range(i + 1, len(lines)) if lines[j].label != "junk"), None)
    f["junk_above"] = int(i > 0 and lines[i - 1].label == "junk")
    # a menu or a breadcrumb right under the line: a masthead's place, not a headline's (its standfirst follows it)
    f["junk_below"] = int(i + 1 < len(lines) and lines[i + 1].label == "junk")
    if prev is not None:
        # a section's label over a short line makes it a headline; a consent button or a menu's step over it says
        # nothing (a masthead stands under those)
        f["prev_section"] = int(_all_section(prev.text, lex))
        f["prev_lexicon_line"] = int(lex.line_reason(normalise_line(prev.text)) is not None)
        # a short line the rules could take for the headline (a label) over it, or only furniture they never would
        # (a consent button, a menu's step), under which a masthead stands
        short_prev = prev.words <= SHORT_TITLE_WORDS and not prev.article_meta and not prev.strong_prose
        f["prev_short_candidate"] = int(short_prev and prev.candidate)
        f["prev_short_furniture"] = int(short_prev and not prev.candidate)
    f.update(_shape(prev, "prev_"))
    f.update(_shape(nxt, "next_"))
    if nxt is not None:
        # the line under it written like a name: an outlet's line under a headline on top, or a masthead's slogan
        f["next_name_like"] = int(_name_like(nxt.text, lex))
        f["next_longer"] = int(nxt.words > 2 * max(line.words, 1))
        # a standfirst runs longer than most headlines
        f["next_standfirst_long"] = int(nxt.words >= STANDFIRST_WORDS)
        f["next_comma"] = int("," in nxt.text or ";" in nxt.text)
        f["next_meta_or_prose"] = int(nxt.article_meta or nxt.strong_prose)
    # the header's top line over a longer headline-shaped line is a masthead or a label; over a short line (the
    # outlet's name, a credit) or a date it is the headline of a page without a masthead
    # a line outside the header (``at`` is then the header's length, 0 when it has none) is never its top line
    top = i in header and at == 0
    f["top_over_long"] = int(top and nxt is not None and nxt.candidate and nxt.words > SHORT_TITLE_WORDS)
    f["top_over_short"] = int(top and nxt is not None and (nxt.article_meta or (nxt.words <= SHORT_TITLE_WORDS
                                                                                 and not nxt.strong_prose)))
    # a top line's words come back in the story as often when it is a masthead named after its subject ("Сельская
    # жизнь" over a harvest's story) as when it is the headline: read only under something (a label, a masthead)
    f.update(_echo(lines, i) if not top else {"echo_top": 1})
    if top:
        # read apart from a lower line's echo: a masthead named after its subject echoes too
        own = _echo(lines, i).get("echo_share", 0.0)
        f["top_echo_share"] = own
        if f["top_over_short"] and nxt is not None:
            # a headline on top over the outlet's name, both written like names ("Ferry Fares Frozen" / "Island
            # Wire Service"), or a masthead over a label: the one whose words the lead says again is the headline
            f["top_echoes_more"] = int(own > _echo(lines, lines.index(nxt)).get("echo_share", 0.0))
    after = next((lines[j] for j in range(i + 1, len(lines)) if lines[j].label != "junk" and lines[j] is not nxt),
                 None) if nxt is not None else None
    # the line after next: a short headline's standfirst is followed by the byline or the body, a masthead's slogan
    # by the headline's standfirst or the body
    f.update(_shape(after, "next2_"))
    f.update(_meta_distance(lines, header, at))
    f.update(_repeats(lines, i, norm))
    f.update(_slogan_shape(text, lines, i, prev))
    # a year right under a line written like a name ("The Saltmarsh Courier" / "Fearless since 1851") is a
    # masthead's founding date; under a section's label ("Politics" / "Budget 2027 unveiled") a headline's
    f["year_under_name"] = int(bool(f["year"]) and prev is not None and _name_like(prev.text, lex))
    if caseless_share(text) > 0.5:
        # a line of a script without case (Arabic, Hebrew, Devanagari) gets features of its own: without capitals
        # a masthead, a label and a headline share the shape that says "no name, no capital" in a cased script, and
        # its pages would pull the weights the cased lines are judged by (tried shared: −3 dev titles, all cased)
        return {f"{CASELESS_PREFIX}{key}": value for key, value in f.items()}
    return f


def _later_capitals(later: list[str]) -> float:
    """The share of the words after the first, longer than a joiner, that start with a capital."""
    long = [w for w in later if len(w) > JOINER_LETTERS]
    return sum(1 for w in long if w[:1].isupper()) / len(long) if long else 0.0


def _name_like(text: str, lex: Lexicon) -> bool:
    """A line written like a name of two words or more, not a section's label: every word longer than a joiner
    capitalised ("The Saltmarsh Courier", "Diario Valdemora")."""
    words = _bare_words(text)
    return len(words) >= 2 and not _all_section(text, lex) and \
        all(w[:1].isupper() for w in words if len(w) > JOINER_LETTERS)


def _bare_words(text: str) -> list[str]:
    """The words of ``text`` with letters, without the quotes and punctuation around them."""
    return [w.strip("\"'\u201c\u201d\u2018\u2019()[],:;!?") for w in text.split() if any(c.isalpha() for c in w)]


def _section_word(word: str, lex: Lexicon) -> bool:
    return word.lower() in lex.section_words or word.lower() in lex.breadcrumb_roots


def _all_section(text: str, lex: Lexicon) -> bool:
    words = _bare_words(text)
    return bool(words) and all(_section_word(w, lex) for w in words)


def _meta_distance(lines: Sequence[TitleLine], header: list[int], at: int) -> dict[str, Any]:
    """How far the header's byline or date line stands below the line (a headline stands right above it, a label
    or a masthead's slogan further up), and whether one stands above it (a byline at the page's top)."""
    below = next((k - at for k in range(at + 1, len(header)) if lines[header[k]].article_meta), None)
    above = any(lines[header[k]].article_meta for k in range(at))
    f: dict[str, Any] = {"meta_above": int(above)}
    if below is None:
        f["meta_below_none"] = 1
    else:
        f[f"meta_below={min(below, META_DISTANCE)}"] = 1
    return f


def _repeats(lines: Sequence[TitleLine], i: int, norm: str) -> dict[str, Any]:
    """Where the page states the line again: a headline is printed twice in the page's own title position (a copy
    beside it, a byline between at most), a label recurs inside the menu or breadcrumb, or over the rails of teasers
    below the body."""
    low = f" {norm} "
    first = next((j for j, ln in enumerate(lines) if ln.strong_prose), len(lines))
    # the page's name and the article's heading stand together, a byline or a credit between them at most
    near = [j for j in range(i - 1, -1, -1) if lines[j].label != "junk"][:COPY_REACH] + \
        [j for j in range(i + 1, len(lines)) if lines[j].label != "junk"][:COPY_REACH]
    adjacent = inside = in_header = below = 0
    for j, ln in enumerate(lines):
        if j == i or ln.strong_prose or ln.words > REPEAT_LINE_WORDS:
            continue
        other = normalise_line(ln.text)
        if other == norm:
            if j in near:
                adjacent = 1
            elif j < first:
                in_header = 1
            else:
                below += 1
        elif low in f" {other} ":
            inside = 1
    return {"repeat_adjacent": adjacent, "repeat_in_header": in_header, "repeat_below": min(below, 2) / 2,
            "repeat_inside": inside, "repeated": int(bool(adjacent or in_header or below or inside))}


def _stems(text: str, common: bool = False) -> set[str]:
    """The beginnings of the words of ``text`` long enough to say something, case folded; ``common``: only the
    words written in lowercase (a common word, not a name: a town's name in a masthead recurs in its stories).

    A script without case (Arabic, Hebrew, Devanagari) cannot tell a name from a common word, so each of its words
    counts whatever ``common`` asks; a script written without spaces (Chinese, Japanese, Thai) gives no words to
    compare, so each pair of its letters in a row counts (a headline's words come back in its lead as pairs too)."""
    out: set[str] = set()
    for run in unspaced_runs(text):
        out.update(run[k:k + ECHO_NGRAM] for k in range(len(run) - ECHO_NGRAM + 1))
    for w in (t.strip(_SCRIPT_MARKS) for t in _WORD.findall(text)):
        if len(w) < ECHO_MIN_CHARS or w.isdigit() or unspaced_runs(w):
            continue
        if not common or w.islower() or caseless_share(w) > 0.5:
            out.add(w.casefold()[:ECHO_STEM])
    return out


def _echo(lines: Sequence[TitleLine], i: int) -> dict[str, Any]:
    """How many of the line's words the first paragraphs of prose under it say again as common words: a headline's
    words come back in its story ("Ferry fares frozen" / "Fares on the island ferry will stay ..."), whatever its
    case ("CUSTOMS HOUSE SOLD"); a masthead's (a town's name, written as a name) or a motto's seldom do."""
    own = _stems(lines[i].text)
    if not own:
        return {"echo_none": 1}
    below: set[str] = set()
    prose = 0
    # only the prose: a masthead's or a label's words come back in the headline under it as often as a short
    # headline's in its standfirst
    for ln in lines[i + 1:]:
        if not _prose(ln) or ln.label == "junk":
            continue
        below |= _stems(ln.text, common=True)
        prose += 1
        if prose >= ECHO_PARAGRAPHS:
            break
    share = len(own & below) / len(own)
    return {"echo_share": share, "echo_any": int(share > 0)}


def _prose(line: TitleLine) -> bool:
    """The body's prose; in a script written without spaces a paragraph is one token to the rules' count of words
    (``strong_prose`` never holds), so a body line ending a sentence with enough words by ``word_count`` is too."""
    return line.strong_prose or (line.label == "body" and bool(unspaced_runs(line.text))
                                 and word_count(line.text) >= UNSPACED_PROSE_WORDS and ends_sentence(line.text))


#: A year as a headline or a masthead's motto prints it (1500-2099).
YEAR = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\b")
_INNER_STOP = re.compile(r"[.!]\s+\S")


def _slogan_shape(text: str, lines: Sequence[TitleLine], i: int, prev: TitleLine | None) -> dict[str, Any]:
    """A masthead's slogan or motto: a founding year ("Fearless since 1851"), clipped phrases between full stops
    ("Read. Think. Act."), and standing right under the page's top line (the masthead)."""
    top = next((j for j, ln in enumerate(lines) if ln.label != "junk"), None)
    prev_top = prev is not None and top is not None and top < i and lines[top] is prev
    year = bool(YEAR.search(text))
    # a year is a founding date right under the masthead ("Fearless since 1851"), anywhere else a headline's
    # ("Budget 2027 unveiled" under a label, or on the page's top line)
    return {"year": int(year), "year_under_top": int(year and prev_top),
            "inner_stop": int(bool(_INNER_STOP.search(text))), "prev_top": int(prev_top),
            "prev_top_short": int(prev_top and prev is not None and prev.words <= SHORT_TITLE_WORDS)}


@dataclass
class TitleModel:
    """A fitted pipeline (feature dicts -> P(headline)) and what the training script recorded."""
    pipeline: Any
    threshold: float = DEFAULT_THRESHOLD
    override_threshold: float = DEFAULT_OVERRIDE_THRESHOLD
    info: dict = field(default_factory=dict)

    def probabilities(self, lines: Sequence[TitleLine], indices: Sequence[int], lex: Lexicon) -> list[float]:
        """P(headline) of each of ``lines[indices]``."""
        if not indices:
            return []
        rows = [features(lines, i, lex) for i in indices]
        return [float(p) for p in self.pipeline.predict_proba(rows)[:, 1]]

    def save(self, path: Path) -> None:
        from storyline import modelfile

        modelfile.save(path, {"pipeline": self.pipeline, "threshold": self.threshold,
                              "override_threshold": self.override_threshold, "info": self.info})


def default_model_path() -> Path:
    return Path(str(resources.files("storyline").joinpath("models", "title_lines.npz")))


@functools.lru_cache(maxsize=4)
def load_title_model(path: str = "") -> TitleModel:
    """The model at ``path`` (default: the one shipped in the package), loaded once per process.

    Raises:
        FileNotFoundError: with the command that builds the model.
    """
    data = read_shipped_model(path, default_model_path, on_problem="raise",
                              missing="no title line model at {path}: run `make train` (or set clean_title_model "
                                      "to a model file, or clean_titles='rules')")
    return TitleModel(pipeline=data["pipeline"], threshold=float(data.get("threshold", DEFAULT_THRESHOLD)),
                      override_threshold=float(data.get("override_threshold", DEFAULT_OVERRIDE_THRESHOLD)),
                      info=data.get("info", {}))
