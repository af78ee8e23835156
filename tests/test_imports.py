"""No module of the package imports a private name (leading underscore) of another module.

A name another module needs is part of its module's interface and is spelt as such; a private
name reached from outside means two modules share internals (a file split by size, not concept).
"""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "storyline"

#: Imports still to make public, as (importing module, defining module, name). The owners of these
#: modules are changing them elsewhere; entries may only be removed: the second test fails when an
#: entry no longer occurs, so the list cannot hide a new private import.
PENDING: frozenset[tuple[str, str, str]] = frozenset()


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def private_imports(source: str, module: str, is_package: bool = False) -> set[tuple[str, str, str]]:
    """(module, defining module, name) for every private name ``source`` takes from another
    ``storyline`` module: ``from storyline.x import _y`` (also relative, also inside functions)
    and ``import storyline.x as m`` … ``m._y``."""
    found: set[tuple[str, str, str]] = set()
    aliases: dict[str, str] = {}
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[:len(anchor) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            if not base.startswith("storyline"):
                continue
            for alias in node.names:
                if _private(alias.name) and base != module:
                    found.add((module, base, alias.name))
                aliases[alias.asname or alias.name] = f"{base}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("storyline") and alias.asname:
                    aliases[alias.asname] = alias.name
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and _private(node.attr):
            target = aliases.get(node.value.id)
            if target is not None and target != module:
                found.add((module, target, node.attr))
    return found


def package_private_imports() -> set[tuple[str, str, str]]:
    found: set[tuple[str, str, str]] = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        found |= private_imports(path.read_text(encoding="utf-8"), _module_name(path, PACKAGE),
                                 is_package=path.name == "__init__.py")
    return found


def test_no_module_imports_a_private_name_of_another() -> None:
    new = sorted(package_private_imports() - PENDING)
    assert not new, "make these names public (drop the underscore) or keep them in one module:\n" + \
        "\n".join(f"  {m} imports {src}.{name}" for m, src, name in new)


def test_pending_private_imports_still_occur() -> None:
    gone = sorted(PENDING - package_private_imports())
    assert not gone, f"these imports are fixed: remove them from PENDING: {gone}"


def test_the_check_sees_every_form_of_private_import() -> None:
    source = ("from storyline.resolve.names import fold, _helper\n"
              "from .stance import _WORD\n"
              "import storyline.fuse.stories as stories\n"
              "def f():\n"
              "    from storyline.model import __all__, _Cache\n"
              "    return stories._cluster, _helper\n")
    assert private_imports(source, "storyline.extract.amounts") == {
        ("storyline.extract.amounts", "storyline.resolve.names", "_helper"),
        ("storyline.extract.amounts", "storyline.extract.stance", "_WORD"),
        ("storyline.extract.amounts", "storyline.model", "_Cache"),
        ("storyline.extract.amounts", "storyline.fuse.stories", "_cluster"),
    }
    assert private_imports("from storyline.nlp.tokens import read_tokens\n", "storyline.nlp.pipeline") == set()


#: The package's folders in the order the data flows; a module may import from its own folder, from an
#: earlier one and from the shared top-level modules (model, config, data, registry, errors…), never from
#: a later one: a stage that needs something of a later stage means that thing lives in the wrong place.
LAYERS = ("ingest", "clean", "nlp", "resolve", "extract", "fuse", "store", ("export", "report"), "engine", "serve")


def _layer(folder: str) -> int | None:
    for rank, names in enumerate(LAYERS):
        if folder == names or (isinstance(names, tuple) and folder in names):
            return rank
    return None


def upward_imports(source: str, folder: str) -> list[str]:
    """Modules of later layers that ``source`` (a module in ``folder``) imports, inside functions too."""
    own = _layer(folder)
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and not node.level:
            # "from storyline import fuse" names the stage in what it imports, not in the module
            names = [f"storyline.{a.name}" for a in node.names] if node.module == "storyline" else [node.module or ""]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if len(parts) > 1 and parts[0] == "storyline":
                other = _layer(parts[1])
                if own is not None and other is not None and other > own:
                    found.append(name)
    return found


def test_no_stage_imports_a_later_stage() -> None:
    bad = [f"{path.relative_to(PACKAGE.parent)} imports {name}"
           for path in sorted(PACKAGE.rglob("*.py")) if path.parent != PACKAGE
           for name in upward_imports(path.read_text(encoding="utf-8"), path.relative_to(PACKAGE).parts[0])]
    assert not bad, "move the shared piece down to the earlier stage:\n" + "\n".join(bad)


def test_the_layer_check_sees_an_upward_import() -> None:
    assert upward_imports("def f():\n    from storyline.nlp.dates import parse_base\n", "clean") == \
        ["storyline.nlp.dates"]
    assert upward_imports("import storyline.fuse.stories\n", "extract") == ["storyline.fuse.stories"]
    assert upward_imports("from storyline import fuse, modelfile\n", "nlp") == ["storyline.fuse"]
    assert upward_imports("from storyline.clean import metadata\nfrom storyline.model import Document\n",
                          "nlp") == []
