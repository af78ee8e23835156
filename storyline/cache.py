"""storyline's cache directory, and trained model files read through it.

A model file is written by ``storyline.modelfile.save`` (``scripts/train_*.py``): plain arrays and JSON, read without
scikit-learn. ``load_model_file`` reads it once per machine and keeps a plain pickle of the objects built from it in
the cache directory, which the C unpickler reads in milliseconds. A file written by ``joblib.dump`` before (a user's
own older model) is still read, with joblib and scikit-learn, its estimators turned into their plain forms. The copy
is keyed by the file's bytes, the code of ``storyline.modelfile`` and the versions of the packages whose objects it
may hold, so a retrained model or another version makes a new copy, never a stale one. The data layer keeps its
shipped resource files the same way, parsed and validated (``data_cache_path``): the given names alone cost 0.2
CPU-s to parse and validate. Sentence vectors are kept per text (``cached_rows``): the multilingual encoder costs
~0.15 CPU-s a lead, and a re-run or an incremental update would otherwise embed every lead again.
"""
from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

__all__ = ["cache_dir", "cached_rows", "data_cache_path", "load_model_file", "model_cache_path", "read_shipped_model",
           "read_through"]

LOGGER = logging.getLogger(__name__)

#: the packages whose objects a model file holds: another version of any of them may read a pickle differently
MODEL_PACKAGES = ("scikit-learn", "numpy", "scipy", "joblib")
#: the packages that parse and validate a resource file
DATA_PACKAGES = ("PyYAML", "jsonschema")


def cache_dir() -> Path:
    """Where built tables are kept: ``$STORYLINE_CACHE_DIR``, else ``$XDG_CACHE_HOME/storyline``."""
    if os.environ.get("STORYLINE_CACHE_DIR"):
        return Path(os.environ["STORYLINE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "storyline"


@functools.cache
def _version(package: str) -> str:
    # looked up once per process: each lookup scans the installed packages' metadata (a run keys some 30 files)
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def _key(data: bytes, packages: tuple[str, ...], *extra: str) -> str:
    parts = [hashlib.sha1(data, usedforsecurity=False).hexdigest(), sys.version, *extra]
    parts.extend(f"{package}={_version(package)}" for package in packages)
    return hashlib.sha1("\n".join(parts).encode(), usedforsecurity=False).hexdigest()[:16]


def data_cache_path(name: str, data: bytes, schema: str, packages: tuple[str, ...] = DATA_PACKAGES) -> Path:
    """Where the parsed, validated contents ``data`` of the shipped resource file ``name`` are kept (``schema``: its
    schema as text; ``packages``: those whose versions the kept objects depend on)."""
    return cache_dir() / "data" / f"{name.replace('/', '-')}-{_key(data, packages, schema)}.pickle"


@functools.cache
def _modelfile_code() -> str:
    # the cached objects are storyline.modelfile's classes: another version of them may read a pickle differently
    source = Path(__file__).with_name("modelfile.py")
    return hashlib.sha1(source.read_bytes(), usedforsecurity=False).hexdigest() if source.is_file() else "?"


def model_cache_path(path: Path, data: bytes) -> Path:
    """Where the plain pickle of the model file ``path`` with contents ``data`` is kept."""
    return cache_dir() / "models" / f"{path.stem}-{_key(data, MODEL_PACKAGES, _modelfile_code())}.pickle"


def read_through(cached: Path, build: Callable[[], Any]) -> Any:
    """The objects pickled at ``cached``; without a readable copy there, ``build()``'s, kept there for the next
    process. ``cached`` must name everything the objects are built from (see ``model_cache_path``)."""
    try:
        with cached.open("rb") as fh:
            return pickle.load(fh)  # noqa: S301 - our own copy of files of ours or the user's
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError, TypeError,
            KeyError, IndexError):
        pass  # none yet, or damaged: built again
    built = build()
    tmp = None
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cached.parent, suffix=".pickle")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(built, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.chmod(tmp, 0o644)  # readable like the other cached tables (mkstemp makes it private)
        os.replace(tmp, cached)  # concurrent builders (workers) each write a whole file
    except (OSError, pickle.PicklingError, TypeError, AttributeError) as exc:  # no copy: built again next time
        LOGGER.info("cannot keep %s in %s (%s)", cached.name, cached.parent, exc)
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
    return built


def load_model_file(path: Path) -> Any:
    """The objects stored in the model file ``path`` (``storyline.modelfile.load``), read from the cache
    directory's copy when there is one.

    The caller checks that ``path`` exists (and says how to build it). A file written by ``joblib.dump`` is read with
    joblib (pickle-based: only files of ours or of the user's named models are given here) and its scikit-learn
    estimators are given in their plain forms.
    """
    data = path.read_bytes()
    return read_through(model_cache_path(path, data), lambda: _read_model(path, data))


@overload
def read_shipped_model(path: str, default: Callable[[], Path], *, missing: str, on_problem: Literal["raise"],
                       features: Sequence[str] | None = None, mismatch: str = "",
                       logger: logging.Logger | None = None) -> Any: ...


@overload
def read_shipped_model(path: str, default: Callable[[], Path], *, missing: str, on_problem: Literal["warn", "none"],
                       features: Sequence[str] | None = None, mismatch: str = "",
                       logger: logging.Logger | None = None) -> Any | None: ...


def read_shipped_model(path: str, default: Callable[[], Path], *, missing: str,
                       on_problem: Literal["raise", "warn", "none"], features: Sequence[str] | None = None,
                       mismatch: str = "", logger: logging.Logger | None = None) -> Any | None:
    """The objects of a trained component's model file: ``path``, or ``default()`` (the one shipped in the
    package) when ``path`` is empty, read with ``load_model_file``.

    ``missing`` and ``mismatch`` are the messages (``{path}`` stands for the file) for a file that is not there and
    for one whose stored ``"features"`` are not ``features`` (not checked when ``features`` is None). They are
    raised (``on_problem="raise"``: FileNotFoundError, ValueError), where a component cannot run without its model;
    or warned to ``logger`` (``"warn"``) or passed over (``"none"``) with None returned, where rules take over.
    """
    target = Path(path) if path else default()
    if not target.is_file():
        _model_problem(FileNotFoundError(missing.format(path=target)), on_problem, logger)
        return None
    data = load_model_file(target)  # a file of ours or the user's named model: pickle-based
    if features is not None and tuple(data["features"]) != tuple(features):
        _model_problem(ValueError(mismatch.format(path=target)), on_problem, logger)
        return None
    return data


def _model_problem(problem: Exception, on_problem: str, logger: logging.Logger | None) -> None:
    if on_problem == "raise":
        raise problem
    if on_problem == "warn":
        (logger or LOGGER).warning("%s", problem)


def _read_model(path: Path, data: bytes) -> Any:
    from storyline import modelfile

    if data[:2] == b"PK":  # a zip archive: the plain format
        return modelfile.load(path)
    import joblib

    try:
        objects = joblib.load(path)  # an older file of ours or the user's: pickle-based
    except Exception as exc:  # unpickling garbage raises any of a dozen types, none of which names the file
        raise ValueError(f"{path} is neither a storyline model file nor a joblib file ({exc})") from exc
    try:
        return modelfile.plain_objects(objects)
    except ValueError:  # an estimator without a plain form: scored by its own code, as before
        return objects


def cached_rows(space: str, texts: Sequence[str], embed: Callable[[list[str]], np.ndarray]) -> np.ndarray:
    """One float32 row per text: read from the cache directory where kept, the others ``embed``-ded (one call, in
    input order) and kept for the next run.

    ``space`` must name everything a row depends on besides the text (encoder, its version, its table), and
    ``embed`` must give a text the same row whatever else is in its batch: a kept row stands for a fresh one, bit
    for bit. A row that cannot be read or kept is embedded again, never trusted.
    """
    import numpy as np

    if not texts:
        return np.asarray(embed([]), dtype=np.float32)
    folder = cache_dir() / "vectors" / hashlib.sha1(space.encode(), usedforsecurity=False).hexdigest()[:16]
    names = [hashlib.sha1(t.encode("utf-8", "surrogatepass"), usedforsecurity=False).hexdigest() for t in texts]
    rows: list[np.ndarray | None] = []
    for name in names:
        try:
            data = (folder / name[:2] / name).read_bytes()
        except OSError:
            rows.append(None)
            continue
        rows.append(np.frombuffer(data, dtype="<f4") if data and len(data) % 4 == 0 else None)
    missing = [i for i, row in enumerate(rows) if row is None]
    if missing:
        fresh = np.asarray(embed([texts[i] for i in missing]), dtype=np.float32)
        for i, row in zip(missing, fresh):
            rows[i] = row
            _keep(folder / names[i][:2] / names[i], row.astype("<f4").tobytes())
    width = {len(row) for row in rows if row is not None}
    if len(width) != 1:  # a kept row of another width (a damaged file): all embedded afresh
        return np.asarray(embed(list(texts)), dtype=np.float32)
    return np.stack([row for row in rows if row is not None]).astype(np.float32)


def _keep(path: Path, data: bytes) -> None:
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)  # concurrent writers (workers) each write a whole file
    except OSError as exc:
        LOGGER.info("cannot keep a vector in %s (%s)", path.parent, exc)
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
