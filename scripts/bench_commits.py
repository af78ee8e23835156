#!/usr/bin/env python
"""End to end of two checkouts in one run: is a change slower? (``make bench-commits BASE=<rev>``)

    python scripts/bench_commits.py /path/to/base-checkout [--articles 200] [--rounds 3]

Builds the bench corpus (the seeds and the demo corpus copied to N marked articles, as
``scripts/bench.py`` does), then times ``storyline.engine.local.run`` over it in fresh processes,
alternating base and this checkout ``rounds`` times each, and prints the best CPU seconds of each
and their ratio. Both checkouts run with this venv's packages. The machine's speed drifts by ±15 %
between runs a minute apart, so only the alternated best-of figures are compared.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(HERE / "scripts"))
sys.path.insert(0, str(HERE))


def probe(checkout: Path, folder: Path) -> dict:
    """One fresh-process end-to-end run of ``checkout``'s storyline over ``folder``."""
    env = {"PYTHONPATH": str(checkout), "PATH": "/usr/bin:/bin"}
    p = subprocess.run([sys.executable, str(checkout / "scripts" / "bench.py"), "--e2e-probe", str(folder),
                        "--probe-what", "storyline"], capture_output=True, text=True, env=env, cwd=checkout,
                       check=False)
    if p.returncode:
        raise RuntimeError(f"probe of {checkout} failed: {p.stderr.strip()[-600:]}")
    return json.loads(p.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("base", type=Path, help="a checkout of the commit to compare against")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--shared", type=Path, default=HERE.parent / "shared")
    args = parser.parse_args()

    import bench  # scripts/bench.py: the same corpus as make bench

    from storyline.config import Settings

    with tempfile.TemporaryDirectory(prefix="storyline-bench-commits-") as tmp:
        folder = Path(tmp) / "corpus"
        bench.build_corpus(bench.training_articles(), args.articles, folder, Settings())
        best: dict[str, float] = {}
        for r in range(args.rounds):
            for name, checkout in (("base", args.base.resolve()), ("this", HERE)):
                got = probe(checkout, folder)
                best[name] = min(best.get(name, float("inf")), got["cpu_parent"])
                print(f"round {r + 1} {name:4s} {got['articles']} articles  cpu {got['cpu_parent']:.2f} s  "
                      f"wall {got['wall']:.2f} s", flush=True)
        print(f"best cpu: base {best['base']:.2f} s, this {best['this']:.2f} s; "
              f"this runs at x{best['base'] / best['this']:.3f} of base")
    return 0


if __name__ == "__main__":
    sys.exit(main())
