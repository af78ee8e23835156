"""The front door: what ``import storyline`` offers, checked like httpx's exported-members test."""
from __future__ import annotations

import importlib

import pytest

import storyline

#: the public surface; changing it is a decision, so this list changes with it
EXPECTED = {"Corpus", "CorpusFrames", "Document", "Entity", "Event", "Quote", "Settings", "__version__",
            "analyze"}


def test_all_is_the_expected_surface_and_sorted():
    assert set(storyline.__all__) == EXPECTED
    assert list(storyline.__all__) == sorted(storyline.__all__)


def test_every_exported_name_resolves():
    for name in storyline.__all__:
        assert getattr(storyline, name) is not None, name


def test_an_unknown_attribute_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no_such_thing"):
        _ = storyline.no_such_thing


def test_subpackages_declare_their_own_public_names():
    for mod in ("storyline.ingest", "storyline.registry", "storyline.fuse", "storyline.engine.stages"):
        module = importlib.import_module(mod)
        assert module.__all__, mod
        for name in module.__all__:
            assert hasattr(module, name), f"{mod}.{name}"
