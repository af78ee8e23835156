"""storyline's exceptions (placeholder hierarchy; the query-layer work extends it).

    StorylineError
     └── ConfigError          a setting or pipeline the user gave cannot work
          └── PipelineError   a pipeline names an unknown part or runs one before what it needs
"""
from __future__ import annotations


class StorylineError(Exception):
    """Base of every error storyline raises on purpose."""


class ConfigError(StorylineError, ValueError):
    """A setting the user gave cannot work; the message says how to fix it."""


class PipelineError(ConfigError):
    """A pipeline names an unknown part or runs a part before what it requires."""
