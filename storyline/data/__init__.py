"""The data layer: every lexicon, gazetteer and knowledge file storyline ships, read in one place.

A resource has a name (``"events"``, ``"kb/countries"``); its file is ``storyline/data/<name>.yaml``
and its schema is in ``storyline.data.schemas``. ``load`` reads the shipped file, lays the user's
files over it and validates every file on the way, so a mistake in a user file is reported with
the file and the key that is wrong, before any stage runs::

    lexicon = load("events", settings.event_lexicon_paths)

Stages never open these files themselves. Overlay rule (``merge``): mappings merge key by key,
recursively; lists are extended; any other value in a later file replaces the earlier one.
"""
from __future__ import annotations

import csv
import functools
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import yaml

from storyline.data.schemas import schema_of

__all__ = ["DATA_DIR", "DataError", "layers", "load", "load_yaml", "merge", "read", "read_rows",
           "resource_path"]

LOGGER = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent
#: libyaml's C parser when PyYAML was built with it: ~10x faster on the KB and lexicons
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataError(ValueError):
    """A resource file that cannot be read or does not match its schema; names the file and the key."""


def load_yaml(source: str | IO[str]) -> Any:
    """``yaml.safe_load`` semantics (plain data only, no object tags), with the C parser when available."""
    return yaml.load(source, Loader=_LOADER)  # noqa: S506 - a safe loader


def resource_path(name: str) -> Path:
    """The shipped file of resource ``name`` (``"events"`` -> ``storyline/data/events.yaml``)."""
    schema_of(name)  # an unknown name fails here, listing the known ones
    return DATA_DIR / f"{name}.yaml"


def read(path: str | Path, name: str) -> dict[str, Any]:
    """One file of resource ``name`` (shipped or a user's), parsed and validated; not cached.

    Raises:
        DataError: the file is missing, is not YAML, or breaks the resource's schema.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(f"{path}: cannot read this {name} file ({exc.strerror or exc})") from exc
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        raise DataError(f"{path}: not valid YAML: {exc}") from exc
    data = {} if data is None else data
    _validate(data, name, path)
    return data


def read_rows(path: str | Path) -> list[dict[str, str]]:
    """The rows of a user's CSV file (header row first) as mappings, empty cells left out.

    Raises:
        DataError: the file cannot be read.
    """
    path = Path(path)
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return [{k: v for k, v in row.items() if v} for row in csv.DictReader(fh)]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise DataError(f"{path}: cannot read this CSV file ({exc})") from exc


def layers(name: str, extra_paths: Sequence[str] = ()) -> Iterator[dict[str, Any]]:
    """The shipped file of ``name``, then each user file, each validated (for readers that combine
    the layers their own way, such as the knowledge base's entry-by-entry overlay)."""
    yield _shipped(name)
    for path in extra_paths:
        yield read(path, name)


def load(name: str, extra_paths: Sequence[str] = ()) -> dict[str, Any]:
    """Resource ``name`` with the user's files laid over it (see ``merge``), validated; cached.

    Args:
        name: the resource (``"events"``, ``"stance"``, ``"kb/countries"``; see ``schemas.SCHEMAS``).
        extra_paths: user files of the same shape, laid over the shipped one in order.

    Returns:
        The merged data. Shared between callers: treat it as read-only.

    Raises:
        DataError: a file is missing, is not YAML, or breaks the schema (the message names both).
    """
    return _load(name, tuple(str(p) for p in extra_paths))


@functools.lru_cache(maxsize=64)
def _load(name: str, extra_paths: tuple[str, ...]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for layer in layers(name, extra_paths):
        data = merge(data, layer)
    return data


@functools.cache
def _shipped(name: str) -> dict[str, Any]:
    import json

    from storyline.cache import data_cache_path, read_through

    path = resource_path(name)
    try:
        text = path.read_bytes()
    except OSError:
        text = b""  # ``read`` says what is wrong with the file
    # parsed and validated once per version of the file (and of its schema): a copy in the cache directory
    data: dict[str, Any] = read_through(data_cache_path(name, text, json.dumps(schema_of(name), sort_keys=True)),
                                        lambda: read(path, name)) if text else read(path, name)
    missing = [k for k in schema_of(name).get("x-required-shipped", ()) if k not in data]
    if missing:
        raise DataError(f"{path}: missing {', '.join(missing)}")
    LOGGER.debug("read %s from %s", name, path)
    return data


def merge(base: Any, over: Any) -> Any:
    """``over`` laid over ``base``: mappings merge key by key (recursively), lists are extended,
    anything else in ``over`` wins."""
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for key, value in over.items():
            out[key] = merge(out[key], value) if key in out else value
        return out
    if isinstance(base, list) and isinstance(over, list):
        return base + over
    return over


def _validate(data: Any, name: str, path: Path) -> None:
    validator = _validator(name)
    errors = sorted(validator.iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    if not errors:
        return
    err = errors[0]
    where = ".".join(str(p) for p in err.absolute_path) or "(top level)"
    # a schema's description says what is expected in words, better than a long pattern or enum
    hint = err.schema.get("description") if isinstance(err.schema, dict) else None
    problem = f"{err.instance!r} is not {hint}" if hint else err.message
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    raise DataError(f"{path}: {where}: {problem}{more}")


@functools.cache
def _validator(name: str) -> Any:
    # imported here: jsonschema costs ~70 ms to import, paid only by a process that reads data
    import jsonschema

    # the schemas are checked against the metaschema by the tests, not on every start (it is slow)
    return jsonschema.Draft202012Validator(schema_of(name))
