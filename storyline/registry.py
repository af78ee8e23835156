"""Registries of storyline's replaceable parts, and the check that a pipeline is in a valid order.

Every stage is made of small parts registered under versioned names, the way spaCy registers
its pipeline components. ``Settings.pipeline`` and ``Settings.fuse_pipeline`` list the names to
run, in order; swapping an implementation (a trained event coder for the lexicon one, another
language's parser) is a setting, not an edit::

    from storyline.registry import component

    @component("myorg.events.llm.v1", requires=("doc.parse", "doc.entities"), assigns=("doc.events",))
    def llm_events(state, settings):
        state.events = ...

    storyline.analyze(paths, pipeline=[..., "myorg.events.llm.v1", ...])

Built-in parts register themselves through the same decorators (``storyline.engine.components``
for the per-document stages, ``storyline.fuse.steps`` for the corpus-level ones). Packages can
also register parts through the entry-point groups ``storyline_components`` and
``storyline_fuse_steps`` (and ``storyline_dimensions``), which also reach worker processes that never
imported the plug-in.

Each part declares what it ``requires`` and ``assigns`` (names such as ``doc.mentions`` or
``corpus.story_events``); :func:`check_order` refuses an order where a part runs before what it
needs, before any document is read.
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import catalogue

from storyline.errors import PipelineError

__all__ = [
    "Part",
    "check_order",
    "checked_pipeline",
    "component",
    "components",
    "describe",
    "dimension",
    "dimensions",
    "fuse_step",
    "fuse_steps",
    "readers",
    "resolve",
]

#: per-document components: run in the worker processes (local pool, Spark executors)
components = catalogue.create("storyline", "components", entry_points=True)
#: corpus-level steps: run once over every analysis of the corpus
fuse_steps = catalogue.create("storyline", "fuse_steps", entry_points=True)
#: readers by file extension (``storyline.ingest.register_reader``)
readers = catalogue.create("storyline", "readers", entry_points=True)
#: disagreement dimensions: each finds one kind of conflict between claims of different outlets
dimensions = catalogue.create("storyline", "dimensions", entry_points=True)


#: a part's function: ``run(state, settings)``, working in place on the state
Run = Callable[[Any, Any], None]
#: a batching part's function: ``run_batch(states, settings)``
RunBatch = Callable[[list[Any], Any], None]


@dataclass(frozen=True)
class Part:
    """A registered pipeline part: its name, its function and the data it needs and provides.

    ``run(state, settings)`` works on one state (a document's, or the corpus's). ``run_batch``,
    when given, works on several documents' states at once (spaCy batches); a batch that fails is
    retried document by document through ``run``, so one odd article cannot sink its neighbours.
    """

    name: str
    run: Run
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    run_batch: RunBatch | None = None
    doc: str = ""


def _register(registry: catalogue.Registry, name: str, requires: Iterable[str], assigns: Iterable[str],
              batch: RunBatch | None) -> Callable[[Run], Run]:
    def decorate(func: Run) -> Run:
        part = Part(name=name, run=func, requires=tuple(requires), assigns=tuple(assigns),
                    run_batch=batch, doc=(func.__doc__ or "").strip().split("\n")[0])
        registry.register(name, func=part)
        return func  # the function stays a plain function, callable and testable on its own
    return decorate


def component(name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = (),
              batch: RunBatch | None = None
              ) -> Callable[[Run], Run]:
    """Register a per-document component ``func(state: DocState, settings)`` under ``name``.

    Args:
        name: a versioned name, ``<package>.<what>.<how>.v<N>``.
        requires: the state fields it reads (``doc.parse``, ``doc.mentions``, ...).
        assigns: the state fields it sets.
        batch: optional ``func(states, settings)`` doing the same over several documents at once.
    """
    return _register(components, name, requires, assigns, batch)


def fuse_step(name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = ()
              ) -> Callable[[Run], Run]:
    """Register a corpus-level step ``func(state: FuseState, settings)`` under ``name``."""
    return _register(fuse_steps, name, requires, assigns, None)


def dimension(name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a disagreement dimension under ``name`` (the function is stored as it is)."""
    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        dimensions.register(name, func=func)
        return func
    return decorate


def resolve(names: Sequence[str], registry: catalogue.Registry) -> list[Part]:
    """The registered parts called ``names``, in order; a clear error for a name nobody registered."""
    known = registry.get_all()
    missing = [n for n in names if n not in known]
    if missing:
        raise PipelineError(
            f"unknown {registry.namespace[-1]} {', '.join(map(repr, missing))}; registered: "
            f"{', '.join(sorted(known))}. Check the spelling, or import the package that registers it")
    return [known[n] for n in names]


def check_order(parts: Sequence[Part], provided: Iterable[str] = (), setting: str = "pipeline") -> None:
    """Refuse an order where a part runs before what it requires (like spaCy's ``analyze_pipes``).

    Args:
        parts: the parts in the order they will run.
        provided: what the state holds before the first part runs.
        setting: the setting that lists them, named in the message.

    Raises:
        PipelineError: naming the part, what it lacks and which registered part would provide it.
    """
    have = set(provided)
    for i, part in enumerate(parts):
        lacking = [r for r in part.requires if r not in have]
        if lacking:
            later = {r: p.name for p in parts[i + 1:] for r in p.assigns if r in lacking}
            hints = [f"{r} (assigned by {later[r]!r}, which runs later: move it before {part.name!r})"
                     if r in later else f"{r} (no part in {setting} assigns it)" for r in lacking]
            raise PipelineError(f"{setting}: {part.name!r} requires {'; '.join(hints)}")
        have.update(part.assigns)


@functools.lru_cache(maxsize=32)
def _checked(names: tuple[str, ...], registry: catalogue.Registry, provided: tuple[str, ...],
             setting: str) -> tuple[Part, ...]:
    parts = resolve(names, registry)
    check_order(parts, provided, setting)
    return tuple(parts)


def checked_pipeline(names: Sequence[str], registry: catalogue.Registry, provided: Iterable[str],
                     setting: str) -> list[Part]:
    """The parts ``names`` calls, refused unless each runs after what it requires (cached per order).

    Raises:
        PipelineError: an unknown name, or a part placed before what it needs.
    """
    return list(_checked(tuple(names), registry, tuple(provided), setting))


def describe(parts: Sequence[Part]) -> list[dict[str, Any]]:
    """Name, requires, assigns and summary of each part, for ``storyline settings``."""
    return [{"name": p.name, "requires": list(p.requires), "assigns": list(p.assigns), "doc": p.doc}
            for p in parts]
