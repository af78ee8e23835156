"""Claims are found once per document, in the workers, and read back from the store on later runs."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from storyline.config import Settings
from storyline.engine import components
from storyline.engine.local import run
from storyline.store import Store

pytestmark = pytest.mark.slow

DEV = Path(__file__).resolve().parents[1] / "fixtures" / "disagreements_dev" / "corpus"

#: the disagreements the dev set gave when claims were still found inside the fuse stage, over the
#: whole store on every run (topic, then (file, stance) of every side)
BEFORE = [
    ("framing: disconnection elsmark interconnector",
     [("01_lakeshore_courier_blackout.txt", "hostile"), ("02_northern_gazette_blackout.txt", "benign"),
      ("04_continental_wire_brief.txt", "hostile")]),
    ("quantity (people): angry demanding drew",
     [("01_lakeshore_courier_blackout.txt", "≈ 1.6–2.5 thousand people"),
      ("03_adrel_voice_opinion.txt", "≈ 300–900 people")]),
    ("cause: hackers kelso point",
     [("02_northern_gazette_blackout.txt", "Kelso Point"), ("03_adrel_voice_opinion.txt", "mainte negles"),
      ("04_continental_wire_brief.txt", "storm")]),
]


def _summary(corpus) -> list[tuple[str, list[tuple[str, str]]]]:
    source = {d.id: Path(d.source).name for d in corpus.documents}
    return [(d.topic, sorted((source[s.doc], s.stance) for s in d.sides)) for d in corpus.disagreements]


def test_a_second_run_reads_claims_of_stored_documents_instead_of_finding_them(tmp_path, monkeypatch) -> None:
    called: list[str] = []
    real = components.find_claims

    def counting(doc: str, sentences, *args, **kwargs):
        called.append(doc)
        return real(doc, sentences, *args, **kwargs)

    monkeypatch.setattr(components, "find_claims", counting)
    inputs = tmp_path / "in"
    inputs.mkdir()
    files = sorted(DEV.glob("*.txt"))
    for path in files[:3]:
        shutil.copy(path, inputs / path.name)
    settings = Settings(embedding_model="")
    _, first = run([inputs], tmp_path / "out", settings)
    assert len(called) == 3 and len(first.claims) > 0

    shutil.copy(files[3], inputs / files[3].name)
    _, second = run([inputs], tmp_path / "out", settings)
    new_doc = next(d.id for d in second.documents if d.source.endswith(files[3].name))
    assert called[3:] == [new_doc]  # only the new document's claims were found
    # the rule dimensions' findings that do not depend on how the four reports group into stories (the
    # framing and cause sides of 02 need it in the same story as 01 and 04: a person's extra mention can move
    # it across the story threshold); the trained pair dimension adds what it finds beside them
    assert BEFORE[1] in _summary(second)
    assert {d[0].split(":")[0] for d in _summary(second)} >= {"framing", "quantity (people)", "cause", "reason"}
    assert ("reason: kelso point substation",
            [("01_lakeshore_courier_blackout.txt", "reason: caused by a cyberattack on the control system of"),
             ("04_continental_wire_brief.txt", "reason: blamed a storm that toppled transmission towers")]) \
        in _summary(second)
    stored = {c.doc for c in first.claims}
    assert [c for c in second.claims if c.doc in stored] == first.claims

    # a fresh run over the same four documents gives the same claims and disagreements
    _, fresh = run([inputs], tmp_path / "fresh", settings)
    assert fresh.claims == second.claims and fresh.disagreements == second.disagreements
    with Store(tmp_path / "out" / "storyline.duckdb", read_only=True) as store:
        assert store.corpus().claims == second.claims
