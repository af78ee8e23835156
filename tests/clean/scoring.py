"""How the cleaning tests judge "still in the body", the same way the shared gold scorer does."""
from __future__ import annotations

import re
import unicodedata


def norm(s: str | None) -> str:
    """NFKC, straight quotes, single spaces, lower case."""
    s = unicodedata.normalize("NFKC", s or "").replace("\u2019", "'").replace("\u201c", '"')
    return re.sub(r"\s+", " ", s.replace("\u201d", '"')).strip().lower()


def still_there(phrase: str, body: str) -> bool:
    """A long phrase counts anywhere; a short one only as a line or at a line's start or end."""
    p = norm(phrase)
    if len(p) >= 25:
        return p in norm(body)
    return any(line == p or line.startswith(p) or line.endswith(p)
               for line in (norm(x) for x in body.splitlines()))
