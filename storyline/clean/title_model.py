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
the shape of the lines beside it, and whether the page repeats it (a label is often a step of the menu too).

``Settings.clean_titles`` chooses: 'rules' (the word count, the baseline) or 'trained' (this model; how
``document._find_title`` consults it is described there).
"""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from storyline.cache import load_model_file
from storyline.clean.lexicon import Lexicon, normalise_line
from storyline.clean.lines import caseless_share, ends_sentence

#: The model judges lines of at most this many words (a longer line is a headline or a standfirst by the rules).
SHORT_TITLE_WORDS = 5
#: A line that repeats a label (a menu, a breadcrumb, a rail's heading) has at most this many words.
REPEAT_LINE_WORDS = 12
#: A neighbour's length is read up to this many words (a standfirst's or a headline's, not a paragraph's).
NEIGHBOUR_WORDS = 30
#: A line under a short one this long reads as a standfirst more often than as a headline.
STANDFIRST_WORDS = 13
#: P(headline) at or above which a short line is the headline, when the model file records none.
DEFAULT_THRESHOLD = 0.5
#: P(headline) at or above which a short line takes the title from the headline-long line the rules chose below it,
#: when the model file records none: most short lines above a headline are labels, so the model must be sure.
DEFAULT_OVERRIDE_THRESHOLD = 0.8
#: Lowercase words these short, or these, join a name's words and say nothing of a sentence.
_JOINER_LETTERS = 3
#: An English verb's ending on a lowercase word after the first ("Mill reopens", "Teacher cleared", "Prices rising").
_VERB_ENDING = re.compile(r"^[a-z]{2,}(?:s|ed|ing)$")
_PARTICIPLE = re.compile(r"^[a-z]{2,}ed$")
_DIGIT = re.compile(r"\d")


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
    """Whether the model judges ``line``: a short headline-shaped line of the header in a script with spaces."""
    return line.candidate and line.in_header and 1 <= line.words <= SHORT_TITLE_WORDS \
        and caseless_share(line.text) <= 0.5


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
    lowered = [w.strip("\"'\u201c\u201d\u2018\u2019()[],:;!?") for w in alpha]
    later = lowered[1:]
    lower_content = [w for w in later if w[:1].islower() and len(w) > _JOINER_LETTERS]
    # a section's name ("World", "Business news"): the words the lexicon names sections and a navigation trail's roots
    section = [w for w in lowered if w.lower() in lex.section_words or w.lower() in lex.breadcrumb_roots]
    norm = normalise_line(text)
    f: dict[str, Any] = {
        "bias": 1,
        f"words={min(len(words), SHORT_TITLE_WORDS)}": 1,
        "chars": min(len(text), 60) / 60,
        "all_upper": int(len(cased) >= 2 and all(c.isupper() for c in cased)),
        "title_case": int(len(alpha) >= 2 and all(w[:1].isupper() for w in lowered if len(w) > _JOINER_LETTERS)),
        "first_upper": int(bool(lowered) and lowered[0][:1].isupper()),
        "lower_content": min(len(lower_content), 3) / 3,
        "any_lower_content": int(bool(lower_content)),
        # a verb in the middle ("Tokyo bans cars") or a participle at the end ("Teacher cleared"); a last word in -s
        # is more often a plural ("Press notices") than a verb
        "verb_ending": int(any(_VERB_ENDING.match(w) for w in later[:-1])
                           or bool(later and _PARTICIPLE.match(later[-1]))),
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
    f["candidates_above"] = min(sum(1 for j in header[:at] if lines[j].candidate), 3) / 3
    prev = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].label != "junk"), None)
    nxt = next((lines[j] for j in range(i + 1, len(lines)) if lines[j].label != "junk"), None)
    f["junk_above"] = int(i > 0 and lines[i - 1].label == "junk")
    f.update(_shape(prev, "prev_"))
    f.update(_shape(nxt, "next_"))
    if nxt is not None:
        f["next_longer"] = int(nxt.words > 2 * max(line.words, 1))
        # a standfirst runs longer than most headlines
        f["next_standfirst_long"] = int(nxt.words >= STANDFIRST_WORDS)
        f["next_comma"] = int("," in nxt.text or ";" in nxt.text)
        f["next_meta_or_prose"] = int(nxt.article_meta or nxt.strong_prose)
    # a label is often a step of the page's menu or breadcrumb, or stands again over a rail of teasers
    low = f" {norm} "
    f["repeated"] = int(any(j != i and not ln.strong_prose and ln.words <= REPEAT_LINE_WORDS
                            and low in f" {normalise_line(ln.text)} " for j, ln in enumerate(lines)))
    return f


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
    target = Path(path) if path else default_model_path()
    if not target.is_file():
        raise FileNotFoundError(f"no title line model at {target}: run `make train` (or set clean_title_model "
                                "to a model file, or clean_titles='rules')")
    data = load_model_file(target)
    return TitleModel(pipeline=data["pipeline"], threshold=float(data.get("threshold", DEFAULT_THRESHOLD)),
                      override_threshold=float(data.get("override_threshold", DEFAULT_OVERRIDE_THRESHOLD)),
                      info=data.get("info", {}))
