"""Reading the YAML data files shipped with storyline (lexicons, the knowledge base) or given by a user."""
from __future__ import annotations

from typing import IO, Any

import yaml

#: libyaml's C parser when PyYAML was built with it: ~10x faster on the KB and lexicons
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(source: str | IO[str]) -> Any:
    """``yaml.safe_load`` semantics (plain data only, no object tags), with the C parser when available."""
    return yaml.load(source, Loader=_LOADER)  # noqa: S506 - a safe loader
