"""Settings: declared once with defaults and help; ``replace`` refuses what is not declared."""
from __future__ import annotations

import dataclasses

import pytest

from storyline.config import Settings


def test_replace_returns_a_changed_copy_and_leaves_the_original():
    base = Settings()
    changed = base.replace(workers=4, story_threshold=0.3)
    assert (changed.workers, changed.story_threshold) == (4, 0.3)
    assert (base.workers, base.story_threshold) == (1, 0.22)
    assert changed.spacy_model == base.spacy_model


def test_replace_rejects_unknown_names_and_points_at_the_settings_command():
    with pytest.raises(ValueError) as err:
        Settings().replace(workers=2, story_treshold=0.3, spacy_modell="x")
    message = str(err.value)
    # both misspelt names, sorted, and nothing about the good one
    assert "spacy_modell, story_treshold" in message
    assert "workers" not in message
    assert "`storyline settings`" in message


def test_replace_with_an_unknown_name_changes_nothing():
    base = Settings()
    with pytest.raises(ValueError):
        base.replace(workers=8, no_such_setting=True)
    assert base.workers == 1


def test_help_table_covers_every_field_with_help():
    table = Settings.help_table()
    names = [name for name, _, _ in table]
    assert names == [f.name for f in dataclasses.fields(Settings)]
    for name, _, text in table:
        assert text.strip(), f"setting {name!r} has no help text"


def test_help_table_defaults_equal_a_fresh_settings_object():
    fresh = Settings()
    for name, default, _ in Settings.help_table():
        assert getattr(fresh, name) == default, name


def test_list_defaults_are_not_shared_between_objects():
    a, b = Settings(), Settings()
    a.kb_paths.append("extra-actors.yaml")
    assert b.kb_paths == [] and Settings().kb_paths == []
    assert Settings.help_table()[[n for n, _, _ in Settings.help_table()].index("kb_paths")][1] == []
