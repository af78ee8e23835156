"""storyline's exceptions: one vocabulary for the library, the CLI and the web app.

Our exception hierarchy::

    StorylineError                      anything storyline refuses, with a message that names the fix
    ├── ConfigError (ValueError)        a setting or resource file that cannot work
    │   └── PipelineError               components in an order where one runs before what it needs
    ├── InputError (ValueError)         something a caller gave that storyline cannot use
    │   ├── QueryError                  a filter value or parameter the store cannot be asked with
    │   └── TooLarge                    a body or file over the size limit
    ├── AccessDenied                    a request without the right credentials (401)
    │   └── Forbidden                   an operation this server does not allow (403)
    ├── NotFound (LookupError)          no record with that id (404)
    └── StoreError                      the store cannot do what was asked (409)
        ├── StoreMissing (FileNotFoundError)  no store at that path
        └── StoreBusy                   another process holds the store (a running server)

Each class carries the HTTP ``status`` the web app answers it with, so ``storyline serve`` maps
every one of them to the same JSON body (``error_body``) in a single handler. The classes also
derive from the built-in exception existing callers catch (``except ValueError`` keeps working
for a bad setting), so code can move to them one raise at a time.
"""
from __future__ import annotations

from typing import Any

__all__ = [
    "AccessDenied", "ConfigError", "Forbidden", "InputError", "NotFound", "PipelineError", "QueryError",
    "StoreBusy", "StoreError", "StoreMissing", "StorylineError", "TooLarge", "error_body",
]


class StorylineError(Exception):
    """Base class: a refusal with a message saying how to fix it, and the HTTP status it maps to."""

    status: int = 500

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status


class ConfigError(StorylineError, ValueError):
    """A setting or a resource file (lexicon, knowledge base) that cannot work as given."""

    status = 500


class PipelineError(ConfigError):
    """A pipeline whose components run before what they require, or name no registered component."""


class InputError(StorylineError, ValueError):
    """Input a caller gave (an article, an upload, a parameter) that storyline cannot use."""

    status = 422


class QueryError(InputError):
    """A filter the store cannot be asked with: an unknown parameter or a value of the wrong form."""

    status = 400


class TooLarge(InputError):
    """A request body or file over the configured size limit."""

    status = 413


class AccessDenied(StorylineError):
    """A request without the credentials an operation needs."""

    status = 401


class Forbidden(AccessDenied):
    """An operation this server was started without (for example uploads without a token)."""

    status = 403


class NotFound(StorylineError, LookupError):
    """No record with the id asked for."""

    status = 404


class StoreError(StorylineError):
    """The store cannot do what was asked (wrong file, wrong layout)."""

    status = 409


class StoreBusy(StoreError):
    """Another process holds the store file (DuckDB lets one process write it, or several only read it)."""

    status = 409


class StoreMissing(StoreError, FileNotFoundError):
    """No storyline store at the given path."""

    status = 404


def error_body(message: str, status: int) -> dict[str, Any]:
    """The one JSON shape of every error the web app answers: ``{"ok": false, "error", "status"}``."""
    return {"ok": False, "error": message, "status": status}
