"""The v1 JSON export: the public contract (see shared/schema/README.md), validated by its schema."""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import logging
import typing
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from storyline.model import Corpus, from_dict, to_dict
from storyline.store.duckdb import READ_TABLES

if TYPE_CHECKING:
    from storyline.store import Store

LOGGER = logging.getLogger(__name__)

SCHEMA_VERSION = 1


@functools.lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The JSON Schema of the v1 export, shipped inside the package."""
    return json.loads(resources.files("storyline.export").joinpath("schema_v1.json").read_text("utf-8"))


#: the export's lists, in the order they are written (``corpus_to_json``)
PARTS = ("documents", "entities", "events", "stories", "story_events", "quotes", "disagreements", "relations",
         "outlets", "claims")


def corpus_to_json(corpus: Corpus) -> dict[str, Any]:
    """The export object for a corpus (plain JSON types, stable key order)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "documents": to_dict(corpus.documents),
        "entities": to_dict(corpus.entities),
        "events": to_dict(corpus.events),
        "stories": to_dict(corpus.stories),
        "story_events": to_dict(corpus.story_events),
        "quotes": to_dict(corpus.quotes),
        "disagreements": to_dict(corpus.disagreements),
        "relations": to_dict(corpus.relations),
        "outlets": to_dict(corpus.outlets),
        "claims": to_dict(corpus.claims),
    }


def validate(data: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` when ``data`` breaks the v1 contract."""
    import jsonschema

    jsonschema.validate(data, schema())


@functools.lru_cache(maxsize=1)
def _compiled_validator() -> Any:
    import fastjsonschema

    return fastjsonschema.compile(schema())


def check(data: dict[str, Any]) -> None:
    """``validate``, fast: the schema compiled to Python (~20x faster than jsonschema on a large export).

    A failure is re-checked by jsonschema, whose error names the offending path.
    """
    import fastjsonschema

    try:
        _compiled_validator()(data)
    except fastjsonschema.JsonSchemaException:
        validate(data)
        raise


def write_json(corpus: Corpus, path: str | Path) -> dict[str, Any]:
    """Validate and write the export; the file is replaced only when complete."""
    data = corpus_to_json(corpus)
    check(data)
    path = Path(path)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)
    return data


@functools.cache
def _item_validator(part: str) -> Any:
    import fastjsonschema

    return fastjsonschema.compile(schema()["properties"][part]["items"])


def _check_item(part: str, item: dict[str, Any]) -> None:
    import fastjsonschema

    try:
        _item_validator(part)(item)
    except fastjsonschema.JsonSchemaException:
        import jsonschema

        jsonschema.validate(item, schema()["properties"][part]["items"])
        raise


def _nested_types(tp: Any) -> Iterator[type]:
    """The dataclass types a field of type ``tp`` can hold, at any depth."""
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        yield tp
        for t in typing.get_type_hints(tp).values():
            yield from _nested_types(t)
    for arg in typing.get_args(tp):
        yield from _nested_types(arg)


@functools.cache
def _export_fields(cls: type) -> tuple[str, ...] | None:
    """The fields of ``cls`` in the export, when its stored rows, JSON parsed, are already export items
    once those fields are picked: None when a nested type keeps a field out of the export (the row then
    goes through the model objects)."""
    hints = typing.get_type_hints(cls)
    names = tuple(f.name for f in dataclasses.fields(cls) if f.metadata.get("export", True))
    for name in names:
        for t in _nested_types(hints[name]):
            if any(not f.metadata.get("export", True) for f in dataclasses.fields(t)):
                return None
    return names


def _items(store: Store, part: str, cache: dict[str, str] | None, seen: dict[str, str]) -> Iterator[str]:
    """The export items of one list as JSON text (``_write_list``'s layout), validated: stored rows as they
    are where they can be (``_export_fields``), else through the model objects (``to_dict(from_dict(...))``,
    as ``corpus_to_json`` makes them). A row whose stored text is in ``cache`` was written (and validated)
    before and is taken from there; the text of every row goes into ``seen``."""
    cls = READ_TABLES[part]
    names = _export_fields(cls)
    if names is None:
        for obj in store.iter_table(part):
            item = to_dict(obj)
            _check_item(part, item)
            yield _layout(item)
        return
    import fastjsonschema

    validator = _item_validator(part)
    # only the exported columns: a document's raw text and blocks are most of its row
    cols, rows = store.iter_rows(part, fields=names)
    columns = [n for n, _ in cols]
    parse = [sql == "JSON" for _, sql in cols]
    loads = json.loads
    for r in rows:
        key = hashlib.blake2b(repr(r).encode("utf-8"), digest_size=16).hexdigest()
        text = cache.get(key) if cache is not None else None
        if text is None:
            row = {n: (loads(v) if p and isinstance(v, str) else v) for n, p, v in zip(columns, parse, r)}
            try:
                item = {n: row[n] for n in names}
                validator(item)
            except (KeyError, fastjsonschema.JsonSchemaException):  # a store from before a field: defaults fill it
                item = to_dict(from_dict(cls, row))
                _check_item(part, item)
            text = _layout(item)
        seen[key] = text
        yield text


def _layout(item: dict[str, Any]) -> str:
    """An item as ``json.dumps(export, indent=1)`` lays out an item of one of its lists."""
    return json.dumps(item, ensure_ascii=False, indent=1).replace("\n", "\n  ")


def _cache_tag() -> str:
    """What a cached item's text depends on besides its row: the schema and the layout."""
    return hashlib.blake2b(json.dumps(schema(), sort_keys=True).encode() + b"indent=1", digest_size=8).hexdigest()


def _read_cache(path: Path) -> dict[str, dict[str, str]]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("tag") != _cache_tag() or not isinstance(data.get("parts"), dict):
        return {}
    return data["parts"]


def _write_list(fh: TextIO, items: Iterable[str]) -> int:
    """One list of the export, an item at a time, laid out as ``json.dumps(..., indent=1)`` lays it out."""
    n = 0
    for body in items:
        fh.write(("[\n  " if n == 0 else ",\n  ") + body)
        n += 1
    fh.write("\n ]" if n else "[]")
    return n


def write_json_store(store: Store, path: str | Path, cache: str | Path | None = None) -> dict[str, int]:
    """Write the export of a store's corpus by streaming its tables: the same file as
    ``write_json(store.corpus(), path)``, each item validated, without holding the corpus in memory
    (what an update of a large store pays for its export). Returns the number of items of each list.

    ``cache``: a file keeping each row's item text by a hash of the stored row, read first and rewritten
    after: an update then encodes and validates only the rows it changed (``storyline analyze`` keeps it
    beside the export). A missing, stale or unreadable cache is ignored.
    """
    path = Path(path)
    tmp = path.with_suffix(path.suffix + ".tmp")
    old = _read_cache(Path(cache)) if cache is not None else {}
    new: dict[str, dict[str, str]] = {}
    counts: dict[str, int] = {}
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(f'{{\n "schema_version": {SCHEMA_VERSION}')
        for part in PARTS:
            fh.write(f',\n "{part}": ')
            seen = new.setdefault(part, {})
            counts[part] = _write_list(fh, _items(store, part, old.get(part) if cache is not None else None, seen))
        fh.write("\n}")
    tmp.replace(path)
    if cache is not None:
        cache = Path(cache)
        cache_tmp = cache.with_suffix(cache.suffix + ".tmp")
        cache_tmp.write_text(json.dumps({"tag": _cache_tag(), "parts": new}, ensure_ascii=False), encoding="utf-8")
        cache_tmp.replace(cache)
    return counts
