"""An optional sentence decision by a large language model behind an OpenAI-compatible endpoint.

The trained coder (``extract.event_model``) decides each sentence's event and type on a laptop CPU;
this coder asks a large model instead, for users who run one (a local llama.cpp, Ollama or vLLM
server, or a hosted API). It is registered as ``storyline.events.llm.v1`` and never runs unless named
in ``Settings.pipeline``.

- *Candidates*: every sentence the lexicon coder reads (``extract_events`` hands them all over), up to
  ``Settings.llm_max_sentences`` per document. Sentences without a lexicon proposal are sent too: the
  lexicon's closed word lists are what the model is there to get past.
- *Prompt*: the 16 PLOVER types with a one-line definition each (``data/plover_definitions.yaml``) and
  the sentence; the answer must be strict JSON
  ``{"event", "type", "mode", "source", "target", "modality"}`` (``answer_schema``). The lexicon's
  proposals are not shown, so an answer depends on the sentence alone and the sentence is a sound key.
- *Validation*: the reply is checked against the schema, the mode against the type's modes and the
  source and target must be exact substrings of the sentence. Anything else (no reply, a timeout, an
  HTTP error, prose, broken JSON) is logged and gives ``NONE`` with probability 0: the lexicon's
  proposals stand. After a failed request the rest of the document is not sent (no retry storm).
- *Decision*: a valid answer becomes ``(type, ANSWER_P)`` or ``(NONE, ANSWER_P)``, the same decision
  ``EventModel.predict`` gives, so ``extract_events(..., decide=coder.decide)`` applies it the same
  way; the parse still finds source and target.
- *Cache*: valid answers are kept in SQLite keyed by sha256 of (model, ``PROMPT_VERSION``, sentence);
  a sentence seen before costs no request.
"""
from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from storyline.cache import cache_dir
from storyline.config import Settings
from storyline.data import load
from storyline.data.plover import modes as plover_modes
from storyline.data.plover import types as plover_types
from storyline.errors import ConfigError
from storyline.extract.event_model import NONE
from storyline.model import MODALITIES

__all__ = ["ANSWER_P", "PROMPT_VERSION", "LLMCoder", "answer_schema", "llm_coder", "parse_answer", "system_prompt"]

LOGGER = logging.getLogger(__name__)

#: bump when the prompt or the schema changes: cached answers to the old prompt are then not reused
PROMPT_VERSION = 1
#: the probability a valid answer is given. A chat model gives no calibrated probability; an answer
#: that passed validation is taken as a confident decision, above ``events.DROP_P`` (0.75),
#: ``RETYPE_P`` and ``ADD_P``, so it overrules the lexicon as a confident trained decision does.
ANSWER_P = 0.9
#: what a sentence without a usable answer gets: no opinion, the lexicon's proposals stand
NO_DECISION = (NONE, 0.0)
CACHE_FILE = "llm_events.sqlite3"


def _endpoint_url(endpoint: str) -> str:
    """The chat-completions URL of a base URL ("http://host:8080/v1") or of the full URL itself."""
    endpoint = endpoint.rstrip("/")
    return endpoint if endpoint.endswith("/chat/completions") else endpoint + "/chat/completions"


@functools.cache
def answer_schema() -> dict[str, Any]:
    """The JSON Schema an answer must match (types and modes from ``plover.yaml``)."""
    all_modes = sorted({m for t in plover_types() for m in plover_modes(t)})
    nullable_text = {"type": ["string", "null"], "minLength": 1}
    return {
        "type": "object",
        "required": ["event", "type", "mode", "source", "target", "modality"],
        "additionalProperties": False,
        "properties": {
            "event": {"type": "boolean"},
            "type": {"enum": [*plover_types(), None]},
            "mode": {"enum": [*all_modes, None]},
            "source": nullable_text,
            "target": nullable_text,
            "modality": {"enum": [*MODALITIES, None]},
        },
    }


@functools.cache
def _validator() -> Any:
    import jsonschema

    return jsonschema.Draft202012Validator(answer_schema())


@functools.cache
def system_prompt() -> str:
    """The instructions and the PLOVER definitions, the same for every sentence."""
    definitions = load("plover_definitions")["definitions"]
    lines = [f"- {t}: {definitions[t]}" + (f" Modes: {', '.join(plover_modes(t))}." if plover_modes(t) else "")
             for t in plover_types()]
    return "\n".join([
        "You code news sentences with the PLOVER political event ontology. Event types:",
        *lines,
        "Decide whether the sentence reports an event between political actors (people, groups, "
        "organisations, states). Statements of opinion, background and commentary are not events.",
        "Answer with one JSON object and nothing else, with exactly these keys:",
        '{"event": true or false, "type": one of the types above or null, "mode": one of the type\'s '
        'modes or null, "source": the actor who acts, copied exactly from the sentence, or null, '
        '"target": the actor acted upon, copied exactly from the sentence, or null, "modality": one of '
        f'{", ".join(MODALITIES)} or null}}',
        'When "event" is false, "type", "mode", "source" and "target" are null.',
    ])


def _strip_fence(content: str) -> str:
    """The JSON inside a Markdown code fence, which chat models add even when asked not to."""
    text = content.strip()
    if text.startswith("```"):
        text = text.split("\n", 1)[1] if "\n" in text else ""
        text = text.rsplit("```", 1)[0]
    return text.strip()


def parse_answer(content: str, sentence: str) -> dict[str, Any] | None:
    """The model's reply as a validated answer, or None (with the reason logged) when it is not one."""
    try:
        answer = json.loads(_strip_fence(content))
    except ValueError:
        LOGGER.warning("llm coder: reply is not JSON: %.200r", content)
        return None
    errors = list(_validator().iter_errors(answer))
    if errors:
        LOGGER.warning("llm coder: reply breaks the schema (%s): %.200r", errors[0].message, content)
        return None
    if answer["event"] and answer["type"] is None:
        problem = "an event without a type"
    elif answer["mode"] is not None and answer["mode"] not in plover_modes(answer["type"] or ""):
        problem = f"mode {answer['mode']!r} is not a mode of {answer['type']}"
    else:
        # a span the sentence does not contain means the model did not read the sentence closely
        problem = next((f"{key} {answer[key]!r} is not in the sentence" for key in ("source", "target")
                        if answer[key] is not None and answer[key] not in sentence), "")
    if problem:
        LOGGER.warning("llm coder: %s: %.200r", problem, content)
        return None
    return dict(answer)


def decision_of(answer: dict[str, Any] | None) -> tuple[str, float]:
    """The sentence decision (label, probability) a validated answer (or its absence) gives."""
    if answer is None:
        return NO_DECISION
    return (str(answer["type"]), ANSWER_P) if answer["event"] else (NONE, ANSWER_P)


class AnswerCache:
    """Validated answers on disk (SQLite), keyed by sha256 of (model, prompt version, sentence)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        # several worker processes may share the file: wait for a writer rather than fail
        self._db = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
        self._db.execute("CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, answer TEXT NOT NULL)")
        self._db.commit()

    @staticmethod
    def key(model: str, sentence: str) -> str:
        return hashlib.sha256(json.dumps([model, PROMPT_VERSION, sentence]).encode("utf-8")).hexdigest()

    def get(self, key: str) -> dict[str, Any] | None:
        row = self._db.execute("SELECT answer FROM answers WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def put(self, key: str, answer: dict[str, Any]) -> None:
        self._db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?)", (key, json.dumps(answer)))
        self._db.commit()


class LLMCoder:
    """Sentence decisions from a chat-completions endpoint; ``decide`` fits ``extract_events``.

    ``coder = LLMCoder(endpoint="http://127.0.0.1:8080/v1", model="qwen2.5-7b-instruct",
    cache_path=Path("answers.sqlite3"))``; ``coder.requests`` counts the requests made.
    """

    def __init__(self, *, endpoint: str, model: str, cache_path: Path, api_key_env: str = "",
                 timeout: float = 60.0, max_sentences: int = 200) -> None:
        self.url = _endpoint_url(endpoint)
        self.model = model
        self.api_key_env = api_key_env  # the variable's name only: the key itself is read per request
        self.max_sentences = max_sentences
        self.cache = AnswerCache(cache_path)
        # imported here: only a pipeline that names this coder pays for httpx
        import httpx

        self.client = httpx.Client(timeout=timeout)
        self.requests = 0

    def _headers(self) -> dict[str, str]:
        key = os.environ.get(self.api_key_env, "") if self.api_key_env else ""
        if self.api_key_env and not key:
            LOGGER.warning("llm coder: environment variable %s is empty; sending no API key", self.api_key_env)
        return {"Authorization": f"Bearer {key}"} if key else {}

    def _ask(self, sentence: str) -> str:
        """The model's reply text for one sentence. Raises httpx.HTTPError or ValueError on failure."""
        body = {"model": self.model, "temperature": 0, "response_format": {"type": "json_object"},
                "messages": [{"role": "system", "content": system_prompt()},
                             {"role": "user", "content": f"Sentence: {sentence}"}]}
        self.requests += 1
        response = self.client.post(self.url, json=body, headers=self._headers())
        response.raise_for_status()
        try:
            content = response.json()["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError) as exc:
            raise ValueError(f"not a chat-completions reply: {response.text[:200]!r}") from exc
        if not isinstance(content, str):
            raise ValueError(f"reply content is not text: {content!r}")
        return content

    def decide(self, texts: Sequence[str], lexicon_codes: Sequence[Sequence[str]]) -> list[tuple[str, float]]:
        """(label, probability) for each sentence, as ``EventModel.predict``; ``lexicon_codes`` is unused
        (the answer depends on the sentence alone). Never raises for a failed or invalid reply."""
        import httpx

        out = [NO_DECISION] * len(texts)
        for i, sentence in enumerate(texts[: self.max_sentences]):
            key = AnswerCache.key(self.model, sentence)
            answer = self.cache.get(key)
            if answer is None:
                try:
                    answer = parse_answer(self._ask(sentence), sentence)
                except httpx.HTTPError as exc:
                    LOGGER.warning("llm coder: request to %s failed (%s); the lexicon decides the rest of "
                                   "this document", self.url, exc)
                    break
                except ValueError as exc:
                    LOGGER.warning("llm coder: %s", exc)
                    continue
                if answer is not None:
                    self.cache.put(key, answer)
            out[i] = decision_of(answer)
        return out


@functools.lru_cache(maxsize=4)
def _coder(endpoint: str, model: str, api_key_env: str, timeout: float, max_sentences: int,
           cache: str, pid: int) -> LLMCoder:
    path = Path(cache) if cache else cache_dir() / CACHE_FILE
    return LLMCoder(endpoint=endpoint, model=model, cache_path=path, api_key_env=api_key_env,
                    timeout=timeout, max_sentences=max_sentences)


def llm_coder(settings: Settings) -> LLMCoder:
    """The coder ``settings`` name, built once per process.

    Raises:
        ConfigError: ``llm_endpoint`` or ``llm_model`` is not set (the message names both settings).
    """
    missing = [name for name in ("llm_endpoint", "llm_model") if not getattr(settings, name)]
    if missing:
        raise ConfigError(
            f"storyline.events.llm.v1 needs {' and '.join(missing)}: give the OpenAI-compatible server and "
            "its model, e.g. --set llm_endpoint=http://127.0.0.1:8080/v1 --set llm_model=<model name> "
            "(and llm_api_key_env=<VARIABLE> when the server wants a key), or use the trained coder "
            "storyline.events.trained.v1")
    return _coder(settings.llm_endpoint, settings.llm_model, settings.llm_api_key_env,
                  float(settings.llm_timeout), int(settings.llm_max_sentences), settings.llm_cache,
                  # per process: a forked worker must not share its parent's connection or HTTP client
                  os.getpid())
