"""The error vocabulary: the tree its docstring draws, built-in bases existing callers catch, statuses."""
from __future__ import annotations

import re

import pytest

import storyline.errors as errors
from storyline.errors import (
    AccessDenied,
    ConfigError,
    Forbidden,
    InputError,
    NotFound,
    PipelineError,
    QueryError,
    StoreError,
    StoreMissing,
    StorylineError,
    TooLarge,
    error_body,
)

CLASSES = {name: getattr(errors, name) for name in errors.__all__ if isinstance(getattr(errors, name), type)}


def drawn_tree() -> dict[str, str | None]:
    """Each class named in the module docstring's drawing, with the class drawn as its parent."""
    parents: dict[str, str | None] = {}
    stack: list[tuple[int, str]] = []
    for line in errors.__doc__.splitlines():  # type: ignore[union-attr]
        m = re.match(r"^(\s*(?:[│ ]\s*)*(?:[├└]── )?)([A-Z]\w+)", line)
        if not m or m.group(2) not in CLASSES:
            continue
        depth = len(m.group(1))
        while stack and stack[-1][0] >= depth:
            stack.pop()
        parents[m.group(2)] = stack[-1][1] if stack else None
        stack.append((depth, m.group(2)))
    return parents


def test_the_docstring_draws_every_class_under_its_real_parent() -> None:
    tree = drawn_tree()
    assert set(tree) == set(CLASSES)
    for name, parent in tree.items():
        cls = CLASSES[name]
        if parent is None:
            assert cls.__mro__[1] is Exception
        else:
            assert cls.__mro__[1] is CLASSES[parent], name


def test_exported_names_are_complete_and_sorted() -> None:
    public = {n for n, v in vars(errors).items()
              if not n.startswith("_") and getattr(v, "__module__", "") == errors.__name__}
    assert set(errors.__all__) == public
    assert errors.__all__ == sorted(errors.__all__)


def test_existing_except_clauses_keep_catching() -> None:
    # a bad setting was a ValueError, a missing store a FileNotFoundError, a missing record a LookupError
    with pytest.raises(ValueError):
        raise ConfigError("unknown setting 'thresold'; did you mean 'threshold'?")
    with pytest.raises(ValueError):
        raise QueryError("date_from='x' is not a date")
    with pytest.raises(FileNotFoundError):
        raise StoreMissing("no storyline store at out/storyline.duckdb; run `storyline analyze` first")
    with pytest.raises(LookupError):
        raise NotFound("no document 'x'")
    for cls in CLASSES.values():
        assert issubclass(cls, StorylineError)


@pytest.mark.parametrize(("cls", "status"), [
    (StorylineError, 500), (ConfigError, 500), (PipelineError, 500), (InputError, 422), (QueryError, 400),
    (TooLarge, 413), (AccessDenied, 401), (Forbidden, 403), (NotFound, 404), (StoreError, 409), (StoreMissing, 404),
])
def test_each_class_maps_to_its_http_status(cls: type[StorylineError], status: int) -> None:
    exc = cls("how to fix it")
    assert exc.status == status and exc.message == str(exc) == "how to fix it"


def test_a_status_can_be_given_per_error_without_changing_the_class() -> None:
    assert StoreError("the store is being written; retry", status=503).status == 503
    assert StoreError("x").status == 409


def test_error_body_is_the_one_shape() -> None:
    assert error_body("no document 'x'", 404) == {"ok": False, "error": "no document 'x'", "status": 404}
