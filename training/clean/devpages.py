"""Build a cleaning dev set (training/clean_devN: articles/*.txt and gold.yaml) from its marked-up pages in
source_*.txt, with the gold file's header and the bullet convention in the set's build.yaml:

    python training/clean/devpages.py training/clean_devN [--check]   # --check: fail when the built files differ

Each page opens with ``@ NNN format published slug [language]`` (published ``null`` when the page prints no
date; language ``en`` when left out); each line after it is one line of the page,
marked ``T|`` (the headline: the gold title), ``K|`` (body: a keep string), ``R|`` (furniture: a remove
string) or ``N|`` (on the page, not scored: mastheads, bylines, dates, post headers, operator lines).
A keep string is the line itself, or its first words when the line is long (as in training/clean_dev).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))
from storyline.clean.lines import word_count

KEEP_CHARS = 90
#: a page's length in words (``storyline.clean.lines.word_count``: a Chinese or Thai page has few spaces); a page
#: written mostly in a script other than Latin and Cyrillic (Arabic, Devanagari, CJK, Georgian, Armenian …) may be
#: shorter, as such news pages often are
MIN_WORDS, MIN_WORDS_OTHER_SCRIPT, MAX_WORDS = 120, 60, 700
#: the last code point of the Latin, Greek and Cyrillic blocks
_CYRILLIC_END = 0x52F


def min_words(pages: dict[str, str], name: str) -> int:
    letters = [c for c in pages[name] if c.isalpha()]
    other = sum(ord(c) > _CYRILLIC_END for c in letters)
    return MIN_WORDS_OTHER_SCRIPT if other > len(letters) / 2 else MIN_WORDS

#: a wire dateline opening a paragraph ("LUSAKA, Feb 6 (Meridian News) - "): the cleaning takes it out as metadata
DATELINE = re.compile(r"^[A-Z][A-Z .'-]+, [A-Z][a-z]+\.? \d{1,2} \([^)]+\) [-\u2014] ")
#: a bullet symbol is list furniture (training/clean_dev's convention): an item's keep string starts after it; the
#: symbols are the cleaning's (``storyline.clean.lines``: hyphen, star, bullets, en and em dash used as marks)
BULLET = re.compile(r"^[-*\u2022\u00b7\u25aa\u25cf\u25ba\u2013\u2014] ")


def keep_string(line: str, strip_bullet: bool) -> str:
    line = DATELINE.sub("", line, count=1)
    if strip_bullet:
        line = BULLET.sub("", line, count=1)
    if len(line) <= KEEP_CHARS:
        return line
    cut = line[:KEEP_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:")


def parse(here: Path, strip_bullet: bool) -> tuple[dict[str, str], dict]:
    pages: dict[str, str] = {}
    gold: dict = {}
    key = None
    for src in sorted(here.glob("source_*.txt")):
        for raw in src.read_text(encoding="utf-8").splitlines():
            if not raw.strip():
                continue
            if raw.startswith("@ "):
                _, key, fmt, published, slug, *rest = raw.split()
                name = f"{key}_{fmt}_{slug.removeprefix(fmt + '_')}"
                pages[name] = ""
                gold[key] = {"format": fmt, "title": None, "published": None if published == "null" else published,
                             "language": rest[0] if rest else "en",
                             "remove": [], "keep": []}
                continue
            mark, line = raw[:2], raw[2:]
            if key is None or mark not in ("T|", "K|", "R|", "N|"):
                raise ValueError(f"{src.name}: unmarked line {raw!r}")
            pages[name] += line + "\n"
            g = gold[key]
            if mark == "T|":
                g["title"] = line
            elif mark == "K|":
                g["keep"].append(keep_string(line, strip_bullet))
            elif mark == "R|":
                g["remove"].append(line)
    return pages, gold


def main(here: Path, header: str, argv: list[str], strip_bullet: bool = False) -> int:
    pages, gold = parse(here, strip_bullet)
    problems = [f"{n}: {word_count(t)} words" for n, t in pages.items()
                if not min_words(pages, n) <= word_count(t) <= MAX_WORDS]
    if problems:
        print("\n".join(problems))
        return 1
    gold_text = header + yaml.safe_dump({"documents": gold}, allow_unicode=True, sort_keys=False, width=200)
    files = {here / "articles" / f"{n}.txt": t for n, t in pages.items()}
    files[here / "gold.yaml"] = gold_text
    if "--check" in argv:
        stale = [str(p) for p, t in files.items() if not p.is_file() or p.read_text(encoding="utf-8") != t]
        print("\n".join(stale) or "up to date")
        return 1 if stale else 0
    (here / "articles").mkdir(exist_ok=True)
    for p, t in files.items():
        p.write_text(t, encoding="utf-8")
    print(f"{len(pages)} pages")
    return 0


def build(folder: Path, argv: list[str]) -> int:
    """``main`` with the header and bullet convention the set's own build.yaml gives."""
    conf = yaml.safe_load((folder / "build.yaml").read_text(encoding="utf-8"))
    return main(folder.resolve(), conf["header"], argv, strip_bullet=bool(conf["strip_bullet"]))


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1].startswith("-"):
        sys.exit("usage: devpages.py training/clean_devN [--check]")
    sys.exit(build(Path(sys.argv[1]), sys.argv[2:]))
