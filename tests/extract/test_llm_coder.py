"""The large-model coder against a local stub chat-completions server (127.0.0.1, no real network)."""
from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from storyline.config import Settings
from storyline.data import load
from storyline.engine.components import DocState, llm_events
from storyline.errors import ConfigError
from storyline.extract.event_model import NONE
from storyline.extract.llm_coder import ANSWER_P, LLMCoder, llm_coder, parse_answer, system_prompt
from storyline.model import Document
from storyline.registry import components

ATTACK = "Gunmen attacked a police station in the northern town of Karsa on Monday."
TALKS = "The trade minister met her counterpart from Velmont to discuss tariffs."
OPINION = "Analysts say the region's economy has been fragile for years."


def answer(event: bool, etype: str | None = None, source: str | None = None, target: str | None = None,
           mode: str | None = None, modality: str | None = "asserted") -> str:
    return json.dumps({"event": event, "type": etype, "mode": mode, "source": source, "target": target,
                       "modality": modality})


@dataclass
class Stub:
    """Canned replies by sentence; every request is kept (its body and headers)."""

    replies: dict[str, str] = field(default_factory=dict)
    status: int = 200
    requests: list[dict[str, Any]] = field(default_factory=list)
    url: str = ""


@pytest.fixture
def stub() -> Iterator[Stub]:
    state = Stub()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            state.requests.append({"path": self.path, "body": body, "headers": dict(self.headers)})
            sentence = body["messages"][-1]["content"].removeprefix("Sentence: ")
            content = state.replies.get(sentence, answer(False))
            data = json.dumps({"choices": [{"message": {"role": "assistant", "content": content}}]}).encode()
            self.send_response(state.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def coder(stub: Stub, tmp_path: Path, **kw: Any) -> LLMCoder:
    return LLMCoder(endpoint=stub.url, model="stub-model", cache_path=tmp_path / "answers.sqlite3", **kw)


def test_a_valid_answer_becomes_the_decision(stub: Stub, tmp_path: Path):
    stub.replies[ATTACK] = answer(True, "ASSAULT", "Gunmen", "a police station", mode="firearms")
    stub.replies[OPINION] = answer(False)
    decisions = coder(stub, tmp_path).decide([ATTACK, OPINION], [["ASSAULT"], []])
    assert decisions == [("ASSAULT", ANSWER_P), (NONE, ANSWER_P)]
    request = stub.requests[0]
    assert request["path"] == "/v1/chat/completions" and request["body"]["model"] == "stub-model"
    assert "ASSAULT" in request["body"]["messages"][0]["content"]


def test_the_prompt_defines_every_plover_type_on_one_line():
    prompt = system_prompt()
    for etype in load("plover")["types"]:
        assert sum(line.startswith(f"- {etype}: ") for line in prompt.splitlines()) == 1


@pytest.mark.parametrize("reply", [
    "The sentence reports an attack.",                                   # prose, not JSON
    '{"event": true, "type": "ASSAULT"',                                 # broken JSON
    answer(True, "BOMBING", "Gunmen"),                                   # not a PLOVER type
    answer(True, None, "Gunmen"),                                        # an event without a type
    answer(True, "ASSAULT", "Gunmen", mode="troops"),                    # a mode of another type
    answer(True, "ASSAULT", "Armed militants"),                          # a source not in the sentence
    json.dumps({"event": True, "type": "ASSAULT"}),                      # keys missing
])
def test_an_invalid_answer_falls_back_to_the_lexicon(stub: Stub, tmp_path: Path, reply: str):
    stub.replies[ATTACK] = reply
    stub.replies[TALKS] = answer(True, "CONSULT", "The trade minister", "her counterpart from Velmont")
    assert coder(stub, tmp_path).decide([ATTACK, TALKS], [["ASSAULT"], []]) == [(NONE, 0.0), ("CONSULT", ANSWER_P)]


def test_a_json_reply_in_a_code_fence_is_read():
    reply = "```json\n" + answer(True, "CONSULT", "The trade minister") + "\n```"
    parsed = parse_answer(reply, TALKS)
    assert parsed is not None and parsed["type"] == "CONSULT"


def test_a_server_error_falls_back_and_stops_asking_for_the_document(stub: Stub, tmp_path: Path):
    stub.status = 500
    decisions = coder(stub, tmp_path).decide([ATTACK, TALKS, OPINION], [[], [], []])
    assert decisions == [(NONE, 0.0)] * 3
    assert len(stub.requests) == 1


def test_an_unreachable_endpoint_falls_back(tmp_path: Path):
    # port 9 (discard) on the loopback: nothing listens there in a test environment
    dead = LLMCoder(endpoint="http://127.0.0.1:9/v1", model="m", cache_path=tmp_path / "c.sqlite3", timeout=2)
    assert dead.decide([ATTACK, TALKS], [[], []]) == [(NONE, 0.0), (NONE, 0.0)]


def test_the_cache_answers_a_repeated_sentence_without_a_request(stub: Stub, tmp_path: Path):
    stub.replies[ATTACK] = answer(True, "ASSAULT", "Gunmen")
    first = coder(stub, tmp_path)
    assert first.decide([ATTACK, ATTACK], [[], []]) == [("ASSAULT", ANSWER_P)] * 2
    assert len(stub.requests) == 1
    # a new process (a new coder on the same file) asks nothing either
    assert coder(stub, tmp_path).decide([ATTACK], [[]]) == [("ASSAULT", ANSWER_P)]
    assert len(stub.requests) == 1
    # another model is another key
    other = LLMCoder(endpoint=stub.url, model="other-model", cache_path=tmp_path / "answers.sqlite3")
    other.decide([ATTACK], [[]])
    assert len(stub.requests) == 2


def test_an_invalid_answer_is_not_cached(stub: Stub, tmp_path: Path):
    stub.replies[ATTACK] = "not json"
    c = coder(stub, tmp_path)
    c.decide([ATTACK], [[]])
    stub.replies[ATTACK] = answer(True, "ASSAULT", "Gunmen")
    assert c.decide([ATTACK], [[]]) == [("ASSAULT", ANSWER_P)]
    assert len(stub.requests) == 2


def test_sentences_past_the_cap_are_not_sent(stub: Stub, tmp_path: Path):
    stub.replies[TALKS] = answer(True, "CONSULT", "The trade minister")
    decisions = coder(stub, tmp_path, max_sentences=1).decide([OPINION, TALKS], [[], []])
    assert decisions == [(NONE, ANSWER_P), (NONE, 0.0)]
    assert len(stub.requests) == 1


def test_the_api_key_comes_from_the_named_variable_as_a_bearer_token(stub: Stub, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TEST_LLM_KEY", "sk-first")
    c = coder(stub, tmp_path, api_key_env="TEST_LLM_KEY")
    assert "sk-first" not in repr(vars(c))  # only the variable's name is kept
    c.decide([ATTACK], [[]])
    monkeypatch.setenv("TEST_LLM_KEY", "sk-second")  # read at call time, not at construction
    c.decide([TALKS], [[]])
    assert [r["headers"].get("Authorization") for r in stub.requests] == ["Bearer sk-first", "Bearer sk-second"]


def test_no_key_variable_sends_no_authorization(stub: Stub, tmp_path: Path):
    coder(stub, tmp_path).decide([ATTACK], [[]])
    assert "Authorization" not in stub.requests[0]["headers"]


def test_settings_build_the_coder(stub: Stub, tmp_path: Path):
    stub.replies[TALKS] = answer(True, "CONSULT", "The trade minister")
    settings = Settings(llm_endpoint=stub.url, llm_model="stub-model", llm_cache=str(tmp_path / "s.sqlite3"))
    assert llm_coder(settings).decide([TALKS], [[]]) == [("CONSULT", ANSWER_P)]


def test_a_missing_endpoint_is_a_config_error_naming_the_settings():
    state = DocState(document=Document(id="d1", source="d1.txt", raw="Text."))
    with pytest.raises(ConfigError) as err:
        llm_events(state, Settings())
    assert "llm_endpoint" in str(err.value) and "llm_model" in str(err.value)
    with pytest.raises(ConfigError) as err:
        llm_events(state, Settings(llm_model="m"))
    assert "llm_endpoint" in str(err.value) and "llm_model" not in str(err.value).split(":")[0]


def test_registered_beside_the_trained_coder_and_never_default():
    llm, trained = components.get("storyline.events.llm.v1"), components.get("storyline.events.trained.v1")
    assert (llm.requires, llm.assigns) == (trained.requires, trained.assigns)
    assert "storyline.events.llm.v1" not in Settings().pipeline
    assert "storyline.events.trained.v1" in Settings().pipeline


# --------------------------------------------------------------------------- in the document pipeline
ARTICLE = ("The defence minister of Norland accused Vesteria of shelling border villages on Sunday.\n\n"
           "The weather in the capital stayed mild.")


def _llm_settings(stub: Stub, tmp_path: Path) -> Settings:
    base = Settings()
    return base.replace(pipeline=[n.replace("events.trained", "events.llm") for n in base.pipeline],
                        llm_endpoint=stub.url, llm_model="stub-model", llm_cache=str(tmp_path / "p.sqlite3"))


def test_the_pipeline_applies_the_models_decision_to_the_lexicons_proposals(stub: Stub, tmp_path: Path):
    from storyline.engine.stages import analyze_documents

    doc = Document(id="d1", source="d1.txt", raw=ARTICLE)
    trained = analyze_documents([doc], Settings())[0]
    assert [e.type for e in trained.events] == ["ACCUSE"]  # what the lexicon and trained model find
    # the model says the first sentence reports no event: a confident NONE drops the proposal
    (none,) = analyze_documents([doc], _llm_settings(stub, tmp_path))
    assert none.events == [] and len(stub.requests) == 2  # both sentences were asked
    # the model agrees (a fresh cache, so it is asked again): the lexicon's proposal stands
    first = ARTICLE.split("\n\n", maxsplit=1)[0]
    stub.replies[first] = answer(True, "ACCUSE", "The defence minister of Norland", "Vesteria")
    (agreed,) = analyze_documents([doc], _llm_settings(stub, tmp_path).replace(llm_cache=str(tmp_path / "q.sqlite3")))
    assert [e.type for e in agreed.events] == ["ACCUSE"]


def test_without_an_endpoint_the_run_stops_with_the_settings_to_give(tmp_path: Path):
    from storyline.engine.stages import analyze_documents

    settings = _llm_settings(Stub(), tmp_path).replace(llm_endpoint="")
    with pytest.raises(ConfigError, match="llm_endpoint"):
        analyze_documents([Document(id="d1", source="d1.txt", raw=ARTICLE)], settings)
