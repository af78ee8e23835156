"""How fuse runs its per-block work: in this process, or on an engine's workers.

A fuse step splits its heaviest work into blocks that are pure functions of the block and of
read-only ``shared`` data (the step's indexes), maps them through a :class:`Mapper`, and combines
the results on the driver in block order, so any mapper gives the same corpus. The local mapper
is a plain loop; the Spark engine passes its own (``storyline.engine.spark.spark_mapper``), which
fuse never imports (engine sits above fuse).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar

__all__ = ["LOCAL", "LocalMapper", "Mapper", "chunks"]

T = TypeVar("T")
R = TypeVar("R")


class Mapper(Protocol):
    """Runs ``fn(shared, block)`` for each block; the results in the blocks' order."""

    @property
    def parallelism(self) -> int:
        """How many blocks keep its workers busy (a step cuts its work into about this many)."""
        ...

    def map(self, fn: Callable[[Any, T], R], blocks: Sequence[T], shared: Any = None) -> list[R]:
        ...


class LocalMapper:
    """The blocks one after the other in this process."""

    parallelism = 1

    def map(self, fn: Callable[[Any, T], R], blocks: Sequence[T], shared: Any = None) -> list[R]:
        return [fn(shared, b) for b in blocks]


LOCAL = LocalMapper()


def chunks(items: Sequence[T], n: int) -> list[Sequence[T]]:
    """``items`` cut into at most ``n`` contiguous, nearly equal blocks (none empty)."""
    if not items:
        return []
    n = max(1, min(n, len(items)))
    size, extra = divmod(len(items), n)
    out, start = [], 0
    for k in range(n):
        end = start + size + (1 if k < extra else 0)
        out.append(items[start:end])
        start = end
    return out
