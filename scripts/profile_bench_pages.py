#!/usr/bin/env python
"""Where an uncached answer's CPU goes: each kind of page of ``bench_pages.py``'s mix under cProfile, in process.

The app is called through its ASGI interface directly (no test client, no HTTP: ``bench_pages.py`` measures those),
its renders in this thread (cProfile sees one thread), with the page cache off, on ``--repeat`` random URLs of
each kind after one warm-up answer each. Prints, per kind, the CPU per answer and the functions with the most
cumulative and own time.

``--queries``: instead of the profile, each kind's CPU per answer (no profiler) and every query it made, with its
count and CPU per answer (the store's reads, which cProfile cannot see into).

Usage: ``python scripts/profile_bench_pages.py --store PATH [--repeat 200] [--kinds story,outlet] [--top 15]
[--queries]``
(the store as ``bench_pages.py --store PATH`` writes it).
"""
from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import pstats
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_pages import sample_urls

from storyline.serve import app as serve_app
from storyline.serve import create_app


async def get(app: Any, url: str) -> int:
    """One GET through the app's ASGI interface; its status."""
    path, _, query = url.partition("?")
    from urllib.parse import unquote

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": unquote(path), "raw_path": path.encode(), "query_string": query.encode(), "root_path": "",
             "headers": [(b"host", b"127.0.0.1")], "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}
    status = [0]

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            status[0] = message["status"]

    await app(scope, receive, send)
    return status[0]


class CountedCursor:
    """A view's cursor that adds each query's CPU (execute and fetch) to ``spent[sql]``."""

    def __init__(self, con: Any, spent: dict[str, list[float]]) -> None:
        self.con, self.spent = con, spent

    def execute(self, sql: str, *args: Any) -> CountedCursor:
        self.sql, self.c0 = sql, time.process_time()
        self.con.execute(sql, *args)
        return self

    def _done(self, rows: Any) -> Any:
        row = self.spent.setdefault(self.sql, [0, 0.0])
        row[0] += 1
        row[1] += time.process_time() - self.c0
        return rows

    def fetchall(self) -> Any:
        return self._done(self.con.fetchall())

    def fetchone(self) -> Any:
        return self._done(self.con.fetchone())

    def __getattr__(self, name: str) -> Any:
        return getattr(self.con, name)


def queries(store: Path, urls: dict[str, list[str]], kinds: list[str]) -> None:
    """Per kind of page, the CPU per answer (no profiler) and each query's share of it: the store's reads."""
    from storyline.store.pages import cursor_view

    spent: dict[str, list[float]] = {}

    def counted(shared: Any) -> Any:
        view = cursor_view(shared)
        view.con = CountedCursor(view.con, spent)  # type: ignore[assignment]
        return view

    serve_app.cursor_view = counted  # type: ignore[assignment]
    app = create_app(store, cache_bytes=0)
    loop = asyncio.new_event_loop()
    for kind in kinds:
        paths = urls[kind]
        loop.run_until_complete(get(app, paths[0]))
        spent.clear()
        c0 = time.process_time()
        for p in paths:
            loop.run_until_complete(get(app, p))
        n = len(paths)
        print(f"== {kind}: {1000 * (time.process_time() - c0) / n:.2f} ms CPU per answer, "
              f"{sum(c for c, _ in spent.values()) / n:.1f} queries")
        for sql, (count, cpu) in sorted(spent.items(), key=lambda kv: -kv[1][1]):
            print(f"   {count / n:4.1f} x {1000 * cpu / n:6.3f} ms  {' '.join(sql.split())[:100]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--repeat", type=int, default=200)
    ap.add_argument("--seed", type=int, default=20)
    ap.add_argument("--kinds", default="", help="comma-separated kinds (default: every kind of the mix)")
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--queries", action="store_true", help="each page's queries and their CPU, no profiler")
    args = ap.parse_args()
    urls = sample_urls(args.store, random.Random(args.seed), args.repeat)
    wanted = [k for k in args.kinds.split(",") if k] or list(urls)

    async def inline(func: Any, *fargs: Any, **_: Any) -> Any:
        return func(*fargs)

    # the render runs on a worker thread, which cProfile does not see: here it runs in this thread
    serve_app.anyio.to_thread.run_sync = inline  # type: ignore[assignment]
    if args.queries:
        queries(args.store, urls, wanted)
        return
    app = create_app(args.store, cache_bytes=0)
    loop = asyncio.new_event_loop()
    for kind in wanted:
        paths = urls[kind] * max(1, args.repeat // len(urls[kind]))
        assert loop.run_until_complete(get(app, paths[0])) == 200, paths[0]  # warm: the connection, the templates
        prof = cProfile.Profile()
        c0 = time.process_time()
        prof.enable()
        for p in paths:
            status = loop.run_until_complete(get(app, p))
            assert status == 200, (p, status)
        prof.disable()
        cpu = 1000 * (time.process_time() - c0) / len(paths)
        print(f"\n=== {kind}: {len(paths)} answers, {cpu:.2f} ms CPU each (under the profiler)")
        for order in ("cumulative", "tottime"):
            out = io.StringIO()
            pstats.Stats(prof, stream=out).strip_dirs().sort_stats(order).print_stats(args.top)
            lines = out.getvalue().splitlines()
            start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls"))
            print(f"-- by {order}")
            print("\n".join(lines[start:start + args.top + 1]))


if __name__ == "__main__":
    main()
