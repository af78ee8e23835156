#!/usr/bin/env python
"""Train the cleaning line model and its sentence model from ``training/clean/`` (``make train``).

    python scripts/train_clean.py [--out storyline/models/clean_lines.npz] [--folds 5]

The sentence model (``clean.sentence_model``) learns furniture written as sentences from the team's sentences
in ``training/clean/sentences/`` (hand-written ``furniture.txt`` and ``body.txt``, ``generated.tsv`` from
``generate.py``), the labelled lines of the pages, and body sentences of ``training/events/`` (news prose of
many domains). Its probability is a feature of the line model, computed out of fold for every line it is
trained on. The pages are also trained on a second time with sentences of the held-out pool written into them
(furniture at the top, in the middle and at the bottom; furniture-like body sentences among the paragraphs),
so that the line model learns where such sentences stand; cross-validation scores both the pages as written
and these augmented pages (the hand-written pages and those ``training/clean/generate_pages.py`` writes, tables,
lists and stamped entries beside furniture, also apart). Only the pair of prose thresholds in use is
cross-validated unless ``--sweep``.

Every unit of every page is judged by the cleaning rules (``clean.document.judged_lines``) and labelled
from the gold: furniture when it is one of the page's ``remove`` strings (or a long one covers most of
it), body when it holds one of the ``keep`` strings; other units (captions, reader comments, a
speaker's name alone) are left out. Printed: cross-validation by page (each fold's pages cleaned with
a model trained on the other pages, scored like ``eval_clean.py``) for each threshold, beside the rules
alone; the threshold kept is the one that removes most while keeping the body at most ``KEPT_SLACK``
below the rules alone (a line goes only when the model is confident and a rule or the page's structure
agrees: ``line_model.removals``). Never reads frozen/ (nor training/clean_dev/, the unseen pages the
cleaning is judged on: ``eval_clean.py --set training/clean_dev``).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from eval_clean import key_of, norm, score  # noqa: E402

from storyline.clean import LineStats, clean_document  # noqa: E402
from storyline.clean import document as document_module  # noqa: E402
from storyline.clean.document import judged_lines  # noqa: E402
from storyline.clean.lexicon import load_lexicon  # noqa: E402
from storyline.clean.line_model import LineModel, default_model_path, features, load_line_model  # noqa: E402
from storyline.clean.sentence_model import make_pipeline as make_sentence_pipeline  # noqa: E402
from storyline.clean.sentence_model import sentence_probabilities  # noqa: E402
from storyline.config import Settings  # noqa: E402
from storyline.ingest import read_paths  # noqa: E402
from storyline.model import Document  # noqa: E402

TRAINING = ROOT / "training" / "clean"
THRESHOLDS = (0.9, 0.8)
#: the line model's and the sentence model's thresholds swept for lines written as prose (from the most cautious:
#: a tie goes to the first)
PROSE_THRESHOLDS = (0.8, 0.65, 0.5)
SENTENCE_THRESHOLDS = (0.9, 0.8, 0.65, 0.5)
#: the pair kept for prose: cross-validation on these pages, which the rules were written from, barely loses body
#: whatever the pair, so it was chosen on the unseen pages of training/clean_dev and training/clean_dev2 (kept
#: >= 0.99 on both; a lower pair loses a forum reply and a list's introduction there)
PROSE_THRESHOLD, SENTENCE_THRESHOLD = 0.8, 0.8
SENTENCES = TRAINING / "sentences"
#: body sentences taken from training/events/ (news prose of many domains), at most this many
EVENT_SENTENCES = 2500
#: body sentences taken from each of training/languages/events/events_{es,ru,uk}.jsonl (the training files, not the
#: dev ones): news prose in Spanish, Russian and Ukrainian, so that the sentence model does not read every line of a
#: script or language it has never seen as furniture
LANGUAGE_SENTENCES = 250
LANGUAGE_FILES = ("events_es.jsonl", "events_ru.jsonl", "events_uk.jsonl")
#: sentences written into each augmented page: furniture (top, middle, bottom) and furniture-like body
AUGMENT_FURNITURE = (1, 4)
AUGMENT_BODY = (1, 2)
#: how far below the rules' kept share the chosen threshold may keep the body in cross-validation
KEPT_SLACK = 0.005
#: a long remove string that covers this share of a unit labels it furniture
COVER = 0.8
#: pages numbered in this range are written by training/clean/generate_pages.py (structural body beside furniture);
#: the hand-written pages are numbered below and above it
GENERATED = range(101, 200)


def unit_label(raw_text: str, remove: list[str], keep: list[str]) -> int | None:
    """1 furniture, 0 body, None: the gold says nothing about this unit."""
    u = norm(raw_text)
    if not u:
        return None
    if any(k and (k in u or (len(u) >= 15 and u in k)) for k in keep):
        return 0
    for r in remove:
        if r == u or (len(r) >= 25 and r in u and len(r) >= COVER * len(u)):
            return 1
    return None


class Memo:
    """A fitted pipeline that remembers its answers: cross-validation cleans each held-out page once per pair of
    thresholds, and the probabilities do not depend on them."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.memo: dict[str, object] = {}

    def predict_proba(self, rows: Any) -> Any:
        import hashlib

        key = hashlib.sha256(repr(rows).encode()).hexdigest()
        if key not in self.memo:
            self.memo[key] = self.inner.predict_proba(rows)
        return self.memo[key]


def read_lines(path: Path) -> list[str]:
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]


def sentence_pool(seed: int = 15) -> tuple[list[str], list[int], list[str]]:
    """(texts, labels 1 furniture / 0 body, kind): the team's sentences; kind "hand", "generated" or "events"."""
    import json
    import random

    texts, labels, kinds = [], [], []
    for s in read_lines(SENTENCES / "furniture.txt"):
        texts.append(s), labels.append(1), kinds.append("hand")
    for s in read_lines(SENTENCES / "body.txt"):
        texts.append(s), labels.append(0), kinds.append("hand")
    for row in read_lines(SENTENCES / "generated.tsv"):
        lab, s = row.split("\t", 1)
        texts.append(s), labels.append(int(lab == "furniture")), kinds.append("generated")
    events = sorted({json.loads(x)["text"] for p in sorted((ROOT / "training" / "events").glob("*.jsonl"))
                     for x in p.read_text(encoding="utf-8").splitlines() if x.strip()})
    random.Random(seed).shuffle(events)
    for s in events[:EVENT_SENTENCES]:
        texts.append(s), labels.append(0), kinds.append("events")
    for name in LANGUAGE_FILES:
        foreign = sorted({json.loads(x)["text"] for x in (ROOT / "training" / "languages" / "events" / name).read_text(
            encoding="utf-8").splitlines() if x.strip()})
        random.Random(seed).shuffle(foreign)
        for s in foreign[:LANGUAGE_SENTENCES]:
            texts.append(s), labels.append(0), kinds.append("events")
    return texts, labels, kinds


def augment(doc: Document, g: dict, furniture: list[str], body: list[str], rnd: Any) -> tuple[Document, dict]:
    """The page with furniture sentences written in at its top, middle and bottom and body-like sentences among
    its paragraphs; its gold with them added (the page's own lines keep their labels)."""
    lines = doc.raw.split("\n")
    keep = [norm(k) for k in g.get("keep") or []]
    body_at = [i for i, ln in enumerate(lines) if any(k and k in norm(ln) for k in keep)]
    if len(body_at) < 2:
        return doc, g
    first, last = body_at[0], body_at[-1]

    def paragraph(i: int) -> bool:
        # a paragraph of prose, not a table row or a list item: a sentence is written in between two of them only
        return len(lines[i].split()) >= 8 and "|" not in lines[i] and "\t" not in lines[i] and "  " not in lines[i]

    between = [i for i in body_at[1:] if paragraph(i) and paragraph(i - 1)] or [last + 1]
    inserts: list[tuple[int, str]] = []
    added_remove, added_keep = [], []
    for s in furniture:
        where = rnd.choice(("top", "middle", "bottom", "bottom"))
        at = {"top": rnd.randint(max(first - 2, 0), first), "middle": rnd.choice(between),
              "bottom": rnd.randint(last + 1, len(lines))}[where]
        inserts.append((at, s))
        added_remove.append(s)
    for s in body:
        inserts.append((rnd.choice(between), s))
        added_keep.append(s)
    for at, s in sorted(inserts, key=lambda x: -x[0]):
        lines.insert(at, s)
    g2 = dict(g)
    g2["remove"] = [*(g.get("remove") or []), *added_remove]
    g2["keep"] = [*(g.get("keep") or []), *added_keep]
    return Document(id=doc.id + "a", source=doc.source.replace(".txt", "a.txt"), raw="\n".join(lines)), g2


def labelled_lines(docs: dict[str, Document], gold: dict, settings: Settings, stats: LineStats) -> dict[str, tuple]:
    """key -> (judged lines, labels: 1 furniture, 0 body, None unknown)."""
    out = {}
    for k, doc in docs.items():
        g = gold[k]
        remove = [norm(s) for s in g.get("remove") or []]
        keep = [norm(s) for s in g.get("keep") or []]
        lines = judged_lines(doc, settings, stats)
        out[k] = (lines, [unit_label(ln.raw, remove, keep) for ln in lines])
    return out


def dataset(judged: dict[str, tuple], sent_p: dict[str, list[float]]) -> tuple[list, list, list]:
    lex = load_lexicon()
    rows, y, groups = [], [], []
    for k, (lines, labels) in judged.items():
        for f, lab in zip(features(lines, lex, sent_p[k]), labels):
            if lab is not None:
                rows.append(f)
                y.append(lab)
                groups.append(k.rstrip("a"))
    return rows, y, groups


def make_pipeline() -> Any:
    """The line classifier: gradient-boosted trees over the line features (``line_model.features``)."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.pipeline import make_pipeline as mk

    return mk(DictVectorizer(sparse=False),
              HistGradientBoostingClassifier(max_iter=200, learning_rate=0.08, max_leaf_nodes=15,
                                             min_samples_leaf=10, l2_regularization=1.0, random_state=15))


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(TRAINING))
    ap.add_argument("--out", default=str(default_model_path()))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--sweep", action="store_true",
                    help="cross-validate every pair of prose thresholds too (slow; only the chosen pair is kept)")
    a = ap.parse_args(argv)
    root = Path(a.data)
    gold = yaml.safe_load((root / "gold.yaml").read_text(encoding="utf-8"))["documents"]
    import random

    rules = Settings(clean_lines="rules")
    docs = {key_of(d.source): d for d in read_paths([root / "articles"], rules) if isinstance(d, Document)}
    docs = {k: d for k, d in docs.items() if k in gold}
    stats = LineStats.from_documents(docs.values())
    keys = sorted(docs)
    fold_of = {k: i % a.folds for i, k in enumerate(keys)}

    # the sentence pool, each sentence in one fold; a page's augmented copy takes its sentences from its fold
    texts, labels, kinds = sentence_pool()
    order = list(range(len(texts)))
    random.Random(15).shuffle(order)
    pool_fold = {i: n % a.folds for n, i in enumerate(order)}
    rnd = random.Random(151)
    free = {n: {lab: [i for i in order if pool_fold[i] == n and labels[i] == lab and kinds[i] != "events"]
                for lab in (0, 1)} for n in range(a.folds)}
    all_docs, all_gold = dict(docs), dict(gold)
    for k in keys:
        n = fold_of[k]
        nf, nb = rnd.randint(*AUGMENT_FURNITURE), rnd.randint(*AUGMENT_BODY)
        fur = [texts[free[n][1].pop()] for _ in range(min(nf, len(free[n][1])))]
        bod = [texts[free[n][0].pop()] for _ in range(min(nb, len(free[n][0])))]
        aug, g2 = augment(docs[k], gold[k], fur, bod, rnd)
        if aug is not docs[k]:
            all_docs[k + "a"], all_gold[k + "a"] = aug, g2
            fold_of[k + "a"] = n
    judged = labelled_lines(all_docs, all_gold, rules, stats)
    # a page's labelled lines join the pool in the page's fold (only the original pages': no sentence twice)
    page_texts, page_labels, page_folds = [], [], []
    for k in keys:
        for ln, lab in zip(*judged[k]):
            if lab is not None and len(ln.text.split()) >= 3:
                page_texts.append(ln.text), page_labels.append(lab), page_folds.append(fold_of[k])
    s_texts = texts + page_texts
    s_labels = labels + page_labels
    s_folds = [pool_fold[i] for i in range(len(texts))] + page_folds
    print(f"{len(keys)} pages (+{len(all_docs) - len(keys)} augmented); sentence pool {len(s_texts)} "
          f"({sum(s_labels)} furniture; {kinds.count('hand')} hand-written, {kinds.count('generated')} generated, "
          f"{kinds.count('events')} from training/events, {len(page_texts)} page lines)")
    sentence_models = []
    sent_p: dict[str, list[float]] = {}
    for n in range(a.folds):
        sm = make_sentence_pipeline().fit([t for t, f in zip(s_texts, s_folds) if f != n],
                                          [v for v, f in zip(s_labels, s_folds) if f != n])
        sentence_models.append(sm)
        for k in all_docs:
            if fold_of[k] == n:
                sent_p[k] = sentence_probabilities(sm, [ln.text for ln in judged[k][0]])
    held_p = [(p, lab) for k in all_docs for p, lab in zip(sent_p[k], judged[k][1]) if lab is not None]
    for t in SENTENCE_THRESHOLDS:
        fur = sum(1 for p, lab in held_p if lab == 1 and p >= t) / max(sum(1 for _, lab in held_p if lab == 1), 1)
        bod = sum(1 for p, lab in held_p if lab == 0 and p >= t) / max(sum(1 for _, lab in held_p if lab == 0), 1)
        print(f"sentence model alone, out of fold on the pages' lines, p>={t}: furniture {fur:.3f}, body {bod:.3f}")
    rows, y, groups = dataset(judged, sent_p)
    print(f"{len(y)} labelled lines ({sum(y)} furniture, {len(y) - sum(y)} body)")

    pairs = [(tp, ts) for tp in PROSE_THRESHOLDS for ts in SENTENCE_THRESHOLDS] if a.sweep \
        else [(PROSE_THRESHOLD, SENTENCE_THRESHOLD)]
    grid = [(t, tp, ts) for t in THRESHOLDS for tp, ts in pairs]
    cleaned: dict[tuple[float, float, float], dict[str, Document]] = {c: {} for c in grid}
    # the fold's models stay in memory (and remember their answers): the cleaning asks for them by name
    in_memory: dict[str, LineModel] = {}
    document_module.load_line_model = lambda path="": in_memory[path]
    for n in range(a.folds):
        held = {k for k in keys if fold_of[k] == n}
        pipe = Memo(make_pipeline().fit([x for x, g in zip(rows, groups) if g not in held],
                                        [v for v, g in zip(y, groups) if g not in held]))
        sentences = Memo(sentence_models[n])
        for t, tp, ts in grid:
            name = f"fold{n}_{t}_{tp}_{ts}"
            in_memory[name] = LineModel(pipe, threshold=t, sentences=sentences, sentence_threshold=ts,
                                        prose_threshold=tp)
            trained = Settings(clean_lines="trained", clean_line_model=name)
            for k, doc in all_docs.items():
                if fold_of[k] == n:
                    cleaned[(t, tp, ts)][k] = clean_document(doc, trained, stats)
    document_module.load_line_model = load_line_model
    base = {k: clean_document(d, rules, stats) for k, d in all_docs.items()}

    def split(res_of: dict[str, Document]) -> tuple[dict, dict]:
        plain = {k: d for k, d in res_of.items() if not k.endswith("a")}
        aug = {k: d for k, d in res_of.items() if k.endswith("a")}
        return (score(plain, {"documents": {k: all_gold[k] for k in plain}})[0],
                score(aug, {"documents": {k: all_gold[k] for k in aug}})[0])

    def by_origin(res_of: dict[str, Document]) -> tuple[dict, dict]:
        # the hand-written pages and the generated ones (generate_pages.py), as written
        hand = {k: d for k, d in res_of.items() if not k.endswith("a") and int(k) not in GENERATED}
        gen = {k: d for k, d in res_of.items() if not k.endswith("a") and int(k) in GENERATED}
        return (score(hand, {"documents": {k: all_gold[k] for k in hand}})[0],
                score(gen, {"documents": {k: all_gold[k] for k in gen}})[0])

    def row(name: str, res: dict) -> tuple[float, float]:
        kept, removed = res["all"]["clean.kept"], res["all"]["clean.removed"]
        cells = "  ".join(f"{g}={res[g]['clean.removed'][0] / res[g]['clean.removed'][1]:.3f}"
                          for g in sorted(res) if g != "all")
        print(f"{name:<24} kept {kept[0] / kept[1]:.3f} ({kept[0]}/{kept[1]})  removed {removed[0] / removed[1]:.3f} "
              f"({removed[0]}/{removed[1]})   removed by format: {cells}")
        return kept[0] / kept[1], removed[0] / removed[1]

    print(f"{a.folds}-fold cross-validation by page (eval_clean figures on the held-out pages; 'aug': the same pages "
          "with held-out sentences written in):")
    plain, aug = split(base)
    rules_kept, _ = row("rules", plain)
    rules_kept_aug, _ = row("rules aug", aug)
    hand, gen = by_origin(base)
    row("rules hand-written", hand)
    row("rules generated", gen)
    best_c, best = (THRESHOLDS[0], PROSE_THRESHOLD, SENTENCE_THRESHOLD), -1.0
    for c in grid:
        plain, aug = split(cleaned[c])
        kept, removed = row(f"p>={c[0]} prose {c[1]} s>={c[2]}", plain)
        kept_aug, removed_aug = row("  aug", aug)
        hand, gen = by_origin(cleaned[c])
        row("  hand-written", hand)
        row("  generated", gen)
        if (c[1], c[2]) == (PROSE_THRESHOLD, SENTENCE_THRESHOLD) and kept >= rules_kept - KEPT_SLACK \
                and kept_aug >= rules_kept_aug - KEPT_SLACK and removed + removed_aug > best:
            best_c, best = c, removed + removed_aug
    best_t, best_tp, best_ts = best_c
    _, misses = score(cleaned[best_c], {"documents": all_gold})
    print(f"chosen p>={best_t}, prose p>={best_tp} s>={best_ts}; body lost in cross-validation:")
    print("\n".join("  " + m for m in misses if "clean.kept" in m))
    final_sentences = make_sentence_pipeline().fit(s_texts, s_labels)
    model = LineModel(make_pipeline().fit(rows, y), threshold=best_t, sentences=final_sentences,
                      sentence_threshold=best_ts, prose_threshold=best_tp,
                      info={"lines": len(y), "pages": len(docs), "threshold": best_t, "sentence_threshold": best_ts,
                            "prose_threshold": best_tp,
                            "sentences": len(s_texts), "cv_removed_plus_aug": best})
    out = Path(a.out)
    model.save(out)
    load_line_model.cache_clear()
    t0 = time.perf_counter()
    trained = Settings(clean_lines="trained", clean_line_model=str(out))
    for d in docs.values():
        clean_document(d, trained, stats)
    t1 = time.perf_counter()
    for d in docs.values():
        clean_document(d, rules, stats)
    t2 = time.perf_counter()
    print(f"threshold {best_t}, prose {best_tp} with sentence {best_ts}; wrote {out}; "
          f"cost {(t1 - t0) / len(docs) * 1000:.1f} ms/page trained vs "
          f"{(t2 - t1) / len(docs) * 1000:.1f} ms/page rules")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
