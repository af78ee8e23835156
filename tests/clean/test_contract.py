"""The cleaning contract (tests/clean/contract.py) on many generated documents (issue 15)."""
from __future__ import annotations

import random
from collections import Counter

import pytest

from storyline.clean import clean_document
from storyline.config import Settings
from storyline.model import Block, Document, Removal
from tests.clean.contract import contract_violations, random_document

#: documents per run: the issue asks for at least 10,000 (about 15 CPU-s of cleaning here)
N_DOCUMENTS = 10_000
#: ...of them through the hybrid setting's line and sentence models too (they only ever remove whole units the rules
#: kept, so the rules' pass carries the contract; the models cost ~50 ms a page)
N_MODEL_DOCUMENTS = 1_000


def test_the_checker_sees_a_silent_deletion():
    raw = "Title\n\n1. Keep this line."
    doc = Document(id="d", source="d", raw=raw, blocks=[Block(raw.index("Keep"), len(raw))],
                   removed=[Removal(0, 5, "Title", "title")])
    assert any("neither kept nor recorded" in v for v in contract_violations(doc))
    doc.removed.append(Removal(7, 10, "1. ", "list mark"))
    assert contract_violations(doc) == []


def test_the_checker_sees_an_unrecorded_alteration():
    raw = "Prices rose 4. 2 per cent."
    doc = Document(id="d", source="d", raw=raw, blocks=[Block(0, len(raw))])
    assert contract_violations(doc) == []
    doc.repairs = {12: "X"}
    assert contract_violations(doc) == []  # a recorded same-length repair is allowed
    doc.repairs = {12: "XY"}
    assert any("not one character" in v for v in contract_violations(doc))


@pytest.mark.slow
@pytest.mark.parametrize(("clean_lines", "n"), [("rules", N_DOCUMENTS), ("hybrid", N_MODEL_DOCUMENTS)])
def test_the_contract_holds_on_generated_documents(clean_lines: str, n: int):
    rng, settings = random.Random(15), Settings(clean_lines=clean_lines)
    broken: Counter[str] = Counter()
    example: dict[str, str] = {}
    for i in range(n):
        doc = clean_document(random_document(rng, i), settings)
        for v in contract_violations(doc):
            kind = v.split(",")[0].split(" at ")[0]
            broken[kind] += 1
            example.setdefault(kind, f"{doc.id}: {v}")
    assert not broken, "; ".join(f"{n} x {example[k]}" for k, n in broken.most_common(5))
