"""What the parallel dev-set writers (``parallel_dev5.py`` .. ``parallel_dev8.py``) share: the per-language name
record and the writer of ``parallel_dev.jsonl`` rows, one per event and language."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def names(en: str, ru: str, uk: str, es: str) -> dict[str, str]:
    return {"en": en, "ru": ru, "uk": uk, "es": es}


def write(events: list[Any], out: Path) -> None:
    """events: (event, type, source, target, event day, {lang: (outlet, title, text, published or None)})."""
    rows = []
    for event, etype, source, target, day, texts in events:
        for lang, (outlet, title, text, published) in texts.items():
            rows.append({"id": f"{event}-{lang}", "event": event, "lang": lang, "outlet": outlet,
                         "title": title, "published": published or day, "text": text, "type": etype,
                         "source": source, "target": target})
    out.parent.mkdir(exist_ok=True)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
