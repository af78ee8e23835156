"""``join_stories``' clustering as first written: the whole link matrix made again at every merge."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np


def join(scorer: Any, new: Sequence[int], stored: Sequence[Sequence[int]], threshold: float
         ) -> list[tuple[int, list[int]]]:
    """(unit number, sorted members) of the changed and new units, over every pair with a new document."""
    units: list[list[int]] = [sorted(s) for s in stored] + [[i] for i in new]
    n_units = len(units)
    if not new:
        return []
    unit_of = {i: u for u, members in enumerate(units) for i in members}
    is_new = set(new)
    pairs = [(min(i, j), max(i, j)) for i in new for j in unit_of if j != i and (j not in is_new or i < j)]
    sums = np.zeros((n_units, n_units))
    mass = np.zeros((n_units, n_units))
    if pairs:
        a, b = np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs])
        at = (np.array([unit_of[int(x)] for x in a]), np.array([unit_of[int(x)] for x in b]))
        np.add.at(sums, at, scorer.scores(a, b))
        np.add.at(mass, at, scorer.weights(a, b))
        sums, mass = sums + sums.T, mass + mass.T
    alive = np.ones(n_units, dtype=bool)
    changed = np.zeros(n_units, dtype=bool)
    changed[len(stored):] = True
    stored_mask = np.array([True] * len(stored) + [False] * len(new))
    while True:
        link = np.divide(sums, mass, out=np.zeros_like(sums), where=mass > 0)
        link[np.outer(stored_mask, stored_mask) | ~np.outer(alive, alive)] = -np.inf
        link[np.tril_indices(n_units)] = -np.inf
        top = link.max() if n_units > 1 else -np.inf
        if not top >= threshold:
            break
        x, y = divmod(int(np.flatnonzero(link == top)[0]), n_units)
        sums[x, :] += sums[y, :]
        sums[:, x] += sums[:, y]
        mass[x, :] += mass[y, :]
        mass[:, x] += mass[:, y]
        units[x] = sorted(units[x] + units[y])
        stored_mask[x] = stored_mask[x] or stored_mask[y]
        changed[x] = True
        alive[y] = False
    return [(u, units[u]) for u in range(n_units) if alive[u] and changed[u]]
