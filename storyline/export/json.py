"""The v1 JSON export: the public contract (see shared/schema/README.md), validated by its schema."""
from __future__ import annotations

import dataclasses
import functools
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


def _items(store: Store, part: str) -> Iterator[dict[str, Any]]:
    """The export items of one list, validated: stored rows as they are where they can be (``_export_fields``),
    else through the model objects (``to_dict(from_dict(...))``, as ``corpus_to_json`` makes them)."""
    cls = READ_TABLES[part]
    names = _export_fields(cls)
    if names is None:
        for obj in store.iter_table(part):
            item = to_dict(obj)
            _check_item(part, item)
            yield item
        return
    import fastjsonschema

    validator = _item_validator(part)
    for row in store.iter_plain(part):
        try:
            item = {n: row[n] for n in names}
            validator(item)
        except (KeyError, fastjsonschema.JsonSchemaException):  # a store from before a field: defaults fill it
            item = to_dict(from_dict(cls, row))
            _check_item(part, item)
        yield item


def _write_list(fh: TextIO, items: Iterable[dict[str, Any]]) -> int:
    """One list of the export, an item at a time, laid out as ``json.dumps(..., indent=1)`` lays it out."""
    n = 0
    for item in items:
        body = json.dumps(item, ensure_ascii=False, indent=1).replace("\n", "\n  ")
        fh.write(("[\n  " if n == 0 else ",\n  ") + body)
        n += 1
    fh.write("\n ]" if n else "[]")
    return n


def write_json_store(store: Store, path: str | Path) -> dict[str, int]:
    """Write the export of a store's corpus by streaming its tables: the same file as
    ``write_json(store.corpus(), path)``, each item validated, without holding the corpus in memory
    (what an update of a large store pays for its export). Returns the number of items of each list."""
    path = Path(path)
    tmp = path.with_suffix(path.suffix + ".tmp")
    counts: dict[str, int] = {}
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(f'{{\n "schema_version": {SCHEMA_VERSION}')
        for part in PARTS:
            fh.write(f',\n "{part}": ')
            counts[part] = _write_list(fh, _items(store, part))
        fh.write("\n}")
    tmp.replace(path)
    return counts
