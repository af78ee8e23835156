"""The web app (``storyline serve``): the report's views, search and filters, and a REST API."""
from storyline.serve.app import create_app

__all__ = ["create_app"]
