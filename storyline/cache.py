"""storyline's cache directory, and trained model files read through it.

A model file is written by ``joblib.dump`` (``scripts/train_*.py``), and ``joblib.load`` reads it with Python's
pure-Python unpickler (it needs one to find the arrays it stored beside the pickle): the line model's 0.9 MB take
0.5 CPU-s to read, in every process that cleans. ``load_model_file`` reads a model file once per machine that way and
keeps a plain pickle of the same objects in the cache directory, which the C unpickler reads in 20 ms. The copy is
keyed by the file's bytes and the versions of the packages whose objects it holds, so a retrained model or an
upgraded scikit-learn makes a new copy, never a stale one.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import logging
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["cache_dir", "load_model_file", "model_cache_path"]

LOGGER = logging.getLogger(__name__)

#: the packages whose objects a model file holds: another version of any of them may read a pickle differently
MODEL_PACKAGES = ("scikit-learn", "numpy", "scipy", "joblib")


def cache_dir() -> Path:
    """Where built tables are kept: ``$STORYLINE_CACHE_DIR``, else ``$XDG_CACHE_HOME/storyline``."""
    if os.environ.get("STORYLINE_CACHE_DIR"):
        return Path(os.environ["STORYLINE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "storyline"


def model_cache_path(path: Path, data: bytes) -> Path:
    """Where the plain pickle of the model file ``path`` with contents ``data`` is kept."""
    parts = [hashlib.sha1(data, usedforsecurity=False).hexdigest(), sys.version]
    for package in MODEL_PACKAGES:
        try:
            parts.append(f"{package}={importlib.metadata.version(package)}")
        except importlib.metadata.PackageNotFoundError:
            parts.append(f"{package}=?")
    key = hashlib.sha1("\n".join(parts).encode(), usedforsecurity=False).hexdigest()[:16]
    return cache_dir() / "models" / f"{path.stem}-{key}.pickle"


def load_model_file(path: Path) -> Any:
    """The objects ``joblib.load(path)`` gives, read from the cache directory's copy when there is one.

    The caller checks that ``path`` exists (and says how to build it); a model file is pickle-based, so only files
    of ours or of the user's named models are given here.
    """
    import joblib

    data = path.read_bytes()
    cached = model_cache_path(path, data)
    try:
        with cached.open("rb") as fh:
            return pickle.load(fh)  # noqa: S301 - our own copy of a model file of ours or the user's
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError, TypeError,
            KeyError, IndexError):
        pass  # none yet, or damaged: read the model file and copy it again
    model = joblib.load(path)  # a file of ours or the user's named model: joblib is pickle-based
    tmp = None
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cached.parent, suffix=".pickle")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(model, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.chmod(tmp, 0o644)  # readable like the other cached tables (mkstemp makes it private)
        os.replace(tmp, cached)  # concurrent readers (workers) each write a whole file
    except (OSError, pickle.PicklingError, TypeError, AttributeError) as exc:  # no copy: read the slow way again
        LOGGER.info("cannot keep a copy of the model %s in %s (%s)", path.name, cached.parent, exc)
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
    return model
