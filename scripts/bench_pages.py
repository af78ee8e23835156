#!/usr/bin/env python
"""Latency of the reader's pages on a large synthetic store, one client and then many (loopback only).

Writes a store of ``--docs`` articles straight from model objects (no pipeline: the pages only read):
stories of 2-8 articles over ``--outlets`` outlets, actors drawn with Zipf-like popularity, two events,
a quote and a few sentences per article, monthly dyads. Then:

1. one client: every kind of page (front page, story, article, raw text, actor, outlet, lists, their
   JSON twins and a REST list) ``--repeat`` times on random ids, in process; median and p95 per kind;
2. ``--clients`` concurrent clients for ``--seconds`` against a uvicorn server on 127.0.0.1, each
   request a random page of the mix: answers, errors, p50/p95/max latency, the share the server's page
   cache answered (its ``X-Cache`` header), server RSS during the run.

The load's URLs (``--mix``):

- ``zipf`` (the default): every kind of page over *all* its ids (every story, article, actor and outlet,
  the lists' pages), each drawn with Zipf-like popularity (the id of rank r with weight 1/r): a few pages
  are asked often and stay cached, the long tail is rendered on demand, as readers would ask;
- ``fixed``: the one-client phase's ``--repeat`` URLs per kind, which the page cache soon holds all of
  (the best case: nearly every answer a cache hit).

``--cache-mb 0`` turns the page cache off: every answer is rendered (the worst case).

Usage: ``python scripts/bench_pages.py [--docs 10000] [--clients 50] [--seconds 30] [--store PATH]
[--mix zipf|fixed] [--cache-mb 64] [--processes 1] [--http auto|h11|httptools]
[--loop auto|asyncio|uvloop]``. A store at ``--store`` is reused when it exists
(its size is then what it holds).
"""
from __future__ import annotations

import argparse
import bisect
import contextlib
import http.client
import itertools
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storyline.model import (
    PLOVER_TYPES,
    Block,
    Corpus,
    DocAnalysis,
    Document,
    Entity,
    Event,
    NearDuplicate,
    OutletProfile,
    Quote,
    Relation,
    Sentence,
    Side,
    Span,
    Story,
    StoryEvent,
)
from storyline.store import Store

WORDS = ("harbour council budget strike ministry talks river flood bridge rail union court election vote "
         "inquiry port tariff grain pipeline hospital school police protest treaty summit").split()


def synthetic(n_docs: int, n_outlets: int, seed: int) -> tuple[Corpus, list[DocAnalysis]]:
    """A corpus of ``n_docs`` articles with every record kind the pages read."""
    rng = random.Random(seed)
    outlets = [f"Outlet {i:03d}" for i in range(n_outlets)]
    n_actors = max(20, n_docs // 5)
    actors = [Entity(id=f"e{i}", name=f"Actor {i} {rng.choice(WORDS).title()}",
                     type=rng.choice(("PERSON", "ORG", "GPE")), aliases=[f"Actor {i}"]) for i in range(n_actors)]
    weights = [1 / (i + 1) for i in range(n_actors)]
    docs, analyses, events, quotes, stories, story_events = [], [], [], [], [], []
    d = 0
    s = 0
    while d < n_docs:
        size = min(rng.choice((1, 1, 2, 3, 4, 5, 8)), n_docs - d)
        cast = rng.choices(actors, weights, k=3)
        month = f"2025-{rng.randint(1, 12):02d}"
        members = []
        for k in range(size):
            doc_id = f"d{d:06d}"
            a, b, c = cast
            sents = [f"{a.name} met {b.name} about the {rng.choice(WORDS)} on {month}-{rng.randint(10, 28)}.",
                     f"{c.name} said the {rng.choice(WORDS)} would {rng.choice(WORDS)} the {rng.choice(WORDS)}.",
                     " ".join(rng.choices(WORDS, k=30)).capitalize() + "."]
            raw = " ".join(sents)
            doc = Document(id=doc_id, source=f"{doc_id}.txt", raw=raw, text=raw, blocks=[Block(0, len(raw))],
                           title=f"{rng.choice(WORDS).title()} {rng.choice(WORDS)} {s}", outlet=rng.choice(outlets),
                           published=f"{month}-{rng.randint(10, 28)}", published_precision="day", language="en",
                           genre=rng.choice(("reporting", "reporting", "opinion", "analysis")))
            spans, pos = [], 0
            for t in sents:
                spans.append(Sentence(doc_id, pos, pos + len(t), t))
                pos += len(t) + 1
            for ent, text in ((a, a.name), (b, b.name), (c, c.name)):
                at = raw.find(text)
                if at >= 0:
                    ent.mentions.append(Span(doc_id, at, at + len(text), text))
            ev_type = rng.choice(PLOVER_TYPES)
            events.append(Event(id=f"{doc_id}/v1", type=ev_type, source=a.id, target=b.id,
                                date=None if rng.random() < 0.6 else month, date_source="sentence",
                                summary=sents[0], evidence=[Span(doc_id, 0, len(sents[0]), sents[0])], doc=doc_id,
                                story_event=f"se{s}" if size > 1 else None))
            events.append(Event(id=f"{doc_id}/v2", type=rng.choice(PLOVER_TYPES), source=c.id, target=a.id,
                                summary=sents[1], doc=doc_id, evidence=[Span(doc_id, spans[1].start, spans[1].end,
                                                                             sents[1])]))
            q_at = raw.find("the ", spans[1].start)
            quotes.append(Quote(id=f"{doc_id}/q1", doc=doc_id, speaker=c.id if rng.random() < 0.7 else None,
                                text=raw[q_at:spans[1].end], start=q_at, end=spans[1].end, direct=False))
            if k and rng.random() < 0.2:
                doc.near_duplicates = [NearDuplicate(members[0], 0.9)]
            docs.append(doc)
            analyses.append(DocAnalysis(document=doc, sentences=spans))
            members.append(doc_id)
            d += 1
        stories.append(Story(id=f"s{s}", title=f"Story {s}: {cast[0].name} and {cast[1].name}", date=month,
                             docs=members))
        if size > 1:
            story_events.append(StoryEvent(id=f"se{s}", type=events[-2].type, date=month, source=cast[0].id,
                                           target=cast[1].id, summary=f"{cast[0].name} and {cast[1].name}",
                                           events=[f"{m}/v1" for m in members], docs=members, n_outlets=size))
        s += 1
    by_outlet: dict[str, list[str]] = {}
    for doc in docs:
        by_outlet.setdefault(doc.outlet or "", []).append(doc.id)
    profiles = [OutletProfile(name=o, docs=ids, genre_mix={"reporting": len(ids)}) for o, ids in by_outlet.items()]
    relations = {}
    for ev in events:
        if ev.source and ev.target:
            key = (min(ev.source, ev.target), max(ev.source, ev.target), (ev.date or "2025-06")[:7])
            relations[key] = relations.get(key, 0) + 1
    rels = [Relation(a, b, p, n, 0.5, 0.5) for (a, b, p), n in relations.items()]
    disagreements = []
    for st in stories[: len(stories) // 10]:
        if len(st.docs) >= 2:
            x, y = st.docs[:2]
            ex = next(e for e in events if e.id == f"{x}/v1")
            ey = next(e for e in events if e.id == f"{y}/v1")
            disagreements.append(type_dis(st.id, ex, ey))
    corpus = Corpus(documents=docs, entities=actors, events=events, quotes=quotes, stories=stories,
                    story_events=story_events, relations=rels, outlets=profiles, disagreements=disagreements)
    return corpus, analyses


def type_dis(story_id: str, ex: Event, ey: Event):  # type: ignore[no-untyped-def]
    from storyline.model import Disagreement

    return Disagreement(id=f"dis-{story_id}", topic="what happened", sides=[Side(ex.doc, "yes", ex.evidence[0]),
                                                                          Side(ey.doc, "no", ey.evidence[0])])


def build(path: Path, n_docs: int, n_outlets: int, seed: int) -> None:
    corpus, analyses = synthetic(n_docs, n_outlets, seed)
    with Store(path) as store:
        store.add_analyses(analyses)
        store.replace_corpus(corpus)


def sample_urls(path: Path, rng: random.Random, n: int) -> dict[str, list[str]]:
    with Store(path, read_only=True) as store:
        def ids(sql: str) -> list[str]:
            return [r[0] for r in store.con.execute(sql).fetchall()]
        stories = ids("SELECT id FROM stories WHERE json_array_length(docs) > 1")
        docs, actors, outlets = ids("SELECT id FROM documents"), ids("SELECT id FROM entities"), ids(
            "SELECT name FROM outlets")
    pick = lambda xs: [quote(x, safe="") for x in rng.sample(xs, min(n, len(xs)))]  # noqa: E731
    return {"front page": [f"/?offset={rng.randint(0, 500)}" for _ in range(n)],
            "story": [f"/stories/{x}" for x in pick(stories)],
            "story.json": [f"/stories/{x}.json" for x in pick(stories)],
            "article": [f"/articles/{x}" for x in pick(docs)], "raw": [f"/articles/{x}/raw" for x in pick(docs)],
            "actor": [f"/actors/{x}" for x in pick(actors[:200])], "outlet": [f"/outlets/{x}" for x in pick(outlets)],
            "actor list": [f"/actors?offset={rng.randint(0, 200)}" for _ in range(n)],
            "api events": [f"/api/events?actor=e{rng.randint(0, 50)}&limit=50" for _ in range(n)],
            "report": ["/report"]}


class Mix:
    """Where the load's URLs come from: a fixed list, or every id of each kind drawn by Zipf-like popularity."""

    def __init__(self, fixed: dict[str, list[str]], kinds: dict[str, tuple[str, list[str]]] | None = None) -> None:
        self.fixed = [(kind, p) for kind, ps in fixed.items() for p in ps]
        self.kinds = []
        for kind, (template, keys) in (kinds or {}).items():
            # the id of rank r has weight 1/r (ids in a random order: popularity is not the id's order)
            weights = itertools.accumulate(1 / r for r in range(1, len(keys) + 1))
            self.kinds.append((kind, template, keys, list(weights)))

    @property
    def distinct(self) -> int:
        return sum(len(keys) for _, _, keys, _ in self.kinds) if self.kinds else len({p for _, p in self.fixed})

    def url(self, rng: random.Random) -> str:
        return self.draw(rng)[1]

    def draw(self, rng: random.Random) -> tuple[str, str]:
        """(the page's kind, its URL)."""
        if not self.kinds:
            return rng.choice(self.fixed)
        kind, template, keys, cum = rng.choice(self.kinds)
        return kind, template.format(keys[bisect.bisect(cum, rng.random() * cum[-1])])


def zipf_kinds(path: Path, rng: random.Random) -> dict[str, tuple[str, list[str]]]:
    """Every URL of each kind of page in the mix, as (template, keys in a random popularity order)."""
    with Store(path, read_only=True) as store:
        def ids(sql: str) -> list[str]:
            found = [quote(str(r[0]), safe="") for r in store.con.execute(sql).fetchall()]
            rng.shuffle(found)
            return found
        stories = ids("SELECT id FROM stories WHERE json_array_length(docs) > 1")
        docs, actors, outlets = ids("SELECT id FROM documents"), ids("SELECT id FROM entities"), ids(
            "SELECT name FROM outlets")
        n_stories, n_actors = store.count("stories"), store.count("entities")
    pages = lambda n: [str(o) for o in range(0, n, 50)]  # noqa: E731 -- a list's pages, as its pager links them
    return {"front page": ("/?offset={}", sorted(pages(n_stories), key=int)), "story": ("/stories/{}", stories),
            "story.json": ("/stories/{}.json", stories), "article": ("/articles/{}", docs),
            "raw": ("/articles/{}/raw", docs), "actor": ("/actors/{}", actors), "outlet": ("/outlets/{}", outlets),
            "actor list": ("/actors?offset={}", sorted(pages(n_actors), key=int)),
            "api events": ("/api/events?actor={}&limit=50", actors), "report": ("/report{}", [""])}


def one_client(path: Path, urls: dict[str, list[str]]) -> None:
    from fastapi.testclient import TestClient

    from storyline.serve import create_app

    client = TestClient(create_app(path, cache_bytes=0))  # every page rendered: its cost, not the cache's
    # CPU time too: the app runs in this process, so it is the page's cost whatever else the machine runs
    print(f"{'page':14s} {'n':>4s} {'median ms':>10s} {'p95 ms':>8s} {'CPU ms':>7s}")
    for kind, paths in urls.items():
        times, cpu = [], []
        for p in paths:
            t0, c0 = time.perf_counter(), time.process_time()
            r = client.get(p)
            times.append(1000 * (time.perf_counter() - t0))
            cpu.append(1000 * (time.process_time() - c0))
            assert r.status_code == 200, (p, r.status_code, r.text[:200])
        times.sort()
        print(f"{kind:14s} {len(times):4d} {statistics.median(times):10.1f} {times[int(0.95 * (len(times) - 1))]:8.1f} "
              f"{statistics.median(cpu):7.1f}")


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _tree_cpu_s(pid: int) -> float:
    """CPU seconds (user + system) a process and its children have used: the server's cost, whatever else runs."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        kids = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0.0
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks + sum(_tree_cpu_s(int(k)) for k in kids)


def _tree_rss_mb(pid: int) -> float:
    """RSS of a process and its children (uvicorn's worker processes), in MB."""
    try:
        kids = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        kids = []
    return _rss_mb(pid) + sum(_tree_rss_mb(int(k)) for k in kids)


def used_http(parser: str) -> str:
    """The HTTP parser uvicorn runs for ``--http`` (``auto``: httptools when it imports)."""
    if parser != "auto":
        return parser
    try:
        import httptools  # noqa: F401
    except ImportError:
        return "h11"
    return "httptools"


def used_loop(loop: str) -> str:
    """The event loop uvicorn runs for ``--loop`` (``auto``: uvloop when it imports)."""
    if loop != "auto":
        return loop
    try:
        import uvloop  # noqa: F401
    except ImportError:
        return "asyncio"
    return "uvloop"


def many_clients(path: Path, mix: Mix, clients: int, seconds: float, cache_mb: float,
                 processes: int = 1, mix_name: str = "fixed", parser: str = "auto", loop: str = "auto") -> None:
    """The server in its own process (as `storyline serve` runs it), the clients in this one.

    ``parser`` and ``loop`` are uvicorn's choices (``auto``: httptools and uvloop when installed, as
    ``storyline serve`` runs); ``h11``/``asyncio`` measure the pure-Python ones.
    """
    import socket
    import subprocess

    import httpx

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    code = ("import uvicorn; from storyline.serve import create_app; "
            f"uvicorn.run(create_app({str(path)!r}, cache_bytes={int(cache_mb * 2**20)}), host='127.0.0.1', "
            f"port={port}, log_level='warning', http={parser!r}, loop={loop!r})")
    env = {"PYTHONPATH": str(Path(__file__).resolve().parents[1]), "PATH": "/usr/bin:/bin"}
    if processes > 1:  # as `storyline serve --processes N` runs them: uvicorn's workers, each opening the store
        code = ("import uvicorn; uvicorn.run('storyline.serve.app:app_from_env', factory=True, "
                f"workers={processes}, host='127.0.0.1', port={port}, log_level='warning', "
                f"http={parser!r}, loop={loop!r})")
        env.update({"STORYLINE_SERVE_DB": str(path), "STORYLINE_SERVE_CACHE_BYTES": str(int(cache_mb * 2**20))})
    server = subprocess.Popen([sys.executable, "-c", code], env=env)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as first:
            for _ in range(200):
                try:
                    first.get("/")
                    break
                except httpx.HTTPError:
                    time.sleep(0.1)
            warm = random.Random(0)
            for _ in range(20):  # warm up: a few pages (not every URL: the cache starts cold)
                with contextlib.suppress(httpx.HTTPError):  # a page slower than the time-out shows in the run
                    first.get(mix.url(warm))
        rss = [_tree_rss_mb(server.pid)]
        cpu0 = _tree_cpu_s(server.pid)
        mine0 = time.process_time()  # the clients' own CPU: they share the cores with the server
        lat: list[float] = []
        by_kind: dict[str, list[float]] = {}
        errors: list[str] = []
        hits = [0]
        lock = threading.Lock()
        stop = time.monotonic() + seconds

        def worker(k: int) -> None:
            # http.client, not httpx: fifty clients in one Python process must not be what is measured
            rng = random.Random(k)
            con = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            while time.monotonic() < stop:
                kind, p = mix.draw(rng)
                t0 = time.perf_counter()
                try:
                    con.request("GET", p)
                    answer = con.getresponse()
                    answer.read()
                    ok, why = answer.status == 200, f"status {answer.status}"
                    hit = answer.getheader("X-Cache") == "hit"
                except (OSError, http.client.HTTPException) as exc:
                    ok, why, hit = False, type(exc).__name__, False
                    con.close()
                    con = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                ms = 1000 * (time.perf_counter() - t0)
                with lock:
                    lat.append(ms)
                    by_kind.setdefault(kind, []).append(ms)
                    hits[0] += hit
                    if not ok:
                        errors.append(f"{p}: {why}")
            con.close()

        threads = [threading.Thread(target=worker, args=(k,)) for k in range(clients)]
        for t in threads:
            t.start()
        while any(t.is_alive() for t in threads):
            time.sleep(seconds / 4)
            rss.append(_tree_rss_mb(server.pid))
        for t in threads:
            t.join()
        cpu = _tree_cpu_s(server.pid) - cpu0
        mine = time.process_time() - mine0
    finally:
        server.terminate()
        server.wait()
    lat.sort()
    print(f"\n{clients} clients for {seconds:.0f} s, {processes} server process(es) ({used_http(parser)} HTTP, "
          f"{used_loop(loop)} loop), page cache {cache_mb:g} MB, "
          f"mix {mix_name} over {mix.distinct} distinct URLs: "
          f"{len(lat)} answers ({len(lat) / seconds:.0f}/s, {100 * hits[0] / max(len(lat), 1):.0f}% from the cache), "
          f"{len(errors)} errors, p50 {lat[len(lat) // 2]:.0f} ms, p95 {lat[int(0.95 * (len(lat) - 1))]:.0f} ms, "
          f"max {lat[-1]:.0f} ms; server CPU {1000 * cpu / max(len(lat), 1):.1f} ms per answer "
          f"(clients {1000 * mine / max(len(lat), 1):.1f}); "
          "server RSS " + " → ".join(f"{r:.0f}" for r in rss) + " MB")
    # per kind: a closed loop's latency is mostly waiting for the server, so it says which pages wait longest
    print(f"  {'page':14s} {'n':>5s} {'p50 ms':>7s} {'p95 ms':>7s} {'max ms':>7s}")
    for kind, ms_of in by_kind.items():
        ms_of.sort()
        print(f"  {kind:14s} {len(ms_of):5d} {ms_of[len(ms_of) // 2]:7.0f} {ms_of[int(0.95 * (len(ms_of) - 1))]:7.0f} "
              f"{ms_of[-1]:7.0f}")
    for e in errors[:5]:
        print("  error:", e)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--outlets", type=int, default=60)
    ap.add_argument("--seed", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--store", type=Path, default=None)
    ap.add_argument("--cache-mb", type=float, default=64, help="the server's page cache (0: none)")
    ap.add_argument("--processes", type=int, default=1, help="server processes (storyline serve --processes)")
    ap.add_argument("--mix", choices=("zipf", "fixed"), default="zipf",
                    help="the load's URLs: every page by Zipf popularity, or the one-client phase's few")
    ap.add_argument("--http", choices=("auto", "h11", "httptools"), default="auto",
                    help="the server's HTTP parser (auto: httptools when installed, as storyline serve runs)")
    ap.add_argument("--loop", choices=("auto", "asyncio", "uvloop"), default="auto",
                    help="the server's event loop (auto: uvloop when installed)")
    ap.add_argument("--no-single", action="store_true", help="skip the one-client phase")
    args = ap.parse_args()
    if args.store is not None:
        run(args, args.store)
        return
    # A store built for this run only goes with it, whatever ends the run: a 10k-article store is hundreds of MB,
    # and the runs that left theirs in /tmp filled the disk.
    with tempfile.TemporaryDirectory(prefix="bench-pages-") as tmp:
        run(args, Path(tmp) / "storyline.duckdb")


def run(args: argparse.Namespace, path: Path) -> None:
    """Build the store at ``path`` unless it exists, then measure its pages as ``args`` ask."""
    if not path.exists():
        t0 = time.perf_counter()
        build(path, args.docs, args.outlets, args.seed)
        print(f"wrote {args.docs} articles to {path} in {time.perf_counter() - t0:.1f} s")
    urls = sample_urls(path, random.Random(args.seed), args.repeat)
    if not args.no_single:
        one_client(path, urls)
    if args.clients:
        mix = Mix(urls, zipf_kinds(path, random.Random(args.seed)) if args.mix == "zipf" else None)
        many_clients(path, mix, args.clients, args.seconds, args.cache_mb, args.processes, args.mix, args.http,
                     args.loop)


if __name__ == "__main__":
    main()
