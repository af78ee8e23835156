#!/usr/bin/env python
"""CPU seconds of each stage of a whole ``storyline analyze`` run (``storyline.engine.local.run``, as the CLI runs it).

Every per-document component and fuse step is timed by wrapping the parts the pipelines name; ingest, the line
statistics, the store's writes, the export and the report by wrapping their functions. CPU time, not wall time:
on a shared machine it is the figure that compares between runs. One process (``workers`` = 1), so the fixed costs
of loading models and tables count once, as in a bench round.

Usage: ``python scripts/profile_analyze.py FOLDER OUT_DIR [--cprofile FILE]``. A corpus of team-written articles
for it: the ``articles/*.txt`` of ``training/stories_dev4``-``6`` and ``training/events_corpus_dev1``-``3``
copied into one folder (360 articles; docs/measurements/speed.md has its figures).
"""
from __future__ import annotations

import argparse
import cProfile
import dataclasses
import functools
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a plain script from a checkout
    sys.path.insert(0, str(REPO))

CPU: dict[str, float] = defaultdict(float)


def timed(fn: Callable[..., Any] | None, name: str) -> Any:
    """``fn`` with its CPU time added to ``CPU[name]``."""
    if fn is None:
        return None

    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            CPU[name] += time.process_time() - start
    return run


def instrument() -> None:
    """Wrap the pipelines' parts and the run's other steps (imported where ``run`` looks them up)."""
    import storyline.engine.local as local
    import storyline.engine.stages as stages
    import storyline.export.json as export_json
    import storyline.fuse as fuse
    import storyline.ingest as ingest
    import storyline.report.render as render
    import storyline.store.incremental as incremental
    from storyline.clean import LineStats
    from storyline.store import Store

    for module, prefix in ((stages, "doc "), (fuse, "fuse ")):
        checked = module.checked_pipeline

        def parts(*args: Any, _checked: Any = checked, _prefix: str = prefix, **kwargs: Any) -> list[Any]:
            return [dataclasses.replace(p, run=timed(p.run, _prefix + p.name),
                                        run_batch=timed(p.run_batch, _prefix + p.name))
                    for p in _checked(*args, **kwargs)]
        module.checked_pipeline = parts  # type: ignore[attr-defined]

    read_paths = ingest.read_paths

    def reading(*args: Any, **kwargs: Any) -> Iterator[Any]:
        items = read_paths(*args, **kwargs)
        while True:
            start = time.process_time()
            try:
                item = next(items)
            except StopIteration:
                return
            finally:
                CPU["ingest"] += time.process_time() - start
            yield item
    ingest.read_paths = reading  # type: ignore[assignment]
    LineStats.from_documents = classmethod(timed(LineStats.from_documents.__func__, "line statistics"))  # type: ignore[method-assign,assignment,attr-defined]
    for method in ("__init__", "add_analyses", "analyses", "replace_corpus", "corpus", "close"):
        setattr(Store, method, timed(getattr(Store, method), f"store.{method}"))
    incremental.write_index = timed(incremental.write_index, "store.write_index")
    export_json.write_json_store = timed(export_json.write_json_store, "export.json")
    render.write_report = timed(render.write_report, "report.html")
    render.write_summary = timed(render.write_summary, "report.html")
    local.prepare_embedder = timed(local.prepare_embedder, "prepare_embedder")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("folder")
    parser.add_argument("out")
    parser.add_argument("--cprofile", help="also write a cProfile (CPU time) of the run to this file")
    args = parser.parse_args()
    instrument()
    from storyline.config import Settings
    from storyline.engine.local import run

    profile = cProfile.Profile(time.process_time) if args.cprofile else None
    if profile:
        profile.enable()
    start = time.process_time()
    summary, _ = run([args.folder], args.out, Settings(), reanalyze=True, keep_corpus=False)
    total = time.process_time() - start
    if profile:
        profile.disable()
        profile.dump_stats(args.cprofile)
    print(f"{summary.read} documents, {total:.2f} CPU-s")
    for name, cpu in sorted(CPU.items(), key=lambda kv: -kv[1]):
        print(f"  {name:45s} {cpu:7.2f}")


if __name__ == "__main__":
    main()
