#!/usr/bin/env python3
"""Train the title's label-vs-headline model (``storyline.clean.title_model``) from the team's page headers.

Pages are composed from the hand-written pieces of ``training/clean_titles/pieces.txt`` (per language: mastheads,
section labels and kickers, short and long headlines, standfirsts with and without a full stop, bylines, date lines,
body paragraphs, footers, slogans and mottos under a masthead; shared: names, navigation rows, bare credits, consent
banners' lines, share rows) in many shapes: a consent banner at the top or not, a masthead or not (with its slogan or
not), a navigation row or not, no, one or two labels, a short or a long headline (printed twice now and then, a
byline or a credit between the copies or not), a standfirst or not, a byline and a date line or neither, a date line
at the page's top, a share row above the body or not, a rail of teasers under section labels below the body or not;
and pages without a masthead over the headline: the headline on the page's top line, the outlet's name or a credit
under it (session 26); half the pages built on a whole story (headline, standfirst and lead written together, so
the headline's words come back in the lead), a label naming its topic on half of those and a masthead named after it
on some (session 27); and 120 pages of two shapes the others lack, from the 'shape_stories' pieces with a random
stream of their own (``shape_page``): a short headline in capitals, a headline in title case on the page's top line
over the outlet's name, each beside its counter-example (session 28); and 90 pages in scripts without case (Arabic,
Hebrew, Hindi), from the 'script_stories' pieces with a random stream of their own (``script_page``, session 30).
Each short headline-shaped line of a page's header (``title_model.judged``) is a row: 1 when it is the page's
headline, 0 when it is a label, a kicker, a masthead or its slogan. Deterministic: the same pieces give the same file.

    python scripts/train_title_lines.py [--out storyline/models/title_lines.npz] [--pages 900] [--folds 5]

Never trained on: the dev sets (training/clean_dev*), frozen/, the seeds, the demo corpus.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from storyline.clean.document import title_lines  # noqa: E402
from storyline.clean.lexicon import load_lexicon  # noqa: E402
from storyline.clean.title_model import YEAR, TitleModel, default_model_path, features, judged  # noqa: E402
from storyline.model import Document  # noqa: E402

PIECES = ROOT / "training" / "clean_titles" / "pieces.txt"
SEED = 25
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
#: English pages are this share of the pages (it has the most pieces); the rest are spread over the other languages.
ENGLISH_SHARE = 0.45
#: Pages whose headline is the page's top line, the outlet's name or a credit under it (no masthead above).
TOP_SHARE = 0.08
#: Short headlines holding a year (drawn from the 'years' pieces): fewer than the mottos with a founding year, which
#: print a year as short as a headline under the masthead.
YEAR_SHARE = 0.06
#: English short headlines printed in title case (under a label). Headlines in capitals were tried (session 26):
#: the model then took a line in capitals over a long headline for the headline on three dev pages.
TITLE_CASE_SHARE = 0.15
#: Pages built on a whole story (its headline, standfirst and first paragraph written together, the 'stories'
#: pieces), so that the headline's words come back under it as on a real page; the rest draw each piece alone.
STORY_SHARE = 0.5
#: Pages built on a story whose masthead (or outlet's line) is named after the story's topic.
TOPIC_MASTHEAD_SHARE = 0.6
#: Pages of two shapes the pages above lack (session 28), composed from the 'shape_stories' pieces with a random
#: stream of their own (so the pages above stay as they were): a short headline in capitals, and a headline in title
#: case on the page's top line over the outlet's name; each beside its counter-example (a label or a masthead in
#: capitals over a headline, a masthead on top over a short headline in title case).
SHAPE_PAGES = 120
SHAPE_SEED = 28
#: Of the shape pages, those in capitals (the rest put a line in title case on top); of those in capitals, those
#: whose short line in capitals is a label over a long headline, not the headline.
CAPS_SHARE = 0.5
CAPS_LABEL_SHARE = 0.5
#: Of the title-case pages, those in English (title case is mostly an English outlet's style), and those whose top
#: line is the masthead over the short headline (no label between), not the headline over the outlet's name.
TOP_ENGLISH_SHARE = 0.7
TOP_MASTHEAD_SHARE = 0.6
#: Pages in scripts without case (session 30: Arabic, Hebrew, Hindi), from the 'script_stories' pieces with a random
#: stream of their own (``script_page``), so that the model judges a short line of such a script: a short headline
#: under a label or a masthead, a long one under a label (the label the short line), the headline on the page's top
#: line over the outlet's name.
SCRIPT_PAGES = 90
SCRIPT_SEED = 35
#: Of the script pages, those with the headline on the page's top line over the outlet's name.
SCRIPT_TOP_SHARE = 0.15


def read_pieces(path: Path = PIECES) -> dict[str, dict[str, list[str]]]:
    """{language: {kind: [items]}} from the pieces file ('*': shared by every language)."""
    out: dict[str, dict[str, list[str]]] = {}
    items: list[str] | None = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("#") or not raw.strip():
            continue
        if raw.startswith("== "):
            lang, kind = raw[3:].split()
            items = out.setdefault(lang, {}).setdefault(kind, [])
            continue
        if items is None:
            raise ValueError(f"{path.name}: an item before any '== LANGUAGE KIND' line: {raw!r}")
        items.append(raw.strip())
    return out


def _fill(template: str, rnd: random.Random, names: list[str], extra: dict[str, str]) -> str:
    d, m, y = rnd.randint(1, 28), rnd.randint(1, 12), rnd.choice([2025, 2026])
    values = {"name": rnd.choice(names), "name2": rnd.choice(names), "d": str(d), "m": f"{m:02d}", "y": str(y),
              "Month": MONTHS[m - 1], "Weekday": rnd.choice(WEEKDAYS), **extra}
    values["date"] = f"{d} {MONTHS[m - 1]} {y}"
    out = template
    for key, value in values.items():
        out = out.replace("{" + key + "}", value)
    return out


def compose(pieces: dict[str, dict[str, list[str]]], rnd: random.Random) -> tuple[str, str]:
    """One page (its text) and its headline."""
    # the languages with pieces of every kind (not those only the script pages read)
    others = sorted(k for k in pieces if k not in ("*", "en") and "short" in pieces[k])
    lang = "en" if rnd.random() < ENGLISH_SHARE else rnd.choice(others)
    p, shared = pieces[lang], pieces["*"]
    names = shared["names"]
    masthead = rnd.choice(p["mastheads"])
    label = rnd.choice(p["labels"])
    extra = {"masthead": masthead, "label": label}
    short = rnd.random() < 0.6
    headline = rnd.choice(p["short"]) if short else rnd.choice(p["long"])
    story = rnd.choice(p["stories"]).split(" || ") if p.get("stories") and rnd.random() < STORY_SHARE else None
    if story is not None:
        headline = story[0] if short else story[1]
        if rnd.random() < 0.5:
            # a section's label naming the story's topic ("Buses" over a depot's closing): its words come back below
            label = extra["label"] = story[4]
        if len(story[4].split()) <= 2 and rnd.random() < TOPIC_MASTHEAD_SHARE:
            # an outlet named after its topic ("Buses Today", "The Island Ferry Desk"): its words come back too
            topic = _title_case(story[4]) if lang == "en" else story[4]
            masthead = extra["masthead"] = rnd.choice(p["topic_mastheads"]).replace("{topic}", topic)
    elif short and rnd.random() < YEAR_SHARE:
        headline = rnd.choice(p["years"])
    # an outlet's style: a short headline in title case on an English page, printed under a section's label (a short
    # line in title case at the header's top is the masthead's shape)
    titled = short and lang == "en" and rnd.random() < TITLE_CASE_SHARE
    if titled:
        headline = _title_case(headline)
    page: list[str] = []
    if not titled and rnd.random() < TOP_SHARE:
        return _headline_on_top(p, shared, rnd, names, extra, headline, story), headline
    if rnd.random() < 0.3:
        page.extend(rnd.sample(shared["consent"], rnd.randint(1, 3)))
    if rnd.random() < 0.15:
        # a menu's steps or a site's buttons above the masthead
        page.append(_fill(rnd.choice(shared["nav"]), rnd, names, extra))
    if rnd.random() < 0.15:
        page.append(_fill(rnd.choice(p["dates"]), rnd, names, extra))
    if rnd.random() < 0.65:
        page.append(masthead)
        # a masthead's slogan or motto ("Independent. Local. Yours.") stands under it, short like a headline
        if p.get("slogans") and rnd.random() < 0.25:
            page.append(rnd.choice(p["slogans"]))
    if rnd.random() < 0.4:
        page.append(_fill(rnd.choice(shared["nav"]), rnd, names, extra))
    # a short line with a year right under the masthead is its motto ("Since 1923"): a headline holding a year
    # stands under a label here (or on the page's top line)
    n_labels = rnd.choices([0, 1, 2], weights=[3, 6, 1])[0] or int(titled or bool(YEAR.search(headline)))
    labels = rnd.sample(p["labels"], n_labels)
    if labels:
        labels[-1] = label
    page.extend(labels)
    page.append(headline)
    credited = False
    if rnd.random() < 0.12:
        # the headline printed twice in the page's title position (the page's name and the article's heading),
        # now and then with the byline or a bare credit ("{name}", "{name} | {masthead}") between the copies
        if rnd.random() < 0.5:
            credited = True
            pool = p["bylines"] + shared["credits"]
            page.append(_fill(rnd.choice(pool), rnd, names, extra))
        page.append(headline)
    # some pages put a section's label or a tag under the headline, above the body
    if rnd.random() < 0.04:
        page.append(rnd.choice(p["labels"]))
    if rnd.random() < 0.65:
        page.append(story[2] if story else rnd.choice(p["stand"]))
    if not credited and rnd.random() < 0.45:
        page.append(_fill(rnd.choice(p["bylines"]), rnd, names, extra))
    if rnd.random() < 0.45:
        page.append(_fill(rnd.choice(p["dates"]), rnd, names, extra))
    if rnd.random() < 0.15:
        page.extend(rnd.sample(shared["share"], rnd.randint(1, 2)))
    page.extend(_body(p, rnd, story))
    if rnd.random() < 0.25:
        # a rail of teasers below the body under section labels, the page's own label among them: a label recurs
        # between items, and now and then the page's own headline stands in a "most read" list
        rail = rnd.sample(p["labels"], 2) + ([label] if labels else [])
        for name in rail:
            page.append(name)
            page.append(rnd.choice(p["long"] + p["short"]))
        if rnd.random() < 0.2:
            page.append(headline)
    page.extend(_fill(x, rnd, names, extra) for x in rnd.sample(p["footer"], rnd.randint(1, 2)))
    return "\n\n".join(page) + "\n", headline


def _title_case(text: str) -> str:
    """``text`` in US title case: each word but a short joiner after the first starts with a capital."""
    words = text.split()
    return " ".join(w[:1].upper() + w[1:] if k == 0 or len(w) > 3 else w for k, w in enumerate(words))


def _headline_on_top(p: dict[str, list[str]], shared: dict[str, list[str]], rnd: random.Random, names: list[str],
                     extra: dict[str, str], headline: str, story: list[str] | None = None) -> str:
    """A page without a masthead over it: the headline on the page's top line, the outlet's name (or a desk's,
    a bulletin's, a bare credit) right under it, a date beside that or not, then the body (a standfirst first or
    not). The line under the headline is no headline, however short and name-like."""
    page = [headline]
    outlet = _fill(rnd.choice(shared["outlets"]), rnd, names, extra)
    date = _fill(rnd.choice(p["dates"]), rnd, names, extra) if rnd.random() < 0.55 else None
    if date is not None and rnd.random() < 0.3:
        page.extend([date, outlet])
    else:
        page.extend([outlet] + ([date] if date else []))
    if rnd.random() < 0.3:
        page.append(story[2] if story else rnd.choice(p["stand"]))
    if rnd.random() < 0.2:
        page.append(_fill(rnd.choice(p["bylines"]), rnd, names, extra))
    page.extend(_body(p, rnd, story))
    page.extend(_fill(x, rnd, names, extra) for x in rnd.sample(p["footer"], rnd.randint(1, 2)))
    return "\n\n".join(page) + "\n"


def _body(p: dict[str, list[str]], rnd: random.Random, story: list[str] | None) -> list[str]:
    """The body's paragraphs: the story's first paragraph (when the page is built on one), then other paragraphs."""
    rest = rnd.sample(p["body"], min(len(p["body"]), rnd.randint(3, 4)))
    return [story[3], *rest[:-1]] if story else rest


def shape_page(pieces: dict[str, dict[str, list[str]]], rnd: random.Random) -> tuple[str, str]:
    """One page of a shape the composed pages lack (``SHAPE_PAGES``) and its headline."""
    caps = rnd.random() < CAPS_SHARE
    langs = sorted(k for k in pieces if k != "*" and pieces[k].get("shape_stories"))
    lang = "en" if not caps and rnd.random() < TOP_ENGLISH_SHARE else rnd.choice(langs)
    p, shared = pieces[lang], pieces["*"]
    names = shared["names"]
    story = rnd.choice(p["shape_stories"]).split(" || ")
    topic = _title_case(story[4]) if lang == "en" else story[4]
    # an outlet named after the story's topic ("Quarry Weekly") echoes it as its headline does
    masthead = (rnd.choice(p["topic_mastheads"]).replace("{topic}", topic) if rnd.random() < 0.4
                else rnd.choice(p["mastheads"]))
    label = story[4] if rnd.random() < 0.5 else rnd.choice(p["labels"])
    extra = {"masthead": masthead, "label": label}
    page: list[str] = []
    if caps:
        if rnd.random() < 0.25:
            page.extend(rnd.sample(shared["consent"], rnd.randint(1, 2)))
        with_masthead = rnd.random() < 0.6
        if with_masthead:
            page.append(masthead.upper() if rnd.random() < 0.3 else masthead)
        as_label = rnd.random() < CAPS_LABEL_SHARE
        # a short headline in capitals ("QUARRY BLAST CRACKS HOMES") under a label or a masthead; or a label in
        # capitals ("WILDFIRE", "EXCLUSIVE") over a long headline. Never on the page's top line: a short line on
        # top over a longer one is a masthead's or a label's place (the pages above put a headline on top only
        # over the outlet's name)
        headline = story[1] if as_label else story[0].upper()
        if as_label and with_masthead and rnd.random() < 0.5:
            # the masthead in capitals right over the long headline, named after its topic or not
            page[-1] = masthead.upper()
        elif as_label or not with_masthead or rnd.random() < 0.6:
            page.append(label.upper() if as_label or rnd.random() < 0.5 else label)
        page.append(headline)
    else:
        headline = _title_case(story[0])
        if rnd.random() < TOP_MASTHEAD_SHARE:
            # the masthead on top, written like a name as the headline under it is, a section's label between
            # them or not
            page.extend([masthead, label, headline] if rnd.random() < 0.5 else [masthead, headline])
        else:
            # the outlet's line under it is its name alone, written like a name as the headline is
            page.extend([headline, masthead])
    if rnd.random() < 0.55:
        page.append(story[2])
    if rnd.random() < 0.35:
        page.append(_fill(rnd.choice(p["bylines"]), rnd, names, extra))
    if rnd.random() < 0.4:
        page.append(_fill(rnd.choice(p["dates"]), rnd, names, extra))
    page.extend(_body(p, rnd, story))
    page.extend(_fill(x, rnd, names, extra) for x in rnd.sample(p["footer"], rnd.randint(1, 2)))
    return "\n\n".join(page) + "\n", headline


def script_page(pieces: dict[str, dict[str, list[str]]], rnd: random.Random) -> tuple[str, str]:
    """One page in a script without case (``SCRIPT_PAGES``) and its headline: the shapes of ``compose`` that its
    pieces allow, a short or a long headline from a whole story, under no, one or two labels and a masthead or not,
    or on the page's top line over the outlet's name."""
    langs = sorted(k for k in pieces if k != "*" and pieces[k].get("script_stories"))
    p = pieces[rnd.choice(langs)]
    names = pieces["*"]["names"]
    story = rnd.choice(p["script_stories"]).split(" || ")
    masthead = (rnd.choice(p["topic_mastheads"]).replace("{topic}", story[4]) if rnd.random() < 0.25
                else rnd.choice(p["mastheads"]))
    label = story[4] if rnd.random() < 0.5 else rnd.choice(p["labels"])
    extra = {"masthead": masthead, "label": label}
    headline = story[0] if rnd.random() < 0.6 else story[1]
    page: list[str] = []
    if rnd.random() < SCRIPT_TOP_SHARE:
        page.extend([headline, masthead])
    else:
        if rnd.random() < 0.7:
            page.append(masthead)
        n_labels = rnd.choices([0, 1, 2], weights=[2, 6, 2])[0]
        labels = rnd.sample(p["labels"], n_labels)
        if labels:
            labels[-1] = label
        page.extend(labels)
        page.append(headline)
    if rnd.random() < 0.6:
        page.append(story[2])
    if rnd.random() < 0.45:
        page.append(_fill(rnd.choice(p["bylines"]), rnd, names, extra))
    if rnd.random() < 0.5:
        page.append(_fill(rnd.choice(p["dates"]), rnd, names, extra))
    page.extend(_body({"body": p["body"]}, rnd, story))
    if rnd.random() < 0.25:
        # a rail of teasers under section labels below the body, the page's own label among them
        for name in [*rnd.sample(p["labels"], 2), label]:
            page.append(name)
            page.append(rnd.choice(p["script_stories"]).split(" || ")[rnd.randint(0, 1)])
    page.extend(_fill(x, rnd, names, extra) for x in rnd.sample(p["footer"], rnd.randint(1, 2)))
    return "\n\n".join(page) + "\n", headline


def dataset(pages: int, seed: int = SEED) -> tuple[list[dict[str, Any]], list[int], list[int]]:
    """(feature rows, labels, the page of each row) of ``pages`` composed pages."""
    pieces = read_pieces()
    rnd = random.Random(seed)
    lex = load_lexicon()
    rows: list[dict[str, Any]] = []
    ys: list[int] = []
    groups: list[int] = []
    shapes = random.Random(SHAPE_SEED)
    scripts = random.Random(SCRIPT_SEED)
    for k in range(pages + SHAPE_PAGES + SCRIPT_PAGES):
        text, headline = (compose(pieces, rnd) if k < pages else shape_page(pieces, shapes)
                          if k < pages + SHAPE_PAGES else script_page(pieces, scripts))
        view = title_lines(Document(id=f"title-{k}", source=f"title-{k}", raw=text))
        for i, line in enumerate(view):
            if judged(line):
                rows.append(features(view, i, lex))
                ys.append(int(line.text.strip() == headline))
                groups.append(k)
    return rows, ys, groups


def make_pipeline() -> Any:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    return Pipeline([("vec", DictVectorizer(sparse=False)),
                     ("clf", LogisticRegression(C=1.0, max_iter=2000))])


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(default_model_path()))
    ap.add_argument("--pages", type=int, default=900)
    ap.add_argument("--folds", type=int, default=5, help="cross-validation folds over pages (0: none)")
    a = ap.parse_args(argv)
    rows, ys, groups = dataset(a.pages)
    print(f"{len(rows)} short header lines from {a.pages} + {SHAPE_PAGES} + {SCRIPT_PAGES} pages: {sum(ys)} headlines, "
          f"{len(ys) - sum(ys)} labels")
    info: dict[str, Any] = {"pages": a.pages, "shape_pages": SHAPE_PAGES, "script_pages": SCRIPT_PAGES,
                            "rows": len(rows), "headlines": sum(ys),
                            "seed": SEED}
    if a.folds:
        from sklearn.model_selection import GroupKFold

        hits = 0
        for train, test in GroupKFold(n_splits=a.folds).split(rows, ys, groups):
            pipe = make_pipeline().fit([rows[i] for i in train], [ys[i] for i in train])
            got = pipe.predict([rows[i] for i in test])
            hits += sum(int(g == ys[i]) for g, i in zip(got, test, strict=True))
        info["cv_accuracy"] = round(hits / len(rows), 4)
        print(f"cross-validated accuracy over pages: {info['cv_accuracy']:.3f}")
    model = TitleModel(pipeline=make_pipeline().fit(rows, ys), info=info)
    model.save(Path(a.out))
    print(f"wrote {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
