"""storyline: a verified, source-attributed record of who did what to whom, when."""
import logging

from storyline.config import Settings
from storyline.model import Corpus, Document, Entity, Event, Quote

__version__ = "0.1.0"
__all__ = ["Corpus", "Document", "Entity", "Event", "Quote", "Settings", "__version__"]

logging.getLogger(__name__).addHandler(logging.NullHandler())
